"""Search: relevance on the real sample profiles, the query language, filters, and an index that
stays right through every kind of change (including a migration of an older file)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from db.model.messages import FIELD_LABELS
from db.model.schemas import NetworkProfile, Province
from db.search.maintenance import check_index, ensure_index, rebuild_index
from db.search.query import SearchQuery, parse_query, to_fts
from db.search.results import describe_hits, search, search_ids
from db.storage import dbfile
from db.storage.engine import make_engine
from db.storage.migrate import upgrade
from db.storage.search_index import FIELDS, INDEX_TABLE, KEYS_TABLE
from db.storage.store import Store
from db.text.samples import seed_samples
from tests.db.factories import full_profile


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The five real profiles, read by the real parser (shared: these tests only read)."""
    store = Store.open(tmp_path_factory.mktemp("samples") / "samples.sqlite")
    assert seed_samples(store) == 5
    yield store
    store.close()


def names(hits: list[Any]) -> list[str]:
    return [hit.name.removeprefix("Lokaal netwerk ") for hit in hits]


def found(store: Store, text: str = "", **filters: Any) -> list[str]:
    return names(search(store, SearchQuery(text=text, **filters)))


def profile(name: str, **fields: Any) -> NetworkProfile:
    data: dict[str, Any] = {"name": name, "municipalities": [name.split()[-1]]}
    data.update(fields)
    return NetworkProfile.model_validate(data)


# --- relevance on the sample profiles ---------------------------------------------------------


def test_kansenpas_finds_oudenaarde_first(samples: Store) -> None:
    hits = search(samples, SearchQuery(text="kansenpas"))
    assert names(hits)[0] == "Oudenaarde"
    assert hits[0].score is not None and hits[0].score > 0
    assert hits[0].matched_field in FIELD_LABELS
    assert "[Kansenpas]" in hits[0].snippet or "[kansenpas]" in hits[0].snippet.lower()


def test_welzijnsschakel_finds_dilbeek_and_borsbeek(samples: Store) -> None:
    hits = search(samples, SearchQuery(text="welzijnsschakel"))
    assert set(names(hits)) == {"Dilbeek", "Borsbeek"}
    for hit in hits:
        assert hit.matched_field == "partners"
        assert hit.matched_label() == "Partners"
        assert "welzijnsschakel" in hit.snippet.lower()


def test_rap_op_stap_finds_genk_and_borsbeek(samples: Store) -> None:
    assert set(found(samples, "rap op stap")) == {"Genk", "Borsbeek"}
    assert set(found(samples, '"rap op stap"')) == {"Genk", "Borsbeek"}


def test_a_municipality_name_finds_its_network_first_in_the_name(samples: Store) -> None:
    hits = search(samples, SearchQuery(text="genk"))
    assert names(hits)[0] == "Genk"
    assert hits[0].matched_field == "name"
    assert hits[0].matched_label() == "Naam" and hits[0].matched_label("en") == "Name"
    assert hits[0].snippet == "Lokaal netwerk [Genk]"
    assert hits[0].snippet_html == "Lokaal netwerk <b>Genk</b>"
    assert hits[0].municipalities == ("Genk",)
    assert hits[0].province == "Limburg"


def test_a_hit_in_the_name_ranks_above_a_hit_in_an_action(store: Store) -> None:
    in_action = profile(
        "Lokaal netwerk Aalst",
        actions=[{"text": "Een uitstap naar de Zonnebloem in de zomer, met de hele buurt mee"}],
    )
    in_name = profile("Lokaal netwerk Zonnebloem Lier")
    in_municipality = profile("Netwerk Vrije Tijd", municipalities=["Zonnebloem"])
    for record in (in_action, in_name, in_municipality):
        store.create(record)
    hits = search(store, SearchQuery(text="zonnebloem"))
    assert [hit.id for hit in hits][-1] == in_action.id
    assert {hit.id for hit in hits[:2]} == {in_name.id, in_municipality.id}
    assert hits[-1].matched_field == "actions"
    assert hits[-1].matched_label() == "Acties"
    assert [hit.score for hit in hits] == sorted((hit.score or 0 for hit in hits), reverse=True)


