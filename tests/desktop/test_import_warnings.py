"""The 'te controleren' marker: import warnings shown in the list (icon and tooltip), found by
the filter, shown at the top of the form and marked checked there."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.storage.store import Store
from desktop.window.main_window import MainWindow
from desktop.window.network_list import Column
from desktop.window.search_bar import SearchController, install_search
from tests.desktop.conftest import by_name, type_text

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

WARNINGS = ["De tekst lijkt afgebroken in 'Contactpersoon'.", "Provincie afgeleid uit <b>Genk</b>."]


@pytest.fixture
def genk_to_check(filled_store: Store) -> Store:
    genk = by_name(filled_store, "Lokaal netwerk Genk")
    source = genk.source.model_copy(update={"warnings": WARNINGS, "file_name": "genk.txt"})
    credits = ["Beeld: <i>Jan</i> - CC BY-SA 2.0"]
    filled_store.update(genk.model_copy(update={"source": source, "credits": credits}))
    return filled_store


@pytest.fixture
def search(genk_to_check: Store, window: MainWindow) -> Any:
    controller = install_search(window)
    yield controller
    controller.wait()


def marked(window: MainWindow) -> dict[str, bool]:
    model = window.list_model
    result = {}
    for row in range(model.rowCount()):
        index = model.index(row, Column.NAME)
        name = model.data(index)
        result[name] = model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    return result


def test_marker_filter_form_box_and_marking_checked(
    genk_to_check: Store, qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    assert marked(window) == {
        "Lokaal netwerk Aalst": False,
        "Lokaal netwerk Borsbeek": False,
        "Lokaal netwerk Genk": True,
    }
    model = window.list_model
    genk_row = next(r for r in range(model.rowCount()) if model.summary(r).name.endswith("Genk"))
    tooltip = model.data(model.index(genk_row, Column.NAME), Qt.ItemDataRole.ToolTipRole)
    assert "Te controleren" in tooltip

    search.action_filters.trigger()
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        search.filters.to_check.setChecked(True)
    assert list(marked(window)) == ["Lokaal netwerk Genk"]

    genk = by_name(genk_to_check, "Lokaal netwerk Genk")
    assert window.show_record(genk.id)
    box = window.form.import_warnings
    assert box.isVisible()
    assert "genk.txt" in box.title.text()
    assert box.warnings.textFormat() == Qt.TextFormat.PlainText  # file text is never markup
    assert "<b>Genk</b>" in box.warnings.text()
    qtbot.mouseClick(box.check_button, Qt.MouseButton.LeftButton)
    assert not box.isVisible()
    stored = genk_to_check.get(genk.id)
    assert stored.source.warnings_checked and stored.source.warnings == WARNINGS
    assert genk_to_check.ids_to_check() == []
    qtbot.waitUntil(lambda: not any(marked(window).values()))
    # The form saves on afterwards without a conflict: it holds the new version.
    assert window.form.stored_profile() is not None
    assert window.form.stored_profile().version == stored.version


def test_a_save_in_the_form_keeps_warnings_and_credits(
    genk_to_check: Store, qtbot: QtBot, window: MainWindow
) -> None:
    genk = by_name(genk_to_check, "Lokaal netwerk Genk")
    assert window.show_record(genk.id)
    form = window.form
    assert form.info_credits.text() == "Beeld: <i>Jan</i> - CC BY-SA 2.0"
    assert form.info_credits.textFormat() == Qt.TextFormat.PlainText
    region = form.editors["region"]
    region.line.setFocus()
    region.line.selectAll()
    type_text(qtbot, region.line, "Kempen")
    assert form.save()
    stored = genk_to_check.get(genk.id)
    assert stored.region == "Kempen"
    assert stored.credits == genk.credits and stored.source.warnings == WARNINGS
    assert form.import_warnings.isVisible()  # still to check: the edit did not check them
