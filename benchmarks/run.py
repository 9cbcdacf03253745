"""The whole benchmark suite: every figure beside its baseline, one table.

    python benchmarks/run.py [--quick] [--json FILE]

Sizes: the 5 sample profiles (start-up and PDF of one profile use real-sized records), 300
generated networks (about all of Flanders) and 10,000 (stress). ``--quick`` uses 1,000 instead of
10,000 and fewer rounds, as a smoke test that the suite still runs (CI runs it); the targets are
set for the full sizes. Ratios measured in one run are what count; absolute times are indications
on a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import Figure  # noqa: E402


def print_table(figures: list[Figure]) -> None:
    width = max(len(f.figure) for f in figures)
    print(
        f"{'figure':<{width}}  {'value':>10}  {'baseline':>10}  {'ratio':>6}  {'target':<16} result"
    )
    for f in figures:
        baseline = f"{f.baseline:10.1f}" if f.baseline is not None else f"{'':>10}"
        ratio = f"{f.ratio:6.2f}" if f.ratio is not None else f"{'':>6}"
        print(
            f"{f.figure:<{width}}  {f.value:8.1f} {f.unit:<2}{baseline}  {ratio}  {f.target:<16} "
            f"{'pass' if f.passed else 'FAIL'}"
        )


def machine() -> str:
    cores = os.cpu_count()
    try:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    return f"{platform.platform()}, Python {platform.python_version()}, {cores} cores, load {load}"


def run(quick: bool) -> list[Figure]:
    from benchmarks import bundle, overview, privacy, search, startup, workflow
    from benchmarks import print as print_bench
    from benchmarks.generate import build_database

    os.chdir(ROOT)  # the print benchmark runs its measurements as `python -m benchmarks.print`
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="netwerken-suite-") as name:
        folder = Path(name)
        large_count = 1_000 if quick else 10_000
        started = time.perf_counter()
        small = build_database(folder / "300.sqlite", 300)
        large = build_database(folder / f"{large_count}.sqlite", large_count)
        print(
            f"databases built (300 and {large_count:,} networks) in {time.perf_counter() - started:.0f} s"
        )
        for label, measure in (
            (
                "start-up",
                lambda: startup.measure(
                    folder / "startup", 3 if quick else 7, small, large, large_count
                ),
            ),
            ("search", lambda: search.figures(quick, large, large_count)),
            ("window and exchange", lambda: workflow.figures(quick, large, large_count)),
            ("print", lambda: print_bench.figures(quick, small, 300)),
            ("overview", lambda: overview.figures(quick, small, large, large_count)),
            ("personal data", lambda: privacy.figures(quick, large, large_count, small, 300)),
            ("bundle (PyInstaller)", lambda: bundle.figures(quick)),
        ):
            print(f"\n== {label} ==", flush=True)
            figures += measure()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="1,000 instead of 10,000 networks, fewer rounds"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    options = parser.parse_args(argv)
    started = time.perf_counter()
    figures = run(options.quick)
    print(f"\n{machine()}; suite took {time.perf_counter() - started:.0f} s\n")
    print_table(figures)
    if options.json:
        keys = ("figure", "value", "baseline", "ratio", "target", "passed")
        Path(options.json).write_text(
            json.dumps(
                [{k: f.as_dict()[k] for k in keys} for f in figures], ensure_ascii=False, indent=2
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