# --- the query language -----------------------------------------------------------------------


def test_diacritics_and_case_do_not_matter(store: Store) -> None:
    record = store.create(
        profile(
            "Lokaal netwerk Tielt",
            vision="De coöperatie met één partner en de financiële COÖRDINATIE.",
        )
    )
    for query in ("cooperatie", "COOPERATIE", "coöperatie", "een", "financiele", "coordinatie"):
        hits = search(store, SearchQuery(text=query))
        assert [hit.id for hit in hits] == [record.id], query
        assert hits[0].matched_field == "vision"
    hit = search(store, SearchQuery(text="een"))[0]
    assert "[één]" in hit.snippet
    hit = search(store, SearchQuery(text="coordinatie"))[0]
    assert "[COÖRDINATIE]" in hit.snippet
    # Diacritics in the stored text written as letter + combining accent are found as well.
    other = store.create(profile("Lokaal netwerk Ieper", notes="Een coo\u0308peratieve werking."))
    hits = search(store, SearchQuery(text="cooperatieve"))
    assert [h.id for h in hits] == [other.id]
    assert "[coo\u0308peratieve]" in hits[0].snippet


def test_words_are_prefixes_for_search_as_you_type(samples: Store) -> None:
    assert set(found(samples, "welz")) >= {"Dilbeek", "Borsbeek"}
    assert found(samples, "kansenp")[0] == "Oudenaarde"
    assert found(samples, "oudenaa")[0] == "Oudenaarde"
    hit = search(samples, SearchQuery(text="welzijnssch"))[0]
    assert "[welzijnsschakel]" in hit.snippet.lower()


def test_several_words_must_all_occur(samples: Store) -> None:
    assert set(found(samples, "rap stap")) == {"Genk", "Borsbeek"}
    assert found(samples, "rap stap sfeer") == ["Genk"]
    assert found(samples, "kansenpas sfeer") == []


def test_a_quoted_phrase_must_occur_as_written(samples: Store) -> None:
    assert set(found(samples, '"rap op stap"')) == {"Genk", "Borsbeek"}
    assert found(samples, '"stap op rap"') == []
    # An unclosed phrase is still being typed: its last word may continue.
    assert set(found(samples, '"rap op st')) == {"Genk", "Borsbeek"}
    assert found(samples, '"rap op st"') == []


def test_of_and_or_give_alternatives(samples: Store) -> None:
    assert set(found(samples, "kansenpas OF horizont")) == {"Oudenaarde", "Genk"}
    assert set(found(samples, "kansenpas OR horizont")) == {"Oudenaarde", "Genk"}
    # Lower-case "of" is a word like any other (it is Dutch for "or" and for "whether").
    assert parse_query("kansenpas of horizont").positive == '"kansenpas"* AND "of"* AND "horizont"*'
    # Alternatives bind tighter than the words around them.
    assert set(found(samples, "ocmw kansenpas OF horizont")) == {"Oudenaarde", "Genk"}


def test_a_minus_excludes(samples: Store) -> None:
    assert found(samples, "welzijnsschakel -dilbeek") == ["Borsbeek"]
    assert found(samples, 'rap -"op stap"') == []
    # Only exclusions: every network without the word, in name order.
    assert found(samples, "-kansenpas") == ["Borsbeek", "Dilbeek", "Genk", "Wevelgem"]
    assert found(samples, "NIET kansenpas") == ["Borsbeek", "Dilbeek", "Genk", "Wevelgem"]


def test_the_translation_quotes_every_word() -> None:
    assert to_fts("welz") == '"welz"*'
    assert to_fts('ok-pas "rap op stap" -sfeer') == '("ok pas"* AND "rap op stap") NOT ("sfeer"*)'
    assert to_fts("a OF b OR c") == '("a"* OR "b"* OR "c"*)'
    assert to_fts("NEAR(a b) AND c*") == '"NEAR a"* AND "b"* AND "c"*'
    assert to_fts("name:genk") == '"name genk"*'
    assert to_fts("") is None
    assert to_fts("   -  OF  ") is None
    assert to_fts("-genk") is None and parse_query("-genk").negative == '"genk"*'
    assert to_fts("💥 ** ()") is None


