"""Screenshots of the main window on the sample database, for the README.

    xvfb-run -a -s "-screen 0 1400x900x24" python -m desktop.screenshots [--out docs/screenshots]

The samples go into a temporary database (the user's own is never touched); the window is shown
at 1400 × 900 and grabbed: the list with a record's form, the form at its goals and contacts,
and a new record whose save was refused, with the problems marked at their fields.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

WIDTH, HEIGHT = 1400, 900


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


def make_screenshots(out: Path, *, language: str = "nl") -> list[Path]:
    from desktop.app import application, build_main_window

    app = application()
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
        shots.append(grab(window, out / "main-window.png"))

        window.form.scroll_to_section("goals")
        shots.append(grab(window, out / "form-goals.png"))
        window.form.scroll_to_section("contact")
        shots.append(grab(window, out / "form-contacts.png"))

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
        shots.append(grab(window, out / "validation.png"))
        form.discard()
        window.close()
        session.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    options = parser.parse_args(argv)
    make_screenshots(options.out, language=options.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
