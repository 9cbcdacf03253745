"""The history's costs: a save that records a version, a merge of two large files, the history
tab of a network with many versions, and what ten versions per network do to the file's size.

    python -m benchmarks.history [--quick]

Each figure stands beside a baseline measured in the same run: the save without recording a
version, the file without versions.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import Figure, median_ms, run_alone
from benchmarks.generate import build_database


@contextmanager
def _without_versions() -> Iterator[None]:
    """The store with version recording switched off: the baseline a save had before."""
    import db.storage.store as store_module

    real = store_module.record_stored
    store_module.record_stored = lambda *_args, **_kwargs: None  # type: ignore[assignment]
    try:
        yield
    finally:
        store_module.record_stored = real


def save_figure(database: Path, count: int, rounds: int) -> Figure:
    """Saves with and without recording the version, alternated (a shared machine's load
    drifts; alternating puts both under the same load), each on a copy of its own: a save
    without its version would leave the file's history behind its records."""
    import statistics

    from db.storage.store import Store

    copies = [database.with_name("save-with.sqlite"), database.with_name("save-without.sqlite")]
    stores = []
    for copy in copies:
        shutil.copyfile(database, copy)
        stores.append(Store.open(copy))
    samples: list[list[float]] = [[], []]
    try:
        ids = stores[0].list_ids()[: rounds + 1]
        for number, network_id in enumerate(ids):
            for side, store in enumerate(stores):
                profile = store.get(network_id)
                edited = profile.model_copy(update={"notes": profile.notes + "\nbewaard"})
                if side == 1:
                    with _without_versions():
                        start = time.perf_counter()
                        store.update(edited)
                        elapsed = time.perf_counter() - start
                else:
                    start = time.perf_counter()
                    store.update(edited)
                    elapsed = time.perf_counter() - start
                if number:  # the first round warms up
                    samples[side].append(elapsed * 1000)
    finally:
        for store, copy in zip(stores, copies, strict=True):
            store.close()
            copy.unlink()
    with_history, without = (statistics.median(side) for side in samples)
    return Figure(
        f"save a network with its version, {count:,} networks [save without history]",
        with_history,
        without,
        with_history / without if without else None,
        "< 30 ms; ≤ 1.2× baseline",
        with_history < 30 or (without > 0 and with_history / without <= 1.2),
    )


