"""brief.standalone: every item of a brief can be read alone, and is a whole sentence."""

from __future__ import annotations

import pytest

from brief import config, persons, pipeline, segment, standalone
from brief.models import Group, Sentence
from tests.conftest import article


def sentence(text: str) -> Sentence:
    (s,) = segment.corpus([article(text)]).sentences
    return s


@pytest.mark.parametrize(
    "text",
    [
        "He told the council the dam would hold through the winter.",
        "They voted to close the northern ferry route in March.",
        "These measures were criticised by the harbour authority.",
        "But the mayor said the dam would hold through the winter.",
        "However, the council voted to close the ferry route.",
        "Other groups have asked the council to reconsider the vote.",
        "Another $9 million will be spent on the northern dam next year.",
        "Ostrander also warned that the dam might not hold through the winter.",
        "The Harbour secretary also warned that the route was unsafe.",
        "The plea was entered by the harbour company on Tuesday.",
        "In addition, the council voted to close the ferry route.",
        "The harbour authority has strongly criticized these measures, saying it objects.",
        "Harbour officials have cited him since the first hours of the inquiry.",
        "The harbour board stepped up its warnings against such action on Monday.",
        "One would create about 15,000 new berths for the northern ferries.",
        # a concession answers a point the reader never saw
        "True, the storm was blamed for the flooding of the northern harbour.",
        "Granted, the council has closed the ferry route before.",
        # a reaction without its object: to what?
        "Tom Arden, a harbour engineer at the Varnia institute, was skeptical.",
        "The harbour board disagreed.",
    ],
)
def test_sentences_that_lean_on_the_one_before(text: str) -> None:
    assert not standalone.stands_alone(sentence(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Varnia harbour council voted on Monday to close the northern ferry route.",
        "The announcement, made by the harbour authority, surprised the ferry crews.",
        "“Nobody will close our route,” said Mara Ostrander, the ferry captain.",
        "Mara Ostrander said the council had never asked her about the route.",
        "One of the ferry captains, Mara Ostrander, refused to sail on Monday.",
    ],
)
def test_sentences_that_stand_alone(text: str) -> None:
    assert standalone.stands_alone(sentence(text))


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("The council voted on Monday to close the northern ferry route.", True),
        ("When I think of that man, I can let the anger go.”", False),
        ("Ostrander said, “No, I will not resign from the council.", False),
        ("HARBOUR Ferries The northern route closed on Monday after the vote.", False),
        ("___ 1928: Born in a fishing village on the northern coast of Varnia.", False),
        ("(The council could still reopen the route if the state refuses.)", False),
        ("and not on the ferry route, on any effect on the harbour generally.", False),
        ("--She sailed the northern route for thirty years without a wreck.", False),
        # opens inside a quotation begun in the sentence before, though its marks balance
        ("The vote was wrong,” said Ana Ruiz, the mayor. “It is a witch hunt.", False),
        ("“The vote was wrong,” said Ana Ruiz, the mayor.", True),
    ],
)
def test_whole_sentences(text: str, whole: bool) -> None:
    (s, *_) = segment.corpus([article(text)]).sentences
    assert standalone.whole(s) is whole


def test_surnames_alone_wait_for_the_full_name() -> None:
    corpus = segment.corpus(
        [article("The captain, Mara Ostrander, said the route was safe.", "Ostrander sailed.")]
    )
    people = persons.surnames(corpus)
    assert "Ostrander" in people
    assert persons.unintroduced("Ostrander sailed on Monday.", people, ()) == {"Ostrander"}
    introduced = persons.named_in_full(["Captain Mara Ostrander said the route was safe."])
    assert not persons.unintroduced("Ostrander sailed on Monday.", people, introduced)


def test_a_brief_never_names_a_person_by_surname_before_the_full_name() -> None:
    arts = [
        article(
            "The Varnia harbour council voted on Monday to close the northern ferry route "
            "after a winter of storms.",
            "Ostrander said the crews would appeal the decision of the harbour council.",
            "Ferry crews gathered at the port on Tuesday to protest against the closure.",
        ),
        article(
            "Mara Ostrander, the ferry captain, said the crews would appeal the decision of the "
            "harbour council.",
            "The northern route had carried about 2,000 passengers a week before the storms.",
        ),
    ]
    made = pipeline.brief(arts, config.Settings(), "2026-01-05")
    texts = [item.text for section in made.sections for item in section.items]
    assert "Ostrander said the crews would appeal the decision of the harbour council." not in texts
    people = {"Ostrander"}
    seen: list[str] = []
    for text in texts:
        assert not persons.unintroduced(text, people, persons.named_in_full(seen))
        seen.append(text)


