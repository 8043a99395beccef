"""Who is quoted: the speaker of a sentence that holds a quotation, or None.

Patterns around a speech verb or a dash attribution; "he said" and "the department" are resolved
from the sentences just before, in the same article.
"""

from __future__ import annotations

import re

from brief import persons
from brief.models import Corpus, Sentence

# A quotation worth quoting has at least this many characters between its marks.
QUOTE_MIN_CHARS = 20
# Speakers are names and titles, not clauses.
SPEAKER_MAX_WORDS = 10

SPEECH = (
    r"(?:said|says|told|tells|added|adds|warned|warns|stated|states|declared|noted|argued|"
    r"insisted|wrote|writes|explained|announced|stressed|urged|asked|replied|commented|"
    r"(?:was|were) quoted as saying)"
)
QUOTED_RE = re.compile(rf"[“\"][^”\"]{{{QUOTE_MIN_CHARS},}}[”\"]")
QUOTATION_RE = re.compile(r"[“\"]([^”\"]+)[”\"]")
# “…,” a spokesperson from the US Commerce Department said
# “…,” Gina Raimondo, the Commerce secretary, said
WHO_AFTER_QUOTE = re.compile(
    rf"[”\"]\s*(?P<who>[^“”\".,;:()]{{2,90}}?(?:,\s+(?:the|a|an)\s+[^“”\".,;:()]{{2,60}},)?)"
    rf"\s+{SPEECH}\b"
)
# “…,” said Gina Raimondo.
WHO_AFTER_VERB = re.compile(rf"[”\"]\s*{SPEECH}\s+(?P<who>[^“”\",.;:()]{{2,90}})")
# …, noted Sharon Chow of the Sierra Club: a speech verb, then a full name.
VERB_NAME = re.compile(rf"\b{SPEECH}\s+(?P<who>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+)\b")
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
# A label opening with one of these is a clause or a pronoun, not a speaker ("So far Saqib",
# "Although the government", "There was an", "As Livingston").
NOT_OPENING = PRONOUNS | frozenset(
    "our my your his her their its "
    "there this that these those when where while if as so but and or then after before "
    "because since although though also however yet still meanwhile what which who in on at "
    "for with by from of to during about".split()
)
# A label holding one of these is a clause ("Estrada called Anwar his friend and").
CLAUSE_WORDS = frozenset(
    "said says called calls told tells added has had have is was were are would will could "
    "issued released gave made sent put and or but".split()
)
# Honorifics and initials keep their period inside a name: "Dr. Ruth Kirschstein",
# "David C. Smith", "Rev. Jesse Jackson". Masked with a one-character stand-in while matching.
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof rev sen rep gov lt col gen maj capt sgt adm cmdr hon pres supt st jr sr "
    "msgr fr".split()
)
DOT = "\u2024"  # ONE DOT LEADER: same length as ".", never in news copy
ABBREVIATION_RE = re.compile(r"\b([A-Za-z]{1,5})\.(?=\s+[A-Z])")
TITLE_WORDS = TITLE_ABBREVIATIONS | frozenset(
    "president minister secretary senator governor judge chairman director spokesman "
    "spokeswoman spokesperson official premier mayor".split()
)
# "NTSB Chairman Jim Hall at a press conference here": where he spoke is not who he is.
CIRCUMSTANCE_RE = re.compile(
    r"\s+(?:(?:at|in|on|during|after|before|from|while|when)\s+[a-z]|(?:last|earlier|later|"
    r"this|on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)|"
    # "said Arden Friday when concluding a visit": a bare weekday is when, never a name
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b).*$"
)
# "Gina Varga, the board's secretary", "Tom Arden of the club's harbour committee": the
# description names a body by "the X's", one the article named before and the reader has not
# met; the full name before it is the speaker.
POSSESSOR_RE = re.compile(
    r"^(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+?)(?:,\s+|\s+of\s+)the\s+[a-z]+['’]s\s.*$"
)
# Titles of people (a saint or a street is no speaker: "St. Mark's").
PERSON_TITLES = TITLE_ABBREVIATIONS - {"st", "jr", "sr"}


