"""Reference data: the Flemish municipalities (and Brussels, for the VGC) with their province.

Built from Statbel's REFNIS table by ``resources/reference/build_municipalities.py``. It also holds
the municipalities that existed before the mergers of 2019 and 2025, because many profiles predate
them (Borsbeek is now part of Antwerpen).
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Municipality:
    nis_code: str
    name: str  # Statbel's Dutch name, homonyms with their suffix: "Hove (Antwerpen)"
    province: str
    valid_from: date
    valid_until: date | None
    merged_into: str | None  # NIS code of the 2025 merger it went into

    @property
    def short_name(self) -> str:
        """The name as people write it: "Beveren (Sint-Niklaas)" -> "Beveren"."""
        return self.name.split(" (", 1)[0]

    @property
    def is_current(self) -> bool:
        return self.valid_until is None

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


def fold(text: str) -> str:
    """Case- and diacritics-insensitive key: "Sint-Genesius-Rode " -> "sint-genesius-rode"."""
    if text.isascii():
        # The same result for ASCII text (nothing to decompose, casefold is lower), five times
        # faster: the list sorts ten thousand names by it.
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@cache
def municipalities() -> tuple[Municipality, ...]:
    source = resources.files("resources.reference").joinpath("municipalities.csv")
    with source.open(encoding="utf-8") as handle:
        return tuple(
            Municipality(
                nis_code=row["nis_code"],
                name=row["name"],
                province=row["province"],
                valid_from=date.fromisoformat(row["valid_from"]),
                valid_until=date.fromisoformat(row["valid_until"]) if row["valid_until"] else None,
                merged_into=row["merged_into"] or None,
            )
            for row in csv.DictReader(handle)
        )


@cache
def _by_key() -> dict[str, list[Municipality]]:
    index: dict[str, list[Municipality]] = {}
    for municipality in municipalities():
        for key in {fold(municipality.name), fold(municipality.short_name)}:
            index.setdefault(key, []).append(municipality)
    for matches in index.values():
        # Current units first, then the most recently ended: the likeliest meaning of a name.
        matches.sort(
            key=lambda m: (m.valid_until is not None, -(m.valid_until or date.max).toordinal())
        )
    return index


def find_municipality(name: str) -> Municipality | None:
    """The municipality a name refers to, or None. Ignores case, accents and homonym suffixes."""
    matches = _by_key().get(fold(name))
    return matches[0] if matches else None


def province_of(name: str) -> str | None:
    municipality = find_municipality(name)
    return municipality.province if municipality else None


def municipality_names(current_only: bool = False) -> list[str]:
    """Names for completion in forms, each once, sorted."""
    names = {m.short_name for m in municipalities() if m.is_current or not current_only}
    return sorted(names, key=fold)


def by_code(nis_code: str) -> Municipality | None:
    return next((m for m in municipalities() if m.nis_code == nis_code), None)
