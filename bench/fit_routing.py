"""A learned section router, fitted on the training labels and measured against the hand rules.

usage: python bench/fit_routing.py             # cross-validate, fit, write the model to scratch
       python bench/fit_routing.py --report    # also: cross-set, and the evaluation table

Issue 10 asks for routing (What we know / The background / Likely outcomes / stale) that an
editor would agree with 90% of the time; the hand rules (``sections.kind``) reach 67-81%. This
is the experiment of a small learned model trained on more labels: it was measured, it did not
beat the rules on the held-out sentences of both data sets, so the engine does not use it
(bench/labels/README.md has the figures). The script stays so that the experiment can be rerun
on more labels or other features.

Training data: bench/labels/routing-train.tsv only (DUC 2004 and DUC 2006 sentences labelled by
reading, bench/labels/README.md). The three evaluation files (routing.tsv, routing-holdout.tsv,
routing-holdout2.tsv) are never used to fit or to choose a setting: only the report's last
table reads them.

The model: a multinomial logistic regression over What we know / The background / Likely
outcomes (a stale label is a forecast: it is fitted as an outlook; the hand rule that drops a
forecast whose day has passed stays in front of the model). Features (``features``): the hand
rules' verdict and the cue-word rule's, where the sentence's time lies against the window,
tense and rule flags (timeline's patterns), its position and paragraph, and word stems and stem
pairs that occur in training sentences of at least MIN_CLUSTERS clusters (topic words of one
story cannot get in). The L2 strength is chosen by cross-validation over the training clusters
(folds by cluster), from GRID. The fit is deterministic (L-BFGS from zero weights, a fixed
feature order) and the weights are written rounded, so the same labels give the same file.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
import judgement  # bench/judgement.py: the data sets, keys, label files

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT / "bench" / "labels" / "routing-train.tsv"
OUT = ROOT / "bench" / "scratch" / "routing-model.json"  # not shipped: the rules won
RESULTS = ROOT / "bench" / "results" / "routing-model.md"
NAMES = ("duc2004", "duc2006")
EVALUATION = {"labelled": judgement.LABELS, "held-out": judgement.HOLDOUT}
EVALUATION["second held-out"] = judgement.HOLDOUT2
LABELS = ("known", "background", "outlook")
CLASS = {"K": 0, "B": 1, "O": 2, "S": 2}  # LABELS order; a stale label is a forecast
# A word or pair must occur in training sentences of this many of the 70 clusters: a story's
# names ("Pinochet", "Kursk") occur in one or two, the language of background and news in many.
# 5 and 10 cross-validate alike on the training labels; 10 keeps the model smaller.
MIN_CLUSTERS = 10
# L2 strengths tried by cross-validation (penalty lambda * |w|^2 / 2 on the mean log-loss).
GRID = (0.001, 0.003, 0.01, 0.03, 0.1)
FOLDS = 5
DIGITS = 4  # weights are written rounded: the file is the same on any machine
TOP = 15  # features listed in the report, by their pull towards The background over the news
# Position and paragraph indices are read up to this far into an article: past it, a sentence
# is "deep in the story" alike (the DUC articles' median length is about 25 sentences).
DEEP = 30


# ------------------------------------------------------------------------------ features


def features(sentence: Any, when: Any, story: Any, rule: str, cue: str) -> dict[str, float]:
    """Named feature values of a sentence: the rules' verdicts, its time and tense, its place in
    its article, its word stems and stem pairs (the fit keeps the ones common enough)."""
    from brief import segment, timeline

    text = sentence.text
    found: dict[str, float] = {f"rule={rule}": 1.0, f"cue={cue}": 1.0}
    found.update({f"time={name}": 1.0 for name in _time(when, story, sentence.article)})
    flags = {
        "said": when.said,
        "future": when.future,
        "modal": when.modal,
        "before": when.before,
        "standing": when.standing,
        "named": when.named,
        "absolute": when.absolute,
        "reported": bool(timeline.REPORTED_RE.search(text)),
        "perfect": bool(timeline.PERFECT_PAST_RE.search(text)),
        "history": bool(timeline.HISTORY_RE.search(text)),
        "long": bool(timeline.LONG_RE.search(text)),
        "generic": bool(timeline.GENERIC_RE.search(text)),
        "progressive": bool(timeline.PROGRESSIVE_RE.search(text)),
        "would": bool(timeline.WOULD_RE.search(text)),
        "first": sentence.position == 0,
        "early": sentence.position < 3,
    }
    found.update({f"is={name}": 1.0 for name, on in flags.items() if on})
    found["position"] = min(sentence.position, DEEP) / DEEP
    found["paragraph"] = min(sentence.paragraph, DEEP) / DEEP
    stems = [segment.stem(w.lower()) for w in sentence.words]
    found.update({f"w={s}": 1.0 for s in stems})
    found.update({f"b={a}_{b}": 1.0 for a, b in itertools.pairwise(stems)})
    return found


def _time(when: Any, story: Any, article: int) -> list[str]:
    """Where the sentence's time lies: none named, before the story's first article, after its
    newest, before or after the sentence's own article, or within the window."""
    span = when.span
    if span is None:
        return ["none"]
    if story.now is None:
        return ["undated"]
    start = story.start or story.now
    told = story.dates[article]
    names = []
    if span.last < start:
        names.append("before-start")
    if span.first > story.now:
        names.append("after-now")
    if told is not None and span.last < told:
        names.append("before-told")
    if told is not None and span.first > told:
        names.append("after-told")
    return names or ["within"]


