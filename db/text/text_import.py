"""Importing published profile texts: read every file, find duplicates, store in one go.

A profile for a municipality the database already holds is not duplicated: the caller chooses,
per profile or for all, to update the stored record, skip the text, or keep both. Everything
that is stored is stored in one transaction, so an import either lands whole or not at all.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from uuid import UUID

from db.model.reference import fold
from db.model.schemas import NetworkProfile
from db.storage.store import Store
from db.text.profile_text import ParseResult, ProfileTextError, parse_profile_file

TEXT_SUFFIXES = (".txt", ".text")


class OnDuplicate(enum.StrEnum):
    UPDATE = "update"  # the text replaces the stored record's content (its notes are kept)
    SKIP = "skip"  # the stored record stays as it is
    KEEP = "keep"  # both: the text becomes a record of its own


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    SKIPPED = "skipped"
    FAILED = "failed"


OUTCOME_WORDS = {
    Outcome.IMPORTED: ("geïmporteerd", "imported"),
    Outcome.UPDATED: ("bijgewerkt", "updated"),
    Outcome.SKIPPED: ("overgeslagen", "skipped"),
    Outcome.FAILED: ("mislukt", "failed"),
}


@dataclass
class ReadText:
    """One file as read: its record (or why it could not be read) and the records it duplicates."""

    path: Path
    result: ParseResult | None
    error: ProfileTextError | None = None
    duplicates: list[NetworkProfile] = field(default_factory=list)


@dataclass
class FileReport:
    path: Path
    outcome: Outcome
    name: str = ""
    warnings: list[str] = field(default_factory=list)
    message: str = ""  # why it failed, in Dutch
    message_en: str = ""


@dataclass
class TextImportReport:
    files: list[FileReport]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for f in self.files if f.outcome is outcome)

    def summary(self, language: str = "nl") -> str:
        index = 0 if language == "nl" else 1
        parts = [f"{self.count(o)} {OUTCOME_WORDS[o][index]}" for o in Outcome if self.count(o)]
        return ", ".join(parts) if parts else ("geen bestanden" if index == 0 else "no files")


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The text files named, and those in the folders named (recursively), each once, sorted."""
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES:
                    found.setdefault(child, None)
        else:
            found.setdefault(path, None)
    return list(found)


def read_texts(
    store: Store,
    paths: Sequence[Path],
    progress: Callable[[int, int], bool] | None = None,
) -> list[ReadText]:
    """Parse every file and look up the stored records for the same lead municipality.

    ``progress(done, total)`` may return False to stop; what was read so far is returned.
    """
    stored = store.ids_by_municipality()
    fetched: dict[UUID, NetworkProfile] = {}
    read: list[ReadText] = []
    seen_in_batch: dict[str, NetworkProfile] = {}
    for done, path in enumerate(paths):
        if progress is not None and not progress(done, len(paths)):
            break
        try:
            result = parse_profile_file(path)
        except ProfileTextError as error:
            read.append(ReadText(path, None, error))
            continue
        key = fold(result.profile.lead_municipality)
        wanted = [i for i in stored.get(key, []) if i not in fetched]
        fetched.update((p.id, p) for p in store.get_many(wanted))
        duplicates = [fetched[i] for i in stored.get(key, []) if i in fetched]
        if key in seen_in_batch:
            duplicates.append(seen_in_batch[key])
        seen_in_batch.setdefault(key, result.profile)
        read.append(ReadText(path, result, duplicates=duplicates))
    return read


def store_texts(
    store: Store,
    read: Sequence[ReadText],
    on_duplicate: OnDuplicate | Callable[[ReadText], OnDuplicate],
) -> TextImportReport:
    """Store what was read, in one transaction, deciding each duplicate by ``on_duplicate``."""
    created: list[NetworkProfile] = []
    updated: dict[object, NetworkProfile] = {}
    reports: list[FileReport] = []
    for item in read:
        if item.result is None:
            assert item.error is not None
            reports.append(
                FileReport(
                    item.path,
                    Outcome.FAILED,
                    message=str(item.error),
                    message_en=item.error.english,
                )
            )
            continue
        incoming = item.result.profile
        choice = OnDuplicate.KEEP
        if item.duplicates:
            choice = on_duplicate(item) if callable(on_duplicate) else on_duplicate
        target = _stored_duplicate(item)
        if (
            not item.duplicates
            or choice is OnDuplicate.KEEP
            or (choice is OnDuplicate.UPDATE and target is None)
        ):
            created.append(incoming)
            reports.append(
                FileReport(item.path, Outcome.IMPORTED, incoming.name, item.result.warnings)
            )
        elif choice is OnDuplicate.SKIP:
            reports.append(
                FileReport(item.path, Outcome.SKIPPED, incoming.name, item.result.warnings)
            )
        else:
            assert target is not None
            base = updated.get(target.id, target)
            updated[target.id] = incoming.model_copy(
                update={
                    "id": target.id,
                    "version": target.version,
                    "created_at": target.created_at,
                    # The officer's own notes are not in a published text: keep them.
                    "notes": incoming.notes or base.notes,
                }
            )
            reports.append(
                FileReport(item.path, Outcome.UPDATED, incoming.name, item.result.warnings)
            )
    if created or updated:
        # New records are the parser's own, validated as it built them; updates are copies
        # with another id and version, which the store validates again.
        store.write_batch(created, updated.values(), created_are_validated=True)
    return TextImportReport(reports)


def import_texts(
    store: Store,
    paths: Iterable[str | Path],
    on_duplicate: OnDuplicate | Callable[[ReadText], OnDuplicate],
) -> TextImportReport:
    return store_texts(store, read_texts(store, collect_files(paths)), on_duplicate)


def _stored_duplicate(item: ReadText) -> NetworkProfile | None:
    """The stored record an update goes to (a duplicate from the same batch is not stored yet)."""
    return next((d for d in item.duplicates if d.version > 0), None)
