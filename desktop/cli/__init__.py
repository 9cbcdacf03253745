"""The command line: one module per group of verbs, each registering its sub-commands.

The verbs call the same ``db`` services as the window; none of them imports Qt except ``pdf`` (and ``overview --pdf``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from db.model.errors import StoreError
from db.storage.dbfile import DatabaseFileError
from desktop.cli.dutch import argparse_language, language_of

# Modules that add verbs: each has ``register(subparsers)``; one line here per module. Imported
# by name, so the bundle's spec (packaging/netwerken.spec) reads this list to bundle them.
VERB_MODULES = [
    "desktop.cli.core",
    "desktop.cli.exchange",
    "desktop.cli.history",
    "desktop.cli.overview",
    "desktop.cli.pdf",
    "desktop.cli.persons",
    "desktop.cli.profiles",
    "desktop.cli.search",
]

GUI_OPTIONS = {"--db", "--lang"}  # options of the window that take a value
GUI_FLAGS = {"--smoke-test", "--verbose"}  # --smoke-test is hidden: see desktop.smoke_test


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netwerken",
        description="Netwerken: fiches van lokale netwerken vrijetijdsparticipatie beheren. "
        "Zonder opdracht opent het venster.",
    )
    parser.add_argument(
        "--db", metavar="PAD", help="databasebestand (standaard: NETWERKEN_DB of de gebruikersmap)"
    )
    parser.add_argument("--lang", choices=["nl", "en"], default=None, help="taal van de meldingen")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="uitgebreid verslag op het scherm (standaardfout), naast het logbestand",
    )
    subparsers = parser.add_subparsers(dest="verb", metavar="OPDRACHT")
    for name in VERB_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def is_command_line(args: list[str]) -> bool:
    """True when the arguments name a verb (or ask for help), False for the window."""
    rest = list(args)
    while rest:
        head = rest.pop(0)
        if head in GUI_OPTIONS:
            if rest:
                rest.pop(0)
            continue
        if head.startswith(("--db=", "--lang=")) or head in GUI_FLAGS:
            continue
        return True
    return False


def run_command(args: list[str]) -> int:
    with argparse_language(language_of(args)):
        parser = build_parser()
        options = parser.parse_args(args)
        if options.verb is None:
            parser.print_help()
            return 2
    try:
        return int(options.handler(options) or 0)
    except (StoreError, DatabaseFileError) as error:
        from desktop.cli.common import tell

        logging.getLogger("netwerken.cli").warning("%s: %s", options.verb, error)
        english = options.lang == "en"
        tell(f"netwerken: {error.english if english else error}", error=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``netwerken parse x | head``): not an error worth a traceback.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit, as stdout did
        return 0
