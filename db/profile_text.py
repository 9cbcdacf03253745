"""Reading and writing the published profile text of a local network (the "netwerkfiche").

Reading
-------
:func:`parse_profile` turns a profile as users copy it from the public web page into a
:class:`~db.schemas.NetworkProfile`, in three passes:

1. **Lines.** No-break and other typographic spaces become spaces, runs of spaces fold, curly
   quotes become straight ones, soft hyphens and zero-width spaces go, a line holding only spaces
   is blank. A line starting with a bullet (``•``, ``◦``, ``-`` ...) keeps its indentation, so a
   two-level list (one vs two spaces before the bullet) keeps its levels. The raw text is stored
   untouched in ``source.raw_text``.
2. **Head and blocks.** The head is the title (``Gemeente (Provincie)``; many titles have no
   province, which is then inferred from :mod:`db.reference` with a warning), the page leftovers
   ``item_left`` / ``item_right`` with the image caption between them (-> ``captions``), the
   repeated title and the ``Lokaal Netwerk`` line; all of these are page chrome. The body is cut
   into blocks at every *label line*: a known label with or without a colon, alone on its line
   (value on the next line), followed by its value, or as a bullet (``• Trekkingsrecht: 853
   euro``); a paragraph ending in a label (``... aan te pakken. Een greep uit de acties:``); or a
   short generic heading ending in a colon (``Omgevingsanalyse:``) or a known section title
   standing alone (``Werking lokaal netwerk``; inside the goals such a title heads a goal).
   Image credits (``Beeld: ...``) and ``(Lees verder onder de afbeelding.)`` are captions
   wherever they stand.
3. **Fields.** Each block kind has a reader. What a reader cannot place is never dropped: it
   becomes a :class:`~db.schemas.Section` titled with the label it stood under, with a warning
   (an unreadable period or contact, a cut-off e-mail address, prose under ``Instrumenten``; for
   ``Trekkingsrecht: 6 613 euro per jaar`` the amount is read *and* the text kept). So every word
   of the input that is not page chrome or a label ends up in some field.

Not a profile: empty text, NUL or control characters, more than :data:`MAX_TEXT_CHARS`
characters, a first line that cannot be a title (a sentence, an e-mail header), or fewer than two
signs of a profile (the ``Lokaal Netwerk`` head, the image leftovers, or the labels for vision,
periods, drawing right, partners, goals, actions, meetings, contacts) raise
:class:`ProfileTextError`; so does a record the schema refuses (too many partners, a text too
long for its field). A text that ends in an empty label, or (when it does not end with the
contact, as published profiles do) without closing its sentence, gets a "lijkt afgebroken"
warning but is still read.

Choices made on the five seed profiles (``resources/samples``):

* Oudenaarde - the unlabelled first paragraph is the vision (warning). ``Doelstellingen:`` is a
  flat list: each bullet is a goal without actions. ``Acties:`` holds network-level actions; its
  first bullet ends in ``:`` and so adopts the bullets directly below it (no blank line between)
  as its sub-actions. The caption ``Lokaal netwerk Oudenaarde`` is both a caption and the name.
* Wevelgem / Genk - in ``Doelstellingen en acties`` a plain paragraph is a goal heading and the
  bullets after it are its actions; a paragraph with no bullets after it is still a goal
  (Genk's ``Organisatie van een doelgroepgericht vrijetijdsaanbod: ...``). A *short* heading
  (at most eight words, no final punctuation) followed by prose leaves the goals: Wevelgem's
  ``Werking lokaal netwerk`` becomes a section with that title (it is about meetings, but the
  text mixes meetings with the regional pass, so it is kept whole under its own title).
* Borsbeek - ``Het lokaal netwerk legt de nadruk ... Een greep uit de acties:`` is a goal heading
  (the trailing label is dropped) with the bullets as actions. ``Ondersteuning voor en door het
  netwerk`` lies inside the goals block and has bullets under it, so it is a goal like its
  neighbours (the same words as a standalone block elsewhere would be a section).
* Dilbeek - ``Omgevingsanalyse:`` is a section whose body runs to the next known label. Inside
  it, ``De algemene doelstellingen zijn tweeledig:`` followed by bullets introduces goals: the
  bullets become goals, the sentence stays in the section body where it stood (so the body keeps
  reading naturally around it). ``Een greep uit de acties van Dilbeek:`` starts network-level
  actions.
* Contacts are read from the pieces of the line in any order: e-mail (``[at]`` restored to
  ``@``), phone (8+ digits starting with 0 or +), a text in parentheses (a role), a person's name
  (capitalised words, or words found in the e-mail address), then role, then organisation.
  Without an e-mail address the first piece is taken as the name (a contact needs one of both).
* Partners: a comma list is split on commas and the final "en" outside brackets; a description
  follows in brackets, or after ``:`` / an en dash (the tail after it belongs to the last
  partner, as in Oudenaarde). In a bullet list a spaced hyphen separates too (the en dash wins).
* ``instruments`` are tags for the passes and schemes the text mentions (UiTPAS, OK-pas,
  Kansenpas, Rap op Stap, ...); the text they occur in stays where it is.

Writing
-------
:func:`write_profile` writes the published layout, and reading it back gives a record whose
``content_equals`` the original (the ``id`` aside: a text carries no record identity). Fields:

==================  ================================================================================
field               written as
==================  ================================================================================
municipalities,     title ``A, B en C (Provincie)`` twice, around ``item_left`` / captions /
province, captions  ``item_right`` (four captions per image block); then ``Lokaal Netwerk``. When the
                    title cannot say it (several municipalities not all in the reference, no
                    province although the reference knows one, ...), labelled lines follow:
                    ``Gemeenten:`` (bullets), ``Provincie: onbekend``.
name                ``Netwerknaam: ...`` only when it differs from what would be inferred (a
                    ``Lokaal netwerk X`` caption, else ``Lokaal netwerk <first municipality>``)
alias, region       ``Eigen naam: ...``, ``Regio: ...``
vision, target      ``Visie: ...``, ``Focus doelgroep: ...`` (paragraphs kept)
agreement_periods   ``Periode eerste afsprakennota: 2014-2019`` (one year when start = end)
drawing_right_eur   ``Trekkingsrecht: 6.613 euro`` (``6.613,50 euro`` with cents)
instruments         ``Instrumenten: a, b`` (bullets when a tag holds a comma); left out when reading
                    the text would detect exactly these tags anyway; ``Instrumenten:`` alone = none
partners            ``Partners:`` + bullets ``name – description`` (``name –`` when a name without
                    description would otherwise be split at its brackets or hyphen)
goals, actions      ``Doelstellingen en acties:`` + goal paragraphs with bullet actions and indented
                    sub-actions; when a goal has no actions (or its title would read as a label),
                    the two-/three-level bullet variant. ``Acties:`` + bullets for network-level
                    actions. A blank line after an item ending in ``:`` without sub-items keeps it
                    from adopting the next one.
meetings            ``Overlegmomenten: ...``
sections            ``Titel:`` + body, or ``Rubriek: titel`` + body when the title would not read back
                    as a heading (long, empty, a known label, ...)
contacts            ``Contactpersoon: name, role, organisation, e-mail [at] domain, phone`` or
                    ``... e-mail [at] domain (role)``, whichever reads back the same; else
                    ``Contactpersoon:`` + ``Naam:`` / ``Functie:`` / ``Organisatie:`` / ``E-mail:``
                    / ``Telefoon:`` lines
notes               ``Interne notities: ...``
==================  ================================================================================

The writer decides between layouts with the reader's own rules (does this title, contact,
heading or paragraph read back as itself?), so the choices cannot drift apart.

Limits of the round trip, by design of a plain-text format without escapes: a free-text line
that itself reads as structure (starts with a bullet or a known label or section title, is a
short capitalised line ending in a colon, is an image credit) is read as that structure; a
partner name holding a spaced dash or ``: `` is split there; a goal title or action text with
an empty line in it becomes two; curly quotes and runs of spaces are normalised; leading spaces
of lines in a text field are not kept. The hypothesis round-trip test generates records within
these limits (free text with brackets, dashes, colons, digits, accents and pass names).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from itertools import accumulate
from os import PathLike
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from db import messages
from db.formats import group_thousands, parse_euro
from db.locations import NotARegularFileError, regular_file_sentence, require_regular_file
from db.reference import by_code, find_municipality
from db.schemas import (
    Action,
    AgreementPeriod,
    Contact,
    Goal,
    NetworkProfile,
    Partner,
    Province,
    Section,
    Source,
    SubAction,
    default_name,
    province_from_text,
)

MAX_TEXT_CHARS = 1_000_000
# A contact or amount line longer than this is prose, not data; also keeps the regexes cheap.
_MAX_VALUE_CHARS = 2_000
_CAPTIONS_PER_IMAGE = 4
_DEEPEST_LEVEL = 2
_NOT_A_PROFILE = "Dit is geen netwerkfiche: "
_NOT_A_PROFILE_EN = "This is not a network profile: "


class ProfileTextError(ValueError):
    """The text cannot be read as a profile. ``str(error)`` is Dutch, ``error.english`` English."""

    def __init__(self, dutch: str, english: str) -> None:
        super().__init__(dutch)
        self.dutch = dutch
        self.english = english


@dataclass
class ParseResult:
    profile: NetworkProfile
    warnings: list[str]


# ---------------------------------------------------------------------------------------------
# Pass 1: lines
# ---------------------------------------------------------------------------------------------

_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys(
            "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t", " "
        ),
        **dict.fromkeys("\u200b\u00ad\ufeff\u2060", None),
        **dict.fromkeys("‘’‚‛′", "'"),
        **dict.fromkeys("“”„‟″", '"'),
    }
)
_BULLET = re.compile(r"(?:[•◦▪▫‣●○■□➢➤►✓✔∙·]|[-*–—](?= ))\s*")
_SPACES = re.compile(" {2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    indent: int = 0
    bullet: bool = False


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _split_lines(text: str) -> list[_Line | None]:
    """The text as lines; ``None`` is a blank line."""
    unified = (
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    )
    lines: list[_Line | None] = []
    for raw in unified.split("\n"):
        spaced = raw.translate(_TYPOGRAPHY).rstrip()
        stripped = spaced.lstrip(" ")
        indent = len(spaced) - len(stripped)
        bullet = _BULLET.match(stripped)
        if bullet:
            stripped = stripped[bullet.end() :]
        content = _SPACES.sub(" ", stripped).strip()
        lines.append(_Line(content, indent, bullet is not None) if content else None)
    return lines


# ---------------------------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------------------------


class _Kind(enum.StrEnum):
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


_LABELS: dict[str, _Kind] = {
    **dict.fromkeys(
        [
            "visie",
            "missie",
            "missie en visie",
            "visie en missie",
            "historiek en doel",
            "historiek en doelen",
        ],
        _Kind.VISION,
    ),
    **dict.fromkeys(
        ["focus doelgroep", "focus op doelgroep", "doelgroep", "doelgroepen"], _Kind.TARGET
    ),
    **dict.fromkeys(["trekkingsrecht", "trekkingsrechten", "bedrag trekkingsrecht"], _Kind.AMOUNT),
    **dict.fromkeys(
        ["partners", "partner", "netwerkpartners", "partners van het netwerk"], _Kind.PARTNERS
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
        _Kind.GOALS,
    ),
    **dict.fromkeys(
        [
            "acties",
            "enkele acties",
            "een greep uit de acties",
            "greep uit de acties",
            "concrete acties",
        ],
        _Kind.ACTIONS,
    ),
    **dict.fromkeys(
        ["overlegmomenten", "overlegmoment", "overleg", "bijeenkomsten"], _Kind.MEETINGS
    ),
    **dict.fromkeys(
        ["contactpersoon", "contactpersonen", "contact", "contactgegevens"], _Kind.CONTACTS
    ),
    "instrumenten": _Kind.INSTRUMENTS,
    "netwerknaam": _Kind.NAME,
    "eigen naam": _Kind.ALIAS,
    "regio": _Kind.REGION,
    "provincie": _Kind.PROVINCE,
    "gemeenten": _Kind.MUNICIPALITIES,
    "deelnemende gemeenten": _Kind.MUNICIPALITIES,
    "rubriek": _Kind.RUBRIC,
    "interne notities": _Kind.NOTES,
    "notities": _Kind.NOTES,
}
# Labels that also count as labels when written as a bullet; goals, actions and meetings words
# are too common at the start of an ordinary bullet ("Overleg: kleine groep ...").
_BULLET_KINDS = {
    _Kind.PERIOD,
    _Kind.AMOUNT,
    _Kind.PARTNERS,
    _Kind.CONTACTS,
    _Kind.TARGET,
    _Kind.INSTRUMENTS,
    _Kind.NAME,
    _Kind.ALIAS,
    _Kind.REGION,
    _Kind.PROVINCE,
    _Kind.MUNICIPALITIES,
}
# Kinds that show the text is a profile (at least two are needed, with the page chrome).
_PROFILE_KINDS = {
    _Kind.VISION,
    _Kind.TARGET,
    _Kind.PERIOD,
    _Kind.AMOUNT,
    _Kind.PARTNERS,
    _Kind.GOALS,
    _Kind.ACTIONS,
    _Kind.MEETINGS,
    _Kind.CONTACTS,
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
_ORDINAL_WORDS = {number: word for word, number in _ORDINALS.items()}
_PERIOD_WORDS = {"periode", "looptijd", "huidige", "vorige", "nieuwe", "lopende", "de", "van"}
_PERIOD_LINE = re.compile(
    r"(?P<label>(?:[\w']+ ){0,3}afsprakennota(?:'s)?(?: [\w']+){0,2}?)"
    r"(?:\s*:\s*(?P<value>.*)|\s+(?P<bare>\d{4}.*))?",
    re.IGNORECASE,
)
_AMOUNT_LINE = re.compile(
    r"(?P<label>trekkingsrecht(?:en)?)\s+(?P<value>(?:€\s*)?\d.*)", re.IGNORECASE
)
_YEARS = re.compile(
    r"(?P<start>\d{4})(?:\s*(?:-|–|—|/|tot(?: en met)?|t\.?e\.?m\.?|t/m)\s*'?(?P<end>\d{4}|\d{2}))?\s*\.?",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(?:beeld|foto|afbeelding)\s*(?::|via\b)|\(?\s*lees verder onder de (?:afbeelding|foto|video)\b",
    re.IGNORECASE,
)
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
_NETWORK_NAME = re.compile(r"lokaal\s+netwerk\s+\S", re.IGNORECASE)
_GOALS_WORD = re.compile(r"doelstelling", re.IGNORECASE)
_AT_SIGN = re.compile(r"@|\[\s*at\s*\]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Label:
    kind: _Kind
    label: str  # as written, for warnings and section titles
    value: str = ""
    prefix: str = ""  # text before a label that ends a paragraph
    soft: bool = False  # a known section title without colon: inside the goals it is a goal


@dataclass(frozen=True, slots=True)
class _Context:
    """What label recognition needs to know about the profile: its municipality names."""

    municipalities: frozenset[str]


def _label_key(text: str) -> str:
    return _fold(text.replace("&", " en ")).rstrip(" .")


def _label_kind(text: str, context: _Context) -> _Kind | None:
    key = _label_key(text)
    if key in _LABELS:
        return _LABELS[key]
    match = _ACTIONS_LABEL.fullmatch(key)
    if match and _known_qualifier(match.group("who"), context):
        return _Kind.GOALS if match.group("goals") else _Kind.ACTIONS
    return None


def _known_qualifier(who: str | None, context: _Context) -> bool:
    """ "van Dilbeek", "van het netwerk": a qualifier that adds nothing the record lacks."""
    if who is None:
        return True
    who = re.sub(r"^(?:de gemeente|de stad|het lokaal netwerk|het netwerk|ons netwerk)\s*", "", who)
    return not who or who in context.municipalities


def _period_label(line: _Line) -> _Label | None:
    match = _PERIOD_LINE.fullmatch(line.text)
    if not match:
        return None
    words = _label_key(match.group("label")).replace("afsprakennota's", "afsprakennota").split()
    if not all(
        w in _PERIOD_WORDS or w in _ORDINALS or _ordinal_number(w) or w == "afsprakennota"
        for w in words
    ):
        return None
    value = match.group("value")
    if value is None and match.group("bare") is None and line.bullet:
        return None  # a bullet label needs its value
    return _Label(
        _Kind.PERIOD,
        match.group("label"),
        (value if value is not None else match.group("bare") or "").strip(),
    )


def _ordinal_number(word: str) -> int | None:
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
        and not _GOALS_WORD.search(title)
        and not _AT_SIGN.search(title)
    )


def _classify(line: _Line, blank_before: bool, context: _Context) -> _Label | None:
    """The label a line starts (or ends with), or None for ordinary text."""
    text = line.text
    period = _period_label(line)
    if period:
        return period
    amount = _AMOUNT_LINE.fullmatch(text)
    if amount:
        return _Label(_Kind.AMOUNT, amount.group("label"), amount.group("value"))
    if ":" in text:
        head, value = text.split(":", 1)
        kind = _label_kind(head, context)
        if kind and (not line.bullet or kind in _BULLET_KINDS):
            return _Label(kind, head.strip(), value.strip())
    if line.bullet:
        return None
    kind = _label_kind(text, context)
    if kind:
        return _Label(kind, text)
    if text.endswith(":"):
        trailing = _TRAILING_LABEL.search(text[-200:])
        if trailing:
            kind = _label_kind(trailing.group("label"), context)
            prefix = text[: len(text) - len(trailing.group(0))].strip()
            if kind and prefix:
                return _Label(kind, trailing.group("label"), "", prefix)
    if blank_before and _is_generic_heading(text):
        return _Label(_Kind.SECTION, text[:-1].rstrip())
    if blank_before and _label_key(text) in _SECTION_TITLES:
        return _Label(_Kind.SECTION, text, soft=True)
    return None


# ---------------------------------------------------------------------------------------------
# Pass 2: head and blocks
# ---------------------------------------------------------------------------------------------


@dataclass
class _Head:
    title: str = ""
    captions: list[str] = field(default_factory=list)
    network_names: list[str] = field(default_factory=list)
    signals: set[str] = field(default_factory=set)
    body_start: int = 0


def _item_right_after(lines: Sequence[_Line | None], start: int) -> int | None:
    """Where the ``item_right`` closing the caption that ``item_left`` at ``start`` opens is."""
    seen = 0
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line is None:
            continue
        if _fold(line.text) == "item_right":
            return index
        seen += 1
        if seen > _CAPTIONS_PER_IMAGE:  # further away it closes another image, not this one
            return None
    return None


def _read_head(lines: Sequence[_Line | None]) -> _Head:
    head = _Head()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line is None:
            index += 1
            continue
        key = _fold(line.text)
        if key == "item_left":
            end = _item_right_after(lines, index)
            if end is not None:
                head.captions.extend(caption.text for caption in lines[index + 1 : end] if caption)
                head.signals.add("images")
                index = end + 1
                continue
        if key in ("item_left", "item_right"):
            index += 1
            continue
        if key == "lokaal netwerk":
            head.signals.add("lokaal netwerk")
            index += 1
            continue
        if not head.title:
            head.title = line.text
        elif key == _fold(head.title):
            pass  # the title, repeated below the image
        elif _NETWORK_NAME.match(line.text) and ":" not in line.text and not line.bullet:
            head.network_names.append(line.text)
        elif _CAPTION.match(line.text):
            head.captions.append(line.text)
        else:
            break
        index += 1
    head.body_start = index
    return head


@dataclass
class _Para:
    lines: list[str]
    is_value: bool = False  # the first line is the value written after the label

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class _Item:
    indent: int
    lines: list[str]
    blank_before: bool


@dataclass
class _Bullets:
    items: list[_Item]


_Unit = _Para | _Bullets


@dataclass
class _Block:
    kind: _Kind
    label: str = ""
    value: str = ""
    units: list[_Unit] = field(default_factory=list)
    blank_pending: bool = False

    def add_blank(self) -> None:
        self.blank_pending = True

    def add_line(self, line: _Line) -> None:
        last = self.units[-1] if self.units else None
        if line.bullet:
            item = _Item(line.indent, [line.text], self.blank_pending)
            if isinstance(last, _Bullets):
                last.items.append(item)
            else:
                self.units.append(_Bullets([item]))
        elif isinstance(last, _Bullets) and not self.blank_pending and line.indent > 0:
            last.items[-1].lines.append(line.text)  # an indented line continues the bullet
        elif isinstance(last, _Para) and not self.blank_pending:
            last.lines.append(line.text)
        else:
            self.units.append(_Para([line.text]))
        self.blank_pending = False

    @property
    def empty(self) -> bool:
        return not self.units


def _start_block(label: _Label) -> _Block:
    block = _Block(label.kind, label.label, label.value)
    if label.value:
        block.units.append(_Para([label.value], is_value=True))
    return block


def _read_blocks(
    lines: Sequence[_Line | None], head: _Head, context: _Context
) -> tuple[list[_Block], list[str]]:
    """The body cut into labelled blocks, and the captions found between them."""
    blocks = [_Block(_Kind.INTRO)]
    captions: list[str] = []
    blank_before = True
    index = head.body_start
    while index < len(lines):
        line = lines[index]
        index += 1
        current = blocks[-1]
        if line is None:
            current.add_blank()
            blank_before = True
            continue
        key = _fold(line.text)
        if key == "item_left":
            end = _item_right_after(lines, index - 1)
            if end is not None:
                captions.extend(caption.text for caption in lines[index:end] if caption)
                index = end + 1
            current.add_blank()
            blank_before = True
            continue
        if key == "item_right" or _CAPTION.match(line.text):
            if key != "item_right":
                captions.append(line.text)
            current.add_blank()
            blank_before = True
            continue
        label = _classify(line, blank_before, context)
        blank_before = False
        if label is None or (label.soft and current.kind in (_Kind.GOALS, _Kind.ACTIONS)):
            # Borsbeek's "Ondersteuning voor en door het netwerk" heads a goal, not a section.
            current.add_line(line)
        elif label.prefix and current.kind is _Kind.GOALS and label.kind is _Kind.ACTIONS:
            # "Goal sentence. Een greep uit de acties:" inside the goals: the heading of a goal.
            current.add_line(_Line(label.prefix))
        else:
            if label.prefix:
                current.add_line(_Line(label.prefix))
            blocks.append(_start_block(label))
    return blocks, captions


# ---------------------------------------------------------------------------------------------
# Pass 3: fields
# ---------------------------------------------------------------------------------------------


@dataclass
class _Draft:
    """What the readers found, before it becomes a validated profile."""

    warnings: list[str] = field(default_factory=list)
    vision: list[str] = field(default_factory=list)
    target_group: list[str] = field(default_factory=list)
    meetings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    periods: list[AgreementPeriod] = field(default_factory=list)
    amount: Decimal | None = None
    partners: list[Partner] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    instruments: list[str] | None = None  # None: detect them in the text
    name: str | None = None
    alias: str = ""
    region: str | None = None
    province: tuple[Province | None] | None = None  # set when a "Provincie:" line says it
    municipalities: list[str] | None = None
    kinds: set[_Kind] = field(default_factory=set)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def add_section(self, title: str, body: str) -> None:
        if not title.strip() and not body.strip():
            return
        try:
            self.sections.append(Section(title=title, body=body))
        except ValidationError:
            # A title too long for a title: keep it as the first paragraph instead.
            joined = f"{title}\n\n{body}".strip()
            try:
                self.sections.append(Section(title="", body=joined))
            except ValidationError as error:
                where = _short(title or body, 40)
                raise ProfileTextError(
                    f"De netwerkfiche kan niet bewaard worden: de tekst bij '{where}': "
                    + messages.summary(error, "nl"),
                    f"The profile cannot be stored: the text at '{where}': "
                    + messages.summary(error, "en"),
                ) from None

    def keep(self, title: str, body: str, why: str) -> None:
        """Text a reader could not place: kept as a section under its label, with a warning."""
        self.warn(why)
        self.add_section(title, body)


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _storage_error(error: ValidationError) -> ProfileTextError:
    return ProfileTextError(
        "De netwerkfiche kan niet bewaard worden: " + messages.summary(error, "nl"),
        "The profile cannot be stored: " + messages.summary(error, "en"),
    )


# --- prose -----------------------------------------------------------------------------------


def _render_bullets(bullets: _Bullets) -> str:
    indents = sorted({item.indent for item in bullets.items})
    rendered: list[str] = []
    for item in bullets.items:
        pad = "  " * indents.index(item.indent)
        rendered.append(f"{pad}• {item.lines[0]}")
        rendered.extend(f"{pad}  {line}" for line in item.lines[1:])
    return "\n".join(rendered)


def _introduces_goals(para: _Para) -> bool:
    last = para.lines[-1]
    return last.endswith(":") and bool(_GOALS_WORD.search(last))


def _prose(units: Sequence[_Unit], draft: _Draft) -> str:
    """Paragraphs and lists as one text; a list introduced as goals becomes goals."""
    parts: list[str] = []
    index = 0
    while index < len(units):
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else None
        if isinstance(unit, _Para):
            parts.append(unit.text)
            if isinstance(following, _Bullets) and _introduces_goals(unit):
                draft.goals.extend(_goals_from_bullets(following, draft))
                draft.warn(f"Doelstellingen gelezen uit de lijst na '{_short(unit.lines[-1])}'.")
                index += 2
                continue
        else:
            parts.append(_render_bullets(unit))
        index += 1
    return "\n\n".join(parts)


def _is_heading_like(para: _Para) -> bool:
    """ "Werking lokaal netwerk": a short title of its own, not a sentence."""
    text = para.text
    return (
        len(para.lines) == 1
        and 1 <= len(text.split()) <= 8
        and len(text) <= 80
        and text[-1] not in ".!?;,:…"
        and text[:1].isupper()
    )


def _is_prose(para: _Para) -> bool:
    text = para.text
    return text[-1] in ".!?…)" or len(text.split()) > 12


def _free_text(units: Sequence[_Unit], draft: _Draft, title: str) -> None:
    """Text after a block's own content: sections, each under a short heading or the label."""
    current_title, title_is_text = title, False
    body: list[_Unit] = []

    def flush() -> None:
        text = _prose(body, draft)
        if text or title_is_text:
            draft.add_section(current_title, text)

    for index, unit in enumerate(units):
        if isinstance(unit, _Para) and _is_heading_like(unit) and index + 1 < len(units):
            flush()
            current_title, title_is_text, body = unit.text, True, []
        else:
            body.append(unit)
    flush()


