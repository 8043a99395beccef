"""Can a sentence be read alone, as one line of a brief? Openers, whole sentences, news copy.

A brief's reader never sees the sentence before an item, so an item must not lean on it: no
opening pronoun or connective ("He…", "But…", "Other groups…"), no unresolved reference ("The
plea was…"), no "also" ("Espina also warned…"), and no person named by surname alone before the
brief has given the full name. The subject after an opening phrase ("In an interview on Monday,
he…") is held to the same rules, and so are an object pronoun with nothing to point at ("…tried
to block them."), a definite subject the brief never introduced ("The doctor injected…") and a
description by age in place of a name ("The 56-year-old professor said…"). It must be whole:
balanced quotation marks, no timeline line, no fact-box header fused to it, no parenthesised
aside. Items are never rewritten: a fact whose
every outlet leans on its context is left out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

from brief import persons, segment
from brief.models import Article, Corpus, Group, Sentence

# Connectives carry on what was said before ("But lately…", "However, …"); third persons and
# demonstratives point at someone or something named before ("He said…", "These measures…").
CONNECTIVES = frozenset(
    "But And Or Nor So Yet Still However Moreover Furthermore Also Meanwhile Nevertheless "
    "Nonetheless Instead Thus Hence Therefore Besides Then Otherwise Likewise Similarly "
    "Additionally Indeed".split()
)
THIRD_PERSONS = frozenset("He His Him She Her They Their Them This These That Those".split())
# A sentence opening with one of these continues the one before it: out of context, in a brief,
# it reads as a non sequitur ("But lately…") or points at nothing ("These measures…").
LEANING_OPENERS = (
    CONNECTIVES
    | THIRD_PERSONS
    | frozenset(
        "Further Again Even Aside Apart Other Another Both Neither Each It Its Such There Here "
        "We Our Us I My You Your".split()
    )
)
LEANING_PHRASES = re.compile(
    r"^[\"'“‘(]*(?:in addition(?! to)|in response(?! to)|in any (?:event|case)|as a result|"
    # "True, the storm was blamed for…": a concession answers a point made before it
    r"(?:true|granted|admittedly|to be sure),|"
    r"at the same time|for example|for instance|in fact|"
    r"in turn|by contrast|in contrast|on the other hand|the same|the other|the latter|"
    # "Three others involved…", "The previous week, George…", "All of which will…"
    r"(?:\w+\s+)?others\b|the (?:previous|following) (?:day|week|month|year)|all of which|"
    # "Most expect it to…", "Some even think…": most of whom?
    r"(?:most|some|many|few|several)\s+(?:even\s+|also\s+|still\s+)?(?:expect|think|say|"
    r"believe|fear|hope|argue|worry|feel|want|agree|doubt|predict|have|had|are|were)\b|of course|"
    # "Seemingly overnight he had taken…": an adverb, no comma, then a pronoun
    r"[a-z]+ly\s+(?:[a-z]+\s+)?(?:he|she|they|it|his|her|their|its)\s|"
    r"the former|the (?:two|three|four) |"
    # "One is reducing the debt", "One would create 15,000 vouchers": one of what?
    r"one (?:is|was|would|will|has|had|could|can|of them|of these|of those)\b|"
    # "One of his arrests was in Varnia", "One option could be…": one of whose, of what?
    r"one of (?:his|her|their|its)\b|one (?:reason|option|problem|question|possibility|"
    r"explanation|answer|solution|concern|sign|example)\s+(?:is|was|would|could|may|might)\b|"
    # "Two weeks later, Ostrander was arrested", "Hours earlier, …": later than what?
    r"(?:[\w-]+\s+){0,2}(?:later|earlier|afterwards?)\s*,|"
    # "Now an increasing number of captains…", "First, captains asked…": a turn in a
    # telling the reader never saw ("Now that the war is over, …" says what changed)
    r"now\b(?!\s+that\b)|(?:first|second|third|finally|lastly|next),\s|"
    # "Included was the former captain Ana Ruiz…": inverted, a list begun before
    r"(?:included|among them|among those)\s+(?:was|were|is|are)\b|"
    # "If so, the ferries will not sail before…": if what is so?
    r"if (?:so|not)\b)",
    re.IGNORECASE,
)
# "The plea was…", "The visit is…": a bare definite event noun and a verb at once point back at
# an act the reader has not met ("The announcement, made by China's regulator, …" names it;
# "The company has…" and "The government said…" are read as the story's actors).
EVENT_NOUNS = (
    "plea|move|moves|visit|decision|deal|agreement|announcement|measure|measures|plan|plans|"
    "incident|attack|report|statement|offer|proposal|ruling|vote|trip|meeting|talks|accord|"
    "step|steps|action|actions|effort|idea|remarks|comments|request|letter|call|change|changes|"
    "episode|case|verdict|decree|order|ban|policy|findings|results|figure|figures|number"
)
REFERENCE_RE = re.compile(
    rf"^(?:The|This|That|These|Those)\s+(?:{EVENT_NOUNS})\s+(?:is|was|were|are|has|had|have|"
    r"will|would|could|came|comes|followed|marks|marked|means|meant)\b"
)
# "Beijing has criticized these measures", "warnings against such action": a demonstrative
# points at what came before.
DEMONSTRATIVE_RE = re.compile(
    r"\b(?:these|those)\s+(?!days\b|who\b|which\b|that\b)[a-z]+|"
    # "tribes like this one", "around this time of year", "the following day": which?
    r"\bthis (?:one|time of)\b|\bthe (?:following|previous) (?:day|week|month|year)\b|"
    r"(?<!first )(?<!only )\bsuch\s+(?!as\b|a\b|an\b)[a-z]+|"
    # "Commenting on this issue, …", "…faced this extra round of inspection": this act or
    # matter is one told before ("this year", "this week" are the calendar's)
    rf"(?<!^)\bthis\s+(?:[a-z]+\s+)?(?:issue|matter|problem|question|round|situation|"
    rf"{EVENT_NOUNS})\b"
)
# DEMONSTRATIVE_RE can match only where one of these stands; a substring test each is cheaper
# than the regex's try at every position (most sentences hold none of them).
DEMONSTRATIVE_WORDS = ("these", "those", "this", "such", "the following", "the previous")


def _demonstrative(text: str) -> bool:
    return any(w in text for w in DEMONSTRATIVE_WORDS) and bool(DEMONSTRATIVE_RE.search(text))


# "American officials have cited him since…": "him"/"her" with no one named before it.
OBJECT_PRONOUN_RE = re.compile(r"\b(?:him|her|hers|himself|herself)\b")
THING_PRONOUN_RE = re.compile(r"\b(?:them|it)\b")
# "made it clear that", "found it hard to": "it" that stands for what follows, not before.
EXPLETIVE_RE = re.compile(
    r"\s+(?:clear|easier|harder|easy|hard|difficult|possible|impossible|necessary|likely|"
    r"unlikely)\b"
)
# A verb by its form or as one of the auxiliaries and irregular verbs news copy uses most.
VERB_RE = re.compile(
    r"^(?:is|was|were|are|be|been|has|had|have|will|would|could|can|may|might|must|should|did|"
    r"does|do|[a-z]{2,}ed|said|says|told|tell|made|make|took|take|gave|give|kept|keep|left|"
    r"leave|let|put|set|sent|send|brought|bring|saw|see|found|find|held|hold|sold|sell|got|get)$"
)
NAMED_RE = re.compile(r"\b[A-Z][\w’'-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]+")
# A name that can be "him" or "her": "The Senate found him guilty" names no one ("The Senate"
# is a capital and a body); an article or a demonstrative opens no person's name.
PERSON_NAMED_RE = re.compile(
    r"\b(?!(?:The|A|An|This|That|These|Those)\s)[A-Z][\w’'-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]+"
)
# "Espina also warned", "The Commerce secretary also warned": "also" in the subject's reach.
ALSO_WITHIN = 5
QUOTES = '“"‘'
# "___", "1928: Born in…", "- item", "June 28 -- Court rejects appeal": lines of a timeline.
TIMELINE_RE = re.compile(
    r"_{2,}|(?:^|\s)(?:1[89]|20)\d\d:\s|^\W*[-–—•*]\s|"
    r"^[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\s*(?:--|—|–|:)\s"
)
# "YANKEES Pitching The starting pitching…": a capitals header run into the sentence.
HEADER_RE = re.compile(r"^[A-Z]{3,}(?:\s+[A-Z]{2,})*\s+[A-Z][a-z]+\s+[A-Z][a-z]+")


# "In an interview with the BBC, he stopped short…", "Soon afterward, his behavior improved":
# a phrase before the main clause's subject, which the reader reads as if it opened the item.
# The phrase opens with a preposition, a subordinator, an adverb or a participle (never the
# subject itself: "Kopp, according to…"), and ends at its comma within OPENING_MAX_WORDS words.
OPENING_RE = re.compile(
    r"^\(?(?:(?:in|on|at|by|for|with|without|within|under|over|after|before|since|during|"
    r"from|to|into|through|throughout|between|among|across|against|despite|following|like|"
    r"unlike|amid|beyond|according|based|given|as|if|when|while|although|"
    r"though|because|once|unless|until|whether|where|even|today|now|soon|later|earlier|"
    r"recently|yesterday|tonight|last|next|[a-z]+ly|(?!(?:every|no|some|any)thing)[a-z]{3,}ing|"
    r"[a-z]{3,}ed)"
    r"\b[^,“”\"]*),\s+",
    re.IGNORECASE,
)
OPENING_MAX_WORDS = 25  # a long phrase; past it, more likely a sentence and ", he said"
# An opening clause has a subject of its own that "it" or "they" after it may point at ("If the
# companies merge, it would…"); a phrase has none ("In the next century, it would…").
CLAUSE_RE = re.compile(
    r"^\W*(?:if|when|while|although|though|because|once|unless|until|whether|where|as|even|"
    r"now that|given that)\b",
    re.IGNORECASE,
)
# A person's pronoun inside the opening phrase ("If they win, they…"): it resolves nothing.
OPENING_PRONOUN_RE = re.compile(r"\b(?:he|she|his|her|him|they|their|them)\b")
PERSONAL = frozenset("he she his her him".split())
# Pronouns and determiners that, as the main clause's subject, point at what came before.
SUBJECT_LEANERS = frozenset(
    "it its they their them he his him she her this these those such other another both each "
    "we our us i my you your".split()
)


def stands_alone(sentence: Sentence) -> bool:
    """False for sentences that lean on the one before: "But lately…", "These measures…",
    "In an interview on Monday, he stopped short…"."""
    text = sentence.text.lstrip()
    if text[:1] in QUOTES:
        return not _quote_leans(text)  # a quotation opens as its speaker spoke
    first = segment.FIRST_WORD_RE.match(text)
    if first is not None and first.group(1) in LEANING_OPENERS:
        return False
    head = [w.lower() for w in sentence.words[1:ALSO_WITHIN]]
    return not (
        LEANING_PHRASES.match(text)
        or REFERENCE_RE.match(text)
        or _demonstrative(text)
        or "also" in head
        or _adds_to_unseen(text)
        or UNSEEN_SOURCE_RE.search(text) is not None
        or BARE_REACTION_RE.search(text) is not None
        or _aside(text)
        or _reported_pronoun(text)
        or _unnamed_pronoun(text)
        or _leaning_subject(text)
    )


# "…might hurt the ferry bid by Osaka, the paper said.", "…, the source close to the inquiry said.":
# the sentence closes on a source its article named before, and the reader cannot tell which
# paper, statement or official it was ("a source close to the inquiry said" is any one; a
# sentence that names the paper earlier, "The Star reported … the paper said", is rare).
UNSEEN_SOURCE_RE = re.compile(
    r",\s+the\s+(?:[a-z]+\s+){0,2}?(?:paper|newspaper|daily|statement|letter|source|sources|"
    r"official|officials|spokesman|spokeswoman|agency)\b[^,;“”\"]{0,40}?\s+"
    r"(?:said|says|reported|reports|added)\W*$"
)


# "Glantz, an expert at the institute, was skeptical.", "Ruiz disagreed.": a reaction that
# ends the sentence without its object reacts to what the sentence before said.
BARE_REACTION_RE = re.compile(
    r"\b(?:(?:was|were|is|are|remained|remains)\s+(?:not\s+|less\s+|more\s+)?(?:skeptical|"
    r"sceptical|unconvinced|convinced|unimpressed|doubtful|dubious|unmoved)|disagreed|disagrees|"
    r"agreed|agrees|objected|objects|demurred|concurred|begged to differ)\W*$"
)


# "Federal officials say he is not a suspect": many speak, and "he" is someone else, whom the
# sentence never named (a name before it, "Police said Ruiz was sure he…", resolves it).
REPORTED_PRONOUN_RE = re.compile(
    r"\b(?:officials|police|authorities|investigators|prosecutors|sources|witnesses|aides|"
    r"relatives|friends|neighbors|neighbours|reports|doctors|experts|analysts|officers)\s+"
    r"(?:say|said|believe|believed|think|thought|told \w+)\s+(?:that\s+)?(?:he|she)\b"
)


def _reported_pronoun(text: str) -> bool:
    """Whether ``text`` reports of "he" or "she" whom no name before it says."""
    if " he" not in text and " she" not in text:
        return False  # the common case, at the cost of two substring tests
    said = REPORTED_PRONOUN_RE.search(text)
    return said is not None and PERSON_NAMED_RE.search(text, 0, said.start()) is None


# "Island crews, meanwhile, have organized…", "A longer ferry contract would not assure
# peace, however.": a connective set off by commas inside the sentence turns from, or adds to,
# what came before as much as one that opens it.
ASIDE_RE = re.compile(
    r",\s+(?:however|meanwhile|though|too|instead|nevertheless|nonetheless|in turn|as well|"
    r"in addition|in contrast|by contrast|likewise|similarly|therefore|moreover)\s*(?:,|[.!?]\W*$)"
)


def _aside(text: str) -> bool:
    """Whether ``text`` sets off a connective by commas outside its quotations (the quotations
    are struck out only when the whole text holds one: the common case costs one search)."""
    return (
        ASIDE_RE.search(text) is not None and ASIDE_RE.search(QUOTED_RE.sub("", text)) is not None
    )


# A quotation's opening words are its speaker's, and "I", "we", "you" are the speaker's own; but
# a reader shown it alone cannot tell who "he" or "that" is, nor what "And…" or "However…"
# carries on ("“He told me he is making calls,” Ruiz said."; "“However, knowing the mayor's
# character, she…”"). "It" is mostly an expletive ("“It is too early to say”") and passes; a
# bracket the editor added says who ("“They (the ferry crews) asked us…”").
QUOTE_LEANERS = CONNECTIVES | THIRD_PERSONS
QUOTE_OPENING_RE = re.compile(r"^[\"'“‘\s]*([A-Za-z]+)(['’][a-z]+)?(\s*\()?\s*([a-z]*)")
# "This", "That", "These", "Those" lean as pronouns ("“That shows…”", "“This is…”", "“This now
# makes up…”"), not as determiners of a noun the quote names ("“This move further helps…”": a
# senator's reaction to the news the brief has just told). A pronoun is followed by a verb
# (these, or a singular one in -s after "This"/"That") or an adverb; a determiner, by its noun.
DEMONSTRATIVES = frozenset("This That These Those".split())
PRONOUN_FOLLOWERS = frozenset(
    "is was are were has had have will would could can may might must should does did do "
    "now also just only still really already again too".split()
)


def _quote_leans(text: str) -> bool:
    """Whether the quotation that opens ``text`` opens by leaning on words the reader never
    sees: a connective, or a third person or "this" its speaker's listener knew."""
    first = QUOTE_OPENING_RE.match(text)
    if first is None or first.group(1) not in QUOTE_LEANERS or first.group(3) is not None:
        return False
    word, contraction, after = first.group(1), first.group(2), first.group(4)
    if word not in DEMONSTRATIVES or contraction:  # "That's": "that is"
        return True
    verb_s = word in ("This", "That") and after.endswith("s") and not after.endswith("ss")
    return not after or after in PRONOUN_FOLLOWERS or verb_s


