"""How well brief's story grouping recovers the true stories of a mixed pile of articles.

Mixes every document of every cluster under DATA/clusters/*/docs (DUC 2004 development data by
default, read in place, never copied), groups them into stories (brief.daily), reports the adjusted
Rand index, purity and the number of stories found; with --sweep, the same for a range of
similarity thresholds; then the time ``brief daily`` takes on the same documents from a local
folder. Last line:  ARI <x> purity <y> stories <found>/<true>

    python bench/clustering.py [--data DIR] [--sweep] [--no-daily]
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
# ../shared/bench/duc2004 next to the repository (or next to the folder of its worktrees).
DEFAULT_DATA = next(
    (
        p
        for p in (ROOT.parent / "shared/bench/duc2004", ROOT.parent.parent / "shared/bench/duc2004")
        if p.is_dir()
    ),
    ROOT.parent / "shared/bench/duc2004",
)
SEED = 2004  # the shuffle that mixes the clusters: fixed, so runs compare
SWEEP = (0.05, 0.07, 0.09, 0.10, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.18, 0.20)


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
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sweep", action="store_true", help="score a range of thresholds")
    parser.add_argument("--no-daily", action="store_true", help="skip timing brief daily")
    options = parser.parse_args()
    articles, truth = load(options.data)
    print(f"{len(articles)} articles from {len(set(truth))} stories in {options.data}")
    copies = len(articles) - len(stories.distinct(articles)[0])
    print(f"{copies} articles are near-copies of another (brief daily merges them first)")
    if options.sweep:
        print("similarity   ARI    purity  stories")
        for t in SWEEP:
            a, p, n = score(articles, truth, t)
            print(f"{t:10.2f}  {a:6.3f}  {p:6.3f}  {n:4d}/{len(set(truth))}")
    start = time.perf_counter()
    a, p, n = score(articles, truth, stories.STORY_SIMILARITY)
    print(
        f"grouping took {time.perf_counter() - start:.2f} s (threshold {stories.STORY_SIMILARITY})"
    )
    if not options.no_daily:
        print(f"brief daily from a local folder took {daily_seconds(options.data):.1f} s")
    print(f"ARI {a:.3f} purity {p:.3f} stories {n}/{len(set(truth))}")


if __name__ == "__main__":
    main()
