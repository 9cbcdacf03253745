"""Personal data from the command line: ``persons``, ``person-export`` and ``person-erase``.

The same services as the window's Personen view (:mod:`db.privacy`). Erasing asks first (unless
``--yes``), listing what will change; backups made before the erasure are listed afterwards and
only deleted or rewritten when ``--backups`` says so.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import open_store, print_json, say

if TYPE_CHECKING:
    from db.privacy.persons import Person
    from db.storage.store import Store


def register(subparsers: Any) -> None:
    persons = subparsers.add_parser(
        "persons", help="alle contactpersonen over alle netwerken, en waar ze voorkomen"
    )
    persons.add_argument("query", metavar="ZOEKTEKST", nargs="?", default="")
    persons.add_argument("--json", action="store_true", help="als JSON")
    persons.add_argument(
        "--backups", action="store_true", help="ook tellen in de back-ups (trager)"
    )
    persons.set_defaults(handler=run_persons)

    export = subparsers.add_parser(
        "person-export",
        help="alles wat over een persoon bewaard wordt, als JSON of PDF (inzage)",
    )
    export.add_argument("query", metavar="NAAM|E-MAIL|TELEFOON")
    export.add_argument(
        "-o", "--output", metavar="BESTAND.json|BESTAND.pdf", type=Path, required=True
    )
    export.set_defaults(handler=run_person_export)

    erase = subparsers.add_parser(
        "person-erase",
        help="een persoon overal wissen: contacten, teksten, geschiedenis (en back-ups op vraag)",
    )
    erase.add_argument("query", metavar="NAAM|E-MAIL|TELEFOON")
    erase.add_argument("--yes", action="store_true", help="niet vragen: meteen wissen")
    erase.add_argument(
        "--backups",
        choices=["keep", "delete", "rewrite"],
        default="keep",
        help="eerder gemaakte back-ups die de persoon bevatten: laten staan (standaard), "
        "wissen, of herschrijven zonder de persoon",
    )
    erase.set_defaults(handler=run_person_erase)


def _english(options: argparse.Namespace) -> bool:
    return getattr(options, "lang", None) == "en"


def run_persons(options: argparse.Namespace) -> int:
    from db.model.personal_data import PLACE_LABELS
    from db.privacy.persons import all_persons, find_persons, occurrences

    store = open_store(options)
    persons = find_persons(store, options.query) if options.query else all_persons(store)
    found = occurrences(store, persons, backups=options.backups)
    if options.json:
        print_json(
            [{**person.as_dict(), "occurs": found[person.key].as_dict()} for person in persons]
        )
        return 0
    if not persons:
        say(options, "Geen contactpersonen gevonden.", "No contact persons found.")
        return 0 if not options.query else 1
    english = _english(options)
    for person in persons:
        where = found[person.key]
        details = [
            f"{hits}× {PLACE_LABELS[place][1 if english else 0]}"
            for place, hits in sorted(where.places.items())
            if hits
        ]
        if where.versions:
            details.append(f"{where.versions}× {PLACE_LABELS['versions'][1 if english else 0]}")
        if where.backups:
            details.append(f"{len(where.backups)} {PLACE_LABELS['backups'][1 if english else 0]}")
        identity = ", ".join([*person.emails, *person.phones])
        print(f"{person.display_name}" + (f" <{identity}>" if identity else ""))
        for appearance in person.appearances:
            role = ", ".join(x for x in (appearance.role, appearance.organisation) if x)
            print(f"    {appearance.network_name}" + (f" ({role})" if role else ""))
        print(f"    {'; '.join(details)}")
    return 0


def _one_person(
    options: argparse.Namespace, store: Store, *, in_backups: bool = False
) -> Person | None:
    from db.privacy.persons import find_persons, find_persons_in_backups

    found = find_persons(store, options.query)
    if not found and in_backups:
        found = find_persons_in_backups(store, options.query)
    if len(found) == 1:
        return found[0]
    if not found:
        print(
            f"Niemand gevonden voor '{options.query}'. Er werd niets gedaan."
            if not _english(options)
            else f"Nobody found for '{options.query}'. Nothing was done.",
            file=sys.stderr,
        )
        return None
    print(
        f"'{options.query}' past op {len(found)} personen; geef het volledige e-mailadres of "
        "de volledige naam. Er werd niets gedaan:"
        if not _english(options)
        else f"'{options.query}' fits {len(found)} persons; give the full e-mail address or "
        "name. Nothing was done:",
        file=sys.stderr,
    )
    for person in found:
        print(f"  - {person.display_name} {' '.join(person.emails)}", file=sys.stderr)
    return None


def run_person_export(options: argparse.Namespace) -> int:
    from db.privacy.person_export import person_document, write_person_json

    store = open_store(options)
    person = _one_person(options, store)
    if person is None:
        return 1
    document = person_document(store, person)
    target: Path = options.output
    if target.suffix.lower() == ".pdf":
        from desktop.cli.pdf import ensure_gui_application

        app = ensure_gui_application()  # noqa: F841 - must live while printing
        from desktop.printing.person_pdf import write_person_pdf

        write_person_pdf(target, document)
    else:
        write_person_json(document, target)
    say(
        options,
        f"Inzage voor {person.display_name}: {len(document.passages)} vermelding(en), "
        f"{len(person.appearances)} contact(en) → {target}",
        f"Access report for {person.display_name}: {len(document.passages)} mention(s), "
        f"{len(person.appearances)} contact(s) → {target}",
    )
    return 0


def run_person_erase(options: argparse.Namespace) -> int:
    from db.privacy.erasure import delete_backups, erase_person, plan_erasure, rewrite_backup

    store = open_store(options)
    person = _one_person(options, store, in_backups=options.backups != "keep")
    if person is None:
        return 1
    english = _english(options)
    plan = plan_erasure(store, person)
    if not plan.networks and not plan.versions:
        return _backups_only(options, person, plan.backups)
    say(
        options,
        f"Wissen van {person.display_name} verandert:",
        f"Erasing {person.display_name} changes:",
    )
    for line in plan.lines("en" if english else "nl"):
        print(f"  - {line}")
    if not options.yes:
        if not sys.stdin.isatty():
            say(
                options,
                "Er werd niets gewist: bevestig met --yes.",
                "Nothing was erased: confirm with --yes.",
            )
            return 2
        answer = input("Definitief wissen? [j/N] " if not english else "Erase for good? [y/N] ")
        if answer.strip().lower() not in {"j", "ja", "y", "yes"}:
            say(options, "Er werd niets gewist.", "Nothing was erased.")
            return 1
    report = erase_person(store, person)
    print(report.summary("en" if english else "nl"))
    if report.backups:
        if options.backups == "delete":
            count = delete_backups(report.backups)
            say(options, f"{count} back-up(s) gewist.", f"{count} backup(s) deleted.")
        elif options.backups == "rewrite":
            for info in report.backups:
                rewrite_backup(info, person, by=report.by)
            say(
                options,
                f"{len(report.backups)} back-up(s) herschreven zonder de persoon.",
                f"{len(report.backups)} backup(s) rewritten without the person.",
            )
        else:
            say(
                options,
                "Deze back-ups van vóór het wissen bevatten de persoon nog:",
                "These backups from before the erasure still hold the person:",
            )
            for info in report.backups:
                print(f"  - {info.path}")
            say(
                options,
                "Wis ze of herschrijf ze: netwerken person-erase … --backups delete|rewrite "
                "(de back-ups worden dan opnieuw doorzocht).",
                "Delete or rewrite them: netwerken person-erase … --backups delete|rewrite "
                "(the backups are then searched again).",
            )
    return 0


def _backups_only(options: argparse.Namespace, person: Person, backups: list[Any]) -> int:
    """The person is no longer in the database (erased before) but older backups hold them."""
    from db.privacy.erasure import delete_backups, rewrite_backup

    if not backups:
        say(
            options,
            f"{person.display_name} staat nergens meer: er is niets te wissen.",
            f"{person.display_name} is nowhere any more: there is nothing to erase.",
        )
        return 0
    if options.backups == "delete":
        count = delete_backups([info for info, _hits in backups])
        say(options, f"{count} back-up(s) gewist.", f"{count} backup(s) deleted.")
    else:
        for info, _hits in backups:
            rewrite_backup(info, person)
        say(
            options,
            f"{len(backups)} back-up(s) herschreven zonder de persoon.",
            f"{len(backups)} backup(s) rewritten without the person.",
        )
    return 0