def _take_value(block: _Block) -> tuple[str, list[_Unit]]:
    """The value of a one-value label (same line or next line) and the units after it."""
    units = list(block.units)
    if not units or not isinstance(units[0], _Para):
        return "", units
    first = units.pop(0)
    assert isinstance(first, _Para)
    if len(first.lines) > 1:
        units.insert(0, _Para(first.lines[1:]))
    return first.lines[0], units


# --- lists: goals, actions -------------------------------------------------------------------


@dataclass
class _Node:
    lines: list[str]
    blank_before: bool
    children: list[_Node] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def flattened(self) -> list[_Node]:
        return [node for child in self.children for node in (child, *child.flattened())]


def _tree(bullets: _Bullets) -> list[_Node]:
    """Bullets as a tree: deeper indentation is a deeper level, whatever the number of spaces."""
    # Goal, action, sub-action: deeper levels than that hang under the last sub-action level
    # (which also keeps the tree shallow, whatever the indentation of a hostile text).
    levels = {
        indent: min(level, _DEEPEST_LEVEL)
        for level, indent in enumerate(sorted({i.indent for i in bullets.items}))
    }
    roots: list[_Node] = []
    stack: list[tuple[int, _Node]] = []
    for item in bullets.items:
        level = levels[item.indent]
        node = _Node(list(item.lines), item.blank_before)
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(node)
        stack.append((level, node))
    return roots