# "Reports said Ostrander, who has sailed for years, also has an infection", "A survey
# carried out in May and June also showed…": "also" adds to a fact told before,
# wherever it stands (ALSO_WITHIN reads only the subject's reach). Not when the sentence tells
# the first fact itself: a clause before it ("…lost its licence, and the crew will also…",
# "Although the islanders want the ferry, they also oppose…", "not only … but also"); nor in a name
# ("also known as") or a quotation (the speaker's own "also").
ALSO_RE = re.compile(r"\balso\b(?!\s+(?:known|called)\b)")
ALSO_FIRST_RE = re.compile(
    r"[,;]\s*(?:and|but|while|whereas)\b|;|\bbut\s+$|\bnot (?:only|just|merely)\b|\bas well as\b|"
    r"\bin addition to\b"
)
# "…will lose its licence and the crew will also…": "and" opens a clause when an auxiliary
# stands between it and "also" ("in May and June also showed" joins two months, "bars and
# cafes with designated areas also would…" two nouns: a participle is no clause's verb).
# A comma after it closes the clause it opens ("Ostrander, who has sailed for years and is
# ill, also has…": the first fact is the relative clause's, not the one "also" adds to).
CONJUNCTION_RE = re.compile(r"\b(?:and|but)\s+((?:[^\s,]+\s+){1,6})$")
AUXILIARIES = frozenset(
    "is was were are has had have will would could can may might must should did does do".split()
)


