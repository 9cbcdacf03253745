"""What each chart of the overview shows, as plain data: bars with a label, a value, the text
written on the bar and the networks a click lists. Built without matplotlib (the screen, the
report and the tests share it; only drawing needs the library)."""

from __future__ import annotations

from dataclasses import dataclass

from db.model.formats import format_count, format_euro_rounded
from db.search.overview import Language, Link, Overview


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    text: str  # written at the end of the bar, nl_BE
    link: Link | None
    highlight: bool = False  # this year, in the agreements chart


@dataclass(frozen=True, slots=True)
class ChartSpec:
    key: str
    title: str
    bars: tuple[Bar, ...]
    horizontal: bool = False  # bars to the right, labels on the left (long names)

    @property
    def empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def _t(language: Language, dutch: str, english: str) -> str:
    return english if language == "en" else dutch


def province_chart(result: Overview, language: Language = "nl") -> ChartSpec:
    none = _t(language, "Zonder provincie", "No province")
    return ChartSpec(
        "provinces",
        _t(language, "Trekkingsrecht per provincie", "Drawing right per province"),
        tuple(
            Bar(
                row.province or none,
                float(row.total_eur),
                format_euro_rounded(row.total_eur),
                row.networks.link,
            )
            for row in result.provinces
            if row.province is not None or row.networks.count
        ),
        horizontal=True,
    )


def agreements_chart(result: Overview, language: Language = "nl") -> ChartSpec:
    return ChartSpec(
        "agreements",
        _t(
            language,
            "Netwerken met een lopende afsprakennota, per jaar",
            "Networks with an agreement in force, per year",
        ),
        tuple(
            Bar(
                str(row.year),
                row.networks.count,
                format_count(row.networks.count),
                row.networks.link,
                highlight=row.year == result.year,
            )
            for row in result.years
        ),
    )


def instruments_chart(result: Overview, language: Language = "nl", limit: int = 12) -> ChartSpec:
    rows = result.instruments[:limit]
    bars = [
        Bar(row.label, row.networks.count, format_count(row.networks.count), row.networks.link)
        for row in rows
    ]
    bars.append(
        Bar(
            _t(language, "(geen instrument)", "(no instrument)"),
            result.without_instrument.count,
            format_count(result.without_instrument.count),
            result.without_instrument.link,
        )
    )
    return ChartSpec(
        "instruments",
        _t(language, "Instrumenten in gebruik", "Instruments in use"),
        tuple(bars),
        horizontal=True,
    )


def partners_chart(result: Overview, language: Language = "nl") -> ChartSpec:
    return ChartSpec(
        "partners",
        _t(language, "Partners per netwerk", "Partners per network"),
        tuple(
            Bar(row.label, row.networks.count, format_count(row.networks.count), row.networks.link)
            for row in result.partner_buckets
        ),
    )


def all_charts(result: Overview, language: Language = "nl") -> dict[str, ChartSpec]:
    specs = (
        province_chart(result, language),
        agreements_chart(result, language),
        instruments_chart(result, language),
        partners_chart(result, language),
    )
    return {spec.key: spec for spec in specs}
