"""Speed of brief's scorers against sumy's own classes, on the same sentences in the same run.

    .venv/bin/python bench/speed.py              # the table (a few minutes on 2 cores)
    .venv/bin/python bench/speed.py --criteria   # also the issue's 2k / 20k whole-process checks
    .venv/bin/python bench/speed.py --front      # only: front end vs regex floor, start-up imports

Inputs of about 300, 1k, 3k, 10k and 30k sentences are built from real newswire text: the
seeds, then the DUC 2004 documents, read in place from ../shared/bench/duc2004 (never copied),
repeated in order once they run out (as wire copies are: 10k and up hold each DUC sentence more
than once). For each size: the floor (reading and segmenting alone), every method in brief and in
sumy (sumy skipped where its time, extrapolated from the last size with the larger of its
measured growth and n^2, would pass 60 s), whole-process
``brief summarize --method lexrank --sentences 10`` and its peak memory (resident set size),
and the largest peak traced memory of a brief scorer (tracemalloc). One Markdown table, with
each method's growth exponent (slope of log time on log sentences).
"""

from __future__ import annotations

import argparse
import math
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DUC = ROOT.parent / "shared" / "bench" / "duc2004" / "clusters"
if not DUC.exists():
    DUC = Path("/work/shared/bench/duc2004/clusters")
SIZES = (300, 1_000, 3_000, 10_000, 30_000)
# sumy runs are skipped where the extrapolated time passes this (the cap).
SUMY_CAP_S = 60.0
# Growth assumed for the first extrapolation of a sumy method, before two sizes are measured.
SUMY_FIRST_EXPONENT = {"kl": 3.0}
DEFAULT_EXPONENT = 2.0
BRIEF = Path(sys.executable).parent / "brief"


def files() -> list[str]:
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    return seeds + sorted(str(p) for p in DUC.glob("*/docs/*.txt"))


def sentence_counts(paths: list[str]) -> dict[str, int]:
    from brief import ingest, segment

    return {p: len(segment.corpus(ingest.read([p])).sentences) for p in paths}


def inputs(target: int, counts: dict[str, int]) -> list[str]:
    """Files, in order and cycling, until they hold at least ``target`` sentences."""
    chosen: list[str] = []
    total = 0
    while total < target:
        for path, n in counts.items():
            chosen.append(path)
            total += n
            if total >= target:
                break
    return chosen


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def traced_peak(fn: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# A small launcher runs each command and reads its own child's peak RSS: a child forked from
# this (large) process would report this process's pages as its own.
LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, status)
"""
# Whole-process runs are repeated and the fastest kept: the machine is shared.
REPEATS = 3


def run(args: list[str], repeats: int = REPEATS) -> tuple[float, float]:
    """Fastest wall time of ``args`` over ``repeats`` runs, and the peak RSS in MB."""
    best, peak = math.inf, 0.0
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", LAUNCHER, *args], capture_output=True, text=True, check=True
        ).stdout.split()
        if out[2] != "0":
            raise SystemExit(f"failed: {' '.join(args[:3])} ...")
        best, peak = min(best, float(out[0])), max(peak, int(out[1]) / 1024)
    return best, peak


def whole_process(paths: list[str], method: str, repeats: int = REPEATS) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of ``brief summarize`` over ``paths``, start-up included."""
    args = [str(BRIEF), "summarize", *paths, "--method", method, "--sentences", "10"]
    return run(args, repeats)


def fastest(fn: Callable[[], Any]) -> float:
    return min(timed(fn)[0] for _ in range(REPEATS))


