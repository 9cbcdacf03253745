"""Search that understands Dutch compounds (issue 20): a word of three letters or more is found
inside longer words, accents and case aside; whole words rank first, word starts next, inside
matches last; phrases, OF/OR, -word, the partner filter and field weights keep working."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate_networks
from db.model.schemas import NetworkProfile
from db.search.maintenance import check_index, rebuild_index
from db.search.query import SearchQuery, parse_query
from db.search.results import search, search_ids
from db.storage import dbfile
from db.storage.search_index import INDEX_TABLE, INSIDE_TABLE, KEYS_TABLE, inside_text
from db.storage.store import Store
from db.text.samples import seed_samples
from tests.db.test_search import make_version_1_database

# Networks made for this test, beside the five real profiles.
MADE = {
    "Kortrijk": {"instruments": ["Pas"]},
    "Lier": {"vision": "Wie een pas heeft, krijgt korting op sport en cultuur."},
    "Ieper": {"vision": "We werken met een kansenpas voor gezinnen met een laag inkomen."},
    "Mol": {
        "partners": [
            {"name": "Vzw Horizont", "description": "samenwerking met armoedeverenigingen"}
        ]
    },
    "Geel": {"vision": "De strijd tegen kinderarmoedebestrijding staat centraal."},
    "Tielt": {
        "partners": [{"name": "Wijkcoöperatieve De Schakel", "description": ""}],
        "actions": [{"text": "Het vrijetijdsaanbod bekendmaken bij alle gezinnen."}],
    },
    "Lanaken": {"vision": "Coöperatieve werking met de buurt."},
}


def made_profile(town: str) -> NetworkProfile:
    data: dict[str, Any] = {"name": f"Lokaal netwerk {town}", "municipalities": [town]}
    data.update(MADE[town])
    return NetworkProfile.model_validate(data)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("compounds") / "compounds.sqlite")
    assert seed_samples(opened) == 5
    for town in MADE:
        opened.create(made_profile(town))
    yield opened
    opened.close()


def found(store: Store, text: str, **filters: Any) -> set[str]:
    hits = search(store, SearchQuery(text=text, **filters))
    return {hit.name.removeprefix("Lokaal netwerk ") for hit in hits}


# What each query must find: the real profiles (Borsbeek, Dilbeek, Genk, Oudenaarde, Wevelgem)
# by what their published texts hold, and the networks made above.
EXPECTED: list[tuple[str, set[str]]] = [
    # at the end of a compound: Kansenpas, UiTPAS, participatiepas, kansenpas
    ("pas", {"Oudenaarde", "Dilbeek", "Genk", "Wevelgem", "Kortrijk", "Lier", "Ieper"}),
    ("PAS", {"Oudenaarde", "Dilbeek", "Genk", "Wevelgem", "Kortrijk", "Lier", "Ieper"}),
    ("kansenpas", {"Oudenaarde", "Ieper"}),
    # in the middle: kinderarmoedebestrijding; at the end: armoedeverenigingen
    ("armoedebestrijding", {"Geel"}),
    ("vereniging", {"Mol", "Borsbeek", "Dilbeek", "Oudenaarde", "Wevelgem"}),
    ("armoedevereniging", {"Mol"}),
    # after a linking -s-: vrijetijdsaanbod, vrijetijdsparticipatie
    ("tijdsaanbod", {"Genk", "Wevelgem", "Dilbeek", "Oudenaarde", "Tielt"}),
    ("aanbodverstrekkers", {"Genk", "Oudenaarde"}),  # Genk's is a word, Oudenaarde's inside
    # with and without accents, in any case, at the start and inside: (Wijk)coöperatieve
    ("cooperatieve", {"Tielt", "Lanaken"}),
    ("COÖPERATIEVE", {"Tielt", "Lanaken"}),
    ("operatieve", {"Tielt", "Lanaken"}),
    # a phrase keeps matching whole words in order; short words keep prefix behaviour
    ('"vrije tijd"', {"Borsbeek", "Dilbeek", "Genk", "Oudenaarde", "Wevelgem"}),
    ("ka", {"Oudenaarde", "Ieper", "Borsbeek", "Dilbeek", "Genk", "Wevelgem"}),
    ("ie", {"Ieper"}),  # not Lier, Tielt, or any "bieden": too short to look inside
    # alternatives and exclusions: -word excludes compounds too
    ("kansenpas OF armoedevereniging", {"Oudenaarde", "Ieper", "Mol"}),
    ("pas -kansenpas", {"Dilbeek", "Genk", "Wevelgem", "Kortrijk", "Lier"}),
    ("-pas", {"Borsbeek", "Mol", "Geel", "Tielt", "Lanaken"}),
    ("schakel -welzijnsschakel", {"Oudenaarde", "Tielt"}),
    ("vereniging NIET armoede", {"Oudenaarde"}),  # Mol's armoedeverenigingen excluded
    # every word must occur, wherever: one at a word's start, the other inside a word
    ("gezinnen tijdsaanbod", {"Tielt", "Wevelgem"}),  # Wevelgem: (één)oudergezinnen
    ("korting pas", {"Lier", "Genk"}),  # Genk: korting and UiTPAS
    ("strijd kinderarmoede", {"Geel"}),
]


@pytest.mark.parametrize(("text", "expected"), EXPECTED)
def test_queries_find_words_inside_compounds(store: Store, text: str, expected: set[str]) -> None:
    assert found(store, text) == expected
    assert len(search_ids(store, SearchQuery(text=text))) == len(expected)


def test_the_partner_filter_finds_inside_compounds_too(store: Store) -> None:
    assert found(store, "", partner="schakel") == {"Dilbeek", "Borsbeek", "Tielt"}
    assert found(store, "", partner="operatieve") == {"Tielt"}
    assert found(store, "gezinnen", partner="schakel") == {"Tielt"}


def test_whole_words_rank_before_word_starts_before_inside_matches(store: Store) -> None:
    hits = search(store, SearchQuery(text="pas"))
    order = [hit.name.removeprefix("Lokaal netwerk ") for hit in hits]
    # Kortrijk's instrument is "Pas", Lier's text has the word "pas"; Ieper has only kansenpas.
    assert order.index("Kortrijk") < order.index("Ieper")
    assert order.index("Lier") < order.index("Ieper")
    assert order.index("Kortrijk") < order.index("Lier")  # instruments weigh more than vision
    tiers = {name: int(hit.score or 0) for name, hit in zip(order, hits, strict=True)}
    assert tiers["Kortrijk"] == tiers["Lier"] == 2 and tiers["Ieper"] == 0
    assert [hit.score for hit in hits] == sorted((hit.score or 0 for hit in hits), reverse=True)
    # a word start (Participatiepas, participatie) before the inside of a compound
    hits = search(store, SearchQuery(text="participatie"))
    scores = {hit.name.removeprefix("Lokaal netwerk "): hit.score or 0 for hit in hits}
    assert int(scores["Borsbeek"]) == 1 and int(scores["Oudenaarde"]) == 0
    assert scores["Borsbeek"] > scores["Oudenaarde"]


def test_a_limit_takes_the_best_tiers_first(store: Store) -> None:
    every = search_ids(store, SearchQuery(text="pas"))
    for limit in range(1, len(every) + 1):
        assert search_ids(store, SearchQuery(text="pas", limit=limit)) == every[:limit]


def test_the_snippet_marks_the_matched_part_of_the_compound(store: Store) -> None:
    by_name = {hit.name: hit for hit in search(store, SearchQuery(text="pas"))}
    assert by_name["Lokaal netwerk Ieper"].snippet == (
        "We werken met een kansen[pas] voor gezinnen met een laag inkomen."
    )
    assert by_name["Lokaal netwerk Ieper"].matched_field == "vision"
    assert by_name["Lokaal netwerk Kortrijk"].snippet == "[Pas]"
    assert "UiT[PAS]" in by_name["Lokaal netwerk Genk"].snippet
    hit = search(store, SearchQuery(text="cooperatieve", partner="schakel"))[0]
    assert hit.snippet == "Wijk[coöperatieve] De Schakel"
    assert hit.snippet_html == "Wijk<b>coöperatieve</b> De Schakel"


# --- against an independent reading, over generated profiles ------------------------------------


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("generated") / "generated.sqlite")
    opened.replace_all(generate_networks(120, seed=20))
    yield opened
    opened.close()


def _containing(store: Store, word: str) -> set[str]:
    """The networks whose indexed text holds ``word`` anywhere (accents and case aside), read
    straight from the index's stored text, without the inside index."""
    assert store.path is not None
    wanted = _fold(word)
    with sqlite3.connect(store.path) as connection:
        rows = connection.execute(
            f"SELECT k.network_id, s.* FROM {INDEX_TABLE} AS s JOIN {KEYS_TABLE} AS k"
            " ON k.docid = s.rowid"
        ).fetchall()
    return {row[0] for row in rows if any(wanted in _fold(value) for value in row[1:])}