def _adopt_after_colon(nodes: list[_Node]) -> list[_Node]:
    """A bullet ending in ':' introduces the bullets directly below it as its sub-items.

    The group ends at a blank line or at the next bullet that itself ends in a colon, so a
    writer can put a blank line after a colon bullet that has no sub-items.
    """
    result: list[_Node] = []
    index = 0
    while index < len(nodes):
        node = nodes[index]
        result.append(node)
        index += 1
        if node.children or not node.text.endswith(":"):
            continue
        while (
            index < len(nodes)
            and not nodes[index].blank_before
            and not (nodes[index].text.endswith(":") and not nodes[index].children)
        ):
            node.children.append(nodes[index])
            index += 1
    return result


def _actions_from_nodes(nodes: list[_Node], draft: _Draft) -> list[Action]:
    actions: list[Action] = []
    for node in _adopt_after_colon(nodes):
        children = [SubAction(text=child.text) for child in node.flattened()]
        try:
            actions.append(Action(text=node.text, children=children))
        except ValidationError:
            draft.keep(
                "Acties", _render_nodes([node]), f"Actie niet gelezen: '{_short(node.text)}'."
            )
    return actions


def _render_nodes(nodes: Iterable[_Node], depth: int = 0) -> str:
    lines: list[str] = []
    for node in nodes:
        lines.append("  " * depth + "• " + node.text)
        if node.children:
            lines.append(_render_nodes(node.children, depth + 1))
    return "\n".join(lines)


