"""Summary quality on DUC 2004 Task 2: every method of `brief summarize`, scored by ROUGE-1.5.5.

usage: python bench/quality.py [--data DIR] [--methods brief,lexrank] [--oracles] [--words 100]

For every cluster and every method (the default first; sumy's own classes, ``sumy-*``, only with
--oracles: the oracle tests hold them equal to their fast twins, and sumy-kl alone takes about
a minute per cluster) this runs
``brief summarize <cluster>/docs --words 100 --method <m>`` as a subprocess, writes the summaries
to bench/scratch/quality/<method>/<cluster>.txt (git-ignored), scores each method with the
benchmark's own score.py (Hong et al. 2014 settings) and writes one table, our methods beside the
13 SumRepo systems, to bench/results/quality.md. The SumRepo rows are score.py's own numbers.

One more row, ``brief-rate``, runs in-process: the default method's per-sentence ``rate`` ranked
by ``select.top``, the way the brief's sections use it (no ``choose``).

The DUC data is read where it lies (--data, or $DUC2004, or ../shared/bench/duc2004 next to
the repository) and never copied: scratch summaries stay under bench/scratch/.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / "bench" / "scratch" / "quality"
RESULTS = ROOT / "bench" / "results" / "quality.md"
RATE_ROW = "brief-rate"


def data_dir(given: Path | None) -> Path:
    candidates = [given] if given else []
    if os.environ.get("DUC2004"):
        candidates.append(Path(os.environ["DUC2004"]))
    candidates += [ROOT.parent / "shared" / "bench" / "duc2004", Path("/work/shared/bench/duc2004")]
    for path in candidates:
        if path and (path / "score.py").is_file() and (path / "clusters").is_dir():
            return path
    sys.exit("DUC 2004 data not found: pass --data DIR (the folder holding score.py and clusters/)")


def brief_command() -> list[str]:
    script = Path(sys.executable).parent / "brief"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from brief.cli import main; main()"]


# sumy's LSA builds its dictionary from a set, so its output follows Python's string hashing
# (brief summarize --method lsa differs between runs): fix the seed so the table reproduces.
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def summarize(docs: Path, method: str, words: int) -> str:
    run = subprocess.run(
        [*brief_command(), "summarize", str(docs), "--words", str(words), "--method", method],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    if run.returncode != 0:
        sys.exit(f"brief summarize {docs} --method {method} failed:\n{run.stderr}")
    return run.stdout


def rate_summary(docs: Path, words: int) -> str:
    """The default's rate() through select.top, as sections rank sentences (in-process)."""
    from brief import ingest, segment, select
    from brief import scoring as score

    corpus = segment.corpus(ingest.read([str(docs)]))
    picked = select.top(corpus, score.rate(corpus), words=words)
    return "".join(" ".join(corpus.sentences[i].text.split()) + "\n" for i in picked)


def write_summaries(data: Path, methods: list[str], words: int, jobs: int) -> dict[str, Path]:
    clusters = sorted(os.listdir(data / "clusters"))
    folders = {m: SCRATCH / m for m in [*methods, RATE_ROW]}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)

    def one(task: tuple[str, str]) -> None:
        method, cluster = task
        docs = data / "clusters" / cluster / "docs"
        text = rate_summary(docs, words) if method == RATE_ROW else summarize(docs, method, words)
        (folders[method] / f"{cluster}.txt").write_text(text, encoding="utf-8")
        print(f"{method:>14s} {cluster}", file=sys.stderr, flush=True)

    tasks = [(m, c) for m in methods for c in clusters]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, tasks))
    for cluster in clusters:  # in-process and not thread-safe to interleave: run it serially
        one((RATE_ROW, cluster))
    return folders


def score(data: Path, name: str, folder: Path, sumrepo: bool) -> tuple[dict, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        args = [sys.executable, str(data / "score.py"), str(folder), "--name", name]
        args += ["--data", str(data), "--json", str(out)]
        if not sumrepo:
            args.append("--no-sumrepo")
        run = subprocess.run(args, capture_output=True, text=True, check=True)
        return json.loads(out.read_text()), run.stdout


def longest(folder: Path) -> int:
    """Most white-space words in one summary: ROUGE's count, capped by --words."""
    return max(len(p.read_text().split()) for p in folder.glob("*.txt"))


def published(printed: str) -> dict[str, str]:
    """score.py's last column (the paper's 50-cluster R-1/R-2), by system, as it prints it."""
    found = {}
    for line in printed.splitlines():
        parts = line.split()
        if len(parts) >= 6 and "/" in parts[-1]:
            found[parts[0]] = parts[-1]
    return found


def table(
    rows: list[tuple[str, str, dict, int | None]], clusters: int, words: int, paper: dict[str, str]
) -> str:
    head = [
        f"# Summary quality: DUC 2004 Task 2, {clusters} clusters",
        "",
        "ROUGE-1.5.5 recall at the settings of Hong et al. (LREC 2014), first 100 words, Porter "
        "stemming, stop words kept (`score.py` in the benchmark folder). brief's rows: "
        f"`brief summarize <cluster>/docs --words {words} --method <m>`, whole sentences. "
        f"SumRepo rows: the published systems' own summaries, scored in the same runs. "
        "With this many clusters a gap under about 0.5 R-2 is noise. *most words*: the longest "
        "summary in white-space words (ROUGE's count).",
        "",
        "Regenerate: `python bench/quality.py` (see bench/README.md).",
        "",
        "| system | source | R-1 | R-2 | R-2 95% CI | R-4 | most words | published R-1/R-2 (50) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    body = []
    for name, source, s, most in sorted(rows, key=lambda r: (-r[2]["ROUGE-2"][0], r[0])):
        r1, r2, r4 = (s[f"ROUGE-{k}"] for k in (1, 2, 4))
        label = f"**{name}**" if source == "brief (default)" else name
        body.append(
            f"| {label} | {source} | {r1[0]:.2f} | {r2[0]:.2f} | {r2[1]:.2f}-{r2[2]:.2f} "
            f"| {r4[0]:.2f} | {'-' if most is None else most} | {paper.get(name, '-')} |"
        )
    return "\n".join(head + body) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, help="the DUC 2004 folder (holds score.py, clusters/)")
    ap.add_argument("--methods", help="comma list (default: every method, the default first)")
    ap.add_argument(
        "--oracles",
        action="store_true",
        help="also sumy's own classes (sumy-*): the same ratings as their fast twins, and slow",
    )
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2, help="summaries run in parallel")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    from brief.scoring import DEFAULT, METHODS, ORACLE_PREFIX

    data = data_dir(args.data)
    every = [m for m in METHODS if args.oracles or not m.startswith(ORACLE_PREFIX)]
    methods = args.methods.split(",") if args.methods else every
    methods = [DEFAULT, *[m for m in methods if m != DEFAULT]]
    folders = write_summaries(data, methods, args.words, args.jobs)
    reference, printed = score(data, DEFAULT, folders[DEFAULT], sumrepo=True)
    print(printed, end="")
    rows = []
    for system, s in reference["scores"].items():
        ours = system == DEFAULT
        source = "brief (default)" if ours else "SumRepo"
        rows.append((system, source, s, longest(folders[DEFAULT]) if ours else None))
    for method in [*methods[1:], RATE_ROW]:
        result, _ = score(data, method, folders[method], sumrepo=False)
        (s,) = result["scores"].values()
        rows.append((method, "brief", s, longest(folders[method])))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        table(rows, reference["clusters"], args.words, published(printed)), encoding="utf-8"
    )
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