def _adds_to_unseen(text: str) -> bool:
    """Whether ``text`` says "also" of a fact it does not itself tell first."""
    if "also" not in text:
        return False  # the common case, at the cost of one substring test
    plain = QUOTED_RE.sub("", text)
    also = ALSO_RE.search(plain)
    if also is None or CLAUSE_RE.match(plain) or ALSO_FIRST_RE.search(plain, 0, also.start()):
        return False
    clause = CONJUNCTION_RE.search(plain, 0, also.start())
    return clause is None or not AUXILIARIES & set(clause.group(1).lower().split())


def subject_start(text: str) -> int:
    """Where the main clause's subject begins: after an opening phrase and its comma, or 0."""
    opening = OPENING_RE.match(text)
    if (
        text[:1] in QUOTES
        or opening is None
        or len(segment.words(opening.group(0))) > OPENING_MAX_WORDS
    ):
        return 0
    return opening.end()


def _leaning_subject(text: str) -> bool:
    """The subject after an opening phrase is held to an opening word's rules: no pronoun the
    phrase does not resolve, no "Other…", no "X also…"."""
    start = subject_start(text)
    if not start:
        return False
    opening, rest = text[:start], text[start:]
    written = segment.words(rest)
    words = [w.lower() for w in written]
    if not words:
        return False
    # a pronoun after a comma is written in lower case ("US Commerce Secretary…" is no "us")
    pronoun = written[0].islower() or written[0] == "I"
    if pronoun and words[0] in SUBJECT_LEANERS and words[1:2] != ["as"]:  # "such as …"
        if words[0] in PERSONAL:
            resolved = _names_person(opening)  # "When John Smith…, he"
        else:
            resolved = CLAUSE_RE.match(opening) is not None  # "If the firms merge, it…"
        # "Although it was their zeal he harnessed, they…": the clause has no one to point at
        inside = OPENING_PRONOUN_RE.search(opening)
        if inside is not None and not _names_person(opening[: inside.start()]):
            resolved = False
        if not resolved:
            return True
    # "Although the allies want peace, they also oppose…": "also" adds to the clause before it
    also = "also" in words[1:ALSO_WITHIN] and CLAUSE_RE.match(opening) is None
    return bool(LEANING_PHRASES.match(rest) or REFERENCE_RE.match(rest) or also)


