"""Grouping contact entries into persons, and finding where each person occurs."""

from __future__ import annotations

from pathlib import Path

from db.model.personal_data import PersonalDataFilter, PersonIdentity, PersonMatcher
from db.privacy.persons import Appearance, all_persons, find_persons, group_persons, occurrences
from tests.db.privacy.people import (
    ERASED_EMAIL,
    ERASED_NAME,
    NAMESAKE,
    OTHER_NAME,
    people_store,
)


def _appearance(name: str, organisation: str = "", email: str = "") -> Appearance:
    return Appearance("n", "Netwerk", name, "", organisation, email, "")


def test_the_case_of_an_email_address_does_not_make_two_persons() -> None:
    persons = group_persons(
        [
            _appearance("Annelies Vermeulen", "Stad Gent", "annelies.vermeulen@gent.be"),
            _appearance("A. Vermeulen", "OCMW", "Annelies.Vermeulen@GENT.be"),
        ]
    )
    assert len(persons) == 1
    assert persons[0].names == ["Annelies Vermeulen", "A. Vermeulen"]


def test_the_same_first_name_makes_two_persons() -> None:
    persons = group_persons(
        [
            _appearance("Annelies", "Stad Gent", "annelies@gent.be"),
            _appearance("Annelies", "Stad Aalst", "annelies@aalst.be"),
        ]
    )
    assert len(persons) == 2


def test_name_and_organisation_join_entries_without_an_address() -> None:
    persons = group_persons(
        [
            _appearance("Karel Claes", "OCMW Aalst", "karel@aalst.be"),
            _appearance("karel  claes", "ocmw aalst"),
            _appearance("Karel Claes", "Stad Gent"),
        ]
    )
    assert sorted(len(p.appearances) for p in persons) == [1, 2]


def test_grouping_is_transitive() -> None:
    persons = group_persons(
        [
            _appearance("An Smet", "Stad Gent", "an@gent.be"),
            _appearance("An Smet", "Stad Gent", "an.smet@gent.be"),
            _appearance("Ann Smet", "CAW", "AN.SMET@gent.be"),
        ]
    )
    assert len(persons) == 1


def test_persons_across_networks_and_where_they_occur(tmp_path: Path) -> None:
    store, _ = people_store(tmp_path / "n.sqlite")
    persons = all_persons(store)
    names = {p.display_name for p in persons}
    assert {ERASED_NAME, NAMESAKE, OTHER_NAME} <= names
    [erased] = find_persons(store, ERASED_EMAIL.upper())
    assert len(erased.network_ids) == 2
    found = occurrences(store, [erased])[erased.key]
    assert found.places["contacts"] == 2
    assert found.places["notes"] == 3  # name (upper case), phone, address
    assert found.places["source"] == 3  # name, address (upper case), phone as 09/266.77.88
    assert found.places["sections"] == 2
    assert found.places["captions"] == 1
    [namesake] = find_persons(store, NAMESAKE)
    assert occurrences(store, [namesake])[namesake.key].places["notes"] == 0


def test_a_query_that_names_nobody_finds_nobody(tmp_path: Path) -> None:
    store, _ = people_store(tmp_path / "n.sqlite")
    assert find_persons(store, "Niemand Bestaat") == []
    assert find_persons(store, "   ") == []


def test_matcher_ignores_case_spacing_and_phone_format() -> None:
    matcher = PersonMatcher(
        PersonIdentity(
            names=frozenset({"Annelies Vermeulen"}),
            emails=frozenset({"annelies.vermeulen@gent.be"}),
            phones=frozenset({"092667788"}),
        )
    )
    text, hits = matcher.redact(
        "ANNELIES\nvermeulen, +32 9 266 77 88, Annelies.Vermeulen@Gent.BE; Annelies Peeters"
    )
    assert hits == 3
    assert text == "[verwijderd], [verwijderd], [verwijderd]; Annelies Peeters"


def test_the_filter_keeps_years_amounts_and_periods() -> None:
    kept = "Afsprakennota 2020-2025, € 12.500, postcode 9000, 1 januari 2024"
    assert PersonalDataFilter(["Jan Peeters"]).text(kept) == kept
    assert (
        PersonalDataFilter(["Jan Peeters"]).text("jan  peeters: 0472 12 34 56, jp@x.be")
        == "[verwijderd]: [verwijderd], [verwijderd]"
    )
