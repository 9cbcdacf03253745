"""Starting the program's window, and loading translations."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from db.storage.store import Store
from desktop import app as app_module
from desktop import dialogs, i18n
from desktop import settings as settings_module
from desktop.operations import DatabaseSession
from desktop.settings import Settings
from desktop.window.main_window import MainWindow
from resources.translations import update
from tests.desktop.conftest import dispose, sample_profiles

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def translations_removed(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    # Later tests expect the Dutch source strings.
    i18n.remove_translations(qapp)


def _cancel() -> str:
    return QCoreApplication.translate("QPlatformTheme", "Cancel")


def test_dutch_also_translates_qt_standard_buttons(translations_removed: QApplication) -> None:
    assert i18n.install_translations(translations_removed, "nl") == "nl"
    assert _cancel() == "Annuleren"


def test_english_without_its_file_stays_dutch(
    translations_removed: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    assert i18n.install_translations(translations_removed, "en") == "nl"
    assert _cancel() == "Annuleren"  # one language throughout, not half English
    assert i18n.install_translations(translations_removed, "xx") == "nl"


def _has_tool(name: str) -> bool:
    try:
        update.qt_tool(name)
    except FileNotFoundError:
        return False
    return True


@pytest.mark.skipif(not _has_tool("lrelease"), reason="lrelease not installed")
def test_english_file_is_used_when_present(
    translations_removed: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    session: DatabaseSession,
    settings: Settings,
) -> None:
    source = tmp_path / "netwerken_en.ts"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="en">\n'
        "<context><name>MainWindow</name><message><source>Nieuw netwerk</source>"
        "<translation>New network</translation></message></context>\n</TS>\n",
        encoding="utf-8",
    )
    subprocess.run(
        [update.qt_tool("lrelease"), str(source), "-qm", str(tmp_path / "netwerken_en.qm")],
        check=True,
        capture_output=True,
    )
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    assert i18n.install_translations(translations_removed, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "Nieuw netwerk") == "New network"
    assert _cancel() == "Cancel"
    # The window's self.tr() looks the string up in the context lupdate gives it.
    window = MainWindow(session, settings, language="en")
    try:
        assert window.action_new.text() == "New network"
    finally:
        dispose(window)


@pytest.mark.skipif(not _has_tool("lupdate"), reason="lupdate not installed")
def test_every_window_string_is_extracted_with_its_class_as_context(tmp_path: Path) -> None:
    sources = [str(path) for path in update.source_files()]
    target = tmp_path / "check.ts"
    subprocess.run(
        [update.qt_tool("lupdate"), *sources, "-ts", str(target)], check=True, capture_output=True
    )
    text = target.read_text(encoding="utf-8")
    assert "<name>MainWindow</name>" in text and "<name>NetworkForm</name>" in text
    # A string found outside self.tr()/translate("Context", ...) lands in an empty context and
    # would never be translated at run time.
    assert "<name></name>" not in text


def test_run_gui_opens_the_named_database_and_shows_the_window(
    translations_removed: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "werk.sqlite"
    store = Store.open(path)
    for profile in sample_profiles():
        store.create(profile)
    store.close()
    real_settings = settings_module.Settings
    monkeypatch.setattr(settings_module, "Settings", lambda: real_settings(tmp_path / "s.ini"))
    seen: dict[str, Any] = {}

    def run_event_loop() -> int:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        assert len(windows) == 1
        window = windows[0]
        window.grab()  # the list's first paint; the form follows right after
        deadline = time.monotonic() + 5
        while not (window.has_form() and window.form.has_record()) and time.monotonic() < deadline:
            QApplication.processEvents()
        seen["rows"] = window.list_model.rowCount()
        seen["title"] = window.windowTitle()
        seen["shown"] = window.form.current_id == window.list_model.id_at(0)
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(translations_removed, "exec", run_event_loop)
    assert app_module.run_gui(["--db", str(path)]) == 0
    assert seen == {"rows": 3, "title": "werk.sqlite[*] — Netwerken", "shown": True}
    recent = real_settings(tmp_path / "s.ini").preferences.recent_databases
    assert recent == [str(path.resolve())]


def test_run_gui_refuses_a_foreign_file_with_a_reason(
    translations_removed: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "brief.sqlite"
    path.write_text("geen database", encoding="utf-8")
    real_settings = settings_module.Settings
    monkeypatch.setattr(settings_module, "Settings", lambda: real_settings(tmp_path / "s.ini"))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_critical", lambda _parent, _title, text: shown.append(text))
    assert app_module.run_gui(["--db", str(path)]) == 1
    assert len(shown) == 1 and "geen database" in shown[0]


def test_gui_arguments() -> None:
    options = app_module.parse_gui_args(["--db", "x.sqlite", "--lang", "en"])
    assert options.db == "x.sqlite" and options.lang == "en"
    assert app_module.parse_gui_args([]).db is None
