"""Spreadsheets for people without the program: CSV as Belgian Excel reads it, and XLSX.

Both are built from the same tables and every text cell goes through :func:`cell_text`, the
one place that escapes what a spreadsheet would run as a formula (a cell starting with ``=``,
``+``, ``-`` or ``@``, or with a tab or carriage return as OWASP adds). Both are written
atomically. openpyxl is imported only when an XLSX file is made (start-up speed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from db.model.formats import format_datetime, format_period
from db.model.schemas import Action, NetworkProfile
from db.storage.atomic import atomic_path

Cell = str | int | float | Decimal | datetime | None

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel holds at most 32,767 characters in a cell; a longer text is cut, visibly.
MAX_CELL = 32_000
_CUT = " […]"
_MIN_WIDTH, _MAX_WIDTH = 8, 60


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: list[list[Cell]]


def cell_text(text: str) -> str:
    """A text as it may go into a spreadsheet cell: never a formula, never too long."""
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - len(_CUT)] + _CUT
    if text.startswith(FORMULA_STARTS):
        # The apostrophe is what Excel itself uses to say "this is text".
        return "'" + text
    return text


def _local(moment: datetime | None) -> datetime | None:
    """Spreadsheets know no time zones: show the officer's own clock time."""
    if moment is None:
        return None
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _contact_text(profile: NetworkProfile) -> str:
    parts = []
    for contact in profile.contacts:
        details = ", ".join(x for x in (contact.role, contact.email, contact.phone) if x)
        who = contact.name or contact.email
        parts.append(f"{who} ({details})" if details and details != who else who)
    return "; ".join(parts)


# --- the tables -------------------------------------------------------------------------------


NETWORK_HEADERS = (
    "Id",
    "Naam",
    "Eigen naam",
    "Gemeenten",
    "Provincie",
    "Regio",
    "Trekkingsrecht (EUR)",
    "Lopende afsprakennota",
    "Afsprakennota's",
    "Instrumenten",
    "Partners",
    "Contactpersonen",
    "Doelstellingen",
    "Visie",
    "Focus doelgroep",
    "Laatst gewijzigd",
)


def network_row(profile: NetworkProfile, year: int) -> list[Cell]:
    current = profile.current_period(year)
    return [
        str(profile.id),
        profile.name,
        profile.alias,
        ", ".join(profile.municipalities),
        profile.province.value if profile.province else "",
        profile.region,
        profile.drawing_right_eur,
        format_period(current.ordinal, current.start_year, current.end_year) if current else "",
        "; ".join(
            format_period(p.ordinal, p.start_year, p.end_year) for p in profile.agreement_periods
        ),
        ", ".join(profile.instruments),
        "; ".join(partner.name for partner in profile.partners),
        _contact_text(profile),
        "\n".join(goal.title for goal in profile.goals),
        profile.vision,
        profile.target_group,
        _local(profile.updated_at),
    ]


