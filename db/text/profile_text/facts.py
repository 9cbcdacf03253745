"""Readers of one-value labels: periods, drawing right, instruments, name, province, rubric."""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from db.model.formats import parse_euro
from db.model.schemas import (
    AgreementPeriod,
)
from db.text.profile_text.blocks import Block, Para
from db.text.profile_text.draft import MAX_VALUE_CHARS, Draft
from db.text.profile_text.labels import YEARS, Kind, label_key, ordinal_number
from db.text.profile_text.lines import fold, short
from db.text.profile_text.prose import free_text, list_parts, prose_text, take_value
from db.text.profile_text.splitting import split_list
from db.text.profile_text.title import match_province


def read_period(block: Block, draft: Draft) -> None:
    value, rest = take_value(block)
    words = label_key(block.label).split()
    ordinal = next((n for w in words if (n := ordinal_number(w))), None)
    years = YEARS.fullmatch(value.strip())
    written = f"{block.label}: {value}".strip()
    if not years:
        draft.keep(block.label, value, f"Periode niet gelezen: '{short(written)}'.")
    else:
        start = int(years.group("start"))
        end_text = years.group("end") or years.group("start")
        end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
        used = {period.ordinal for period in draft.periods}
        if ordinal is None:
            ordinal = max(used, default=0) + 1
            draft.warn(f"Volgnummer van de afsprakennota afgeleid ({ordinal}): '{short(written)}'.")
        try:
            if ordinal in used:
                raise PydanticCustomError(
                    "ordinal_unique", "two agreement periods have the same number"
                )
            draft.periods.append(AgreementPeriod(ordinal=ordinal, start_year=start, end_year=end))
        except (ValidationError, PydanticCustomError):
            draft.keep(block.label, value, f"Periode niet gelezen: '{short(written)}'.")
    free_text(rest, draft, block.label)


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


def read_amount(block: Block, draft: Draft) -> None:
    value, rest = take_value(block)
    if len(value) > MAX_VALUE_CHARS:
        amount, exact = None, False
    elif (amount := _euro(value)) is not None:
        exact = True
    else:
        found = _AMOUNT_IN_TEXT.search(value)
        amount, exact = (_euro(found.group()) if found else None), False
    if amount is not None and draft.amount not in (None, amount):
        draft.keep(
            block.label, value, f"Tweede trekkingsrecht als tekst bewaard: '{short(value)}'."
        )
    elif amount is None:
        draft.keep(block.label, value, f"Trekkingsrecht niet gelezen: '{short(value)}'.")
    else:
        draft.amount = amount
        if not exact:  # the words around the amount are kept too
            draft.keep(
                block.label,
                value,
                f"Trekkingsrecht gelezen uit '{short(value)}'; de tekst is bewaard.",
            )
    free_text(rest, draft, block.label)


def _tags(text: str) -> list[str] | None:
    """ "UiTPAS, Rap op Stap" as tags; None when it is a sentence rather than a list."""
    tags = [tag.strip() for tag in text.split(",")]
    if all(0 < len(tag) <= 120 and len(tag.split()) <= 6 and not tag.endswith(".") for tag in tags):
        return tags
    return None


def read_instruments(block: Block, draft: Draft) -> None:
    """Tags as a comma list or bullets; "Instrumenten:" alone says there are none; prose under
    the label stays text (and the passes it names are then detected as usual)."""
    para, items, rest = list_parts(block.units)
    listed = _tags(para.lines[0]) if para and para.is_value and len(para.lines) == 1 else None
    if para is not None and listed is None:
        free_text(block.units, draft, block.label)
        return
    tags = [*(listed or []), *(" ".join(item.lines) for item in items)]
    draft.instruments = [*(draft.instruments or []), *tags]
    free_text(rest, draft, block.label)


def read_single_line(block: Block, draft: Draft) -> None:
    value, rest = take_value(block)
    if block.kind is Kind.NAME:
        draft.name = value
    elif block.kind is Kind.ALIAS:
        draft.alias = value
    elif block.kind is Kind.REGION:
        draft.region = value
    elif block.kind is Kind.PROVINCE:
        if fold(value) in ("", "onbekend", "geen", "-"):
            draft.province = (None,)
        elif (province := match_province(value)) is not None:
            draft.province = (province,)
        else:
            draft.keep(block.label, value, f"Onbekende provincie: '{short(value)}'.")
    free_text(rest, draft, block.label)


def read_municipalities(block: Block, draft: Draft) -> None:
    para, items, units = list_parts(block.units)
    names = split_list(" ".join(para.lines)) if para else []
    names.extend(" ".join(item.lines) for item in items)
    if names:
        draft.municipalities = (draft.municipalities or []) + names
    free_text(units, draft, block.label)


def read_rubric(block: Block, draft: Draft) -> None:
    units = list(block.units)
    title = ""
    if units and isinstance(units[0], Para) and units[0].is_value:
        first = units.pop(0)
        assert isinstance(first, Para)
        title = first.lines[0]
        if len(first.lines) > 1:
            units.insert(0, Para(first.lines[1:]))
    body = prose_text(units, draft)
    if title or body:
        draft.add_section(title, body)


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
