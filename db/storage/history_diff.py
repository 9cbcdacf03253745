"""A network's history as people read it: who changed which fields when, and what changed.

The window's 'Geschiedenis' tab and ``netwerken history`` both show this; neither knows how
versions are stored (:mod:`db.history`). Long texts get their changed words marked (``difflib``
on words), so a changed comma in a page of vision text can be found.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from db.storage.history import BOOKKEEPING_KEYS, VersionInfo, changed_fields, kind_label

# Texts longer than this are compared word by word; shorter ones are simply shown before/after.
LONG_TEXT = 80
_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One version in the list: when, who, what kind of change, which fields."""

    seq: int
    recorded_at: datetime | None
    author: str
    kind: str
    fields: tuple[str, ...]  # content fields changed since the version before it
    imported: bool  # arrived with a colleague's file
    deleted: bool
    readable: bool  # False: the stored record could not be read back

    def kind_text(self, language: str = "nl") -> str:
        text = kind_label(self.kind, language)
        if self.imported:
            text += " (collega)" if language != "en" else " (colleague)"
        return text


def entries(
    versions: list[VersionInfo], records: dict[int, dict[str, Any] | None]
) -> list[HistoryEntry]:
    """The list for ``versions`` (oldest first), each compared with the one before it."""
    found: list[HistoryEntry] = []
    previous: dict[str, Any] | None = None
    for version in versions:
        data = records.get(version.seq)
        readable = data is not None or version.deleted
        if version.deleted:
            fields: tuple[str, ...] = ()
        else:
            fields = changed_fields(previous, data) if data is not None else ()
        found.append(
            HistoryEntry(
                version.seq,
                version.recorded_at,
                version.author,
                version.kind,
                fields,
                version.imported,
                version.deleted,
                readable,
            )
        )
        if data is not None:
            previous = data
    return found


# --- what changed -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a compared text: ``kind`` is 'same', 'removed' or 'added'."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    name: str
    before: str
    after: str
    words: tuple[Segment, ...]  # word marks for long texts; empty for short values

    @property
    def marked(self) -> bool:
        return bool(self.words)


def field_changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[FieldChange]:
    """Field by field, what differs from ``before`` to ``after`` (None: nothing / deleted)."""
    names = [name for name in (after or before or {}) if name not in BOOKKEEPING_KEYS]
    changes: list[FieldChange] = []
    for name in names:
        old = value_text(name, (before or {}).get(name))
        new = value_text(name, (after or {}).get(name))
        if old == new:
            continue
        long = max(len(old), len(new)) > LONG_TEXT
        changes.append(FieldChange(name, old, new, word_marks(old, new) if long else ()))
    return changes


def word_marks(old: str, new: str) -> tuple[Segment, ...]:
    """``old`` turned into ``new`` as runs of kept, removed and added words."""
    left = _WORDS.findall(old)
    right = _WORDS.findall(new)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment("same", "".join(left[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment("removed", "".join(left[i1:i2])))
        if j2 > j1:
            segments.append(Segment("added", "".join(right[j1:j2])))
    return tuple(segments)


def value_text(name: str, value: Any) -> str:
    """A field's value as plain text, one list item per line (sub-items indented)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, dict):
        if name == "source":
            parts = [value.get("file_name") or "", str(value.get("imported_at") or "")]
            raw = str(value.get("raw_text") or "")
            return " · ".join(p for p in parts if p) + (f"\n{raw}" if raw else "")
        return _item_text(value)
    if isinstance(value, list):
        return "\n".join(_lines(value, ""))
    return str(value)


def _item_text(item: dict[str, Any]) -> str:
    if {"start_year", "end_year"} <= item.keys():
        return f"{item.get('ordinal')}: {item.get('start_year')}–{item.get('end_year')}"
    parts = [str(v) for k, v in item.items() if not isinstance(v, list) and v not in ("", None)]
    return " — ".join(parts)


def _lines(items: list[Any], indent: str) -> list[str]:
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict):
            lines.append(indent + "• " + _item_text(item).replace("\n", " "))
            for key in ("actions", "children"):
                nested = item.get(key)
                if isinstance(nested, list) and nested:
                    lines.extend(_lines(nested, indent + "    "))
        else:
            lines.append(indent + "• " + str(item))
    return lines
