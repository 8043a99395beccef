"""Editorial quality of whole briefs: can a reader trust every line without opening the articles?

usage: python bench/editorial.py [--sets seeds,duc2004,duc2006] [--limit N] [--out FILE]

Builds the standard brief (library calls, fixed date) of every story of each data set: the
repository's seeds, the 20 DUC 2004 clusters and the 50 DUC 2006 clusters (read where they lie,
../shared/bench, never copied), and measures each brief as an editor would read it: citations
whose figures or polarity disagree with their item, speaker labels that are no speaker, items that
lean on a sentence the reader never sees, unbalanced quotations, fragments, "Where sources differ"
sections, and how many items each section holds (so an empty brief cannot look perfect).

The briefs are written to bench/scratch/editorial/<set>/<story>.md (git-ignored) to be read by
hand; the table goes to bench/results/editorial.md.

Extending: a measure is a function from the briefs of one data set to a table cell, registered in
MEASURES (every data set) or in EXTRA[<set>] (one data set). The referee is deliberately written
apart from the engine: these checks never import the rules they check.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/bench")
SCRATCH = ROOT / "bench" / "scratch" / "editorial"
RESULTS = ROOT / "bench" / "results" / "editorial.md"
DATE = "2026-11-21"  # a fixed date: the briefs reproduce byte for byte


@dataclass(frozen=True)
class Case:
    """One story's brief (its JSON contract as plain data) and the texts of its sources."""

    story: str
    data: dict[str, Any] | None  # None: the engine refused the input (an Error: line)
    articles: tuple[str, ...]
    error: str = ""

    def items(self, *keys: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for section in (self.data or {}).get("sections", []):
            if not keys or section["key"] in keys:
                for item in section["items"]:
                    yield section["key"], item

    def count(self, key: str) -> int:
        return sum(1 for _ in self.items(key))


# ---------------------------------------------------------------------------------------------
# Data sets: name -> the story folders (each a folder of articles).


def _clusters(name: str) -> list[Path]:
    folder = SHARED / name / "clusters"
    return sorted(p / "docs" for p in folder.iterdir() if (p / "docs").is_dir())


DATASETS: dict[str, Callable[[], list[Path]]] = {
    "seeds": lambda: [ROOT / "seeds"],
    "duc2004": lambda: _clusters("duc2004"),
    "duc2006": lambda: _clusters("duc2006"),
}


def build(folder: Path) -> Case:
    from brief import api, config, ingest, pipeline, render
    from brief.errors import BriefError

    story = folder.parent.name if folder.name == "docs" else folder.name
    # What `brief build` briefs: the largest story, one version of each text.
    articles = api.stories(ingest.read([str(folder)]))[0]
    texts = tuple(a.text for a in articles)
    try:
        made = pipeline.brief(articles, config.Settings(), DATE)
    except BriefError as error:
        return Case(story, None, texts, str(error))
    out = SCRATCH / folder_set(folder) / f"{story}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render.markdown(made), encoding="utf-8")
    return Case(story, render.data(made), texts)


def folder_set(folder: Path) -> str:
    for name in DATASETS:
        if name in folder.parts:
            return name
    return "seeds"


# ---------------------------------------------------------------------------------------------
# The referee's own reading of figures, polarity, openers, quotes and speakers.

NUMBER_WORDS = {  # "one" is as often a pronoun ("one of the victims") as a count
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if w != "one"
}
SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
FIGURE_RE = re.compile(
    r"(?<![\w.,-])(\d[\d,]*(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")\b"
    r"(?:\s*(hundred|thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
NEGATION_RE = re.compile(r"\b(?:not|never|no|none|nobody|nothing|neither|nor|without)\b|n['’]t\b")


def figures(text: str) -> frozenset[float]:
    found = set()
    for match in FIGURE_RE.finditer(text):
        token = match.group(1).lower().replace(",", "")
        value = float(NUMBER_WORDS[token]) if token in NUMBER_WORDS else float(token)
        if match.group(2):
            value *= SCALE[match.group(2).lower()]
        found.add(value)
    return frozenset(found)


def negated(text: str) -> bool:
    return bool(NEGATION_RE.search(text.lower()))


PRONOUNS = set("he she it they we i you him her them his its their this these that those".split())
FUNCTION_WORDS = PRONOUNS | set(
    "when where while if as so but and or then there here who what which after before because "
    "since although though also however yet still meanwhile".split()
)
CONNECTIVES = set(
    "but and or so yet still however moreover furthermore also meanwhile nevertheless nonetheless "
    "instead thus hence therefore besides then otherwise likewise similarly other another such "
    "there".split()
)
TITLES = set(
    "mr mrs ms dr rev prof sen rep gov gen col lt capt sgt adm president minister secretary "
    "senator governor judge chairman director spokesman spokeswoman spokesperson official".split()
)
QUOTE_OPEN = "“\"‘'"


def opener(text: str) -> str:
    """The first word a reader meets, past quotation marks and brackets."""
    match = re.search(r"[^\W_]+(?:['’][^\W_]+)?", text)
    return match.group(0) if match else ""


CONNECTIVE_PHRASES = re.compile(
    r"^(?:aside from|apart from|in addition|as a result|at the same time|even so|for example|"
    r"for instance|in fact|in turn|by contrast|in contrast|on the other hand|both|neither|"
    r"the same|the other)\b",
    re.IGNORECASE,
)


def leans(text: str) -> bool:
    """Opens with a pronoun or connective, or 'X also …' within its first three words."""
    if text.lstrip()[:1] in QUOTE_OPEN:
        return False  # a quotation may open however its speaker did
    first = opener(text).lower()
    head = [w.lower() for w in re.findall(r"[^\W_]+", text)[:4]]
    return (
        first in PRONOUNS | CONNECTIVES
        or "also" in head[1:4]
        or bool(CONNECTIVE_PHRASES.match(text.lstrip()))
    )


# A person's full name: a two-word name after a title ("the Rev. Jesse Jackson") or that speaks
# or is described ("Louis Farrakhan said", "Louis Farrakhan, the leader").
TITLED_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Rev|Sen|Gov|Rep|Gen|President|Minister|Secretary|Prince|King|Judge)"
    r"\.?\s+[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?([A-Z][a-z]{2,})\b"
)
SPOKE_RE = re.compile(
    r"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?([A-Z][a-z]{2,}),? (?:said|says|told|who|a|an|the)\b"
)


