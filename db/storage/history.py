"""Every network's versions: the memory that lets a merge know what two files had in common.

One table, ``network_versions`` (:class:`db.models.NetworkVersion`), one row per version:

* ``record``: the whole record as JSON (``NetworkProfile.model_dump(mode="json")``), compressed
  with zlib; ``NULL`` for a deletion, which is a version of kind ``delete`` (a tombstone: id,
  when, by whom), so that a deletion travels to colleagues like an edit;
* ``base_version_id``: most versions differ from the one before in a field or two, so a version
  is compressed with the network's last *whole* version as zlib's preset dictionary and names
  it here (a few hundred bytes instead of a few thousand: ten versions of every network keep
  the file under twice its size). A base is always stored whole (one step to decode); a new
  whole version is stored when compressing against the old one no longer saves half;
* ``content_hash``: SHA-256 of the record's content (bookkeeping aside: id, version, timestamps),
  the same on every computer, so two files can find their latest common version; ``''`` for a
  deletion;
* ``recorded_at`` (UTC, ISO 8601), ``author`` (the name set in Voorkeuren, else the
  operating-system user), ``database_id`` (each database file's own id, in ``app_meta``) and
  ``kind`` (what made the change: :class:`VersionKind`);
* ``version_id``: a random id, the same in every file the version travels to, so a merge copies
  a colleague's versions only once;
* ``imported``: 1 for a version that arrived with a colleague's file (their history), 0 for a
  change made in this file. The newest version with ``imported = 0`` is what this file holds
  now (its *head*); the store keeps that true in the same transaction as every change.

Written and read with plain sqlite3 on the caller's transaction (a save must stay well under
30 ms); listing and opening never touch this table. For a later rewrite of stored versions
(e.g. erasing personal data), :func:`iter_versions` and :func:`rewrite_version` are the only
two places that need to know the storage format.
"""

from __future__ import annotations

import enum
import getpass
import hashlib
import json
import sqlite3
import uuid
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from db.model.values import cents_from_euro, euro_from_cents

VERSIONS_TABLE = "network_versions"
APP_META = "app_meta"
DATABASE_ID_KEY = "database_id"
# Bookkeeping, not content: versions that differ only here are the same content.
BOOKKEEPING_KEYS = frozenset({"id", "version", "created_at", "updated_at"})
# A stored record decompresses to at most this (the raw text alone may be 2 million characters,
# up to 8 MB in UTF-8): a crafted file cannot make one version eat the memory.
MAX_RECORD_BYTES = 32 * 1024 * 1024
_COMPRESSION_LEVEL = 6


class VersionKind(enum.StrEnum):
    CREATE = "create"
    SAVE = "save"
    DELETE = "delete"
    RESTORE = "restore"  # a deleted network put back (undo of a delete, 'Verwijderde netwerken')
    REVERT = "revert"  # an older version put back ('Deze versie terugzetten')
    TEXT_IMPORT = "text-import"
    MERGE = "merge"
    REPLACE = "replace"  # the database replaced by an imported file (or a backup)
    INITIAL = "initial"  # the one version a network got when its file was first given a history


KIND_LABELS: dict[VersionKind, tuple[str, str]] = {
    VersionKind.CREATE: ("aangemaakt", "created"),
    VersionKind.SAVE: ("bewaard", "saved"),
    VersionKind.DELETE: ("verwijderd", "deleted"),
    VersionKind.RESTORE: ("teruggezet na verwijderen", "restored after deletion"),
    VersionKind.REVERT: ("oudere versie teruggezet", "older version put back"),
    VersionKind.TEXT_IMPORT: ("ingelezen uit tekst", "imported from text"),
    VersionKind.MERGE: ("samengevoegd", "merged"),
    VersionKind.REPLACE: ("database vervangen", "database replaced"),
    VersionKind.INITIAL: ("eerste versie in de geschiedenis", "first version in the history"),
}


def kind_label(kind: str, language: str = "nl") -> str:
    try:
        dutch, english = KIND_LABELS[VersionKind(kind)]
    except ValueError:
        return kind[:20]
    return english if language == "en" else dutch


def default_author() -> str:
    """The operating-system user name, when no name is set in Voorkeuren."""
    try:
        return getpass.getuser()[:80] or "onbekend"
    except (OSError, KeyError, ImportError):
        return "onbekend"


