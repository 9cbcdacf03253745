"""Exchanging the database from the window: import (merge or replace), export, backups.

:class:`ExchangeController` fills in the main window's Bestand actions (Database importeren…,
Database exporteren…, Exporteren als JSON, CSV of Excel…, Back-up terugzetten…) and makes the
daily backup on start. The work itself is :mod:`db.exchange.database_file`, :mod:`db.exchange.merge`,
:mod:`db.exchange.interchange`, :mod:`db.exchange.tabular` and :mod:`db.storage.backup`; long steps run on a worker thread
behind a progress dialog, and afterwards the session announces the change so every view
refreshes itself.

Every question is one module-level function (``ask_import_mode``, ``ask_merge_choices``,
``choose_backup``, the file choosers), so a test replaces that function instead of clicking
through a modal dialog. The dialogs themselves (:class:`ImportModeDialog`,
:class:`MergeDialog`, :class:`BackupDialog`) are ordinary widgets a test can drive.
"""

from __future__ import annotations

import enum
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEventLoop,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.model.changes import Change, ChangeKind
from db.model.errors import ImportCancelled, StoreError
from db.model.formats import format_datetime, format_euro, format_period, local_time
from db.storage.backup import BackupInfo
from db.storage.dbfile import SQLITE_MAGIC, DatabaseFileError
from desktop import dialogs
from desktop.style import changed_background, problem_colour

if TYPE_CHECKING:
    # db.exchange.merge, db.model.messages and db.model.schemas load SQLAlchemy and pydantic: the window installs
    # this module at start-up, so they are imported where a dialog first needs them.
    from db.exchange.merge import Choice, FieldChoice, ImportCandidate, MergeItem, MergePlan
    from db.model.schemas import NetworkProfile
    from desktop.exchange.field_editor import FieldEditDialog
    from desktop.window.main_window import MainWindow

translate = QCoreApplication.translate
_T = TypeVar("_T")
ModelIndex = QModelIndex | QPersistentModelIndex
STATUS_TIMEOUT_MS = 8000


class ImportMode(enum.Enum):
    MERGE = "merge"
    REPLACE = "replace"


class ExportFormat(enum.Enum):
    XLSX = "xlsx"
    CSV = "csv"
    JSON = "json"


# --- long work off the GUI thread -------------------------------------------------------------


class _Done(QObject):
    finished = Signal()


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[], _T]) -> _T:
    """Run ``work`` (Qt-free) on a worker thread while a progress dialog keeps the window alive;
    return its result or raise its exception here, on the GUI thread."""
    return _run(parent, label, lambda _stop: work(), cancellable=False)


def run_cancellable(
    parent: QWidget | None, label: str, work: Callable[[Callable[[], bool]], _T]
) -> _T:
    """Like :func:`run_with_progress`, with a Stop button once the work takes over a second.

    ``work`` gets a function that says whether the user pressed Stop; the work asks it between
    steps and ends with :class:`db.errors.ImportCancelled`, which is raised here too."""
    return _run(parent, label, work, cancellable=True)


def _run(
    parent: QWidget | None,
    label: str,
    work: Callable[[Callable[[], bool]], _T],
    *,
    cancellable: bool,
) -> _T:
    outcome: list[_T] = []
    failure: list[BaseException] = []
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    stop = threading.Event()

    def target() -> None:
        try:
            outcome.append(work(stop.is_set))
        except BaseException as error:
            failure.append(error)
        finally:
            done.finished.emit()

    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setWindowTitle(translate("Exchange", "Even geduld"))
    if cancellable:
        progress.setCancelButtonText(translate("Exchange", "Stoppen"))
        progress.canceled.connect(stop.set)
        progress.setMinimumDuration(1000)
    else:
        progress.setCancelButton(None)  # type: ignore[arg-type]
        progress.setMinimumDuration(500)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    worker = threading.Thread(target=target, name="netwerken-exchange", daemon=True)
    worker.start()
    loop.exec()
    worker.join()
    progress.reset()
    progress.deleteLater()
    if failure:
        raise failure[0]
    return outcome[0]


# --- what a field looks like, side by side ---------------------------------------------------


def json_text(name: str, value: Any) -> str:
    """A field's stored (JSON) value as readable text, the same way on all three sides."""
    from db.storage.history_diff import value_text

    if name == "drawing_right_eur" and value not in (None, ""):
        from decimal import Decimal, InvalidOperation

        try:
            return format_euro(Decimal(str(value)), cents=True)
        except InvalidOperation:
            return str(value)
    if name == "agreement_periods" and isinstance(value, list):
        return "\n".join(
            format_period(int(p["ordinal"]), int(p["start_year"]), int(p["end_year"]))
            for p in value
            if isinstance(p, dict)
        )
    if name in ("municipalities", "instruments") and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value_text(name, value)


def field_label(name: str, language: str) -> str:
    from db.model.messages import FIELD_LABELS

    labels = FIELD_LABELS.get(name, (name, name))
    return labels[1] if language == "en" else labels[0]


DELETED_FIELD = ""  # the choice key of a delete conflict: the whole network stays or goes


