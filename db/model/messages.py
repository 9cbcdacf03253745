"""Validation errors as sentences a user reads, in Dutch (default) or English.

Pydantic reports an error as a type code plus a location; here both become words: the field's
label and what is wrong with it. The forms show exactly these messages beside the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError
from pydantic_core import ErrorDetails

Language = Literal["nl", "en"]

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("Id", "Id"),
    "name": ("Naam", "Name"),
    "alias": ("Eigen naam", "Alias"),
    "municipalities": ("Gemeenten", "Municipalities"),
    "province": ("Provincie", "Province"),
    "region": ("Regio", "Region"),
    "vision": ("Visie", "Vision"),
    "target_group": ("Focus doelgroep", "Target group"),
    "agreement_periods": ("Afsprakennota's", "Agreement periods"),
    "ordinal": ("Nummer", "Number"),
    "start_year": ("Beginjaar", "Start year"),
    "end_year": ("Eindjaar", "End year"),
    "drawing_right_eur": ("Trekkingsrecht", "Drawing right"),
    "instruments": ("Instrumenten", "Instruments"),
    "partners": ("Partners", "Partners"),
    "description": ("Omschrijving", "Description"),
    "goals": ("Doelstellingen", "Goals"),
    "title": ("Titel", "Title"),
    "actions": ("Acties", "Actions"),
    "children": ("Deelacties", "Sub-actions"),
    "text": ("Tekst", "Text"),
    "meetings": ("Overlegmomenten", "Meetings"),
    "contacts": ("Contactpersonen", "Contacts"),
    "role": ("Functie", "Role"),
    "organisation": ("Organisatie", "Organisation"),
    "email": ("E-mail", "E-mail"),
    "phone": ("Telefoon", "Phone"),
    "sections": ("Andere rubrieken", "Other sections"),
    "body": ("Tekst", "Text"),
    "captions": ("Bijschriften", "Captions"),
    "credits": ("Beeldrechten", "Image credits"),
    "notes": ("Interne notities", "Internal notes"),
    "source": ("Bron", "Source"),
    "file_name": ("Bestand", "File"),
    "raw_text": ("Oorspronkelijke tekst", "Original text"),
    "networks": ("Netwerken", "Networks"),
    "format": ("Formaat", "Format"),
    "version": ("Versie", "Version"),
    "created_at": ("Aangemaakt", "Created"),
    "updated_at": ("Laatst gewijzigd", "Last changed"),
    "imported_at": ("Ingelezen op", "Imported at"),
}

# Error type -> (Dutch, English); {placeholders} come from the error's context.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("is verplicht", "is required"),
    "missing": ("is verplicht", "is required"),
    "too_short": (
        "moet minstens {min_length} element(en) bevatten",
        "needs at least {min_length} item(s)",
    ),
    "too_long": (
        "mag hoogstens {max_length} elementen bevatten",
        "may hold at most {max_length} items",
    ),
    "string_too_long": (
        "is te lang (hoogstens {max_length} tekens)",
        "is too long (at most {max_length} characters)",
    ),
    "string_type": ("moet tekst zijn", "must be text"),
    "int_parsing": ("moet een geheel getal zijn", "must be a whole number"),
    "int_type": ("moet een geheel getal zijn", "must be a whole number"),
    "int_from_float": ("moet een geheel getal zijn", "must be a whole number"),
    "decimal_parsing": ("is geen bedrag", "is not an amount"),
    "decimal_type": ("is geen bedrag", "is not an amount"),
    "decimal_max_places": (
        "mag hoogstens {decimal_places} cijfers na de komma hebben",
        "may have at most {decimal_places} decimals",
    ),
    "decimal_max_digits": ("is te groot", "is too large"),
    "decimal_whole_digits": ("is te groot", "is too large"),
    "greater_than_equal": ("mag niet kleiner zijn dan {ge}", "may not be less than {ge}"),
    "less_than_equal": ("mag niet groter zijn dan {le}", "may not be more than {le}"),
    "greater_than": ("moet groter zijn dan {gt}", "must be more than {gt}"),
    "less_than": ("moet kleiner zijn dan {lt}", "must be less than {lt}"),
    "control_characters": ("bevat onzichtbare stuurtekens", "contains control characters"),
    "invalid_unicode": ("bevat ongeldige tekens", "contains invalid characters"),
    # pydantic's own check, for a text field without our normaliser (a lone surrogate)
    "string_unicode": ("bevat ongeldige tekens", "contains invalid characters"),
    "line_break": ("moet op één regel passen", "must fit on one line"),
    "province": (
        "is geen provincie (Antwerpen, Limburg, Oost-Vlaanderen, Vlaams-Brabant, West-Vlaanderen of Brussel)",
        "is not a province (Antwerpen, Limburg, Oost-Vlaanderen, Vlaams-Brabant, West-Vlaanderen or Brussel)",
    ),
    "enum": ("is geen geldige keuze", "is not a valid choice"),
    "email": ("is geen geldig e-mailadres", "is not a valid e-mail address"),
    "year_range": ("moet tussen {min} en {max} liggen", "must lie between {min} and {max}"),
    "period_order": (
        "het beginjaar ligt na het eindjaar",
        "the start year comes after the end year",
    ),
    "ordinal_unique": (
        "twee afsprakennota's hebben hetzelfde nummer",
        "two agreement periods have the same number",
    ),
    "phone": (
        "is geen telefoonnummer (enkel cijfers, spaties en + / . - ( ))",
        "is not a phone number (digits, spaces and + / . - ( ) only)",
    ),
    "contact_identity": (
        "een contactpersoon heeft een naam of een e-mailadres nodig",
        "a contact needs a name or an e-mail address",
    ),
    "section_empty": (
        "een rubriek heeft een titel of een tekst nodig",
        "a section needs a title or a text",
    ),
    "duplicate": ("{value} staat er twee keer in", "{value} is listed twice"),
    "amount": ("is geen bedrag in euro: {text}", "is not an amount in euro: {text}"),
    "extra_forbidden": ("is een onbekend veld", "is not a known field"),
    "uuid_parsing": ("is geen geldige id", "is not a valid id"),
    "uuid_type": ("is geen geldige id", "is not a valid id"),
    "datetime_parsing": ("is geen geldige datum", "is not a valid date"),
    "datetime_from_date_parsing": ("is geen geldige datum", "is not a valid date"),
    "literal_error": ("heeft een onverwachte waarde", "has an unexpected value"),
    "list_type": ("moet een lijst zijn", "must be a list"),
    "model_type": ("heeft een onverwachte vorm", "has an unexpected shape"),
    "moment_range": (
        "datum moet tussen 2000-01-01 en morgen liggen (gevonden: {found})",
        "date must lie between 2000-01-01 and tomorrow (found: {found})",
    ),
    "model_attributes_type": ("heeft een onverwachte vorm", "has an unexpected shape"),
    "dict_type": ("heeft een onverwachte vorm", "has an unexpected shape"),
}


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One rejected value: where it is (a pydantic location) and what is wrong, in words."""

    location: tuple[str | int, ...]
    message: str

    @property
    def field(self) -> str:
        """The top-level field (``contacts`` for ``contacts.0.email``): where a form marks it."""
        return str(self.location[0]) if self.location else ""


