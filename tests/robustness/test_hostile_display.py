"""Issue 13, what the officer sees: quoted file text, mail links, the search field, and what
the program leaves behind when something goes wrong (log, crash trace, a sentence, UTF-8).

The hostile inputs are generated here; see ``test_hostile_files.py`` for the files themselves.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from db.model.schemas import Contact
from db.search import query as query_module
from db.search import results as search_module
from db.search.query import SearchQuery, parse_query
from db.storage.store import Store
from desktop import dialogs
from desktop.__main__ import main
from tests.db.factories import full_profile

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples"
FAKE = '<a href="https://evil.example">klik</a><h1>Toegevoegd: 5</h1>'


def _json_with(networks: str) -> bytes:
    return ('{"format": "netwerken", "version": 1, "networks": [' + networks + "]}").encode()


# --- 13. quoted text is plain text: in the window, on the terminal, and short -----------------


@pytest.fixture
def shown_boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def _plain(box: QMessageBox) -> bool:
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    return box.textFormat() == Qt.TextFormat.PlainText and (
        informative is None or informative.textFormat() == Qt.TextFormat.PlainText
    )


def test_every_message_box_shows_a_quoted_name_as_plain_text(
    qapp: QApplication, shown_boxes: list[QMessageBox]
) -> None:
    dialogs.show_error(None, "Niet geïmporteerd", f"Het bestand bevat '{FAKE}'")
    dialogs.show_info(None, "Klaar", FAKE)
    dialogs.show_critical(None, "Fout", FAKE)
    dialogs.ask_conflict(None, FAKE, deleted=False)
    dialogs.ask_save_discard_cancel(None, FAKE)
    dialogs.confirm_delete(None, FAKE)
    dialogs.show_validation_summary(None, [FAKE])
    assert len(shown_boxes) == 7
    assert all(_plain(box) for box in shown_boxes)


def test_a_refused_import_in_the_window_quotes_the_name_as_plain_text(
    qapp: QApplication, tmp_path: Path, shown_boxes: list[QMessageBox], qtbot: Any
) -> None:
    from desktop.exchange.dialogs import install_exchange
    from desktop.operations import DatabaseSession
    from desktop.settings import Settings
    from desktop.window.main_window import MainWindow

    window = MainWindow(
        DatabaseSession(Store.open(tmp_path / "eigen.sqlite")), Settings(tmp_path / "s.ini")
    )
    qtbot.addWidget(window)
    controller = install_exchange(window, daily_backup=False)
    path = tmp_path / "collega.json"
    path.write_bytes(_json_with(json.dumps({"name": FAKE})))
    assert controller.import_file(path) is False
    [box] = shown_boxes
    assert FAKE in box.text() and _plain(box)


def test_the_terminal_gets_no_control_characters_and_short_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    escape = "\x1b[2J\x1b[H\x9b31mToegevoegd: 5\r\x07"
    long_name = "Lokaal netwerk " + "x" * 500
    path = tmp_path / "collega.json"
    path.write_bytes(
        _json_with(f"{json.dumps({'name': escape})},{json.dumps({'name': long_name})}")
    )
    officer = tmp_path / "eigen.sqlite"
    assert main(["--db", str(officer), "import-json", "--merge", str(path)]) == 1
    error = capsys.readouterr().err
    assert "\x1b" not in error and "\x9b" not in error and "\x07" not in error
    assert "\r" not in error
    assert "x" * 81 not in error  # a quote is cut to 80 characters


# --- 14. strict e-mail, links from the validated address -------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "x?to=other@evil.example&subject=hallo@gemeente.be",
        "jan&cc=other@gemeente.be",
        "jan%3Fcc=x@gemeente.be",
        "jan#x@gemeente.be",
    ],
)
def test_an_address_that_would_smuggle_a_recipient_is_refused(address: str) -> None:
    from pydantic import ValidationError

    from db.model.schemas import mailto_url

    with pytest.raises(ValidationError):
        Contact(name="Jan", email=address)
    assert mailto_url(address) is None


def test_the_mail_link_is_the_validated_address_only(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from db.model.schemas import mailto_url
    from desktop.printing.view import ProfilePreview

    assert mailto_url("Jan.Peeters@Genk.be") == "mailto:Jan.Peeters@genk.be"
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    ProfilePreview._open_mail(QUrl("mailto:jan@genk.be?cc=other@evil.example"))
    ProfilePreview._open_mail(QUrl("mailto:jan@genk.be"))
    assert opened == ["mailto:jan@genk.be"]


# --- 10. the search field ------------------------------------------------------------------


def test_a_giant_search_word_is_cut_and_the_highlight_cache_is_bounded(store: Store) -> None:
    store.create(full_profile())
    parsed = parse_query("a" * 100_000)
    assert all(len(token) <= 100 for phrase in parsed.phrases for token in phrase.tokens)
    assert len("".join(t for p in parse_query("woord " * 50_000).phrases for t in p.tokens)) <= 1000
    search_module._phrase_pattern.cache_clear()
    for number in range(300):  # a long session of searches with hits to highlight
        search_module._phrase_pattern(query_module.Phrase((f"woord{number}",), prefix=True))
    assert search_module._phrase_pattern.cache_info().currsize <= 256
    # The 100,000-letter word is searched by its first 100 letters: no hit, no huge pattern.
    assert search_module.search(store, SearchQuery(text="Borsbeek" + "k" * 100_000)) == []
    [hit] = search_module.search(store, SearchQuery(text="Borsbeek " * 20_000))
    assert hit.name == "Lokaal netwerk Borsbeek"  # a long pasted query still answers


# --- Also: log, crash trace, a sentence instead of a silent exit, --verbose, UTF-8 -------------


def test_the_log_goes_to_a_rotating_file_and_verbose_also_to_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.diagnostics import LOG_BACKUPS, MAX_LOG_BYTES, log_path

    officer = tmp_path / "eigen.sqlite"
    Store.open(officer).close()
    assert main(["--db", str(officer), "info"]) == 0
    assert "geopend" not in capsys.readouterr().err
    assert main(["--verbose", "--db", str(officer), "info"]) == 0
    assert "geopend" in capsys.readouterr().err
    log = log_path()
    assert log.parent == Path(os.environ["NETWERKEN_LOG_DIR"])
    assert "geopend" in log.read_text(encoding="utf-8")
    handlers = [
        h
        for h in logging.getLogger("netwerken").handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert [(h.maxBytes, h.backupCount) for h in handlers] == [(MAX_LOG_BYTES, LOG_BACKUPS)]


def test_an_uncaught_error_in_the_window_shows_a_sentence_and_is_logged(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import app as app_module
    from desktop import settings as settings_module
    from desktop.diagnostics import log_path, setup_logging

    setup_logging()
    real_settings = settings_module.Settings
    monkeypatch.setattr(settings_module, "Settings", lambda: real_settings(tmp_path / "s.ini"))
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_critical", lambda _p, _t, text: shown.append(text))
    hooks_before = sys.excepthook

    def run_and_fail() -> int:
        try:
            raise RuntimeError("kapot in een slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # what Qt does with an exception in a slot
        return 0

    monkeypatch.setattr(qapp, "exec", run_and_fail)
    officer = tmp_path / "eigen.sqlite"
    Store.open(officer).close()
    assert app_module.run_gui(["--db", str(officer)]) == 0
    for widget in QApplication.topLevelWidgets():  # the window run_gui showed (no real exit)
        widget.close()
        widget.deleteLater()
    [sentence] = shown
    assert sentence.startswith("Er ging iets mis") and str(log_path()) in sentence
    assert "veilig" in sentence
    assert "RuntimeError: kapot in een slot" in log_path().read_text(encoding="utf-8")
    assert sys.excepthook is hooks_before  # put back when the window closed


def _run(arguments: list[str], **environment: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **environment}
    return subprocess.run(
        [sys.executable, *arguments], cwd=REPO, env=env, capture_output=True, timeout=120
    )


def test_a_hard_crash_leaves_a_trace_in_the_log_folder(tmp_path: Path) -> None:
    script = (
        "from desktop.diagnostics import setup_logging; setup_logging(); "
        "import ctypes; ctypes.string_at(0)"
    )
    result = _run(["-c", script], NETWERKEN_LOG_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "Fatal Python error" in (tmp_path / "crash.log").read_text(encoding="utf-8")


def test_the_command_line_writes_utf8_whatever_the_console(tmp_path: Path) -> None:
    text = (SAMPLES / "genk.txt").read_text(encoding="utf-8")
    profile = tmp_path / "genk.txt"
    profile.write_text(text.replace("Visie", "Visie → ✓ ", 1), encoding="utf-8")
    result = _run(
        ["-m", "desktop", "parse", str(profile)],
        PYTHONIOENCODING="cp1252",
        NETWERKEN_LOG_DIR=str(tmp_path / "logs"),
        NETWERKEN_DB=str(tmp_path / "db.sqlite"),
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    output = result.stdout.decode("utf-8")
    assert "→ ✓" in output