@pytest.mark.parametrize(
    ("title", "text", "is_news"),
    [
        (None, "The council voted on Monday to close the northern ferry route.", True),
        ("EDITORIAL: SAVE THE FERRY", "The council was wrong to close the ferry route.", False),
        ("Commentary: a harbour adrift", "The council was wrong to close the route.", False),
        (
            None,
            "The Daily Varnian said in an editorial for Sunday, May 3: The council was wrong "
            "to close the ferry route.",
            False,
        ),
        ("BUSINESS AT A GLANCE", "Harbour shares rose on Monday.", False),
        ("Key Dates in the Ferry Case", "May 3: The council closes the route.", False),
        ("Milestones in Ferry History", "1962: The first ferry sails to the island.", False),
        (None, "For questions, please call the desk. FERRY _ The council voted.", False),
        # a news story that reports an editorial is news
        (
            None,
            "The council closed the route on Monday. The Daily Varnian, in an editorial, "
            "called the vote a mistake.",
            True,
        ),
        ("Lawyers file briefs in the ferry case", "Both sides filed briefs on Monday.", True),
        # a news service's budget: one line for each of many stories, and its notes
        (
            None,
            "The Varnia Courier plans to move the following stories for clients on Tuesday.\n\n"
            "The council voted to close the northern ferry route.",
            False,
        ),
        (
            None,
            "The council voted to close the ferry route. By ANA RUIZ. Story will move in the "
            "“A” category.\n\nCrews protested on the quay. By TOM BELL.",
            False,
        ),
        # a story about moving is news
        (None, "The council will move the ferry terminal to the north quay in March.", True),
    ],
)
def test_opinion_and_digests_are_not_news(title: str | None, text: str, is_news: bool) -> None:
    assert standalone.news(article(text, title=title)) is is_news


def test_the_lines_of_a_dated_list_are_not_items() -> None:
    corpus = segment.corpus(
        [
            article(
                "The harbour council closed the northern ferry route on Monday after a storm.",
                "-- May 3, 1962: The first ferry sails to the island. The harbour company "
                "signs a similar lease the same day.",
                "-- June 1975: A second ferry joins the route. It carries 300 passengers.",
                "The council said the route would stay closed until the pier is repaired.",
            )
        ]
    )
    texts = [s.text for s in corpus.sentences]
    listed = [standalone.listed(corpus, i) for i in range(len(texts))]
    assert listed == [False, True, True, True, True, False], texts
    one = Group(members=(0, 2), score=1.0)
    assert standalone.news_only(corpus, one) == Group(members=(0,), score=1.0)
    assert standalone.news_only(corpus, Group(members=(2, 4), score=1.0)) is None


def test_a_slug_fused_to_its_sentence_is_not_whole() -> None:
    slug = "The Daily Varnian said in an editorial for Sunday, May 3: The council erred badly."
    assert not standalone.whole(sentence(slug))
    assert standalone.whole(sentence("The council said on Monday that the route would close."))


def test_an_editorial_gives_no_item_and_no_citation() -> None:
    fact = "The council of Varnia voted on Monday to close the northern ferry route for good."
    arts = [
        article(fact, "Ferry workers protested outside the council hall after the vote."),
        article(fact, "The harbour master said the ferries would be sold next spring."),
        article(
            "The Daily Varnian said in an editorial for Tuesday, May 5: The council was wrong.",
            fact,
            "The council should reopen the northern ferry route before the summer season.",
            title="EDITORIAL: SAVE THE FERRY",
        ),
    ]
    made = pipeline.brief(arts, config.Settings(), "2026-05-06")
    cited = {s.source for section in made.sections for item in section.items for s in item.support}
    texts = [item.text for section in made.sections for item in section.items]
    assert 3 not in cited
    assert fact in texts
    assert not any("should reopen" in t for t in texts)


