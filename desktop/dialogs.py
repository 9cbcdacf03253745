"""Every question and message box the program shows, one small function each.

Callers use them through the module (``dialogs.confirm_delete(...)``), so a test replaces one
function here instead of clicking through a modal dialog that would block it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeView,
    QWidget,
)

from db.storage.locations import export_folder

translate = QCoreApplication.translate

# The folder the officer last chose a file in (this session): the next file dialog starts there.
_last_folder: Path | None = None


def start_folder() -> Path:
    """Where a file dialog opens: the last folder used, else the officer's Documents; never the
    program's folder or the folder of the live database (a file saved there is easily taken
    for part of the program, or lost with it)."""
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    return export_folder()


FILE_DIALOG_SIZE = QSize(860, 540)


class _RoomyFileDialogs(QObject):
    """Gives Qt's own file dialog room when it is shown: at its default size its columns were
    cut ("Datum gewijzi…"); here the name column takes the width the others leave."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            watched.resize(watched.size().expandedTo(FILE_DIALOG_SIZE))
            for view in watched.findChildren(QTreeView):
                header = view.header()
                header.setStretchLastSection(False)
                for column in range(header.count()):
                    header.setSectionResizeMode(
                        column,
                        QHeaderView.ResizeMode.Stretch
                        if column == 0
                        else QHeaderView.ResizeMode.ResizeToContents,
                    )
        return False


@contextmanager
def roomy_file_dialogs() -> Iterator[None]:
    """Around a call of ``QFileDialog.get…``: the dialog it opens gets room for its columns.
    (An application-wide filter, so only for as long as that dialog is open.)"""
    app = QApplication.instance()
    sizer = _RoomyFileDialogs()
    if app is not None:
        app.installEventFilter(sizer)
    try:
        yield
    finally:
        if app is not None:
            app.removeEventFilter(sizer)


def remember_folder(chosen: Path | str | None) -> None:
    """Note the folder of a chosen file (or a chosen folder) for the next dialog."""
    global _last_folder
    if not chosen:
        return
    path = Path(chosen)
    _last_folder = path if path.is_dir() else path.parent


def message_box(parent: QWidget | None) -> QMessageBox:
    """A message box that shows its texts as plain text, always.

    Messages quote a file's own text (a network's name, a trigger's name); with Qt's automatic
    format a name holding HTML would render as a link or a heading. The informative text has no
    format setting of its own, so its label is set once it exists (see :func:`set_informative`).
    """
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def set_informative(box: QMessageBox, text: str) -> None:
    box.setInformativeText(text)
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if label is not None:
        label.setTextFormat(Qt.TextFormat.PlainText)


