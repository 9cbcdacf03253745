"""Every question and message box the program shows, one small function each.

Callers use them through the module (``dialogs.confirm_delete(...)``), so a test replaces one
function here instead of clicking through a modal dialog that would block it.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

translate = QCoreApplication.translate


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
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("Dialogs", "Database openen"),
        str(start or Path.home()),
        _database_filter(),
    )
    return Path(name) if name else None


def choose_new_path(parent: QWidget | None, start: Path | None) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("Dialogs", "Nieuwe database"),
        str((start or Path.home()) / "netwerken.sqlite"),
        _database_filter(),
        options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is refused anyway
    )
    if not name:
        return None
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
