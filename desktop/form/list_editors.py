"""Editors for the lists of a record: tables of rows (agreement periods, partners, contacts,
captions) and the master-detail editor of the other sections.

Rows are edited as text; turning "2014" into a year is the schema's job, and so is refusing
"abc". A problem the schema reports for row 3, column e-mail is shown on that very cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.model.messages import FieldProblem
from desktop.form.form_widgets import FieldEditor, GrowingTextEdit, route_undo_keys, set_invalid
from desktop.icons import icon
from desktop.style import problem_background

ModelIndex = QModelIndex | QPersistentModelIndex
# Roles that change how a cell looks, not what it holds (the marks of a problem).
LOOK_ROLES = frozenset(
    {
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


def only_looks_changed(roles: Sequence[int]) -> bool:
    """True when a ``dataChanged`` is about marks only. A view hands every change to the cell
    editor that is open, which then loses what was typed and its selection (the next keys were
    appended to the old text): a mark is no reason for that."""
    return bool(roles) and all(Qt.ItemDataRole(role) in LOOK_ROLES for role in roles)


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    title: str
    width: int = 0  # 0: share the rest, in proportion to ``weight``
    weight: int = 1
    multiline: bool = False
    number: bool = False  # whole numbers: digits become an int, anything else goes to the schema
    sample: str = ""  # a typical value: the column is never narrower (no wrapped phone number)


class MultiLineDelegate(QStyledItemDelegate):
    """Edits a cell in a multi-line field: Enter makes a new line, leaving the cell commits."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setUndoRedoEnabled(False)
        route_undo_keys(editor)
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()  # typing replaces the cell, as in a one-line cell
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        line = editor.fontMetrics().lineSpacing()
        rect.setHeight(max(rect.height(), 5 * line + 12))
        editor.setGeometry(rect)


