"""The program's look: Qt's Fusion style with a light palette and a small style sheet.

Kept in one place so every window looks alike; the style sheet only touches what Fusion does not
do well by itself (section cards, tags, field messages, the red mark of an invalid field).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f6f8b"
PROBLEM = "#b3261e"

STYLE_SHEET = f"""
QMainWindow, QTabWidget#recordTabs {{ background: #f4f6f9; }}
QToolBar#mainToolbar {{ spacing: 4px; padding: 4px 6px; border: none;
    border-bottom: 1px solid #dde3ea; background: #ffffff; }}
QToolBar#mainToolbar QToolButton {{ padding: 4px 8px; border-radius: 5px; }}
QToolBar#mainToolbar QToolButton:hover {{ background: #e9eff5; }}
QStatusBar {{ background: #ffffff; border-top: 1px solid #dde3ea; }}
QStatusBar QLabel#pathLabel {{ color: #6b7785; }}

QTableView#networkList {{ border: none; border-right: 1px solid #dde3ea; background: #ffffff;
    alternate-background-color: #f7f9fb; selection-background-color: #d7e8f0;
    selection-color: #10212b; }}
QTableView#networkList::item {{ padding: 0 6px; }}
QHeaderView::section {{ background: #f4f6f9; border: none; border-bottom: 1px solid #dde3ea;
    border-right: 1px solid #e7ebf0; padding: 5px 6px; font-weight: 600; color: #38434f; }}

QFrame#formHeader {{ background: #ffffff; border-bottom: 1px solid #dde3ea; }}
QLabel#formTitle {{ font-size: 17pt; font-weight: 600; color: #16232e; }}
QLabel#formSubtitle {{ color: #5d6b79; }}
QToolButton#navLink {{ color: {ACCENT}; padding: 2px 6px; border-radius: 4px; }}
QToolButton#navLink:hover {{ background: #e6f0f4; }}
QLabel#problemBanner {{ background: #fdecea; color: {PROBLEM}; border: 1px solid #f3b8b2;
    border-radius: 6px; padding: 6px 10px; }}
QFrame#importWarnings {{ background: #fff4e5; border: 1px solid #f0c68a; border-radius: 6px; }}
QLabel#importWarningsTitle {{ color: #8a4b00; font-weight: 600; }}
QPushButton#primaryButton {{ background: {ACCENT}; color: white; border: 1px solid #195d75;
    border-radius: 5px; padding: 5px 14px; font-weight: 600; }}
QPushButton#primaryButton:hover {{ background: #22809f; }}
QPushButton#primaryButton:disabled {{ background: #a9c4ce; border-color: #a9c4ce; }}

QScrollArea#formScroll, QWidget#formContent {{ background: #f4f6f9; }}
QFrame#formSection {{ background: #ffffff; border: 1px solid #e0e5eb; border-radius: 8px; }}
QLabel#sectionHeading {{ font-size: 12pt; font-weight: 600; color: {ACCENT}; padding-bottom: 2px; }}
QLabel#fieldLabel {{ color: #3c4855; }}
QLabel#wideFieldLabel {{ color: #3c4855; font-weight: 600; }}
QLabel#fieldHint {{ color: #6b7785; }}
QLabel#fieldMessage {{ color: {PROBLEM}; }}
QLabel#emptyHint {{ color: #6b7785; font-size: 12pt; }}

QFrame#tagBox {{ background: #ffffff; border: 1px solid #c5ced8; border-radius: 4px; }}
QFrame#chip {{ background: #e4eff4; border: 1px solid #bcd6e1; border-radius: 11px; }}
QFrame#chip[invalid="true"] {{ background: #fdecea; border-color: {PROBLEM}; }}
QToolButton#chipRemove {{ border: none; padding: 0 3px; color: #4a5865; font-weight: 600; }}
QToolButton#chipRemove:hover {{ color: {PROBLEM}; }}
QLineEdit#tagInput {{ background: transparent; border: none; }}

QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QTableView[invalid="true"], QTreeView[invalid="true"], QListWidget[invalid="true"],
QFrame#tagBox[invalid="true"] {{ border: 1px solid {PROBLEM}; border-radius: 3px; }}
QPushButton#listButton {{ padding: 3px 10px; }}
QTreeView#goalTree::item {{ padding: 3px 2px; }}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f6f9"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#f7f9fb"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d2a35"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d2a35"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1d2a35"))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)
