"""The program's look: Qt's Fusion style in the system's light or dark colours, a small style sheet.

Kept in one place so every window looks alike; the style sheet only touches what Fusion does not
do well by itself (section cards, tags, field messages, the red mark of an invalid field).

The window follows the system: light or dark as the desktop is set (Windows 10/11, macOS, GNOME,
KDE all tell Qt), switching along while the program runs. In high-contrast mode (Windows'
contrast themes, or the desktop's "high contrast" accessibility setting) the program uses the
system's own palette unchanged and a style sheet without colours of its own, so the officer's
chosen colours and thick outlines apply everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


class Scheme(Enum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


@dataclass(frozen=True, slots=True)
class Colours:
    window: str
    base: str
    alternate: str
    button: str
    text: str
    muted: str
    heading_text: str
    border: str
    soft_border: str
    header: str
    hover: str
    accent: str
    accent_hover: str
    accent_border: str
    accent_disabled: str
    on_accent: str
    selection: str
    selection_text: str
    problem: str
    problem_background: str
    problem_border: str
    chip: str
    chip_border: str
    changed: str  # a field whose two versions differ (merging)
    warning: str  # import warnings at the top of the form
    warning_background: str
    warning_border: str


LIGHT = Colours(
    window="#f4f6f9",
    base="#ffffff",
    alternate="#f7f9fb",
    button="#f7f9fb",
    text="#1d2a35",
    muted="#6b7785",
    heading_text="#16232e",
    border="#dde3ea",
    soft_border="#e7ebf0",
    header="#f4f6f9",
    hover="#e9eff5",
    accent="#1f6f8b",
    accent_hover="#22809f",
    accent_border="#195d75",
    accent_disabled="#a9c4ce",
    on_accent="#ffffff",
    selection="#d7e8f0",
    selection_text="#10212b",
    problem="#b3261e",
    problem_background="#fde2df",
    problem_border="#f3b8b2",
    chip="#e4eff4",
    chip_border="#bcd6e1",
    changed="#fff1c7",
    warning="#8a4b00",
    warning_background="#fff4e5",
    warning_border="#f0c68a",
)
DARK = Colours(
    window="#1e2329",
    base="#262c33",
    alternate="#2b323a",
    button="#2f363e",
    text="#e3e8ed",
    muted="#9aa6b2",
    heading_text="#f1f4f7",
    border="#3a424b",
    soft_border="#333a42",
    header="#2b323a",
    hover="#343c45",
    accent="#5fb3cf",
    accent_hover="#79c3dc",
    accent_border="#4a9ab6",
    accent_disabled="#3d5660",
    on_accent="#0d1a20",
    selection="#1f4f61",
    selection_text="#f1f4f7",
    problem="#ff8a80",
    problem_background="#5a2723",
    problem_border="#8c3a33",
    chip="#24414d",
    chip_border="#37606f",
    changed="#4d4220",
    warning="#ffcc80",
    warning_background="#3d2e14",
    warning_border="#7a5a2a",
)
# Accent and problem colours of the current scheme, for code that paints by itself.
_current = LIGHT


def system_scheme() -> Scheme:
    """What the desktop asks for: high contrast first, then dark or light (light if unknown)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and newer
    if (
        accessibility is not None
        and accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    ):
        return Scheme.HIGH_CONTRAST
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return Scheme.DARK
    return Scheme.LIGHT


def problem_background() -> QColor:
    """The background of a cell or row with a problem, readable in the current scheme."""
    return QColor(_current.problem_background)


def changed_background() -> QColor:
    return QColor(_current.changed)


def problem_colour() -> QColor:
    return QColor(_current.problem)


