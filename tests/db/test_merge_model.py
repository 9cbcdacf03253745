"""The merge against a model: random edits and deletions on two copies of one file.

Two colleagues start from the same file; each edits some fields, adds or removes partners, or
deletes networks; one merges the other's file, deciding conflicts with ``--prefer``. The model
says, per network and field, what must come out: a change made on one side only is never lost,
a change on both sides to different fields is combined, and only the same field changed
differently on both sides (or a deletion against an edit) is decided by the preference.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.exchange.database_file import export_database, inspect_import
from db.exchange.merge import Choice, apply_merge, plan_merge
from db.model.schemas import NetworkProfile, Partner
from db.storage.store import Store
from tests.db.factories import full_profile

NETWORKS = 3
FIELDS = ("vision", "notes", "meetings", "region")
VALUES = ("een", "twee", "drie")


@dataclass
class SideEdits:
    """What one colleague does to one network."""

    delete: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    add_partner: str | None = None
    remove_partner: int | None = None  # index into the base partners

    @property
    def edits(self) -> bool:
        return bool(self.fields) or self.add_partner is not None or self.remove_partner is not None


def side_edits(side: str) -> st.SearchStrategy[SideEdits]:
    return st.builds(
        SideEdits,
        delete=st.sampled_from([False, False, False, True]),
        fields=st.dictionaries(st.sampled_from(FIELDS), st.sampled_from(VALUES), max_size=3),
        add_partner=st.none() | st.just(f"Partner van {side}"),
        remove_partner=st.none() | st.sampled_from([0, 1]),
    ) | st.builds(SideEdits)


def apply_edits(store: Store, base: NetworkProfile, edits: SideEdits) -> None:
    if edits.delete:
        store.delete(base.id)
        return
    if not edits.edits:
        return
    current = store.get(base.id)
    partners = list(current.partners)
    if edits.remove_partner is not None:
        removed = base.partners[edits.remove_partner].name
        partners = [p for p in partners if p.name != removed]
    if edits.add_partner is not None:
        partners.append(Partner(name=edits.add_partner))
    store.update(current.model_copy(update={**edits.fields, "partners": partners}))


def expected(
    base: NetworkProfile, mine: SideEdits, theirs: SideEdits, prefer: Choice
) -> dict[str, object] | None:
    """The model: what the merged network must be (None: deleted)."""
    if mine.delete and theirs.delete:
        return None
    if mine.delete or theirs.delete:
        other = theirs if mine.delete else mine
        if not other.edits or not _changes_anything(base, other):
            return None
        survivor = theirs if mine.delete else mine
        keep = (prefer is Choice.THEIRS) if mine.delete else (prefer is Choice.MINE)
        return _outcome(base, survivor, SideEdits(), prefer) if keep else None
    return _outcome(base, mine, theirs, prefer)


def _changes_anything(base: NetworkProfile, edits: SideEdits) -> bool:
    changed_field = any(getattr(base, name) != value for name, value in edits.fields.items())
    return changed_field or edits.add_partner is not None or edits.remove_partner is not None


def _outcome(
    base: NetworkProfile, mine: SideEdits, theirs: SideEdits, prefer: Choice
) -> dict[str, object]:
    result: dict[str, object] = {}
    for name in FIELDS:
        original = getattr(base, name)
        left = mine.fields.get(name, original)
        right = theirs.fields.get(name, original)
        if left == right or right == original:
            result[name] = left
        elif left == original:
            result[name] = right
        else:
            result[name] = left if prefer is Choice.MINE else right
    partners = {p.name for p in base.partners}
    for edits in (mine, theirs):
        if edits.remove_partner is not None:
            partners.discard(base.partners[edits.remove_partner].name)
        if edits.add_partner is not None:
            partners.add(edits.add_partner)
    result["partners"] = partners
    return result


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    mine=st.lists(side_edits("A"), min_size=NETWORKS, max_size=NETWORKS),
    theirs=st.lists(side_edits("B"), min_size=NETWORKS, max_size=NETWORKS),
    prefer=st.sampled_from([Choice.MINE, Choice.THEIRS]),
)
def test_the_merge_agrees_with_the_model(
    mine: list[SideEdits], theirs: list[SideEdits], prefer: Choice
) -> None:
    with tempfile.TemporaryDirectory(prefix="netwerken-model-") as folder:
        root = Path(folder)
        a = Store.open(root / "a.sqlite")
        bases = [
            a.create(full_profile(name=f"Netwerk {n}", municipalities=[f"Gemeente {n}"]))
            for n in range(NETWORKS)
        ]
        export_database(a, root / "b.sqlite")
        b = Store.open(root / "b.sqlite")
        try:
            for base, left, right in zip(bases, mine, theirs, strict=True):
                apply_edits(a, base, left)
                apply_edits(b, base, right)
            export_database(b, root / "van-b.sqlite")
            plan = plan_merge(a, inspect_import(root / "van-b.sqlite"))
            apply_merge(a, plan, default=prefer)
            for base, left, right in zip(bases, mine, theirs, strict=True):
                want = expected(base, left, right, prefer)
                got = a.find(base.id)
                if want is None:
                    assert got is None, (left, right)
                    continue
                assert got is not None, (left, right)
                for name in FIELDS:
                    assert getattr(got, name) == want[name], (name, left, right)
                assert {p.name for p in got.partners} == want["partners"], (left, right)
            # Merging the same file again asks nothing and changes nothing.
            again = plan_merge(a, inspect_import(root / "van-b.sqlite"))
            assert again.conflicts == []
            assert apply_merge(a, again).changed_ids == ()
        finally:
            a.close()
            b.close()
