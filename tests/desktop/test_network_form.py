"""The network form driven like a user drives it: typing, clicking buttons, keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from db.model.errors import BusyError
from db.model.schemas import NetworkProfile
from db.storage.store import Store
from desktop.form.form_widgets import ChoiceField, LineField, TagField, TextField
from desktop.form.goal_tree import GoalTreeWidget, TreeField
from desktop.form.list_editors import SectionsField, TableField
from desktop.form.network_form import VALIDATE_DELAY_MS
from desktop.window.main_window import MainWindow
from tests.desktop.conftest import Answers, by_name, type_text

Position = QAbstractItemView.DropIndicatorPosition

# The offscreen platform cannot raise windows or grab the keyboard for the completer's popup.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


# --- helpers that act like a user ---------------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def close_open_editor(qtbot: QtBot, view: QAbstractItemView) -> None:
    """Tab may have opened the next cell's editor: leave it untouched."""
    if view.state() == QAbstractItemView.State.EditingState:
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)


def type_line(qtbot: QtBot, field: LineField | TextField, text: str) -> None:
    target = field.focus_target()
    target.setFocus()
    type_text(qtbot, target, text)


def add_tags(qtbot: QtBot, field: TagField, *texts: str) -> None:
    for text in texts:
        field.input.setFocus()
        type_text(qtbot, field.input, text)
        popup = field.input.completer().popup() if field.input.completer() else None
        qtbot.keyClick(
            popup if popup is not None and popup.isVisible() else field.input, Qt.Key.Key_Return
        )