def surnames(articles: tuple[str, ...]) -> set[str]:
    """Surnames of the people the articles name in full ("Louis Farrakhan said"). A word also
    written in lower case is no name, nor, without a title, one after "the"/"a" ("a Georgia
    Republican said", "Quebec" in "the Quebec government")."""
    titled = {m.group(1) for text in articles for m in TITLED_RE.finditer(text)}
    spoke = {m.group(1) for text in articles for m in SPOKE_RE.finditer(text)}
    words = [w for text in articles for w in re.findall(r"[\w’']+", text)]
    lower = {w for w in words if w.islower()}
    after = {w for b, w in itertools.pairwise(words) if b.lower() in ("the", "a", "an")}
    return {w for w in titled | (spoke - after) if w.lower() not in lower} - CALENDAR


CALENDAR = set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December".split()
)


def full_names(text: str) -> set[str]:
    """Capitalised words that follow another: "Farrakhan" in "Louis Farrakhan" (a sentence's
    final period is not part of the name: "… Minister David Anderson.")."""
    words = [re.sub(r"[’']s$", "", w.rstrip(".")) for w in re.findall(r"[\w.’']+", text)]
    return {
        w for b, w in zip(["", *words], words, strict=False) if w[:1].isupper() and b[:1].isupper()
    }


def unintroduced(case: Case) -> int:
    """Items naming someone by surname alone before any item of the brief gave the full name."""
    known = surnames(case.articles)
    seen: set[str] = set()
    hits = 0
    for _, item in case.items():
        seen |= full_names(item.get("speaker") or "")  # a quote's label is read first
        text = item["text"]
        words = [re.sub(r"[’']s$", "", w) for w in re.findall(r"[\w.’']+", text)]
        pairs = list(zip(["", *words], words, strict=False))
        alone = {w for before, w in pairs if w[:1].isupper() and not before[:1].isupper()}
        hits += bool((alone & known) - full_names(text) - seen)
        seen |= full_names(text)
    return hits


