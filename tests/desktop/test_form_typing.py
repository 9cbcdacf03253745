"""Typing in the form all day (issue 16): the keyboard does what the officer expects, and
ordinary typing never puts a value in the wrong place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.form.form_widgets import TagField
from desktop.form.list_editors import TableField
from desktop.form.network_form import VALIDATE_DELAY_MS
from desktop.window.main_window import MainWindow
from tests.desktop.conftest import Answers, type_text

# The offscreen platform cannot raise windows or grab the keyboard for the completer's popup.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(qtbot: QtBot, pressed: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key as the officer presses it: to whatever has the focus."""
    if modifier is None:
        qtbot.keyClick(focused(), pressed)
    else:
        qtbot.keyClick(focused(), pressed, modifier)


def back_in(qtbot: QtBot, window: MainWindow, widget: QWidget) -> None:
    """The offscreen platform leaves no window active once a popup closed (a real desktop gives
    the focus back): activate the window and put the cursor back in ``widget``."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    widget.setFocus()


def pause_for_validation(qtbot: QtBot) -> None:
    """The officer stops typing for a moment: the form's validation runs meanwhile."""
    qtbot.wait(VALIDATE_DELAY_MS + 100)


# --- 1. a municipality chosen from the suggestions ------------------------------------------------


def test_a_suggestion_chosen_with_down_and_enter_is_added_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.action_new.trigger()
    field = window.form.editors["municipalities"]
    assert isinstance(field, TagField)
    field.input.setFocus()
    type_text(qtbot, field.input, "Zwijn")
    popup = field.input.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert field.input.text() == "Zwijndrecht"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.wait(20)  # the completer's choice is taken in on the next turn of the event loop
    assert field.value() == ["Zwijndrecht"]
    assert field.input.text() == ""
    # Typed in full and Enter, and a second one chosen the same way: each once.
    type_text(qtbot, field.input, "Burcht")
    qtbot.keyClick(popup if popup.isVisible() else field.input, Qt.Key.Key_Return)
    type_text(qtbot, field.input, "Zwev")
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Enter)
    qtbot.wait(20)
    assert field.value() == ["Zwijndrecht", "Burcht", "Zwevegem"]
    # Chosen with Down and left with Tab: taken in once as well; typed and Tab: kept.
    back_in(qtbot, window, field.input)
    type_text(qtbot, field.input, "Mor")
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert field.input.text() == "Mortsel"
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    qtbot.wait(20)
    assert field.value() == ["Zwijndrecht", "Burcht", "Zwevegem", "Mortsel"]
    back_in(qtbot, window, field.input)
    type_text(qtbot, field.input, "Lie")
    qtbot.keyClick(popup if popup.isVisible() else field.input, Qt.Key.Key_Tab)
    qtbot.wait(20)
    assert field.value() == ["Zwijndrecht", "Burcht", "Zwevegem", "Mortsel", "Lie"]
    # One undo step per municipality.
    window.form.undo_stack.undo()
    assert field.value() == ["Zwijndrecht", "Burcht", "Zwevegem", "Mortsel"]


# --- 2. Tab in the small tables --------------------------------------------------------------------


def test_tab_in_a_table_walks_the_new_row_and_then_leaves_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.action_new.trigger()
    periods = window.form.editors["agreement_periods"]
    assert isinstance(periods, TableField)
    qtbot.mouseClick(periods.add_button, Qt.MouseButton.LeftButton)
    # The new row: numbered 1, the cursor in its first empty cell (the start year).
    assert periods.table.currentIndex().column() == 1
    type_text(qtbot, focused(), "2014")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "2019")
    key(qtbot, Qt.Key.Key_Tab)
    # After the last cell the focus went on to the next field, out of the table.
    assert not periods.table.isAncestorOf(focused())
    assert periods.table.state() != QAbstractItemView.State.EditingState

    qtbot.mouseClick(periods.add_button, Qt.MouseButton.LeftButton)
    assert periods.model.rows[1] == {"ordinal": "2", "start_year": "2020", "end_year": ""}
    assert (periods.table.currentIndex().row(), periods.table.currentIndex().column()) == (1, 2)
    type_text(qtbot, focused(), "20")
    pause_for_validation(qtbot)  # the form marks what it must: the keys typed stay
    type_text(qtbot, focused(), "25")
    key(qtbot, Qt.Key.Key_Tab)
    pause_for_validation(qtbot)
    # Typing on after the table went to the next field, never into row 1.
    type_text(qtbot, focused(), "7")
    assert periods.model.rows == [
        {"ordinal": "1", "start_year": "2014", "end_year": "2019"},
        {"ordinal": "2", "start_year": "2020", "end_year": "2025"},
    ]