def merge_figure(database: Path, count: int) -> list[Figure]:
    """Two colleagues with a copy of one file, each changing another 1% of the networks."""
    from db.exchange.database_file import export_database, inspect_import
    from db.exchange.merge import apply_merge, plan_merge
    from db.storage.store import Store

    folder = database.parent
    mine_path = folder / "mine.sqlite"
    theirs_path = folder / "theirs.sqlite"
    shutil.copyfile(database, mine_path)
    mine = Store.open(mine_path)
    export_database(mine, theirs_path)
    theirs = Store.open(theirs_path)
    try:
        ids = mine.list_ids()
        share = max(1, count // 100)
        mine.write_batch(
            [],
            [
                p.model_copy(update={"notes": p.notes + "\nvan mij"})
                for p in mine.get_many(ids[:share])
            ],
        )
        theirs.write_batch(
            [],
            [
                p.model_copy(update={"vision": p.vision + "\nvan hen"})
                for p in theirs.get_many(ids[share : 2 * share])
            ],
        )
        sent = folder / "van-hen.sqlite"
        export_database(theirs, sent)
        candidate = inspect_import(sent)
        start = time.perf_counter()
        plan = plan_merge(mine, candidate)
        report = apply_merge(mine, plan)
        merge_s = time.perf_counter() - start
        conflicts = len(plan.conflicts)
        assert report.taken == share, report
    finally:
        mine.close()
        theirs.close()
    return [
        Figure(
            f"merge two files of {count:,} networks, 1% changed on each side "
            f"({conflicts} conflicts reported)",
            merge_s,
            None,
            None,
            "< 5 s, 0 conflicts",
            merge_s < 5 and conflicts == 0,
            "s",
        )
    ]


def tab_figure(folder: Path, versions: int, rounds: int) -> Figure:
    """The 'Geschiedenis' tab of a network with ``versions`` versions: read, list, show the
    newest version's changes."""
    from PySide6.QtWidgets import QApplication

    from db.storage.store import Store
    from desktop.window.history_view import HistoryPanel, changes_html
    from tests.db.factories import full_profile

    app = QApplication.instance() or QApplication([])
    store = Store.open(folder / "tab.sqlite")
    try:
        profile = store.create(full_profile())
        for number in range(versions - 1):
            profile = store.update(
                profile.model_copy(update={"vision": profile.vision + f" Zin {number}."})
            )
        panel = HistoryPanel()

        def show() -> None:
            entries = store.history_entries(profile.id)
            panel.model.set_entries(entries)
            panel.changes.setHtml(changes_html(store.version_changes(profile.id, entries[-1].seq)))
            app.processEvents()

        shown_ms = median_ms(show, rounds)
        panel.deleteLater()
    finally:
        store.close()
    return Figure(
        f"history tab of a network with {versions} versions",
        shown_ms,
        None,
        None,
        "< 100 ms",
        shown_ms < 100,
    )


def _vacuumed_size(path: Path, *, drop_versions: bool = False) -> int:
    copy = path.with_name(path.stem + ("-data" if drop_versions else "-all") + ".sqlite")
    copy.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("VACUUM INTO ?", (str(copy),))
    if drop_versions:
        with closing(sqlite3.connect(copy, isolation_level=None)) as connection:
            connection.execute("DELETE FROM network_versions")
            connection.execute("VACUUM")
    return copy.stat().st_size


def size_figure(database: Path, count: int, versions: int = 10) -> Figure:
    """Every network saved until it has ``versions`` versions, each save changing one field
    (notes, vision, meetings in turn), against the same file without any version."""
    from db.storage.history import NewVersion, VersionKind, record_data, record_versions
    from db.storage.store import Store, raw_connection

    working = database.with_name("sizes.sqlite")
    shutil.copyfile(database, working)
    store = Store.open(working)
    fields = ("notes", "vision", "meetings")
    try:
        ids = store.list_ids()
        # The versions are written as the store writes them on each save (same code, same
        # compression), without rewriting the records' rows 90,000 times: only the history's
        # size is measured here.
        for start in range(0, len(ids), 500):
            batch = store.get_many(ids[start : start + 500])
            with store.write_session() as session:
                connection = raw_connection(session)
                for round_number in range(versions - 1):
                    name = fields[round_number % len(fields)]
                    batch = [
                        p.model_copy(update={name: getattr(p, name) + f"\nronde {round_number}"})
                        for p in batch
                    ]
                    record_versions(
                        connection,
                        (NewVersion(str(p.id), p.name, record_data(p)) for p in batch),
                        VersionKind.SAVE,
                        store.author,
                    )
    finally:
        store.close()
    with_history = _vacuumed_size(working) / 1e6
    without = _vacuumed_size(working, drop_versions=True) / 1e6
    ratio = with_history / without
    return Figure(
        f"file size with {versions} versions of each of {count:,} networks [without history]",
        with_history,
        without,
        ratio,
        "≤ 2× baseline",
        ratio <= 2,
        "MB",
    )


def figures(quick: bool, large: Path | None = None, count: int | None = None) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="netwerken-history-") as name:
        folder = Path(name)
        if large is None:
            count = 1000 if quick else 10_000
            large = build_database(folder / f"{count}.sqlite", count)
        assert count is not None
        shared = folder / "work" / large.name
        shared.parent.mkdir()
        shutil.copyfile(large, shared)
        result = [save_figure(shared, count, 5 if quick else 15)]
        result += merge_figure(shared, count)
        result.append(tab_figure(folder, 100, 3 if quick else 7))
        result.append(size_figure(shared, count))
    return result


def main() -> None:
    run_alone(figures, __doc__)


if __name__ == "__main__":
    main()
