"""Write a file all at once or not at all: a temporary name beside the target, then a rename.

The Qt-free twin of the ``QSaveFile`` wrapper the GUI uses: an export that fails half-way (disk
full, an exception in the writer) leaves the previous file, if any, exactly as it was.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def partial_name(target: Path) -> Path:
    """A hidden, unique name in the target's folder (a rename across file systems is no rename)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")


def fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces ``target``, on failure it goes."""
    target = Path(target)
    partial = partial_name(target)
    try:
        yield partial
        fsync_file(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
