"""Writing a conflicting field's result by hand, in the merge dialog ("Zelf aanpassen…").

The editor is plain text only (a :class:`QPlainTextEdit`: text from a file is never read as
markup); a list of texts is written one item a line. Whether the text is acceptable is not
decided here: ``check`` (in practice :func:`db.exchange.merge.edit_field`, which applies the
record's own rules) answers with the decision, or raises :class:`~db.model.errors.StoreError`
whose sentence is shown under the text while the editor stays open with what was written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.model.errors import StoreError
from desktop.style import problem_colour

if TYPE_CHECKING:
    from db.exchange.merge import Edited


class FieldEditDialog(QDialog):
    """One field's text; :attr:`decided` holds ``check``'s answer once it accepted the text."""

    # Emitted with nothing: the decision is in :attr:`decided` (a signal cannot carry any type).
    edited = Signal()

    def __init__(
        self,
        label: str,
        text: str,
        check: Callable[[str], Edited],
        *,
        one_per_line: bool,
        language: str = "nl",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fieldEditDialog")
        self.setWindowTitle(self.tr("Zelf aanpassen: {field}").format(field=label))
        self._check = check
        self._language = language
        self.decided: Edited | None = None

        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr("Schrijf wat blijft, één item per regel.")
            if one_per_line
            else self.tr("Schrijf wat blijft."),
            self,
        )
        hint.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(hint)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("fieldEditor")
        self.editor.setPlainText(text)
        layout.addWidget(self.editor, 1)
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldEditProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # the schema's sentence quotes input
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {problem_colour().name()}")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Overnemen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def text(self) -> str:
        return self.editor.toPlainText()

    def accept(self) -> None:
        """Only an acceptable text closes the editor; otherwise the reason is shown beside it."""
        try:
            self.decided = self._check(self.text())
        except StoreError as error:
            self.problem.setText(error.message(self._language))
            self.problem.show()
            return
        self.edited.emit()
        super().accept()
