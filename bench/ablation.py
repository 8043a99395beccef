"""What each idea of the default method is worth on DUC 2004 and DUC 2006: one change at a time.

usage: python bench/ablation.py [--sets duc2004:100,duc2006:250] [--only LABEL-PREFIX]

Runs in-process (library calls, not the CLI), writes summaries under
bench/scratch/ablation/<set>-<words>/<variant>/<source digest>/ (reused while brief's source is
unchanged) and prints a Markdown table of ROUGE-1/2 recall on each set from the benchmark's
score.py. Each variant changes one named constant or rule of brief.scoring.concepts and restores it;
"ICSISumm recipe" switches off every addition at once. The protocol (bench/README.md): an idea
stays in the default only if it helps on both sets.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import ROOT, data_dir, digest, score

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


def _fixed(count: int) -> Callable[[int], int]:
    return lambda articles: min(count, articles)


def _share(share: float) -> Callable[[int], int]:
    return lambda articles: max(1, math.ceil(round(share * articles, 6)))


ICSI = {
    "POSITION_DECAY": 0.0,
    "MAX_POSITION": 10**6,
    "PRONOUN_START": frozenset(),
    "min_docs": _fixed(3),
}
Chooser = Callable[[Any, int | None, int | None], tuple[int, ...]]
VARIANTS: list[tuple[str, dict[str, Any], Chooser | None]] = [
    ("default (all of the below)", {}, None),
    ("ICSISumm recipe: document frequency in >= 3 articles, any position", ICSI, None),
    (
        "concepts in >= 30% of articles (the old default, tuned on DUC 2004)",
        {"min_docs": _share(0.3)},
        None,
    ),
    ("concepts in >= 20% of articles", {"min_docs": _share(0.2)}, None),
    ("concepts in >= 3 articles (ICSISumm's fixed count)", {"min_docs": _fixed(3)}, None),
    ("concepts in >= 2 articles", {"min_docs": _fixed(2)}, None),
    ("- position discount (plain document frequency)", {"POSITION_DECAY": 0.0}, None),
    ("position discount 0.25", {"POSITION_DECAY": 0.25}, None),
    ("position discount 1.0", {"POSITION_DECAY": 1.0}, None),
    ("- first-sentences cap (any position)", {"MAX_POSITION": 10**6}, None),
    ("first-sentences cap 5", {"MAX_POSITION": 5}, None),
    ("first-sentences cap 20", {"MAX_POSITION": 20}, None),
    ("- quotation rules (quote openings, unbalanced quotes)", {"_readable": _no_quote_rules}, None),
    ("- pronoun-opening rule", {"PRONOUN_START": frozenset()}, None),
    ("- abbreviation-cut rule", {"CUT_END_RE": concepts.re.compile(r"(?!)")}, None),
    ("- 10-word minimum (6, select's floor)", {"MIN_WORDS": 6}, None),
    ("15-word minimum", {"MIN_WORDS": 15}, None),
    ("greedy (gain per word) instead of the integer program", {}, _greedy),
    ("rate() ranked by select.top (the brief's sections)", {}, _rate),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="duc2004:100,duc2006:250")
    ap.add_argument("--only", help="run the variants whose label starts with this")
    args = ap.parse_args()
    sets = [(spec.split(":")[0], int(spec.split(":")[1])) for spec in args.sets.split(",")]
    code = digest()
    default = methods.METHODS[methods.DEFAULT]
    cells = " | ".join(f"{n.upper()} {w} R-1 | R-2" for n, w in sets)
    print(f"| variant | {cells} |\n|---|" + "---:|---:|" * len(sets))
    corpora: dict[str, dict[str, Any]] = {}
    for k, (label, changes, chooser) in enumerate(VARIANTS):
        if args.only and not label.startswith(args.only):
            continue
        row = []
        for name, words in sets:
            data = data_dir(None, name)
            if name not in corpora:
                corpora[name] = {
                    c: segment.corpus(ingest.read([str(data / "clusters" / c / "docs")]))
                    for c in sorted(os.listdir(data / "clusters"))
                }
            folder = SCRATCH / f"{name}-{words}" / f"v{k:02d}" / code
            folder.mkdir(parents=True, exist_ok=True)
            with patched(changes):
                for cluster, corpus in corpora[name].items():
                    target = folder / f"{cluster}.txt"
                    if target.exists():
                        continue
                    picked = (chooser or default.choose or _rate)(corpus, words, None)
                    lines = [" ".join(corpus.sentences[i].text.split()) + "\n" for i in picked]
                    target.write_text("".join(lines), encoding="utf-8")
            result, _ = score(data, f"v{k:02d}", folder, sumrepo=False, words=words)
            (s,) = result["scores"].values()
            row.append(f"{s['ROUGE-1'][0]:.2f} | {s['ROUGE-2'][0]:.2f}")
        print(f"| {label} | " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
