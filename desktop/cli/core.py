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


def run_schema(options: argparse.Namespace) -> int:
    from db.model.schemas import Interchange

    print(json.dumps(Interchange.model_json_schema(), ensure_ascii=False, indent=2))
    return 0
