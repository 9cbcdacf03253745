"""The window follows the system's light or dark colours and high-contrast mode.

The system is reached through a seam (``style.system_scheme``; the offscreen platform has no
colour scheme of its own): what the desktop reports, and its change signal, drive the look.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop import style
from desktop.style import DARK, LIGHT, Colours, Scheme


@pytest.fixture
def restyled(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    style.apply_style(qapp, Scheme.LIGHT)  # the other tests expect the light look


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours."""

    def luminance(name: str) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        colour = QColor(name)
        r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_colour_is_readable_on_its_background(colours: Colours) -> None:
    pairs = [
        (colours.text, colours.base),
        (colours.text, colours.window),
        (colours.text, colours.alternate),
        (colours.muted, colours.base),
        (colours.heading_text, colours.base),
        (colours.accent, colours.base),  # section headings, links
        (colours.on_accent, colours.accent),  # the primary button
        (colours.selection_text, colours.selection),
        (colours.problem, colours.base),  # field messages
        (colours.problem, colours.problem_background),  # the banner
        (colours.text, colours.problem_background),  # a cell with a problem
        (colours.text, colours.chip),
        (colours.text, colours.changed),
        (colours.warning, colours.warning_background),
        (colours.text, colours.warning_background),
    ]
    for foreground, background in pairs:
        assert contrast(foreground, background) >= 4.5, (foreground, background)


@pytest.mark.parametrize(
    ("scheme", "colours"), [(Scheme.LIGHT, LIGHT), (Scheme.DARK, DARK)], ids=["light", "dark"]
)
def test_light_and_dark_set_palette_sheet_and_painted_colours(
    restyled: QApplication, scheme: Scheme, colours: Colours
) -> None:
    assert style.apply_style(restyled, scheme) is scheme
    palette = restyled.palette()
    assert palette.color(QPalette.ColorRole.Window) == QColor(colours.window)
    assert palette.color(QPalette.ColorRole.Text) == QColor(colours.text)
    assert colours.base in restyled.styleSheet()
    assert style.problem_background() == QColor(colours.problem_background)
    assert style.changed_background() == QColor(colours.changed)


def test_high_contrast_keeps_the_system_colours_untouched(restyled: QApplication) -> None:
    system = style.contrast_theme_palette()
    assert style.apply_style(restyled, Scheme.HIGH_CONTRAST, system) is Scheme.HIGH_CONTRAST
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.Highlight,
        QPalette.ColorRole.HighlightedText,
        QPalette.ColorRole.ButtonText,
    ):
        assert restyled.palette().color(role) == system.color(role), role
    sheet = restyled.styleSheet()
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", sheet)  # no colour of our own
    assert "palette(highlight)" in sheet  # invalid fields marked in the theme's own colour
    assert style.problem_background() == QColor(DARK.problem_background)  # a dark theme


def test_the_system_scheme_is_read_and_followed_while_the_program_runs(
    restyled: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported = [Scheme.DARK]
    monkeypatch.setattr(style, "system_scheme", lambda: reported[0])
    restyled.setProperty("netwerkenFollowsScheme", False)
    assert style.apply_style(restyled) is Scheme.DARK  # None: ask the system
    assert restyled.palette().color(QPalette.ColorRole.Window) == QColor(DARK.window)

    reported[0] = Scheme.LIGHT  # the officer switches Windows to light mode
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert restyled.palette().color(QPalette.ColorRole.Window) == QColor(LIGHT.window)


def test_an_unknown_system_scheme_is_light(qapp: QApplication) -> None:
    # The offscreen platform reports no scheme and no contrast preference.
    assert QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Unknown
    assert style.system_scheme() is Scheme.LIGHT
