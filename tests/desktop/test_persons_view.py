"""The Personen view, the help page and the window's 'Zonder persoonsgegevens' exports."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.privacy.erasure import erasure_log
from db.storage.backup import backup_file, list_backups
from db.storage.store import Store
from desktop.exchange import dialogs as exchange_dialogs
from desktop.exchange.dialogs import ExportFormat, install_exchange
from desktop.operations import DatabaseSession
from desktop.privacy import WindowPrivacy, install_privacy, persons_view
from desktop.privacy.help import help_text
from desktop.settings import Settings
from desktop.window.main_window import MainWindow
from tests.db.privacy.people import (
    ERASED_EMAIL,
    ERASED_NAME,
    ERASED_SURNAME,
    OTHER_NAME,
    file_bytes,
    holds,
    people_profiles,
)
from tests.desktop.conftest import Answers, dispose

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def people_window(
    qtbot: QtBot, db_path: Path, settings: Settings, answers: Answers
) -> Iterator[tuple[MainWindow, WindowPrivacy]]:
    store = Store.open(db_path)
    for profile in people_profiles():
        store.create(profile)
    session = DatabaseSession(store)
    window = MainWindow(session, settings)
    install_exchange(window, daily_backup=False)
    privacy = install_privacy(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.has_form() and window.form.has_record())
    yield window, privacy
    for widget in (privacy.view, privacy.help):
        if widget is not None:
            widget.close()
    dispose(window)
    session.store.close()


def test_the_view_lists_each_person_once_and_where_they_occur(
    people_window: tuple[MainWindow, WindowPrivacy],
) -> None:
    window, privacy = people_window
    assert privacy.action_persons in window.menu_view.actions()
    view = privacy.show_persons()
    assert view.model.rowCount() == 3
    person = view.select_person(ERASED_EMAIL.upper())
    assert person is not None and view.model.rowCount() == 1
    details = view.details.toPlainText()
    assert "Lokaal netwerk Melle" in details and "notities: 3" in details


def test_erasing_asks_inside_the_view_then_erases_everywhere(
    people_window: tuple[MainWindow, WindowPrivacy], db_path: Path
) -> None:
    window, privacy = people_window
    old = backup_file(db_path, reason="handmatig")
    # A deleted network that names her, waiting in the undo history.
    [melle] = window.session.store.find_by_municipality("Melle")
    assert window.open_record(melle.id)
    window.delete_record()
    assert window.window_undo_stack.canUndo()
    [gent] = window.session.store.find_by_municipality("Gent")
    assert window.open_record(gent.id)
    assert ERASED_SURNAME in json.dumps(window.form.working_data(), default=str)
    view = privacy.show_persons()
    view.select_person(ERASED_NAME)
    view.erase_button.click()
    assert view.confirmation.isVisible()
    changes = view.confirm_text.toPlainText()
    assert "Lokaal netwerk Gent" in changes and old.name in changes
    assert holds(file_bytes(db_path), ERASED_SURNAME)  # nothing happened yet
    view.confirm_button.click()
    assert not holds(file_bytes(db_path), ERASED_SURNAME)
    assert holds(file_bytes(db_path), OTHER_NAME)
    assert "Gewist in 1 netwerk(en)" in view.confirm_text.toPlainText()
    assert not window.window_undo_stack.canUndo()
    assert view.rewrite_backups_button.isVisible()
    view.rewrite_backups_button.click()
    assert not holds(old.read_bytes(), ERASED_SURNAME)
    assert list_backups(db_path)[0].path == old
    # The form shows the erased record, not the copy it held before.
    assert window.form.current_id == gent.id
    assert ERASED_SURNAME not in json.dumps(window.form.working_data(), default=str)
    view.cancel_button.click()
    assert view.select_person(ERASED_NAME) is None


def test_the_erasure_log_names_who_is_set_in_voorkeuren(
    people_window: tuple[MainWindow, WindowPrivacy], db_path: Path
) -> None:
    window, privacy = people_window
    old = backup_file(db_path, reason="handmatig")
    window.session.set_author("Mevr. De Smet")  # Voorkeuren › Naam, as the history view sets it
    view = privacy.show_persons()
    view.select_person(ERASED_NAME)
    view.erase_button.click()
    view.confirm_button.click()
    assert [entry.by for entry in erasure_log(window.session.store)] == ["Mevr. De Smet"]
    view.rewrite_backups_button.click()
    backup = Store.open(old, create=False)
    try:
        assert [entry.by for entry in erasure_log(backup)] == ["Mevr. De Smet"]
    finally:
        backup.close()


def test_cancel_erases_nothing(
    people_window: tuple[MainWindow, WindowPrivacy], db_path: Path
) -> None:
    _window, privacy = people_window
    view = privacy.show_persons()
    view.select_person(ERASED_NAME)
    view.erase_button.click()
    view.cancel_button.click()
    assert not view.confirmation.isVisible()
    assert holds(file_bytes(db_path), ERASED_SURNAME)


def test_export_of_what_is_held(
    people_window: tuple[MainWindow, WindowPrivacy], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, privacy = people_window
    target = tmp_path / "inzage.json"
    monkeypatch.setattr(persons_view, "ask_person_export_path", lambda *_args: target)
    view = privacy.show_persons()
    view.select_person(ERASED_EMAIL)
    view.export_button.click()
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["person"]["names"][0] == ERASED_NAME


def test_the_help_page_is_in_the_help_menu_and_in_docs(
    people_window: tuple[MainWindow, WindowPrivacy],
) -> None:
    window, privacy = people_window
    assert privacy.action_help in window.menu_help.actions()
    page = privacy.show_help()
    assert "Persoonsgegevens in Netwerken" in page.browser.toPlainText()
    assert (ROOT / "docs" / "persoonsgegevens.md").read_text(encoding="utf-8") == help_text("nl")
    assert "Personal data in Netwerken" in help_text("en")


def test_window_exports_without_personal_data(
    people_window: tuple[MainWindow, WindowPrivacy],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _privacy = people_window
    assert window.action_without_personal_data in window.menu_export.actions()
    window.action_without_personal_data.setChecked(True)
    controller = window.findChild(exchange_dialogs.ExchangeController, "exchangeController")
    assert controller is not None
    target = tmp_path / "zonder.json"
    monkeypatch.setattr(
        exchange_dialogs, "ask_export_other_path", lambda *_args: (target, ExportFormat.JSON)
    )
    assert controller.export_other() == target
    data = target.read_bytes()
    assert not re.search(rb"[\w.+-]+@[\w-]+\.[\w.-]+", data)
    assert not holds(data, ERASED_SURNAME) and not holds(data, OTHER_NAME)
    database = tmp_path / "zonder.sqlite"
    monkeypatch.setattr(exchange_dialogs, "ask_export_database_path", lambda *_args: database)
    assert controller.export_database() == database
    assert not holds(file_bytes(database), ERASED_SURNAME)


def test_in_a_large_file_where_a_person_occurs_is_searched_on_request(
    people_window: tuple[MainWindow, WindowPrivacy], monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, privacy = people_window
    monkeypatch.setattr(persons_view, "AUTOMATIC_SEARCH_UP_TO", 0)
    view = privacy.show_persons()
    view.select_person(ERASED_NAME)
    assert "Lokaal netwerk Melle" in view.details.toPlainText()
    assert "notities" not in view.details.toPlainText()
    view.where_button.click()
    assert "notities: 3" in view.details.toPlainText()
