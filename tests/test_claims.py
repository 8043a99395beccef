"""brief.claims: an outlet is cited for an item only when its sentence states the same claim."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief import claims, figures, persons, pipeline, segment
from brief.config import Settings
from brief.models import Article, Sentence
from tests.conftest import article


def sentence(text: str) -> Sentence:
    (s,) = segment.corpus([article(text)]).sentences
    return s


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The storm destroyed 7,000 homes.", {7000.0}),
        ("The storm destroyed 7000 homes.", {7000.0}),
        ("The fund holds $1.2 billion.", {1.2e9}),
        ("The fund holds 1.2 billion dollars.", {1.2e9}),
        ("Two ferries sank near the harbour.", {2.0}),
        ("2 ferries sank near the harbour.", {2.0}),
        ("Prices rose 10% in the year, or ten percent.", {10.0}),
        ("One of the pilots flew an F-16 in the 20th squadron.", set()),
    ],
)
def test_figures_are_normalised(text: str, values: set[float]) -> None:
    assert figures.numbers(text) == values


@pytest.mark.parametrize(
    ("item", "other", "same"),
    [
        # the same figures in other words
        (
            "The quake killed 60 people in the coastal town on Monday.",
            "The quake in the coastal town killed 60 people, officials said.",
            True,
        ),
        (
            "The quake killed 60 people in the coastal town on Monday.",
            "The quake killed 65 people in the coastal town on Monday.",
            False,
        ),
        # a support may say more, never less
        (
            "The quake killed 60 people in the coastal town.",
            "The quake killed 60 people and injured 155 in the coastal town.",
            True,
        ),
        (
            "The quake killed 60 people and injured 155 in the coastal town.",
            "The quake killed 60 people in the coastal town.",
            False,
        ),
        # polarity
        (
            "The league has lost a regular-season game to labour strife.",
            "The league has never lost a regular-season game to labour strife.",
            False,
        ),
        # another actor
        (
            "Lisbon banned the sale of the drones on Tuesday.",
            "Madrid banned the sale of the drones on Tuesday.",
            False,
        ),
        # another quotation by another man
        (
            "“We will not sell the mill,” said Tom Arden, the owner.",
            "“The mill will close by winter,” said Paul Berne, the mayor.",
            False,
        ),
        (
            "“We will not sell the mill,” said Tom Arden, the owner.",
            "“We will not sell the mill,” Tom Arden told reporters.",
            True,
        ),
        # a direct quote is supported only by the same quotation, not a paraphrase
        (
            "“We will not sell the mill,” said Tom Arden, the owner.",
            "Tom Arden said he would not sell the mill.",
            False,
        ),
    ],
)
def test_agree(item: str, other: str, same: bool) -> None:
    # The articles name the cities mid-sentence too: that is how an opening word is known as a name.
    assert agree(item, other, "Officials from Lisbon and Madrid met in the spring.") is same


def agree(item: str, other: str, *more: str) -> bool:
    """Whether the first sentence of ``other``'s article states the claim of ``item``'s."""
    arts = [article(item), article(other), *(article(text) for text in more)]
    corpus = segment.corpus(arts)
    first = {s.article: s for s in reversed(corpus.sentences)}
    return claims.agree(first[0], first[1], claims.context(corpus))


@pytest.mark.parametrize(
    ("item", "other", "same"),
    [
        # a place the item names is missing: the national rules are not the city's
        (
            "The agency tightened its rules on building in the Varnia City watershed.",
            "The agency tightened its rules on building near wetlands across Varnia.",
            False,
        ),
        (
            "The agency tightened its rules on building in the Varnia City watershed.",
            "On Thursday the agency tightened its rules on building in the Varnia City watershed.",
            True,
        ),
        # the item's main verb is missing: cutting a trip short is not agreeing to return
        (
            "Doctors ordered Mayor Ivo Kral to rest, and he agreed to return home a day early.",
            "Mayor Ivo Kral cut short his trip abroad because of a fever.",
            False,
        ),
        (
            "Mayor Ivo Kral agreed to return home on Monday, a day earlier than planned.",
            "Mayor Ivo Kral agreed to return home a day earlier than planned, aides said.",
            True,
        ),
        # too little of the item's rarer content: a shared topic is not the same claim
        (
            "Mayor Ivo Kral stayed home with a fever that revived doubts about his health.",
            "Mayor Ivo Kral stayed on as head of the party's youth wing in the spring.",
            False,
        ),
        # who reported a claim is not part of it
        (
            "Bars with smoking rooms would escape the ban, said council member Ana Ruiz.",
            "Bars with smoking rooms would escape the ban under the new law.",
            True,
        ),
        # a quotation begun in the sentence before is still a quotation
        (
            "Her resignation was wrong,” declared Ana Ruiz. “It is a witch hunt.",
            "Ana Ruiz warned of a “witch hunt” after the vote.",
            False,
        ),
    ],
)
def test_a_support_holds_the_names_verb_and_rare_words(item: str, other: str, same: bool) -> None:
    filler = "Voters in Varnia met the mayor about the ban and the trip on the same day."
    assert agree(item, other, filler, filler, filler) is same


def test_a_pronoun_stands_for_the_name_given_just_before() -> None:
    item = "On Friday, Mayor Ivo Kral fired his deputy, Lena Ost, after the audit."
    plain = "On Friday, he fired his deputy, Lena Ost, after the audit."
    assert not agree(item, plain)
    named = "The audit found gaps in the books kept for Mayor Ivo Kral. " + plain
    arts = [article(item), article(named)]
    corpus = segment.corpus(arts)
    shown, _, support = corpus.sentences
    assert claims.agree(shown, support, claims.context(corpus))


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Mayor Ivo Kral stayed home on Tuesday.", "stay"),
        ("The council will vote on the budget next week.", "vote"),
        ("Ivo Kral, who founded the party, won the vote on Sunday.", "won"),
        ("Weakened by a fever, Ivo Kral cancelled his trip.", "cancel"),
        ("Aides said the mayor resigned.", "resign"),
        ("The mayor is a former teacher.", None),
    ],
)
def test_predicate_is_the_main_verb(text: str, verb: str | None) -> None:
    assert claims.predicate(sentence(text)) == verb


def test_quotations_begun_or_left_open_in_another_sentence() -> None:
    assert claims.quotations("It was wrong,” said Ana Ruiz. “It is a witch hunt.") == [
        "it was wrong,",
        "it is a witch hunt.",
    ]
    assert claims.quotations("She called it a “witch hunt” at the rally.") == ["witch hunt"]


def test_a_brief_cites_only_outlets_that_give_the_same_toll() -> None:
    arts = [
        article(
            "A ferry capsized off the northern coast of Varnia on Sunday, killing 60 passengers "
            "and leaving dozens missing.",
            "Rescue boats searched the cold water through the night for survivors of the ferry.",
        ),
        article(
            "A ferry capsized off the northern coast of Varnia on Sunday, killing 60 passengers "
            "in rough seas.",
            "The ferry operator said the vessel had passed its last inspection in the spring.",
        ),
        article(
            "A ferry capsized off the northern coast of Varnia on Sunday, killing 65 passengers "
            "in rough seas.",
            "Relatives gathered at the port waiting for news of the missing passengers.",
        ),
    ]
    made = pipeline.brief(arts, Settings(), "2026-01-05")
    for section in made.sections:
        for item in section.items:
            for support in item.support:
                assert figures.numbers(support.sentence) >= figures.numbers(item.text)


def one(text: str) -> Sentence:
    return segment.corpus([article(text)]).sentences[0]


def test_the_old_side_of_a_change_is_no_rival_count() -> None:
    # Both report the same change; the one that gives the old limit does not contradict the other.
    cut = one("The agency reduced the wetlands limit from 10 acres in a ruling last December.")
    new = one("The agency dropped that wetlands limit to three acres in a ruling last December.")
    assert not claims.differ(cut, new) and not claims.differ(new, cut)
    toll = one("Floods killed 247 people in the east of the country on Friday.")
    other = one("Floods killed 213 people in the east of the country on Friday.")
    assert claims.differ(toll, other)
    assert figures.counts(one("The toll rose to 260 people, up from 231 people.")) == {
        "peopl": frozenset({260.0})
    }


def test_the_storys_own_verb_may_be_worded_otherwise_but_not_dropped() -> None:
    # "ban" is in every article: an outlet may say "ordered … to stop" for it, and must still
    # hold the rest of the main clause.
    story = [
        "The ban on Varnian ferries drew protests.",
        "Officials defended the ban at a hearing.",
    ]
    item = "Varnia has banned the operators of northern ferries from buying fuel abroad."
    assert agree(
        item, "Varnia ordered the operators of northern ferries to stop buying fuel abroad.", *story
    )
    assert not agree(
        item, "Varnia ordered the port to stop the northern ferries from sailing.", *story
    )
    approved = [
        "The committee approved the ferry bill.",
        "The bill was approved after a long debate.",
    ]
    item = "The council approved the ferry bill that fishing unions and shipowners opposed."
    assert not agree(item, "Fishing unions and shipowners opposed the ferry bill.", *approved)


def test_versions_restate_one_claim_with_other_figures() -> None:
    arts = [
        article("Floods killed 247 people in the east of Varnia on Friday, officials said."),
        article("Floods killed 213 people in the east of Varnia on Friday."),
        article("With 67 percent of the vote counted, the Harbour Party won 34 percent of seats."),
        article("On Sunday, she won 3 percent of the vote, according to partial results."),
    ]
    corpus = segment.corpus(arts)
    story = claims.context(corpus)
    toll, other, party, she = corpus.sentences
    assert claims.restates(toll, other, story)
    assert claims.differ(party, she) and not claims.restates(party, she, story)


def test_a_bound_is_no_day_of_its_own() -> None:
    arts = [
        Article(text="The harbour authority closed the ports on Friday.", published="2026-11-21"),
        Article(text="The harbour shut the ports until at least Sunday.", published="2026-11-21"),
    ]
    corpus = segment.corpus(arts)
    story = claims.context(corpus)
    friday, until = corpus.sentences
    assert claims.day(friday, story) == dt.date(2026, 11, 20)
    assert claims.day(until, story) is None
    forecast = "The weather service said the storm would move east and weaken on Saturday."
    expects = "The weather service expects the storm to weaken as it moves east on Saturday."
    arts = [
        Article(text=forecast, published="2026-11-21"),
        Article(text=expects, published="2026-11-21"),
    ]
    corpus = segment.corpus(arts)
    assert claims.same_day(*corpus.sentences, claims.context(corpus))


WORDS = ["the", "mayor", "Ivo", "Kral", "said", "on", "Monday", "killed", "60", "ferry", "“", "”"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=25))
def test_every_sentence_states_its_own_claim(words: list[str]) -> None:
    text = " ".join(["Officials", *words]) + "."
    corpus = segment.corpus([article(text), article(text)])
    firsts = {s.article: s for s in reversed(corpus.sentences)}
    assert claims.agree(firsts[0], firsts[1], claims.context(corpus))


# A story of a ban, told by three outlets: two in the same words, one in its own (a compound
# sentence, other words in the same places: "key" for "critical", "buying" for "purchasing").
BAN = "Varnia has banned the operators of critical ferry lines from purchasing fuel made by Nordol."
OWN_WORDS = (
    "The transport ministry said that Nordol had failed its safety audit and that Varnia would "
    "block operators of key ferry lines from buying from the company."
)
BAN_STORY = (
    "Ferry crews in Varnia said the ban would hit the northern routes first.",
    "Nordol said it regretted the ban and would appeal.",
)


def test_a_word_in_the_same_place_is_the_outlets_own_word_for_it() -> None:
    assert claims.substitutes(BAN, OWN_WORDS) == {"critic", "purchas"}
    # one neighbour is not a place: "the ___" is shared by any two nouns
    assert claims.substitutes("The mayor left.", "The council left.") == frozenset()
    # the main verb is read literally (rule 6), never swapped
    assert (
        claims.substitutes(
            "Shares of ferry firms rose sharply on Monday.", "Shares of ferry firms fell sharply."
        )
        == frozenset()
    )


def ban_brief(own_words: str, ban: str = BAN) -> list[list[int]]:
    """The sources cited for each item of a brief of the ban story (``ban`` told by outlets 1
    and 2), ``own_words`` as outlet 3."""
    arts = [
        article(ban, BAN_STORY[0]),
        article(ban.replace("Varnia has", "Varnia on Monday"), BAN_STORY[1]),
        article(own_words, "Shipowners met the ministry about the routes."),
    ]
    made = pipeline.brief(arts, Settings(), "2026-11-21")
    return [
        [s.source for s in item.support]
        for section in made.sections
        for item in section.items
        if item.text.startswith("Varnia")
    ]


def test_an_outlet_that_words_the_claim_its_own_way_is_cited() -> None:
    (cited,) = ban_brief(OWN_WORDS)
    assert sorted(cited) == [1, 2, 3]
    twelve = BAN.replace("critical", "12 critical")
    (cited,) = ban_brief(OWN_WORDS.replace("key", "12 key"), twelve)
    assert sorted(cited) == [1, 2, 3]


@pytest.mark.parametrize(
    ("look_alike", "ban"),
    [
        # another figure
        (OWN_WORDS.replace("key", "14 key"), BAN.replace("critical", "12 critical")),
        (OWN_WORDS.replace("Varnia would", "Ostland would"), BAN),  # another actor
        (OWN_WORDS.replace("would block", "would not block"), BAN),  # the other polarity
        # another claim about the same firm
        (OWN_WORDS.replace("failed its safety audit and that Varnia", "passed its audit"), BAN),
    ],
)
def test_a_look_alike_in_other_words_is_not_cited(look_alike: str, ban: str) -> None:
    (cited,) = ban_brief(look_alike, ban)
    assert sorted(cited) == [1, 2]


def test_a_claim_told_in_one_clause_of_a_longer_sentence() -> None:
    # "ban" is the story's own verb: most of its articles use it
    arts = [article(BAN), *(article(text) for text in BAN_STORY), article(OWN_WORDS)]
    corpus = segment.corpus(arts)
    story = claims.context(corpus)
    ban, *_, own = corpus.sentences
    assert claims.agree(ban, own, story) and claims.told(ban, own, story)
    # the same words spread over a sentence about something else tell no claim
    about = segment.corpus(
        [
            article(BAN),
            article(
                "Nordol, the fuel supplier, said its profits doubled after operators of critical "
                "ferry lines in Varnia cut their timetables."
            ),
        ]
    )
    assert not claims.told(*about.sentences, claims.context(about))


def ramos_story() -> tuple[list[Sentence], claims.Context, frozenset[str]]:
    """Three outlets on one arrest, each also telling another fact about the same man."""

    corpus = segment.corpus(
        [
            article(
                "Police arrested former mayor Victor Ramos in Lisbon on Monday for fraud.",
                "Victor Ramos, who led the city for a decade, denies the charges.",
            ),
            article(
                "Ramos, 64, was placed under arrest in Lisbon by agents acting on a warrant.",
                "Ramos resigned as head of the port authority in March after an audit.",
            ),
            article(
                "Former mayor Victor Ramos was arrested in Lisbon after a long fraud inquiry.",
                "Ramos was elected to the city council in 2009.",
                "Police arrested former judge Ana Silva in Porto on Tuesday in a separate case.",
            ),
        ]
    )
    return list(corpus.sentences), claims.context(corpus), persons.surnames(corpus)


def test_one_fact_in_other_words_is_retold() -> None:
    s, story, people = ramos_story()
    arrested, placed, was_arrested = s[0], s[2], s[4]
    assert claims.retells(arrested, placed, story, people)  # "arrested" / "under arrest"
    assert claims.retells(placed, arrested, story, people)
    assert claims.retells(arrested, was_arrested, story, people)


def test_other_facts_about_the_same_person_are_not_retold() -> None:
    s, story, people = ramos_story()
    arrested, denies, resigned, elected, silva = s[0], s[1], s[3], s[5], s[6]
    for other in (denies, resigned, elected):
        assert not claims.retells(arrested, other, story, people)
    # the same verb, the same words, another person: two arrests
    assert not claims.retells(arrested, silva, story, people)


def test_years_ago_in_papers_a_day_apart_name_no_day() -> None:
    corpus = segment.corpus(
        [
            Article(
                text="Ana Ruiz edited an underground journal in the harbour movement 20 years ago.",
                published="1998-12-20",
            ),
            Article(
                text="Ana Ruiz, 55, edited an underground journal in the harbour movement 20 "
                "years ago.",
                published="1998-12-21",
            ),
        ]
    )
    a, b = corpus.sentences
    story = claims.context(corpus)
    assert claims.day(a, story) is None and claims.day(b, story) is None
    assert not claims.other_day(a, b, story)
