"""Every contact person across all networks, grouped as one person, and where each one occurs.

Two contact entries are the same person when their e-mail addresses are equal ignoring case,
or when their names and organisations are equal ignoring case and accents (transitively: A and
B share an address, B and C a name at the same organisation, so A, B and C are one person). Two
people who only share a first name, or a name at different organisations without a shared
address, stay two.

Grouping reads only the ``contacts`` table (a few tens of thousands of short rows for ten
thousand networks). Where a person occurs elsewhere is a second step that reads every text once
(:func:`occurrences`), for all persons together or for the few a query found.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from db.model.personal_data import (
    EMAIL_PATTERN,
    PHONE_PATTERN,
    NameIndex,
    PersonIdentity,
    PersonMatcher,
    fold_key,
    phone_digits,
    texts_by_place,
    without_overlaps,
)
from db.storage.backup import BackupInfo, list_backups
from db.storage.store import Store
from db.storage.stored_versions import stored_records


class Appearance(NamedTuple):
    """One contact entry of a person: in which network, as what (a tuple: ten thousand
    networks give tens of thousands of them, made on every search)."""

    network_id: str
    network_name: str
    name: str
    role: str
    organisation: str
    email: str
    phone: str


@dataclass
class Person:
    """One person: their contact entries (complete once grouped; the lists below are read from
    them once and kept)."""

    key: str  # stable within one reading: the smallest of the group's keys
    appearances: list[Appearance] = field(default_factory=list)

    @cached_property
    def names(self) -> list[str]:
        return _distinct(a.name for a in self.appearances)

    @cached_property
    def emails(self) -> list[str]:
        return _distinct((a.email for a in self.appearances), key=str.casefold)

    @cached_property
    def phones(self) -> list[str]:
        return _distinct((a.phone for a in self.appearances), key=phone_digits)

    @cached_property
    def organisations(self) -> list[str]:
        return _distinct(a.organisation for a in self.appearances)

    @cached_property
    def roles(self) -> list[str]:
        return _distinct(a.role for a in self.appearances)

    @cached_property
    def network_ids(self) -> list[str]:
        return list(dict.fromkeys(a.network_id for a in self.appearances))

    @cached_property
    def display_name(self) -> str:
        return (self.names or self.emails or ["?"])[0]

    def identity(self) -> PersonIdentity:
        return PersonIdentity(
            names=frozenset(self.names),
            emails=frozenset(e.casefold() for e in self.emails),
            phones=frozenset(d for d in (phone_digits(p) for p in self.phones) if len(d) >= 6),
            name_organisations=frozenset(
                (fold_key(a.name), fold_key(a.organisation)) for a in self.appearances if a.name
            ),
        )

    def matches(self, query: str) -> bool:
        """True when ``query`` is part of a name or an e-mail address, or the phone number."""
        key = fold_key(query)
        if not key:
            return False
        if any(key in fold_key(text) for text in (*self.names, *self.emails)):
            return True
        digits = phone_digits(query)
        return len(digits) >= 6 and any(digits in phone_digits(p) for p in self.phones)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.display_name,
            "names": self.names,
            "emails": self.emails,
            "phones": self.phones,
            "organisations": self.organisations,
            "roles": self.roles,
            "contacts": [
                {
                    "network_id": a.network_id,
                    "network": a.network_name,
                    "name": a.name,
                    "role": a.role,
                    "organisation": a.organisation,
                    "email": a.email,
                    "phone": a.phone,
                }
                for a in self.appearances
            ],
        }


def _distinct(values: Iterable[str], key: Any = fold_key) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        if value:
            seen.setdefault(key(value), value)
    return list(seen.values())


_CONTACTS = (
    "SELECT c.network_id, n.name, c.name, c.role, c.organisation, c.email, c.phone "
    "FROM contacts AS c JOIN networks AS n ON n.id = c.network_id "
    "ORDER BY n.name, n.id, c.position"
)


def read_appearances(connection: sqlite3.Connection) -> list[Appearance]:
    # Every column is NOT NULL text with a default, so the rows need no conversion.
    return list(map(Appearance._make, connection.execute(_CONTACTS)))


def group_persons(appearances: Sequence[Appearance], *, ordered: bool = True) -> list[Person]:
    """One :class:`Person` per group of contact entries (rule: the module's docstring), sorted
    by name (``ordered``) or in the order first met."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    def union(one: str, other: str) -> None:
        first, second = find(one), find(other)
        if first != second:
            parent[max(first, second)] = min(first, second)

    keys_of: list[list[str]] = []
    for appearance in appearances:
        keys = []
        if appearance.email:
            keys.append("e:" + appearance.email.casefold())
        if appearance.name:
            keys.append(f"n:{fold_key(appearance.name)}|{fold_key(appearance.organisation)}")
        for key in keys:
            parent.setdefault(key, key)
        for key in keys[1:]:
            union(keys[0], key)
        keys_of.append(keys)
    groups: dict[str, Person] = {}
    for appearance, keys in zip(appearances, keys_of, strict=True):
        if not keys:
            continue
        root = find(keys[0])
        groups.setdefault(root, Person(root)).appearances.append(appearance)
    return by_name(groups.values()) if ordered else list(groups.values())


def by_name(persons: Iterable[Person]) -> list[Person]:
    return sorted(persons, key=lambda p: (fold_key(p.display_name), p.key))


def all_persons(store: Store) -> list[Person]:
    with store.plain_reading() as connection:
        return group_persons(read_appearances(connection))


def find_persons(store: Store, query: str) -> list[Person]:
    """The persons a query names: exactly by e-mail address first, else by exact name, else
    every person whose name, address or phone contains it.

    Fast in a large file: SQLite picks the contact entries the query names, then, round by
    round, the entries that share an address or a name and organisation with those found (the
    grouping rule), so only the found persons' entries reach Python.
    """
    wanted = query.strip()
    if not wanted:
        return []
    with store.plain_reading() as connection:
        _add_functions(connection)
        for condition, parameters in _seed_conditions(wanted):
            seeds = connection.execute(f"{_CONTACTS_WHERE} ({condition})", parameters).fetchall()
            if seeds:
                return by_name(group_persons(_whole_groups(connection, seeds), ordered=False))
    return []


_CONTACTS_WHERE = (
    "SELECT c.id, c.network_id, n.name, c.name, c.role, c.organisation, c.email, c.phone "
    "FROM contacts AS c JOIN networks AS n ON n.id = c.network_id WHERE"
)


def _email_key(email: str) -> str | None:
    return email.casefold() if email else None


def _name_key(name: str, organisation: str) -> str | None:
    return f"{fold_key(name)}|{fold_key(organisation)}" if name else None


def _add_functions(connection: sqlite3.Connection) -> None:
    connection.create_function("p_email_key", 1, _email_key, deterministic=True)
    connection.create_function("p_name_key", 2, _name_key, deterministic=True)
    connection.create_function("p_fold", 1, fold_key, deterministic=True)
    connection.create_function("p_digits", 1, phone_digits, deterministic=True)


def _seed_conditions(query: str) -> list[tuple[str, tuple[str, ...]]]:
    """The ways a query can name contact entries, strictest first (the first that finds any
    entry decides)."""
    conditions: list[tuple[str, tuple[str, ...]]] = []
    if "@" in query:
        conditions.append(("p_email_key(c.email) = ?", (query.casefold(),)))
    key = fold_key(query)
    conditions.append(("p_fold(c.name) = ?", (key,)))
    loose = "instr(p_fold(c.name), ?) OR instr(p_email_key(c.email), ?)"
    parameters: tuple[str, ...] = (key, key)
    digits = phone_digits(query)
    if len(digits) >= 6:
        loose += " OR instr(p_digits(c.phone), ?)"
        parameters += (digits,)
    conditions.append((loose, parameters))
    return conditions


def contact_network_ids(connection: sqlite3.Connection, identity: PersonIdentity) -> list[str]:
    """The networks in this file with a contact entry that is the person (by the grouping rule:
    the same address, or the same name and organisation); read from the file itself, so it also
    holds for a backup whose networks the person's entries were not read from."""
    _add_functions(connection)
    rows = connection.execute(
        "SELECT DISTINCT network_id FROM contacts "
        "WHERE p_email_key(email) IN (SELECT value FROM json_each(?)) "
        "OR p_name_key(name, organisation) IN (SELECT value FROM json_each(?))",
        (
            json.dumps(sorted(identity.emails)),
            json.dumps(sorted(f"{name}|{org}" for name, org in identity.name_organisations)),
        ),
    )
    return [str(network_id) for (network_id,) in rows]


def _whole_groups(connection: sqlite3.Connection, seeds: list[tuple[Any, ...]]) -> list[Appearance]:
    """The seeds and every entry linked to them by the grouping rule, in list order."""
    rows = {row[0]: row for row in seeds}
    emails: set[str] = set()
    names: set[str] = set()
    fresh = list(seeds)
    while fresh:
        new_emails = {k for row in fresh if (k := _email_key(row[6])) and k not in emails}
        new_names = {k for row in fresh if (k := _name_key(row[3], row[5])) and k not in names}
        if not new_emails and not new_names:
            break
        emails |= new_emails
        names |= new_names
        linked = connection.execute(
            f"{_CONTACTS_WHERE} p_email_key(c.email) IN (SELECT value FROM json_each(?)) "
            "OR p_name_key(c.name, c.organisation) IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(new_emails)), json.dumps(sorted(new_names))),
        ).fetchall()
        fresh = [row for row in linked if row[0] not in rows]
        rows.update((row[0], row) for row in fresh)
    ordered = sorted(rows.values(), key=lambda row: (row[2], row[1], row[0]))
    return [Appearance._make(row[1:]) for row in ordered]


def _matching(persons: list[Person], query: str) -> list[Person]:
    wanted = query.strip().casefold()
    if not wanted:
        return []
    if "@" in wanted:
        exact = [p for p in persons if any(a.email.casefold() == wanted for a in p.appearances)]
        if exact:
            return exact
    key = fold_key(query)
    exact_name = [p for p in persons if any(fold_key(a.name) == key for a in p.appearances)]
    if exact_name:
        return exact_name
    return [p for p in persons if p.matches(query)]


# --- where persons occur -----------------------------------------------------------------------


@dataclass
class Occurrences:
    """Where one person occurs: contact entries per network, and text hits per place."""

    networks: Counter[str] = field(default_factory=Counter)  # network id -> text hits
    places: Counter[str] = field(default_factory=Counter)  # place -> hits in current records
    versions: int = 0  # hits in stored earlier versions
    versions_records: int = 0  # how many stored versions hold the person
    backups: list[tuple[BackupInfo, int]] = field(default_factory=list)  # backup, hits

    def as_dict(self) -> dict[str, Any]:
        return {
            "places": dict(self.places),
            "earlier_versions": self.versions,
            "backups": [
                {"file": str(info.path), "made_at": info.made_at.isoformat(), "hits": hits}
                for info, hits in self.backups
            ],
        }


# Every text column of a record, with the place it counts under, one row per network and place
# (a record's many short texts are joined in SQLite: the Python work per row is what costs).
# Contacts' own fields are counted as their entries. The joint ' | ' is not a space, so a name
# is never found across two texts.


def _joined(table: str, expression: str) -> str:
    return f"SELECT network_id, group_concat({expression}, ' | ') FROM {table} GROUP BY network_id"


_TEXT_QUERIES: tuple[tuple[str, str], ...] = (
    ("source", "SELECT id, source_raw_text || ' | ' || source_file_name FROM networks"),
    ("notes", "SELECT id, notes FROM networks"),
    (
        "other",
        "SELECT id, name || ' | ' || alias || ' | ' || region || ' | ' || vision || ' | ' || "
        "target_group || ' | ' || meetings FROM networks",
    ),
    ("sections", _joined("sections", "title || ' | ' || body")),
    ("captions", _joined("captions", "text")),
    ("other", _joined("partners", "name || ' | ' || description")),
    ("other", _joined("goals", "title")),
    ("other", _joined("actions", "text")),
)


class _Scanner:
    """Finds many persons in text at once: one pass per text for names, addresses and phones."""

    def __init__(self, persons: Sequence[Person]) -> None:
        names: dict[str, str] = {}
        self._emails: dict[str, str] = {}
        self._phones: dict[str, str] = {}
        for person in persons:
            for name in person.names:
                names.setdefault(name, person.key)
            for email in person.emails:
                self._emails.setdefault(email.casefold(), person.key)
            for phone in person.phones:
                digits = phone_digits(phone)
                if len(digits) >= 6:
                    self._phones.setdefault(digits, person.key)
        self._names = NameIndex(names)

    def hits(self, text: str) -> Iterator[str]:
        """The person key of each mention in ``text`` (a name inside an address found as that
        address is one mention, as erasing replaces it once)."""
        if not text:
            return
        spans: list[tuple[int, int, str]] = []
        if self._emails and "@" in text:
            for match in EMAIL_PATTERN.finditer(text):
                found = self._emails.get(match.group().casefold())
                if found:
                    spans.append((match.start(), match.end(), found))
        if self._phones:
            for match in PHONE_PATTERN.finditer(text):
                found = self._phones.get(phone_digits(match.group()))
                if found:
                    spans.append((match.start(), match.end(), found))
        names = self._names.spans(text)
        if spans and names:
            spans = without_overlaps(spans + names)
        else:
            spans += names
        for _start, _end, key in spans:
            yield key


def occurrences(
    store: Store,
    persons: Sequence[Person],
    *,
    versions: bool = True,
    backups: bool = False,
) -> dict[str, Occurrences]:
    """Where each of ``persons`` occurs, by person key: in the current records' texts, in stored
    earlier versions and (``backups``) in the backup files beside the database."""
    found = {person.key: Occurrences() for person in persons}
    if not persons:
        return found
    scanner = _Scanner(persons)
    with store.plain_reading() as connection:
        for place, query in _TEXT_QUERIES:
            for network_id, text in connection.execute(query):
                for key in scanner.hits(text or ""):
                    found[key].places[place] += 1
                    found[key].networks[network_id] += 1
        for person in persons:
            found[person.key].places["contacts"] += len(person.appearances)
        if versions:
            _count_versions(connection, scanner, found)
    if backups and store.path is not None:
        for info in list_backups(store.path):
            per_person = count_in_backup(info.path, scanner)
            for key, hits in per_person.items():
                found[key].backups.append((info, hits))
    return found


def _count_versions(
    connection: sqlite3.Connection, scanner: _Scanner, found: dict[str, Occurrences]
) -> None:
    for stored in stored_records(connection):
        in_version: Counter[str] = Counter()
        for contact in stored.data.get("contacts") or []:
            if isinstance(contact, dict):
                for text in (contact.get("name"), contact.get("email"), contact.get("phone")):
                    in_version.update(scanner.hits(str(text or "")))
        for place, text in texts_by_place(stored.data):
            if place != "contacts":
                in_version.update(scanner.hits(text))
        for key, hits in in_version.items():
            found[key].versions += hits
            found[key].versions_records += 1


def count_in_backup(path: Path, scanner: _Scanner) -> Counter[str]:
    """Hits per person in a backup file, read-only; an unreadable backup counts as none."""
    hits: Counter[str] = Counter()
    try:
        connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        return hits
    try:
        for query in (
            "SELECT name || char(10) || email || char(10) || phone FROM contacts",
            *(
                q.replace("SELECT id, ", "SELECT ").replace("SELECT network_id, ", "SELECT ")
                for _place, q in _TEXT_QUERIES
            ),
        ):
            for (text,) in connection.execute(query):
                hits.update(scanner.hits(text or ""))
        for stored in stored_records(connection):
            for _place, text in texts_by_place(stored.data):
                hits.update(scanner.hits(text))
    except sqlite3.Error:
        pass
    finally:
        connection.close()
    return hits


def backup_hits(store: Store, person: Person) -> list[tuple[BackupInfo, int]]:
    """The backups beside the database that still hold ``person``, newest first."""
    if store.path is None:
        return []
    scanner = _Scanner([person])
    return [
        (info, count)
        for info in list_backups(store.path)
        if (count := count_in_backup(info.path, scanner)[person.key])
    ]


def matcher_for(person: Person) -> PersonMatcher:
    return PersonMatcher(person.identity())


def redaction_words(person: Person) -> list[str]:
    """What must not survive an erasure: names, addresses and phone numbers (for checks)."""
    return [*person.names, *person.emails, *person.phones]


def find_persons_in_backups(store: Store, query: str) -> list[Person]:
    """The persons a query names in the backups, for a person already erased from the database
    whose older backups still hold them (newest backup first; the first that knows them)."""
    if store.path is None:
        return []
    for info in list_backups(store.path):
        try:
            connection = sqlite3.connect(f"file:{info.path.as_posix()}?mode=ro", uri=True)
        except sqlite3.Error:
            continue
        try:
            appearances = read_appearances(connection)
        except sqlite3.Error:
            continue
        finally:
            connection.close()
        found = by_name(_matching(group_persons(appearances, ordered=False), query))
        if found:
            return found
    return []