def style_sheet(colours: Colours | None) -> str:
    """The style sheet for ``colours``; ``None`` (high contrast) keeps only shapes and weights."""
    if colours is None:
        return _HIGH_CONTRAST_SHEET
    c = colours
    return f"""
QMainWindow, QTabWidget#recordTabs {{ background: {c.window}; }}
QToolBar#mainToolbar {{ spacing: 4px; padding: 4px 6px; border: none;
    border-bottom: 1px solid {c.border}; background: {c.base}; }}
QToolBar#mainToolbar QToolButton {{ padding: 4px 8px; border-radius: 5px; }}
QToolBar#mainToolbar QToolButton:hover {{ background: {c.hover}; }}
QStatusBar {{ background: {c.base}; border-top: 1px solid {c.border}; }}
QStatusBar QLabel#pathLabel {{ color: {c.muted}; }}

QTableView#networkList {{ border: none; border-right: 1px solid {c.border}; background: {c.base};
    alternate-background-color: {c.alternate}; selection-background-color: {c.selection};
    selection-color: {c.selection_text}; }}
QTableView#networkList::item {{ padding: 0 6px; }}
QHeaderView::section {{ background: {c.header}; border: none; border-bottom: 1px solid {c.border};
    border-right: 1px solid {c.soft_border}; padding: 5px 6px; font-weight: 600; color: {c.text}; }}

QFrame#formHeader {{ background: {c.base}; border-bottom: 1px solid {c.border}; }}
QLabel#formTitle {{ font-size: 17pt; font-weight: 600; color: {c.heading_text}; }}
QLabel#formSubtitle {{ color: {c.muted}; }}
QToolButton#navLink {{ color: {c.accent}; padding: 2px 6px; border-radius: 4px; }}
QToolButton#navLink:hover {{ background: {c.hover}; }}
QLabel#problemBanner {{ background: {c.problem_background}; color: {c.problem};
    border: 1px solid {c.problem_border}; border-radius: 6px; padding: 6px 10px; }}
QFrame#importWarnings {{ background: {c.warning_background}; border: 1px solid {c.warning_border};
    border-radius: 6px; }}
QLabel#importWarningsTitle {{ color: {c.warning}; font-weight: 600; }}
QPushButton#primaryButton {{ background: {c.accent}; color: {c.on_accent};
    border: 1px solid {c.accent_border}; border-radius: 5px; padding: 5px 14px; font-weight: 600; }}
QPushButton#primaryButton:hover {{ background: {c.accent_hover}; }}
QPushButton#primaryButton:disabled {{ background: {c.accent_disabled}; border-color: {c.accent_disabled}; }}

QScrollArea#formScroll, QWidget#formContent {{ background: {c.window}; }}
QFrame#formSection {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 8px; }}
QLabel#sectionHeading {{ font-size: 12pt; font-weight: 600; color: {c.accent}; padding-bottom: 2px; }}
QLabel#fieldLabel {{ color: {c.text}; }}
QLabel#wideFieldLabel {{ color: {c.text}; font-weight: 600; }}
QLabel#fieldHint {{ color: {c.muted}; }}
QLabel#fieldMessage {{ color: {c.problem}; }}
QLabel#emptyHint {{ color: {c.muted}; font-size: 12pt; }}

QFrame#tagBox {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 4px; }}
QFrame#chip {{ background: {c.chip}; border: 1px solid {c.chip_border}; border-radius: 11px; }}
QFrame#chip[invalid="true"] {{ background: {c.problem_background}; border-color: {c.problem}; }}
QFrame#chip[unknown="true"] {{ background: {c.warning_background}; border: 1px dashed {c.warning}; }}
QLabel#fieldNote {{ color: {c.warning}; }}
QToolButton#chipRemove {{ border: none; padding: 0 3px; color: {c.muted}; font-weight: 600; }}
QToolButton#chipRemove:hover {{ color: {c.problem}; }}
QLineEdit#tagInput {{ background: transparent; border: none; }}

QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QTableView[invalid="true"], QTreeView[invalid="true"], QListWidget[invalid="true"],
QFrame#tagBox[invalid="true"] {{ border: 1px solid {c.problem}; border-radius: 3px; }}
QPushButton#listButton {{ padding: 3px 10px; }}
QTreeView#goalTree::item {{ padding: 3px 2px; }}
"""


