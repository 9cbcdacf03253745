"""Two programs on one file: both saves land, a stale save is a conflict, a lock means a wait.

The other program is a real second process (``store_child.py``) with its own Store on the same
file, as when an officer opens the database twice or a colleague has it open on a share.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from db.model.errors import BusyError, ConflictError
from db.model.schemas import NetworkProfile
from db.storage.store import Store
from db.text.samples import open_default_or, sample_texts
from tests.robustness.second_program import SecondProgram

SHORT_TIMEOUT_MS = 300


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[tuple[Store, str, str]]:
    store = Store.open(tmp_path / "gedeeld.sqlite")
    first = store.create(NetworkProfile(name="Lokaal netwerk Aalst", municipalities=["Aalst"]))
    second = store.create(NetworkProfile(name="Lokaal netwerk Genk", municipalities=["Genk"]))
    yield store, str(first.id), str(second.id)
    store.close()


@pytest.fixture
def programs(shared: tuple[Store, str, str]) -> Iterator[Callable[..., list[SecondProgram]]]:
    started: list[SecondProgram] = []

    def start(count: int = 1, busy_timeout_ms: int = 5000) -> list[SecondProgram]:
        assert shared[0].path is not None
        new = [SecondProgram(shared[0].path, busy_timeout_ms) for _ in range(count)]
        started.extend(new)
        for program in new:  # started together: Python's start-up overlaps
            program.wait_ready()
        return new

    yield start
    for program in started:
        program.close()


def test_saves_of_different_networks_by_two_programs_both_land(
    shared: tuple[Store, str, str], programs: Callable[..., list[SecondProgram]]
) -> None:
    store, first_id, second_id = shared
    one, two = programs(2)
    one.send(f"loop {first_id} 40 een")
    two.send(f"loop {second_id} 40 twee")
    # Meanwhile this program saves too: a third writer on a network of its own.
    third = store.create(NetworkProfile(name="Lokaal netwerk Gent", municipalities=["Gent"]))
    for number in range(20):
        third.notes = f"drie {number}"
        third = store.save(third)
    assert one.answer() == "looped 40"
    assert two.answer() == "looped 40"
    assert store.get(first_id).notes == "een 39"
    assert store.get(second_id).notes == "twee 39"
    assert store.get(first_id).version == store.get(second_id).version == 41
    assert store.get(third.id).notes == "drie 19"


def test_a_stale_save_of_the_same_network_is_a_conflict_never_an_overwrite(
    shared: tuple[Store, str, str], programs: Callable[..., list[SecondProgram]]
) -> None:
    store, first_id, _ = shared
    (other,) = programs()
    mine = store.get(first_id)
    assert other.ask(f"read {first_id}") == f"read {mine.version}"
    assert other.ask("edit van het andere programma") == "edited"
    assert other.ask("save") == f"saved {mine.version + 1}"

    mine.notes = "van mij"
    with pytest.raises(ConflictError) as caught:
        store.save(mine)
    assert "gewijzigd door iemand anders" in str(caught.value)
    assert "changed by someone else" in caught.value.english
    assert caught.value.current is not None
    assert caught.value.current.notes == "van het andere programma"
    assert store.get(first_id).notes == "van het andere programma"
    assert mine.notes == "van mij"  # the edit is still there to retry or copy

    # Overwriting is the user's explicit choice, and then the other program is the stale one.
    saved = store.save(mine, force=True)
    assert saved.notes == "van mij"
    assert other.ask("edit nog eens van het andere programma") == "edited"
    assert other.ask("save").startswith("conflict ")
    assert store.get(first_id).notes == "van mij"


def test_simultaneous_saves_of_the_same_network_one_wins_the_other_conflicts(
    shared: tuple[Store, str, str], programs: Callable[..., list[SecondProgram]]
) -> None:
    store, first_id, _ = shared
    one, two = programs(2)
    for round_number in range(6):
        for name, program in (("een", one), ("twee", two)):
            assert program.ask(f"read {first_id}").startswith("read ")
            assert program.ask(f"edit {name} {round_number}") == "edited"
        one.send("save")
        two.send("save")
        answers = {"een": one.answer(), "twee": two.answer()}
        winners = [name for name, reply in answers.items() if reply.startswith("saved ")]
        losers = [name for name, reply in answers.items() if reply.startswith("conflict ")]
        assert len(winners) == 1, answers
        assert len(losers) == 1, answers
        assert store.get(first_id).notes == f"{winners[0]} {round_number}"


def test_a_network_deleted_by_the_other_program_is_not_silently_recreated(
    shared: tuple[Store, str, str], programs: Callable[..., list[SecondProgram]]
) -> None:
    store, first_id, _ = shared
    (other,) = programs()
    mine = store.get(first_id)
    assert other.ask(f"delete {first_id}") == "deleted"
    mine.notes = "nog bewerkt"
    with pytest.raises(ConflictError) as caught:
        store.save(mine)
    assert "verwijderd door iemand anders" in str(caught.value)
    assert caught.value.current is None
    assert store.find(first_id) is None
    assert store.count() == 1


def test_a_write_while_the_other_holds_the_lock_waits_then_reports_busy(
    shared: tuple[Store, str, str], programs: Callable[..., list[SecondProgram]]
) -> None:
    store, first_id, _ = shared
    assert store.path is not None
    impatient = Store.open(store.path, busy_timeout_ms=SHORT_TIMEOUT_MS)
    with impatient.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == SHORT_TIMEOUT_MS
    (other,) = programs()
    profile = impatient.get(first_id)
    profile.notes = "bewerkt tijdens het slot"
    other.send("hold")
    assert other.answer() == "locked"
    try:
        assert impatient.get(first_id).notes == ""  # reading goes on (write-ahead log)
        started = time.monotonic()
        with pytest.raises(BusyError) as caught:
            impatient.save(profile)
        waited = time.monotonic() - started
        assert SHORT_TIMEOUT_MS / 1000 * 0.8 <= waited < 3, waited
        assert "bezet door een ander programma" in str(caught.value)
        assert "je wijzigingen blijven in het formulier" in str(caught.value)
        assert "busy in another program" in caught.value.english
        with pytest.raises(BusyError):
            impatient.create(NetworkProfile(name="Nieuw", municipalities=["Gent"]))
        with pytest.raises(BusyError):
            impatient.delete(first_id)
        assert profile.notes == "bewerkt tijdens het slot"
    finally:
        other.send("release")
        assert other.answer() == "released"
    assert impatient.count() == 2
    assert impatient.get(first_id).notes == ""
    assert impatient.save(profile).notes == "bewerkt tijdens het slot"  # retry succeeds
    impatient.close()


def test_a_write_waits_for_a_short_lock_and_then_lands(
    shared: tuple[Store, str, str], programs: Callable[..., list[SecondProgram]]
) -> None:
    store, first_id, _ = shared
    (other,) = programs()
    profile = store.get(first_id)
    profile.notes = "na het wachten"
    other.send("hold 1.0")
    assert other.answer() == "locked"
    started = time.monotonic()
    assert store.save(profile).notes == "na het wachten"  # default timeout: 5 s
    assert time.monotonic() - started >= 0.2  # it waited for the lock, then saved
    assert other.answer() == "released"


def test_two_programs_started_together_on_the_first_run_share_one_default_database(
    tmp_path: Path,
) -> None:
    """Regression: both programs built the seeded default database under one temporary name;
    one failed ("niet (meer) bereikbaar") and the file held the samples more than once."""
    child = Path(__file__).with_name("crash_child.py")
    for attempt in range(3):
        path = tmp_path / f"poging-{attempt}" / "netwerken.sqlite"
        programs = [
            subprocess.Popen(
                [sys.executable, str(child), "first-run", str(path)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        time.sleep(0.8)  # both have imported everything; now they start at the same moment
        results = [program.communicate("go\n", timeout=60) for program in programs]
        for program, (out, errors) in zip(programs, results, strict=True):
            assert program.returncode == 0, errors
            assert out.split() == ["starting", "opened"]
        store = open_default_or(path)
        names = [summary.name for summary in store.list_summaries()]
        store.close()
        assert len(names) == len(set(names)) == len(sample_texts())
        assert sorted(p.name for p in path.parent.iterdir()) == ["netwerken.sqlite"]
