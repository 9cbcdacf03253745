"""The search in the window: typing (debounced) replaces the list with ranked hits, Escape and
Ctrl+F, the filters, the "nothing found" state, and queries that never block the UI thread."""

from __future__ import annotations

import threading
import time
from typing import Any
from uuid import UUID

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

import desktop.window.search_bar as search_bar
from db.model.errors import BusyError
from db.search.query import SearchQuery
from db.storage.store import Store
from desktop.window.main_window import MainWindow
from desktop.window.network_list import Column
from desktop.window.search_bar import SearchController, install_search
from tests.desktop.conftest import by_name, type_text

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def search(window: MainWindow) -> Any:
    controller = install_search(window)
    yield controller
    controller.wait()


def names(window: MainWindow) -> list[str]:
    model = window.list_model
    return [
        (summary.name if (summary := model.summary(row)) else "?")
        for row in range(model.rowCount())
    ]


def search_for(qtbot: QtBot, search: SearchController, text: str) -> None:
    search.field.setFocus()
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        type_text(qtbot, search.field, text)


def test_typing_replaces_the_list_with_ranked_hits(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    assert search.field.parent() is not None and window.toolbar.isAncestorOf(search.field)
    search_for(qtbot, search, "genk")
    assert names(window) == ["Lokaal netwerk Genk"]
    assert window.count_label.text() == "1 van 3 netwerken"
    assert window.statusBar().currentMessage() == "1 netwerk gevonden"
    model = window.list_model
    assert model.columnCount() == Column.HIT + 1
    assert model.headerData(Column.HIT, Qt.Orientation.Horizontal) == "Gevonden in"
    assert model.index(0, Column.HIT).data() == "Naam — Lokaal netwerk [Genk]"
    assert window.list_view.horizontalHeader().visualIndex(Column.HIT) == 1  # beside the name
    html = search._snippet_html(model.index(0, Column.HIT))
    assert html is not None and "Lokaal netwerk <b>Genk</b>" in html
    window.list_view.viewport().grab()  # the delegate paints without complaint


def test_keys_typed_quickly_make_one_search(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    results: list[Any] = []
    search.searchFinished.connect(results.append)
    search_for(qtbot, search, "lokaal netw")
    qtbot.wait(search_bar.DEBOUNCE_MS * 2)
    assert len(results) == 1
    assert results[0].query.text == "lokaal netw"
    assert len(names(window)) == 3


def test_a_search_never_runs_on_the_ui_thread(
    qtbot: QtBot, window: MainWindow, search: SearchController, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    release, finished = threading.Event(), threading.Event()
    real = search_bar.search_ids

    def held(store: Store, query: SearchQuery) -> list[UUID]:
        threads.append(threading.current_thread())
        release.wait(5)  # a search on the UI thread would hold run() up until this times out
        finished.set()
        return real(store, query)

    monkeypatch.setattr(search_bar, "search_ids", held)
    search.field.setText("genk")
    search.run()
    # run() came back before the search could end: the UI thread only handed the work over.
    assert not finished.is_set()
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        release.set()
    assert threads and threads[0] is not threading.main_thread()
    assert names(window) == ["Lokaal netwerk Genk"]


def test_a_stale_result_is_never_shown(
    qtbot: QtBot, window: MainWindow, search: SearchController, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = search_bar.search_ids

    def slow_for_genk(store: Store, query: SearchQuery) -> list[UUID]:
        if query.text == "genk":
            time.sleep(0.4)
        return real(store, query)

    monkeypatch.setattr(search_bar, "search_ids", slow_for_genk)
    shown: list[str] = []
    search.searchFinished.connect(lambda result: shown.append(result.query.text))
    search.field.setText("genk")
    search.run()  # runs (slowly) in the worker
    search.field.setText("aalst")
    search.run()  # waits for the worker; the genk answer is now stale
    search.field.setText("lokaal")
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        search.run()  # replaces "aalst" in the queue
    search.wait()
    qtbot.wait(50)
    assert shown == ["lokaal"]
    assert len(names(window)) == 3


def test_escape_clears_and_shows_everything_again(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    search_for(qtbot, search, "aalst")
    assert names(window) == ["Lokaal netwerk Aalst"]
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert search.field.text() == ""
    assert len(names(window)) == 3
    assert window.list_model.columnCount() == Column.HIT
    assert window.count_label.text() == "3 netwerken"
    assert not search.active


def test_ctrl_f_focuses_the_search_field(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    assert window.action_find.isEnabled()
    window.list_view.setFocus()
    search.field.setText("iets")
    window.action_find.trigger()
    assert search.field.hasFocus()
    assert search.field.selectedText() == "iets"
    window.list_view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert search.field.hasFocus()


def test_nothing_found_says_so_with_a_hint(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    search_for(qtbot, search, "zzzqq")
    assert window.list_model.rowCount() == 0
    assert search.nothing_found.isVisible()
    text = search.nothing_found.text()
    assert "Geen netwerken gevonden voor ‘zzzqq’." in text and "Tip:" in text
    assert window.count_label.text() == "0 van 3 netwerken"
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert not search.nothing_found.isVisible()


def test_diacritics_typed_in_the_field(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    search_for(qtbot, search, "één coördinatie")  # all three share the vision text
    assert len(names(window)) == 3
    hit = search.hit(window.list_model.ids()[0])
    assert hit is not None and hit.matched_field == "vision"
    assert "[coördinatie]" in hit.snippet


def test_filters_alone_and_with_text(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    search.action_filters.trigger()
    assert search.filter_bar.isVisible()
    filters = search.filters
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.province.setCurrentIndex(filters.province.findData("Limburg"))
    assert names(window) == ["Lokaal netwerk Genk"]
    assert window.list_model.columnCount() == Column.HIT  # no text: no "Gevonden in"

    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.clear()
    assert len(names(window)) == 3

    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.min_eur.setText("5.000")
    assert names(window) == ["Lokaal netwerk Genk"]
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.min_eur.setText("veel")  # not an amount: marked, and left out
    assert filters.min_eur.property("invalid") is True
    assert len(names(window)) == 3
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.min_eur.clear()

    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.year.setValue(2019)
    assert names(window) == ["Lokaal netwerk Borsbeek"]  # 2018-2019 and 2020-2025 periods
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.year.setValue(filters.year.minimum())
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.instrument.setEditText("uitpas")
    assert names(window) == [
        "Lokaal netwerk Aalst",
        "Lokaal netwerk Borsbeek",
        "Lokaal netwerk Genk",
    ]
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.instrument.setEditText("")

    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.partner.setText("schakeltje")
    assert len(names(window)) == 3
    search_for(qtbot, search, "genk")
    assert names(window) == ["Lokaal netwerk Genk"]
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        filters.municipality.setText("Aalst")
    assert names(window) == []
    assert "wis een of meer filters" in search.nothing_found.text()

    # Escape empties the text first, then the filters.
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert names(window) == ["Lokaal netwerk Aalst"]
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert filters.is_empty() and len(names(window)) == 3


def test_a_failing_query_is_reported_not_raised(
    qtbot: QtBot, window: MainWindow, search: SearchController, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(store: Store, query: SearchQuery) -> list[UUID]:
        raise BusyError()

    monkeypatch.setattr(search_bar, "search_ids", busy)
    search.field.setText("genk")
    with qtbot.waitSignal(search.searchFailed, timeout=5000) as failed:
        search.run()
    assert "bezet" in failed.args[0]
    assert "bezet" in window.statusBar().currentMessage()
    assert len(names(window)) == 3  # the list stays as it was


def test_snippets_of_rows_beyond_the_first_page_come_on_demand(
    qtbot: QtBot, window: MainWindow, search: SearchController, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_bar, "DETAIL_PAGE", 1)
    search_for(qtbot, search, "lokaal")
    ids = window.list_model.ids()
    assert len(ids) == 3 and len(search.state.hits) == 1
    assert window.list_model.index(2, Column.HIT).data() is None
    search._describe_visible()
    qtbot.waitUntil(lambda: len(search.state.hits) == 2, timeout=5000)
    search._describe_visible()
    qtbot.waitUntil(lambda: len(search.state.hits) == 3, timeout=5000)
    assert window.list_model.index(2, Column.HIT).data().startswith("Naam — ")


def test_the_result_follows_edits_and_another_database(
    qtbot: QtBot, window: MainWindow, search: SearchController, tmp_path: Any
) -> None:
    search_for(qtbot, search, "genk")
    genk = by_name(window.session.store, "Lokaal netwerk Genk")
    window.session.save(genk.model_copy(update={"alias": "Kolenspoor"}))
    qtbot.waitUntil(lambda: search.hit(genk.id) is not None, timeout=5000)
    assert names(window) == ["Lokaal netwerk Genk"]

    other = Store.open(tmp_path / "ander.sqlite")
    other.create(
        by_name(window.session.store, "Lokaal netwerk Aalst").model_copy(
            update={"name": "Lokaal netwerk Genk-Zuid", "version": 0}
        )
    )
    other.close()
    with qtbot.waitSignal(search.searchFinished, timeout=5000):
        window.session.open_database(tmp_path / "ander.sqlite")
    assert names(window) == ["Lokaal netwerk Genk-Zuid"]


def test_a_word_inside_a_compound_is_found_and_marked(
    qtbot: QtBot, window: MainWindow, search: SearchController
) -> None:
    # Every network here has the partner "Welzijnsschakel 't Schakeltje" (issue 20).
    search_for(qtbot, search, "zijnsschakel")
    assert len(names(window)) == 3
    hit = window.list_model.index(0, Column.HIT).data()
    assert hit.startswith("Partners — Wel[zijnsschakel] 't Schakeltje")
    html = search._snippet_html(window.list_model.index(0, Column.HIT))
    assert html is not None and "Wel<b>zijnsschakel</b>" in html
