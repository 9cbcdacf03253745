"""The Personen view: every contact person across all networks, where each occurs, and the two
things a person may ask for: to see what is held (Inzage) and to be erased (Wissen).

A window of its own (not modal: the officer can keep working beside it). Erasing never happens
on one click: "Wissen…" first shows, inside the view, every change it will make (per network and
place, earlier versions, backups), and only "Definitief wissen" does it. Afterwards the same
panel lists the backups made before that still hold the person, with "Back-ups wissen" and
"Back-ups herschrijven". All work is done by :mod:`db.privacy`; this view shows and asks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.model.changes import Change, ChangeKind
from db.model.errors import StoreError
from db.model.personal_data import PLACE_LABELS
from desktop import dialogs

if TYPE_CHECKING:
    from db.privacy.erasure import ErasurePlan, ErasureReport
    from db.privacy.persons import Occurrences, Person
    from desktop.window.main_window import MainWindow

ModelIndex = QModelIndex | QPersistentModelIndex
_T = TypeVar("_T")
# Up to this many networks, choosing a person shows at once where they occur (a fraction of a
# second); in a larger file that waits for "Waar komt deze persoon voor?".
AUTOMATIC_SEARCH_UP_TO = 2000
translate = QCoreApplication.translate


def ask_person_export_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to write a person's data (JSON or PDF, by the name's extension)."""
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        translate("PersonsView", "Inzage exporteren"),
        str(suggested),
        "PDF (*.pdf);;JSON (*.json)",
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in {".pdf", ".json"}:
        path = path.with_name(path.name + (".json" if "json" in chosen.lower() else ".pdf"))
    return path


