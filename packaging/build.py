"""Build the one-folder bundle for this machine with PyInstaller, then try it out.

    python packaging/build.py [--skip-build] [--keep]

Builds ``dist/Netwerken/`` from ``packaging/netwerken.spec`` and smoke-tests the result as an
officer's first day would go, in a fresh home folder so nothing of this machine's settings or
databases is used:

1. ``netwerken info`` creates the default database with the five sample profiles;
2. ``netwerken pdf --all`` prints them, ``netwerken search`` finds one, ``netwerken export``
   writes a spreadsheet, ``netwerken overview --pdf`` a report with charts (matplotlib);
3. a database file of the oldest schema is migrated by the bundle (Alembic, frozen);
4. the window program starts offscreen and exits once its list is painted with the samples and
   the form shows the first one (``--smoke-test``).

Then it prints the bundle's size beside the target (a figure to watch; with ``--enforce-size``
a bundle over the target fails too). Exit status 0 only if every step passed. Needs PyInstaller
(``pip install -e '.[bundle]'``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_layout as layout

ROOT = layout.ROOT
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = Path(__file__).resolve().with_name("netwerken.spec")
SAMPLE_COUNT = 5
STEP_TIMEOUT_S = 120
PARALLEL_STEPS = 3


class SmokeTestFailure(Exception):
    pass


def bundle_folder(dist: Path = DIST) -> Path:
    return dist / layout.BUNDLE_NAME


def programs(folder: Path, platform: str = sys.platform) -> tuple[Path, Path]:
    """Paths of (the window program, the command line) in a built bundle."""
    window, command = layout.executable_names(platform)
    return folder / window, folder / command


def build(dist: Path = DIST, work: Path = WORK) -> float:
    """Run PyInstaller on the spec; returns the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - started


def folder_size_mb(folder: Path) -> float:
    """Megabytes (10^6 bytes) of the files in ``folder``; a symbolic link counts as nothing."""
    return (
        sum(f.lstat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
        / 1_000_000
    )


def fresh_environment(home: Path) -> dict[str, str]:
    """The environment of an officer's first start: an empty home, no developer settings.

    Linux and macOS find the documents folder through HOME (XDG variables removed). Windows asks
    the shell for it, which no variable redirects: there the database goes to NETWERKEN_DB in
    the temporary folder instead, so a developer's own Documents are never touched.
    """
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "NETWERKEN_", "PYTHON"))
    }
    environment.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", USERPROFILE=str(home))
    if sys.platform == "win32":
        environment["NETWERKEN_DB"] = str(home / "Documents" / "Netwerken" / "netwerken.sqlite")
        environment["APPDATA"] = str(home / "AppData" / "Roaming")
        environment["LOCALAPPDATA"] = str(home / "AppData" / "Local")
    return environment