# --- filters ----------------------------------------------------------------------------------


def test_each_filter_alone_lists_in_name_order(samples: Store) -> None:
    assert found(samples, province="Limburg") == ["Genk"]
    assert found(samples, province=Province.WEST_VLAANDEREN) == ["Wevelgem"]
    assert found(samples, province="oost vlaanderen") == ["Oudenaarde"]
    assert found(samples, municipality="DILBEEK") == ["Dilbeek"]
    assert found(samples, municipality="Dilbee") == []  # a municipality is named whole
    assert found(samples, year=2016) == ["Dilbeek", "Oudenaarde", "Wevelgem"]
    assert found(samples, year=2019) == ["Borsbeek", "Dilbeek", "Genk", "Oudenaarde", "Wevelgem"]
    assert found(samples, year=2013) == ["Dilbeek", "Oudenaarde"]
    assert found(samples, year=2030) == []
    assert found(samples, min_eur=7000) == ["Dilbeek", "Genk"]
    assert found(samples, max_eur="6.700") == ["Borsbeek", "Oudenaarde"]
    assert found(samples, min_eur=6613, max_eur=Decimal("6887")) == ["Oudenaarde", "Wevelgem"]
    assert found(samples, min_eur=8000, max_eur=7000) == []
    assert found(samples, partner="welzijnsschakel") == ["Borsbeek", "Dilbeek"]
    assert found(samples, partner="sfeer") == ["Genk"]
    assert found(samples, instrument="uitpas") == ["Dilbeek", "Genk", "Wevelgem"]
    assert found(samples, instrument="UiT-pas") == ["Dilbeek", "Genk", "Wevelgem"]
    assert found(samples, instrument="Kansenpas") == ["Oudenaarde"]
    assert found(samples, instrument="Paspartoe") == []
    for hit in search(samples, SearchQuery(province="Limburg")):
        assert hit.score is None and hit.matched_field is None and hit.snippet == ""


def test_filters_combine_with_each_other_and_with_text(samples: Store) -> None:
    assert found(samples, year=2016, max_eur=6700) == ["Oudenaarde"]
    assert found(samples, instrument="uitpas", min_eur=7000) == ["Dilbeek", "Genk"]
    assert found(samples, instrument="uitpas", min_eur=7000, province="Limburg") == ["Genk"]
    assert found(samples, "welzijnsschakel", province="Antwerpen") == ["Borsbeek"]
    assert found(samples, "welzijnsschakel", year=2016) == ["Dilbeek"]
    assert found(samples, "rap op stap", partner="horizont") == ["Genk"]
    assert set(found(samples, "armoede", instrument="uitpas", year=2016)) == {"Dilbeek", "Wevelgem"}
    assert found(samples, "kansenpas", province="Limburg") == []
    assert found(samples, "-welzijnsschakel", instrument="uitpas") == ["Genk", "Wevelgem"]


def test_an_ids_filter_keeps_only_those_networks(samples: Store) -> None:
    """The overview's links narrow the list this way; with text and filters it combines."""
    by_name = {
        hit.name.removeprefix("Lokaal netwerk "): hit.id
        for hit in search(samples, SearchQuery(year=2019))
    }
    chosen = frozenset({by_name["Genk"], by_name["Dilbeek"], by_name["Wevelgem"]})
    assert found(samples, ids=chosen) == ["Dilbeek", "Genk", "Wevelgem"]
    assert found(samples, ids=chosen, min_eur=7000) == ["Dilbeek", "Genk"]
    assert found(samples, "uitpas", ids=frozenset({by_name["Genk"]})) == ["Genk"]
    assert found(samples, "kansenpas", ids=chosen) == []
    assert found(samples, ids=frozenset()) == []  # an empty choice is a choice: nothing
    assert not SearchQuery(ids=frozenset()).is_empty