def speaker(corpus: Corpus, index: int) -> str | None:
    """Who is quoted in sentence ``index``, when it holds a quotation and says who.

    Never a pronoun, a function word, a lone title or initial, or a clause: a quotation whose
    speaker cannot be named is not used."""
    sentence = corpus.sentences[index]
    if not QUOTED_RE.search(sentence.text):
        return None
    who = _attribution(sentence.text)
    if who is None and _quotation_alone(sentence.text):
        # A quotation that carries on the one before it: "…," he said. "More…"
        previous = _previous(corpus, index)
        who = _attribution(previous.text) if previous is not None else None
        index = index - 1 if who is not None else index
    if who is not None and _needs_antecedent(who):
        who = _antecedent(corpus, index, who)
    who = _tidy(who) if who else None
    if who is not None and len(who.split()) == 1:
        who = _full_name(corpus.articles[sentence.article].text, who)
    elif who is not None and _title_and_surname(who):
        # "Ms. LeFever": the full name the article gives ("Gregory LeFever"), else no one the
        # reader can tell apart: the quote is not used.
        full = _full_name(corpus.articles[sentence.article].text, who.split()[-1])
        who = full if full != who.split()[-1] else None
    return who if who is not None and _valid(who) else None


def _title_and_surname(who: str) -> bool:
    words = who.split()
    return len(words) == 2 and words[0].rstrip(".").lower() in PERSON_TITLES


def _quotation_alone(text: str) -> bool:
    """'“…”' and nothing else: a quotation that carries on its speaker's previous sentence
    (not '“…,” Habibie was quoted as saying', whose speaker is named but not by our patterns)."""
    return bool(re.fullmatch(r"\s*[“\"][^”\"]+[”\"]\s*", text))


def _mask(text: str) -> str:
    """Periods of titles and initials as DOT, so a name runs across them (same length)."""

    def keep(match: re.Match[str]) -> str:
        word = match.group(1)
        inner = word.lower() in TITLE_ABBREVIATIONS or (len(word) == 1 and word.isupper())
        return word + (DOT if inner else ".")

    return ABBREVIATION_RE.sub(keep, text)


def _attribution(text: str) -> str | None:
    masked = _mask(text)
    for pattern in (WHO_DASH, WHO_AFTER_QUOTE, WHO_AFTER_VERB, WHO_BEFORE):
        match = pattern.search(masked)
        if match and 0 < len(match.group("who").split()) <= SPEAKER_MAX_WORDS:
            who = match.group("who").strip().replace(DOT, ".")
            tidy = _tidy(who)
            if _needs_antecedent(who) or (tidy is not None and _valid(tidy)):
                return who  # else a later pattern may name the speaker ('"I've…" — Arden said')
    return None


def _valid(who: str) -> bool:
    words = who.replace(",", " ").split()
    # "I've" is "i", "We're" is "we": a contraction keeps its pronoun
    lowered = [re.split(r"[’']", w.lower().strip("."))[0] for w in words]
    if lowered[0] in NOT_OPENING or lowered[-1] in NOT_OPENING or CLAUSE_WORDS & set(lowered):
        return False
    if len(words) == 1 and (lowered[0] in TITLE_WORDS or len(lowered[0]) == 1):
        return False
    return not re.search(r"\b[A-Z]\.?$", who)  # cut at an initial: "David C"


GIVEN_NAMES = 3
# Capitalised words before a name that are its role, not its given names.
ROLE_WORDS = frozenset(
    "prime vice deputy foreign interior defense finance state chief former late first lady "
    "speaker attorney general ambassador commissioner chancellor justice king queen prince "
    "princess pope sheikh coach captain detective police house".split()
)


