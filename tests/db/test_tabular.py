"""CSV for Belgian Excel and XLSX: right columns, readable lists, and no cell runs as a formula."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.exchange.tabular import MAX_CELL, NETWORK_HEADERS, cell_text, export_csv, export_xlsx
from db.model.errors import WriteError
from db.model.schemas import NetworkProfile
from tests.db.factories import full_profile

DANGEROUS = ['=HYPERLINK("http://x")', "+32 3 320 94 09", "-2+3", "@SUM(A1)"]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def formula_profile() -> NetworkProfile:
    return full_profile(
        name=DANGEROUS[0],
        alias=DANGEROUS[1],
        region=DANGEROUS[2],
        partners=[{"name": DANGEROUS[3], "description": "=1+1"}],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("gewone tekst", "gewone tekst"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_cell_text_escapes_formula_starts(text: str, expected: str) -> None:
    assert cell_text(text) == expected


def test_cell_text_cuts_what_excel_cannot_hold() -> None:
    cut = cell_text("x" * (MAX_CELL + 10))
    assert len(cut) == MAX_CELL
    assert cut.endswith("[…]")


def test_csv_has_bom_semicolons_and_the_right_columns(tmp_path: Path) -> None:
    target = tmp_path / "netwerken.csv"
    second = full_profile(
        name="Lokaal netwerk Genk", municipalities=["Genk"], drawing_right_eur=None
    )
    assert export_csv([full_profile(), second], target, year=2024) == 2
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(target)
    assert tuple(rows[0]) == NETWORK_HEADERS
    assert len(rows) == 3
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Naam"] == "Lokaal netwerk Borsbeek"
    assert first["Gemeenten"] == "Borsbeek, Wommelgem"
    assert first["Trekkingsrecht (EUR)"] == "2432,50"
    assert first["Lopende afsprakennota"] == "2e afsprakennota 2020–2025"
    assert first["Instrumenten"] == "UiTPAS, Rap op Stap"
    assert first["Partners"] == "Vrijetijdsdienst; Welzijnsschakel 't Schakeltje"
    assert first["Doelstellingen"] == "Participatiedrempels aanpakken\nEen vrijetijdsloket"
    assert "Bas Dhoey" in first["Contactpersonen"]
    assert dict(zip(rows[0], rows[2], strict=True))["Trekkingsrecht (EUR)"] == ""


def test_csv_escapes_formulas(tmp_path: Path) -> None:
    target = tmp_path / "gevaarlijk.csv"
    export_csv([formula_profile()], target)
    row = dict(zip(*read_csv(target), strict=True))
    assert row["Naam"] == "'" + DANGEROUS[0]
    assert row["Eigen naam"] == "'" + DANGEROUS[1]
    assert row["Regio"] == "'" + DANGEROUS[2]
    assert row["Partners"] == "'" + DANGEROUS[3]


def test_xlsx_has_a_sheet_per_kind_frozen_header_and_sized_columns(tmp_path: Path) -> None:
    target = tmp_path / "netwerken.xlsx"
    assert export_xlsx([full_profile()], target) == 1
    book = load_workbook(target)
    assert book.sheetnames == [
        "Netwerken",
        "Partners",
        "Contactpersonen",
        "Afsprakennota's",
        "Doelstellingen en acties",
    ]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.bold
        assert all(sheet.column_dimensions[c].width >= 8 for c in "ABC")
    networks = book["Netwerken"]
    assert tuple(c.value for c in networks[1]) == NETWORK_HEADERS
    amount = networks.cell(row=2, column=NETWORK_HEADERS.index("Trekkingsrecht (EUR)") + 1)
    assert Decimal(str(amount.value)) == Decimal("2432.50")
    assert amount.data_type == "n"
    assert [c.value for c in book["Partners"][2]] == [
        "Lokaal netwerk Borsbeek",
        "Vrijetijdsdienst",
        None,
    ]
    assert [c.value for c in book["Afsprakennota's"][3]] == [
        "Lokaal netwerk Borsbeek",
        2,
        2020,
        2025,
    ]
    actions = [
        [c.value for c in row] for row in book["Doelstellingen en acties"].iter_rows(min_row=2)
    ]
    assert [
        "Lokaal netwerk Borsbeek",
        "Participatiedrempels aanpakken",
        "Een kortingssysteem",
        "voor sport",
    ] in actions
    assert ["Lokaal netwerk Borsbeek", None, "Losse actie", "deelactie"] in actions
    contacts = [[c.value for c in row] for row in book["Contactpersonen"].iter_rows(min_row=2)]
    assert contacts[0][4] == "bas.dhoey@borsbeek.be"


def test_xlsx_escapes_formulas(tmp_path: Path) -> None:
    target = tmp_path / "gevaarlijk.xlsx"
    export_xlsx([formula_profile()], target)
    book = load_workbook(target)
    name = book["Netwerken"].cell(row=2, column=2)
    assert name.value == "'" + DANGEROUS[0]
    assert name.data_type == "s"
    partner = book["Partners"]["B2"]
    assert partner.value == "'" + DANGEROUS[3]
    assert book["Partners"]["C2"].value == "'=1+1"
    for row in book["Netwerken"].iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"


def test_a_failed_export_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "netwerken.csv"
    target.write_text("vorige versie", encoding="utf-8")
    calls = 0

    def fails_on_the_fifth_cell(value: object) -> str:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise OSError(28, "No space left on device")
        return str(value)

    monkeypatch.setattr("db.exchange.tabular.csv_value", fails_on_the_fifth_cell)
    # A failing file system is told as a sentence (WriteError), not a traceback.
    with pytest.raises(WriteError, match="de schijf is vol"):
        export_csv([full_profile()], target)
    assert calls == 5  # it failed while writing the file, not before

    def disk_full(path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("db.storage.atomic.fsync_file", disk_full)
    with pytest.raises(WriteError):
        export_xlsx([full_profile()], target)
    assert target.read_text(encoding="utf-8") == "vorige versie"
    assert [p.name for p in tmp_path.iterdir()] == ["netwerken.csv"]
