"""Bringing records from someone else's file into the officer's database: replace or merge.

Both a database file (:mod:`db.exchange.database_file`) and a JSON document (:mod:`db.exchange.interchange`) arrive
here as an :class:`ImportCandidate`: records already validated by the same pydantic rules as
every other record. Whatever the way in, the officer's database is backed up first and then
changed in one transaction, so a failure half-way leaves it as it was.

How a merge decides, with no common ancestor stored to tell who changed what:

* networks are matched by id; a network of theirs whose id is unknown here is matched with
  one of mine by lead municipality, when exactly one network on each side (and without a
  partner on the other side by id) has that lead municipality;
* matched and equal in content (bookkeeping aside): nothing to do;
* matched and different: a conflict. Either side may have changed, so the user decides per
  network: mine, theirs, or the newest by ``updated_at`` (mine when equally old). Never a
  silent overwrite;
* theirs unmatched: added; mine unmatched: kept as is.

Taking theirs keeps my id and creation time (the record the officer knows), takes their content
and their ``updated_at`` (when the content was really made), and moves the version on, so an
editor still holding the old version is told about the change instead of overwriting it.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal
from uuid import UUID

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.model.errors import StoreError
from db.model.reference import fold
from db.model.schemas import NetworkProfile
from db.search.maintenance import ensure_index
from db.storage.backup import backup_for_change
from db.storage.search_index import reindex_networks
from db.storage.store import Store, insert_record
from db.storage.tables import Network, NetworkMunicipality

# Bookkeeping, not content: two records equal apart from these are the same network as seen.
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "source"})

SourceKind = Literal["database", "json"]


class Choice(enum.StrEnum):
    MINE = "mine"
    THEIRS = "theirs"
    NEWEST = "newest"


class MergeStatus(enum.StrEnum):
    NEW = "new"  # only in their file: added
    IDENTICAL = "identical"  # on both sides, same content: nothing to do
    CONFLICT = "conflict"  # on both sides, different content: the user chooses


class MatchedBy(enum.StrEnum):
    ID = "id"
    MUNICIPALITY = "municipality"


@dataclass(frozen=True, slots=True)
class ImportCandidate:
    """Validated records read from a file someone else made, ready to merge or replace with."""

    source: Path
    kind: SourceKind
    profiles: tuple[NetworkProfile, ...]
    schema_version: int | None = None  # of the file as it arrived (database files)
    migrated: bool = False  # an older file, brought to the current schema (its copy, never it)
    program_version: str = ""  # of the program that exported it, when recorded
    exported_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class MergeItem:
    theirs: NetworkProfile
    mine: NetworkProfile | None
    status: MergeStatus
    matched_by: MatchedBy | None = None
    differing: tuple[str, ...] = ()  # top-level field names whose content differs

    @property
    def key(self) -> UUID:
        """What a choice is keyed by: their id (unique in the plan, whatever matched it)."""
        return self.theirs.id

    @property
    def newest(self) -> Choice:
        """The side ``Choice.NEWEST`` picks for this item: theirs only when strictly newer."""
        return Choice.THEIRS if _is_newer(self.theirs, self.mine) else Choice.MINE

    def resolve(self, choice: Choice) -> Literal[Choice.MINE, Choice.THEIRS]:
        resolved = self.newest if choice is Choice.NEWEST else choice
        return Choice.THEIRS if resolved is Choice.THEIRS else Choice.MINE


@dataclass(frozen=True, slots=True)
class MergePlan:
    """What a merge would do: computed without changing anything, shown, then applied."""

    source: Path
    items: tuple[MergeItem, ...]
    only_mine: int  # my networks their file does not hold: kept as they are

    @property
    def new(self) -> list[MergeItem]:
        return [item for item in self.items if item.status is MergeStatus.NEW]

    @property
    def identical(self) -> list[MergeItem]:
        return [item for item in self.items if item.status is MergeStatus.IDENTICAL]

    @property
    def conflicts(self) -> list[MergeItem]:
        return [item for item in self.items if item.status is MergeStatus.CONFLICT]


@dataclass(frozen=True, slots=True)
class MergeReport:
    added: int
    updated: int  # conflicts resolved with their version
    kept: int  # identical, only mine, or conflicts resolved with my version
    conflicts_resolved: int
    backup: Path | None
    changed_ids: tuple[UUID, ...] = field(default=())

    def summary(self, language: str = "nl") -> str:
        if language == "en":
            return (
                f"Added: {self.added}. Updated: {self.updated}. Kept: {self.kept}. "
                f"Conflicts resolved: {self.conflicts_resolved}."
            )
        return (
            f"Toegevoegd: {self.added}. Bijgewerkt: {self.updated}. Behouden: {self.kept}. "
            f"Conflicten opgelost: {self.conflicts_resolved}."
        )


@dataclass(frozen=True, slots=True)
class ReplaceReport:
    networks: int  # now in the database
    previous: int  # were in it before
    backup: Path | None

    def summary(self, language: str = "nl") -> str:
        backup = self.backup.name if self.backup else ""
        if language == "en":
            text = f"The database now holds {self.networks} networks (before: {self.previous})."
            return text + (f" Backup of the previous state: {backup}." if backup else "")
        text = f"De database bevat nu {self.networks} netwerken (voordien: {self.previous})."
        return text + (f" Back-up van de vorige toestand: {backup}." if backup else "")


class MissingChoiceError(StoreError):
    def __init__(self, names: list[str]) -> None:
        listed = ", ".join(names[:10]) + (" …" if len(names) > 10 else "")
        super().__init__(
            f"Voor {len(names)} netwerk(en) is nog niet gekozen welke versie blijft: {listed}. "
            "Er werd niets gewijzigd.",
            f"For {len(names)} network(s) no version was chosen yet: {listed}. "
            "Nothing was changed.",
        )
        self.names = names


class StalePlanError(StoreError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"'{name}' werd gewijzigd sinds de vergelijking gemaakt werd. Er werd niets "
            "gewijzigd; start het samenvoegen opnieuw.",
            f"'{name}' was changed since the comparison was made. Nothing was changed; "
            "start the merge again.",
        )


# --- comparing --------------------------------------------------------------------------------


def differing_fields(mine: NetworkProfile, theirs: NetworkProfile) -> tuple[str, ...]:
    """The top-level fields whose content differs, in the model's field order."""
    left = mine.model_dump(mode="json", exclude=set(BOOKKEEPING))
    right = theirs.model_dump(mode="json", exclude=set(BOOKKEEPING))
    return tuple(name for name in left if left[name] != right.get(name))