def _full_name(article: str, surname: str) -> str:
    """'Zimmerman' -> 'Ronald Zimmerman' (or 'Dr. Ann Zimmerman'): the article's full name."""
    title = r"(?:(?:" + "|".join(sorted(t.capitalize() for t in TITLE_ABBREVIATIONS)) + r")\.\s+)*"
    # Up to GIVEN_NAMES given names and initials ("Jose Maria Aznar", "David C. Smith"), never
    # a role word ("Prime Minister Aznar" gives no full name).
    roles = "|".join(sorted(w.capitalize() for w in TITLE_WORDS | ROLE_WORDS))
    given = rf"(?:(?!(?:{roles})\b)[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?)"
    pattern = rf"\b{title}{given}{{1,{GIVEN_NAMES}}}{re.escape(surname)}\b"
    match = re.search(pattern, article)
    return match.group(0) if match else surname


def _previous(corpus: Corpus, index: int) -> Sentence | None:
    if index == 0:
        return None
    before = corpus.sentences[index - 1]
    return before if before.article == corpus.sentences[index].article else None


def _needs_antecedent(who: str) -> bool:
    words = who.lower().split()
    return (
        words[0] in PRONOUNS
        or (words[0] == "the" and len(words) <= 3 and who.islower())
        or _descriptor(who)
    )


def _descriptor(who: str) -> bool:
    """ "the Georgia Republican", "the Yugoslav leader": a description of someone named before,
    not a name (the label is the person)."""
    words = who.split()
    return (
        len(words) in (2, 3, 4)
        and words[0].lower() == "the"
        and words[-1].lower() in DESCRIPTORS
        and all(w[:1].isupper() for w in words[1:-1])
    )


def _antecedent(corpus: Corpus, index: int, who: str) -> str | None:
    """'the department' -> 'The US Commerce Department' from the sentences just before."""
    head = who.split()[-1]
    article = corpus.articles[corpus.sentences[index].article].text
    for back in range(1, 4):
        if index - back < 0:
            break
        earlier = corpus.sentences[index - back]
        if earlier.article != corpus.sentences[index].article:
            break
        if head.lower() in PRONOUNS or _descriptor(who):
            found = _attribution_any(earlier.text) or _person(earlier.text, article)
            if found is not None and found.split()[0].lower() in PRONOUNS:
                continue  # "He said…" before "…," he added: look further back
            if found is not None and not _a_person(found, head):
                return None  # a body or a clause spoke just before: "he" is not resolved
            if found is None and _names_someone(earlier.text) and not CHAIN_RE.search(earlier.text):
                # "…those who, like Jerry Rhoades, found the movie splendid." then "…," he
                # said: "he" is most likely the one just named, whom nothing shows to speak; a
                # speaker named further back is not taken. (A "he" there carries the chain on:
                # "In Cape Town, he said that …" looks further back.)
                return None
        else:
            pattern = rf"(?:The\s+)?(?:[A-Z][\w.’'&-]*\s+){{0,4}}{re.escape(head)}\b"
            match = re.search(pattern, earlier.text, re.IGNORECASE)
            found = match.group(0) if match and match.group(0)[0].isupper() else None
        if found:
            return found
    return None


# Who "he", "she" or "the Georgia Republican" is: a person, never a body or a clause.
DESCRIPTORS = frozenset(
    "republican democrat leader president minister senator governor lawmaker congressman "
    "congresswoman chairman chairwoman premier mayor speaker secretary official envoy".split()
)
BODY_WORDS = frozenset(
    "council department ministry agency commission committee club association company "
    "corporation corp inc group party government office service union court board bank times "
    "post journal news press institute university center centre foundation organization "
    "organisation network administration house senate congress parliament police army navy "
    "report".split()
)


def _a_person(found: str, head: str) -> bool:
    """A found antecedent can be "he"/"she": a name ("Olin", "Ana Ruiz", "Lt. Col. Ivo Kral"),
    not a pronoun, a body ("the Council") or a clause ("Most of his customers believe")."""
    words = found.replace(",", " ").split()
    if words[0].lower() in PRONOUNS or words[-1].lower().strip(".") in BODY_WORDS:
        return False
    if head.lower() in ("it", "they", "we"):
        return True
    return all(w[:1].isupper() or w.lower() in PARTICLES for w in words)