def section(found: dict[str, float], model: dict[str, Any]) -> str:
    """The likeliest of LABELS under ``model``; a tie goes to the first (What we know)."""
    total = list(model["bias"])
    for name in sorted(found):  # a fixed order: float sums are not associative
        row = model["weights"].get(name)
        if row is not None:
            total = [t + w * found[name] for t, w in zip(total, row, strict=True)]
    return LABELS[max(range(len(LABELS)), key=lambda k: (total[k], -k))]


# ------------------------------------------------------------------------------ data


def rows(files: dict[str, Path]) -> list[dict[str, Any]]:
    """Every labelled sentence of ``files`` (tag -> path) in both data sets: its features, its
    label, the hand rules' section, its cluster. A sentence carried twice counts once."""
    from brief import sections, timeline

    wanted = {tag: judgement.labels(path) for tag, path in files.items()}
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    for name in NAMES:
        for cluster in judgement.clusters(judgement.data_dir(name), None):
            corpus = judgement.corpus_of(cluster)
            story = timeline.story(corpus)
            for i, s in enumerate(corpus.sentences):
                key = judgement.key(cluster.name, s.text)
                tags = [tag for tag, labels in wanted.items() if key in labels]
                if not tags or key in seen:
                    continue
                seen.add(key)
                when = story.times[i]
                rule = sections.kind(s, when, story)
                cue = sections.cue_kind(s)
                found.append(
                    {
                        "set": name,
                        "cluster": cluster.name,
                        "file": tags[0],
                        "label": wanted[tags[0]][key],
                        "rule": rule,
                        "features": features(s, when, story, rule, cue),
                    }
                )
    return found


LEXICAL = ("w=", "b=")


def vocabulary(train: list[dict[str, Any]]) -> list[str]:
    """The features the model may weigh, sorted: every non-lexical one seen in training, and
    the word stems and pairs seen in at least MIN_CLUSTERS clusters."""
    clusters: dict[str, set[str]] = {}
    for row in train:
        for name in row["features"]:
            clusters.setdefault(name, set()).add(row["cluster"])
    return sorted(
        name
        for name, where in clusters.items()
        if not name.startswith(LEXICAL) or len(where) >= MIN_CLUSTERS
    )


def matrix(data: list[dict[str, Any]], names: list[str]) -> np.ndarray:
    index = {name: k for k, name in enumerate(names)}
    x = np.zeros((len(data), len(names)))
    for r, row in enumerate(data):
        for name, value in row["features"].items():
            if name in index:
                x[r, index[name]] = value
    return x


# ------------------------------------------------------------------------------ the fit


def fit(train: list[dict[str, Any]], strength: float) -> dict[str, Any]:
    """Multinomial logistic regression with an L2 penalty (not on the biases), by L-BFGS."""
    names = vocabulary(train)
    x = matrix(train, names)
    y = np.array([CLASS[row["label"]] for row in train])
    n, d = x.shape
    k = 3
    onehot = np.eye(k)[y]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[: d * k].reshape(d, k), theta[d * k :]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        value = -np.sum(onehot * np.log(p + 1e-12)) / n + strength * np.sum(w * w) / 2
        g = (p - onehot) / n
        grad = np.concatenate([(x.T @ g + strength * w).ravel(), g.sum(axis=0)])
        return float(value), grad

    start = np.zeros(d * k + k)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    w, b = result.x[: d * k].reshape(d, k), result.x[d * k :]
    weights = {
        name: [round(float(v), DIGITS) for v in w[j]]
        for j, name in enumerate(names)
        if any(round(float(v), DIGITS) for v in w[j])
    }
    return {
        "labels": list(LABELS),
        "bias": [round(float(v), DIGITS) for v in b],
        "weights": weights,
    }


def routed(row: dict[str, Any], model: dict[str, Any] | None) -> str:
    """The section ``row`` gets: from the hand rules alone (model None), else from the model
    behind the hand rule that drops a stale forecast."""
    if model is None or row["rule"] == "stale":
        return judgement.SECTION_OF[row["rule"]]
    return judgement.SECTION_OF[section(row["features"], model)]


def accuracy(data: list[dict[str, Any]], model: dict[str, Any] | None) -> tuple[int, int, int]:
    """(right, background recall numerator, background labels) on ``data``."""
    right = sum(routed(row, model) == row["label"] for row in data)
    background = [row for row in data if row["label"] == "B"]
    return right, sum(routed(row, model) == "B" for row in background), len(background)


