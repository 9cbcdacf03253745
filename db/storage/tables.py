"""The tables: one network profile spread over a parent row and ordered child rows.

Lists keep their order in a ``position`` column. Child rows die with their network (``ON DELETE
CASCADE``), so a network is always written and removed as a whole. Records are read and written
with plain SQL in db/store.py (optimistic locking included: ``UPDATE … WHERE version = ?``), so
these classes describe tables, not object graphs.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.model.values import cents_from_euro, text_from_timestamp
from db.storage.listing import TO_CHECK, euro_from_cents, timestamp_from_text

# Stable constraint names, so Alembic's batch mode can rebuild SQLite tables reliably.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps stored as ISO 8601 text (SQLite has no datetime type)."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return text_from_timestamp(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return timestamp_from_text(value)


class EuroCents(TypeDecorator[Decimal]):
    """Euro amounts as whole cents: exact, and sortable as numbers in SQL."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return cents_from_euro(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        return euro_from_cents(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _now() -> datetime:
    return datetime.now(UTC)


class Network(Base):
    __tablename__ = "networks"
    # The networks still to check, found without reading each row (the source text is large).
    __table_args__ = (
        Index(
            "ix_networks_to_check",
            "id",
            sqlite_where=text(TO_CHECK),
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    name: Mapped[str] = mapped_column(Text)
    alias: Mapped[str] = mapped_column(Text, default="")
    province: Mapped[str | None] = mapped_column(String(40), index=True)
    region: Mapped[str] = mapped_column(Text, default="")
    vision: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[str] = mapped_column(Text, default="")
    drawing_right_eur: Mapped[Decimal | None] = mapped_column(EuroCents, index=True)
    meetings: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    source_file_name: Mapped[str] = mapped_column(Text, default="")
    source_imported_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    source_raw_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=_now, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Added by migration 0006, so at the end of the row. One warning / credit a line.
    source_warnings: Mapped[str] = mapped_column(Text, default="", server_default="")
    source_warnings_checked: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    image_credits: Mapped[str] = mapped_column(Text, default="", server_default="")


def _network_fk() -> Mapped[str]:
    return mapped_column(ForeignKey("networks.id", ondelete="CASCADE"), index=True)


class NetworkMunicipality(Base):
    __tablename__ = "network_municipalities"
    __table_args__ = (Index("ix_network_municipalities_name", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[str] = _network_fk()
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)


class AgreementPeriodRow(Base):
    __tablename__ = "agreement_periods"
    __table_args__ = (
        UniqueConstraint("network_id", "ordinal", name="uq_agreement_periods_network_ordinal"),
        CheckConstraint("start_year <= end_year", name="years_in_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[str] = _network_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)


class InstrumentRow(Base):
    __tablename__ = "instruments"

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[str] = _network_fk()
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, index=True)


class PartnerRow(Base):
    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[str] = _network_fk()
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")


class GoalRow(Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[str] = _network_fk()
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)


class ActionRow(Base):
    """An action: of a goal (goal_id), of the network (neither), or a sub-action (parent_id)."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[str] = _network_fk()
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ContactRow(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[str] = _network_fk()
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")


class SectionRow(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[str] = _network_fk()
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")


class CaptionRow(Base):
    __tablename__ = "captions"

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[str] = _network_fk()
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
