"""Personal data in a record: who a contact person is, where their name, e-mail address and
phone number occur, and the two ways to take them out.

* **Erasing one person** (GDPR art. 17): :class:`PersonMatcher` finds that person's names,
  e-mail addresses and phone numbers in any text and replaces them with :data:`REDACTED`;
  :func:`erase_from_record` does that over a whole record (its JSON dict, the form every stored
  version has too) and removes the person's entries from its contacts.
* **Without personal data** (a file for someone who should not receive it):
  :class:`PersonalDataFilter` keeps each contact's role and organisation but replaces every
  contact name, and drops every e-mail address and phone number, also inside free texts (every
  address and number that looks like one, and every name known as a contact anywhere).

Both work on the record's JSON dict (``NetworkProfile.model_dump(mode="json")``), so the same
function serves the live record, each stored version of its history and an exported copy. Pure
functions: no storage here. Matching is linear in the text (a word index, not one regular
expression per name), so a filter that knows thirty thousand names still reads a record in
milliseconds.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from db.model.schemas import NetworkProfile

REDACTED = "[verwijderd]"

# Keys whose values are bookkeeping, never text a person could be named in (and ids and
# timestamps could look like phone numbers to the pattern below).
_NOT_TEXT = frozenset(
    {"id", "created_at", "updated_at", "imported_at", "version", "drawing_right_eur", "province"}
)

# Where in a record a text lives, for the counts the officer sees ("3× in de brontekst").
PLACES = ("contacts", "source", "notes", "sections", "captions", "other")
PLACE_LABELS: dict[str, tuple[str, str]] = {
    "contacts": ("contactpersonen", "contacts"),
    "source": ("brontekst", "source text"),
    "notes": ("notities", "notes"),
    "sections": ("secties", "sections"),
    "captions": ("bijschriften", "captions"),
    "other": ("andere velden", "other fields"),
    "versions": ("eerdere versies", "earlier versions"),
    "backups": ("back-ups", "backups"),
}

EMAIL_PATTERN = re.compile(r"(?<![\w.+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A phone number as people write them: 09 123 45 67, 0472/12.34.56, +32 (0)9 123 45 67. It
# starts with 0 or + (a plain large number is an amount or an id; starting there also keeps the
# search fast in texts full of figures) and has nine digits at least (checked in
# :func:`_is_phone`), so years, periods and amounts are left alone.
PHONE_PATTERN = re.compile(r"[+0](?<![\w+][+0])[\d .\-/()]{6,24}\d(?![\w@])")
_WORD = re.compile(r"\w+", re.UNICODE)
# What may stand between the words of one name: spaces, and the dot, hyphen or apostrophe of
# "A. Peeters", "Jean-Pierre", "D'Hondt" (never the " | " that joins two texts).
_NAME_GAP = re.compile(r"[\s.\-'’]{1,12}")


def _is_phone(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    if digits < 9 or digits > 15:
        return False
    # Starts like a phone number: 0..., +.. or 00... (a plain large number is an amount or an id).
    return candidate.startswith(("0", "+"))


def phone_digits(phone: str) -> str:
    """The digits of a phone number in national form: +32 9 123 45 67 -> 091234567."""
    digits = "".join(c for c in phone if c.isdigit())
    if phone.strip().startswith("+") or digits.startswith("00"):
        digits = digits[2:] if digits.startswith("00") else digits
        if digits.startswith("32"):
            digits = "0" + digits[2:]
    return digits


@lru_cache(maxsize=1 << 16)  # names and organisations repeat across ten thousand networks
def fold_key(text: str) -> str:
    """Case- and accent-insensitive key with single spaces ("  Ann  Peeters" -> "ann peeters")."""
    if text.isascii():  # the same result, several times faster (most names and addresses)
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _word_key(word: str) -> str:
    return fold_key(word)


def quick_fold(text: str) -> str:
    """Lower case without accents, for a first look at many names at once (what it finds is
    checked word by word with :func:`fold_key`)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _COMBINING.sub("", decomposed)


_COMBINING = re.compile("[\u0300-\u036f]+")


def _letter_variants() -> dict[str, str]:
    """Each base letter with every Latin letter that has it under an accent ("e" -> "eéèêë…")."""
    variants: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        letter = chr(code)
        base = quick_fold(letter)
        if len(base) == 1 and base.isascii() and base.isalpha():
            variants[base] = variants.get(base, base) + letter + letter.upper()
    return variants


_VARIANTS = _letter_variants()


