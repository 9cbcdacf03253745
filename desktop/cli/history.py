"""``netwerken history NAAM [--json]``: a network's versions, as the 'Geschiedenis' tab shows them.

Also finds a deleted network by its name (its history outlives it).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any
from uuid import UUID

from desktop.cli.common import matching_ids, open_store, print_json, say

if TYPE_CHECKING:
    from db.storage.store import Store


def register(subparsers: Any) -> None:
    shown = subparsers.add_parser(
        "history", help="de geschiedenis van een netwerk tonen (ook van een verwijderd netwerk)"
    )
    shown.add_argument("name", metavar="NAAM", help="naam of gemeente")
    shown.add_argument("--json", action="store_true", help="als JSON")
    shown.set_defaults(handler=run_history)


def _find(store: Store, name: str) -> list[tuple[UUID, str]]:
    from db.model.reference import fold

    ids, _missing = matching_ids(store, [name])
    found = [(p.id, p.name) for p in store.get_many(ids)]
    key = fold(name)
    found.extend(
        (UUID(deleted.network_id), deleted.name)
        for deleted in store.deleted_networks()
        if fold(deleted.name) == key
    )
    return found


def run_history(options: argparse.Namespace) -> int:
    from db.model.formats import format_datetime
    from db.model.messages import FIELD_LABELS

    store = open_store(options)
    english = options.lang == "en"
    found = _find(store, options.name)
    if not found:
        say(
            options,
            f"Geen netwerk gevonden met de naam of gemeente '{options.name}'.",
            f"No network found with the name or municipality '{options.name}'.",
        )
        return 1
    document: list[dict[str, Any]] = []
    for network_id, name in found:
        entries = store.history_entries(network_id)
        if options.json:
            document.append(
                {
                    "id": str(network_id),
                    "name": name,
                    "versions": [
                        {
                            "seq": entry.seq,
                            "recorded_at": entry.recorded_at.isoformat()
                            if entry.recorded_at
                            else None,
                            "author": entry.author,
                            "kind": entry.kind,
                            "fields": list(entry.fields),
                            "imported": entry.imported,
                        }
                        for entry in entries
                    ],
                }
            )
            continue
        print(f"{name} ({network_id})")
        for entry in entries:
            when = format_datetime(entry.recorded_at.astimezone() if entry.recorded_at else None)
            fields = ", ".join(
                FIELD_LABELS.get(field, (field, field))[1 if english else 0]
                for field in entry.fields
            )
            kind = entry.kind_text("en" if english else "nl")
            print(
                f"  {entry.seq:>6}  {when}  {entry.author}  {kind}"
                + (f": {fields}" if fields else "")
            )
    if options.json:
        print_json(document)
    return 0