def unbalanced(text: str) -> bool:
    return text.count("“") != text.count("”") or text.count('"') % 2 == 1


TIMELINE_RE = re.compile(r"_{2,}|(?:^|\s)(?:1[89]|20)\d\d:\s")
HEADER_RE = re.compile(r"^[A-Z]{3,}(?:\s+[A-Z]{2,})*\s+[A-Z][a-z]+\s+[A-Z][a-z]+")
END_RE = re.compile(r"[.!?][\"'”’)]*$")


def fragment(text: str) -> bool:
    """Not a whole sentence: no capital opening or final stop, a timeline, a fused header."""
    start = text.lstrip(QUOTE_OPEN + "(")[:1]
    return (
        text.lstrip().startswith("(")
        or not (start.isupper() or start.isdigit())
        or not END_RE.search(text.rstrip())
        or bool(TIMELINE_RE.search(text))
        or bool(HEADER_RE.match(text))
    )


def bad_speaker(label: str, article: str) -> bool:
    """A pronoun, function word, lone title or initial, clause, or a name the article lacks."""
    words = re.findall(r"[^\W_]+", label)
    if not words:
        return True
    lowered = [w.lower() for w in words]
    if lowered[0] in FUNCTION_WORDS or lowered[-1] in FUNCTION_WORDS | {"said", "says"}:
        return True
    if len(words) == 1 and (lowered[0] in TITLES or len(words[0]) == 1):
        return True
    if len(words[-1]) == 1 and words[-1].isupper():
        return True  # cut at an initial: "David C"
    if any(w in {"said", "says", "called", "told"} for w in lowered):
        return True
    capitals = [w for w in words if w[0].isupper()]
    return any(w not in article for w in capitals)


# ---------------------------------------------------------------------------------------------
# Measures: the briefs of one data set -> one table cell.


def _share(hits: int, total: int) -> str:
    return f"{hits}/{total} ({100 * hits / total:.0f}%)" if total else "0/0"


def support_disagrees(cases: list[Case]) -> str:
    hits = total = 0
    for case in cases:
        for _, item in case.items():
            for support in item["support"][1:]:
                total += 1
                a, b = item["text"], support["sentence"]
                # disagrees: lacks a figure of the item, or only one of them says "not"
                hits += not figures(a) <= figures(b) or negated(a) != negated(b)
    return _share(hits, total)


# Title and calendar words are part of a name's form, not the name: "Rep.", "President", "Monday".
NAME_SKIP = (
    TITLES
    | {w.lower() for w in CALENDAR}
    | set("jan feb mar apr jun jul aug sep sept oct nov dec the a an in on at for of by to".split())
)
PAST_RE = re.compile(r"\b([a-z]{3,}?)e?ed\b")


