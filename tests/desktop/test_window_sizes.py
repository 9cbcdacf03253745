"""The window at the sizes officers' screens have (issue 16): the form keeps its width, the
list gives way, the divider stays where the officer put it, and nothing is cut off.

Each size is grabbed into the test's temporary folder (look at them with ``--basetemp``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.form.list_editors import TableField
from desktop.window.main_window import FORM_MIN_WIDTH, FORM_WIDTH, MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

SIZES = [(1024, 700), (1366, 768), (1920, 1080)]


def show_at(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    qtbot.wait(50)  # the form's wrapped rows settle


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_form_keeps_its_width_and_nothing_is_cut_off(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, width: int, height: int
) -> None:
    window.list_view.select_id(window.list_model.id_at(1))  # Borsbeek: contacts, periods
    show_at(qtbot, window, width, height)
    form = window.form
    list_width, form_width = window.splitter.sizes()
    assert form_width >= min(FORM_WIDTH, width - window.list_view.name_width() - 10)
    assert form_width >= FORM_MIN_WIDTH
    assert list_width >= window.list_view.minimumWidth()  # at least the names
    assert not form.scroll_area.horizontalScrollBar().isVisible()
    # Buttons show their whole text; the contacts' phone and e-mail fit their columns.
    periods = form.editors["agreement_periods"]
    assert isinstance(periods, TableField)
    assert periods.add_button.width() >= periods.add_button.sizeHint().width()
    contacts = form.editors["contacts"]
    assert isinstance(contacts, TableField)
    metrics = contacts.table.fontMetrics()
    for key, sample in (("phone", "089 65 38 11"), ("email", "gert.philippeth@genk.be")):
        column = [c.key for c in contacts.columns].index(key)
        assert contacts.table.columnWidth(column) >= metrics.horizontalAdvance(sample) + 8
    form.scroll_to_section("contact")
    shot = tmp_path / f"window-{width}x{height}.png"
    assert window.grab().save(str(shot)) and shot.stat().st_size > 0


def test_the_divider_stays_where_the_officer_put_it_for_each_window_size(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_at(qtbot, window, 1920, 1080)
    wide_list = window.splitter.sizes()[0]
    show_at(qtbot, window, 1024, 700)
    narrow_list = window.splitter.sizes()[0]
    assert narrow_list < wide_list
    # The officer drags the divider 80 px to the right.
    handle = window.splitter.handle(1)
    start = QPoint(handle.width() // 2, handle.height() // 2)
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(handle, start + QPoint(80, 0))
    QTest.mouseRelease(
        handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(80, 0)
    )
    dragged = window.splitter.sizes()[0]
    assert dragged > narrow_list + 40
    show_at(qtbot, window, 1920, 1080)
    assert window.splitter.sizes()[0] == wide_list  # the wide window keeps its own
    show_at(qtbot, window, 1024, 700)
    assert window.splitter.sizes()[0] == dragged  # and the small one what was chosen there
    # "Standaardindeling herstellen" forgets the choice.
    window.action_reset_layout.trigger()
    show_at(qtbot, window, 1024, 700)
    assert window.splitter.sizes()[0] == narrow_list
