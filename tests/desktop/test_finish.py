"""The finish of issue 16: nothing cut off, Qt's dialogs in Dutch and starting in the
officer's folders, the command line in Dutch, documents with ordinary permissions, one menu
entry per action, an honest import title, and a Help menu."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from db.storage.backup import backup_folder
from db.storage.locations import export_folder
from desktop import dialogs, i18n
from desktop.cli import run_command
from desktop.exchange.dialogs import install_exchange
from desktop.exchange.text_import import DuplicateAnswer, install_text_import
from desktop.printing.view import BatchChoice, BatchKind, install_printing
from desktop.window.help_menu import install_help
from desktop.window.main_window import MainWindow
from tests.desktop.conftest import Answers, by_name, dispose

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def dutch_qt(qapp: QApplication) -> Iterator[QApplication]:
    i18n.install_translations(qapp, "nl")
    yield qapp
    i18n.remove_translations(qapp)


@pytest.fixture(autouse=True)
def _fresh_last_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "_last_folder", None)


def all_actions(menu: QMenu) -> Iterator[Any]:
    for action in menu.actions():
        yield action
        if action.menu() is not None:
            yield from all_actions(action.menu())


# --- 11. nothing cut off ------------------------------------------------------------------------


def test_a_long_source_line_wraps_and_is_shown_whole(qtbot: QtBot, window: MainWindow) -> None:
    genk = by_name(window.session.store, "Lokaal netwerk Genk")
    source = genk.source.model_copy(
        update={"file_name": "Fiche lokaal netwerk vrijetijdsparticipatie Genk " * 3 + ".txt"}
    )
    window.session.save(genk.model_copy(update={"source": source}))
    window.show_record(genk.id)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    form = window.form
    form.scroll_to_section("info")
    qtbot.wait(50)
    label = form.info_source
    assert "ingelezen" in label.text() or label.text().endswith(".txt")
    assert label.height() >= label.heightForWidth(label.width())  # all its lines
    button = form.raw_text_button
    assert button.width() >= button.sizeHint().width()


# --- 12. Qt's dialogs in Dutch, starting in the officer's folders --------------------------------


def test_the_file_dialog_speaks_dutch(dutch_qt: QApplication) -> None:
    dialog = QFileDialog(None, "Exporteren", str(Path.home()), "PDF-bestanden (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    dialog.deleteLater()
    assert "&Zoeken in:" in texts and "Bestands&type:" in texts
    assert not any(text in texts for text in ("&Look in:", "Files of &type:"))


def test_the_file_dialog_has_room_for_its_columns(
    qtbot: QtBot, dutch_qt: QApplication, tmp_path: Path
) -> None:
    (tmp_path / "map").mkdir()
    (tmp_path / "fiche.pdf").write_bytes(b"%PDF-1.4")
    with dialogs.roomy_file_dialogs():
        dialog = QFileDialog(None, "Exporteren", str(tmp_path), "PDF-bestanden (*.pdf)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.show()
        qtbot.waitExposed(dialog)
    try:
        assert dialog.width() >= dialogs.FILE_DIALOG_SIZE.width()
        view = next(v for v in dialog.findChildren(QTreeView) if v.isVisible())
        model = view.model()
        qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2)
        header = view.header()
        metrics = header.fontMetrics()
        for column in range(1, header.count()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            assert header.sectionSize(column) >= metrics.horizontalAdvance(title)  # not cut
        types = {model.index(row, 2, view.rootIndex()).data() for row in range(2)}
        assert "Map" in types  # not "Folder"
        shot = tmp_path / "file-dialog.png"
        assert dialog.grab().save(str(shot))
    finally:
        dialog.close()
        dialog.deleteLater()
    # Only while that dialog was asked for: a dialog shown afterwards keeps Qt's own size.
    later = QFileDialog(None, "Ander", str(tmp_path))
    later.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    later.show()
    qtbot.waitExposed(later)
    assert later.width() < dialogs.FILE_DIALOG_SIZE.width()
    later.close()
    later.deleteLater()


def test_file_dialogs_start_in_documents_then_in_the_last_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_exchange(window)
    asked: list[str] = []
    chosen = tmp_path / "elders" / "lijst.xlsx"
    chosen.parent.mkdir()

    def save_as(_parent: object, _title: str, start: str, _filters: str, *_: object) -> Any:
        asked.append(start)
        return "", ""  # the officer cancels

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.action_export_other.trigger()
    documents = export_folder()
    assert Path(asked[-1]).parent == documents
    assert window.session.path is not None
    assert Path(asked[-1]).parent != window.session.path.parent  # not the database's folder
    dialogs.remember_folder(chosen)  # what choosing a file there does
    window.action_export_db.trigger()
    assert Path(asked[-1]).parent == chosen.parent


def test_the_print_dialog_suggests_a_pdf_in_documents(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    printing = install_printing(window)
    suggested: list[str] = []

    def look(dialog: Any) -> bool:
        dialog.show()  # the dialog fills its fields when shown
        field = dialog.findChild(QLineEdit, "filename")
        suggested.append(field.text())
        dialog.hide()
        return False

    monkeypatch.setattr(printing.controller, "_run_print_dialog", look)
    window.show_record(by_name(window.session.store, "Lokaal netwerk Genk").id)
    window.action_print.trigger()
    assert suggested == [str(export_folder() / "Genk.pdf")]


# --- 13. the command line in Dutch, the English window in English -------------------------------


def test_the_command_line_help_is_dutch_and_english_with_lang_en(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        run_command(["--help"])
    dutch = capsys.readouterr().out
    assert dutch.startswith("gebruik: netwerken")
    assert "opties:" in dutch and "deze hulp tonen en stoppen" in dutch
    assert not any(word in dutch for word in ("usage:", "positional arguments", "options:"))
    with pytest.raises(SystemExit):
        run_command(["pdf"])
    assert "netwerken pdf: fout: een van deze argumenten is nodig" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run_command(["--lang", "en", "--help"])
    assert capsys.readouterr().out.startswith("usage: netwerken")


def test_the_english_window_writes_the_period_in_english(
    qtbot: QtBot, make_window: Any, answers: Answers
) -> None:
    window = make_window()
    english = MainWindow(window.session, window.settings, language="en")
    try:
        model = english.list_model
        genk = by_name(english.session.store, "Lokaal netwerk Genk")
        row = model.row_of(genk.id)
        assert row is not None
        from desktop.window.network_list import Column

        assert model.index(row, Column.PERIOD).data() == "1st · 2008–2013"
        assert window.list_model.index(row, Column.PERIOD).data() == "1e · 2008–2013"
    finally:
        dispose(english)


# --- 14. one PDF per network, with ordinary permissions -----------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")
def test_one_pdf_per_network_is_written_with_the_umask(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printing = install_printing(window)
    folder = tmp_path / "pdf"
    folder.mkdir()
    monkeypatch.setattr(
        printing.controller, "_ask_batch_kind", lambda count: BatchChoice(BatchKind.FOLDER, False)
    )
    monkeypatch.setattr(printing.controller, "_ask_folder", lambda start: folder)
    mask = os.umask(0o022)
    try:
        written = printing.export_list()
    finally:
        os.umask(mask)
    assert len(written) == 3
    assert {path.stat().st_mode & 0o777 for path in written} == {0o644}
    assert sorted(folder.iterdir()) == sorted(written)  # no temporary file left behind


# --- 15. one menu entry per action; an honest import title --------------------------------------


def test_every_menu_action_stands_once(window: MainWindow) -> None:
    install_printing(window)
    install_exchange(window)
    texts = [
        action.text()
        for menu in (window.menu_file, window.menu_edit, window.menu_view, window.menu_help)
        for action in all_actions(menu)
        if action.text() and action.menu() is None
    ]
    assert texts.count("Netwerken in de lijst als PDF…") == 1
    duplicates = {text for text in texts if texts.count(text) > 1}
    assert not duplicates


def test_an_import_that_stores_nothing_is_not_called_imported(
    qtbot: QtBot, window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.exchange import text_import

    controller = install_text_import(window)
    controller.import_files([SAMPLES / "dilbeek.txt"])
    assert answers.last("show_text")[0] == "Fiches geïmporteerd"
    monkeypatch.setattr(text_import, "ask_duplicate", lambda *_: (DuplicateAnswer.SKIP, True))
    controller.import_files([SAMPLES / "dilbeek.txt"])
    title, text = answers.last("show_text")
    assert title == "Geen fiches geïmporteerd" and "overgeslagen" in text


# --- 16. Help ------------------------------------------------------------------------------------


def test_help_explains_search_and_shortcuts_and_opens_the_data_folders(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    helper = install_help(window)
    menu = [action.text() for action in window.menu_help.actions() if action.text()]
    assert menu == [
        "Zoeken: zo werkt het",
        "Sneltoetsen",
        "Waar staan mijn gegevens?",
        "Over Netwerken",
    ]
    helper.action_search.trigger()
    assert helper.shown is not None and not helper.shown.isModal()
    text = helper.shown.text()
    for piece in ('"sociale dienst"', "OF", "-sport", "welz", "Esc"):
        assert piece in text

    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_F1)  # the shortcuts, by their own key
    assert helper.shown.windowTitle() == "Sneltoetsen"
    shortcuts = helper.shown.text()
    for piece in ("Ctrl+N", "Nieuw netwerk", "Ctrl+S", "Opslaan", "Ctrl+F", "Zoeken", "F2"):
        assert piece in shortcuts

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    helper.action_data.trigger()
    page = helper.shown.text()
    database = window.session.path
    assert database is not None
    assert str(database) in page and str(backup_folder(database)) in page
    buttons = {button.text(): button for button in helper.shown.findChildren(QPushButton)}
    qtbot.mouseClick(buttons["Map van de back-ups openen"], Qt.MouseButton.LeftButton)
    assert opened[-1] == QUrl.fromLocalFile(str(backup_folder(database)))
    assert opened[-1].isLocalFile()
    qtbot.mouseClick(buttons["Map van de database openen"], Qt.MouseButton.LeftButton)
    assert opened[-1].toLocalFile() == str(database.parent)
    helper.shown.close()
