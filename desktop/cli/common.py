"""What the verbs share: opening the database the user named, and printing in their language."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any
from uuid import UUID

from db.storage.store import Store


def database_path(options: argparse.Namespace) -> Path | str | None:
    return options.db


def open_store(options: argparse.Namespace) -> Store:
    from db.text.samples import open_default_or

    if options.db is None:
        mention_pending_move(options)
    return open_default_or(options.db)


def mention_pending_move(options: argparse.Namespace) -> None:
    """The window offers to move a database from the old, hidden place; the command line says
    how (on stderr, so output meant for another program stays clean)."""
    from db.storage.locations import pending_move

    move = pending_move()
    if move is None:
        return
    dutch = (
        f"Let op: de database staat nog op de oude, verborgen plaats {move.old}. "
        f"'netwerken move-database' verplaatst ze naar {move.new}."
    )
    english = (
        f"Note: the database is still in its old, hidden place {move.old}. "
        f"'netwerken move-database' moves it to {move.new}."
    )
    print(english if getattr(options, "lang", None) == "en" else dutch, file=sys.stderr)


# Control characters (ESC starts the terminal's own commands: clear the screen, move the
# cursor, retitle the window), except line breaks and tabs; also C1 controls and the
# bidirectional overrides that turn text around.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    """Text (a message may quote a file's own text) as it may go to a terminal: without
    control characters, so a file cannot clear the screen or print a fake line."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def say(options: argparse.Namespace, dutch: str, english: str) -> None:
    print(terminal_text(english if getattr(options, "lang", None) == "en" else dutch))


def tell(text: str, *, error: bool = False) -> None:
    """A line on the terminal (standard error for ``error``), control characters removed."""
    print(terminal_text(text), file=sys.stderr if error else sys.stdout)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def matching_ids(store: Store, names: list[str]) -> tuple[list[UUID], list[str]]:
    """Ids of the networks each name matches (by network name or municipality), in the order of
    the names, each once; and the names that matched nothing."""
    from db.model.reference import fold

    summaries = store.summaries(store.list_ids())
    found: dict[UUID, None] = {}
    missing = []
    for name in names:
        key = fold(name)
        hits = [
            summary.id
            for summary in summaries
            if fold(summary.name) == key
            or key in {fold(municipality) for municipality in summary.municipalities.split(", ")}
        ]
        if not hits:
            missing.append(name)
        found.update(dict.fromkeys(hits))
    return list(found), missing


WITHOUT_PERSONAL_DATA_HELP = (
    "zonder persoonsgegevens: rol en organisatie van contactpersonen blijven, namen, "
    "e-mailadressen en telefoonnummers niet (ook niet in de brontekst of de geschiedenis)"
)


def add_without_personal_data(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--without-personal-data",
        "--zonder-persoonsgegevens",
        dest="without_personal_data",
        action="store_true",
        help=WITHOUT_PERSONAL_DATA_HELP,
    )
