"""Hostile text everywhere: every input is stored and read back exactly, or refused clearly.

Arbitrary Unicode (control characters, direction marks, combining characters, emoji, lone
surrogates, 1 MB strings) and the classic attack strings (``<script>``, ``=cmd|' /C calc'!A0``,
SQL fragments) go through every schema field and the store, the profile-text parser, the
search box, and the CSV/XLSX/JSON exports. "Exactly" means: equal to the value the schema
normalised it to (trimmed, spaces folded), read back from the file.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pydantic import ValidationError
from pydantic_core import PydanticCustomError
from sqlalchemy import event

from db.exchange.interchange import dump_json, load_json
from db.exchange.tabular import FORMULA_STARTS, cell_text, export_csv, export_xlsx
from db.model.formats import parse_euro
from db.model.messages import summary
from db.model.schemas import NetworkProfile
from db.search.query import SearchQuery
from db.storage.dbfile import DatabaseFileError
from db.storage.store import Store
from db.text.profile_text import ParseResult, ProfileTextError, parse_profile
from tests.robustness.hostile import (
    FIELD_PATHS,
    NASTIES,
    assert_refused_clearly,
    base_data,
    hostile_text,
    pick,
    profile_with,
    put,
)

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
BOOKKEEPING = {"created_at", "updated_at", "version"}
MEGABYTE = 1_000_000

# Values round-trip through a real file; durability is the crash tests' business, so these
# connections skip the fsyncs that would make a few hundred examples slow.
FAST = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("hostile") / "vijandig.sqlite")

    @event.listens_for(opened.engine, "connect")
    def _fast(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous = OFF")

    yield opened
    opened.close()


def stored_and_read_back(store: Store, profile: NetworkProfile) -> NetworkProfile:
    back = store.get(store.create(profile).id)
    assert back.model_dump(exclude=BOOKKEEPING) == profile.model_dump(exclude=BOOKKEEPING)
    return back


def check_field(store: Store, path: tuple[str | int, ...], value: str) -> None:
    data = base_data()
    put(data, path, value)
    try:
        profile = NetworkProfile.model_validate(data)
    except ValidationError as error:
        assert_refused_clearly(error)
        return
    back = stored_and_read_back(store, profile)  # the whole record, every field equal
    # The normalised value is stable: validating it again changes nothing (else a record
    # could read back differently each time, or stop validating after a save).
    again = NetworkProfile.model_validate(back.model_dump())
    assert again == back


# --- every schema field, through the store ---------------------------------------------------


@FAST
@given(path=st.sampled_from(FIELD_PATHS), value=hostile_text)
def test_every_field_stores_hostile_text_exactly_or_refuses_it_clearly(
    store: Store, path: tuple[str | int, ...], value: str
) -> None:
    check_field(store, path, value)


@pytest.mark.parametrize("nasty", NASTIES, ids=[f"{i:02d}" for i in range(len(NASTIES))])
def test_each_nasty_string_in_each_field(store: Store, nasty: str) -> None:
    for value in (nasty, f"Tekst {nasty} tekst", f"{nasty}tekst"):
        accepted: dict[tuple[str | int, ...], object] = {}
        for path in FIELD_PATHS:
            data = base_data()
            put(data, path, value)
            try:
                accepted[path] = pick(NetworkProfile.model_validate(data), path)
            except ValidationError as error:
                assert_refused_clearly(error)
            except IndexError:
                accepted[path] = None  # an empty tag or caption, dropped by the schema
        # One record with the value in every field that takes it, stored and read back whole.
        profile = profile_with(dict.fromkeys(accepted, value))
        stored_and_read_back(store, profile)
        for path, normalised in accepted.items():
            if normalised is not None:
                assert pick(profile, path) == normalised, path


def test_accepted_attack_strings_are_kept_literally(store: Store) -> None:
    attacks = {
        ("name",): "<script>alert(1)</script>",
        ("alias",): "=cmd|' /C calc'!A0",
        ("region",): "'; DROP TABLE networks; --",
        ("notes",): "Robert'); DROP TABLE networks;--\n\n\u202eevil\u202c \U0001f1e7\U0001f1ea",
        ("partners", 0, "name"): "@SUM(A1)",
    }
    profile = profile_with(attacks)
    back = stored_and_read_back(store, profile)
    for path, value in attacks.items():
        assert pick(back, path) == value
    assert store.count() > 0  # the table is still there


def test_a_megabyte_of_text_is_kept_where_allowed_and_refused_clearly_elsewhere(
    store: Store,
) -> None:
    line = "Één regel met emoji \U0001f600, RTL \u202e en <script> " * 10 + "\n"
    megabyte = (line * (MEGABYTE // len(line) + 1))[:MEGABYTE]
    profile = profile_with({("source", "raw_text"): megabyte})
    assert len(profile.source.raw_text) == MEGABYTE
    assert stored_and_read_back(store, profile).source.raw_text == megabyte
    single_line = megabyte.replace("\n", " ")
    for path in [("notes",), ("name",), ("partners", 0, "description"), ("captions", 0)]:
        data = base_data()
        put(data, path, megabyte if path[-1] in ("notes", "description") else single_line)
        with pytest.raises(ValidationError) as caught:
            NetworkProfile.model_validate(data)
        assert_refused_clearly(caught.value)
        assert "te lang" in summary(caught.value)


@FAST
@given(value=hostile_text)
def test_an_amount_typed_as_hostile_text_is_an_amount_or_a_clear_refusal(value: str) -> None:
    """Regression: a lone surrogate in a refused amount made the error itself crash."""
    try:
        amount = parse_euro(value)
    except PydanticCustomError as error:  # any other exception fails the test
        str(error).encode("utf-8")
        return
    assert amount is None or amount >= 0


# --- the profile-text parser -----------------------------------------------------------------


def _parse(text: str) -> ParseResult | None:
    try:
        return parse_profile(text, "vijandig.txt")
    except ProfileTextError as error:
        assert str(error).strip()
        assert error.english.strip()
        str(error).encode("utf-8")
        return None


@FAST
@given(text=hostile_text)
def test_the_parser_gives_a_result_or_a_clear_error_for_any_text(text: str) -> None:
    result = _parse(text)
    if result is not None:
        assert isinstance(result.profile, NetworkProfile)


@FAST
@given(
    sample=st.sampled_from(sorted(SAMPLES.glob("*.txt"))),
    insertions=st.lists(st.tuples(st.integers(0, 400), hostile_text), min_size=1, max_size=6),
)
def test_hostile_lines_inside_a_real_profile_parse_and_store_or_are_refused(
    store: Store, sample: Path, insertions: list[tuple[int, str]]
) -> None:
    lines = sample.read_text(encoding="utf-8").split("\n")
    for position, text in insertions:
        lines.insert(position % (len(lines) + 1), text)
    result = _parse("\n".join(lines))
    if result is not None:
        assert all(isinstance(warning, str) for warning in result.warnings)
        stored_and_read_back(store, result.profile)


def test_a_megabyte_profile_text_is_parsed_or_refused_quickly() -> None:
    body = (SAMPLES / "genk.txt").read_text(encoding="utf-8")
    huge = body + (
        "\n• <script>alert(1)</script> =cmd|' /C calc'!A0 \u202e emoji \U0001f600" * 20_000
    )
    result = _parse(huge[: 2 * MEGABYTE])
    if result is not None:
        assert result.profile.source.raw_text


# --- the search box ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_store(store: Store) -> Store:
    store.create(
        profile_with(
            {
                ("name",): 'Zoekdoel "quote" <script> NEAR(a b) * -min OR',
                ("notes",): "=cmd|' /C calc'!A0 '; DROP TABLE networks; --",
                ("partners", 0, "name"): "Partner \U0001f600 e\u0301",
            }
        )
    )
    return store


@FAST
@given(text=st.one_of(hostile_text, st.sampled_from(NASTIES)))
def test_the_search_box_never_fails_whatever_is_typed(search_store: Store, text: str) -> None:
    search = pytest.importorskip("db.search.results")
    query = SearchQuery(text=text)
    hits = search.search(search_store, query)
    assert isinstance(hits, list)
    for hit in hits:
        hit.snippet_html.encode("utf-8", "surrogatepass")
    assert isinstance(search.search_ids(search_store, query), list)


@FAST
@given(text=hostile_text)
def test_search_filters_never_fail_whatever_is_typed(search_store: Store, text: str) -> None:
    search = pytest.importorskip("db.search.results")
    for field in ("municipality", "partner", "instrument", "province", "min_eur"):
        try:
            query = SearchQuery(**{field: text})
        except ValidationError as error:
            error.errors(include_url=False)  # must render
            continue
        assert isinstance(search.search(search_store, query), list)


def test_the_search_box_finds_what_holds_attack_strings(search_store: Store) -> None:
    search = pytest.importorskip("db.search.results")
    for text in ["zoekdoel", '"quote"', "<script>", "NEAR(a b)", "calc'!A0", "DROP TABLE"]:
        names = [hit.name for hit in search.search(search_store, SearchQuery(text=text))]
        assert any(name.startswith("Zoekdoel") for name in names), text
    megabyte_query = SearchQuery(text="zoekdoel " * (MEGABYTE // 9))
    assert isinstance(search.search(search_store, megabyte_query), list)


# --- exports: CSV, XLSX, JSON -----------------------------------------------------------------

EXPORTED_PATHS: list[tuple[str | int, ...]] = [
    ("name",),
    ("alias",),
    ("region",),
    ("vision",),
    ("target_group",),
    ("partners", 0, "name"),
    ("partners", 0, "description"),
    ("goals", 0, "title"),
    ("goals", 0, "actions", 0, "text"),
    ("contacts", 0, "name"),
    ("contacts", 0, "role"),
]

hostile_profiles = st.fixed_dictionaries(
    {path: st.one_of(hostile_text, st.sampled_from(NASTIES)) for path in EXPORTED_PATHS}
).map(profile_with)

EXPORTS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def expected_cells(profile: NetworkProfile) -> list[str]:
    """The texts that must appear, escaped, as whole cells of the export."""
    return [cell_text(pick(profile, path)) for path in EXPORTED_PATHS if pick(profile, path)]


def assert_not_a_formula(text: str) -> None:
    assert not text.startswith(FORMULA_STARTS), text


@EXPORTS
@given(profile=hostile_profiles)
def test_csv_export_escapes_every_hostile_text_and_keeps_it(
    tmp_path_factory: pytest.TempPathFactory, profile: NetworkProfile
) -> None:
    target = tmp_path_factory.mktemp("csv") / "netwerken.csv"
    export_csv([profile], target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    for cell in cells:
        assert_not_a_formula(cell)
    for expected in (cell_text(profile.name), cell_text(profile.alias), cell_text(profile.region)):
        assert expected in cells


@EXPORTS
@given(profile=hostile_profiles)
def test_xlsx_export_escapes_every_hostile_text_and_keeps_it(
    tmp_path_factory: pytest.TempPathFactory, profile: NetworkProfile
) -> None:
    target = tmp_path_factory.mktemp("xlsx") / "netwerken.xlsx"
    export_xlsx([profile], target)
    workbook = load_workbook(target)
    cells: list[str] = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", cell.value
                if isinstance(cell.value, str):
                    assert_not_a_formula(cell.value)
                    cells.append(cell.value)
    for expected in expected_cells(profile):
        assert expected in cells or any(expected in cell for cell in cells), expected


@EXPORTS
@given(profiles=st.lists(hostile_profiles, min_size=1, max_size=3))
def test_json_export_round_trips_every_hostile_text(
    tmp_path_factory: pytest.TempPathFactory, profiles: list[NetworkProfile]
) -> None:
    target = tmp_path_factory.mktemp("json") / "netwerken.json"
    unique = list({profile.id: profile for profile in profiles}.values())
    dump_json(unique, target)
    json.loads(target.read_text(encoding="utf-8"))  # well-formed
    candidate = load_json(target)
    assert list(candidate.profiles) == unique


@pytest.mark.parametrize("nasty", ["\ud800", "\x00", "\x1b[31m", "\u202e" * 400])
def test_a_json_file_with_hostile_text_is_refused_clearly(tmp_path: Path, nasty: str) -> None:
    document = {
        "format": "netwerken",
        "version": 1,
        "networks": [{**base_data(), "notes": nasty, "municipalities": ["Gent", nasty]}],
    }
    target = tmp_path / "vijandig.json"
    target.write_text(json.dumps(document), encoding="utf-8")  # \\ud800 as a JSON escape
    try:
        candidate = load_json(target)
    except Exception as error:
        assert isinstance(error, DatabaseFileError), repr(error)
        assert str(error).strip()
        str(error).encode("utf-8")
        error.english.encode("utf-8")
    else:
        assert (
            candidate.profiles[0].notes
            == NetworkProfile.model_validate({**base_data(), "notes": nasty}).notes
        )


@pytest.mark.parametrize(
    "content",
    [
        "[" * 200_000 + "]" * 200_000,
        '{"format": "netwerken", "version": 1, "networks": ['
        + '{"name": [' * 5_000
        + "]}" * 5_000
        + "]}",
        '{"format": "netwerken", "version": 1, "networks": [{"name": "x", "municipalities":'
        ' ["Gent"], "notes": ' + "[" * 700 + "]" * 700 + "}]}",
        '{"format": "netwerken", "version": 1, "networks": "' + "x" * 100_000 + '"}',
        '{"format": "netwerken", "version": 1e999, "networks": []}',
        '{"format": "netwerken", "version": 1, "networks": [], "networks": [null]}',
        "\ufeff" + '{"format": "netwerken", "version": 1, "networks": [NaN]}',
    ],
    ids=["deep-lists", "deep-objects", "deep-field", "string", "huge-number", "twice", "nan"],
)
def test_a_hostile_json_structure_is_refused_clearly(tmp_path: Path, content: str) -> None:
    """Regression (deep nesting): a file of lists in lists escaped as a RecursionError."""
    target = tmp_path / "vijandig.json"
    target.write_text(content, encoding="utf-8")
    with pytest.raises(DatabaseFileError) as caught:
        load_json(target)
    assert str(caught.value).strip()
    assert "ongewijzigd" in str(caught.value)
