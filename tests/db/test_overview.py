"""The overview's figures: hand-counted on the five sample profiles, recounted independently
from the validated records of generated data, and every link resolving to exactly the networks
its figure counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from statistics import median
from typing import Any

import pytest

from benchmarks.generate import build_database
from db.model.schemas import NetworkProfile
from db.search import overview
from db.search.overview import Link, QualityCheck, compute, resolve
from db.storage.store import Store
from db.text.samples import seed_samples
from tests.db.factories import full_profile

TODAY = date(2026, 12, 6)


@pytest.fixture
def samples(store: Store) -> Store:
    seed_samples(store)
    return store


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = build_database(tmp_path_factory.mktemp("generated") / "300.sqlite", 300, seed=18)
    opened = Store.open(path)
    yield opened
    opened.close()


def _compute(store: Store, ids: Any = None, today: date = TODAY) -> overview.Overview:
    with store.plain_reading() as connection:
        return compute(connection, ids, today=today)


def _resolve(store: Store, link: Link, ids: Any = None, today: date = TODAY) -> list[str]:
    with store.plain_reading() as connection:
        return resolve(connection, link, ids, today=today)


def _names(store: Store, ids: list[str]) -> set[str]:
    return {profile.name.removeprefix("Lokaal netwerk ") for profile in store.get_many(ids)}


# --- the five samples, counted by hand -----------------------------------------------------------
# Borsbeek (Antwerpen, € 2.432, 2018–2019, Rap op Stap, 3 partners), Dilbeek (Vlaams-Brabant,
# € 7.120, 2013 and 2014–2019, Participatiepas + UiTPAS, 8), Genk (Limburg, € 17.641, 2018–2019,
# Rap op Stap + UiTPAS, 7), Oudenaarde (Oost-Vlaanderen, € 6.613, 2009–2013 and 2014–2019,
# Kansenpas + OK-pas, 3), Wevelgem (West-Vlaanderen, € 6.887, 2015–2019, UiTPAS, 3).


def test_headline_of_the_samples(samples: Store) -> None:
    result = _compute(samples)
    headline = result.headline
    assert headline.networks.count == 5
    assert headline.municipalities == 5
    assert headline.total_eur == Decimal("40693.00")
    assert headline.with_amount.count == 5
    assert headline.median_eur == Decimal("6887.00")  # 2432, 6613, 6887, 7120, 17641
    assert headline.in_force.count == 0  # every agreement ended in 2019
    in_2019 = _compute(samples, today=date(2019, 6, 1))
    assert in_2019.headline.in_force.count == 5
    assert in_2019.ending_this_year.count == 5
    assert in_2019.ending_next_year.count == 0


def test_provinces_of_the_samples(samples: Store) -> None:
    rows = {row.province: row for row in _compute(samples).provinces}
    assert list(rows) == list(overview.PROVINCES)  # Brussels shown too, with nothing
    assert rows["Limburg"].networks.count == 1
    assert rows["Limburg"].total_eur == Decimal("17641.00")
    assert rows["Limburg"].mean_eur == Decimal("17641.00")
    assert rows["Limburg"].share == pytest.approx(17641 / 40693)
    assert rows["Antwerpen"].municipalities == 1
    assert rows["Brussel"].networks.count == 0
    assert rows["Brussel"].mean_eur is None
    assert sum(row.share or 0 for row in rows.values()) == pytest.approx(1.0)


def test_coverage_counts_a_former_municipality_in_the_new_one(samples: Store) -> None:
    result = _compute(samples)
    coverage = {row.province: row for row in result.coverage}
    antwerpen = coverage["Antwerpen"]
    assert antwerpen.current == 67  # after the 2025 mergers (Borsbeek went into Antwerpen)
    assert antwerpen.covered == 1
    assert "Antwerpen" not in antwerpen.uncovered  # Borsbeek's network covers it
    assert "Borsbeek" not in antwerpen.uncovered  # a former municipality is not listed
    assert antwerpen.uncovered_count == 66
    assert "Aartselaar" in antwerpen.uncovered
    assert coverage["Brussel"].covered == 0 and coverage["Brussel"].uncovered_count == 19
    assert sum(row.current for row in result.coverage) == 304
    assert [(row.former, row.current, row.networks.count) for row in result.merged] == [
        ("Borsbeek", "Antwerpen", 1)
    ]
    assert result.unknown_municipalities == ()


def test_agreements_per_year_of_the_samples(samples: Store) -> None:
    years = {row.year: row.networks.count for row in _compute(samples).years}
    # 2011 is fifteen years back: Oudenaarde's first agreement (2009) is cut off the chart.
    assert min(years) == 2011 and max(years) == 2026
    assert years[2011] == 1  # Oudenaarde
    assert years[2013] == 2  # Oudenaarde and Dilbeek's one-year agreement
    assert years[2015] == 3  # + Wevelgem
    assert years[2018] == years[2019] == 5
    assert years[2020] == 0


def test_instruments_partners_and_quality_of_the_samples(samples: Store) -> None:
    result = _compute(samples)
    assert [(row.label, row.networks.count) for row in result.instruments] == [
        ("UiTPAS", 3),
        ("Rap op Stap", 2),
        ("Kansenpas", 1),
        ("OK-pas", 1),
        ("Participatiepas", 1),
    ]
    assert result.without_instrument.count == 0
    buckets = {row.key: row.networks.count for row in result.partner_buckets}
    assert buckets == {"0": 0, "1–2": 0, "3–5": 3, "6–10": 2, "11–20": 0, "21+": 0}
    assert result.partners_median == 3
    quality = {row.key: row.networks.count for row in result.quality}
    quality.pop("to_check", None)  # counted once the file stores import warnings (issue 15)
    assert quality == {
        "no_email": 0,
        "no_amount": 0,
        "no_current_agreement": 5,
        "stale": 0,  # just stored
        "no_province": 0,
    }
    later = _compute(samples, today=date(2030, 1, 1))
    assert {row.key: row.networks.count for row in later.quality}["stale"] == 5


def test_links_of_the_samples_list_the_networks_counted(samples: Store) -> None:
    assert _names(samples, _resolve(samples, Link("province", "Limburg"))) == {"Genk"}
    assert _names(samples, _resolve(samples, Link("instrument", "uitpas"))) == {
        "Dilbeek",
        "Genk",
        "Wevelgem",
    }
    assert _names(samples, _resolve(samples, Link("in_force", 2013))) == {"Dilbeek", "Oudenaarde"}
    assert _names(samples, _resolve(samples, Link("partners", (6, 10)))) == {"Dilbeek", "Genk"}
    assert _names(samples, _resolve(samples, Link("covering", "Antwerpen"))) == {"Borsbeek"}
    assert _names(samples, _resolve(samples, Link("named", "borsbeek"))) == {"Borsbeek"}
    result = _compute(samples)
    for link, count in result.links():
        assert len(_resolve(samples, link)) == count, link


def test_a_selection_narrows_every_figure(samples: Store) -> None:
    genk_and_wevelgem = _resolve(samples, Link("partners", (3, 7)))  # Borsbeek, Genk, ...
    chosen = [i for i in genk_and_wevelgem if _names(samples, [i]) & {"Genk", "Wevelgem"}]
    result = _compute(samples, chosen)
    assert result.count == 2
    assert result.headline.total_eur == Decimal("24528.00")
    assert result.headline.median_eur == Decimal("12264.00")  # between 6887 and 17641
    first = result.instruments[0]
    assert (first.label, first.networks.count) == ("UiTPAS", 2)
    for link, count in result.links():
        assert len(_resolve(samples, link, chosen)) == count, link
    assert _compute(samples, []).count == 0


def test_nothing_chosen_gives_empty_figures(store: Store) -> None:
    result = _compute(store)
    assert result.count == 0
    assert result.headline.median_eur is None
    assert result.headline.total_eur == Decimal("0.00")
    assert result.years == ()
    assert all(row.share is None for row in result.provinces)
    assert result.partners_median is None
    assert result.to_json()["networks"] == 0


# --- special cases ---------------------------------------------------------------------------------


def test_names_the_reference_does_not_place(store: Store) -> None:
    store.create(full_profile(name="Met een vreemde gemeente", municipalities=["Atlantis"]))
    store.create(full_profile(name="Knesselare", municipalities=["Knesselare"]))  # 2019 merger
    store.create(full_profile(name="Beveren", municipalities=["Beveren", "Zwijndrecht"]))
    result = _compute(store)
    shown = {row.label: row.networks.count for row in result.unknown_municipalities}
    assert shown == {"Atlantis": 1, "Knesselare (voormalige gemeente)": 1}
    merged = {(row.former, row.current): row.networks.count for row in result.merged}
    # Both went into Beveren-Kruibeke-Zwijndrecht: one municipality, one network.
    assert merged == {
        ("Beveren", "Beveren-Kruibeke-Zwijndrecht"): 1,
        ("Zwijndrecht", "Beveren-Kruibeke-Zwijndrecht"): 1,
    }
    assert result.headline.municipalities == 1
    coverage = {row.province: row for row in result.coverage}
    assert coverage["Oost-Vlaanderen"].covered == 1
    assert coverage["Oost-Vlaanderen"].networks.count == 1
    for link, count in result.links():
        assert len(_resolve(store, link)) == count, link


def test_overlapping_agreements_count_once_per_year(store: Store) -> None:
    store.create(
        full_profile(
            agreement_periods=[
                {"ordinal": 1, "start_year": 2020, "end_year": 2025},
                {"ordinal": 2, "start_year": 2024, "end_year": 2027},
            ]
        )
    )
    result = _compute(store)
    years = {row.year: row.networks.count for row in result.years}
    assert years[2024] == years[2025] == years[2027] == 1
    assert result.ending_next_year.count == 1  # the last one ends in 2027
    assert result.ending_this_year.count == 0
    assert result.headline.in_force.count == 1


def test_a_far_year_does_not_stretch_the_chart(store: Store) -> None:
    store.create(
        full_profile(agreement_periods=[{"ordinal": 1, "start_year": 1990, "end_year": 2099}])
    )
    years = [row.year for row in _compute(store).years]
    assert years[0] == TODAY.year - overview.YEARS_BEFORE
    assert years[-1] == TODAY.year + overview.YEARS_AFTER


def test_a_quality_check_that_needs_a_newer_column(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The extension point, as the 'te controleren' warnings of issue 15 use it: a check on a
    column only newer files have is left out until the file has it, then counted."""
    monkeypatch.setattr(overview, "QUALITY_CHECKS", list(overview.QUALITY_CHECKS))
    overview.register_quality_check(
        QualityCheck(
            "test_flag",
            "Gemarkeerd",
            "Flagged",
            "n.test_flag = 1",
            requires=("networks", "test_flag"),
        )
    )
    first = store.create(full_profile(name="Een"))
    store.create(full_profile(name="Twee"))
    assert "test_flag" not in {row.key for row in _compute(store).quality}
    with store.write_session() as session:
        from sqlalchemy import text

        session.execute(text("ALTER TABLE networks ADD COLUMN test_flag INTEGER DEFAULT 0"))
        session.execute(
            text("UPDATE networks SET test_flag = 1 WHERE id = :id"), {"id": str(first.id)}
        )
    result = _compute(store)
    assert {row.key: row.networks.count for row in result.quality}["test_flag"] == 1
    assert _resolve(store, Link("quality", "test_flag")) == [str(first.id)]


