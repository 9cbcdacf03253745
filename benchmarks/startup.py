"""Start-up: the real program until its list is painted, beside a bare Qt window, as whole processes.

    python -m benchmarks.startup [--quick]

Targets: ≤ 3× the bare window's time and ≤ 2× its peak memory on a 300-network database (and
on the database of the 5 sample profiles, what a new user starts with); the 10,000-network
start within 1.2× of the 300-network start.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from benchmarks.common import Figure, ratio_figure, run_alone, run_probe
from benchmarks.generate import build_database

PROBE = Path(__file__).with_name("startup_probe.py")


def measure(
    folder: Path,
    rounds: int,
    small_db: Path | None = None,
    large_db: Path | None = None,
    large: int = 10_000,
) -> list[Figure]:
    folder.mkdir(parents=True, exist_ok=True)
    if small_db is None:
        small_db = build_database(folder / "300.sqlite", 300)
    if large_db is None:
        large_db = build_database(folder / f"{large}.sqlite", large)
    samples_db, sample_count = build_samples_database(folder / "samples.sqlite")
    databases = {"samples": samples_db, "300": small_db, "large": large_db}
    expected_rows = {"samples": sample_count, "300": 300, "large": large}
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], **{key: [] for key in databases}}
    for warm in databases.values():  # warm the file cache, the .pyc files, the daily backup
        run_probe(PROBE, str(warm))
    for _ in range(rounds):
        # Interleaved, so that all of them see the same machine load.
        for key, args in (("bare", ["--bare"]), *((k, [str(db)]) for k, db in databases.items())):
            run = run_probe(PROBE, *args)
            if key != "bare":
                assert run.output["rows"] == expected_rows[key], run.output
            runs[key].append((run.seconds * 1000, run.peak_mb))
    time_of = {k: statistics.median(t for t, _ in v) for k, v in runs.items()}
    memory_of = {k: statistics.median(m for _, m in v) for k, v in runs.items()}
    return [
        ratio_figure(
            f"start-up, the {sample_count} sample profiles [bare QMainWindow + QTableView]",
            time_of["samples"],
            time_of["bare"],
            3.0,
        ),
        ratio_figure(
            f"start-up peak memory, the {sample_count} sample profiles [bare window]",
            memory_of["samples"],
            memory_of["bare"],
            2.0,
            unit="MB",
        ),
        ratio_figure(
            "start-up, 300 networks [bare QMainWindow + QTableView]",
            time_of["300"],
            time_of["bare"],
            3.0,
        ),
        ratio_figure(
            "start-up peak memory, 300 networks [bare window]",
            memory_of["300"],
            memory_of["bare"],
            2.0,
            unit="MB",
        ),
        ratio_figure(
            f"start-up, {large:,} networks [300-network start]",
            time_of["large"],
            time_of["300"],
            1.2,
        ),
    ]


def build_samples_database(path: Path) -> tuple[Path, int]:
    """A database holding the published sample profiles, as the program's first start makes it."""
    from db.storage.store import Store
    from db.text.samples import seed_samples

    store = Store.open(path)
    try:
        return path, seed_samples(store)
    finally:
        store.close()


def figures(quick: bool) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        return measure(Path(folder), rounds=3 if quick else 7, large=1000 if quick else 10_000)


def main() -> None:
    run_alone(figures, __doc__)


if __name__ == "__main__":
    main()
