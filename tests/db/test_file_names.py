"""File names from network names work on Windows: no reserved device names or characters, no
trailing dots or spaces, and the whole path within 260 characters (tests need no Windows: the
rules are Windows', checked with pathvalidate's Windows validator)."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pathvalidate import is_valid_filename

from db.model.errors import WriteError
from db.text.file_names import (
    MAX_PATH,
    RESERVED_NAMES,
    file_names,
    safe_file_stem,
    stem_budget,
    windows_length,
)
from tests.db.factories import full_profile


def windows_accepts(name: str) -> bool:
    device = name.partition(".")[0].rstrip(" ").casefold()
    return (
        is_valid_filename(name, platform="windows")
        and device not in RESERVED_NAMES
        and not name.endswith((" ", "."))
    )


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("CON", "CON_"),
        ("prn", "prn_"),
        ("Aux", "Aux_"),
        ("NUL", "NUL_"),
        ("COM0", "COM0_"),
        ("com9", "com9_"),
        ("LPT0", "LPT0_"),
        ("LPT5", "LPT5_"),
        ("COM¹", "COM¹_"),
        ("CONIN$", "CONIN$_"),
        ("conout$", "conout$_"),
        ("nul.pdf", "nul_.pdf"),
        ("con .txt", "con_ .txt"),
        ("Genk.", "Genk"),
        ("Genk . . ", "Genk"),
        ("  Lier  ", "Lier"),
        ("Aa/Bb:Cc", "Aa Bb Cc"),
        ("...", "netwerk"),
        ("CONSTANTIA", "CONSTANTIA"),  # only the whole name is a device
        ("Comines-Warneton", "Comines-Warneton"),
    ],
)
def test_names_windows_reserves_are_never_made(name: str, stem: str) -> None:
    assert safe_file_stem(name) == stem
    assert windows_accepts(f"{stem}.pdf")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_municipality_gives_a_name_windows_accepts(name: str) -> None:
    stem = safe_file_stem(name)
    assert stem and windows_length(stem) <= 100
    assert windows_accepts(stem + ".pdf")


def test_the_path_with_its_folder_stays_within_windows_limit() -> None:
    folder = Path("C:/Users/an.peeters/OneDrive - Stad Genk/Documenten") / ("diep " * 28)
    long_name = "Sint-Genesius-Rode en Linkebeek en Drogenbos en Wemmel en Kraainem"
    profiles = [full_profile(municipalities=[long_name]) for _ in range(12)]
    names = file_names(profiles, ".pdf", folder)
    assert len(set(names)) == 12
    for name in names:
        full = PureWindowsPath(str(folder.absolute())) / name
        assert windows_length(str(full)) <= MAX_PATH - 1, full
        assert windows_accepts(name)
    assert names[1].endswith(" (2).pdf")


def test_characters_outside_the_basic_plane_count_twice_as_on_windows() -> None:
    assert windows_length("🎉") == 2
    assert windows_length(safe_file_stem("🎉" * 80, max_length=10)) <= 10


def test_a_folder_too_deep_for_any_telling_name_is_a_sentence() -> None:
    folder = Path("C:/") / ("map" * 80)
    with pytest.raises(WriteError, match="ligt te diep") as caught:
        stem_budget(folder, ".pdf")
    assert "lies too deep" in caught.value.english


def test_without_a_folder_names_are_at_most_a_hundred_characters() -> None:
    [name] = file_names([full_profile(municipalities=["x" * 120])], ".txt")
    assert name == "x" * 100 + ".txt"
