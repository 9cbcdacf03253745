"""The warnings the profile-text reader leaves on a record, in Dutch and English.

Every warning is a template here with its Dutch and English wording; the reader builds each
warning through one (:meth:`WarningText.dutch`). The record keeps the Dutch sentence
(``source.warnings``; existing databases, printed and exported data stay as they are), and
:func:`in_language` turns a stored sentence into the interface's language by matching it against
the Dutch templates. A sentence that matches none (from an older version) is shown as stored.

The values in a warning quote the file's text ('…' around them); they are never translated, only
the program's own field labels are (``'Visie' past niet in zijn veld`` -> ``'Vision' does not
fit its field``). A value that itself contains the literal words of another template may match
that template instead; the sentence then still reads correctly, only split elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from string import Formatter

from db.model.messages import FIELD_LABELS, ROW_LABELS, Language

# The program's own labels that a warning names (the fallback's section titles), Dutch -> English.
PROGRAM_LABELS: dict[str, str] = {
    **{dutch: english for dutch, english in FIELD_LABELS.values()},
    **{dutch: english for dutch, english in ROW_LABELS.values()},
    "Beeld": "Image credits",
}


@dataclass(frozen=True)
class WarningText:
    """One warning: ``{name}`` fields filled in by :meth:`dutch` and :func:`in_language`.

    ``labels`` names the fields that hold one of the program's :data:`PROGRAM_LABELS` (not the
    file's text), which are translated too.
    """

    nl: str
    en: str
    labels: frozenset[str] = field(default=frozenset())

    @cached_property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for _text, name, _spec, _conv in Formatter().parse(self.nl) if name)

    @cached_property
    def literal_length(self) -> int:
        """How much of the sentence is the template's own words (the more, the more specific)."""
        return sum(len(text) for text, _name, _spec, _conv in Formatter().parse(self.nl))

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The Dutch sentence as a regular expression: literal text escaped, each field any text."""
        parts = []
        for literal, name, _spec, _conversion in Formatter().parse(self.nl):
            parts.append(re.escape(literal))
            if name:
                parts.append(f"(?P<{name}>.*)")
        return re.compile("".join(parts), re.DOTALL)

    def dutch(self, **values: object) -> str:
        """The sentence the record keeps."""
        return self.nl.format(**values)

    def english(self, **values: object) -> str:
        return self.en.format(**values)

    def translated(self, sentence: str, language: Language) -> str | None:
        """``sentence`` (made by :meth:`dutch`) in ``language``, or None if this did not make it."""
        found = self.pattern.fullmatch(sentence)
        if found is None:
            return None
        if language == "nl":
            return sentence
        values = {
            name: PROGRAM_LABELS.get(value, value) if name in self.labels else value
            for name, value in found.groupdict().items()
        }
        return self.english(**values)


# --- the reader's warnings, in the order a text is read --------------------------------------

GUESSED_ENCODING = WarningText(
    "Het bestand is gelezen als Windows-1252 (geen UTF-8).",
    "The file was read as Windows-1252 (not UTF-8).",
)
VISION_WITHOUT_LABEL = WarningText(
    "De eerste alinea zonder titel is als visie gelezen.",
    "The first paragraph without a title was read as the vision.",
)
REGION_FROM_TITLE = WarningText(
    "'{region}' uit de titel is als regio bewaard.",
    "'{region}' from the title was kept as the region.",
)
UNKNOWN_MUNICIPALITY = WarningText(
    "Gemeente '{municipality}' niet gevonden in de referentielijst; provincie onbekend.",
    "Municipality '{municipality}' not found in the reference list; province unknown.",
)
PROVINCE_INFERRED = WarningText(
    "Provincie afgeleid uit de gemeente {municipality}: {province}.",
    "Province inferred from the municipality {municipality}: {province}.",
)
MERGED_MUNICIPALITY = WarningText(
    "{municipality} is intussen deel van {merged_into}.",
    "{municipality} has since become part of {merged_into}.",
)
UNKNOWN_PROVINCE = WarningText(
    "Onbekende provincie: '{text}'.",
    "Unknown province: '{text}'.",
)
PERIOD_NOT_READ = WarningText(
    "Periode niet gelezen: '{text}'.",
    "Period not read: '{text}'.",
)
ORDINAL_INFERRED = WarningText(
    "Volgnummer van de afsprakennota afgeleid ({ordinal}): '{text}'.",
    "Number of the agreement period inferred ({ordinal}): '{text}'.",
)
SECOND_DRAWING_RIGHT = WarningText(
    "Tweede trekkingsrecht als tekst bewaard: '{text}'.",
    "Second drawing right kept as text: '{text}'.",
)
DRAWING_RIGHT_NOT_READ = WarningText(
    "Trekkingsrecht niet gelezen: '{text}'.",
    "Drawing right not read: '{text}'.",
)
DRAWING_RIGHT_IN_TEXT = WarningText(
    "Trekkingsrecht gelezen uit '{text}'; de tekst is bewaard.",
    "Drawing right read from '{text}'; the text was kept.",
)
TEXT_AFTER_PARTNERS = WarningText(
    "De tekst na de lijst van partners staat bij de rubriek '{label}'.",
    "The text after the list of partners is kept under the section '{label}'.",
)
PARTNER_NOT_READ = WarningText(
    "Partner niet gelezen: '{text}'.",
    "Partner not read: '{text}'.",
)
GOALS_FROM_LIST = WarningText(
    "Doelstellingen gelezen uit de lijst na '{text}'.",
    "Goals read from the list after '{text}'.",
)
GOAL_NOT_READ = WarningText(
    "Doelstelling niet gelezen: '{text}'.",
    "Goal not read: '{text}'.",
)
ACTION_NOT_READ = WarningText(
    "Actie niet gelezen: '{text}'.",
    "Action not read: '{text}'.",
)
CONTACT_NOT_RECOGNISED = WarningText(
    "Contactgegevens niet herkend: '{text}'.",
    "Contact details not recognised: '{text}'.",
)
INSTRUMENTS_DETECTED = WarningText(
    "Instrumenten herkend in de tekst: {instruments}.",
    "Instruments recognised in the text: {instruments}.",
)
# A text that looks cut off where it stops (reader._cut_off).
CUT_OFF_AFTER_LABEL = WarningText(
    "De tekst lijkt afgebroken na '{label}': daar staat niets meer.",
    "The text seems cut off after '{label}': nothing follows.",
)
CUT_OFF_AFTER_COLON = WarningText(
    "De tekst lijkt afgebroken na '…{text}': daar staat niets meer.",
    "The text seems cut off after '…{text}': nothing follows.",
)
CUT_OFF_IN_CONTACTS = WarningText(
    "De tekst lijkt afgebroken in '{label}'.",
    "The text seems cut off in '{label}'.",
)
CUT_OFF_CONTACT_WITHOUT_DATA = WarningText(
    "De tekst lijkt afgebroken in '{label}': de contactpersoon heeft geen e-mailadres of "
    "telefoonnummer.",
    "The text seems cut off in '{label}': the contact has no e-mail address or phone number.",
)
CUT_OFF_MID_SENTENCE = WarningText(
    "De tekst lijkt afgebroken: hij eindigt midden in een zin of lijst ('…{text}').",
    "The text seems cut off: it ends in the middle of a sentence or a list ('…{text}').",
)
# A value that failed validation fell back (fallback.py).
NAME_FALLBACK = WarningText(
    "De naam '{name}' is geen bruikbare netwerknaam; de naam is afgeleid uit de gemeente "
    "({fallback}) en de tekst bewaard.",
    "The name '{name}' is not a usable network name; the name was derived from the municipality "
    "({fallback}) and the text kept.",
)
FIELD_AS_SECTION = WarningText(
    "'{label}' past niet in zijn veld; de tekst staat bij de rubrieken.",
    "'{label}' does not fit in its field; the text is kept under the sections.",
    labels=frozenset({"label"}),
)
ITEMS_AS_SECTION = WarningText(
    "{count} × '{label}' niet als veld bewaard (ongeldig of te veel); de tekst staat bij de "
    "rubrieken.",
    "{count} × '{label}' not kept as a field (invalid or too many); the text is kept under the "
    "sections.",
    labels=frozenset({"label"}),
)
SECTIONS_MERGED = WarningText(
    "{count} rubrieken zijn samengevoegd: de fiche heeft er meer dan het programma apart kan "
    "bewaren.",
    "{count} sections were merged: the profile has more than the program can keep apart.",
)
# The last of the warnings a record keeps when there are more (reader.stored_warnings).
MORE_WARNINGS = WarningText(
    "… en nog {count} andere waarschuwingen.",
    "… and {count} other warnings.",
)

TEMPLATES: tuple[WarningText, ...] = tuple(
    value for value in tuple(globals().values()) if isinstance(value, WarningText)
)

# The most specific template first: "afgebroken in '{label}': de contactpersoon ..." before
# "afgebroken in '{label}'.", which would otherwise swallow its tail as the label.
_BY_SPECIFICITY = sorted(TEMPLATES, key=lambda template: template.literal_length, reverse=True)


def in_language(sentence: str, language: Language) -> str:
    """A stored warning in ``language``; as stored if no template made it (an older version)."""
    if language == "nl":
        return sentence
    for template in _BY_SPECIFICITY:
        translated = template.translated(sentence, language)
        if translated is not None:
            return translated
    return sentence


def warnings_in_language(warnings: Iterable[str], language: Language) -> list[str]:
    return [in_language(warning, language) for warning in warnings]
