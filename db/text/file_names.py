"""File names made from network data (a PDF or text file per network): one rule for every export."""

from __future__ import annotations

import re
from collections.abc import Sequence

from db.model.schemas import NetworkProfile

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10))}
_RESERVED |= {f"lpt{i}" for i in range(1, 10)}


def safe_file_stem(name: str) -> str:
    """A file name stem any system accepts: no separators or reserved characters or names."""
    stem = " ".join(_UNSAFE.sub(" ", name).split()).strip(" .")[:100].strip(" .")
    if not stem:
        return "netwerk"
    if stem.split(".")[0].casefold() in _RESERVED:
        stem += "_"
    return stem


def file_names(profiles: Sequence[NetworkProfile], suffix: str) -> list[str]:
    """One file name per profile from its lead municipality: "Genk.pdf", then "Genk (2).pdf"."""
    names: list[str] = []
    taken: set[str] = set()
    for profile in profiles:
        stem = safe_file_stem(profile.lead_municipality)
        candidate, number = f"{stem}{suffix}", 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem} ({number}){suffix}"
        taken.add(candidate.casefold())
        names.append(candidate)
    return names
