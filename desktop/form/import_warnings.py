"""The box at the top of the form that shows what reading the profile text warned about, until
the officer marks it checked (the warnings stay with the record: ``source.warnings``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.model.schemas import NetworkProfile
from desktop.icons import icon


class ImportWarningsBox(QFrame):
    """Shown for a record whose import warnings are not yet checked; the button asks for them to
    be marked checked (``checkRequested``), the form does the storing."""

    checkRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWarnings")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        text = QVBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("importWarningsTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("importWarningsText")
        self.warnings.setWordWrap(True)
        # Warnings quote the file's text: never read as markup.
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.title)
        text.addWidget(self.warnings)
        layout.addLayout(text, 1)
        self.check_button = QPushButton(icon("to-check"), self.tr("Gecontroleerd"), self)
        self.check_button.setObjectName("markChecked")
        self.check_button.setToolTip(
            self.tr("Ik heb dit nagekeken: het netwerk is niet langer 'te controleren'")
        )
        self.check_button.clicked.connect(self.checkRequested)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_record(self, record: NetworkProfile | None) -> None:
        source = record.source if record is not None else None
        if source is None or not source.needs_check:
            self.hide()
            return
        self.title.setText(
            self.tr("Te controleren: bij het inlezen van {file} is dit gemeld").format(
                file=source.file_name or self.tr("de tekst")
            )
        )
        self.warnings.setText("\n".join(f"• {warning}" for warning in source.warnings))
        self.show()
