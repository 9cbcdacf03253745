"""Belgian (nl_BE) formats for amounts and dates, shared by the text parser, exports and print."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError

_EURO_WORDS = re.compile(r"(?i)\s*(€|eur(o)?)\s*")


def parse_euro(text: str) -> Decimal | None:
    """Read an amount as officers write it: "6 613 euro", "17.641", "€ 6.613,50", "7120"."""
    cleaned = _EURO_WORDS.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()
    if not cleaned:
        return None
    cleaned = cleaned.replace(" ", "").replace("'", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d{1,2})?|\d+(,\d{1,2})?", cleaned):
        # Belgian: dots group thousands, a comma starts the cents.
        normalised = cleaned.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+\.\d{1,2}", cleaned):
        # A decimal point with cents ("6613.50"): machine-written, e.g. from JSON or a spreadsheet.
        normalised = cleaned
    else:
        raise _not_an_amount(text)
    try:
        return Decimal(normalised)
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        raise _not_an_amount(text) from None


def _not_an_amount(text: str) -> PydanticCustomError:
    # pydantic_core only when an amount is refused: the list formats amounts at start-up.
    from pydantic_core import PydanticCustomError

    return PydanticCustomError("amount", "not an amount in euro: {text}", {"text": _shown(text)})


def _shown(text: str) -> str:
    """The refused text as an error message may quote it: short, and only printable characters.

    A lone surrogate in a message made pydantic fail while rendering the error (so the form
    crashed instead of saying what was wrong); control characters would garble a terminal.
    """
    return "".join(char if char.isprintable() else "\ufffd" for char in text[:40])


def group_thousands(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def format_euro(amount: Decimal | None, cents: bool = False) -> str:
    """ "€ 6.613" (whole euros) or "€ 6.613,50" when there are cents or they are asked for."""
    if amount is None:
        return ""
    quantized = amount.quantize(Decimal("0.01"))
    whole, fraction = divmod(quantized, 1)
    text = "€ " + group_thousands(int(whole))
    if cents or fraction:
        text += "," + f"{int(fraction * 100):02d}"
    return text


def format_date(day: date | datetime | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def format_datetime(moment: datetime | None) -> str:
    return moment.strftime("%d/%m/%Y %H:%M") if moment else ""


def format_period(ordinal: int, start_year: int, end_year: int) -> str:
    years = str(start_year) if start_year == end_year else f"{start_year}–{end_year}"
    return f"{ordinal}e afsprakennota {years}"


def local_time(moment: datetime | None) -> str:
    """``moment`` as the officer's clock shows it (stored times are UTC)."""
    if moment is None:
        return ""
    return format_datetime(moment.astimezone() if moment.tzinfo else moment)


def format_share(share: float | None, digits: int = 1) -> str:
    """A share as Belgians write a percentage: 0.4335 -> "43,4 %"."""
    if share is None:
        return ""
    return f"{share * 100:.{digits}f}".replace(".", ",") + " %"


def format_count(count: int) -> str:
    """A whole number with a dot between thousands: 10000 -> "10.000"."""
    return group_thousands(count) if count >= 0 else "-" + group_thousands(-count)


def format_euro_rounded(amount: Decimal | None) -> str:
    """Whole euros for summary figures ("€ 681.630"); "–" when there is no amount."""
    from decimal import ROUND_HALF_UP

    if amount is None:
        return "–"
    return format_euro(amount.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
