"""Editorial judgement on DUC 2004 and DUC 2006: the lede, the headline, section routing.

usage: python bench/judgement.py [--sets duc2004,duc2006] [--clusters N] [--routing-only] [-v]
       python bench/judgement.py --sample N [--seed S]   # N per set to label, to bench/scratch/

For each data set (read where it lies, never copied) it builds the standard brief of every
cluster (``brief build <cluster>/docs``, in-process) and reports:

- **Lede**: ROUGE-2 recall of the brief's lede sentence against the human summaries, beside
  the first sentence of the cluster's newest article (the wire's own lede, the baseline an
  editor would reach for). Scored by the benchmark's score.py (ROUGE-1.5.5), both in one run.
- **Headline**: its length in words (the issue's bar: every headline at most 14).
- **Routing**: the accuracy of ``sections.kind`` on sentences labelled by reading, beside the
  old cue-word rule (``sections.cue_kind``). Labels live in bench/labels/routing.tsv, keyed by
  a hash of the cluster name and the sentence text (``key``): no benchmark text in the repo.

Labels (what an editor would file the sentence under, seeing the story's dates):
  K  current news: what happened or was said within the story's window
  B  background: before the window (more than about a week before the first article), or
     standing context that explains the story (history, profiles, long-running facts)
  O  outlook: expected after the newest article (plans, schedules, forecasts, warnings)
  S  stale: a forecast whose time had passed by the newest article
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import random
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / "bench" / "scratch" / "judgement"
LABELS = ROOT / "bench" / "labels" / "routing.tsv"
# Labelled blind after the routing rules were written, to check them on sentences they were
# not written from (bench/labels/README.md).
HOLDOUT = ROOT / "bench" / "labels" / "routing-holdout.tsv"
# A third draw (seed "route2"), labelled blind after the second round of rules was final.
HOLDOUT2 = ROOT / "bench" / "labels" / "routing-holdout2.tsv"
LABEL_FILES = (LABELS, HOLDOUT, HOLDOUT2)
# Training labels for the learned router (bench/fit_routing.py): never evaluated on here.
TRAIN = ROOT / "bench" / "labels" / "routing-train.tsv"
RESULTS = ROOT / "bench" / "results" / "judgement.md"
SHARED = ROOT.parent / "shared" / "bench"
SETS = {"duc2004": 100, "duc2006": 250}  # data set -> ROUGE length cut
DATE = "2026-11-21"
VERBOSE = "-v" in sys.argv
SECTION_OF = {"known": "K", "background": "B", "outlook": "O", "stale": "S"}


def data_dir(name: str) -> Path:
    for path in (SHARED / name, Path("/work/shared/bench") / name):
        if (path / "clusters").is_dir():
            return path
    sys.exit(f"{name} not found beside the repository (../shared/bench/{name})")


def key(cluster: str, text: str) -> str:
    """The label key: no benchmark text, only a hash of the cluster and the sentence."""
    norm = " ".join(text.split())
    return hashlib.sha256(f"{cluster}\t{norm}".encode()).hexdigest()[:16]


def clusters(data: Path, limit: int | None) -> list[Path]:
    found = sorted(p for p in (data / "clusters").iterdir() if (p / "docs").is_dir())
    return found[:limit] if limit else found


def corpus_of(cluster: Path) -> Any:
    from brief import ingest, segment

    return segment.corpus(ingest.read([str(cluster / "docs")]))


# ------------------------------------------------------------------------------ briefs


def brief_of(corpus: Any) -> Any:
    from brief import config, pipeline

    return pipeline.brief(corpus.articles, config.Settings(), DATE)


def newest_first_sentence(corpus: Any) -> str:
    from brief import select, timeline

    story = timeline.story(corpus)
    for article in timeline.newest(story.dates):
        for s in corpus.sentences:
            if s.article == article and select.eligible(s):
                return " ".join(s.text.split())
    return ""


def score_module() -> Any:
    spec = importlib.util.spec_from_file_location("duc_score", data_dir("duc2004") / "score.py")
    if spec is None or spec.loader is None:
        sys.exit("score.py not found in ../shared/bench/duc2004")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ledes(name: str, limit: int | None) -> dict[str, Any]:
    """Lede ROUGE-2 beside the newest article's first sentence, and headline lengths."""
    lengths: list[int] = []
    found: dict[str, str] = {}
    for cluster in clusters(data_dir(name), limit):
        made = brief_of(corpus_of(cluster))
        found[cluster.name] = made.sections[0].items[0].text
        lengths.append(len(made.title.split()))
    lede, first = lede_rouge(name, found)
    return {"lede": lede, "first": first, "lengths": lengths}