def test_blank_filters_are_no_filters(samples: Store) -> None:
    everything = found(samples, province="", municipality="  ", partner="", instrument="")
    assert everything == ["Borsbeek", "Dilbeek", "Genk", "Oudenaarde", "Wevelgem"]
    assert SearchQuery(province=" ").is_empty
    assert SearchQuery(min_eur=None, max_eur="", year=None, partner=None, limit=None).is_empty
    assert SearchQuery(min_eur="€ 6.613,50").min_eur == Decimal("6613.50")
    assert not SearchQuery(year=2016).is_empty


def test_wrong_filter_values_are_refused_with_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        SearchQuery(province="Atlantis")
    with pytest.raises(ValidationError):
        SearchQuery(year=1200)
    with pytest.raises(ValidationError):
        SearchQuery(min_eur="veel")
    with pytest.raises(ValidationError):
        SearchQuery(max_eur=-5)


def test_limit_ids_and_descriptions_agree_with_search(samples: Store) -> None:
    query = SearchQuery(text="ocmw")
    hits = search(samples, query)
    assert len(hits) == 5
    assert search_ids(samples, query) == [hit.id for hit in hits]
    limited = SearchQuery(text="ocmw", limit=2)
    assert [hit.id for hit in search(samples, limited)] == [hit.id for hit in hits[:2]]
    assert search_ids(samples, limited) == [hit.id for hit in hits[:2]]
    described = describe_hits(samples, query, [hits[3].id, hits[1].id, UUID(int=7)])
    assert [d.id for d in described] == [hits[3].id, hits[1].id]
    assert described[0].segments == hits[3].segments and described[0].score is None
    listed = SearchQuery(year=2016)
    assert search_ids(samples, listed) == [hit.id for hit in search(samples, listed)]


def test_snippets_are_short_and_escaped_for_html(store: Store) -> None:
    long_text = (
        ("Een lange inleiding zonder het woord. " * 20)
        + "Hier staat <script>x</script> & de Zonnebloem. "
        + ("En nog veel meer tekst. " * 20)
    )
    store.create(profile("Lokaal netwerk Mol", vision=long_text))
    hit = search(store, SearchQuery(text="zonnebloem"))[0]
    assert hit.matched_field == "vision"
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet_text) < 230
    assert "[Zonnebloem]" in hit.snippet
    assert "&lt;script&gt;x&lt;/script&gt; &amp; de <b>Zonnebloem</b>" in hit.snippet_html
    assert "<script>" not in hit.snippet_html


def test_the_snippet_comes_from_the_field_holding_all_the_words(samples: Store) -> None:
    hit = search(samples, SearchQuery(text="horizont stap"))[0]
    assert hit.name == "Lokaal netwerk Genk"
    assert hit.matched_field == "partners"  # the instrument "Rap op Stap" holds only one word
    assert "[Horizont]" in hit.snippet


# --- the index through every kind of change ---------------------------------------------------


def ids_for(store: Store, text: str) -> set[UUID]:
    return set(search_ids(store, SearchQuery(text=text)))


def test_index_follows_create_update_delete_restore(store: Store) -> None:
    record = store.create(full_profile(vision="Een zebrapad aan de school."))
    assert ids_for(store, "zebrapad") == {record.id}
    assert check_index(store)

    edited = store.update(record.model_copy(update={"vision": "Een fietsstraat.", "alias": "Kwak"}))
    assert ids_for(store, "zebrapad") == set()
    assert ids_for(store, "fietsstraat") == {record.id}
    assert ids_for(store, "kwak") == {record.id}
    assert check_index(store)

    removed = store.delete(edited.id)
    assert ids_for(store, "fietsstraat") == set()
    assert check_index(store)

    store.restore(removed)
    assert ids_for(store, "fietsstraat") == {record.id}
    assert check_index(store)


def test_a_failed_save_leaves_the_index_as_it_was(store: Store) -> None:
    record = store.create(full_profile(vision="Een zebrapad."))
    store.update(record.model_copy(update={"vision": "Een fietsstraat."}))
    from db.model.errors import ConflictError

    with pytest.raises(ConflictError):  # a save over a newer version
        store.update(record.model_copy(update={"vision": "Een kasseiweg."}))
    assert ids_for(store, "kasseiweg") == set()
    assert ids_for(store, "fietsstraat") == {record.id}
    assert check_index(store)


