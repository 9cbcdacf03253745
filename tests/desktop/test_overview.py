"""The Overzicht tab: computed from the list off the UI thread, its bars and numbers narrowing
the list, the choice shown and dropped in the filter bar, the report as a vector PDF, and a
normal start that never loads the charts' library."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from db.search.overview import Link
from db.storage.store import Store
from db.text.samples import seed_samples
from desktop.overview.view import OverviewController, install_overview
from desktop.window.main_window import MainWindow
from desktop.window.search_bar import SearchController, install_search
from tests.db.factories import full_profile
from tests.desktop.test_lazy_start import run_program

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def filled_store(store: Store) -> Store:
    """The five samples and a second network in Limburg."""
    seed_samples(store)
    store.create(
        full_profile(name="Lokaal netwerk Hasselt", municipalities=["Hasselt"], province="Limburg")
    )
    return store


@pytest.fixture
def search(window: MainWindow) -> Iterator[SearchController]:
    controller = install_search(window)
    yield controller
    controller.wait()


@pytest.fixture
def overview(window: MainWindow, search: SearchController) -> Iterator[OverviewController]:
    controller = install_overview(window)
    yield controller
    controller.wait()


def names(window: MainWindow) -> set[str]:
    model = window.list_model
    return {
        summary.name.removeprefix("Lokaal netwerk ")
        for row in range(model.rowCount())
        if (summary := model.summary(row)) is not None
    }


def shown(qtbot: QtBot, overview: OverviewController) -> Any:
    """Show the tab and wait for its figures."""
    with qtbot.waitSignal(overview.computed, timeout=30_000) as blocker:
        overview.show_tab()
    return blocker.args[0]


def click_bar(qtbot: QtBot, overview: OverviewController, chart: str, label: str) -> None:
    canvas = overview.page.charts[chart]
    overview.page.scroll_area.ensureWidgetVisible(canvas)
    x, y = canvas.bar_center(label)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))


def test_clicking_a_province_bar_lists_that_provinces_networks(
    qtbot: QtBot, window: MainWindow, search: SearchController, overview: OverviewController
) -> None:
    result = shown(qtbot, overview)
    assert result.count == 6
    with (
        qtbot.waitSignal(overview.computed, timeout=30_000) as narrowed,
        qtbot.waitSignal(search.searchFinished, timeout=10_000),
    ):
        click_bar(qtbot, overview, "provinces", "Limburg")
    assert names(window) == {"Genk", "Hasselt"}
    # The choice is shown in the filter bar, and the overview follows the list.
    assert search.filter_bar.isVisible()
    assert search.filters.ids_button.isVisible()
    assert "Provincie Limburg (2)" in search.filters.ids_button.text()
    assert narrowed.args[0].count == 2
    assert "Provincie Limburg" in overview.page.scope.text()
    # Its cross drops the choice: every network again, and the overview of all of them.
    with (
        qtbot.waitSignal(overview.computed, timeout=30_000) as everything,
        qtbot.waitSignal(search.searchFinished, timeout=10_000),
    ):
        qtbot.mouseClick(search.filters.ids_button, Qt.MouseButton.LeftButton)
    assert len(names(window)) == 6
    assert not search.filters.ids_button.isVisible()
    assert everything.args[0].count == 6


def test_a_number_is_a_link_too(
    qtbot: QtBot, window: MainWindow, search: SearchController, overview: OverviewController
) -> None:
    shown(qtbot, overview)
    page = overview.page
    number = page.links().index(Link("instrument", "uitpas"))
    with qtbot.waitSignal(search.searchFinished, timeout=10_000):
        page.labels["instruments"].linkActivated.emit(f"link:{number}")
    assert names(window) == {"Dilbeek", "Genk", "Hasselt", "Wevelgem"}
    # A second click narrows within the first choice.
    overview.wait()
    qtbot.waitUntil(lambda: overview.result is not None and overview.result.count == 4)
    number = page.links().index(Link("province", "Limburg"))
    with qtbot.waitSignal(search.searchFinished, timeout=10_000):
        page.labels["provinces"].linkActivated.emit(f"link:{number}")
    assert names(window) == {"Genk", "Hasselt"}


def test_the_overview_follows_a_search_and_waits_while_hidden(
    qtbot: QtBot, window: MainWindow, search: SearchController, overview: OverviewController
) -> None:
    assert overview.result is None  # nothing is computed before the tab is shown
    with qtbot.waitSignal(search.searchFinished, timeout=10_000):
        search.field.setText("kansenpas")
    overview.wait()
    assert overview.result is None
    result = shown(qtbot, overview)
    assert result.count == 1
    assert result.instruments[0].label in {"Kansenpas", "OK-pas"}
    assert "zoekopdracht ‘kansenpas’" in overview.page.scope.text()
    window.tabs.setCurrentIndex(0)  # hidden again: a change only marks it stale
    with qtbot.waitSignal(search.searchFinished, timeout=10_000):
        search.field.setText("")
        search.run()
    qtbot.wait(2 * 150)
    assert overview.result is not None and overview.result.count == 1
    assert shown(qtbot, overview).count == 6


def test_the_figures_are_computed_off_the_ui_thread(
    qtbot: QtBot, overview: OverviewController, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.overview.view as view

    threads: list[str] = []
    real = view.compute

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(view, "compute", recording)
    shown(qtbot, overview)
    assert threads and threading.main_thread().name not in threads


def test_the_tab_exports_pdf_and_excel(
    qtbot: QtBot, overview: OverviewController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown(qtbot, overview)
    wanted = iter([tmp_path / "overzicht.pdf", tmp_path / "overzicht.xlsx"])
    monkeypatch.setattr(overview, "_ask_path", lambda *_args: next(wanted))
    qtbot.mouseClick(overview.page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(overview.page.xlsx_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "overzicht.xlsx").stat().st_size > 0
    reader = PdfReader(tmp_path / "overzicht.pdf")
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Alle 6 netwerken van de database" in text
    monkeypatch.setattr(overview, "_run_print_dialog", lambda _dialog: False)
    assert overview.print_overview() is False  # cancelled in the dialog: nothing printed


def test_the_report_is_a4_with_header_footer_and_vector_charts(
    qtbot: QtBot, filled_store: Store, tmp_path: Path
) -> None:
    from datetime import date

    from db.search.overview import compute
    from desktop.overview.pdf import write_overview_pdf

    with filled_store.plain_reading() as connection:
        result = compute(connection, today=date(2026, 12, 6))
    path = tmp_path / "overzicht.pdf"
    pages = write_overview_pdf(path, result, "Alle netwerken", print_date=date(2026, 12, 6))
    reader = PdfReader(path)
    assert len(reader.pages) == pages >= 2
    first = reader.pages[0]
    width_mm = float(first.mediabox.width) / 72 * 25.4
    height_mm = float(first.mediabox.height) / 72 * 25.4
    assert (round(width_mm), round(height_mm)) == (210, 297)
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    for number, text in enumerate(texts, start=1):
        assert text.startswith("Overzicht van de netwerken Alle netwerken")  # the header
        assert text.endswith(f"Afgedrukt op 06/12/2026 Pagina {number} / {pages}")  # the footer
    everything = " ".join(texts)
    # The charts' words are text in the PDF (drawn as vectors), not pixels of an image.
    for words in (
        "Trekkingsrecht per provincie",
        "Instrumenten in gebruik",
        "Partners per netwerk",
    ):
        assert words in everything
    for page in reader.pages:
        objects = page["/Resources"].get("/XObject", {})
        assert not any(item.get_object()["/Subtype"] == "/Image" for item in objects.values())
    assert "Borsbeek → Antwerpen" in everything


def test_a_failing_pdf_says_so_and_leaves_no_file(
    qtbot: QtBot, overview: OverviewController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown(qtbot, overview)
    target = tmp_path / "nergens" / "overzicht.pdf"
    monkeypatch.setattr(overview, "_ask_path", lambda *_args: target)
    errors: list[str] = []
    monkeypatch.setattr(
        "desktop.dialogs.show_error", lambda _parent, _title, message: errors.append(message)
    )
    assert overview.export_pdf() is None
    assert errors and "bestaat niet" in errors[0]
    assert not target.exists()


STARTUP_PROBE = """
import json, sys, threading, time
from PySide6.QtWidgets import QApplication
from desktop import app as gui

