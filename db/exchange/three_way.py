"""Three-way merge of one record's fields: mine and theirs, against the version both came from.

Works on the JSON form of a record (:func:`db.history.record_data`), so it knows nothing of the
database. The rule for any value:

* the same on both sides -> that value;
* changed on one side only -> that side's value;
* changed differently on both sides -> a conflict, unless both are dictionaries or lists, which
  are merged part by part and conflict only where the same part changed differently.

Lists are merged by item. Items have no ids of their own, so each list names what makes an item
the same item on both sides (:data:`ITEM_KEYS`): a partner is its name, an agreement period its
ordinal, a goal its title (its actions are merged inside it, by text), a contact its name or
e-mail; plain strings (municipalities, instruments, captions) are themselves. An item added on
one side is added; removed on one side and untouched on the other, removed; removed on one side
and changed on the other, a conflict. The order is mine, with their additions placed after the
item they follow on their side (their order when only they reordered).

A conflict is resolved per field by a :class:`~db.exchange.merge.Choice`; inside a merged list only the
conflicting items follow that choice, the rest of the merge stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# Provenance, not content: when both sides differ here, mine stays and it is no conflict
# (where a text was imported from is not something two colleagues disagree about).
PROVENANCE_FIELDS = frozenset({"source"})


def _folded(value: Any) -> str:
    return str(value).casefold() if value is not None else ""


def _by(*names: str) -> Callable[[Any], str]:
    def key(item: Any) -> str:
        if not isinstance(item, dict):
            return _folded(item)
        for name in names:
            value = item.get(name)
            if value:
                return f"{name}:{_folded(value)}"
        return ""

    return key


ITEM_KEYS: dict[str, Callable[[Any], str]] = {
    "municipalities": _folded,
    "instruments": _folded,
    "captions": lambda item: str(item),
    "credits": lambda item: str(item),
    "warnings": lambda item: str(item),
    "agreement_periods": lambda item: str(item.get("ordinal")) if isinstance(item, dict) else "",
    "partners": _by("name"),
    "contacts": _by("name", "email"),
    "sections": _by("title", "body"),
    "goals": _by("title"),
    "actions": _by("text"),
    "children": _by("text"),
}


@dataclass(frozen=True, slots=True)
class Merged:
    """A value merged two ways: conflicts decided for mine, and for theirs."""

    for_mine: Any
    for_theirs: Any
    conflicts: int  # how many places changed differently on both sides

    @property
    def conflict(self) -> bool:
        return self.conflicts > 0


_MISSING = object()


def merge_value(name: str, base: Any, mine: Any, theirs: Any) -> Merged:
    """Merge one value (``name`` says which list rules apply to items below it)."""
    if mine == theirs:
        return Merged(mine, mine, 0)
    if mine == base:
        return Merged(theirs, theirs, 0)
    if theirs == base:
        return Merged(mine, mine, 0)
    if isinstance(mine, dict) and isinstance(theirs, dict):
        return _merge_dicts(base if isinstance(base, dict) else {}, mine, theirs)
    if isinstance(mine, list) and isinstance(theirs, list):
        return _merge_lists(name, base if isinstance(base, list) else [], mine, theirs)
    return Merged(mine, theirs, 1)


def _merge_dicts(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> Merged:
    for_mine: dict[str, Any] = {}
    for_theirs: dict[str, Any] = {}
    conflicts = 0
    for key in [*mine, *(k for k in theirs if k not in mine)]:
        merged = merge_value(key, base.get(key), mine.get(key), theirs.get(key))
        for_mine[key] = merged.for_mine
        for_theirs[key] = merged.for_theirs
        conflicts += merged.conflicts
    return Merged(for_mine, for_theirs, conflicts)


def _keyed(name: str, items: Sequence[Any]) -> list[tuple[tuple[str, int], Any]]:
    """Each item with its identity: its key, and which occurrence of that key it is."""
    key_of = ITEM_KEYS.get(name, lambda item: repr(item))
    seen: dict[str, int] = {}
    keyed: list[tuple[tuple[str, int], Any]] = []
    for item in items:
        key = key_of(item)
        seen[key] = seen.get(key, -1) + 1
        keyed.append(((key, seen[key]), item))
    return keyed


def _merge_lists(name: str, base: list[Any], mine: list[Any], theirs: list[Any]) -> Merged:
    base_items = dict(_keyed(name, base))
    mine_keyed = _keyed(name, mine)
    theirs_keyed = _keyed(name, theirs)
    mine_items = dict(mine_keyed)
    theirs_items = dict(theirs_keyed)
    conflicts = 0
    # For each identity present in the result: (value for mine, value for theirs); a value of
    # _MISSING leaves the item out on that side of the decision.
    outcome: dict[tuple[str, int], tuple[Any, Any]] = {}
    for key, item in mine_keyed:
        if key in theirs_items:
            merged = merge_value(name, base_items.get(key, _MISSING), item, theirs_items[key])
            outcome[key] = (merged.for_mine, merged.for_theirs)
            conflicts += merged.conflicts
        elif key in base_items:  # they removed it
            if item == base_items[key]:
                continue  # untouched here: removed
            outcome[key] = (item, _MISSING)  # changed here, removed there
            conflicts += 1
        else:
            outcome[key] = (item, item)  # added here
    for key, item in theirs_keyed:
        if key in mine_items:
            continue
        if key in base_items:  # I removed it
            if item == base_items[key]:
                continue
            outcome[key] = (_MISSING, item)  # removed here, changed there
            conflicts += 1
        else:
            outcome[key] = (item, item)  # added there
    order = _order(
        [k for k, _ in mine_keyed],
        [k for k, _ in theirs_keyed],
        [k for k, _ in _keyed(name, base)],
    )
    ordered = [key for key in order if key in outcome]
    for_mine = [outcome[key][0] for key in ordered if outcome[key][0] is not _MISSING]
    for_theirs = [outcome[key][1] for key in ordered if outcome[key][1] is not _MISSING]
    return Merged(for_mine, for_theirs, conflicts)


def _order(
    mine: list[tuple[str, int]], theirs: list[tuple[str, int]], base: list[tuple[str, int]]
) -> list[tuple[str, int]]:
    """Mine's order (theirs when only they reordered), with the other side's extra keys placed
    after the key they follow there."""
    base_set = set(base)
    mine_order_untouched = [k for k in mine if k in base_set] == [k for k in base if k in set(mine)]
    skeleton, other = (theirs, mine) if mine_order_untouched else (mine, theirs)
    result = list(skeleton)
    placed = set(result)
    for index, key in enumerate(other):
        if key in placed:
            continue
        anchor = next((k for k in reversed(other[:index]) if k in placed), None)
        position = result.index(anchor) + 1 if anchor is not None else 0
        result.insert(position, key)
        placed.add(key)
    return result


@dataclass(frozen=True, slots=True)
class FieldMerge:
    """One top-level field of a record, on all three sides and merged."""

    name: str
    base: Any
    mine: Any
    theirs: Any
    merged: Merged

    @property
    def conflict(self) -> bool:
        return self.merged.conflict

    @property
    def changed_here(self) -> bool:
        return self.mine != self.base

    @property
    def changed_there(self) -> bool:
        return self.theirs != self.base


def merge_fields(
    fields: Sequence[str],
    base: dict[str, Any] | None,
    mine: dict[str, Any],
    theirs: dict[str, Any],
) -> list[FieldMerge]:
    """Every field that differs between mine and theirs, merged against ``base``.

    Without a base (no common version) every difference is a conflict, as before there was a
    history to compare with.
    """
    merges: list[FieldMerge] = []
    for name in fields:
        mine_value, theirs_value = mine.get(name), theirs.get(name)
        if mine_value == theirs_value:
            continue
        if base is None:
            merges.append(
                FieldMerge(
                    name, None, mine_value, theirs_value, Merged(mine_value, theirs_value, 1)
                )
            )
            continue
        base_value = base.get(name)
        merged = merge_value(name, base_value, mine_value, theirs_value)
        if merged.conflict and name in PROVENANCE_FIELDS:
            merged = Merged(mine_value, mine_value, 0)
        merges.append(FieldMerge(name, base_value, mine_value, theirs_value, merged))
    return merges
