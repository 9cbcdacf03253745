"""Reading the published profile text of a local network (the "netwerkfiche").

:func:`parse_profile` turns a profile as users copy it from the public web page into a
:class:`~db.model.schemas.NetworkProfile`, in three passes:

1. **Lines.** No-break and other typographic spaces become spaces, runs of spaces fold, curly
   quotes become straight ones, soft hyphens and zero-width spaces go, a line holding only spaces
   is blank. A line starting with a bullet (``•``, ``◦``, ``-`` ...) keeps its indentation, so a
   two-level list (one vs two spaces before the bullet) keeps its levels. The raw text is stored
   untouched in ``source.raw_text``.
2. **Head and blocks.** The head is the title (``Gemeente (Provincie)``; many titles have no
   province, which is then inferred from :mod:`db.model.reference` with a warning), the page leftovers
   ``item_left`` / ``item_right`` with the image caption between them (-> ``captions``), the
   repeated title and the ``Lokaal Netwerk`` line; all of these are page chrome. The body is cut
   into blocks at every *label line*: a known label with or without a colon, alone on its line
   (value on the next line), followed by its value, or as a bullet (``• Trekkingsrecht: 853
   euro``); a paragraph ending in a label (``... aan te pakken. Een greep uit de acties:``); or a
   short generic heading ending in a colon (``Omgevingsanalyse:``) or a known section title
   standing alone (``Werking lokaal netwerk``; inside the goals such a title heads a goal).
   Image credits (``Beeld: ...``, or a licence name such as ``CC BY-SA 2.0``, ``CC0``, glued
   to the maker or not) are ``credits``, apart from the captions, wherever they stand; page
   furniture (``(Lees verder onder de afbeelding.)``) is kept only in the source text. A line of
   paragraph length (several sentences, or over ~100 characters) is never a name, caption or
   credit: ``Lokaal netwerk Melle wil streven naar ...`` opens the vision.
3. **Fields.** Each block kind has a reader. What a reader cannot place is never dropped: it
   becomes a :class:`~db.model.schemas.Section` titled with the label it stood under, with a warning
   (an unreadable period or contact, a cut-off e-mail address, prose under ``Instrumenten``; for
   ``Trekkingsrecht: 6 613 euro per jaar`` the amount is read *and* the text kept). So every word
   of the input that is not page chrome or a label ends up in some field.

Not a profile: empty text, NUL or control characters, more than :data:`MAX_TEXT_CHARS`
characters, a first line that cannot be a title naming the municipality (a sentence, an e-mail
header), or fewer than two signs of a profile (a title naming a known municipality, the
``Lokaal Netwerk`` head, the image leftovers, a network name line, or the labels for vision,
periods, drawing right, partners, goals, actions, meetings, contacts) raise
:class:`ProfileTextError`. A guess never refuses: a value the reader inferred that the schema
refuses falls back with a warning (:mod:`~db.text.profile_text.fallback`: the name from the
municipality, the text to a section under its label). A text that stops where a profile does
not (in an empty label, in a contact without e-mail address or phone, or, when it does not end
with the contact as published profiles do, without closing its sentence) gets a "lijkt
afgebroken" warning but is still read. Every warning is kept with the record
(``source.warnings``) until the officer marks it checked.

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
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path
from typing import Any

from db.model.import_warnings import (
    CUT_OFF_AFTER_COLON,
    CUT_OFF_AFTER_LABEL,
    CUT_OFF_CONTACT_WITHOUT_DATA,
    CUT_OFF_IN_CONTACTS,
    CUT_OFF_MID_SENTENCE,
    GUESSED_ENCODING,
    INSTRUMENTS_DETECTED,
    MORE_WARNINGS,
    REGION_FROM_TITLE,
    VISION_WITHOUT_LABEL,
)
from db.model.reference import find_municipality
from db.model.schemas import MAX_IMPORT_WARNINGS, NetworkProfile, Source
from db.storage.paths import NotARegularFileError, regular_file_sentence, require_regular_file
from db.text.profile_text.blocks import Block, Para, read_blocks
from db.text.profile_text.contacts import read_contacts
from db.text.profile_text.draft import Draft
from db.text.profile_text.facts import (
    detect_instruments,
    read_amount,
    read_instruments,
    read_municipalities,
    read_period,
    read_rubric,
    read_single_line,
)
from db.text.profile_text.fallback import validated_profile
from db.text.profile_text.goals import read_actions, read_goals
from db.text.profile_text.head import Head, read_head
from db.text.profile_text.labels import PROFILE_KINDS, Context, Kind, image_line
from db.text.profile_text.lines import CONTROL, SURROGATE, fold, short, split_lines
from db.text.profile_text.partners import read_partners
from db.text.profile_text.prose import prose_text
from db.text.profile_text.result import (
    NOT_A_PROFILE,
    NOT_A_PROFILE_EN,
    ParseResult,
    ProfileTextError,
)
from db.text.profile_text.title import (
    Title,
    inferred_name,
    inferred_province,
    merger_note,
    parse_title,
    plausible_title,
)

MAX_TEXT_CHARS = 1_000_000


def _read_block(block: Block, draft: Draft) -> None:
    draft.kinds.add(block.kind)
    kind = block.kind
    if kind is Kind.INTRO:
        text = prose_text(block.units, draft)
        if text:
            draft.vision.append(text)
            draft.warn(VISION_WITHOUT_LABEL.dutch())
    elif kind in (Kind.VISION, Kind.TARGET, Kind.MEETINGS, Kind.NOTES):
        text = prose_text(block.units, draft)
        target = {
            Kind.VISION: draft.vision,
            Kind.TARGET: draft.target_group,
            Kind.MEETINGS: draft.meetings,
            Kind.NOTES: draft.notes,
        }[kind]
        if text:
            target.append(text)
    elif kind is Kind.SECTION:
        draft.add_section(block.label, prose_text(block.units, draft))
    elif kind is Kind.RUBRIC:
        read_rubric(block, draft)
    elif kind is Kind.PERIOD:
        read_period(block, draft)
    elif kind is Kind.AMOUNT:
        read_amount(block, draft)
    elif kind is Kind.PARTNERS:
        read_partners(block, draft)
    elif kind is Kind.GOALS:
        read_goals(block, draft)
    elif kind is Kind.ACTIONS:
        read_actions(block, draft)
    elif kind is Kind.CONTACTS:
        read_contacts(block, draft)
    elif kind is Kind.INSTRUMENTS:
        read_instruments(block, draft)
    elif kind is Kind.MUNICIPALITIES:
        read_municipalities(block, draft)
    else:
        read_single_line(block, draft)


def _refuse_unreadable(text: object) -> str:
    if not isinstance(text, str):
        raise ProfileTextError(
            NOT_A_PROFILE + "de invoer is geen tekst.",
            NOT_A_PROFILE_EN + "the input is not text.",
        )
    if len(text) > MAX_TEXT_CHARS:
        size = f"{len(text) / 1_000_000:.1f}"
        raise ProfileTextError(
            NOT_A_PROFILE + f"de tekst is te groot ({size} miljoen tekens, hoogstens 1 miljoen).",
            NOT_A_PROFILE_EN
            + f"the text is too large ({size} million characters, at most 1 million).",
        )
    if "\x00" in text or CONTROL.search(text):
        raise ProfileTextError(
            NOT_A_PROFILE + "het bestand bevat binaire gegevens of stuurtekens.",
            NOT_A_PROFILE_EN + "the file holds binary data or control characters.",
        )
    if SURROGATE.search(text):
        raise ProfileTextError(
            NOT_A_PROFILE + "de tekst bevat ongeldige tekens.",
            NOT_A_PROFILE_EN + "the text holds invalid characters.",
        )
    if not text.strip():
        raise ProfileTextError(
            NOT_A_PROFILE + "de tekst is leeg.", NOT_A_PROFILE_EN + "the text is empty."
        )
    return text


def _cut_off(blocks: Sequence[Block], draft: Draft, contacts_before: int, last_line: str) -> str:
    """Why the text looks cut off where it stops, or "" when it ends as a profile ends.

    Published profiles end with the contact: a text ending in anything else must close its
    sentence; a label with nothing after it is cut off; so is a contact without any contact data
    (no e-mail address, no phone number) or one whose address is cut off.
    """
    last = next((b for b in reversed(blocks) if not b.empty or b.kind is not Kind.INTRO), None)
    if last is None:
        return ""
    if last.empty:
        return CUT_OFF_AFTER_LABEL.dutch(label=short(last.label, 40))
    if last_line.endswith(":"):  # "... Een greep uit de acties:" with nothing after it
        tail = " ".join(last_line.split()[-5:])
        return CUT_OFF_AFTER_COLON.dutch(text=short(tail, 40))
    if last.kind is Kind.CONTACTS:
        read = draft.contacts[contacts_before:]
        if len(read) < len(last.groups()):
            return CUT_OFF_IN_CONTACTS.dutch(label=short(last.label, 40))
        if read and not (read[-1].email or read[-1].phone):
            return CUT_OFF_CONTACT_WITHOUT_DATA.dutch(label=short(last.label, 40))
        return ""
    unit = last.units[-1]
    text = unit.text if isinstance(unit, Para) else unit.items[-1].lines[-1]
    # A closing quote ends a sentence only after its full stop ("... 'De Sfeer'" does not).
    if text.count("(") > text.count(")") or text.rstrip("\"'")[-1:] not in ".!?…)":
        tail = " ".join(text.split()[-4:])
        return CUT_OFF_MID_SENTENCE.dutch(text=short(tail, 40))
    return ""


def parse_profile(text: str, file_name: str = "") -> ParseResult:
    """Read a published profile text into a record; raise :class:`ProfileTextError` if it is none.

    Every guess (province inferred, vision without a label, unknown period label, text kept as a
    section, a value that fell back, a text that looks cut off, ...) is reported in the result's
    warnings, in Dutch (made from :mod:`db.model.import_warnings`, which also turns them into
    English), and kept with the record (``source.warnings``) to be checked.
    """
    raw = _refuse_unreadable(text)
    lines = split_lines(raw)
    head = read_head(lines)
    if not plausible_title(head.title):
        raise ProfileTextError(
            NOT_A_PROFILE + "er staat geen gemeente in de titel (de eerste regel); "
            "een netwerkfiche begint met de naam van de gemeente.",
            NOT_A_PROFILE_EN + "no municipality in the title (the first line); "
            "a network profile starts with the name of its municipality.",
        )
    title = parse_title(head.title)
    context = Context(frozenset(fold(name) for name in title.municipalities))
    blocks, body_captions, body_credits = read_blocks(lines, head, context)
    draft = Draft()
    contacts_before = 0
    for block in blocks:
        contacts_before = len(draft.contacts)
        _read_block(block, draft)
    signals = head.signals | {kind.value for kind in draft.kinds & PROFILE_KINDS}
    if head.network_names:
        signals.add("network name")
    # A title naming a known municipality counts as a sign: a real profile copied without the
    # page's head and with one labelled part ("Partners:") is still read.
    named = all(find_municipality(name) for name in title.municipalities)
    if named:
        signals.add("municipality")
    if len(signals) < 2:
        raise ProfileTextError(
            NOT_A_PROFILE
            + ("" if named else "de titel noemt geen gemeente, en ")
            + "er staan geen herkenbare rubrieken in (Partners, Trekkingsrecht, Doelstellingen, "
            "Contactpersoon, ...) en geen kop 'Lokaal Netwerk'.",
            NOT_A_PROFILE_EN
            + ("" if named else "the title names no municipality, and ")
            + "there are no recognisable parts (Partners, Trekkingsrecht, Doelstellingen, "
            "Contactpersoon, ...) and no 'Lokaal Netwerk' heading.",
        )
    last_line = next((line.text for line in reversed(lines) if line is not None), "")
    cut_off = _cut_off(blocks, draft, contacts_before, last_line)
    if cut_off:
        draft.warn(cut_off)
    images = ([*head.captions, *body_captions], [*head.credits, *body_credits])
    profile = _assemble(raw, file_name, head, title, images, draft)
    return ParseResult(profile, list(profile.source.warnings))


def _assemble(
    raw: str,
    file_name: str,
    head: Head,
    title: Title,
    images: tuple[list[str], list[str]],
    draft: Draft,
) -> NetworkProfile:
    municipalities = draft.municipalities or title.municipalities
    if draft.province is not None:
        province = draft.province[0]
    elif title.province is not None:
        province = title.province
    else:
        province = inferred_province(municipalities[0], draft)
    merger_note(municipalities[0], draft)
    if draft.region is None and title.region:
        draft.warn(REGION_FROM_TITLE.dutch(region=short(title.region)))
    captions, credits = images
    name = draft.name or inferred_name([*head.network_names, *head.captions], municipalities[0])
    instruments = draft.instruments
    if instruments is None:
        instruments = detect_instruments(_body_text(raw, head))
        if instruments:
            draft.warn(INSTRUMENTS_DETECTED.dutch(instruments=", ".join(instruments)))
    fields: dict[str, Any] = {
        "name": name,
        "alias": draft.alias,
        "municipalities": municipalities,
        "province": province,
        "region": title.region if draft.region is None else draft.region,
        "vision": "\n\n".join(draft.vision),
        "target_group": "\n\n".join(draft.target_group),
        "agreement_periods": draft.periods,
        "drawing_right_eur": draft.amount,
        "instruments": instruments,
        "partners": draft.partners,
        "goals": draft.goals,
        "actions": draft.actions,
        "meetings": "\n\n".join(draft.meetings),
        "contacts": draft.contacts,
        "sections": list(draft.sections),
        "captions": captions,
        "credits": credits,
        "notes": "\n\n".join(draft.notes),
    }
    profile = validated_profile(fields, draft, title.municipalities[0])
    source = Source(
        file_name=file_name,
        imported_at=datetime.now(UTC),
        raw_text=raw,
        warnings=stored_warnings(draft.warnings),
    )
    return profile.model_copy(update={"source": source})


def stored_warnings(warnings: Sequence[str]) -> list[str]:
    """The warnings as the record keeps them: at most the schema's number, the rest counted."""
    if len(warnings) <= MAX_IMPORT_WARNINGS:
        return list(warnings)
    more = len(warnings) - MAX_IMPORT_WARNINGS + 1
    return [*warnings[: MAX_IMPORT_WARNINGS - 1], MORE_WARNINGS.dutch(count=more)]


