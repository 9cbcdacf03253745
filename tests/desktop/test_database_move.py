"""The window offers to move a database from the old, hidden place to Documents (never silently);
the command line says how and does it with ``netwerken move-database``; ``--smoke-test``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from db.storage.store import Store
from desktop import app as app_module
from desktop import dialogs
from desktop.__main__ import main
from desktop.settings import Settings
from desktop.smoke_test import EMPTY_LIST
from tests.db.factories import full_profile

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def old_and_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    documents = tmp_path / "Documents"
    old_folder = tmp_path / "AppData" / "Netwerken"
    documents.mkdir()
    old_folder.mkdir(parents=True)
    monkeypatch.delenv("NETWERKEN_DB", raising=False)
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(old_folder))
    old = old_folder / "netwerken.sqlite"
    store = Store.open(old)
    store.create(full_profile())
    store.close()
    return old, documents / "Netwerken" / "netwerken.sqlite"


def answer(monkeypatch: pytest.MonkeyPatch, choice: dialogs.MoveChoice) -> list[tuple[Path, Path]]:
    asked: list[tuple[Path, Path]] = []

    def ask(_parent: object, old: Path, new: Path) -> dialogs.MoveChoice:
        asked.append((old, new))
        return choice

    monkeypatch.setattr(dialogs, "ask_move_database", ask)
    monkeypatch.setattr(dialogs, "show_info", lambda *args: None)
    return asked


def test_the_officer_is_asked_and_the_move_happens_only_on_yes(
    qapp: QApplication,
    old_and_new: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = old_and_new
    settings = Settings(tmp_path / "s.ini")
    asked = answer(monkeypatch, dialogs.MoveChoice.LATER)
    app_module.offer_database_move(settings, "nl")
    assert asked == [(old, new)]
    assert old.exists() and not new.exists()  # "later": nothing moved
    assert settings.preferences.offer_database_move  # and asked again next time

    asked = answer(monkeypatch, dialogs.MoveChoice.MOVE)
    app_module.offer_database_move(settings, "nl")
    assert asked == [(old, new)]
    assert new.exists() and not old.exists()
    store = Store.open(new)
    try:
        assert store.count() == 1
    finally:
        store.close()


def test_never_means_the_question_is_not_asked_again(
    qapp: QApplication,
    old_and_new: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, _new = old_and_new
    settings = Settings(tmp_path / "s.ini")
    answer(monkeypatch, dialogs.MoveChoice.NEVER)
    app_module.offer_database_move(settings, "nl")
    assert not Settings(tmp_path / "s.ini").preferences.offer_database_move
    asked = answer(monkeypatch, dialogs.MoveChoice.MOVE)
    app_module.offer_database_move(settings, "nl")
    assert asked == [] and old.exists()


def test_a_failed_move_is_a_sentence_and_the_old_database_stays(
    qapp: QApplication,
    old_and_new: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = old_and_new
    new.parent.write_text("een bestand waar de map hoort", encoding="utf-8")
    answer(monkeypatch, dialogs.MoveChoice.MOVE)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: errors.append(text))
    app_module.offer_database_move(Settings(tmp_path / "s.ini"), "nl")
    assert len(errors) == 1 and "oude plaats" in errors[0]
    assert old.exists() and not new.exists()


def test_the_command_line_mentions_the_move_and_does_it(
    old_and_new: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = old_and_new
    assert main(["info", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["path"] == str(old)
    assert "netwerken move-database" in captured.err
    assert main(["move-database"]) == 0
    assert "Verplaatst naar" in capsys.readouterr().out
    assert main(["info", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["path"] == str(new)
    assert captured.err == ""
    assert main(["--lang", "en", "move-database"]) == 0
    assert "Nothing to move" in capsys.readouterr().out


def run_smoke_test(database: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(database), "--smoke-test"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


def test_the_smoke_test_option_reports_the_painted_list_and_the_record(tmp_path: Path) -> None:
    database = tmp_path / "werk.sqlite"
    store = Store.open(database)
    profile = store.create(full_profile())
    store.close()
    result = run_smoke_test(database, tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["rows"] == 1 and report["record"] == str(profile.id)
    assert report["status"] == 0


def test_the_smoke_test_option_fails_on_an_empty_list(tmp_path: Path) -> None:
    database = tmp_path / "leeg.sqlite"
    Store.open(database).close()
    result = run_smoke_test(database, tmp_path)
    assert result.returncode == EMPTY_LIST, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["rows"] == 0