def test_typing_in_a_cell_replaces_its_text_and_shift_tab_walks_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.list_view.select_id(window.list_model.id_at(1))  # Borsbeek: two contacts
    contacts = window.form.editors["contacts"]
    assert isinstance(contacts, TableField)
    before = [dict(row) for row in contacts.model.rows]
    assert len(before) >= 2
    contacts.table.setFocus()
    contacts.table.setCurrentIndex(contacts.model.index(0, 1))
    key(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, focused(), "voorzitter")
    key(qtbot, Qt.Key.Key_Tab)  # to Organisatie of the same row; typing replaces it
    pause_for_validation(qtbot)
    type_text(qtbot, focused(), "OCMW")
    key(qtbot, Qt.Key.Key_Backtab)  # back to Functie
    key(qtbot, Qt.Key.Key_Backtab)  # back to Naam
    type_text(qtbot, focused(), "Jan")
    key(qtbot, Qt.Key.Key_Escape)
    rows = contacts.model.rows
    assert rows[0]["role"] == "voorzitter"
    assert rows[0]["organisation"] == "OCMW"
    assert rows[0]["name"] == before[0]["name"]  # Escape dropped "Jan"
    assert rows[1] == before[1]  # the other row untouched

    # Shift+Tab before the first cell leaves the table too, instead of wrapping to the end.
    contacts.table.setCurrentIndex(contacts.model.index(0, 0))
    key(qtbot, Qt.Key.Key_F2)
    key(qtbot, Qt.Key.Key_Backtab)
    assert not contacts.table.isAncestorOf(focused()) and focused() is not contacts.table
    assert contacts.model.rows[1] == before[1]


def test_tab_through_a_multi_line_cell_and_on_to_the_next_row(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.action_new.trigger()
    partners = window.form.editors["partners"]
    assert isinstance(partners, TableField)
    qtbot.mouseClick(partners.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, focused(), "Bib")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "uitleen")
    key(qtbot, Qt.Key.Key_Return)  # a new line inside the description
    type_text(qtbot, focused(), "en leesclub")
    key(qtbot, Qt.Key.Key_Tab)
    assert not partners.table.isAncestorOf(focused())
    qtbot.mouseClick(partners.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, focused(), "OCMW")
    key(qtbot, Qt.Key.Key_Escape)
    # Back into row 1's description: typing replaces the text.
    partners.table.setFocus()
    partners.table.setCurrentIndex(partners.model.index(0, 1))
    key(qtbot, Qt.Key.Key_F2)
    type_text(qtbot, focused(), "boeken")
    key(qtbot, Qt.Key.Key_Tab)  # on to row 2's name
    assert (partners.table.currentIndex().row(), partners.table.currentIndex().column()) == (1, 0)
    key(qtbot, Qt.Key.Key_Escape)
    assert partners.model.rows == [
        {"name": "Bib", "description": "boeken"},
        {"name": "", "description": ""},
    ]


# --- 4. calm feedback ---------------------------------------------------------------------------