def loose_pattern(word: str) -> str:
    """A pattern for a folded word that also finds it with accents and in any case."""
    return "".join(
        (f"[{_VARIANTS[c]}]" if c in _VARIANTS else re.escape(c)) + "[\u0300-\u036f]*" for c in word
    )


# --- finding names: a word index -----------------------------------------------------------------


class NameIndex:
    """Full names found as whole words in a text, ignoring case, accents and the spaces between
    the words. ``names`` maps each name to a label (e.g. the person it belongs to)."""

    def __init__(self, names: Mapping[str, str] | Iterable[str]) -> None:
        labelled = names if isinstance(names, Mapping) else {name: name for name in names}
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name, label in labelled.items():
            words = tuple(_word_key(w) for w in _WORD.findall(name))
            if not words:
                continue
            self._by_first.setdefault(words[0], []).append((words, label))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda entry: -len(entry[0]))  # the longest name wins
        # A quick look before the word-by-word walk: most texts name none of these people, and
        # folding a whole text to ASCII and looking for the first words is done in C.
        # Every word of a name must be there for it to match: look for each name's longest.
        self._firsts = {
            quick_fold(max(words, key=len))
            for candidates in self._by_first.values()
            for words, _label in candidates
        }
        # Few names (one person): one pattern over the raw text, no folding of the text at all.
        self._first_pattern = (
            re.compile("|".join(map(loose_pattern, sorted(self._firsts))), re.IGNORECASE)
            if 0 < len(self._firsts) <= 16
            else None
        )

    def _may_hold_one(self, text: str) -> bool:
        if self._first_pattern is not None:
            return self._first_pattern.search(text) is not None
        return not self._firsts.isdisjoint(_WORD.findall(quick_fold(text)))

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of every name in ``text``, left to right, not overlapping."""
        if not self._by_first or not self._may_hold_one(text):
            return []
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        found: list[tuple[int, int, str]] = []
        index = 0
        while index < len(words):
            start, _end, word = words[index]
            candidates = self._by_first.get(_word_key(word))
            matched = 0
            if candidates:
                for name_words, label in candidates:
                    size = len(name_words)
                    if index + size > len(words):
                        continue
                    if all(
                        _word_key(words[index + k][2]) == name_words[k]
                        and (
                            k == 0
                            or _NAME_GAP.fullmatch(
                                text, words[index + k - 1][1], words[index + k][0]
                            )
                        )
                        for k in range(size)
                    ):
                        found.append((start, words[index + size - 1][1], label))
                        matched = size
                        break
            index += matched or 1
        return found


def _replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    pieces: list[str] = []
    last = 0
    for start, end, _label in spans:
        pieces.append(text[last:start])
        pieces.append(REDACTED)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


# --- one person ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonIdentity:
    """What identifies one person: the names, e-mail addresses and phone numbers they go by, and
    the (name, organisation) pairs of their contact entries (see :func:`contact_belongs`)."""

    names: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()  # case-folded
    phones: frozenset[str] = frozenset()  # national digits (:func:`phone_digits`)
    name_organisations: frozenset[tuple[str, str]] = frozenset()  # folded

    def contact_belongs(self, contact: Mapping[str, Any]) -> bool:
        """True when a contact entry is this person: same e-mail (any case), or same name and
        organisation. The rule the grouping uses, so what is erased is what was shown."""
        email = str(contact.get("email") or "").casefold()
        if email and email in self.emails:
            return True
        name = fold_key(str(contact.get("name") or ""))
        organisation = fold_key(str(contact.get("organisation") or ""))
        return bool(name) and (name, organisation) in self.name_organisations


class PersonMatcher:
    """Finds one person's names, e-mail addresses and phone numbers in text."""

    def __init__(self, identity: PersonIdentity) -> None:
        self.identity = identity
        self._names = NameIndex({name: "name" for name in identity.names if name.strip()})
        self._emails = identity.emails
        self._phones = identity.phones

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        if self._emails and "@" in text:
            found += [
                (m.start(), m.end(), "email")
                for m in EMAIL_PATTERN.finditer(text)
                if m.group().casefold() in self._emails
            ]
        if self._phones:
            found += [
                (m.start(), m.end(), "phone")
                for m in PHONE_PATTERN.finditer(text)
                if phone_digits(m.group()) in self._phones
            ]
        found += self._names.spans(text)
        return without_overlaps(found)

    def count(self, text: str) -> int:
        return len(self.spans(text)) if text else 0

    def redact(self, text: str) -> tuple[str, int]:
        spans = self.spans(text) if text else []
        return (_replace_spans(text, spans), len(spans)) if spans else (text, 0)


