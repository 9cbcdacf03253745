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

from db.schemas import NetworkProfile
from db.store import Store
from desktop.network_form import NetworkForm
from desktop.operations import DatabaseSession
from tests.robustness.hostile import FIELD_PATHS, NASTIES, hostile_text, profile_with

SHOWN_PATHS = [path for path in FIELD_PATHS if path[0] != "source"]  # the form shows no source
COMPARED = {"source", "created_at", "updated_at"}

pytestmark = pytest.mark.qt_log_ignore(r"OpenType support missing")  # fonts for exotic scripts


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
