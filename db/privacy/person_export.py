"""Everything held about one person, for their right of access (GDPR art. 15).

One document: who (the names, addresses and numbers they are known by), as whose contact (each
network, role, organisation), every passage that mentions them with a little context (source
texts, notes, sections, captions, other fields, earlier versions), and which backups still hold
them. Written as JSON here; :mod:`desktop.printing.person_pdf` prints the same document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from db.model.personal_data import PLACE_LABELS, PersonMatcher, place_of, texts_by_place
from db.privacy.persons import Person, backup_hits, occurrences
from db.storage.atomic import atomic_path
from db.storage.store import Store
from db.storage.stored_versions import stored_records

CONTEXT_CHARACTERS = 80
MAX_PASSAGES_PER_TEXT = 50  # a text that names someone hundreds of times is cut short, and says so


@dataclass
class Passage:
    network: str
    place: str  # a key of PLACE_LABELS
    text: str  # the mention with some context; «…» marks the mention
    version: int | None = None  # the stored version's number, for an earlier version


@dataclass
class PersonDocument:
    person: Person
    made_at: datetime
    passages: list[Passage] = field(default_factory=list)
    backups: list[tuple[str, str, int]] = field(default_factory=list)  # file, made at, hits

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": "netwerken-inzage",
            "made_at": self.made_at.isoformat(timespec="seconds"),
            "person": self.person.as_dict(),
            "mentions": [
                {
                    "network": passage.network,
                    "place": passage.place,
                    "place_label": PLACE_LABELS[passage.place][0],
                    "text": passage.text,
                    **({"version": passage.version} if passage.version is not None else {}),
                }
                for passage in self.passages
            ],
            "backups": [
                {"file": name, "made_at": made_at, "mentions": hits}
                for name, made_at, hits in self.backups
            ],
        }


def _passages(text: str, matcher: PersonMatcher) -> list[str]:
    found = []
    spans = matcher.spans(text)
    for start, end, _label in spans[:MAX_PASSAGES_PER_TEXT]:
        before = text[max(0, start - CONTEXT_CHARACTERS) : start]
        after = text[end : end + CONTEXT_CHARACTERS]
        found.append(
            " ".join(
                f"{'…' if start > CONTEXT_CHARACTERS else ''}{before}«{text[start:end]}»"
                f"{after}{'…' if end + CONTEXT_CHARACTERS < len(text) else ''}".split()
            )
        )
    if len(spans) > MAX_PASSAGES_PER_TEXT:
        found.append(f"(en nog {len(spans) - MAX_PASSAGES_PER_TEXT} vermeldingen in deze tekst)")
    return found


def person_document(store: Store, person: Person) -> PersonDocument:
    matcher = PersonMatcher(person.identity())
    document = PersonDocument(person, datetime.now(UTC))
    found = occurrences(store, [person], versions=False)[person.key]
    for profile in store.get_many(list(found.networks)):
        data = profile.model_dump(mode="json")
        for key, value in data.items():
            if key == "contacts":
                continue
            for _place, text in texts_by_place({key: value}):
                for passage in _passages(text, matcher):
                    document.passages.append(Passage(profile.name, place_of(key), passage))
    with store.plain_reading() as connection:
        for stored in stored_records(connection):
            name = str(stored.data.get("name") or "")
            for _place, text in texts_by_place(stored.data):
                for passage in _passages(text, matcher):
                    document.passages.append(Passage(name, "versions", passage, stored.seq))
    document.backups = [
        (info.path.name, info.made_at.isoformat(timespec="seconds"), hits)
        for info, hits in backup_hits(store, person)
    ]
    return document


def write_person_json(document: PersonDocument, target: Path) -> None:
    with atomic_path(Path(target)) as partial:
        partial.write_text(
            json.dumps(document.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
