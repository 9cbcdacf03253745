"""The tree of goals, their actions and sub-actions (and of actions without a goal).

Items are added, edited, removed and moved with buttons or by dragging. A drag may only put an
item where an item of its level belongs (an action under a goal, a sub-action under an action),
so the tree always has the shape the schema expects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QDragMoveEvent, QDropEvent, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QSizePolicy,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.model.messages import FieldProblem
from desktop.form.form_widgets import FieldEditor, set_invalid
from desktop.form.list_editors import (
    MultiLineDelegate,
    only_looks_changed,
    small_button,
)
from desktop.style import problem_background

Position = QAbstractItemView.DropIndicatorPosition
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Level:
    text_key: str  # "title" for a goal, "text" for an action
    children_key: str | None  # where its children live in the data ("actions", "children")
    add_label: str  # the button that adds an item of this level


def level_of(item: QTreeWidgetItem) -> int:
    level = 0
    parent = item.parent()
    while parent is not None:
        level += 1
        parent = parent.parent()
    return level


class WrappingDelegate(MultiLineDelegate):
    """Rows as tall as their wrapped text: a tree view on its own measures one line only and
    cuts a long goal off with "…"."""

    def __init__(self, tree: GoalTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        # The text's room: the row, less the indentation and the item's own margins.
        width = self._tree.viewport().width() - self._tree.indentation() * (depth + 1) - 24
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else option.font)  # type: ignore[attr-defined]
        bounds = metrics.boundingRect(
            QRect(0, 0, max(width, 50), 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), bounds.height() + 8))


class GoalTreeWidget(QTreeWidget):
    """The tree itself, with drops restricted to places where the dragged level fits."""

    def __init__(self, owner: TreeField) -> None:
        super().__init__(owner)
        self._owner = owner
        self.setObjectName("goalTree")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setItemDelegate(WrappingDelegate(self))
        self.setIndentation(22)
        self.header().setStretchLastSection(True)

    def drop_destination(
        self, dragged: QTreeWidgetItem, target: QTreeWidgetItem | None, position: Position
    ) -> tuple[QTreeWidgetItem | None, int] | None:
        """Where a drop puts ``dragged``: (new parent or None for the top, index), or None if
        it may not go there."""
        level = level_of(dragged)
        if target is None or position == Position.OnViewport:
            return (None, self.topLevelItemCount()) if level == 0 else None
        target_level = level_of(target)
        parent = target.parent()
        siblings_index = (
            parent.indexOfChild(target) if parent is not None else self.indexOfTopLevelItem(target)
        )
        if position == Position.OnItem:
            if target_level == level - 1:
                return (target, target.childCount())
            return None
        if target_level == level:
            offset = 0 if position == Position.AboveItem else 1
            return (parent, siblings_index + offset)
        if position == Position.BelowItem and target_level == level - 1 and target.isExpanded():
            return (target, 0)  # just under an open parent: its first child
        return None

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        dragged = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        if (
            dragged is None
            or self.drop_destination(dragged, target, self.dropIndicatorPosition()) is None
        ):
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        dragged = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        destination = (
            self.drop_destination(dragged, target, self.dropIndicatorPosition())
            if dragged
            else None
        )
        if dragged is None or destination is None:
            event.ignore()
            return
        self._owner.move_item(dragged, *destination)
        # Copy, not Move: the move is done; a Move would make the view delete the source row.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.doItemsLayout()  # the rows' wrapped heights depend on the width

    def dataChanged(
        self, topLeft: ModelIndex, bottomRight: ModelIndex, roles: Sequence[int] = ()
    ) -> None:
        # A problem's mark on the item being typed in must not reset its open editor.
        if only_looks_changed(roles):
            self.viewport().update()
            return
        super().dataChanged(topLeft, bottomRight, list(roles))

    def content_height(self) -> int:
        total = 0
        item = self.topLevelItem(0) if self.topLevelItemCount() else None
        while item is not None:
            index = self.indexFromItem(item)
            total += self.indexRowSizeHint(index)
            item = self.itemBelow(item)
        return total


class TreeField(FieldEditor):
    """A nested list (goals -> actions -> sub-actions) as an editable tree."""

    def __init__(self, levels: list[Level], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levels = levels
        self.tree = GoalTreeWidget(self)
        self.tree.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.add_buttons = []
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for number, level in enumerate(levels):
            button = small_button(level.add_label, level.add_label)
            button.clicked.connect(lambda _checked=False, n=number: self.add_item(n))
            buttons.addWidget(button)
            self.add_buttons.append(button)
        self.remove_button = small_button(
            self.tr("Verwijderen"), self.tr("Het gekozen item en alles eronder verwijderen")
        )
        self.up_button = small_button("↑", self.tr("Hoger zetten"))
        self.down_button = small_button("↓", self.tr("Lager zetten"))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.tree)
        box.addLayout(buttons)
        self._finish(box)
        self._update_buttons()
        self._fit_height()

    # value --------------------------------------------------------------------------------------

    def value(self) -> list[dict[str, Any]]:
        return [self._item_value(item, 0) for item in self._children(None)]

    def _children(self, item: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
        if item is None:
            found = [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]
        else:
            found = [item.child(n) for n in range(item.childCount())]
        return [child for child in found if child is not None]

    def _item_value(self, item: QTreeWidgetItem, level: int) -> dict[str, Any]:
        spec = self.levels[level]
        data: dict[str, Any] = {spec.text_key: item.data(0, Qt.ItemDataRole.EditRole) or ""}
        if spec.children_key is not None:
            data[spec.children_key] = [
                self._item_value(child, level + 1) for child in self._children(item)
            ]
        return data

    def set_value(self, value: Any) -> None:
        items = list(value or [])
        if items == self.value():
            return
        path = self._path_of(self.tree.currentItem())
        self._loading = True
        self.tree.clear()
        for data in items:
            self.tree.addTopLevelItem(self._make_item(data, 0))
        self.tree.expandAll()
        self._loading = False
        self._restore_path(path)
        self._fit_height()
        self._update_buttons()

    def _make_item(self, data: dict[str, Any], level: int) -> QTreeWidgetItem:
        spec = self.levels[level]
        item = QTreeWidgetItem()
        self._style_item(item, level)
        item.setData(0, Qt.ItemDataRole.EditRole, str(data.get(spec.text_key) or ""))
        if spec.children_key is not None:
            for child in data.get(spec.children_key) or []:
                item.addChild(self._make_item(child, level + 1))
        return item

    def _style_item(self, item: QTreeWidgetItem, level: int) -> None:
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        if level < len(self.levels) - 1:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        item.setFlags(flags)
        if level == 0 and len(self.levels) == 3:
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)

    # editing ------------------------------------------------------------------------------------

    def add_item(self, level: int, text: str = "", *, edit: bool = True) -> QTreeWidgetItem | None:
        """Add an item of ``level`` after the current one of that level (or at the end)."""
        current = self.tree.currentItem()
        parent: QTreeWidgetItem | None = None
        if level > 0:
            parent = current
            while parent is not None and level_of(parent) > level - 1:
                parent = parent.parent()
            if parent is None or level_of(parent) != level - 1:
                return None
        anchor = current
        while anchor is not None and level_of(anchor) > level:
            anchor = anchor.parent()
        item = QTreeWidgetItem()
        self._style_item(item, level)
        item.setData(0, Qt.ItemDataRole.EditRole, text)
        self._loading = True
        if parent is None:
            index = (
                self.tree.indexOfTopLevelItem(anchor) + 1
                if anchor is not None and level_of(anchor) == 0
                else self.tree.topLevelItemCount()
            )
            self.tree.insertTopLevelItem(index, item)
        else:
            index = (
                parent.indexOfChild(anchor) + 1
                if anchor is not None and anchor.parent() is parent
                else parent.childCount()
            )
            parent.insertChild(index, item)
            parent.setExpanded(True)
        self._loading = False
        self.tree.setCurrentItem(item)
        self._fit_height()
        self._user_edit()
        if edit:
            self.tree.setFocus()
            self.tree.editItem(item, 0)
        return item

    def set_item_text(self, item: QTreeWidgetItem, text: str) -> None:
        """Change an item's text as the user's editing would."""
        item.setData(0, Qt.ItemDataRole.EditRole, text)

    def remove_current(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        else:
            parent.removeChild(item)
        self._fit_height()
        self._update_buttons()
        self._user_edit()

    def move_current(self, step: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        index = (
            parent.indexOfChild(item) if parent is not None else self.tree.indexOfTopLevelItem(item)
        )
        count = parent.childCount() if parent is not None else self.tree.topLevelItemCount()
        if 0 <= index + step < count:
            self.move_item(item, parent, index + step + (1 if step > 0 else 0))

    def move_item(self, item: QTreeWidgetItem, parent: QTreeWidgetItem | None, index: int) -> None:
        """Put ``item`` (with its children) at ``index`` under ``parent`` (None: the top)."""
        old_parent = item.parent()
        old_index = (
            old_parent.indexOfChild(item)
            if old_parent is not None
            else self.tree.indexOfTopLevelItem(item)
        )
        if old_parent is parent and old_index < index:
            index -= 1  # the item's own removal shifts the places after it
        if old_parent is parent and old_index == index:
            return
        expanded = self._expanded_paths(item)
        self._loading = True
        if old_parent is None:
            self.tree.takeTopLevelItem(old_index)
        else:
            old_parent.takeChild(old_index)
        if parent is None:
            self.tree.insertTopLevelItem(index, item)
        else:
            parent.insertChild(index, item)
            parent.setExpanded(True)
        self._loading = False
        for sub in expanded:
            sub.setExpanded(True)
        self.tree.setCurrentItem(item)
        self._fit_height()
        self._update_buttons()
        self._user_edit()

    def _expanded_paths(self, item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        found = [item] if item.isExpanded() else []
        for child in self._children(item):
            found.extend(self._expanded_paths(child))
        return found

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if not self._loading:
            self._fit_height()
            self._user_edit()

    # navigation ---------------------------------------------------------------------------------

    def item_at(self, path: tuple[int, ...]) -> QTreeWidgetItem | None:
        """The item at (goal index, action index, sub-action index); fewer numbers go less deep."""
        if not path or not 0 <= path[0] < self.tree.topLevelItemCount():
            return None
        item = self.tree.topLevelItem(path[0])
        for number in path[1:]:
            if item is None or not 0 <= number < item.childCount():
                return None
            item = item.child(number)
        return item

    def _path_of(self, item: QTreeWidgetItem | None) -> tuple[int, ...]:
        path: list[int] = []
        while item is not None:
            parent = item.parent()
            path.insert(
                0,
                parent.indexOfChild(item)
                if parent is not None
                else self.tree.indexOfTopLevelItem(item),
            )
            item = parent
        return tuple(path)

    def _restore_path(self, path: tuple[int, ...]) -> None:
        while path:
            item = self.item_at(path)
            if item is not None:
                self.tree.setCurrentItem(item)
                return
            path = path[:-1]

    def _update_buttons(self, *_args: object) -> None:
        current = self.tree.currentItem()
        level = level_of(current) if current is not None else -1
        for number, button in enumerate(self.add_buttons):
            button.setEnabled(number == 0 or level >= number - 1)
        self.remove_button.setEnabled(current is not None)
        if current is None:
            self.up_button.setEnabled(False)
            self.down_button.setEnabled(False)
            return
        parent = current.parent()
        index = (
            parent.indexOfChild(current)
            if parent is not None
            else self.tree.indexOfTopLevelItem(current)
        )
        count = parent.childCount() if parent is not None else self.tree.topLevelItemCount()
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(index < count - 1)

    def _fit_height(self) -> None:
        self.tree.doItemsLayout()
        content = self.tree.content_height()
        line = self.tree.fontMetrics().lineSpacing() + 8
        height = max(4 * line, min(content + 2 * line, 560)) + 2 * self.tree.frameWidth()
        self.tree.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def focus_target(self) -> QWidget:
        return self.tree

    def mark_problems(self, problems: list[FieldProblem]) -> None:
        bad: dict[tuple[int, ...], str] = {}
        for problem in problems:
            numbers = tuple(part for part in problem.location[1:] if isinstance(part, int))
            if numbers:
                bad[numbers] = problem.message
        self._mark(None, (), bad)
        set_invalid(self.tree, bool(problems))

    def _mark(
        self, item: QTreeWidgetItem | None, path: tuple[int, ...], bad: dict[tuple[int, ...], str]
    ) -> None:
        for n, child in enumerate(self._children(item)):
            child_path = (*path, n)
            message = bad.get(child_path)
            was_loading = self._loading
            self._loading = True  # colouring an item is no edit
            child.setBackground(0, QBrush(problem_background()) if message else QBrush())
            child.setToolTip(0, message or "")
            self._loading = was_loading
            self._mark(child, child_path, bad)
