"""Hostile text in the form: a record shown in the form comes back from it exactly.

Whatever the schema accepted (from an import, a parsed text, the JSON file) must survive being
shown in the form's widgets and read back, or merely opening and saving a record would change
it. Qt's text widgets have opinions (a leading U+FEFF/U+FFFE is taken for a byte-order mark,
U+2028/U+2029/U+FDD0 become line breaks); the schema's normalisation must already agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.model.schemas import NetworkProfile
from db.storage.store import Store
from desktop.form.network_form import NetworkForm
from desktop.operations import DatabaseSession
from desktop.window.network_list import Column
from desktop.window.search_bar import install_search
from tests.desktop.conftest import Answers, _no_modal_dialogs, answers
from tests.robustness.hostile import FIELD_PATHS, NASTIES, hostile_text, profile_with
from tests.robustness.windows import close_quietly, filled_database, open_window

SHOWN_PATHS = [path for path in FIELD_PATHS if path[0] != "source"]  # the form shows no source
COMPARED = {"source", "created_at", "updated_at"}

__all__ = ["_no_modal_dialogs", "answers"]  # fixtures shared with the desktop tests
# Fonts for exotic scripts are missing on a bare machine; the offscreen platform has no size hints.
pytestmark = pytest.mark.qt_log_ignore(r"OpenType support missing", r"This plugin does not support")


@pytest.fixture
def form(qapp: QApplication, tmp_path: Path) -> Iterator[NetworkForm]:
    session = DatabaseSession(Store.open(tmp_path / "formulier.sqlite"))
    widget = NetworkForm(session)
    yield widget
    widget.deleteLater()
    session.close()


def round_trip(form: NetworkForm, profile: NetworkProfile) -> None:
    form.load(profile)
    back = NetworkProfile.model_validate(form.working_data())
    assert back.model_dump(exclude=COMPARED) == profile.model_dump(exclude=COMPARED)
    assert not form.is_modified()


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(path=st.sampled_from(SHOWN_PATHS), value=st.one_of(hostile_text, st.sampled_from(NASTIES)))
def test_any_accepted_value_comes_back_from_the_form_unchanged(
    form: NetworkForm, path: tuple[str | int, ...], value: str
) -> None:
    round_trip(form, profile_with({path: value}))


@pytest.mark.parametrize(
    "value",
    ["\ufeffGenk", "\ufffeabc", "een\u2028twee\u2029drie", "a\ufdd0b", "\ufdd1", "\U0010ffff"],
)
def test_characters_qt_would_change_are_settled_by_the_schema(
    form: NetworkForm, value: str
) -> None:
    """Regression: these were stored as given, and the form then dropped or changed them
    (a leading U+FFFE even byte-swapped the text after it), so showing and saving a record
    silently changed it."""
    for path in [("name",), ("vision",), ("goals", 0, "title"), ("partners", 0, "description")]:
        round_trip(form, profile_with({path: value}))


# --- the search field of the window -----------------------------------------------------------


def test_the_search_field_takes_any_pasted_text_and_shows_markup_literally(
    qtbot: QtBot, tmp_path: Path, answers: Answers
) -> None:
    path = tmp_path / "zoeken.sqlite"
    filled_database(path)
    store = Store.open(path)
    store.create(
        profile_with(
            {
                ("name",): "Zoekdoel <img src=x onerror=alert(1)> <b>vet</b>",
                ("notes",): "=cmd|' /C calc'!A0 '; DROP TABLE networks; --",
            }
        )
    )
    store.close()
    window = open_window(qtbot, path, tmp_path / "instellingen.ini")
    search = install_search(window)
    try:
        for text in [*NASTIES, "zoekdoel", "<img", "a" * 100_000]:
            search.field.setText(text)  # a paste: one edit, then the search runs
            search.run()
            assert search.wait()
            QApplication.processEvents()
            window.list_view.viewport().grab()  # the rows and snippets paint without complaint
        search.field.setText("zoekdoel")
        search.run()
        assert search.wait()
        qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
        html = search._snippet_html(window.list_model.index(0, Column.HIT))
        assert html is not None and "<img" not in html and "&lt;img" in html
        summary = window.list_model.summary(0)
        assert summary is not None and summary.name.startswith("Zoekdoel <img")
    finally:
        search.wait()
        close_quietly(window)
