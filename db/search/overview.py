"""The overview of a set of networks: figures per province, coverage, agreements, instruments,
partners and data quality, each with the selection it counts.

Everything is computed by SQL aggregates over the chosen ids (a search or filter result, or all
networks) on a plain ``sqlite3`` connection inside a read transaction, so the window can run it
on a worker thread through :class:`db.storage.listing.Listing` without SQLAlchemy or pydantic, and ten
thousand networks take a few dozen queries, not ten thousand records.

Every figure carries a :class:`Link`: a description of the networks it counts. :func:`resolve`
turns a link back into those networks' ids with the *same* SQL condition the figure was counted
with, so the number a user clicks is the number of rows the list then shows (a test holds every
link of an overview to that).

Municipalities are matched to the reference list (:mod:`db.model.reference`): a profile that names a
former municipality (Borsbeek, merged into Antwerpen on 1 January 2025) covers the municipality
it became; names the reference does not know are reported under data quality, not guessed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any, Literal
from uuid import UUID

from db.model.reference import Municipality, find_municipality, fold, municipalities
from db.model.values import euro_from_cents

Language = Literal["nl", "en"]

# The provinces in the order the officers' own tables use, Brussels (the VGC) last.
PROVINCES: tuple[str, ...] = (
    "Antwerpen",
    "Limburg",
    "Oost-Vlaanderen",
    "Vlaams-Brabant",
    "West-Vlaanderen",
    "Brussel",
)
# Partners per network: the bars of the distribution (inclusive bounds; None = no upper bound).
PARTNER_BUCKETS: tuple[tuple[int, int | None], ...] = (
    (0, 0),
    (1, 2),
    (3, 5),
    (6, 10),
    (11, 20),
    (21, None),
)
STALE_AFTER = timedelta(days=365)  # "not changed for more than a year"
# The agreement chart spans the years the data holds, within these bounds around today: one
# period typed as 2099 must not stretch the chart over eighty empty years.
YEARS_BEFORE = 15
YEARS_AFTER = 10


# --- links: which networks a figure counts -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """The networks behind one figure, as a condition on the chosen set.

    ``kind`` names the condition (see :data:`_CONDITIONS`), ``value`` its argument (a province,
    a year, an instrument key, a quality check, a NIS code, partner bounds ...). Links are small
    and hashable: the window keeps one per bar and list entry and resolves it when clicked.
    """

    kind: str
    value: Any = None

    def describe(self, language: Language = "nl") -> str:
        """What the list shows after a click, as a short phrase ("Provincie Limburg")."""
        return _describe(self, language)


@dataclass(frozen=True, slots=True)
class Figure:
    """A count of networks and the link to them."""

    count: int
    link: Link


@dataclass(frozen=True, slots=True)
class Headline:
    networks: Figure
    municipalities: int  # current municipalities (after the 2025 mergers) with a network
    municipalities_link: Link
    total_eur: Decimal
    with_amount: Figure  # networks that state a yearly drawing right
    median_eur: Decimal | None
    in_force: Figure  # networks with an agreement (afsprakennota) running this year


@dataclass(frozen=True, slots=True)
class ProvinceRow:
    province: str | None  # None: networks without a province
    networks: Figure
    municipalities: int  # current municipalities named by this province's networks
    total_eur: Decimal
    mean_eur: Decimal | None  # over the networks that state an amount
    share: float | None  # of the total drawing right of the chosen networks (0..1)


@dataclass(frozen=True, slots=True)
class CoverageRow:
    province: str
    current: int  # current municipalities of the province in the reference list
    covered: int  # how many of them a chosen network names
    networks: Figure  # the networks naming a municipality of this province
    uncovered: tuple[str, ...]  # the names of those without any network, sorted

    @property
    def uncovered_count(self) -> int:
        return len(self.uncovered)


@dataclass(frozen=True, slots=True)
class MergedName:
    """A former municipality named by a profile, counted in the municipality it became."""

    former: str
    current: str
    networks: Figure


@dataclass(frozen=True, slots=True)
class YearRow:
    year: int
    networks: Figure


@dataclass(frozen=True, slots=True)
class NamedFigure:
    key: str
    label: str
    networks: Figure


@dataclass(frozen=True, slots=True)
class Overview:
    today: date
    headline: Headline
    provinces: tuple[ProvinceRow, ...]
    coverage: tuple[CoverageRow, ...]
    merged: tuple[MergedName, ...]
    unknown_municipalities: tuple[NamedFigure, ...]  # names the reference list does not know
    years: tuple[YearRow, ...]  # networks with an agreement in force, per year
    ending_this_year: Figure  # the last agreement ends this year ...
    ending_next_year: Figure  # ... or next year
    instruments: tuple[NamedFigure, ...]  # most used first
    without_instrument: Figure
    partner_buckets: tuple[NamedFigure, ...]
    partners_median: float | None
    quality: tuple[NamedFigure, ...]

    @property
    def year(self) -> int:
        return self.today.year

    @property
    def count(self) -> int:
        return self.headline.networks.count

    def links(self) -> list[tuple[Link, int]]:
        """Every link the overview shows with the count shown beside it (for tests and for
        checking that a click lists exactly that many networks)."""
        found: list[tuple[Link, int]] = [
            (self.headline.networks.link, self.headline.networks.count),
            (self.headline.with_amount.link, self.headline.with_amount.count),
            (self.headline.in_force.link, self.headline.in_force.count),
            (self.ending_this_year.link, self.ending_this_year.count),
            (self.ending_next_year.link, self.ending_next_year.count),
            (self.without_instrument.link, self.without_instrument.count),
        ]
        found += [(row.networks.link, row.networks.count) for row in self.provinces]
        found += [(row.networks.link, row.networks.count) for row in self.coverage]
        found += [(row.networks.link, row.networks.count) for row in self.years]
        for group in (
            self.instruments,
            self.partner_buckets,
            self.quality,
            self.unknown_municipalities,
        ):
            found += [(row.networks.link, row.networks.count) for row in group]
        found += [(row.networks.link, row.networks.count) for row in self.merged]
        return found

    def to_json(self) -> dict[str, Any]:
        """Plain data for ``netwerken overview --json`` (amounts as strings: exact)."""

        def euro(amount: Decimal | None) -> str | None:
            return None if amount is None else str(amount)

        headline = self.headline
        return {
            "date": self.today.isoformat(),
            "networks": headline.networks.count,
            "municipalities_covered": headline.municipalities,
            "total_eur": euro(headline.total_eur),
            "networks_with_amount": headline.with_amount.count,
            "median_eur": euro(headline.median_eur),
            "agreement_in_force": {"year": self.year, "networks": headline.in_force.count},
            "provinces": [
                {
                    "province": row.province,
                    "networks": row.networks.count,
                    "municipalities": row.municipalities,
                    "total_eur": euro(row.total_eur),
                    "mean_eur": euro(row.mean_eur),
                    "share": None if row.share is None else round(row.share, 4),
                }
                for row in self.provinces
            ],
            "coverage": [
                {
                    "province": row.province,
                    "municipalities": row.current,
                    "covered": row.covered,
                    "networks": row.networks.count,
                    "without_network": list(row.uncovered),
                }
                for row in self.coverage
            ],
            "former_municipalities": [
                {"former": row.former, "counted_in": row.current, "networks": row.networks.count}
                for row in self.merged
            ],
            "agreements_per_year": {str(row.year): row.networks.count for row in self.years},
            "agreements_ending": {
                str(self.year): self.ending_this_year.count,
                str(self.year + 1): self.ending_next_year.count,
            },
            "instruments": {row.label: row.networks.count for row in self.instruments},
            "without_instrument": self.without_instrument.count,
            "partners_per_network": {row.label: row.networks.count for row in self.partner_buckets},
            "partners_median": self.partners_median,
            "data_quality": {row.key: row.networks.count for row in self.quality},
            "unknown_municipalities": {
                row.label: row.networks.count for row in self.unknown_municipalities
            },
        }


# --- data quality checks -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QualityCheck:
    """One data-quality figure: an SQL condition on ``networks AS n`` (with ``:year`` and
    ``:stale_before`` bound) and its label.

    Extension point: a check on a column only newer files have names it in ``requires``
    (table, column); on a file without it the check is left out of the overview (no row, rather
    than a zero that would say "nothing to check"). :func:`register_quality_check` adds one.
    """

    key: str
    label_nl: str
    label_en: str
    condition: str
    requires: tuple[str, str] | None = None

    def label(self, language: Language) -> str:
        return self.label_en if language == "en" else self.label_nl


QUALITY_CHECKS: list[QualityCheck] = [
    QualityCheck(
        "no_email",
        "Zonder e-mailadres van een contactpersoon",
        "No contact e-mail address",
        "NOT EXISTS (SELECT 1 FROM contacts AS c WHERE c.network_id = n.id AND c.email <> '')",
    ),
    QualityCheck(
        "no_amount",
        "Zonder bedrag (trekkingsrecht)",
        "No amount (drawing right)",
        "n.drawing_right_eur IS NULL",
    ),
    QualityCheck(
        "no_current_agreement",
        "Zonder lopende afsprakennota",
        "No agreement in force",
        "NOT EXISTS (SELECT 1 FROM agreement_periods AS p WHERE p.network_id = n.id"
        " AND p.start_year <= :year AND p.end_year >= :year)",
    ),
    QualityCheck(
        "stale",
        "Meer dan een jaar niet gewijzigd",
        "Not changed for more than a year",
        "(n.updated_at IS NULL OR n.updated_at < :stale_before)",
    ),
    QualityCheck(
        "no_province", "Zonder provincie", "No province", "(n.province IS NULL OR n.province = '')"
    ),
    # The import warnings the text reader leaves on a record until the officer marks them
    # checked (issue 15: columns source_warnings and source_warnings_checked, migration 0006).
    # Counted once a file has them; before that the row is left out.
    QualityCheck(
        "to_check",
        "Te controleren (waarschuwingen bij het inlezen)",
        "To check (warnings from reading the text)",
        "(n.source_warnings <> '' AND n.source_warnings_checked = 0)",
        requires=("networks", "source_warnings_checked"),
    ),
]


def register_quality_check(check: QualityCheck) -> None:
    """Add a check (once per key): how another part of the program adds its own figure."""
    if all(known.key != check.key for known in QUALITY_CHECKS):
        QUALITY_CHECKS.append(check)


def _available_checks(connection: sqlite3.Connection) -> list[QualityCheck]:
    columns: dict[str, set[str]] = {}
    usable = []
    for check in QUALITY_CHECKS:
        if check.requires is not None:
            table, column = check.requires
            if table not in columns:
                columns[table] = {
                    row[1] for row in connection.execute(f"PRAGMA table_info({table})")
                }
            if column not in columns[table]:
                continue
        usable.append(check)
    return usable


# --- the chosen set and the conditions -------------------------------------------------------


@dataclass(frozen=True)
class _Scope:
    """The chosen networks as SQL: ``n.id IN (…)`` over a JSON array, or every network."""

    ids_json: str | None
    today: date

    @classmethod
    def of(cls, ids: Iterable[UUID | str] | None, today: date) -> _Scope:
        if ids is None:
            return cls(None, today)
        return cls(json.dumps([str(i) for i in ids]), today)

    @property
    def where(self) -> str:
        return "1" if self.ids_json is None else "n.id IN (SELECT value FROM json_each(:chosen))"

    def params(self, **more: Any) -> dict[str, Any]:
        stale_before = datetime.combine(self.today, datetime.min.time(), UTC) - STALE_AFTER
        params: dict[str, Any] = {
            "year": self.today.year,
            "stale_before": stale_before.isoformat(timespec="microseconds"),
        }
        if self.ids_json is not None:
            params["chosen"] = self.ids_json
        params.update(more)
        return params


def _partner_count_sql() -> str:
    return "(SELECT count(*) FROM partners AS pa WHERE pa.network_id = n.id)"


def _latest_end_sql() -> str:
    return "(SELECT max(p.end_year) FROM agreement_periods AS p WHERE p.network_id = n.id)"


def _tag_key(value: str) -> str:
    """ "UiTPAS", "Uitpas" and "UiT-pas" are one instrument (the search's rule)."""
    return "".join(char for char in fold(value) if char.isalnum())


@cache
def _current_by_code() -> dict[str, Municipality]:
    return {m.nis_code: m for m in municipalities() if m.is_current}


@cache
def _current_names() -> dict[str, Municipality]:
    """Current municipalities by their short name folded: the 2019 mergers kept some names."""
    return {fold(m.short_name): m for m in municipalities() if m.is_current}


def current_unit(name: str) -> Municipality | None:
    """The current municipality (after the 2025 mergers) a stored name stands for, or None when
    the reference list does not know the name or cannot tell what it became (some 2019 mergers
    the reference data does not link)."""
    found = find_municipality(name)
    if found is None:
        return None
    if found.is_current:
        return found
    if found.merged_into is not None:
        return _current_by_code().get(found.merged_into)
    return _current_names().get(fold(found.short_name))


def _names_json(names: Iterable[str]) -> str:
    return json.dumps(sorted(set(names)))


def _municipality_condition() -> str:
    return (
        "EXISTS (SELECT 1 FROM network_municipalities AS m WHERE m.network_id = n.id"
        " AND m.name IN (SELECT value FROM json_each(:names)))"
    )


def _stored_names(
    connection: sqlite3.Connection, scope: _Scope, wanted: Callable[[str], bool]
) -> list[str]:
    rows = connection.execute(
        "SELECT DISTINCT m.name FROM network_municipalities AS m JOIN networks AS n"
        f" ON n.id = m.network_id WHERE {scope.where}",
        scope.params(),
    )
    return [name for (name,) in rows if wanted(name)]


def _condition(
    connection: sqlite3.Connection, scope: _Scope, link: Link
) -> tuple[str, dict[str, Any]]:
    """The SQL condition on ``networks AS n`` for ``link``, with its extra parameters."""
    kind, value = link.kind, link.value
    if kind == "all":
        return "1", {}
    if kind == "province":
        if value is None:
            return "(n.province IS NULL OR n.province = '')", {}
        return "n.province = :province", {"province": value}
    if kind == "with_amount":
        return "n.drawing_right_eur IS NOT NULL", {}
    if kind == "in_force":
        return (
            "EXISTS (SELECT 1 FROM agreement_periods AS p WHERE p.network_id = n.id"
            " AND p.start_year <= :link_year AND p.end_year >= :link_year)",
            {"link_year": int(value)},
        )
    if kind == "ending":
        return f"{_latest_end_sql()} = :link_year", {"link_year": int(value)}
    if kind == "instrument":
        names = [
            name
            for (name,) in connection.execute("SELECT DISTINCT name FROM instruments")
            if _tag_key(name) == value
        ]
        return (
            "EXISTS (SELECT 1 FROM instruments AS i WHERE i.network_id = n.id"
            " AND i.name IN (SELECT value FROM json_each(:names)))",
            {"names": _names_json(names)},
        )
    if kind == "no_instrument":
        return "NOT EXISTS (SELECT 1 FROM instruments AS i WHERE i.network_id = n.id)", {}
    if kind == "partners":
        low, high = value
        if high is None:
            return f"{_partner_count_sql()} >= :low", {"low": low}
        return f"{_partner_count_sql()} BETWEEN :low AND :high", {"low": low, "high": high}
    if kind == "quality":
        check = next((c for c in QUALITY_CHECKS if c.key == value), None)
        if check is None:
            raise ValueError(f"unknown quality check: {value}")
        return f"({check.condition})", {}
    if kind == "covering":  # networks naming a known municipality (of a province, or any)

        def known(name: str) -> bool:
            unit = current_unit(name)
            return unit is not None and (value is None or unit.province == value)

        names = _stored_names(connection, scope, known)
        return _municipality_condition(), {"names": _names_json(names)}
    if kind == "named":  # networks naming exactly this stored spelling (folded)
        names = _stored_names(connection, scope, lambda name: fold(name) == value)
        return _municipality_condition(), {"names": _names_json(names)}
    raise ValueError(f"unknown link kind: {kind}")


def resolve(
    connection: sqlite3.Connection,
    link: Link,
    ids: Iterable[UUID | str] | None = None,
    *,
    today: date | None = None,
) -> list[str]:
    """The ids (as stored, text) of the chosen networks ``link`` counts, in name order."""
    scope = _Scope.of(ids, today or date.today())
    condition, extra = _condition(connection, scope, link)
    rows = connection.execute(
        f"SELECT n.id, n.name FROM networks AS n WHERE {scope.where} AND {condition}",
        scope.params(**extra),
    ).fetchall()
    rows.sort(key=lambda row: (fold(row[1]), row[0]))
    return [row[0] for row in rows]


# --- computing the overview --------------------------------------------------------------------
#
# One scan per table (over the index on network_id, or by id lookups for a small choice), then
# counting in Python over sets. Measured at 10,000 networks, the same figures as correlated
# SQL subqueries and joins per figure took 330 ms for all networks and 700 ms for a list of
# ids; the scans take a fraction of that. The conditions :func:`resolve` uses stay in SQL, and
# a test holds every figure to the number of networks its link resolves to.

# A choice smaller than this share of the file is read by id lookups, a larger one by a scan.
_LOOKUP_SHARE = 4


@dataclass
class _Data:
    """What the figures are counted from, for the chosen networks only."""

    networks: dict[str, tuple[str | None, int | None, str | None]]  # province, cents, updated
    names: list[tuple[str, str]]  # (network id, municipality name as stored)
    periods: dict[str, list[tuple[int, int]]]
    instruments: list[tuple[str, str]]  # (network id, name as stored)
    partners: dict[str, int]  # networks without partners are absent
    emails: set[str]  # networks with a contact e-mail address


def _read(connection: sqlite3.Connection, ids: Iterable[UUID | str] | None) -> _Data:
    chosen: set[str] | None = None
    where, params = "", {}
    if ids is not None:
        chosen = {str(i) for i in ids}
        total = connection.execute("SELECT count(*) FROM networks").fetchone()[0]
        if len(chosen) * _LOOKUP_SHARE < total:
            where = "WHERE {} IN (SELECT value FROM json_each(:chosen))"
            params = {"chosen": json.dumps(sorted(chosen))}

    def rows(sql: str, column: str) -> list[Any]:
        found = connection.execute(sql.format(where=where.format(column)), params).fetchall()
        if chosen is None or where:
            return found
        return [row for row in found if row[0] in chosen]

    if where:
        networks = {
            row[0]: row[1:]
            for row in rows(
                "SELECT id, nullif(province, ''), drawing_right_eur, updated_at FROM networks"
                " {where}",
                "id",
            )
        }
    else:
        networks = _network_columns(connection, chosen)
    periods: dict[str, list[tuple[int, int]]] = {}
    for network_id, start, end in rows(
        "SELECT network_id, start_year, end_year FROM agreement_periods {where}", "network_id"
    ):
        periods.setdefault(network_id, []).append((start, end))
    return _Data(
        networks=networks,
        names=rows("SELECT network_id, name FROM network_municipalities {where}", "network_id"),
        periods=periods,
        instruments=rows("SELECT network_id, name FROM instruments {where}", "network_id"),
        partners=dict(
            rows(
                "SELECT network_id, count(*) FROM partners {where} GROUP BY network_id",
                "network_id",
            )
        ),
        emails=_with_email(connection, where, params, chosen),
    )


def _network_columns(
    connection: sqlite3.Connection, chosen: set[str] | None
) -> dict[str, tuple[str | None, int | None, str | None]]:
    """Province, amount and time of change of every network (or of ``chosen``), read from the
    columns' indexes by rowid: a scan of the table itself would walk every record's long texts
    (the source text can be megabytes), three times slower at ten thousand networks."""

    def column(name: str) -> dict[int, Any]:
        return dict(connection.execute(f"SELECT rowid, {name} FROM networks"))

    province, cents, updated = column("province"), column("drawing_right_eur"), column("updated_at")
    return {
        network_id: (province.get(rowid) or None, cents.get(rowid), updated.get(rowid))
        for rowid, network_id in connection.execute("SELECT rowid, id FROM networks")
        if chosen is None or network_id in chosen
    }


def _with_email(
    connection: sqlite3.Connection, where: str, params: dict[str, Any], chosen: set[str] | None
) -> set[str]:
    condition = "email <> ''"
    if where:
        condition += " AND " + where.removeprefix("WHERE ").format("network_id")
    found = {
        network_id
        for (network_id,) in connection.execute(
            f"SELECT DISTINCT network_id FROM contacts WHERE {condition}", params
        )
    }
    return found if chosen is None or where else found & chosen


def compute(
    connection: sqlite3.Connection,
    ids: Iterable[UUID | str] | None = None,
    *,
    today: date | None = None,
    language: Language = "nl",
) -> Overview:
    """The overview of the networks ``ids`` (every network when None), as of ``today``.

    Run it inside one read transaction (``Listing.reading()`` or ``Store.plain_reading()``) so
    all figures describe the same state of the file.
    """
    today = today or date.today()
    year = today.year
    data = _read(connection, ids)
    provinces, total_cents, amounts = _provinces(data)
    coverage, covered_codes, merged, unknown, per_province = _coverage(data)
    provinces = [
        ProvinceRow(
            row.province,
            row.networks,
            len(per_province.get(row.province, ())),
            row.total_eur,
            row.mean_eur,
            row.share,
        )
        for row in provinces
    ]
    years, ending, in_force = _agreements(data, year)
    instruments, without_instrument = _instruments(data)
    buckets, partners_median = _partners(data, language)
    quality = _quality(connection, data, ids, today, in_force, language)
    headline = Headline(
        networks=Figure(len(data.networks), Link("all")),
        municipalities=len(covered_codes),
        municipalities_link=Link("covering"),
        total_eur=euro_from_cents(total_cents) or Decimal("0.00"),
        with_amount=Figure(len(amounts), Link("with_amount")),
        median_eur=_median(amounts),
        in_force=Figure(len(in_force), Link("in_force", year)),
    )
    return Overview(
        today=today,
        headline=headline,
        provinces=tuple(provinces),
        coverage=coverage,
        merged=merged,
        unknown_municipalities=unknown,
        years=years,
        ending_this_year=Figure(ending.get(year, 0), Link("ending", year)),
        ending_next_year=Figure(ending.get(year + 1, 0), Link("ending", year + 1)),
        instruments=instruments,
        without_instrument=without_instrument,
        partner_buckets=buckets,
        partners_median=partners_median,
        quality=quality,
    )


def _provinces(data: _Data) -> tuple[list[ProvinceRow], int, list[int]]:
    found: dict[str | None, list[int]] = {}  # province -> [networks, with amount, cents]
    amounts: list[int] = []
    for province, cents, _updated in data.networks.values():
        counts = found.setdefault(province, [0, 0, 0])
        counts[0] += 1
        if cents is not None:
            counts[1] += 1
            counts[2] += cents
            amounts.append(cents)
    total_cents = sum(cents for _count, _amounts, cents in found.values())
    order: list[str | None] = list(PROVINCES)
    order += sorted(p for p in found if p is not None and p not in PROVINCES)
    if None in found:
        order.append(None)
    result = []
    for province in order:
        count, with_amount, cents = found.get(province, [0, 0, 0])
        result.append(
            ProvinceRow(
                province=province,
                networks=Figure(count, Link("province", province)),
                municipalities=0,  # filled in by compute() from the municipality names
                total_eur=euro_from_cents(cents) or Decimal("0.00"),
                mean_eur=_mean(cents, with_amount),
                share=cents / total_cents if total_cents else None,
            )
        )
    return result, total_cents, amounts


def _mean(cents: int, count: int) -> Decimal | None:
    if not count:
        return None
    return (Decimal(cents) / count / 100).quantize(Decimal("0.01"))


def _median(amounts: list[int]) -> Decimal | None:
    """The middle amount; the mean of the two middle ones for an even count."""
    if not amounts:
        return None
    ordered = sorted(amounts)
    middle = len(ordered) // 2
    cents = (
        Decimal(ordered[middle])
        if len(ordered) % 2
        else Decimal(ordered[middle - 1] + ordered[middle]) / 2
    )
    return (cents / 100).quantize(Decimal("0.01"))


def _coverage(
    data: _Data,
) -> tuple[
    tuple[CoverageRow, ...],
    set[str],
    tuple[MergedName, ...],
    tuple[NamedFigure, ...],
    dict[str | None, set[str]],
]:
    covered: set[str] = set()
    # The networks behind each figure, as sets: a network naming two municipalities of one
    # province (or the old and the new name) counts once.
    networks_in: dict[str, set[str]] = {}  # reference province -> networks naming one of its
    per_province: dict[str | None, set[str]] = {}  # network's province -> NIS codes it names
    former: dict[str, tuple[str, str, set[str]]] = {}  # folded -> (former, current, networks)
    unknown: dict[str, tuple[str, set[str]]] = {}  # folded -> (shown, networks)
    # Grouped by name first: a few hundred distinct names, so the reference is asked once per
    # name and the sets grow a name's networks at a time.
    by_name: dict[str, list[str]] = {}
    for network_id, name in data.names:
        by_name.setdefault(name, []).append(network_id)
    province_of = {network_id: values[0] for network_id, values in data.networks.items()}
    for name, ids in by_name.items():
        unit = current_unit(name)
        if unit is None:
            key = fold(name)
            if key not in unknown:
                # A former municipality whose successor the reference cannot tell (the 2019
                # mergers are not linked in Statbel's table) is known, just not placed.
                known = find_municipality(name) is not None
                unknown[key] = (f"{name} (voormalige gemeente)" if known else name, set())
            unknown[key][1].update(ids)
            continue
        covered.add(unit.nis_code)
        networks_in.setdefault(unit.province, set()).update(ids)
        # (Every name row belongs to a chosen network: both were read with the same choice.)
        for province in {province_of[network_id] for network_id in ids}:
            per_province.setdefault(province, set()).add(unit.nis_code)
        if not _is_current_name(name):
            key = fold(name)
            found = find_municipality(name)
            if key not in former and found is not None:
                former[key] = (found.short_name, unit.short_name, set())
            if key in former:
                former[key][2].update(ids)
    rows = []
    for province in PROVINCES:
        current = [m for m in _current_by_code().values() if m.province == province]
        missing = sorted((m.short_name for m in current if m.nis_code not in covered), key=fold)
        rows.append(
            CoverageRow(
                province=province,
                current=len(current),
                covered=len(current) - len(missing),
                networks=Figure(len(networks_in.get(province, ())), Link("covering", province)),
                uncovered=tuple(missing),
            )
        )
    merged_rows = tuple(
        MergedName(was, now, Figure(len(networks), Link("named", key)))
        for key, (was, now, networks) in sorted(former.items())
    )
    unknown_rows = tuple(
        NamedFigure(key, shown, Figure(len(networks), Link("named", key)))
        for key, (shown, networks) in sorted(unknown.items())
    )
    return tuple(rows), covered, merged_rows, unknown_rows, per_province


@cache
def _is_current_name(name: str) -> bool:
    found = find_municipality(name)
    return found is not None and found.is_current


def _agreements(data: _Data, year: int) -> tuple[tuple[YearRow, ...], dict[int, int], set[str]]:
    """Networks with an agreement in force per year of the chart, how many networks' last
    agreement ends in each year, and the networks with one in force in ``year``."""
    if not data.periods:
        return (), {}, set()
    first = year - YEARS_BEFORE
    last = year + YEARS_AFTER
    # A difference array over the years: +1 where a network's run of agreements starts, -1
    # after it ends. Overlapping agreements of one network are merged first (counted once).
    change: dict[int, int] = {}
    ending: dict[int, int] = {}
    in_force: set[str] = set()
    earliest, latest_seen = last, first
    for network_id, spans in data.periods.items():
        if len(spans) > 1:
            spans = sorted(spans)
            # Only agreements that overlap need merging (one network counts once a year);
            # following ones, the usual case, are counted as they are.
            if any(spans[i][0] <= spans[i - 1][1] for i in range(1, len(spans))):
                spans = _merged_spans(spans)
        final = spans[0][1]
        for start, end in spans:
            if end > final:
                final = end
            if start <= year <= end:
                in_force.add(network_id)
            if start < first:
                start = first
            if end > last:
                end = last
            if start > end:
                continue
            change[start] = change.get(start, 0) + 1
            change[end + 1] = change.get(end + 1, 0) - 1
            if start < earliest:
                earliest = start
            if end > latest_seen:
                latest_seen = end
        ending[final] = ending.get(final, 0) + 1
    rows = []
    running = 0
    for y in range(first, last + 1):
        running += change.get(y, 0)
        if earliest <= y <= max(latest_seen, year):
            rows.append(YearRow(y, Figure(running, Link("in_force", y))))
    return tuple(rows), ending, in_force


def _merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _instruments(data: _Data) -> tuple[tuple[NamedFigure, ...], Figure]:
    keys: dict[str, str] = {}
    spellings: dict[str, dict[str, int]] = {}  # key -> spelling -> uses
    networks: dict[str, set[str]] = {}
    for network_id, name in data.instruments:
        key = keys.get(name)
        if key is None:
            key = keys[name] = _tag_key(name)
        uses = spellings.setdefault(key, {})
        uses[name] = uses.get(name, 0) + 1
        networks.setdefault(key, set()).add(network_id)
    rows = sorted(
        (
            NamedFigure(
                key,
                # Shown in its most used spelling.
                max(spellings[key].items(), key=lambda item: (item[1], item[0]))[0],
                Figure(len(members), Link("instrument", key)),
            )
            for key, members in networks.items()
        ),
        key=lambda row: (-row.networks.count, fold(row.label)),
    )
    with_any = {network_id for network_id, _name in data.instruments}
    without = sum(1 for network_id in data.networks if network_id not in with_any)
    return tuple(rows), Figure(without, Link("no_instrument"))


def bucket_label(low: int, high: int | None) -> str:
    if high is None:
        return f"{low}+"
    if low == high:
        return str(low)
    return f"{low}–{high}"


def _partners(data: _Data, language: Language) -> tuple[tuple[NamedFigure, ...], float | None]:
    counts = sorted(data.partners.get(network_id, 0) for network_id in data.networks)
    rows = tuple(
        NamedFigure(
            bucket_label(low, high),
            bucket_label(low, high),
            Figure(
                sum(1 for c in counts if c >= low and (high is None or c <= high)),
                Link("partners", (low, high)),
            ),
        )
        for low, high in PARTNER_BUCKETS
    )
    if not counts:
        return rows, None
    middle = len(counts) // 2
    median = counts[middle] if len(counts) % 2 else (counts[middle - 1] + counts[middle]) / 2
    return rows, float(median)


def _quality(
    connection: sqlite3.Connection,
    data: _Data,
    ids: Iterable[UUID | str] | None,
    today: date,
    in_force: set[str],
    language: Language,
) -> tuple[NamedFigure, ...]:
    checks = _available_checks(connection)
    stale_before = _Scope(None, today).params()["stale_before"]
    values = data.networks.values()
    # The built-in checks are counted from what was read (their SQL conditions, which
    # resolve() uses, say the same: a test holds them to it); any other check by its SQL.
    built_in = {
        "no_email": len(data.networks.keys() - data.emails),
        "no_amount": sum(1 for _p, cents, _u in values if cents is None),
        "no_current_agreement": len(data.networks.keys() - in_force),
        "stale": sum(1 for _p, _c, updated in values if (updated or "") < stale_before),
        "no_province": sum(1 for province, _c, _u in values if province is None),
    }
    rows = []
    for check in checks:
        count = built_in.get(check.key)
        if count is None or check.condition != _BUILT_IN_CONDITIONS.get(check.key):
            scope = _Scope.of(ids, today)
            count = connection.execute(
                f"SELECT count(*) FROM networks AS n WHERE {scope.where} AND ({check.condition})",
                scope.params(),
            ).fetchone()[0]
        rows.append(
            NamedFigure(
                check.key, check.label(language), Figure(int(count), Link("quality", check.key))
            )
        )
    return tuple(rows)


_BUILT_IN_CONDITIONS = {check.key: check.condition for check in QUALITY_CHECKS}


# --- words ---------------------------------------------------------------------------------------


def _describe(link: Link, language: Language) -> str:
    en = language == "en"
    kind, value = link.kind, link.value
    if kind == "all":
        return "All networks of the overview" if en else "Alle netwerken van het overzicht"
    if kind == "province":
        if value is None:
            return "No province" if en else "Zonder provincie"
        return f"Province {value}" if en else f"Provincie {value}"
    if kind == "with_amount":
        return "With an amount" if en else "Met een bedrag"
    if kind == "in_force":
        return f"Agreement in force in {value}" if en else f"Afsprakennota loopt in {value}"
    if kind == "ending":
        return (
            f"Last agreement ends in {value}" if en else f"Laatste afsprakennota eindigt in {value}"
        )
    if kind == "instrument":
        return f"Instrument {value}"
    if kind == "no_instrument":
        return "No instrument" if en else "Zonder instrument"
    if kind == "partners":
        label = bucket_label(*value)
        return f"{label} partners"
    if kind == "quality":
        check = next((c for c in QUALITY_CHECKS if c.key == value), None)
        return check.label(language) if check is not None else str(value)
    if kind == "covering":
        if value is None:
            return "Naming a known municipality" if en else "Met een gekende gemeente"
        return f"Municipalities in {value}" if en else f"Gemeenten in {value}"
    if kind == "named":
        return f"Municipality named '{value}'" if en else f"Gemeente ‘{value}’"
    return kind
