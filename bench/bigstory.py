"""The default method on a very large story, against ``--method lexrank``, whole process.

usage: python bench/bigstory.py [--sentences 100000] [--words 250] [--repeats 1]
       python bench/bigstory.py --stages [--sentences 100000]

Builds an input of about --sentences sentences from the DUC 2004 and DUC 2006 articles, read in
place (../shared/bench, never copied), in order and cycling once they run out, and times
``brief summarize <files> --words W --method M`` for the default and for lexrank in this same
run (start-up, reading and segmenting included), then prints their ratio. The issue's bound:
the default within 2x of lexrank. Each run's summary is also checked for being the same bytes
when the run is repeated (--repeats 2): the default's bounds are counts, not clock time.

``--stages`` times instead, in this process, each stage of ``brief build`` on the same input
(pipeline.brief's steps, the standard budget): reading and segmenting (the baseline of the
ratios), scoring, the tf-idf matrix, same-fact groups, the timeline (every article's date and
every sentence's time) and the routing into sections (sections.choose), plus ``sections.kind``
on every sentence, the routing's per-sentence rule alone.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import BRIEF, ROOT, inputs, run, sentence_counts

SHARED = ROOT.parent / "shared" / "bench"
if not SHARED.exists():
    SHARED = Path("/work/shared/bench")


def files() -> list[str]:
    return sorted(str(p) for p in SHARED.glob("duc200[46]/clusters/*/docs/*.txt"))


def stages(paths: list[str]) -> None:
    """Seconds per stage of a brief on ``paths``, each against reading and segmenting."""
    import time

    from brief import config, ingest, scoring, sections, segment, select, timeline, vectors

    rows: list[tuple[str, float]] = []

    def timed(name: str, fn: Any) -> Any:
        start = time.perf_counter()
        out = fn()
        rows.append((name, time.perf_counter() - start))
        print(f"{name}: {rows[-1][1]:.1f} s", file=sys.stderr, flush=True)
        return out

    settings = config.Settings()
    corpus = timed("read + segment (baseline)", lambda: segment.corpus(ingest.read(paths)))
    scores = timed("score (default method)", lambda: scoring.rate(corpus, settings.method))
    matrix = timed("tf-idf matrix", lambda: vectors.tfidf(corpus))
    groups = timed("same-fact groups", lambda: select.groups(corpus, scores, matrix))
    story = timed("timeline (dates, sentence times)", lambda: timeline.story(corpus))
    timed(
        "routing into sections (sections.choose)",
        lambda: sections.choose(corpus, groups, settings.budget, matrix, story),
    )
    timed(
        "sections.kind on every sentence",
        lambda: [sections.kind(x, story.times[i], story) for i, x in enumerate(corpus.sentences)],
    )
    base = rows[0][1]
    print(f"{len(corpus.sentences):,} sentences, {len(corpus.articles):,} articles\n")
    print("| stage | seconds | x read + segment |\n|---|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.1f} | {seconds / base:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=250)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--stages", action="store_true", help="time each stage of a brief instead")
    args = ap.parse_args()
    from brief.scoring import DEFAULT

    counts = sentence_counts(files())
    paths = inputs(args.sentences, counts)
    total = sum(counts[p] for p in paths)
    print(f"input: {len(paths):,} files, about {total:,} sentences", file=sys.stderr)
    if args.stages:
        stages(paths)
        return
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
