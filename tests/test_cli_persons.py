"""``persons``, ``person-export``, ``person-erase`` and every export's --without-personal-data."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.exchange.database_file import inspect_import
from db.exchange.interchange import load_json
from db.exchange.tabular import export_csv  # noqa: F401 - the CSV export is what the verb calls
from db.storage.backup import backup_file, list_backups
from db.storage.store import Store
from desktop.__main__ import main
from tests.db.privacy.people import (
    ERASED_EMAIL,
    ERASED_NAME,
    ERASED_PHONE,
    ERASED_SURNAME,
    NAMESAKE,
    OTHER_EMAIL,
    OTHER_NAME,
    file_bytes,
    holds,
    people_profiles,
)

EMAIL = re.compile(rb"[\w.+-]+@[\w-]+\.[\w.-]+")
CONTACT_NAMES = (ERASED_NAME, NAMESAKE, OTHER_NAME, "A. Vermeulen")


@pytest.fixture
def filled(db_path: Path) -> Path:
    store = Store.open(db_path)
    for profile in people_profiles():
        store.create(profile)
    store.close()
    return db_path


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def _all_exports(db: Path, folder: Path, *extra: str) -> dict[str, bytes]:
    """Every export format's bytes (a folder of texts as one blob; XLSX unzipped)."""
    folder.mkdir()
    base = ["--db", str(db)]
    assert main([*base, "export-db", str(folder / "copy.sqlite"), *extra]) == 0
    for kind in ("json", "csv", "xlsx"):
        assert main([*base, "export", "-o", str(folder / f"all.{kind}"), *extra]) == 0
    assert main([*base, "export-text", "--all", "-o", str(folder / "texts"), *extra]) == 0
    assert main([*base, "pdf", "--all", "-o", str(folder / "all.pdf"), *extra]) == 0
    found = {
        "sqlite": file_bytes(folder / "copy.sqlite"),
        "json": (folder / "all.json").read_bytes(),
        "csv": (folder / "all.csv").read_bytes(),
        "texts": b"".join(p.read_bytes() for p in sorted((folder / "texts").iterdir())),
    }
    with zipfile.ZipFile(folder / "all.xlsx") as workbook:
        found["xlsx"] = b"".join(workbook.read(name) for name in workbook.namelist())
    # The PDF's text as a reader extracts it, with its tabs between words made spaces again.
    found["pdf"] = pdf_text(folder / "all.pdf").encode("utf-8")
    return found


def test_exports_without_personal_data_hold_no_address_or_name_and_import_back(
    filled: Path, tmp_path: Path
) -> None:
    exports = _all_exports(filled, tmp_path / "out", "--without-personal-data")
    for kind, data in exports.items():
        assert not EMAIL.search(data), (kind, EMAIL.search(data))
        for name in CONTACT_NAMES:
            assert not holds(data, name), (kind, name)
        assert not holds(data, ERASED_PHONE), kind
        assert b"co\xc3\xb6rdinator" in data or kind == "sqlite" or kind == "pdf", kind
    # Roles and organisations stay.
    assert holds(exports["json"], "Stad Gent") and holds(exports["json"], "voorzitter")
    candidate = inspect_import(tmp_path / "out" / "copy.sqlite")
    assert len(candidate.profiles) == 3
    assert all(
        c.name == "[verwijderd]" and not c.email for p in candidate.profiles for c in p.contacts
    )
    assert len(load_json(tmp_path / "out" / "all.json").profiles) == 3


def test_exports_with_personal_data_still_hold_it(filled: Path, tmp_path: Path) -> None:
    exports = _all_exports(filled, tmp_path / "out")
    for kind in ("sqlite", "json", "csv", "xlsx", "pdf"):
        assert holds(exports[kind], ERASED_SURNAME), kind


def test_persons_lists_each_person_once_with_where(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(filled), "persons", "--json"]) == 0
    persons = json.loads(capsys.readouterr().out)
    erased = [p for p in persons if ERASED_EMAIL in [e.lower() for e in p["emails"]]]
    assert len(erased) == 1
    assert len(erased[0]["contacts"]) == 2
    assert erased[0]["occurs"]["places"]["notes"] == 3
    assert sum(1 for p in persons if p["name"].startswith("Annelies")) == 2
    assert main(["--db", str(filled), "persons"]) == 0
    assert "Lokaal netwerk Melle" in capsys.readouterr().out


def test_person_export_json_and_pdf(filled: Path, tmp_path: Path) -> None:
    assert (
        main(["--db", str(filled), "person-export", ERASED_EMAIL, "-o", str(tmp_path / "p.json")])
        == 0
    )
    document = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert document["person"]["names"] == [ERASED_NAME, "A. Vermeulen"]
    assert {m["place"] for m in document["mentions"]} == {"notes", "sections", "captions", "source"}
    assert OTHER_EMAIL not in json.dumps(document)  # only passages about her, not whole texts
    assert (
        main(["--db", str(filled), "person-export", ERASED_NAME, "-o", str(tmp_path / "p.pdf")])
        == 0
    )
    text = pdf_text(tmp_path / "p.pdf")
    assert "Inzage persoonsgegevens" in text and "Lokaal netwerk Melle" in text


def test_an_ambiguous_query_erases_nobody(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(filled), "person-erase", "Annelies", "--yes"]) == 1
    assert "2 personen" in capsys.readouterr().err
    assert holds(file_bytes(filled), ERASED_SURNAME)


def test_erase_without_yes_asks_and_changes_nothing(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(filled), "person-erase", ERASED_EMAIL]) == 2
    out = capsys.readouterr().out
    assert "Lokaal netwerk Gent" in out and "notities" in out
    assert holds(file_bytes(filled), ERASED_SURNAME)


def test_after_erasing_no_fresh_export_holds_the_person(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = backup_file(filled, reason="handmatig")
    assert main(["--db", str(filled), "person-erase", ERASED_EMAIL, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Gewist in 2 netwerk(en)" in out and old.name in out
    for word in (ERASED_NAME, ERASED_SURNAME, ERASED_EMAIL, ERASED_PHONE):
        assert not holds(file_bytes(filled), word), word
    exports = _all_exports(filled, tmp_path / "out")
    for kind, data in exports.items():
        for word in (ERASED_SURNAME, ERASED_EMAIL, ERASED_PHONE):
            assert not holds(data, word), (kind, word)
        assert holds(data, OTHER_NAME) or kind == "texts", kind
    # The backup from before still holds her; a second run takes it on.
    assert holds(old.read_bytes(), ERASED_SURNAME)
    assert (
        main(["--db", str(filled), "person-erase", ERASED_EMAIL, "--yes", "--backups", "rewrite"])
        == 0
    )
    assert not holds(old.read_bytes(), ERASED_SURNAME)
    assert (
        main(["--db", str(filled), "person-erase", OTHER_EMAIL, "--yes", "--backups", "delete"])
        == 0
    )
    assert list_backups(filled) == []
