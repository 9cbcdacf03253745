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
from functools import cache
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
    QCheckBox,
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
from db.model.errors import StoreError
from db.model.formats import format_datetime, format_euro, format_period, local_time
from db.storage.backup import BackupInfo
from db.storage.dbfile import SQLITE_MAGIC, DatabaseFileError
from db.storage.locations import export_folder
from desktop import dialogs
from desktop.style import changed_background, problem_colour

if TYPE_CHECKING:
    # db.exchange.merge, db.model.messages and db.model.schemas load SQLAlchemy and pydantic: the window installs
    # this module at start-up, so they are imported where a dialog first needs them.
    from db.exchange.merge import Choice, ImportCandidate, MergeItem, MergePlan
    from db.model.schemas import NetworkProfile
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
    outcome: list[_T] = []
    failure: list[BaseException] = []
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def target() -> None:
        try:
            outcome.append(work())
        except BaseException as error:
            failure.append(error)
        finally:
            done.finished.emit()

    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setWindowTitle(translate("Exchange", "Even geduld"))
    progress.setCancelButton(None)  # type: ignore[arg-type]
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
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


def field_text(profile: NetworkProfile, name: str) -> str:
    """A field of a record as readable text, the same way for both versions."""
    value = getattr(profile, name)
    if name == "municipalities" or name == "instruments":
        return ", ".join(value)
    if name == "province":
        return value.value if value else ""
    if name == "drawing_right_eur":
        return format_euro(value, cents=True)
    if name == "agreement_periods":
        return "\n".join(format_period(p.ordinal, p.start_year, p.end_year) for p in value)
    if name == "partners":
        return "\n".join(f"{p.name} — {p.description}" if p.description else p.name for p in value)
    if name == "contacts":
        return "\n".join(
            ", ".join(x for x in (c.name, c.role, c.organisation, c.email, c.phone) if x)
            for c in value
        )
    if name == "sections":
        return "\n\n".join(f"{s.title}\n{s.body}".strip() for s in value)
    if name == "goals":
        lines = []
        for goal in value:
            lines.append(goal.title)
            for action in goal.actions:
                lines.append(f"  • {action.text}")
                lines.extend(f"      – {child.text}" for child in action.children)
        return "\n".join(lines)
    if name == "actions":
        lines = []
        for action in value:
            lines.append(f"• {action.text}")
            lines.extend(f"    – {child.text}" for child in action.children)
        return "\n".join(lines)
    if name in ("captions", "credits"):
        return "\n".join(value)
    return "" if value is None else str(value)


@cache
def content_fields() -> tuple[str, ...]:
    from db.exchange.merge import BOOKKEEPING
    from db.model.schemas import NetworkProfile

    return tuple(name for name in NetworkProfile.model_fields if name not in BOOKKEEPING)


def field_label(name: str, language: str) -> str:
    from db.model.messages import FIELD_LABELS

    labels = FIELD_LABELS.get(name, (name, name))
    return labels[1] if language == "en" else labels[0]


