"""``netwerken parse / import / export-text`` work headless and report per file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.text.profile_text import parse_profile_file
from db.text.samples import sample_texts
from desktop.__main__ import main

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


def test_parse_prints_interchange_json_and_stores_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "--db",
                str(db_path),
                "parse",
                str(SAMPLES / "genk.txt"),
                str(SAMPLES / "wevelgem.txt"),
            ]
        )
        == 0
    )
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "netwerken"
    assert [n["municipalities"] for n in document["networks"]] == [["Genk"], ["Wevelgem"]]
    assert not db_path.exists()


def test_import_then_duplicate_choices(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "import", str(SAMPLES)]) == 0
    out = capsys.readouterr().out
    assert out.count("geïmporteerd —") == 5 and "Samen: 5 geïmporteerd." in out
    assert main(["--db", str(db_path), "import", str(SAMPLES / "genk.txt")]) == 0
    assert "overgeslagen" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                str(db_path),
                "--lang",
                "en",
                "import",
                "--on-duplicate",
                "update",
                str(SAMPLES / "genk.txt"),
            ]
        )
        == 0
    )
    assert "Total: 1 updated." in capsys.readouterr().out


def test_import_of_a_non_profile_fails_with_exit_code_1(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = tmp_path / "recept.txt"
    recipe.write_text(
        "Pannenkoeken\n\n250 g bloem, 3 eieren, een halve liter melk.\n", encoding="utf-8"
    )
    assert main(["--db", str(db_path), "import", str(recipe)]) == 1
    assert "mislukt" in capsys.readouterr().out


def test_export_text_writes_profiles_that_read_back_equal(db_path: Path, tmp_path: Path) -> None:
    assert main(["--db", str(db_path), "import", str(SAMPLES)]) == 0
    out = tmp_path / "uit"
    assert main(["--db", str(db_path), "export-text", "--all", "-o", str(out)]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(name.capitalize() for name, _ in sample_texts())
    from db.storage.store import Store

    store = Store.open(db_path)
    (genk,) = store.find_by_municipality("Genk")
    again = parse_profile_file(out / "Genk.txt").profile
    assert again.model_dump(
        exclude={"id", "source", "created_at", "updated_at", "version"}
    ) == genk.model_dump(exclude={"id", "source", "created_at", "updated_at", "version"})


def test_export_text_of_unknown_name_writes_nothing(db_path: Path, tmp_path: Path) -> None:
    assert main(["--db", str(db_path), "import", str(SAMPLES)]) == 0
    assert main(["--db", str(db_path), "export-text", "Atlantis", "-o", str(tmp_path / "x")]) == 1
    assert not (tmp_path / "x").exists()


CUT_OFF = (
    "Melle (Oost- Vlaanderen)\n\nLokaal Netwerk\n\n"
    "Lokaal netwerk Melle wil streven naar een doordacht vrijetijdsaanbod voor iedereen. "
    "Daarom werken we samen met alle partners in de gemeente en daarbuiten.\n\n"
    "Partners: OCMW, CAW. Op termijn wil het netwerk ook scholen betrekken.\n\n"
    "Contactpersoon: Els Smet\n"
)


def test_imported_warnings_are_kept_shown_found_and_marked_checked(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    melle = tmp_path / "melle.txt"
    melle.write_text(CUT_OFF, encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(melle), str(SAMPLES / "genk.txt")]) == 0
    out = capsys.readouterr().out
    assert "De tekst lijkt afgebroken in 'Contactpersoon'" in out
    assert main(["--db", str(db_path), "check"]) == 0
    out = capsys.readouterr().out
    assert "Lokaal netwerk Melle: te controleren" in out
    assert "    ! De tekst lijkt afgebroken in 'Contactpersoon'" in out
    assert "Genk" in out  # Genk's province was inferred: a warning to check as well
    # The list filter finds them.
    assert main(["--db", str(db_path), "search", "--te-controleren", "--json"]) == 0
    names = {hit["name"] for hit in json.loads(capsys.readouterr().out)}
    assert names == {"Lokaal netwerk Melle", "Lokaal netwerk Genk"}
    assert main(["--db", str(db_path), "check", "Melle", "--mark"]) == 0
    assert "Lokaal netwerk Melle: gecontroleerd" in capsys.readouterr().out
    assert main(["--db", str(db_path), "search", "--te-controleren", "--json"]) == 0
    names = {hit["name"] for hit in json.loads(capsys.readouterr().out)}
    assert names == {"Lokaal netwerk Genk"}
    # Marked checked, the warnings themselves stay on the record.
    assert main(["--db", str(db_path), "check", "Melle"]) == 0
    assert "    ! De tekst lijkt afgebroken in 'Contactpersoon'" in capsys.readouterr().out


def test_parse_speaks_of_reading_not_storing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = tmp_path / "recept.txt"
    recipe.write_text("Pannenkoeken bakken: zo doe je dat.\n\nMeng de bloem.", encoding="utf-8")
    assert main(["--db", str(db_path), "parse", str(recipe), str(SAMPLES / "genk.txt")]) == 1
    err = capsys.readouterr().err
    assert "bewaard" not in err and "opgeslagen" not in err
    assert "Dit is geen netwerkfiche: er staat geen gemeente in de titel" in err


def test_the_warnings_follow_lang_and_stay_dutch_in_the_database(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    melle = tmp_path / "melle.txt"
    melle.write_text(CUT_OFF, encoding="utf-8")
    dutch = "De tekst lijkt afgebroken in 'Contactpersoon'"
    english = "The text seems cut off in 'Contactpersoon'"
    assert main(["--db", str(db_path), "--lang", "en", "import", str(melle)]) == 0
    out = capsys.readouterr().out
    assert f"    ! {english}" in out and dutch not in out
    assert main(["--db", str(db_path), "--lang", "en", "check"]) == 0
    out = capsys.readouterr().out
    assert "Lokaal netwerk Melle: to check" in out
    assert f"    ! {english}" in out and dutch not in out
    assert main(["--db", str(db_path), "check"]) == 0
    out = capsys.readouterr().out
    assert f"    ! {dutch}" in out and english not in out
    assert main(["--db", str(db_path), "--lang", "en", "parse", str(melle)]) == 0
    captured = capsys.readouterr()
    assert f"melle.txt: {english}" in captured.err and dutch not in captured.err
    # The JSON holds the record as stored: its warnings in Dutch.
    assert dutch in captured.out


def test_escape_codes_in_a_file_name_do_not_reach_the_terminal(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file from elsewhere named with an escape code (here: set the terminal's title) or
    undecodable bytes is imported, and its name prints harmlessly in every message."""
    text = dict(sample_texts())["genk.txt"]
    evil = tmp_path / "genk\x1b]0;gehackt\x07\udce9.txt"
    evil.write_text(text, encoding="utf-8")
    assert main(["--db", str(db_path), "import", "--on-duplicate", "keep", str(evil)]) == 0
    assert main(["--db", str(db_path), "import-json", "--merge", str(evil)]) == 1
    assert main(["--db", str(db_path), "parse", str(evil)]) == 0
    out, err = capsys.readouterr()
    assert "genk\ufffd]0;gehackt\ufffd\ufffd.txt: geïmporteerd" in out
    assert "genk\ufffd]0;gehackt\ufffd\ufffd.txt" in err
    for stream in (out, err):
        assert "\x1b" not in stream and "\x07" not in stream and "\udce9" not in stream