def _show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, message: str) -> None:
    box = message_box(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(message)
    box.exec()


def _database_filter() -> str:
    return translate("Dialogs", "Netwerken-database (*.sqlite *.db);;Alle bestanden (*)")


class SaveChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class MoveChoice(enum.Enum):
    MOVE = "move"
    LATER = "later"
    NEVER = "never"


class ConflictChoice(enum.Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


def ask_save_discard_cancel(parent: QWidget | None, name: str) -> SaveChoice:
    box = message_box(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Niet-opgeslagen wijzigingen"))
    box.setText(
        translate("Dialogs", "Wil je de wijzigingen aan '{name}' opslaan?").format(name=name)
    )
    set_informative(box, translate("Dialogs", "Als je niet opslaat, gaan je wijzigingen verloren."))
    save = box.addButton(translate("Dialogs", "Opslaan"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(
        translate("Dialogs", "Niet opslaan"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(translate("Dialogs", "Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return SaveChoice.SAVE
    if clicked is discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


def confirm_delete(parent: QWidget | None, name: str, *, unsaved_changes: bool = False) -> bool:
    box = message_box(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Dialogs", "Netwerk verwijderen"))
    box.setText(translate("Dialogs", "Het netwerk '{name}' verwijderen?").format(name=name))
    detail = translate(
        "Dialogs",
        "Je kunt dit ongedaan maken zolang het programma open is (Bewerken › Ongedaan maken).",
    )
    if unsaved_changes:
        detail = (
            translate("Dialogs", "De niet-opgeslagen wijzigingen in het formulier gaan verloren.")
            + " "
            + detail
        )
    set_informative(box, detail)
    delete = box.addButton(
        translate("Dialogs", "Verwijderen"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(translate("Dialogs", "Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def confirm_discard_new(parent: QWidget | None) -> bool:
    """Removing a network that was never saved: there is nothing to undo afterwards."""
    answer = QMessageBox.question(
        parent,
        translate("Dialogs", "Nieuw netwerk weggooien"),
        translate("Dialogs", "Dit nieuwe netwerk werd nog niet opgeslagen. Weggooien?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def ask_conflict(parent: QWidget | None, message: str, *, deleted: bool) -> ConflictChoice:
    """Someone else saved the record meanwhile: reload theirs, overwrite with mine, or wait."""
    box = message_box(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Intussen gewijzigd"))
    box.setText(message)
    if deleted:
        set_informative(
            box,
            translate(
                "Dialogs",
                "Herladen laat je wijzigingen vallen. Opnieuw opslaan zet het netwerk terug met "
                "je wijzigingen. Annuleren laat alles in het formulier staan.",
            ),
        )
        overwrite_label = translate("Dialogs", "Opnieuw opslaan")
    else:
        set_informative(
            box,
            translate(
                "Dialogs",
                "Herladen toont de andere versie en laat je wijzigingen vallen. Overschrijven "
                "vervangt de andere wijziging door de jouwe. Annuleren laat alles in het formulier staan.",
            ),
        )
        overwrite_label = translate("Dialogs", "Overschrijven")
    reload = box.addButton(translate("Dialogs", "Herladen"), QMessageBox.ButtonRole.DestructiveRole)
    overwrite = box.addButton(overwrite_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(translate("Dialogs", "Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload:
        return ConflictChoice.RELOAD
    if clicked is overwrite:
        return ConflictChoice.OVERWRITE
    return ConflictChoice.CANCEL


def ask_move_database(parent: QWidget | None, old: Path, new: Path) -> MoveChoice:
    """Offer to move the database from the hidden old place to Documents (never done silently)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Dialogs", "Database verplaatsen?"))
    box.setText(
        translate(
            "Dialogs",
            "Je database staat nog in een verborgen map:\n{old}\n\n"
            "Wil je ze verplaatsen naar je Documenten, waar ze zichtbaar is en mee geback-upt "
            "wordt?\n{new}",
        ).format(old=old, new=new)
    )
    box.setInformativeText(
        translate(
            "Dialogs",
            "De back-ups gaan mee. Het oude bestand blijft als '.verplaatst' staan; er gaat "
            "niets verloren.",
        )
    )
    move = box.addButton(translate("Dialogs", "Verplaatsen"), QMessageBox.ButtonRole.AcceptRole)
    later = box.addButton(translate("Dialogs", "Later"), QMessageBox.ButtonRole.RejectRole)
    never = box.addButton(
        translate("Dialogs", "Laten staan, niet meer vragen"), QMessageBox.ButtonRole.NoRole
    )
    box.setDefaultButton(move)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    if clicked is move:
        return MoveChoice.MOVE
    if clicked is never:
        return MoveChoice.NEVER
    return MoveChoice.LATER


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    _show(parent, QMessageBox.Icon.Warning, title, message)


def show_critical(parent: QWidget | None, title: str, message: str) -> None:
    _show(parent, QMessageBox.Icon.Critical, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    _show(parent, QMessageBox.Icon.Information, title, message)


def show_validation_summary(parent: QWidget | None, messages: list[str]) -> None:
    box = message_box(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Niet opgeslagen"))
    box.setText(translate("Dialogs", "Het netwerk kan nog niet opgeslagen worden. Verbeter eerst:"))
    shown = messages[:12]
    text = "\n".join(f"• {message}" for message in shown)
    if len(messages) > len(shown):
        text += "\n" + translate("Dialogs", "… en nog {count} andere.").format(
            count=len(messages) - len(shown)
        )
    set_informative(box, text)
    box.exec()


def choose_open_path(parent: QWidget | None, start: Path | None) -> Path | None:
    with roomy_file_dialogs():
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            translate("Dialogs", "Database openen"),
            str(start or start_folder()),
            _database_filter(),
        )
    remember_folder(name)
    return Path(name) if name else None


def choose_new_path(parent: QWidget | None, start: Path | None) -> Path | None:
    with roomy_file_dialogs():
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            translate("Dialogs", "Nieuwe database"),
            str((start or start_folder()) / "netwerken.sqlite"),
            _database_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing one is refused anyway
        )
    if not name:
        return None
    remember_folder(name)
    path = Path(name)
    return path if path.suffix else path.with_suffix(".sqlite")


def show_text(parent: QWidget | None, title: str, text: str) -> None:
    """A long read-only text (the original profile text of an imported record)."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(720, 560)
    layout = QVBoxLayout(dialog)
    viewer = QPlainTextEdit(dialog)
    viewer.setReadOnly(True)
    viewer.setPlainText(text)
    layout.addWidget(viewer)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.exec()


def show_about(parent: QWidget | None, text: str) -> None:
    QMessageBox.about(parent, translate("Dialogs", "Over Netwerken"), text)
