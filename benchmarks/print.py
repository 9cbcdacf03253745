"""How fast profiles print to PDF, beside a bare ``QTextDocument.print_`` of the same HTML.

    python -m benchmarks.print [--count 300] [--seed N]

Builds a database of ``--count`` generated networks, then measures in separate processes (so each
peak memory figure belongs to one measurement):

- one profile to PDF: ``desktop.printing.documents.write_pdf`` (header, footer, headings kept with their
  text) against the same HTML and stylesheet printed by a bare ``QTextDocument.print_``;
- all networks into one PDF (title page, contents, headers, footers) against one bare document
  holding all their HTML;
- the same combined PDF for a third of the networks, to show memory does not grow with the count;
- one profile and the combined PDF again for the five published sample profiles.

Targets (issue 6): one profile under 60 ms; all networks within 3x the bare baseline; peak memory
not growing with the number of profiles.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ONE_PROFILE_TARGET_S = 0.060
BATCH_RATIO_TARGET = 3.0
MEMORY_GROWTH_TOLERANCE = 1.15  # peak for all / peak for a third: allow noise, not growth
REPEATS = 15


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _profiles(db: Path, count: int | None) -> list[Any]:
    from db.storage.store import Store

    store = Store.open(db)
    try:
        ids = store.list_ids()
        return store.get_many(ids[:count] if count else ids)
    finally:
        store.close()


def _bare_pdf(html: str, path: Path) -> int:
    """The baseline: the HTML with the same stylesheet, ``QTextDocument.print_`` and nothing else."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    from desktop.printing.profile_html import print_stylesheet

    document = QTextDocument()
    document.setDefaultStyleSheet(print_stylesheet())
    document.setHtml(html)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)
    del writer
    return _pdf_pages(path)


