"""The 'Geschiedenis' tab, restoring a version (undoable), 'Verwijderde netwerken…' and the name
in Voorkeuren: driven through the real widgets, questions replaced."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.storage.history_diff import FieldChange, Segment
from desktop.window import history_view
from desktop.window.history_view import WindowHistory, changes_html, install_history
from desktop.window.main_window import MainWindow
from tests.desktop.conftest import by_name

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def history(window: MainWindow) -> WindowHistory:
    return install_history(window)


def show_tab(window: MainWindow, history: WindowHistory) -> None:
    window.tabs.setCurrentWidget(history.panel)


def test_the_tab_lists_versions_and_what_each_changed(
    qtbot: QtBot, window: MainWindow, history: WindowHistory
) -> None:
    store = window.session.store
    genk = by_name(store, "Lokaal netwerk Genk")
    long_vision = "Iedereen doet mee aan vrije tijd in Genk, ook wie het moeilijk heeft. " * 3
    genk = store.update(genk.model_copy(update={"vision": long_vision}))
    store.update(
        genk.model_copy(
            update={
                "vision": long_vision.replace("moeilijk", "<b>lastig</b>", 1),
                "notes": "Nota",
            }
        )
    )
    assert window.open_record(genk.id)
    show_tab(window, history)
    model = history.panel.model
    assert model.rowCount() == 3
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(3)]
    assert [row[2] for row in rows] == ["bewaard", "bewaard", "aangemaakt"]
    assert rows[0][3] == "Visie, Interne notities"
    assert rows[0][1] == store.author
    shown = history.panel.changes.toHtml()
    assert "&lt;b&gt;lastig&lt;/b&gt;" in shown  # a stored text is never markup
    assert "line-through" in shown  # the removed word is marked
    assert not history.panel.restore_button.isEnabled()  # the newest version is the current one


def test_restoring_a_version_is_a_new_version_and_undoable(
    qtbot: QtBot, window: MainWindow, history: WindowHistory
) -> None:
    store = window.session.store
    genk = by_name(store, "Lokaal netwerk Genk")
    original_vision = genk.vision
    store.update(genk.model_copy(update={"vision": "Nieuwe visie"}))
    window.session.announce(history_view.Change(history_view.ChangeKind.UPDATED, (genk.id,)))
    assert window.open_record(genk.id)
    show_tab(window, history)
    history.panel.select_row(1)  # the first version
    assert history.panel.restore_button.isEnabled()
    qtbot.mouseClick(history.panel.restore_button, Qt.MouseButton.LeftButton)
    assert store.get(genk.id).vision == original_vision
    assert history.panel.model.rowCount() == 3  # nothing was thrown away
    assert history.panel.model.index(0, 2).data() == "oudere versie teruggezet"
    assert window.form.editor("vision").value() == original_vision  # the form follows
    window.undo_group.undo()
    assert store.get(genk.id).vision == "Nieuwe visie"
    assert history.panel.model.rowCount() == 4
    window.undo_group.redo()
    assert store.get(genk.id).vision == original_vision


def test_a_deleted_network_is_found_and_restored(
    qtbot: QtBot, window: MainWindow, history: WindowHistory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.session.store
    aalst = by_name(store, "Lokaal netwerk Aalst")
    window.session.delete(aalst.id)
    offered: list[Any] = []

    def choose(_parent: object, deleted: list[Any]) -> Any:
        offered.extend(deleted)
        return deleted[0]

    monkeypatch.setattr(history_view, "choose_deleted", choose)
    history.action_deleted.trigger()
    assert [d.name for d in offered] == ["Lokaal netwerk Aalst"]
    assert store.get(aalst.id).content_equals(aalst)
    assert window.form.current_id == aalst.id
    assert store.deleted_networks() == []
    kinds = [e.kind for e in store.history_entries(aalst.id)]
    assert kinds == ["create", "delete", "restore"]


def test_the_deleted_networks_dialog_lists_and_returns_the_choice(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.session.store
    aalst = by_name(store, "Lokaal netwerk Aalst")
    store.delete(aalst.id)
    dialog = history_view.DeletedDialog(store.deleted_networks())
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 0).data() == "Lokaal netwerk Aalst"
    assert dialog.model.index(0, 2).data() == store.author
    assert dialog.restore_button.isEnabled()
    assert dialog.chosen() is not None and dialog.chosen().network_id == str(aalst.id)  # type: ignore[union-attr]
    empty = history_view.DeletedDialog([])
    qtbot.addWidget(empty)
    assert not empty.restore_button.isEnabled()


def test_the_name_in_voorkeuren_signs_every_change(
    qtbot: QtBot, window: MainWindow, history: WindowHistory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_view, "ask_author_name", lambda _parent, _current: "Fien Peeters")
    history.action_preferences.trigger()
    assert window.settings.preferences.author_name == "Fien Peeters"
    store = window.session.store
    genk = by_name(store, "Lokaal netwerk Genk")
    store.update(genk.model_copy(update={"notes": "Door Fien"}))
    assert store.history(genk.id)[-1].author == "Fien Peeters"
    dialog = history_view.AuthorDialog("Fien Peeters")
    qtbot.addWidget(dialog)
    assert dialog.name() == "Fien Peeters"


def test_changes_are_escaped_even_in_short_values() -> None:
    shown = changes_html(
        [
            FieldChange("name", "<i>oud</i>", "<script>x</script>", ()),
            FieldChange("vision", "a b", "a c", (Segment("same", "a "), Segment("added", "<c>"))),
        ]
    )
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "&lt;c&gt;" in shown
