"""``netwerken overview``: the window's Overzicht on the command line, for scripts and reports.

    netwerken overview                          the figures as text
    netwerken overview --province Limburg --json
    netwerken overview uitpas --pdf overzicht.pdf --xlsx overzicht.xlsx

The same search text and filters as ``netwerken search`` choose the networks (all of them
without any); the figures come from :mod:`db.search.overview`, the PDF from the window's report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Literal

from desktop.cli.common import open_store, print_json
from desktop.cli.search import add_query_arguments, query_from


def register(subparsers: Any) -> None:
    overview = subparsers.add_parser(
        "overview",
        help="overzicht: cijfers per provincie, dekking, afsprakennota's, wat ontbreekt",
        description="Het overzicht van de netwerken die de zoekopdracht en filters kiezen "
        "(zonder: alle netwerken), als tekst, JSON, PDF of Excel.",
    )
    add_query_arguments(overview)
    overview.add_argument("--json", action="store_true", help="de cijfers als JSON")
    overview.add_argument("--pdf", metavar="BESTAND.pdf", type=Path, help="als A4-rapport (PDF)")
    overview.add_argument("--xlsx", metavar="BESTAND.xlsx", type=Path, help="als Excel-bestand")
    overview.set_defaults(handler=run_overview)


def run_overview(options: argparse.Namespace) -> int:
    from db.search.overview import compute
    from db.search.results import search_ids

    language: Literal["nl", "en"] = "en" if options.lang == "en" else "nl"
    query = query_from(options, "overview")
    if query is None:
        return 2
    store = open_store(options)
    try:
        ids = None if query.is_empty else search_ids(store, query)
        with store.plain_reading() as connection:
            result = compute(connection, ids, language=language)
    finally:
        store.close()
    description = _description(options, language)
    if options.pdf is not None:
        from desktop.cli.pdf import ensure_gui_application

        app = ensure_gui_application()  # noqa: F841 - must live while printing
        from desktop.overview.pdf import write_overview_pdf

        pages = write_overview_pdf(options.pdf, result, description, language)
        _note(options, f"{pages} pagina's → {options.pdf}", f"{pages} pages → {options.pdf}")
    if options.xlsx is not None:
        from db.exchange.overview_export import export_overview_xlsx

        try:
            export_overview_xlsx(result, options.xlsx, language)
        except OSError as error:
            print(f"netwerken overview: {options.xlsx}: {error.strerror or error}", file=sys.stderr)
            return 1
        _note(options, f"Excel → {options.xlsx}", f"Excel → {options.xlsx}")
    if options.json:
        print_json(result.to_json())
    elif options.pdf is None and options.xlsx is None:
        print(text_report(result, description, language))
    return 0


def _note(options: argparse.Namespace, dutch: str, english: str) -> None:
    """What was written; on stderr when stdout carries JSON."""
    print(english if options.lang == "en" else dutch, file=sys.stderr if options.json else None)


def _description(options: argparse.Namespace, language: Literal["nl", "en"]) -> str:
    parts = []
    if options.query.strip():
        parts.append(("Search" if language == "en" else "Zoekopdracht") + f": {options.query}")
    for name in ("province", "municipality", "year", "min_eur", "max_eur", "partner", "instrument"):
        value = getattr(options, name)
        if value not in (None, ""):
            parts.append(f"{name.replace('_', '-')} {value}")
    return "; ".join(parts)


def text_report(result: Any, description: str, language: Literal["nl", "en"] = "nl") -> str:
    """The figures as plain text, the window's order, nl_BE numbers."""
    from db.model.formats import format_count, format_date, format_euro_rounded, format_share

    en = language == "en"

    def t(dutch: str, english: str) -> str:
        return english if en else dutch

    headline = result.headline
    current = sum(row.current for row in result.coverage)
    lines = [
        t("Overzicht van ", "Overview of ")
        + format_count(headline.networks.count)
        + t(" netwerken", " networks")
        + (f" ({description})" if description else "")
        + t(", toestand op ", ", as of ")
        + format_date(result.today),
        t("Gemeenten met een netwerk: ", "Municipalities with a network: ")
        + f"{format_count(headline.municipalities)} {t('van', 'of')} {format_count(current)}",
        t("Trekkingsrecht per jaar: ", "Yearly drawing right: ")
        + format_euro_rounded(headline.total_eur)
        + t(" (mediaan ", " (median ")
        + format_euro_rounded(headline.median_eur)
        + t(
            f"; {headline.with_amount.count} netwerken met een bedrag)",
            f"; {headline.with_amount.count} networks with an amount)",
        ),
        t(f"Lopende afsprakennota in {result.year}: ", f"Agreement in force in {result.year}: ")
        + format_count(headline.in_force.count)
        + t(
            f"; laatste eindigt in {result.year}: {result.ending_this_year.count},"
            f" in {result.year + 1}: {result.ending_next_year.count}",
            f"; last one ends in {result.year}: {result.ending_this_year.count},"
            f" in {result.year + 1}: {result.ending_next_year.count}",
        ),
        "",
        t("Per provincie", "Per province"),
    ]
    for row in result.provinces:
        if row.province is None and not row.networks.count:
            continue
        name = row.province or t("Zonder provincie", "No province")
        lines.append(
            f"  {name:<17}{row.networks.count:>6} {t('netw.', 'netw.')}"
            f"{row.municipalities:>5} {t('gem.', 'mun.')}"
            f"{format_euro_rounded(row.total_eur):>14}"
            f"  {t('gemiddeld', 'mean')} {format_euro_rounded(row.mean_eur):>10}"
            f"{format_share(row.share):>9}"
        )
    lines += [
        "",
        t("Dekking: gemeenten zonder netwerk", "Coverage: municipalities without a network"),
    ]
    for coverage in result.coverage:
        lines.append(
            f"  {coverage.province:<17}{coverage.uncovered_count:>4} {t('van', 'of')} {coverage.current}"
            + (": " + ", ".join(coverage.uncovered) if coverage.uncovered else "")
        )
    if result.merged:
        lines.append(
            t("  Voormalige gemeenten meegeteld: ", "  Former municipalities counted: ")
            + ", ".join(f"{row.former} → {row.current}" for row in result.merged)
        )
    if result.unknown_municipalities:
        lines.append(
            t("  Niet in de referentielijst: ", "  Not in the reference list: ")
            + ", ".join(row.label for row in result.unknown_municipalities)
        )
    lines += [
        "",
        t(
            "Netwerken met een lopende afsprakennota, per jaar",
            "Networks with an agreement in force, per year",
        ),
    ]
    lines.append("  " + ", ".join(f"{row.year}: {row.networks.count}" for row in result.years))
    lines += ["", t("Instrumenten", "Instruments")]
    lines.append(
        "  "
        + ", ".join(f"{row.label} {row.networks.count}" for row in result.instruments)
        + t(
            f"; zonder: {result.without_instrument.count}",
            f"; none: {result.without_instrument.count}",
        )
    )
    median = result.partners_median
    lines += [
        "",
        t("Partners per netwerk", "Partners per network")
        + (f" ({t('mediaan', 'median')} {median:g})" if median is not None else ""),
        "  " + ", ".join(f"{row.label}: {row.networks.count}" for row in result.partner_buckets),
        "",
        t("Te vervolledigen", "Data quality"),
    ]
    lines += [f"  {row.label}: {row.networks.count}" for row in result.quality]
    return "\n".join(lines)