def _goals_from_bullets(bullets: _Bullets, draft: _Draft) -> list[Goal]:
    goals: list[Goal] = []
    for node in _adopt_after_colon(_tree(bullets)):
        goal = _goal(node.text, _actions_from_nodes(node.children, draft), draft)
        if goal:
            goals.append(goal)
    return goals


def _goal(title: str, actions: list[Action], draft: _Draft) -> Goal | None:
    try:
        return Goal(title=title, actions=actions)
    except ValidationError:
        body = "\n".join([title, *(f"• {action.text}" for action in actions)])
        draft.keep("Doelstellingen", body, f"Doelstelling niet gelezen: '{_short(title)}'.")
        return None


def _read_goals(block: _Block, draft: _Draft) -> None:
    """Goal headings with bullets, a flat or multi-level list, or both; a short heading with prose
    after it ends the goals (Wevelgem's "Werking lokaal netwerk")."""
    units = block.units
    index = 0
    while index < len(units):
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else None
        if isinstance(unit, _Bullets):
            draft.goals.extend(_goals_from_bullets(unit, draft))
        elif isinstance(following, _Bullets):
            goal = _goal(unit.text, _actions_from_nodes(_tree(following), draft), draft)
            if goal:
                draft.goals.append(goal)
            index += 1
        elif _is_heading_like(unit) and isinstance(following, _Para) and _is_prose(following):
            _free_text(units[index:], draft, "")
            return
        else:
            goal = _goal(unit.text, [], draft)
            if goal:
                draft.goals.append(goal)
        index += 1


def _read_actions(block: _Block, draft: _Draft) -> None:
    units = block.units
    index = 0
    while index < len(units):
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else None
        if isinstance(unit, _Bullets):
            draft.actions.extend(_actions_from_nodes(_tree(unit), draft))
        elif isinstance(following, _Bullets):
            # A paragraph with a list under it: an action with its sub-actions.
            draft.actions.extend(
                _actions_from_nodes([_Node(unit.lines, True, _tree(following))], draft)
            )
            index += 1
        elif _is_heading_like(unit) and isinstance(following, _Para) and _is_prose(following):
            _free_text(units[index:], draft, "")
            return
        else:
            draft.actions.extend(_actions_from_nodes([_Node(unit.lines, True)], draft))
        index += 1


# --- partners --------------------------------------------------------------------------------


def _top_level_positions(text: str) -> list[int]:
    """For each character, how deep it is in matched brackets (a stray bracket counts for nothing)."""
    change = [0] * (len(text) + 1)
    opened: list[int] = []
    for position, char in enumerate(text):
        if char in "([":
            opened.append(position)
        elif char in ")]" and opened:
            change[opened.pop()] += 1
            change[position + 1] -= 1
    return list(accumulate(change[:-1]))


def _find_top_level(text: str, separators: Sequence[str]) -> tuple[int, str] | None:
    """The first separator outside parentheses: (position, separator)."""
    depths = _top_level_positions(text)
    best: tuple[int, str] | None = None
    for separator in separators:
        start = 0
        while (position := text.find(separator, start)) >= 0:
            if depths[position] == 0:
                if best is None or position < best[0]:
                    best = (position, separator)
                break
            start = position + 1
    return best


def _split_top_level(text: str, separator_pattern: str) -> list[str]:
    depths = _top_level_positions(text)
    parts, start = [], 0
    for match in re.finditer(separator_pattern, text):
        if depths[match.start()] == 0:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _split_list(text: str) -> list[str]:
    """ "a, b (x, y) en c" -> [a, b (x, y), c]: commas and the final "en", never inside brackets."""
    items = _split_top_level(text, r"[,;]")
    if items:
        last = re.sub(r"^(?:en|and|&)\s+", "", items.pop())
        depths = _top_level_positions(last)
        joints = [m for m in re.finditer(r" (?:en|&) ", last) if depths[m.start()] == 0]
        if joints:
            joint = joints[-1]
            items.extend(
                part
                for part in (last[: joint.start()].strip(), last[joint.end() :].strip())
                if part
            )
        elif last:
            items.append(last)
    return items


def _name_and_parenthesis(text: str) -> tuple[str, str]:
    """ "vzw Horizont (Rap op Stap)" -> ("vzw Horizont", "Rap op Stap")."""
    match = re.fullmatch(
        r"(?P<name>.*?\S)\s*\((?P<description>[^()]*(?:\([^()]*\)[^()]*)*)\)", text
    )
    if match:
        return match.group("name"), match.group("description").strip()
    return text, ""


