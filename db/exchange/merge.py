"""Bringing records from someone else's file into the officer's database: replace or merge.

Both a database file (:mod:`db.exchange.database_file`) and a JSON document (:mod:`db.exchange.interchange`) arrive
here as an :class:`ImportCandidate`: records already validated by the same pydantic rules as
every other record, and, for a database file made since files keep a history, that file's
versions (:class:`TheirHistory`). Whatever the way in, the officer's database is backed up
first and then changed in one transaction, so a failure half-way leaves it as it was.

How a merge decides, per network present on either side (:func:`plan_merge`):

* the same content on both sides, or theirs is a version I already had (they are behind):
  nothing to do;
* mine is a version they already had (I am behind): theirs is taken;
* otherwise the latest version both histories share (by content hash, :mod:`db.history`) is
  the common version, and the record is merged field by field against it
  (:mod:`db.three_way`): one-sided changes are taken, changes to different fields combined,
  and only a field changed differently on both sides is a conflict, for that field only;
* deleted on one side and untouched on the other: deleted; deleted on one side and changed on
  the other: a conflict ("deleted here, changed there");
* no common version (a file made before files kept a history, a JSON document, or a network
  made separately on both sides): every difference is a conflict, as before, and the report
  says why. A network of theirs with an id unknown here is then matched with one of mine by
  lead municipality, when exactly one network on each side has it.

Conflicts are decided per field (:class:`Choice`: mine or theirs) by the officer, or for all of
them by ``default`` (the command line's ``--prefer``); timestamps from another computer are not
trusted to decide. The merge copies their versions into this file's history (so the next
exchange knows this one) and records every network it changes as a version of kind ``merge``.
Taking theirs keeps my id and creation time and moves my version on, so an editor still
holding the old version is told about the change instead of overwriting it.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from uuid import UUID

from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.exchange.three_way import FieldMerge, merge_fields
from db.model.errors import StoreError
from db.model.reference import fold
from db.model.schemas import NetworkProfile
from db.search.maintenance import ensure_index
from db.storage import history
from db.storage.backup import backup_for_change
from db.storage.history import NewVersion, VersionKind, record_data
from db.storage.search_index import reindex_networks
from db.storage.store import Store, as_stored, insert_records, raw_connection, record_deleted
from db.storage.tables import Network, NetworkMunicipality

# Bookkeeping, not content: two records equal apart from these are the same network as seen.
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "source"})
# The fields a merge compares, in the model's order (provenance included: it travels too).
CONTENT_FIELDS = tuple(
    name for name in NetworkProfile.model_fields if name not in history.BOOKKEEPING_KEYS
)

SourceKind = Literal["database", "json"]


class Choice(enum.StrEnum):
    MINE = "mine"
    THEIRS = "theirs"
    EDITED = "edited"  # the officer wrote the result (:class:`Edited` carries it)


@dataclass(frozen=True, slots=True)
class Edited:
    """A conflicting field's result as the officer wrote it: the field's stored (JSON) value,
    made by :func:`edit_field`, so already checked by the record's rules."""

    value: Any

    @property
    def choice(self) -> Choice:
        return Choice.EDITED


# A conflicting field's decision: one side, or the result written by the officer.
FieldChoice = Choice | Edited

# The fields whose result the officer may write: plain texts (one text), and lists of short
# texts (one item a line). Lists of records (partners, goals, ...) are chosen, not written.
EDITABLE_TEXT = frozenset(
    {"name", "alias", "region", "vision", "target_group", "meetings", "notes"}
)
EDITABLE_LINES = frozenset({"municipalities", "instruments", "captions", "credits"})


class MergeStatus(enum.StrEnum):
    NEW = "new"  # only in their file: added
    IDENTICAL = "identical"  # same content on both sides: nothing to do
    KEEP_MINE = "keep-mine"  # only I changed it since the common version: mine stays
    TAKE_THEIRS = "take-theirs"  # only they changed it: theirs is taken
    COMBINED = "combined"  # both changed it, in different places: both changes kept
    DELETE = "delete"  # they deleted it, I did not change it: deleted here too
    STAYS_DELETED = "stays-deleted"  # I deleted it, they did not change it
    CONFLICT = "conflict"  # the same field changed differently (or no common version)
    DELETE_CONFLICT = "delete-conflict"  # deleted on one side, changed on the other


CONFLICTING = frozenset({MergeStatus.CONFLICT, MergeStatus.DELETE_CONFLICT})


