"""A whole network entered without touching the mouse (issue 16): Ctrl+N, every field reached
with Tab, tables and the goal tree filled with their own keys, Ctrl+S; then the stored record
is compared field by field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from db.storage.store import Store
from desktop.form.form_widgets import TagField
from desktop.form.goal_tree import TreeField
from desktop.form.list_editors import TableField
from desktop.window.main_window import MainWindow
from tests.desktop.conftest import type_text

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

MAX_TABS = 80  # more Tabs than the form has stops: a field never reached fails the test


class Officer:
    """Keys only: each goes where the keyboard focus is (or to the open suggestion list)."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.last: QWidget | None = None

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        if widget is None and self.last is not None:
            # The offscreen platform leaves no window active after a popup (the suggestion
            # list) closed; a desktop gives the focus back to the field, as done here.
            self.window.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)
            self.last.setFocus()
            widget = QApplication.focusWidget()
        assert widget is not None
        self.last = widget
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
        target = QApplication.activePopupWidget() or self.focus()
        if modifier is None:
            self.qtbot.keyClick(target, key)
        else:
            self.qtbot.keyClick(target, key, modifier)

    def type(self, text: str) -> None:
        type_text(self.qtbot, self.focus(), text)

    def enter(self, *texts: str) -> None:
        """Type each text and press Enter (a municipality, an instrument)."""
        for text in texts:
            self.type(text)
            self.press(Qt.Key.Key_Return)
            self.qtbot.wait(10)

    def cells(self, *texts: str) -> None:
        """Type each cell and Tab to the next one."""
        for text in texts:
            self.type(text)
            self.press(Qt.Key.Key_Tab)

    def tab_to(self, widget: QWidget) -> None:
        for _ in range(MAX_TABS):
            if self.focus() is widget:
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {widget!r}")

    def push(self, button: QWidget) -> None:
        """Tab to a button and press Space."""
        self.tab_to(button)
        self.press(Qt.Key.Key_Space)


def test_a_whole_network_by_keyboard(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    officer = Officer(qtbot, window)
    window.list_view.setFocus()
    officer.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.form
    editors = form.editors
    assert form.is_new and officer.focus() is editors["name"].focus_target()

    officer.type("Lokaal netwerk Zoersel-Zandhoven")
    officer.press(Qt.Key.Key_Tab)
    officer.type("Samen Vrije Tijd")
    officer.press(Qt.Key.Key_Tab)
    municipalities = editors["municipalities"]
    assert isinstance(municipalities, TagField)
    assert officer.focus() is municipalities.input
    officer.enter("Zoersel", "Zandhoven")
    officer.press(Qt.Key.Key_Tab)
    assert officer.focus() is editors["province"].focus_target()  # filled in: Antwerpen
    officer.press(Qt.Key.Key_Tab)
    officer.type("Kempen")
    officer.press(Qt.Key.Key_Tab)
    assert officer.focus() is editors["drawing_right_eur"].focus_target()
    officer.type("€ 2.432,50")

    periods = editors["agreement_periods"]
    assert isinstance(periods, TableField)
    officer.push(periods.add_button)  # row 1, numbered, the cursor in its start year
    officer.cells("2018", "2019")
    assert officer.focus() is periods.add_button  # Tab after the last cell left the table
    officer.press(Qt.Key.Key_Space)  # row 2, starting 2020: the cursor in its end year
    officer.cells("2025")

    officer.tab_to(editors["vision"].focus_target())
    officer.type("Iedereen doet mee.")
    officer.press(Qt.Key.Key_Return)
    officer.type("Ook wie het moeilijk heeft.")
    officer.press(Qt.Key.Key_Tab)
    assert officer.focus() is editors["target_group"].focus_target()
    officer.type("Gezinnen in armoede")
    instruments = editors["instruments"]
    assert isinstance(instruments, TagField)
    officer.tab_to(instruments.input)
    officer.enter("UiTPAS", "Rap op Stap")

    partners = editors["partners"]
    assert isinstance(partners, TableField)
    officer.push(partners.add_button)
    officer.type("OCMW Zoersel")
    officer.press(Qt.Key.Key_Tab)
    officer.type("sociale dienst")
    officer.press(Qt.Key.Key_Return)  # a second line in the description
    officer.type("en onthaal")
    officer.press(Qt.Key.Key_Tab)

    goals = editors["goals"]
    assert isinstance(goals, TreeField)
    officer.push(goals.add_buttons[0])  # a goal
    officer.cells("Drempels verlagen")
    officer.push(goals.add_buttons[1])  # an action under it
    officer.cells("Kortingssysteem")
    officer.push(goals.add_buttons[2])  # a sub-action under that
    officer.cells("voor sport")
    officer.push(goals.add_buttons[1])  # a second action under the goal
    officer.cells("Vorming")

    contacts = editors["contacts"]
    assert isinstance(contacts, TableField)
    officer.push(contacts.add_button)
    officer.cells(
        "Anaïs Peeters", "coördinator", "Gemeente Zoersel", "anais@zoersel.be", "03 298 00 00"
    )
    assert officer.focus() is contacts.add_button

    officer.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not form.is_modified(), form.problems
    stored_id = form.current_id
    assert stored_id is not None

    reopened = Store.open(db_path)
    try:
        stored = reopened.get(stored_id)
    finally:
        reopened.close()
    assert stored.name == "Lokaal netwerk Zoersel-Zandhoven"
    assert stored.alias == "Samen Vrije Tijd"
    assert stored.municipalities == ["Zoersel", "Zandhoven"]
    assert stored.province is not None and stored.province.value == "Antwerpen"
    assert stored.region == "Kempen"
    assert str(stored.drawing_right_eur) == "2432.50"
    assert [(p.ordinal, p.start_year, p.end_year) for p in stored.agreement_periods] == [
        (1, 2018, 2019),
        (2, 2020, 2025),
    ]
    assert stored.vision == "Iedereen doet mee.\nOok wie het moeilijk heeft."
    assert stored.target_group == "Gezinnen in armoede"
    assert stored.instruments == ["UiTPAS", "Rap op Stap"]
    assert [(p.name, p.description) for p in stored.partners] == [
        ("OCMW Zoersel", "sociale dienst\nen onthaal")
    ]
    assert [goal.title for goal in stored.goals] == ["Drempels verlagen"]
    actions = stored.goals[0].actions
    assert [action.text for action in actions] == ["Kortingssysteem", "Vorming"]
    assert [child.text for child in actions[0].children] == ["voor sport"]
    assert actions[1].children == []
    assert stored.actions == []
    assert [(c.name, c.role, c.organisation, c.email, c.phone) for c in stored.contacts] == [
        ("Anaïs Peeters", "coördinator", "Gemeente Zoersel", "anais@zoersel.be", "03 298 00 00")
    ]
    assert stored.sections == [] and stored.captions == [] and stored.notes == ""