def test_a_definite_noun_introduced_just_before_leans_on_it() -> None:
    text = (
        "The council restricted building near the northern wetlands to three acres. "
        "The restriction was reduced from ten acres in December. "
        "The Varna harbour was dredged in the spring."
    )
    corpus = segment.corpus([article(text)])
    assert standalone.anaphoric(corpus, 1)  # which restriction? the one just before
    assert not standalone.anaphoric(
        corpus, 2
    )  # "harbour" was not met before, and a name says which
    # once the brief has shown the restriction, a reader knows which one
    assert not standalone.anaphoric(corpus, 1, ["The restriction on wetlands was eased."])


def test_an_abstract_noun_met_anywhere_before_in_its_article_leans_on_it() -> None:
    text = (
        "The harbour board published a report on the northern dam in March. "
        "Engineers inspected the spillway twice in the spring. "
        "Divers found cracks near the base of the wall. "
        "The report said the dam could fail within a decade. "
        "The spillway was rebuilt in 1990. "
        "The board said the dam was safe. "
        "The 40-page report by the Varnian Engineering Council was released on Monday."
    )
    corpus = segment.corpus([article(text)])
    assert standalone.anaphoric(corpus, 3)  # which report? the one three sentences before
    assert standalone.anaphoric(corpus, 4)  # which spillway? the one three sentences before
    assert not standalone.anaphoric(corpus, 5)  # "the board said": the story's actor speaks
    assert not standalone.anaphoric(corpus, 6)  # it says which report it is
    assert not standalone.anaphoric(corpus, 3, ["The harbour board's report was published."])


def test_an_abstract_noun_inside_the_sentence_leans_on_its_article() -> None:
    text = (
        "The mayor said on Friday that the ferry route would close for good. "
        "Residents of the northern islands were angry. "
        "Ostrander made the remarks while meeting harbour workers in Varna. "
        "The council criticized the decision to close the route. "
        "Officials announced a new plan on Monday and sent the plan to the ferry operators. "
        "The government said the ferry would run until June."
    )
    corpus = segment.corpus([article(text)])
    assert standalone.anaphoric(corpus, 2)  # which remarks? those told as "said" before
    assert not standalone.anaphoric(corpus, 3)  # "the decision to close the route" says which
    assert not standalone.anaphoric(corpus, 4)  # the plan is introduced in the sentence itself
    assert not standalone.anaphoric(corpus, 5)  # a standing institution, not a reference


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("The dam will hold through the winter, he added.", True),
        ("“It will hold,” added Ostrander, the harbour engineer.", True),
        ("The council added two ferries to the northern route.", False),
        ("Mayor Lena Ostrander said the dam will hold through the winter.", False),
    ],
)
def test_an_added_attribution_follows_a_quote_the_reader_never_sees(text: str, leans: bool) -> None:
    assert standalone.leans_on_quote(sentence(text)) is leans


def test_added_to_a_list_is_no_attribution() -> None:
    assert not standalone.leans_on_quote(sentence("The council added Varna to the ferry route."))
    assert standalone.leans_on_quote(sentence("The dam is safe, added the harbour engineer."))


def test_a_quote_or_a_compound_noun_is_no_reference_inside_the_sentence() -> None:
    text = (
        "The council debated the ferry decision and an invitation to the harbour board. "
        "“I think this decision will help the islands,” said Lena Ostrander, the mayor. "
        "Officials sent the invitation letters to the islands on Monday."
    )
    corpus = segment.corpus([article(text)])
    assert not standalone.anaphoric(corpus, 1)  # "this decision" is the speaker's own words
    assert not standalone.anaphoric(corpus, 2)  # "invitation" modifies "letters"


def test_a_speaker_pronoun_needs_a_person_named_before_it() -> None:
    item = sentence("Speaking at the harbour in Varna Bay, he said the dam would hold.")
    assert standalone.leans_on_quote(item, {"Ostrander"})
    named = sentence("Mayor Lena Ostrander visited the harbour, where she said the dam would hold.")
    assert not standalone.leans_on_quote(named, {"Ostrander"})


def test_a_definite_possessor_introduced_just_before_leans_on_it() -> None:
    text = (
        "The council closed a school district in the northern islands. "
        "The district's 18 middle schools will merge next year. "
        "The Varna harbour's ferries will run until June."
    )
    corpus = segment.corpus([article(text)])
    assert standalone.anaphoric(corpus, 1)  # which district? the one just before
    assert not standalone.anaphoric(corpus, 2)