class MatchedBy(enum.StrEnum):
    ID = "id"
    MUNICIPALITY = "municipality"


# --- their history -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TheirVersion:
    seq: int
    version_id: str
    kind: str
    content_hash: str
    imported: bool


class TheirHistory:
    """The versions a colleague's file carries: what they have seen of each network.

    Holds only each version's id, kind and hash (small); the records themselves are streamed
    from the private copy of their file (``read_rows``) when the merge copies them in.
    """

    def __init__(
        self,
        versions: Mapping[str, Sequence[TheirVersion]],
        read_rows: Callable[[Sequence[str]], Iterator[tuple[Any, ...]]],
        close: Callable[[], None] = lambda: None,
    ) -> None:
        self.versions = versions
        self.read_rows = read_rows
        self.close = close
        self._hashes: dict[str, frozenset[str]] = {}

    def hashes(self, network_id: str) -> frozenset[str]:
        found = self._hashes.get(network_id)
        if found is None:
            found = frozenset(
                v.content_hash for v in self.versions.get(network_id, ()) if v.content_hash
            )
            self._hashes[network_id] = found
        return found

    def head(self, network_id: str) -> TheirVersion | None:
        """Their newest own version of the network (what their file held last)."""
        own = [v for v in self.versions.get(network_id, ()) if not v.imported]
        return own[-1] if own else None

    def latest_shared(self, network_id: str, known: set[str] | frozenset[str]) -> str | None:
        """The hash of their newest version whose content this file also has."""
        for version in reversed(self.versions.get(network_id, ())):
            if version.content_hash and version.content_hash in known:
                return version.content_hash
        return None

    def version_ids(self) -> list[str]:
        return [v.version_id for versions in self.versions.values() for v in versions]


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
    history: TheirHistory | None = None  # None: the file keeps no history (old file, JSON)


# --- the plan ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MergeItem:
    """One network on either side and what the merge does with it."""

    network_id: UUID  # the id it has (or gets) in my database
    name: str
    status: MergeStatus
    mine: NetworkProfile | None
    theirs: NetworkProfile | None
    base: NetworkProfile | None = None  # the common version, when there is one
    fields: tuple[FieldMerge, ...] = ()  # every content field that differs, merged
    matched_by: MatchedBy | None = None
    deleted_here: bool = False  # a delete conflict: I deleted it (else: they did)
    without_history: bool = False  # no common version: every difference is a conflict

    @property
    def key(self) -> UUID:
        """What a choice is keyed by: their id when they have it, else mine."""
        return self.theirs.id if self.theirs is not None else self.network_id

    @property
    def differing(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def conflict_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.conflict)

    @property
    def is_conflict(self) -> bool:
        return self.status in CONFLICTING

    def merged(self, choices: Mapping[str, FieldChoice] | Choice | None = None) -> dict[str, Any]:
        """The merged record's JSON, each conflicting field decided as ``choices`` says (one
        choice for all, or per field; mine where not said)."""
        assert self.mine is not None and self.theirs is not None
        data = record_data(self.mine)
        for merge in self.fields:
            choice: FieldChoice
            if isinstance(choices, Mapping):
                choice = choices.get(merge.name, Choice.MINE)
            else:
                choice = choices or Choice.MINE
            if isinstance(choice, Edited):
                # Only a conflicting field is the officer's to write; elsewhere the merge decides.
                data[merge.name] = choice.value if merge.conflict else merge.merged.for_mine
            else:
                data[merge.name] = (
                    merge.merged.for_theirs if choice is Choice.THEIRS else merge.merged.for_mine
                )
        return data


