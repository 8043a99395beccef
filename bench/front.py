"""Does brief's front end still read the same articles and make the same sentences?

    .venv/bin/python bench/front.py                 # a minute or two on 2 cores
    .venv/bin/python bench/front.py --before REV    # another git revision as "before"

Every article file of ../shared/bench/duc2004, ../shared/bench/duc2006 and seeds/, three ways:

1. Articles: ``ingest.read`` (reading and brief.clean) of this tree against brief/ingest.py and
   brief/clean.py at ``--before`` (by default the commit before this work), loaded from git into
   modules of their own: every Article equal (text, title, dates...).
2. Punkt: each paragraph's spans from ``segment._punkt()`` (brief.punkt, the path brief runs)
   against ``segment.reference_spans`` (NLTK's own PunktSentenceTokenizer, same parameters).
3. Sentences: every article's sentences (text, offsets, paragraph, words, terms) from this
   tree's ``segment.article_sentences`` against those of brief/segment.py at ``--before``
   (NLTK's Punkt classes underneath).

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


def before(revision: str, name: str) -> types.ModuleType:
    """brief/<name>.py as it was at ``revision``, as a module beside today's."""
    source = subprocess.run(
        ["git", "show", f"{revision}:brief/{name}.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType(f"{name}_before")
    exec(compile(source, f"{revision}:brief/{name}.py", "exec"), module.__dict__)
    return module


def article_files(name: str) -> list[Path]:
    if name == "seeds":
        return list((ROOT / "seeds").glob("*.txt"))
    return list((SHARED / name / "clusters").glob("*/docs/*.txt"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", default=BEFORE, help=f"git revision (default {BEFORE})")
    args = parser.parse_args()
    from brief import ingest, segment

    old, old_ingest = before(args.before, "segment"), before(args.before, "ingest")
    old_ingest.clean = before(args.before, "clean")  # type: ignore[attr-defined]
    article_differ = punkt_differ = sentence_differ = 0
    for name in (*SETS, "seeds"):
        files = sorted(str(p) for p in article_files(name))
        articles, old_articles = ingest.read(files), old_ingest.read(files)
        if len(articles) != len(old_articles):
            raise SystemExit(f"{name}: {len(articles)} articles read, {len(old_articles)} before")
        for article, old_article in zip(articles, old_articles, strict=True):
            if article != old_article:
                article_differ += 1
                if article_differ <= SHOWN:
                    print(f"{name} article differs: {article.path}")
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
    print(f"articles that differ from {args.before}'s: {article_differ}")
    print(f"paragraphs whose Punkt spans differ from NLTK's: {punkt_differ}")
    print(f"articles whose sentences differ from {args.before}'s: {sentence_differ}")
    return 1 if article_differ or punkt_differ or sentence_differ else 0


if __name__ == "__main__":
    sys.exit(main())