def test_a_reference_to_the_sentence_just_shown_before_it_does_not_lean() -> None:
    made = segment.corpus(
        [
            article(
                "Varnia has banned the sale of Acme routers to its state-owned banks and grids. "
                "Officials said the move came after Acme failed a security review in March."
            )
        ]
    )
    first = made.sentences[0].text
    assert standalone.anaphoric(made, 1, [])  # "the move": which move?
    assert not standalone.anaphoric(made, 1, [first])  # the brief has just shown it


def test_a_definite_subject_the_brief_never_introduced_leans_on_its_article() -> None:
    text = (
        "Dr. Lena Ostrander treated a four-year-old boy from Varna with a new drug in May. "
        "The doctor injected the boy with the drug twice a week. "
        "The source, who spoke on condition of anonymity, said the trial would go on. "
        "The council voted to pay for the trial. "
        "The hospital said the boy was doing well."
    )
    corpus = segment.corpus([article(text)])
    assert standalone.anaphoric(corpus, 1)  # which doctor? the one named before, in other words
    assert standalone.anaphoric(corpus, 2)  # which source?
    assert not standalone.anaphoric(corpus, 3)  # a standing body: the story's actor
    assert not standalone.anaphoric(corpus, 4)  # an actor speaking
    assert not standalone.anaphoric(corpus, 1, ["The doctor treated him in May."])
    # an article's first sentence introduces its own subject
    first = segment.corpus([article("The doctor injected the boy with the drug in May.")])
    assert not standalone.anaphoric(first, 0)


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("In an interview with the Varna Broadcasting Corp., he stopped short of resigning.", True),
        ("Based on visits to four harbours, Ostrander also warned that the dam was unsafe.", True),
        ("In the next century, it would double the number of ferries on the route.", True),
        ("Soon afterward, his behavior on the ferry improved markedly.", True),
        (
            "With lawsuits pending against the council, they say the ferries will keep sailing.",
            True,
        ),
        ("Although it was their vote he won in 1994, they now oppose the mayor.", True),
        ("In his report to the council, Mara Ostrander said the route was unsafe.", False),
        ("When Mara Ostrander took the helm in 1990, she was the first woman to do so.", False),
        ("If the two ferry firms merge, it would create the largest fleet in Varnia.", False),
        ("Although the islanders want the ferry, they also oppose a higher fare.", False),
        ("In Varna, the council voted on Monday to close the northern ferry route.", False),
        (
            "In cases where crews had other jobs, such as fishing, the council paid them less.",
            False,
        ),
    ],
)
def test_the_subject_after_an_opening_phrase_is_held_to_the_opening_rules(
    text: str, leans: bool
) -> None:
    assert standalone.stands_alone(sentence(text)) is not leans


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("Dozens of police tried to block them from the harbour road.", True),
        ("Harbour officials have repeatedly criticized it since the vote.", True),
        ("The harbour board said it would appeal the ruling.", False),
        ("Police seized the boats before selling them at auction.", False),
        ("The vote made it clear that the route would close.", False),
    ],
)
def test_an_object_pronoun_with_nothing_before_it_to_point_at(text: str, leans: bool) -> None:
    assert standalone.stands_alone(sentence(text)) is not leans


def test_a_surname_alone_is_caught_wherever_it_stands() -> None:
    corpus = segment.corpus(
        [
            article(
                "The congressman, Tony Ostrander, D-Varna, visited the harbour on Monday.",
                "Ostrander said the ferries were unsafe.",
                "Rescuers in Varna said the harbour was closed.",
            ),
            article("Zha Jianguo founded the party in May.", "“We will go on,” said Zha."),
        ]
    )
    people = persons.surnames(corpus)
    assert {"Ostrander", "Zha"} <= people
    assert "Varna" not in people  # a place: "in Varna"
    for item in (
        "While Ostrander counsels caution, the council voted to close the route.",
        "Based on visits to four harbours, Ostrander warned that the dam was unsafe.",
        "De Ostrander's challenge was only part of the storm.",
        "With a mixture of defiance and calm, Zha said the party would go on.",
    ):
        assert persons.unintroduced(item, people, ()), item
    # the full name in the brief introduces either order; an attributive name is no reference
    assert not persons.unintroduced("Zha said the party would go on.", people, {"Zha"})
    assert not persons.unintroduced("The Ostrander family sold the boat.", people, ())


