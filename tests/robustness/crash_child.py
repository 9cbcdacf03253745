"""Child process for the crash tests: works on a database until the parent kills it.

Run as ``python crash_child.py <mode> <database> [<network id> <round>]``. The child imports
everything, then waits for one line on stdin before it touches the file: the parent starts the
next child while the current one runs, so the kill loop does not wait for Python to start.

``open``  announces ``starting``, then opens (creating or migrating) the file and says ``opened``.
``save``  opens the file, says ``ready``, then saves edits of one network in a loop, now and then
          creating and deleting other networks.
``first-run`` starts as on the very first run: creates the default database and fills it with the
          samples (``starting``, ``opened``).
``replace`` replaces all records at once (an import) in a loop, alternating two sets:
          ``replaced A`` / ``replaced B``. After each *committed* operation it prints one
          acknowledgement line (flushed), so every line the parent reads is a promise the store
          made: ``saved <round> <counter>``, ``created <id>``, ``deleted <id>``.

Each save writes ``<round>:<counter>`` into the notes and ``counter % 7`` partners, so the
parent can tell a whole save from a torn one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.model.schemas import NetworkProfile, Partner
from db.storage.store import Store
from db.text.samples import open_default_or

PARTNER_CYCLE = 7


def acknowledge(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def edit(profile: NetworkProfile, round_number: int, counter: int) -> None:
    # A payload of varying size, so saves span one page or many and the log grows and shrinks.
    profile.notes = f"{round_number}:{counter}\n" + "notitie " * (counter % 40) * 50
    profile.partners = [
        Partner(name=f"Partner {index} van save {counter}", description="omschrijving " * index)
        for index in range(counter % PARTNER_CYCLE)
    ]


def save_loop(database: Path, network_id: str, round_number: int) -> None:
    store = Store.open(database)
    acknowledge("ready")
    counter = 0
    created: list[str] = []
    while True:
        counter += 1
        profile = store.get(network_id)
        edit(profile, round_number, counter)
        store.update(profile)
        acknowledge(f"saved {round_number} {counter}")
        if counter % 4 == 0:
            new = store.create(
                NetworkProfile(
                    name=f"Ronde {round_number} nummer {counter}", municipalities=["Gent"]
                )
            )
            created.append(str(new.id))
            acknowledge(f"created {new.id}")
        if counter % 8 == 0 and created:
            victim = created.pop(0)
            store.delete(victim)
            acknowledge(f"deleted {victim}")


def replace_loop(database: Path, size: int) -> None:
    """Replace every record at once (as an import does), alternating between two sets."""
    store = Store.open(database)
    acknowledge("ready")
    round_number = 0
    while True:
        round_number += 1
        tag = "AB"[round_number % 2]
        store.replace_all(
            NetworkProfile(name=f"Set {tag} {index}", municipalities=["Gent"], notes=tag * 500)
            for index in range(size)
        )
        acknowledge(f"replaced {tag}")


def main(argv: list[str]) -> None:
    mode, database = argv[0], Path(argv[1])
    sys.stdin.readline()
    if mode == "open":
        acknowledge("starting")
        Store.open(database).close()
        acknowledge("opened")
    elif mode == "save":
        save_loop(database, argv[2], int(argv[3]))
    elif mode == "replace":
        replace_loop(database, int(argv[2]))
    elif mode == "first-run":
        os.environ["NETWERKEN_DB"] = str(database)
        acknowledge("starting")
        open_default_or(None).close()
        acknowledge("opened")
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