# Lower-case words inside names: "Robin Mann of the club", "Osama bin Laden".
PARTICLES = frozenset("of the de da van von al bin".split())


NAME_RE = re.compile(r"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
# A capitalised word of a name: "Fawz", "McBride", "O'Neal", "Al-Zuwiy".
NAME_WORD = r"(?:Mc|Mac|O[’'])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# Who spoke, named as the subject of a speech verb, past an age or where they are from:
# "Jamal Fawz, 15, told the radio", "judge Gabrielle Kirk McDonald of the United States said".
NAMED_SPEAKER = re.compile(
    rf"(?<![\w’'])(?P<who>{NAME_WORD}(?:\s+(?:[A-Z]\u2024\s+)?{NAME_WORD}){{1,3}})"
    rf"(?:,\s+\d{{1,3}},|\s+of\s+(?:the\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*)?\s+{SPEECH}\b"
)


def _person(text: str, article: str) -> str | None:
    """The last full name in ``text`` that the article shows to be a person's (by a title or a
    speech verb elsewhere): "Tom Arden" in "Harbour master Tom Arden inspected the pier"."""
    people = {m.group(1) for rx in persons.PERSON_RES for m in rx.finditer(article)}
    # "Given Clinton's record…": a word the article also writes in lower case is no given name.
    lower = set(re.findall(r"\b[a-z]+\b", article))
    names = [
        m.group(0)
        for m in NAME_RE.finditer(text)
        if m.group(0).split()[-1] in people
        and m.group(0).split()[0].lower() not in lower
        and m.group(0).split()[-1].lower() not in BODY_WORDS
    ]
    return names[-1] if names else None


CHAIN_RE = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)


def _names_someone(text: str) -> bool:
    """``text`` names what may be a person: a full name not after "the" ("Jerry Rhoades"), not
    a body ("Home Office") nor a day or month."""
    return any(
        not re.search(r"\bthe\s+$", text[: m.start()], re.IGNORECASE)
        and m.group(0).split()[-1].lower() not in BODY_WORDS
        and not set(m.group(0).split()) & persons.CALENDAR
        for m in NAME_RE.finditer(text)
    )


def _attribution_any(text: str) -> str | None:
    """The person named as speaking, or else the last person a title names, in ``text``."""
    masked = _mask(text)
    match = (
        WHO_AFTER_QUOTE.search(masked)
        or WHO_BEFORE.search(masked)
        or WHO_AFTER_VERB.search(masked)
        or VERB_NAME.search(masked)
    )
    if match:
        return match.group("who").replace(DOT, ".")
    named = NAMED_SPEAKER.search(masked)
    if named:
        return named.group("who").replace(DOT, ".")
    titles = "|".join(sorted(t.capitalize() for t in PERSON_TITLES))
    titled = re.findall(
        rf"\b(?:(?:{titles})\u2024\s+)+(?!(?:{titles})\u2024)"
        r"[A-Z][a-z]+(?:\s+[A-Z]\u2024)?(?:\s+[A-Z][a-z]+)?",
        masked,
    )
    return titled[-1].replace(DOT, ".") if titled else None


def _tidy(who: str) -> str | None:
    who = who.strip(" ,–—-")
    role = ROLE_OF.match(who)
    if role:
        who = f"{role.group('org').strip()} {role.group('role').lower()}"
    who = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"\s+(?:also|then|later|earlier|previously)$", "", who)
    who = CIRCUMSTANCE_RE.sub("", who)
    who = POSSESSOR_RE.sub(r"\g<name>", who)
    if not who or not who[0].isupper() or len(who.split()) > SPEAKER_MAX_WORDS:
        return None
    return who
