"""The overview as a workbook (``netwerken overview --xlsx``, Excel… in the tab): one sheet per
part, numbers as numbers (amounts in euro), names escaped like every spreadsheet cell we write.
"""

from __future__ import annotations

from pathlib import Path

from db.exchange.tabular import Cell, Table, write_tables_xlsx
from db.search.overview import Language, Overview


def _t(language: Language, dutch: str, english: str) -> str:
    return english if language == "en" else dutch


def overview_tables(result: Overview, language: Language = "nl") -> list[Table]:
    t = lambda dutch, english: _t(language, dutch, english)  # noqa: E731
    headline = result.headline
    summary: list[list[Cell]] = [
        [t("Datum", "Date"), result.today.isoformat()],
        [t("Netwerken", "Networks"), headline.networks.count],
        [t("Gemeenten met een netwerk", "Municipalities with a network"), headline.municipalities],
        [t("Trekkingsrecht per jaar, totaal", "Yearly drawing right, total"), headline.total_eur],
        [t("Netwerken met een bedrag", "Networks with an amount"), headline.with_amount.count],
        [t("Mediaan per netwerk", "Median per network"), headline.median_eur],
        [
            t(f"Lopende afsprakennota {result.year}", f"Agreement in force {result.year}"),
            headline.in_force.count,
        ],
        [
            t(
                f"Laatste afsprakennota eindigt in {result.year}",
                f"Last agreement ends {result.year}",
            ),
            result.ending_this_year.count,
        ],
        [
            t(
                f"Laatste afsprakennota eindigt in {result.year + 1}",
                f"Last agreement ends {result.year + 1}",
            ),
            result.ending_next_year.count,
        ],
        [t("Mediaan partners per netwerk", "Median partners per network"), result.partners_median],
    ]
    provinces: list[list[Cell]] = [
        [
            row.province or t("Zonder provincie", "No province"),
            row.networks.count,
            row.municipalities,
            row.total_eur,
            row.mean_eur,
            None if row.share is None else round(row.share, 4),
        ]
        for row in result.provinces
        if row.province is not None or row.networks.count
    ]
    coverage: list[list[Cell]] = [
        [
            row.province,
            row.current,
            row.covered,
            row.uncovered_count,
            row.networks.count,
            ", ".join(row.uncovered),
        ]
        for row in result.coverage
    ]
    former: list[list[Cell]] = [
        [row.former, row.current, row.networks.count] for row in result.merged
    ]
    former += [[row.label, None, row.networks.count] for row in result.unknown_municipalities]
    years: list[list[Cell]] = [[row.year, row.networks.count] for row in result.years]
    instruments: list[list[Cell]] = [[row.label, row.networks.count] for row in result.instruments]
    instruments.append([t("(geen instrument)", "(no instrument)"), result.without_instrument.count])
    partners: list[list[Cell]] = [[row.label, row.networks.count] for row in result.partner_buckets]
    quality: list[list[Cell]] = [[row.label, row.networks.count] for row in result.quality]
    networks = t("Netwerken", "Networks")
    return [
        Table(t("Overzicht", "Overview"), (t("Cijfer", "Figure"), t("Waarde", "Value")), summary),
        Table(
            t("Provincies", "Provinces"),
            (
                t("Provincie", "Province"),
                networks,
                t("Gemeenten", "Municipalities"),
                t("Trekkingsrecht", "Drawing right"),
                t("Gemiddeld", "Mean"),
                t("Aandeel", "Share"),
            ),
            provinces,
        ),
        Table(
            t("Dekking", "Coverage"),
            (
                t("Provincie", "Province"),
                t("Gemeenten", "Municipalities"),
                t("Met netwerk", "With a network"),
                t("Zonder netwerk", "Without"),
                networks,
                t("Gemeenten zonder netwerk", "Municipalities without a network"),
            ),
            coverage,
        ),
        Table(
            t("Voormalige gemeenten", "Former municipalities"),
            (
                t("Naam in de fiches", "Name in the profiles"),
                t("Meegeteld in", "Counted in"),
                networks,
            ),
            former,
        ),
        Table(t("Afsprakennota's", "Agreements"), (t("Jaar", "Year"), networks), years),
        Table(
            t("Instrumenten", "Instruments"), (t("Instrument", "Instrument"), networks), instruments
        ),
        Table(t("Partners", "Partners"), (t("Partners", "Partners"), networks), partners),
        Table(
            t("Te vervolledigen", "Data quality"),
            (t("Wat ontbreekt", "What is missing"), networks),
            quality,
        ),
    ]


def export_overview_xlsx(result: Overview, target: Path, language: Language = "nl") -> int:
    """Write the workbook atomically; returns the number of sheets."""
    tables = overview_tables(result, language)
    write_tables_xlsx(tables, Path(target))
    return len(tables)