class FieldComparisonModel(QAbstractTableModel):
    """Field | common version | mine | theirs | what stays, for one network.

    Rows are the fields that differ between the two sides. A conflicting field (changed
    differently on both sides) is highlighted and waits for a choice; the others show what the
    merge does by itself. Texts from the files are shown as plain text (the view never
    interprets them as markup).
    """

    COLUMNS = 5

    def __init__(self, language: str = "nl", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._item: MergeItem | None = None
        self._rows: list[
            tuple[str, str, str, str, str, bool]
        ] = []  # key, label, base, mine, theirs, conflict
        self.choices: dict[str, FieldChoice] = {}

    def set_item(
        self, item: MergeItem | None, choices: dict[str, FieldChoice] | None = None
    ) -> None:
        self.beginResetModel()
        self._item = item
        self.choices = choices if choices is not None else {}
        self._fill()
        self.endResetModel()

    def _fill(self) -> None:
        from db.exchange.merge import MergeStatus

        self._rows = []
        item = self._item
        if item is None:
            return
        if item.status is MergeStatus.DELETE_CONFLICT:
            gone = translate("Exchange", "(verwijderd)")
            present = item.mine if item.mine is not None else item.theirs
            name = present.name if present is not None else item.name
            self._rows.append(
                (
                    DELETED_FIELD,
                    translate("Exchange", "Het netwerk"),
                    item.base.name if item.base is not None else "",
                    gone if item.deleted_here else name,
                    name if item.deleted_here else gone,
                    True,
                )
            )
            return
        for merge in item.fields:
            self._rows.append(
                (
                    merge.name,
                    field_label(merge.name, self._language),
                    json_text(merge.name, merge.base) if not item.without_history else "",
                    json_text(merge.name, merge.mine),
                    json_text(merge.name, merge.theirs),
                    merge.conflict,
                )
            )

    def field_name(self, row: int) -> str:
        return self._rows[row][0]

    def is_different(self, row: int) -> bool:
        return self._rows[row][5]

    def conflict_rows(self) -> list[int]:
        return [row for row, values in enumerate(self._rows) if values[5]]

    def item(self) -> MergeItem | None:
        return self._item

    def choose(self, row: int, choice: FieldChoice) -> None:
        if 0 <= row < len(self._rows) and self._rows[row][5]:
            self.choices[self._rows[row][0]] = choice
            self.dataChanged.emit(self.index(row, 4), self.index(row, 4))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self._item
        if section == 0:
            return translate("Exchange", "Veld")
        if section == 1:
            return translate("Exchange", "Gemeenschappelijke versie")
        if section == 2:
            when = local_time(item.mine.updated_at) if item and item.mine else ""
            return translate("Exchange", "Mijn versie ({when})").format(when=when)
        if section == 3:
            when = local_time(item.theirs.updated_at) if item and item.theirs else ""
            return translate("Exchange", "Hun versie ({when})").format(when=when)
        return translate("Exchange", "Blijft")

    def _outcome(self, row: int) -> str:
        from db.exchange.merge import Choice, Edited

        key, _label, _base, _mine, _theirs, conflict = self._rows[row]
        if conflict:
            choice = self.choices.get(key)
            if choice is None:
                return translate("Exchange", "nog kiezen")
            if isinstance(choice, Edited):
                return (
                    translate("Exchange", "zelf aangepast:") + "\n" + json_text(key, choice.value)
                )
            return (
                translate("Exchange", "hun versie")
                if choice is Choice.THEIRS
                else translate("Exchange", "mijn versie")
            )
        item = self._item
        assert item is not None
        merge = next(f for f in item.fields if f.name == key)
        if merge.merged.for_mine == merge.mine:
            return translate("Exchange", "mijn versie (automatisch)")
        if merge.merged.for_mine == merge.theirs:
            return translate("Exchange", "hun versie (automatisch)")
        return translate("Exchange", "beide samen (automatisch)")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        conflict = row[5]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 4:
                return self._outcome(index.row())
            return row[index.column() + 1]
        if role == Qt.ItemDataRole.BackgroundRole and conflict:
            return QBrush(changed_background())
        if role == Qt.ItemDataRole.FontRole and conflict and index.column() in (0, 4):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class ConflictListModel(QAbstractTableModel):
    """The networks with a real conflict, with what is chosen so far (nothing until the user
    chooses): a side per conflicting field."""

    def __init__(self, items: Sequence[MergeItem], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items = list(items)
        self.choices: dict[UUID, dict[str, FieldChoice]] = {}

    @staticmethod
    def fields_of(item: MergeItem) -> tuple[str, ...]:
        from db.exchange.merge import MergeStatus

        if item.status is MergeStatus.DELETE_CONFLICT:
            return (DELETED_FIELD,)
        return item.conflict_fields

    def choose(self, row: int, choice: FieldChoice, field: str | None = None) -> None:
        """``choice`` for one field of the network in ``row``, or for all its fields."""
        item = self.items[row]
        chosen = self.choices.setdefault(item.key, {})
        for name in self.fields_of(item) if field is None else (field,):
            chosen[name] = choice
        self.dataChanged.emit(self.index(row, 1), self.index(row, 1))

    def choose_all(self, choice: Choice) -> None:
        for row in range(len(self.items)):
            self.choose(row, choice)

    def decided(self, item: MergeItem) -> bool:
        chosen = self.choices.get(item.key, {})
        return all(name in chosen for name in self.fields_of(item))

    def all_decided(self) -> bool:
        return all(self.decided(item) for item in self.items)

    def decisions(self) -> dict[UUID, Choice | dict[str, FieldChoice]]:
        """What :func:`db.exchange.merge.apply_merge` takes: a side (or a written result) per
        field, or a side per network for a delete conflict."""
        from db.exchange.merge import side_of

        result: dict[UUID, Choice | dict[str, FieldChoice]] = {}
        for item in self.items:
            chosen = self.choices.get(item.key)
            if not chosen:
                continue
            if DELETED_FIELD in chosen and self.fields_of(item) == (DELETED_FIELD,):
                result[item.key] = side_of(chosen[DELETED_FIELD])
            else:
                result[item.key] = dict(chosen)
        return result

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (translate("Exchange", "Netwerk"), translate("Exchange", "Blijft"))[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        from db.exchange.merge import MatchedBy, MergeStatus

        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return item.name
            return self._choice_text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.status is MergeStatus.DELETE_CONFLICT:
                return (
                    translate("Exchange", "Hier verwijderd, daar gewijzigd.")
                    if item.deleted_here
                    else translate("Exchange", "Hier gewijzigd, daar verwijderd.")
                )
            if item.matched_by is MatchedBy.MUNICIPALITY:
                return translate(
                    "Exchange",
                    "Gekoppeld via de hoofdgemeente: de twee versies hebben een verschillende "
                    "id. Kies je hun versie, dan krijgt jouw netwerk hun inhoud en houdt het "
                    "zijn eigen id.",
                )
            return None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.column() == 1
            and not self.decided(item)
        ):
            return QBrush(problem_colour())
        return None

    def _choice_text(self, item: MergeItem) -> str:
        from db.exchange.merge import Choice, side_of

        if not self.decided(item):
            return translate("Exchange", "nog kiezen")
        sides = {side_of(choice) for choice in self.choices[item.key].values()}
        if sides == {Choice.THEIRS}:
            return translate("Exchange", "hun versie")
        if sides == {Choice.MINE}:
            return translate("Exchange", "mijn versie")
        return translate("Exchange", "per veld")


# --- the dialogs ------------------------------------------------------------------------------


class ImportModeDialog(QDialog):
    """What arrived, and how to take it in: merge with my records, or replace them."""

    def __init__(
        self, candidate: ImportCandidate, current_count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importModeDialog")
        self.setWindowTitle(self.tr("Importeren"))
        layout = QVBoxLayout(self)
        incoming = len(candidate.profiles)
        facts = [
            (
                self.tr("<b>{name}</b> bevat 1 netwerk.")
                if incoming == 1
                else self.tr("<b>{name}</b> bevat {count} netwerken.")
            ).format(name=_escape(candidate.source.name), count=incoming)
        ]
        if candidate.program_version or candidate.exported_at:
            facts.append(
                self.tr("Geëxporteerd met Netwerken {version} op {when}.").format(
                    version=_escape(candidate.program_version or "?"),
                    when=local_time(candidate.exported_at) or "?",
                )
            )
        if candidate.migrated:
            facts.append(
                self.tr(
                    "Het bestand komt van een oudere versie van het programma; een kopie ervan "
                    "werd bijgewerkt (het bestand zelf blijft ongewijzigd)."
                )
            )
        facts.append(
            self.tr("Je eigen database bevat nu 1 netwerk.")
            if current_count == 1
            else self.tr("Je eigen database bevat nu {count} netwerken.").format(
                count=current_count
            )
        )
        if not candidate.profiles:
            facts.append(
                self.tr("<b>Let op:</b> vervangen door dit bestand maakt je database leeg.")
            )
        self.facts = QLabel("<br>".join(facts), self)
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)

        self.merge_button = QRadioButton(self.tr("Samenvoegen met mijn gegevens"), self)
        self.merge_button.setChecked(True)
        merge_hint = QLabel(
            self.tr(
                "Nieuwe netwerken worden toegevoegd. Waar beide versies verschillen, kies je per "
                "netwerk welke blijft; niets wordt ongevraagd overschreven."
            ),
            self,
        )
        self.replace_button = QRadioButton(
            self.tr("Mijn gegevens vervangen door dit bestand"), self
        )
        replace_hint = QLabel(
            self.tr(
                "Je huidige database wordt eerst als back-up bewaard; je kunt ze terugzetten "
                "met Bestand › Back-up terugzetten…"
            ),
            self,
        )
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.merge_button)
        self.mode_group.addButton(self.replace_button)
        for widget in (self.merge_button, merge_hint, self.replace_button, replace_hint):
            if isinstance(widget, QLabel):
                widget.setWordWrap(True)
                widget.setIndent(22)
                widget.setObjectName("hint")
            layout.addWidget(widget)

        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Importeren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def mode(self) -> ImportMode:
        return ImportMode.REPLACE if self.replace_button.isChecked() else ImportMode.MERGE


class MergeDialog(QDialog):
    """The networks changed differently on both sides: per field, the common version, mine and
    theirs side by side, and a choice per field (or per network, or for all)."""

    def __init__(
        self, plan: MergePlan, language: str = "nl", parent: QWidget | None = None
    ) -> None:
        from db.exchange.merge import Choice, MergeStatus

        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Samenvoegen: conflicten kiezen"))
        self.plan = plan
        self.conflicts = ConflictListModel(plan.conflicts, self)
        self.fields = FieldComparisonModel(language, self)

        layout = QVBoxLayout(self)
        differ = (
            self.tr("1 netwerk werd aan beide kanten anders gewijzigd ({name}).")
            if len(plan.conflicts) == 1
            else self.tr("{conflicts} netwerken werden aan beide kanten anders gewijzigd ({name}).")
        )
        automatic = plan.having(MergeStatus.TAKE_THEIRS, MergeStatus.COMBINED, MergeStatus.DELETE)
        choose = self.tr(
            "Kies per veld welke versie blijft; de andere velden worden vanzelf samengevoegd. "
            "Daarnaast: {new} nieuw, {automatic} vanzelf overgenomen of gecombineerd, {same} "
            "gelijk of alleen bij jou gewijzigd."
        )
        intro = QLabel(
            f"{differ} {choose}".format(
                conflicts=len(plan.conflicts),
                name=plan.source.name,
                new=len(plan.new),
                automatic=len(automatic),
                same=len(plan.items) - len(plan.new) - len(automatic) - len(plan.conflicts),
            ),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        reason = plan.reason(language)
        self.reason_label = QLabel(reason, self)
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_label.setWordWrap(True)
        self.reason_label.setVisible(bool(reason))
        layout.addWidget(self.reason_label)

        self.conflict_view = QTableView(self)
        self.conflict_view.setObjectName("conflictList")
        self.conflict_view.setModel(self.conflicts)
        self.conflict_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflict_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflict_view.verticalHeader().hide()
        self.conflict_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.conflict_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )

        self.field_view = QTableView(self)
        self.field_view.setObjectName("fieldComparison")
        self.field_view.setModel(self.fields)
        self.field_view.setWordWrap(True)
        self.field_view.verticalHeader().hide()
        self.field_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.field_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.field_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.fields.modelReset.connect(self.field_view.resizeRowsToContents)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.field_view, 1)
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel(self.tr("Voor dit veld:"), right))
        self.mine_button = QRadioButton(self.tr("Mijn versie"), right)
        self.theirs_button = QRadioButton(self.tr("Hun versie"), right)
        self.choice_group = QButtonGroup(self)
        for button, choice in (
            (self.mine_button, Choice.MINE),
            (self.theirs_button, Choice.THEIRS),
        ):
            button.setProperty("choice", choice.value)
            self.choice_group.addButton(button)
            choice_row.addWidget(button)
        # Neither side may be right: the officer writes the result (text fields and lists of
        # texts; also by double-clicking the outcome).
        self.edit_button = QPushButton(self.tr("Zelf aanpassen…"), right)
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(lambda _checked=False: self.edit_field())
        choice_row.addWidget(self.edit_button)
        self.editor: FieldEditDialog | None = None
        self._language = language
        choice_row.addSpacing(24)
        choice_row.addWidget(QLabel(self.tr("Voor dit netwerk:"), right))
        self.network_mine = QPushButton(self.tr("Overal mijn versie"), right)
        self.network_theirs = QPushButton(self.tr("Overal hun versie"), right)
        for network_button, choice in (
            (self.network_mine, Choice.MINE),
            (self.network_theirs, Choice.THEIRS),
        ):
            network_button.setAutoDefault(False)
            network_button.clicked.connect(
                lambda _checked=False, choice=choice: self.choose_network(choice)
            )
            choice_row.addWidget(network_button)
        choice_row.addStretch(1)
        right_layout.addLayout(choice_row)
        self.choice_group.buttonClicked.connect(self._on_choice_clicked)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.conflict_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        layout.addWidget(splitter, 1)

        all_row = QHBoxLayout()
        all_row.addWidget(QLabel(self.tr("Voor alle conflicten:"), self))
        self.all_mine = QPushButton(self.tr("Mijn versie"), self)
        self.all_theirs = QPushButton(self.tr("Hun versie"), self)
        for all_button, choice in ((self.all_mine, Choice.MINE), (self.all_theirs, Choice.THEIRS)):
            all_button.setAutoDefault(False)
            all_button.clicked.connect(
                lambda _checked=False, choice=choice: self.choose_all(choice)
            )
            all_row.addWidget(all_button)
        all_row.addStretch(1)
        layout.addLayout(all_row)

        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Samenvoegen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.conflict_view.selectionModel().currentRowChanged.connect(self._show_row)
        self.field_view.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_choice()
        )
        self.field_view.doubleClicked.connect(self._on_field_double_clicked)
        self.conflicts.dataChanged.connect(self._update_buttons)
        if plan.conflicts:
            self.conflict_view.selectRow(0)
        self._update_buttons()
        self.resize(1200, 700)

    def current_row(self) -> int:
        index = self.conflict_view.currentIndex()
        return index.row() if index.isValid() else -1

    def current_field_row(self) -> int:
        index = self.field_view.currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int) -> None:
        self.conflict_view.selectRow(row)

    def select_field(self, name: str) -> None:
        for row in range(self.fields.rowCount()):
            if self.fields.field_name(row) == name:
                self.field_view.selectRow(row)
                return

    def choose(self, choice: FieldChoice) -> None:
        """The choice for the field shown (of the network shown)."""
        row, field_row = self.current_row(), self.current_field_row()
        if row < 0 or field_row < 0 or not self.fields.is_different(field_row):
            return
        name = self.fields.field_name(field_row)
        self.conflicts.choose(row, choice, name)
        self.fields.choose(field_row, choice)
        self._show_choice()

    def choose_network(self, choice: Choice) -> None:
        row = self.current_row()
        if row >= 0:
            self.conflicts.choose(row, choice)
            self._refresh_fields()

    def choose_all(self, choice: Choice) -> None:
        self.conflicts.choose_all(choice)
        self._refresh_fields()

    def choices(self) -> dict[UUID, Choice | dict[str, FieldChoice]]:
        return self.conflicts.decisions()

    def can_edit(self) -> bool:
        """Whether the field shown is a conflict whose result the officer may write."""
        from db.exchange.merge import editable

        field_row = self.current_field_row()
        return (
            self.current_row() >= 0
            and field_row >= 0
            and self.fields.is_different(field_row)
            and editable(self.fields.field_name(field_row))
        )

    def edit_field(self) -> FieldEditDialog | None:
        """Open the editor for the field shown, with what stays so far (mine when nothing is
        chosen). It is not modal to the application (``open``, not ``exec``): the choice is
        taken when the editor accepts a text that the record's rules accept."""
        from db.exchange.merge import Choice, Edited, edit_field, edit_text, side_of
        from desktop.exchange.field_editor import FieldEditDialog

        if not self.can_edit():
            return None
        item = self.fields.item()
        assert item is not None
        field_row = self.current_field_row()
        name = self.fields.field_name(field_row)
        merge = next(f for f in item.fields if f.name == name)
        chosen = self.fields.choices.get(name)
        if isinstance(chosen, Edited):
            value = chosen.value
        elif chosen is not None and side_of(chosen) is Choice.THEIRS:
            value = merge.merged.for_theirs
        else:
            value = merge.merged.for_mine
        others = {n: c for n, c in self.fields.choices.items() if n != name}
        editor = FieldEditDialog(
            field_label(name, self._language),
            edit_text(name, value),
            lambda text: edit_field(item, name, text, others),
            one_per_line=isinstance(merge.mine, list) or isinstance(merge.theirs, list),
            language=self._language,
            parent=self,
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        row = self.current_row()

        def take() -> None:
            if editor.decided is None:
                return
            if self.current_row() == row:
                self.select_field(name)
                self.choose(editor.decided)
            else:  # the officer looked at another network meanwhile
                self.conflicts.choose(row, editor.decided, name)

        editor.edited.connect(take)
        editor.finished.connect(lambda _result: setattr(self, "editor", None))
        self.editor = editor
        editor.open()
        return editor

    def _refresh_fields(self) -> None:
        field_row = self.current_field_row()
        row = self.current_row()
        if row >= 0:
            item = self.conflicts.items[row]
            self.fields.set_item(item, self.conflicts.choices.setdefault(item.key, {}))
            if field_row >= 0:
                self.field_view.selectRow(field_row)
        self._show_choice()

    def _on_field_double_clicked(self, index: QModelIndex) -> None:
        if index.column() == 4:
            self.edit_field()

    def _on_choice_clicked(self, button: QRadioButton) -> None:
        from db.exchange.merge import Choice

        self.choose(Choice(button.property("choice")))

    def _show_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        if row >= 0:
            item = self.conflicts.items[row]
            self.fields.set_item(item, self.conflicts.choices.setdefault(item.key, {}))
            conflict_rows = self.fields.conflict_rows()
            if conflict_rows:
                self.field_view.selectRow(conflict_rows[0])
        else:
            self.fields.set_item(None)
        self._show_choice()

    def _show_choice(self) -> None:
        from db.exchange.merge import side_of

        field_row = self.current_field_row()
        choosable = field_row >= 0 and self.fields.is_different(field_row)
        choice = self.fields.choices.get(self.fields.field_name(field_row)) if choosable else None
        side = side_of(choice).value if choice is not None else None
        self.choice_group.setExclusive(False)
        for button in self.choice_group.buttons():
            button.setChecked(button.property("choice") == side)
            button.setEnabled(choosable)
        self.choice_group.setExclusive(True)
        self.edit_button.setEnabled(self.can_edit())

    def _update_buttons(self) -> None:
        decided = self.conflicts.all_decided()
        self.ok_button.setEnabled(decided)
        missing = sum(1 for item in self.conflicts.items if not self.conflicts.decided(item))
        self.ok_button.setToolTip(
            ""
            if decided
            else self.tr("Nog 1 netwerk te kiezen")
            if missing == 1
            else self.tr("Nog {count} netwerken te kiezen").format(count=missing)
        )


# Marked for lupdate here, translated where shown.
_REASONS: dict[str, object] = {
    "dagelijks": QT_TRANSLATE_NOOP("Exchange", "Dagelijkse back-up"),
    "voor-vervangen": QT_TRANSLATE_NOOP("Exchange", "Voor het vervangen bij een import"),
    "voor-samenvoegen": QT_TRANSLATE_NOOP("Exchange", "Voor het samenvoegen bij een import"),
    "voor-migratie": QT_TRANSLATE_NOOP("Exchange", "Voor het bijwerken naar een nieuwe versie"),
    "voor-terugzetten": QT_TRANSLATE_NOOP("Exchange", "Voor het terugzetten van een back-up"),
    "handmatig": QT_TRANSLATE_NOOP("Exchange", "Handmatig"),
}


def reason_text(reason: str) -> str:
    known = _REASONS.get(reason)
    return translate("Exchange", str(known)) if known else reason


class BackupListModel(QAbstractTableModel):
    def __init__(self, backups: Sequence[BackupInfo], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backups = list(backups)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("Exchange", "Gemaakt op"),
                translate("Exchange", "Netwerken"),
                translate("Exchange", "Waarom"),
                translate("Exchange", "Bestand"),
            )[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self.backups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return format_datetime(info.made_at)
            if index.column() == 1:
                return (
                    translate("Exchange", "onleesbaar")
                    if info.networks is None
                    else str(info.networks)
                )
            if index.column() == 2:
                return reason_text(info.reason)
            return info.path.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupDialog(QDialog):
    """The automatic backups, newest first, with date and record count; pick one to restore."""

    def __init__(self, backups: Sequence[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back-up terugzetten"))
        self.model = BackupListModel(backups, self)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Kies de back-up die je wilt terugzetten. De huidige toestand van de database "
                "wordt eerst als back-up bewaard, zodat je ook dit kunt terugdraaien."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.view = QTableView(self)
        self.view.setObjectName("backupList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.accept())
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Terugzetten"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        if backups:
            self.view.selectRow(0)
        self._update_buttons()
        self.resize(760, 420)

    def chosen(self) -> BackupInfo | None:
        index = self.view.currentIndex()
        rows = self.view.selectionModel().selectedRows()
        if not rows or not index.isValid():
            return None
        return self.model.backups[rows[0].row()]

    def _update_buttons(self) -> None:
        self.ok_button.setEnabled(bool(self.view.selectionModel().selectedRows()))


# --- the questions (a test replaces these) ----------------------------------------------------


def ask_import_mode(
    parent: QWidget | None, candidate: ImportCandidate, current_count: int
) -> ImportMode | None:
    dialog = ImportModeDialog(candidate, current_count, parent)
    try:
        return dialog.mode() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_merge_choices(
    parent: QWidget | None, plan: MergePlan, language: str = "nl"
) -> dict[UUID, Choice | dict[str, FieldChoice]] | None:
    dialog = MergeDialog(plan, language, parent)
    try:
        return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def choose_backup(parent: QWidget | None, backups: Sequence[BackupInfo]) -> BackupInfo | None:
    dialog = BackupDialog(backups, parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_import_path(parent: QWidget | None, start: Path | None) -> Path | None:
    with dialogs.roomy_file_dialogs():
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            translate("Exchange", "Database of uitwisselbestand importeren"),
            str(start or dialogs.start_folder()),
            translate(
                "Exchange",
                "Netwerken-database of JSON-uitwisselbestand (*.sqlite *.db *.json);;"
                "Alle bestanden (*)",
            ),
        )
    dialogs.remember_folder(name)
    return Path(name) if name else None


def ask_export_database_path(parent: QWidget | None, suggested: Path) -> Path | None:
    with dialogs.roomy_file_dialogs():
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            translate("Exchange", "Database exporteren"),
            str(suggested),
            translate("Exchange", "Netwerken-database (*.sqlite)"),
        )
    if not name:
        return None
    dialogs.remember_folder(name)
    path = Path(name)
    return path if path.suffix else path.with_suffix(".sqlite")


def _format_filters() -> dict[str, ExportFormat]:
    return {
        translate("Exchange", "Excel-werkmap (*.xlsx)"): ExportFormat.XLSX,
        translate("Exchange", "CSV voor Excel (*.csv)"): ExportFormat.CSV,
        translate("Exchange", "JSON-uitwisselbestand, volledig (*.json)"): ExportFormat.JSON,
    }


def ask_export_other_path(
    parent: QWidget | None, suggested: Path
) -> tuple[Path, ExportFormat] | None:
    filters = _format_filters()
    with dialogs.roomy_file_dialogs():
        name, chosen_filter = QFileDialog.getSaveFileName(
            parent,
            translate("Exchange", "Exporteren als JSON, CSV of Excel"),
            str(suggested),
            ";;".join(filters),
        )
    if not name:
        return None
    dialogs.remember_folder(name)
    path = Path(name)
    by_suffix = {f".{kind.value}": kind for kind in ExportFormat}
    kind = by_suffix.get(path.suffix.lower()) or filters.get(chosen_filter, ExportFormat.XLSX)
    if path.suffix.lower() not in by_suffix:
        path = path.with_name(path.name + f".{kind.value}")
    return path, kind


# --- the controller ---------------------------------------------------------------------------


class ExchangeController(QObject):
    """The exchange actions of one main window, working on whatever database it has open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("exchangeController")
        self.window = window

    def install(self) -> None:
        window = self.window
        window.enable_action(window.action_import_db, self.import_file)
        window.enable_action(window.action_export_db, self.export_database)
        window.enable_action(window.action_export_other, self.export_other)
        window.enable_action(window.action_restore_backup, self.restore_backup)

    # helpers ------------------------------------------------------------------------------------

    @property
    def _language(self) -> str:
        return self.window.language

    def _text(self, error: StoreError | DatabaseFileError) -> str:
        return error.english if self._language == "en" else str(error)

    def _start_folder(self) -> Path:
        # The last folder used, or Documents: not the live database's folder.
        return dialogs.start_folder()

    @property
    def _without_personal_data(self) -> bool:
        return self.window.action_without_personal_data.isChecked()

    def _exported(self, count: int, path: Path) -> str:
        if self._without_personal_data:
            return self.tr(
                "{count} netwerk(en) zonder persoonsgegevens geëxporteerd naar {path}"
            ).format(count=count, path=path)
        if count == 1:
            return self.tr("1 netwerk geëxporteerd naar {path}").format(path=path)
        return self.tr("{count} netwerken geëxporteerd naar {path}").format(count=count, path=path)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def _announce_reload(self) -> None:
        self.window.session.announce(Change(ChangeKind.RELOADED))

    # export -------------------------------------------------------------------------------------

    def export_database(self) -> Path | None:
        from db.exchange.database_file import export_database

        stamp = datetime.now().strftime("%Y-%m-%d")
        suggested = self._start_folder() / f"netwerken-export-{stamp}.sqlite"
        target = ask_export_database_path(self.window, suggested)
        if target is None:
            return None
        store = self.window.session.store
        try:
            report = run_with_progress(
                self.window,
                self.tr("De database wordt geëxporteerd…"),
                lambda: export_database(
                    store, target, without_personal_data=self._without_personal_data
                ),
            )
        except (StoreError, DatabaseFileError) as error:
            dialogs.show_error(self.window, self.tr("Export mislukt"), self._text(error))
            return None
        self._status(self._exported(report.networks, report.path))
        return report.path

    def export_other(self) -> Path | None:
        stamp = datetime.now().strftime("%Y-%m-%d")
        answer = ask_export_other_path(
            self.window, self._start_folder() / f"netwerken-{stamp}.xlsx"
        )
        if answer is None:
            return None
        target, kind = answer
        store = self.window.session.store

        without = self._without_personal_data

        def work() -> int:
            from db.storage.atomic import refuse_protected_target

            refuse_protected_target(target, store.path)
            profiles: Iterable[NetworkProfile] = store.iter_profiles()
            if without:
                from db.storage.personal_names import without_personal_data

                profiles = without_personal_data(store, profiles)
            if kind is ExportFormat.JSON:
                from db.exchange.interchange import dump_json

                return dump_json(profiles, target)
            if kind is ExportFormat.CSV:
                from db.exchange.tabular import export_csv

                return export_csv(profiles, target)
            from db.exchange.tabular import export_xlsx

            return export_xlsx(profiles, target)

        try:
            count = run_with_progress(self.window, self.tr("Bezig met exporteren…"), work)
        except (StoreError, DatabaseFileError) as error:
            dialogs.show_error(self.window, self.tr("Export mislukt"), self._text(error))
            return None
        except OSError as error:
            dialogs.show_error(
                self.window,
                self.tr("Export mislukt"),
                self.tr("{name} kon niet geschreven worden: {reason}").format(
                    name=target.name, reason=error.strerror or error
                ),
            )
            return None
        self._status(self._exported(count, target))
        return target

    # import -------------------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> bool:
        """Bestand › Database importeren…: a database file or a JSON interchange file."""
        window = self.window
        if not window.confirm_leave_record():
            return False
        if path is None:
            path = ask_import_path(window, self._start_folder())
            if path is None:
                return False
        try:
            candidate = run_cancellable(
                window,
                self.tr("Het bestand wordt gecontroleerd…"),
                lambda cancelled: read_offered(path, cancelled),
            )
        except ImportCancelled:
            self._status(self.tr("Import gestopt; je database is ongewijzigd."))
            return False
        except (StoreError, DatabaseFileError) as error:
            self._refused(error)
            return False
        store = window.session.store
        mode = ask_import_mode(window, candidate, store.count())
        if mode is None:
            return False
        try:
            if mode is ImportMode.REPLACE:
                return self._replace(candidate)
            return self._merge(candidate)
        except (StoreError, DatabaseFileError) as error:
            dialogs.show_error(
                window,
                self.tr("Import mislukt"),
                self.tr("{reason}\n\nEr werd niets gewijzigd.").format(reason=self._text(error)),
            )
            return False

    def _refused(self, error: StoreError | DatabaseFileError) -> None:
        from db.exchange.database_file import ImportFileError

        text = self._text(error)
        if not isinstance(error, ImportFileError):
            text += "\n\n" + self.tr("Er werd niets ingelezen; je eigen database is ongewijzigd.")
        dialogs.show_error(self.window, self.tr("Niet geïmporteerd"), text)

    def _replace(self, candidate: ImportCandidate) -> bool:
        from db.exchange.merge import replace_with

        store = self.window.session.store
        report = run_with_progress(
            self.window,
            self.tr("De gegevens worden vervangen…"),
            lambda: replace_with(store, candidate),
        )
        self._announce_reload()
        dialogs.show_info(self.window, self.tr("Import klaar"), report.summary(self._language))
        return True

    def _merge(self, candidate: ImportCandidate) -> bool:
        from db.exchange.merge import apply_merge, plan_merge

        store = self.window.session.store
        plan = run_with_progress(
            self.window,
            self.tr("De versies worden vergeleken…"),
            lambda: plan_merge(store, candidate),
        )
        choices: dict[UUID, Choice | dict[str, FieldChoice]] = {}
        if plan.conflicts:
            asked = ask_merge_choices(self.window, plan, self._language)
            if asked is None:
                return False
            choices = asked
        report = run_with_progress(
            self.window,
            self.tr("De gegevens worden samengevoegd…"),
            lambda: apply_merge(store, plan, choices),
        )
        self._announce_reload()
        text = report.summary(self._language)
        if report.backup is not None:
            text += "\n\n" + self.tr("Back-up van de toestand ervoor: {name}").format(
                name=report.backup.name
            )
        dialogs.show_info(self.window, self.tr("Samenvoegen klaar"), text)
        return True

    # backups ------------------------------------------------------------------------------------

    def restore_backup(self) -> bool:
        from db.exchange.database_file import restore_backup
        from db.storage.backup import list_backups

        window = self.window
        path = window.session.path
        if path is None or not window.confirm_leave_record():
            return False
        backups = list_backups(path)
        if not backups:
            dialogs.show_info(
                window,
                self.tr("Back-up terugzetten"),
                self.tr("Er zijn nog geen back-ups van deze database."),
            )
            return False
        chosen = choose_backup(window, backups)
        if chosen is None:
            return False
        store = window.session.store
        try:
            report = run_with_progress(
                window,
                self.tr("De back-up wordt teruggezet…"),
                lambda: restore_backup(store, chosen),
            )
        except (StoreError, DatabaseFileError) as error:
            dialogs.show_error(
                window,
                self.tr("Terugzetten mislukt"),
                self.tr("{reason}\n\nEr werd niets gewijzigd.").format(reason=self._text(error)),
            )
            return False
        self._announce_reload()
        dialogs.show_info(
            window,
            self.tr("Back-up teruggezet"),
            self.tr("Teruggezet: de back-up van {when}.").format(
                when=format_datetime(chosen.made_at)
            )
            + "\n"
            + report.summary(self._language),
        )
        return True

    def backup_daily(self) -> Path | None:
        """Once a day on start: a quiet backup; a failure is told in the status bar only."""
        from db.storage.backup import backup_daily

        path = self.window.session.path
        if path is None:
            return None
        try:
            made = backup_daily(path)
        except (OSError, sqlite3.Error) as error:
            self._status(
                self.tr("De dagelijkse back-up is niet gelukt: {reason}").format(reason=error)
            )
            return None
        if made is not None:
            self._status(self.tr("Dagelijkse back-up gemaakt: {name}").format(name=made.name))
        return made


def read_offered(path: Path, cancelled: Callable[[], bool] | None = None) -> ImportCandidate:
    """A database file (by its first bytes) or a JSON interchange file, read without trust."""
    from db.exchange.database_file import inspect_import
    from db.storage.paths import NotARegularFileError, require_regular_file

    try:
        require_regular_file(path)  # a named pipe would block the read below for good
        with path.open("rb") as handle:
            head = handle.read(64)
    except NotARegularFileError:
        return inspect_import(path, cancelled=cancelled)  # which refuses it with its sentence
    except OSError:
        head = b""
    looks_like_json = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    if not head.startswith(SQLITE_MAGIC) and (looks_like_json or path.suffix.lower() == ".json"):
        from db.exchange.interchange import load_json

        return load_json(path, cancelled=cancelled)
    return inspect_import(path, cancelled=cancelled)


def install_exchange(window: MainWindow, *, daily_backup: bool = True) -> ExchangeController:
    """Connect the exchange actions of ``window``; the daily backup runs once the list has been
    painted (a copy of a large file must not hold up the window's first paint)."""
    controller = ExchangeController(window)
    controller.install()
    if daily_backup:
        window.after_first_paint(controller.backup_daily)
    return controller


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
