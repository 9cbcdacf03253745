"""The record list: ids only, rows fetched in pages, sorting by header, refresh after changes."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from db.model.schemas import NetworkProfile
from db.storage.store import Store
from desktop.operations import DatabaseSession
from desktop.window.network_list import PAGE_SIZE, Column, NetworkListModel, NetworkListView
from tests.db.factories import full_profile


def _names(model: NetworkListModel) -> list[str]:
    return [model.index(row, Column.NAME).data() for row in range(model.rowCount())]


def _loaded(session: DatabaseSession) -> NetworkListModel:
    model = NetworkListModel(session)
    model.show_all()
    return model


def test_columns_show_formatted_values(session: DatabaseSession) -> None:
    model = _loaded(session)
    assert model.columnCount() == 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == [
        "Naam",
        "Gemeenten",
        "Provincie",
        "Trekkingsrecht",
        "Afsprakennota",
        "Gewijzigd",
    ]
    row = _names(model).index("Lokaal netwerk Borsbeek")
    cells = [model.index(row, c).data() for c in range(6)]
    assert cells[1] == "Borsbeek, Wommelgem"
    assert cells[2] == "Antwerpen"
    assert cells[3] == "€ 2.432,50"
    assert cells[4] == "2e · 2020–2025"  # the header says "Afsprakennota"
    assert (
        model.index(row, Column.PERIOD).data(Qt.ItemDataRole.ToolTipRole)
        == "2e afsprakennota 2020–2025"
    )
    assert cells[5].count("/") == 2  # dd/mm/yyyy hh:mm
    genk = _names(model).index("Lokaal netwerk Genk")
    assert model.index(genk, Column.DRAWING_RIGHT).data() == "€ 17.641"


def test_sorted_by_name_then_by_each_column(session: DatabaseSession) -> None:
    model = _loaded(session)
    assert _names(model) == [
        "Lokaal netwerk Aalst",
        "Lokaal netwerk Borsbeek",
        "Lokaal netwerk Genk",
    ]
    model.sort(Column.DRAWING_RIGHT, Qt.SortOrder.DescendingOrder)
    # Highest amount first; the network without an amount comes last.
    assert _names(model) == [
        "Lokaal netwerk Genk",
        "Lokaal netwerk Borsbeek",
        "Lokaal netwerk Aalst",
    ]
    model.sort(Column.PROVINCE, Qt.SortOrder.AscendingOrder)
    assert _names(model) == [
        "Lokaal netwerk Borsbeek",
        "Lokaal netwerk Genk",
        "Lokaal netwerk Aalst",
    ]
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert _names(model) == [
        "Lokaal netwerk Genk",
        "Lokaal netwerk Borsbeek",
        "Lokaal netwerk Aalst",
    ]


def test_clicking_a_header_sorts_and_keeps_the_selection(
    qtbot: QtBot, session: DatabaseSession
) -> None:
    model = NetworkListModel(session)
    view = NetworkListView(model)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == 3  # enabling sorting was the first load
    genk = model.id_at(2)
    assert view.select_id(genk)
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(Column.NAME) + header.sectionSize(Column.NAME) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    assert _names(model)[0] == "Lokaal netwerk Genk"
    assert model.descending
    assert view.current_id() == genk
    assert view.currentIndex().row() == 0


def test_rows_are_fetched_a_page_at_a_time(store: Store) -> None:
    count = PAGE_SIZE + 50
    store.replace_all(
        NetworkProfile(name=f"Netwerk {n:04d}", municipalities=[f"Gemeente {n}"])
        for n in range(count)
    )
    session = DatabaseSession(store)
    model = _loaded(session)
    assert model.rowCount() == count
    assert model.fetches == 0  # listing costs no row data
    assert model.index(0, 0).data() == "Netwerk 0000"
    assert model.fetches == 1
    assert model.index(PAGE_SIZE - 1, 1).data() == f"Gemeente {PAGE_SIZE - 1}"
    assert model.fetches == 1  # same page
    assert model.index(PAGE_SIZE + 10, 0).data() == f"Netwerk {PAGE_SIZE + 10:04d}"
    assert model.fetches == 2


def test_search_results_with_hit_details(session: DatabaseSession) -> None:
    model = _loaded(session)
    ids = model.ids()
    chosen = [ids[2], ids[0]]
    model.show_ids(chosen)
    assert model.is_subset
    assert model.ids() == chosen  # the search's order
    assert model.columnCount() == 6
    model.set_hit_details({chosen[0]: ("Visie", "… iedereen te laten deelnemen …")})
    assert model.columnCount() == 7
    assert model.headerData(Column.HIT, Qt.Orientation.Horizontal) == "Gevonden in"
    assert model.index(0, Column.HIT).data() == "Visie — … iedereen te laten deelnemen …"
    assert "Visie" in model.index(0, Column.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, Column.HIT).data() is None
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    assert model.ids() == [ids[0], ids[2]]
    model.show_all()
    assert model.columnCount() == 6
    assert model.ids() == ids


def test_count_signal_tells_shown_and_total(qtbot: QtBot, session: DatabaseSession) -> None:
    model = _loaded(session)
    with qtbot.waitSignal(model.countChanged) as signal:
        model.show_ids([model.id_at(0)])  # type: ignore[list-item]
    assert signal.args == [1, 3]


def test_model_follows_changes(session: DatabaseSession) -> None:
    model = _loaded(session)
    aalst = model.id_at(0)
    assert aalst is not None
    # Renamed: the row moves to its new place and shows the new name.
    renamed = session.get(aalst).model_copy(update={"name": "Lokaal netwerk Zottegem"})
    session.save(renamed)
    assert _names(model)[-1] == "Lokaal netwerk Zottegem"
    # Deleted: the row goes.
    session.delete(aalst)
    assert aalst not in model.ids()
    assert model.rowCount() == 2
    # Created: it appears in order.
    created = session.save(full_profile(name="Lokaal netwerk Beveren", municipalities=["Beveren"]))
    assert _names(model) == [
        "Lokaal netwerk Beveren",
        "Lokaal netwerk Borsbeek",
        "Lokaal netwerk Genk",
    ]
    # While a search result is shown, what the user just made is shown too.
    model.show_ids([model.id_at(2)])  # type: ignore[list-item]
    restored = session.restore(session.delete(created.id))
    assert restored.id in model.ids()
    assert model.rowCount() == 2


def test_other_database_resets_the_list(session: DatabaseSession, tmp_path: object) -> None:
    from pathlib import Path

    model = _loaded(session)
    other = Path(str(tmp_path)) / "other.sqlite"
    Store.open(other).close()
    session.open_database(other)
    assert model.rowCount() == 0
    assert model.id_at(0) is None
    assert isinstance(model.ids(), list)
    assert all(isinstance(i, UUID) for i in model.ids())
