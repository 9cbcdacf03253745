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
# Below the schema's limits for a one-line title and a text field, with room for cleaning.
TITLE_CHARS = 300
CHUNK_CHARS = 90_000


def text_chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """A text in parts of at most ``limit`` characters, cut between paragraphs where possible,
    else between words: a text too long for one field goes on in the next, not lost."""
    parts: list[str] = []
    current = ""
    for paragraph in text.split("\n\n"):
        while len(paragraph) > limit:
            cut = paragraph.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            parts.extend([current] if current else [])
            current = ""
            parts.append(paragraph[:cut].strip())
            paragraph = paragraph[cut:].strip()
        joined = f"{current}\n\n{paragraph}" if current else paragraph
        if len(joined) > limit:
            parts.append(current)
            joined = paragraph
        current = joined
    if current.strip():
        parts.append(current)
    return [part for part in parts if part.strip()]


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
            return
        except ValidationError:
            pass
        # A title too long for a title becomes the first paragraph; a body too long for one
        # section goes on in the next ones.
        if len(title) > TITLE_CHARS:
            title, body = "", f"{title}\n\n{body}".strip()
        for part in text_chunks(body) or [""]:
            try:
                self.sections.append(Section(title=title, body=part))
            except ValidationError as error:
                where = short(title or part, 40)
                raise ProfileTextError(
                    f"De netwerkfiche kan niet gelezen worden: de tekst bij '{where}': "
                    + messages.summary(error, "nl"),
                    f"The profile cannot be read: the text at '{where}': "
                    + messages.summary(error, "en"),
                ) from None

    def keep(self, title: str, body: str, why: str) -> None:
        """Text a reader could not place: kept as a section under its label, with a warning."""
        self.warn(why)
        self.add_section(title, body)


def storage_error(error: ValidationError) -> ProfileTextError:
    return ProfileTextError(
        "De netwerkfiche kan niet gelezen worden: " + messages.summary(error, "nl"),
        "The profile cannot be read: " + messages.summary(error, "en"),
    )
