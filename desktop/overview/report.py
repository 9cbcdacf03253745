"""The overview as text: HTML sections shared by the tab (where every number is a link) and the
A4 report (:mod:`desktop.overview.pdf`, where the charts are drawn into the PDF as vectors).
No Qt here: the window loads this at start-up, the printing code only when it prints.

Every text that comes from the file (municipality and instrument names) is escaped here; the
numbers are formatted as Belgians write them (€ 1.391.234, 43,4 %).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from db.model.formats import format_count, format_date, format_euro_rounded, format_share
from db.search.overview import Figure, Language, Link, Overview

Href = Callable[[Link], str | None]  # a link's address on screen; None in print

REPORT_TITLE = "Overzicht van de netwerken"
MARKER = "§chart:{}§"


def _t(language: Language, dutch: str, english: str) -> str:
    return english if language == "en" else dutch


def euro(amount: Decimal | None) -> str:
    """Whole euros, non-breaking: a figure never wraps inside its number."""
    return format_euro_rounded(amount).replace(" ", "\u00a0")


def _number(figure: Figure, href: Href, text: str | None = None) -> str:
    shown = escape(text if text is not None else format_count(figure.count))
    target = href(figure.link) if figure.count else None
    return f'<a href="{escape(target)}">{shown}</a>' if target else shown


def _table(headers: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
    head = "".join(
        f'<th align="{"right" if index >= numeric_from else "left"}">{escape(header)}</th>'
        for index, header in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td align="{"right" if index >= numeric_from else "left"}">{cell}</td>'
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        '<table class="overview" cellspacing="0" cellpadding="3" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


@dataclass(frozen=True)
class Sections:
    """The overview's parts as HTML fragments, in reading order."""

    headline: str
    provinces: str
    coverage: str
    agreements: str
    instruments: str
    partners: str
    quality: str


def sections(
    result: Overview, language: Language = "nl", href: Href = lambda _link: None
) -> Sections:
    t = lambda dutch, english: _t(language, dutch, english)  # noqa: E731
    headline = result.headline
    cards = [
        (t("Netwerken", "Networks"), _number(headline.networks, href)),
        (
            t("Gemeenten met een netwerk", "Municipalities with a network"),
            # The municipalities' number leads to the networks naming them.
            _number(
                Figure(headline.municipalities, headline.municipalities_link),
                href,
            )
            + f'<span class="card-of"> {t("van", "of")}\u00a0'
            + format_count(sum(row.current for row in result.coverage))
            + "</span>",
        ),
        (
            t("Trekkingsrecht per jaar, totaal", "Yearly drawing right, total"),
            _number(headline.with_amount, href, euro(headline.total_eur)),
        ),
        (
            t("Mediaan per netwerk", "Median per network"),
            _number(headline.with_amount, href, euro(headline.median_eur))
            if headline.median_eur is not None
            else escape(euro(None)),
        ),
        (
            t(f"Lopende afsprakennota {result.year}", f"Agreement in force {result.year}"),
            _number(headline.in_force, href),
        ),
    ]
    headline_html = (
        '<table class="cards" cellspacing="0" cellpadding="6" width="100%"><tr>'
        + "".join(
            f'<td width="20%"><p class="card-number">{value}</p>'
            f'<p class="card-label">{escape(label)}</p></td>'
            for label, value in cards
        )
        + "</tr></table>"
    )

    province_rows = []
    for row in result.provinces:
        if row.province is None and not row.networks.count:
            continue
        province_rows.append(
            [
                escape(row.province or t("Zonder provincie", "No province")),
                _number(row.networks, href),
                format_count(row.municipalities),
                escape(euro(row.total_eur)),
                escape(euro(row.mean_eur)),
                escape(format_share(row.share)),
            ]
        )
    province_rows.append(
        [
            f"<b>{t('Totaal', 'Total')}</b>",
            f"<b>{_number(headline.networks, href)}</b>",
            f"<b>{format_count(headline.municipalities)}</b>",
            f"<b>{escape(euro(headline.total_eur))}</b>",
            f"<b>{escape(euro(_mean(result)))}</b>",
            "<b>100,0 %</b>" if headline.total_eur else "",
        ]
    )
    provinces_html = _table(
        [
            t("Provincie", "Province"),
            t("Netwerken", "Networks"),
            t("Gemeenten", "Municipalities"),
            t("Trekkingsrecht", "Drawing right"),
            t("Gemiddeld", "Mean"),
            t("Aandeel", "Share"),
        ],
        province_rows,
    )

    coverage_rows = [
        [
            escape(row.province),
            format_count(row.current),
            format_count(row.covered),
            format_count(row.uncovered_count),
            _number(row.networks, href),
        ]
        for row in result.coverage
    ]
    coverage_html = _table(
        [
            t("Provincie", "Province"),
            t("Gemeenten", "Municipalities"),
            t("Met netwerk", "With a network"),
            t("Zonder netwerk", "Without"),
            t("Netwerken", "Networks"),
        ],
        coverage_rows,
    )
    for coverage in result.coverage:
        if coverage.uncovered:
            coverage_html += (
                f'<p class="names"><b>{escape(t("Zonder netwerk in", "Without a network in"))} '
                f"{escape(coverage.province)} ({coverage.uncovered_count}):</b> "
                f"{escape(', '.join(coverage.uncovered))}</p>"
            )
    if result.merged:
        merged = ", ".join(
            f"{escape(row.former)} → {escape(row.current)} ({_number(row.networks, href)})"
            for row in result.merged
        )
        coverage_html += (
            f'<p class="names"><b>{escape(t("Voormalige gemeenten, meegeteld in de nieuwe gemeente (fusies 2025):", "Former municipalities, counted in the new one (2025 mergers):"))}</b> '
            f"{merged}</p>"
        )
    if result.unknown_municipalities:
        unknown = ", ".join(
            f"{escape(row.label)} ({_number(row.networks, href)})"
            for row in result.unknown_municipalities
        )
        coverage_html += (
            f'<p class="names"><b>{escape(t("Niet in de referentielijst (niet meegeteld):", "Not in the reference list (not counted):"))}</b> '
            f"{unknown}</p>"
        )

    agreements_html = (
        "<p>"
        + escape(
            t(f"Afsprakennota loopt in {result.year}: ", f"Agreement in force in {result.year}: ")
        )
        + _number(headline.in_force, href)
        + escape(t(" netwerken. ", " networks. "))
        + escape(
            t(
                f"Laatste afsprakennota eindigt in {result.year}: ",
                f"Last agreement ends in {result.year}: ",
            )
        )
        + _number(result.ending_this_year, href)
        + escape(t(f"; in {result.year + 1}: ", f"; in {result.year + 1}: "))
        + _number(result.ending_next_year, href)
        + ".</p>"
    )

    instrument_rows = [
        [escape(row.label), _number(row.networks, href)] for row in result.instruments
    ]
    instrument_rows.append(
        [
            f"<i>{escape(t('Zonder instrument', 'No instrument'))}</i>",
            _number(result.without_instrument, href),
        ]
    )
    instruments_html = _table(
        [t("Instrument", "Instrument"), t("Netwerken", "Networks")], instrument_rows
    )

    median = result.partners_median
    partners_html = (
        "<p>"
        + escape(
            t("Mediaan: ", "Median: ")
            + ("–" if median is None else f"{median:g}".replace(".", ","))
            + t(" partners per netwerk. ", " partners per network. ")
        )
        + " · ".join(
            f"{escape(row.label)}: {_number(row.networks, href)}" for row in result.partner_buckets
        )
        + "</p>"
    )

    quality_rows = [[escape(row.label), _number(row.networks, href)] for row in result.quality]
    quality_html = _table(
        [t("Wat ontbreekt", "What is missing"), t("Netwerken", "Networks")], quality_rows
    )

    return Sections(
        headline_html,
        provinces_html,
        coverage_html,
        agreements_html,
        instruments_html,
        partners_html,
        quality_html,
    )


