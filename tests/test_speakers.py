"""brief.speakers: who is quoted, resolved from the sentences before when the text says "he"."""

from __future__ import annotations

import pytest

from brief import segment, speakers
from tests.conftest import article


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "“We oppose restrictions with no basis,” a spokesperson from the US Commerce "
            "Department said on Sunday.",
            "US Commerce Department spokesperson",
        ),
        (
            'Responding, US Commerce Secretary Gina Raimondo told the paper, "We firmly oppose '
            'restrictions that have no basis."',
            "US Commerce Secretary Gina Raimondo",
        ),
        (
            "“No matter how the situation changes, China will open up.” – China’s new Premier, "
            "Li Qiang.",
            "China’s new Premier, Li Qiang",
        ),
        (
            "“The ban is a serious escalation of the dispute,” said Jane Doe, an analyst.",
            "Jane Doe",
        ),
        ("Micron said it looks “forward to continuing to engage with the authorities.”", "Micron"),
    ],
)
def test_speakers(text: str, who: str) -> None:
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, 0) == who


def test_a_pronoun_or_short_title_speaker_is_resolved_from_earlier_sentences() -> None:
    corpus = segment.corpus(
        [
            article(
                "The US Commerce Department said it would speak to Beijing.",
                "“We will engage with allies to address distortions of the market,” "
                "the department said.",
            )
        ]
    )
    assert speakers.speaker(corpus, 1) == "US Commerce Department"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # titles and initials stay inside the name
        (
            "“The harbour is safe again,” said Dr. Ruth Kallander, a port physician.",
            "Dr. Ruth Kallander",
        ),
        ("“The harbour is safe again,” said David C. Marsh, the harbour master.", "David C. Marsh"),
        (
            "“The harbour is safe again,” said the Rev. Jesse Ostby, the port chaplain.",
            "Rev. Jesse Ostby",
        ),
        # the role the text gives comes with the name
        (
            "“The harbour is safe again,” Gina Varga, the harbour secretary, said.",
            "Gina Varga, the harbour secretary",
        ),
        # where he spoke is not who he is
        (
            "“We are looking at the hull,” said Chairman Jim Hollis at a press conference here.",
            "Chairman Jim Hollis",
        ),
        # clauses and function words are no speakers: no quote
        ("Varga called Ostby his friend and said, “We all want the harbour open again.”", None),
        ("So far Saqib said “the harbour will reopen by the end of the month.”", None),
        (
            'Until the storm passes, Arden said, "I\'ve argued that the harbour must stay shut."',
            "Arden",
        ),
        ("Although the council said “every boat will be checked twice,” none was.", None),
        # "the board's": a body the reader has not met; the name is who
        ("“The harbour is safe again,” Gina Varga, the board's secretary, said.", "Gina Varga"),
        (
            "“The harbour is safe again,” said Gina Varga of the club's harbour committee.",
            "Gina Varga",
        ),
        # a bare weekday after the name says when, not who
        (
            "“We have stressed that the harbour must stay shut,” said Arden Friday when "
            "concluding a visit to the port.",
            "Arden",
        ),
    ],
)
def test_speaker_labels(text: str, who: str | None) -> None:
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, 0) == who


def test_he_said_is_the_person_named_before_in_the_same_article() -> None:
    corpus = segment.corpus(
        [
            article(
                "Tom Arden, the harbour master, inspected the damaged pier on Monday.",
                "He said the pier could reopen within a month.",
                "“We have never seen a storm like this one,” he added.",
            )
        ]
    )
    assert speakers.speaker(corpus, 2) == "Tom Arden"


def test_a_quote_named_to_another_speaker_is_not_given_the_previous_one() -> None:
    corpus = segment.corpus(
        [
            article(
                "Harbour master Tom Arden, the port's chief, said the pier was safe.",
                "“I'm very worried about how my friend has been treated,” Varga was quoted as "
                "saying by the weekly paper.",
            )
        ]
    )
    assert speakers.speaker(corpus, 1) == "Varga"


def test_an_unresolved_he_gives_no_quote() -> None:
    corpus = segment.corpus(
        [article("“We have never seen a storm like this one in the harbour,” he added.")]
    )
    assert speakers.speaker(corpus, 0) is None


def test_a_surname_label_is_given_the_article_s_full_name() -> None:
    corpus = segment.corpus(
        [
            article(
                "Ronald Zeller, who runs the ferry company, inspected the pier.",
                "“The pier will not reopen before spring,” Zeller said.",
            )
        ]
    )
    assert speakers.speaker(corpus, 1) == "Ronald Zeller"