def _names_person(text: str) -> bool:
    """Whether ``text`` holds a full name that is no body's ("the British Broadcasting Corp.")."""
    for name in NAMED_RE.finditer(text):
        after = segment.words(text[name.end() :])[:1]
        if not {*name.group(0).split(), *after} & persons.BODY_WORDS:
            return True
    return False


def _unnamed_pronoun(text: str) -> bool:
    """ "him" or "her" with no full name before it in the sentence; "them" or "it" as the object
    of the first clause's verbs, where it cannot be the subject ("Dozens of police tried to
    block them.": who?)."""
    pronoun = OBJECT_PRONOUN_RE.search(text)
    if pronoun is not None and not PERSON_NAMED_RE.search(text, 0, pronoun.start()):
        return True
    start = subject_start(text)
    thing = THING_PRONOUN_RE.search(text, start)
    if thing is None or EXPLETIVE_RE.match(text, thing.end()):
        return False
    following = segment.words(text[thing.end() :])[:1]
    if following and (VERB_RE.match(following[0]) or following[0].endswith("s")):
        return False  # "The Navy said it needs…": the subject of a clause of its own
    words = segment.words(text[start : thing.start()])
    verbs = [k for k, w in enumerate(words) if VERB_RE.match(w)]
    if not verbs or any(p in text[start : thing.start()] for p in ',;:(“"—'):
        return False
    between = words[verbs[0] :]
    # nothing but verbs, "to" + a verb, "not" and adverbs between the subject and the pronoun
    return all(
        VERB_RE.match(w) or w in ("to", "not") or w.endswith("ly") or (k and between[k - 1] == "to")
        for k, w in enumerate(between)
    )