def test_index_follows_replace_all(store: Store) -> None:
    old = store.create(full_profile(vision="Een zebrapad."))
    fresh = [
        profile("Lokaal netwerk Lier", vision="Een fietsstraat."),
        profile("Lokaal netwerk As"),
    ]
    assert store.replace_all(fresh) == 2
    assert ids_for(store, "zebrapad") == set()
    assert ids_for(store, "fietsstraat") == {fresh[0].id}
    assert set(search_ids(store, SearchQuery())) == {record.id for record in fresh}
    assert old.id not in ids_for(store, "borsbeek")
    assert check_index(store)


def test_the_index_is_written_without_triggers_under_trusted_schema_off(store: Store) -> None:
    # The reason the store keeps the index and not a trigger: SQLite refuses an FTS5 write from a
    # trigger when trusted_schema is off, as it is on every connection of ours.
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA trusted_schema").scalar_one() == 0
        triggers = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
        ).scalar_one()
    assert triggers == 0
    raw = sqlite3.connect(":memory:")
    raw.execute("PRAGMA trusted_schema = OFF")
    raw.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
    raw.execute("CREATE TABLE x (v TEXT)")
    raw.execute("CREATE TRIGGER x_ai AFTER INSERT ON x BEGIN INSERT INTO t (a) VALUES (new.v); END")
    with pytest.raises(sqlite3.OperationalError, match="unsafe use of virtual table"):
        raw.execute("INSERT INTO x VALUES ('a')")
    store.create(full_profile())
    assert ids_for(store, "schakeltje")


def test_check_finds_and_ensure_repairs_a_wrong_index(store: Store) -> None:
    record = store.create(full_profile(vision="Een zebrapad."))
    assert check_index(store) and not ensure_index(store)
    path = store.path
    assert path is not None

    def tamper(*statements: str) -> None:
        with sqlite3.connect(path) as raw:
            for statement in statements:
                raw.execute(statement)

    # Text out of date (as if the tables were changed by another program).
    tamper("UPDATE networks SET vision = 'Een fietsstraat.'")
    assert not check_index(store)
    assert ensure_index(store) and check_index(store)
    assert ids_for(store, "fietsstraat") == {record.id} and ids_for(store, "zebrapad") == set()
    # A network without index row.
    tamper(f"DELETE FROM {INDEX_TABLE}")
    assert not check_index(store)
    assert ensure_index(store) and ids_for(store, "fietsstraat") == {record.id}
    # An index row without network.
    tamper(f"INSERT INTO {KEYS_TABLE} (network_id) VALUES ('weg')")
    assert not check_index(store)
    assert ensure_index(store) and check_index(store)
    # No index at all.
    tamper(f"DROP TABLE {INDEX_TABLE}", f"DROP TABLE {KEYS_TABLE}")
    assert not check_index(store)
    assert ensure_index(store) and ids_for(store, "fietsstraat") == {record.id}
    # An index made with another tokenizer (it would not fold diacritics).
    tamper(
        f"DROP TABLE {INDEX_TABLE}",
        f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5({', '.join(f.key for f in FIELDS)})",
    )
    assert not check_index(store)
    assert rebuild_index(store) == 1 and check_index(store)


