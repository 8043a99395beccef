"""`brief daily` at newsroom scale: 1,000 / 10,000 / 100,000 distinct articles in a folder.

The articles are made on the fly in a scratch folder (``--scratch``, default a temporary folder
that is deleted afterwards; never committed) from the DUC 2004 and DUC 2006 articles, read in
place from ../shared/bench. Synthetic story number s is DUC cluster s mod C, edited so that no
two articles are copies and no two synthetic stories are one story:

- every capitalised word and every word of 7 letters or more is swapped for another word of
  its kind from the DUC articles, picked by a hash of (story, word), and a capitalised one
  gets the story's own two-letter tail ("Habibie" -> "Livingstonqk"): within a synthetic story
  the swap is consistent, so its articles share their names and topic words as one event's
  do, while another story drawn from the same DUC cluster has other ones; names are new with
  each story, as a day's news brings new names, and the other words come from the DUC
  vocabulary (the texts read as word salad; brief's costs do not depend on that);
- each article drops each word (never a sentence's last) with probability ``DROP``: two edits of
  one DUC article then share about a third of their word 5-grams, far below the copy
  threshold, so every article is distinct;
- each article gets an outlet (one of ``OUTLETS``) and a date (one of the 7 days of a week) in
  YAML front matter.

Then ``brief daily --since 0`` on each folder, in one process and with ``--workers 2``
(``--no-dask`` skips the latter), timed with its peak memory (the child's maximum resident set),
and the growth exponents between sizes (slope of log time / log memory on log articles).

With ``--grouping``, only the story grouping (``stories.cluster`` on the articles that are not
copies) is timed, in CPU seconds of this process (other jobs on a shared machine change wall
time, much less this), beside the same grouping without the burst rule; its peak memory is
taken by tracemalloc in a third run (numpy and scipy allocate through it). No ``brief daily``.

    python bench/scale.py --sizes 1000 10000          # a few minutes
    timeout 1800 python bench/scale.py --grouping --sizes 10000 30000
    timeout 3600 python bench/scale.py --sizes 100000 --no-dask
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = ("duc2004", "duc2006")
SIZES = (1_000, 10_000, 100_000)
DROP = 0.2  # a word dropped with this probability: 0.8^5 = 1/3 of an article's 5-grams kept
OUTLETS = 40
SEED = 2026
RENAMED = re.compile(r"\b(?:[A-Z][A-Za-z]+|[a-z]{7,})\b")
WORD = re.compile(r"\S+")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def clusters() -> list[list[str]]:
    """The texts of every DUC cluster (each a list of article texts)."""
    found = []
    for name in SETS:
        places = (ROOT.parent / "shared/bench" / name, ROOT.parent.parent / "shared/bench" / name)
        data = next((p for p in places if p.is_dir()), None)
        if data is None:
            sys.exit(f"no {name} under ../shared/bench")
        for folder in sorted((data / "clusters").glob("*/docs")):
            found.append([p.read_text(errors="replace") for p in sorted(folder.glob("*.txt"))])
    return found


def pools(sources: list[list[str]]) -> tuple[list[str], list[str]]:
    """The capitalised words and the long lower-case words of the DUC articles, sorted."""
    found = {m.group(0) for texts in sources for text in texts for m in RENAMED.finditer(text)}
    return sorted(w for w in found if w[0].isupper()), sorted(w for w in found if w[0].islower())


def swap(word: str, story: int, pool: tuple[list[str], list[str]], seen: dict[str, str]) -> str:
    if word not in seen:
        digest = hashlib.blake2b(f"{story}|{word}".encode(), digest_size=8).digest()
        pick = int.from_bytes(digest, "little")
        if word[0].isupper():
            tail = LETTERS[story % 26] + LETTERS[story // 26 % 26]
            seen[word] = pool[0][pick % len(pool[0])] + tail
        else:
            seen[word] = pool[1][pick % len(pool[1])]
    return seen[word]


def edit(text: str, story: int, rng: random.Random, pool: Any, seen: dict[str, str]) -> str:
    """One DUC article as a new article of synthetic story ``story``."""
    renamed = RENAMED.sub(lambda m: swap(m.group(0), story, pool, seen), text)
    lines = []
    for line in renamed.splitlines():
        words = WORD.findall(line)
        kept = [w for i, w in enumerate(words) if i == len(words) - 1 or rng.random() >= DROP]
        lines.append(" ".join(kept))
    return "\n".join(lines)


def build(folder: Path, size: int, sources: list[list[str]]) -> None:
    """``size`` articles in ``folder``, story after story, with front matter."""
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    pool = pools(sources)
    made, story = 0, 0
    while made < size:
        texts = sources[story % len(sources)]
        seen: dict[str, str] = {}
        for text in texts:
            if made == size:
                break
            outlet = f"Outlet {rng.randrange(OUTLETS):02d}"
            day = f"1998-11-{1 + rng.randrange(7):02d}"
            body = edit(text, story, rng, pool, seen)
            front = f"---\noutlet: {outlet}\npublished: {day}\n---\n"
            (folder / f"{made:06d}.md").write_text(front + body + "\n")
            made += 1
        story += 1


def run(folder: Path, out: Path, workers: int | None) -> tuple[float, float, str]:
    """Seconds and peak MB of one `brief daily --since 0` over ``folder``."""
    config = out / "brief.toml"
    out.mkdir(parents=True, exist_ok=True)
    config.write_text(f'[daily]\nfolders = ["{folder}"]\nsince = "0"\n')
    brief = Path(sys.executable).parent / "brief"
    args = [str(brief), "daily", "--config", str(config), "--out", str(out / "out")]
    args += ["--date", "1998-11-07", "--force"]
    if workers:
        args += ["--workers", str(workers)]
    code = (
        "import os, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "err = p.stderr.read()\n"
        "_, status, usage = os.wait4(p.pid, 0)\n"
        "print(time.perf_counter() - start, usage.ru_maxrss, status)\n"
        "sys.stderr.write(err.decode(errors='replace')[-1500:])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=os.environ.copy()
    )
    seconds, kb, status = done.stdout.split()
    if status != "0":
        sys.exit(f"brief daily failed on {folder}:\n{done.stderr}")
    # ru_maxrss of the launcher's children: the largest single process (the workers of
    # --workers are children of brief, and counted only when they are the largest).
    return float(seconds), int(kb) / 1024, done.stderr.strip().splitlines()[-1]


def stages(folder: Path) -> tuple[float, float, float, int, int]:
    """Seconds to read the folder, find copies and group the rest (this process), and the
    number of articles kept and of stories."""
    from brief import ingest
    from brief.daily import stories

    start = time.perf_counter()
    articles = ingest.read([str(folder)])
    read = time.perf_counter()
    kept, _ = stories.distinct(articles)
    copied = time.perf_counter()
    labels = stories.cluster(kept)
    grouped = time.perf_counter()
    return read - start, copied - read, grouped - copied, len(kept), len(set(labels))


def grouping(folder: Path) -> tuple[float, float, float, int, int]:
    """CPU seconds and peak MB (tracemalloc, another run) of grouping the articles of ``folder``
    that are not copies, seconds without the burst rule (the baseline, same process); the
    number of articles grouped and of stories."""
    import tracemalloc

    from brief import ingest
    from brief.daily import stories

    kept, _ = stories.distinct(ingest.read([str(folder)]))
    start = time.process_time()
    labels = stories.cluster(kept)
    seconds = time.process_time() - start
    start = time.process_time()
    stories.cluster(kept, gap=None)
    baseline = time.process_time() - start
    tracemalloc.start()
    again = stories.cluster(kept)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    assert again == labels
    return seconds, peak, baseline, len(kept), len(set(labels))


def grouping_only(sizes: list[int], scratch: Path, sources: list[list[str]]) -> None:
    rows: list[tuple[int, float, float]] = []
    for size in sizes:
        folder = scratch / f"articles-{size}"
        if not folder.exists():
            build(folder, size, sources)
        seconds, mb, baseline, kept, found = grouping(folder)
        rows.append((size, seconds, mb))
        print(
            f"{size:>7} articles: grouping {seconds:.1f} CPU s ({seconds / baseline:.2f}x the "
            f"grouping without the burst rule), {mb:.0f} MB ({kept} kept, {found} stories)"
        )
        sys.stdout.flush()
    print("\n| articles | grouping CPU s | peak MB (tracemalloc) | time growth | memory growth |")
    print("|---:|---:|---:|---|---|")
    for k, (size, seconds, mb) in enumerate(rows):
        grow_t = exponent([(n, t) for n, t, _ in rows[: k + 1]])
        grow_m = exponent([(n, m) for n, _, m in rows[: k + 1]])
        print(f"| {size:,} | {seconds:.1f} | {mb:.0f} | {grow_t} | {grow_m} |")


def exponent(points: list[tuple[int, float]]) -> str:
    if len(points) < 2:
        return ""
    (n0, y0), (n1, y1) = points[-2], points[-1]
    return f"n^{math.log(y1 / y0) / math.log(n1 / n0):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--scratch", type=Path, help="keep the folders here (default: temp)")
    parser.add_argument("--no-dask", action="store_true", help="one process only")
    parser.add_argument("--grouping", action="store_true", help="time the grouping alone")
    options = parser.parse_args()
    sources = clusters()
    if options.grouping:
        with tempfile.TemporaryDirectory() as temp:
            grouping_only(options.sizes, options.scratch or Path(temp), sources)
        return
    modes = [None] if options.no_dask else [None, 2]
    with tempfile.TemporaryDirectory() as temp:
        scratch = options.scratch or Path(temp)
        rows: dict[int | None, list[tuple[int, float, float]]] = {m: [] for m in modes}
        for size in options.sizes:
            folder = scratch / f"articles-{size}"
            if not folder.exists():
                build(folder, size, sources)
            read, copies, grouping, kept, found = stages(folder)
            print(
                f"{size:>7} articles: read {read:.1f} s, copies {copies:.1f} s, grouping "
                f"{grouping:.1f} s ({kept} kept, {found} stories)"
            )
            for mode in modes:
                seconds, mb, last = run(folder, scratch / f"run-{size}-{mode}", mode)
                rows[mode].append((size, seconds, mb))
                label = "one process" if mode is None else f"--workers {mode}"
                print(f"{size:>7} articles, {label}: {seconds:.1f} s, {mb:.0f} MB ({last})")
                sys.stdout.flush()
    print(
        "\n| articles | mode | seconds | peak MB (largest process) | time growth | memory growth |"
    )
    print("|---:|---|---:|---:|---|---|")
    for mode, points in rows.items():
        label = "one process" if mode is None else f"`--workers {mode}`"
        for k, (size, seconds, mb) in enumerate(points):
            grow_t = exponent([(n, s) for n, s, _ in points[: k + 1]])
            grow_m = exponent([(n, m) for n, _, m in points[: k + 1]])
            print(f"| {size:,} | {label} | {seconds:.1f} | {mb:.0f} | {grow_t} | {grow_m} |")


if __name__ == "__main__":
    main()
