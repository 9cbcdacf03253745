"""``--smoke-test``: start the window, wait until it shows the database, report and exit.

A hidden option for checking a built program where nobody looks at the screen (the bundle build,
CI on Windows and macOS, the start-up benchmark): the window starts as usual, and once its list
has been painted and the form shows the first record (so the store, SQLAlchemy and pydantic
loaded as well) the program exits with status 0 and prints one JSON line: the rows the list
painted, the record shown and the milliseconds each took after the window was built.

Status 3: the list painted no rows; 4: the record did not follow within ``TIMEOUT_MS``. A
windowed program on Windows has no stdout: then only the status tells.
"""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING, TextIO
from uuid import UUID

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from desktop.window.main_window import MainWindow

OPTION = "--smoke-test"
TIMEOUT_MS = 60_000
EMPTY_LIST = 3
NO_RECORD = 4


def install_smoke_test(window: MainWindow, report: TextIO | None = None) -> None:
    """Exit the event loop once ``window`` painted its list and shows a record (or failed to)."""
    started = time.perf_counter()
    result: dict[str, object] = {}
    finished = False

    def finish(status: int) -> None:
        nonlocal finished
        if finished:
            return
        finished = True
        result["status"] = status
        stream = report if report is not None else sys.stdout
        if stream is not None:  # None in a windowed program on Windows
            print(json.dumps(result), file=stream, flush=True)
        window.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(status)

    def on_record(network_id: UUID | None) -> None:
        if network_id is not None and "rows" in result:
            result["record"] = str(network_id)
            result["record_ms"] = round((time.perf_counter() - started) * 1000)
            finish(0)

    def on_painted() -> None:
        result["rows"] = window.list_model.rowCount()
        result["painted_ms"] = round((time.perf_counter() - started) * 1000)
        if not result["rows"]:
            finish(EMPTY_LIST)
        elif window.has_form() and window.form.current_id is not None:
            on_record(window.form.current_id)  # the store was open before the first paint

    window.currentRecordChanged.connect(on_record)
    window.after_first_paint(on_painted)
    QTimer.singleShot(TIMEOUT_MS, window, lambda: finish(NO_RECORD))
