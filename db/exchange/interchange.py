"""The full JSON interchange format: every record, every field, losslessly, in one document.

Written with the pydantic model :class:`db.model.schemas.Interchange` and read back through it, so a
file is checked by exactly the rules every record obeys. A document that passes becomes an
:class:`~db.exchange.merge.ImportCandidate` and goes through the same replace and merge as a database
file; one that does not is refused whole with a message naming what and where.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from db.exchange.database_file import ImportFileError, InvalidRecordError
from db.exchange.merge import ImportCandidate
from db.model.errors import ImportCancelled
from db.model.limits import MAX_NETWORKS, Cancelled, thousands
from db.model.messages import describe, label
from db.model.schemas import INTERCHANGE_FORMAT, INTERCHANGE_VERSION, Interchange, NetworkProfile
from db.storage.atomic import atomic_path
from db.storage.dbfile import DatabaseFileError
from db.storage.paths import NotARegularFileError, regular_file_sentence, require_regular_file

# Bounds on what is read and parsed, so refusing any file stays under ~300 MB of memory
# (measured in tests/robustness). A real database of some hundreds of networks is a few MB
# (a network is ~7 KB and ~120 values in JSON); these allow thousands.
MAX_BYTES = 64 * 1024 * 1024
# Values in the file, counted as the commas, braces and brackets before them: each becomes a
# Python object of 50-200 bytes, while it costs 2-3 bytes in the file.
MAX_TOKENS = 2_500_000
_CHUNK = 1024 * 1024
_SHOWN_PROBLEMS = 8
_UNCHANGED_NL = "Het bestand werd niet ingelezen; je eigen database is ongewijzigd."
_UNCHANGED_EN = "The file was not imported; your own database is unchanged."


class InvalidJsonError(ImportFileError):
    pass


def dump_json(profiles: Iterable[NetworkProfile], target: Path) -> int:
    """Write every record to ``target`` (atomically); returns how many."""
    document = Interchange(networks=list(profiles))
    with atomic_path(Path(target)) as partial:
        partial.write_text(
            document.model_dump_json(indent=2, exclude_none=False) + "\n", encoding="utf-8"
        )
    return len(document.networks)


def load_json(path: Path, *, cancelled: Cancelled | None = None) -> ImportCandidate:
    """Read and validate an interchange document; raises with the reason if it is not one.

    Bounded for any file: at most :data:`MAX_BYTES` and :data:`MAX_TOKENS` values (counted
    while reading, before parsing: a file of tiny objects costs some tens of bytes of memory
    per byte), :data:`MAX_NETWORKS` networks, and validation stops after the problems a
    message shows. ``cancelled()`` is asked between networks; True stops with
    :class:`~db.errors.ImportCancelled`.
    """
    path = Path(path)
    name = path.name
    too_big = InvalidJsonError(
        f"Het bestand {name} is te groot of te fijn opgedeeld voor een uitwisselbestand. "
        f"{_UNCHANGED_NL}",
        f"The file {name} is too large or too finely divided for an interchange file. "
        f"{_UNCHANGED_EN}",
    )
    try:
        if require_regular_file(path).st_size > MAX_BYTES:
            raise too_big
        # Read in chunks, counting the values to come: a file over a limit is refused having
        # held one chunk, not the whole file and its parse.
        data = bytearray()
        tokens = 0
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                tokens += chunk.count(b",") + chunk.count(b"{") + chunk.count(b"[")
                if len(data) + len(chunk) > MAX_BYTES or tokens > MAX_TOKENS:
                    raise too_big
                data += chunk
    except NotARegularFileError:
        raise InvalidJsonError(*regular_file_sentence(path)) from None
    except OSError as error:
        raise DatabaseFileError(
            f"Het bestand {path} kan niet gelezen worden: {error.strerror or error}.",
            f"The file {path} cannot be read: {error.strerror or error}.",
        ) from error
    if not data.strip():
        raise InvalidJsonError(
            f"Het bestand {name} is leeg. {_UNCHANGED_NL}",
            f"The file {name} is empty. {_UNCHANGED_EN}",
        )
    try:
        text = data.decode("utf-8-sig")
        del data  # the text and its parse are enough to hold at once
        raw = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidJsonError(
            f"Het bestand {name} is geen geldig JSON-bestand ({error}). {_UNCHANGED_NL}",
            f"The file {name} is not valid JSON ({error}). {_UNCHANGED_EN}",
        ) from error
    except RecursionError as error:  # lists in lists thousands deep: no export looks like that
        raise InvalidJsonError(
            f"Het bestand {name} is geen uitwisselbestand: het is te diep genest. {_UNCHANGED_NL}",
            f"The file {name} is not an interchange file: it is nested too deeply. {_UNCHANGED_EN}",
        ) from error
    except ValueError as error:  # a number of thousands of digits (Python's own limit)
        raise InvalidJsonError(
            f"Het bestand {name} bevat een getal dat te lang is. {_UNCHANGED_NL}",
            f"The file {name} holds a number that is too long. {_UNCHANGED_EN}",
        ) from error
    del text
    _check_envelope(raw, name)
    assert isinstance(raw, dict)
    networks = raw.get("networks")
    if isinstance(networks, list) and len(networks) > MAX_NETWORKS:
        raise InvalidJsonError(
            f"Het bestand {name} bevat {thousands(len(networks))} netwerken; dit programma "
            f"neemt er hoogstens {thousands(MAX_NETWORKS)} in één keer over. {_UNCHANGED_NL}",
            f"The file {name} holds {len(networks)} networks; this program takes over at most "
            f"{MAX_NETWORKS:,} at a time. {_UNCHANGED_EN}",
        )
    found: list[ErrorDetails] = []
    try:
        # The envelope alone; "networks" as it is when it is not even a list.
        Interchange.model_validate(
            {**raw, "networks": networks if not isinstance(networks, list) else []}
        )
    except ValidationError as error:
        found.extend(error.errors(include_url=False, include_input=False)[:_SHOWN_PROBLEMS])
    profiles: list[NetworkProfile] = []
    if isinstance(networks, list):
        for index, entry in enumerate(networks):
            if len(found) >= _SHOWN_PROBLEMS:
                break  # stop here: more problems would only cost memory, not be shown
            if cancelled is not None and index % 50 == 0 and cancelled():
                raise ImportCancelled()
            try:
                profiles.append(NetworkProfile.model_validate(entry))
            except ValidationError as error:
                for detail in error.errors(include_url=False, include_input=False):
                    if len(found) >= _SHOWN_PROBLEMS:
                        break
                    detail["loc"] = ("networks", index, *detail["loc"])
                    found.append(detail)
    if found:
        raise _invalid(found, networks, name, complete=len(found) < _SHOWN_PROBLEMS)
    _check_unique_ids(profiles, name)
    return ImportCandidate(source=path, kind="json", profiles=tuple(profiles))


def _check_envelope(raw: object, name: str) -> None:
    """Say plainly when the file is someone else's JSON, or ours from a newer version."""
    if not isinstance(raw, dict) or raw.get("format") != INTERCHANGE_FORMAT:
        raise InvalidJsonError(
            f'Het bestand {name} is geen Netwerken-uitwisselbestand (het veld "format" '
            f'is niet "{INTERCHANGE_FORMAT}"). {_UNCHANGED_NL}',
            f'The file {name} is not a Netwerken interchange file (its "format" field is '
            f'not "{INTERCHANGE_FORMAT}"). {_UNCHANGED_EN}',
        )
    version = raw.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > INTERCHANGE_VERSION:
        raise InvalidJsonError(
            f"Het bestand {name} werd gemaakt door een nieuwere versie van Netwerken "
            f"(formaatversie {version}; deze versie kent tot {INTERCHANGE_VERSION}). "
            f"Werk het programma bij. {_UNCHANGED_NL}",
            f"The file {name} was made by a newer version of Netwerken (format version "
            f"{version}; this version knows up to {INTERCHANGE_VERSION}). Update the "
            f"program. {_UNCHANGED_EN}",
        )