def lede_rouge(name: str, found: dict[str, str]) -> tuple[float, float]:
    """ROUGE-2 recall of the ledes ``found`` (cluster -> lede) and of the first sentence of each
    cluster's newest article, scored in one ROUGE-1.5.5 run over those clusters."""
    data = data_dir(name)
    out = {row: SCRATCH / name / row for row in ("lede", "newest-first")}
    for folder in out.values():
        if folder.is_dir():
            for old in folder.glob("*.txt"):
                old.unlink()
        folder.mkdir(parents=True, exist_ok=True)
    for cluster, text in found.items():
        (out["lede"] / f"{cluster}.txt").write_text(" ".join(text.split()) + "\n")
        first = newest_first_sentence(corpus_of(data / "clusters" / cluster))
        (out["newest-first"] / f"{cluster}.txt").write_text(first + "\n")
    score = score_module()
    home = score.rouge_home()
    score.ensure_exception_db(home)
    view = _subset(data, set(found))
    scores = score.run_rouge(home, out, view, SETS[name])
    return scores["lede"]["ROUGE-2"][0], scores["newest-first"]["ROUGE-2"][0]


def _subset(data: Path, names: set[str]) -> Path:
    """``data`` itself, or a scratch folder linking only the clusters in ``names`` (--limit)."""
    every = {p.name for p in (data / "clusters").iterdir()}
    if names >= every:
        return data
    view = SCRATCH / "subset" / data.name
    if view.exists():
        for link in (view / "clusters").iterdir():
            link.unlink()
    (view / "clusters").mkdir(parents=True, exist_ok=True)
    for cluster in names:
        (view / "clusters" / cluster).symlink_to(data / "clusters" / cluster)
    return view


# ------------------------------------------------------------------------------ routing


def labels(path: Path = LABELS) -> dict[str, str]:
    if not path.is_file():
        return {}
    rows = (line.split("\t") for line in path.read_text().splitlines() if line.strip())
    return {row[0]: row[1] for row in rows if not row[0].startswith("#")}


def routing(names: list[str], limit: int | None, path: Path = LABELS) -> dict[str, Any]:
    from brief import sections, timeline

    wanted = labels(path)
    confusion: Counter[tuple[str, str]] = Counter()
    old = 0
    seen: set[str] = set()
    for name in names:
        for cluster in clusters(data_dir(name), limit):
            corpus = corpus_of(cluster)
            story = timeline.story(corpus)
            for i, s in enumerate(corpus.sentences):
                label = key(cluster.name, s.text)
                truth = wanted.get(label)
                if truth is None or label in seen:
                    continue  # a sentence carried twice counts once
                seen.add(label)
                got = SECTION_OF[sections.kind(s, story.times[i], story)]
                confusion[(truth, got)] += 1
                if VERBOSE and truth != got:
                    print(f"{truth}>{got}\t{' '.join(s.text.split())}")
                old += SECTION_OF[sections.cue_kind(s)] == truth
    total = sum(confusion.values())
    right = sum(n for (t, g), n in confusion.items() if t == g)
    return {"total": total, "right": right, "old": old, "confusion": confusion}