@pytest.mark.parametrize(
    "word",
    ["pas", "armoede", "participatie", "aanbod", "schakel", "tijd", "cooperatie", "netwerk"],
)
def test_generated_profiles_are_found_wherever_the_word_stands(generated: Store, word: str) -> None:
    expected = _containing(generated, word)
    assert expected  # the generated texts use these words
    assert {str(i) for i in search_ids(generated, SearchQuery(text=word))} == expected
    excluded = {str(i) for i in search_ids(generated, SearchQuery(text=f"-{word}"))}
    assert excluded.isdisjoint(expected) and len(excluded) + len(expected) == generated.count()


# --- the inside index follows every change --------------------------------------------------


def test_the_inside_text_is_each_long_word_once_without_its_first_letter() -> None:
    assert inside_text("Kansenpas, UiTPAS en de kansenpas: één coöperatie") == (
        "ansenpas itpas ooperatie"
    )
    assert inside_text("") == "" and inside_text("de een pas") == ""


def test_the_inside_index_follows_create_update_delete(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "follow.sqlite")
    try:
        record = NetworkProfile.model_validate(
            {
                "name": "Lokaal netwerk Hamme",
                "municipalities": ["Hamme"],
                "vision": "Een kansenpas.",
            }
        )
        store.create(record)
        assert search_ids(store, SearchQuery(text="senpas")) == [record.id]
        store.update(store.get(record.id).model_copy(update={"vision": "Een vrijetijdspas."}))
        assert search_ids(store, SearchQuery(text="senpas")) == []
        assert search_ids(store, SearchQuery(text="tijdspas")) == [record.id]
        assert check_index(store)
        store.delete(record.id)
        assert search_ids(store, SearchQuery(text="tijdspas")) == []
        assert check_index(store)
    finally:
        store.close()


