"""The question boxes themselves: each button means what the caller thinks it means.

The real ``exec`` is replaced by one that clicks a button by its text, so nothing blocks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox

from desktop import dialogs


def click_on(monkeypatch: pytest.MonkeyPatch, label: str, seen: list[str] | None = None) -> None:
    def exec_(box: QMessageBox) -> int:
        if seen is not None:
            seen.append(box.text() + "\n" + box.informativeText())
        buttons: list[QAbstractButton] = list(box.buttons())
        [button] = [b for b in buttons if b.text().replace("&", "") == label]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


@pytest.mark.parametrize(
    ("label", "choice"),
    [
        ("Opslaan", dialogs.SaveChoice.SAVE),
        ("Niet opslaan", dialogs.SaveChoice.DISCARD),
        ("Annuleren", dialogs.SaveChoice.CANCEL),
    ],
)
def test_save_discard_cancel(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, label: str, choice: dialogs.SaveChoice
) -> None:
    seen: list[str] = []
    click_on(monkeypatch, label, seen)
    assert dialogs.ask_save_discard_cancel(None, "Lokaal netwerk Genk") == choice
    assert "'Lokaal netwerk Genk'" in seen[0]


@pytest.mark.parametrize(("label", "answer"), [("Verwijderen", True), ("Annuleren", False)])
def test_confirm_delete(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, label: str, answer: bool
) -> None:
    seen: list[str] = []
    click_on(monkeypatch, label, seen)
    assert dialogs.confirm_delete(None, "Genk", unsaved_changes=True) is answer
    assert "niet-opgeslagen wijzigingen" in seen[0] and "ongedaan maken" in seen[0]


@pytest.mark.parametrize(
    ("label", "deleted", "choice"),
    [
        ("Herladen", False, dialogs.ConflictChoice.RELOAD),
        ("Overschrijven", False, dialogs.ConflictChoice.OVERWRITE),
        ("Opnieuw opslaan", True, dialogs.ConflictChoice.OVERWRITE),
        ("Annuleren", True, dialogs.ConflictChoice.CANCEL),
    ],
)
def test_conflict(
    qapp: Any,
    monkeypatch: pytest.MonkeyPatch,
    label: str,
    deleted: bool,
    choice: dialogs.ConflictChoice,
) -> None:
    click_on(monkeypatch, label)
    assert dialogs.ask_conflict(None, "gewijzigd", deleted=deleted) == choice


def test_new_database_path_gets_its_suffix(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: dict[str, Any] = {}

    def save_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.update(kwargs)
        return str(tmp_path / "werk"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    assert dialogs.choose_new_path(None, tmp_path) == tmp_path / "werk.sqlite"
    assert asked["options"] == QFileDialog.Option.DontConfirmOverwrite
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert dialogs.choose_new_path(None, tmp_path) is None


def test_names_and_messages_with_markup_are_shown_as_written(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network called "Net <b>VET</b> <img src=x>" (or an error quoting a file) is text in every
    question and message box, in the main text and in the informative text below it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    name = "Net <b>VET</b> <img src=x>"
    formats: list[tuple[str, Qt.TextFormat]] = []

    def exec_(box: QMessageBox) -> int:
        for label in box.findChildren(QLabel):
            if "<b>" in label.text():
                formats.append((label.text(), label.textFormat()))
        return 0  # no button clicked: each asking function then takes its cautious answer

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    dialogs.ask_save_discard_cancel(None, name)
    dialogs.confirm_delete(None, name)
    dialogs.ask_conflict(None, f"'{name}' werd intussen gewijzigd.", deleted=False)
    dialogs.show_error(None, "Importeren", f"Het bestand {name}.json is geen geldig JSON-bestand.")
    dialogs.show_info(None, "Importeren", f"1 netwerk ingelezen: {name}")
    dialogs.show_validation_summary(None, [f"Naam: {name} is te lang"])
    assert len(formats) == 6
    assert all(text_format == Qt.TextFormat.PlainText for _text, text_format in formats), formats
