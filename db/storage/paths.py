"""Where a file lives, said the way SQLite and a careful program need it (the default places
of files are :mod:`db.storage.locations`).

Officers keep their database in folders such as ``S:\\Vrije Tijd\\Netwerken #2\\``, on network
shares and inside OneDrive. Three things follow from that, and each has one place here:

* :func:`sqlite_file_uri`: the ``file:`` URI SQLite opens a path with. A path pasted into a URI
  unescaped goes wrong on ``#`` (the rest becomes a fragment: SQLite opens, and creates, another
  file), ``?`` (the rest becomes options) and ``%``; a UNC path or a drive letter needs the
  shape SQLite's URI rules expect. Every URI to a database file is built by this function.
* :func:`storage_kind`: local disk, network file system or cloud-synced folder. SQLite's
  write-ahead log needs shared memory that only works on a local disk, and sync clients copy a
  ``-wal``/``-shm`` apart from their database; so the write-ahead log is used on local disks
  only (:func:`journal_choice`).
* :func:`require_regular_file` and :func:`check_export_target`: a file read from elsewhere must
  be a regular file (a device or a named pipe is endless or never answers), and an export never
  lands on the open database, its companions or a backup.

Only the standard library is imported here (the record list uses it at start-up).
"""

from __future__ import annotations

import enum
import os
import stat
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from urllib.parse import quote, urlencode

# --- the file: URI ---------------------------------------------------------------------------


def sqlite_file_uri(path: PurePath | str, options: Mapping[str, str] | None = None) -> str:
    """The ``file:`` URI that makes SQLite open exactly ``path``.

    The path is made absolute without resolving links (a mapped drive stays a drive letter) and
    percent-encoded, so ``#``, ``?``, ``%``, spaces and accents are plain characters of the file
    name. A drive letter becomes ``file:///C:/...``; a UNC path ``\\\\server\\share\\...``
    becomes ``file:////server/share/...`` (empty authority, the path keeps its two slashes,
    which SQLite hands to Windows as a UNC name).
    """
    if isinstance(path, str):
        path = PureWindowsPath(path) if sys.platform == "win32" else PurePosixPath(path)
    if not path.is_absolute() and isinstance(path, Path):
        path = Path(os.path.abspath(path))
    text = path.as_posix()
    if isinstance(path, PureWindowsPath):
        if not path.is_absolute():
            raise ValueError(f"not an absolute path: {path}")
        text = text if text.startswith("//") else "/" + text  # "C:/x" -> "/C:/x"
    elif not text.startswith("/"):
        raise ValueError(f"not an absolute path: {path}")
    # A POSIX path that starts with "//" must not become an authority either.
    uri = "file://" + quote(text, safe="/:")
    if options:
        uri += "?" + urlencode(dict(options), safe="")
    return uri


# --- local disk, network share or cloud folder ----------------------------------------------


class StorageKind(enum.StrEnum):
    LOCAL = "local"
    NETWORK = "network"
    CLOUD = "cloud"


# Linux file system types that live on another machine (or in user space, where SQLite's
# shared-memory locking cannot be trusted either).
NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "9p",
        "fuse",
        "fuseblk",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "gpfs",
        "ncpfs",
        "sshfs",
        "v9fs",
        "virtiofs",
    }
)
# Folder names sync clients use ("OneDrive - Gemeente Genk" too).
_CLOUD_FOLDERS = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "my drive",
    "mijn drive",
    "icloud drive",
    "iclouddrive",
    "mobile documents",  # macOS: ~/Library/Mobile Documents (iCloud)
    "cloudstorage",  # macOS: ~/Library/CloudStorage/<provider>
)
_DRIVE_REMOTE = 4  # GetDriveTypeW


def _is_cloud_folder(path: PurePath) -> bool:
    for part in path.parts:
        folded = part.casefold()
        if any(folded == name or folded.startswith(name + " ") for name in _CLOUD_FOLDERS):
            return True
        if folded.startswith(("onedrive-", "onedrive -", "dropbox (")):
            return True
    return False


def _linux_file_system(path: Path) -> str | None:
    """The type of the file system holding ``path``, from /proc/self/mountinfo (statfs's
    answer in text form: the longest mount point that contains the path wins)."""
    try:
        lines = Path("/proc/self/mountinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    target = os.path.realpath(path)
    best, kind = "", None
    for line in lines:
        fields = line.split(" ")
        try:
            separator = fields.index("-")
        except ValueError:
            continue
        mount_point = fields[4].encode().decode("unicode_escape")
        if (
            target == mount_point
            or target.startswith(mount_point.rstrip("/") + "/")
            or mount_point == "/"
        ) and len(mount_point) >= len(best):
            best, kind = mount_point, fields[separator + 1]
    return kind


def _windows_remote(path: Path) -> bool:
    windows = PureWindowsPath(os.path.abspath(path))
    if windows.drive.startswith("\\\\"):
        return True
    if sys.platform != "win32" or not windows.drive:
        return False
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.GetDriveTypeW(windows.drive + "\\") == _DRIVE_REMOTE)


