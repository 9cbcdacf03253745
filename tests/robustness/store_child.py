"""A second program on the same database file, driven line by line by a test.

Run as ``python store_child.py <database> <busy timeout ms>``; one command per line on stdin,
one answer per line on stdout:

``read <id>``             keep the record, as a form would: ``read <version>``
``edit <notes>``          change the kept record's notes (the form being edited): ``edited``
``save``                  save the kept record: ``saved <version>`` or ``<kind> <message>``
``delete <id>``           ``deleted`` or ``<kind> <message>``
``loop <id> <n> <tag>``   re-read and save the record ``n`` times: ``looped <n>``
``hold [<seconds>]``      hold the write lock (BEGIN IMMEDIATE) that long, or until the next line
                          (``release``): ``locked``, then ``released``

``<kind>`` is ``conflict``, ``busy`` or ``error`` (the store's message follows on the line).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import text

from db.model.errors import BusyError, ConflictError, StoreError
from db.model.schemas import NetworkProfile
from db.storage.store import Store


def answer(line: str) -> None:
    sys.stdout.write(line.replace("\n", " ") + "\n")
    sys.stdout.flush()


def failure(error: StoreError) -> str:
    kind = (
        "conflict"
        if isinstance(error, ConflictError)
        else "busy"
        if isinstance(error, BusyError)
        else "error"
    )
    return f"{kind} {error}"


def main(database: Path, busy_timeout_ms: int) -> None:
    store = Store.open(database, busy_timeout_ms=busy_timeout_ms)
    kept: NetworkProfile | None = None
    answer("ready")
    for line in sys.stdin:
        command, _, rest = line.rstrip("\n").partition(" ")
        try:
            if command == "read":
                kept = store.get(rest)
                answer(f"read {kept.version}")
            elif command == "edit":
                assert kept is not None
                kept.notes = rest
                answer("edited")
            elif command == "save":
                assert kept is not None
                kept = store.save(kept)
                answer(f"saved {kept.version}")
            elif command == "delete":
                store.delete(rest)
                answer("deleted")
            elif command == "loop":
                network_id, count, tag = rest.split()
                for number in range(int(count)):
                    profile = store.get(network_id)
                    profile.notes = f"{tag} {number}"
                    store.save(profile)
                answer(f"looped {count}")
            elif command == "hold":
                with store.write_session() as session:
                    session.execute(text("UPDATE networks SET notes = notes WHERE 0"))
                    answer("locked")
                    if rest:
                        time.sleep(float(rest))
                    else:
                        sys.stdin.readline()  # until the test says "release"
                answer("released")
            elif command == "quit":
                break
            else:
                answer(f"error unknown command {command}")
        except StoreError as error:
            answer(failure(error))
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