def item_names(text: str) -> set[str]:
    """The last word of each run of capitalised words past the item's first word: "Yeltsin" of
    "President Boris Yeltsin", "City" of "New York City"."""
    runs = re.findall(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", text[len(opener(text)) + 1 :])
    lasts = {re.sub(r"[’']s$", "", run.split()[-1]) for run in runs}
    return {w for w in lasts if w.lower() not in NAME_SKIP}


def first_past_verb(text: str) -> str | None:
    """The stem of the first lower-case -ed word past the first word ("stay" of "stayed")."""
    found = [m for m in PAST_RE.finditer(text) if m.start() > 0 and len(m.group(0)) > 4]
    return found[0].group(1) if found else None


def support_misses(cases: list[Case]) -> str:
    """Supports missing a name of their item, or the stem of the item's first -ed verb."""
    hits = total = 0
    for case in cases:
        for _, item in case.items():
            names, verb = item_names(item["text"]), first_past_verb(item["text"])
            for support in item["support"][1:]:
                total += 1
                words = set(re.findall(r"[\w’'-]+", support["sentence"]))
                bare = {re.sub(r"[’']s$", "", w) for w in words}
                lowered = {w.lower() for w in words}
                hits += bool(names - bare) or (
                    verb is not None and not any(w.startswith(verb) for w in lowered)
                )
    return _share(hits, total)


# The speaker's name must be written in the quote's sentence or within this many characters
# before it in the cited article (about three news sentences).
NEAR = 600


def far_speaker(label: str, text: str, article: str) -> bool:
    """The label's last word is written neither in the quote's sentence nor just before it."""
    names = [w for w in re.findall(r"[^\W_]+", label) if w[:1].isupper()]
    at = article.find(text)
    if not names or at < 0:
        return False
    return names[-1] not in article[max(0, at - NEAR) : at + len(text)]


def bad_speakers(cases: list[Case]) -> str:
    hits = total = 0
    for case in cases:
        for _, item in case.items("quotes"):
            total += 1
            cited = case.articles[item["support"][0]["source"] - 1]
            label = item["speaker"]
            hits += (
                not label or bad_speaker(label, cited) or far_speaker(label, item["text"], cited)
            )
    return _share(hits, total)


def _item_share(test: Callable[[str], bool]) -> Callable[[list[Case]], str]:
    def measure(cases: list[Case]) -> str:
        texts = [item["text"] for case in cases for _, item in case.items()]
        return _share(sum(map(test, texts)), len(texts))

    return measure


def unintroduced_names(cases: list[Case]) -> str:
    total = sum(1 for case in cases for _ in case.items())
    return _share(sum(unintroduced(case) for case in cases), total)


STOP = set(
    "a an the and or but of to in on at for with by from as is are was were be been it its "
    "that this these those he she they we i you him her them us me my our your their his "
    "not no so very just all any some what which who there here have has had do does did will "
    "would can could should may might must about up out into over than then too".split()
)


def generic(text: str) -> bool:
    """A quote whose quoted words hold fewer than 4 content words ("That's huge for him")."""
    quoted = " ".join(re.findall(r"[“\"]([^”\"]+)[”\"]", text))
    return len([w for w in re.findall(r"[a-z]+", quoted.lower()) if w not in STOP]) < 4


def generic_quotes(cases: list[Case]) -> str:
    texts = [item["text"] for case in cases for _, item in case.items("quotes")]
    return _share(sum(map(generic, texts)), len(texts))


# Two items restate one fact, as the referee reads them: they name one person or place, tell
# one verb (a past form or a participle after "is"/"was": "was arrested" / "under arrest"),
# and share REPEAT_SHARE of the shorter one's words (their first REPEAT_STEM letters, stop
# words aside). Deliberately not the engine's reading (claims.retells: the first name, a
# person, the main verb, words weighed by idf). 0.3 chosen by reading this row's pairs on the
# DUC 2004 briefs; its precision, read on DUC 2004 and DUC 2006, is in README "One fact, told
# once": a proxy that points at pairs to read, not a verdict.
REPEAT_SHARE = 0.3
REPEAT_STEM = 5
PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|been|be|being) ([a-z]+)")
ATTRIBUTION = {"said", "told", "repor", "quote"}  # who told it is not what was told


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return {w[:REPEAT_STEM] for w in words if len(w) > 3 and w not in STOP}


def _verbs(text: str) -> set[str]:
    past = {m.group(1) for m in PAST_RE.finditer(text) if len(m.group(0)) > 4}
    stems = {w[:REPEAT_STEM] for w in past | set(PASSIVE_RE.findall(text))}
    return stems - ATTRIBUTION


def repeats(case: Case) -> list[tuple[str, str]]:
    """Pairs of items of one brief (Where sources differ aside) that tell one fact."""
    texts = [item["text"] for key, item in case.items() if key != "differ"]
    found = []
    for a, b in itertools.combinations(texts, 2):
        sa, sb = _stems(a), _stems(b)
        one_verb = _verbs(a) & sb or _verbs(b) & sa
        share = len(sa & sb) / max(1, min(len(sa), len(sb)))
        if item_names(a) & item_names(b) and one_verb and share >= REPEAT_SHARE:
            found.append((a, b))
    return found


def repeated_facts(cases: list[Case]) -> str:
    found = [repeats(c) for c in cases]
    return f"{sum(map(len, found))} in {sum(1 for f in found if f)} of {len(cases)} briefs"


