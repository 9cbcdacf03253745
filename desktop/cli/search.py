"""``netwerken search`` and ``netwerken reindex``: the window's search, on the command line.

``search`` prints the hits ranked, each with the field the words were found in and the text
around them (matched words between [ and ]); without text it lists what the filters let through,
in name order. ``reindex`` rebuilds the full-text index from the records.
"""

from __future__ import annotations

import argparse
from typing import Any

from pydantic import ValidationError

from desktop.cli.common import open_store, print_json, say, tell

DEFAULT_LIMIT = 20


def register(subparsers: Any) -> None:
    search = subparsers.add_parser(
        "search",
        help="netwerken zoeken op eender welk woord, met filters",
        description="Zoektaal: woorden moeten allemaal voorkomen (ook als begin van een woord), "
        '"..." zoekt een woordgroep, OF/OR geeft alternatieven, -woord sluit uit. '
        "Hoofdletters en accenten tellen niet.",
    )
    search.add_argument("query", metavar="ZOEKTEKST", nargs="?", default="")
    search.add_argument("--province", metavar="PROVINCIE", help="alleen deze provincie")
    search.add_argument("--municipality", metavar="GEMEENTE", help="alleen deze gemeente")
    search.add_argument(
        "--year",
        metavar="JAAR",
        type=int,
        help="alleen netwerken met een afsprakennota in dat jaar",
    )
    search.add_argument("--min-eur", metavar="BEDRAG", help="trekkingsrecht minstens dit bedrag")
    search.add_argument("--max-eur", metavar="BEDRAG", help="trekkingsrecht hoogstens dit bedrag")
    search.add_argument("--partner", metavar="TEKST", help="met een partner die hierop past")
    search.add_argument("--instrument", metavar="NAAM", help="met dit instrument (UiTPAS, ...)")
    search.add_argument(
        "--limit",
        metavar="AANTAL",
        type=int,
        default=DEFAULT_LIMIT,
        help=f"hoogstens zoveel resultaten (standaard {DEFAULT_LIMIT}; 0 = alle)",
    )
    search.add_argument("--json", action="store_true", help="als JSON")
    search.set_defaults(handler=run_search)

    reindex = subparsers.add_parser("reindex", help="de zoekindex opnieuw opbouwen")
    reindex.set_defaults(handler=run_reindex)


def run_search(options: argparse.Namespace) -> int:
    from db.messages import describe
    from db.search import SearchQuery, search

    english = options.lang == "en"
    try:
        query = SearchQuery(
            text=options.query,
            province=options.province,
            municipality=options.municipality,
            year=options.year,
            min_eur=options.min_eur,
            max_eur=options.max_eur,
            partner=options.partner,
            instrument=options.instrument,
            limit=options.limit if options.limit and options.limit > 0 else None,
        )
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            option = "--" + str(detail["loc"][0]).replace("_", "-") if detail["loc"] else ""
            problem = describe({**detail, "loc": ()}, "en" if english else "nl")
            tell(f"netwerken search {option}: {problem.message}", error=True)
        return 2
    store = open_store(options)
    try:
        hits = search(store, query)
    finally:
        store.close()
    if options.json:
        print_json([hit.to_json() for hit in hits])
        return 0
    if not hits:
        say(
            options,
            "Geen netwerken gevonden. Tip: typ minder of kortere woorden, of laat een filter weg.",
            "No networks found. Tip: type fewer or shorter words, or drop a filter.",
        )
        return 0
    for number, hit in enumerate(hits, start=1):
        where = ", ".join(hit.municipalities)
        if hit.province:
            where += f" ({hit.province})"
        tell(f"{number:>3}. {hit.name} – {where}")
        if hit.matched_field is not None:
            tell(f"     {hit.matched_label('en' if english else 'nl')}: {hit.snippet}")
    shown = len(hits)
    if query.limit is not None and shown == query.limit:
        say(
            options,
            f"({shown} getoond; --limit 0 toont alle resultaten)",
            f"({shown} shown; --limit 0 shows every result)",
        )
    return 0


def run_reindex(options: argparse.Namespace) -> int:
    from db.search import rebuild_index

    store = open_store(options)
    try:
        count = rebuild_index(store)
    finally:
        store.close()
    say(
        options,
        f"Zoekindex opnieuw opgebouwd: {count} netwerken.",
        f"Search index rebuilt: {count} networks.",
    )
    return 0
