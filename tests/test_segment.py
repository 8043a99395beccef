import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief import segment
from tests.conftest import article


def texts(paragraph: str) -> list[str]:
    return [s.text for s in segment.article_sentences(article(paragraph), 0)]


def test_news_abbreviations_do_not_break_sentences() -> None:
    got = texts(
        "Shares rose 3.5% in the U.S. on Monday, Mr. Smith said. The deal closed Jan. 5, "
        "e.g. before the vote. It passed."
    )
    assert got == [
        "Shares rose 3.5% in the U.S. on Monday, Mr. Smith said.",
        "The deal closed Jan. 5, e.g. before the vote.",
        "It passed.",
    ]


def test_abbreviation_at_sentence_end_before_a_sentence_starter() -> None:
    assert texts("Curbs were imposed by the U.S. The move angered Beijing.") == [
        "Curbs were imposed by the U.S.",
        "The move angered Beijing.",
    ]


def test_quotations_stay_whole() -> None:
    got = texts('“We firmly oppose it,” she said. "It is wrong." Micron said “no.” Talks go on.')
    assert got == [
        "“We firmly oppose it,” she said.",
        '"It is wrong."',
        "Micron said “no.”",
        "Talks go on.",
    ]


def test_attribution_after_a_quote_stays_with_it() -> None:
    got = texts("“China will open up.” – China’s new Premier, Li Qiang.")
    assert got == ["“China will open up.” – China’s new Premier, Li Qiang."]


def test_terms_are_stemmed_content_words() -> None:
    assert segment.terms(segment.words("The chipmakers were banned")) == ("chipmak", "ban")


def test_no_nltk_data_is_needed(tmp_path: object, monkeypatch: object) -> None:
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])  # type: ignore[attr-defined]
    segment._punkt.cache_clear()
    got = segment.corpus([article("One sentence here. Another one there.")]).sentences
    assert [s.text for s in got] == ["One sentence here.", "Another one there."]


words = st.sampled_from(
    ["China", "Micron", "U.S.", "Mr.", "said", "ban", "3.5%", "“chips”", "the", "review", "Jan."]
)
sentence = st.builds(
    lambda ws, end: " ".join(ws) + end,
    st.lists(words, min_size=1, max_size=12),
    st.sampled_from([".", "?", "!", ".”"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=6), st.lists(sentence, max_size=4))
def test_sentences_map_back_to_the_text(first: list[str], second: list[str]) -> None:
    paragraphs = [" ".join(first)] + ([" ".join(second)] if second else [])
    a = article(*paragraphs)
    found = list(segment.article_sentences(a, 0))
    for s in found:
        assert a.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    starts = [s.start for s in found]
    assert starts == sorted(starts)
    assert [s.position for s in found] == list(range(len(found)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Indonesian President B.J. Habibie finds it difficult. He said so.",
            ["Indonesian President B.J. Habibie finds it difficult.", "He said so."],
        ),
        (
            "South Africa’s F.W. de Klerk spoke. Then he left.",
            ["South Africa’s F.W. de Klerk spoke.", "Then he left."],
        ),
        (
            "Curbs were imposed by the F.B.I. The agency said so.",
            ["Curbs were imposed by the F.B.I.", "The agency said so."],
        ),
        ("Lt. Cmndr. Smith arrived. He left.", ["Lt. Cmndr. Smith arrived.", "He left."]),
    ],
)
def test_runs_of_initials(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The offer was led by BT Alex. Brown and two other banks. It closed Friday.",
            ["The offer was led by BT Alex. Brown and two other banks.", "It closed Friday."],
        ),
        (
            "Analysts at Smith Barney Inc. raised the target. The shares rose.",
            ["Analysts at Smith Barney Inc. raised the target.", "The shares rose."],
        ),
        (
            "The advisers were Smith Barney Inc. The shares rose.",
            ["The advisers were Smith Barney Inc.", "The shares rose."],
        ),
        (
            "Analyst David C. Marsh said the offer was fair. The shares rose.",
            ["Analyst David C. Marsh said the offer was fair.", "The shares rose."],
        ),
    ],
)
def test_firm_names_and_initials_stay_whole(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


# How words were found before the possessive forms: each must give the same tokens.
WORDS_BEFORE = re.compile(rf"[{segment.CJK}]|[^\W_{segment.CJK}]+(?:['’.\-][^\W_{segment.CJK}]+)*")
WORD_TEXT = st.text(alphabet=st.sampled_from(list("aZé9_'’.-– \n,中か。x")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(WORD_TEXT)
def test_words_are_found_as_before(text: str) -> None:
    assert list(segment.words(text)) == WORDS_BEFORE.findall(text)


def test_terms_keep_an_empty_stem_as_before() -> None:
    """Stop words are remembered as "" and dropped by filter(); a word whose stem is "" (a token
    words() never makes) must still give its "" term, every time."""
    tokens = ("Chipmakers", "''s", "the", "''s")
    expected = tuple(
        segment.stem(t.lower()) for t in tokens if t.lower() not in segment.stop_words()
    )
    assert "" in expected
    assert segment.terms(tokens) == expected
    assert segment.terms(tokens) == expected  # the second time, from what was remembered


# Texts vectorise() may take TABLE_WORD_RE for (ASCII and TABLE_SAFE), and texts that must take
# WORD_RE (é, Chinese among them).
TABLE_TEXT = st.text(alphabet=st.sampled_from([*"aZ9_'.-  \n,x", *segment.TABLE_SAFE]), max_size=40)
ANY_TEXT = st.one_of(TABLE_TEXT, WORD_TEXT)


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_TEXT, max_size=5))
def test_vectorise_finds_the_words_and_terms_of_each_text(texts: list[str]) -> None:
    found, stems = segment.vectorise(texts)
    assert found == [segment.words(t) for t in texts]
    assert stems == [segment.terms(segment.words(t)) for t in texts]


@settings(max_examples=300, deadline=None)
@given(TABLE_TEXT)
def test_the_table_pattern_finds_the_same_words(text: str) -> None:
    assert segment.TABLE_WORD_RE.findall(text) == list(segment.words(text))


def test_corpus_is_each_article_cut_then_vectorised() -> None:
    articles = [
        article("“Chips,” he said. The U.S. ban — announced Jan. 5 — stands.", "Owners wait."),
        article("--", "Café owners’ review. 中国。"),
    ]
    made = segment.corpus(articles)
    expected = [s for i, a in enumerate(articles) for s in segment.article_sentences(a, i)]
    assert list(made.sentences) == expected
    assert [s.text for s in expected if s.article == 1] == ["Café owners’ review.", "中国。"]
    assert all(s.words == segment.words(s.text) for s in made.sentences)
