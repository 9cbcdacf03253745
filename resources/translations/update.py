"""Refresh the English catalogue from the code, and compile it.

    python -m resources.translations.update          # lupdate, then lrelease
    python -m resources.translations.update --check  # only say what is missing; exit 1 if so

``pyside6-lupdate`` reads every ``self.tr(...)``, ``translate("Context", ...)`` and
``QT_TRANSLATE_NOOP(...)`` in ``desktop/*.py`` (``desktop/cli`` is plain text, not Qt) and merges
them into ``netwerken_en.ts``: translations already made are kept, texts no longer in the code are
dropped, new texts arrive marked unfinished. Translate those (Qt Linguist, or edit the
``<translation>`` elements), then run this again: ``pyside6-lrelease`` writes
``netwerken_en.qm``, the file the program loads. An unfinished text is left out of the .qm, so the
window would show it in Dutch; the test suite fails while any is left.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CATALOGUE = HERE / "netwerken_en.ts"
COMPILED = HERE / "netwerken_en.qm"
SOURCE_LANGUAGE = "nl_BE"
TARGET_LANGUAGE = "en"


def source_files() -> list[Path]:
    """The GUI modules; the command-line verbs in desktop/cli print plain (Dutch/English) text."""
    desktop = ROOT / "desktop"
    return sorted(path for path in desktop.rglob("*.py") if "cli" not in path.relative_to(desktop).parts)


def qt_tool(name: str) -> str:
    """PySide6's own lupdate/lrelease binary, or the ``pyside6-<name>`` wrapper on the PATH."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper is None:
        raise FileNotFoundError(f"{name} not found: is PySide6 installed?")
    return wrapper


def run_lupdate(catalogue: Path = CATALOGUE) -> None:
    """Merge the texts of the code into ``catalogue`` (created if it does not exist)."""
    subprocess.run(
        [
            qt_tool("lupdate"),
            *map(str, source_files()),
            "-ts",
            str(catalogue),
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            TARGET_LANGUAGE,
            "-locations",
            "relative",
            "-no-obsolete",
            "-silent",
        ],
        check=True,
    )


def run_lrelease(catalogue: Path = CATALOGUE, compiled: Path = COMPILED) -> None:
    subprocess.run(
        [qt_tool("lrelease"), "-silent", str(catalogue), "-qm", str(compiled)], check=True
    )


def context_of(catalogue: Path = CATALOGUE) -> dict[tuple[str, str], ET.Element]:
    """Every message of ``catalogue`` by (context, Dutch source text)."""
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(catalogue).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def unfinished(catalogue: Path = CATALOGUE) -> list[tuple[str, str]]:
    """(context, source) of every text without a finished translation."""
    return [
        key
        for key, message in context_of(catalogue).items()
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "obsolete", "vanished")
        or not (translation.text or "").strip()
    ]


def missing_from_catalogue(catalogue: Path = CATALOGUE) -> list[tuple[str, str]]:
    """Texts the code has that ``catalogue`` lacks (lupdate into a scratch copy, compare)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="netwerken-lupdate-") as folder:
        scratch = Path(folder) / "scratch_en.ts"
        run_lupdate(scratch)
        current = set(context_of(scratch))
    return sorted(current - set(context_of(catalogue)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Refresh and compile the English catalogue.")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; report missing or unfinished texts"
    )
    options = parser.parse_args(argv)
    if options.check:
        missing = missing_from_catalogue()
        open_ones = unfinished()
        for context, source in missing:
            print(f"not in the catalogue: [{context}] {source!r}")
        for context, source in open_ones:
            print(f"not translated: [{context}] {source!r}")
        return 1 if missing or open_ones else 0
    run_lupdate()
    run_lrelease()
    left = unfinished()
    print(f"{CATALOGUE.name}: {len(context_of())} texts, {len(left)} still to translate")
    for context, source in left:
        print(f"  [{context}] {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