def _invalid(
    found: list[ErrorDetails], networks: object, name: str, *, complete: bool
) -> InvalidRecordError:
    """Every problem as "Netwerk 3 ('Lokaal netwerk Genk'), Contactpersonen 1, E-mail: …"."""
    lines_nl: list[str] = []
    lines_en: list[str] = []
    for detail in found:
        nl, en = describe(detail, "nl"), describe(detail, "en")
        location = nl.location
        if len(location) >= 2 and location[0] == "networks" and isinstance(location[1], int):
            # "Netwerken 3, Naam: …" becomes "Netwerk 3 ('Lokaal netwerk Genk'), Naam: …".
            index = location[1]
            shown = _network_name(networks, index)
            lines_nl.append(
                f"Netwerk {index + 1}{shown}" + nl.message[len(label(location[:2], "nl")) :]
            )
            lines_en.append(
                f"Network {index + 1}{shown}" + en.message[len(label(location[:2], "en")) :]
            )
        else:
            lines_nl.append(nl.message)
            lines_en.append(en.message)
    extra_nl = "" if complete else "\n… en mogelijk nog meer fouten"
    extra_en = "" if complete else "\n… and possibly more errors"
    return InvalidRecordError(
        f"Het bestand {name} bevat ongeldige gegevens:\n"
        + "\n".join(lines_nl)
        + f"{extra_nl}\n{_UNCHANGED_NL}",
        f"The file {name} holds invalid data:\n"
        + "\n".join(lines_en)
        + f"{extra_en}\n{_UNCHANGED_EN}",
    )


def _network_name(networks: object, index: int) -> str:
    if isinstance(networks, list) and index < len(networks):
        entry = networks[index]
        if isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip():
            return f" ('{entry['name'].strip()[:80]}')"
    return ""


def _check_unique_ids(profiles: list[NetworkProfile], name: str) -> None:
    twice = [str(network_id) for network_id, n in Counter(p.id for p in profiles).items() if n > 1]
    if twice:
        raise InvalidRecordError(
            f"Het bestand {name} bevat meerdere netwerken met dezelfde id ({', '.join(twice[:3])}). "
            f"{_UNCHANGED_NL}",
            f"The file {name} holds several networks with the same id ({', '.join(twice[:3])}). "
            f"{_UNCHANGED_EN}",
        )