def _partners_from_list(text: str) -> list[tuple[str, str]]:
    """A comma list; a description after a colon or dash belongs to the last partner before it."""
    found = _find_top_level(text, (": ", " – ", " — "))
    head, tail = (
        (text[: found[0]], text[found[0] + len(found[1]) :].strip()) if found else (text, "")
    )
    names = _split_list(head)
    partners = [_name_and_parenthesis(name) for name in names]
    if tail and names:
        partners[-1] = (names[-1], tail)
    elif tail:
        partners.append(("", tail))
    return partners


# In order of preference: the writer uses the en dash, so a hyphen in a name stays in the name.
_BULLET_SEPARATORS = (" – ", " — ", " - ", ": ")


def _partner_from_lines(lines: Sequence[str]) -> tuple[str, str]:
    """A partner bullet: "name – description", "name (description)", more lines = description.

    A trailing en dash ("name –") says explicitly that there is no description, so a name with
    a hyphen or parentheses in it can be written and read back whole.
    """
    first, more = lines[0], list(lines[1:])
    depths = _top_level_positions(first)
    found = next((f for s in _BULLET_SEPARATORS if (f := _find_top_level(first, (s,)))), None)
    if first.endswith(" –") and depths[-1] == 0:
        name, description = first[:-2].strip(), ""
    elif found:
        name, description = first[: found[0]].strip(), first[found[0] + len(found[1]) :].strip()
    else:
        name, description = _name_and_parenthesis(first)
    return name, "\n".join([description, *more] if description else more)


def _list_parts(units: Sequence[_Unit]) -> tuple[_Para | None, list[_Item], list[_Unit]]:
    """A list block: its leading paragraph (a comma list), the bullets after it, and the rest."""
    index = 0
    para: _Para | None = None
    first = units[0] if units else None
    if isinstance(first, _Para):
        para, index = first, 1
    items: list[_Item] = []
    while index < len(units) and isinstance(bullets := units[index], _Bullets):
        items.extend(bullets.items)
        index += 1
    return para, items, list(units[index:])


def _read_partners(block: _Block, draft: _Draft) -> None:
    para, items, units = _list_parts(block.units)
    found = _partners_from_list(" ".join(para.lines)) if para else []
    found.extend(_partner_from_lines(item.lines) for item in items)
    for name, description in found:
        try:
            draft.partners.append(Partner(name=name, description=description))
        except ValidationError:
            text = f"{name} – {description}" if description else name
            draft.keep(block.label, text, f"Partner niet gelezen: '{_short(text)}'.")
    _free_text(units, draft, block.label)


# --- contacts --------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?P<local>[\w.+'%-]+)\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|@)\s*(?P<domain>[\w-]+(?:\.[\w-]+)+)",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\w@.])(?:\+|0)[\d ()/.\-]*\d")
_CONTACT_FIELD = re.compile(
    r"(?P<key>naam|functie|rol|organisatie|dienst|e-?mail|mail|telefoon|tel\.?|gsm)\s*:\s*(?P<value>.*)",
    re.IGNORECASE,
)
_CONTACT_KEYS = {
    "naam": "name",
    "functie": "role",
    "rol": "role",
    "organisatie": "organisation",
    "dienst": "organisation",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "telefoon": "phone",
    "tel": "phone",
    "tel.": "phone",
    "gsm": "phone",
}
_NAME_PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "ten",
    "ter",
    "te",
    "het",
    "'t",
    "d'",
    "le",
    "la",
    "du",
    "da",
    "di",
    "von",
    "vanden",
    "vander",
    "vande",
}
_ContactFields = dict[str, str]


def _deobfuscate(text: str) -> str:
    return _EMAIL.sub(lambda m: f"{m.group('local')}@{m.group('domain')}", text)


def _looks_like_name(piece: str, email: str) -> bool:
    words = piece.split()
    if not words or len(words) > 5 or any(char.isdigit() for char in piece):
        return False
    local = _fold(email.split("@")[0])
    if local and any(len(word) >= 3 and _fold(word) in local for word in words):
        return True
    significant = [word for word in words if word.casefold() not in _NAME_PARTICLES]
    return len(words) >= 2 and bool(significant) and all(word[:1].isupper() for word in significant)


def _compact_contact(text: str) -> _ContactFields:
    """ "Bas Dhoey, diensthoofd, bas.dhoey [at] borsbeek.be, 03 320 94 09", in any order."""
    fields = dict.fromkeys(("name", "role", "organisation", "email", "phone"), "")
    email = _EMAIL.search(text)
    if email:
        fields["email"] = f"{email.group('local')}@{email.group('domain')}"
        text = text[: email.start()] + " , " + text[email.end() :]
    phone = next(
        (m for m in _PHONE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 8), None
    )
    if phone:
        fields["phone"] = phone.group().strip()
        text = text[: phone.start()] + " , " + text[phone.end() :]
    in_parentheses = [m.group(1).strip() for m in re.finditer(r"\(([^()]*)\)", text)]
    text = re.sub(r"\([^()]*\)", " , ", text)
    pieces = [p.strip(" :.") for p in re.split(r"[,;|]| [-–—] ", text)]
    pieces = [p for p in pieces if p and any(char.isalnum() for char in p)]
    # A text in parentheses qualifies the contact ("(Diensthoofd Sociale Zaken)"): never the name.
    if pieces and (_looks_like_name(pieces[0], fields["email"]) or not fields["email"]):
        fields["name"] = pieces.pop(0)  # without an address, the first piece is the best guess
    pieces += [p for p in in_parentheses if p]
    if pieces:
        fields["role"] = pieces.pop(0)
    fields["organisation"] = ", ".join(pieces)
    return fields


def _contact_fields(lines: Sequence[str]) -> _ContactFields:
    """Compact lines and labelled lines ("Naam: ...", "E-mail: ...") of one contact."""
    labelled: _ContactFields = {}
    free: list[str] = []
    for line in lines:
        match = _CONTACT_FIELD.fullmatch(line)
        key = _CONTACT_KEYS.get(match.group("key").casefold()) if match else None
        if match and key:
            value = match.group("value").strip()
            value = _deobfuscate(value) if key == "email" else value
            labelled[key] = f"{labelled[key]}, {value}" if labelled.get(key) else value
        else:
            free.append(line)
    fields = (
        _compact_contact(", ".join(free))
        if free
        else dict.fromkeys(("name", "role", "organisation", "email", "phone"), "")
    )
    for key, value in labelled.items():
        fields[key] = f"{fields[key]}, {value}" if fields[key] and value else value or fields[key]
    return fields


def _read_contacts(block: _Block, draft: _Draft) -> None:
    groups: list[list[str]] = []
    for unit in block.units:
        if isinstance(unit, _Para):
            groups.append(unit.lines)
        else:
            groups.extend(item.lines for item in unit.items)
    for lines in groups:
        text = "\n".join(lines)
        if len(text) > _MAX_VALUE_CHARS:
            draft.keep(block.label, text, f"Contactgegevens niet herkend: '{_short(text)}'.")
            continue
        fields = _contact_fields(lines)
        try:
            if _AT_SIGN.search(text) and not fields["email"]:
                raise ValueError("an address that is cut off or malformed")
            draft.contacts.append(Contact(**fields))
        except (ValidationError, ValueError):
            draft.keep(block.label, text, f"Contactgegevens niet herkend: '{_short(text)}'.")


# --- one-value labels ------------------------------------------------------------------------


def _read_period(block: _Block, draft: _Draft) -> None:
    value, rest = _take_value(block)
    words = _label_key(block.label).split()
    ordinal = next((n for w in words if (n := _ordinal_number(w))), None)
    years = _YEARS.fullmatch(value.strip())
    written = f"{block.label}: {value}".strip()
    if not years:
        draft.keep(block.label, value, f"Periode niet gelezen: '{_short(written)}'.")
    else:
        start = int(years.group("start"))
        end_text = years.group("end") or years.group("start")
        end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
        used = {period.ordinal for period in draft.periods}
        if ordinal is None:
            ordinal = max(used, default=0) + 1
            draft.warn(
                f"Volgnummer van de afsprakennota afgeleid ({ordinal}): '{_short(written)}'."
            )
        try:
            if ordinal in used:
                raise PydanticCustomError(
                    "ordinal_unique", "two agreement periods have the same number"
                )
            draft.periods.append(AgreementPeriod(ordinal=ordinal, start_year=start, end_year=end))
        except (ValidationError, PydanticCustomError):
            draft.keep(block.label, value, f"Periode niet gelezen: '{_short(written)}'.")
    _free_text(rest, draft, block.label)