def whole(sentence: Sentence) -> bool:
    """A whole sentence: a capital first, quotation marks balanced, no timeline line, fused
    header or parenthesised aside."""
    text = sentence.text.strip()
    opening = text.lstrip(QUOTES + "'‘(")[:1]
    return (
        # a script without letter case (Chinese) has no capital to give
        (opening.isupper() or opening.isdigit() or (opening.isalpha() and not opening.islower()))
        and text.count("“") == text.count("”")
        and text.count('"') % 2 == 0
        and not _opens_inside_quote(text)
        and not SLUG_RE.match(text)
        and not text.startswith("(")
        and not TIMELINE_RE.search(text)
        and not HEADER_RE.match(text)
    )


# "The restriction was reduced …", "The delegation arrived …": a definite noun phrase and its
# verb at once; anaphoric when its article introduced its noun anywhere before it (reaching back
# only two sentences, as before, let "The restriction…" through when its noun came earlier: a
# whole-article reach cost 3 items and no brief on DUC 2004 + 2006, each a reference).
DEFINITE_RE = re.compile(
    r"^(?:The|This|That)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]+)\s+(?:is|was|were|are|has|had|"
    r"have|will|would|could|can|may|might|must|should|did|does|[a-z]{3,}ed|"
    # irregular verbs an act or a document takes ("The report said…"); read for abstract nouns
    # only, so that "The company said…" stays a story's actor speaking
    r"(said|says|found|finds|shows|showed|came|comes|made|makes|took|takes|gave|gives|set|"
    r"sets|left|leaves|met|meets|dealt|deals|calls|called|urged|urges))\b"
)
# "The source, who spoke on condition of anonymity, said…", "The Parliament meeting, expected to
# last five days, is…", "The 25 mph test will…": a definite subject, its modifiers and its verb,
# comma or dash, nothing after its noun that says which ("The report by the council…", "The
# announcement, made by the regulator, …", "The unit, the National Task Force, …").
SUBJECT_NP_RE = re.compile(
    r"(?:The|This|That)\s+((?:[\w.’'-]+\s+){0,3}?)([a-z][\w-]+(?<!ly))(?=\s*,(?!\s+(?:the|a|an)\s|\s+[A-Z]|\s+\w+(?:ed|de|en)\s+by\s)|\s+(?:—|--|_)\s|\s+(?:is|was|"
    r"were|are|has|had|have|will|would|could|can|may|might|must|should|did|does|[a-z]{3,}ed|"
    r"said|says|found|shows|showed|came|comes|made|makes|took|takes|gave|gives|set|sets|left|"
    r"leaves|met|meets|dealt|deals|calls|called)\b)"
)
# The opening phrase's last noun phrase: "Under the provision, approved by the department,".
OPENING_NP_RE = re.compile(
    r"\bthe\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]+),\s+(?:[a-z]+ed\b[^,]*,\s+)?$"
)
# Standing bodies and offices a story's actors are: "The council voted…", "The mayor said…" read
# as the story's own, where "The doctor injected the boy…" points at a man named before.
ACTORS = frozenset(
    "council court board committee mayor city state congress senate house legislature cabinet "
    "army military president governor".split()
)
SPEAKS_RE = re.compile(r"\s+(?:said|says|told|tells)\b")
# "The 56-year-old history professor at the University of Dar es Salaam said…": a description
# standing for a person named before; "The 20-year-old jumper Ana Ruiz was…" names her.
DESCRIBED_RE = re.compile(
    r"^The\s+\d+-year-old(?:\s+(?:[\w-]+\s+){0,4}?[a-z][\w-]*)?(?:,|\s+(?:at|of|from|in|who|said|"
    r"says|told|was|is|has|had|will|[a-z]{3,}ed)\b)"
)
CAPITAL_RE = re.compile(r"\b[A-Z]")
# "The district's 18 middle schools…": a definite possessor opens the sentence.
POSSESSIVE_RE = re.compile(r"^(?:The|This|That)\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]+)['’]s\s")
# An act, a document, a statement or a body ("the report", "the decision", "the restriction",
# "the panel") is one of many such things until the text says which: met before in its article,
# "the" + such a noun points back wherever it stands in the sentence and whatever verb follows
# ("the company said", "the police said" are read as the story's actors speaking, and inside a
# sentence "the company" as the story's). The noun is such a noun by its ending
# (nominalisations: "-tion", "-sion", "-ment", "-ance", "-ence") or by EVENT_NOUNS, bar the few
# standing institutions that end like them.
ABSTRACT_RE = re.compile(
    rf"^(?:{EVENT_NOUNS}|panel|committee|study|survey|review|probe|inquiry|"
    r"remark|comment|[a-z]{3,}(?:tion|sion|ment|ance|ence)s?)$"
)
INSTITUTIONS = frozenset(
    "government governments department parliament administration nation nations population "
    "opposition police management station region".split()
)
# "China closed the border. The move…", "…made the remarks while…": these point back at an act or
# words their article told with other words (a verb, a quote); after an article's first sentence
# they lean on it whether or not the noun itself was met.
POINTING_RE = re.compile(r"^(?:move|moves|decision|remarks|comments|incident|step|announcement)$")
# "…made the remarks while meeting…", "…announced the move on Monday": an abstract noun inside
# the sentence, "the" and nothing after it that says which ("the move to close", "the report by
# the commission", "the decision that…" introduce themselves).
INNER_RE = re.compile(
    r"\b(?:the|this)\s+([a-z][a-z-]+)(?!\s+(?:of|to|by|that|which|for|on|in|"
    r"from|at|about|over|against|issued|released|published|made|announced)\b)"
    r"(?=[\s,.;:”\"’]|$)"
)
# "Addressing a meeting in Cape Town…, he said": a speaker named only in the sentence before.
SPEAKER_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:said|says|told|noted|argued|warned)\b")
NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")
QUOTED_RE = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
# "…, he added.", "added Smith": an attribution that follows a quote the reader never sees.
ADDED_RE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+added\b|[,”\"]\s*added\s+(?:the\s+[a-z]|[A-Z])"
)


