"""Personal data: finding a person among 10,000 networks, and erasing one who is everywhere.

    python -m benchmarks.privacy [--quick]

* **Find**: :func:`db.privacy.persons.find_persons` for one e-mail address (every contact read
  and grouped into persons), beside the bare read of the contacts table it starts from. Target:
  under 200 ms at 10,000 networks. Where that person occurs in all texts (one pass over every
  text of every record) is measured too, as an indication.
* **Erase**: a person who is a contact of 50 networks and named in their notes, each of those
  networks saved 10 times; :func:`db.privacy.erasure.erase_person` including the reading of
  every text, the secure-delete transaction, the search-index merge, the checkpoint and the
  ``VACUUM`` of the whole file. Target: under 5 s in the 300-network file (about all of
  Flanders); the same in the 10,000-network file is an indication (merging the index and
  rebuilding a file of that size take most of it). Each save leaves a stored version in the
  record history (issue 14), so the erasure rewrites 500 versions, each stored whole
  afterwards; the benchmark checks that it did.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, limit_figure, median_ms, ratio_figure, run_alone
from benchmarks.generate import build_database

PERSON = {
    "name": "Wannes Tijdgenoot",
    "role": "coördinator",
    "organisation": "Regio Benchmark",
    "email": "wannes.tijdgenoot@benchmark.be",
    "phone": "09 235 44 33",  # a number libphonenumber knows to exist (Gent)
}


def find_figures(database: Path, count: int, rounds: int) -> list[Figure]:
    from db.privacy.persons import find_persons, occurrences
    from db.storage.store import Store

    with sqlite3.connect(database) as connection:
        (email,) = connection.execute(
            "SELECT email FROM contacts WHERE email <> '' ORDER BY id LIMIT 1 OFFSET 777"
        ).fetchone()
    store = Store.open(database)
    try:

        def bare_read() -> None:
            with store.plain_reading() as connection:
                connection.execute(
                    "SELECT c.network_id, n.name, c.name, c.role, c.organisation, c.email, "
                    "c.phone FROM contacts AS c JOIN networks AS n ON n.id = c.network_id"
                ).fetchall()

        find_ms = median_ms(lambda: find_persons(store, email.upper()), rounds)
        read_ms = median_ms(bare_read, rounds)
        [person] = find_persons(store, email)
        start = time.perf_counter()
        occurrences(store, [person])
        where_ms = (time.perf_counter() - start) * 1000
    finally:
        store.close()
    return [
        limit_figure(f"find a person by e-mail, {count:,} networks", find_ms, 200),
        ratio_figure(
            f"find a person by e-mail, {count:,} networks [read of the contacts table]",
            find_ms,
            read_ms,
            10,
        ),
        Figure(
            f"where a person occurs (every text read once), {count:,} networks",
            where_ms,
            None,
            None,
            "indication",
            True,
        ),
    ]


def erase_figure(
    database: Path, count: int, *, target: bool, networks: int = 50, saves: int = 10
) -> Figure:
    from db.model.schemas import Contact
    from db.privacy.erasure import erase_person
    from db.privacy.persons import find_persons
    from db.storage.store import Store
    from db.storage.stored_versions import has_history

    store = Store.open(database)
    try:
        for profile in store.get_many(store.list_ids()[:networks]):
            profile = store.update(
                profile.model_copy(update={"contacts": [*profile.contacts, Contact(**PERSON)]})
            )
            for save in range(saves - 1):
                profile = store.update(
                    profile.model_copy(
                        update={
                            "notes": f"{profile.notes}\nOverleg {save} met {PERSON['name']} "
                            f"({PERSON['phone']})."
                        }
                    )
                )
        with store.plain_reading() as connection:
            assert has_history(connection)
        [person] = find_persons(store, PERSON["email"])
        start = time.perf_counter()
        report = erase_person(store, person, by="benchmark")
        seconds = time.perf_counter() - start
        assert report.networks == networks, report
        # Each of the ten saves left a version naming the person, and each one was rewritten.
        assert report.versions == networks * saves, report
    finally:
        store.close()
    name = f"erase a person in {networks} networks ({saves} versions each), {count:,} networks in the file"
    if not target:
        return Figure(name, seconds, None, None, "indication", True, "s")
    return limit_figure(name, seconds, 5, unit="s")


def figures(
    quick: bool,
    large: Path | None = None,
    count: int | None = None,
    small: Path | None = None,
    small_count: int = 300,
) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="netwerken-privacy-") as name:
        folder = Path(name)
        if large is None:
            count = 1000 if quick else 10_000
            large = build_database(folder / f"{count}.sqlite", count)
        if small is None:
            small = build_database(folder / f"{small_count}.sqlite", small_count)
        assert count is not None
        result = find_figures(large, count, rounds=3 if quick else 9)
        # The target is for the small file; the large one (1,000 networks with --quick) is an
        # indication, whatever its size.
        for source, size, target in ((small, small_count, True), (large, count, False)):
            copy = folder / f"erase-{size}" / source.name
            copy.parent.mkdir()
            shutil.copyfile(source, copy)
            result.append(erase_figure(copy, size, target=target))
    return result


def main() -> None:
    run_alone(figures, __doc__)


if __name__ == "__main__":
    main()