# --- the record as stored -----------------------------------------------------------------------


def record_data(profile: Any) -> dict[str, Any]:
    """A validated :class:`~db.schemas.NetworkProfile` as the JSON a version keeps.

    The amount is written with exactly two decimals whatever form it came in (``12.5`` and
    ``12.50`` are the same amount and must give the same hash on every computer).
    """
    data: dict[str, Any] = profile.model_dump(mode="json")
    data["drawing_right_eur"] = _canonical_amount(data.get("drawing_right_eur"))
    return data


def _canonical_amount(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    try:
        cents = cents_from_euro(Decimal(str(value)))
    except (ArithmeticError, ValueError, TypeError):
        return value
    amount = euro_from_cents(cents)
    return None if amount is None else f"{amount:.2f}"


def content_hash(data: dict[str, Any]) -> str:
    """SHA-256 of a record's content as canonical JSON (sorted keys, no spaces)."""
    content = {key: value for key, value in data.items() if key not in BOOKKEEPING_KEYS}
    if "drawing_right_eur" in content:
        content["drawing_right_eur"] = _canonical_amount(content["drawing_right_eur"])
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def json_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def compress(data: dict[str, Any], base: bytes | None = None) -> bytes:
    """A record's JSON compressed with zlib; with ``base`` (the JSON of the network's last
    whole version) as zlib's preset dictionary, so that a version differing in a few fields
    takes a few hundred bytes instead of a few thousand."""
    raw = json_bytes(data)
    if base is None:
        return zlib.compress(raw, _COMPRESSION_LEVEL)
    deflater = zlib.compressobj(_COMPRESSION_LEVEL, zdict=base)
    return deflater.compress(raw) + deflater.flush()


class UnreadableVersionError(ValueError):
    """A stored version that cannot be read back (damaged, or too large to be real)."""


def inflate(blob: bytes | None, base: bytes | None = None, limit: int = MAX_RECORD_BYTES) -> bytes:
    """A stored record's JSON bytes, decompressed to at most ``limit`` bytes (bounded on
    purpose); ``base`` is the whole version it was compressed against, if any."""
    if blob is None:
        raise UnreadableVersionError("a deletion holds no record")
    try:
        inflater = zlib.decompressobj(zdict=base) if base is not None else zlib.decompressobj()
        raw = inflater.decompress(bytes(blob), limit)
        if inflater.unconsumed_tail or not inflater.eof:
            raise UnreadableVersionError("record too large or cut off")
    except zlib.error as error:
        raise UnreadableVersionError(str(error)) from error
    return raw


def parse_record(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise UnreadableVersionError(str(error)) from error
    if not isinstance(data, dict):
        raise UnreadableVersionError("not a record")
    return data


def decompress(blob: bytes | None, base: bytes | None = None) -> dict[str, Any]:
    """A stored record's JSON (``base``: see :func:`inflate`)."""
    return parse_record(inflate(blob, base))


class _Bases:
    """The whole versions other versions were compressed against, read once per call (a delta
    names its base by version id; a base is always stored whole, so one step suffices)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.cache: dict[str, bytes | None] = {}

    def get(self, version_id: str) -> bytes | None:
        if version_id not in self.cache:
            row = self.connection.execute(
                f"SELECT record FROM {VERSIONS_TABLE} WHERE version_id = ? "
                "AND base_version_id IS NULL",
                (version_id,),
            ).fetchone()
            try:
                self.cache[version_id] = inflate(row[0]) if row is not None else None
            except UnreadableVersionError:
                self.cache[version_id] = None
        return self.cache[version_id]

    def decode(self, blob: bytes | None, base_version_id: str | None) -> dict[str, Any]:
        if base_version_id is None:
            return decompress(blob)
        base = self.get(base_version_id)
        if base is None:
            raise UnreadableVersionError("the version it was stored against is missing")
        return decompress(blob, base)


# --- the database's own id ---------------------------------------------------------------------


def database_id(connection: sqlite3.Connection) -> str:
    """This file's own id (made on first need, inside the caller's write transaction)."""
    row = connection.execute(
        f"SELECT value FROM {APP_META} WHERE key = ?", (DATABASE_ID_KEY,)
    ).fetchone()
    if row is not None and isinstance(row[0], str) and row[0]:
        return row[0]
    new_id = str(uuid.uuid4())
    connection.execute(
        f"INSERT OR REPLACE INTO {APP_META} (key, value) VALUES (?, ?)", (DATABASE_ID_KEY, new_id)
    )
    return new_id


def give_new_database_id(connection: sqlite3.Connection) -> str:
    """A copy that becomes a file of its own (an export) gets an id of its own."""
    new_id = str(uuid.uuid4())
    connection.execute(
        f"INSERT OR REPLACE INTO {APP_META} (key, value) VALUES (?, ?)", (DATABASE_ID_KEY, new_id)
    )
    return new_id


# --- writing -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Head:
    """What this file holds now for a network, according to its history."""

    seq: int
    content_hash: str  # '' when deleted
    kind: str

    @property
    def deleted(self) -> bool:
        return self.kind == VersionKind.DELETE


def heads(connection: sqlite3.Connection, ids: Sequence[str] | None = None) -> dict[str, Head]:
    """Every network's newest own version (``imported = 0``), or only those of ``ids``."""
    found: dict[str, Head] = {}
    query = (
        f"SELECT v.network_id, v.seq, v.content_hash, v.kind FROM {VERSIONS_TABLE} v "
        f"JOIN (SELECT network_id, max(seq) AS top FROM {VERSIONS_TABLE} WHERE imported = 0 "
        "{where} GROUP BY network_id) t ON v.seq = t.top"
    )
    if ids is None:
        for network_id, seq, digest, kind in connection.execute(query.format(where="")):
            found[network_id] = Head(seq, digest, kind)
        return found
    wanted = list(ids)
    for start in range(0, len(wanted), 500):
        batch = wanted[start : start + 500]
        marks = ",".join("?" * len(batch))
        for network_id, seq, digest, kind in connection.execute(
            query.format(where=f"AND network_id IN ({marks})"), batch
        ):
            found[network_id] = Head(seq, digest, kind)
    return found


@dataclass(frozen=True, slots=True)
class NewVersion:
    """A version to record: ``data`` is the record's JSON (:func:`record_data`), None when
    the network was deleted (then ``name`` is what it was called)."""

    network_id: str
    name: str
    data: dict[str, Any] | None


def record_versions(
    connection: sqlite3.Connection,
    versions: Iterable[NewVersion],
    kind: VersionKind,
    author: str,
    *,
    at: datetime | None = None,
    skip_unchanged: bool = True,
) -> int:
    """Append one version per entry, in the caller's transaction; returns how many were written.

    With ``skip_unchanged`` a version equal to the network's head is not written again (a save
    that changed nothing leaves no trace; a deletion of a deleted network neither).
    """
    pending = list(versions)
    if not pending:
        return 0
    when = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")
    file_id = database_id(connection)
    current = heads(connection, [v.network_id for v in pending]) if skip_unchanged else {}
    keyframes = _keyframes(connection, [v.network_id for v in pending if v.data is not None])
    rows: list[tuple[Any, ...]] = []
    for version in pending:
        base_id: str | None = None
        digest = "" if version.data is None else content_hash(version.data)
        head = current.get(version.network_id)
        if head is not None and head.content_hash == digest:
            continue
        if version.data is None:
            blob, entry_kind = None, VersionKind.DELETE
        else:
            entry_kind = kind
            keyframe = keyframes.get(version.network_id)
            blob = None
            if keyframe is not None:
                delta = compress(version.data, keyframe[1])
                # Against the last whole version while that takes at most half its size; else
                # this version is stored whole and the next ones are compressed against it.
                if len(delta) * 2 <= keyframe[2]:
                    blob, base_id = delta, keyframe[0]
            if blob is None:
                blob = compress(version.data)
        version_id = str(uuid.uuid4())
        if version.data is not None and blob is not None and base_id is None:
            keyframes[version.network_id] = (version_id, json_bytes(version.data), len(blob))
        rows.append(
            (
                version_id,
                version.network_id,
                str(entry_kind),
                digest,
                version.name[:300],
                when,
                author[:80],
                file_id,
                blob,
                base_id,
            )
        )
    connection.executemany(
        f"INSERT INTO {VERSIONS_TABLE} (version_id, network_id, kind, content_hash, name, "
        "recorded_at, author, database_id, imported, record, base_version_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        rows,
    )
    return len(rows)


def _keyframes(
    connection: sqlite3.Connection, ids: Sequence[str]
) -> dict[str, tuple[str, bytes, int]]:
    """Per network, its newest version stored whole: (version id, JSON bytes, stored size)."""
    found: dict[str, tuple[str, bytes | None]] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), 500):
        batch = wanted[start : start + 500]
        marks = ",".join("?" * len(batch))
        for network_id, version_id, blob in connection.execute(
            f"SELECT network_id, version_id, record FROM {VERSIONS_TABLE} "
            "WHERE seq IN (SELECT max(seq) FROM network_versions WHERE network_id IN "
            f"({marks}) AND base_version_id IS NULL AND record IS NOT NULL GROUP BY network_id)",
            batch,
        ):
            found[network_id] = (str(version_id), blob)
    keyframes: dict[str, tuple[str, bytes, int]] = {}
    for network_id, (version_id, blob) in found.items():
        try:
            keyframes[network_id] = (version_id, inflate(blob), len(blob or b""))
        except UnreadableVersionError:
            continue
    return keyframes


