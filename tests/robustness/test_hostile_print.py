"""Hostile text in print and PDF: markup is escaped and shown literally, file names stay names.

The printed profile is HTML in a ``QTextDocument``; a record holding ``<script>`` or ``<b>``
must print those characters, not run or format them. PDFs written one per network take their
file names from the records, so a hostile name must never leave the chosen folder.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from db.model.schemas import NetworkProfile
from desktop.printing.documents import PrintOptions, pdf_file_names, write_pdf, write_pdf_folder
from desktop.printing.profile_html import profile_html
from tests.robustness.hostile import NASTIES, hostile_text, pick, profile_with

PRINTED_PATHS: list[tuple[str | int, ...]] = [
    ("name",),
    ("alias",),
    ("region",),
    ("vision",),
    ("partners", 0, "name"),
    ("partners", 0, "description"),
    ("goals", 0, "title"),
    ("goals", 0, "actions", 0, "text"),
    ("contacts", 0, "name"),
    ("sections", 0, "title"),
    ("sections", 0, "body"),
]

ATTACKS = {
    ("name",): "<script>alert(1)</script> Lokaal netwerk",
    ("alias",): "=cmd|' /C calc'!A0",
    ("region",): "<b>vet</b> &amp; <i>schuin</i>",
    ("partners", 0, "name"): "'; DROP TABLE networks; --",
    ("goals", 0, "title"): "<img src=x onerror=alert(1)>",
    ("sections", 0, "body"): "]]> <!-- commentaar --> <style>p{color:red}</style>",
}

_BULLET = re.compile(r"^\s*[•·▪◦‣∙*\-–—]\s+")  # as desktop/profile_html.py reads bullets

PRINT = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def words(text: str) -> str:
    """Whitespace folded: a document shows line and paragraph breaks its own way, and a line
    starting with a bullet ("- tekst", "• tekst") becomes a list item without its bullet."""
    lines = text.replace("\u2028", "\n").replace("\u2029", "\n").split("\n")
    return " ".join(" ".join(_BULLET.sub("", line) for line in lines).split())


def plain_text_of(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


@PRINT
@given(
    values=st.fixed_dictionaries(
        {path: st.one_of(hostile_text, st.sampled_from(NASTIES)) for path in PRINTED_PATHS}
    )
)
def test_every_printed_text_appears_literally_whatever_it_holds(
    qapp: QApplication, values: dict[tuple[str | int, ...], str]
) -> None:
    profile = profile_with(values)
    shown = words(plain_text_of(profile_html(profile, include_notes=True)))
    for path in PRINTED_PATHS:
        value = words(pick(profile, path))
        assert value in shown, (path, value)


def test_markup_in_a_record_is_printed_not_obeyed(qapp: QApplication) -> None:
    profile = profile_with(ATTACKS)
    html = profile_html(profile)
    assert "<script>" not in html
    assert "<b>vet</b>" not in html
    assert "<img src=x" not in html
    shown = plain_text_of(html)
    for value in ATTACKS.values():
        assert value in shown


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_shows_attack_strings_literally(qapp: QApplication, tmp_path: Path) -> None:
    profile = profile_with(
        {
            **ATTACKS,
            ("notes",): "\u202eomgekeerd\u202c e\u0301 \U0001f600 \U0001f468\u200d\U0001f469",
            ("vision",): "Zeer lang. " * 3000,
        }
    )
    target = tmp_path / "vijandig.pdf"
    write_pdf(target, [profile], PrintOptions())
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(target), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(text.split())
    for path in [("name",), ("alias",), ("region",), ("partners", 0, "name")]:
        assert " ".join(pick(profile, path).split()) in flat, path
    assert "<img src=x onerror=alert(1)>" in flat


@given(municipality=st.one_of(hostile_text, st.sampled_from(NASTIES)))
@settings(max_examples=300, deadline=None)
def test_a_hostile_municipality_always_gives_a_plain_file_name(municipality: str) -> None:
    try:
        profile = NetworkProfile(name="Netwerk", municipalities=[municipality])
    except ValueError:
        return  # refused by the schema (a clear message is tested elsewhere)
    (name,) = pdf_file_names([profile])
    assert name.endswith(".pdf")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert Path(name).name == name
    assert name not in {".pdf", "..pdf"}
    assert not name.startswith(".")


def test_pdfs_per_network_with_hostile_names_stay_in_the_chosen_folder(
    qapp: QApplication, tmp_path: Path
) -> None:
    municipalities = ["../../buiten", "..", "C:\\con\\nul", "con", "<script>", "\u202efdp.exe", "."]
    profiles = [
        NetworkProfile(name=f"Netwerk {index}", municipalities=[name])
        for index, name in enumerate(municipalities)
    ]
    folder = tmp_path / "pdf"
    folder.mkdir()
    written = write_pdf_folder(folder, profiles, PrintOptions())
    assert len(written) == len(profiles)
    assert all(path.parent == folder and path.is_file() for path in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pdf"]  # nothing written outside
    assert len({path.name.casefold() for path in written}) == len(written)
