"""The real program on a database, driven as a user would: select, edit and save, scroll, search.

Used by :mod:`benchmarks.workflow` as a whole process. It starts ``desktop.app.run_gui`` and,
instead of the event loop, runs a fixed session, then prints one JSON line with the median
times and the peak memory of the process (VmHWM).
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SELECTIONS = 25
SAVES = 15


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def session(database: str) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import app as gui
    from desktop import dialogs

    result: dict[str, float] = {}
    # Nothing may ask a question in an unattended run.
    dialogs.ask_save_discard_cancel = lambda *_a, **_k: dialogs.SaveChoice.DISCARD  # type: ignore[assignment]

    def settle(application: QApplication) -> None:
        application.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def drive() -> int:
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
        # How long the window stops answering while it starts: a 5 ms timer ticks whenever the
        # event loop runs; the longest gap between ticks, from the first paint until the form
        # shows its record, is the longest moment a click would have waited.
        ticks: list[float] = []
        ticker = QTimer()
        ticker.setInterval(5)
        ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
        ticker.start()
        deadline = time.monotonic() + 30
        while not (window.has_form() and window.form.has_record()) and time.monotonic() < deadline:  # type: ignore[attr-defined]
            settle(application)
        ticker.stop()
        ticks.append(time.perf_counter())
        result["start_stall_ms"] = max(
            ((later - earlier) * 1000 for earlier, later in itertools.pairwise(ticks)),
            default=float("nan"),
        )
        model, view = window.list_model, window.list_view  # type: ignore[attr-defined]
        rows = model.rowCount()
        step = max(1, rows // SELECTIONS)

        # Selecting a network and showing it in the form: click-to-filled-form, per row.
        selecting = []
        for number in range(SELECTIONS):
            row = (number * step + 1) % rows
            wanted = model.id_at(row)
            start = time.perf_counter()
            view.selectRow(row)
            while window.form.current_id != wanted:  # type: ignore[attr-defined]
                settle(application)
            selecting.append((time.perf_counter() - start) * 1000)
        result["select_ms"] = statistics.median(selecting)

        # Saving an edited network through the form (validation, transaction, refresh).
        saving = []
        for number in range(SAVES):
            window.form.editor("meetings").enter(f"Vergadert maandelijks (ronde {number}).")  # type: ignore[attr-defined]
            start = time.perf_counter()
            saved = window.save_record()  # type: ignore[attr-defined]
            settle(application)
            saving.append((time.perf_counter() - start) * 1000)
            assert saved, "the benchmark's edit did not save"
        result["save_ms"] = statistics.median(saving)

        # Scroll the whole list, as someone looking for a name would.
        start = time.perf_counter()
        for row in range(0, rows, 40):
            view.scrollTo(model.index(row, 0))
            settle(application)
        result["scroll_s"] = time.perf_counter() - start

        # One search, with its results shown.
        controller = getattr(window, "search_controller", None)
        if controller is not None:
            controller.field.setText("welzijnsschakel")
            start = time.perf_counter()
            controller.run()
            controller.wait()
            settle(application)
            result["search_ms"] = (time.perf_counter() - start) * 1000
        result["rows"] = rows
        window.form.discard()  # type: ignore[attr-defined]
        window.close()
        return 0

    QApplication.exec = staticmethod(drive)  # type: ignore[method-assign]
    gui.run_gui(["--db", database])
    return result


if __name__ == "__main__":
    measured = session(sys.argv[1])
    measured["peak_mb"] = _peak_mb()
    print(json.dumps(measured))
