"""The exchange actions in the window: import (merge, replace), export, backups; and the dialogs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.exchange.database_file import export_database, inspect_import
from db.exchange.merge import Choice, ImportCandidate, MergePlan, plan_merge
from db.storage.backup import backup_file, list_backups
from db.storage.store import Store
from desktop.exchange import dialogs as exchange_dialogs
from desktop.exchange.dialogs import (
    BackupDialog,
    ExchangeController,
    ExportFormat,
    ImportMode,
    ImportModeDialog,
    MergeDialog,
    install_exchange,
    run_with_progress,
)
from desktop.form.form_widgets import LineField
from desktop.style import changed_background
from desktop.window.main_window import MainWindow
from tests.db.factories import full_profile
from tests.desktop.conftest import Answers, by_name, type_text

# The offscreen platform says so whenever a window is shown; it is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def controller(window: MainWindow) -> ExchangeController:
    return install_exchange(window, daily_backup=False)


@pytest.fixture
def colleague_file(tmp_path: Path, window: MainWindow) -> Path:
    """Their export: my Borsbeek with another vision, my Genk unchanged, and a new network."""
    store = window.session.store
    theirs = Store.open(tmp_path / "collega" / "netwerken.sqlite")
    borsbeek = by_name(store, "Lokaal netwerk Borsbeek")
    genk = by_name(store, "Lokaal netwerk Genk")
    theirs.replace_all([borsbeek.model_copy(update={"vision": "Hun visie"}), genk])
    theirs.create(full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"]))
    target = tmp_path / "van-collega.sqlite"
    export_database(theirs, target)
    theirs.close()
    return target


def script(monkeypatch: pytest.MonkeyPatch, name: str, result: Any) -> list[tuple[Any, ...]]:
    """Replace one question of the module; returns the arguments it was asked with."""
    asked: list[tuple[Any, ...]] = []

    def answer(*args: Any, **_kwargs: Any) -> Any:
        asked.append(args)
        return result(*args) if callable(result) else result

    monkeypatch.setattr(exchange_dialogs, name, answer)
    return asked


def test_the_placeholder_actions_are_connected(window: MainWindow) -> None:
    actions = (
        window.action_import_db,
        window.action_export_db,
        window.action_export_other,
        window.action_restore_backup,
    )
    assert not any(action.isEnabled() for action in actions)
    install_exchange(window, daily_backup=False)
    for action in actions:
        assert action.isEnabled()
        assert "komt in een volgende versie" not in action.toolTip()


def test_merge_with_conflicts_asks_per_network_and_refreshes_the_list(
    window: MainWindow,
    controller: ExchangeController,
    colleague_file: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    script(monkeypatch, "ask_import_path", colleague_file)
    modes = script(monkeypatch, "ask_import_mode", ImportMode.MERGE)
    plans: list[MergePlan] = []

    def choose_theirs(_parent: object, plan: MergePlan, _language: str) -> dict[UUID, Choice]:
        plans.append(plan)
        return {item.key: Choice.THEIRS for item in plan.conflicts}

    script(monkeypatch, "ask_merge_choices", choose_theirs)
    assert window.list_model.total == 3
    window.action_import_db.trigger()

    [(_parent, candidate, count)] = modes
    assert len(candidate.profiles) == 3 and count == 3
    [plan] = plans
    assert [item.mine.name for item in plan.conflicts if item.mine] == ["Lokaal netwerk Borsbeek"]
    store = window.session.store
    assert by_name(store, "Lokaal netwerk Borsbeek").vision == "Hun visie"
    assert window.list_model.total == 4  # the list heard about it
    _title, message = answers.last("show_info")
    assert "Toegevoegd: 1. Bijgewerkt: 1." in message
    assert store.path is not None
    assert [b.reason for b in list_backups(store.path)] == ["voor-samenvoegen"]


def test_cancelling_the_conflicts_changes_nothing(
    window: MainWindow,
    controller: ExchangeController,
    colleague_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    script(monkeypatch, "ask_import_mode", ImportMode.MERGE)
    script(monkeypatch, "ask_merge_choices", None)
    assert not controller.import_file(colleague_file)
    store = window.session.store
    assert store.count() == 3
    assert by_name(store, "Lokaal netwerk Borsbeek").vision != "Hun visie"


def test_replace_backs_up_and_the_window_shows_their_records(
    window: MainWindow,
    controller: ExchangeController,
    colleague_file: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    script(monkeypatch, "ask_import_mode", ImportMode.REPLACE)
    assert controller.import_file(colleague_file)
    store = window.session.store
    assert sorted(p.name for p in store.iter_profiles()) == [
        "Lokaal netwerk Borsbeek",
        "Lokaal netwerk Genk",
        "Lokaal netwerk Wevelgem",
    ]
    assert window.list_model.total == 3
    assert store.path is not None
    [backup] = list_backups(store.path)
    assert (backup.reason, backup.networks) == ("voor-vervangen", 3)
    assert "voordien: 3" in answers.last("show_info")[1]


def test_a_bad_file_is_refused_with_its_reason(
    window: MainWindow,
    controller: ExchangeController,
    tmp_path: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = script(monkeypatch, "ask_import_mode", ImportMode.REPLACE)
    bad = tmp_path / "brief.sqlite"
    bad.write_text("geen database", encoding="utf-8")
    assert not controller.import_file(bad)
    _title, message = answers.last("show_error")
    assert "geen database" in message and "ongewijzigd" in message
    assert asked == []
    assert window.session.store.count() == 3


def test_a_json_file_imports_through_the_same_action(
    window: MainWindow,
    controller: ExchangeController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from db.exchange.interchange import dump_json

    document = tmp_path / "collega.json"
    dump_json([full_profile(name="Lokaal netwerk Wevelgem", municipalities=["Wevelgem"])], document)
    script(monkeypatch, "ask_import_mode", ImportMode.MERGE)
    assert controller.import_file(document)
    assert window.list_model.total == 4


def test_unsaved_edits_are_asked_about_first(
    qtbot: QtBot,
    window: MainWindow,
    controller: ExchangeController,
    colleague_file: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.show_record(by_name(window.session.store, "Lokaal netwerk Genk").id)
    name = window.form.editors["name"]
    assert isinstance(name, LineField)
    name.line.setFocus()
    type_text(qtbot, name.line, " half getypt")
    assert window.form.is_modified()
    answers.save_choice = exchange_dialogs.dialogs.SaveChoice.CANCEL
    asked = script(monkeypatch, "ask_import_path", colleague_file)
    assert not controller.import_file()
    assert "save" in answers.names()
    assert asked == []


def test_export_database_and_other_formats(
    window: MainWindow,
    controller: ExchangeController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "uit" / "export.sqlite"
    target.parent.mkdir()
    script(monkeypatch, "ask_export_database_path", target)
    window.action_export_db.trigger()
    assert len(inspect_import(target).profiles) == 3
    assert "3 netwerken geëxporteerd" in window.statusBar().currentMessage()
    for kind in ExportFormat:
        other = tmp_path / f"uit.{kind.value}"
        script(monkeypatch, "ask_export_other_path", (other, kind))
        window.action_export_other.trigger()
        assert other.stat().st_size > 0
    assert (tmp_path / "uit.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_restore_a_backup_from_the_list(
    window: MainWindow,
    controller: ExchangeController,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = window.session.store
    assert store.path is not None
    backup_file(store.path, reason="handmatig")
    window.session.delete(by_name(store, "Lokaal netwerk Genk").id)
    assert window.list_model.total == 2
    offered = script(monkeypatch, "choose_backup", lambda _parent, backups: backups[0])
    window.action_restore_backup.trigger()
    [(_parent, backups)] = offered
    assert [(b.reason, b.networks) for b in backups] == [("handmatig", 3)]
    assert window.list_model.total == 3
    assert by_name(store, "Lokaal netwerk Genk")
    assert [b.reason for b in list_backups(store.path)] == ["voor-terugzetten", "handmatig"]
    assert "Teruggezet" in answers.last("show_info")[1]


def test_restore_without_backups_says_so(controller: ExchangeController, answers: Answers) -> None:
    assert not controller.restore_backup()
    assert "nog geen back-ups" in answers.last("show_info")[1]


def test_the_daily_backup_runs_once_the_window_is_up(window: MainWindow, qtbot: QtBot) -> None:
    path = window.session.path
    assert path is not None
    install_exchange(window)
    qtbot.waitUntil(lambda: bool(list_backups(path)))
    assert [b.reason for b in list_backups(path)] == ["dagelijks"]


def test_work_runs_off_the_gui_thread_and_errors_come_back(qtbot: QtBot) -> None:
    import threading

    gui = threading.current_thread()
    assert run_with_progress(None, "even", lambda: threading.current_thread() is not gui)
    with pytest.raises(ValueError, match="kapot"):
        run_with_progress(None, "even", lambda: int("kapot"))


# --- the dialogs themselves -------------------------------------------------------------------


def conflict_plan(store: Store) -> tuple[MergePlan, list[UUID]]:
    borsbeek = by_name(store, "Lokaal netwerk Borsbeek")
    genk = by_name(store, "Lokaal netwerk Genk")
    assert borsbeek.updated_at is not None and genk.updated_at is not None
    from datetime import timedelta

    newer = borsbeek.model_copy(
        update={
            "vision": "Hun visie",
            "notes": "Hun notitie",
            "updated_at": borsbeek.updated_at + timedelta(days=1),
        }
    )
    older = genk.model_copy(
        update={"region": "Hun regio", "updated_at": genk.updated_at - timedelta(days=1)}
    )
    candidate = ImportCandidate(Path("collega.sqlite"), "database", (newer, older))
    return plan_merge(store, candidate), [newer.id, older.id]


def test_the_merge_dialog_shows_the_two_versions_field_by_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    plan, (borsbeek_id, genk_id) = conflict_plan(window.session.store)
    dialog = MergeDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.conflicts.rowCount() == 2
    assert dialog.current_row() == 0
    fields = dialog.fields
    rows = [[fields.index(r, c).data() for c in range(3)] for r in range(fields.rowCount())]
    assert rows[0][0] == "Visie" and rows[0][2] == "Hun visie"
    assert rows[1][0] == "Interne notities" and rows[1][2] == "Hun notitie"
    assert fields.index(0, 1).data(Qt.ItemDataRole.BackgroundRole).color() == changed_background()
    assert "Hun versie" in str(fields.headerData(2, Qt.Orientation.Horizontal))

    dialog.only_differences.setChecked(False)  # every field, the differing ones marked
    assert fields.rowCount() > 10
    labels = [fields.index(r, 0).data() for r in range(fields.rowCount())]
    name_row = labels.index("Naam")
    assert fields.index(name_row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert fields.index(labels.index("Visie"), 1).data(Qt.ItemDataRole.BackgroundRole) is not None

    assert not dialog.ok_button.isEnabled()  # nothing is chosen for the user
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {borsbeek_id: Choice.THEIRS}
    assert dialog.conflicts.index(0, 1).data() == "hun versie"
    assert not dialog.ok_button.isEnabled()

    dialog.select(1)
    shown = [[fields.index(r, c).data() for c in range(3)] for r in range(fields.rowCount())]
    differing = [row for number, row in enumerate(shown) if fields.is_different(number)]
    assert differing == [["Regio", "Zuidrand", "Hun regio"]]
    assert "mijn versie" in dialog.newest_button.text()  # theirs is older for Genk
    assert not dialog.newest_button.isChecked()
    qtbot.mouseClick(dialog.newest_button, Qt.MouseButton.LeftButton)
    assert dialog.ok_button.isEnabled()
    assert dialog.conflicts.index(1, 1).data() == "de nieuwste (mijn versie)"

    qtbot.mouseClick(dialog.all_mine, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {borsbeek_id: Choice.MINE, genk_id: Choice.MINE}
    assert dialog.mine_button.isChecked()


def test_the_import_mode_dialog_tells_what_arrived(
    qtbot: QtBot, window: MainWindow, colleague_file: Path
) -> None:
    candidate = inspect_import(colleague_file)
    dialog = ImportModeDialog(candidate, 3)
    qtbot.addWidget(dialog)
    text = dialog.facts.text()
    assert "van-collega.sqlite" in text and "3 netwerken" in text and "Geëxporteerd met" in text
    assert dialog.mode() is ImportMode.MERGE
    dialog.replace_button.setChecked(True)
    assert dialog.mode() is ImportMode.REPLACE


def test_the_backup_dialog_lists_date_count_and_reason(qtbot: QtBot, window: MainWindow) -> None:
    store = window.session.store
    assert store.path is not None
    backup_file(store.path, reason="dagelijks")
    backup_file(store.path, reason="voor-samenvoegen")
    dialog = BackupDialog(list_backups(store.path))
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == 2
    assert model.index(0, 1).data() == "3"
    assert model.index(0, 2).data() == "Voor het samenvoegen bij een import"
    assert "/" in model.index(0, 0).data()
    assert dialog.chosen() == list_backups(store.path)[0]
    dialog.view.selectRow(1)
    chosen = dialog.chosen()
    assert chosen is not None and chosen.reason == "dagelijks"
    assert dialog.ok_button.isEnabled()
    QApplication.processEvents()


def test_the_program_connects_the_actions_and_backs_up_on_start(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import app as app_module
    from desktop import i18n
    from desktop import settings as settings_module

    path = tmp_path / "werk.sqlite"
    Store.open(path).close()
    real_settings = settings_module.Settings
    monkeypatch.setattr(settings_module, "Settings", lambda: real_settings(tmp_path / "s.ini"))
    seen: dict[str, bool] = {}

    def run_event_loop() -> int:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window.grab()  # the list's first paint
        deadline = time.monotonic() + 5
        while not list_backups(path) and time.monotonic() < deadline:
            QApplication.processEvents()  # the work deferred until after the first paint
        seen["enabled"] = window.action_import_db.isEnabled()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(qapp, "exec", run_event_loop)
    try:
        assert app_module.run_gui(["--db", str(path)]) == 0
    finally:
        i18n.remove_translations(qapp)
    assert seen == {"enabled": True}
    assert [b.reason for b in list_backups(path)] == ["dagelijks"]


def test_an_offered_file_is_recognised_by_its_content(tmp_path: Path) -> None:
    from db.exchange.interchange import dump_json
    from desktop.exchange.dialogs import read_offered

    document = tmp_path / "bijlage.txt"  # JSON under another name, as mail programs do
    dump_json([full_profile()], document)
    candidate = read_offered(document)
    assert candidate.kind == "json" and len(candidate.profiles) == 1


def test_replacing_by_an_empty_file_is_warned_about(qtbot: QtBot) -> None:
    empty = ImportCandidate(Path("leeg.json"), "json", ())
    dialog = ImportModeDialog(empty, 3)
    qtbot.addWidget(dialog)
    assert "maakt je database leeg" in dialog.facts.text()