def abstract(noun: str) -> bool:
    """Whether ``noun`` names an act, document, statement or body ("report", "restriction")."""
    noun = noun.lower()
    return bool(ABSTRACT_RE.match(noun)) and noun not in INSTITUTIONS


def anaphoric(corpus: Corpus, index: int, shown: Iterable[str] = ()) -> bool:
    """Whether sentence ``index`` leans on its article for a definite noun phrase: it opens with
    one ("The restriction was…", "The report said…", "The district's schools…") or holds "the" +
    an abstract noun ("…made the remarks while…") whose noun its article met before it; and the
    brief (``shown``, the items a reader has met) has not introduced that noun."""
    sentence = corpus.sentences[index]
    text = sentence.text.lstrip()
    start = index
    while start > 0 and corpus.sentences[start - 1].article == sentence.article:
        start -= 1
    earlier = corpus.sentences[start:index]
    heads: list[str] = []  # nouns whose referent the item leaves to its article
    possessor = POSSESSIVE_RE.match(text)
    if possessor is not None:
        heads.append(possessor.group(1))
    match = DEFINITE_RE.match(text)
    if match is not None and (match.group(2) is None or abstract(match.group(1))):
        heads.append(match.group(1))
    found, unseen = _definite_subjects(text, sentence.position)
    heads.extend(found)
    heads.extend(_inner_references(text))
    shown = list(shown)
    if earlier and earlier[-1].text in shown:
        return False  # the brief shows the sentence before it: "the move" is the one just read
    met = [segment.terms(segment.words(t)) for t in shown]
    if sentence.position > 0 and _described(text):
        return True  # "The 56-year-old history professor said…": who?
    if any(not any(segment.stem(noun) in terms for terms in met) for noun in unseen):
        return True
    for noun in heads:
        head = segment.stem(noun)
        pointing = bool(earlier) and POINTING_RE.match(noun.lower()) is not None
        if (pointing or any(head in s.terms for s in earlier)) and not any(
            head in terms for terms in met
        ):
            return True
    return False


