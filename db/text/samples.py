"""The embedded default database: created on first run and filled with the sample profiles.

The samples are the published profiles in ``resources/samples``, read by the same parser a user's
import goes through, so the first thing an officer sees is real data in the real format.
"""

from __future__ import annotations

import secrets
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.storage.store import Store


def sample_texts() -> list[tuple[str, str]]:
    """(file name, text) of every sample profile, in name order."""
    folder = resources.files("resources.samples")
    return sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    )


def seed_samples(store: Store) -> int:
    """Store every sample profile; returns how many."""
    from db.text.profile_text import parse_profile

    count = 0
    for file_name, text in sample_texts():
        store.create(parse_profile(text, file_name=file_name).profile)
        count += 1
    return count


def open_default_or(target: str | Path | None) -> Store:
    """Open the database the user named, or the default one, creating and seeding it on first run."""
    from db.storage.atomic import publish_new_database
    from db.storage.locations import default_database_path
    from db.storage.store import Store

    if target is not None:
        return Store.open(target)
    path = default_database_path()
    if not path.exists():
        # Build the seeded file under a name of its own and link it into place in one step, so
        # that a failure half-way never leaves an empty "default database" behind, and two
        # programs started together on the first run do not both fill (or break) one file:
        # the second keeps the first one's file and drops its own.
        partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.creating")
        try:
            store = Store.open(partial)
            try:
                seed_samples(store)
            finally:
                store.close()
            publish_new_database(partial, path)
        finally:
            for leftover in (partial, *(Path(f"{partial}{end}") for end in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
    return Store.open(path)
