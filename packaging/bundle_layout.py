"""What the one-folder bundle holds and what its programs are called, per platform.

Read by the spec (``netwerken.spec``), by the build script (``build.py``) and by the tests, so the
three agree. Only the standard library: PyInstaller imports it while it reads the spec.

This folder is not a Python package on purpose: a package named ``packaging`` would hide the
PyPI library of that name, which PyInstaller and pip import.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
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
    # libphonenumber's place names, carriers and time zones (22 MB): the program only checks
    # and normalises numbers (db/model/schemas.py), which needs the numbering plans alone.
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
    # matplotlib (the overview's charts) needs only its Agg, Qt and SVG back-ends; Pillow only
    # PNG; numpy neither its Fortran wrapper generator nor its tests.
    "matplotlib.backends.backend_gtk3",
    "matplotlib.backends.backend_gtk3agg",
    "matplotlib.backends.backend_gtk3cairo",
    "matplotlib.backends.backend_gtk4",
    "matplotlib.backends.backend_gtk4agg",
    "matplotlib.backends.backend_gtk4cairo",
    "matplotlib.backends.backend_tkagg",
    "matplotlib.backends.backend_tkcairo",
    "matplotlib.backends.backend_wx",
    "matplotlib.backends.backend_wxagg",
    "matplotlib.backends.backend_wxcairo",
    "matplotlib.backends.backend_webagg",
    "matplotlib.backends.backend_webagg_core",
    "matplotlib.backends.backend_nbagg",
    "matplotlib.backends.backend_macosx",
    "matplotlib.backends.backend_pgf",
    "matplotlib.backends.backend_ps",
    "matplotlib.backends.backend_cairo",
    "matplotlib.testing",
    "matplotlib.tests",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "numpy.f2py",
    "numpy.testing",
    "numpy.tests",
    "tornado",
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


# Of matplotlib's own data: the charts use DejaVu Sans (its default font, with the Last Resort
# font matplotlib falls back on for any missing glyph) and no sample data.
MATPLOTLIB_FONTS_KEPT = ("DejaVuSans", "LastResort")


def keep_data_file(destination: str) -> bool:
    """Whether a data file PyInstaller collected stays (Qt's files: :func:`keep_qt_file`)."""
    parts = Path(destination).as_posix().split("/")
    if parts[:2] == ["matplotlib", "mpl-data"]:
        if parts[2:3] == ["sample_data"]:
            return False
        if parts[2:3] == ["fonts"]:
            return parts[-1].startswith(MATPLOTLIB_FONTS_KEPT)
    return keep_qt_file(destination)


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


# --- Linux: shared libraries --------------------------------------------------------------------

# The CUPS client and the libraries only it needs come from the system on Linux, as the printing
# dialogs of every other program there do: it must match the system's printing set-up, and every
# desktop with a printer has it. Without it the program still makes PDFs; only printers are not
# listed. (Windows and macOS print through their own system libraries anyway.)
LINUX_HOST_LIBRARIES = (
    "libcups.so",
    "libgnutls.so",
    "libkrb5.so",
    "libkrb5support.so",
    "libgssapi_krb5.so",
    "libk5crypto.so",
    "libcom_err.so",
    "libkeyutils.so",
    "libp11-kit.so",
    "libunistring.so",
    "libidn2.so",
    "libnettle.so",
    "libhogweed.so",
    "libgmp.so",
    "libtasn1.so",
    "libavahi-client.so",
    "libavahi-common.so",
)
# Loaded with dlopen() rather than linked, so no link-time dependency shows that they are used.
LINUX_LOADED_AT_RUN_TIME = ("libdbus-1.so", "libgcc_s.so")


def is_linux_host_library(destination: str) -> bool:
    name = Path(destination).name
    return any(name.startswith(prefix) for prefix in LINUX_HOST_LIBRARIES)


def _is_root_binary(destination: str) -> bool:
    """Binaries the program loads by itself: Python extension modules, Qt plug-ins, libpython."""
    name = Path(destination).name
    return (
        ".cpython-" in name
        or name.endswith((".abi3.so", ".pyd"))
        or "/plugins/" in Path(destination).as_posix()
        or name.startswith("libpython")
    )


def unreferenced_libraries(
    binaries: list[tuple[str, str, str]], imports_of: Callable[[str], Iterable[str]]
) -> set[str]:
    """File names of the collected shared libraries that nothing kept links to.

    PyInstaller adds the dependencies of every binary it collects, also of the Qt plug-ins the
    spec leaves out afterwards (GTK's theme plug-in alone pulls in cairo, pango, gio ...).
    ``imports_of(source path)`` gives the names a binary links to, its dependencies' included
    (ldd's closure on Linux). Libraries loaded at run time are never reported.
    """
    kept_names: set[str] = set()
    for destination, source, kind in binaries:
        if kind != "SYMLINK" and _is_root_binary(destination):
            kept_names.add(Path(destination).name)
            kept_names.update(Path(name).name for name in imports_of(source))
    return {
        Path(destination).name
        for destination, _source, kind in binaries
        if kind != "SYMLINK"
        and not _is_root_binary(destination)
        and ".so" in Path(destination).name
        and Path(destination).name not in kept_names
        and not Path(destination).name.startswith(LINUX_LOADED_AT_RUN_TIME)
    }
