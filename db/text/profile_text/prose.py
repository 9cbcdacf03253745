"""Free text in a block: paragraphs and lists as text, and sections under short headings."""

from __future__ import annotations

from collections.abc import Sequence

from db.text.profile_text.blocks import Block, Bullets, Item, Para, Unit
from db.text.profile_text.draft import Draft
from db.text.profile_text.labels import GOALS_WORD
from db.text.profile_text.lines import short
from db.text.profile_text.lists import goals_from_bullets


def _render_bullets(bullets: Bullets) -> str:
    indents = sorted({item.indent for item in bullets.items})
    rendered: list[str] = []
    for item in bullets.items:
        pad = "  " * indents.index(item.indent)
        rendered.append(f"{pad}• {item.lines[0]}")
        rendered.extend(f"{pad}  {line}" for line in item.lines[1:])
    return "\n".join(rendered)


def _introduces_goals(para: Para) -> bool:
    last = para.lines[-1]
    return last.endswith(":") and bool(GOALS_WORD.search(last))


def prose_text(units: Sequence[Unit], draft: Draft) -> str:
    """Paragraphs and lists as one text; a list introduced as goals becomes goals."""
    parts: list[str] = []
    index = 0
    while index < len(units):
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else None
        if isinstance(unit, Para):
            parts.append(unit.text)
            if isinstance(following, Bullets) and _introduces_goals(unit):
                draft.goals.extend(goals_from_bullets(following, draft))
                draft.warn(f"Doelstellingen gelezen uit de lijst na '{short(unit.lines[-1])}'.")
                index += 2
                continue
        else:
            parts.append(_render_bullets(unit))
        index += 1
    return "\n\n".join(parts)


def is_heading_like(para: Para) -> bool:
    """ "Werking lokaal netwerk": a short title of its own, not a sentence."""
    text = para.text
    return (
        len(para.lines) == 1
        and 1 <= len(text.split()) <= 8
        and len(text) <= 80
        and text[-1] not in ".!?;,:…"
        and text[:1].isupper()
    )


def is_prose(para: Para) -> bool:
    text = para.text
    return text[-1] in ".!?…)" or len(text.split()) > 12


def free_text(units: Sequence[Unit], draft: Draft, title: str) -> None:
    """Text after a block's own content: sections, each under a short heading or the label."""
    current_title, title_is_text = title, False
    body: list[Unit] = []

    def flush() -> None:
        text = prose_text(body, draft)
        if text or title_is_text:
            draft.add_section(current_title, text)

    for index, unit in enumerate(units):
        if isinstance(unit, Para) and is_heading_like(unit) and index + 1 < len(units):
            flush()
            current_title, title_is_text, body = unit.text, True, []
        else:
            body.append(unit)
    flush()


def take_value(block: Block) -> tuple[str, list[Unit]]:
    """The value of a one-value label (same line or next line) and the units after it."""
    units = list(block.units)
    if not units or not isinstance(units[0], Para):
        return "", units
    first = units.pop(0)
    assert isinstance(first, Para)
    if len(first.lines) > 1:
        units.insert(0, Para(first.lines[1:]))
    return first.lines[0], units


def list_parts(units: Sequence[Unit]) -> tuple[Para | None, list[Item], list[Unit]]:
    """A list block: its leading paragraph (a comma list), the bullets after it, and the rest."""
    index = 0
    para: Para | None = None
    first = units[0] if units else None
    if isinstance(first, Para):
        para, index = first, 1
    items: list[Item] = []
    while index < len(units) and isinstance(bullets := units[index], Bullets):
        items.extend(bullets.items)
        index += 1
    return para, items, list(units[index:])
