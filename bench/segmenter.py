"""Does brief's segmenter still make the same sentences? Every DUC paragraph, three ways.

    .venv/bin/python bench/segmenter.py                 # a minute or two on 2 cores
    .venv/bin/python bench/segmenter.py --before REV    # another git revision as "before"

Every article of ../shared/bench/duc2004 and ../shared/bench/duc2006 is read and cleaned as
``brief`` reads it (ingest.read) and cut into paragraphs (segment.paragraphs). Then:

1. Punkt: each paragraph's spans from ``segment._punkt()`` (brief.punkt, the path brief runs)
   against ``segment.reference_spans`` (NLTK's own PunktSentenceTokenizer, same parameters).
2. Sentences: every article's sentences (text, offsets, paragraph, words, terms) from this
   tree's ``segment.article_sentences`` against those of brief/segment.py at ``--before``
   (by default the commit before the fast segmenter, NLTK's classes underneath), loaded from
   git into a module of its own.

Prints the counts and the first differences; exits 1 on any. Text is read in place, never copied.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
if not SHARED.exists():
    SHARED = Path("/work/shared/bench")
SETS = ("duc2004", "duc2006")
# The last commit whose segment.py ran Punkt through NLTK's classes.
BEFORE = "31af911"
SHOWN = 5  # differences printed in full


def before(revision: str) -> types.ModuleType:
    """brief/segment.py as it was at ``revision``, as a module beside today's."""
    source = subprocess.run(
        ["git", "show", f"{revision}:brief/segment.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType("segment_before")
    exec(compile(source, f"{revision}:brief/segment.py", "exec"), module.__dict__)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", default=BEFORE, help=f"git revision (default {BEFORE})")
    args = parser.parse_args()
    from brief import ingest, segment

    old = before(args.before)
    punkt_differ = sentence_differ = 0
    for name in SETS:
        files = sorted(str(p) for p in (SHARED / name / "clusters").glob("*/docs/*.txt"))
        articles = ingest.read(files)
        paragraphs = spans = sentences = 0
        for index, article in enumerate(articles):
            for start, end in segment.paragraphs(article.text):
                text = article.text[start:end]
                ours, theirs = segment._punkt()(text), segment.reference_spans(text)
                paragraphs += 1
                spans += len(theirs)
                if ours != theirs:
                    punkt_differ += 1
                    if punkt_differ <= SHOWN:
                        print(f"{name} Punkt: {text[:70]!r}\n  brief {ours}\n  nltk  {theirs}")
            new = list(segment.article_sentences(article, index))
            if new != list(old.article_sentences(article, index)):
                sentence_differ += 1
                if sentence_differ <= SHOWN:
                    print(f"{name} sentences differ in {article.path}")
            sentences += len(new)
        print(
            f"{name}: {len(articles):,} articles, {paragraphs:,} paragraphs, "
            f"{spans:,} Punkt spans, {sentences:,} sentences"
        )
    print(f"paragraphs whose Punkt spans differ from NLTK's: {punkt_differ}")
    print(f"articles whose sentences differ from {args.before}'s: {sentence_differ}")
    return 1 if punkt_differ or sentence_differ else 0


if __name__ == "__main__":
    sys.exit(main())
