"""The library's front door: articles -> Brief, and corpus -> plain summary.

    ingest.read -> segment.corpus -> score.rate -> select.groups -> sections.choose -> Brief

Pure: no files are read or written here (ingest and deliver sit at the two ends).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from brief import claims, lede, sections, segment, select, standalone, timeline
from brief import headline as headlines
from brief import scoring as score
from brief.config import Settings
from brief.errors import ConfigError, InputError
from brief.models import Article, Brief, Corpus, Group, Item, Section, Sentence, Source, Support

# A brief tells one story; news stories have tens of articles, a big one a few hundred. Memory
# grows with the input (2,000 articles: about 400 MB, bench/memory.py), time a little faster:
# 5,000 articles take minutes. Past this, the input is an archive, not a story.
MAX_ARTICLES = 5_000


def brief(articles: Sequence[Article], settings: Settings, date: str) -> Brief:
    """A cited, structured brief of ``articles`` about one story, dated ``date`` (YYYY-MM-DD).

    The date is an argument, never the clock: the same input and date give the same brief."""
    if len(articles) > MAX_ARTICLES:
        raise InputError(
            f"{len(articles):,} articles is over the cap of {MAX_ARTICLES:,} for one brief "
            "(a brief tells one story): brief a folder per story, or use brief daily"
        )
    corpus = segment.corpus(articles)
    if not any(select.eligible(s) for s in corpus.sentences):
        raise InputError("the articles hold no complete sentences to brief")
    scores = score.rate(corpus, settings.method)
    from brief import vectors  # numpy and scipy: loaded when a brief is built, not on import

    matrix = vectors.tfidf(corpus)  # one matrix for grouping and for redundancy checks
    groups = select.groups(corpus, scores, matrix)
    story = timeline.story(corpus)
    picks = sections.choose(corpus, groups, settings.budget, matrix, story)
    if not picks:
        raise _nothing_to_state(corpus, groups, settings)
    known = claims.context(corpus)
    built = tuple(
        Section(key, sections.HEADINGS[key], tuple(_item(corpus, p, known, matrix) for p in chosen))
        for key, chosen in picks.items()
    )
    return Brief(
        title=headline(corpus, picks, story),
        date=date,
        method=settings.method,
        sections=built,
        sources=sources(corpus.articles),
    )


def _nothing_to_state(corpus: Corpus, groups: Sequence[Group], settings: Settings) -> Exception:
    """Why no sentence made it into any section: the budget, or the text itself."""
    routed = [p for picks in sections.route(corpus, groups).values() for p in picks]
    if not routed:
        return InputError(
            "the articles hold no sentence a brief can state as fact: every complete sentence "
            "is a quotation with no speaker named, or leans on the sentence before it"
        )
    shortest = min(select.word_count(corpus.sentences[p.group.members[0]].text) for p in routed)
    return ConfigError(
        f"{settings.named('words')} = {settings.budget.words} is too small: the shortest "
        f"sentence that could open the brief has {shortest} words"
    )


def _item(corpus: Corpus, pick: sections.Pick, known: claims.Context, matrix: Any) -> Item:
    """The pick's shown sentence, cited with every member that states its claim (claims.agree)
    and with each other outlet whose sentence states it in other words (``_restated``)."""
    lead = pick.group.members[0]
    shown = corpus.sentences[lead]
    members = [
        m
        for m in pick.group.members
        if m == lead or claims.agree(shown, corpus.sentences[m], known)
    ]
    cited = {corpus.sentences[m].article for m in members}
    members += _restated(corpus, lead, cited, known, matrix)
    support = tuple(
        Support(source=corpus.sentences[m].article + 1, sentence=corpus.sentences[m].text)
        for m in members
    )
    return Item(text=support[0].sentence, speaker=pick.speaker, support=support)


# An outlet that states an item's claim in other words does so in one of its few sentences
# nearest to the item by tf-idf cosine: only these are read (claims.agree is the costly test,
# and reading every sentence of a story of hundreds of articles for every item made a 100,000
# article day several times slower). 3 keeps every citation the full search gave on the seeds,
# DUC 2004 and DUC 2006 briefs (same bytes).
RESTATED_PER_OUTLET = 3


def _restated(
    corpus: Corpus, lead: int, cited: set[int], known: claims.Context, matrix: Any
) -> list[int]:
    """For each outlet not cited yet, its first sentence (of the RESTATED_PER_OUTLET nearest
    the item) that states the shown item's claim (claims.agree) though too differently worded
    to be grouped with it (select.groups reads shared words): "… would block operators of key
    infrastructure from buying from the company" for "… banned the operators of critical
    information infrastructure from purchasing chips made by Micron"."""
    shown = corpus.sentences[lead]
    row = (matrix @ matrix.getrow(lead).T).toarray().ravel()
    nearest: dict[int, list[tuple[float, int]]] = {}
    for i in row.nonzero()[0].tolist():
        article = corpus.sentences[i].article
        if article not in cited:
            nearest.setdefault(article, []).append((-float(row[i]), i))
    found: list[int] = []
    for article in sorted(nearest):
        if not standalone.news(corpus.articles[article]):
            continue  # an editorial is never cited (sections.candidates)
        near = sorted(i for _, i in sorted(nearest[article])[:RESTATED_PER_OUTLET])
        for i in near:
            other = corpus.sentences[i]
            if (
                select.eligible(other)
                and not standalone.listed(corpus, i)  # nor a dated list
                and claims.agree(shown, other, known)
                and claims.told(shown, other, known)
                and not claims.differ(shown, other, known.names)
            ):
                found.append(i)
                break
    return found