# --- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One version as the history lists it (the record itself is read on demand)."""

    seq: int
    version_id: str
    network_id: str
    kind: str
    content_hash: str
    name: str
    recorded_at: datetime | None
    author: str
    database_id: str
    imported: bool

    @property
    def deleted(self) -> bool:
        return self.kind == VersionKind.DELETE


_INFO_COLUMNS = (
    "seq, version_id, network_id, kind, content_hash, name, recorded_at, author, database_id, "
    "imported"
)


def _info(row: Sequence[Any]) -> VersionInfo:
    seq, version_id, network_id, kind, digest, name, recorded, author, file_id, imported = row
    return VersionInfo(
        int(seq),
        str(version_id),
        str(network_id),
        str(kind),
        str(digest),
        str(name),
        parse_moment(recorded),
        str(author),
        str(file_id),
        bool(imported),
    )


def parse_moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value[:40])
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def versions_of(connection: sqlite3.Connection, network_id: str) -> list[VersionInfo]:
    """A network's versions, oldest first (in the order they came into this file)."""
    return [
        _info(row)
        for row in connection.execute(
            f"SELECT {_INFO_COLUMNS} FROM {VERSIONS_TABLE} WHERE network_id = ? ORDER BY seq",
            (network_id,),
        )
    ]