@dataclass(frozen=True, slots=True)
class MergePlan:
    """What a merge would do: computed without changing anything, shown, then applied."""

    source: Path
    items: tuple[MergeItem, ...]
    only_mine: int  # my networks their file does not hold: kept as they are
    has_history: bool = True  # False: their file keeps no history (see :attr:`reason`)
    their_history: TheirHistory | None = None

    def having(self, *statuses: MergeStatus) -> list[MergeItem]:
        return [item for item in self.items if item.status in statuses]

    @property
    def new(self) -> list[MergeItem]:
        return self.having(MergeStatus.NEW)

    @property
    def identical(self) -> list[MergeItem]:
        return self.having(MergeStatus.IDENTICAL)

    @property
    def conflicts(self) -> list[MergeItem]:
        return [item for item in self.items if item.is_conflict]

    @property
    def without_history(self) -> list[MergeItem]:
        return [item for item in self.items if item.without_history and item.is_conflict]

    def reason(self, language: str = "nl") -> str:
        """Why every difference is a conflict, when that is so ('' otherwise)."""
        if not self.has_history:
            if language == "en":
                return (
                    "This file keeps no history (it was made by an older version of Netwerken, "
                    "or it is a JSON file), so it is unknown who changed what: every difference "
                    "is a conflict."
                )
            return (
                "Dit bestand bewaart geen geschiedenis (het werd gemaakt door een oudere versie "
                "van Netwerken, of het is een JSON-bestand), dus is niet te zien wie wat "
                "wijzigde: elk verschil is een conflict."
            )
        if self.without_history:
            count = len(self.without_history)
            if language == "en":
                return (
                    f"{count} network(s) have no version in common with this file (made "
                    "separately on both sides): every difference there is a conflict."
                )
            return (
                f"{count} netwerk(en) hebben geen gemeenschappelijke versie met dit bestand "
                "(apart gemaakt aan beide kanten): elk verschil daar is een conflict."
            )
        return ""


@dataclass(frozen=True, slots=True)
class Decision:
    """How one conflict was decided, for the report."""

    name: str
    fields: tuple[str, ...]  # the conflicting fields ('' entries never); empty: a delete conflict
    # Per field (EDITED: the result written by the officer), or one for a delete conflict.
    choices: tuple[Choice, ...]


@dataclass(frozen=True, slots=True)
class MergeReport:
    added: int  # new networks from their file
    taken: int  # changed only by them: their version taken
    kept: int  # identical, changed only by me, only mine, or stays deleted
    combined: int  # changed on both sides in different places: both changes kept
    deleted: int  # deleted by them, untouched here
    decisions: tuple[Decision, ...]  # the real conflicts and how each was decided
    backup: Path | None
    changed_ids: tuple[UUID, ...] = field(default=())
    reason: str = ""  # why every difference was a conflict, when so (Dutch)
    reason_en: str = ""

    @property
    def conflicts_resolved(self) -> int:
        return len(self.decisions)

    @property
    def updated(self) -> int:
        """Networks whose content changed here (taken, combined, or a conflict decided)."""
        return (
            self.taken
            + self.combined
            + sum(1 for d in self.decisions if {Choice.THEIRS, Choice.EDITED} & set(d.choices))
        )

    def summary(self, language: str = "nl") -> str:
        theirs_won = sum(1 for d in self.decisions if set(d.choices) == {Choice.THEIRS})
        mine_won = sum(1 for d in self.decisions if set(d.choices) == {Choice.MINE})
        mixed = len(self.decisions) - theirs_won - mine_won
        if language == "en":
            text = (
                f"Added: {self.added}. Taken from them: {self.taken}. Kept from me: {self.kept}. "
                f"Combined: {self.combined}. Deleted: {self.deleted}. "
                f"Conflicts: {len(self.decisions)} (theirs: {theirs_won}, mine: {mine_won}, "
                f"per field: {mixed})."
            )
            return f"{text} {self.reason_en}".strip()
        text = (
            f"Toegevoegd: {self.added}. Overgenomen van hen: {self.taken}. "
            f"Eigen versie behouden: {self.kept}. Gecombineerd: {self.combined}. "
            f"Verwijderd: {self.deleted}. Conflicten: {len(self.decisions)} (hun versie: "
            f"{theirs_won}, eigen versie: {mine_won}, per veld: {mixed})."
        )
        return f"{text} {self.reason}".strip()


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


class InvalidMergeError(StoreError):
    def __init__(self, name: str, detail: str) -> None:
        super().__init__(
            f"De gekozen combinatie voor '{name}' is geen geldig netwerk ({detail}). Er werd "
            "niets gewijzigd; kies voor dat netwerk anders.",
            f"The chosen combination for '{name}' is not a valid network ({detail}). Nothing "
            "was changed; choose differently for that network.",
        )


# --- comparing --------------------------------------------------------------------------------


def differing_fields(mine: NetworkProfile, theirs: NetworkProfile) -> tuple[str, ...]:
    """The top-level fields whose content differs, in the model's field order."""
    left = mine.model_dump(mode="json", exclude=set(BOOKKEEPING))
    right = theirs.model_dump(mode="json", exclude=set(BOOKKEEPING))
    return tuple(name for name in left if left[name] != right.get(name))


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


def _profile(data: dict[str, Any] | None) -> NetworkProfile | None:
    if data is None:
        return None
    try:
        return NetworkProfile.model_validate(data)
    except ValidationError:
        return None


