"""One start of the real program (``desktop.app.run_gui``) until the list is painted, then exit.

Used by :mod:`benchmarks.startup` as a whole process. ``--bare`` starts the baseline instead: a
plain ``QMainWindow`` with an empty ``QTableView``. Prints one JSON line: peak memory and the
rows the list showed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def bare() -> dict[str, object]:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.grab()  # the first paint, as for the real window
    return {"rows": 0}


def real(database: str) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from desktop import app as gui

    shown: dict[str, object] = {}

    def exec_until_painted() -> int:
        # Instead of the event loop: let the window do its start-up work, paint, and stop.
        application = QApplication.instance()
        assert application is not None
        application.processEvents()
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
        window = windows[0]
        window.grab()
        shown["rows"] = window.list_model.rowCount()  # type: ignore[attr-defined]
        window.close()
        return 0

    QApplication.exec = staticmethod(exec_until_painted)  # type: ignore[method-assign]
    gui.run_gui(["--db", database])
    return shown


if __name__ == "__main__":
    result = bare() if sys.argv[1] == "--bare" else real(sys.argv[1])
    result["peak_mb"] = _peak_mb()
    print(json.dumps(result))
