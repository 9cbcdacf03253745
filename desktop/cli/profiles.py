"""``netwerken parse``, ``import``, ``check`` and ``export-text``: the published text format.

``check`` shows the import warnings kept with the networks (those still to check, or those of the
networks named) and with ``--mark`` marks them checked, as the form's button does.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from db.storage.atomic import atomic_path
from db.text.file_names import file_names
from desktop.cli.common import add_without_personal_data, matching_ids, open_store, say, tell


def register(subparsers: Any) -> None:
    parse = subparsers.add_parser(
        "parse", help="fiches lezen en als JSON tonen, zonder iets op te slaan"
    )
    parse.add_argument("files", nargs="+", metavar="BESTAND")
    parse.set_defaults(handler=run_parse)

    import_ = subparsers.add_parser("import", help="fiches (tekstbestanden of mappen) importeren")
    import_.add_argument("paths", nargs="+", metavar="BESTAND|MAP")
    import_.add_argument(
        "--on-duplicate",
        choices=["update", "skip", "keep"],
        default="skip",
        help="een fiche voor een gemeente die al in de database staat: bijwerken, overslaan "
        "(standaard) of beide houden",
    )
    import_.set_defaults(handler=run_import)

    check = subparsers.add_parser(
        "check",
        help="de importwaarschuwingen tonen van de netwerken die nog te controleren zijn",
    )
    check.add_argument(
        "names",
        nargs="*",
        default=[],
        metavar="NAAM",
        help="naam of gemeente (standaard: alle netwerken die nog te controleren zijn)",
    )
    check.add_argument(
        "--mark", action="store_true", help="de waarschuwingen als gecontroleerd aanduiden"
    )
    check.set_defaults(handler=run_check)

    export = subparsers.add_parser("export-text", help="netwerken als fiche-tekst wegschrijven")
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="alle netwerken")
    which.add_argument("names", nargs="*", default=[], metavar="NAAM", help="naam of gemeente")
    export.add_argument("-o", "--output", required=True, metavar="MAP", help="doelmap")
    add_without_personal_data(export)
    export.set_defaults(handler=run_export_text)


def _warning(options: argparse.Namespace, warning: str) -> str:
    """A stored warning (Dutch, as the record keeps it) in the language of the messages."""
    from db.model.import_warnings import in_language

    return in_language(warning, "en" if getattr(options, "lang", None) == "en" else "nl")


def run_parse(options: argparse.Namespace) -> int:
    from db.model.schemas import Interchange
    from db.text.profile_text import ProfileTextError, parse_profile_file

    profiles = []
    failed = False
    for name in options.files:
        try:
            result = parse_profile_file(name)
        except ProfileTextError as error:
            tell(f"{name}: {error.english if options.lang == 'en' else error}", error=True)
            failed = True
            continue
        for warning in result.warnings:
            tell(f"{name}: {_warning(options, warning)}", error=True)
        profiles.append(result.profile)
    document = Interchange(networks=profiles)
    print(json.dumps(json.loads(document.model_dump_json()), ensure_ascii=False, indent=2))
    return 1 if failed else 0


def run_import(options: argparse.Namespace) -> int:
    from db.text.text_import import OUTCOME_WORDS, OnDuplicate, Outcome, import_texts

    store = open_store(options)
    report = import_texts(store, options.paths, OnDuplicate(options.on_duplicate))
    english = options.lang == "en"
    for item in report.files:
        word = OUTCOME_WORDS[item.outcome][1 if english else 0]
        detail = (item.message_en if english else item.message) or item.name
        tell(f"{item.path}: {word} — {detail}")
        for warning in item.warnings:
            tell(f"    ! {_warning(options, warning)}")
    say(options, f"Samen: {report.summary('nl')}.", f"Total: {report.summary('en')}.")
    return 1 if report.count(Outcome.FAILED) else 0


def run_check(options: argparse.Namespace) -> int:
    store = open_store(options)
    if options.names:
        ids, missing = matching_ids(store, options.names)
        for name in missing:
            say(
                options,
                f"{name}: geen netwerk met die naam of gemeente.",
                f"{name}: no such network.",
            )
    else:
        ids, missing = store.ids_to_check(), []
    profiles = sorted(store.get_many(ids), key=lambda profile: profile.name.casefold())
    if not profiles and not missing:
        say(options, "Geen netwerken te controleren.", "No networks to check.")
    for profile in profiles:
        source = profile.source
        if options.mark and source.warnings and not source.warnings_checked:
            profile = store.mark_checked(profile.id, profile.version)
            source = profile.source
        state = (
            ("geen waarschuwingen", "no warnings")
            if not source.warnings
            else ("gecontroleerd", "checked")
            if source.warnings_checked
            else ("te controleren", "to check")
        )
        say(options, f"{profile.name}: {state[0]}", f"{profile.name}: {state[1]}")
        for warning in source.warnings:
            tell(f"    ! {_warning(options, warning)}")
    return 1 if missing else 0


def run_export_text(options: argparse.Namespace) -> int:
    from db.text.profile_text import write_profile

    store = open_store(options)
    if options.all:
        profiles = list(store.iter_profiles())
    else:
        ids, _missing = matching_ids(store, options.names)
        profiles = store.get_many(ids)
        if not profiles:
            say(
                options,
                "Geen netwerk gevonden met die naam of gemeente; er is niets geschreven.",
                "No network found with that name or municipality; nothing was written.",
            )
            return 1
    if options.without_personal_data:
        from db.storage.personal_names import without_personal_data

        profiles = list(without_personal_data(store, profiles))
    folder = Path(options.output)
    folder.mkdir(parents=True, exist_ok=True)
    for profile, name in zip(profiles, file_names(profiles, ".txt", folder), strict=True):
        target = folder / name
        with atomic_path(target) as partial:
            partial.write_text(write_profile(profile), encoding="utf-8", newline="\n")
        tell(str(target))
    return 0
