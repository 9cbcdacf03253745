"""The record list's queries: every network's id in list order, and the rows of a page.

This is the only implementation of listing: :class:`db.storage.store.Store` delegates ``list_ids`` and
``summaries`` here, and the window uses :class:`Listing` to show its list at start-up without
loading SQLAlchemy or pydantic (the standard library's sqlite3 is all it needs). The list keeps
only ids; row data (:class:`NetworkSummary`) is fetched per page, so ten thousand networks cost
one query on a few columns to order and a few small queries per page shown.

Sorting happens in Python on one column: SQLite's NOCASE knows no accents, and a folded key sorts
"Évere" beside "Evere" as people expect. Ties, and empty values (always last: an officer looks
for the filled ones), go by name.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol
from uuid import UUID

from db.model.formats import format_period
from db.model.reference import fold
from db.model.values import (
    NetworkSummary,
    Period,
    SortKey,
    current_period,
    euro_from_cents,
    timestamp_from_text,
)
from db.storage.connection import connect, read_only_location, store_error

# Ids per query: far below SQLite's limit on bound parameters, large enough to be few queries.
_CHUNK = 500
# Memos of folded names and parsed ids, so re-sorting ten thousand networks costs dictionary
# look-ups instead of Unicode normalisation and UUID parsing. Bounded: a long session with many
# renames or files never grows them without end.
_MEMO_LIMIT = 200_000
_folded: dict[str, str] = {}
_uuids: dict[str, UUID] = {}
_keys: dict[int, str] = {}  # UUID.int -> its text


# --- the queries, on any sqlite3 connection inside a read transaction -----------------------------

# The sort value read from the network's own row ...
_OWN_COLUMN: dict[SortKey, str] = {
    SortKey.NAME: "name",
    SortKey.PROVINCE: "province",
    SortKey.DRAWING_RIGHT: "drawing_right_eur",
    SortKey.UPDATED: "updated_at",
}
# ... or from its child rows: the lead municipality (the first by position), the start of the
# newest afsprakennota begun by the year asked about.
_FROM_CHILDREN: dict[SortKey, str] = {
    SortKey.MUNICIPALITY: "SELECT network_id, name, position FROM network_municipalities",
    SortKey.PERIOD: (
        "SELECT network_id, start_year, -start_year FROM agreement_periods "
        "WHERE start_year <= :year"
    ),
}


def _child_values(
    connection: sqlite3.Connection,
    sort: SortKey,
    parameters: dict[str, Any],
    where: str = "",
) -> dict[str, Any]:
    """Each network's value from its child rows (the row with the lowest third column). One
    scan of the child table, picked in Python: for all networks at once that is half the cost
    of SQLite's GROUP BY, which reads the table in index order, one row at a time."""
    query = _FROM_CHILDREN[sort]
    if where:
        query += (" AND " if "WHERE" in query else " WHERE ") + f"network_id IN {where}"
    best: dict[str, tuple[Any, Any]] = {}
    for network_id, value, rank in connection.execute(query, parameters):
        known = best.get(network_id)
        if known is None or rank < known[1]:
            best[network_id] = (value, rank)
    return {network_id: value for network_id, (value, _rank) in best.items()}


_TEXTUAL = (SortKey.NAME, SortKey.MUNICIPALITY, SortKey.PROVINCE)

# (id, name, sort value) with None or "" for an empty value; (..., rowid) when asked for.
SortRow = tuple[Any, ...]


def folded(text: str) -> str:
    """:func:`db.model.reference.fold`, remembered."""
    key = _folded.get(text)
    if key is None:
        if len(_folded) > _MEMO_LIMIT:
            _folded.clear()
        key = _folded[text] = fold(text)
    return key


def uuid_of(text: str) -> UUID:
    """``UUID(text)``, remembered."""
    value = _uuids.get(text)
    if value is None:
        if len(_uuids) > _MEMO_LIMIT:
            _uuids.clear()
            _keys.clear()
        value = _uuids[text] = UUID(text)
        _keys[value.int] = text
    return value


