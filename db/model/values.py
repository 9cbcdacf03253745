"""Plain values that the list, the tables and the schemas share, without any storage behind them.

The list's row (:class:`NetworkSummary`) and sort keys, how amounts and timestamps are stored,
and which afsprakennota is in force. Only the standard library: the window's start-up reads the
list before SQLAlchemy or pydantic are loaded.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import NamedTuple, Protocol, TypeVar
from uuid import UUID


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
    to_check: bool = False  # import warnings not yet marked checked ("te controleren")


# --- stored values as the file holds them (db.storage.tables reads and writes them the same way) -------


def cents_from_euro(amount: Decimal | None) -> int | None:
    """Amounts are stored as whole cents: exact, and sortable as numbers in SQL."""
    return None if amount is None else int((amount * 100).to_integral_value())


def euro_from_cents(cents: int | None) -> Decimal | None:
    return None if cents is None else (Decimal(cents) / 100).quantize(Decimal("0.01"))


def text_from_timestamp(moment: datetime | None) -> str | None:
    """Timestamps are stored as ISO 8601 text in UTC (a time without a zone is taken as UTC)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def timestamp_from_text(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def stored_timestamp(moment: datetime | None) -> datetime | None:
    """``moment`` as reading it back from the file gives it."""
    return timestamp_from_text(text_from_timestamp(moment))


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