def label(location: tuple[str | int, ...], language: Language = "nl") -> str:
    """ "Contactpersonen 2, E-mail" for ("contacts", 1, "email")."""
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            if parts:
                parts[-1] = f"{parts[-1]} {part + 1}"
            continue
        names = FIELD_LABELS.get(part)
        parts.append(names[0 if language == "nl" else 1] if names else part)
    return ", ".join(parts)


QUOTE_LIMIT = 80


def quote_cut(text: str, limit: int = QUOTE_LIMIT) -> str:
    """A text from a file as a message quotes it: on one line, at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def describe(error: ErrorDetails, language: Language = "nl") -> FieldProblem:
    location = tuple(error["loc"])
    kind = error["type"]
    if kind == "too_long" and isinstance(error.get("input"), str):
        kind = "string_too_long"  # a length limit applied after a text normaliser
    templates = MESSAGES.get(kind)
    # A value from the context may be a file's own text: quoted, but never at length.
    context = {
        key: quote_cut(value) if isinstance(value, str) else value
        for key, value in dict(error.get("ctx") or {}).items()
    }
    if templates is None:
        text = error["msg"]  # an error type we did not foresee: pydantic's English still helps
    else:
        try:
            text = templates[0 if language == "nl" else 1].format(**context)
        except (KeyError, IndexError):
            text = templates[0 if language == "nl" else 1]
    where = label(location, language)
    return FieldProblem(location=location, message=f"{where}: {text}" if where else text)


def problems(error: ValidationError, language: Language = "nl") -> list[FieldProblem]:
    return [describe(detail, language) for detail in error.errors(include_url=False)]


def summary(error: ValidationError, language: Language = "nl") -> str:
    return "\n".join(problem.message for problem in problems(error, language))