def _is_newer(theirs: NetworkProfile, mine: NetworkProfile | None) -> bool:
    if mine is None:
        return True
    oldest = datetime.min.replace(tzinfo=UTC)
    return _aware(theirs.updated_at, oldest) > _aware(mine.updated_at, oldest)


def _aware(moment: datetime | None, default: datetime) -> datetime:
    if moment is None:
        return default
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _item(mine: NetworkProfile, theirs: NetworkProfile, matched_by: MatchedBy) -> MergeItem:
    differing = differing_fields(mine, theirs)
    status = MergeStatus.CONFLICT if differing else MergeStatus.IDENTICAL
    return MergeItem(theirs, mine, status, matched_by, differing)


def _lead_municipalities(store: Store) -> dict[str, str]:
    """My network ids with their first municipality, folded (one query, no full records)."""
    with store.read_session() as session:
        rows = session.execute(
            select(NetworkMunicipality.network_id, NetworkMunicipality.name).order_by(
                NetworkMunicipality.network_id, NetworkMunicipality.position
            )
        ).all()
    lead: dict[str, str] = {}
    for network_id, name in rows:
        lead.setdefault(network_id, fold(name))
    return lead


def plan_merge(store: Store, candidate: ImportCandidate) -> MergePlan:
    """Match their records with mine and classify each; changes nothing."""
    theirs_all = candidate.profiles
    my_leads = _lead_municipalities(store)
    theirs_ids = {str(profile.id) for profile in theirs_all}
    by_id = {p.id: p for p in store.get_many([p.id for p in theirs_all if str(p.id) in my_leads])}

    unmatched = [profile for profile in theirs_all if profile.id not in by_id]
    # Municipality matching only among records without a partner by id on either side, and
    # only where the lead municipality names exactly one network on each side.
    free_mine = Counter(lead for my_id, lead in my_leads.items() if my_id not in theirs_ids)
    free_theirs = Counter(fold(profile.lead_municipality) for profile in unmatched)
    wanted_mine = {
        my_id: lead
        for my_id, lead in my_leads.items()
        if my_id not in theirs_ids and free_mine[lead] == 1 and free_theirs[lead] == 1
    }
    mine_by_lead = {wanted_mine[str(p.id)]: p for p in store.get_many(list(wanted_mine))}

    items: list[MergeItem] = []
    matched_mine: set[UUID] = set()
    for theirs in theirs_all:
        mine = by_id.get(theirs.id)
        if mine is not None:
            items.append(_item(mine, theirs, MatchedBy.ID))
            matched_mine.add(mine.id)
            continue
        candidate_mine = mine_by_lead.get(fold(theirs.lead_municipality))
        if candidate_mine is not None:
            items.append(_item(candidate_mine, theirs, MatchedBy.MUNICIPALITY))
            matched_mine.add(candidate_mine.id)
        else:
            items.append(MergeItem(theirs, None, MergeStatus.NEW))
    only_mine = len(my_leads) - len(matched_mine)
    return MergePlan(candidate.source, tuple(items), only_mine)


