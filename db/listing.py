"""The record list's queries: every network's id in list order, and the rows of a page.

This is the only implementation of listing: :class:`db.store.Store` delegates ``list_ids`` and
``summaries`` here, and the window uses :class:`Listing` to show its list at start-up without
loading SQLAlchemy or pydantic (the standard library's sqlite3 is all it needs). The list keeps
only ids; row data (:class:`NetworkSummary`) is fetched per page, so ten thousand networks cost
one query on a few columns to order and a few small queries per page shown.

Sorting happens in Python on one column: SQLite's NOCASE knows no accents, and a folded key sorts
"Évere" beside "Evere" as people expect. Ties, and empty values (always last: an officer looks
for the filled ones), go by name.
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar
from uuid import UUID

from db.connection import connect, read_only_location, store_error
from db.formats import format_period
from db.reference import fold

# Ids per query: far below SQLite's limit on bound parameters, large enough to be few queries.
_CHUNK = 500
# Memos of folded names and parsed ids, so re-sorting ten thousand networks costs dictionary
# look-ups instead of Unicode normalisation and UUID parsing. Bounded: a long session with many
# renames or files never grows them without end.
_MEMO_LIMIT = 200_000
_folded: dict[str, str] = {}
_uuids: dict[str, UUID] = {}


class SortKey(enum.StrEnum):
    NAME = "name"
    MUNICIPALITY = "municipality"
    PROVINCE = "province"
    DRAWING_RIGHT = "drawing_right"
    PERIOD = "period"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class NetworkSummary:
    """What the record list shows for one network: small and cheap to fetch."""

    id: UUID
    name: str
    municipalities: str  # joined with ", ", in the profile's order
    province: str | None
    drawing_right_eur: Decimal | None
    current_period: str  # "2e afsprakennota 2020–2025", or "" without one
    updated_at: datetime | None
    version: int


# --- stored values as the file holds them (db.models reads and writes them the same way) -------


def euro_from_cents(cents: int | None) -> Decimal | None:
    """Amounts are stored as whole cents: exact, and sortable as numbers in SQL."""
    return None if cents is None else (Decimal(cents) / 100).quantize(Decimal("0.01"))


def timestamp_from_text(text: str | None) -> datetime | None:
    """Timestamps are stored as ISO 8601 text in UTC."""
    return datetime.fromisoformat(text) if text else None


# --- the afsprakennota in force ------------------------------------------------------------------


class PeriodLike(Protocol):
    @property
    def ordinal(self) -> int: ...
    @property
    def start_year(self) -> int: ...
    @property
    def end_year(self) -> int: ...


P = TypeVar("P", bound=PeriodLike)


class Period(NamedTuple):
    ordinal: int
    start_year: int
    end_year: int


def current_period(periods: Iterable[P], year: int) -> P | None:
    """The afsprakennota in force in ``year``; if none, the last one before it; if none, None."""
    candidates = list(periods)
    covering = [p for p in candidates if p.start_year <= year <= p.end_year]
    if covering:
        return max(covering, key=lambda p: p.ordinal)
    earlier = [p for p in candidates if p.end_year < year]
    return max(earlier, key=lambda p: p.end_year) if earlier else None


# --- the queries, on any sqlite3 connection inside a read transaction -----------------------------

_SORT_COLUMN: dict[SortKey, str] = {
    SortKey.NAME: "n.name",
    SortKey.MUNICIPALITY: (
        "(SELECT m.name FROM network_municipalities AS m WHERE m.network_id = n.id "
        "ORDER BY m.position LIMIT 1)"
    ),
    SortKey.PROVINCE: "n.province",
    SortKey.DRAWING_RIGHT: "n.drawing_right_eur",
    SortKey.PERIOD: (
        "(SELECT max(a.start_year) FROM agreement_periods AS a "
        "WHERE a.network_id = n.id AND a.start_year <= :year)"
    ),
    SortKey.UPDATED: "n.updated_at",
}
_TEXTUAL = (SortKey.NAME, SortKey.MUNICIPALITY, SortKey.PROVINCE)


def folded(text: str) -> str:
    """:func:`db.reference.fold`, remembered."""
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
        value = _uuids[text] = UUID(text)
    return value


def list_ids(
    connection: sqlite3.Connection,
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
    *,
    year: int | None = None,
) -> list[UUID]:
    """Every network's id in list order (see the module's docstring for the order)."""
    year = year or date.today().year
    query = f"SELECT n.id, n.name, {_SORT_COLUMN[sort]} FROM networks AS n ORDER BY n.rowid"
    rows: list[tuple[str, str, Any]] = connection.execute(query, {"year": year}).fetchall()
    by_name = sorted(rows, key=lambda r: folded(r[1]))
    filled = [r for r in by_name if r[2] not in (None, "")]
    empty = [r for r in by_name if r[2] in (None, "")]
    if sort in _TEXTUAL:
        filled.sort(key=lambda r: folded(r[2]), reverse=descending)  # stable: ties by name
    elif sort is SortKey.UPDATED:
        filled.sort(key=lambda r: datetime.fromisoformat(r[2]), reverse=descending)
    else:
        filled.sort(key=lambda r: r[2], reverse=descending)
    return [uuid_of(r[0]) for r in filled + empty]


def summaries(
    connection: sqlite3.Connection, ids: Iterable[UUID | str], *, year: int | None = None
) -> list[NetworkSummary]:
    """The list's row data for ``ids``, in that order (ids not stored are left out): three
    queries per :data:`_CHUNK` ids."""
    wanted = [str(i) for i in ids]
    if not wanted:
        return []
    year = year or date.today().year
    rows: dict[str, tuple[Any, ...]] = {}
    municipalities: dict[str, list[str]] = {}
    periods: dict[str, list[Period]] = {}
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

    It remembers the last order per sort key and returns it again while the file shows no sign
    of change (:func:`change_stamp`), so clearing a search or sorting back costs one small query.
    Changes made by this program are announced; call :meth:`forget` then, so nothing relies on
    the sign alone.
    """

    def __init__(self, path: Path, *, read_only: bool | None = None) -> None:
        self.path = path
        self.read_only = read_only_location(path) if read_only is None else read_only
        self._orders: dict[tuple[SortKey, bool, int], tuple[tuple[int, str | None], list[UUID]]]
        self._orders = {}

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
        year = year or date.today().year
        key = (SortKey(sort), descending, year)
        with self.reading() as connection:
            stamp = change_stamp(connection)
            known = self._orders.get(key)
            if known is not None and known[0] == stamp:
                return list(known[1])
            ordered = list_ids(connection, key[0], descending, year=year)
        self._orders[key] = (stamp, ordered)
        return list(ordered)

    def summaries(
        self, ids: Iterable[UUID | str], *, year: int | None = None
    ) -> list[NetworkSummary]:
        wanted = list(ids)
        if not wanted:
            return []
        with self.reading() as connection:
            return summaries(connection, wanted, year=year)

    def forget(self) -> None:
        """Drop the remembered orders (after a change this program made)."""
        self._orders.clear()


class ListSource(Protocol):
    """What the record list reads from: a :class:`Listing` or a :class:`db.store.Store`."""

    def list_ids(
        self, sort: SortKey = ..., descending: bool = ..., *, year: int | None = ...
    ) -> list[UUID]: ...

    def summaries(
        self, ids: Iterable[UUID | str], *, year: int | None = ...
    ) -> Sequence[NetworkSummary]: ...
