"""Help › Over Netwerken: the database's path is shown as it is named on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.window.main_window import MainWindow
from tests.desktop.conftest import Answers


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    folder = tmp_path / "R&amp;D <i>cursief"  # no "/": "</i>" would be two folders
    folder.mkdir()
    return folder / "net.sqlite"


def test_the_about_box_shows_a_path_with_markup_as_text(
    window: MainWindow, answers: Answers, db_path: Path
) -> None:
    window.show_about()
    (text,) = answers.last("show_about")
    # The message box renders rich text: the path must arrive escaped, and come out as typed.
    assert "R&amp;amp;D &lt;i&gt;cursief" in text
    assert "<i>cursief" not in text