# An amount inside a longer text: "6 613 euro per jaar", "€ 17.641 (2019)".
_AMOUNT_IN_TEXT = re.compile(
    r"(?:€\s*)?(?<![\d.,])(?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:,\d{1,2})?(?![\d.,]\d)\s*(?:euro\b|eur\b|€)"
    r"|€\s*(?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:,\d{1,2})?",
    re.IGNORECASE,
)


def _euro(text: str) -> Decimal | None:
    try:
        return parse_euro(text)
    except (PydanticCustomError, ValueError):
        return None


def _read_amount(block: _Block, draft: _Draft) -> None:
    value, rest = _take_value(block)
    if len(value) > _MAX_VALUE_CHARS:
        amount, exact = None, False
    elif (amount := _euro(value)) is not None:
        exact = True
    else:
        found = _AMOUNT_IN_TEXT.search(value)
        amount, exact = (_euro(found.group()) if found else None), False
    if amount is not None and draft.amount not in (None, amount):
        draft.keep(
            block.label, value, f"Tweede trekkingsrecht als tekst bewaard: '{_short(value)}'."
        )
    elif amount is None:
        draft.keep(block.label, value, f"Trekkingsrecht niet gelezen: '{_short(value)}'.")
    else:
        draft.amount = amount
        if not exact:  # the words around the amount are kept too
            draft.keep(
                block.label,
                value,
                f"Trekkingsrecht gelezen uit '{_short(value)}'; de tekst is bewaard.",
            )
    _free_text(rest, draft, block.label)


def _tags(text: str) -> list[str] | None:
    """ "UiTPAS, Rap op Stap" as tags; None when it is a sentence rather than a list."""
    tags = [tag.strip() for tag in text.split(",")]
    if all(0 < len(tag) <= 120 and len(tag.split()) <= 6 and not tag.endswith(".") for tag in tags):
        return tags
    return None


def _read_instruments(block: _Block, draft: _Draft) -> None:
    """Tags as a comma list or bullets; "Instrumenten:" alone says there are none; prose under
    the label stays text (and the passes it names are then detected as usual)."""
    para, items, rest = _list_parts(block.units)
    listed = _tags(para.lines[0]) if para and para.is_value and len(para.lines) == 1 else None
    if para is not None and listed is None:
        _free_text(block.units, draft, block.label)
        return
    tags = [*(listed or []), *(" ".join(item.lines) for item in items)]
    draft.instruments = [*(draft.instruments or []), *tags]
    _free_text(rest, draft, block.label)


def _read_single_line(block: _Block, draft: _Draft) -> None:
    value, rest = _take_value(block)
    if block.kind is _Kind.NAME:
        draft.name = value
    elif block.kind is _Kind.ALIAS:
        draft.alias = value
    elif block.kind is _Kind.REGION:
        draft.region = value
    elif block.kind is _Kind.PROVINCE:
        if _fold(value) in ("", "onbekend", "geen", "-"):
            draft.province = (None,)
        elif (province := _match_province(value)) is not None:
            draft.province = (province,)
        else:
            draft.keep(block.label, value, f"Onbekende provincie: '{_short(value)}'.")
    _free_text(rest, draft, block.label)


def _read_municipalities(block: _Block, draft: _Draft) -> None:
    para, items, units = _list_parts(block.units)
    names = _split_list(" ".join(para.lines)) if para else []
    names.extend(" ".join(item.lines) for item in items)
    if names:
        draft.municipalities = (draft.municipalities or []) + names
    _free_text(units, draft, block.label)


def _read_rubric(block: _Block, draft: _Draft) -> None:
    units = list(block.units)
    title = ""
    if units and isinstance(units[0], _Para) and units[0].is_value:
        first = units.pop(0)
        assert isinstance(first, _Para)
        title = first.lines[0]
        if len(first.lines) > 1:
            units.insert(0, _Para(first.lines[1:]))
    body = _prose(units, draft)
    if title or body:
        draft.add_section(title, body)


def _read_block(block: _Block, draft: _Draft) -> None:
    draft.kinds.add(block.kind)
    kind = block.kind
    if kind is _Kind.INTRO:
        text = _prose(block.units, draft)
        if text:
            draft.vision.append(text)
            draft.warn("De eerste alinea zonder titel is als visie gelezen.")
    elif kind in (_Kind.VISION, _Kind.TARGET, _Kind.MEETINGS, _Kind.NOTES):
        text = _prose(block.units, draft)
        target = {
            _Kind.VISION: draft.vision,
            _Kind.TARGET: draft.target_group,
            _Kind.MEETINGS: draft.meetings,
            _Kind.NOTES: draft.notes,
        }[kind]
        if text:
            target.append(text)
    elif kind is _Kind.SECTION:
        draft.add_section(block.label, _prose(block.units, draft))
    elif kind is _Kind.RUBRIC:
        _read_rubric(block, draft)
    elif kind is _Kind.PERIOD:
        _read_period(block, draft)
    elif kind is _Kind.AMOUNT:
        _read_amount(block, draft)
    elif kind is _Kind.PARTNERS:
        _read_partners(block, draft)
    elif kind is _Kind.GOALS:
        _read_goals(block, draft)
    elif kind is _Kind.ACTIONS:
        _read_actions(block, draft)
    elif kind is _Kind.CONTACTS:
        _read_contacts(block, draft)
    elif kind is _Kind.INSTRUMENTS:
        _read_instruments(block, draft)
    elif kind is _Kind.MUNICIPALITIES:
        _read_municipalities(block, draft)
    else:
        _read_single_line(block, draft)


# ---------------------------------------------------------------------------------------------
# Title, province, name, instruments
# ---------------------------------------------------------------------------------------------


def _match_province(text: str) -> Province | None:
    try:
        province = province_from_text(text)
    except (PydanticCustomError, ValueError):
        return None
    return province if isinstance(province, Province) else None


@dataclass(frozen=True, slots=True)
class _Title:
    municipalities: list[str]
    province: Province | None
    region: str


def _parse_title(title: str) -> _Title:
    """ "Wevelgem (West Vlaanderen)", "Borsbeek", "Beersel, Drogenbos en Linkebeek"."""
    text, province, region = title.strip(), None, ""
    match = re.fullmatch(r"(?P<names>.*?\S)\s*\((?P<paren>[^()]*)\)", text)
    if match:
        province = _match_province(match.group("paren"))
        if province is not None:
            text = match.group("names")
        elif find_municipality(text) is None:  # "Beveren (Sint-Niklaas)" is a name as such
            text, region = match.group("names"), match.group("paren").strip()
    text = re.sub(r"^lokaal\s+netwerk\s+", "", text, flags=re.IGNORECASE) or text
    parts = _split_list(text)
    if len(parts) > 1 and all(find_municipality(part) for part in parts):
        return _Title(parts, province, region)
    return _Title([text], province, region)


def _plausible_title(text: str) -> bool:
    return (
        0 < len(text) <= 120
        and len(text.split()) <= 12
        and ":" not in text
        and not _AT_SIGN.search(text)
        and text[-1] not in ".!?;,"
    )


def _inferred_province(municipality: str, draft: _Draft | None) -> Province | None:
    found = find_municipality(municipality)
    if found is None:
        if draft:
            draft.warn(
                f"Gemeente '{_short(municipality)}' niet gevonden in de referentielijst; provincie onbekend."
            )
        return None
    province = _match_province(found.province)
    if draft and province:
        draft.warn(f"Provincie afgeleid uit de gemeente {found.short_name}: {province.value}.")
    return province


def _merger_note(municipality: str, draft: _Draft) -> None:
    found = find_municipality(municipality)
    if found and not found.is_current and found.merged_into:
        merged = by_code(found.merged_into)
        if merged:
            draft.warn(f"{found.short_name} is intussen deel van {merged.short_name}.")


def _inferred_name(captions: Sequence[str], municipality: str) -> str:
    named = next((c for c in captions if _NETWORK_NAME.match(c) and ":" not in c), None)
    return named or default_name(municipality)


_INSTRUMENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (tag, re.compile(pattern, re.IGNORECASE))
    for tag, pattern in (
        ("UiTPAS", r"\buit-?pas(?!s)"),
        ("OK-pas", r"\bok-?pas(?!s)"),
        ("Kansenpas", r"\bkansenpas"),
        ("Rap op Stap", r"\brap op stap\b"),
        ("Paspartoe", r"\bpaspartoe"),
        ("Vrijetijdspas", r"\bvrijetijdspas(?!s)"),
        ("Participatiepas", r"\bparticipatiepas(?!s)"),
    )
)


