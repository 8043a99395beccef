"""How well brief's story grouping recovers the true stories of a mixed pile of articles.

For each data set (DUC 2004 development data, 20 events x 10 articles, and DUC 2006, 50 broad
topics x 25 articles; read in place from ../shared/bench, never copied), mixes every document of
every cluster under DATA/clusters/*/docs, groups them into stories (brief.daily.stories), and
reports the adjusted Rand index, purity and the number of stories found. With --sweep, the same
for a range of (rescaled) similarity cuts on both sets, then the cut that is best on each set
scored on the other: settings are chosen on one set and confirmed on the other. With --daily,
also the time ``brief daily`` takes on each set from a local folder. Last lines, per set:
``<set>: ARI <x> purity <y> stories <found>/<true>``

    python bench/clustering.py [--data DIR ...] [--sweep] [--daily]
"""

from __future__ import annotations

import argparse
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


def score(articles: list[Article], truth: list[str], similarity: float) -> tuple[float, float, int]:
    labels = list(stories.cluster(articles, similarity))
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
    found: dict[str, tuple[float, float, int]] = {}
    for name, (articles, truth) in sets.items():
        print(f"{name}: {len(articles)} articles from {len(set(truth))} stories")
        copies = len(articles) - len(stories.distinct(articles)[0])
        print(f"  {copies} articles are near-copies of another (brief daily merges them first)")
        start = time.perf_counter()
        found[name] = score(articles, truth, stories.STORY_SIMILARITY)
        print(f"  grouping took {time.perf_counter() - start:.2f} s")
        if options.daily:
            folder = next(d for d in options.data if d.name == name)
            print(f"  brief daily from a local folder took {daily_seconds(folder):.1f} s")
    if options.sweep:
        sweep(sets)
    print(f"default cut {stories.STORY_SIMILARITY}")
    for name, (a, p, n) in found.items():
        print(f"{name}: ARI {a:.3f} purity {p:.3f} stories {n}/{len(set(sets[name][1]))}")


def sweep(sets: dict[str, tuple[list[Article], list[str]]]) -> None:
    """Every cut on every set; then the cut best on each set, scored on the others."""
    table = {
        name: {t: score(articles, truth, t) for t in SWEEP}
        for name, (articles, truth) in sets.items()
    }
    print("cut    " + "  ".join(f"{name:>22}" for name in table))
    for t in SWEEP:
        cells = [
            f"{table[n][t][0]:.3f} / {table[n][t][1]:.3f} / {table[n][t][2]:4d}" for n in table
        ]
        print(f"{t:5.2f}  " + "  ".join(f"{c:>22}" for c in cells))
    for chosen_on in table:
        best = max(SWEEP, key=lambda t, name=chosen_on: (table[name][t][0], -t))
        others = ", ".join(f"{n} ARI {table[n][best][0]:.3f}" for n in table if n != chosen_on)
        print(f"chosen on {chosen_on}: cut {best} (ARI {table[chosen_on][best][0]:.3f}); {others}")


if __name__ == "__main__":
    main()
