"""The schema snapshot that opening a file compares against is the migrations' own result."""

from __future__ import annotations

from db.storage import dbfile
from db.storage.schema_check import _snapshot, derive_expected_schema


def test_the_snapshot_matches_what_the_migrations_build() -> None:
    snapshot = _snapshot()
    assert dbfile.SCHEMA_VERSION in snapshot, "run python -m db.storage.schema_check"
    for version, objects in snapshot.items():
        assert objects == derive_expected_schema(version), (
            f"schema {version} changed: run python -m db.storage.schema_check"
        )