class _Mine:
    """What my file knows, read once for a plan: heads, known hashes, records on demand."""

    def __init__(self, store: Store, their_ids: Sequence[str]) -> None:
        self.store = store
        with store.plain_reading() as connection:
            self.heads = history.heads(connection)
            self.known = history.known_hashes(connection, their_ids)
        self.leads = _lead_municipalities(store)

    def records(self, ids: Sequence[str]) -> dict[str, NetworkProfile]:
        return {str(p.id): p for p in self.store.get_many(ids)}

    def current_hash(self, network_id: str, record: NetworkProfile | None = None) -> str | None:
        """My content hash for the network ('' deleted, None unknown here)."""
        head = self.heads.get(network_id)
        if head is not None:
            return head.content_hash
        if network_id in self.leads:  # a record without history (never expected; be safe)
            record = record or self.store.find(network_id)
            return history.content_hash(record_data(record)) if record else None
        return None

    def saw_before_head(self, network_id: str, version_id: str) -> bool:
        """Whether their version ``version_id`` is in my history from before my newest change."""
        head = self.heads.get(network_id)
        with self.store.plain_reading() as connection:
            row = connection.execute(
                f"SELECT seq FROM {history.VERSIONS_TABLE} WHERE version_id = ?", (version_id,)
            ).fetchone()
        return head is not None and row is not None and int(row[0]) < head.seq

    def base(self, network_id: str, digest: str) -> dict[str, Any] | None:
        with self.store.plain_reading() as connection:
            return history.record_with_hash(connection, network_id, digest)


def plan_merge(store: Store, candidate: ImportCandidate) -> MergePlan:
    """Compare their records (and history) with mine and classify each; changes nothing."""
    theirs_all = candidate.profiles
    their_history = candidate.history
    theirs_by_id = {str(p.id): p for p in theirs_all}
    computed: dict[str, str] = {}

    def their_hash(network_id: str) -> str:
        """The content hash of their record, computed (a claim in their file is not trusted)."""
        if network_id not in computed:
            computed[network_id] = history.content_hash(record_data(theirs_by_id[network_id]))
        return computed[network_id]

    def claimed(network_id: str) -> str | None:
        """What their file says it holds for the network: only used to find records that are
        the same on both sides without hashing each (a wrong claim there can only make me skip
        their record, never take something their records do not hold)."""
        if their_history is None:
            return None
        head = their_history.head(network_id)
        return head.content_hash if head is not None and head.content_hash else None

    tombstoned: list[str] = []
    if their_history is not None:
        for network_id in their_history.versions:
            head = their_history.head(network_id)
            if network_id not in theirs_by_id and head is not None and head.kind == "delete":
                tombstoned.append(network_id)
    mine = _Mine(store, [*theirs_by_id, *tombstoned])

    items: list[MergeItem] = []
    to_compare: list[str] = []  # present on both sides, different: need the records
    unknown: list[NetworkProfile] = []  # their ids never seen here
    for network_id, theirs in theirs_by_id.items():
        my_hash = mine.current_hash(network_id)
        if my_hash is None:
            unknown.append(theirs)
        elif my_hash == "":  # I deleted it
            if their_hash(network_id) in mine.known.get(network_id, set()):
                items.append(_item(theirs.id, theirs.name, MergeStatus.STAYS_DELETED, None, theirs))
            else:
                items.append(
                    _item(
                        theirs.id,
                        theirs.name,
                        MergeStatus.DELETE_CONFLICT,
                        None,
                        theirs,
                        deleted_here=True,
                    )
                )
        elif my_hash == claimed(network_id) or my_hash == their_hash(network_id):
            items.append(_item(theirs.id, theirs.name, MergeStatus.IDENTICAL, None, theirs))
        else:
            to_compare.append(network_id)
    # Their deletions of networks I still have.
    deleted_there: list[str] = [n for n in tombstoned if (mine.current_hash(n) or "") != ""]
    needed = [*to_compare, *deleted_there]
    records: dict[str, NetworkProfile] = {}
    for start in range(0, len(needed), 500):
        records.update(mine.records(needed[start : start + 500]))
    for network_id in to_compare:
        items.append(
            _compare(
                mine,
                records[network_id],
                theirs_by_id[network_id],
                their_history,
                their_hash(network_id),
            )
        )
    for network_id in deleted_there:
        my_record = records[network_id]
        assert their_history is not None
        my_hash = mine.current_hash(network_id) or ""
        tombstone = their_history.head(network_id)
        if my_hash in their_history.hashes(network_id):
            status = MergeStatus.DELETE
        elif tombstone is not None and mine.saw_before_head(network_id, tombstone.version_id):
            # Their deletion came in with an earlier merge and I kept my version then.
            status = MergeStatus.KEEP_MINE
        else:
            status = MergeStatus.DELETE_CONFLICT
        items.append(_item(my_record.id, my_record.name, status, my_record, None))

    items.extend(_unknown_ids(mine, unknown, set(theirs_by_id)))
    touched = {str(item.network_id) for item in items if item.mine is not None}
    touched |= {n for n in theirs_by_id if n in mine.leads}
    only_mine = sum(1 for network_id in mine.leads if network_id not in touched)
    return MergePlan(
        candidate.source,
        tuple(items),
        only_mine,
        has_history=their_history is not None,
        their_history=their_history,
    )