def sources(articles: Sequence[Article]) -> tuple[Source, ...]:
    return tuple(
        Source(
            id=i + 1,
            title=a.title or opening(a.text),
            outlet=a.outlet,
            url=a.url,
            published=a.published,
            path=a.path,
        )
        for i, a in enumerate(articles)
    )


# An article with no headline is named by its opening words, as a reader would quote it.
OPENING_WORDS = 10


# ... and at most this many characters (Chinese has no spaces between words).
OPENING_CHARS = 80


def opening(text: str) -> str:
    """An article's opening words, as a reader would quote it."""
    words = text.split()
    opening = " ".join(words[:OPENING_WORDS])
    if len(opening) > OPENING_CHARS:
        return opening[:OPENING_CHARS] + "…"
    return opening + ("…" if len(words) > OPENING_WORDS else "")


def headline(
    corpus: Corpus,
    picks: dict[str, tuple[sections.Pick, ...]],
    story: timeline.Timeline | None = None,
) -> str:
    """The lede article's title, or the title that best states the lede's event; else the
    clause of the lede (or of the next-best lede candidates) that reads as a headline."""
    story = story or timeline.story(corpus)
    members = next(iter(picks.values()))[0].group.members
    first = members[0]
    # The articles that carry the lede (its own first): their titles state its event.
    homes = list(dict.fromkeys(corpus.sentences[m].article for m in members))
    own = [t for t in (corpus.articles[a].title for a in homes) if t]
    rank = {a: r for r, a in enumerate(timeline.newest(story.dates))}
    titles = sorted(
        (rank[i], a.title) for i, a in enumerate(corpus.articles) if a.title and i not in homes
    )
    weight = lede.weights(corpus)
    ledes = [first, *(i for i in lede.candidates(corpus, story.dates, weight) if i != first)]
    texts = [corpus.sentences[i].text for i in ledes]
    return headlines.headline(texts, titles, weight, own)


# A file name holds at most 255 bytes; the slug sits between a date and a format suffix, and a
# temporary name adds some 20 characters while writing. 80 keeps eight long words readable.
SLUG_MAX_CHARS = 80


def slug(title: str, max_words: int = 8) -> str:
    """The file-name part of a title: its first words, ASCII, at most SLUG_MAX_CHARS long."""
    words = re.findall(r"[a-z0-9]+", title.lower().replace("’", "").replace("'", ""))
    kept = "-".join(words[:max_words])
    if len(kept) > SLUG_MAX_CHARS:
        cut = kept[: SLUG_MAX_CHARS + 1].rsplit("-", 1)[0]
        kept = cut if cut and len(cut) <= SLUG_MAX_CHARS else kept[:SLUG_MAX_CHARS]
    return kept or "brief"


def summarize(
    corpus: Corpus,
    method: str = score.DEFAULT,
    *,
    words: int | None = None,
    sentences: int | None = None,
) -> tuple[Sentence, ...]:
    """A plain multi-document summary: the best sentences, none repeating another, in rank order."""
    if words is not None and sentences is not None:
        raise ConfigError("give a budget in words or in sentences, not both")
    chosen_method = score.method(method)
    if chosen_method.choose is not None:
        picked = chosen_method.choose(corpus, words, sentences)
    else:
        scores = chosen_method.rate(corpus)
        picked = select.top(corpus, scores, words=words, sentences=sentences)
    return tuple(corpus.sentences[i] for i in picked)
