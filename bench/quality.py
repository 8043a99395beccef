"""Summary quality on DUC 2004 and DUC 2006: every method of `brief summarize`, by ROUGE-1.5.5.

usage: python bench/quality.py [--sets duc2004:100,duc2006:100,duc2006:250]
                               [--methods brief,lexrank] [--oracles] [--jobs 2]

For every data set and length, every method (the default first; sumy's own classes, ``sumy-*``,
only with --oracles: the oracle tests hold them equal to their fast twins, and sumy-kl alone
takes about a minute per cluster) summarizes every cluster exactly as
``brief summarize <cluster>/docs --words W --method <m>`` does (``api.summarize``, one worker
process per method and set, PYTHONHASHSEED fixed), writes the summaries to
bench/scratch/quality/<set>-<words>/<method>/<source digest>/<cluster>.txt (git-ignored: a
summary is computed again only when brief's source changes), scores each method with the
benchmark's own score.py (Hong et al. 2014 settings) and writes one table per set, our methods
beside the published systems (DUC 2004: SumRepo; DUC 2006: the participants, who had the topic
statement; brief does not use it), to bench/results/quality.md.

One more row, ``brief-rate``: the default method's per-sentence ``rate`` ranked by
``select.top``, the way the brief's sections use it (no ``choose``).

The data is read where it lies (--data2004/--data2006, $DUC2004/$DUC2006, or
../shared/bench/duc200x next to the repository) and never copied: summaries stay in bench/scratch/.
"""

from __future__ import annotations

import argparse
import hashlib
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
SETS = (("duc2004", 100), ("duc2006", 100), ("duc2006", 250))
PUBLISHED_SOURCE = {"duc2004": "SumRepo", "duc2006": "DUC 2006"}
# Where each set's summaries come from, for the table's caption.
PUBLISHED = {
    "duc2004": "SumRepo (Hong et al., LREC 2014): 13 published systems",
    "duc2006": "the DUC 2006 participants (sys01-sys35, anonymous), who used the topic statement",
}


def data_dir(given: Path | None, name: str = "duc2004") -> Path:
    candidates = [given] if given else []
    if os.environ.get(name.upper()):
        candidates.append(Path(os.environ[name.upper()]))
    candidates += [ROOT.parent / "shared" / "bench" / name, Path("/work/shared/bench") / name]
    for path in candidates:
        if path and (path / "clusters").is_dir() and (path / "sumrepo").is_dir():
            return path
    sys.exit(f"{name} data not found: pass --data{name[-4:]} DIR (the folder holding clusters/)")


def scorer(data: Path) -> Path:
    """The DUC 2004 folder's score.py scores both sets (DUC 2006's README says so)."""
    own = data / "score.py"
    return own if own.is_file() else data_dir(None, "duc2004") / "score.py"


def digest() -> str:
    """brief's source, hashed: a cached summary is reused only for the same code."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "brief").rglob("*.py")):
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


# One worker per (method, set): the library call behind `brief summarize`, for every cluster.
WORKER = """
import sys
from pathlib import Path
from brief import api, ingest, segment, select
from brief import scoring as score
method, words, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
for docs in sys.argv[4:]:
    target = out / (Path(docs).parent.name + ".txt")
    if target.exists():
        continue
    if method == "brief-rate":  # the default's rate() through select.top, as sections rank
        corpus = segment.corpus(ingest.read([docs]))
        picked = select.top(corpus, score.rate(corpus), words=words)
        lines = [" ".join(corpus.sentences[i].text.split()) for i in picked]
    else:
        lines = list(api.summarize([docs], method, words=words))
    target.write_text("".join(line + "\\n" for line in lines), encoding="utf-8")