def _item(
    network_id: UUID,
    name: str,
    status: MergeStatus,
    mine: NetworkProfile | None,
    theirs: NetworkProfile | None,
    **details: Any,
) -> MergeItem:
    return MergeItem(network_id, name, status, mine, theirs, **details)


def _compare(
    mine: _Mine,
    my_record: NetworkProfile,
    theirs: NetworkProfile,
    their_history: TheirHistory | None,
    their_hash: str,
) -> MergeItem:
    """One network on both sides with different content: who changed what since when."""
    network_id = str(my_record.id)
    known = mine.known.get(network_id, set())
    if their_history is None:
        return _without_base(my_record, theirs, MatchedBy.ID)
    if their_hash in known:  # theirs is a version I had: they are behind
        return _item(my_record.id, my_record.name, MergeStatus.KEEP_MINE, my_record, theirs)
    my_hash = mine.current_hash(network_id) or ""
    if my_hash in their_history.hashes(network_id):  # I am behind
        return _item(
            my_record.id,
            my_record.name,
            MergeStatus.TAKE_THEIRS,
            my_record,
            theirs,
            fields=tuple(
                merge_fields(CONTENT_FIELDS, None, record_data(my_record), record_data(theirs))
            ),
            matched_by=MatchedBy.ID,
        )
    shared = their_history.latest_shared(network_id, known)
    base_data = mine.base(network_id, shared) if shared else None
    if base_data is None:
        return _without_base(my_record, theirs, MatchedBy.ID)
    mine_data, theirs_data = record_data(my_record), record_data(theirs)
    fields = merge_fields(CONTENT_FIELDS, base_data, mine_data, theirs_data)
    base = _profile(base_data)
    conflicts = any(f.conflict for f in fields)
    if not conflicts:
        status = MergeStatus.COMBINED
        merged = {**mine_data, **{f.name: f.merged.for_mine for f in fields}}
        if _profile(merged) is None:  # the combination breaks a rule (e.g. no municipality)
            return _without_base(my_record, theirs, MatchedBy.ID, base=base)
        if all(f.merged.for_mine == f.mine for f in fields):
            status = MergeStatus.KEEP_MINE
        elif all(f.merged.for_mine == f.theirs for f in fields):
            status = MergeStatus.TAKE_THEIRS
    else:
        status = MergeStatus.CONFLICT
    return _item(
        my_record.id,
        my_record.name,
        status,
        my_record,
        theirs,
        base=base,
        fields=tuple(fields),
        matched_by=MatchedBy.ID,
    )


def _without_base(
    my_record: NetworkProfile,
    theirs: NetworkProfile,
    matched_by: MatchedBy,
    base: NetworkProfile | None = None,
) -> MergeItem:
    """No usable common version: every differing field is a conflict."""
    fields = merge_fields(CONTENT_FIELDS, None, record_data(my_record), record_data(theirs))
    if not fields:
        return _item(
            my_record.id,
            my_record.name,
            MergeStatus.IDENTICAL,
            my_record,
            theirs,
            matched_by=matched_by,
        )
    return _item(
        my_record.id,
        my_record.name,
        MergeStatus.CONFLICT,
        my_record,
        theirs,
        base=base,
        fields=tuple(fields),
        matched_by=matched_by,
        without_history=True,
    )


