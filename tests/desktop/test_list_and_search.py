"""The list beside the form while searching (issue 16): the form says when a search leaves
its network out, the columns keep the officer's widths, the snippet shows the matched word,
and a cancelled switch leaves undo working."""

from __future__ import annotations

from collections.abc import Iterator
from html import unescape

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import dialogs
from desktop.form.form_widgets import LineField
from desktop.window.main_window import MainWindow
from desktop.window.network_list import ID_ROLE, Column
from desktop.window.search_bar import SearchController, centred_on_match, install_search
from tests.desktop.conftest import Answers, by_name, type_text

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def search(window: MainWindow) -> Iterator[SearchController]:
    controller = install_search(window)
    yield controller
    controller.wait()


def search_for(qtbot: QtBot, search: SearchController, text: str) -> None:
    search.field.setFocus()
    search.field.selectAll()
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        type_text(qtbot, search.field, text)


def clear_search(qtbot: QtBot, search: SearchController) -> None:
    search.field.setFocus()
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        qtbot.keyClick(search.field, Qt.Key.Key_Escape)


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    view = window.list_view
    rect = view.visualRect(window.list_model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# --- 7. a search that leaves out the network in the form ------------------------------------------


def test_the_form_says_when_the_search_leaves_its_network_out(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    genk = by_name(window.session.store, "Lokaal netwerk Genk")
    window.show_record(genk.id)
    form = window.form
    assert "buiten de zoekopdracht" not in form.subtitle_label.text()
    search_for(qtbot, search, "xyzzyqwerty")
    assert window.list_model.rowCount() == 0 and search.nothing_found.isVisible()
    assert form.current_id == genk.id
    assert form.subtitle_label.text().endswith("valt buiten de zoekopdracht")
    search_for(qtbot, search, "genk")  # a search that shows it again
    assert "buiten de zoekopdracht" not in form.subtitle_label.text()
    search_for(qtbot, search, "aalst")
    assert form.is_outside_list()
    clear_search(qtbot, search)  # the whole list again
    assert not form.is_outside_list()
    assert "buiten de zoekopdracht" not in form.subtitle_label.text()


# --- 8. column widths are the officer's -----------------------------------------------------------


def test_a_search_keeps_the_officers_column_widths(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    view = window.list_view
    header = view.horizontalHeader()
    # The officer drags the right edge of "Gemeenten" 30 px to the left.
    edge = header.sectionViewportPosition(Column.MUNICIPALITIES) + header.sectionSize(
        Column.MUNICIPALITIES
    )
    y = header.height() // 2
    QTest.mousePress(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(edge - 1, y),
    )
    QTest.mouseMove(header.viewport(), QPoint(edge - 31, y))
    QTest.mouseRelease(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(edge - 31, y),
    )
    widths = view.column_widths()
    for text in ("genk", "lokaal", "netwerk genk"):
        search_for(qtbot, search, text)
        assert header.visualIndex(Column.HIT) == 1  # "Gevonden in" next to the name
        assert view.column_widths()[: Column.UPDATED] == widths[: Column.UPDATED]
        clear_search(qtbot, search)
        assert view.column_widths()[: Column.UPDATED] == widths[: Column.UPDATED]
        assert [header.visualIndex(c) for c in range(Column.HIT)] == list(range(Column.HIT))


# --- 9. the snippet shows the matched word --------------------------------------------------------


def test_the_snippet_is_centred_on_the_matched_word(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    genk = by_name(window.session.store, "Lokaal netwerk Genk")
    long_vision = ("Het netwerk werkt met scholen, verenigingen en buurthuizen " * 3) + (
        "rond zwemlessen voor kinderen."
    )
    window.session.save(genk.model_copy(update={"vision": long_vision}))
    search_for(qtbot, search, "zwemlessen")
    view = window.list_view
    index = window.list_model.index(0, Column.HIT)
    assert index.data(ID_ROLE) == genk.id
    shown = search._snippet_html(index)
    assert shown is not None and "<b>zwemlessen</b>" in shown
    lead_text = unescape(shown.split("<b>", 1)[0].split("</span>", 1)[1])
    assert lead_text.lstrip().startswith("…")
    width = view.fontMetrics().horizontalAdvance
    assert width("Visie: " + lead_text) < view.columnWidth(Column.HIT) // 2


def test_centring_keeps_a_short_lead_and_cuts_a_long_one_at_a_word() -> None:
    def width(text: str) -> int:
        return len(text) * 10

    short = (("Het ", False), ("doel", True), (" is", False))
    assert centred_on_match(short, 300, width) == short
    long = (("een twee drie vier vijf zes zeven acht ", False), ("negen", True), (" tien", False))
    cut = centred_on_match(long, 300, width)
    assert cut[0][0].startswith("…") and width(cut[0][0]) <= 100
    assert cut[0][0].endswith("acht ") and cut[1:] == long[1:]
    assert centred_on_match((("geen treffer", False),), 300, width) == (("geen treffer", False),)


# --- 10. undo after a cancelled switch ------------------------------------------------------------


def test_undo_stays_for_the_edits_after_a_cancelled_switch(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    click_row(qtbot, window, 0)
    form = window.form
    first = form.current_id
    name = form.editors["name"]
    assert isinstance(name, LineField)
    original = name.value()
    name.line.setFocus()
    name.line.end(False)
    type_text(qtbot, name.line, " (nieuw)")
    assert window.action_undo.isEnabled()
    answers.save_choice = dialogs.SaveChoice.CANCEL
    click_row(qtbot, window, 1)
    assert answers.names() == ["save"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name.line, timeout=1000)
    assert form.current_id == first and form.is_modified()
    assert window.list_view.current_id() == first  # the list follows the form
    assert window.action_undo.isEnabled() and window.undo_group.activeStack() is form.undo_stack
    qtbot.keyClick(name.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.value() == original and not form.is_modified()
    assert window.action_redo.isEnabled()
