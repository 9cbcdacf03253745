"""``netwerken search`` and ``netwerken reindex`` on a database holding the sample profiles."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from db.storage.store import Store
from db.text.samples import seed_samples
from desktop.__main__ import main


@pytest.fixture
def samples_path(db_path: Path) -> Path:
    store = Store.open(db_path)
    seed_samples(store)
    store.close()
    return db_path


def run(path: Path, *args: str) -> int:
    return main(["--db", str(path), *args])


def test_search_prints_ranked_hits_with_field_and_snippet(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(samples_path, "search", "kansenpas") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("  1. Lokaal netwerk Oudenaarde – Oudenaarde (Oost-Vlaanderen)")
    assert lines[1].strip() == "Instrumenten: [Kansenpas]"


def test_search_filters_and_json(samples_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(samples_path, "search", "rap op stap", "--province", "Limburg", "--json") == 0
    hits = json.loads(capsys.readouterr().out)
    assert [hit["name"] for hit in hits] == ["Lokaal netwerk Genk"]
    assert hits[0]["matched_label"] and "[" in hits[0]["snippet"]
    assert run(samples_path, "search", "--year", "2016", "--max-eur", "7.000", "--json") == 0
    names = [hit["name"] for hit in json.loads(capsys.readouterr().out)]
    assert names == ["Lokaal netwerk Oudenaarde", "Lokaal netwerk Wevelgem"]
    assert run(samples_path, "search", "--instrument", "uitpas", "--min-eur", "7000") == 0
    out = capsys.readouterr().out
    assert "Dilbeek" in out and "Genk" in out and "Wevelgem" not in out
    assert run(samples_path, "search", "--partner", "welzijnsschakel", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert run(samples_path, "search", "--municipality", "genk", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_search_limit_and_no_results(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(samples_path, "search", "ocmw", "--limit", "2") == 0
    out = capsys.readouterr().out
    assert "  2. " in out and "  3. " not in out and "--limit 0" in out
    assert run(samples_path, "search", "ocmw", "--limit", "0") == 0
    assert "  5. " in capsys.readouterr().out
    assert run(samples_path, "search", "zzzzz") == 0
    assert "Geen netwerken gevonden" in capsys.readouterr().out
    assert run(samples_path, "--lang", "en", "search", "zzzzz") == 0
    assert "No networks found" in capsys.readouterr().out


def test_wrong_options_give_dutch_sentences(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(samples_path, "search", "--province", "Mars", "--min-eur", "veel") == 2
    err = capsys.readouterr().err
    assert "--province: is geen provincie" in err
    assert "--min-eur: is geen bedrag in euro" in err


def test_any_query_text_works(samples_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for text in ['"', "NEAR(", "a:b", "' OR 1=1 --", "*", "-", "OF"]:
        assert run(samples_path, "search", text) == 0, text
    capsys.readouterr()


def test_reindex_rebuilds_a_broken_index(
    samples_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(samples_path) as raw:
        raw.execute("DELETE FROM network_search")
    assert run(samples_path, "search", "kansenpas", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert run(samples_path, "reindex") == 0
    assert "5 netwerken" in capsys.readouterr().out
    assert run(samples_path, "search", "kansenpas", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