def _unknown_ids(
    mine: _Mine, unknown: list[NetworkProfile], their_ids: set[str]
) -> list[MergeItem]:
    """Their networks with an id never seen here: new, or matched by lead municipality when
    exactly one network on each side (without a partner by id) has it."""
    free_mine = Counter(lead for my_id, lead in mine.leads.items() if my_id not in their_ids)
    free_theirs = Counter(fold(profile.lead_municipality) for profile in unknown)
    wanted = {
        my_id: lead
        for my_id, lead in mine.leads.items()
        if my_id not in their_ids and free_mine[lead] == 1 and free_theirs[lead] == 1
    }
    by_lead = {wanted[str(p.id)]: p for p in mine.store.get_many(list(wanted))}
    items: list[MergeItem] = []
    for theirs in unknown:
        candidate = by_lead.get(fold(theirs.lead_municipality))
        if candidate is not None:
            items.append(_without_base(candidate, theirs, MatchedBy.MUNICIPALITY))
        else:
            items.append(_item(theirs.id, theirs.name, MergeStatus.NEW, None, theirs))
    return items


# --- applying ---------------------------------------------------------------------------------

ItemChoice = Choice | Mapping[str, FieldChoice]


def decide(
    plan: MergePlan,
    choices: Mapping[UUID, ItemChoice] | None = None,
    default: Choice | None = None,
) -> dict[UUID, ItemChoice]:
    """Every conflict's decision (one side, or per field); raises :class:`MissingChoiceError`
    when one is undecided."""
    choices = choices or {}
    decided: dict[UUID, ItemChoice] = {}
    missing: list[str] = []
    for item in plan.conflicts:
        choice = choices.get(item.key, default)
        if isinstance(choice, Mapping):
            per_field: dict[str, FieldChoice] = {}
            for name in item.conflict_fields:
                picked = choice.get(name, default)
                # EDITED without the written value (not an :class:`Edited`) decides nothing.
                if picked is None or picked == Choice.EDITED:
                    break
                per_field[name] = picked if isinstance(picked, Edited) else Choice(picked)
            if item.status is MergeStatus.CONFLICT and len(per_field) == len(item.conflict_fields):
                decided[item.key] = per_field
            else:
                missing.append(item.name)
        elif choice is None or choice == Choice.EDITED:
            missing.append(item.name)
        else:
            decided[item.key] = Choice(choice)
    if missing:
        raise MissingChoiceError(missing)
    return decided


def apply_merge(
    store: Store,
    plan: MergePlan,
    choices: Mapping[UUID, ItemChoice] | None = None,
    *,
    default: Choice | None = None,
) -> MergeReport:
    """Carry out ``plan`` in one transaction, after a backup.

    Each conflict needs a decision (in ``choices`` by :attr:`MergeItem.key`: one side, or a
    side per conflicting field; or ``default``). A record changed here since the plan was made
    stops the merge with :class:`StalePlanError` and nothing changes.
    """
    decided = decide(plan, choices, default)
    counts: Counter[str] = Counter()
    decisions: list[Decision] = []
    now = datetime.now(UTC)
    batch = _Writes(now)
    for item in plan.items:
        status = item.status
        if status is MergeStatus.NEW:
            assert item.theirs is not None
            batch.insert(item.theirs)
            counts["added"] += 1
        elif status is MergeStatus.TAKE_THEIRS:
            assert item.mine is not None and item.theirs is not None
            batch.overwrite(item.mine, record_data(item.theirs))
            counts["taken"] += 1
        elif status is MergeStatus.COMBINED:
            assert item.mine is not None
            batch.overwrite(item.mine, item.merged())
            counts["combined"] += 1
        elif status is MergeStatus.DELETE:
            assert item.mine is not None
            batch.remove(item.mine)
            counts["deleted"] += 1
        elif status is MergeStatus.CONFLICT:
            assert item.mine is not None
            choice = decided[item.key]
            data = item.merged(choice)
            per_field = tuple(
                side_of(choice.get(n, Choice.MINE) if isinstance(choice, Mapping) else choice)
                for n in item.conflict_fields
            )
            decisions.append(Decision(item.name, item.conflict_fields, per_field))
            if history.content_hash(data) != history.content_hash(record_data(item.mine)):
                batch.overwrite(item.mine, data)
        elif status is MergeStatus.DELETE_CONFLICT:
            choice = decided[item.key]
            side = choice if isinstance(choice, Choice) else Choice.MINE
            decisions.append(Decision(item.name, (), (side,)))
            if side is Choice.THEIRS and item.deleted_here and item.theirs is not None:
                batch.insert(item.theirs)
            elif side is Choice.THEIRS and item.mine is not None:
                batch.remove(item.mine)
            elif item.mine is not None:
                # Kept despite their deletion: a version records the decision (after their
                # deletion in my history), so the same file does not ask again.
                batch.confirm(item.mine)
        else:
            counts["kept"] += 1
    # Every record is built and validated above: what follows only writes.
    # No backup for a merge that writes nothing (all identical, or every conflict kept mine);
    # a failed attempt removes its backup again (it changed nothing).
    with (
        backup_for_change(
            store.path if batch.changes_anything() else None, "voor-samenvoegen"
        ) as backup,
        store.write_session() as session,
    ):
        _check_not_stale(session, plan)
        if plan.their_history is not None:
            copy_their_versions(session, plan.their_history)
        changed = batch.write(session, store.author)
    if len(changed) > FULL_INDEX_CHECK:
        verify_search_index(store)
    reason = plan.reason("nl") if plan.conflicts else ""
    return MergeReport(
        added=counts["added"],
        taken=counts["taken"],
        kept=counts["kept"] + plan.only_mine,
        combined=counts["combined"],
        deleted=counts["deleted"],
        decisions=tuple(decisions),
        backup=backup,
        changed_ids=tuple(changed),
        reason=reason,
        reason_en=plan.reason("en") if plan.conflicts else "",
    )