class PersonListModel(QAbstractTableModel):
    """The persons found, one row each (the list holds the grouped persons; a few thousand)."""

    COLUMNS = ("name", "emails", "phones", "organisations", "networks")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.persons: list[Person] = []

    def set_persons(self, persons: list[Person]) -> None:
        self.beginResetModel()
        self.persons = persons
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.persons)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Naam"),
            self.tr("E-mail"),
            self.tr("Telefoon"),
            self.tr("Organisatie"),
            self.tr("Netwerken"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        person = self.persons[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "name":
            return " / ".join(person.names) or "—"
        if column == "networks":
            return str(len(person.network_ids))
        return ", ".join(getattr(person, column))


class PersonsView(QWidget):
    """The window itself (``install_privacy`` opens one per main window, on demand)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.setObjectName("personsView")
        self.window_ = window
        self.setWindowTitle(self.tr("Personen"))
        self.resize(980, 640)
        self._persons: list[Person] = []
        self._plan: ErasurePlan | None = None
        self._report: ErasureReport | None = None
        self._erased: Person | None = None

        self.filter = QLineEdit(self)
        self.filter.setObjectName("personsFilter")
        self.filter.setPlaceholderText(self.tr("Zoek op naam, e-mailadres of telefoonnummer"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)

        self.model = PersonListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("personsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

        self.details = QPlainTextEdit(self)
        self.details.setObjectName("personDetails")
        self.details.setReadOnly(True)

        self.export_button = QPushButton(self.tr("Inzage exporteren…"), self)
        self.export_button.setObjectName("personExport")
        self.export_button.clicked.connect(lambda: self.export_current())
        self.where_button = QPushButton(self.tr("Waar komt deze persoon voor?"), self)
        self.where_button.setObjectName("personWhere")
        self.where_button.clicked.connect(lambda: self.show_where())
        self.erase_button = QPushButton(self.tr("Wissen…"), self)
        self.erase_button.setObjectName("personErase")
        self.erase_button.clicked.connect(lambda: self.ask_erase())

        # The confirmation, inside the view: what will change, and the one button that does it.
        self.confirmation = QWidget(self)
        self.confirmation.setObjectName("eraseConfirmation")
        self.confirm_label = QLabel(self.confirmation)
        self.confirm_label.setWordWrap(True)
        self.confirm_text = QPlainTextEdit(self.confirmation)
        self.confirm_text.setObjectName("eraseChanges")
        self.confirm_text.setReadOnly(True)
        self.confirm_button = QPushButton(self.tr("Definitief wissen"), self.confirmation)
        self.confirm_button.setObjectName("eraseConfirm")
        self.confirm_button.clicked.connect(lambda: self.erase())
        self.cancel_button = QPushButton(self.tr("Annuleren"), self.confirmation)
        self.cancel_button.setObjectName("eraseCancel")
        self.cancel_button.clicked.connect(lambda: self._hide_confirmation())
        self.delete_backups_button = QPushButton(self.tr("Back-ups wissen"), self.confirmation)
        self.delete_backups_button.setObjectName("deleteBackups")
        self.delete_backups_button.clicked.connect(lambda: self.handle_backups(rewrite=False))
        self.rewrite_backups_button = QPushButton(
            self.tr("Back-ups herschrijven zonder de persoon"), self.confirmation
        )
        self.rewrite_backups_button.setObjectName("rewriteBackups")
        self.rewrite_backups_button.clicked.connect(lambda: self.handle_backups(rewrite=True))
        confirm_buttons = QHBoxLayout()
        for button in (
            self.confirm_button,
            self.delete_backups_button,
            self.rewrite_backups_button,
            self.cancel_button,
        ):
            confirm_buttons.addWidget(button)
        confirm_buttons.addStretch(1)
        confirm_layout = QVBoxLayout(self.confirmation)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        confirm_layout.addWidget(self.confirm_label)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addLayout(confirm_buttons)
        self.confirmation.hide()

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.where_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.confirmation, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([520, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(splitter)

        window.session.changed.connect(lambda _change: self._reload_if_visible())
        window.session.databaseChanged.connect(lambda _store: self._reload_if_visible())
        self.reload()

    # --- reading ---------------------------------------------------------------------------------

    @property
    def _language(self) -> str:
        return self.window_.language

    def _error(self, title: str, error: StoreError) -> None:
        dialogs.show_error(self, title, error.message(self._language))

    def reload(self) -> None:
        from db.privacy.persons import all_persons

        try:
            self._persons = all_persons(self.window_.session.store)
        except StoreError as error:
            self._error(self.tr("Personen"), error)
            self._persons = []
        self._apply_filter()

    def _reload_if_visible(self) -> None:
        if self.isVisible() and self._plan is None:
            self.reload()

    def _apply_filter(self) -> None:
        chosen = self.current_person()
        query = self.filter.text().strip()
        shown = [p for p in self._persons if p.matches(query)] if query else list(self._persons)
        self.model.set_persons(shown)
        if shown:
            # The same person stays chosen after a reload (a save elsewhere), else the first.
            keys = [p.key for p in shown]
            row = keys.index(chosen.key) if chosen is not None and chosen.key in keys else 0
            self.table.selectRow(row)  # the reset cleared the current row: this shows it
        if self.table.currentIndex().row() < 0:
            self._show_current()

    def current_person(self) -> Person | None:
        row = self.table.currentIndex().row()
        return self.model.persons[row] if 0 <= row < len(self.model.persons) else None

    def select_person(self, query: str) -> Person | None:
        """Show the first person ``query`` names (tests and the window's own callers)."""
        self.filter.setText(query)
        return self.current_person()

    def _show_current(self) -> None:
        person = self.current_person()
        for button in (self.where_button, self.export_button, self.erase_button):
            button.setEnabled(person is not None)
        if person is None:
            self.details.setPlainText(self.tr("Geen contactpersoon gekozen."))
            return
        # Where a person occurs means reading every text once: at once in a file of a few
        # thousand networks, on request (with a progress window) in a larger one.
        if self.window_.list_model.total <= AUTOMATIC_SEARCH_UP_TO:
            self.show_where()
        else:
            self.details.setPlainText(self.describe(person, None))

    def show_where(self) -> Occurrences | None:
        person = self.current_person()
        if person is None:
            return None
        from db.privacy.persons import occurrences

        store = self.window_.session.store
        try:
            found = self._busy(
                self.tr("Zoeken waar de persoon voorkomt…"),
                lambda: occurrences(store, [person])[person.key],
            )
        except StoreError as error:
            self._error(self.tr("Personen"), error)
            return None
        self.details.setPlainText(self.describe(person, found))
        return found

    def _busy(self, label: str, work: Callable[[], _T]) -> _T:
        if self.window_.list_model.total <= AUTOMATIC_SEARCH_UP_TO:
            return work()  # a blink: no progress window
        from desktop.exchange.dialogs import run_with_progress

        return run_with_progress(self, label, work)

    def describe(self, person: Person, found: Occurrences | None) -> str:
        english = self._language == "en"
        lines = [
            person.display_name,
            *(f"  {email}" for email in person.emails),
            *(f"  {phone}" for phone in person.phones),
            "",
            self.tr("Contactpersoon van:"),
        ]
        for appearance in person.appearances:
            role = ", ".join(x for x in (appearance.role, appearance.organisation) if x)
            lines.append(f"  {appearance.network_name}" + (f" ({role})" if role else ""))
        if found is None:
            return "\n".join(lines)
        lines += ["", self.tr("Komt voor in:")]
        for place, hits in sorted(found.places.items()):
            if hits:
                lines.append(f"  {PLACE_LABELS[place][1 if english else 0]}: {hits}")
        if found.versions:
            lines.append(f"  {PLACE_LABELS['versions'][1 if english else 0]}: {found.versions}")
        return "\n".join(lines)

    # --- right of access -------------------------------------------------------------------------

    def export_current(self) -> Path | None:
        person = self.current_person()
        if person is None:
            return None
        from db.text.file_names import safe_file_stem

        suggested = self._start_folder() / (
            self.tr("inzage") + f"-{safe_file_stem(person.display_name)}.pdf"
        )
        target = ask_person_export_path(self, suggested)
        if target is None:
            return None
        from db.privacy.person_export import person_document, write_person_json

        try:
            document = person_document(self.window_.session.store, person)
            if target.suffix.lower() == ".pdf":
                from desktop.printing.person_pdf import write_person_pdf

                write_person_pdf(target, document)
            else:
                write_person_json(document, target)
        except StoreError as error:
            self._error(self.tr("Inzage exporteren mislukt"), error)
            return None
        except OSError as error:
            dialogs.show_error(
                self,
                self.tr("Inzage exporteren mislukt"),
                self.tr("{name} kon niet geschreven worden: {reason}").format(
                    name=target.name, reason=error.strerror or error
                ),
            )
            return None
        self.window_.statusBar().showMessage(
            self.tr("Inzage geschreven naar {path}").format(path=target), 6000
        )
        return target

    def _start_folder(self) -> Path:
        path = self.window_.session.path
        return path.parent if path is not None else Path.home()

    # --- erasing ---------------------------------------------------------------------------------

    def ask_erase(self) -> ErasurePlan | None:
        """Show what erasing the chosen person will change; nothing changes yet."""
        person = self.current_person()
        if person is None:
            return None
        from db.privacy.erasure import plan_erasure

        store = self.window_.session.store
        try:
            plan = self._busy(
                self.tr("Nagaan wat het wissen verandert…"), lambda: plan_erasure(store, person)
            )
        except StoreError as error:
            self._error(self.tr("Wissen"), error)
            return None
        self._plan, self._report, self._erased = plan, None, None
        self.confirm_label.setText(
            self.tr(
                "<b>{name} wissen?</b> Dit verandert het volgende en kan niet ongedaan gemaakt "
                "worden:"
            ).format(name=_escape(person.display_name))
        )
        self.confirm_text.setPlainText("\n".join(plan.lines(self._language)))
        self.confirm_button.show()
        self.delete_backups_button.hide()
        self.rewrite_backups_button.hide()
        self.cancel_button.setText(self.tr("Annuleren"))
        self.confirmation.show()
        self.table.setEnabled(False)
        self.filter.setEnabled(False)
        return plan

    def erase(self) -> ErasureReport | None:
        plan = self._plan
        if plan is None:
            return None
        if not self.window_.confirm_leave_record():
            return None
        from db.privacy.erasure import erase_person

        store = self.window_.session.store
        try:
            report = self._busy(
                self.tr("Bezig met wissen…"), lambda: erase_person(store, plan.person)
            )
        except StoreError as error:
            self._error(self.tr("Wissen mislukt"), error)
            return None
        self._plan, self._report, self._erased = None, report, plan.person
        # A deleted network waiting to be undone may name the person: undoing it after the
        # erasure would bring them back.
        self.window_.window_undo_stack.clear()
        self.window_.session.announce(Change(ChangeKind.RELOADED))
        text = [report.summary(self._language)]
        if report.backups:
            text += ["", self.tr("Deze back-ups van vóór het wissen bevatten de persoon nog:")]
            text += [f"  {info.path}" for info in report.backups]
        self.confirm_label.setText(self.tr("<b>Gewist.</b>"))
        self.confirm_text.setPlainText("\n".join(text))
        self.confirm_button.hide()
        self.delete_backups_button.setVisible(bool(report.backups))
        self.rewrite_backups_button.setVisible(bool(report.backups))
        self.cancel_button.setText(self.tr("Back-ups laten staan") if report.backups else "OK")
        self.reload()
        return report

    def handle_backups(self, *, rewrite: bool) -> int:
        """Delete the backups made before the erasure, or rewrite them without the person."""
        report, person = self._report, self._erased
        if report is None or person is None:
            return 0
        from db.privacy.erasure import delete_backups, rewrite_backup

        done = 0
        try:
            if rewrite:
                for info in report.backups:
                    rewrite_backup(info, person, by=report.by)
                    done += 1
            else:
                done = delete_backups(report.backups)
        except StoreError as error:
            self._error(self.tr("Back-ups"), error)
        message = (
            self.tr("{count} back-up(s) herschreven zonder de persoon.")
            if rewrite
            else self.tr("{count} back-up(s) gewist.")
        ).format(count=done)
        self.confirm_text.appendPlainText("\n" + message)
        self.delete_backups_button.hide()
        self.rewrite_backups_button.hide()
        self.cancel_button.setText("OK")
        return done

    def _hide_confirmation(self) -> None:
        self._plan, self._report, self._erased = None, None, None
        self.confirmation.hide()
        self.table.setEnabled(True)
        self.filter.setEnabled(True)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