# --- applying ---------------------------------------------------------------------------------


def decide(
    plan: MergePlan, choices: Mapping[UUID, Choice] | None = None, default: Choice | None = None
) -> dict[UUID, Literal[Choice.MINE, Choice.THEIRS]]:
    """Every conflict's resolved side; raises :class:`MissingChoiceError` if one is undecided."""
    choices = choices or {}
    decided: dict[UUID, Literal[Choice.MINE, Choice.THEIRS]] = {}
    missing: list[str] = []
    for item in plan.conflicts:
        choice = choices.get(item.key, default)
        if choice is None:
            missing.append(item.mine.name if item.mine else item.theirs.name)
        else:
            decided[item.key] = item.resolve(Choice(choice))
    if missing:
        raise MissingChoiceError(missing)
    return decided


def apply_merge(
    store: Store,
    plan: MergePlan,
    choices: Mapping[UUID, Choice] | None = None,
    *,
    default: Choice | None = None,
) -> MergeReport:
    """Carry out ``plan`` in one transaction, after a backup. Each conflict needs a choice (in
    ``choices`` by :attr:`MergeItem.key`, or ``default``); a record changed here since the plan
    was made stops the merge with :class:`StalePlanError` and nothing changes."""
    decided = decide(plan, choices, default)
    added = updated = 0
    changed: list[UUID] = []
    now = datetime.now(UTC)
    # No backup for a merge that changes nothing (all identical, or every conflict kept mine).
    changes = bool(plan.new) or any(side is Choice.THEIRS for side in decided.values())
    with (
        backup_for_change(store.path if changes else None, "voor-samenvoegen") as backup,
        store.write_session() as session,
    ):
        for item in plan.items:
            if item.status is MergeStatus.NEW:
                if session.get(Network, str(item.theirs.id)) is not None:
                    raise StalePlanError(item.theirs.name)
                insert_record(
                    session,
                    item.theirs,
                    created_at=item.theirs.created_at or now,
                    updated_at=item.theirs.updated_at or now,
                )
                added += 1
                changed.append(item.theirs.id)
                continue
            mine = item.mine
            assert mine is not None
            current = session.execute(
                select(Network.version).where(Network.id == str(mine.id))
            ).scalar_one_or_none()
            if current != mine.version:
                raise StalePlanError(mine.name)
            if item.status is MergeStatus.CONFLICT and decided[item.key] is Choice.THEIRS:
                _overwrite(session, mine, item.theirs, now)
                updated += 1
                changed.append(mine.id)
        session.flush()
        reindex_networks(session, changed)  # in the same transaction as the records
    verify_search_index(store)
    conflicts = len(plan.conflicts)
    return MergeReport(
        added=added,
        updated=updated,
        kept=len(plan.identical) + plan.only_mine + (conflicts - updated),
        conflicts_resolved=conflicts,
        backup=backup,
        changed_ids=tuple(changed),
    )


def _overwrite(
    session: Session, mine: NetworkProfile, theirs: NetworkProfile, now: datetime
) -> None:
    """Put their content into my record: same id and creation time, next version."""
    my_id = str(mine.id)
    # Deleting the row takes its child rows along (ON DELETE CASCADE).
    session.execute(delete(Network).where(Network.id == my_id))
    # An editor holding the old content must see a conflict, so the version moves on from mine.
    insert_record(
        session,
        theirs.model_copy(update={"id": mine.id}),
        created_at=mine.created_at or now,
        updated_at=theirs.updated_at or now,
        version=mine.version + 1,
    )


def replace_with(
    store: Store, candidate: ImportCandidate, *, reason: str = "voor-vervangen"
) -> ReplaceReport:
    """Back up, then make the database hold exactly the candidate's records (one transaction)."""
    previous = store.count()
    with backup_for_change(store.path, reason) as backup:  # removed again if this fails
        count = store.replace_all(candidate.profiles)
    verify_search_index(store)
    return ReplaceReport(networks=count, previous=previous, backup=backup)


def make_backup(store: Store, reason: str) -> Path | None:
    """A snapshot of the store's file before a destructive step (None for an in-memory store)."""
    if store.path is None or not store.path.exists():
        return None
    from db.storage.backup import backup_file

    return backup_file(store.path, reason=reason)


def verify_search_index(store: Store) -> bool:
    """Check the full-text index against the records after many changed at once, and rebuild
    it if it does not match; True when it had to be rebuilt."""
    return ensure_index(store)
