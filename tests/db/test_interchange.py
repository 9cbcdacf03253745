"""The JSON interchange file: lossless both ways, validated like every record, merged the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.exchange.database_file import InvalidRecordError
from db.exchange.interchange import dump_json, load_json
from db.exchange.merge import Choice, apply_merge, plan_merge, replace_with
from db.storage.dbfile import DatabaseFileError
from db.storage.store import Store
from tests.db.factories import full_profile


def test_dump_then_load_is_lossless(store: Store, tmp_path: Path) -> None:
    stored = [
        store.create(full_profile()),
        store.create(
            full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"], province=None)
        ),
    ]
    target = tmp_path / "netwerken.json"
    assert dump_json(store.iter_profiles(), target) == 2
    candidate = load_json(target)
    assert candidate.kind == "json"
    by_id = {p.id: p for p in candidate.profiles}
    for original in stored:
        assert by_id[original.id] == original  # every field, timestamps and source included


def test_a_loaded_file_replaces_or_merges_through_the_same_machinery(
    store: Store, tmp_path: Path
) -> None:
    mine = store.create(full_profile())
    theirs = mine.model_copy(update={"vision": "Hun visie"})
    new = full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"])
    target = tmp_path / "collega.json"
    dump_json([theirs, new], target)
    plan = plan_merge(store, load_json(target))
    assert len(plan.conflicts) == 1 and len(plan.new) == 1
    apply_merge(store, plan, default=Choice.THEIRS)
    assert store.get(mine.id).vision == "Hun visie"
    replace_with(store, load_json(target))
    assert store.count() == 2


def write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def valid_document() -> dict[str, object]:
    return json.loads(
        json.dumps(
            {
                "format": "netwerken",
                "version": 1,
                "networks": [full_profile().model_dump(mode="json")],
            }
        )
    )


def test_wrong_types_name_the_network_and_the_field(tmp_path: Path) -> None:
    document = valid_document()
    network = document["networks"][0]  # type: ignore[index]
    network["drawing_right_eur"] = {"bedrag": 5}
    network["contacts"][1]["email"] = "geen e-mail"
    network["agreement_periods"] = "twee"
    with pytest.raises(InvalidRecordError) as raised:
        load_json(write(tmp_path / "fout.json", document))
    message = str(raised.value)
    assert "Netwerk 1 ('Lokaal netwerk Borsbeek')" in message
    assert "Trekkingsrecht" in message
    assert "Contactpersonen 2, E-mail: is geen geldig e-mailadres" in message
    assert "Afsprakennota's: moet een lijst zijn" in message
    assert "ongewijzigd" in message
    assert "Network 1 ('Lokaal netwerk Borsbeek')" in raised.value.english


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "leeg"),
        (b"{niet: json", "geen geldig JSON"),
        (b"\xff\xfe\x00garbage", "geen geldig JSON"),
        (b'{"format": "iets anders", "networks": []}', "geen Netwerken-uitwisselbestand"),
        (b"[1, 2, 3]", "geen Netwerken-uitwisselbestand"),
        (b'{"format": "netwerken", "version": 7, "networks": []}', "nieuwere versie"),
        (b'{"format": "netwerken", "version": 1, "networks": [], "extra": 1}', "onbekend veld"),
    ],
)
def test_files_that_are_not_ours_are_refused_with_the_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bestand.json"
    path.write_bytes(content)
    with pytest.raises(DatabaseFileError) as raised:
        load_json(path)
    assert reason in str(raised.value)
    assert "bestand.json" in str(raised.value)


def test_the_same_id_twice_is_refused(tmp_path: Path) -> None:
    document = valid_document()
    document["networks"] = [document["networks"][0], document["networks"][0]]  # type: ignore[index]
    with pytest.raises(InvalidRecordError) as raised:
        load_json(write(tmp_path / "dubbel.json", document))
    assert "dezelfde id" in str(raised.value)


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(DatabaseFileError) as raised:
        load_json(tmp_path / "weg.json")
    assert "kan niet gelezen worden" in str(raised.value)