def test_the_import_warnings_of_issue_15_are_counted_once_stored(store: Store) -> None:
    """Wired to the columns issue 15 adds (source_warnings, source_warnings_checked)."""
    first = store.create(full_profile(name="Een"))
    store.create(full_profile(name="Twee"))
    keys = {row.key for row in _compute(store).quality}
    with store.plain_reading() as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(networks)")}
    if "source_warnings_checked" not in columns:
        assert "to_check" not in keys  # a file before issue 15: no row rather than a zero
        with store.write_session() as session:
            from sqlalchemy import text

            session.execute(text("ALTER TABLE networks ADD COLUMN source_warnings TEXT DEFAULT ''"))
            session.execute(
                text("ALTER TABLE networks ADD COLUMN source_warnings_checked BOOLEAN DEFAULT 0")
            )
    with store.write_session() as session:
        from sqlalchemy import text

        session.execute(
            text("UPDATE networks SET source_warnings = 'Tekst lijkt afgebroken' WHERE id = :id"),
            {"id": str(first.id)},
        )
    result = _compute(store)
    assert {row.key: row.networks.count for row in result.quality}["to_check"] == 1
    assert _resolve(store, Link("quality", "to_check")) == [str(first.id)]


# --- generated data, recounted from the validated records ---------------------------------------


