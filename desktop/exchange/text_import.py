"""Bestand › Importeren › Fiches importeren…: published profile texts into the open database.

The rules (what a duplicate is, what updating keeps) live in :mod:`db.text.text_import`; this module
only asks: which files, and for each profile of a municipality already stored, update, skip or
keep both (optionally for all that follow). Reading shows progress and can be cancelled; storing
is one transaction, and the list refreshes through the session's ``changed`` signal.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QProgressDialog, QWidget

from db.model.changes import Change, ChangeKind
from db.model.errors import StoreError
from db.storage.dbfile import DatabaseFileError
from db.storage.locations import export_folder
from desktop import dialogs

translate = QCoreApplication.translate

if TYPE_CHECKING:
    # The parser is a large module: loaded when the user imports, not when the window starts.
    from db.text.text_import import OnDuplicate, ReadText, TextImportReport
    from desktop.window.main_window import MainWindow


class DuplicateAnswer(enum.Enum):
    UPDATE = "update"  # the values of db.text.text_import.OnDuplicate
    SKIP = "skip"
    KEEP = "keep"
    CANCEL = "cancel"


def choose_text_files(parent: QWidget | None, start: Path | None) -> list[Path]:
    with dialogs.roomy_file_dialogs():
        names, _filter = QFileDialog.getOpenFileNames(
            parent,
            translate("TextImport", "Fiches importeren"),
            str(start or dialogs.start_folder()),
            translate("TextImport", "Fiches (*.txt);;Alle bestanden (*)"),
        )
    if names:
        dialogs.remember_folder(names[0])
    return [Path(name) for name in names]


def ask_duplicate(parent: QWidget | None, item: ReadText) -> tuple[DuplicateAnswer, bool]:
    """Update, skip or keep both; the second value is "do the same for all that follow"."""
    assert item.result is not None
    incoming = item.result.profile
    stored = ", ".join(d.name for d in item.duplicates)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("TextImport", "Netwerk bestaat al"))
    box.setText(
        translate(
            "TextImport", "Voor {municipality} staat al een netwerk in de database: {stored}."
        ).format(municipality=incoming.lead_municipality, stored=stored)
    )
    box.setInformativeText(
        translate(
            "TextImport",
            "Bijwerken vervangt de inhoud door de fiche ({file}) en houdt je interne notities. "
            "Overslaan laat het bestaande netwerk zoals het is. Beide houden maakt een tweede netwerk.",
        ).format(file=item.path.name)
    )
    update = box.addButton(translate("TextImport", "Bijwerken"), QMessageBox.ButtonRole.AcceptRole)
    skip = box.addButton(translate("TextImport", "Overslaan"), QMessageBox.ButtonRole.RejectRole)
    keep = box.addButton(translate("TextImport", "Beide houden"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(
        translate("TextImport", "Import stoppen"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(skip)
    box.setEscapeButton(cancel)
    for_all = QCheckBox(translate("TextImport", "Hetzelfde doen voor alle volgende"))
    box.setCheckBox(for_all)
    box.exec()
    clicked = box.clickedButton()
    if clicked is update:
        return DuplicateAnswer.UPDATE, for_all.isChecked()
    if clicked is skip:
        return DuplicateAnswer.SKIP, for_all.isChecked()
    if clicked is keep:
        return DuplicateAnswer.KEEP, for_all.isChecked()
    return DuplicateAnswer.CANCEL, False


# A handful of texts reads in the blink of an eye; a folder of hundreds gets a progress dialog.
PROGRESS_FROM_FILES = 20


class _Cancelled(Exception):
    pass


class TextImportController(QObject):
    """Imports profile texts into the database of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("textImportController")
        self.window = window

    def install(self) -> None:
        self.window.enable_action(self.window.action_import_profiles, self.import_files)

    def import_files(self, paths: list[Path] | None = None) -> TextImportReport | None:
        if paths is None:
            paths = choose_text_files(self.window, None)  # the last folder used, or Documents
        if not paths or not self.window.confirm_leave_record():
            return None
        from db.text.text_import import OnDuplicate, collect_files, store_texts

        files = collect_files(paths)
        store = self.window.session.store
        language = self.window.language
        try:
            read = self._read_with_progress(files)
            if read is None:
                return None
            remembered: list[OnDuplicate] = []

            def decide(item: ReadText) -> OnDuplicate:
                if remembered:
                    return remembered[0]
                answer, for_all = ask_duplicate(self.window, item)
                if answer is DuplicateAnswer.CANCEL:
                    raise _Cancelled
                if for_all:
                    remembered.append(OnDuplicate(answer.value))
                return OnDuplicate(answer.value)

            report = store_texts(store, read, decide)
        except _Cancelled:
            self.window.statusBar().showMessage(
                translate("TextImport", "Import gestopt: er is niets opgeslagen."),
                6000,
            )
            return None
        except (StoreError, DatabaseFileError) as error:
            dialogs.show_error(
                self.window,
                translate("TextImport", "Import mislukt"),
                (error.english if language == "en" else str(error))
                + "\n\n"
                + translate("TextImport", "Er is niets opgeslagen."),
            )
            return None
        self.window.session.announce(Change(ChangeKind.RELOADED))
        from db.text.text_import import Outcome

        stored = report.count(Outcome.IMPORTED) + report.count(Outcome.UPDATED)
        dialogs.show_text(
            self.window,
            translate("TextImport", "Fiches geïmporteerd")
            if stored
            else translate("TextImport", "Geen fiches geïmporteerd"),
            self._describe(report),
        )
        return report

    def _read_with_progress(self, files: list[Path]) -> list[ReadText] | None:
        from db.text.text_import import read_texts

        if len(files) <= PROGRESS_FROM_FILES:
            return read_texts(self.window.session.store, files)
        progress = QProgressDialog(
            translate("TextImport", "Fiches lezen…"),
            translate("TextImport", "Annuleren"),
            0,
            max(len(files), 1),
            self.window,
        )
        progress.setWindowTitle(translate("TextImport", "Fiches importeren"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def step(done: int, total: int) -> bool:
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            read = read_texts(self.window.session.store, files, step)
        finally:
            progress.reset()
            progress.deleteLater()
        if len(read) < len(files):
            self.window.statusBar().showMessage(
                translate("TextImport", "Import geannuleerd: er is niets opgeslagen."),
                6000,
            )
            return None
        return read

    def _describe(self, report: TextImportReport) -> str:
        from db.text.text_import import Outcome

        english = self.window.language == "en"
        words = {
            Outcome.IMPORTED: translate("TextImport", "geïmporteerd"),
            Outcome.UPDATED: translate("TextImport", "bijgewerkt"),
            Outcome.SKIPPED: translate("TextImport", "overgeslagen"),
            Outcome.FAILED: translate("TextImport", "mislukt"),
        }
        lines = [report.summary("en" if english else "nl"), ""]
        for item in report.files:
            detail = (item.message_en if english else item.message) or item.name
            lines.append(f"{item.path.name}: {words[item.outcome]} — {detail}")
            lines.extend(f"    • {warning}" for warning in item.warnings)
        return "\n".join(lines)


def install_text_import(window: MainWindow) -> TextImportController:
    controller = TextImportController(window)
    controller.install()
    return controller
