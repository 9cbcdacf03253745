"""Importing profile texts: per-file report, duplicates by municipality, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.model.errors import ConflictError
from db.storage.store import Store
from db.text.samples import sample_texts
from db.text.text_import import (
    OnDuplicate,
    Outcome,
    ReadText,
    collect_files,
    import_texts,
    read_texts,
    store_texts,
)


@pytest.fixture
def samples_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "fiches"
    (folder / "sub").mkdir(parents=True)
    for index, (name, text) in enumerate(sample_texts()):
        (folder / ("sub" if index % 2 else "") / name).write_text(text, encoding="utf-8")
    (folder / "notitie.md").write_text("geen fiche", encoding="utf-8")
    return folder


def test_folder_import_reports_each_file(store: Store, samples_folder: Path) -> None:
    report = import_texts(store, [samples_folder], OnDuplicate.SKIP)
    assert report.count(Outcome.IMPORTED) == 5
    assert store.count() == 5
    assert all(item.warnings for item in report.files)  # e.g. the province that was inferred
    assert report.summary() == "5 geïmporteerd"


def test_collect_files_takes_texts_from_folders_once(samples_folder: Path) -> None:
    files = collect_files([samples_folder, samples_folder / "genk.txt"])
    assert len(files) == 5
    assert all(f.suffix == ".txt" for f in files)


@pytest.mark.parametrize(
    ("choice", "outcome", "count"),
    [
        (OnDuplicate.SKIP, Outcome.SKIPPED, 5),
        (OnDuplicate.UPDATE, Outcome.UPDATED, 5),
        (OnDuplicate.KEEP, Outcome.IMPORTED, 6),
    ],
)
def test_a_municipality_already_stored_is_not_duplicated_unless_asked(
    store: Store, samples_folder: Path, choice: OnDuplicate, outcome: Outcome, count: int
) -> None:
    import_texts(store, [samples_folder], OnDuplicate.SKIP)
    (genk,) = store.find_by_municipality("Genk")
    store.update(genk.model_copy(update={"notes": "Eigen notitie", "meetings": "Gewijzigd"}))
    report = import_texts(store, [samples_folder / "genk.txt"], choice)
    assert [f.outcome for f in report.files] == [outcome]
    assert store.count() == count
    if choice is OnDuplicate.UPDATE:
        (updated,) = store.find_by_municipality("Genk")
        assert updated.id == genk.id
        assert updated.meetings.startswith("Het netwerk komt tweemaandelijks samen")
        assert updated.notes == "Eigen notitie"  # not in a published text, so kept
        assert updated.version == 3


def test_the_caller_can_decide_per_file(store: Store, samples_folder: Path) -> None:
    import_texts(store, [samples_folder], OnDuplicate.SKIP)
    asked: list[str] = []

    def decide(item: ReadText) -> OnDuplicate:
        asked.append(item.path.name)
        return OnDuplicate.UPDATE if item.path.name == "genk.txt" else OnDuplicate.SKIP

    report = import_texts(store, [samples_folder], decide)
    assert sorted(asked) == sorted(name for name, _ in sample_texts())
    assert report.count(Outcome.UPDATED) == 1
    assert report.count(Outcome.SKIPPED) == 4


def test_bad_files_fail_alone_and_store_nothing_of_themselves(store: Store, tmp_path: Path) -> None:
    (tmp_path / "leeg.txt").write_text("", encoding="utf-8")
    (tmp_path / "binair.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "genk.txt").write_text(dict(sample_texts())["genk.txt"], encoding="utf-8")
    report = import_texts(store, [tmp_path], OnDuplicate.SKIP)
    outcomes = {f.path.name: f.outcome for f in report.files}
    assert outcomes == {
        "binair.txt": Outcome.FAILED,
        "genk.txt": Outcome.IMPORTED,
        "leeg.txt": Outcome.FAILED,
    }
    assert all(f.message for f in report.files if f.outcome is Outcome.FAILED)
    assert store.count() == 1


def test_an_import_lands_whole_or_not_at_all(store: Store, samples_folder: Path) -> None:
    import_texts(store, [samples_folder / "genk.txt"], OnDuplicate.SKIP)
    read = read_texts(store, collect_files([samples_folder]))
    # Someone saves Genk between reading and storing: the update is stale.
    (genk,) = store.find_by_municipality("Genk")
    store.update(genk.model_copy(update={"meetings": "Intussen gewijzigd"}))
    with pytest.raises(ConflictError):
        store_texts(store, read, OnDuplicate.UPDATE)
    assert store.count() == 1  # none of the four new profiles went in either
    assert store.find_by_municipality("Genk")[0].meetings == "Intussen gewijzigd"


def test_two_texts_for_one_municipality_in_one_batch(store: Store, tmp_path: Path) -> None:
    text = dict(sample_texts())["genk.txt"]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    report = import_texts(store, [tmp_path], OnDuplicate.SKIP)
    assert [f.outcome for f in report.files] == [Outcome.IMPORTED, Outcome.SKIPPED]
    assert store.count() == 1


def test_a_file_name_no_field_accepts_is_kept_readable(store: Store, tmp_path: Path) -> None:
    """A name with an escape code, a line break or bytes that are not UTF-8 (a name from an old
    zip) is a legal file name: the import reads it instead of stopping with a traceback."""
    text = dict(sample_texts())["genk.txt"]
    names = [b"genk\x1b]0;titel\x07.txt", b"genk\nlijn.txt", b"g\xe9nk.txt"]
    for name in names:
        (tmp_path / name.decode("utf-8", "surrogateescape")).write_text(text, encoding="utf-8")
    report = import_texts(store, [tmp_path], OnDuplicate.KEEP)
    assert [item.outcome for item in report.files] == [Outcome.IMPORTED] * 3
    kept = {profile.source.file_name for profile in store.iter_profiles()}
    assert kept == {"g\ufffdnk.txt", "genk lijn.txt", "genk\ufffd]0;titel\ufffd.txt"}