def sample(n: int, names: list[str], seed: str = "") -> None:
    """``n`` sentences of each data set to label: eligible, not quotations, none labelled
    already (in any labels file, the training labels included), spread evenly over its
    clusters. ``seed`` draws another sample (the first draws used none)."""
    from brief import select, speakers, timeline

    done = {k for path in (*LABEL_FILES, TRAIN) for k in labels(path)}
    rows = []
    for name in names:
        pool = clusters(data_dir(name), None)
        per = -(-n // len(pool))
        drawn = []
        for cluster in pool:
            corpus = corpus_of(cluster)
            story = timeline.story(corpus)
            ok = [
                i
                for i, s in enumerate(corpus.sentences)
                if select.eligible(s)
                and speakers.speaker(corpus, i) is None
                and not s.text.lstrip().startswith(("“", '"'))
                and key(cluster.name, s.text) not in done
            ]
            rng = random.Random(f"{seed}{cluster.name}")
            for i in sorted(rng.sample(ok, min(per, len(ok)))):
                s = corpus.sentences[i]
                where = f"{name}/{cluster.name}\t{story.start}..{story.now}"
                drawn.append(
                    f"{key(cluster.name, s.text)}\t{where}\t{story.dates[s.article]}"
                    f"\t{' '.join(s.text.split())}"
                )
        keep = sorted(random.Random(f"{seed}{name}").sample(range(len(drawn)), min(n, len(drawn))))
        rows += [drawn[k] for k in keep]
    SCRATCH.mkdir(parents=True, exist_ok=True)
    (SCRATCH / "tolabel.tsv").write_text("\n".join(rows) + "\n")
    print(f"{len(rows)} sentences in {SCRATCH / 'tolabel.tsv'}")


def routing_table(title: str, path: Path, names: list[str], limit: int | None) -> list[str]:
    """Accuracy per data set, per-label precision and recall, and the confusion matrix."""
    lines = ["", f"Routing on the {title} sentences ({path.relative_to(ROOT)}):", ""]
    lines += [
        "| data set | sentences | accuracy | cue-word rule | K P/R | B P/R | O P/R | S P/R |",
        "|---|---|---|---|---|---|---|---|",
    ]
    total: Counter[tuple[str, str]] = Counter()
    for name in names:
        r = routing([name], limit, path)
        if not r["total"]:
            continue
        total.update(r["confusion"])
        c = r["confusion"]
        cells = []
        for lab in "KBOS":
            tp = c[(lab, lab)]
            routed = sum(c[(t, lab)] for t in "KBOS")
            truth = sum(c[(lab, g)] for g in "KBOS")
            cells.append(f"{tp / routed:.2f}/{tp / truth:.2f}" if routed and truth else "-")
        lines.append(
            f"| {name} | {r['total']} | **{100 * r['right'] / r['total']:.1f}%** | "
            f"{100 * r['old'] / r['total']:.1f}% | " + " | ".join(cells) + " |"
        )
    lines += ["", "| label \\ routed (all sets) | K | B | O | S |", "|---|---|---|---|---|"]
    for truth in "KBOS":
        lines.append(f"| {truth} | " + " | ".join(str(total[(truth, g)]) for g in "KBOS") + " |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--clusters", type=int, help="only the first N clusters of each set")
    ap.add_argument("--sample", type=int, help="write N sentences of each set to label, then stop")
    ap.add_argument("--seed", default="", help="with --sample: draw another sample")
    ap.add_argument("--routing-only", action="store_true")
    ap.add_argument("-v", action="store_true", help="print each misrouted sentence")
    args = ap.parse_args()
    if args.sample:
        sample(args.sample, args.sets.split(","), args.seed)
        return
    names = args.sets.split(",")
    lines = ["# Editorial judgement (bench/judgement.py)", ""]
    if not args.routing_only:
        lines += [
            "| data set | clusters | lede R-2 | newest first sentence R-2 | headline words "
            "(mean / max) | headlines > 14 words |",
            "|---|---|---|---|---|---|",
        ]
        for name in names:
            (SCRATCH / name).mkdir(parents=True, exist_ok=True)
            (SCRATCH / name / "headlines.txt").write_text("")
            got = ledes(name, args.clusters)
            n = len(got["lengths"])
            over = sum(x > 14 for x in got["lengths"])
            lines.append(
                f"| {name} | {n} | {got['lede']:.2f} | {got['first']:.2f} | "
                f"{statistics.mean(got['lengths']):.1f} / {max(got['lengths'])} | {over} |"
            )
            print(lines[-1], flush=True)
    for title, path in (("labelled", LABELS), ("held-out", HOLDOUT), ("second held-out", HOLDOUT2)):
        lines += routing_table(title, path, names, args.clusters)
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.clusters:
        RESULTS.write_text(text)


if __name__ == "__main__":
    main()
