"""Validation errors as sentences a user reads, in Dutch (default) or English.

Pydantic reports an error as a type code plus a location; here both become words: the field's
label and what is wrong with it, said the way an officer would say it ("Vul minstens één
gemeente in", not "moet minstens 1 element(en) bevatten"). The forms show exactly these
messages beside the field. This is the one place where that wording lives, including the
notes that do not block saving (an unknown municipality, with the names it may have meant).
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

# One row of a list, named as one says it: "Contactpersoon 2, E-mail", not "Contactpersonen 2".
ROW_LABELS: dict[str, tuple[str, str]] = {
    "agreement_periods": ("Afsprakennota", "Agreement period"),
    "partners": ("Partner", "Partner"),
    "goals": ("Doelstelling", "Goal"),
    "actions": ("Actie", "Action"),
    "children": ("Deelactie", "Sub-action"),
    "contacts": ("Contactpersoon", "Contact"),
    "sections": ("Rubriek", "Section"),
    "captions": ("Bijschrift", "Caption"),
    "municipalities": ("Gemeente", "Municipality"),
    "instruments": ("Instrument", "Instrument"),
    "networks": ("Netwerk", "Network"),
}

# Error type -> (Dutch, English); {placeholders} come from the error's context.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("is verplicht", "is required"),
    "missing": ("is verplicht", "is required"),
    "too_short": ("vul er minstens {min_length} in", "fill in at least {min_length}"),
    "too_long": (
        "er mogen er hoogstens {max_length} in staan",
        "there may be at most {max_length}",
    ),
    "string_too_long": (
        "is te lang (hoogstens {max_length} tekens)",
        "is too long (at most {max_length} characters)",
    ),
    "string_type": ("moet tekst zijn", "must be text"),
    "int_parsing": ("vul een getal in, met cijfers alleen", "fill in a number, in digits only"),
    "int_type": ("vul een getal in, met cijfers alleen", "fill in a number, in digits only"),
    "int_from_float": ("vul een getal zonder komma in", "fill in a number without decimals"),
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
        "is geen geldig telefoonnummer (een nummer uit het buitenland begint met + en de landcode)",
        "is not a valid phone number (a number from abroad starts with + and the country code)",
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
    # (only a file brings these: the form cannot produce them)
    "list_type": ("moet een lijst zijn", "must be a list"),
    "model_type": ("heeft een onverwachte vorm", "has an unexpected shape"),
    "moment_range": (
        "datum moet tussen 2000-01-01 en morgen liggen (gevonden: {found})",
        "date must lie between 2000-01-01 and tomorrow (found: {found})",
    ),
    "model_attributes_type": ("heeft een onverwachte vorm", "has an unexpected shape"),
    "dict_type": ("heeft een onverwachte vorm", "has an unexpected shape"),
}

# What is wrong, said for one field in particular: (field, error type) -> (Dutch, English).
# The field is the location without row numbers ("agreement_periods.end_year" for any row's
# end year). A text that starts with a capital is a whole sentence and replaces "Label: ..."
# altogether (for a field of the form itself, whose label stands beside it anyway).
FIELD_MESSAGES: dict[tuple[str, str], tuple[str, str]] = {
    ("name", "required"): ("Vul de naam van het netwerk in.", "Fill in the network's name."),
    ("name", "missing"): ("Vul de naam van het netwerk in.", "Fill in the network's name."),
    ("municipalities", "too_short"): (
        "Vul minstens één gemeente in.",
        "Fill in at least one municipality.",
    ),
    ("municipalities", "missing"): (
        "Vul minstens één gemeente in.",
        "Fill in at least one municipality.",
    ),
    ("municipalities", "too_long"): (
        "Er mogen hoogstens {max_length} gemeenten in staan.",
        "There may be at most {max_length} municipalities.",
    ),
    ("agreement_periods.ordinal", "int_parsing"): (
        "vul een volgnummer in, bv. 2",
        "fill in a number, e.g. 2",
    ),
    ("agreement_periods.ordinal", "int_type"): (
        "vul een volgnummer in, bv. 2",
        "fill in a number, e.g. 2",
    ),
    ("agreement_periods.ordinal", "missing"): (
        "vul een volgnummer in, bv. 2",
        "fill in a number, e.g. 2",
    ),
    ("agreement_periods.start_year", "int_parsing"): (
        "vul een jaartal in, bv. 2020",
        "fill in a year, e.g. 2020",
    ),
    ("agreement_periods.start_year", "int_type"): (
        "vul een jaartal in, bv. 2020",
        "fill in a year, e.g. 2020",
    ),
    ("agreement_periods.start_year", "missing"): ("vul het beginjaar in", "fill in the start year"),
    ("agreement_periods.end_year", "int_parsing"): (
        "vul een jaartal in, bv. 2025",
        "fill in a year, e.g. 2025",
    ),
    ("agreement_periods.end_year", "int_type"): (
        "vul een jaartal in, bv. 2025",
        "fill in a year, e.g. 2025",
    ),
    ("agreement_periods.end_year", "missing"): ("vul het eindjaar in", "fill in the end year"),
    ("goals.title", "required"): ("vul de doelstelling in", "fill in the goal"),
    ("goals.actions.text", "required"): ("vul de actie in", "fill in the action"),
    ("goals.actions.children.text", "required"): ("vul de deelactie in", "fill in the sub-action"),
    ("actions.text", "required"): ("vul de actie in", "fill in the action"),
    ("actions.children.text", "required"): ("vul de deelactie in", "fill in the sub-action"),
    ("partners.name", "required"): ("vul de naam van de partner in", "fill in the partner's name"),
}

# Notes that do not stop a save: the value is kept, the officer is asked to look again.
NOTES: dict[str, tuple[str, str]] = {
    "unknown_municipality": (
        "{name}: onbekende gemeente — controleer de spelling.",
        "{name}: unknown municipality — please check the spelling.",
    ),
    "did_you_mean": ("Bedoelde je {names}?", "Did you mean {names}?"),
    "or": (" of ", " or "),
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
    """ "Contactpersoon 2, E-mail" for ("contacts", 1, "email")."""
    index = 0 if language == "nl" else 1
    parts: list[str] = []
    for position, part in enumerate(location):
        if isinstance(part, int):
            if parts:
                parts[-1] = f"{parts[-1]} {part + 1}"
            continue
        is_row = position + 1 < len(location) and isinstance(location[position + 1], int)
        names = (ROW_LABELS.get(part) if is_row else None) or FIELD_LABELS.get(part)
        parts.append(names[index] if names else part)
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
    field = ".".join(part for part in location if isinstance(part, str))
    templates = FIELD_MESSAGES.get((field, kind)) or MESSAGES.get(kind)
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
    if (templates is not None and templates[0][:1].isupper()) or not where:
        return FieldProblem(location=location, message=text)  # a whole sentence of its own
    return FieldProblem(location=location, message=f"{where}: {text}")


def problems(error: ValidationError, language: Language = "nl") -> list[FieldProblem]:
    return [describe(detail, language) for detail in error.errors(include_url=False)]


def summary(error: ValidationError, language: Language = "nl") -> str:
    return "\n".join(problem.message for problem in problems(error, language))


def unknown_municipality(name: str, suggestions: list[str], language: Language = "nl") -> str:
    """ "Xyzstad: onbekende gemeente — controleer de spelling. Bedoelde je Zwijndrecht of
    Zwevegem?" (the suggestions from :func:`db.reference.closest_municipalities`)."""
    index = 0 if language == "nl" else 1
    text = NOTES["unknown_municipality"][index].format(name=name)
    if suggestions:
        names = (
            ", ".join(suggestions[:-1]) + NOTES["or"][index] + suggestions[-1]
            if len(suggestions) > 1
            else suggestions[0]
        )
        text += " " + NOTES["did_you_mean"][index].format(names=names)
    return text
