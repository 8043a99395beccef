"""Who is quoted: the speaker of a sentence that holds a quotation, or None.

Patterns around a speech verb or a dash attribution; "he said" and "the department" are resolved
from the sentences just before, in the same article.
"""

from __future__ import annotations

import re

from brief.models import Corpus, Sentence

# A quotation worth quoting has at least this many characters between its marks.
QUOTE_MIN_CHARS = 20
# Speakers are names and titles, not clauses.
SPEAKER_MAX_WORDS = 10

SPEECH = (
    r"(?:said|says|told|tells|added|adds|warned|warns|stated|states|declared|noted|argued|"
    r"insisted|wrote|writes|explained|announced|stressed|urged|asked|replied|commented)"
)
QUOTED_RE = re.compile(rf"[“\"][^”\"]{{{QUOTE_MIN_CHARS},}}[”\"]")
# “…,” a spokesperson from the US Commerce Department said
WHO_AFTER_QUOTE = re.compile(rf"[”\"]\s*(?P<who>[^“”\".,;:()]{{2,90}}?)\s+{SPEECH}\b")
# “…,” said Gina Raimondo.
WHO_AFTER_VERB = re.compile(rf"[”\"]\s*{SPEECH}\s+(?P<who>[^“”\",.;:()]{{2,90}})")
# US Commerce Secretary Gina Raimondo told the Wall Street Journal, “…”
WHO_BEFORE = re.compile(rf"(?:^|,\s+)(?P<who>[A-Z][^“”\",;:()]{{1,90}}?)\s+{SPEECH}\b")
# “…” – Senator Jim Risch, a Republican from Idaho.
WHO_DASH = re.compile(r"[”\"]\s*[–—-]\s*(?P<who>[^“”\"]{2,120}?)\.?$")
# "a spokesperson from the US Commerce Department" -> "US Commerce Department spokesperson"
ROLE_OF = re.compile(
    r"^(?:an?|the)\s+(?P<role>spokes(?:person|man|woman)|official|representative|"
    r"statement|analyst|executive)\s+(?:from|for|of|at|with)\s+(?:the\s+)?(?P<org>.+)$",
    re.IGNORECASE,
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


def speaker(corpus: Corpus, index: int) -> str | None:
    """Who is quoted in sentence ``index``, when it holds a quotation and says who."""
    sentence = corpus.sentences[index]
    if not QUOTED_RE.search(sentence.text):
        return None
    who = _attribution(sentence.text)
    if who is None and sentence.text.lstrip().startswith(("“", '"')):
        # A quotation that carries on the one before it: "…," he said. "More…"
        previous = _previous(corpus, index)
        who = _attribution(previous.text) if previous is not None else None
    if who is not None and _needs_antecedent(who):
        who = _antecedent(corpus, index, who)
    return _tidy(who) if who else None


def _attribution(text: str) -> str | None:
    for pattern in (WHO_DASH, WHO_AFTER_QUOTE, WHO_AFTER_VERB, WHO_BEFORE):
        match = pattern.search(text)
        if match and 0 < len(match.group("who").split()) <= SPEAKER_MAX_WORDS:
            return match.group("who").strip()
    return None


def _previous(corpus: Corpus, index: int) -> Sentence | None:
    if index == 0:
        return None
    before = corpus.sentences[index - 1]
    return before if before.article == corpus.sentences[index].article else None


def _needs_antecedent(who: str) -> bool:
    words = who.lower().split()
    return words[0] in PRONOUNS or (words[0] == "the" and len(words) <= 3 and who.islower())


def _antecedent(corpus: Corpus, index: int, who: str) -> str | None:
    """'the department' -> 'The US Commerce Department' from the sentences just before."""
    head = who.split()[-1]
    for back in range(1, 4):
        if index - back < 0:
            break
        earlier = corpus.sentences[index - back]
        if earlier.article != corpus.sentences[index].article:
            break
        if head.lower() in PRONOUNS:
            found = _attribution_any(earlier.text)
        else:
            pattern = rf"(?:The\s+)?(?:[A-Z][\w.’'&-]*\s+){{0,4}}{re.escape(head)}\b"
            match = re.search(pattern, earlier.text, re.IGNORECASE)
            found = match.group(0) if match and match.group(0)[0].isupper() else None
        if found:
            return found
    return None


def _attribution_any(text: str) -> str | None:
    match = WHO_BEFORE.search(text)
    return match.group("who") if match else None


def _tidy(who: str) -> str | None:
    who = who.strip(" ,–—-")
    role = ROLE_OF.match(who)
    if role:
        who = f"{role.group('org').strip()} {role.group('role').lower()}"
    who = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"\s+(?:also|then|later|earlier|previously)$", "", who)
    if not who or not who[0].isupper() or len(who.split()) > SPEAKER_MAX_WORDS:
        return None
    return who
