"""What the one-folder bundle holds and what its programs are called, per platform.

Read by the spec (``netwerken.spec``), by the build script (``build.py``) and by the tests, so the
three agree. Only the standard library: PyInstaller imports it while it reads the spec.

This folder is not a Python package on purpose: a package named ``packaging`` would hide the
PyPI library of that name, which PyInstaller and pip import.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE_NAME = "Netwerken"  # dist/Netwerken/ holds both programs and _internal/
ENTRY_SCRIPT = ROOT / "desktop" / "__main__.py"
SIZE_TARGET_MB = 150


def executable_names(platform: str = sys.platform) -> tuple[str, str]:
    """(the window program, the command line) as file names in the bundle folder.

    On Linux they are ``Netwerken`` and ``netwerken``. Windows and macOS do not tell names apart
    by case, so the two cannot share a folder under those names: on Windows the command line is
    ``netwerken.com`` (a console program of the usual kind under another suffix; typing
    ``netwerken`` in a console finds .com before .exe, as with Visual Studio's ``devenv``), on
    macOS it is ``netwerken-cli``.
    """
    if platform.startswith("win"):
        return "Netwerken.exe", "netwerken.com"
    if platform == "darwin":
        return "Netwerken", "netwerken-cli"
    return "Netwerken", "netwerken"


# Python modules the program never imports but PyInstaller would follow to from a library.
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "pydoc_data",
    "lib2to3",
    "IPython",
    "matplotlib",
    "numpy",
    "PIL",
    "pytest",
    "hypothesis",
    "mypy",
    # The program never opens a network connection: no TLS, no DNS look-ups of e-mail domains
    # (db/schemas.py checks addresses with check_deliverability=False), and hashlib's own
    # implementations instead of OpenSSL's (drops libssl and libcrypto).
    "ssl",
    "_ssl",
    "_hashlib",
    "dns",
    "email_validator.deliverability",
    # Optional extras of libraries: pydantic's debug printing, mako's syntax colouring.
    "rich",
    "pygments",
    # Qt for Python modules the program does not use (it uses QtCore, QtGui, QtWidgets and
    # QtPrintSupport). Leaving them out also leaves out the Qt libraries only they need.
    *(
        f"PySide6.{module}"
        for module in (
            "QtNetwork",
            "QtQml",
            "QtQuick",
            "QtQuickControls2",
            "QtQuickWidgets",
            "QtQuickTest",
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtDBus",
            "QtDesigner",
            "QtHelp",
            "QtSql",
            "QtTest",
            "QtUiTools",
            "QtConcurrent",
            "QtXml",
            "QtSvgWidgets",
            "QtPdf",
            "QtPdfWidgets",
        )
    ),
]

# Qt plug-in folders (under PySide6/Qt/plugins) that the bundle may keep; the rest are dropped.
KEPT_QT_PLUGIN_FOLDERS = {
    "platforms",  # xcb, wayland, offscreen on Linux; windows; cocoa
    "platformthemes",  # the desktop's file dialogs and its light/dark choice (xdg portal)
    "platforminputcontexts",  # compose keys and input methods for typing accents
    "imageformats",  # svg icons, the logo in print
    "iconengines",  # svg icons
    "styles",  # the Windows 11 and macOS styles
    "printsupport",  # printers (CUPS on Linux and macOS)
    "xcbglintegrations",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
}
# Plug-ins inside the kept folders that the program has no use for (and that pull in big libraries).
DROPPED_QT_PLUGINS = (
    "qgtk3",  # links the desktop's GTK 3, which must not meet bundled copies of its libraries
    "qjpeg",  # photo formats: the program shows only its own SVG icons
    "qtiff",
    "qwebp",
    "qgif",
    "qtga",
    "qwbmp",
    "qicns",
    "qtvirtualkeyboard",  # needs Qt Quick
    "qpdf",  # image format plug-in that needs QtPdf
    "qlottievectorimage",
    "qvnc",
    "qeglfs",
    "qlinuxfb",
    "qvkkhrdisplay",
    "qminimalegl",
)
# Of Qt's own translations only the languages of the program.
QT_TRANSLATIONS_KEPT = ("qtbase_nl.qm", "qtbase_en.qm")


def keep_qt_file(destination: str) -> bool:
    """Whether a Qt file PyInstaller collected (by its place in the bundle) stays in it.

    Qt's files lie under ``PySide6/Qt/`` in the Linux and macOS wheels, under ``PySide6/`` in
    the Windows one.
    """
    parts = Path(destination).as_posix().split("/")
    if "PySide6" not in parts:
        return True
    after = parts[parts.index("PySide6") + 1 :]
    if after[:1] == ["Qt"]:
        after = after[1:]
    if after[:1] == ["translations"]:
        return after[-1] in QT_TRANSLATIONS_KEPT
    if after[:1] == ["plugins"] and len(after) > 2:
        if after[1] not in KEPT_QT_PLUGIN_FOLDERS:
            return False
        return not any(dropped in after[-1] for dropped in DROPPED_QT_PLUGINS)
    return after[:1] != ["qml"]
