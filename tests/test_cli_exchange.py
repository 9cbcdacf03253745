"""The exchange verbs: export-db, import-db, export, import-json, backups, restore-backup."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from db.storage.store import Store
from desktop.__main__ import main
from tests.db.factories import full_profile


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "eigen.sqlite"
    store = Store.open(path)
    store.create(full_profile())
    store.close()
    return path


@pytest.fixture
def theirs(tmp_path: Path, mine: Path) -> Path:
    """A colleague's export: my Borsbeek with another vision, and a network I do not have."""
    path = tmp_path / "collega.sqlite"
    path.write_bytes(mine.read_bytes())
    store = Store.open(path)
    [borsbeek] = store.iter_profiles()
    store.update(borsbeek.model_copy(update={"vision": "Hun visie"}))
    store.create(full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"]))
    store.close()
    export = path.with_name("collega-export.sqlite")
    assert main(["--db", str(path), "export-db", str(export)]) == 0
    return export


def names(path: Path) -> dict[str, str]:
    store = Store.open(path)
    try:
        return {p.name: p.vision for p in store.iter_profiles()}
    finally:
        store.close()


def test_a_conflicting_merge_without_prefer_lists_and_changes_nothing(
    mine: Path, theirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = names(mine)
    assert main(["--db", str(mine), "import-db", str(theirs), "--merge"]) == 1
    out = capsys.readouterr().out
    assert "er werd niets gewijzigd" in out
    assert "Lokaal netwerk Borsbeek: Visie" in out
    assert names(mine) == before


def test_merge_with_prefer_theirs(
    mine: Path, theirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", str(mine), "import-db", str(theirs), "--merge", "--prefer", "theirs"]
    assert main(args) == 0
    assert "Toegevoegd: 1. Bijgewerkt: 1." in capsys.readouterr().out
    assert names(mine) == {
        "Lokaal netwerk Borsbeek": "Hun visie",
        "Lokaal netwerk Genk": names(mine)["Lokaal netwerk Genk"],
    }


def test_replace_then_backups_then_restore(
    mine: Path, theirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = names(mine)
    assert main(["--db", str(mine), "import-db", str(theirs), "--replace"]) == 0
    assert len(names(mine)) == 2
    capsys.readouterr()
    assert main(["--db", str(mine), "backups"]) == 0
    listing = capsys.readouterr().out
    assert "voor-vervangen" in listing and "1 netwerken" in listing
    assert main(["--db", str(mine), "restore-backup", "1"]) == 0
    assert names(mine) == original
    assert main(["--db", str(mine), "restore-backup", "9"]) == 2


def test_exports_in_every_format(
    mine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("uit.csv", "uit.xlsx", "uit.json"):
        assert main(["--db", str(mine), "export", "-o", str(tmp_path / name)]) == 0
    assert (
        main(["--db", str(mine), "export", "--format", "csv", "-o", str(tmp_path / "x.txt")]) == 0
    )
    with (tmp_path / "x.txt").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[1][1] == "Lokaal netwerk Borsbeek"
    assert json.loads((tmp_path / "uit.json").read_text(encoding="utf-8"))["format"] == "netwerken"
    assert (tmp_path / "uit.xlsx").read_bytes().startswith(b"PK")
    assert main(["--db", str(mine), "export", "-o", str(tmp_path / "uit.pdf")]) == 2


def test_import_json_merges(mine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "nieuw.json"
    other = full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"])
    document.write_text(
        json.dumps(
            {"format": "netwerken", "version": 1, "networks": [other.model_dump(mode="json")]}
        ),
        encoding="utf-8",
    )
    assert main(["--db", str(mine), "import-json", str(document), "--merge"]) == 0
    assert "Lokaal netwerk Wevelgem" in names(mine)


def test_a_bad_file_is_a_sentence_on_stderr(
    mine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "brief.sqlite"
    bad.write_text("geen database", encoding="utf-8")
    before = mine.read_bytes()
    assert main(["--db", str(mine), "import-db", str(bad), "--replace"]) == 1
    assert "geen database" in capsys.readouterr().err
    assert main(["--lang", "en", "--db", str(mine), "import-db", str(bad), "--merge"]) == 1
    assert "not a database" in capsys.readouterr().err
    assert mine.read_bytes() == before