def _described(text: str) -> bool:
    """Whether ``text`` opens with an age and a description in place of a name ("The
    56-year-old history professor said…"; "The 20-year-old jumper Ana Ruiz was…" names her)."""
    match = DESCRIBED_RE.match(text)
    if match is None:
        return False
    for name in NAMED_RE.finditer(match.group(0)):
        following = segment.words(text[name.end() :])[:1]
        if not following or VERB_RE.match(following[0]) or text[name.end() :].startswith(","):
            return False
    return True


def _definite_subjects(text: str, position: int) -> tuple[list[str], list[str]]:
    """The heads of the definite subjects of ``text`` (at its start and after an opening
    phrase), and those that point back even where their article never met the noun: "The
    doctor injected the boy…" (not in an article's first sentence, which introduces its own;
    not a standing body or an actor speaking), "Under the provision, approved by…"."""
    heads: list[str] = []
    unseen: list[str] = []
    main = subject_start(text)
    closing = OPENING_NP_RE.search(text, 0, main)
    if closing is not None and abstract(closing.group(1)):
        unseen.append(closing.group(1))
    for begin in {0, main}:
        capital = text[:begin] + text[begin : begin + 1].upper() + text[begin + 1 :]
        subject = SUBJECT_NP_RE.match(capital, begin)
        if subject is None or CAPITAL_RE.search(subject.group(1)):
            continue  # "The Peace Now survey" says which
        if any(m.lower() in persons.FUNCTION_WORDS for m in segment.words(subject.group(1))):
            continue  # "The majority who die are…" is a clause
        noun = subject.group(2)
        speaks = SPEAKS_RE.match(capital, subject.end()) is not None
        if not speaks or abstract(noun):  # "The board said…": the story's actor speaks
            heads.append(noun)
        if position > 0 and noun not in INSTITUTIONS | ACTORS and not speaks:
            unseen.append(noun)
    return heads, unseen


def _inner_references(text: str) -> list[str]:
    """Abstract nouns inside ``text`` after "the" with nothing that says which ("…made the
    remarks while…")."""
    heads: list[str] = []
    quoted = [q.span() for q in QUOTED_RE.finditer(text)]
    for inner in INNER_RE.finditer(text):
        noun = inner.group(1)
        if (
            abstract(noun)
            and _phrase_ends(text[inner.end() :])
            # a speaker's own words refer as people speak; the quote's label says who
            and not any(a <= inner.start() < b for a, b in quoted)
            # introduced inside the sentence itself ("a new plan … the plan") is no reference
            and segment.stem(noun) not in segment.terms(segment.words(text[: inner.start()]))
        ):
            heads.append(noun)
    return heads


def _phrase_ends(rest: str) -> bool:
    """Whether the noun phrase ends where ``rest`` begins: punctuation, or a function word or a
    past verb next ("the remarks while", "the case protested"), not a noun it modifies ("the
    invitation activities")."""
    following = NEXT_WORD_RE.match(rest)
    return following is None or (
        following.group(1) in segment.stop_words() or following.group(1).endswith("ed")
    )


def leans_on_quote(sentence: Sentence, people: Collection[str] = ()) -> bool:
    """ "…, he added." or "added Smith": a statement continuing one the reader never sees; or
    "…, he said." with none of ``people`` (persons.surnames) named before it: who is "he"?"""
    text = sentence.text
    pronoun = SPEAKER_PRONOUN_RE.search(text)
    return bool(ADDED_RE.search(text)) or (
        pronoun is not None
        and not set(map(persons.bare, segment.words(text[: pronoun.start()]))) & set(people)
    )


def _opens_inside_quote(text: str) -> bool:
    """The first curly mark closes a quotation: the sentence begins inside one begun before it
    ("…wrong,” declared X. “It is…": balanced marks, but the reader never sees the opening)."""
    marks = [c for c in text if c in "“”"]
    return bool(marks) and marks[0] == "”"