def make_version_1_database(path: Path) -> str:
    """A file as version 1 of the program left it: tables with a network, no search index."""
    network_id = "2b0e5c1e-0000-4000-8000-0000000000aa"
    engine = make_engine(path)
    with engine.connect() as connection:
        upgrade(connection, "0001")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO networks (id, name, alias, province, region, vision, target_group,"
            " drawing_right_eur, meetings, notes, source_file_name, source_imported_at,"
            " source_raw_text, created_at, updated_at, version) VALUES (?, 'Lokaal netwerk Genk',"
            " '', 'Limburg', '', 'Een coöperatieve visie', '', 1764100, 'Tweemaandelijks', '', '',"
            " NULL, '', '2018-01-01T00:00:00.000000+00:00', '2018-01-02T00:00:00.000000+00:00', 3)",
            (network_id,),
        )
        for statement in (
            "INSERT INTO network_municipalities (network_id, position, name) VALUES (?, 0, 'Genk')",
            "INSERT INTO agreement_periods (network_id, ordinal, start_year, end_year)"
            " VALUES (?, 1, 2018, 2019)",
            "INSERT INTO partners (network_id, position, name, description)"
            " VALUES (?, 0, 'vzw Horizont', 'Rap op Stap')",
            "INSERT INTO instruments (network_id, position, name) VALUES (?, 0, 'UiTPAS')",
            "INSERT INTO goals (id, network_id, position, title) VALUES (7, ?, 0, 'Drempels')",
            "INSERT INTO actions (id, network_id, goal_id, parent_id, position, text)"
            " VALUES (11, ?, 7, NULL, 0, 'Een kortingssysteem')",
            "INSERT INTO actions (id, network_id, goal_id, parent_id, position, text)"
            " VALUES (12, ?, NULL, 11, 0, 'voor sportclubs')",
            "INSERT INTO contacts (network_id, position, name, role, organisation, email, phone)"
            " VALUES (?, 0, 'Gert Philippeth', '', '', 'gert@genk.be', '089 65 38 11')",
        ):
            raw.execute(statement, (network_id,))
    return network_id


def test_a_version_1_file_with_data_is_indexed_by_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "oud.sqlite"
    network_id = make_version_1_database(path)
    assert dbfile.read_header(path).schema_version == 1
    store = Store.open(path)
    try:
        assert store.schema_version() >= 2
        assert check_index(store)
        for text in ("cooperatieve", "horizont", "sportclubs", "kortingssysteem", "philippeth"):
            assert search_ids(store, SearchQuery(text=text)) == [UUID(network_id)], text
        hit = search(store, SearchQuery(text="sportclubs"))[0]
        assert hit.matched_field == "actions" and hit.snippet == "voor [sportclubs]"
        assert found(store, year=2018, instrument="uitpas", partner="horizont") == ["Genk"]
        # and it keeps following changes afterwards
        store.delete(network_id)
        assert search_ids(store, SearchQuery(text="horizont")) == []
        assert check_index(store)
    finally:
        store.close()


# --- no input ever fails ----------------------------------------------------------------------

NASTY = [
    '"', '""', '"""', "*", "**", ":", "name:", "{name}", "(", ")", "()", "NEAR", "NEAR(", "NEAR/2",
    "AND", "OR", "NOT", "OF", "EN", "NIET", "-", "--", "-\"", "^", "+", "'", "';", "DROP TABLE networks;",
    "' OR 1=1 --", "\\", "%", "_", "💥", "👩‍👩‍👧", "\u0301", "\u200b", "\x01", "\x1f", "\x7f",
    "coöperatie", "één", "İ", "ß", "ǅ", "\ufeff", "\ue000", "a" * 300, "welz", "rap op stap",
]  # fmt: skip


def check_never_fails(store: Store, text: str) -> None:
    query = SearchQuery(text=text, limit=10)
    hits = search(store, query)
    assert search_ids(store, query) == [hit.id for hit in hits]
    for hit in hits:
        hit.snippet_html  # noqa: B018 - rendering must not fail either
    search(store, SearchQuery(partner=text[:300] or None, limit=3))
    match = to_fts(text)
    if match is not None:
        with sqlite3.connect(":memory:") as raw:
            raw.execute("CREATE VIRTUAL TABLE t USING fts5(a, b)")
            raw.execute("SELECT * FROM t WHERE t MATCH ?", (match,)).fetchall()


@pytest.mark.parametrize("text", NASTY)
def test_nasty_input_never_raises(samples: Store, text: str) -> None:
    check_never_fails(samples, text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"])),
        st.lists(st.sampled_from(NASTY), max_size=8).map(" ".join),
        st.lists(st.sampled_from([*NASTY, "ocmw", "genk", "-", '"', " "]), max_size=10).map(
            "".join
        ),
    )
)
def test_arbitrary_input_never_raises(samples: Store, text: str) -> None:
    check_never_fails(samples, text)
