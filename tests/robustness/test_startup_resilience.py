"""Settings and recent files that point at missing or broken files never stop the program.

The program is started through ``desktop.app.run_gui`` (the real start-up path) with its event
loop replaced by a function that looks at the window and closes it.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication

from db.storage.locations import default_database_path
from desktop import app as app_module
from desktop import dialogs, i18n
from desktop import settings as settings_module
from desktop.window.main_window import MainWindow
from tests.desktop.conftest import Answers, _no_modal_dialogs, answers
from tests.robustness.windows import filled_database

__all__ = ["_no_modal_dialogs", "answers"]  # fixtures shared with the desktop tests
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")  # offscreen platform

Look = Callable[[MainWindow], None]


@pytest.fixture
def started(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> Iterator[Callable[..., dict[str, Any]]]:
    """``started(args, look=None)`` runs the program; returns what the window showed."""
    settings_file = tmp_path / "instellingen.ini"
    real_settings = settings_module.Settings
    monkeypatch.setattr(settings_module, "Settings", lambda: real_settings(settings_file))
    critical: list[str] = []
    monkeypatch.setattr(
        dialogs, "show_critical", lambda _parent, _title, text: critical.append(text)
    )

    def start(args: list[str], look: Look | None = None) -> dict[str, Any]:
        seen: dict[str, Any] = {"critical": critical}

        def event_loop() -> int:
            windows = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()
            ]
            assert len(windows) == 1
            window = windows[0]
            window.grab()  # the list's first paint; the form and its record follow right after
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and not (
                window.has_form() and window.form.has_record()
            ):
                QApplication.processEvents()
            QApplication.processEvents()  # the daily backup
            seen["rows"] = window.list_model.rowCount()
            seen["record shown"] = window.form.current_id is not None
            seen["status"] = window.statusBar().currentMessage()
            if look is not None:
                look(window)
            if window.has_form():
                window.form.discard()
            window.close()
            window.deleteLater()
            return 0

        monkeypatch.setattr(qapp, "exec", event_loop)
        seen["code"] = app_module.run_gui(args)
        return seen

    yield start
    i18n.remove_translations(qapp)  # later tests expect the Dutch source strings


def write_hostile_settings(settings_file: Path, recent: list[str]) -> None:
    """Settings a crash, an old version or a hand edit could leave: wrong types everywhere."""
    raw = QSettings(str(settings_file), QSettings.Format.IniFormat)
    raw.setValue("preferences/language", "xx")
    raw.setValue("preferences/recent_databases", recent)
    raw.setValue("window/geometry", QByteArray(b"\x00geen geometrie\xff" * 10))
    raw.setValue("window/state", QByteArray(b"rommel"))
    raw.setValue("window/splitter", QByteArray(b"\x01\x02\x03"))
    raw.setValue("window/column_widths", ["abc", "-5", "99999999999999999999"])
    raw.setValue("window/sort_column", "999")
    raw.setValue("window/sort_descending", "misschien")
    raw.setValue("window/last_network_id", "geen-uuid")
    raw.sync()


def broken_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "tekst.sqlite"
    text.write_text("dit is geen database\n" * 10, encoding="utf-8")
    empty = folder / "leeg.sqlite"
    empty.write_bytes(b"")
    foreign = folder / "ander.sqlite"
    with sqlite3.connect(foreign) as raw:
        raw.execute("CREATE TABLE recepten (naam TEXT)")
    truncated = folder / "afgekapt.sqlite"
    filled_database(truncated)
    truncated.write_bytes(truncated.read_bytes()[:4096])
    directory = folder / "map.sqlite"
    directory.mkdir()
    return {
        "missing": folder / "weg" / "verdwenen.sqlite",
        "text": text,
        "empty": empty,
        "foreign": foreign,
        "truncated": truncated,
        "directory": directory,
    }


def test_the_program_starts_with_broken_settings_and_recent_files(
    started: Callable[..., dict[str, Any]], tmp_path: Path, answers: Answers
) -> None:
    database = tmp_path / "werk.sqlite"
    filled_database(database)
    broken = broken_files(tmp_path / "kapot")
    recent = [str(path) for path in broken.values()] + ["", "\u202e\U0001f600 rare naam"]
    write_hostile_settings(tmp_path / "instellingen.ini", recent)
    tried: dict[str, bool] = {}

    def look(window: MainWindow) -> None:
        window.menu_recent.aboutToShow.emit()  # the recent menu fills without failing
        labels = [action.text() for action in window.menu_recent.actions()]
        assert "verdwenen.sqlite" in labels
        for name, path in broken.items():
            tried[name] = window.open_recent(str(path))
            assert window.session.path == database  # the open database stays open
        assert window.list_model.rowCount() == 3

    seen = started(["--db", str(database)], look)
    assert seen["code"] == 0
    assert seen["critical"] == []
    assert seen["rows"] == 3
    assert seen["record shown"]
    assert tried == dict.fromkeys(broken, False)
    errors = [args for name, args in answers.shown if name == "show_error"]
    assert len(errors) == len(broken)
    assert all(message.strip() for _title, message in errors)
    assert "bestaat niet meer" in errors[0][1]  # the missing one, taken off the list
    remembered = settings_module.Settings().preferences.recent_databases
    assert str(broken["missing"]) not in remembered
    assert remembered[0] == str(database.resolve())
    for name in ("text", "empty", "foreign"):
        assert broken[name].exists()  # a refused file is never touched or removed


def test_the_program_starts_with_a_settings_file_of_random_bytes(
    started: Callable[..., dict[str, Any]], tmp_path: Path
) -> None:
    database = tmp_path / "werk.sqlite"
    filled_database(database)
    noise = random.Random(9).randbytes(8192)
    (tmp_path / "instellingen.ini").write_bytes(noise)
    seen = started(["--db", str(database)])
    assert seen["code"] == 0
    assert seen["rows"] == 3


def test_a_failing_daily_backup_is_told_in_the_status_bar_and_the_program_runs(
    started: Callable[..., dict[str, Any]], tmp_path: Path
) -> None:
    database = tmp_path / "werk.sqlite"
    filled_database(database)
    (tmp_path / "backups").write_text("een bestand waar de back-upmap hoort\n", encoding="utf-8")
    seen = started(["--db", str(database)])
    assert seen["code"] == 0
    assert seen["rows"] == 3
    assert "back-up" in seen["status"]


def test_a_first_start_creates_and_fills_the_default_database(
    started: Callable[..., dict[str, Any]],
) -> None:
    assert not default_database_path().exists()
    seen = started([])
    assert seen["code"] == 0
    assert seen["rows"] == 5  # the sample profiles
    assert default_database_path().exists()


@pytest.mark.parametrize("kind", ["text", "empty", "foreign", "truncated"])
def test_a_broken_default_database_is_refused_with_a_reason_and_left_untouched(
    started: Callable[..., dict[str, Any]], tmp_path: Path, kind: str
) -> None:
    """The program cannot fall back from its own default database: it says why, exits cleanly
    and leaves the file exactly as it was (the officer or a backup can still rescue it)."""
    broken = broken_files(tmp_path / "kapot")[kind]
    default = default_database_path()
    default.parent.mkdir(parents=True, exist_ok=True)
    default.write_bytes(broken.read_bytes())
    before = default.read_bytes()

    def look(window: MainWindow) -> None:
        # Only a truncated file passes the header check; its first read then fails clearly.
        assert kind == "truncated"

    seen = started([], look)
    if seen["code"] == 1:
        assert len(seen["critical"]) == 1
        assert seen["critical"][0].strip()
    else:
        assert kind == "truncated"
    assert default.read_bytes() == before
