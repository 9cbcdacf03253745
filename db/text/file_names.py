"""File names made from network data (a PDF or text file per network): one rule for every export.

The names must work on the officers' Windows PCs whatever the system that makes them:
- no character Windows refuses (``< > : " / \\ | ? *``, control characters): pathvalidate's
  Windows rules, which also cover what macOS and Linux refuse;
- no name Windows reserves for a device (``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM0``-``COM9``,
  ``LPT0``-``LPT9`` and their superscript forms, ``CONIN$``, ``CONOUT$``), also not with an
  extension (``nul.pdf`` is the device too) or with spaces before it;
- no trailing dot or space (Windows drops them, so two names would become one);
- the whole path, folder included, within Windows' classic limit of 260 characters (Explorer and
  many programs still cannot open longer paths), counted in UTF-16 units as Windows counts.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pathvalidate import sanitize_filename

from db.model.errors import WriteError
from db.model.schemas import NetworkProfile

MAX_PATH = 260  # Windows' MAX_PATH, the terminating NUL included
MAX_STEM = 100  # a name longer than this is no help to anyone reading a folder
MIN_STEM = 8  # below this the folder is too deep to make telling names
FALLBACK_STEM = "netwerk"
_SUPERSCRIPT_DIGITS = "¹²³"
RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{device}{digit}" for device in ("com", "lpt") for digit in "0123456789"}
    | {f"{device}{digit}" for device in ("com", "lpt") for digit in _SUPERSCRIPT_DIGITS}
)


def windows_length(text: str) -> int:
    """Length as Windows counts a path: UTF-16 code units (an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, limit: int) -> str:
    while windows_length(text) > limit:
        text = text[:-1]
    return text


def safe_file_stem(name: str, max_length: int = MAX_STEM) -> str:
    """A file name stem any system accepts, at most ``max_length`` (UTF-16) characters."""
    cleaned = sanitize_filename(name, platform="windows", replacement_text=" ")
    stem = _cut(" ".join(cleaned.split()).strip(" ."), max_length).strip(" .")
    if not stem:
        return _cut(FALLBACK_STEM, max_length)
    device, dot, rest = stem.partition(".")
    if device.rstrip(" ").casefold() in RESERVED_NAMES:
        # "CON" -> "CON_", "nul.x" -> "nul_.x": the part Windows compares is no device any more.
        bare = device.rstrip(" ")
        stem = _cut(f"{bare}_{device[len(bare) :]}{dot}{rest}", max_length).strip(" .")
    return stem


def stem_budget(folder: Path | None, suffix: str, numbered: str = " (9999)") -> int:
    """How long a stem may be so that ``folder / (stem + numbered + suffix)`` stays within
    MAX_PATH; raises :class:`WriteError` when the folder leaves no room for a telling name."""
    if folder is None:
        return MAX_STEM
    folder_length = windows_length(os.path.abspath(folder))
    room = MAX_PATH - 1 - folder_length - 1 - windows_length(numbered + suffix)
    if room < MIN_STEM:
        raise WriteError(
            f"De map {folder} ligt te diep: de bestanden zouden langer worden dan de "
            f"{MAX_PATH} tekens die Windows aankan. Kies een map dichter bij de schijf, "
            "bijvoorbeeld Documenten.",
            f"The folder {folder} lies too deep: the files would get longer than the "
            f"{MAX_PATH} characters Windows can handle. Choose a folder closer to the drive, "
            "Documents for instance.",
        )
    return min(MAX_STEM, room)


def file_names(
    profiles: Sequence[NetworkProfile], suffix: str, folder: Path | None = None
) -> list[str]:
    """One file name per profile from its lead municipality: "Genk.pdf", then "Genk (2).pdf".

    With ``folder``, every name is short enough for the folder's path (see :func:`stem_budget`).
    Names differing only in case count as the same (as on Windows and macOS).
    """
    budget = stem_budget(folder, suffix)
    names: list[str] = []
    taken: set[str] = set()
    for profile in profiles:
        stem = safe_file_stem(profile.lead_municipality, budget)
        candidate, number = f"{stem}{suffix}", 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem} ({number}){suffix}"
        taken.add(candidate.casefold())
        names.append(candidate)
    return names