def _body_text(raw: str, head: Head) -> str:
    """The text after the head, normalised, for detecting instruments."""
    lines = split_lines(raw)[head.body_start :]
    return "\n".join(line.text for line in lines if line and not image_line(line.text))


def parse_profile_file(path: str | PathLike[str]) -> ParseResult:
    """Read a profile text file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    file = Path(path)
    try:
        # A device or a named pipe (/dev/zero, a FIFO) would be read forever or never answer.
        if require_regular_file(file).st_size > 4 * MAX_TEXT_CHARS:
            raise ProfileTextError(
                NOT_A_PROFILE + "het bestand is te groot (hoogstens 1 MB tekst).",
                NOT_A_PROFILE_EN + "the file is too large (at most 1 MB of text).",
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
        source = result.profile.source
        warnings = stored_warnings([note, *source.warnings])
        result.profile = result.profile.model_copy(
            update={"source": source.model_copy(update={"warnings": warnings})}
        )
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
                return data.decode("cp1252"), GUESSED_ENCODING.dutch()
            except UnicodeDecodeError:
                pass
    raise ProfileTextError(
        NOT_A_PROFILE
        + "het bestand is geen tekstbestand (binaire gegevens of onbekende tekenset).",
        NOT_A_PROFILE_EN + "the file is not a text file (binary data or unknown encoding).",
    )