def test_check_notices_a_stale_inside_index_and_reindex_repairs_it(tmp_path: Path) -> None:
    path = tmp_path / "stale.sqlite"
    store = Store.open(path)
    store.create(made_profile("Ieper"))
    store.close()
    with sqlite3.connect(path) as connection:
        connection.execute(f"UPDATE {INSIDE_TABLE} SET vision = 'ets anders'")
    store = Store.open(path)
    try:
        assert not check_index(store)
        assert rebuild_index(store) == 1
        assert check_index(store)
        assert len(search_ids(store, SearchQuery(text="senpas"))) == 1
    finally:
        store.close()


def test_an_older_file_with_data_gets_the_inside_index_from_its_migration(tmp_path: Path) -> None:
    path = tmp_path / "oud.sqlite"
    network_id = make_version_1_database(path)  # migrated through every revision, 0005 too
    store = Store.open(path)
    try:
        assert dbfile.read_header(path).schema_version == dbfile.SCHEMA_VERSION
        assert check_index(store)
        # "Een coöperatieve visie", "UiTPAS", "voor sportclubs"
        for text in ("operatieve", "tpas", "clubs"):
            assert [str(i) for i in search_ids(store, SearchQuery(text=text))] == [network_id]
    finally:
        store.close()


def test_hostile_words_never_fail_and_overlong_ones_stay_out_of_the_inside_index(
    store: Store,
) -> None:
    for text in ("a" * 5000, "pas " * 200, "x", "é" * 100, "ööö", '"' * 50, "-" + "b" * 300):
        search(store, SearchQuery(text=text))
    assert parse_query("p" * 41).phrases[0].inside is None  # too long to be looked for inside
    assert re.fullmatch('"p+"', parse_query("p" * 40).phrases[0].inside or "")
