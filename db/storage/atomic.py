"""Write a file all at once or not at all: a temporary name beside the target, then a rename.

The Qt-free twin of the ``QSaveFile`` wrapper the GUI uses: an export that fails half-way (disk
full, a read-only folder, an exception in the writer) leaves the previous file, if any, exactly
as it was, and no partial file beside it. A failure of the file system becomes a
:class:`~db.model.errors.WriteError` with a sentence (a file open in Excel on Windows says so).

The rename replaces a symbolic link at the target rather than writing through it.
A new database file is published the other way round: never over an existing one
(:func:`publish_new_database`).
"""

from __future__ import annotations

import errno
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from db.model.errors import WriteError
from db.storage.paths import protected_reason


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
    companion files or a backup (see :func:`db.storage.paths.protected_reason`)."""
    reason = protected_reason(Path(target), database)
    if reason is not None:
        raise WriteError(*reason)



# --- publishing a new database file --------------------------------------------------------------

# How long a program waits for another one that is publishing the same new file (the fallback
# below), and after how long such a claim counts as left behind by a program that was killed.
CLAIM_WAIT_S = 10.0
STALE_CLAIM_S = 30.0


def publish_new_database(partial: Path, path: Path) -> None:
    """Give a finished and closed database file its real name, in one step.

    Never replaces a file: if another program made ``path`` meanwhile (two programs started
    together on the first run), theirs is kept and ``partial`` is left for the caller to remove.
    A hard link does that in one step; where the file system has none (FAT, exFAT, some network
    shares) a rename under a claim file does (:func:`_rename_without_replacing`).
    """
    _set_aside_orphans(path)
    try:
        os.link(partial, path)
        return
    except FileExistsError:
        return  # created by another program at the same moment: use theirs
    except OSError:
        if path.exists():
            return
    _rename_without_replacing(partial, path)


def _rename_without_replacing(partial: Path, path: Path) -> None:
    """Rename ``partial`` to ``path`` unless ``path`` exists, also against a second program.

    A rename replaces an existing file on POSIX, so "check, then rename" alone could overwrite
    the database another program published between the two steps. Whoever creates the claim
    file (an exclusive create, which every file system has) does the check and the rename; the
    other waits for it and then keeps the file that was published. (On Windows a rename never
    replaces anyway.)
    """
    claim = path.with_name(f".{path.name}.claim")
    for _attempt in range(2):
        try:
            handle = os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if _claim_is_stale(claim):
                claim.unlink(missing_ok=True)  # its program was killed half-way: take over
                continue
            _wait_for_claim(claim)
            return
        try:
            if not path.exists():
                os.rename(partial, path)
        except FileExistsError:
            pass  # Windows: the other program was quicker after all; keep theirs
        finally:
            os.close(handle)
            claim.unlink(missing_ok=True)
        return


def _claim_is_stale(claim: Path) -> bool:
    try:
        return time.time() - claim.stat().st_mtime > STALE_CLAIM_S
    except FileNotFoundError:
        return True


def _wait_for_claim(claim: Path) -> None:
    deadline = time.monotonic() + CLAIM_WAIT_S
    while claim.exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def _set_aside_orphans(path: Path) -> None:
    """Move away a write-ahead log left without its database (the file was deleted or moved
    after a crash): SQLite would replay it into a new database of the same name and corrupt
    it. The log is kept under another name, in case someone wants to rescue it."""
    if path.exists():
        return
    log = path.with_name(path.name + "-wal")
    if log.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        log.replace(path.with_name(f"{path.name}-wal.verweesd-{stamp}"))
    path.with_name(path.name + "-shm").unlink(missing_ok=True)  # only an index into the log
