"""A conflicting field whose result the officer writes (issue 14: "pick per field or edit the
result"): checked by the record's rules, merged, and recorded as a version."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from db.exchange.database_file import inspect_import
from db.exchange.merge import (
    EDITABLE_LINES,
    EDITABLE_TEXT,
    Choice,
    Edited,
    InvalidEditError,
    MissingChoiceError,
    apply_merge,
    edit_field,
    edit_text,
    editable,
    plan_merge,
)
from db.model.messages import summary
from db.model.schemas import NetworkProfile
from db.storage.history import record_data
from tests.db.factories import full_profile
from tests.db.test_merge import Office, by_name, edit, offered, three_networks

GENK = "Lokaal netwerk Genk"


@pytest.fixture
def office(tmp_path: Path) -> Office:
    made = Office(tmp_path)
    yield made  # type: ignore[misc]
    made.close()


def conflict_on(office: Office, **changes: tuple[object, object]):  # type: ignore[no-untyped-def]
    """A and B change the same fields of Genk differently; the plan A makes of B's file."""
    a = office.start("A", three_networks())
    b = office.copy_of("A", "B")
    edit(a, GENK, **{name: mine for name, (mine, _theirs) in changes.items()})
    edit(b, GENK, **{name: theirs for name, (_mine, theirs) in changes.items()})
    plan = plan_merge(a, inspect_import(office.export("B")))
    [conflict] = plan.conflicts
    assert set(conflict.conflict_fields) == set(changes)
    return a, plan, conflict


def test_an_edited_text_lands_in_the_merged_record_as_a_version(office: Office) -> None:
    a, plan, conflict = conflict_on(
        office, vision=("Visie van A", "Visie van B"), notes=("Nota van A", "Nota van B")
    )
    written = edit_field(conflict, "vision", "  Visie van A én B, samen geschreven \n")
    assert written == Edited("Visie van A én B, samen geschreven")  # trimmed as any record
    report = apply_merge(a, plan, {conflict.key: {"vision": written, "notes": Choice.THEIRS}})
    merged = by_name(a, GENK)
    assert (merged.vision, merged.notes) == ("Visie van A én B, samen geschreven", "Nota van B")
    [decision] = report.decisions
    assert dict(zip(decision.fields, decision.choices, strict=True)) == {
        "vision": Choice.EDITED,
        "notes": Choice.THEIRS,
    }
    assert report.updated == 1
    latest = a.history(merged.id)[-1]
    assert latest.kind == "merge" and latest.author == "A"
    recorded = a.version_records([latest.seq])[latest.seq]
    assert recorded is not None and recorded.vision == merged.vision
    # Decided once: the same file again asks nothing.
    assert plan_merge(a, inspect_import(office.export("B"))).conflicts == []


def test_a_list_is_edited_one_item_a_line(office: Office) -> None:
    # Lists of texts merge item by item, so they conflict only without a common version (a
    # file without history): every difference is then a conflict.
    a = office.start("A", three_networks())
    genk = edit(a, GENK, instruments=["Overleg", "Vorming"])
    theirs = genk.model_copy(update={"instruments": ["Overleg", "Netwerkdag"]})
    plan = plan_merge(a, offered(theirs))
    [conflict] = plan.conflicts
    assert conflict.conflict_fields == ("instruments",)
    mine = next(f for f in conflict.fields if f.name == "instruments").mine
    assert edit_text("instruments", mine) == "Overleg\nVorming"
    written = edit_field(conflict, "instruments", "Overleg\n\nVorming\nNetwerkdag\nvorming\n")
    # Empty lines dropped and the same tag once, as the schema does for every record.
    assert written.value == ["Overleg", "Vorming", "Netwerkdag"]
    apply_merge(a, plan, {conflict.key: {"instruments": written}})
    assert by_name(a, GENK).instruments == ["Overleg", "Vorming", "Netwerkdag"]


def test_an_invalid_edit_is_refused_with_the_schema_sentence(office: Office) -> None:
    a, _plan, conflict = conflict_on(office, alias=("Genk A", "Genk B"))
    too_long = "x" * 301
    with pytest.raises(InvalidEditError) as refused:
        edit_field(conflict, "alias", too_long)
    assert refused.value.field_name == "alias"
    # The schema's own sentence, in both languages.
    with pytest.raises(ValidationError) as schema:
        NetworkProfile.model_validate({**conflict.merged(), "alias": too_long})
    assert str(refused.value) == summary(schema.value, "nl")
    assert refused.value.english == summary(schema.value, "en")
    # Nothing was stored by trying.
    assert by_name(a, GENK).alias == "Genk A"


def test_only_a_conflicting_plain_field_can_be_written(office: Office) -> None:
    _a, _plan, conflict = conflict_on(office, vision=("Visie van A", "Visie van B"))
    assert editable("vision") and editable("municipalities") and not editable("partners")
    with pytest.raises(InvalidEditError):
        edit_field(conflict, "notes", "niet in conflict")
    # EDITED without the written text decides nothing.
    with pytest.raises(MissingChoiceError):
        apply_merge(_a, _plan, {conflict.key: {"vision": Choice.EDITED}})
    with pytest.raises(MissingChoiceError):
        apply_merge(_a, _plan, default=Choice.EDITED)
    # An Edited value for a field that is not in conflict is not the officer's to write.
    assert conflict.merged({"notes": Edited("genegeerd")})["notes"] != "genegeerd"


def test_every_editable_field_is_a_text_or_a_list_of_texts() -> None:
    data = record_data(full_profile())
    for name in EDITABLE_TEXT:
        assert isinstance(data[name], str), name
    for name in EDITABLE_LINES:
        assert isinstance(data[name], list), name
        assert all(isinstance(v, str) for v in data[name]), name
        assert edit_text(name, ["a", "b"]) == "a\nb"