class FieldComparisonModel(QAbstractTableModel):
    """Field | my version | their version, for one network; differing rows are highlighted."""

    def __init__(self, language: str = "nl", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._item: MergeItem | None = None
        self._rows: list[tuple[str, str, str, bool]] = []
        self._only_differences = True

    def set_item(self, item: MergeItem | None) -> None:
        self.beginResetModel()
        self._item = item
        self._fill()
        self.endResetModel()

    def set_only_differences(self, only: bool) -> None:
        self.beginResetModel()
        self._only_differences = only
        self._fill()
        self.endResetModel()

    def _fill(self) -> None:
        self._rows = []
        item = self._item
        if item is None or item.mine is None:
            return
        for name in content_fields():
            different = name in item.differing
            if self._only_differences and not different:
                continue
            self._rows.append(
                (
                    field_label(name, self._language),
                    field_text(item.mine, name),
                    field_text(item.theirs, name),
                    different,
                )
            )

    def is_different(self, row: int) -> bool:
        return self._rows[row][3]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self._item
        if section == 0:
            return translate("Exchange", "Veld")
        if section == 1:
            when = local_time(item.mine.updated_at) if item and item.mine else ""
            return translate("Exchange", "Mijn versie ({when})").format(when=when)
        when = local_time(item.theirs.updated_at) if item else ""
        return translate("Exchange", "Hun versie ({when})").format(when=when)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label, mine, theirs, different = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (label, mine, theirs)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and different:
            return QBrush(changed_background())
        if role == Qt.ItemDataRole.FontRole and different and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class ConflictListModel(QAbstractTableModel):
    """The networks that differ, with the choice made for each (none until the user chooses)."""

    def __init__(self, items: Sequence[MergeItem], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items = list(items)
        self.choices: dict[UUID, Choice] = {}

    def choose(self, row: int, choice: Choice) -> None:
        self.choices[self.items[row].key] = choice
        self.dataChanged.emit(self.index(row, 1), self.index(row, 1))

    def choose_all(self, choice: Choice) -> None:
        for item in self.items:
            self.choices[item.key] = choice
        if self.items:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.items) - 1, 1))

    def all_decided(self) -> bool:
        return all(item.key in self.choices for item in self.items)

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
        from db.exchange.merge import MatchedBy

        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return item.mine.name if item.mine else item.theirs.name
            return self._choice_text(item)
        if role == Qt.ItemDataRole.ToolTipRole and item.matched_by is MatchedBy.MUNICIPALITY:
            return translate(
                "Exchange",
                "Gekoppeld via de hoofdgemeente: de twee versies hebben een verschillende id. Kies "
                "je hun versie, dan krijgt jouw netwerk hun inhoud en houdt het zijn eigen id.",
            )
        undecided = item.key not in self.choices
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and undecided:
            return QBrush(problem_colour())
        return None

    def _choice_text(self, item: MergeItem) -> str:
        from db.exchange.merge import Choice

        choice = self.choices.get(item.key)
        if choice is None:
            return translate("Exchange", "nog kiezen")
        if choice is Choice.MINE:
            return translate("Exchange", "mijn versie")
        if choice is Choice.THEIRS:
            return translate("Exchange", "hun versie")
        side = item.resolve(Choice.NEWEST)
        return (
            translate("Exchange", "de nieuwste (hun versie)")
            if side is Choice.THEIRS
            else translate("Exchange", "de nieuwste (mijn versie)")
        )


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
    """The networks both sides changed, side by side, field by field; a choice per network."""

    def __init__(
        self, plan: MergePlan, language: str = "nl", parent: QWidget | None = None
    ) -> None:
        from db.exchange.merge import Choice

        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Samenvoegen: verschillen kiezen"))
        self.plan = plan
        self.conflicts = ConflictListModel(plan.conflicts, self)
        self.fields = FieldComparisonModel(language, self)

        layout = QVBoxLayout(self)
        differ = (
            self.tr("1 netwerk verschilt tussen je eigen database en {name}.")
            if len(plan.conflicts) == 1
            else self.tr("{conflicts} netwerken verschillen tussen je eigen database en {name}.")
        )
        choose = self.tr(
            "Kies per netwerk welke versie blijft. Daarnaast: {new} nieuw, {same} gelijk, "
            "{mine} alleen bij jou (die blijven zoals ze zijn)."
        )
        intro = QLabel(
            f"{differ} {choose}".format(
                conflicts=len(plan.conflicts),
                name=plan.source.name,
                new=len(plan.new),
                same=len(plan.identical),
                mine=plan.only_mine,
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

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
        self.field_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.field_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.fields.modelReset.connect(self.field_view.resizeRowsToContents)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.only_differences = QCheckBox(self.tr("Alleen de verschillen tonen"), right)
        self.only_differences.setChecked(True)
        self.only_differences.toggled.connect(self.fields.set_only_differences)
        right_layout.addWidget(self.only_differences)
        right_layout.addWidget(self.field_view, 1)
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel(self.tr("Voor dit netwerk:"), right))
        self.mine_button = QRadioButton(self.tr("Mijn versie"), right)
        self.theirs_button = QRadioButton(self.tr("Hun versie"), right)
        self.newest_button = QRadioButton(self.tr("De nieuwste"), right)
        self.choice_group = QButtonGroup(self)
        for button, choice in (
            (self.mine_button, Choice.MINE),
            (self.theirs_button, Choice.THEIRS),
            (self.newest_button, Choice.NEWEST),
        ):
            button.setProperty("choice", choice.value)
            self.choice_group.addButton(button)
            choice_row.addWidget(button)
        choice_row.addStretch(1)
        right_layout.addLayout(choice_row)
        self.choice_group.buttonClicked.connect(self._on_choice_clicked)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.conflict_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        all_row = QHBoxLayout()
        all_row.addWidget(QLabel(self.tr("Voor alle netwerken:"), self))
        self.all_mine = QPushButton(self.tr("Mijn versie"), self)
        self.all_theirs = QPushButton(self.tr("Hun versie"), self)
        self.all_newest = QPushButton(self.tr("De nieuwste"), self)
        for all_button, choice in (
            (self.all_mine, Choice.MINE),
            (self.all_theirs, Choice.THEIRS),
            (self.all_newest, Choice.NEWEST),
        ):
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
        self.conflicts.dataChanged.connect(self._update_buttons)
        if plan.conflicts:
            self.conflict_view.selectRow(0)
        self._update_buttons()
        self.resize(1100, 680)

    def current_row(self) -> int:
        index = self.conflict_view.currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int) -> None:
        self.conflict_view.selectRow(row)

    def choose(self, choice: Choice) -> None:
        """The choice for the network shown."""
        row = self.current_row()
        if row >= 0:
            self.conflicts.choose(row, choice)
            self._show_choice(row)

    def choose_all(self, choice: Choice) -> None:
        self.conflicts.choose_all(choice)
        self._show_choice(self.current_row())

    def choices(self) -> dict[UUID, Choice]:
        return dict(self.conflicts.choices)

    def _on_choice_clicked(self, button: QRadioButton) -> None:
        from db.exchange.merge import Choice

        self.choose(Choice(button.property("choice")))

    def _show_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        self.fields.set_item(self.conflicts.items[row] if row >= 0 else None)
        self._show_choice(row)

    def _show_choice(self, row: int) -> None:
        from db.exchange.merge import Choice

        choice = self.conflicts.choices.get(self.conflicts.items[row].key) if row >= 0 else None
        if row >= 0:
            item = self.conflicts.items[row]
            newest = item.resolve(Choice.NEWEST)
            self.newest_button.setText(
                self.tr("De nieuwste (hun versie)")
                if newest is Choice.THEIRS
                else self.tr("De nieuwste (mijn versie)")
            )
        self.choice_group.setExclusive(False)
        for button in self.choice_group.buttons():
            button.setChecked(choice is not None and button.property("choice") == choice.value)
            button.setEnabled(row >= 0)
        self.choice_group.setExclusive(True)

    def _update_buttons(self) -> None:
        decided = self.conflicts.all_decided()
        self.ok_button.setEnabled(decided)
        missing = sum(1 for item in self.conflicts.items if item.key not in self.conflicts.choices)
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
) -> dict[UUID, Choice] | None:
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
            candidate = run_with_progress(
                window, self.tr("Het bestand wordt gecontroleerd…"), lambda: read_offered(path)
            )
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
        choices: dict[UUID, Choice] = {}
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


def read_offered(path: Path) -> ImportCandidate:
    """A database file (by its first bytes) or a JSON interchange file, read without trust."""
    from db.exchange.database_file import inspect_import

    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        head = b""
    looks_like_json = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    if not head.startswith(SQLITE_MAGIC) and (looks_like_json or path.suffix.lower() == ".json"):
        from db.exchange.interchange import load_json

        return load_json(path)
    return inspect_import(path)


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
