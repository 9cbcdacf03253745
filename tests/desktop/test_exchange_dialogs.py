"""The exchange actions in the window: import (merge, replace), export, backups; and the dialogs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from db.exchange.database_file import export_database, inspect_import
from db.exchange.merge import (
    Choice,
    Edited,
    ImportCandidate,
    MergePlan,
    apply_merge,
    plan_merge,
)
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
    assert "Toegevoegd: 1." in message and "Conflicten: 1 (hun versie: 1" in message
    # Their file was made apart from mine (no common version): the report says why it asked.
    assert "geen gemeenschappelijke versie" in message
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


def conflict_plan(store: Store, folder: Path) -> tuple[MergePlan, list[UUID]]:
    """A colleague who started from my file: both changed Borsbeek's vision (they also its
    notes, I nothing else), both Genk's region, and they deleted Aalst, which I changed."""
    export_database(store, folder / "start.sqlite")
    theirs = Store.open(folder / "start.sqlite")
    try:
        borsbeek = by_name(theirs, "Lokaal netwerk Borsbeek")
        genk = by_name(theirs, "Lokaal netwerk Genk")
        aalst = by_name(theirs, "Lokaal netwerk Aalst")
        theirs.update(borsbeek.model_copy(update={"vision": "Hun visie", "notes": "Hun notitie"}))
        theirs.update(genk.model_copy(update={"region": "Hun regio"}))
        theirs.delete(aalst.id)
        export_database(theirs, folder / "collega.sqlite")
    finally:
        theirs.close()
    for name, fields in (
        ("Lokaal netwerk Borsbeek", {"vision": "Mijn visie"}),
        ("Lokaal netwerk Genk", {"region": "Mijn regio"}),
        ("Lokaal netwerk Aalst", {"notes": "Mijn notitie"}),
    ):
        store.update(by_name(store, name).model_copy(update=fields))
    plan = plan_merge(store, inspect_import(folder / "collega.sqlite"))
    return plan, [borsbeek.id, genk.id, aalst.id]


