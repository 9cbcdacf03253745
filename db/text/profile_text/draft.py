"""Pass 3: what the field readers found, before it becomes a validated record."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pydantic import ValidationError

from db.model import messages
from db.model.schemas import (
    Action,
    AgreementPeriod,
    Contact,
    Goal,
    Partner,
    Province,
    Section,
)
from db.text.profile_text.labels import Kind
from db.text.profile_text.lines import short
from db.text.profile_text.result import ProfileTextError

# A contact or amount line longer than this is prose, not data; also keeps the regexes cheap.
MAX_VALUE_CHARS = 2_000


@dataclass
class Draft:
    """What the readers found, before it becomes a validated profile."""

    warnings: list[str] = field(default_factory=list)
    vision: list[str] = field(default_factory=list)
    target_group: list[str] = field(default_factory=list)
    meetings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    periods: list[AgreementPeriod] = field(default_factory=list)
    amount: Decimal | None = None
    partners: list[Partner] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    instruments: list[str] | None = None  # None: detect them in the text
    name: str | None = None
    alias: str = ""
    region: str | None = None
    province: tuple[Province | None] | None = None  # set when a "Provincie:" line says it
    municipalities: list[str] | None = None
    kinds: set[Kind] = field(default_factory=set)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def add_section(self, title: str, body: str) -> None:
        if not title.strip() and not body.strip():
            return
        try:
            self.sections.append(Section(title=title, body=body))
        except ValidationError:
            # A title too long for a title: keep it as the first paragraph instead.
            joined = f"{title}\n\n{body}".strip()
            try:
                self.sections.append(Section(title="", body=joined))
            except ValidationError as error:
                where = short(title or body, 40)
                raise ProfileTextError(
                    f"De netwerkfiche kan niet bewaard worden: de tekst bij '{where}': "
                    + messages.summary(error, "nl"),
                    f"The profile cannot be stored: the text at '{where}': "
                    + messages.summary(error, "en"),
                ) from None

    def keep(self, title: str, body: str, why: str) -> None:
        """Text a reader could not place: kept as a section under its label, with a warning."""
        self.warn(why)
        self.add_section(title, body)


def storage_error(error: ValidationError) -> ProfileTextError:
    return ProfileTextError(
        "De netwerkfiche kan niet bewaard worden: " + messages.summary(error, "nl"),
        "The profile cannot be stored: " + messages.summary(error, "en"),
    )
