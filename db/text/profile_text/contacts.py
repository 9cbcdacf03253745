"""The reader of the contacts block: one-line contacts in any order, or labelled lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import ValidationError

from db.model.schemas import (
    Contact,
)
from db.text.profile_text.blocks import Block
from db.text.profile_text.draft import MAX_VALUE_CHARS, Draft
from db.text.profile_text.labels import AT_SIGN
from db.text.profile_text.lines import fold, short

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
    local = fold(email.split("@")[0])
    if local and any(len(word) >= 3 and fold(word) in local for word in words):
        return True
    significant = [word for word in words if word.casefold() not in _NAME_PARTICLES]
    return len(words) >= 2 and bool(significant) and all(word[:1].isupper() for word in significant)


# Words of a job title: a piece holding one is the role, not the name ("Diensthoofd Vrije Tijd").
_ROLE_WORD = re.compile(
    r"hoofd|medewerk|co[öo]rdinat|verantwoordelijk|schepen|directeur|directrice|consulent|"
    r"deskundige|begeleid|ambtena|voorzit|secretaris|opbouwwerk|maatschappelijk|assistent|"
    r"beleid|adviseur|functionaris|trekker|expert|manager|projectleider|dienst|team|sector",
    re.IGNORECASE,
)


def _name_piece(pieces: Sequence[str], email: str) -> int | None:
    """Which piece is the person's name: one found in the e-mail address, else the first that
    looks like a name and holds no job title; without an address the first piece that holds no
    job title is the best guess (a contact needs a name or an address)."""
    local = fold(email.split("@")[0])
    if local:
        for index, piece in enumerate(pieces):
            words = piece.split()
            found = len(words) <= 5 and any(len(w) >= 3 and fold(w) in local for w in words)
            if found and not _ROLE_WORD.search(piece):
                return index
    for index, piece in enumerate(pieces):
        if _looks_like_name(piece, email) and not _ROLE_WORD.search(piece):
            return index
    if email or not pieces:
        return None
    return next((i for i, piece in enumerate(pieces) if not _ROLE_WORD.search(piece)), 0)


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
    named = _name_piece(pieces, fields["email"])
    if named is not None:
        fields["name"] = pieces.pop(named)
    pieces += [p for p in in_parentheses if p]
    if pieces:
        fields["role"] = pieces.pop(0)
    fields["organisation"] = ", ".join(pieces)
    return fields


def contact_fields(lines: Sequence[str]) -> _ContactFields:
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


def read_contacts(block: Block, draft: Draft) -> None:
    for lines in block.groups():
        text = "\n".join(lines)
        if len(text) > MAX_VALUE_CHARS:
            draft.keep(block.label, text, f"Contactgegevens niet herkend: '{short(text)}'.")
            continue
        fields = contact_fields(lines)
        try:
            if AT_SIGN.search(text) and not fields["email"]:
                raise ValueError("an address that is cut off or malformed")
            draft.contacts.append(Contact(**fields))
        except (ValidationError, ValueError):
            draft.keep(block.label, text, f"Contactgegevens niet herkend: '{short(text)}'.")