def _joined_html(profiles: list[Any]) -> str:
    from desktop.printing.profile_html import profile_html

    bodies = []
    for profile in profiles:
        html = profile_html(profile)
        bodies.append(html.removeprefix("<html><body>").removesuffix("</body></html>"))
    return (
        "<html><body>" + '<p style="page-break-before: always"></p>'.join(bodies) + "</body></html>"
    )


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def child(mode: str, db: Path, count: int | None, out: Path) -> dict[str, Any]:
    """One measurement in this process; returns seconds, pages and peak memory."""
    from PySide6.QtGui import QGuiApplication

    from desktop.printing.documents import write_pdf
    from desktop.printing.profile_html import profile_html

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need it
    profiles = _profiles(db, count) if mode != "ours-all" else []
    result: dict[str, Any] = {"mode": mode, "profiles": len(profiles)}
    if mode == "one":
        # A seed-sized profile: the median of the generated ones by length of its HTML.
        by_size = sorted(profiles, key=lambda p: len(profile_html(p)))
        profile = by_size[len(by_size) // 2]
        _bare_pdf(profile_html(profile), out)  # warm-up: fonts, stylesheet parsing
        write_pdf(out, [profile])
        bare, ours = [], []
        for _ in range(REPEATS):
            start = time.perf_counter()
            _bare_pdf(profile_html(profile), out)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            write_pdf(out, [profile])
            ours.append(time.perf_counter() - start)
        result |= {
            "bare_s": statistics.median(bare),
            "ours_s": statistics.median(ours),
            "pages": _pdf_pages(out),
        }
    elif mode == "bare-all":
        start = time.perf_counter()
        pages = _bare_pdf(_joined_html(profiles), out)
        result |= {"seconds": time.perf_counter() - start, "pages": pages}
    else:  # "ours-all": as the window and the command line do it, records fetched lazily
        from db.storage.store import Store
        from desktop.printing.documents import LazyProfiles

        store = Store.open(db)
        ids = store.list_ids()[:count] if count else store.list_ids()
        start = time.perf_counter()
        write_pdf(out, LazyProfiles(store, ids))
        result |= {"seconds": time.perf_counter() - start, "pages": _pdf_pages(out)}
        result["profiles"] = len(ids)
        store.close()
    result["peak_mb"] = _peak_mb()
    result["bytes"] = out.stat().st_size
    return result


def _run_child(mode: str, db: Path, count: int | None, folder: Path) -> dict[str, Any]:
    out = folder / f"{mode}-{count or 'all'}.pdf"
    command = [sys.executable, "-m", "benchmarks.print", "--child", mode, "--db", str(db)]
    command += ["--out", str(out)] + (["--limit", str(count)] if count else [])
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure(
    count: int, seed: int | None = None, db: Path | None = None
) -> dict[str, dict[str, Any]]:
    """Every measurement, each in a process of its own, on ``db`` or a database built here, and
    on a database of the sample profiles."""
    from benchmarks.generate import build_database

    with tempfile.TemporaryDirectory(prefix="netwerken-print-") as folder_name:
        folder = Path(folder_name)
        if db is None:
            db = folder / "bench.sqlite"
            start = time.perf_counter()
            if seed is None:
                build_database(db, count)
            else:
                build_database(db, count, seed)
            print(f"database: {count} generated networks ({time.perf_counter() - start:.1f} s)")
        from benchmarks.startup import build_samples_database

        samples, _ = build_samples_database(folder / "samples.sqlite")
        return {
            "one": _run_child("one", db, None, folder),
            "bare_all": _run_child("bare-all", db, None, folder),
            "ours_all": _run_child("ours-all", db, None, folder),
            "ours_third": _run_child("ours-all", db, max(1, count // 3), folder),
            # The published profiles themselves: what an officer prints first.
            "samples_one": _run_child("one", samples, None, folder),
            "samples_bare_all": _run_child("bare-all", samples, None, folder),
            "samples_ours_all": _run_child("ours-all", samples, None, folder),
        }


def figures(quick: bool, db: Path | None = None, count: int = 300) -> list[Any]:
    """The print figures of the benchmark suite (on the 300-network database)."""
    from benchmarks.common import Figure, limit_figure, ratio_figure

    if quick:
        count = 60
        db = None
    results = measure(count, db=db)
    one, bare_all, ours_all, third = (
        results["one"],
        results["bare_all"],
        results["ours_all"],
        results["ours_third"],
    )
    growth = ours_all["peak_mb"] / third["peak_mb"]
    samples = results["samples_ours_all"]["profiles"]
    return [
        limit_figure(
            f"PDF of one sample profile (the median of the {samples})",
            results["samples_one"]["ours_s"] * 1000,
            ONE_PROFILE_TARGET_S * 1000,
        ),
        ratio_figure(
            f"PDF of the {samples} sample profiles in one file [bare QTextDocument.print_]",
            results["samples_ours_all"]["seconds"] * 1000,
            results["samples_bare_all"]["seconds"] * 1000,
            BATCH_RATIO_TARGET,
        ),
        limit_figure("PDF of one profile", one["ours_s"] * 1000, ONE_PROFILE_TARGET_S * 1000),
        ratio_figure(
            f"PDF of {count} profiles in one file [bare QTextDocument.print_ to QPdfWriter]",
            ours_all["seconds"] * 1000,
            bare_all["seconds"] * 1000,
            BATCH_RATIO_TARGET,
        ),
        Figure(
            f"PDF peak memory, {count} profiles [{third['profiles']} profiles]",
            ours_all["peak_mb"],
            third["peak_mb"],
            growth,
            f"≤ {MEMORY_GROWTH_TOLERANCE:g}× (flat)",
            growth <= MEMORY_GROWTH_TOLERANCE,
            "MB",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        print(json.dumps(child(options.child, Path(options.db), options.limit, Path(options.out))))
        return 0

    results = measure(options.count, options.seed)
    one, bare_all, ours_all, ours_third = (
        results["one"],
        results["bare_all"],
        results["ours_all"],
        results["ours_third"],
    )
    third = ours_third["profiles"]
    ratio_one = one["ours_s"] / one["bare_s"]
    ratio_all = ours_all["seconds"] / bare_all["seconds"]
    growth = ours_all["peak_mb"] / ours_third["peak_mb"]
    print()
    print(f"one profile ({one['pages']} pages, median of {REPEATS})")
    print(f"  bare print_      {one['bare_s'] * 1000:7.1f} ms")
    print(f"  write_pdf        {one['ours_s'] * 1000:7.1f} ms   ratio {ratio_one:.2f}x")
    print(f"{options.count} profiles into one PDF")
    print(
        f"  bare print_      {bare_all['seconds']:7.2f} s   {bare_all['pages']:5d} pages"
        f"   peak {bare_all['peak_mb']:6.0f} MB"
    )
    print(
        f"  write_pdf        {ours_all['seconds']:7.2f} s   {ours_all['pages']:5d} pages"
        f"   peak {ours_all['peak_mb']:6.0f} MB   ratio {ratio_all:.2f}x"
        f"   ({ours_all['bytes'] / 1e6:.1f} MB file)"
    )
    print(
        f"  write_pdf, {ours_third['profiles']:3d}   {ours_third['seconds']:7.2f} s"
        f"   {ours_third['pages']:5d} pages   peak {ours_third['peak_mb']:6.0f} MB"
    )
    checks = [
        (
            f"one profile under {ONE_PROFILE_TARGET_S * 1000:.0f} ms",
            one["ours_s"] < ONE_PROFILE_TARGET_S,
        ),
        (
            f"all within {BATCH_RATIO_TARGET:.0f}x the bare baseline",
            ratio_all <= BATCH_RATIO_TARGET,
        ),
        (
            f"memory flat: peak for {options.count} is {growth:.2f}x the peak for {third}",
            growth <= MEMORY_GROWTH_TOLERANCE,
        ),
    ]
    print()
    for text, held in checks:
        print(f"  [{'ok' if held else 'MISSED'}] {text}")
    return 0 if all(held for _, held in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
