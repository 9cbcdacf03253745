"""Import warnings stay on the record: stored, listed, found by the filter, marked checked,
kept through a migration; image credits are stored apart from captions."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from string import Formatter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.model import import_warnings
from db.model.errors import ConflictError
from db.search.query import SearchQuery
from db.search.results import search_ids
from db.storage.store import Store
from db.text.profile_text import parse_profile
from db.text.samples import sample_texts
from db.text.text_import import OnDuplicate, import_texts
from tests.db import profile_variants as pv
from tests.db.test_migrations import NETWORK_ID, make_oldest_database

CUT_OFF = (
    "Melle (Oost- Vlaanderen)\n\nitem_left\n\nBeeld: Jan Janssens - CC BY-SA 2.0\n\nitem_right\n\n"
    "Lokaal Netwerk\n\nVisie: Samen vrije tijd.\n\nPartners: OCMW, CAW\n\n"
    "Contactpersoon: Els Smet\n"
)
COMPLETE = (
    "Genk (Limburg)\n\nLokaal Netwerk\n\nVisie: Samen.\n\nPartners: OCMW\n\n"
    "Contactpersoon: Jan Peeters, jan.peeters [at] genk.be\n"
)


def _import(store: Store, tmp_path: Path, **texts: str) -> None:
    paths = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    import_texts(store, paths, OnDuplicate.KEEP)


def test_warnings_and_credits_are_stored_with_the_network(store: Store, tmp_path: Path) -> None:
    _import(store, tmp_path, melle=CUT_OFF, genk=COMPLETE)
    read = parse_profile(CUT_OFF).profile
    (melle_id,) = store.ids_to_check()
    melle = store.get(melle_id)
    assert melle.source.warnings == read.source.warnings
    assert any("afgebroken in 'Contactpersoon'" in w for w in melle.source.warnings)
    assert not melle.source.warnings_checked and melle.source.needs_check
    assert melle.credits == ["Beeld: Jan Janssens - CC BY-SA 2.0"]
    assert melle.captions == []
    rows = {row.name: row.to_check for row in store.list_summaries()}
    assert rows == {"Lokaal netwerk Melle": True, "Lokaal netwerk Genk": False}


def test_the_filter_finds_them_and_marking_checked_keeps_the_warnings(
    store: Store, tmp_path: Path
) -> None:
    _import(store, tmp_path, melle=CUT_OFF, genk=COMPLETE)
    (melle_id,) = store.ids_to_check()
    assert search_ids(store, SearchQuery(to_check=True)) == [melle_id]
    assert search_ids(store, SearchQuery(text="OCMW", to_check=True)) == [melle_id]
    melle = store.get(melle_id)
    checked = store.mark_checked(melle_id, melle.version)
    assert checked.version == melle.version + 1
    assert checked.source.warnings == melle.source.warnings and checked.source.warnings_checked
    assert store.ids_to_check() == []
    assert search_ids(store, SearchQuery(to_check=True)) == []
    assert [row.to_check for row in store.list_summaries()] == [False, False]
    with pytest.raises(ConflictError):
        store.mark_checked(melle_id, melle.version, checked=False)  # stale version
    store.mark_checked(melle_id, checked.version, checked=False)
    assert store.ids_to_check() == [melle_id]


def test_an_edit_in_the_form_keeps_the_warnings(store: Store, tmp_path: Path) -> None:
    _import(store, tmp_path, melle=CUT_OFF)
    (melle_id,) = store.ids_to_check()
    melle = store.get(melle_id)
    saved = store.update(melle.model_copy(update={"vision": "Een nieuwe visie."}))
    assert saved.source.warnings == melle.source.warnings
    assert store.ids_to_check() == [melle_id]


def test_the_query_for_networks_to_check_uses_the_partial_index(store: Store) -> None:
    with store.plain_reading() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM networks "
                "WHERE source_warnings != '' AND source_warnings_checked = 0"
            )
        )
    assert "ix_networks_to_check" in plan


def test_a_migrated_database_has_nothing_to_check(tmp_path: Path) -> None:
    path = tmp_path / "oud.sqlite"
    make_oldest_database(path)
    store = Store.open(path)
    try:
        profile = store.get(NETWORK_ID)
        assert profile.source.warnings == [] and not profile.source.warnings_checked
        assert profile.credits == []
        assert profile.captions == ["Beeld: Genk"]  # stored captions are left as they were
        assert store.ids_to_check() == []
    finally:
        store.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- the warnings in the interface's language (issue 16, point 13) ---------------------------

# Values as a file can write them: quotes, braces (str.format), regex metacharacters, backslashes,
# "…", markup. None of them may break building the Dutch sentence or reading it back.
HOSTILE = [
    'O\'Brien "vzw"',
    "{name} {0} {{}} }{",
    r".*+?^$|()[]\d\1\g<0>",
    "'",
    "",
    "<b>Genk</b> & co",
    "…afgebroken",
    "Visie",
]


def _values(template: import_warnings.WarningText, value: str) -> dict[str, str]:
    return {name: value for name in template.fields}


def test_every_warning_has_dutch_and_english_with_the_same_fields() -> None:
    assert len(import_warnings.TEMPLATES) >= 25
    for template in import_warnings.TEMPLATES:
        assert template.nl.strip() and template.en.strip()
        assert template.nl != template.en
        english_fields = {name for _t, name, _s, _c in Formatter().parse(template.en) if name}
        assert english_fields == set(template.fields), template.nl
        assert template.labels <= set(template.fields)


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("template", import_warnings.TEMPLATES, ids=lambda t: t.nl[:30])
def test_a_stored_dutch_warning_reads_back_in_english(
    template: import_warnings.WarningText, value: str
) -> None:
    values = _values(template, value)
    dutch = template.dutch(**values)
    assert dutch == template.nl.format(**values)  # what the record keeps is the Dutch sentence
    assert import_warnings.in_language(dutch, "nl") == dutch
    english = {
        name: import_warnings.PROGRAM_LABELS.get(value, value) if name in template.labels else value
        for name, value in values.items()
    }
    assert import_warnings.in_language(dutch, "en") == template.english(**english)


def test_the_program_labels_in_a_warning_are_translated_the_file_text_is_not() -> None:
    from db.text.profile_text import fallback

    for label in [*fallback._TEXT_LABELS.values(), *fallback._LIST_LABELS.values()]:
        if label:
            assert label in import_warnings.PROGRAM_LABELS, label
    field = import_warnings.FIELD_AS_SECTION.dutch(label="Focus doelgroep")
    assert import_warnings.in_language(field, "en") == (
        "'Target group' does not fit in its field; the text is kept under the sections."
    )
    items = import_warnings.ITEMS_AS_SECTION.dutch(count=3, label="Contactpersoon")
    assert import_warnings.in_language(items, "en").startswith("3 × 'Contact' not kept")
    # A label quoted from the file stays as the file wrote it.
    quoted = import_warnings.CUT_OFF_IN_CONTACTS.dutch(label="Contactpersoon")
    assert (
        import_warnings.in_language(quoted, "en") == "The text seems cut off in 'Contactpersoon'."
    )


def test_the_more_specific_warning_wins() -> None:
    sentence = import_warnings.CUT_OFF_CONTACT_WITHOUT_DATA.dutch(label="Contact")
    assert import_warnings.in_language(sentence, "en") == (
        "The text seems cut off in 'Contact': the contact has no e-mail address or phone number."
    )


def test_a_sentence_no_template_made_is_shown_as_stored() -> None:
    for old in ["Provincie afgeleid uit <b>Genk</b>.", "Iets dat een oudere versie zei.", ""]:
        assert import_warnings.in_language(old, "en") == old
    assert import_warnings.warnings_in_language(
        ["Iets anders.", import_warnings.GUESSED_ENCODING.dutch()], "en"
    ) == ["Iets anders.", "The file was read as Windows-1252 (not UTF-8)."]


@settings(max_examples=200, deadline=None)
@given(value=st.text(st.characters(blacklist_categories=["Cs"]), max_size=80))
def test_any_quoted_text_reads_back(value: str) -> None:
    for template in (import_warnings.PARTNER_NOT_READ, import_warnings.NAME_FALLBACK):
        dutch = template.dutch(**_values(template, value))
        assert import_warnings.in_language(dutch, "en") == template.english(
            **_values(template, value)
        )


def _cut_variants() -> list[str]:
    texts = [CUT_OFF, COMPLETE, *(text for _name, text in sample_texts())]
    for seed in pv.SEEDS:
        whole = pv.make_variant(seed)
        lines = whole.text.split("\n")
        for cut in range(0, len(lines) - pv._body_start(lines) + 1, 2):
            texts.append(pv.make_variant(seed, cut_at=cut).text)
    return texts


def test_every_warning_the_reader_writes_has_an_english_text() -> None:
    """Nothing the reader warns about escapes the templates: each sentence translates."""
    made: set[str] = set()
    extra = (
        "Genk\n\nLokaal Netwerk\n\nVisie: Samen.\n\nPartners: OCMW, CAW. De rest volgt later.\n\n"
        "Afsprakennota: 2020-2025\n\nTrekkingsrecht: ongeveer veel euro\n\nProvincie: Atlantis\n\n"
        "Contactpersoon: Jan, jan [at]\n"
    )
    for text in [*_cut_variants(), extra]:
        for warning in parse_profile(text).warnings:
            english = import_warnings.in_language(warning, "en")
            assert english != warning, warning
            made.add(next(t.nl for t in import_warnings.TEMPLATES if t.pattern.fullmatch(warning)))
    assert len(made) >= 8, sorted(made)