# High contrast: sizes, weights and outlines only; every colour is the system's (palette roles).
_HIGH_CONTRAST_SHEET = """
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QTableView, QTreeView, QListWidget,
QFrame#tagBox { border: 1px solid palette(text); }
QTableView, QTreeView, QListWidget { selection-background-color: palette(highlight);
    selection-color: palette(highlighted-text); }
QToolBar#mainToolbar { spacing: 4px; padding: 4px 6px; }
QTableView#networkList::item { padding: 0 6px; }
QHeaderView::section { padding: 5px 6px; font-weight: 600; }
QLabel#formTitle { font-size: 17pt; font-weight: 600; }
QLabel#problemBanner { border: 2px solid palette(window-text); padding: 6px 10px; font-weight: 600; }
QFrame#importWarnings { border: 2px solid palette(window-text); }
QLabel#importWarningsTitle { font-weight: 600; }
QPushButton#primaryButton { padding: 5px 14px; font-weight: 600; border: 2px solid palette(button-text); }
QFrame#formSection { border: 1px solid palette(window-text); }
QLabel#sectionHeading { font-size: 12pt; font-weight: 600; }
QLabel#wideFieldLabel { font-weight: 600; }
QLabel#fieldMessage { font-weight: 600; }
QLabel#emptyHint { font-size: 12pt; }
QFrame#chip { border: 1px solid palette(text); border-radius: 11px; }
QFrame#chip[invalid="true"] { border: 3px solid palette(highlight); }
QFrame#chip[unknown="true"] { border: 2px dashed palette(text); }
QLabel#fieldNote { font-style: italic; }
QToolButton#chipRemove { border: none; padding: 0 3px; font-weight: 600; }
QLineEdit#tagInput { background: transparent; border: none; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QTableView[invalid="true"], QTreeView[invalid="true"], QListWidget[invalid="true"],
QFrame#tagBox[invalid="true"] { border: 3px solid palette(highlight); }
QPushButton#listButton { padding: 3px 10px; }
QTreeView#goalTree::item { padding: 3px 2px; }
"""


def palette_for(colours: Colours, start: QPalette) -> QPalette:
    palette = QPalette(start)
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, colours.window),
        (roles.Base, colours.base),
        (roles.AlternateBase, colours.alternate),
        (roles.Button, colours.button),
        (roles.Text, colours.text),
        (roles.WindowText, colours.text),
        (roles.ButtonText, colours.text),
        (roles.ToolTipBase, colours.base),
        (roles.ToolTipText, colours.text),
        (roles.PlaceholderText, colours.muted),
        (roles.Highlight, colours.accent),
        (roles.HighlightedText, colours.on_accent),
        (roles.Link, colours.accent),
    ):
        palette.setColor(role, QColor(value))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours.muted))
    return palette


def contrast_theme_palette() -> QPalette:
    """A palette as Windows' "Nacht" (night) contrast theme sets it: for screenshots and tests
    of high-contrast mode on systems that have none."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, "#000000"),
        (roles.WindowText, "#ffffff"),
        (roles.Base, "#000000"),
        (roles.AlternateBase, "#000000"),
        (roles.Text, "#ffffff"),
        (roles.Button, "#000000"),
        (roles.ButtonText, "#ffffff"),
        (roles.Highlight, "#1aebff"),
        (roles.HighlightedText, "#000000"),
        (roles.Link, "#ffff00"),
        (roles.PlaceholderText, "#ffffff"),
        (roles.ToolTipBase, "#000000"),
        (roles.ToolTipText, "#ffffff"),
    ):
        palette.setColor(role, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#3ff23f"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#3ff23f"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#3ff23f"))
    return palette


def apply_style(
    app: QApplication, scheme: Scheme | None = None, system_palette: QPalette | None = None
) -> Scheme:
    """Style ``app`` for ``scheme`` (the system's when None); returns the scheme applied.

    Called once at start with ``scheme=None``, it also follows the system when the officer
    switches between light, dark or high contrast while the program runs. ``system_palette``
    stands in for the desktop theme's palette (tests, screenshots of high contrast).
    """
    global _current
    follow = scheme is None
    chosen = system_scheme() if scheme is None else scheme
    app.setStyle("Fusion")
    if system_palette is None:
        app.setPalette(QPalette())  # drop ours: what remains is the desktop theme's palette
        system = QPalette(app.palette())
    else:
        system = system_palette
    if chosen is Scheme.HIGH_CONTRAST:
        _current = LIGHT if system.color(QPalette.ColorRole.Window).lightness() > 128 else DARK
        app.setPalette(system)  # the contrast theme's own colours, untouched
        app.setStyleSheet(style_sheet(None))
    else:
        _current = DARK if chosen is Scheme.DARK else LIGHT
        app.setPalette(palette_for(_current, system))
        app.setStyleSheet(style_sheet(_current))
    if follow and not app.property("netwerkenFollowsScheme"):
        app.setProperty("netwerkenFollowsScheme", True)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: apply_style(app))
        accessibility = getattr(hints, "accessibility", None)
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(lambda _pref: apply_style(app))
    return chosen