@pytest.mark.parametrize(
    ("article_text", "surname", "full"),
    [
        (
            "Spanish Prime Minister Jose Maria Aznar had no plans to meet them.",
            "Aznar",
            "Jose Maria Aznar",
        ),
        ("Senator Jim Risch spoke first.", "Risch", "Jim Risch"),
        ("House Speaker Newt Gingrich resigned.", "Gingrich", "Newt Gingrich"),
        ("David C. Smith wrote the report.", "Smith", "David C. Smith"),
        ("Prime Minister Aznar spoke.", "Aznar", "Aznar"),
        ("Former Lt. Col. Ivo Kral won.", "Kral", "Lt. Col. Ivo Kral"),
    ],
)
def test_a_surname_takes_the_full_name_the_article_gives(
    article_text: str, surname: str, full: str
) -> None:
    assert speakers._full_name(article_text, surname) == full


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a descriptor is not the speaker: the person named before is
        (
            "Ivo Kral, the council leader, said on Friday that the vote was a setback. "
            "“We will come back stronger next year and win the council,” the Varnia "
            "Republican said.",
            "Ivo Kral",
        ),
        # "she" after a body and a person: the person
        (
            "The Harbour Council delivered its report on Monday. Many streams are the "
            "province's, noted Ana Ruiz of the Harbour Club, which endorsed the report. "
            "“We still have a huge problem between the province and the federal "
            "government,” she added.",
            "Ana Ruiz",
        ),
        # a title and a surname take the full name the article gives
        (
            "Lena Ostrova led the study of school records. “It is hard to believe this many "
            "children have the problem,” said Ms. Ostrova, a professor of pediatrics.",
            "Lena Ostrova",
        ),
        # …and without one, the quote has no speaker a reader can tell apart
        (
            "“It is hard to believe this many children have the problem,” said Ms. Ostrova, "
            "a professor of pediatrics.",
            None,
        ),
        # chained titles stay whole
        (
            "Former Lt. Col. Ivo Kral won the vote on Sunday. “Once again, the people have "
            "shown themselves to be a grand people,” he told the television network.",
            "Lt. Col. Ivo Kral",
        ),
        # "he" is never a clause or a group
        (
            "Most of his customers believe that the tax pays for itself. “For people who "
            "earn millions of dollars a year, it really does pay for itself,” he said.",
            None,
        ),
    ],
)
def test_the_label_is_the_person(text: str, who: str | None) -> None:
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, len(corpus.sentences) - 1) == who


def test_he_is_the_surname_named_just_before_not_an_opening_word() -> None:
    text = (
        "Harbour police spokesman Bengt Lind said the fire spread fast. "
        "Tomas Olin said there were signs the fire had been set. "
        "Olin said the doors had been locked. "
        "“The fact that it spread so fast shows that it was not a normal fire,” he said."
    )
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, 3) == "Tomas Olin"
    given = (
        "Lawyers for Bill Clinton, the president, said he had given his answers. Given Clinton's "
        "record, aides expected a delay. “We have made our case as clearly as we can,” he said."
    )
    corpus = segment.corpus([article(given)])
    assert speakers.speaker(corpus, 2) != "Given Clinton"


def test_he_is_who_spoke_the_quotation_just_before() -> None:
    text = (
        "Officials noted the progress made since the visit of Varnian President Ivo Kral. "
        "“There had been modest improvements in the harbour,” Lena Ost said. "
        "The closures are “steps backward from what had been an improved record,” she said."
    )
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, 2) == "Lena Ost"


def test_he_after_a_group_spoke_is_not_resolved_further_back() -> None:
    text = (
        "“There had been modest improvements,” Lena Ost said. "
        "Critics of the harbour policy noted that Kral had made a pointed speech. "
        "“The old ways must never be copied,” he said."
    )
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, 2) is None


def test_he_is_the_named_speaker_with_an_age_not_a_dignitary_named_further_back() -> None:
    text = (
        "Mayor Ana Ruiz visited the hall at midday and Queen Elin Dahl sent a statement. "
        "Tomas Berg, 16, told the radio that he was on the stage when the fire started. "
        "“It looked like it started in the ceiling, and the lights fell down,” he was quoted as "
        "saying."
    )
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, 2) == "Tomas Berg"


def test_she_is_the_person_not_the_country_she_is_from() -> None:
    text = (
        "In a letter released on Wednesday, presiding judge Maria Kirk McBride of the United "
        "States said the refusal was an affront. "
        "“The continuous refusal to comply with its obligations is an affront to the council,” "
        "she said."
    )
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, 1) == "Maria Kirk McBride"


def test_he_is_not_resolved_past_a_person_named_just_before() -> None:
    # The sentence just before names someone (Jon Ruud) that nothing shows to be the speaker:
    # "he" is most likely him, so a speaker named further back (Ola Lind) is never taken.
    text = (
        "“It looks like the old film,” Ola Lind wrote on his web site. "
        "Some critics found it slow. "
        "Such views were countered by those who, like Jon Ruud on the same forum, found the "
        "film splendid. "
        "“Don't watch it to compare it with the reviews, just enjoy the ride,” he said."
    )
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, 3) in (None, "Jon Ruud")


def test_he_carries_on_past_a_place_named_in_a_sentence_with_he() -> None:
    text = (
        "Environment Minister Ana Ruiz said on Friday that warming raised malaria cases. "
        "Addressing a meeting in Cape Town, she said that the past year was the hottest. "
        "She said warming was not a matter only for experts. "
        "“It is more and more a matter which is touching all people.”"
    )
    corpus = segment.corpus([article(text)])
    assert speakers.speaker(corpus, 3) == "Environment Minister Ana Ruiz"