def differ_sections(cases: list[Case]) -> str:
    found = sum(1 for c in cases if c.count("differ"))
    return f"{found} of {len(cases)} briefs"


def per_section(key: str) -> Callable[[list[Case]], str]:
    def measure(cases: list[Case]) -> str:
        counts = [c.count(key) for c in cases]
        return f"{sum(counts) / max(1, len(counts)):.1f}"

    return measure


def full_briefs(cases: list[Case]) -> str:
    full = sum(1 for c in cases if c.count("known") >= 3 and c.count("quotes") >= 1)
    return _share(full, len(cases))


def refused(cases: list[Case]) -> str:
    return str(sum(1 for c in cases if c.data is None))


MEASURES: dict[str, Callable[[list[Case]], str]] = {
    "briefs refused (Error:)": refused,
    "supports lacking a figure of their item, or with the other polarity": support_disagrees,
    "supports lacking a name of their item or its first -ed verb": support_misses,
    "bad speaker labels (pronoun, function word, lone title/initial, clause, not near the quote)": (
        bad_speakers
    ),
    "items opening with a pronoun or connective (or 'X also')": _item_share(leans),
    "items naming a person by surname alone before the brief introduced them": (unintroduced_names),
    "items with unbalanced quotation marks": _item_share(unbalanced),
    "fragments (no capital or stop, parenthesised, timeline, fused header)": _item_share(fragment),
    "quotes whose quoted words hold fewer than 4 content words": generic_quotes,
    "item pairs that seem to restate one fact (one name, one verb, 30% of words)": repeated_facts,
    "briefs with a 'Where sources differ' section": differ_sections,
    "briefs with >= 3 What-we-know bullets and >= 1 quote": full_briefs,
    **{
        f"items per brief: {key}": per_section(key)
        for key in ("lede", "known", "background", "outlook", "quotes", "differ")
    },
}


def headline_words(cases: list[Case]) -> str:
    """Headline length (issue 10: at most 14 words): mean, longest, and how many are longer."""
    lengths = [len(c.data["title"].split()) for c in cases if c.data]
    if not lengths:
        return "-"
    over = sum(n > 14 for n in lengths)
    return f"{sum(lengths) / len(lengths):.1f} / {max(lengths)} / {over} over 14"


MEASURES["headline words: mean / longest / over 14"] = headline_words


# The referee's reading of a headline: a sentence an editor could print, in at most 14 words,
# with its own finite verb (not one inside a clause that opens before it: "Six months after
# Clinton traveled", "Shepard, the student who was beaten"), ending on a complete phrase (not
# "…said Sunday that the fate", "…met Libyan leader", "…confirmed Friday"), capitalised, and no
# wire slug or attribution line ("The New York Times said in an editorial on Sunday, Nov. 1").
HEAD_AUX = set(
    "is are was were has have had will would can could may might must should shall does did do "
    "be been being".split()
)
HEAD_FINITE = HEAD_AUX - {"be", "been", "being"} | set(
    "says said told won lost took made gave went came left fell rose hit began struck met sent "
    "got held led ran saw set shot sought spent stood thought wrote became brought bought built "
    "caught chose drew drove fled flew fought found forgot grew heard kept knew laid lay meant "
    "paid put quit read rode sang sank sat slid sold spoke spread swore swept taught tore threw "
    "understood woke wore withdrew".split()
)
HEAD_DETERMINERS = set(
    "a an the this that these those his her its their our my your two three four five six seven "
    "eight nine ten".split()
)
HEAD_PREPOSITIONS = set(
    "of in on at to for from with by about into over under after before during against among "
    "between through without within across near since until up".split()
)
HEAD_OPENERS = set(
    "that who which whom whose whether after before when while because although though if "
    "since until unless once as".split()
)
HEAD_CLAUSE = set("that who which whom whose whether".split())  # always open a clause
HEAD_QUANTITIES = set("more most some many much all none each any both half few several".split())
HEAD_NEEDS_OBJECT = set(
    "said says told announced confirmed reported met praised urged asked called named signed "
    "declared predicted warned".split()
)
HEAD_TIME = CALENDAR | set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight night "
    "morning afternoon evening week weekend month year last this next on late early".split()
)
HEAD_SLUG_RE = re.compile(
    r"\b(?:said|says|reported|wrote) in (?:an? |its )?(?:editorial|statement|report|dispatch)"
    r"|\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}$"
    r"|^(?:URGENT|BULLETIN|FLASH|ADVISORY|CORRECTION|CORRECTED|UPDATE|REPEAT|EDS)\b"
)
HEAD_BOUNDARY = HEAD_PREPOSITIONS | HEAD_OPENERS | {"and", "or", "but", "to", "said"}


