"""The labels of a profile text and how a line is recognised as one (or as a heading)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from db.text.profile_text.lines import Line, fold, is_paragraph


class Kind(enum.StrEnum):
    INTRO = "intro"
    VISION = "vision"
    TARGET = "target"
    PERIOD = "period"
    AMOUNT = "amount"
    PARTNERS = "partners"
    GOALS = "goals"
    ACTIONS = "actions"
    MEETINGS = "meetings"
    CONTACTS = "contacts"
    INSTRUMENTS = "instruments"
    NAME = "name"
    ALIAS = "alias"
    REGION = "region"
    PROVINCE = "province"
    MUNICIPALITIES = "municipalities"
    RUBRIC = "rubric"
    SECTION = "section"
    NOTES = "notes"


_LABELS: dict[str, Kind] = {
    **dict.fromkeys(
        [
            "visie",
            "missie",
            "missie en visie",
            "visie en missie",
            "historiek en doel",
            "historiek en doelen",
        ],
        Kind.VISION,
    ),
    **dict.fromkeys(
        ["focus doelgroep", "focus op doelgroep", "doelgroep", "doelgroepen"], Kind.TARGET
    ),
    **dict.fromkeys(["trekkingsrecht", "trekkingsrechten", "bedrag trekkingsrecht"], Kind.AMOUNT),
    **dict.fromkeys(
        ["partners", "partner", "netwerkpartners", "partners van het netwerk"], Kind.PARTNERS
    ),
    **dict.fromkeys(
        [
            "doelstellingen",
            "doelstelling",
            "doelen",
            "doelstellingen en acties",
            "doelen en acties",
            "een greep uit de doelstellingen en acties",
        ],
        Kind.GOALS,
    ),
    **dict.fromkeys(
        [
            "acties",
            "enkele acties",
            "een greep uit de acties",
            "greep uit de acties",
            "concrete acties",
        ],
        Kind.ACTIONS,
    ),
    **dict.fromkeys(
        ["overlegmomenten", "overlegmoment", "overleg", "bijeenkomsten"], Kind.MEETINGS
    ),
    **dict.fromkeys(
        ["contactpersoon", "contactpersonen", "contact", "contactgegevens"], Kind.CONTACTS
    ),
    "instrumenten": Kind.INSTRUMENTS,
    "netwerknaam": Kind.NAME,
    "eigen naam": Kind.ALIAS,
    "regio": Kind.REGION,
    "provincie": Kind.PROVINCE,
    "gemeenten": Kind.MUNICIPALITIES,
    "deelnemende gemeenten": Kind.MUNICIPALITIES,
    "rubriek": Kind.RUBRIC,
    "interne notities": Kind.NOTES,
    "notities": Kind.NOTES,
}
# Labels that also count as labels when written as a bullet; goals, actions and meetings words
# are too common at the start of an ordinary bullet ("Overleg: kleine groep ...").
_BULLET_KINDS = {
    Kind.PERIOD,
    Kind.AMOUNT,
    Kind.PARTNERS,
    Kind.CONTACTS,
    Kind.TARGET,
    Kind.INSTRUMENTS,
    Kind.NAME,
    Kind.ALIAS,
    Kind.REGION,
    Kind.PROVINCE,
    Kind.MUNICIPALITIES,
}
# Kinds that show the text is a profile (at least two are needed, with the page chrome).
PROFILE_KINDS = {
    Kind.VISION,
    Kind.TARGET,
    Kind.PERIOD,
    Kind.AMOUNT,
    Kind.PARTNERS,
    Kind.GOALS,
    Kind.ACTIONS,
    Kind.MEETINGS,
    Kind.CONTACTS,
}
_ACTIONS_LABEL = re.compile(
    r"(?:(?:een )?greep uit de |enkele |een aantal |een selectie uit de )?"
    r"(?P<goals>(?:doelstellingen|doelen) en )?acties(?: van (?P<who>.{1,60}))?"
)
_TRAILING_LABEL = re.compile(
    r"(?:^|(?<=[.!?]) )(?P<label>(?:een )?(?:greep uit de|enkele) (?:(?:doelstellingen|doelen) en )?"
    r"acties(?: van [^:.!?]{1,60})?)\s*:$",
    re.IGNORECASE,
)
_ORDINALS = {
    word: number
    for number, word in enumerate(
        [
            "eerste",
            "tweede",
            "derde",
            "vierde",
            "vijfde",
            "zesde",
            "zevende",
            "achtste",
            "negende",
            "tiende",
            "elfde",
            "twaalfde",
            "dertiende",
            "veertiende",
            "vijftiende",
            "zestiende",
            "zeventiende",
            "achttiende",
            "negentiende",
            "twintigste",
        ],
        start=1,
    )
}
ORDINAL_WORDS = {number: word for word, number in _ORDINALS.items()}
_PERIOD_WORDS = {"periode", "looptijd", "huidige", "vorige", "nieuwe", "lopende", "de", "van"}
_PERIOD_LINE = re.compile(
    r"(?P<label>(?:[\w']+ ){0,3}afsprakennota(?:'s)?(?: [\w']+){0,2}?)"
    r"(?:\s*:\s*(?P<value>.*)|\s+(?P<bare>\d{4}.*))?",
    re.IGNORECASE,
)
_AMOUNT_LINE = re.compile(
    r"(?P<label>trekkingsrecht(?:en)?)\s+(?P<value>(?:€\s*)?\d.*)", re.IGNORECASE
)
YEARS = re.compile(
    r"(?P<start>\d{4})(?:\s*(?:-|–|—|/|tot(?: en met)?|t\.?e\.?m\.?|t/m)\s*'?(?P<end>\d{4}|\d{2}))?\s*\.?",
    re.IGNORECASE,
)
# Web leftovers around an image: a credit ("Beeld: maker - CC BY-SA 2.0", also glued to the
# maker: "makerCC BY 2.0") and page furniture ("(Lees verder onder de afbeelding.)").
_CREDIT = re.compile(r"(?:beeld|foto|afbeelding)\s*(?::|via\b)", re.IGNORECASE)
# Licence names as written, in capitals (so that no Dutch word is taken for one).
_LICENCE = re.compile(r"CC[ -]?(?:BY(?:[ -](?:SA|ND|NC))*|0)\b")
_FURNITURE = re.compile(
    r"\(?\s*(?:lees|scroll) verder (?:onder|na|bij|naast) de (?:afbeelding|foto|video)\b",
    re.IGNORECASE,
)


class ImageLine(enum.StrEnum):
    CREDIT = "credit"
    FURNITURE = "furniture"


def image_line(text: str) -> ImageLine | None:
    """Whether a line is an image credit or page furniture; a paragraph never is."""
    if is_paragraph(text):
        return None
    if _FURNITURE.match(text):
        return ImageLine.FURNITURE
    if _CREDIT.match(text) or ("CC" in text and _LICENCE.search(text)):
        return ImageLine.CREDIT
    return None


# Headings of other parts of a profile, recognised without a colon when they stand alone.
_SECTION_TITLES = {
    "omgevingsanalyse",
    "werking lokaal netwerk",
    "werking van het lokaal netwerk",
    "werking van het netwerk",
    "ondersteuning voor en door het netwerk",
    "realisaties",
    "evaluatie",
}
NETWORK_NAME = re.compile(r"lokaal\s+netwerk\s+\S", re.IGNORECASE)
GOALS_WORD = re.compile(r"doelstelling", re.IGNORECASE)
AT_SIGN = re.compile(r"@|\[\s*at\s*\]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Label:
    kind: Kind
    label: str  # as written, for warnings and section titles
    value: str = ""
    prefix: str = ""  # text before a label that ends a paragraph
    soft: bool = False  # a known section title without colon: inside the goals it is a goal


@dataclass(frozen=True, slots=True)
class Context:
    """What label recognition needs to know about the profile: its municipality names."""

    municipalities: frozenset[str]


def label_key(text: str) -> str:
    return fold(text.replace("&", " en ")).rstrip(" .")


def _label_kind(text: str, context: Context) -> Kind | None:
    key = label_key(text)
    if key in _LABELS:
        return _LABELS[key]
    match = _ACTIONS_LABEL.fullmatch(key)
    if match and _known_qualifier(match.group("who"), context):
        return Kind.GOALS if match.group("goals") else Kind.ACTIONS
    return None


def _known_qualifier(who: str | None, context: Context) -> bool:
    """ "van Dilbeek", "van het netwerk": a qualifier that adds nothing the record lacks."""
    if who is None:
        return True
    who = re.sub(r"^(?:de gemeente|de stad|het lokaal netwerk|het netwerk|ons netwerk)\s*", "", who)
    return not who or who in context.municipalities


def _period_label(line: Line) -> Label | None:
    match = _PERIOD_LINE.fullmatch(line.text)
    if not match:
        return None
    words = label_key(match.group("label")).replace("afsprakennota's", "afsprakennota").split()
    if not all(
        w in _PERIOD_WORDS or w in _ORDINALS or ordinal_number(w) or w == "afsprakennota"
        for w in words
    ):
        return None
    value = match.group("value")
    if value is None and match.group("bare") is None and line.bullet:
        return None  # a bullet label needs its value
    return Label(
        Kind.PERIOD,
        match.group("label"),
        (value if value is not None else match.group("bare") or "").strip(),
    )


def ordinal_number(word: str) -> int | None:
    if word in _ORDINALS:
        return _ORDINALS[word]
    match = re.fullmatch(r"(\d{1,2})(?:e|ste|de)", word)
    return int(match.group(1)) if match else None


def _is_generic_heading(text: str) -> bool:
    """A short heading of its own, ending in a colon: "Omgevingsanalyse:"."""
    if not text.endswith(":") or len(text) > 80:
        return False
    title = text[:-1].rstrip()
    return (
        1 <= len(title.split()) <= 6
        and ":" not in title
        and title[:1].isalpha()
        and title[:1].isupper()
        # "De algemene doelstellingen zijn tweeledig:" introduces goals, it is not a heading.
        and not GOALS_WORD.search(title)
        and not AT_SIGN.search(title)
    )


def classify(line: Line, blank_before: bool, context: Context) -> Label | None:
    """The label a line starts (or ends with), or None for ordinary text."""
    text = line.text
    period = _period_label(line)
    if period:
        return period
    amount = _AMOUNT_LINE.fullmatch(text)
    if amount:
        return Label(Kind.AMOUNT, amount.group("label"), amount.group("value"))
    if ":" in text:
        head, value = text.split(":", 1)
        kind = _label_kind(head, context)
        if kind and (not line.bullet or kind in _BULLET_KINDS):
            return Label(kind, head.strip(), value.strip())
    if line.bullet:
        return None
    kind = _label_kind(text, context)
    if kind:
        return Label(kind, text)
    if text.endswith(":"):
        trailing = _TRAILING_LABEL.search(text[-200:])
        if trailing:
            kind = _label_kind(trailing.group("label"), context)
            prefix = text[: len(text) - len(trailing.group(0))].strip()
            if kind and prefix:
                return Label(kind, trailing.group("label"), "", prefix)
    if blank_before and _is_generic_heading(text):
        return Label(Kind.SECTION, text[:-1].rstrip())
    if blank_before and label_key(text) in _SECTION_TITLES:
        return Label(Kind.SECTION, text, soft=True)
    return None
