"""``netwerken search`` and ``netwerken reindex``: the window's search, on the command line.

``search`` prints the hits ranked, each with the field the words were found in and the text
around them (matched words between [ and ]); without text it lists what the filters let through,
in name order. ``reindex`` rebuilds the full-text index from the records.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from desktop.cli.common import open_store, print_json, say, tell

if TYPE_CHECKING:
    from db.search.query import SearchQuery

DEFAULT_LIMIT = 20


def register(subparsers: Any) -> None:
    search = subparsers.add_parser(
        "search",
        help="netwerken zoeken op eender welk woord, met filters",
        description="Zoektaal: woorden moeten allemaal voorkomen (ook als begin van een woord), "
        '"..." zoekt een woordgroep, OF/OR geeft alternatieven, -woord sluit uit. '
        "Hoofdletters en accenten tellen niet.",
    )
    add_query_arguments(search)
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


def add_query_arguments(parser: argparse.ArgumentParser) -> None:
    """The search text and the filters, for every verb that works on a search result."""
    parser.add_argument("query", metavar="ZOEKTEKST", nargs="?", default="")
    parser.add_argument("--province", metavar="PROVINCIE", help="alleen deze provincie")
    parser.add_argument("--municipality", metavar="GEMEENTE", help="alleen deze gemeente")
    parser.add_argument(
        "--year",
        metavar="JAAR",
        type=int,
        help="alleen netwerken met een afsprakennota in dat jaar",
    )
    parser.add_argument("--min-eur", metavar="BEDRAG", help="trekkingsrecht minstens dit bedrag")
    parser.add_argument("--max-eur", metavar="BEDRAG", help="trekkingsrecht hoogstens dit bedrag")
    parser.add_argument("--partner", metavar="TEKST", help="met een partner die hierop past")
    parser.add_argument("--instrument", metavar="NAAM", help="met dit instrument (UiTPAS, ...)")
    parser.add_argument(
        "--te-controleren",
        dest="to_check",
        action="store_true",
        help="alleen netwerken met importwaarschuwingen die nog niet gecontroleerd zijn",
    )


def query_from(
    options: argparse.Namespace, verb: str, limit: int | None = None
) -> SearchQuery | None:
    """The :class:`SearchQuery` the options ask for, or None after saying on stderr which
    option is wrong (exit status 2, as argparse does)."""
    from db.model.messages import describe
    from db.search.query import SearchQuery

    try:
        return SearchQuery(
            text=options.query,
            province=options.province,
            municipality=options.municipality,
            year=options.year,
            min_eur=options.min_eur,
            max_eur=options.max_eur,
            partner=options.partner,
            instrument=options.instrument,
            to_check=options.to_check,
            limit=limit,
        )
    except ValidationError as error:
        english = options.lang == "en"
        for detail in error.errors(include_url=False):
            option = "--" + str(detail["loc"][0]).replace("_", "-") if detail["loc"] else ""
            problem = describe({**detail, "loc": ()}, "en" if english else "nl")
            tell(f"netwerken {verb} {option}: {problem.message}", error=True)
        return None


def run_search(options: argparse.Namespace) -> int:
    from db.search.results import search

    english = options.lang == "en"
    query = query_from(
        options, "search", options.limit if options.limit and options.limit > 0 else None
    )
    if query is None:
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
    from db.search.maintenance import rebuild_index

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