def without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


# --- walking a record ----------------------------------------------------------------------------


def place_of(key: str) -> str:
    if key in ("source", "notes", "sections", "captions", "contacts"):
        return key
    return "other"


def map_texts(value: Any, change: Callable[[str], str]) -> Any:
    """``value`` with ``change`` applied to every string in it (bookkeeping keys left alone)."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [map_texts(item, change) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in _NOT_TEXT else map_texts(item, change)
            for key, item in value.items()
        }
    return value


def texts_by_place(data: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    """(place, text) for every text in a record's JSON (contacts' own fields included)."""
    stack: list[tuple[str, Any]] = [
        (place_of(key), value) for key, value in data.items() if key not in _NOT_TEXT
    ]
    while stack:
        place, value = stack.pop()
        if isinstance(value, str):
            if value:
                yield place, value
        elif isinstance(value, list):
            stack.extend((place, item) for item in value)
        elif isinstance(value, dict):
            stack.extend((place, item) for key, item in value.items() if key not in _NOT_TEXT)


@dataclass
class ErasureCount:
    """How many places changed in one record (or a whole erasure): per place."""

    by_place: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.by_place.values())

    def add(self, other: ErasureCount) -> None:
        self.by_place.update(other.by_place)


def erase_from_record(
    data: Mapping[str, Any], matcher: PersonMatcher
) -> tuple[dict[str, Any], ErasureCount]:
    """A record's JSON without the person: their contact entries removed, their names, e-mail
    addresses and phone numbers replaced by :data:`REDACTED` in every text. Other contacts keep
    their own fields as they are (a namesake at another organisation is another person)."""
    count = ErasureCount()
    result: dict[str, Any] = {}
    for key, value in data.items():
        if key in _NOT_TEXT:
            result[key] = value
        elif key == "contacts" and isinstance(value, list):
            kept = []
            for contact in value:
                if isinstance(contact, dict) and matcher.identity.contact_belongs(contact):
                    count.by_place["contacts"] += 1
                else:
                    kept.append(contact)
            result[key] = kept
        else:
            place = place_of(key)

            def change(text: str, place: str = place) -> str:
                redacted, hits = matcher.redact(text)
                count.by_place[place] += hits
                return redacted

            result[key] = map_texts(value, change)
    return result, count


# --- without personal data -----------------------------------------------------------------------


class PersonalDataFilter:
    """Takes every contact name, e-mail address and phone number out of records.

    ``known_names`` are contact names from anywhere in the file (every record, every version): a
    profile's source text may name a person who is a contact of another network.
    """

    def __init__(self, known_names: Iterable[str] = ()) -> None:
        self._names = NameIndex([name for name in known_names if name and name.strip()])

    def text(self, text: str) -> str:
        if not text:
            return text
        if "@" in text:
            text = EMAIL_PATTERN.sub(REDACTED, text)
        text = PHONE_PATTERN.sub(lambda m: REDACTED if _is_phone(m.group()) else m.group(), text)
        spans = self._names.spans(text)
        return _replace_spans(text, spans) if spans else text

    def record(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """A record's JSON with each contact reduced to role and organisation (the name becomes
        :data:`REDACTED`, as a contact needs a name or an address) and every text filtered."""
        result: dict[str, Any] = {}
        for key, value in data.items():
            if key in _NOT_TEXT:
                result[key] = value
            elif key == "contacts" and isinstance(value, list):
                result[key] = [
                    {
                        **contact,
                        "name": REDACTED,
                        "email": "",
                        "phone": "",
                        "role": self.text(str(contact.get("role") or "")),
                        "organisation": self.text(str(contact.get("organisation") or "")),
                    }
                    for contact in value
                    if isinstance(contact, dict)
                ]
            else:
                result[key] = map_texts(value, self.text)
        return result


def contact_names(records: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every contact name in these records' JSON."""
    names: set[str] = set()
    for data in records:
        for contact in data.get("contacts") or []:
            if isinstance(contact, dict) and contact.get("name"):
                names.add(str(contact["name"]))
    return names


def filtered_profile(
    personal_filter: PersonalDataFilter, profile: NetworkProfile
) -> NetworkProfile:
    """``profile`` without personal data (validated again: what leaves is a sound record)."""
    return NetworkProfile.model_validate(personal_filter.record(profile.model_dump(mode="json")))