@pytest.mark.parametrize(
    "text",
    [
        "Three others involved in the same case were fined on Monday.",
        "Most expect it to sail again before the summer season.",
        "Some even think it may carry more passengers than the old ferry.",
        "The previous week, Ostrander had sailed the route alone.",
        "All of which will set the harbour apart when it opens next fall.",
    ],
)
def test_phrases_that_point_at_what_the_reader_never_saw(text: str) -> None:
    assert not standalone.stands_alone(sentence(text))


def test_an_age_and_a_description_stand_for_a_person_named_before() -> None:
    text = (
        "Mara Ostrander, a ferry captain, was arrested on Monday. "
        "The 56-year-old ferry captain from Varna said the route was safe. "
        "The 20-year-old deckhand Ana Ruiz was also questioned. "
        "The 12-year-old from Varna was the second girl to win the race."
    )
    corpus = segment.corpus([article(text)])
    assert standalone.anaphoric(corpus, 1)  # who? the captain named before
    assert not standalone.anaphoric(corpus, 2)  # the sentence names her
    assert standalone.anaphoric(corpus, 3)  # who?


@pytest.mark.parametrize(
    "text",
    [
        "Some have found the new timetable hard to follow.",
        "Of course the next year will bring many changes to the ferry route.",
        "Seemingly overnight he had turned the ferry company into a profitable line.",
        "Harbour towns like this one are building marinas on the northern coast.",
        "Crews mate the ferries around this time of year, before the storms.",
        "When 300 islanders marched on the council the following day, officials gave in.",
    ],
)
def test_more_phrases_that_point_at_what_the_reader_never_saw(text: str) -> None:
    assert not standalone.stands_alone(sentence(text))


def test_the_middle_of_a_quotation_of_several_sentences_is_no_fact() -> None:
    corpus = segment.corpus(
        [
            article(
                "“My sense is that the party has a much better chance than anyone expects,” "
                "Lena Ost said. “And I don't think anyone is emerging to pull it together. "
                "Everybody ought to be pushing, the leaders in the council and the mayor. "
                "I have never heard of a plan like that.”",
                "The council meets again on Monday to vote on the harbour plan.",
            )
        ]
    )
    inside = [i for i in range(len(corpus.sentences)) if standalone.quoted_within(corpus, i)]
    assert [corpus.sentences[i].text[:10] for i in inside] == ["Everybody ", "I have nev"]
    group = Group(members=tuple(range(len(corpus.sentences))), score=1.0)
    kept = standalone.news_only(corpus, group)
    assert kept is not None and 2 not in kept.members


def test_capitals_and_adverbs_are_no_pronoun_nor_noun() -> None:
    text = (
        "The council closed the ferry route in May. "
        "Responding to the vote, US Harbour Secretary Lena Ostrander told reporters it was wrong. "
        "The newly appointed Mayor Ana Ruiz and her staff have made several visits to the pier."
    )
    corpus = segment.corpus([article(text)])
    assert standalone.stands_alone(corpus.sentences[1])  # "US", not "us"
    assert not standalone.anaphoric(corpus, 2)  # "newly" is no noun


@pytest.mark.parametrize(
    "text",
    [
        # a connective or a third person opens the quotation: what does it carry on, who is he?
        "“He told me he will sail again in March,” Ruiz said.",
        "“However, knowing the captain, she will sail on Monday,” Ruiz said.",
        "“And since the storm, she cannot sail,” Ruiz said.",
        "“That shows how little the council cares about the island,” Ruiz said.",
        "“This now makes up a third of the catch,” Ruiz said.",
        "“That's what the council wanted all along,” Ruiz said.",
        "“These are the last boats we have,” Ruiz said.",
        "“They will not close our route,” said Mara Ostrander, the ferry captain.",
    ],
)
def test_a_quotation_opening_on_words_the_reader_never_saw_leans(text: str) -> None:
    assert not standalone.stands_alone(sentence(text))


