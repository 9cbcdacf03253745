"""A guess never refuses a profile: when a value the reader inferred fails validation, it falls
back (the name from the municipality, the text to a section under its label) with a warning."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from db.model.schemas import (
    Action,
    AgreementPeriod,
    Contact,
    Goal,
    NetworkProfile,
    Partner,
    Section,
    default_name,
)
from db.text.profile_text.draft import Draft, storage_error, text_chunks
from db.text.profile_text.lines import short

# Each round repairs every field that failed; a repair can only make a later round fail on
# sections (more of them), so a few rounds always settle.
_ROUNDS = 6
_TEXT_LABELS = {
    "alias": "Eigen naam",
    "region": "Regio",
    "vision": "Visie",
    "target_group": "Focus doelgroep",
    "meetings": "Overlegmomenten",
    "notes": "Interne notities",
    "drawing_right_eur": "Trekkingsrecht",
}
_LIST_LABELS = {
    "municipalities": "Gemeenten",
    "agreement_periods": "Afsprakennota",
    "instruments": "Instrumenten",
    "partners": "Partners",
    "goals": "Doelstellingen",
    "actions": "Acties",
    "contacts": "Contactpersoon",
    "captions": "Bijschriften",
    "credits": "Beeld",
    "sections": "",
}
# How many items of a list are kept when it is too long (the schema's maximum), the rest is text;
# sections keep room for the text of the others.
_LIST_ROOM_FOR_TEXT = 20


def validated_profile(fields: dict[str, Any], draft: Draft, municipality: str) -> NetworkProfile:
    """The record from ``fields``; what fails validation falls back, with a warning in ``draft``.

    Refuses (:class:`~db.text.profile_text.result.ProfileTextError`) only when falling back
    cannot help either (a text too large for the record as a whole).
    """
    error: ValidationError | None = None
    for _ in range(_ROUNDS):
        try:
            return NetworkProfile(**fields)
        except ValidationError as failed:
            error = failed
        repaired = False
        for field_name, details in _failures(error).items():
            repaired |= _fall_back(field_name, details, fields, draft, municipality)
        if not repaired:
            break
        fields["sections"] = list(draft.sections)
    assert error is not None
    raise storage_error(error)


def _failures(error: ValidationError) -> dict[str, list[tuple[Any, ...]]]:
    failures: dict[str, list[tuple[Any, ...]]] = {}
    for detail in error.errors():
        loc = tuple(detail["loc"])
        if loc and isinstance(loc[0], str):
            failures.setdefault(loc[0], []).append(loc[1:])
    return failures


def _fall_back(
    field_name: str,
    locations: list[tuple[Any, ...]],
    fields: dict[str, Any],
    draft: Draft,
    municipality: str,
) -> bool:
    value = fields.get(field_name)
    if field_name == "name":
        fallback = default_name(municipality)
        if value == fallback:
            return False
        fields["name"] = fallback
        draft.keep(
            "Netwerknaam",
            str(value or ""),
            f"De naam '{short(str(value or ''))}' is geen bruikbare netwerknaam; de naam is "
            f"afgeleid uit de gemeente ({fallback}) en de tekst bewaard.",
        )
        return True
    if field_name in _TEXT_LABELS:
        label = _TEXT_LABELS[field_name]
        fields[field_name] = None if field_name == "drawing_right_eur" else ""
        text = f"{value} euro" if field_name == "drawing_right_eur" else str(value or "")
        draft.warn(f"'{label}' past niet in zijn veld; de tekst staat bij de rubrieken.")
        for part in text_chunks(text) or [""]:
            draft.add_section(label, part)
        return True
    if field_name in _LIST_LABELS and isinstance(value, list):
        return _list_fall_back(field_name, locations, fields, draft, municipality)
    return False


def _list_fall_back(
    field_name: str,
    locations: list[tuple[Any, ...]],
    fields: dict[str, Any],
    draft: Draft,
    municipality: str,
) -> bool:
    items: list[Any] = list(fields[field_name])
    bad = {loc[0] for loc in locations if loc and isinstance(loc[0], int)}
    whole_list = any(not loc or not isinstance(loc[0], int) for loc in locations)
    kept = [item for index, item in enumerate(items) if index not in bad]
    moved = [item for index, item in enumerate(items) if index in bad]
    if whole_list:
        limit = _list_limit(field_name)
        if field_name == "municipalities":
            kept, duplicates = _unique(kept)
            moved += duplicates
        if len(kept) > limit:
            keep = limit - _LIST_ROOM_FOR_TEXT if field_name == "sections" else limit
            kept, moved = kept[:keep], [*moved, *kept[keep:]]
    if not moved:
        return False
    if field_name == "municipalities" and not kept:
        kept = [municipality]
    label = _LIST_LABELS[field_name]
    fields[field_name] = kept
    if field_name == "sections":
        draft.sections[:] = kept
        draft.warn(
            f"{len(moved)} rubrieken zijn samengevoegd: de fiche heeft er meer dan het "
            "programma apart kan bewaren."
        )
    else:
        draft.warn(
            f"{len(moved)} × '{label}' niet als veld bewaard (ongeldig of te veel); de tekst "
            "staat bij de rubrieken."
        )
    text = "\n\n".join(_as_text(item) for item in moved)
    for part in text_chunks(text):
        draft.add_section(label, part)
    return True


def _list_limit(field_name: str) -> int:
    metadata = NetworkProfile.model_fields[field_name].metadata
    return next(
        (int(m.max_length) for m in metadata if getattr(m, "max_length", None) is not None),
        1_000,
    )


def _unique(names: list[str]) -> tuple[list[str], list[str]]:
    seen: set[str] = set()
    unique: list[str] = []
    duplicates: list[str] = []
    for name in names:
        key = str(name).casefold()
        (duplicates if key in seen else unique).append(name)
        seen.add(key)
    return unique, duplicates


def _as_text(item: object) -> str:
    """An item of a list field written out as text, so its words stay in the record."""
    if isinstance(item, Partner):
        return f"{item.name} – {item.description}" if item.description else item.name
    if isinstance(item, Goal):
        return "\n".join([item.title, *(f"• {_as_text(action)}" for action in item.actions)])
    if isinstance(item, Action):
        return "\n".join([item.text, *(f"  • {child.text}" for child in item.children)])
    if isinstance(item, Contact):
        pieces = (item.name, item.role, item.organisation, item.email, item.phone)
        return ", ".join(piece for piece in pieces if piece)
    if isinstance(item, Section):
        return f"{item.title}\n\n{item.body}".strip()
    if isinstance(item, AgreementPeriod):
        return f"{item.ordinal}: {item.start_year}-{item.end_year}"
    if isinstance(item, BaseModel):
        return " ".join(str(value) for value in item.model_dump().values())
    return str(item)