def side_of(choice: FieldChoice) -> Choice:
    """The kind of a field's decision (EDITED for a result written by the officer)."""
    return choice.choice if isinstance(choice, Edited) else choice


def editable(name: str) -> bool:
    """Whether the officer may write this field's result (a text, or a list of texts)."""
    return name in EDITABLE_TEXT or name in EDITABLE_LINES


def edit_text(name: str, value: Any) -> str:
    """A field's stored value as the text the officer edits: the text itself, or one item a
    line."""
    if name in EDITABLE_LINES:
        return "\n".join(str(v) for v in value or [])
    return "" if value is None else str(value)


class InvalidEditError(StoreError):
    def __init__(self, field_name: str, dutch: str, english: str) -> None:
        super().__init__(dutch, english)
        self.field_name = field_name


def edit_field(
    item: MergeItem,
    name: str,
    text: str,
    choices: Mapping[str, FieldChoice] | None = None,
) -> Edited:
    """The officer's text for conflicting field ``name`` of ``item`` as a decision, checked by
    the same rules as every record: the record merged as ``choices`` says with this field
    replaced must be a valid network. Raises :class:`InvalidEditError` with the schema's
    sentence (the text is not stored anywhere until the merge is applied)."""
    from db.model.messages import summary

    if name not in item.conflict_fields or not editable(name):
        raise InvalidEditError(
            name,
            f"Het veld '{name}' kan hier niet aangepast worden; kies een versie.",
            f"The field '{name}' cannot be edited here; choose a version.",
        )
    value: Any = (
        [line.strip() for line in text.splitlines() if line.strip()]
        if name in EDITABLE_LINES
        else text
    )
    data = {**item.merged(choices or {}), name: value}
    assert item.mine is not None
    try:
        content = NetworkProfile.model_validate(
            {**data, "id": str(item.mine.id), "version": item.mine.version}
        )
    except ValidationError as error:
        raise InvalidEditError(name, summary(error, "nl"), summary(error, "en")) from error
    # The value as the record stores it (trimmed, de-duplicated as the schema does).
    return Edited(record_data(content)[name])


def _check_not_stale(session: Session, plan: MergePlan) -> None:
    """Every record the plan read must still be at the version it read (else nothing is done)."""
    expected = {str(item.mine.id): item for item in plan.items if item.mine is not None}
    # Networks the plan found missing here (new, or deleted here) must still be missing.
    absent = {
        str(item.theirs.id): item
        for item in plan.items
        if item.theirs is not None
        and (
            item.status is MergeStatus.NEW
            or (item.mine is None and item.deleted_here)
            or item.status is MergeStatus.STAYS_DELETED
        )
    }
    wanted = [*expected, *absent]
    current: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        batch = wanted[start : start + 500]
        current.update(
            (str(network_id), int(version))
            for network_id, version in session.execute(
                select(Network.id, Network.version).where(Network.id.in_(batch))
            )
        )
    for network_id, item in expected.items():
        assert item.mine is not None
        if current.get(network_id) != item.mine.version:
            raise StalePlanError(item.mine.name)
    for network_id, item in absent.items():
        if network_id in current:
            raise StalePlanError(item.name)