@pytest.mark.parametrize(
    "text",
    [
        "“We will not close the northern route,” Ruiz said.",
        "“I knew the winter crossing would be the hardest,” Ruiz said.",
        "“It is too early to say whether the dam will hold,” Ruiz said.",
        # the editor's bracket says who "they" are
        "“They (the ferry crews) asked us to wait until March,” Ruiz said.",
        "“Thereafter the route will be closed every winter,” Ruiz said.",
        # a determiner: the quote names what it reacts to ("this move": the news told)
        "“This move shows the council never cared about the island,” Ruiz said.",
        "“That decision will cost the island its only ferry,” Ruiz said.",
    ],
)
def test_a_quotation_in_its_speaker_s_own_voice_stands_alone(text: str) -> None:
    assert standalone.stands_alone(sentence(text))


@pytest.mark.parametrize(
    "text",
    [
        # "also" adds to a fact told before, wherever it stands
        "Unconfirmed reports said Ostrander, who has sailed for years, also has a broken wrist.",
        "A survey carried out in May and June also showed that most crews were unpaid.",
        "Reports said Ostrander, who has sailed for years and is ill, also has a broken wrist.",
        "The harbour board also asked the ferry union to act against the captain.",
        # later than what, now unlike when, first of what?
        "Two weeks later, Ostrander resigned from the harbour board.",
        "Hours earlier, the council had voted to close the route.",
        "Now more captains are leaving the northern route.",
        "First, captains asked the council for a new ferry licence.",
        # one of whose, one option for what, included in what?
        "One of his arrests was in Varnia during the harbour protests of 1988.",
        "One option could be for the council to declare a state of emergency.",
        "Included was the former harbour captain Ana Ruiz of Varnia.",
        # if what is so; however, meanwhile, too: after what?
        "If so, the ferries will not sail to the island before spring.",
        "Island crews, meanwhile, have organized a campaign against the ferry levy.",
        "The new timetable would not end the delays on the quays, however.",
        "Fares on the southern route rose by a third, too.",
        # many speak of "he": who?
        "Harbour police said he was not a suspect in the ferry fire.",
        # "The Senate" names no one "him" can be
        "The Senate found him in contempt of the harbour court on Monday.",
        # which paper, which statement, which source?
        "The vote might hurt the ferry bid by Tarsa, Varnia's second city, the paper said.",
        "The union will ask the mayor for a meeting on fares, the statement said.",
        "Crews will try to find the cause of the wreck, the source close to the inquiry said.",
        "Bars and cafes on the quay also would escape the new ferry levy.",
        # this issue, this round: told before
        "Commenting on this issue, Mayor Ana Ruiz said the route was safe.",
        "Ferry firms faced this second round of checks on their licences.",
    ],
)
def test_also_and_openers_that_point_back_lean(text: str) -> None:
    assert not standalone.stands_alone(sentence(text))


@pytest.mark.parametrize(
    "text",
    [
        # the sentence tells the first fact itself, or a quotation says "also"
        "The ferry lost its licence, and the crew will also lose their pay.",
        "The ferry will lose its licence and the crew will also lose their pay.",
        "The crews not only lost their pay but also their berths on Monday.",
        "Harbour dues are not just closing routes but by also cutting crews from the fleet.",
        "Although the islanders want the ferry, they also oppose a higher fare.",
        "Mayor Ana Ruiz said “the council will also vote on the route,” on Monday.",
        # calendar, not reference; a new turn said in full; a count, not one of many
        "Earlier this month, the council voted to close the northern route.",
        "Now that the route is closed, the ferry crews have left the island.",
        "First Lady Ana Ruiz opened the northern ferry route on Monday.",
        "One man was killed in the harbour fire on Monday night.",
        "The council met this week to close the northern ferry route.",
        # a comma that sets off no connective; a name "him" or "he" can be
        "Captain Ana Ruiz was questioned, and harbour police said she was not a suspect.",
        "Crews on the quay, though tired, kept the ferries sailing through the storm.",
        "The mayor, Ana Ruiz, said the council had asked him to stay on as captain.",
        # a source any reader can take as given
        "The vote might hurt the ferry bid by Tarsa, a source close to the inquiry said.",
        "The ferry route will close in March, the harbour council said on Monday.",
    ],
)
def test_also_said_of_the_sentence_s_own_fact_and_calendar_openers_stand_alone(
    text: str,
) -> None:
    assert standalone.stands_alone(sentence(text))
