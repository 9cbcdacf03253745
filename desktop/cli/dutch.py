"""argparse in Dutch: its own words ("usage", "positional arguments", "options", its error
messages) in the language of the rest of the command line.

argparse looks its texts up through the module-level ``_`` and ``ngettext`` of gettext at the
moment it uses them, so for the duration of one command those two are replaced by a lookup in
the table below (English stays as argparse writes it). Texts not in the table stay English.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

DUTCH: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "opdrachten en argumenten",
    "options": "opties",
    "show this help message and exit": "deze hulp tonen en stoppen",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
    "not allowed with argument %s": "niet samen met argument %s",
    "ignored explicit argument %r": "genegeerd argument %r",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unexpected option string: %s": "onverwachte optie: %s",
    "subcommands": "opdrachten",
}
DUTCH_PLURALS: dict[str, tuple[str, str]] = {
    "expected %s argument": ("verwacht %s waarde", "verwacht %s waarden"),
}


def _dutch(text: str) -> str:
    return DUTCH.get(text, text)


def _dutch_plural(singular: str, plural: str, count: int) -> str:
    forms = DUTCH_PLURALS.get(singular)
    if forms is None:
        return singular if count == 1 else plural
    return forms[0] if count == 1 else forms[1]


@contextmanager
def argparse_language(language: str | None) -> Iterator[None]:
    """argparse speaks Dutch inside this block, unless ``language`` is "en"."""
    if language == "en":
        yield
        return
    module: Any = argparse
    saved: tuple[Callable[..., str], Callable[..., str]] = (module._, module.ngettext)
    module._, module.ngettext = _dutch, _dutch_plural
    try:
        yield
    finally:
        module._, module.ngettext = saved


def language_of(args: list[str]) -> str | None:
    """The ``--lang`` given on the command line, before argparse has read it."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
