"""The overview (issue 18): its figures at 300 and 10,000 networks, its PDF, and what it costs the
window's start.

    python -m benchmarks.overview [--quick]

- computing the overview (:func:`db.search.overview.compute` on the list's plain sqlite3 reader, a
  fresh connection each time as the window's worker opens one): all networks, and a list of
  ids (a search result of half the file). Targets: < 30 ms at 300, < 300 ms at 10,000;
- the overview of 300 networks as an A4 PDF with its four charts (compute, charts as SVG,
  layout, write), warm (matplotlib loaded once before): < 1 s; the first one, which loads
  matplotlib, is reported beside it;
- the start-up cost of the Overzicht tab: the time ``install_overview`` adds to building the
  window, and how many modules of matplotlib/numpy a start loads (none: they load when the
  tab is first shown). Measured in a fresh process, so nothing is loaded already.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Figure, limit_figure, median_ms, ratio_figure, run_probe

SMALL_TARGET_MS = 30.0
LARGE_TARGET_MS = 300.0
PDF_TARGET_MS = 1000.0
INSTALL_TARGET_MS = 15.0
RAW_RATIO_TARGET = 3.0  # counting in Python on top of SQLite's reads: at most twice their cost


def compute_ms(db: Path, rounds: int, half: bool = False) -> float:
    from db.search.overview import compute
    from db.storage.listing import Listing

    listing = Listing(db)
    ids = listing.list_ids()[::2] if half else None

    def once() -> None:
        with listing.reading() as connection:
            compute(connection, ids)

    return median_ms(once, rounds)


RAW_SCANS = (
    "SELECT rowid, province FROM networks",
    "SELECT rowid, drawing_right_eur FROM networks",
    "SELECT rowid, updated_at FROM networks",
    "SELECT rowid, id FROM networks",
    "SELECT network_id, start_year, end_year FROM agreement_periods",
    "SELECT network_id, name FROM network_municipalities",
    "SELECT network_id, name FROM instruments",
    "SELECT network_id, count(*) FROM partners GROUP BY network_id",
    "SELECT DISTINCT network_id FROM contacts WHERE email <> ''",
)


def raw_scans_ms(db: Path, rounds: int) -> float:
    """The baseline: the same connection and reads the overview needs, with nothing counted."""
    from db.storage.listing import Listing

    listing = Listing(db)

    def once() -> None:
        with listing.reading() as connection:
            for sql in RAW_SCANS:
                connection.execute(sql).fetchall()

    return median_ms(once, rounds)


def child_pdf(db: Path, rounds: int) -> dict[str, Any]:
    """In a fresh process: the first PDF (loads matplotlib), then the median of warm ones."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["bench"])  # noqa: F841
    from db.search.overview import compute
    from db.storage.listing import Listing

    listing = Listing(db)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "overzicht.pdf"

        def once() -> None:
            from desktop.overview.pdf import write_overview_pdf

            with listing.reading() as connection:
                result = compute(connection)
            write_overview_pdf(target, result, "Alle netwerken")

        started = time.perf_counter()
        once()
        first = (time.perf_counter() - started) * 1000
        warm = median_ms(once, rounds, warmup=0)
        size = target.stat().st_size
    return {"first_ms": first, "warm_ms": warm, "bytes": size}


def child_startup(db: Path) -> dict[str, Any]:
    """In a fresh process: the window built as the program builds it, timing the overview's
    part, and the modules of the charts' library loaded once the window has painted."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    import desktop.overview.view as view
    from desktop.app import build_main_window, open_session
    from desktop.settings import Settings

    spent: list[float] = []
    real = view.install_overview

    def timed(window: Any) -> Any:
        started = time.perf_counter()
        try:
            return real(window)
        finally:
            spent.append((time.perf_counter() - started) * 1000)

    view.install_overview = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder:
        session = open_session(str(db))  # as the program starts: the list first, no store yet
        window = build_main_window(session, Settings(Path(folder) / "settings.ini"), "nl")
        window.show()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not window.list_model.rowCount():
            app.processEvents()
        window.grab()
        for _ in range(20):
            app.processEvents()
        loaded = sorted(
            name
            for name in sys.modules
            if name.split(".")[0] in {"matplotlib", "numpy"} or name == "desktop.overview.charts"
        )
        if window.has_form():
            window.form.discard()
        window.close()
    return {"install_ms": spent[0] if spent else -1.0, "loaded": loaded}


def _child(kind: str, db: Path, rounds: int) -> dict[str, Any]:
    run = run_probe(Path(__file__), "--child", kind, "--db", str(db), "--rounds", str(rounds))
    return run.output


def figures(quick: bool, small: Path, large: Path, large_count: int) -> list[Figure]:
    rounds = 5 if quick else 15
    small_all = compute_ms(small, rounds)
    large_all = compute_ms(large, max(3, rounds // 3))
    large_raw = raw_scans_ms(large, max(3, rounds // 3))
    large_half = compute_ms(large, max(3, rounds // 3), half=True)
    pdf = _child("pdf", small, 3 if quick else 5)
    startup = _child("startup", small, 1)
    return [
        limit_figure("overview computed, 300 networks", small_all, SMALL_TARGET_MS),
        limit_figure(f"overview computed, {large_count:,} networks", large_all, LARGE_TARGET_MS),
        ratio_figure(
            f"overview computed, {large_count:,} networks [its table reads alone]",
            large_all,
            large_raw,
            RAW_RATIO_TARGET,
        ),
        limit_figure(
            f"overview computed, a list of {large_count // 2:,} of {large_count:,} networks",
            large_half,
            LARGE_TARGET_MS,
        ),
        limit_figure("PDF of the overview, 300 networks (4 charts)", pdf["warm_ms"], PDF_TARGET_MS),
        Figure(
            "first PDF of the overview, loading matplotlib (for information)",
            pdf["first_ms"],
            None,
            None,
            "—",
            True,
        ),
        limit_figure(
            "start-up: installing the Overzicht tab", startup["install_ms"], INSTALL_TARGET_MS
        ),
        Figure(
            "start-up: modules of matplotlib/numpy loaded",
            float(len(startup["loaded"])),
            None,
            None,
            "= 0",
            not startup["loaded"],
            unit="",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=5, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child == "pdf":
        print(json.dumps(child_pdf(Path(options.db), options.rounds)))
        return 0
    if options.child == "startup":
        print(json.dumps(child_startup(Path(options.db))))
        return 0
    from benchmarks.generate import build_database
    from benchmarks.run import print_table

    large_count = 1_000 if options.quick else 10_000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small = build_database(folder / "300.sqlite", 300)
        large = build_database(folder / f"{large_count}.sqlite", large_count)
        print_table(figures(options.quick, small, large, large_count))
    return 0


if __name__ == "__main__":
    sys.exit(main())
