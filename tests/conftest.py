"""Shared fixtures. Every test gets its own database file and settings; nothing touches the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.storage.store import Store

os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NETWERKEN_DB", str(home / "default.sqlite"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("NETWERKEN_LOG_DIR", str(home / "logs"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "netwerken.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _widgets_application_for_the_command_line(request: pytest.FixtureRequest) -> None:
    """The command-line tests run the verbs in this process, and a verb that prints makes a
    plain QGuiApplication when none exists. A GUI test running after it in the same process
    (pytest-xdist mixes the order) then cannot make its QApplication and the process aborts.
    So these tests start from pytest-qt's QApplication, which the verbs reuse."""
    if request.node.path.name.startswith("test_cli_"):
        request.getfixturevalue("qapp")
