"""``netwerken pdf``: print network profiles to PDF without a window, for scripts.

    netwerken pdf --all -o alle.pdf             one PDF with a title page and contents
    netwerken pdf Genk "Lokaal netwerk Dilbeek" -o twee.pdf
    netwerken pdf --query "uitpas" -d map/      one PDF per network, named after the municipality

A NAME is a network's name or one of its municipalities, ignoring case and accents. The same
:mod:`desktop.printing.documents` as the window makes the pages; Qt runs offscreen when there is no display.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from desktop.cli.common import add_without_personal_data, matching_ids, open_store, say, tell

if TYPE_CHECKING:
    from db.storage.store import Store


def register(subparsers: Any) -> None:
    pdf = subparsers.add_parser(
        "pdf",
        help="profielen afdrukken als PDF (één bestand met inhoudstafel, of één per netwerk)",
        description="Profielen afdrukken als PDF. Een bestaand bestand met dezelfde naam wordt "
        "overschreven; bij een fout of onderbreking blijft er geen half bestand achter.",
    )
    which = pdf.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="alle netwerken")
    which.add_argument(
        "--query", metavar="ZOEKTEKST", help="de netwerken die deze zoekopdracht vindt"
    )
    which.add_argument(
        "names",
        metavar="NAAM",
        nargs="*",
        default=[],
        help="naam van een netwerk of van een gemeente (hoofdletters en accenten tellen niet)",
    )
    where = pdf.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="BESTAND.pdf", type=Path, help="één PDF-bestand")
    where.add_argument(
        "-d", "--folder", metavar="MAP", type=Path, help="één PDF per netwerk in deze map"
    )
    pdf.add_argument("--notes", action="store_true", help="ook de interne notities afdrukken")
    add_without_personal_data(pdf)
    pdf.set_defaults(handler=run_pdf)


def query_ids(store: Store, text: str) -> list[UUID]:
    from db.search.query import SearchQuery
    from db.search.results import search_ids

    return search_ids(store, SearchQuery(text=text))


def complain(options: argparse.Namespace, dutch: str, english: str) -> None:
    tell(english if getattr(options, "lang", None) == "en" else dutch, error=True)


def ensure_gui_application() -> Any:
    """A QGuiApplication (fonts need one); offscreen when no display is there to connect to."""
    if (
        sys.platform.startswith("linux")
        and "QT_QPA_PLATFORM" not in os.environ
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["netwerken"])


def run_pdf(options: argparse.Namespace) -> int:
    store = open_store(options)
    try:
        if options.all:
            ids = store.list_ids()
            description = ""
        elif options.query is not None:
            ids = query_ids(store, options.query)
            description = f"Zoekopdracht: {options.query}"
        else:
            if not options.names:
                complain(
                    options,
                    "netwerken pdf: geef --all, --query of een of meer namen.",
                    "netwerken pdf: give --all, --query or one or more names.",
                )
                return 2
            ids, missing = matching_ids(store, options.names)
            if missing:
                quoted = ", ".join(f"'{name}'" for name in missing)
                complain(
                    options,
                    f"Geen netwerk gevonden voor {quoted}. Er werd niets geschreven.",
                    f"No network found for {quoted}. Nothing was written.",
                )
                return 1
            description = ""
        if not ids:
            complain(
                options,
                "Geen netwerken gevonden: er werd niets geschreven.",
                "No networks found: nothing was written.",
            )
            return 1

        app = ensure_gui_application()  # noqa: F841 - must live while printing
        from desktop.printing.documents import (
            LazyProfiles,
            PrintOptions,
            write_pdf,
            write_pdf_folder,
        )

        transform = None
        if options.without_personal_data:
            from db.model.personal_data import filtered_profile
            from db.storage.personal_names import personal_data_filter

            personal_filter = personal_data_filter(store)
            transform = functools.partial(filtered_profile, personal_filter)
        profiles = LazyProfiles(store, ids, transform=transform)
        print_options = PrintOptions(include_notes=options.notes, description=description)
        if options.output is not None:
            entries = write_pdf(options.output, profiles, print_options, protected=store.path)
            pages = entries[-1].first_page + entries[-1].pages - 1
            networks = "1 netwerk" if len(ids) == 1 else f"{len(ids)} netwerken"
            say(
                options,
                f"{networks}, {pages} pagina's → {options.output}",
                f"{len(ids)} network(s), {pages} pages → {options.output}",
            )
        else:
            try:
                options.folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                complain(
                    options,
                    f"De map {options.folder} kan niet gemaakt worden: {error.strerror}.",
                    f"The folder {options.folder} cannot be created: {error.strerror}.",
                )
                return 1
            written = write_pdf_folder(
                options.folder, profiles, print_options, protected=store.path
            )
            say(
                options,
                f"{len(written)} PDF-bestand(en) in {options.folder}",
                f"{len(written)} PDF file(s) in {options.folder}",
            )
        return 0
    finally:
        store.close()