class LineDelegate(QStyledItemDelegate):
    """The usual one-line cell editor, whose undo keys go to the form."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        route_undo_keys(editor)
        return editor


class RowsModel(QAbstractTableModel):
    """Rows of text cells; ``userEdited`` fires for edits made in the view."""

    userEdited = Signal()

    def __init__(self, columns: list[ColumnSpec], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict[str, str]] = []
        self.problems: dict[tuple[int, str | None], str] = {}

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        text = self.rows[index.row()].get(column.key, "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        problem = self.problems.get((index.row(), column.key)) or self.problems.get(
            (index.row(), None)
        )
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(problem_background())
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or text or None  # the whole text of a cell too narrow for it
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = self.columns[index.column()].key
        text = "" if value is None else str(value)
        if self.rows[index.row()].get(key, "") == text:
            return False
        self.rows[index.row()][key] = text
        self.dataChanged.emit(index, index)
        self.userEdited.emit()
        return True

    def set_rows(self, rows: list[dict[str, str]]) -> None:
        self.beginResetModel()
        self.rows = [dict(row) for row in rows]
        self.endResetModel()

    def set_problems(self, problems: dict[tuple[int, str | None], str]) -> None:
        if problems == self.problems:
            return  # no cell looks different: no repaint of every cell
        self.problems = problems
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.rows) - 1, len(self.columns) - 1),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole],
            )


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def small_button(text: str, tip: str, icon_name: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setObjectName("listButton")
    if icon_name:
        button.setIcon(icon(icon_name))
    # Never narrower than its text: a narrow form scrolls rather than cut "Afsprakennota
    # toevoegen" to "fsprakennota toevoege".
    button.setMinimumWidth(button.sizeHint().width())
    return button


class RowsTable(QTableView):
    """A table that tells its owner when its width changed (after its viewport did), and whose
    Tab walks a row left to right, then the next row, and leaves the table after the last cell
    (Qt's own Tab wraps round to the first cell and opened row 1 for editing)."""

    widthChanged = Signal()

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        current = self.currentIndex()
        model = self.model()
        if current.isValid() and model is not None:
            last_row, last_column = model.rowCount() - 1, model.columnCount() - 1
            at_end = current.row() == last_row and current.column() == last_column
            at_start = current.row() == 0 and current.column() == 0
            if cursorAction == QAbstractItemView.CursorAction.MoveNext and at_end:
                return QModelIndex()
            if cursorAction == QAbstractItemView.CursorAction.MovePrevious and at_start:
                return QModelIndex()
        return super().moveCursor(cursorAction, modifiers)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        moves = {
            QAbstractItemDelegate.EndEditHint.EditNextItem: QAbstractItemView.CursorAction.MoveNext,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: (
                QAbstractItemView.CursorAction.MovePrevious
            ),
        }
        move = moves.get(hint)
        leaving = (
            move is not None and not self.moveCursor(move, Qt.KeyboardModifier.NoModifier).isValid()
        )
        super().closeEditor(editor, hint)
        if leaving:
            # Tab after the last cell goes on to the next field, as in the rest of the form.
            self.focusNextPrevChild(hint == QAbstractItemDelegate.EndEditHint.EditNextItem)

    def dataChanged(
        self,
        topLeft: ModelIndex,
        bottomRight: ModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        if only_looks_changed(roles):
            self.viewport().update()
            return
        super().dataChanged(topLeft, bottomRight, list(roles))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.widthChanged.emit()


class TableField(FieldEditor):
    """A list of records as a table, with buttons to add, remove and move rows.

    ``scalar=True`` edits a plain list of texts (one column) instead of a list of dicts.
    """

    def __init__(
        self,
        columns: list[ColumnSpec],
        *,
        add_label: str,
        scalar: bool = False,
        new_row: Callable[[list[dict[str, str]]], dict[str, str]] | None = None,
        max_visible_rows: int = 12,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self._scalar = scalar
        self._new_row = new_row
        self._max_visible_rows = max_visible_rows
        self.model = RowsModel(columns, self)
        self.model.userEdited.connect(self._user_edit)
        self.model.userEdited.connect(self._fit_height)
        self.table = RowsTable(self)
        self.table.widthChanged.connect(self._share_width)
        self.table.widthChanged.connect(self._fit_height)  # wrapped rows change height
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        self._line_delegate = LineDelegate(self.table)
        self._multi_delegate = MultiLineDelegate(self.table)
        for number, column in enumerate(columns):
            delegate = self._multi_delegate if column.multiline else self._line_delegate
            self.table.setItemDelegateForColumn(number, delegate)
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
            if column.width:
                self.table.setColumnWidth(number, column.width)
        header.setStretchLastSection(True)
        if len(columns) == 1:
            header.hide()

        self.add_button = small_button(add_label, add_label)
        self.remove_button = small_button(
            self.tr("Verwijderen"), self.tr("De gekozen rij verwijderen")
        )
        self.up_button = small_button("↑", self.tr("Hoger zetten"))
        self.down_button = small_button("↓", self.tr("Lager zetten"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current_row)
        self.up_button.clicked.connect(lambda: self.move_current_row(-1))
        self.down_button.clicked.connect(lambda: self.move_current_row(1))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.table)
        box.addLayout(buttons)
        self._finish(box)
        self._update_buttons()
        self._fit_height()

    # value --------------------------------------------------------------------------------------

    def value(self) -> list[Any]:
        if self._scalar:
            key = self.columns[0].key
            return [row.get(key, "") for row in self.model.rows]
        result = []
        for row in self.model.rows:
            record: dict[str, Any] = {}
            for column in self.columns:
                text = row.get(column.key, "")
                record[column.key] = (
                    int(text.strip()) if column.number and text.strip().isdigit() else text
                )
            result.append(record)
        return result

    def set_value(self, value: Any) -> None:
        rows: list[dict[str, str]]
        if self._scalar:
            rows = [{self.columns[0].key: _text(item)} for item in (value or [])]
        else:
            rows = [
                {column.key: _text(item.get(column.key)) for column in self.columns}
                for item in (value or [])
            ]
        if rows == self.model.rows:
            return
        current = self.table.currentIndex()
        self._loading = True
        self.model.set_rows(rows)
        self._loading = False
        if current.isValid() and current.row() < len(rows):
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        self._fit_height()
        self._update_buttons()

    # editing ------------------------------------------------------------------------------------

    def add_row(self) -> None:
        self.table.setFocus()
        row = self._new_row(self.model.rows) if self._new_row else {c.key: "" for c in self.columns}
        position = len(self.model.rows)
        self.model.beginInsertRows(QModelIndex(), position, position)
        self.model.rows.append(dict(row))
        self.model.endInsertRows()
        self._fit_height()
        first_empty = next((n for n, c in enumerate(self.columns) if not row.get(c.key)), 0)
        index = self.model.index(position, first_empty)
        self.table.setCurrentIndex(index)
        self._user_edit()
        self.table.edit(index)

    def remove_current_row(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.rows):
            return
        self.model.beginRemoveRows(QModelIndex(), row, row)
        del self.model.rows[row]
        self.model.endRemoveRows()
        self._fit_height()
        self._update_buttons()
        self._user_edit()

    def move_current_row(self, step: int) -> None:
        current = self.table.currentIndex()
        row, target = current.row(), current.row() + step
        if not (0 <= row < len(self.model.rows) and 0 <= target < len(self.model.rows)):
            return
        rows = self.model.rows
        rows[row], rows[target] = rows[target], rows[row]
        self.model.dataChanged.emit(
            self.model.index(min(row, target), 0),
            self.model.index(max(row, target), len(self.columns) - 1),
        )
        self.table.setCurrentIndex(self.model.index(target, current.column()))
        self._user_edit()

    def edit_cell(self, row: int, key: str, text: str) -> None:
        """Set one cell as the user would by typing in it (used by tests and scripts)."""
        column = next(n for n, c in enumerate(self.columns) if c.key == key)
        self.model.setData(self.model.index(row, column), text)

    # looks --------------------------------------------------------------------------------------

    def _update_buttons(self, *_args: object) -> None:
        row = self.table.currentIndex().row()
        has_row = 0 <= row < len(self.model.rows)
        self.remove_button.setEnabled(has_row)
        self.up_button.setEnabled(has_row and row > 0)
        self.down_button.setEnabled(has_row and row < len(self.model.rows) - 1)

    def _fit_height(self) -> None:
        """Tall enough for every row (up to a limit), so the form scrolls rather than the table."""
        self.table.resizeRowsToContents()
        header = (
            0
            if self.table.horizontalHeader().isHidden()
            else self.table.horizontalHeader().height()
        )
        rows = sum(self.table.rowHeight(row) for row in range(min(len(self.model.rows), 200)))
        minimum = 2 * (self.table.verticalHeader().defaultSectionSize())
        limit = self._max_visible_rows * self.table.verticalHeader().defaultSectionSize()
        height = header + max(minimum, min(rows, limit)) + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(height)

    def _minimum_width(self, column: ColumnSpec) -> int:
        if not column.sample:
            return 60
        metrics = self.table.fontMetrics()
        title = self.table.horizontalHeader().fontMetrics().horizontalAdvance(column.title)
        return max(metrics.horizontalAdvance(column.sample), title) + 16  # the cell's margins

    def _share_width(self) -> None:
        """Columns without a fixed width share what the fixed ones leave, by their weights,
        each at least as wide as its typical value (the rest is shared among the others)."""
        available = self.table.viewport().width()
        shared = [column for column in self.columns if not column.width]
        if not shared:
            return
        rest = available - sum(column.width for column in self.columns)
        widths = {column.key: self._minimum_width(column) for column in shared}
        growing = list(shared)
        # Give each column its share; one whose share is below its minimum keeps its minimum
        # and leaves the others the rest (a few rounds at most: one per column).
        while growing:
            room = rest - sum(widths[c.key] for c in shared if c not in growing)
            weights = sum(column.weight for column in growing)
            held = [c for c in growing if room * c.weight // weights < widths[c.key]]
            if not held:
                for column in growing:
                    widths[column.key] = room * column.weight // weights
                break
            growing = [c for c in growing if c not in held]
        for number, column in enumerate(self.columns):
            if not column.width:
                self.table.setColumnWidth(number, widths[column.key])

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def focus_target(self) -> QWidget:
        return self.table

    def mark_problems(self, problems: list[FieldProblem]) -> None:
        cells: dict[tuple[int, str | None], str] = {}
        whole = []
        for problem in problems:
            location = problem.location
            if len(location) >= 2 and isinstance(location[1], int):
                key = str(location[2]) if len(location) >= 3 and not self._scalar else None
                cells[(location[1], key)] = problem.message
            else:
                whole.append(problem)
        self.model.set_problems(cells)
        set_invalid(self.table, bool(whole) or bool(cells))


class SectionsField(FieldEditor):
    """Other sections (title + text): a list of titles and, beside it, the chosen one's text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sections: list[dict[str, str]] = []
        self.list = QListWidget(self)
        self.list.setMinimumWidth(180)
        self.list.setMaximumWidth(260)
        self.list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.list.currentRowChanged.connect(self._show_section)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("Titel van de rubriek"))
        route_undo_keys(self.title)
        self.body = GrowingTextEdit(6, 24, self)
        route_undo_keys(self.body)
        self.title.textEdited.connect(self._on_detail_edited)
        self.body.textChanged.connect(self._on_detail_edited)
        self.empty_hint = QLabel(self.tr("Nog geen andere rubrieken."), self)
        self.empty_hint.setObjectName("fieldHint")

        self.add_button = small_button(
            self.tr("Rubriek toevoegen"), self.tr("Een nieuwe rubriek toevoegen")
        )
        self.remove_button = small_button(
            self.tr("Verwijderen"), self.tr("De gekozen rubriek verwijderen")
        )
        self.up_button = small_button("↑", self.tr("Hoger zetten"))
        self.down_button = small_button("↓", self.tr("Lager zetten"))
        self.add_button.clicked.connect(self.add_section)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))

        detail = QVBoxLayout()
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.title)
        detail.addWidget(self.body)
        detail.addWidget(self.empty_hint)
        detail.addStretch(1)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.list)
        top.addLayout(detail, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addLayout(top)
        box.addLayout(buttons)
        self._finish(box)
        self._refresh_list(0)

    def value(self) -> list[dict[str, str]]:
        return [dict(section) for section in self._sections]

    def set_value(self, value: Any) -> None:
        sections = [
            {"title": _text(s.get("title")), "body": _text(s.get("body"))} for s in (value or [])
        ]
        if sections == self._sections:
            return
        self._sections = sections
        self._refresh_list(self.list.currentRow())

    def add_section(self) -> None:
        self._sections.append({"title": "", "body": ""})
        self._refresh_list(len(self._sections) - 1)
        self.title.setFocus()
        self._user_edit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._sections):
            del self._sections[row]
            self._refresh_list(min(row, len(self._sections) - 1))
            self._user_edit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self._sections) and 0 <= target < len(self._sections):
            self._sections[row], self._sections[target] = (
                self._sections[target],
                self._sections[row],
            )
            self._refresh_list(target)
            self._user_edit()

    def _item_text(self, section: dict[str, str]) -> str:
        if section["title"]:
            return section["title"]
        first_line = section["body"].strip().split("\n", 1)[0]
        return first_line[:40] or self.tr("(zonder titel)")

    def _refresh_list(self, current: int) -> None:
        self._loading = True
        self.list.clear()
        for section in self._sections:
            QListWidgetItem(self._item_text(section), self.list)
        has = bool(self._sections)
        self.list.setVisible(has)
        self.title.setVisible(has)
        self.body.setVisible(has)
        self.empty_hint.setVisible(not has)
        self._loading = False
        if has:
            self.list.setCurrentRow(max(0, min(current, len(self._sections) - 1)))
        self._show_section(self.list.currentRow())
        row = self.list.currentRow()
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self._sections) - 1)

    def _show_section(self, row: int) -> None:
        was_loading = self._loading
        self._loading = True
        section = (
            self._sections[row] if 0 <= row < len(self._sections) else {"title": "", "body": ""}
        )
        if self.title.text() != section["title"]:
            self.title.setText(section["title"])
        if self.body.toPlainText() != section["body"]:
            self.body.setPlainText(section["body"])
        self._loading = was_loading
        self.up_button.setEnabled(0 < row < len(self._sections))
        self.down_button.setEnabled(0 <= row < len(self._sections) - 1)

    def _on_detail_edited(self, *_args: object) -> None:
        if self._loading:
            return
        row = self.list.currentRow()
        if not 0 <= row < len(self._sections):
            return
        self._sections[row] = {"title": self.title.text(), "body": self.body.toPlainText()}
        item = self.list.item(row)
        if item is not None:
            item.setText(self._item_text(self._sections[row]))
        self._user_edit(typing=True)

    def select(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def focus_target(self) -> QWidget:
        return self.list

    def mark_problems(self, problems: list[FieldProblem]) -> None:
        bad = {
            p.location[1]
            for p in problems
            if len(p.location) > 1 and isinstance(p.location[1], int)
        }
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setBackground(QBrush(problem_background()) if row in bad else QBrush())
        set_invalid(self.list, bool(problems))
