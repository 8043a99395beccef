"""How well brief's story grouping recovers the true stories of a mixed pile of articles.

For each data set (DUC 2004 development data, 20 events x 10 articles, and DUC 2006, 50 broad
topics x 25 articles; read in place from ../shared/bench, never copied), mixes every document of
every cluster under DATA/clusters/*/docs, groups them into stories (brief.daily.stories), and
reports the adjusted Rand index, purity and the number of stories found, with brief's settings
and without its burst rule (stories.BURST_GAP). With --sweep, the same for a grid of (rescaled)
similarity cuts and burst gaps on both sets, then the setting that is best on each set scored on
the other: settings are chosen on one set and confirmed on the other (ties go to the lower cut,
then to the smaller gap: the strictest time rule the set tolerates). With --daily,
also the time ``brief daily`` takes on each set from a local folder. Last lines, per set:
``<set>: ARI <x> purity <y> stories <found>/<true>``

    python bench/clustering.py [--data DIR ...] [--sweep] [--daily]
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from math import comb
from pathlib import Path

from brief import ingest
from brief.daily import stories
from brief.models import Article

ROOT = Path(__file__).resolve().parent.parent


def _shared(name: str) -> Path:
    """../shared/bench/NAME next to the repository (or next to the folder of its worktrees)."""
    places = (ROOT.parent / "shared/bench" / name, ROOT.parent.parent / "shared/bench" / name)
    return next((p for p in places if p.is_dir()), places[0])


DEFAULT_DATA = (_shared("duc2004"), _shared("duc2006"))
SEED = 2004  # the shuffle that mixes the clusters: fixed, so runs compare
SWEEP = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
GAPS: tuple[float | None, ...] = (None, 4, 8, 12, 16, 24, 32)  # None: no burst rule


def load(data: Path) -> tuple[list[Article], list[str]]:
    """Every article of every cluster, shuffled, and its true cluster name."""
    folders = sorted(p for p in (data / "clusters").glob("*/docs") if p.is_dir())
    if not folders:
        sys.exit(f"no clusters/*/docs folders under {data}")
    pairs = [(a, f.parent.name) for f in folders for a in ingest.read([str(f)])]
    random.Random(SEED).shuffle(pairs)
    return [a for a, _ in pairs], [label for _, label in pairs]


def adjusted_rand(truth: list[str], found: list[int]) -> float:
    pairs = Counter(zip(truth, found, strict=True))
    within = sum(comb(n, 2) for n in pairs.values())
    rows = sum(comb(n, 2) for n in Counter(truth).values())
    cols = sum(comb(n, 2) for n in Counter(found).values())
    expected = rows * cols / comb(len(truth), 2)
    best = (rows + cols) / 2
    return 1.0 if best == expected else (within - expected) / (best - expected)


def purity(truth: list[str], found: list[int]) -> float:
    members: dict[int, Counter[str]] = {}
    for t, f in zip(truth, found, strict=True):
        members.setdefault(f, Counter())[t] += 1
    return sum(c.most_common(1)[0][1] for c in members.values()) / len(truth)


Scores = tuple[float, float, int]


def score(
    articles: list[Article], truth: list[str], similarity: float, gap: float | None
) -> Scores:
    labels = list(stories.cluster(articles, similarity, gap=gap))
    return adjusted_rand(truth, labels), purity(truth, labels), len(set(labels))


def daily_seconds(data: Path) -> float:
    """Wall time of one ``brief daily`` over the documents as local folders (no mail sent)."""
    folders = sorted(str(p) for p in (data / "clusters").glob("*/docs"))
    with tempfile.TemporaryDirectory() as scratch:
        config = Path(scratch) / "brief.toml"
        listed = ", ".join(f'"{f}"' for f in folders)
        config.write_text(f'[daily]\nfolders = [{listed}]\nsince = "0"\n')
        command = [
            sys.executable,
            "-c",
            "from brief.cli import main; main()",
            "daily",
            "--config",
            str(config),
            "--out",
            str(Path(scratch) / "out"),
            "--date",
            "1998-12-31",
        ]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy())
        seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"brief daily failed ({done.returncode}): {done.stderr.strip()}")
    print("  " + "\n  ".join(done.stderr.strip().splitlines()[-3:]))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, nargs="*", default=list(DEFAULT_DATA))
    parser.add_argument("--sweep", action="store_true", help="score a range of cuts, cross-check")
    parser.add_argument("--daily", action="store_true", help="also time brief daily on each set")
    options = parser.parse_args()
    sets = {data.name: load(data) for data in options.data}
    found: dict[str, Scores] = {}
    without: dict[str, Scores] = {}
    for name, (articles, truth) in sets.items():
        print(f"{name}: {len(articles)} articles from {len(set(truth))} stories")
        copies = len(articles) - len(stories.distinct(articles)[0])
        print(f"  {copies} articles are near-copies of another (brief daily merges them first)")
        start = time.perf_counter()
        found[name] = score(articles, truth, stories.STORY_SIMILARITY, stories.BURST_GAP)
        print(f"  grouping took {time.perf_counter() - start:.2f} s")
        without[name] = score(articles, truth, stories.STORY_SIMILARITY, None)
        if options.daily:
            folder = next(d for d in options.data if d.name == name)
            print(f"  brief daily from a local folder took {daily_seconds(folder):.1f} s")
    if options.sweep:
        sweep(sets)
    print(f"without the burst rule, cut {stories.STORY_SIMILARITY}:")
    for name, (a, p, n) in without.items():
        print(f"  {name}: ARI {a:.3f} purity {p:.3f} stories {n}/{len(set(sets[name][1]))}")
    print(f"default cut {stories.STORY_SIMILARITY}, burst gap {stories.BURST_GAP}")
    for name, (a, p, n) in found.items():
        print(f"{name}: ARI {a:.3f} purity {p:.3f} stories {n}/{len(set(sets[name][1]))}")


def sweep(sets: dict[str, tuple[list[Article], list[str]]]) -> None:
    """Every (gap, cut) on every set; then the setting best on each set, scored on the others."""
    grid = [(g, t) for g in GAPS for t in SWEEP]
    table = {
        name: {(g, t): score(articles, truth, t, g) for g, t in grid}
        for name, (articles, truth) in sets.items()
    }
    print("  gap   cut  " + "  ".join(f"{name:>22}" for name in table))
    for g, t in grid:
        cells = [f"{a:.3f} / {p:.3f} / {k:4d}" for a, p, k in (table[n][g, t] for n in table)]
        print(f"{_gap(g):>5} {t:5.2f}  " + "  ".join(f"{c:>22}" for c in cells))

    def rank(setting: tuple[float | None, float], name: str) -> tuple[float, float, float]:
        g, t = setting
        return (table[name][setting][0], -t, -(g if g is not None else float("inf")))

    for chosen_on in table:
        best = max(grid, key=functools.partial(rank, name=chosen_on))
        others = ", ".join(f"{n} ARI {table[n][best][0]:.3f}" for n in table if n != chosen_on)
        print(
            f"chosen on {chosen_on}: gap {_gap(best[0])}, cut {best[1]} "
            f"(ARI {table[chosen_on][best][0]:.3f}); {others}"
        )


def _gap(gap: float | None) -> str:
    return "none" if gap is None else f"{gap:g}"


if __name__ == "__main__":
    main()