def detect_instruments(text: str) -> list[str]:
    """The passes and schemes a text mentions, in the order it first mentions them."""
    found = [(m.start(), tag) for tag, pattern in _INSTRUMENTS if (m := pattern.search(text))]
    return [tag for _, tag in sorted(found)]


# ---------------------------------------------------------------------------------------------
# Public API: reading
# ---------------------------------------------------------------------------------------------


def _refuse_unreadable(text: object) -> str:
    if not isinstance(text, str):
        raise ProfileTextError(
            _NOT_A_PROFILE + "de invoer is geen tekst.",
            _NOT_A_PROFILE_EN + "the input is not text.",
        )
    if len(text) > MAX_TEXT_CHARS:
        size = f"{len(text) / 1_000_000:.1f}"
        raise ProfileTextError(
            _NOT_A_PROFILE + f"de tekst is te groot ({size} miljoen tekens, hoogstens 1 miljoen).",
            _NOT_A_PROFILE_EN
            + f"the text is too large ({size} million characters, at most 1 million).",
        )
    if "\x00" in text or _CONTROL.search(text):
        raise ProfileTextError(
            _NOT_A_PROFILE + "het bestand bevat binaire gegevens of stuurtekens.",
            _NOT_A_PROFILE_EN + "the file holds binary data or control characters.",
        )
    if _SURROGATE.search(text):
        raise ProfileTextError(
            _NOT_A_PROFILE + "de tekst bevat ongeldige tekens.",
            _NOT_A_PROFILE_EN + "the text holds invalid characters.",
        )
    if not text.strip():
        raise ProfileTextError(
            _NOT_A_PROFILE + "de tekst is leeg.", _NOT_A_PROFILE_EN + "the text is empty."
        )
    return text


def _looks_truncated(blocks: Sequence[_Block]) -> bool:
    """A text cut off mid-list or mid-sentence. Published profiles end with the contact, so a text
    ending in anything else must end its sentence; a label with nothing after it is cut off."""
    last = next((b for b in reversed(blocks) if not b.empty or b.kind is not _Kind.INTRO), None)
    if last is None:
        return False
    if last.empty:
        return True
    if last.kind is _Kind.CONTACTS:
        return False  # a cut-off address is reported by the contact reader
    unit = last.units[-1]
    text = unit.text if isinstance(unit, _Para) else unit.items[-1].lines[-1]
    return text.count("(") > text.count(")") or text[-1] not in ".!?…)\"'"


def parse_profile(text: str, file_name: str = "") -> ParseResult:
    """Read a published profile text into a record; raise :class:`ProfileTextError` if it is none.

    Every guess (province inferred, vision without a label, unknown period label, text kept as a
    section, ...) is reported in the result's warnings, in Dutch.
    """
    raw = _refuse_unreadable(text)
    lines = _split_lines(raw)
    head = _read_head(lines)
    if not _plausible_title(head.title):
        raise ProfileTextError(
            _NOT_A_PROFILE + "de eerste regel is geen titel met de naam van de gemeente.",
            _NOT_A_PROFILE_EN + "the first line is not a title naming the municipality.",
        )
    title = _parse_title(head.title)
    context = _Context(frozenset(_fold(name) for name in title.municipalities))
    blocks, body_captions = _read_blocks(lines, head, context)
    draft = _Draft()
    for block in blocks:
        _read_block(block, draft)
    signals = head.signals | {kind.value for kind in draft.kinds & _PROFILE_KINDS}
    if len(signals) < 2:
        raise ProfileTextError(
            _NOT_A_PROFILE + "geen herkenbare rubrieken (Partners, Trekkingsrecht, Doelstellingen, "
            "Contactpersoon, ...) en geen kop 'Lokaal Netwerk'.",
            _NOT_A_PROFILE_EN + "no recognisable parts (Partners, Trekkingsrecht, Doelstellingen, "
            "Contactpersoon, ...) and no 'Lokaal Netwerk' heading.",
        )
    if _looks_truncated(blocks):
        draft.warn("De tekst lijkt afgebroken: hij eindigt midden in een zin of lijst.")
    return ParseResult(_assemble(raw, file_name, head, title, body_captions, draft), draft.warnings)


def _assemble(
    raw: str, file_name: str, head: _Head, title: _Title, body_captions: list[str], draft: _Draft
) -> NetworkProfile:
    municipalities = draft.municipalities or title.municipalities
    if draft.province is not None:
        province = draft.province[0]
    elif title.province is not None:
        province = title.province
    else:
        province = _inferred_province(municipalities[0], draft)
    _merger_note(municipalities[0], draft)
    if draft.region is None and title.region:
        draft.warn(f"'{_short(title.region)}' uit de titel is als regio bewaard.")
    captions = [*head.captions, *body_captions]
    name = draft.name or _inferred_name([*head.network_names, *head.captions], municipalities[0])
    instruments = draft.instruments
    if instruments is None:
        instruments = detect_instruments(_body_text(raw, head))
        if instruments:
            draft.warn("Instrumenten herkend in de tekst: " + ", ".join(instruments) + ".")
    try:
        return NetworkProfile(
            name=name,
            alias=draft.alias,
            municipalities=municipalities,
            province=province,
            region=title.region if draft.region is None else draft.region,
            vision="\n\n".join(draft.vision),
            target_group="\n\n".join(draft.target_group),
            agreement_periods=draft.periods,
            drawing_right_eur=draft.amount,
            instruments=instruments,
            partners=draft.partners,
            goals=draft.goals,
            actions=draft.actions,
            meetings="\n\n".join(draft.meetings),
            contacts=draft.contacts,
            sections=draft.sections,
            captions=captions,
            notes="\n\n".join(draft.notes),
            source=Source(file_name=file_name, imported_at=datetime.now(UTC), raw_text=raw),
        )
    except ValidationError as error:
        raise _storage_error(error) from None


def _body_text(raw: str, head: _Head) -> str:
    """The text after the head, normalised, for detecting instruments."""
    lines = _split_lines(raw)[head.body_start :]
    return "\n".join(line.text for line in lines if line and not _CAPTION.match(line.text))


def parse_profile_file(path: str | PathLike[str]) -> ParseResult:
    """Read a profile text file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    file = Path(path)
    try:
        # A device or a named pipe (/dev/zero, a FIFO) would be read forever or never answer.
        if require_regular_file(file).st_size > 4 * MAX_TEXT_CHARS:
            raise ProfileTextError(
                _NOT_A_PROFILE + "het bestand is te groot (hoogstens 1 MB tekst).",
                _NOT_A_PROFILE_EN + "the file is too large (at most 1 MB of text).",
            )
        with file.open("rb") as handle:
            data = handle.read(4 * MAX_TEXT_CHARS + 1)  # a file growing meanwhile stays bounded
    except NotARegularFileError:
        raise ProfileTextError(*regular_file_sentence(file)) from None
    except OSError as error:
        raise ProfileTextError(
            f"Kan het bestand niet lezen: {error.strerror or error}.",
            f"Cannot read the file: {error.strerror or error}.",
        ) from None
    text, note = _decode(data)
    result = parse_profile(text, file.name)
    if note:
        result.warnings.insert(0, note)
    return result


def _decode(data: bytes) -> tuple[str, str]:
    """The text of a file and a warning when its encoding was a guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        try:
            return data.decode("utf-8-sig"), ""
        except UnicodeDecodeError:
            try:
                return data.decode(
                    "cp1252"
                ), "Het bestand is gelezen als Windows-1252 (geen UTF-8)."
            except UnicodeDecodeError:
                pass
    raise ProfileTextError(
        _NOT_A_PROFILE
        + "het bestand is geen tekstbestand (binaire gegevens of onbekende tekenset).",
        _NOT_A_PROFILE_EN + "the file is not a text file (binary data or unknown encoding).",
    )


# ---------------------------------------------------------------------------------------------
# Public API: writing
# ---------------------------------------------------------------------------------------------

_BULLET_PAD = "  "
_CHILD_STEP = "    "


def _compose_title(municipalities: Sequence[str], province: Province | None) -> str:
    names = (
        municipalities[0]
        if len(municipalities) == 1
        else (", ".join(municipalities[:-1]) + " en " + municipalities[-1])
    )
    return f"{names} ({province.value})" if province else names