def type_cells(qtbot: QtBot, view: QAbstractItemView, *texts: str) -> None:
    """Type into the open cell editor, Tab to the next cell, and so on."""
    for text in texts:
        editor = focused()
        assert editor is not view, "no cell editor is open"
        type_text(qtbot, editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    close_open_editor(qtbot, view)


def edit_cell(qtbot: QtBot, field: TableField, row: int, key: str, text: str) -> None:
    column = [c.key for c in field.columns].index(key)
    field.table.setFocus()
    field.table.setCurrentIndex(field.model.index(row, column))
    qtbot.keyClick(field.table, Qt.Key.Key_F2)
    type_cells(qtbot, field.table, text)


def add_tree_item(qtbot: QtBot, field: TreeField, level: int, text: str) -> None:
    qtbot.mouseClick(field.add_buttons[level], Qt.MouseButton.LeftButton)
    type_cells(qtbot, field.tree, text)


def select_tree_item(field: TreeField, *path: int) -> None:
    item = field.item_at(path)
    assert item is not None
    field.tree.setCurrentItem(item)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# --- the whole record through the form -------------------------------------------------------------


EXPECTED = {
    "name": "Lokaal netwerk Zoersel-Zandhoven",
    "alias": "Samen Vrije Tijd",
    "municipalities": ["Zoersel", "Zandhoven"],
    "province": "Antwerpen",
    "region": "Kempen",
    "vision": "Iedereen doet mee.\n\nOok wie het moeilijk heeft: één pas.",
    "target_group": "Gezinnen in armoede",
    "agreement_periods": [
        {"ordinal": 1, "start_year": 2018, "end_year": 2019},
        {"ordinal": 2, "start_year": 2020, "end_year": 2025},
    ],
    "drawing_right_eur": "2432.50",
    "instruments": ["UiTPAS", "Rap op Stap"],
    "partners": [
        {"name": "OCMW Zoersel", "description": "sociale dienst\nen onthaal"},
        {"name": "Bibliotheek", "description": ""},
    ],
    "goals": [
        {
            "title": "Drempels verlagen",
            "actions": [
                {
                    "text": "Kortingssysteem",
                    "children": [{"text": "voor sport"}, {"text": "voor cultuur"}],
                },
                {"text": "Vorming", "children": []},
            ],
        },
        {"title": "Een vrijetijdsloket", "actions": []},
    ],
    "actions": [{"text": "Losse actie", "children": [{"text": "deelactie"}]}],
    "meetings": "Tweemaal per jaar.",
    "contacts": [
        {
            "name": "Anaïs Peeters",
            "role": "coördinator",
            "organisation": "Gemeente Zoersel",
            "email": "anais.peeters@zoersel.be",
            "phone": "03 298 00 00",
        },
        {
            "name": "",
            "role": "",
            "organisation": "",
            "email": "vrijetijd@zandhoven.be",
            "phone": "",
        },
    ],
    "sections": [{"title": "Omgevingsanalyse", "body": "SWOT-analyse."}],
    "captions": ["Info Zoersel juni 2017"],
    "notes": "Intern: bellen in maart.",
}


def test_create_a_network_through_the_form(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    window.action_new.trigger()
    form = window.form
    assert form.is_new and window.editor_stack.currentWidget() is form
    editors = form.editors

    type_line(qtbot, editors["name"], EXPECTED["name"])  # type: ignore[arg-type]
    type_line(qtbot, editors["alias"], EXPECTED["alias"])  # type: ignore[arg-type]
    municipalities = editors["municipalities"]
    assert isinstance(municipalities, TagField)
    add_tags(qtbot, municipalities, "Zoersel", "Zandhoven")
    assert municipalities.value() == ["Zoersel", "Zandhoven"]
    # The province came from the first municipality.
    assert editors["province"].value() == "Antwerpen"
    type_line(qtbot, editors["region"], "Kempen")  # type: ignore[arg-type]
    vision = editors["vision"]
    assert isinstance(vision, TextField)
    vision.text.setFocus()
    type_text(qtbot, vision.text, "Iedereen doet mee.")
    qtbot.keyClick(vision.text, Qt.Key.Key_Return)
    qtbot.keyClick(vision.text, Qt.Key.Key_Return)
    type_text(qtbot, vision.text, "Ook wie het moeilijk heeft: één pas.")
    type_line(qtbot, editors["target_group"], EXPECTED["target_group"])  # type: ignore[arg-type]
    type_line(qtbot, editors["drawing_right_eur"], "€ 2.432,50")  # type: ignore[arg-type]

    periods = editors["agreement_periods"]
    assert isinstance(periods, TableField)
    click(qtbot, periods.add_button)  # numbered 1, the cursor in the start year
    type_cells(qtbot, periods.table, "2018", "2019")
    click(qtbot, periods.add_button)  # numbered 2, starting 2020
    assert periods.model.rows[1] == {"ordinal": "2", "start_year": "2020", "end_year": ""}
    type_cells(qtbot, periods.table, "2025")

    instruments = editors["instruments"]
    assert isinstance(instruments, TagField)
    add_tags(qtbot, instruments, "UiTPAS", "Rap op Stap")

    partners = editors["partners"]
    assert isinstance(partners, TableField)
    click(qtbot, partners.add_button)
    editor = focused()
    type_text(qtbot, editor, "OCMW Zoersel")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    description = focused()
    type_text(qtbot, description, "sociale dienst")
    qtbot.keyClick(description, Qt.Key.Key_Return)  # a new line inside the description
    type_text(qtbot, description, "en onthaal")
    qtbot.keyClick(description, Qt.Key.Key_Tab)
    close_open_editor(qtbot, partners.table)
    click(qtbot, partners.add_button)
    type_cells(qtbot, partners.table, "Bibliotheek")

    goals = editors["goals"]
    assert isinstance(goals, TreeField)
    add_tree_item(qtbot, goals, 0, "Drempels verlagen")
    add_tree_item(qtbot, goals, 1, "Kortingssysteem")
    add_tree_item(qtbot, goals, 2, "voor sport")
    add_tree_item(qtbot, goals, 2, "voor cultuur")
    select_tree_item(goals, 0, 0)
    add_tree_item(qtbot, goals, 1, "Vorming")
    add_tree_item(qtbot, goals, 0, "Een vrijetijdsloket")
    loose = editors["actions"]
    assert isinstance(loose, TreeField)
    add_tree_item(qtbot, loose, 0, "Losse actie")
    add_tree_item(qtbot, loose, 1, "deelactie")

    type_line(qtbot, editors["meetings"], EXPECTED["meetings"])  # type: ignore[arg-type]
    contacts = editors["contacts"]
    assert isinstance(contacts, TableField)
    click(qtbot, contacts.add_button)
    type_cells(
        qtbot,
        contacts.table,
        "Anaïs Peeters",
        "coördinator",
        "Gemeente Zoersel",
        "anais.peeters@zoersel.be",
        "03 298 00 00",
    )
    click(qtbot, contacts.add_button)
    edit_cell(qtbot, contacts, 1, "email", "vrijetijd@zandhoven.be")

    sections = editors["sections"]
    assert isinstance(sections, SectionsField)
    click(qtbot, sections.add_button)
    type_text(qtbot, focused(), "Omgevingsanalyse")
    sections.body.setFocus()
    type_text(qtbot, sections.body, "SWOT-analyse.")
    captions = editors["captions"]
    assert isinstance(captions, TableField)
    click(qtbot, captions.add_button)
    type_cells(qtbot, captions.table, "Info Zoersel juni 2017")
    type_line(qtbot, editors["notes"], EXPECTED["notes"])  # type: ignore[arg-type]

    assert form.is_modified() and window.isWindowModified()
    assert "*" in window.windowTitle()
    window.action_save.trigger()
    assert not form.is_new and not form.is_modified()
    assert not window.isWindowModified()
    stored_id = form.current_id
    assert stored_id is not None
    assert window.list_view.current_id() == stored_id  # the new record is selected in the list

    # Reopen the file, as another run of the program would.
    reopened = Store.open(db_path)
    try:
        stored = reopened.get(stored_id)
    finally:
        reopened.close()
    expected = NetworkProfile.model_validate({**EXPECTED, "id": stored_id})
    assert stored.content_equals(expected), stored.model_dump(exclude={"source"})
    # The field shows the amount as stored.
    assert editors["drawing_right_eur"].value() == "€ 2.432,50"


# --- validation ------------------------------------------------------------------------------------


def test_problems_are_shown_at_their_field_and_saving_is_refused(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    count = window.session.store.count()
    window.action_new.trigger()
    form = window.form
    contacts = form.editors["contacts"]
    assert isinstance(contacts, TableField)
    click(qtbot, contacts.add_button)
    type_cells(qtbot, contacts.table, "Jan", "", "", "jan@@example", "12")
    periods = form.editors["agreement_periods"]
    assert isinstance(periods, TableField)
    click(qtbot, periods.add_button)
    type_cells(qtbot, periods.table, "2025", "2019")
    type_line(qtbot, form.editors["drawing_right_eur"], "zes euro")  # type: ignore[arg-type]

    window.action_save.trigger()
    assert answers.names() == ["show_validation_summary"]
    summary = answers.last("show_validation_summary")[0]
    assert "Vul de naam van het netwerk in." in summary
    assert window.session.store.count() == count  # nothing stored
    assert form.is_new and form.is_modified()

    # Under a field its message, without the field's name (which is beside it).
    assert form.editors["name"].message_text() == "Vul de naam van het netwerk in."
    assert form.editors["municipalities"].message_text() == "Vul minstens één gemeente in."
    assert form.editors["drawing_right_eur"].message_text() == "is geen bedrag in euro: zes euro"
    # Row 1 of the contacts: the e-mail cell and the phone cell are marked, with the message.
    email_problem = contacts.model.problems[(0, "email")]
    assert email_problem.startswith("Contactpersoon 1, E-mail: is geen geldig e-mailadres")
    assert (0, "phone") in contacts.model.problems
    assert contacts.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == email_problem
    assert contacts.model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert contacts.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert periods.message_text() == "Afsprakennota 1: het beginjaar ligt na het eindjaar"
    assert form.editors["name"].focus_target().property("invalid") is True
    assert form.banner.isVisibleTo(form)

    # Fix everything: the marks go and saving works.
    type_line(qtbot, form.editors["name"], "Lokaal netwerk Lier")  # type: ignore[arg-type]
    municipalities = form.editors["municipalities"]
    assert isinstance(municipalities, TagField)
    add_tags(qtbot, municipalities, "Lier")
    edit_cell(qtbot, contacts, 0, "email", "jan@example.be")
    edit_cell(qtbot, contacts, 0, "phone", "034 00 00 00")
    edit_cell(qtbot, periods, 0, "start_year", "2018")
    drawing_right = form.editors["drawing_right_eur"]
    assert isinstance(drawing_right, LineField)
    drawing_right.line.clear()
    type_line(qtbot, drawing_right, "6613")
    assert form.validate(mark_all=True) is not None
    assert form.editors["name"].message_text() == ""
    assert contacts.model.problems == {}
    window.action_save.trigger()
    assert not form.is_modified()
    assert by_name(window.session.store, "Lokaal netwerk Lier").drawing_right_eur == 6613


def test_a_field_is_marked_once_the_officer_leaves_it(qtbot: QtBot, window: MainWindow) -> None:
    window.action_new.trigger()
    form = window.form
    type_line(qtbot, form.editors["region"], "x" * 301)  # type: ignore[arg-type]
    qtbot.wait(VALIDATE_DELAY_MS + 100)
    assert form.editors["region"].message_text() == ""  # still typing in it: no mark yet
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # leaving it
    assert "te lang" in form.editors["region"].message_text()
    assert form.editors["name"].message_text() == ""  # not reached yet: not shouted at
    # Back in it and fixed: the mark goes while typing.
    region = form.editors["region"]
    assert isinstance(region, LineField)
    region.line.setFocus()
    region.line.selectAll()
    type_text(qtbot, region.line, "Kempen")
    qtbot.waitUntil(lambda: form.editors["region"].message_text() == "", timeout=2000)


# --- undo, revert, province -----------------------------------------------------------------------


def test_typing_is_one_undo_step_and_ctrl_z_in_a_field_undoes_the_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.list_view.select_id(window.list_model.id_at(0))
    form = window.form
    name = form.editors["name"]
    assert isinstance(name, LineField)
    original = name.value()
    name.line.setFocus()
    name.line.end(False)
    type_text(qtbot, name.line, " (oud)")
    region = form.editors["region"]
    assert isinstance(region, LineField)
    region.line.setFocus()
    region.line.selectAll()
    type_text(qtbot, region.line, "Waasland")
    assert form.undo_stack.count() == 2  # two fields, each one step
    name.line.setFocus()
    assert window.undo_group.activeStack() is form.undo_stack
    qtbot.keyClick(name.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert region.value() != "Waasland"
    assert name.value() == original + " (oud)"
    qtbot.keyClick(name.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.value() == original
    assert not form.is_modified()
    qtbot.keyClick(
        name.line,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert name.value() == original + " (oud)"
    assert form.is_modified()


def test_province_follows_the_first_municipality_until_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.action_new.trigger()
    form = window.form
    municipalities = form.editors["municipalities"]
    province = form.editors["province"]
    assert isinstance(municipalities, TagField) and isinstance(province, ChoiceField)
    add_tags(qtbot, municipalities, "Gent")
    assert province.value() == "Oost-Vlaanderen"
    municipalities.remove_tag(0)
    assert province.value() is None  # it followed the first municipality away
    add_tags(qtbot, municipalities, "Hasselt")
    assert province.value() == "Limburg"
    # One undo takes back the municipality and the province it filled in.
    form.undo_stack.undo()
    assert municipalities.value() == [] and province.value() is None
    form.undo_stack.redo()
    assert municipalities.value() == ["Hasselt"] and province.value() == "Limburg"
    # The user chooses another province: a new first municipality no longer changes it.
    province.combo.setFocus()
    qtbot.keyClick(province.combo, Qt.Key.Key_Down)
    chosen = province.value()
    assert chosen not in (None, "Limburg")
    add_tags(qtbot, municipalities, "Genk")
    municipalities.remove_tag(0)
    assert municipalities.value() == ["Genk"]
    assert province.value() == chosen


def test_revert_goes_back_to_the_stored_version_and_can_be_undone(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.list_view.select_id(window.list_model.id_at(1))
    form = window.form
    stored = form.stored_profile()
    assert stored is not None
    type_line(qtbot, form.editors["alias"], " extra")  # type: ignore[arg-type]
    instruments = form.editors["instruments"]
    assert isinstance(instruments, TagField)
    instruments.remove_tag(0)
    assert form.is_modified() and window.action_revert.isEnabled()
    window.action_revert.trigger()
    assert not form.is_modified()
    assert form.values()["alias"] == stored.alias
    assert form.values()["instruments"] == stored.instruments
    form.undo_stack.undo()
    assert form.is_modified()
    assert form.values()["alias"] == stored.alias + " extra"


def test_a_failed_save_keeps_the_edits(
    qtbot: QtBot, window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.list_view.select_id(window.list_model.id_at(0))
    form = window.form
    type_line(qtbot, form.editors["region"], " en omstreken")  # type: ignore[arg-type]

    def busy(*_args: object, **_kwargs: object) -> NetworkProfile:
        raise BusyError()

    monkeypatch.setattr(window.session.store, "save", busy)
    assert window.save_record() is False
    title, message = answers.last("show_error")
    assert title == "Niet opgeslagen" and "bezet" in message
    assert form.is_modified()
    assert form.values()["region"].endswith(" en omstreken")


# --- the goal tree ------------------------------------------------------------------------------------


def test_goal_tree_buttons_and_drop_rules(qtbot: QtBot, window: MainWindow) -> None:
    window.list_view.select_id(window.list_model.id_at(1))  # Borsbeek: 2 goals, 2 + 0 actions
    form = window.form
    goals = form.editors["goals"]
    assert isinstance(goals, TreeField)
    tree = goals.tree
    assert isinstance(tree, GoalTreeWidget)
    before = goals.value()
    assert [g["title"] for g in before] == ["Participatiedrempels aanpakken", "Een vrijetijdsloket"]

    # Moving with the buttons.
    select_tree_item(goals, 1)
    click(qtbot, goals.up_button)
    assert [g["title"] for g in goals.value()] == [
        "Een vrijetijdsloket",
        "Participatiedrempels aanpakken",
    ]
    select_tree_item(goals, 1, 1)
    click(qtbot, goals.up_button)
    assert [a["text"] for a in goals.value()[1]["actions"]] == [
        "Een jaarlijkse vorming",
        "Een kortingssysteem",
    ]

    # Drops: an action may go under a goal or beside an action, never to the top level.
    action = goals.item_at((1, 0))
    goal = goals.item_at((0,))
    sub = goals.item_at((1, 1, 0))
    assert action is not None and goal is not None and sub is not None
    assert tree.drop_destination(action, goal, Position.OnItem) == (goal, 0)
    assert tree.drop_destination(action, None, Position.OnViewport) is None
    assert tree.drop_destination(action, goal, Position.AboveItem) is None
    assert tree.drop_destination(sub, action, Position.OnItem) == (action, 0)
    assert tree.drop_destination(goal, action, Position.OnItem) is None
    assert tree.drop_destination(goal, None, Position.OnViewport) == (None, 2)
    destination = tree.drop_destination(action, goal, Position.OnItem)
    assert destination is not None
    goals.move_item(action, *destination)
    assert [a["text"] for a in goals.value()[0]["actions"]] == ["Een jaarlijkse vorming"]

    # Editing an item's text, and removing an item with everything under it.
    select_tree_item(goals, 1)
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = focused()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_cells(qtbot, tree, "Drempels aanpakken")
    assert goals.value()[1]["title"] == "Drempels aanpakken"
    select_tree_item(goals, 1)
    click(qtbot, goals.remove_button)
    assert [g["title"] for g in goals.value()] == ["Een vrijetijdsloket"]

    # Every step was an undo step: undo them all and the tree is as stored.
    while form.undo_stack.canUndo():
        form.undo_stack.undo()
    assert goals.value() == before
    assert not form.is_modified()


def test_markup_in_a_name_or_file_name_is_shown_as_typed(qtbot: QtBot, window: MainWindow) -> None:
    """The heading and the source line are plain text: a name with "<b>" or a half-typed
    "<img src=" neither turns bold nor makes Qt look for an image file on every repaint."""
    genk = by_name(window.session.store, "Lokaal netwerk Genk")
    source = genk.source.model_copy(update={"file_name": "<i>fiche</i> genk.txt"})
    window.session.save(genk.model_copy(update={"source": source}))
    window.show_record(genk.id)
    form = window.form
    type_line(qtbot, form.editors["name"], " <b>VET</b> <img src=")  # type: ignore[arg-type]
    qtbot.wait(20)  # a repaint of the heading (a rich text label warned here)
    shown = {
        "title": form.title_label,
        "subtitle": form.subtitle_label,
        "source": form.info_source,
    }
    assert "<b>VET</b> <img src=" in form.title_label.text()
    assert form.info_source.text().startswith("<i>fiche</i> genk.txt")
    for name, label in shown.items():
        assert label.textFormat() == Qt.TextFormat.PlainText, name