# Above this many changed records the whole search index is checked after the merge (as after
# an import); below, the records were reindexed in the merge's transaction exactly as a save
# does it, and a check of the whole index would cost more than the merge itself.
FULL_INDEX_CHECK = 1000


class _Writes:
    """The records a merge writes, built and validated first, then written in one go: the
    rows of records replaced are deleted with one statement per 500 and all new rows inserted
    together (one at a time costs tens of milliseconds a record in statement overhead)."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.records: list[tuple[NetworkProfile, datetime, datetime, int]] = []
        self.replaced: list[str] = []
        self.removed: list[tuple[str, str]] = []
        self.confirmed: list[NetworkProfile] = []

    def insert(self, theirs: NetworkProfile) -> None:
        created_at = theirs.created_at or self.now
        updated_at = theirs.updated_at or self.now
        self.records.append((theirs, created_at, updated_at, 1))

    def overwrite(self, mine: NetworkProfile, data: dict[str, Any]) -> None:
        """Merged or their content into my record: same id and creation time, next version
        (an editor holding the old content must see a conflict)."""
        try:
            content = NetworkProfile.model_validate(
                {**data, "id": str(mine.id), "version": mine.version}
            )
        except ValidationError as error:
            from db.model.messages import summary

            raise InvalidMergeError(mine.name, summary(error, "nl")) from error
        self.records.append((content, mine.created_at or self.now, self.now, mine.version + 1))
        self.replaced.append(str(mine.id))

    def remove(self, mine: NetworkProfile) -> None:
        self.removed.append((str(mine.id), mine.name))

    def confirm(self, mine: NetworkProfile) -> None:
        self.confirmed.append(mine)

    def changes_anything(self) -> bool:
        return bool(self.records or self.removed or self.confirmed)

    def write(self, session: Session, author: str) -> list[UUID]:
        gone = [*self.replaced, *(network_id for network_id, _ in self.removed)]
        for start in range(0, len(gone), 500):
            # Deleting the row takes its child rows along (ON DELETE CASCADE).
            session.execute(delete(Network).where(Network.id.in_(gone[start : start + 500])))
        insert_records(session, self.records)
        session.flush()
        changed = [profile.id for profile, *_ in self.records]
        changed += [UUID(network_id) for network_id, _ in self.removed]
        reindex_networks(session, changed)  # in the same transaction as the records
        stored = [
            as_stored(profile, version=version, created_at=created_at, updated_at=updated_at)
            for profile, created_at, updated_at, version in self.records
        ]
        history.record_versions(
            raw_connection(session),
            (NewVersion(str(p.id), p.name, record_data(p)) for p in stored),
            VersionKind.MERGE,
            author,
            at=self.now,
        )
        record_deleted(session, self.removed, author, now=self.now)
        history.record_versions(
            raw_connection(session),
            (NewVersion(str(p.id), p.name, record_data(p)) for p in self.confirmed),
            VersionKind.MERGE,
            author,
            at=self.now,
            skip_unchanged=False,
        )
        return changed


def copy_their_versions(session: Session, their_history: TheirHistory) -> int:
    """Copy into my history every version of theirs it does not hold yet (by version id),
    marked as imported: the next exchange then knows what both have seen."""
    connection = raw_connection(session)
    mine = {
        row[0] for row in connection.execute(f"SELECT version_id FROM {history.VERSIONS_TABLE}")
    }
    missing = [v for v in their_history.version_ids() if v not in mine]
    if not missing:
        return 0
    rows = [
        row
        for start in range(0, len(missing), 500)
        for row in their_history.read_rows(missing[start : start + 500])
    ]
    return history.insert_foreign_versions(connection, rows)


def replace_with(
    store: Store, candidate: ImportCandidate, *, reason: str = "voor-vervangen"
) -> ReplaceReport:
    """Back up, then make the database hold exactly the candidate's records (one transaction).

    Their history comes along (as imported versions), so later merges with them know it."""
    previous = store.count()
    their_history = candidate.history

    def bring_history(session: Session) -> None:
        if their_history is not None:
            copy_their_versions(session, their_history)

    with backup_for_change(store.path, reason) as backup:  # removed again if this fails
        count = store.replace_all(candidate.profiles, before_records=bring_history)
    verify_search_index(store)
    return ReplaceReport(networks=count, previous=previous, backup=backup)



def verify_search_index(store: Store) -> bool:
    """Check the full-text index against the records after many changed at once, and rebuild
    it if it does not match; True when it had to be rebuilt."""
    return ensure_index(store)
