"""What each idea of the default method is worth on DUC 2004: one change at a time, re-scored.

usage: python bench/ablation.py [--data DIR] [--words 100]

Runs in-process (library calls, not the CLI: 20 clusters x 15 variants in a few minutes), writes
summaries under bench/scratch/ablation/ and prints a Markdown table of ROUGE-1/2/4 recall from the
benchmark's score.py. Each variant changes one named constant or filter of the concepts scorer and
restores it; "ICSISumm recipe" switches off every addition at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import ROOT, data_dir, score

from brief import ingest, segment, select
from brief import scoring as methods
from brief.scoring import concepts

SCRATCH = ROOT / "bench" / "scratch" / "ablation"


@contextmanager
def patched(changes: dict[str, Any]) -> Iterator[None]:
    saved = {name: getattr(concepts, name) for name in changes}
    for name, value in changes.items():
        setattr(concepts, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(concepts, name, value)


def _no_quote_rules(sentence: Any) -> bool:
    return (
        select.eligible(sentence)
        and concepts.word_count(sentence) >= concepts.MIN_WORDS
        and sentence.position <= concepts.MAX_POSITION
        and sentence.words[0].lower() not in concepts.PRONOUN_START
    )


def _greedy(corpus: Any, words: int | None, sentences: int | None) -> tuple[int, ...]:
    table = concepts.weights(corpus)
    return tuple(concepts._greedy(corpus, concepts._pool(corpus, table), table, words, sentences))


def _rate(corpus: Any, words: int | None, sentences: int | None) -> tuple[int, ...]:
    return select.top(corpus, concepts.rate(corpus), words=words)


ICSI = {"POSITION_DECAY": 0.0, "MAX_POSITION": 10**6, "PRONOUN_START": frozenset()}
Chooser = Callable[[Any, int | None, int | None], tuple[int, ...]]
VARIANTS: list[tuple[str, dict[str, Any], Chooser | None]] = [
    ("default (all of the below)", {}, None),
    ("ICSISumm recipe: document frequency, no position signal", ICSI, None),
    ("- position discount (plain document frequency)", {"POSITION_DECAY": 0.0}, None),
    ("- first-sentences cap (any position)", {"MAX_POSITION": 10**6}, None),
    ("- quotation rules (quote openings, unbalanced quotes)", {"_readable": _no_quote_rules}, None),
    ("- pronoun-opening rule", {"PRONOUN_START": frozenset()}, None),
    ("- abbreviation-cut rule", {"CUT_END_RE": concepts.re.compile(r"(?!)")}, None),
    ("- 10-word minimum (6, select's floor)", {"MIN_WORDS": 6}, None),
    ("concepts in >= 20% of articles", {"MIN_DOC_SHARE": 0.2}, None),
    ("concepts in >= 40% of articles", {"MIN_DOC_SHARE": 0.4}, None),
    ("position discount 0.25", {"POSITION_DECAY": 0.25}, None),
    ("position discount 1.0", {"POSITION_DECAY": 1.0}, None),
    ("greedy (gain per word) instead of the exact ILP", {}, _greedy),
    ("rate() ranked by select.top (the brief's sections)", {}, _rate),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path)
    ap.add_argument("--words", type=int, default=100)
    args = ap.parse_args()
    data = data_dir(args.data)
    clusters = sorted(os.listdir(data / "clusters"))
    corpora = {
        c: segment.corpus(ingest.read([str(data / "clusters" / c / "docs")])) for c in clusters
    }
    default = methods.METHODS[methods.DEFAULT]
    print("| variant | R-1 | R-2 | R-4 |\n|---|---:|---:|---:|")
    for k, (label, changes, chooser) in enumerate(VARIANTS):
        folder = SCRATCH / f"v{k:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        with patched(changes):
            for cluster, corpus in corpora.items():
                picked = (chooser or default.choose or _rate)(corpus, args.words, None)
                lines = [" ".join(corpus.sentences[i].text.split()) + "\n" for i in picked]
                (folder / f"{cluster}.txt").write_text("".join(lines), encoding="utf-8")
        result, _ = score(data, f"v{k:02d}", folder, sumrepo=False)
        (s,) = result["scores"].values()
        r1, r2, r4 = (s[f"ROUGE-{n}"][0] for n in (1, 2, 4))
        print(f"| {label} | {r1:.2f} | {r2:.2f} | {r4:.2f} |", flush=True)


if __name__ == "__main__":
    main()