# "The Daily Varnian said in an editorial for Sunday, May 3: The council …": a wire slug fused
# to the sentence it introduces (the colon introduces what the reader is not shown as such).
SLUG_RE = re.compile(r"^[^:“\"]{0,120}\b(?:said|says|wrote|writes)\b[^:“\"]{0,80}:\s")
# An article that calls itself opinion: "EDITORIAL: …", "COMMENTARY: …" as its title, or a
# slug "X said in an editorial …:" opening it.
OPINION_TITLE_RE = re.compile(r"^\W*(?:editorial|commentary|opinion|op-ed|column)\s*:", re.I)
OPINION_OPENING_RE = re.compile(
    r"^[^.:]{0,120}\b(?:said|says|wrote) in an? (?:editorial|commentary|column|op-ed)\b[^:]{0,60}:"
)
# Roundups, digests, news-service budgets, chronologies: lines of many stories, or a fact box.
DIGEST_TITLE_RE = re.compile(
    r"\b(?:at a glance|digest|news briefs|world briefs|roundup|round-up|key dates|chronology|"
    r"chronicle of|timeline|milestones)\b",
    re.I,
)
DIGEST_OPENING_RE = re.compile(
    r"^(?:for questions,? (?:please )?call|these (?:columns|stories) for release)", re.I
)
# A news service's budget: "The Varnia Courier plans to move the following for clients…",
# "By Ana Ruiz. Story will move in the “A” category.": one line for each of many stories
# (the datelines that opened them are cleaned away, the notes stay). Its first note stands
# within its first story's lines, so only the opening is read: ``news`` is asked for every
# sentence a section weighs, and a whole-text search cost a 30,000-sentence story 2.5 s.
BUDGET_HEAD_CHARS = 2000
BUDGET_RE = re.compile(
    r"plans to move the following|\bstor(?:y|ies) will move\b|"
    r"will move in the\W{1,3}\w{1,2}\W{1,3}categor",
    re.I,
)


def news(article: Article) -> bool:
    """Whether the article is news copy of its own: not an editorial or commentary (opinion is
    no fact, and the paper's view is no outlet's report), not a digest, roundup, budget or
    chronology (lines of many stories, or a fact box)."""
    title, text = article.title or "", article.text.lstrip()
    return not (
        OPINION_TITLE_RE.match(title)
        or OPINION_OPENING_RE.match(text)
        or OPINION_OPENING_RE.match(title)
        or DIGEST_TITLE_RE.search(title)
        or DIGEST_OPENING_RE.match(text)
        or _budget(text)
    )


def _budget(text: str) -> bool:
    """Whether the opening of ``text`` holds a news service's budget notes."""
    head = BUDGET_HEAD_CHARS
    return (
        text.find("will move", 0, head) >= 0 or text.find("move the following", 0, head) >= 0
    ) and BUDGET_RE.search(text, 0, head) is not None


def news_only(corpus: Corpus, group: Group) -> Group | None:
    """The group without the sentences of articles that are not news, the lines of a dated
    list, or the middle of a quotation; None if none is left."""
    kept = tuple(
        m
        for m in group.members
        if news(corpus.articles[corpus.sentences[m].article])
        and not listed(corpus, m)
        and not quoted_within(corpus, m)
    )
    if not kept:
        return None
    return group if kept == group.members else Group(members=kept, score=group.score)


def quoted_within(corpus: Corpus, index: int) -> bool:
    """Whether sentence ``index`` is the middle or the end of a quotation of several sentences:
    it opens no quotation of its own, and one opened earlier in its paragraph is not yet closed
    (“… Carville said. “And I don't think anyone is emerging. Everybody ought to be pushing
    …. I have never heard of a strategy like that.”: the middle sentence is his words, not
    the writer's, and a quotation is shown whole or not at all)."""
    sentence = corpus.sentences[index]
    if any(mark in sentence.text for mark in QUOTES):
        return False
    first = index
    while first > 0 and _same_paragraph(corpus.sentences[first - 1], sentence):
        first -= 1
    text = corpus.articles[sentence.article].text[corpus.sentences[first].start : sentence.start]
    if not any(mark in text for mark in QUOTES):
        return False  # no quotation opened before it in its paragraph
    # An opening mark while one is open starts the next paragraph of a quotation (news style
    # closes only its last paragraph, and wire copy often loses the paragraph breaks): read
    # as the mark it is, not as nesting.
    inside = False
    for mark in QUOTE_MARK_RE.findall(text):
        inside = mark == "“" or (mark == '"' and not inside)
    return inside


QUOTE_MARK_RE = re.compile(r"[“”\"]")


def _same_paragraph(a: Sentence, b: Sentence) -> bool:
    return a.article == b.article and a.paragraph == b.paragraph


def listed(corpus: Corpus, index: int) -> bool:
    """Whether sentence ``index`` belongs to an entry of a dated list: its paragraph opens with
    a timeline line ("-- Nov. 29, 1962: The two governments sign…"), so every sentence of it is
    that date's entry ("…sign a similar pact the same day"), not the story's news."""
    sentence = corpus.sentences[index]
    first = index - sentence.position
    for k in range(index, max(first, 0) - 1, -1):
        before = corpus.sentences[k]
        if before.article != sentence.article or before.paragraph != sentence.paragraph:
            break
        index = k
    return _dated_line(corpus.sentences[index].text)


@lru_cache(maxsize=50_000)  # a paragraph's first sentence is asked for by each of its sentences
def _dated_line(text: str) -> bool:
    return bool(TIMELINE_RE.search(text.strip()))
