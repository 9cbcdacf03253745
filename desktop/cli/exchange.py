"""Exchanging data from the command line: database files, JSON, CSV/XLSX, and backups.

``export-db``, ``import-db``, ``export``, ``import-json``, ``backups`` and ``restore-backup`` call
the same services as the window (:mod:`db.exchange.database_file`, :mod:`db.exchange.merge`, :mod:`db.storage.backup`). A merge
with conflicts and no ``--prefer`` lists them and changes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import add_without_personal_data, open_store, say, tell

if TYPE_CHECKING:
    from collections.abc import Iterable

    from db.exchange.merge import ImportCandidate, MergePlan
    from db.model.schemas import NetworkProfile
    from db.storage.store import Store

FORMATS = ("csv", "xlsx", "json")


def register(subparsers: Any) -> None:
    export_db = subparsers.add_parser(
        "export-db", help="de database exporteren als één zelfstandig databasebestand"
    )
    export_db.add_argument("file", metavar="BESTAND", type=Path)
    add_without_personal_data(export_db)
    export_db.set_defaults(handler=run_export_db)

    import_db = subparsers.add_parser(
        "import-db", help="een databasebestand van iemand anders samenvoegen of overnemen"
    )
    import_db.add_argument("file", metavar="BESTAND", type=Path)
    _add_import_options(import_db)
    import_db.set_defaults(handler=run_import_db)

    export = subparsers.add_parser("export", help="exporteren naar CSV, Excel (XLSX) of JSON")
    export.add_argument("-o", "--output", metavar="BESTAND", type=Path, required=True)
    export.add_argument(
        "--format", choices=FORMATS, default=None, help="standaard: volgens de extensie"
    )
    add_without_personal_data(export)
    export.set_defaults(handler=run_export)

    import_json = subparsers.add_parser(
        "import-json", help="een JSON-uitwisselbestand samenvoegen of overnemen"
    )
    import_json.add_argument("file", metavar="BESTAND", type=Path)
    _add_import_options(import_json)
    import_json.set_defaults(handler=run_import_json)

    backups = subparsers.add_parser("backups", help="de automatische back-ups tonen")
    backups.set_defaults(handler=run_backups)

    restore = subparsers.add_parser(
        "restore-backup", help="een back-up terugzetten (nummer uit 'backups' of een bestand)"
    )
    restore.add_argument("backup", metavar="NUMMER|BESTAND")
    restore.set_defaults(handler=run_restore_backup)


def _add_import_options(parser: argparse.ArgumentParser) -> None:
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--merge", action="store_true", help="samenvoegen met de eigen gegevens")
    how.add_argument(
        "--replace", action="store_true", help="de eigen gegevens vervangen (na een back-up)"
    )
    parser.add_argument(
        "--prefer",
        choices=["mine", "theirs"],
        default=None,
        help="bij een echt conflict (hetzelfde veld aan beide kanten anders gewijzigd): de "
        "eigen versie of die van het bestand. Wijzigingen aan één kant worden altijd "
        "overgenomen",
    )


# --- handlers ---------------------------------------------------------------------------------


def run_export_db(options: argparse.Namespace) -> int:
    from db.exchange.database_file import export_database

    report = export_database(
        open_store(options), options.file, without_personal_data=options.without_personal_data
    )
    say(
        options,
        f"{report.networks} netwerken geëxporteerd naar {report.path}.",
        f"Exported {report.networks} networks to {report.path}.",
    )
    return 0


def run_import_db(options: argparse.Namespace) -> int:
    from db.exchange.database_file import inspect_import

    store = open_store(options)
    return _import(options, store, inspect_import(options.file))


def run_import_json(options: argparse.Namespace) -> int:
    from db.exchange.interchange import load_json

    store = open_store(options)
    return _import(options, store, load_json(options.file))


def _import(options: argparse.Namespace, store: Store, candidate: ImportCandidate) -> int:
    from db.exchange.merge import Choice, apply_merge, plan_merge, replace_with

    english = options.lang == "en"
    if candidate.migrated:
        say(
            options,
            f"Het bestand had een oudere schemaversie ({candidate.schema_version}); "
            "een kopie ervan werd bijgewerkt.",
            f"The file had an older schema version ({candidate.schema_version}); "
            "a copy of it was brought up to date.",
        )
    if options.replace:
        replaced = replace_with(store, candidate)
        tell(replaced.summary("en" if english else "nl"))
        return 0
    plan = plan_merge(store, candidate)
    if plan.conflicts and options.prefer is None:
        _print_conflicts(options, plan)
        return 1
    default = Choice(options.prefer) if options.prefer else None
    merged = apply_merge(store, plan, default=default)
    tell(merged.summary("en" if english else "nl"))
    for decision in merged.decisions:
        fields = ", ".join(
            f"{_label(name, english)}: {_side(choice, english)}"
            for name, choice in zip(decision.fields, decision.choices, strict=True)
        ) or _side(decision.choices[0], english)
        tell(f"  - {decision.name}: {fields}")
    if merged.backup:
        say(
            options,
            f"Back-up van de vorige toestand: {merged.backup}",
            f"Backup of the previous state: {merged.backup}",
        )
    return 0


def _label(name: str, english: bool) -> str:
    from db.model.messages import FIELD_LABELS

    return FIELD_LABELS.get(name, (name, name))[1 if english else 0]


def _side(choice: object, english: bool) -> str:
    if str(choice) == "theirs":
        return "theirs" if english else "van het bestand"
    return "mine" if english else "eigen versie"


def _print_conflicts(options: argparse.Namespace, plan: MergePlan) -> None:
    from db.exchange.merge import MergeStatus

    english = options.lang == "en"
    say(
        options,
        f"{len(plan.conflicts)} netwerk(en) werden aan beide kanten anders gewijzigd; er werd "
        "niets gewijzigd. Kies met --prefer mine|theirs welke versie telkens blijft (alleen "
        "voor die velden):",
        f"{len(plan.conflicts)} network(s) were changed differently on both sides; nothing was "
        "changed. Choose with --prefer mine|theirs which version stays (for those fields only):",
    )
    reason = plan.reason("en" if english else "nl")
    if reason:
        print(reason)
    for item in plan.conflicts:
        if item.status is MergeStatus.DELETE_CONFLICT:
            detail = (
                (
                    "deleted here, changed there"
                    if item.deleted_here
                    else "changed here, deleted there"
                )
                if english
                else (
                    "hier verwijderd, daar gewijzigd"
                    if item.deleted_here
                    else "hier gewijzigd, daar verwijderd"
                )
            )
        else:
            detail = ", ".join(_label(name, english) for name in item.conflict_fields)
        print(f"  - {item.name}: {detail}")


def run_export(options: argparse.Namespace) -> int:
    target: Path = options.output
    kind = options.format or target.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        say(
            options,
            f"Kies een formaat met --format ({', '.join(FORMATS)}): '{target.suffix}' ken ik niet.",
            f"Choose a format with --format ({', '.join(FORMATS)}): '{target.suffix}' is unknown.",
        )
        return 2
    store = open_store(options)
    from db.storage.atomic import refuse_protected_target

    refuse_protected_target(target, store.path)
    profiles: Iterable[NetworkProfile] = store.iter_profiles()
    if options.without_personal_data:
        from db.storage.personal_names import without_personal_data

        profiles = without_personal_data(store, profiles)
    if kind == "json":
        from db.exchange.interchange import dump_json

        count = dump_json(profiles, target)
    elif kind == "xlsx":
        from db.exchange.tabular import export_xlsx

        count = export_xlsx(profiles, target)
    else:
        from db.exchange.tabular import export_csv

        count = export_csv(profiles, target)
    say(
        options,
        f"{count} netwerken geëxporteerd naar {target}.",
        f"Exported {count} networks to {target}.",
    )
    return 0


def run_backups(options: argparse.Namespace) -> int:
    from db.model.formats import format_datetime
    from db.storage.backup import list_backups

    store = open_store(options)
    if store.path is None:
        return 0
    found = list_backups(store.path)
    if not found:
        say(options, "Er zijn nog geen back-ups.", "There are no backups yet.")
        return 0
    for number, info in enumerate(found, start=1):
        count = "?" if info.networks is None else str(info.networks)
        say(
            options,
            f"{number:>3}  {format_datetime(info.made_at)}  {count:>6} netwerken  "
            f"{info.reason:<18} {info.path.name}",
            f"{number:>3}  {format_datetime(info.made_at)}  {count:>6} networks  "
            f"{info.reason:<18} {info.path.name}",
        )
    return 0


def run_restore_backup(options: argparse.Namespace) -> int:
    from db.exchange.database_file import restore_backup
    from db.storage.backup import list_backups

    store = open_store(options)
    chosen: Path
    if options.backup.isdigit() and store.path is not None:
        found = list_backups(store.path)
        number = int(options.backup)
        if not 1 <= number <= len(found):
            say(
                options,
                f"Er is geen back-up nummer {number} (er zijn er {len(found)}; zie 'netwerken backups').",
                f"There is no backup number {number} (there are {len(found)}; see 'netwerken backups').",
            )
            return 2
        chosen = found[number - 1].path
    else:
        chosen = Path(options.backup)
    report = restore_backup(store, chosen)
    tell(report.summary("en" if options.lang == "en" else "nl"))
    return 0