def key_of(network_id: UUID) -> str:
    """``str(network_id)``, remembered: a search result of ten thousand ids is turned into
    the list's text ids by look-ups (UUID.__str__ runs Python code)."""
    key = _keys.get(network_id.int)
    if key is None:
        if len(_keys) > _MEMO_LIMIT:
            _keys.clear()
        key = _keys[network_id.int] = str(network_id)
    return key


def sort_rows(
    connection: sqlite3.Connection,
    sort: SortKey,
    *,
    year: int,
    only: Sequence[str] | None = None,
    positions: bool = False,
) -> list[SortRow]:
    """(id, name, sort value) of every network (or of the ids in ``only``), in storage order;
    with ``positions``, each with its rowid (its storage position) too."""
    where = ""
    parameters: dict[str, Any] = {"year": year}
    if only is not None:
        parameters.update({f"id{n}": network_id for n, network_id in enumerate(only)})
        where = "({})".format(",".join(f":id{n}" for n in range(len(only))))
    rowid = ", rowid" if positions else ""
    filtered = f"WHERE id IN {where}" if where else ""
    own = _OWN_COLUMN.get(sort)
    if own is not None:
        return connection.execute(
            f"SELECT id, name, {own}{rowid} FROM networks {filtered} ORDER BY rowid", parameters
        ).fetchall()
    names = connection.execute(
        f"SELECT id, name{rowid} FROM networks {filtered} ORDER BY rowid", parameters
    ).fetchall()
    values = _child_values(connection, sort, parameters, where)
    return [(row[0], row[1], values.get(row[0]), *row[2:]) for row in names]


