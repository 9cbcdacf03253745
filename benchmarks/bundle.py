"""Start-up of the bundled program (PyInstaller, ``dist/Netwerken``) beside the same start from the
virtual environment, as whole processes in the same run.

    python -m benchmarks.bundle [--quick]

Both start the window with ``--smoke-test`` on the database of the sample profiles (what a new
officer starts with): from spawn until the list is painted and the form shows the first record,
then exit. Target: the bundle ≤ 1.3× the start from the virtual environment. Without a built
bundle (``python packaging/build.py``) the figure is skipped with a note, not failed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, Figure, ratio_figure

sys.path.insert(0, str(ROOT / "packaging"))
import bundle_layout

BUNDLE = ROOT / "dist" / bundle_layout.BUNDLE_NAME
LIMIT = 1.3


def window_program(bundle: Path = BUNDLE) -> Path | None:
    program = bundle / bundle_layout.executable_names()[0]
    return program if program.is_file() else None


def _start_seconds(command: list[str], home: Path) -> float:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "NETWERKEN_", "PYTHON"))
    }
    environment.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    result = subprocess.run(
        command, capture_output=True, text=True, env=environment, cwd=home, timeout=120
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({result.returncode}): {result.stderr[-2000:]}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if not report.get("record"):
        raise RuntimeError(f"{command[0]} showed no record: {report}")
    return seconds


def figures(quick: bool, folder: Path | None = None) -> list[Figure]:
    program = window_program()
    if program is None:
        print(
            f"  skipped: no bundle at {BUNDLE} (build one with `python packaging/build.py`)",
            flush=True,
        )
        return []
    from benchmarks.startup import build_samples_database

    rounds = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="netwerken-bundle-bench-") as name:
        home = Path(name)
        database, count = build_samples_database(home / "samples.sqlite")
        # The same entry point both ways: desktop.__main__.main (the bundle's script).
        from_venv = (
            f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
            "from desktop.__main__ import main; sys.exit(main())"
        )
        starts = {
            "bundle": [str(program), "--db", str(database), "--smoke-test"],
            "venv": [sys.executable, "-c", from_venv, "--db", str(database), "--smoke-test"],
        }
        for command in starts.values():  # warm the file cache and the .pyc files
            _start_seconds(command, home)
        times: dict[str, list[float]] = {key: [] for key in starts}
        for _ in range(rounds):
            for key, command in starts.items():  # interleaved: both see the same load
                times[key].append(_start_seconds(command, home) * 1000)
    return [
        ratio_figure(
            f"start-up of the bundle (PyInstaller), {count} sample profiles "
            "[the same start from the virtual environment]",
            statistics.median(times["bundle"]),
            statistics.median(times["venv"]),
            LIMIT,
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    options = parser.parse_args()
    from benchmarks.run import print_table

    found = figures(options.quick)
    if found:
        print_table(found)


if __name__ == "__main__":
    main()
