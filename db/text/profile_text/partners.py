"""The reader of the partners block: comma lists and bullets with descriptions."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from db.model.schemas import (
    Partner,
)
from db.text.profile_text.blocks import Block, Para
from db.text.profile_text.draft import Draft
from db.text.profile_text.lines import short
from db.text.profile_text.prose import free_text, list_parts
from db.text.profile_text.splitting import (
    find_top_level,
    list_and_prose,
    name_and_parenthesis,
    split_list,
    top_level_positions,
)


def _partners_from_list(text: str) -> list[tuple[str, str]]:
    """A comma list; a description after a colon or dash belongs to the last partner before it."""
    found = find_top_level(text, (": ", " – ", " — "))
    head, tail = (
        (text[: found[0]], text[found[0] + len(found[1]) :].strip()) if found else (text, "")
    )
    names = split_list(head)
    partners = [name_and_parenthesis(name) for name in names]
    if tail and names:
        partners[-1] = (names[-1], tail)
    elif tail:
        partners.append(("", tail))
    return partners


# In order of preference: the writer uses the en dash, so a hyphen in a name stays in the name.
_BULLET_SEPARATORS = (" – ", " — ", " - ", ": ")


def partner_from_lines(lines: Sequence[str]) -> tuple[str, str]:
    """A partner bullet: "name – description", "name (description)", more lines = description.

    A trailing en dash ("name –") says explicitly that there is no description, so a name with
    a hyphen or parentheses in it can be written and read back whole.
    """
    first, more = lines[0], list(lines[1:])
    depths = top_level_positions(first)
    found = next((f for s in _BULLET_SEPARATORS if (f := find_top_level(first, (s,)))), None)
    if first.endswith(" –") and depths[-1] == 0:
        name, description = first[:-2].strip(), ""
    elif found:
        name, description = first[: found[0]].strip(), first[found[0] + len(found[1]) :].strip()
    else:
        name, description = name_and_parenthesis(first)
    return name, "\n".join([description, *more] if description else more)


def read_partners(block: Block, draft: Draft) -> None:
    para, items, units = list_parts(block.units)
    listed, prose = list_and_prose(" ".join(para.lines)) if para else ("", "")
    found = _partners_from_list(listed) if listed else []
    if prose:
        # "Partners: A, B, C. Op termijn wil het netwerk ...": the sentence is no partner.
        units = [Para([prose]), *units]
        draft.warn(f"De tekst na de lijst van partners staat bij de rubriek '{block.label}'.")
    found.extend(partner_from_lines(item.lines) for item in items)
    for name, description in found:
        try:
            draft.partners.append(Partner(name=name, description=description))
        except ValidationError:
            text = f"{name} – {description}" if description else name
            draft.keep(block.label, text, f"Partner niet gelezen: '{short(text)}'.")
    free_text(units, draft, block.label)