def _action_rows(name: str, goal: str, actions: Sequence[Action]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for action in actions:
        rows.append([name, goal, action.text, ""])
        rows.extend([name, goal, action.text, child.text] for child in action.children)
    return rows


def build_tables(profiles: Iterable[NetworkProfile], year: int | None = None) -> list[Table]:
    """One table per kind: networks, partners, contacts, periods, goals and actions."""
    year = year or date.today().year
    networks: list[list[Cell]] = []
    partners: list[list[Cell]] = []
    contacts: list[list[Cell]] = []
    periods: list[list[Cell]] = []
    goals: list[list[Cell]] = []
    for profile in profiles:
        name = profile.name
        networks.append(network_row(profile, year))
        partners.extend([name, p.name, p.description] for p in profile.partners)
        contacts.extend(
            [name, c.name, c.role, c.organisation, c.email, c.phone] for c in profile.contacts
        )
        periods.extend(
            [name, p.ordinal, p.start_year, p.end_year] for p in profile.agreement_periods
        )
        for goal in profile.goals:
            goals.append([name, goal.title, "", ""])
            goals.extend(_action_rows(name, goal.title, goal.actions))
        goals.extend(_action_rows(name, "", profile.actions))
    return [
        Table("Netwerken", NETWORK_HEADERS, networks),
        Table("Partners", ("Netwerk", "Partner", "Omschrijving"), partners),
        Table(
            "Contactpersonen",
            ("Netwerk", "Naam", "Functie", "Organisatie", "E-mail", "Telefoon"),
            contacts,
        ),
        Table("Afsprakennota's", ("Netwerk", "Nummer", "Beginjaar", "Eindjaar"), periods),
        Table("Doelstellingen en acties", ("Netwerk", "Doelstelling", "Actie", "Deelactie"), goals),
    ]


# --- CSV --------------------------------------------------------------------------------------


def csv_value(value: Cell) -> str:
    """A cell as Excel with Belgian settings reads it: decimal comma, day/month/year."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return cell_text(value)


# Characters that make a field be quoted: the separator Belgian Excel uses (;) and the one
# Excel set to comma lists uses (,): an unquoted comma there starts a new cell, and a cell
# "=cmd|..." cut loose from its apostrophe is a formula again. Quotes, tabs, line breaks too.
_QUOTE_WHEN = frozenset(';,"\t\r\n')


# Excel set to comma lists splits our ;-separated lines at every comma, quoted or not (the
# quote is not at the start of its cell there), and a line break can start a row: a formula
# start right after one is given the same apostrophe as at the start of a cell.
_FORMULA_AFTER_BREAK = re.compile(r"(?<=[,\r\n])(\s*)(?=[=+\-@])")


def csv_field(text: str) -> str:
    """One CSV field: quoted (with doubled quotes) when it holds any of :data:`_QUOTE_WHEN`."""
    if _QUOTE_WHEN.isdisjoint(text):
        return text
    text = _FORMULA_AFTER_BREAK.sub(r"\1'", text)
    return '"' + text.replace('"', '""') + '"'


def csv_line(values: Iterable[str]) -> str:
    return ";".join(csv_field(value) for value in values) + "\r\n"


def export_csv(profiles: Iterable[NetworkProfile], target: Path, *, year: int | None = None) -> int:
    """One row per network, ``;``-separated, UTF-8 with BOM; returns the number of networks."""
    table = build_tables(profiles, year)[0]
    with (
        atomic_path(Path(target)) as partial,
        partial.open("w", encoding="utf-8-sig", newline="") as handle,
    ):
        handle.write(csv_line(table.headers))
        for row in table.rows:
            handle.write(csv_line(csv_value(value) for value in row))
    return len(table.rows)


# --- XLSX -------------------------------------------------------------------------------------


def _width(values: Iterable[Cell], header: str) -> float:
    longest = len(header)
    for value in values:
        if value is None:
            continue
        text = csv_value(value)
        longest = max(longest, max((len(line) for line in text.split("\n")), default=0))
        if longest >= _MAX_WIDTH:
            break
    return float(min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH))


def export_xlsx(
    profiles: Iterable[NetworkProfile], target: Path, *, year: int | None = None
) -> int:
    """A workbook with a sheet per kind, header frozen, columns sized; returns networks."""
    tables = build_tables(profiles, year)
    write_tables_xlsx(tables, Path(target))
    return len(tables[0].rows)


def write_tables_xlsx(tables: Sequence[Table], target: Path) -> None:
    """A workbook with a sheet per table, header frozen, columns sized, written atomically."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for table in tables:
        sheet = workbook.create_sheet(table.title[:31])  # Excel's limit for a sheet name
        sheet.freeze_panes = "A2"
        for index, header in enumerate(table.headers):
            column = [row[index] for row in table.rows]
            sheet.column_dimensions[get_column_letter(index + 1)].width = _width(column, header)
        header_cells = []
        for header in table.headers:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in table.rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
                if isinstance(value, Decimal):
                    cell.number_format = '"€" #,##0.00'
                elif isinstance(value, datetime):
                    cell.number_format = "DD/MM/YYYY HH:MM"
                elif isinstance(value, str):
                    # Text, always: openpyxl would read "#N/A" as an error value.
                    cell.data_type = "s"
                    if "\n" in value:
                        cell.alignment = wrap
                cells.append(cell)
            sheet.append(cells)
    with atomic_path(Path(target)) as partial:
        workbook.save(partial)


def _xlsx_value(value: Cell) -> Cell:
    if isinstance(value, str):
        return cell_text(value)
    return value