def test_a_new_row_is_not_flagged_until_the_officer_leaves_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.action_new.trigger()
    form = window.form
    contacts = form.editors["contacts"]
    assert isinstance(contacts, TableField)
    qtbot.mouseClick(contacts.add_button, Qt.MouseButton.LeftButton)
    pause_for_validation(qtbot)
    assert contacts.model.problems == {} and contacts.message_text() == ""
    assert form.editors["name"].message_text() == ""
    key(qtbot, Qt.Key.Key_Escape)  # nothing typed in the row
    contacts.table.setFocus()
    key(qtbot, Qt.Key.Key_Tab)  # still in the table: Tab walks its cells
    form.editors["meetings"].focus_target().setFocus()  # the officer goes elsewhere
    assert contacts.model.problems  # now the empty row is marked
    assert "Contactpersoon 1" in contacts.message_text() or any(
        "Contactpersoon 1" in text for text in contacts.model.problems.values()
    )
    assert form.editors["name"].message_text() == ""  # never touched: still quiet


def test_the_problem_banner_does_not_move_the_form(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    window.action_new.trigger()
    form = window.form
    top = form.scroll_area.geometry()
    assert not form.banner.isVisible()
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.banner.isVisible()
    assert form.banner.full_text().startswith("Nog 2 dingen in orde brengen:")
    assert form.scroll_area.geometry() == top  # its place was kept for it
    # Filling in what was missing: the banner goes, the form stays where it was.
    name = form.editors["name"]
    name.focus_target().setFocus()
    type_text(qtbot, name.focus_target(), "Lokaal netwerk Lier")
    municipalities = form.editors["municipalities"]
    assert isinstance(municipalities, TagField)
    municipalities.input.setFocus()
    type_text(qtbot, municipalities.input, "Lier")
    qtbot.keyClick(municipalities.input, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: municipalities.value() == ["Lier"], timeout=1000)  # Tab took it in
    qtbot.waitUntil(lambda: not form.banner.isVisible(), timeout=2000)
    assert form.scroll_area.geometry() == top


# --- 5. Ctrl+S on an untouched new form ----------------------------------------------------------


def test_ctrl_s_on_an_untouched_new_form_says_what_is_missing(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    count = window.session.store.count()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.form
    assert form.is_new and not form.is_modified()
    assert window.action_save.isEnabled() and form.save_button.isEnabled()
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert answers.names() == ["show_validation_summary"]
    assert answers.last("show_validation_summary")[0] == [
        "Vul de naam van het netwerk in.",
        "Vul minstens één gemeente in.",
    ]
    assert window.session.store.count() == count
    assert focused() is form.editors["name"].focus_target()  # the cursor where to begin


# --- 6. a municipality the reference list does not know -----------------------------------------


def test_an_unknown_municipality_is_kept_marked_and_a_suggestion_can_be_taken(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.action_new.trigger()
    form = window.form
    field = form.editors["municipalities"]
    assert isinstance(field, TagField)
    field.input.setFocus()
    for typed in ("Xyzstad", "Zwijndrect", "Gent"):
        type_text(qtbot, field.input, typed)
        popup = field.input.completer().popup()
        qtbot.keyClick(popup if popup.isVisible() else field.input, Qt.Key.Key_Return)
    assert field.value() == ["Xyzstad", "Zwijndrect", "Gent"]  # accepted as typed
    note = field.note_text()
    assert "Xyzstad: onbekende gemeente — controleer de spelling." in note
    assert "Zwijndrect: onbekende gemeente — controleer de spelling. Bedoelde je Zwijndrecht?" in (
        note
    )
    assert "Gent:" not in note
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    chips = field.findChildren(QWidget, "chip")
    assert [bool(chip.property("unknown")) for chip in chips] == [True, True, False]
    # The suggestions are links: reached with the keyboard and taken with Enter.
    field.note.setFocus()
    key(qtbot, Qt.Key.Key_Tab)  # the first link: Xyzstad's suggestion
    key(qtbot, Qt.Key.Key_Tab)  # the second: Zwijndrecht
    qtbot.keyClick(field.note, Qt.Key.Key_Return)
    assert field.value() == ["Xyzstad", "Zwijndrecht", "Gent"]
    assert "Zwijndrect" not in field.note_text()
    # It saves: a note is no error.
    form.editors["name"].enter("Lokaal netwerk X")
    assert form.save()
    assert form.stored_profile() is not None
    assert form.stored_profile().municipalities == ["Xyzstad", "Zwijndrecht", "Gent"]
