"""The file's contact names, for taking personal data out of what leaves it.

A copy "zonder persoonsgegevens" (without personal data) must not name anyone a profile lists
as a contact, in any record or any earlier version, also where a free text mentions them: the
filter (:class:`db.model.personal_data.PersonalDataFilter`) learns every contact name here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from db.model.personal_data import PersonalDataFilter, contact_names, filtered_profile
from db.model.schemas import NetworkProfile
from db.storage.store import Store
from db.storage.stored_versions import stored_records


def known_contact_names(connection: sqlite3.Connection) -> set[str]:
    names = {
        str(name)
        for (name,) in connection.execute("SELECT DISTINCT name FROM contacts WHERE name <> ''")
    }
    return names | contact_names(stored.data for stored in stored_records(connection))


def personal_data_filter(store: Store) -> PersonalDataFilter:
    with store.plain_reading() as connection:
        return PersonalDataFilter(known_contact_names(connection))


def without_personal_data(
    store: Store, profiles: Iterable[NetworkProfile]
) -> Iterator[NetworkProfile]:
    """``profiles`` (read from ``store``) with every contact name, e-mail address and phone
    number taken out, roles and organisations kept; one at a time, as they are read."""
    personal_filter = personal_data_filter(store)
    for profile in profiles:
        yield filtered_profile(personal_filter, profile)
