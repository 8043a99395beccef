"""brief.markup: Markdown -> HTML, raw HTML off, only safe links; escaped text stays text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from brief import markup


def test_raw_html_and_unsafe_links_stay_text() -> None:
    html = markup.to_html(
        "<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://a.example/)"
    )
    assert "<script>" not in html
    assert 'href="javascript:' not in html
    assert '<a href="https://a.example/">y</a>' in html


def test_code_fence_info_never_becomes_an_attribute() -> None:
    assert "class=" not in markup.to_html('```x" onclick="evil\ncode\n```')


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_escaped_text_renders_as_one_plain_paragraph(text: str) -> None:
    html = markup.to_html(markup.escape(" ".join(text.split()) or "x"))
    nested = markup.to_html("- " + markup.escape(" ".join(text.split()) or "x"))  # as an item
    assert nested.count("<li>") == 1 and "<hr" not in nested
    assert html.count("<p>") == 1
    for tag in ("<a ", "<h1", "<h2", "<ul", "<ol", "<em", "<strong", "<code", "<img", "<hr"):
        assert tag not in html


def test_styled_html_puts_styles_inline() -> None:
    html = markup.to_styled_html("# T\n\n- one", {"h1": "font-size: 2em", "li": "margin: 0"})
    assert '<h1 style="font-size: 2em">T</h1>' in html
    assert '<li style="margin: 0">' in html