def folds(train: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """FOLDS parts of the training rows, whole clusters to a part (sorted names, dealt in turn
    within each data set): no story is both fitted and tested."""
    parts: list[list[dict[str, Any]]] = [[] for _ in range(FOLDS)]
    for name in NAMES:
        names = sorted({r["cluster"] for r in train if r["set"] == name})
        part = {cluster: k % FOLDS for k, cluster in enumerate(names)}
        for row in train:
            if row["set"] == name:
                parts[part[row["cluster"]]].append(row)
    return parts


def cross_validate(train: list[dict[str, Any]]) -> dict[float, dict[str, float]]:
    """Accuracy per data set of each strength in GRID over the folds."""
    parts = folds(train)
    scores: dict[float, dict[str, float]] = {}
    for strength in GRID:
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for k, held in enumerate(parts):
            model = fit([r for j, p in enumerate(parts) if j != k for r in p], strength)
            for row in held:
                right[row["set"]] += routed(row, model) == row["label"]
                total[row["set"]] += 1
        scores[strength] = {name: right[name] / total[name] for name in NAMES}
    return scores


def best(scores: dict[float, dict[str, float]]) -> float:
    """The strength with the best mean accuracy over the two data sets (ties: the stronger)."""
    return max(scores, key=lambda s: (sum(scores[s].values()), s))


def write(model: dict[str, Any]) -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n")


# ------------------------------------------------------------------------------ report


def cell(data: list[dict[str, Any]], model: dict[str, Any] | None) -> str:
    right, b_right, b_total = accuracy(data, model)
    recall = f"{b_right / b_total:.2f}" if b_total else "-"
    return f"{100 * right / len(data):.1f}% ({recall})"


def report(train: list[dict[str, Any]], final: dict[str, Any], strength: float) -> list[str]:
    lines = ["", "Cross-set on the training labels (fit on one set's part, test on the other's):"]
    lines += ["", "| fitted on | tested on | rules | model |", "|---|---|---|---|"]
    by_set = {name: [r for r in train if r["set"] == name] for name in NAMES}
    other = {}
    for name in NAMES:
        other[name] = fit(by_set[name], strength)
        for test in NAMES:
            if test != name:
                lines.append(
                    f"| {name} | {test} | {cell(by_set[test], None)} | "
                    f"{cell(by_set[test], other[name])} |"
                )
    evaluation = rows(EVALUATION)
    lines += ["", "Evaluation files (never fitted on): accuracy (background recall)", ""]
    lines += [
        "| file | data set | n | rules | model | model fitted on the other set only |",
        "|---|---|---|---|---|---|",
    ]
    pooled = {
        **{tag: (tag,) for tag in EVALUATION},
        "both held-out files": ("held-out", "second held-out"),
        "all three files": tuple(EVALUATION),
    }
    for title, tags in pooled.items():
        for name in NAMES:
            data = [r for r in evaluation if r["file"] in tags and r["set"] == name]
            twin = other[NAMES[1 - NAMES.index(name)]]
            lines.append(
                f"| {title} | {name} | {len(data)} | {cell(data, None)} | {cell(data, final)} | "
                f"{cell(data, twin)} |"
            )
    lines += ["", "Largest weights towards The background (the final model):", ""]
    weights = final["weights"]
    top = sorted(weights, key=lambda n: (-(weights[n][1] - weights[n][0]), n))[:TOP]
    lines.append(", ".join(f"`{n}` {weights[n][1] - weights[n][0]:+.2f}" for n in top))
    return lines


def rules_cell(train: list[dict[str, Any]], name: str) -> str:
    data = [r for r in train if r["set"] == name]
    return f"{100 * accuracy(data, None)[0] / len(data):.1f}%"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--report", action="store_true", help="also measure on the evaluation files")
    args = ap.parse_args()
    train = rows({"train": TRAIN})
    print(f"{len(train)} training sentences: {dict(Counter(r['label'] for r in train))}")
    scores = cross_validate(train)
    lines = ["# The learned section router (bench/fit_routing.py)", ""]
    lines += [f"{len(train)} training sentences ({TRAIN.relative_to(ROOT)})."]
    lines += ["", "Cross-validation over training clusters (5 folds by cluster):", ""]
    lines += ["| L2 strength | " + " | ".join(NAMES) + " |", "|---|---|---|"]
    for strength, got in scores.items():
        lines.append(
            f"| {strength} | " + " | ".join(f"{100 * v:.1f}%" for v in got.values()) + " |"
        )
    lines.append("| hand rules | " + " | ".join(rules_cell(train, name) for name in NAMES) + " |")
    strength = best(scores)
    final = fit(train, strength)
    write(final)
    lines += ["", f"Chosen L2 strength: {strength}; {len(final['weights'])} features weighed."]
    if args.report:
        lines += report(train, final, strength)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.report:
        RESULTS.write_text(text)


if __name__ == "__main__":
    main()
