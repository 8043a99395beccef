"""The default method on a very large story, against ``--method lexrank``, whole process.

usage: python bench/bigstory.py [--sentences 100000] [--words 250] [--repeats 1]

Builds an input of about --sentences sentences from the DUC 2004 and DUC 2006 articles, read in
place (../shared/bench, never copied), in order and cycling once they run out, and times
``brief summarize <files> --words W --method M`` for the default and for lexrank in this same
run (start-up, reading and segmenting included), then prints their ratio. The issue's bound:
the default within 2x of lexrank. Each run's summary is also checked for being the same bytes
when the run is repeated (--repeats 2): the default's bounds are counts, not clock time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import BRIEF, ROOT, inputs, run, sentence_counts

SHARED = ROOT.parent / "shared" / "bench"
if not SHARED.exists():
    SHARED = Path("/work/shared/bench")


def files() -> list[str]:
    return sorted(str(p) for p in SHARED.glob("duc200[46]/clusters/*/docs/*.txt"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=250)
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args()
    from brief.scoring import DEFAULT

    counts = sentence_counts(files())
    paths = inputs(args.sentences, counts)
    total = sum(counts[p] for p in paths)
    print(f"input: {len(paths):,} files, about {total:,} sentences", file=sys.stderr)
    print("| method | seconds | peak MB | same bytes on repeat |\n|---|---:|---:|---|")
    seconds = {}
    for method in ("lexrank", DEFAULT):
        command = [str(BRIEF), "summarize", *paths, "--words", str(args.words), "--method", method]
        seconds[method], peak = run(command, repeats=args.repeats)
        outputs = {
            subprocess.run(command, capture_output=True, check=True).stdout
            for _ in range(2 if args.repeats > 1 else 0)
        }
        same = "-" if not outputs else ("yes" if len(outputs) == 1 else "NO")
        print(f"| {method} | {seconds[method]:.1f} | {peak:.0f} | {same} |", flush=True)
    print(f"\n{DEFAULT} / lexrank: x{seconds[DEFAULT] / seconds['lexrank']:.2f}")


if __name__ == "__main__":
    main()