def _recount(profiles: list[NetworkProfile], today: date) -> dict[str, Any]:
    """The figures again, the slow and obvious way, from the pydantic records."""
    year = today.year
    amounts = [p.drawing_right_eur for p in profiles if p.drawing_right_eur is not None]
    units = {
        unit.nis_code
        for p in profiles
        for name in p.municipalities
        if (unit := overview.current_unit(name)) is not None
    }
    stale_before = datetime.combine(today, datetime.min.time(), UTC) - overview.STALE_AFTER
    per_year: dict[int, int] = {}
    for y in range(year - overview.YEARS_BEFORE, year + overview.YEARS_AFTER + 1):
        per_year[y] = sum(1 for p in profiles if any(a.covers(y) for a in p.agreement_periods))
    instruments: dict[str, int] = {}
    for p in profiles:
        for key in {overview._tag_key(tag) for tag in p.instruments}:
            instruments[key] = instruments.get(key, 0) + 1
    return {
        "networks": len(profiles),
        "municipalities": len(units),
        "total": sum(amounts, Decimal("0.00")),
        "median": Decimal(median(amounts)).quantize(Decimal("0.01")) if amounts else None,
        "in_force": per_year[year],
        "per_year": per_year,
        "provinces": {
            province: sum(1 for p in profiles if p.province == province)
            for province in overview.PROVINCES
        },
        "ending": sum(
            1
            for p in profiles
            if p.agreement_periods and max(a.end_year for a in p.agreement_periods) == year
        ),
        "instruments": instruments,
        "no_instrument": sum(1 for p in profiles if not p.instruments),
        "partners_median": median(len(p.partners) for p in profiles),
        "quality": {
            "no_email": sum(1 for p in profiles if not any(c.email for c in p.contacts)),
            "no_amount": sum(1 for p in profiles if p.drawing_right_eur is None),
            "no_current_agreement": len(profiles) - per_year[year],
            "stale": sum(
                1 for p in profiles if p.updated_at is None or p.updated_at < stale_before
            ),
            "no_province": sum(1 for p in profiles if p.province is None),
        },
    }