def _mean(result: Overview) -> Decimal | None:
    count = result.headline.with_amount.count
    if not count:
        return None
    return (result.headline.total_eur / count).quantize(Decimal("0.01"))


def titles(language: Language) -> dict[str, str]:
    t = lambda dutch, english: _t(language, dutch, english)  # noqa: E731
    return {
        "provinces": t("Per provincie", "Per province"),
        "coverage": t(
            "Dekking: gemeenten zonder netwerk", "Coverage: municipalities without a network"
        ),
        "agreements": t("Afsprakennota's", "Agreements"),
        "instruments": t("Instrumenten", "Instruments"),
        "partners": t("Partners per netwerk", "Partners per network"),
        "quality": t("Te vervolledigen", "Data quality"),
    }


def _chart_place(key: str) -> str:
    return f'<p class="chart">{MARKER.format(key)}</p>'


def report_html(result: Overview, description: str, language: Language = "nl") -> str:
    parts = sections(result, language)
    heads = titles(language)
    lead = escape(description) + " · " if description else ""
    return (
        "<html><body>"
        f"<h1>{escape(_t(language, REPORT_TITLE, 'Overview of the networks'))}</h1>"
        f'<p class="lead">{lead}{escape(_t(language, "Toestand op", "As of"))} '
        f"{escape(format_date(result.today))}</p>"
        f"{parts.headline}"
        f"<h2>{escape(heads['provinces'])}</h2>{parts.provinces}"
        f"{_chart_place('provinces')}"
        f"<h2>{escape(heads['agreements'])}</h2>{parts.agreements}"
        f"{_chart_place('agreements')}"
        f"<h2>{escape(heads['instruments'])}</h2>"
        f"{_chart_place('instruments')}{parts.instruments}"
        f"<h2>{escape(heads['partners'])}</h2>{parts.partners}"
        f"{_chart_place('partners')}"
        f"<h2>{escape(heads['quality'])}</h2>{parts.quality}"
        f"<h2>{escape(heads['coverage'])}</h2>{parts.coverage}"
        "</body></html>"
    )