def probe_storage(path: Path) -> StorageKind:
    """Where ``path`` (a file or a folder) is kept, as well as this machine can tell."""
    absolute = Path(os.path.abspath(path))
    if _is_cloud_folder(absolute):
        return StorageKind.CLOUD
    if sys.platform == "win32":
        return StorageKind.NETWORK if _windows_remote(absolute) else StorageKind.LOCAL
    if str(absolute).startswith("//"):
        return StorageKind.NETWORK
    if sys.platform.startswith("linux"):
        kind = _linux_file_system(absolute if absolute.exists() else absolute.parent)
        if kind is not None:
            base = kind.split(".", 1)[0]
            if kind in NETWORK_FILE_SYSTEMS or base in NETWORK_FILE_SYSTEMS:
                return StorageKind.NETWORK
    return StorageKind.LOCAL


# The seam tests replace to pretend a folder is on a share or synced (no share needed).
storage_probe: Callable[[Path], StorageKind] = probe_storage


def storage_kind(path: Path) -> StorageKind:
    return storage_probe(path)


@dataclass(frozen=True, slots=True)
class JournalChoice:
    """Whether SQLite may use its write-ahead log for a file, and if not, the sentence why."""

    wal: bool
    dutch: str = ""
    english: str = ""


def journal_choice(path: Path) -> JournalChoice:
    kind = storage_kind(path)
    if kind is StorageKind.LOCAL:
        return JournalChoice(True)
    if kind is StorageKind.NETWORK:
        return JournalChoice(
            False,
            f"{path.name} staat op een netwerkschijf: het programma schrijft er veilig maar "
            "trager op (zonder write-ahead-log).",
            f"{path.name} is on a network drive: the program writes to it safely but more "
            "slowly (without a write-ahead log).",
        )
    return JournalChoice(
        False,
        f"{path.name} staat in een gesynchroniseerde map (OneDrive, Dropbox, …): het programma "
        "schrijft er zonder write-ahead-log op, zodat de synchronisatie het bestand heel houdt. "
        "Open het niet op twee computers tegelijk.",
        f"{path.name} is in a synchronised folder (OneDrive, Dropbox, …): the program writes "
        "to it without a write-ahead log, so the sync keeps the file whole. Do not open it on "
        "two computers at once.",
    )


# --- files from elsewhere ---------------------------------------------------------------------


class NotARegularFileError(OSError):
    """The path names a device, a named pipe, a folder or a socket: nothing to read as a file."""


def require_regular_file(path: Path) -> os.stat_result:
    """Refuse anything but a regular file (links to one are fine); returns its status.

    ``/dev/zero`` reads forever and a named pipe blocks until someone writes: a file from
    elsewhere is read only after this check.
    """
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise NotARegularFileError(f"{path} is geen gewoon bestand")
    return status


def regular_file_sentence(path: Path) -> tuple[str, str]:
    return (
        f"{path.name} is geen gewoon bestand (maar een map, apparaat of pijp); kies een bestand.",
        f"{path.name} is not a regular file (but a folder, device or pipe); choose a file.",
    )


# --- where an export may not go ----------------------------------------------------------------


def _same(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.abspath(one) == os.path.abspath(other)


def protected_reason(target: Path, database: Path | None) -> tuple[str, str] | None:
    """Why an export must not be written to ``target``, or None when it may.

    The open database, its ``-wal``/``-shm``/``-journal`` and its backups are never overwritten,
    also not through a symbolic link or another name of the same file.
    """
    if database is None:
        return None
    target = Path(target)
    name = target.name
    companions = [Path(f"{database}{end}") for end in ("-wal", "-shm", "-journal")]
    if _same(target, database):
        return (
            f"{name} is de database die nu open is: een export mag ze niet overschrijven. "
            "Kies een andere naam.",
            f"{name} is the database that is open now: an export must not overwrite it. "
            "Choose another name.",
        )
    if any(_same(target, companion) for companion in companions):
        return (
            f"{name} hoort bij de open database (SQLite gebruikt het); kies een andere naam.",
            f"{name} belongs to the open database (SQLite uses it); choose another name.",
        )
    backups = os.path.realpath(database.parent / "backups")
    real = Path(os.path.realpath(target))
    if str(real.parent) == backups and real.name.startswith(database.stem + "-"):
        return (
            f"{name} is een back-up van de database; een export mag die niet overschrijven. "
            "Kies een andere naam of map.",
            f"{name} is a backup of the database; an export must not overwrite it. Choose "
            "another name or folder.",
        )
    return None