def head_finite(words: list[str], i: int) -> bool:
    """Whether words[i] reads as a finite verb (a Title Case headline capitalises its verb)."""
    low = words[i].lower()
    before = words[i - 1].lower() if i else ""
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    if low in HEAD_FINITE:
        return True
    if low.endswith("ed") and len(low) > 4 and before not in HEAD_DETERMINERS - {"that"}:
        return low not in {"hundred", "indeed", "naked", "sacred", "wicked", "speed", "need"}
    # "Mania Hits Japan", "Voting continues to be": -s after a noun, before its object
    return (
        len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and not words[i].endswith(",")
        and bool(before)
        and before not in HEAD_DETERMINERS | HEAD_PREPOSITIONS
        and (
            words[i][:1].isupper()
            or words[i - 1][:1].isupper()
            or after in HEAD_DETERMINERS | HEAD_PREPOSITIONS
        )
    )


def headline_fault(title: str, lede: str) -> str:
    """Why ``title`` does not read as a headline ('' when it does)."""
    raw = title.split()
    words = [w.strip("\"“”‘’'();:!?") or w for w in raw]
    low = [w.lower() for w in words]
    if not words or len(words) > 14:
        return "length"
    if not title.lstrip("\"“‘'")[:1].isupper() and not title[:1].isdigit():
        return "lower-case"
    if HEAD_SLUG_RE.search(title):
        return "slug"
    title_case = sum(w[:1].isupper() for w in words) > len(words) / 2
    main = opened = None  # the main verb; the last clause (that, who, which) opened after it
    pending = False  # inside a clause that opened before any main verb
    verbs: list[int] = []
    for i, word in enumerate(words):
        after_comma = i > 0 and raw[i - 1].endswith(",")
        aside = after_comma and title.count(",", 0, title.find(raw[i - 1]) + len(raw[i - 1])) % 2
        if main is None and after_comma and pending and low[i] not in HEAD_OPENERS:
            pending = not word[:1].isupper()  # "After X, Y said": the main clause starts
        if low[i] in HEAD_OPENERS and (i or low[i] != "that"):
            if main is None:
                pending = True
            elif low[i] in HEAD_CLAUSE:
                opened = i
            continue
        verb = (
            i > 0
            and not aside  # "forces, surrounded by": a participle; "Mobil, the …, confirmed"
            and (not word[:1].isupper() or title_case)
            and head_finite(words, i)
        )
        if verb:
            verbs.append(i)
            if main is None and not pending:
                main = i
            elif opened is not None and i > opened:
                opened = None
    if main is None:
        return "no main verb"
    if opened is not None:
        return "unfinished clause"
    if low[main] in {"said", "says", "told"} and main < len(words) - 1 and main == verbs[-1]:
        return "unfinished clause"  # "X said the forces, surrounded by troops"
    tail = len(words) - 1
    while tail > main and low[tail] in HEAD_TIME:
        tail -= 1
    attributed = "," in title and low[tail] in {"said", "says"}  # "Y, X Says"
    if (
        low[-1] in HEAD_DETERMINERS | HEAD_PREPOSITIONS | HEAD_CLAUSE | HEAD_AUX
        or low[-1] in {"and", "or", "but", "nor", "to", "not"}
        or raw[-1].rstrip("\"”’'.,;:").endswith(("'s", "’s", "s'"))
        or (low[tail] in HEAD_NEEDS_OBJECT and not attributed)
    ):
        return "ends mid-phrase"
    at = lede.lower().find(title.lower())
    nxt = lede[at + len(title) :].split()[:1] if at >= 0 else []
    if nxt and title[-1:] not in ",;:" and nxt[0][:1] not in "—–-_":
        follow = nxt[0].strip("\"“”‘’'(),;:").lower()
        if (
            (nxt[0][:1].isupper() and follow not in HEAD_TIME)  # "met Libyan leader | Moammar"
            or (follow == "of" and low[-1] in HEAD_QUANTITIES)  # "to identify more | of"
            or (nxt[0][:1].islower() and follow not in HEAD_BOUNDARY | HEAD_TIME)
        ):
            return "ends mid-phrase"
    return ""