"""
# sumy's LSA builds its dictionary from a set, so its output follows Python's string hashing:
# fix the seed so the table reproduces.
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def write_summaries(
    data: Path, tag: str, methods: list[str], words: int, jobs: int
) -> dict[str, Path]:
    docs = [str(data / "clusters" / c / "docs") for c in sorted(os.listdir(data / "clusters"))]
    code = digest()
    folders = {m: SCRATCH / tag / m / code for m in [*methods, RATE_ROW]}

    def one(method: str) -> None:
        folders[method].mkdir(parents=True, exist_ok=True)
        args = [sys.executable, "-c", WORKER, method, str(words), str(folders[method]), *docs]
        run = subprocess.run(args, capture_output=True, text=True, check=False, env=ENV)
        if run.returncode != 0:
            sys.exit(f"{tag} --method {method} failed:\n{run.stderr}")
        print(f"{tag:>12s} {method}", file=sys.stderr, flush=True)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, folders))
    return folders


def score(data: Path, name: str, folder: Path, sumrepo: bool, words: int = 100) -> tuple[dict, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        args = [sys.executable, str(scorer(data)), str(folder), "--name", name]
        args += ["--data", str(data), "--json", str(out), "--words", str(words)]
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


Row = tuple[str, str, dict, "int | None"]


def table(name: str, rows: list[Row], clusters: int, words: int, paper: dict[str, str]) -> str:
    from brief.scoring import DEFAULT

    ours = [r for r in rows if r[1].startswith("brief")]
    others = [r for r in rows if not r[1].startswith("brief")]
    rank = 1 + sum(r[2]["ROUGE-2"][0] > ours[0][2]["ROUGE-2"][0] for r in others)
    head = [
        f"## DUC {name[3:]}, {words} words: {clusters} clusters",
        "",
        f"brief's default ranks {rank} of {len(others) + 1} by ROUGE-2 among "
        f"{PUBLISHED.get(name, 'the published systems')}.",
        "",
        "| system | source | R-1 | R-2 | R-2 95% CI | R-4 | most words | published R-1/R-2 (50) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    body = []
    for system, source, s, most in sorted(rows, key=lambda r: (-r[2]["ROUGE-2"][0], r[0])):
        r1, r2, r4 = (s[f"ROUGE-{k}"] for k in (1, 2, 4))
        label = f"**{system}**" if system == DEFAULT else system
        body.append(
            f"| {label} | {source} | {r1[0]:.2f} | {r2[0]:.2f} | {r2[1]:.2f}-{r2[2]:.2f} "
            f"| {r4[0]:.2f} | {'-' if most is None else most} | {paper.get(system, '-')} |"
        )
    return "\n".join(head + body) + "\n"


HEADER = """# Summary quality: DUC 2004 Task 2 and DUC 2006

ROUGE-1.5.5 recall at the settings of Hong et al. (LREC 2014): the first N words, Porter
stemming, stop words kept (`score.py` in the DUC 2004 folder scores both sets). brief's rows:
`brief summarize <cluster>/docs --words N --method <m>`, whole sentences; brief is generic and
does not read DUC 2006's topic statements, which its human summaries answer. Published rows: the
systems' own summaries, scored in the same runs. With 20 clusters a gap under about 0.5 R-2 is
noise; with 50, about 0.3. *most words*: the longest summary in white-space words (ROUGE's count).

Regenerate: `python bench/quality.py` (see bench/README.md).
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data2004", type=Path, help="the DUC 2004 folder (score.py, clusters/)")
    ap.add_argument("--data2006", type=Path, help="the DUC 2006 folder (clusters/, sumrepo/)")
    ap.add_argument("--sets", default=",".join(f"{n}:{w}" for n, w in SETS))
    ap.add_argument("--methods", help="comma list (default: every method, the default first)")
    ap.add_argument(
        "--oracles",
        action="store_true",
        help="also sumy's own classes (sumy-*): the same ratings as their fast twins, and slow",
    )
    ap.add_argument("--jobs", type=int, default=2, help="methods run in parallel")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    from brief.scoring import DEFAULT, METHODS, ORACLE_PREFIX

    every = [m for m in METHODS if args.oracles or not m.startswith(ORACLE_PREFIX)]
    methods = args.methods.split(",") if args.methods else every
    methods = [DEFAULT, *[m for m in methods if m != DEFAULT]]
    given = {"duc2004": args.data2004, "duc2006": args.data2006}
    tables = [HEADER]
    for spec in args.sets.split(","):
        name, words = spec.split(":")[0], int(spec.split(":")[1])
        data = data_dir(given.get(name), name)
        tag = f"{name}-{words}"
        folders = write_summaries(data, tag, methods, words, args.jobs)
        reference, printed = score(data, DEFAULT, folders[DEFAULT], sumrepo=True, words=words)
        print(printed, end="")
        rows: list[Row] = []
        for system, s in reference["scores"].items():
            ours = system == DEFAULT
            source = "brief (default)" if ours else PUBLISHED_SOURCE[name]
            rows.append((system, source, s, longest(folders[DEFAULT]) if ours else None))
        for method in [*methods[1:], RATE_ROW]:
            result, _ = score(data, method, folders[method], sumrepo=False, words=words)
            (s,) = result["scores"].values()
            rows.append((method, "brief", s, longest(folders[method])))
        paper = published(printed) if name == "duc2004" else {}
        tables.append(table(name, rows, reference["clusters"], words, paper))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(tables), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
