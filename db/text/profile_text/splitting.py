"""Splitting comma lists and "name (description)" outside brackets: partners, municipalities."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate


def top_level_positions(text: str) -> list[int]:
    """For each character, how deep it is in matched brackets (a stray bracket counts for nothing)."""
    change = [0] * (len(text) + 1)
    opened: list[int] = []
    for position, char in enumerate(text):
        if char in "([":
            opened.append(position)
        elif char in ")]" and opened:
            change[opened.pop()] += 1
            change[position + 1] -= 1
    return list(accumulate(change[:-1]))


def find_top_level(text: str, separators: Sequence[str]) -> tuple[int, str] | None:
    """The first separator outside parentheses: (position, separator)."""
    depths = top_level_positions(text)
    best: tuple[int, str] | None = None
    for separator in separators:
        start = 0
        while (position := text.find(separator, start)) >= 0:
            if depths[position] == 0:
                if best is None or position < best[0]:
                    best = (position, separator)
                break
            start = position + 1
    return best


def _split_top_level(text: str, separator_pattern: str) -> list[str]:
    depths = top_level_positions(text)
    parts, start = [], 0
    for match in re.finditer(separator_pattern, text):
        if depths[match.start()] == 0:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def split_list(text: str) -> list[str]:
    """ "a, b (x, y) en c" -> [a, b (x, y), c]: commas and the final "en", never inside brackets."""
    items = _split_top_level(text, r"[,;]")
    if items:
        last = re.sub(r"^(?:en|and|&)\s+", "", items.pop())
        depths = top_level_positions(last)
        joints = [m for m in re.finditer(r" (?:en|&) ", last) if depths[m.start()] == 0]
        if joints:
            joint = joints[-1]
            items.extend(
                part
                for part in (last[: joint.start()].strip(), last[joint.end() :].strip())
                if part
            )
        elif last:
            items.append(last)
    return items


def name_and_parenthesis(text: str) -> tuple[str, str]:
    """ "vzw Horizont (Rap op Stap)" -> ("vzw Horizont", "Rap op Stap")."""
    match = re.fullmatch(
        r"(?P<name>.*?\S)\s*\((?P<description>[^()]*(?:\([^()]*\)[^()]*)*)\)", text
    )
    if match:
        return match.group("name"), match.group("description").strip()
    return text, ""


# The end of a sentence inside a line: the next word starts with a capital.
_SENTENCE_BREAK = re.compile(r"(?<=\w\w|\w\))[.!?]+\s+(?=[A-ZÀ-Ý])")


def list_and_prose(text: str, separators: Sequence[str] = (": ", " – ", " — ")) -> tuple[str, str]:
    """An inline list and the prose after it: the list ends with the item that ends a sentence
    ("A, B, C. Op termijn wil het netwerk ..."), unless a description follows first (after one
    of ``separators``), which then runs to the end."""
    depths = top_level_positions(text)
    described = find_top_level(text, separators)
    for match in _SENTENCE_BREAK.finditer(text):
        if described is not None and match.start() > described[0]:
            break
        if depths[match.start()] == 0:
            return text[: match.start()].rstrip(), text[match.end() :].strip()
    return text, ""