def _bullet(text: str, depth: int = 0) -> list[str]:
    """A bullet with its further lines indented under it (read back as its continuation)."""
    pad = _BULLET_PAD + _CHILD_STEP * depth
    first, *more = text.split("\n")
    return [f"{pad}• {first}", *(f"{pad}  {line}" for line in more)]


def _labelled(label: str, text: str) -> str:
    return f"{label}: {text}" if text else f"{label}:"


def _format_amount(amount: Decimal) -> str:
    cents = amount.quantize(Decimal("0.01"))
    whole, fraction = divmod(cents, 1)
    text = group_thousands(int(whole))
    if fraction:
        text += "," + f"{int(fraction * 100):02d}"
    return f"{text} euro"


def _format_period(period: AgreementPeriod) -> str:
    years = (
        str(period.start_year)
        if period.start_year == period.end_year
        else f"{period.start_year}-{period.end_year}"
    )
    return f"Periode {_ORDINAL_WORDS[period.ordinal]} afsprakennota: {years}"


def _write_head(profile: NetworkProfile) -> tuple[list[str], list[str]]:
    """The page head (title, images, "Lokaal Netwerk") and the labelled lines the title cannot say."""
    title = _compose_title(profile.municipalities, profile.province)
    if (
        not _plausible_title(title)
        or _NETWORK_NAME.match(title)
        or _fold(title) in ("item_left", "item_right")
    ):
        title = "Netwerk"
    read = _parse_title(title)
    # A reader looks a few lines ahead for "item_right": more captions go in more image blocks.
    images = [
        [
            "item_left",
            "\n".join(profile.captions[start : start + _CAPTIONS_PER_IMAGE]),
            "item_right",
        ]
        for start in range(0, max(len(profile.captions), 1), _CAPTIONS_PER_IMAGE)
    ]
    blocks = [title, *(block for image in images for block in image), title, "Lokaal Netwerk"]
    labels: list[str] = []
    expected_name = _inferred_name(profile.captions, profile.municipalities[0])
    if profile.name != expected_name:
        labels.append(f"Netwerknaam: {profile.name}")
    if profile.alias:
        labels.append(f"Eigen naam: {profile.alias}")
    if read.municipalities != list(profile.municipalities):
        labels.append(
            "Gemeenten:\n\n"
            + "\n".join(line for m in profile.municipalities for line in _bullet(m))
        )
    expected_province = read.province or _inferred_province(profile.municipalities[0], None)
    if expected_province != profile.province:
        labels.append(f"Provincie: {profile.province.value if profile.province else 'onbekend'}")
    if profile.region != read.region:
        labels.append(_labelled("Regio", profile.region))
    return [block for block in blocks if block], labels


def _write_partners(partners: Sequence[Partner]) -> str:
    lines = ["Partners:", ""]
    for partner in partners:
        text = f"{partner.name} – {partner.description}" if partner.description else partner.name
        if not partner.description and _partner_from_lines([partner.name]) != (partner.name, ""):
            text = f"{partner.name} –"  # an explicit empty description keeps "(...)" in the name
        lines.extend(_bullet(text))
    return "\n".join(lines)


def _write_actions(actions: Sequence[Action], depth: int) -> list[str]:
    lines: list[str] = []
    for index, action in enumerate(actions):
        if index and actions[index - 1].text.endswith(":") and not actions[index - 1].children:
            lines.append("")  # else the colon would adopt this action as a sub-action
        lines.extend(_bullet(action.text, depth))
        for child in action.children:
            lines.extend(_bullet(child.text, depth + 1))
    return lines


def _is_plain_paragraph(text: str, context: _Context, in_goals: bool = False) -> bool:
    """Whether lines read back as an ordinary paragraph (not a label, heading or caption)."""
    for index, line in enumerate(text.split("\n")):
        parsed = _split_lines(line)[0]
        if parsed is None or parsed.bullet or parsed.text != line or _CAPTION.match(line):
            return False
        if _fold(line) in ("item_left", "item_right"):
            return False
        label = _classify(parsed, index == 0, context)
        if label and not (label.soft and in_goals):
            return False
    return True


def _write_goals(goals: Sequence[Goal], context: _Context) -> str:
    label = (
        "Doelstellingen en acties:" if any(goal.actions for goal in goals) else "Doelstellingen:"
    )
    if all(
        goal.actions and _is_plain_paragraph(goal.title, context, in_goals=True) for goal in goals
    ):
        # The published layout: a goal paragraph with its actions as bullets under it.
        paragraphs = [
            "\n".join([goal.title, "", *_write_actions(goal.actions, 0)]) for goal in goals
        ]
        return "\n\n".join([label, *paragraphs])
    lines = [label, ""]
    for index, goal in enumerate(goals):
        previous = goals[index - 1] if index else None
        if previous and previous.title.endswith(":") and not previous.actions:
            lines.append("")
        lines.extend(_bullet(goal.title))
        lines.extend(_write_actions(goal.actions, 1))
    return "\n".join(lines)


def _write_section(section: Section, context: _Context) -> str:
    heading = f"{section.title}:"
    parsed = _classify(_Line(heading), True, context)
    if section.title and parsed == _Label(_Kind.SECTION, section.title):
        first = heading
    else:
        first = _labelled("Rubriek", section.title)
    return f"{first}\n\n{section.body}" if section.body else first


def _write_contact(contact: Contact) -> str:
    """The published one-line form when it reads back as this contact, else labelled lines."""
    email = contact.email.replace("@", " [at] ")
    in_order = [contact.name, contact.role, contact.organisation, email, contact.phone]
    role_last = [contact.name, contact.organisation, email, contact.phone]
    candidates = [", ".join(piece for piece in in_order if piece)]
    if contact.role:  # "jessy.wandels [at] oudenaarde.be (Diensthoofd Sociale Zaken)"
        candidates.append(", ".join(piece for piece in role_last if piece) + f" ({contact.role})")
    for candidate in candidates:
        try:
            if Contact(**_contact_fields([candidate])) == contact:
                return f"Contactpersoon: {candidate}"
        except ValidationError:
            continue
    values = (
        ("Naam", contact.name),
        ("Functie", contact.role),
        ("Organisatie", contact.organisation),
        ("E-mail", email),
        ("Telefoon", contact.phone),
    )
    return "\n".join(
        ["Contactpersoon:", *(f"{label}: {value}" for label, value in values if value)]
    )


def _write_body(profile: NetworkProfile, context: _Context, instruments: str | None) -> list[str]:
    blocks: list[str] = []
    if profile.vision:
        blocks.append(f"Visie: {profile.vision}")
    if profile.target_group:
        blocks.append(f"Focus doelgroep: {profile.target_group}")
    facts = [_format_period(period) for period in profile.agreement_periods]
    if profile.drawing_right_eur is not None:
        facts.append(f"Trekkingsrecht: {_format_amount(profile.drawing_right_eur)}")
    if facts:
        blocks.append("\n".join(facts))
    if instruments is not None:
        blocks.append(instruments)
    if profile.partners:
        blocks.append(_write_partners(profile.partners))
    if profile.goals:
        blocks.append(_write_goals(profile.goals, context))
    if profile.actions:
        blocks.append("\n".join(["Acties:", "", *_write_actions(profile.actions, 0)]))
    if profile.meetings:
        blocks.append(f"Overlegmomenten: {profile.meetings}")
    blocks.extend(_write_section(section, context) for section in profile.sections)
    blocks.extend(_write_contact(contact) for contact in profile.contacts)
    if profile.notes:
        blocks.append(f"Interne notities: {profile.notes}")
    return blocks


def _write_instruments(instruments: Sequence[str], body: str) -> str | None:
    """The instruments line, or None when reading the body would find exactly these tags."""
    if detect_instruments("\n".join(line.text for line in _split_lines(body) if line)) == list(
        instruments
    ):
        return None
    if any("," in tag for tag in instruments):
        return "\n".join(
            ["Instrumenten:", "", *(line for tag in instruments for line in _bullet(tag))]
        )
    return _labelled("Instrumenten", ", ".join(instruments))


def write_profile(profile: NetworkProfile) -> str:
    """The record as a profile text in the published layout; :func:`parse_profile` reads it back."""
    head, labels = _write_head(profile)
    # Labels are recognised against the municipalities of the title, as when reading.
    context = _Context(frozenset(_fold(name) for name in _parse_title(head[0]).municipalities))
    without = [*labels, *_write_body(profile, context, None)]
    instruments = _write_instruments(profile.instruments, "\n\n".join(without))
    body = (
        without if instruments is None else [*labels, *_write_body(profile, context, instruments)]
    )
    return "\n\n".join([*head, *body]) + "\n"