def run(
    program: Path, arguments: Sequence[str], environment: dict[str, str], step: str
) -> subprocess.CompletedProcess[str]:
    started = time.perf_counter()
    result = subprocess.run(
        [str(program), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=STEP_TIMEOUT_S,
        cwd=environment["HOME"],
    )
    print(
        f"  {step}: exit {result.returncode} in {time.perf_counter() - started:.1f} s", flush=True
    )
    if result.returncode != 0:
        raise SmokeTestFailure(
            f"{step} failed (exit {result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
        )
    return result


def make_oldest_database(path: Path) -> None:
    """A file of schema revision 0001 holding one network, as the first release wrote it.

    Made with this checkout's migrations (the bundle was built from them), so the bundle's own
    copy of them has to bring it to the newest schema.
    """
    sys.path.insert(0, str(ROOT))
    from db.storage.engine import make_engine
    from db.storage.migrate import upgrade

    engine = make_engine(path)
    with engine.connect() as connection:
        upgrade(connection, "0001")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        network = "2b0e5c1e-0000-4000-8000-000000000001"
        raw.execute(
            "INSERT INTO networks (id, name, alias, province, region, vision, target_group,"
            " drawing_right_eur, meetings, notes, source_file_name, source_imported_at,"
            " source_raw_text, created_at, updated_at, version) VALUES (?, 'Lokaal netwerk Genk',"
            " '', 'Limburg', '', 'Visie', '', 1764100, '', '', 'genk.txt', NULL, '',"
            " '2018-01-01T00:00:00.000000+00:00', '2018-01-02T00:00:00.000000+00:00', 1)",
            (network,),
        )
        raw.execute(
            "INSERT INTO network_municipalities (network_id, position, name) VALUES (?, 0, 'Genk')",
            (network,),
        )
        raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()


def smoke_test(folder: Path) -> None:
    """Use the built bundle as an officer (and a script) would; raise on the first failure."""
    window, command = programs(folder)
    for program in (window, command):
        if not program.is_file():
            raise SmokeTestFailure(f"{program.name} is missing from {folder}")
    with tempfile.TemporaryDirectory(prefix="netwerken-smoke-") as name:
        home = Path(name)
        environment = fresh_environment(home)
        info = json.loads(run(command, ["info", "--json"], environment, "netwerken info").stdout)
        if info["counts"]["networks"] != SAMPLE_COUNT:
            raise SmokeTestFailure(f"the new default database holds {info['counts']}")
        database = Path(info["path"])
        expected_folder = home / "Documents" / "Netwerken"
        if database.parent != expected_folder and sys.platform != "win32":
            raise SmokeTestFailure(f"default database at {database}, not in {expected_folder}")

        # The rest reads the same file side by side, as two officers' programs would, and
        # uses both cores meanwhile (the whole build must stay under three minutes).
        checks = [
            lambda: check_pdf(command, environment, home),
            lambda: check_search_and_export(command, environment, home),
            lambda: check_overview(command, environment, home),
            lambda: check_migration(command, environment, home),
            lambda: check_window(window, environment),
        ]
        with ThreadPoolExecutor(max_workers=PARALLEL_STEPS) as pool:
            for done in [pool.submit(check) for check in checks]:
                done.result()  # the first failure, with its output


def check_pdf(command: Path, environment: dict[str, str], home: Path) -> None:
    pdf_folder = home / "pdf"
    run(command, ["pdf", "--all", "--folder", str(pdf_folder)], environment, "netwerken pdf --all")
    written = sorted(pdf_folder.glob("*.pdf"))
    if len(written) != SAMPLE_COUNT or any(not p.read_bytes().startswith(b"%PDF") for p in written):
        raise SmokeTestFailure(f"pdf --all wrote {[p.name for p in written]}")


def check_search_and_export(command: Path, environment: dict[str, str], home: Path) -> None:
    found = json.loads(
        run(command, ["search", "Genk", "--json"], environment, "netwerken search").stdout
    )
    if not found:
        raise SmokeTestFailure("netwerken search Genk found nothing")
    spreadsheet = home / "netwerken.xlsx"
    run(command, ["export", "-o", str(spreadsheet)], environment, "netwerken export")
    if not spreadsheet.is_file() or spreadsheet.stat().st_size == 0:
        raise SmokeTestFailure("netwerken export wrote no spreadsheet")


def check_overview(command: Path, environment: dict[str, str], home: Path) -> None:
    """The overview report: its charts come from matplotlib (numpy, Pillow) in the bundle."""
    report = home / "overzicht.pdf"
    run(command, ["overview", "--pdf", str(report)], environment, "netwerken overview --pdf")
    if not report.is_file() or not report.read_bytes().startswith(b"%PDF"):
        raise SmokeTestFailure("netwerken overview wrote no PDF")


def check_migration(command: Path, environment: dict[str, str], home: Path) -> None:
    """Alembic in the bundle, reading its migration scripts from _internal: an old file."""
    from db.storage.dbfile import SCHEMA_VERSION, read_header

    old = home / "oud.sqlite"
    make_oldest_database(old)
    migrated = json.loads(
        run(
            command, ["--db", str(old), "info", "--json"], environment, "migration of an old file"
        ).stdout
    )
    if migrated["counts"]["networks"] != 1 or read_header(old).schema_version != SCHEMA_VERSION:
        raise SmokeTestFailure(f"the old file was not migrated: {migrated}")


def check_window(window: Path, environment: dict[str, str]) -> None:
    shown = run(window, ["--smoke-test"], environment, "window (offscreen) with the samples")
    if sys.platform != "win32":  # a windowed program on Windows has no stdout: status only
        report = json.loads(shown.stdout.strip().splitlines()[-1])
        if report.get("rows") != SAMPLE_COUNT or not report.get("record"):
            raise SmokeTestFailure(f"the window showed {report}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-build", action="store_true", help="test the bundle already built")
    parser.add_argument(
        "--enforce-size",
        action="store_true",
        help=f"also fail when the bundle is larger than {layout.SIZE_TARGET_MB} MB",
    )
    options = parser.parse_args(argv)
    started = time.perf_counter()
    folder = bundle_folder()
    if not options.skip_build:
        shutil.rmtree(folder, ignore_errors=True)
        print(f"building {folder} ...", flush=True)
        print(f"  PyInstaller took {build():.0f} s", flush=True)
    print("smoke test:", flush=True)
    try:
        smoke_test(folder)
    except (SmokeTestFailure, subprocess.TimeoutExpired) as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    size = folder_size_mb(folder)
    within = size <= layout.SIZE_TARGET_MB
    print(
        f"bundle {folder}: {size:.0f} MB (target <= {layout.SIZE_TARGET_MB} MB: "
        f"{'within' if within else 'OVER'}); build and smoke test took "
        f"{time.perf_counter() - started:.0f} s"
    )
    return 0 if within or not options.enforce_size else 1


if __name__ == "__main__":
    sys.exit(main())
