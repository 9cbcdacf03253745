"""Issue 13: hostile files, shared folders, odd paths and careless exports, generated here.

Every numbered point of the issue has its tests in this module or in
``test_hostile_display.py`` (what a refusal shows, the search field, logging). Each builds its
hostile input itself (a trigger in a colleague's file, a folder called ``Team #2``, a named
pipe, a JSON file of a million empty objects, ...) and checks the officer's data is untouched.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path, PurePosixPath, PureWindowsPath
from uuid import uuid4

import pytest

from db.exchange.database_file import ImportFileError, export_database, inspect_import
from db.exchange.interchange import load_json
from db.exchange.merge import apply_merge, plan_merge, replace_with
from db.exchange.tabular import export_csv
from db.model.errors import StoreError, WriteError
from db.storage.backup import backup_file, list_backups, prune
from db.storage.dbfile import DatabaseFileError
from db.storage.listing import Listing
from db.storage.store import Store
from desktop.__main__ import main
from tests.db.factories import full_profile

REPO = Path(__file__).resolve().parents[2]


def make_database(path: Path, *names: str) -> Path:
    store = Store.open(path)
    for name in names or ("Lokaal netwerk Borsbeek",):
        store.create(full_profile(name=name, municipalities=[name.split()[-1]]))
    store.close()
    return path


def raw(path: Path, *statements: str) -> None:
    """Change a file behind the program's back, as a colleague's tool could."""
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def all_files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


# --- 1. opening applies the import's schema check -------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        (
            "CREATE TRIGGER wis_partners AFTER UPDATE ON networks "
            "BEGIN DELETE FROM partners WHERE network_id <> NEW.id; END",
            "onverwachte trigger 'wis_partners'",
        ),
        ("CREATE VIEW spiegel AS SELECT * FROM networks", "onverwachte view 'spiegel'"),
        ("CREATE TABLE extra (x)", "onverwachte tabel 'extra'"),
        ("ALTER TABLE networks ADD COLUMN geheim TEXT", "tabel 'networks' is anders opgebouwd"),
    ],
    ids=["trigger", "view", "table", "column"],
)
def test_opening_a_file_with_objects_of_its_own_is_refused(
    tmp_path: Path, statement: str, words: str
) -> None:
    path = make_database(tmp_path / "collega.sqlite", "Lokaal netwerk Genk", "Lokaal netwerk As")
    raw(path, statement)
    before = path.read_bytes()
    with pytest.raises(DatabaseFileError, match=words) as refused:
        Store.open(path)
    assert "importeren" in str(refused.value)  # it offers the checked way in instead
    from desktop.app import open_session

    with pytest.raises(DatabaseFileError, match=words):
        open_session(str(path))  # the start-up path (--db, recent files) checks the same
    assert main(["--db", str(path), "info"]) == 1
    assert path.read_bytes() == before


def test_the_trigger_never_runs_on_a_save(tmp_path: Path) -> None:
    """What the check prevents: the colleague's trigger deleting other networks' partners."""
    path = make_database(tmp_path / "collega.sqlite", "Lokaal netwerk Genk", "Lokaal netwerk As")
    raw(
        path,
        "CREATE TRIGGER wis_partners AFTER UPDATE ON networks "
        "BEGIN DELETE FROM partners WHERE network_id <> NEW.id; END",
    )
    with pytest.raises(DatabaseFileError):
        Store.open(path).close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM partners").fetchone()[0] == 4


def test_every_connection_distrusts_the_schema(store: Store) -> None:
    assert store.path is not None
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA trusted_schema").scalar_one() == 0
    with Listing(store.path).reading() as plain:
        assert plain.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_a_file_with_an_upper_case_id_is_refused_on_opening(tmp_path: Path) -> None:
    path = make_database(tmp_path / "collega.sqlite")
    raw(path, "PRAGMA foreign_keys = OFF", "UPDATE networks SET id = upper(id)")
    with pytest.raises(DatabaseFileError, match="id in een vorm"):
        Store.open(path)


# --- 2. one helper builds every file: URI -----------------------------------------------------


@pytest.mark.parametrize(
    "folder", ["Team #2", "Vraag?ja=1", "100%41", "met spatie", "Café Ørsted", "a&b;c"]
)
def test_a_database_in_a_folder_with_odd_characters_is_that_file(
    tmp_path: Path, folder: str
) -> None:
    where = tmp_path / folder
    where.mkdir()
    path = where / "netwerken #1.sqlite"
    store = Store.open(path)
    store.create(full_profile())
    assert [s.name for s in Listing(path).summaries(Listing(path).list_ids())] == [
        "Lokaal netwerk Borsbeek"
    ]
    store.close()
    export_database(Store.open(path), tmp_path / "export.sqlite")
    assert [p.name for p in inspect_import(tmp_path / "export.sqlite").profiles] == [
        "Lokaal netwerk Borsbeek"
    ]
    backup_file(path)
    assert [b.networks for b in list_backups(path)] == [1]
    # Nothing else was made: no stray "Team " or "100A" file beside the folder.
    assert {p.name for p in tmp_path.iterdir()} == {folder, "export.sqlite"}
    assert {p.name for p in where.iterdir()} <= {
        "netwerken #1.sqlite",
        "netwerken #1.sqlite-wal",
        "netwerken #1.sqlite-shm",
        "backups",
    }


def test_the_uri_of_windows_paths() -> None:
    from db.storage.paths import sqlite_file_uri

    assert (
        sqlite_file_uri(PureWindowsPath(r"S:\Vrije Tijd\Netwerken #2\db.sqlite"), {"mode": "rw"})
        == "file:///S:/Vrije%20Tijd/Netwerken%20%232/db.sqlite?mode=rw"
    )
    assert (
        sqlite_file_uri(PureWindowsPath(r"\\server\share\Team 100%\café?.sqlite"))
        == "file:////server/share/Team%20100%25/caf%C3%A9%3F.sqlite"
    )
    assert sqlite_file_uri(PurePosixPath("/a b/#c")) == "file:///a%20b/%23c"
    assert sqlite_file_uri(PurePosixPath("//host/x")) == "file:////host/x"


def test_the_recent_files_keep_the_path_as_chosen(tmp_path: Path, qapp: object) -> None:
    from desktop.settings import Settings

    real = tmp_path / "echt"
    real.mkdir()
    link = tmp_path / "S-schijf"
    link.symlink_to(real)  # stands in for a mapped drive, which resolve() turns into UNC
    settings = Settings(tmp_path / "s.ini")
    settings.preferences.add_recent_database(link / "netwerken.sqlite")
    assert settings.preferences.recent_databases == [str(link / "netwerken.sqlite")]


# --- 3. write-ahead log only on local disks ---------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "words"),
    [("network", "netwerkschijf"), ("cloud", "gesynchroniseerde map")],
)
def test_no_write_ahead_log_on_a_share_or_in_a_synced_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, words: str
) -> None:
    from db.storage import paths
    from db.storage.paths import StorageKind

    local = make_database(tmp_path / "netwerken.sqlite")
    assert Store.open(local).info()["journal_mode"] == "wal"
    monkeypatch.setattr(paths, "storage_probe", lambda _path: StorageKind(kind))
    store = Store.open(local)  # the same file, now "on a share": switched to a rollback journal
    assert store.info()["journal_mode"] == "delete"
    assert store.journal_note is not None and words in store.journal_note[0]
    store.create(full_profile(name="Lokaal netwerk Genk", municipalities=["Genk"]))
    store.close()
    assert not Path(f"{local}-wal").exists()
    new = Store.open(tmp_path / "nieuw.sqlite")
    assert new.info()["journal_mode"] == "delete"
    new.close()
    # Never immutable=1 on a file others may write.
    assert "immutable" not in paths.sqlite_file_uri(local, {"mode": "ro"})
    from db.storage.connection import sqlite_uri

    assert "immutable" not in sqlite_uri(local, read_only=True)


def test_the_probe_knows_cloud_folders_and_unc_paths(tmp_path: Path) -> None:
    from db.storage import paths
    from db.storage.paths import StorageKind

    assert paths.probe_storage(tmp_path) is StorageKind.LOCAL
    for folder in ("OneDrive - Gemeente Genk", "Dropbox", "Google Drive", "iCloud Drive"):
        assert paths.probe_storage(tmp_path / folder / "db.sqlite") is StorageKind.CLOUD
    assert paths.probe_storage(Path("//server/share/db.sqlite")) is StorageKind.NETWORK


def test_the_window_says_once_why_the_file_has_no_write_ahead_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: object
) -> None:
    from db.storage import paths
    from db.storage.paths import StorageKind
    from desktop.operations import DatabaseSession
    from desktop.settings import Settings
    from desktop.window.main_window import MainWindow

    monkeypatch.setattr(paths, "storage_probe", lambda _path: StorageKind.NETWORK)
    store = Store.open(tmp_path / "netwerken.sqlite")
    window = MainWindow(DatabaseSession(store), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.tell_journal_note()
    assert "netwerkschijf" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    window.tell_journal_note()
    assert window.statusBar().currentMessage() == ""  # once


# --- 4. exports never destroy -----------------------------------------------------------------


@pytest.fixture
def officer(tmp_path: Path) -> Path:
    return make_database(tmp_path / "netwerken.sqlite")


@pytest.mark.parametrize("kind", ["csv", "xlsx", "json"])
def test_an_export_onto_the_open_database_is_refused(
    officer: Path, tmp_path: Path, kind: str
) -> None:
    link = tmp_path / f"link.{kind}"
    link.symlink_to(officer)
    backup = backup_file(officer)
    before = officer.read_bytes()
    for target in (officer, link, Path(f"{officer}-wal"), backup):
        code = main(["--db", str(officer), "export", "--format", kind, "-o", str(target)])
        assert code == 1, target
    assert officer.read_bytes() == before
    assert link.is_symlink() and Store.open(officer).count() == 1
    with pytest.raises(WriteError, match="open"):
        export_database(Store.open(officer), link)


def test_a_pdf_onto_the_open_database_is_refused_and_a_link_is_replaced(
    officer: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = officer.read_bytes()
    assert main(["--db", str(officer), "pdf", "--all", "-o", str(officer)]) == 1
    assert "open" in capsys.readouterr().err
    assert officer.read_bytes() == before
    precious = tmp_path / "ander-bestand.txt"
    precious.write_text("blijft", encoding="utf-8")
    link = tmp_path / "fiches.pdf"
    link.symlink_to(precious)
    assert main(["--db", str(officer), "pdf", "--all", "-o", str(link)]) == 0
    assert precious.read_text(encoding="utf-8") == "blijft"  # not written through the link
    assert not link.is_symlink() and link.read_bytes().startswith(b"%PDF")


# --- 5. write errors become sentences, no half-written file ---------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx", "json"])
@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.EROFS, "Read-only file system"), "alleen-lezen schijf"),
        (PermissionError(errno.EACCES, "Permission denied"), "open in een ander programma"),
    ],
    ids=["read-only", "open-in-excel"],
)
def test_an_export_that_cannot_be_written_says_why_and_leaves_nothing(
    officer: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    error: OSError,
    words: str,
) -> None:
    target = tmp_path / f"lijst.{kind}"
    target.write_text("vorige", encoding="utf-8")

    def refuse(_source: object, _target: object) -> None:
        raise error

    monkeypatch.setattr("db.storage.atomic.os.replace", refuse)
    assert main(["--db", str(officer), "export", "-o", str(target)]) == 1
    message = capsys.readouterr().err
    assert words in message and "Traceback" not in message
    assert target.read_text(encoding="utf-8") == "vorige"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["netwerken.sqlite", "netwerken.sqlite-wal", "netwerken.sqlite-shm", f"lijst.{kind}"]
    ) or not any(".partial" in p.name for p in tmp_path.iterdir())


def test_export_db_into_a_read_only_folder_keeps_its_own_sentence(
    officer: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(officer)
    real_unlink = Path.unlink

    def read_only_unlink(self: Path, missing_ok: bool = False) -> None:
        if ".partial" in self.name:
            raise OSError(errno.EROFS, "Read-only file system")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", read_only_unlink)
    with pytest.raises(WriteError, match="De export naar"):
        export_database(store, tmp_path / "bestaat-niet" / "export.sqlite")


# --- 6. CSV quoting -------------------------------------------------------------------------


def test_csv_fields_with_separators_are_quoted(tmp_path: Path) -> None:
    import csv

    hostile = "Netwerk,=cmd|' /C calc'!A0"
    profile = full_profile(name=hostile, vision='één;twee\tdrie\nvier "vijf"')
    target = tmp_path / "lijst.csv"
    export_csv([profile], target)
    text = target.read_text(encoding="utf-8-sig")
    # Quoted, and the formula after the comma carries Excel's text mark as at a cell's start.
    assert "\"Netwerk,'=cmd|' /C calc'!A0\"" in text
    for delimiter in (";", ","):  # Belgian Excel, and Excel set to comma lists
        for line in text.splitlines():
            cells = line.split(delimiter)  # as Excel with the other separator cuts it
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), delimiter
    [_header, row] = list(csv.reader(text.splitlines(keepends=True), delimiter=";"))
    assert "Netwerk,'=cmd|' /C calc'!A0" in row
    assert any(cell.startswith("één;twee") and 'vier "vijf"' in cell for cell in row)


# --- 7, 8, 12. bounded JSON -------------------------------------------------------------------


def _json_with(networks: str) -> bytes:
    return ('{"format": "netwerken", "version": 1, "networks": [' + networks + "]}").encode()


def _refusal_in_a_child(path: Path, limit_bytes: int) -> tuple[str, int]:
    """load_json in a fresh process with its address space capped; (output, peak memory in MB).

    The peak is the child's own high-water mark (VmHWM, reset by exec), not ru_maxrss, which
    would count the forked copy of the test process too."""
    script = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({limit_bytes}, {limit_bytes}))
        from db.exchange.interchange import load_json
        try:
            load_json(sys.argv[1])
        except Exception as error:
            print(type(error).__name__, str(error)[:300])
        with open("/proc/self/status") as status:
            peak = [line for line in status if line.startswith("VmHWM")][0].split()[1]
        print("PEAK", int(peak) // 1024)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output, _, peak = result.stdout.rpartition("PEAK ")
    return output.strip() or result.stderr, int(peak or 10**6)


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limit and ru_maxrss in kB")
def test_a_json_of_a_million_empty_objects_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "leeg.json"
    path.write_bytes(_json_with(",".join(["{}"] * 1_600_000)))  # 5 MB (was 4.7 GB to refuse)
    output, peak_mb = _refusal_in_a_child(path, 1_500 * 1024 * 1024)
    assert output.startswith("InvalidJsonError"), output
    assert peak_mb < 300, peak_mb


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limit and ru_maxrss in kB")
def test_a_json_of_tiny_values_over_the_limit_is_refused_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "nullen.json"
    path.write_bytes(_json_with('{"name": [' + ",".join(["0"] * 3_000_000) + "]}"))
    output, peak_mb = _refusal_in_a_child(path, 1_500 * 1024 * 1024)
    assert "te fijn opgedeeld" in output, output
    assert peak_mb < 300, peak_mb


def test_validation_stops_after_the_errors_shown(tmp_path: Path) -> None:
    path = tmp_path / "fout.json"
    path.write_bytes(_json_with(",".join(['{"name": ""}'] * 5_000)))
    with pytest.raises(ImportFileError) as refused:
        load_json(path)
    lines = str(refused.value).splitlines()
    assert sum(line.startswith("Netwerk ") for line in lines) == 8
    assert "mogelijk nog meer fouten" in str(refused.value)


def test_more_networks_than_the_limit_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    one = full_profile().model_dump_json(exclude={"id"})
    path = tmp_path / "veel.json"
    path.write_bytes(_json_with(",".join([one] * 20_001)))
    with pytest.raises(ImportFileError, match=r"hoogstens 20\.000"):
        load_json(path)


def test_more_networks_than_the_limit_in_a_database_file_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("db.exchange.database_file.MAX_NETWORKS", 2)
    path = make_database(tmp_path / "drie.sqlite", "Netwerk A", "Netwerk B", "Netwerk C")
    with pytest.raises(ImportFileError, match="meer dan 2 netwerken"):
        inspect_import(path)


def test_reading_an_import_can_be_stopped(tmp_path: Path) -> None:
    from db.model.errors import ImportCancelled

    path = make_database(tmp_path / "bron.sqlite", "Netwerk A")
    with pytest.raises(ImportCancelled):
        inspect_import(path, cancelled=lambda: True)
    json_path = tmp_path / "bron.json"
    json_path.write_bytes(_json_with(full_profile().model_dump_json()))
    with pytest.raises(ImportCancelled):
        load_json(json_path, cancelled=lambda: True)


@pytest.mark.parametrize(
    "value", ["1" * 5_000, "-" + "9" * 4_400, "1e999999"], ids=["big", "negative", "huge-float"]
)
def test_a_number_of_thousands_of_digits_gets_the_refusal_sentence(
    tmp_path: Path, value: str
) -> None:
    path = tmp_path / "getal.json"
    data = json.loads(full_profile().model_dump_json())
    text = json.dumps(data).replace('"version": 0', f'"version": {value}')
    path.write_bytes(_json_with(text))
    with pytest.raises(ImportFileError):
        load_json(path)


# --- 9. regular files only --------------------------------------------------------------------


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    fifo = tmp_path / "pijp.json"
    os.mkfifo(fifo)
    return fifo


@pytest.mark.timeout(30)
@pytest.mark.parametrize("source", ["fifo", "zero", "link-to-zero", "folder"])
def test_devices_pipes_and_folders_are_refused_by_every_reader(
    tmp_path: Path, pipe: Path, capsys: pytest.CaptureFixture[str], source: str
) -> None:
    link = tmp_path / "nul.sqlite"
    link.symlink_to("/dev/zero")
    path = {"fifo": pipe, "zero": Path("/dev/zero"), "link-to-zero": link, "folder": tmp_path}[
        source
    ]
    officer = make_database(tmp_path / "eigen.sqlite")
    assert main(["--db", str(officer), "import-json", "--merge", str(path)]) == 1
    assert main(["--db", str(officer), "import-db", "--merge", str(path)]) == 1
    assert "gewoon bestand" in capsys.readouterr().err
    assert main(["parse", str(path)]) == 1
    if source != "folder":  # a folder is a folder of profiles for `import`
        assert main(["--db", str(officer), "import", str(path)]) == 1
    from desktop.exchange.dialogs import read_offered

    with pytest.raises((DatabaseFileError, StoreError)):
        read_offered(path)


# --- 11. dates a real record can have ---------------------------------------------------------


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:30:00+00:00", "1999-12-31T12:00:00Z"]
)
def test_impossible_dates_in_json_are_refused_with_the_record_name(
    tmp_path: Path, moment: str
) -> None:
    data = json.loads(full_profile(name="Lokaal netwerk Datum").model_dump_json())
    data["updated_at"] = moment
    path = tmp_path / "datum.json"
    path.write_bytes(_json_with(json.dumps(data)))
    with pytest.raises(ImportFileError, match="Lokaal netwerk Datum") as refused:
        load_json(path)
    assert "Laatst gewijzigd" in str(refused.value)


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:30:00+00:00"])
def test_impossible_dates_in_a_database_file_are_refused_before_any_backup(
    tmp_path: Path, moment: str
) -> None:
    officer = make_database(tmp_path / "eigen.sqlite")
    theirs = make_database(tmp_path / "collega.sqlite", "Lokaal netwerk Datum")
    raw(theirs, f"UPDATE networks SET updated_at = '{moment}'")
    with pytest.raises(ImportFileError, match="Lokaal netwerk Datum"):
        inspect_import(theirs)
    before = officer.read_bytes()
    assert main(["--db", str(officer), "import-db", "--replace", str(theirs)]) == 1
    assert officer.read_bytes() == before
    assert list_backups(officer) == []


def test_a_future_timestamp_is_allowed_one_day_only() -> None:
    from pydantic import ValidationError

    from db.model.schemas import NetworkProfile

    data = full_profile().model_dump()
    data["updated_at"] = datetime.now(UTC) + timedelta(hours=20)
    NetworkProfile.model_validate(data)
    data["updated_at"] = datetime.now(UTC) + timedelta(days=2)
    with pytest.raises(ValidationError):
        NetworkProfile.model_validate(data)


# --- 15. backups ----------------------------------------------------------------------------


def test_failed_attempts_leave_no_backups_and_earlier_days_survive_pruning(
    officer: Path, tmp_path: Path
) -> None:
    folder = officer.parent / "backups"
    # Backups of earlier days, as the daily backup leaves them.
    for days_ago in range(1, 6):
        made = backup_file(officer, reason="dagelijks")
        stamp = (datetime.now() - timedelta(days=days_ago)).strftime("%Y%m%d-%H%M%S-%f")
        made.rename(folder / f"{officer.stem}-{stamp}-dagelijks.sqlite")
    store = Store.open(officer)
    bad = tmp_path / "slecht.json"
    data = json.loads(full_profile(name="Lokaal netwerk Fout").model_dump_json())
    for attempt in range(10):  # ten attempts that fail half-way, after the backup was made
        candidate = load_json(_valid_file(tmp_path, data, attempt))

        def explode(_profiles: object) -> int:
            raise WriteError("kapot", "broken")

        store.replace_all = explode  # type: ignore[method-assign]
        with pytest.raises(WriteError):
            replace_with(store, candidate)
    assert len(list_backups(officer)) == 5  # failed attempts changed nothing: no backup left
    for _ in range(12):  # twelve real changes today
        backup_file(officer, reason="voor-vervangen")
    kept = list_backups(officer)
    assert len(kept) == 10 + 5
    assert {b.made_at.date() for b in kept} >= {
        date.today() - timedelta(days=days) for days in range(1, 6)
    }
    assert not bad.exists()


def _valid_file(tmp_path: Path, data: dict[str, object], attempt: int) -> Path:
    path = tmp_path / f"poging-{attempt}.json"
    path.write_bytes(_json_with(json.dumps({**data, "id": str(uuid4())})))
    return path


def test_pruning_keeps_the_last_of_each_day_for_two_weeks(officer: Path) -> None:
    folder = officer.parent / "backups"
    for days_ago in range(0, 20):
        for hour in (9, 17):
            made = backup_file(officer, keep=1000)
            moment = datetime.now().replace(hour=hour) - timedelta(days=days_ago)
            made.rename(folder / f"{officer.stem}-{moment:%Y%m%d-%H%M%S-%f}-test.sqlite")
    prune(officer)
    kept = list_backups(officer)
    days = [b.made_at.date() for b in kept]
    assert len(set(days)) == 14 and all(days.count(day) <= 2 for day in days)
    assert len(kept) == 10 + 14 - 5  # the newest 10 cover 5 days; one for each of 9 more


def test_a_merge_that_changes_nothing_makes_no_backup(officer: Path, tmp_path: Path) -> None:
    store = Store.open(officer)
    export = tmp_path / "zelfde.sqlite"
    export_database(store, export)
    report = apply_merge(store, plan_merge(store, inspect_import(export)))
    assert report.backup is None and list_backups(officer) == []


# --- 16. ids in canonical form ----------------------------------------------------------------


def test_an_upper_case_twin_of_an_id_is_one_network_twice(officer: Path, tmp_path: Path) -> None:
    theirs = make_database(tmp_path / "collega.sqlite", "Lokaal netwerk Genk")
    [network_id] = [str(i) for i in Store.open(theirs).list_ids()]
    twin = full_profile(name="Lokaal netwerk Genk bis", municipalities=["Genk"])
    store = Store.open(theirs)
    store.create(twin)
    store.close()
    upper = network_id.upper()
    children = [
        f"UPDATE {table} SET network_id = '{upper}' WHERE network_id = '{twin.id}'"
        for table in (
            "network_municipalities",
            "agreement_periods",
            "instruments",
            "partners",
            "goals",
            "actions",
            "contacts",
            "sections",
            "captions",
        )
    ]
    raw(
        theirs,
        "PRAGMA foreign_keys = OFF",
        f"UPDATE networks SET id = '{upper}' WHERE id = '{twin.id}'",
        *children,
    )
    with pytest.raises(ImportFileError, match="dezelfde id"):
        inspect_import(theirs)
    mine = Store.open(officer)
    [my_id] = mine.list_ids()
    assert mine.get(str(my_id).upper()).id == my_id  # look-ups compare the canonical form