def exponent(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log time on log size."""
    points = [(n, t) for n, t in points if t > 0]
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx


def predicted(points: list[tuple[int, float]], n: int, name: str) -> float:
    if not points:
        return 0.0
    k = exponent(points[-2:]) if len(points) >= 2 else None
    if k is None:
        k = SUMY_FIRST_EXPONENT.get(name, DEFAULT_EXPONENT)
    last_n, last_t = points[-1]
    # Small sizes understate sumy's growth (fixed costs): never assume less than n^2.
    return last_t * (n / last_n) ** max(k, DEFAULT_EXPONENT)


def measure(sizes: tuple[int, ...]) -> dict[str, Any]:
    from brief import ingest, segment
    from brief import scoring as score
    from brief.scoring import oracle as sumy_adapter
    from brief.scoring.fast import prep

    counts = sentence_counts(files())
    results: dict[str, Any] = {"n": [], "brief": {}, "sumy": {}, "peak": [], "process": []}
    sumy_points: dict[str, list[tuple[int, float]]] = {name: [] for name in score.SUMY_SUMMARIES}
    for target in sizes:
        paths = inputs(target, counts)
        floor, corpus = timed(lambda paths=paths: segment.corpus(ingest.read(paths)))
        n = len(corpus.sentences)
        results["n"].append(n)
        results["brief"].setdefault("floor: read + segment", []).append(floor)
        prep.prepare.cache_clear()
        prepare_time, _ = timed(lambda corpus=corpus: prep.prepare(corpus))
        results["brief"].setdefault("shared matrix (prep)", []).append(prepare_time)
        peak = 0
        for name in score.FAST:

            def rate(name: str = name, corpus: Any = corpus) -> Any:
                prep.prepare.cache_clear()  # every method pays for its own preprocessing
                return score.rate(corpus, name)

            results["brief"].setdefault(name, []).append(fastest(rate))
            prep.prepare.cache_clear()
            peak = max(peak, traced_peak(lambda name=name, corpus=corpus: score.rate(corpus, name)))
        results["peak"].append(peak / 2**20)
        for name in score.SUMY_SUMMARIES:
            guess = predicted(sumy_points[name], n, name)
            if guess > SUMY_CAP_S:
                results["sumy"].setdefault(name, []).append(None)
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # sumy's LSA warns on short texts
                t, _ = timed(lambda name=name, corpus=corpus: sumy_adapter.rate(name, corpus))
            sumy_points[name].append((n, t))
            results["sumy"].setdefault(name, []).append(t)
        results["process"].append(whole_process(paths, "lexrank"))
        print(f"measured {n} sentences", file=sys.stderr, flush=True)
    return results


def seconds(t: float | None) -> str:
    if t is None:
        return "skipped"
    return f"{t:.3f}" if t < 10 else f"{t:.1f}"


def ratio(fast: float, slow: float | None) -> str:
    if slow is None or fast <= 0:
        return ""
    return f" (×{slow / fast:,.0f})"


def table(results: dict[str, Any]) -> str:
    ns = results["n"]
    head = (
        "| seconds (brief / sumy) | "
        + " | ".join(f"{n:,} sent." for n in ns)
        + " | growth, last two sizes | sumy growth |"
    )
    lines = [head, "|" + "---|" * (len(ns) + 3)]
    for name, times in results["brief"].items():
        sumy = results["sumy"].get(name, [None] * len(ns))
        cells = [
            f"{seconds(t)} / {seconds(s)}{ratio(t, s)}" if name in results["sumy"] else seconds(t)
            for t, s in zip(times, sumy, strict=True)
        ]
        grow = exponent(list(zip(ns, times, strict=True))[-2:])
        sumy_points = [(n, s) for n, s in zip(ns, sumy, strict=True) if s is not None]
        sumy_grow = exponent(sumy_points[-2:]) if name in results["sumy"] else None
        label = name
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {_exp(grow)} | {_exp(sumy_grow)} |")
    process = results["process"]
    grow = exponent([(n, t) for n, (t, _) in zip(ns, process, strict=True)][-2:])
    lines.append(
        "| whole process: `brief summarize --method lexrank --sentences 10` | "
        + " | ".join(seconds(t) for t, _ in process)
        + f" | {_exp(grow)} | |"
    )
    lines.append(
        "| peak memory, whole process (MB RSS) | "
        + " | ".join(f"{mb:.0f}" for _, mb in process)
        + " | | |"
    )
    lines.append(
        "| peak memory, largest brief scorer (MB traced) | "
        + " | ".join(f"{mb:.0f}" for mb in results["peak"])
        + " | | |"
    )
    return "\n".join(lines)


def _exp(k: float | None) -> str:
    return "" if k is None else f"n^{k:.2f}"


def criteria() -> str:
    """The issue's checks: brief vs sumy LexRank at 2k, and brief at 20k vs 2k (whole process)."""
    counts = sentence_counts(files())
    small, large = inputs(2_000, counts), inputs(20_000, counts)
    brief_small, mb_small = whole_process(small, "lexrank")
    brief_large, mb_large = whole_process(large, "lexrank")
    sumy_small, _ = whole_process(small, "sumy-lexrank", repeats=1)  # over a minute a run
    help_s, _ = run([str(BRIEF), "--help"])
    methods_s, _ = run([str(BRIEF), "methods"])
    return "\n".join(
        [
            "| whole process, lexrank | seconds | peak MB |",
            "|---|---|---|",
            f"| brief, ~2k sentences | {brief_small:.2f} | {mb_small:.0f} |",
            f"| sumy (`--method sumy-lexrank`), same input | {sumy_small:.1f} | |",
            f"| brief, ~20k sentences | {brief_large:.2f} | {mb_large:.0f} |",
            f"| sumy / brief at 2k | ×{sumy_small / brief_small:.0f} | |",
            f"| brief 20k / brief 2k | ×{brief_large / brief_small:.1f} | |",
            f"| `brief --help` | {help_s:.2f} | |",
            f"| `brief methods` | {methods_s:.2f} | |",
        ]
    )


SPLIT = re.compile(r"(?<=[.!?])\s+")
FRONT_SENTENCES = 30_000
# The bounds: read + clean + segment within 4x of the regex floor; start-up imports.
FRONT_RATIO = 4.0
STARTUP_S = 0.5


def regex_floor(paths: list[str]) -> int:
    """Read each file and split it at [.!?] + white space: the least any segmenter does."""
    n = 0
    for path in paths:
        text = Path(path).read_bytes().decode("utf-8", errors="replace")
        n += sum(1 for s in SPLIT.split(text) if s.strip())
    return n


def startup_imports() -> float:
    """Seconds of imports in `brief build seeds` (python -X importtime, top-level modules)."""
    best = math.inf
    with tempfile.TemporaryDirectory() as out:
        for _ in range(REPEATS):
            args = [sys.executable, "-X", "importtime", "-m", "brief", "build", str(ROOT / "seeds")]
            done = subprocess.run(
                [*args, "--out", out, "--force"], capture_output=True, text=True, check=True
            )
            tops = re.findall(r"import time:\s+\d+ \|\s+(\d+) \| \S", done.stderr)
            best = min(best, sum(int(t) for t in tops) / 1e6)
    return best


def segmented(paths: list[str]) -> list[Any]:
    """Stage 1: read, clean and segment (each sentence's text and offsets: ``segment.cut``)."""
    from brief import ingest, segment

    return [segment.cut(article) for article in ingest.read(paths)]


def vectorised(cuts: list[Any]) -> list[Any]:
    """Stage 2: the words and terms of every sentence (``segment.vectorise``), from stage 1."""
    from brief import segment

    return [segment.vectorise([c[3] for c in found]) for found in cuts]


# Rounds of the front-end runs, interleaved (floor, stages, whole) so that a change in the
# machine's load falls on all; the fastest of each is kept, by wall clock and by CPU time
# (process time: what the run itself cost, whatever else the shared cores were doing).
FRONT_ROUNDS = 5


def interleaved(fns: dict[str, Callable[[], Any]]) -> dict[str, tuple[float, float]]:
    """For each function, its fastest (wall seconds, CPU seconds) over FRONT_ROUNDS rounds."""
    best = {name: (math.inf, math.inf) for name in fns}
    for _ in range(FRONT_ROUNDS):
        for name, fn in fns.items():
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    return best


def front() -> str:
    """The front end against its floor at 30k sentences, stage by stage, and the start-up of
    `brief build`. ``segment.corpus`` runs the same stages in the same order, then makes the
    Sentence records: the whole is the two stages and the records."""
    from brief import ingest, segment

    paths = inputs(FRONT_SENTENCES, sentence_counts(files()))
    cuts = segmented(paths)
    got = interleaved(
        {
            "floor": lambda: regex_floor(paths),
            "segment": lambda: segmented(paths),
            "vectorise": lambda: vectorised(cuts),
            "whole": lambda: segment.corpus(ingest.read(paths)),
        }
    )
    n = len(segment.corpus(ingest.read(paths)).sentences)
    imports = startup_imports()

    def row(label: str, name: str, bound: str = "") -> str:
        (wall, cpu), (floor_wall, floor_cpu) = got[name], got["floor"]
        return (
            f"| {label} | {wall:.3f} / {cpu:.3f} | ×{wall / floor_wall:.1f} / "
            f"×{cpu / floor_cpu:.1f} | {bound} |"
        )

    return "\n".join(
        [
            "| front end | seconds (wall / CPU) | ratio (wall / CPU) | bound |",
            "|---|---|---|---|",
            row(f"regex floor: read + split at [.!?], {regex_floor(paths):,} pieces", "floor"),
            row(
                f"1. read + clean + segment (texts, offsets), {sum(map(len, cuts)):,} spans",
                "segment",
                f"×{FRONT_RATIO:g}",
            ),
            row("2. vectorise: words and terms of those spans", "vectorise"),
            row(
                f"whole: `segment.corpus(ingest.read(...))` (1 + 2 + records), {n:,} sentences",
                "whole",
            ),
            f"| `brief build seeds`: imports (`-X importtime`) | {imports:.2f} | "
            f"×{imports / STARTUP_S:.1f} of the bound | {STARTUP_S} s |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--criteria", action="store_true", help="also run the 2k/20k checks")
    parser.add_argument("--front", action="store_true", help="only the front end and start-up")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args()
    if args.front:
        print(front())
        return
    print(table(measure(tuple(args.sizes))))
    print()
    print(front())
    if args.criteria:
        print()
        print(criteria())


if __name__ == "__main__":
    main()
