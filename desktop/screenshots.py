"""Screenshots of the main window on the sample database, for the README.

    xvfb-run -a -s "-screen 0 1400x900x24" python -m desktop.screenshots [--out docs/screenshots]
    python -m desktop.screenshots --overview-db netwerken.sqlite   # only the Overzicht shots

The samples go into a temporary database (the user's own is never touched); the window is shown
at 1400 × 900 and grabbed: the list with a record's form, the form at its goals and contacts,
and a new record whose save was refused, with the problems marked at their fields. Then the same
record at the window sizes of common screens (1024 × 700, 1366 × 768, 1920 × 1080): the form keeps
its width, the list gives way. The
Overzicht tab is grabbed on a database of its own (``--overview-db``; the README's shots use 300
generated networks, ``benchmarks/generate.py``, as five samples make thin charts): its top, its
charts, and the list narrowed by a click on a province's bar.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

WIDTH, HEIGHT = 1400, 900
SCREEN_SIZES = ((1024, 700), (1366, 768), (1920, 1080))


def settle(milliseconds: int = 150) -> None:
    """Let layouts, deferred work and painting finish before grabbing."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def grab(widget: QWidget, path: Path) -> Path:
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def make_screenshots(out: Path, *, language: str = "nl", scheme: str = "light") -> list[Path]:
    """The screenshots in ``scheme`` (light, dark or high-contrast; files of the last two get
    the scheme in their name)."""
    from desktop.app import application, build_main_window
    from desktop.style import Scheme, apply_style, contrast_theme_palette

    app = application()
    chosen = Scheme(scheme)
    apply_style(app, chosen, contrast_theme_palette() if chosen is Scheme.HIGH_CONTRAST else None)
    suffix = "" if chosen is Scheme.LIGHT else f"-{chosen.value}"
    from db.storage.store import Store
    from db.text.samples import seed_samples
    from desktop import dialogs
    from desktop.i18n import install_translations
    from desktop.operations import DatabaseSession
    from desktop.settings import Settings

    language = install_translations(app, language)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="netwerken-screens-") as folder:
        store = Store.open(Path(folder) / "netwerken.sqlite")
        seed_samples(store)
        session = DatabaseSession(store)
        window = build_main_window(session, Settings(Path(folder) / "settings.ini"), language)
        window.resize(WIDTH, HEIGHT)
        window.show()
        settle(300)
        shots: list[Path] = []

        # The list with a record in the form: the richest sample shows the most fields.
        profiles = list(store.iter_profiles())
        richest = max(profiles, key=lambda p: (len(p.goals), len(p.contacts), len(p.partners)))
        window.list_view.select_id(richest.id)
        settle()
        window.show_record(richest.id)
        shots.append(grab(window, out / f"main-window{suffix}.png"))

        window.form.scroll_to_section("goals")
        shots.append(grab(window, out / f"form-goals{suffix}.png"))
        window.form.scroll_to_section("contact")
        shots.append(grab(window, out / f"form-contacts{suffix}.png"))

        # A new record saved too early: the schema's messages at their fields.
        def quiet(*_args: object, **_kwargs: object) -> None:
            pass

        dialogs.show_validation_summary = quiet  # the marks in the form are the point here
        window.new_network()
        form = window.form
        form.editors["alias"].enter("Vrije tijd voor iedereen")
        form.editors["drawing_right_eur"].enter("zesduizend")
        form.editors["contacts"].enter(
            [
                {
                    "name": "",
                    "role": "coördinator",
                    "organisation": "",
                    "email": "jan@",
                    "phone": "12",
                }
            ]
        )
        form.save()
        form.scroll_area.verticalScrollBar().setValue(0)
        shots.append(grab(window, out / f"validation{suffix}.png"))
        form.discard()

        window.show_record(richest.id)
        for width, height in SCREEN_SIZES:
            window.resize(width, height)
            settle(300)
            window.form.scroll_to_section("agreements")
            shots.append(grab(window, out / f"window-{width}x{height}.png"))
        window.close()
        session.close()
    return shots


def make_overview_screenshots(out: Path, database: Path, *, language: str = "nl") -> list[Path]:
    """The Overzicht tab on a copy of ``database``: its top, further down, and after a click on
    the bar of the province with the most networks."""
    import shutil

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from desktop.app import application, build_main_window, open_session
    from desktop.i18n import install_translations
    from desktop.settings import Settings

    app = application()
    language = install_translations(app, language)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="netwerken-screens-") as folder:
        copy = Path(folder) / "netwerken.sqlite"
        shutil.copyfile(database, copy)
        session = open_session(str(copy))
        window = build_main_window(session, Settings(Path(folder) / "settings.ini"), language)
        window.resize(WIDTH, HEIGHT)
        window.show()
        settle(300)
        overview = window.overview_controller  # type: ignore[attr-defined]
        overview.show_tab()
        for _ in range(300):  # computed on its worker; matplotlib loads the first time
            settle(100)
            if overview.result is not None:
                break
        if overview.result is None:
            raise RuntimeError("the overview was not computed in 30 seconds")
        # The list narrow, the overview wide: as an officer reading figures would set it.
        window.splitter.setSizes([430, WIDTH - 430])
        settle(300)
        shots = [grab(window, out / "overview.png")]
        page = overview.page
        page.scroll_area.ensureWidgetVisible(page.charts["agreements"], 0, 0)
        shots.append(grab(window, out / "overview-charts.png"))
        busiest = max(
            (row for row in overview.result.provinces if row.province),
            key=lambda row: row.networks.count,
        )
        canvas = page.charts["provinces"]
        page.scroll_area.ensureWidgetVisible(canvas)
        settle()
        x, y = canvas.bar_center(busiest.province)
        QTest.mouseClick(
            canvas,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            QPoint(round(x), round(y)),
        )
        for _ in range(100):
            settle(100)
            if overview.result is not None and overview.result.count == busiest.networks.count:
                break
        page.scroll_area.verticalScrollBar().setValue(0)
        shots.append(grab(window, out / "overview-province.png"))
        overview.wait()
        if window.has_form():
            window.form.discard()
        window.close()
        session.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    parser.add_argument("--scheme", choices=["light", "dark", "high-contrast"], default="light")
    parser.add_argument(
        "--overview-db", type=Path, help="only the Overzicht shots, on (a copy of) this database"
    )
    options = parser.parse_args(argv)
    if options.overview_db is not None:
        make_overview_screenshots(options.out, options.overview_db, language=options.lang)
        return 0
    make_screenshots(options.out, language=options.lang, scheme=options.scheme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
