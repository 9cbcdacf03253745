"""The bundle's layout rules, the CI workflow and the Windows installer script, checked here.

The bundle itself is built and smoke-tested by ``python packaging/build.py`` (too slow for the
suite); the Windows and macOS builds run in the hosted CI (.github/workflows/build.yml), which
cannot run here: actionlint checks it instead.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"
sys.path.insert(0, str(PACKAGING))

import bundle_layout as layout  # noqa: E402

import build  # noqa: E402


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_the_two_programs_can_share_one_folder_where_case_does_not_count(platform: str) -> None:
    window, command = layout.executable_names(platform)
    assert window.casefold() != command.casefold()  # Windows and macOS ignore case
    assert window.startswith("Netwerken") and command.startswith("netwerken")


def test_on_linux_the_programs_are_netwerken_and_netwerken() -> None:
    assert layout.executable_names("linux") == ("Netwerken", "netwerken")


def test_the_names_on_windows_let_a_console_type_netwerken() -> None:
    window, command = layout.executable_names("win32")
    assert window == "Netwerken.exe"
    # PATHEXT lists .COM before .EXE: "netwerken info" runs the console program.
    assert command == "netwerken.com"


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),  # the Windows wheel has no Qt/ level
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/plugins/imageformats/qpdf.dll", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/translations/qtbase_nl.qm", True),
        ("PySide6/translations/qtbase_fr.qm", False),
        ("PySide6/Qt/qml/QtQuick/qmldir", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("resources/samples/genk.txt", True),
    ],
)
def test_only_the_qt_files_the_program_uses_are_kept(destination: str, kept: bool) -> None:
    assert layout.keep_qt_file(destination) is kept


def test_libraries_nothing_kept_links_to_are_left_out() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libxcb.so.1", "/src/libxcb.so.1", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),  # only the dropped GTK plug-in's
        ("libdbus-1.so.3", "/src/libdbus-1.so.3", "BINARY"),  # loaded with dlopen()
        ("libcairo.so.2", "PySide6/libcairo.so.2", "SYMLINK"),
    ]
    links = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libqxcb.so": ["/usr/lib/libxcb.so.1", "libQt6Gui.so.6"],
    }
    unused = layout.unreferenced_libraries(binaries, lambda source: links.get(source, []))
    assert unused == {"libcairo.so.2"}


def test_the_cups_client_comes_from_the_system_on_linux() -> None:
    assert layout.is_linux_host_library("libcups.so.2")
    assert layout.is_linux_host_library("libgnutls.so.30")
    assert not layout.is_linux_host_library("libQt6PrintSupport.so.6")
    assert not layout.is_linux_host_library("libpython3.11.so.1.0")


def test_the_spec_collects_what_the_frozen_program_reads_by_name() -> None:
    spec = (PACKAGING / "netwerken.spec").read_text(encoding="utf-8")
    from db.storage import migrate
    from desktop.cli import VERB_MODULES

    # Alembic reads env.py and versions/*.py from the folder beside db/storage/migrate.py.
    migrations = importlib.import_module("db.storage.migrations")
    assert Path(migrations.__file__ or "").parent == migrate.MIGRATIONS
    assert 'collect_data_files("db.storage.migrations", include_py_files=True)' in spec
    assert (migrate.MIGRATIONS / "env.py").is_file()
    # The verbs are imported by name: the spec takes the list from the same module.
    assert "from desktop.cli import VERB_MODULES" in spec and "*VERB_MODULES" in spec
    for name in VERB_MODULES:
        assert callable(importlib.import_module(name).register)
    assert "noarchive=True" in spec  # one copy of the modules for both programs


def test_the_smoke_test_starts_from_an_empty_home(tmp_path: Path) -> None:
    environment = build.fresh_environment(tmp_path)
    assert environment["HOME"] == str(tmp_path)
    assert environment["QT_QPA_PLATFORM"] == "offscreen"
    assert not any(key.startswith(("XDG_", "PYTHON")) for key in environment)
    if sys.platform != "win32":
        assert "NETWERKEN_DB" not in environment  # the real default place is what is tested


def test_the_bundle_size_counts_a_linked_library_once(tmp_path: Path) -> None:
    (tmp_path / "lib.so").write_bytes(b"x" * 1_000_000)
    (tmp_path / "link.so").symlink_to(tmp_path / "lib.so")
    assert build.folder_size_mb(tmp_path) == pytest.approx(1.0)


# --- the hosted CI and the installer ------------------------------------------------------------


def actionlint() -> str | None:
    beside_python = Path(sys.executable).with_name("actionlint")
    return str(beside_python) if beside_python.exists() else shutil.which("actionlint")


@pytest.mark.skipif(
    actionlint() is None,
    reason="actionlint not installed (pip install -e '.[workflow-lint]')",
)
def test_the_workflow_passes_actionlint() -> None:
    program = actionlint()
    assert program is not None
    result = subprocess.run(
        [program, "-no-color", str(WORKFLOW)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path: Path) -> None:
    program = actionlint()
    if program is None:
        pytest.skip("actionlint not installed")
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8").replace("${{ matrix.os }}", "${{ matrix.oss }}")
    broken.write_text(text, encoding="utf-8")
    result = subprocess.run([program, "-no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0 and "oss" in result.stdout


def test_the_workflow_tests_and_bundles_on_windows_and_macos() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "os: [windows-latest, macos-latest]" in text
    assert "python -m pytest" in text
    assert "python packaging/build.py" in text
    assert "actions/upload-artifact@" in text
    assert "packaging\\netwerken.iss" in text


def test_the_installer_is_per_user_with_start_menu_association_and_uninstaller() -> None:
    script = (PACKAGING / "netwerken.iss").read_text(encoding="utf-8")
    settings = dict(
        line.split("=", 1) for line in script.splitlines() if "=" in line and ";" not in line[:1]
    )
    assert settings["PrivilegesRequired"] == "lowest"  # no administrator rights
    assert settings["DefaultDirName"] == "{autopf}\\{#AppName}"  # %LOCALAPPDATA%\Programs
    window, _command = layout.executable_names("win32")
    assert f'#define WindowProgram "{window}"' in script
    assert f'Source: "..\\dist\\{layout.BUNDLE_NAME}\\*"' in script
    assert 'Name: "{autoprograms}\\{#AppName}"' in script  # Start menu
    assert 'Name: "associate"' in script and "Flags: unchecked" in script  # optional
    assert '--db ""%1""' in script  # a double-clicked file opens in the window
    assert "Root: HKA" in script and "HKLM" not in script  # the user's own registry
    assert "Uninstallable=no" not in script


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf", True),
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSans-Bold.ttf", True),
        ("matplotlib/mpl-data/fonts/ttf/LastResortHE-Regular.ttf", True),
        ("matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf", False),
        ("matplotlib/mpl-data/fonts/afm/pagd8a.afm", False),
        ("matplotlib/mpl-data/sample_data/goog.npz", False),
        ("matplotlib/mpl-data/matplotlibrc", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
    ],
)
def test_of_matplotlib_only_its_default_font_and_settings_are_kept(
    destination: str, kept: bool
) -> None:
    assert layout.keep_data_file(destination) is kept