def headline_reads(cases: list[Case]) -> str:
    """Headlines that read as one (headline_fault), and the commonest fault."""
    faults = [
        headline_fault(c.data["title"], c.data["sections"][0]["items"][0]["text"])
        for c in cases
        if c.data
    ]
    bad = [f for f in faults if f]
    common = max(set(bad), key=lambda f: (bad.count(f), f)) if bad else ""
    return _share(len(faults) - len(bad), len(faults)) + (f"; most: {common}" if common else "")


MEASURES["headlines that read as one (verb, complete phrase, capital, no slug)"] = headline_reads


def lede_rouge(name: str) -> Callable[[list[Case]], str]:
    """The lede's ROUGE-2 recall against the human summaries, and in brackets that of the
    first sentence of the cluster's newest article (bench/judgement.py)."""

    def measure(cases: list[Case]) -> str:
        import judgement

        found = {c.story: c.data["sections"][0]["items"][0]["text"] for c in cases if c.data}
        lede, first = judgement.lede_rouge(name, found)
        return f"{lede:.2f} ({first:.2f})"

    return measure


def routing(name: str) -> Callable[[list[Case]], str]:
    """Accuracy of section routing on the sentences labelled by reading (bench/labels), and in
    brackets that of the cue-word rule it replaced (bench/judgement.py)."""

    def measure(cases: list[Case]) -> str:
        import judgement

        got = judgement.routing([name], None)
        if not got["total"]:
            return "-"
        share = 100 * got["right"] / got["total"]
        return f"{share:.1f}% ({100 * got['old'] / got['total']:.1f}%) of {got['total']}"

    return measure


# Measures for one data set only: EXTRA["duc2006"] = {"name": function, ...}
EXTRA: dict[str, dict[str, Callable[[list[Case]], str]]] = {
    name: {
        "lede ROUGE-2 recall (newest article's first sentence)": lede_rouge(name),
        "section routing accuracy on labelled sentences (cue-word rule)": routing(name),
    }
    for name in ("duc2004", "duc2006")
}


def table(results: dict[str, list[Case]]) -> str:
    names = list(results)
    rows = list(dict.fromkeys([*MEASURES, *(m for extra in EXTRA.values() for m in extra)]))
    head = [
        "# Editorial quality of the briefs",
        "",
        "The standard brief of every story (`brief build <story> --date "
        f"{DATE}`, run as library calls), measured as an editor would read it "
        "(bench/editorial.py). Stories: "
        + ", ".join(f"{n} {len(results[n])}" for n in names)
        + ". Shares count items (or supports, or quotes) over all briefs of the set.",
        "",
        "Regenerate: `.venv/bin/python bench/editorial.py` (briefs in bench/scratch/editorial/).",
        "",
        "| measure | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    body = []
    for row in rows:
        cells = []
        for n in names:
            measure = MEASURES.get(row) or EXTRA.get(n, {}).get(row)
            cells.append(measure(results[n]) if measure else "-")
        body.append(f"| {row} | " + " | ".join(cells) + " |")
    return "\n".join(head + body) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(DATASETS), help="comma list of data sets")
    ap.add_argument("--limit", type=int, help="at most this many stories a set (a quick look)")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    results: dict[str, list[Case]] = {}
    for name in args.sets.split(","):
        folders = DATASETS[name]()[: args.limit]
        results[name] = []
        for folder in folders:
            results[name].append(build(folder))
            print(f"{name:>8s} {results[name][-1].story}", file=sys.stderr, flush=True)
    text = table(results)
    print(text, end="")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
