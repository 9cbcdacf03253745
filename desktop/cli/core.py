"""``netwerken info`` and ``netwerken schema``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.cli.common import open_store, print_json, say


def register(subparsers: Any) -> None:
    info = subparsers.add_parser("info", help="databasepad, schemaversie en aantallen tonen")
    info.add_argument("--json", action="store_true", help="als JSON")
    info.set_defaults(handler=run_info)
    schema = subparsers.add_parser("schema", help="het JSON Schema van het uitwisselformaat tonen")
    schema.set_defaults(handler=run_schema)
    move = subparsers.add_parser(
        "move-database",
        help="de standaarddatabase van de oude, verborgen plaats naar Documenten/Netwerken verplaatsen",
    )
    move.set_defaults(handler=run_move_database)


def run_info(options: argparse.Namespace) -> int:
    store = open_store(options)
    facts = store.info()
    if options.json:
        print_json(facts)
        return 0
    counts = facts["counts"]
    say(options, f"Database:      {facts['path']}", f"Database:       {facts['path']}")
    say(
        options,
        f"Schemaversie:  {facts['schema_version']}",
        f"Schema version: {facts['schema_version']}",
    )
    say(
        options,
        f"Netwerken:     {counts['networks']} (partners {counts['partners']}, contactpersonen "
        f"{counts['contacts']}, doelstellingen {counts['goals']}, acties {counts['actions']})",
        f"Networks:       {counts['networks']} (partners {counts['partners']}, contacts "
        f"{counts['contacts']}, goals {counts['goals']}, actions {counts['actions']})",
    )
    return 0


def run_move_database(options: argparse.Namespace) -> int:
    from db.storage.locations import documents_database_path, move_database, pending_move

    move = pending_move()
    if move is None:
        say(
            options,
            f"Er is niets te verplaatsen: de standaarddatabase is {documents_database_path()}.",
            f"Nothing to move: the default database is {documents_database_path()}.",
        )
        return 0
    report = move_database(move.old, move.new)  # a failure is a StoreError: a sentence, status 1
    say(
        options,
        f"Verplaatst naar {report.database} ({report.backups_moved} back-ups mee). "
        f"Het oude bestand blijft als {report.old_kept_as}.",
        f"Moved to {report.database} ({report.backups_moved} backups along). "
        f"The old file stays as {report.old_kept_as}.",
    )
    return 0


def run_schema(options: argparse.Namespace) -> int:
    from db.model.schemas import Interchange

    print(json.dumps(Interchange.model_json_schema(), ensure_ascii=False, indent=2))
    return 0
