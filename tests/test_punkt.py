"""brief.punkt makes NLTK's Punkt decisions: the same spans as NLTK's own classes with the same
parameters (segment.reference_spans), on tricky news text and on generated text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from brief import punkt, segment

TRICKY = [
    "Mr. Smith went to Washington, D.C. on Tuesday. He met Sen. Jones at 3 p.m. The talks…",
    "“We will rebuild,” she said. (The terminal was built in 1998.) It reopens in Jan. 2027.",
    "Prices rose 3.5% to $1.2bn... Analysts were surprised!! Were they? Yes -- mostly.",
    "The U.S. The U.N. and the E.U. said so. President B.J. Habibie said no. It's 10 a.m.",
    "Shares of Co. rose. Acme Corp. fell 2%. 'Quoted.' Then: more. [Bracketed.] Done",
    "Very bad acting!!! I promise. . . . Really?! “Yes.” «Non.» Next -- he said.",
    "J. S. Bach wrote it. 12. Item twelve. No. 5 is next. Gov.-elect Smith spoke. ok.\n\nNext.",
    "It ended.)\nThe next line. A.B.C. news. e.g. this. i.e. That. 3. 4. Fin.  ",
    ". . . Starting with dots. ...and more... ? ! .",
]


def test_tricky_text_splits_as_nltks_classes() -> None:
    for text in TRICKY * 2:  # the second round runs on remembered decisions
        assert segment._punkt()(text) == segment.reference_spans(text), text


def test_decisions_stay_right_when_their_memory_is_cleared(monkeypatch: object) -> None:
    monkeypatch.setattr(punkt, "DECISIONS", 3)  # type: ignore[attr-defined]
    spans = punkt.splitter(segment.ABBREVIATIONS, segment.SENTENCE_STARTERS)
    for text in TRICKY * 2:
        assert spans(text) == segment.reference_spans(text)


PIECES = st.sampled_from(
    """Mr. U.S. said. He the The a J. B.J. 3. 1998. No. Inc. etc. ... -- ! ? !! . , ; : “ ” "
    ' ( ) [ ] « » ’ x Gov.-elect e.g. ok? Yes! Fin. p.m. A. i. 12 -3.5 “Quoted.” (Aside.) end.)
    it.' . .""".split()
)
SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "\u00a0", ""])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(PIECES, SPACES), max_size=25))
def test_generated_text_splits_as_nltks_classes(pieces: list[tuple[str, str]]) -> None:
    text = "".join(piece + space for piece, space in pieces)
    assert segment._punkt()(text) == segment.reference_spans(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('aB. !?"”)(’\n-,:;1')), max_size=60))
def test_any_characters_split_as_nltks_classes(text: str) -> None:
    assert segment._punkt()(text) == segment.reference_spans(text)
