"""The English catalogue is complete and current, and the window speaks the chosen language.

Dutch is the source language (the texts in the code); ``resources/translations/netwerken_en.ts``
holds the English, ``netwerken_en.qm`` is compiled from it. Qt's own ``qtbase_nl`` translates
the standard buttons of the Dutch window.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.app import build_main_window
from desktop.operations import DatabaseSession
from desktop.printing.view import install_printing
from desktop.settings import Settings
from desktop.window.main_window import MainWindow
from resources.translations import update
from tests.desktop.conftest import Answers, dispose

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|%\d")
TAG = re.compile(r"</?[a-z0-9]+\s*/?>")


def _catalogue() -> list[tuple[str, str, str]]:
    """(context, Dutch source, English) for every message of the shipped catalogue."""
    rows = []
    for context in ET.parse(update.CATALOGUE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            rows.append(
                (name, message.findtext("source") or "", message.findtext("translation") or "")
            )
    return rows


def _has_tool(name: str) -> bool:
    # The same look-up as the update script (PySide6's own binary first), so the check also runs
    # where the virtual environment's bin folder is not on the PATH (CI calls .venv/bin/python).
    try:
        update.qt_tool(name)
    except FileNotFoundError:
        return False
    return True


needs_lupdate = pytest.mark.skipif(not _has_tool("lupdate"), reason="lupdate not installed")
needs_lrelease = pytest.mark.skipif(not _has_tool("lrelease"), reason="lrelease not installed")


# --- the catalogue ------------------------------------------------------------------------------


def test_every_text_is_translated() -> None:
    assert update.unfinished() == []
    assert len(_catalogue()) > 300  # the whole program, not a handful


@needs_lupdate
def test_catalogue_holds_exactly_the_texts_of_the_current_code(tmp_path: Path) -> None:
    """A text added or changed in desktop/*.py without refreshing the catalogue (python -m
    resources.translations.update) would show in Dutch in the English window."""
    scratch = tmp_path / "scratch_en.ts"
    update.run_lupdate(scratch)
    in_code = set(update.context_of(scratch))
    in_catalogue = set(update.context_of())
    assert sorted(in_code - in_catalogue) == [], "run: python -m resources.translations.update"
    assert sorted(in_catalogue - in_code) == [], "texts no longer in the code"
    # A text outside self.tr()/translate("Context", ...) gets no context and is never translated.
    assert all(context for context, _source in in_code)


@needs_lrelease
def test_shipped_qm_is_compiled_from_the_catalogue(tmp_path: Path) -> None:
    fresh = tmp_path / "netwerken_en.qm"
    update.run_lrelease(update.CATALOGUE, fresh)
    assert update.COMPILED.read_bytes() == fresh.read_bytes(), (
        "run: python -m resources.translations.update"
    )


def test_the_program_finds_the_compiled_file_where_the_package_ships_it() -> None:
    shipped = resources.files("resources.translations").joinpath("netwerken_en.qm")
    assert shipped.is_file()
    assert i18n.program_translation("en") == update.COMPILED
    assert i18n.program_translation("nl") is None  # Dutch is the source: no file needed


@pytest.mark.parametrize(
    ("context", "source", "english"), _catalogue(), ids=lambda value: str(value)[:40]
)
def test_translation_keeps_what_the_code_relies_on(context: str, source: str, english: str) -> None:
    """Placeholders filled by .format(), accelerators, markup, line breaks, the "…" of an item
    that opens a dialog, and the spaces around a text joined to another."""
    assert english.strip(), f"[{context}] {source!r} has no English"
    assert Counter(PLACEHOLDER.findall(english)) == Counter(PLACEHOLDER.findall(source))
    assert english.count("&") == source.count("&")
    assert Counter(TAG.findall(english)) == Counter(TAG.findall(source))
    assert english.count("\n") == source.count("\n")
    assert english.endswith("…") == source.endswith("…")
    assert english.startswith(" ") == source.startswith(" ")
    assert english.strip() == english.strip(" ")  # no stray tabs or line ends at either side
    # Shortcuts named in a text stay the same keys.
    assert re.findall(r"Ctrl\+\w", english) == re.findall(r"Ctrl\+\w", source)


# --- the window ---------------------------------------------------------------------------------


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    # Later tests in this process expect the Dutch source texts.
    i18n.remove_translations(qapp)


def _show(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.has_form() and window.form.has_record())
    return window


def _cancel_button_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    try:
        return box.button(QDialogButtonBox.StandardButton.Cancel).text()
    finally:
        box.deleteLater()


def _texts_shown(window: MainWindow) -> set[str]:
    """Every text of the window a user can read: menus, actions, labels, buttons, tabs,
    placeholders, tooltips and table headers."""
    texts: set[str] = set()
    for action in window.findChildren(QAction):
        texts |= {action.text(), action.toolTip(), action.statusTip(), action.iconText()}
    for menu in window.findChildren(QMenu):
        texts.add(menu.title())
    for widget in window.findChildren(QWidget):
        texts |= {widget.toolTip(), widget.statusTip(), widget.windowTitle()}
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text())
        if isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts |= {widget.tabText(i) for i in range(widget.count())}
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            texts |= {
                str(widget.model().headerData(section, widget.orientation()))
                for section in range(widget.count())
            }
    plain = {text.replace("&", "") for text in texts if text}
    return plain | {text.removesuffix(":") for text in plain}  # form labels get a colon


def test_english_window_shows_english_menus_and_no_dutch_text(
    qtbot: QtBot,
    translators: QApplication,
    session: DatabaseSession,
    settings: Settings,
    answers: Answers,
) -> None:
    assert i18n.install_translations(translators, "en") == "en"
    window = build_main_window(session, settings, "en")
    try:
        _show(qtbot, window)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&File", "&Edit", "&View", "&Help"]
        assert window.action_new.text() == "New network"
        assert window.tabs.tabText(0) == "Edit profile"
        assert _cancel_button_text() == "Cancel"

        # No text of the catalogue shows in its Dutch form where the English differs (a
        # wrong context at run time would do exactly that).
        dutch = {
            source.replace("&", "")
            for _context, source, english in _catalogue()
            if english != source and not PLACEHOLDER.search(source)
        }
        assert sorted(_texts_shown(window) & dutch) == []
    finally:
        dispose(window)


def test_english_window_explains_a_refused_save_in_english(
    qtbot: QtBot,
    translators: QApplication,
    session: DatabaseSession,
    settings: Settings,
    answers: Answers,
) -> None:
    i18n.install_translations(translators, "en")
    window = _show(qtbot, MainWindow(session, settings, language="en"))
    try:
        count = session.store.count()
        window.action_new.trigger()
        form = window.form
        form.editors["drawing_right_eur"].enter("zes euro")
        window.action_save.trigger()

        assert session.store.count() == count  # nothing stored
        summary = answers.last("show_validation_summary")[0]
        assert "Name: is required" in summary
        assert "Drawing right: is not an amount in euro: zes euro" in summary
        assert form.editors["name"].message_text() == "is required"
        assert form.editors["drawing_right_eur"].message_text() == (
            "is not an amount in euro: zes euro"
        )
    finally:
        dispose(window)


def test_english_window_reports_a_pdf_failure_in_english(
    qtbot: QtBot,
    translators: QApplication,
    session: DatabaseSession,
    settings: Settings,
    answers: Answers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    i18n.install_translations(translators, "en")
    window = _show(qtbot, MainWindow(session, settings, language="en"))
    try:
        controller = install_printing(window).controller
        errors: list[tuple[str, str]] = []
        monkeypatch.setattr(
            controller, "_ask_pdf_path", lambda _suggested: tmp_path / "gone" / "x.pdf"
        )
        monkeypatch.setattr(
            controller, "_show_error", lambda title, message: errors.append((title, message))
        )
        assert controller.export_pdf([next(session.store.iter_profiles())]) is None
        assert errors == [
            (
                "Export failed",
                f"The folder {tmp_path / 'gone'} does not exist: x.pdf was not written.",
            )
        ]
    finally:
        dispose(window)


def test_dutch_is_the_default_language(
    qtbot: QtBot, translators: QApplication, session: DatabaseSession, settings: Settings
) -> None:
    assert settings.preferences.language == "nl"
    assert i18n.install_translations(translators, settings.preferences.language) == "nl"
    window = _show(qtbot, MainWindow(session, settings))
    try:
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&Bestand", "Be&werken", "Bee&ld", "&Help"]
        assert window.action_new.text() == "Nieuw netwerk"
    finally:
        dispose(window)


def test_qt_standard_buttons_speak_dutch(translators: QApplication) -> None:
    qt_dutch = Path(i18n.qt_translations_dir()) / "qtbase_nl.qm"
    if not qt_dutch.is_file():
        pytest.skip(f"Qt's own Dutch translations are not installed ({qt_dutch} is missing)")
    i18n.install_translations(translators, "nl")
    assert _cancel_button_text() == "Annuleren"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"


@needs_lupdate
def test_update_check_notices_a_catalogue_that_lags_behind(tmp_path: Path) -> None:
    """What ``python -m resources.translations.update --check`` relies on: a text the catalogue
    lacks, and one it has not translated yet, are both found."""
    tree = ET.parse(update.CATALOGUE)
    for context in tree.getroot().iter("context"):
        for message in list(context.iter("message")):
            source = message.findtext("source")
            translation = message.find("translation")
            if source == "Afsluiten":
                context.remove(message)
            elif source == "Werkbalk" and translation is not None:
                translation.text = ""
                translation.set("type", "unfinished")
    lagging = tmp_path / "netwerken_en.ts"
    tree.write(lagging, encoding="utf-8", xml_declaration=True)
    assert update.missing_from_catalogue(lagging) == [("MainWindow", "Afsluiten")]
    assert update.unfinished(lagging) == [("MainWindow", "Werkbalk")]