class _Reversed:
    """A value that sorts the other way round (for one part of a key tuple)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and self.value == other.value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.value < self.value)

    __hash__ = None  # type: ignore[assignment]


def order_key(
    sort: SortKey, descending: bool, name: str, value: Any, position: int
) -> tuple[int, Any, str, int]:
    """Where one network goes in :func:`ordered_ids`' order, as a key: filled values first (by
    value, then name, then storage position), empty ones after (by name, then position)."""
    if value in (None, ""):
        return (1, 0, folded(name), position)
    if sort in _TEXTUAL:
        key: Any = folded(value)
    elif sort is SortKey.UPDATED:
        key = datetime.fromisoformat(value)
    else:
        key = value
    return (0, _Reversed(key) if descending else key, folded(name), position)


def sort_values(
    connection: sqlite3.Connection, sort: SortKey, *, year: int, position: dict[str, int]
) -> dict[str, Any] | None:
    """The sort value of every network that has one, by id, for networks whose storage
    positions (rowids) are known; None if the file holds a network not among them. For the
    name, nothing is read: an empty dict (the caller knows the names)."""
    if sort is SortKey.NAME:
        return {}
    own = _OWN_COLUMN.get(sort)
    if own is None:
        return _child_values(connection, sort, {"year": year})
    # rowid and an indexed column: SQLite answers from the index, not the table.
    id_at = {rowid: network_id for network_id, rowid in position.items()}
    values: dict[str, Any] = {}
    for rowid, value in connection.execute(f"SELECT rowid, {own} FROM networks"):
        network_id = id_at.get(rowid)
        if network_id is None:
            return None
        values[network_id] = value
    return values


def ordered_ids(rows: Iterable[SortRow], sort: SortKey, descending: bool) -> list[UUID]:
    """The ids of ``rows`` (in storage order) in list order."""
    return [uuid_of(key) for key in ordered_keys(rows, sort, descending)]


def ordered_keys(rows: Iterable[SortRow], sort: SortKey, descending: bool) -> list[str]:
    """:func:`ordered_ids` as the file writes the ids (text): making ten thousand UUID objects
    costs more than the sort, and a list model needs one only for a row it is asked about."""
    rows = list(rows)
    # Sorted positions with keys computed once each (this runs at start-up on every network).
    name_keys = list(map(folded, [r[1] for r in rows]))
    by_name = sorted(range(len(rows)), key=name_keys.__getitem__)
    if sort is SortKey.NAME:
        if descending:  # stable: equal names keep storage order
            by_name.sort(key=name_keys.__getitem__, reverse=True)
        return [rows[i][0] for i in by_name]
    filled = [i for i in by_name if rows[i][2] not in (None, "")]
    empty = [i for i in by_name if rows[i][2] in (None, "")]
    values: list[Any] = [None] * len(rows)
    for i in filled:
        value = rows[i][2]
        if sort in _TEXTUAL:
            values[i] = folded(value)
        elif sort is SortKey.UPDATED:
            values[i] = datetime.fromisoformat(value)
        else:
            values[i] = value
    filled.sort(key=values.__getitem__, reverse=descending)  # stable: ties stay by name
    return [rows[i][0] for i in filled + empty]


# A network whose import warnings are still to be checked: the condition of the partial index
# ``ix_networks_to_check``, which a query repeats word for word so that SQLite uses the index
# instead of reading each row (the source text stored in it is large).
TO_CHECK = "source_warnings != '' AND source_warnings_checked = 0"


def to_check_of(alias: str) -> str:
    """:data:`TO_CHECK` for ``networks AS alias``."""
    return f"{alias}.source_warnings != '' AND {alias}.source_warnings_checked = 0"


def ids_to_check(connection: sqlite3.Connection) -> list[UUID]:
    """The networks whose import warnings the officer has not marked checked yet."""
    return [
        uuid_of(row[0])
        for row in connection.execute(f"SELECT id FROM networks WHERE {TO_CHECK} ORDER BY id")
    ]


def list_ids(
    connection: sqlite3.Connection,
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
    *,
    year: int | None = None,
) -> list[UUID]:
    """Every network's id in list order (see the module's docstring for the order)."""
    sort = SortKey(sort)
    return ordered_ids(
        sort_rows(connection, sort, year=year or date.today().year), sort, descending
    )


def summaries(
    connection: sqlite3.Connection, ids: Iterable[UUID | str], *, year: int | None = None
) -> list[NetworkSummary]:
    """The list's row data for ``ids``, in that order (ids not stored are left out): four
    small queries per :data:`_CHUNK` ids."""
    wanted = [str(i) for i in ids]
    if not wanted:
        return []
    year = year or date.today().year
    rows: dict[str, tuple[Any, ...]] = {}
    municipalities: dict[str, list[str]] = {}
    periods: dict[str, list[Period]] = {}
    to_check: set[str] = set()
    unique = list(dict.fromkeys(wanted))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in connection.execute(
            "SELECT id, name, province, drawing_right_eur, updated_at, version "
            f"FROM networks WHERE id IN ({marks})",
            chunk,
        ):
            rows[row[0]] = row
        for network_id, name in connection.execute(
            f"SELECT network_id, name FROM network_municipalities WHERE network_id IN ({marks}) "
            "ORDER BY network_id, position",
            chunk,
        ):
            municipalities.setdefault(network_id, []).append(name)
        for network_id, ordinal, start_year, end_year in connection.execute(
            "SELECT network_id, ordinal, start_year, end_year FROM agreement_periods "
            f"WHERE network_id IN ({marks}) ORDER BY network_id, ordinal",
            chunk,
        ):
            periods.setdefault(network_id, []).append(Period(ordinal, start_year, end_year))
        to_check.update(
            row[0]
            for row in connection.execute(
                f"SELECT id FROM networks WHERE id IN ({marks}) AND {TO_CHECK}", chunk
            )
        )
    result = []
    for network_id in wanted:
        row = rows.get(network_id)
        if row is None:
            continue
        _id, name, province, cents, updated_at, version = row
        period = current_period(periods.get(network_id, []), year)
        result.append(
            NetworkSummary(
                id=uuid_of(network_id),
                name=name,
                municipalities=", ".join(municipalities.get(network_id, [])),
                province=province,
                drawing_right_eur=euro_from_cents(cents),
                current_period=format_period(*period) if period else "",
                updated_at=timestamp_from_text(updated_at),
                version=version,
                to_check=network_id in to_check,
            )
        )
    return result


def change_stamp(connection: sqlite3.Connection) -> tuple[int, str | None]:
    """A cheap sign that the list may have changed (both parts come from indexes): every save
    sets ``updated_at`` to now, every creation or deletion changes the count."""
    count, newest = connection.execute(
        "SELECT (SELECT count(*) FROM networks), (SELECT max(updated_at) FROM networks)"
    ).fetchone()
    return int(count), newest


# --- the list of one database file, without the store ------------------------------------------


class Listing:
    """The list's queries on one database file, each on a short connection of its own.

    It remembers the sort values it read and the orders it made, and uses them again while the
    file shows no sign of change (:func:`change_stamp`): clearing a search or sorting back
    costs one small query. After a change this program made, :meth:`follow` re-reads only the
    changed networks; :meth:`forget` drops everything (many records changed at once).
    """

    def __init__(self, path: Path, *, read_only: bool | None = None) -> None:
        self.path = path
        self.read_only = read_only_location(path) if read_only is None else read_only
        self._stamp: tuple[int, str | None] | None = None
        # (sort, year) -> {id: (name, sort value)} in storage order; (sort, descending, year)
        # -> the ids in list order. Both are valid for self._stamp only.
        self._rows: dict[tuple[SortKey, int], dict[str, tuple[str, Any]]] = {}
        self._orders: dict[tuple[SortKey, bool, int], list[str]] = {}
        self._position: dict[str, int] = {}  # storage order, the last tie-break

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """One read transaction on a fresh connection; SQLite's failures become sentences."""
        try:
            connection = connect(self.path, read_only=self.read_only)
        except sqlite3.Error as error:
            raise store_error(error, self.path) from error
        try:
            connection.execute("BEGIN")
            yield connection
        except sqlite3.Error as error:
            raise store_error(error, self.path) from error
        finally:
            connection.close()  # ends the read transaction; nothing was written

    def count(self) -> int:
        """How many networks; also proves the file readable (a cut-off file fails here)."""
        with self.reading() as connection:
            return int(connection.execute("SELECT count(*) FROM networks").fetchone()[0])

    def list_ids(
        self, sort: SortKey = SortKey.NAME, descending: bool = False, *, year: int | None = None
    ) -> list[UUID]:
        return [uuid_of(key) for key in self.list_keys(sort, descending, year=year)]

    def list_keys(
        self, sort: SortKey = SortKey.NAME, descending: bool = False, *, year: int | None = None
    ) -> list[str]:
        """:meth:`list_ids` as text (see :func:`ordered_keys`)."""
        sort = SortKey(sort)
        year = year or date.today().year
        key = (sort, descending, year)
        with self.reading() as connection:
            stamp = change_stamp(connection)
            if stamp != self._stamp:
                self.forget()
                self._stamp = stamp
            known = self._orders.get(key)
            if known is not None:
                return list(known)
            rows = self._rows.get((sort, year))
            if rows is None:
                rows = self._read_rows(connection, sort, year)
                self._rows[(sort, year)] = rows
        ordered = ordered_keys(
            ((network_id, *values) for network_id, values in rows.items()), sort, descending
        )
        self._orders[key] = ordered
        return list(ordered)

    def _read_rows(
        self, connection: sqlite3.Connection, sort: SortKey, year: int
    ) -> dict[str, tuple[str, Any]]:
        """Names and sort values of every network. With the names known already (another sort
        key read under the same sign of change), only the values are read, from an index or
        the small child tables: not the large table of networks again."""
        known = next(iter(self._rows.values()), None)
        if known is not None:
            values = sort_values(connection, sort, year=year, position=self._position)
            if values is not None:
                if sort is SortKey.NAME:
                    return {i: (name, name) for i, (name, _value) in known.items()}
                return {i: (name, values.get(i)) for i, (name, _value) in known.items()}
        read = sort_rows(connection, sort, year=year, positions=True)
        self._position = {r[0]: r[3] for r in read}
        return {r[0]: (r[1], r[2]) for r in read}

    def summaries(
        self, ids: Iterable[UUID | str], *, year: int | None = None
    ) -> list[NetworkSummary]:
        wanted = list(ids)
        if not wanted:
            return []
        with self.reading() as connection:
            return summaries(connection, wanted, year=year)

    def follow(self, ids: Iterable[UUID | str]) -> None:
        """After this program created, saved or deleted ``ids``: re-read their sort values only.

        What was remembered stays in use only if the file's sign of change is the one these
        changes explain (as many networks as known, none saved later than these); otherwise
        another program wrote too, and everything is read afresh. (An edit by another program
        saved before this one goes unseen until a refresh, as its row's text would anyway.)
        """
        changed = list(dict.fromkeys(str(i) for i in ids))
        if self._stamp is None or not self._rows or not 0 < len(changed) <= _CHUNK:
            self.forget()
            return
        with self.reading() as connection:
            stamp = change_stamp(connection)
            fresh = {
                (sort, year): {
                    r[0]: r[1:]
                    for r in sort_rows(connection, sort, year=year, only=changed, positions=True)
                }
                for sort, year in self._rows
            }
            marks = ",".join("?" * len(changed))
            saved_at = [
                moment or ""
                for (moment,) in connection.execute(
                    f"SELECT updated_at FROM networks WHERE id IN ({marks})", changed
                )
            ]
        stored = {i: values[2] for found in fresh.values() for i, values in found.items()}
        count = len((self._position.keys() - set(changed)) | stored.keys())
        newest = max([self._stamp[1] or "", *saved_at])
        if stamp[0] != count or (stamp[1] or "") > newest:
            self.forget()  # another program wrote too
            return
        for (sort, year), rows in self._rows.items():
            for network_id in changed:
                found = fresh[(sort, year)].get(network_id)
                if found is None or self._position.get(network_id) != found[2]:
                    # Deleted; or stored anew (undo of a deletion): now after all others.
                    rows.pop(network_id, None)
                if found is not None:
                    rows[network_id] = (found[0], found[1])  # an edited row keeps its place
        for network_id in changed:
            self._position.pop(network_id, None)
        self._position.update(stored)
        gone = set(changed)
        for (sort, descending, year), order in self._orders.items():
            # Take the changed networks out, then put back those that still exist where the
            # order's key puts them.
            for network_id in gone:
                with suppress(ValueError):
                    order.remove(network_id)
            self._insert(order, sort, descending, self._rows[(sort, year)], stored)
        self._stamp = stamp

    def _insert(
        self,
        order: list[str],
        sort: SortKey,
        descending: bool,
        rows: dict[str, tuple[str, Any]],
        ids: Iterable[str],
    ) -> None:
        def key_of(network_id: str) -> tuple[int, Any, str, int]:
            name, value = rows[network_id]
            return order_key(sort, descending, name, value, self._position[network_id])

        for network_id in ids:
            order.insert(bisect.bisect_left(order, key_of(network_id), key=key_of), network_id)

    def forget(self) -> None:
        """Drop everything remembered (after many changes at once, or another file)."""
        self._stamp = None
        self._rows.clear()
        self._orders.clear()
        self._position = {}


class ListSource(Protocol):
    """What the record list reads from: a :class:`Listing` or a :class:`db.storage.store.Store`."""

    def list_ids(
        self, sort: SortKey = ..., descending: bool = ..., *, year: int | None = ...
    ) -> list[UUID]: ...

    def summaries(
        self, ids: Iterable[UUID | str], *, year: int | None = ...
    ) -> Sequence[NetworkSummary]: ...
