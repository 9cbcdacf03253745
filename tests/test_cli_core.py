"""``netwerken info`` and ``netwerken schema`` work headless on the files the user names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.__main__ import main
from desktop.cli import is_command_line


def test_info_reports_path_version_and_counts(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "info", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["path"] == str(db_path)
    assert facts["schema_version"] >= 1
    assert facts["counts"]["networks"] == 0


def test_info_in_dutch(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "info"]) == 0
    assert "Schemaversie" in capsys.readouterr().out


def test_schema_prints_the_interchange_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["format"]["const"] == "netwerken"
    assert "NetworkProfile" in schema["$defs"]


def test_a_bad_file_gives_a_sentence_and_exit_code_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("geen database")
    assert main(["--db", str(bad), "info"]) == 1
    assert "geen database" in capsys.readouterr().err
    assert main(["--lang", "en", "--db", str(bad), "info"]) == 1
    assert "not a database" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "verb"),
    [
        ([], False),
        (["--db", "x.sqlite"], False),
        (["--lang", "en"], False),
        (["info"], True),
        (["--db", "x", "info"], True),
    ],
)
def test_window_or_command(args: list[str], verb: bool) -> None:
    assert is_command_line(args) is verb
