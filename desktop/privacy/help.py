"""The help page "Persoonsgegevens in Netwerken", shown in a window of its own (not modal).

The text lives in ``resources/help/persoonsgegevens.md`` (English: ``.en.md``); the same Dutch
text is ``docs/persoonsgegevens.md`` (a test keeps the two equal).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

HELP_NAME = "persoonsgegevens"


def help_text(language: str = "nl") -> str:
    suffix = ".en.md" if language == "en" else ".md"
    return (resources.files("resources") / "help" / f"{HELP_NAME}{suffix}").read_text(
        encoding="utf-8"
    )


class PersonalDataHelp(QWidget):
    def __init__(self, parent: QWidget | None, language: str = "nl") -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("personalDataHelp")
        self.setWindowTitle(self.tr("Persoonsgegevens in Netwerken"))
        self.resize(720, 640)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # the program never opens a network connection
        self.browser.setMarkdown(help_text(language))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