def test_the_merge_dialog_asks_per_field_with_the_common_version(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    store = window.session.store
    plan, (borsbeek_id, genk_id, aalst_id) = conflict_plan(store, tmp_path)
    dialog = MergeDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.conflicts.rowCount() == 3
    names = [dialog.conflicts.index(r, 0).data() for r in range(3)]
    dialog.select(names.index("Lokaal netwerk Borsbeek"))
    fields = dialog.fields
    rows = [[fields.index(r, c).data() for c in range(5)] for r in range(fields.rowCount())]
    [vision] = [row for row in rows if row[0] == "Visie"]
    assert vision[2:4] == ["Mijn visie", "Hun visie"] and vision[1].startswith("De voornaamste")
    assert vision[4] == "nog kiezen"
    [notes] = [row for row in rows if row[0] == "Interne notities"]
    assert notes[4] == "hun versie (automatisch)"  # changed on their side only: no question
    vision_row = [row[0] for row in rows].index("Visie")
    assert (
        fields.index(vision_row, 2).data(Qt.ItemDataRole.BackgroundRole).color()
        == changed_background()
    )
    assert fields.index(1 - vision_row, 2).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "Gemeenschappelijke" in str(fields.headerData(1, Qt.Orientation.Horizontal))

    assert not dialog.ok_button.isEnabled()  # nothing is chosen for the user
    assert dialog.current_field_row() == vision_row  # the first conflict is ready to decide
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {borsbeek_id: {"vision": Choice.THEIRS}}
    assert fields.index(vision_row, 4).data() == "hun versie"
    assert not dialog.ok_button.isEnabled()

    dialog.select(names.index("Lokaal netwerk Genk"))
    qtbot.mouseClick(dialog.network_mine, Qt.MouseButton.LeftButton)
    dialog.select(names.index("Lokaal netwerk Aalst"))
    [[label, _base, mine, theirs, _stays]] = [
        [fields.index(r, c).data() for c in range(5)] for r in range(fields.rowCount())
    ]
    assert (label, mine, theirs) == ("Het netwerk", "Lokaal netwerk Aalst", "(verwijderd)")
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.ok_button.isEnabled()
    choices = dialog.choices()
    assert choices[genk_id] == {"region": Choice.MINE}
    assert choices[aalst_id] is Choice.THEIRS

    apply_merge(store, plan, choices)
    borsbeek = store.get(borsbeek_id)
    assert (borsbeek.vision, borsbeek.notes) == ("Hun visie", "Hun notitie")
    assert store.get(genk_id).region == "Mijn regio"
    assert store.find(aalst_id) is None

    qtbot.mouseClick(dialog.all_mine, Qt.MouseButton.LeftButton)
    assert set(dialog.conflicts.index(r, 1).data() for r in range(3)) == {"mijn versie"}


def test_the_officer_writes_a_conflicting_field_and_a_bad_text_is_refused_in_place(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    store = window.session.store
    plan, (borsbeek_id, _genk_id, _aalst_id) = conflict_plan(store, tmp_path)
    dialog = MergeDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.conflicts.index(r, 0).data() for r in range(3)]
    dialog.select(names.index("Lokaal netwerk Aalst"))
    assert not dialog.edit_button.isEnabled()  # a deleted network is chosen, not written
    dialog.select(names.index("Lokaal netwerk Borsbeek"))
    vision_row = dialog.current_field_row()
    assert dialog.fields.field_name(vision_row) == "vision"
    assert dialog.edit_button.isEnabled()

    # Nothing chosen yet: the editor starts from mine; after choosing theirs, from theirs.
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert editor is not None and editor.isVisible() and editor.text() == "Mijn visie"
    qtbot.mouseClick(editor.findChildren(QPushButton)[-1], Qt.MouseButton.LeftButton)  # cancel
    assert dialog.editor is None and dialog.choices() == {}
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert editor is not None and editor.text() == "Hun visie"

    # Too long for the record's rules: refused with the schema's sentence, text kept, open.
    too_long = "x" * 100_001
    editor.editor.setPlainText(too_long)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.text() == too_long
    assert not editor.problem.isHidden() and "100000" in editor.problem.text().replace(".", "")
    assert dialog.choices() == {borsbeek_id: {"vision": Choice.THEIRS}}

    editor.editor.clear()
    qtbot.keyClicks(editor.editor, "Onze gezamenlijke visie")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible() and dialog.editor is None
    assert dialog.choices() == {borsbeek_id: {"vision": Edited("Onze gezamenlijke visie")}}
    outcome = dialog.fields.index(vision_row, 4)
    assert outcome.data() == "zelf aangepast:\nOnze gezamenlijke visie"
    assert not dialog.mine_button.isChecked() and not dialog.theirs_button.isChecked()

    # A double click on the outcome opens the editor again, with the written text.
    view = dialog.field_view
    view.scrollTo(outcome)
    centre = view.visualRect(outcome).center()
    # Qt sees a double click only after a press at the same place (as a real mouse does).
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    editor = dialog.editor
    assert editor is not None and editor.text() == "Onze gezamenlijke visie"
    editor.reject()

    dialog.choose_all(Choice.MINE)  # the other networks; the written field is chosen again
    assert dialog.conflicts.index(names.index("Lokaal netwerk Borsbeek"), 1).data() == (
        "mijn versie"
    )
    dialog.select(names.index("Lokaal netwerk Borsbeek"))
    dialog.select_field("vision")
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert dialog.editor is not None
    dialog.editor.editor.setPlainText("Onze gezamenlijke visie")
    qtbot.mouseClick(dialog.editor.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.conflicts.index(names.index("Lokaal netwerk Borsbeek"), 1).data() == "per veld"
    assert dialog.ok_button.isEnabled()
    report = apply_merge(store, plan, dialog.choices())
    borsbeek = store.get(borsbeek_id)
    assert (borsbeek.vision, borsbeek.notes) == ("Onze gezamenlijke visie", "Hun notitie")
    assert Choice.EDITED in {c for d in report.decisions for c in d.choices}
    assert store.history(borsbeek_id)[-1].kind == "merge"


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