class WhoLoads:
    def find_spec(self, name, path=None, target=None):
        if name == "matplotlib" and "loaded_on" not in seen:
            seen["loaded_on"] = threading.current_thread().name
        return None

sys.meta_path.insert(0, WhoLoads())
seen = {}

def settle(seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()

def exec_():
    [window] = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
    deadline = time.monotonic() + 20
    while not (window.has_form() and window.form.has_record()) and time.monotonic() < deadline:
        QApplication.processEvents()
    settle(0.5)
    seen["at_start"] = sorted(m for m in sys.modules if m.startswith(("matplotlib", "numpy",
        "desktop.overview.charts", "desktop.overview.pdf", "desktop.printing.documents")))
    overview = window.overview_controller
    overview.show_tab()
    deadline = time.monotonic() + 30
    while overview.result is None and time.monotonic() < deadline:
        QApplication.processEvents()
    seen["networks"] = overview.result.count if overview.result else None
    seen["charts"] = sorted(overview.page.charts)
    window.form.discard()
    window.close()
    return 0

QApplication.exec = staticmethod(exec_)
code = gui.run_gui(["--db", sys.argv[1]])
print(json.dumps({"code": code, **seen}))
"""


def test_a_normal_start_does_not_load_the_charts_library(tmp_path: Path) -> None:
    """matplotlib (and the report's printing code) load when the overview is first shown, on
    its worker thread: a start that never shows it pays nothing (a fresh process: this one has
    every module loaded already)."""
    path = tmp_path / "werk.sqlite"
    store = Store.open(path)
    seed_samples(store)
    store.close()
    result = run_program(STARTUP_PROBE, path, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["at_start"] == []
    assert seen["networks"] == 5
    assert seen["charts"] == ["agreements", "instruments", "partners", "provinces"]
    assert seen["loaded_on"] != "MainThread"


def test_another_database_drops_the_choice_from_the_overview(
    qtbot: QtBot,
    window: MainWindow,
    search: SearchController,
    overview: OverviewController,
    tmp_path: Path,
) -> None:
    shown(qtbot, overview)
    with qtbot.waitSignal(search.searchFinished, timeout=10_000):
        click_bar(qtbot, overview, "provinces", "Limburg")
    assert search.filters.ids() is not None
    other = Store.open(tmp_path / "ander.sqlite")
    other.create(full_profile(name="Lokaal netwerk Gent", municipalities=["Gent"]))
    path = other.path
    other.close()
    assert path is not None
    assert window.open_database(path)
    assert search.filters.ids() is None and not search.filters.ids_button.isVisible()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
