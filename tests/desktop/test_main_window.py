"""The main window: choosing records, the unsaved-changes guard, delete and undo, conflicts,
opening and creating databases, menus and remembered window state."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.storage.store import Store
from desktop import dialogs
from desktop.form.form_widgets import LineField
from desktop.operations import DatabaseSession
from desktop.settings import Settings
from desktop.window.main_window import DEFAULT_SIZE, MainWindow
from tests.desktop.conftest import Answers, by_name, type_text

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def select_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    """Click a row of the list, as the user does."""
    view = window.list_view
    rect = view.visualRect(window.list_model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def edit_name(qtbot: QtBot, window: MainWindow, suffix: str) -> None:
    name = window.form.editors["name"]
    assert isinstance(name, LineField)
    name.line.setFocus()
    name.line.end(False)
    type_text(qtbot, name.line, suffix)


# --- the window --------------------------------------------------------------------------------


def test_window_shows_list_menus_and_title(window: MainWindow, db_path: Path) -> None:
    assert window.list_model.rowCount() == 3
    assert window.count_label.text() == "3 netwerken"
    assert window.windowTitle() == f"{db_path.name}[*] — Netwerken"
    assert not window.isWindowModified()
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["Bestand", "Bewerken", "Beeld", "Help"]
    assert window.tabs.tabText(0) == "Fiche bewerken"
    shortcuts = {
        window.action_new: "Ctrl+N",
        window.action_save: "Ctrl+S",
        window.action_undo: "Ctrl+Z",
        window.action_redo: "Ctrl+Shift+Z",
        window.action_delete: "Del",
        window.action_find: "Ctrl+F",
        window.action_print: "Ctrl+P",
        window.action_quit: "Ctrl+Q",
    }
    for action, keys in shortcuts.items():
        assert action.shortcut().toString() == keys, action.text()
    for placeholder in (
        window.action_print,
        window.action_print_preview,
        window.action_export_pdf,
        window.action_import_db,
        window.action_export_db,
        window.action_restore_backup,
        window.action_export_other,
        window.action_find,
    ):
        assert not placeholder.isEnabled()
        assert "komt in een volgende versie" in placeholder.toolTip()
    called: list[str] = []
    window.enable_action(window.action_print, lambda: called.append("print"))
    window.action_print.trigger()
    assert called == ["print"] and window.action_print.isEnabled()


def test_the_first_window_is_never_larger_than_the_screen(window: MainWindow) -> None:
    """Regression: the first start opened at 1400×900 whatever the screen, so on a 1024×700
    screen the right half of the form was out of reach. (The offscreen screen is smaller than
    the default size, so this test sees the clamp.)"""
    screen = window.screen()
    assert screen is not None
    available = screen.availableGeometry()
    assert available.width() < DEFAULT_SIZE[0] or available.height() < DEFAULT_SIZE[1]
    window._apply_default_layout()
    assert window.width() <= available.width()
    assert window.height() <= available.height()


def test_choosing_a_row_shows_the_record(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.currentRecordChanged) as signal:
        select_row(qtbot, window, 1)
    borsbeek = window.list_model.id_at(1)
    assert signal.args == [borsbeek]
    assert window.form.current_id == borsbeek
    assert window.form.editors["name"].value() == "Lokaal netwerk Borsbeek"
    assert window.editor_stack.currentWidget() is window.form
    assert window.action_delete.isEnabled() and not window.action_save.isEnabled()


def test_select_first_record_remembers_the_last_one(window: MainWindow, settings: Settings) -> None:
    window.select_first_record()
    assert window.form.current_id == window.list_model.id_at(0)
    genk = window.list_model.id_at(2)
    window.show_record(genk)  # type: ignore[arg-type]
    assert settings.window.last_network_id == str(genk)
    window.form.clear()
    window.select_first_record()
    assert window.form.current_id == genk


# --- the unsaved-changes guard ---------------------------------------------------------------------


def test_switching_with_unsaved_changes_asks(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    select_row(qtbot, window, 0)
    aalst = window.form.current_id
    edit_name(qtbot, window, " bis")
    assert window.isWindowModified()

    answers.save_choice = dialogs.SaveChoice.CANCEL
    select_row(qtbot, window, 2)
    assert answers.last("save") == ("Lokaal netwerk Aalst bis",)
    assert window.form.current_id == aalst  # stayed, with the edits
    assert window.form.is_modified()
    assert window.list_view.current_id() == aalst

    answers.save_choice = dialogs.SaveChoice.DISCARD
    select_row(qtbot, window, 2)
    assert window.form.current_id == window.list_model.id_at(2)
    assert window.session.get(aalst).name == "Lokaal netwerk Aalst"  # type: ignore[arg-type]

    edit_name(qtbot, window, " (nieuw)")
    answers.save_choice = dialogs.SaveChoice.SAVE
    select_row(qtbot, window, 0)
    assert by_name(window.session.store, "Lokaal netwerk Genk (nieuw)") is not None
    assert window.form.current_id == aalst
    assert answers.names() == ["save", "save", "save"]


def test_a_refused_save_keeps_the_record(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    select_row(qtbot, window, 0)
    name = window.form.editors["name"]
    assert isinstance(name, LineField)
    name.line.setFocus()
    name.line.selectAll()
    qtbot.keyClick(name.line, Qt.Key.Key_Delete)
    answers.save_choice = dialogs.SaveChoice.SAVE
    select_row(qtbot, window, 1)
    assert answers.names() == ["save", "show_validation_summary"]
    assert window.form.current_id == window.list_model.id_at(0)
    assert window.form.is_modified()


def test_closing_with_unsaved_changes_asks(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    select_row(qtbot, window, 1)
    edit_name(qtbot, window, " 2")
    answers.save_choice = dialogs.SaveChoice.CANCEL
    assert window.close() is False
    assert window.isVisible() and window.form.is_modified()
    answers.save_choice = dialogs.SaveChoice.SAVE
    assert window.close() is True
    assert by_name(window.session.store, "Lokaal netwerk Borsbeek 2") is not None


def test_new_network_with_unsaved_changes_asks_first(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    select_row(qtbot, window, 1)
    edit_name(qtbot, window, " 3")
    answers.save_choice = dialogs.SaveChoice.CANCEL
    qtbot.keyClick(window.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert answers.names() == ["save"]
    assert not window.form.is_new


# --- delete and undo ----------------------------------------------------------------------------------


def test_delete_asks_and_can_be_undone(qtbot: QtBot, window: MainWindow, answers: Answers) -> None:
    select_row(qtbot, window, 1)
    borsbeek = window.form.stored_profile()
    assert borsbeek is not None
    window.list_view.setFocus()

    answers.delete = False
    qtbot.keyClick(window.list_view, Qt.Key.Key_Delete)
    assert answers.last("delete")[0] == "Lokaal netwerk Borsbeek"
    assert window.session.store.count() == 3

    answers.delete = True
    qtbot.keyClick(window.list_view, Qt.Key.Key_Delete)
    assert window.session.store.find(borsbeek.id) is None
    assert borsbeek.id not in window.list_model.ids()
    assert window.count_label.text() == "2 netwerken"
    assert window.form.current_id == window.list_model.id_at(1)  # went on with the next one

    assert window.action_undo.isEnabled()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = window.session.store.get(borsbeek.id)
    assert restored.content_equals(borsbeek)
    assert restored.created_at == borsbeek.created_at
    assert window.form.current_id == borsbeek.id
    assert window.list_model.rowCount() == 3

    window.list_view.setFocus()
    window.action_redo.trigger()
    assert window.session.store.find(borsbeek.id) is None


def test_delete_key_in_a_form_field_deletes_text_not_the_network(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    select_row(qtbot, window, 1)
    name = window.form.editors["name"]
    assert isinstance(name, LineField)
    name.line.setFocus()
    name.line.home(False)
    qtbot.keyClick(name.line, Qt.Key.Key_Delete)
    assert name.value() == "okaal netwerk Borsbeek"
    assert "delete" not in answers.names()
    assert window.session.store.count() == 3


def test_discarding_a_new_unsaved_network(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    window.action_new.trigger()
    edit_name(qtbot, window, "Iets")
    answers.discard_new = False
    window.action_delete.trigger()
    assert window.form.is_new
    answers.discard_new = True
    window.action_delete.trigger()
    assert not window.form.has_record()
    assert window.editor_stack.currentWidget() is window.empty_page
    assert window.session.store.count() == 3


# --- conflicts ---------------------------------------------------------------------------------------


def _changed_elsewhere(db_path: Path, name: str, alias: str) -> None:
    """Another program saves the same record in the same file."""
    other = Store.open(db_path)
    try:
        profile = by_name(other, name)
        other.update(profile.model_copy(update={"alias": alias}))
    finally:
        other.close()


@pytest.mark.parametrize("choice", list(dialogs.ConflictChoice))
def test_saving_a_stale_record_shows_the_conflict(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    db_path: Path,
    choice: dialogs.ConflictChoice,
) -> None:
    select_row(qtbot, window, 1)
    edit_name(qtbot, window, " mijn versie")
    _changed_elsewhere(db_path, "Lokaal netwerk Borsbeek", "hun versie")
    answers.conflict = choice
    saved = window.save_record()
    assert "conflict" in answers.names()
    message = answers.last("conflict")[0]
    assert "intussen gewijzigd" in message
    stored = window.session.get(window.list_model.id_at(1))  # type: ignore[arg-type]
    form = window.form
    if choice == dialogs.ConflictChoice.CANCEL:
        assert saved is False
        assert stored.alias == "hun versie" and stored.name == "Lokaal netwerk Borsbeek"
        assert form.is_modified() and form.values()["name"] == "Lokaal netwerk Borsbeek mijn versie"
    elif choice == dialogs.ConflictChoice.RELOAD:
        assert saved is True
        assert not form.is_modified()
        assert form.values()["alias"] == "hun versie"
        assert form.values()["name"] == "Lokaal netwerk Borsbeek"
    else:
        assert saved is True
        assert stored.name == "Lokaal netwerk Borsbeek mijn versie"
        assert stored.alias == "Surplus"  # mine, deliberately over theirs
        assert not form.is_modified()


def test_an_unedited_record_follows_changes_made_elsewhere(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    select_row(qtbot, window, 1)
    _changed_elsewhere(db_path, "Lokaal netwerk Borsbeek", "elders")
    window.action_refresh.trigger()
    assert window.form.values()["alias"] == "elders"


# --- databases --------------------------------------------------------------------------------------


def test_opening_a_file_that_is_not_a_netwerken_database(
    window: MainWindow, answers: Answers, tmp_path: Path, db_path: Path
) -> None:
    text_file = tmp_path / "notities.sqlite"
    text_file.write_text("gewoon tekst", encoding="utf-8")
    foreign = tmp_path / "ander.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("create table t (x)")
    connection.commit()
    connection.close()
    newer = tmp_path / "nieuwer.sqlite"
    Store.open(newer).close()
    connection = sqlite3.connect(newer)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()

    for path, reason in [
        (text_file, "geen database"),
        (foreign, "van een ander programma"),
        (newer, "nieuwere versie"),
    ]:
        answers.open_path = path
        assert window.open_database() is False
        title, message = answers.last("show_error")
        assert title == "Database niet geopend"
        assert reason in message and "De huidige database blijft open." in message
        assert window.session.path == db_path
        assert window.list_model.rowCount() == 3


def test_open_new_and_recent_databases(
    qtbot: QtBot,
    window: MainWindow,
    answers: Answers,
    tmp_path: Path,
    db_path: Path,
    settings: Settings,
) -> None:
    select_row(qtbot, window, 0)
    answers.new_path = tmp_path / "leeg"
    assert window.new_database() is True
    created = tmp_path / "leeg.sqlite"
    assert window.session.path == created
    assert window.list_model.rowCount() == 0
    assert window.count_label.text() == "0 netwerken"
    assert window.windowTitle().startswith("leeg.sqlite")
    assert not window.form.has_record()
    assert settings.preferences.recent_databases == [str(created.resolve())]

    answers.new_path = created  # exists: never overwritten
    assert window.new_database() is False
    assert "bestaat al" in answers.last("show_error")[1]

    answers.open_path = db_path
    assert window.open_database() is True
    assert window.list_model.rowCount() == 3
    assert settings.preferences.recent_databases == [str(db_path.resolve()), str(created.resolve())]

    window._fill_recent_menu()
    entries = [a.text() for a in window.menu_recent.actions() if a.text()]
    assert entries[:2] == [db_path.name, "leeg.sqlite"]
    assert window.open_recent(str(created.resolve())) is True
    assert window.session.path == created
    created_gone = tmp_path / "weg.sqlite"
    settings.preferences.add_recent_database(created_gone)
    assert window.open_recent(str(created_gone.resolve())) is False
    assert str(created_gone.resolve()) not in settings.preferences.recent_databases


def test_opening_another_database_with_unsaved_changes_asks(
    qtbot: QtBot, window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    select_row(qtbot, window, 0)
    edit_name(qtbot, window, " x")
    answers.save_choice = dialogs.SaveChoice.CANCEL
    answers.open_path = tmp_path / "other.sqlite"
    assert window.open_database() is False
    assert "open_path" not in answers.names()


# --- settings ----------------------------------------------------------------------------------------


def test_window_state_and_language_are_remembered(
    qtbot: QtBot,
    window: MainWindow,
    settings: Settings,
    answers: Answers,
    make_window: Callable[[], MainWindow],
) -> None:
    window.resize(780, 560)  # the offscreen screen is 800 × 600: a window must fit on it
    qtbot.waitUntil(lambda: window.width() == 780)
    QApplication.processEvents()
    window.splitter.setSizes([300, 470])
    QApplication.processEvents()
    window.list_view.setColumnWidth(0, 311)
    window.list_view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    sizes = window.splitter.sizes()
    window.language_actions["en"].trigger()
    assert settings.preferences.language == "en"
    assert answers.names() == ["show_info"]
    assert window.close()

    again = make_window()
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == sizes
    assert again.list_view.columnWidth(0) == 311
    assert again.list_model.sort_column == 3 and again.list_model.descending
    assert again.language_actions["en"].isChecked()


def test_settings_are_typed_with_defaults(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    assert settings.preferences.language == "nl"
    assert settings.preferences.recent_databases == []
    assert settings.window.sort_descending is False
    settings.window.sort_descending = True
    settings.window.column_widths = [10, 20]
    settings.sync()
    reread = Settings(tmp_path / "s.ini")
    assert reread.window.sort_descending is True
    assert reread.window.column_widths == [10, 20]
    for n in range(12):
        reread.preferences.add_recent_database(tmp_path / f"{n}.sqlite")
    assert len(reread.preferences.recent_databases) == 8
    assert reread.preferences.recent_databases[0].endswith("11.sqlite")
    reread.reset_window_state()
    assert reread.window.column_widths == []
    assert reread.preferences.language == "nl"  # preferences survive a layout reset


def test_shortcut_keys_reach_their_actions(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    select_row(qtbot, window, 2)
    edit_name(qtbot, window, " S")
    name = window.form.editors["name"]
    qtbot.keyClick(name.focus_target(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.form.is_modified()
    assert by_name(window.session.store, "Lokaal netwerk Genk S") is not None
    assert QKeySequence(QKeySequence.StandardKey.Save).toString() == "Ctrl+S"


def test_start_up_paints_the_list_before_building_the_form(
    qtbot: QtBot, answers: Answers, make_window: Callable[[], MainWindow]
) -> None:
    main = make_window()
    assert not main.has_form()
    first = main.list_model.id_at(0)
    assert main.list_view.current_id() == first  # chosen quietly: focus will not pick another
    main.show()
    # A click on that row before the form came still shows it.
    rect = main.list_view.visualRect(main.list_model.index(0, 0))
    qtbot.mouseClick(main.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main.has_form() and main.form.current_id == first
    qtbot.waitExposed(main)
    qtbot.wait(20)  # the after-first-paint step finds the record already shown
    assert main.form.current_id == first and answers.shown == []


def test_after_the_first_paint_the_last_shown_record_comes(
    qtbot: QtBot,
    session: DatabaseSession,
    settings: Settings,
    make_window: Callable[[], MainWindow],
) -> None:
    genk = by_name(session.store, "Lokaal netwerk Genk").id
    settings.window.last_network_id = str(genk)
    main = make_window()
    main.show()
    qtbot.waitUntil(lambda: main.has_form() and main.form.current_id == genk)
    assert main.list_view.current_id() == genk


def test_saving_a_record_deleted_elsewhere(
    qtbot: QtBot, window: MainWindow, answers: Answers, db_path: Path
) -> None:
    select_row(qtbot, window, 2)
    genk = window.form.current_id
    assert genk is not None
    edit_name(qtbot, window, " (bewaard)")
    other = Store.open(db_path)
    other.delete(genk)
    other.close()
    answers.conflict = dialogs.ConflictChoice.CANCEL
    assert window.save_record() is False
    assert answers.last("conflict")[0].endswith("werd intussen verwijderd door iemand anders.")
    assert answers.last("conflict")[1] is True  # deleted=True: the box offers "Opnieuw opslaan"
    assert window.form.is_modified()
    answers.conflict = dialogs.ConflictChoice.OVERWRITE
    assert window.save_record() is True
    assert window.session.get(genk).name == "Lokaal netwerk Genk (bewaard)"
    assert genk in window.list_model.ids()
