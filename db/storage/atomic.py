"""Write a file all at once or not at all: a temporary name beside the target, then a rename.

The Qt-free twin of the ``QSaveFile`` wrapper the GUI uses: an export that fails half-way (disk
full, a read-only folder, an exception in the writer) leaves the previous file, if any, exactly
as it was, and no partial file beside it. A failure of the file system becomes a
:class:`~db.model.errors.WriteError` with a sentence (a file open in Excel on Windows says so).

The rename replaces a symbolic link at the target rather than writing through it.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from db.model.errors import WriteError


def partial_name(target: Path) -> Path:
    """A hidden, unique name in the target's folder (a rename across file systems is no rename)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")


def fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def write_failed(target: Path, error: OSError) -> WriteError:
    """The sentence for a file that could not be written; nothing half-written was left."""
    name = target.name
    code = error.errno
    if code in (errno.EROFS,):
        nl = f"de map {target.parent} staat op een alleen-lezen schijf"
        en = f"the folder {target.parent} is on a read-only disk"
    elif code == errno.ENOSPC:
        nl, en = "de schijf is vol", "the disk is full"
    elif isinstance(error, PermissionError) and os.path.exists(target):
        nl = (
            "het bestand is beveiligd tegen schrijven, of open in een ander programma "
            "(Excel, Acrobat): sluit het daar en probeer opnieuw"
        )
        en = (
            "the file is write-protected, or open in another program (Excel, Acrobat): "
            "close it there and try again"
        )
    elif isinstance(error, PermissionError) or code == errno.EACCES:
        nl = f"je mag niet schrijven in de map {target.parent}"
        en = f"you may not write in the folder {target.parent}"
    elif code == errno.ENOENT:
        nl, en = (
            f"de map {target.parent} bestaat niet",
            f"the folder {target.parent} does not exist",
        )
    else:
        detail = error.strerror or str(error)
        nl = en = detail
    return WriteError(
        f"{name} kon niet geschreven worden: {nl}. Er bleef geen half bestand achter"
        " en een bestaand bestand met die naam is ongewijzigd.",
        f"{name} could not be written: {en}. No half-written file was left behind and an "
        "existing file of that name is unchanged.",
    )


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces ``target``, on failure it goes.

    An ``OSError`` while writing or renaming becomes a :class:`WriteError` (see
    :func:`write_failed`); other exceptions pass unchanged.
    """
    target = Path(target)
    partial = partial_name(target)
    try:
        yield partial
        fsync_file(partial)
        os.replace(partial, target)
    except OSError as error:
        raise write_failed(target, error) from error
    finally:
        # A read-only folder refuses even removing a file that is not there: that must not
        # hide the sentence above.
        with suppress(OSError):
            partial.unlink(missing_ok=True)


def refuse_protected_target(target: Path, database: Path | None) -> None:
    """Raise :class:`WriteError` when an export would land on the open database, one of its
    companion files or a backup (see :func:`db.storage.locations.protected_reason`)."""
    from db.storage.locations import protected_reason

    reason = protected_reason(Path(target), database)
    if reason is not None:
        raise WriteError(*reason)
