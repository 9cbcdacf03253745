"""What the program leaves behind when something goes wrong: a log, a crash trace, a sentence.

* :func:`setup_logging`: stdlib ``logging`` into a rotating file in the user's log folder
  (``platformdirs.user_log_dir``), and with ``--verbose`` also on standard error, in detail.
* ``faulthandler`` writes the Python stack of every thread to ``crash.log`` in the same folder
  when the process dies hard (a crash inside Qt or SQLite), where a log line cannot be written.
* :func:`install_excepthook`: an exception nobody caught is logged in full and the user sees a
  sentence ("Er ging iets mis…", where the log is, that the saved data is safe) instead of a
  window that silently disappears or a traceback.
* :func:`utf8_output`: the command line writes UTF-8 whatever the console's code page (``→``
  and ``✓`` crashed under cp1252 when the output went to a file or pipe).

Qt-free: the window passes the function that shows its dialog.
"""

from __future__ import annotations

import faulthandler
import io
import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import IO, Any

LOG_NAME = "netwerken.log"
CRASH_NAME = "crash.log"
# A few MB of history is plenty to see what led up to a problem, and never fills a disk.
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

logger = logging.getLogger("netwerken")
_crash_file: IO[str] | None = None  # open for the life of the process: faulthandler writes to it


def log_folder() -> Path:
    """``NETWERKEN_LOG_DIR`` if set (tests, a portable install), else the user log folder."""
    override = os.environ.get("NETWERKEN_LOG_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir("Netwerken", appauthor=False))


def log_path() -> Path:
    return log_folder() / LOG_NAME


def setup_logging(*, verbose: bool = False) -> Path | None:
    """Log to the rotating file (INFO, DEBUG with ``verbose``) and, with ``verbose``, to
    standard error; turn on ``faulthandler``. Returns the log file, or None when the folder
    cannot be written (the program works on without a log: it must not fail to start)."""
    global _crash_file
    root = logging.getLogger("netwerken")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_netwerken", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if verbose:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(formatter)
        stream._netwerken = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        root.warning("geen logbestand in %s: %s", folder, error)
        return None
    handler.setFormatter(formatter)
    handler._netwerken = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    # Not when something else (pytest, a debugger) has turned it on for its own file already.
    if _crash_file is None and not faulthandler.is_enabled():
        try:
            _crash_file = open(folder / CRASH_NAME, "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(file=_crash_file, all_threads=True)
        except (OSError, ValueError, io.UnsupportedOperation):
            _crash_file = None
    return folder / LOG_NAME


def failure_sentence(log: Path | None, language: str = "nl") -> str:
    """What the user reads after an unexpected error."""
    where = str(log) if log is not None else "?"
    if language == "en":
        return (
            "Something went wrong. Your saved data is safe: only what was not saved yet may be "
            f"lost. The details are in the log: {where}"
        )
    return (
        "Er ging iets mis. Je opgeslagen gegevens zijn veilig: alleen wat nog niet opgeslagen "
        f"was, kan verloren zijn. De details staan in het logbestand: {where}"
    )


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def install_excepthook(show: Callable[[str], None], *, language: str = "nl") -> Callable[[], None]:
    """Log every uncaught exception (also in threads) and let ``show`` tell the user.

    Returns a function that puts the previous hooks back."""
    previous_hook = sys.excepthook
    previous_thread_hook = threading.excepthook
    showing = threading.Lock()

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_hook(kind, error, trace)
            return
        logger.critical("onverwachte fout", exc_info=(kind, error, trace))
        if not showing.acquire(blocking=False):
            return  # an error while the sentence is shown: logged, not shown twice
        try:
            show(failure_sentence(log_path(), language))
        except Exception:  # the dialog itself failing must not loop back here
            logger.exception("de foutmelding kon niet getoond worden")
        finally:
            showing.release()

    def thread_hook(arguments: threading.ExceptHookArgs) -> None:
        logger.critical(
            "onverwachte fout in thread %s",
            arguments.thread.name if arguments.thread else "?",
            exc_info=(arguments.exc_type, arguments.exc_value, arguments.exc_traceback),  # type: ignore[arg-type]
        )

    sys.excepthook = hook
    threading.excepthook = thread_hook

    def restore() -> None:
        sys.excepthook = previous_hook
        threading.excepthook = previous_thread_hook

    return restore


def utf8_output() -> None:
    """Make standard output and error write UTF-8, whatever the console's code page.

    ``errors="replace"`` on top: a terminal that cannot show a character shows "?" rather than
    the command ending in a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in (
            "utf-8",
            "utf8",
        ):
            with suppress(ValueError, io.UnsupportedOperation):
                stream.reconfigure(encoding="utf-8", errors="replace")
