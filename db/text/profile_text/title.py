"""The title line (municipalities, province, region) and the values inferred from it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic_core import PydanticCustomError

from db.model.reference import by_code, find_municipality
from db.model.schemas import (
    Province,
    default_name,
    province_from_text,
)
from db.text.profile_text.draft import Draft
from db.text.profile_text.labels import AT_SIGN, NETWORK_NAME
from db.text.profile_text.lines import short
from db.text.profile_text.splitting import split_list


def match_province(text: str) -> Province | None:
    try:
        province = province_from_text(text)
    except (PydanticCustomError, ValueError):
        return None
    return province if isinstance(province, Province) else None


@dataclass(frozen=True, slots=True)
class Title:
    municipalities: list[str]
    province: Province | None
    region: str


def parse_title(title: str) -> Title:
    """ "Wevelgem (West Vlaanderen)", "Borsbeek", "Beersel, Drogenbos en Linkebeek"."""
    text, province, region = title.strip(), None, ""
    match = re.fullmatch(r"(?P<names>.*?\S)\s*\((?P<paren>[^()]*)\)", text)
    if match:
        province = match_province(match.group("paren"))
        if province is not None:
            text = match.group("names")
        elif find_municipality(text) is None:  # "Beveren (Sint-Niklaas)" is a name as such
            text, region = match.group("names"), match.group("paren").strip()
    text = re.sub(r"^lokaal\s+netwerk\s+", "", text, flags=re.IGNORECASE) or text
    parts = split_list(text)
    if len(parts) > 1 and all(find_municipality(part) for part in parts):
        return Title(parts, province, region)
    return Title([text], province, region)


def plausible_title(text: str) -> bool:
    return (
        0 < len(text) <= 120
        and len(text.split()) <= 12
        and ":" not in text
        and not AT_SIGN.search(text)
        and text[-1] not in ".!?;,"
    )


def inferred_province(municipality: str, draft: Draft | None) -> Province | None:
    found = find_municipality(municipality)
    if found is None:
        if draft:
            draft.warn(
                f"Gemeente '{short(municipality)}' niet gevonden in de referentielijst; provincie onbekend."
            )
        return None
    province = match_province(found.province)
    if draft and province:
        draft.warn(f"Provincie afgeleid uit de gemeente {found.short_name}: {province.value}.")
    return province


def merger_note(municipality: str, draft: Draft) -> None:
    found = find_municipality(municipality)
    if found and not found.is_current and found.merged_into:
        merged = by_code(found.merged_into)
        if merged:
            draft.warn(f"{found.short_name} is intussen deel van {merged.short_name}.")


def inferred_name(captions: Sequence[str], municipality: str) -> str:
    named = next((c for c in captions if NETWORK_NAME.match(c) and ":" not in c), None)
    return named or default_name(municipality)