@pytest.mark.parametrize("today", [date(2021, 3, 1), TODAY])
@pytest.mark.parametrize("part", ["all", "every third"])
def test_generated_data_recounted(generated: Store, today: date, part: str) -> None:
    ids = [str(i) for i in generated.list_ids()]
    chosen = None if part == "all" else ids[::3]
    profiles = generated.get_many(chosen if chosen is not None else ids)
    expected = _recount(profiles, today)
    result = _compute(generated, chosen, today)
    headline = result.headline
    assert headline.networks.count == expected["networks"]
    assert headline.municipalities == expected["municipalities"]
    assert headline.total_eur == expected["total"]
    assert headline.median_eur == expected["median"]
    assert headline.in_force.count == expected["in_force"]
    assert result.ending_this_year.count == expected["ending"]
    for row in result.years:
        assert row.networks.count == expected["per_year"][row.year], row.year
    assert {row.province: row.networks.count for row in result.provinces} == expected["provinces"]
    assert {row.key: row.networks.count for row in result.instruments} == expected["instruments"]
    assert result.without_instrument.count == expected["no_instrument"]
    assert result.partners_median == expected["partners_median"]
    quality = {row.key: row.networks.count for row in result.quality}
    quality.pop("to_check", None)  # generated records carry no import warnings
    assert quality == expected["quality"]
    assert sum(row.networks.count for row in result.partner_buckets) == expected["networks"]
    for link, count in result.links():
        assert len(_resolve(generated, link, chosen, today)) == count, link


def test_generated_data_has_something_in_every_figure(generated: Store) -> None:
    """The recount above would prove little on empty figures."""
    result = _compute(generated, today=date(2021, 3, 1))
    assert result.headline.in_force.count > 0
    assert result.ending_this_year.count > 0
    assert all(row.networks.count for row in result.provinces[:5])
    assert {row.key for row in result.quality if row.networks.count} >= {
        "no_amount",
        "no_current_agreement",
    }
    assert len(result.instruments) >= 5


def test_json_is_plain_data(samples: Store, tmp_path: Path) -> None:
    import json

    data = _compute(samples).to_json()
    again = json.loads(json.dumps(data))
    assert again["total_eur"] == "40693.00"
    assert again["provinces"][1] == {
        "province": "Limburg",
        "networks": 1,
        "municipalities": 1,
        "total_eur": "17641.00",
        "mean_eur": "17641.00",
        "share": 0.4335,
    }
    assert again["instruments"]["UiTPAS"] == 3
    assert again["former_municipalities"] == [
        {"former": "Borsbeek", "counted_in": "Antwerpen", "networks": 1}
    ]


def test_link_descriptions() -> None:
    assert Link("province", "Limburg").describe() == "Provincie Limburg"
    assert Link("province", "Limburg").describe("en") == "Province Limburg"
    assert Link("in_force", 2026).describe() == "Afsprakennota loopt in 2026"
    assert Link("quality", "no_email").describe() == "Zonder e-mailadres van een contactpersoon"
    assert Link("partners", (3, 5)).describe() == "3–5 partners"


def test_an_unknown_link_is_refused(samples: Store) -> None:
    with pytest.raises(ValueError):
        _resolve(samples, Link("nonsense"))