def stored_record(connection: sqlite3.Connection, seq: int) -> dict[str, Any] | None:
    """The JSON of version ``seq`` (None for a deletion or an unknown version)."""
    row = connection.execute(
        f"SELECT record, base_version_id FROM {VERSIONS_TABLE} WHERE seq = ?", (seq,)
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return _Bases(connection).decode(row[0], row[1])


def records_of(
    connection: sqlite3.Connection, seqs: Sequence[int]
) -> dict[int, dict[str, Any] | None]:
    """Several versions' JSON at once (None for deletions and unreadable versions)."""
    found: dict[int, dict[str, Any] | None] = {}
    bases = _Bases(connection)
    wanted = list(seqs)
    for start in range(0, len(wanted), 500):
        batch = wanted[start : start + 500]
        marks = ",".join("?" * len(batch))
        for seq, blob, base_id in connection.execute(
            f"SELECT seq, record, base_version_id FROM {VERSIONS_TABLE} WHERE seq IN ({marks})",
            batch,
        ):
            try:
                found[int(seq)] = bases.decode(blob, base_id) if blob is not None else None
            except UnreadableVersionError:
                found[int(seq)] = None
    return found


def record_with_hash(
    connection: sqlite3.Connection, network_id: str, digest: str
) -> dict[str, Any] | None:
    """A version of ``network_id`` whose content has ``digest`` (checked: a version that came
    from another file is only trusted when its content really has the hash it claims)."""
    bases = _Bases(connection)
    for blob, base_id in connection.execute(
        f"SELECT record, base_version_id FROM {VERSIONS_TABLE} WHERE network_id = ? "
        "AND content_hash = ? AND record IS NOT NULL ORDER BY imported, seq DESC",
        (network_id, digest),
    ):
        try:
            data = bases.decode(blob, base_id)
        except UnreadableVersionError:
            continue
        if content_hash(data) == digest:
            return data
    return None


def known_hashes(
    connection: sqlite3.Connection, ids: Sequence[str] | None = None
) -> dict[str, set[str]]:
    """Per network, the content hashes of every version this file has (own and imported)."""
    found: dict[str, set[str]] = {}
    query = f"SELECT network_id, content_hash FROM {VERSIONS_TABLE} WHERE content_hash != ''"
    if ids is None:
        for network_id, digest in connection.execute(query):
            found.setdefault(network_id, set()).add(digest)
        return found
    wanted = list(ids)
    for start in range(0, len(wanted), 500):
        batch = wanted[start : start + 500]
        marks = ",".join("?" * len(batch))
        for network_id, digest in connection.execute(f"{query} AND network_id IN ({marks})", batch):
            found.setdefault(network_id, set()).add(digest)
    return found


@dataclass(frozen=True, slots=True)
class DeletedNetwork:
    network_id: str
    name: str
    deleted_at: datetime | None
    author: str
    seq: int  # of the tombstone


def deleted_networks(connection: sqlite3.Connection) -> list[DeletedNetwork]:
    """Networks whose newest own version is a deletion and that are not in the file, newest
    deletion first."""
    rows = connection.execute(
        f"SELECT v.network_id, v.name, v.recorded_at, v.author, v.seq FROM {VERSIONS_TABLE} v "
        f"JOIN (SELECT network_id, max(seq) AS top FROM {VERSIONS_TABLE} WHERE imported = 0 "
        "GROUP BY network_id) t ON v.seq = t.top "
        "WHERE v.kind = 'delete' AND v.network_id NOT IN (SELECT id FROM networks) "
        "ORDER BY v.seq DESC"
    )
    return [
        DeletedNetwork(str(network_id), str(name), parse_moment(when), str(author), int(seq))
        for network_id, name, when, author, seq in rows
    ]


def last_record_before(
    connection: sqlite3.Connection, network_id: str, seq: int
) -> tuple[int, dict[str, Any]] | None:
    """The newest readable record of ``network_id`` stored before ``seq`` (what a deletion
    removed)."""
    bases = _Bases(connection)
    for found_seq, blob, base_id in connection.execute(
        f"SELECT seq, record, base_version_id FROM {VERSIONS_TABLE} WHERE network_id = ? "
        "AND seq < ? AND record IS NOT NULL ORDER BY seq DESC",
        (network_id, seq),
    ):
        try:
            return int(found_seq), bases.decode(blob, base_id)
        except UnreadableVersionError:
            continue
    return None


# --- what changed between two versions ---------------------------------------------------------


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> tuple[str, ...]:
    """The top-level content fields that differ (every field present when one side is None)."""
    if before is None and after is None:
        return ()
    keys = list((after or before or {}).keys())
    if before is None or after is None:
        return tuple(key for key in keys if key not in BOOKKEEPING_KEYS)
    return tuple(
        key for key in keys if key not in BOOKKEEPING_KEYS and before.get(key) != after.get(key)
    )


# --- the storage format, for a later rewrite ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredVersion:
    info: VersionInfo
    data: dict[str, Any] | None  # None for a deletion or an unreadable version


def iter_versions(
    connection: sqlite3.Connection, network_id: str | None = None, batch: int = 200
) -> Iterator[StoredVersion]:
    """Every stored version (of one network, or all), decompressed, a batch at a time."""
    last = 0
    while True:
        where = "seq > ?" + (" AND network_id = ?" if network_id else "")
        parameters: tuple[Any, ...] = (last, network_id) if network_id else (last,)
        rows = connection.execute(
            f"SELECT {_INFO_COLUMNS}, record, base_version_id FROM {VERSIONS_TABLE} WHERE {where} "
            f"ORDER BY seq LIMIT {int(batch)}",
            parameters,
        ).fetchall()
        if not rows:
            return
        bases = _Bases(connection)
        for row in rows:
            info = _info(row[:-2])
            try:
                data = bases.decode(row[-2], row[-1]) if row[-2] is not None else None
            except UnreadableVersionError:
                data = None
            yield StoredVersion(info, data)
            last = info.seq


def rewrite_version(connection: sqlite3.Connection, seq: int, data: dict[str, Any] | None) -> None:
    """Replace the record stored in version ``seq`` (its hash follows the new content; the
    caller decides what that means for later merges). In the caller's transaction.

    The version is stored whole afterwards; versions that were compressed against it are first
    decoded and stored whole too, so none of them depends on content that is gone."""
    row = connection.execute(
        f"SELECT version_id FROM {VERSIONS_TABLE} WHERE seq = ?", (seq,)
    ).fetchone()
    if row is None:
        return
    bases = _Bases(connection)
    dependents = connection.execute(
        f"SELECT seq, record FROM {VERSIONS_TABLE} WHERE base_version_id = ?", (row[0],)
    ).fetchall()
    for dependent_seq, blob in dependents:
        try:
            whole: bytes | None = compress(bases.decode(blob, row[0]))
        except UnreadableVersionError:
            whole = None
        connection.execute(
            f"UPDATE {VERSIONS_TABLE} SET record = ?, base_version_id = NULL WHERE seq = ?",
            (whole, dependent_seq),
        )
    if data is None:
        connection.execute(
            f"UPDATE {VERSIONS_TABLE} SET record = NULL, base_version_id = NULL WHERE seq = ?",
            (seq,),
        )
        return
    connection.execute(
        f"UPDATE {VERSIONS_TABLE} SET record = ?, content_hash = ?, base_version_id = NULL "
        "WHERE seq = ?",
        (compress(data), content_hash(data), seq),
    )


# --- versions from another file ----------------------------------------------------------------

# A row as read from another file: version_id, network_id, kind, content_hash, name,
# recorded_at, author, database_id, record, base_version_id.
ForeignRow = tuple[Any, ...]
_KINDS = frozenset(str(kind) for kind in VersionKind)


def _sound_foreign_row(row: ForeignRow) -> ForeignRow | None:
    """The row's fields checked and cut to size (the record itself is checked apart)."""
    if len(row) != 10:
        return None
    version_id, network_id, kind, digest, name, recorded_at, author, file_id, blob, base = row
    texts = (version_id, network_id, kind, digest, name, recorded_at, author, file_id)
    if not all(isinstance(value, str) for value in texts):
        return None
    if kind not in _KINDS or len(version_id) > 36 or len(network_id) > 36 or len(file_id) > 36:
        return None
    if base is not None and (not isinstance(base, str) or len(base) > 36):
        return None
    try:
        uuid.UUID(network_id)
    except ValueError:
        return None
    if kind == VersionKind.DELETE:
        if digest != "" or blob is not None or base is not None:
            return None
    elif not isinstance(blob, bytes):
        return None
    return (
        version_id,
        network_id,
        kind,
        digest,
        name[:300],
        recorded_at[:40],
        author[:80],
        file_id,
        blob,
        base,
    )


def insert_foreign_versions(connection: sqlite3.Connection, rows: Iterable[ForeignRow]) -> int:
    """Add versions from another file as imported ones (a version id already here is skipped);
    returns how many were added.

    Each is checked before it enters this file's history, and left out when it is not a sound
    version (a crafted or damaged row is never trusted): its record must decompress within
    bounds, against the whole version it names as its base if any, and really have the content
    hash it claims. Whole versions go in first, so the others can be checked against them.
    """
    sound = [found for found in map(_sound_foreign_row, rows) if found is not None]
    before = connection.total_changes
    bases = _Bases(connection)
    for stage in (
        [row for row in sound if row[9] is None],
        [row for row in sound if row[9] is not None],
    ):
        checked = [row for row in stage if _record_matches(bases, row)]
        connection.executemany(
            f"INSERT OR IGNORE INTO {VERSIONS_TABLE} (version_id, network_id, kind, content_hash, "
            "name, recorded_at, author, database_id, imported, record, base_version_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            checked,
        )
    return connection.total_changes - before


def _record_matches(bases: _Bases, row: ForeignRow) -> bool:
    _version_id, network_id, kind, digest, *_rest, blob, base = row
    if kind == VersionKind.DELETE:
        return True
    try:
        data = bases.decode(blob, base)
    except UnreadableVersionError:
        return False
    return content_hash(data) == digest and str(data.get("id")) == network_id
