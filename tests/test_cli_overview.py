"""``netwerken overview`` on the sample profiles: the figures as text and JSON, the same filters
as ``netwerken search``, and the PDF and Excel files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from db.storage.store import Store
from db.text.samples import seed_samples
from desktop.__main__ import main


@pytest.fixture
def samples_path(db_path: Path) -> Path:
    store = Store.open(db_path)
    seed_samples(store)
    store.close()
    return db_path


def run(path: Path, *args: str) -> int:
    return main(["--db", str(path), *args])


def test_text_report_of_all_networks(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(samples_path, "overview") == 0
    out = capsys.readouterr().out
    assert out.startswith("Overzicht van 5 netwerken")
    assert "Gemeenten met een netwerk: 5 van 304" in out
    assert "€ 40.693 (mediaan € 6.887" in out
    assert "Limburg" in out and "€ 17.641" in out and "43,4 %" in out
    assert "Borsbeek → Antwerpen" in out
    assert "UiTPAS 3" in out


def test_filters_are_the_search_filters(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(samples_path, "overview", "--instrument", "uitpas", "--min-eur", "7000", "--json") == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["networks"] == 2  # Dilbeek and Genk
    assert data["total_eur"] == "24761.00"
    assert run(samples_path, "overview", "welzijnsschakel", "--json") == 0
    assert json.loads(capsys.readouterr().out)["networks"] == 2  # Borsbeek and Dilbeek
    assert run(samples_path, "overview", "--province", "Brussel", "--json") == 0
    empty = json.loads(capsys.readouterr().out)
    assert empty["networks"] == 0 and empty["median_eur"] is None


def test_a_wrong_filter_is_refused_with_a_sentence(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(samples_path, "overview", "--province", "Atlantis") == 2
    assert "netwerken overview --province" in capsys.readouterr().err


def test_pdf_and_xlsx(
    samples_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "overzicht.pdf", tmp_path / "overzicht.xlsx"
    assert run(samples_path, "overview", "--pdf", str(pdf), "--xlsx", str(xlsx), "--json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["networks"] == 5  # JSON on stdout, the notes on stderr
    assert "overzicht.pdf" in captured.err and "overzicht.xlsx" in captured.err
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Overzicht van de netwerken" in text and "Trekkingsrecht per provincie" in text
    book = load_workbook(xlsx)
    assert book.sheetnames[:2] == ["Overzicht", "Provincies"]
    provinces = [[cell.value for cell in row] for row in book["Provincies"].iter_rows()]
    assert provinces[2][:4] == ["Limburg", 1, 1, 17641]


def test_a_file_that_cannot_be_written_leaves_nothing(
    samples_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nergens" / "overzicht.pdf"
    assert run(samples_path, "overview", "--pdf", str(missing)) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert not missing.parent.exists()
