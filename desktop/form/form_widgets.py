"""The building blocks of the network form: one editor per kind of field.

Every editor is a :class:`FieldEditor`: it shows a value (plain data: text, lists, dicts of
text), emits ``edited`` when the *user* changed it (never when the program sets it), and shows
the validation problems the schema reported for its field. Editors hold no rules: what is valid
is decided by :mod:`db.model.schemas` and worded by :mod:`db.model.messages`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.model.formats import format_euro, parse_euro
from db.model.messages import FieldProblem, Language, label


def inline_message(problem: FieldProblem, language: Language = "nl") -> str:
    """The message shown under a field: without the field's own name, which is beside it
    ("is verplicht" under Naam); rows of a table keep theirs ("Contactpersonen 2, E-mail: ...")."""
    if len(problem.location) == 1:
        prefix = label(problem.location, language) + ": "
        if problem.message.startswith(prefix):
            return problem.message[len(prefix) :]
    return problem.message


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a widget for the style sheet's ``[invalid="true"]`` rule (a red border)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class UndoKeysToWindow(QObject):
    """Let Ctrl+Z / Ctrl+Shift+Z in a text field reach the form's undo stack.

    A line edit keeps its own little undo history and claims those keys; the form has one
    history for all fields, so the keys must go to the window's Undo/Redo actions instead.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Filtered and not accepted: the shortcut map hands the key to the window's actions.
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        )


_UNDO_KEYS = UndoKeysToWindow()


def route_undo_keys(widget: QWidget) -> None:
    widget.installEventFilter(_UNDO_KEYS)


class FieldEditor(QWidget):
    """Base of every field editor: the editing widget with a message line under it."""

    edited = Signal()
    typing = False  # consecutive edits merge into one undo step (text typed in a field)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(3)
        self._message = QLabel(self)
        self._message.setObjectName("fieldMessage")
        self._message.setWordWrap(True)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._message.hide()
        self._problems_shown = False
        self._loading = False
        self.last_edit_typing = self.typing

    def _finish(self, widget: QWidget | QLayout) -> None:
        if isinstance(widget, QLayout):
            self._layout.addLayout(widget)
        else:
            self._layout.addWidget(widget)
        self._layout.addWidget(self._message)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def commit_pending(self) -> None:
        """Take in text typed but not yet confirmed (a tag not yet added)."""

    def enter(self, value: Any) -> None:
        """Set a value as if the user had entered it: an edit, with an undo step (scripts)."""
        self.set_value(value)
        self._user_edit()

    def focus_target(self) -> QWidget:
        return self

    def message_text(self) -> str:
        return self._message.text() if not self._message.isHidden() else ""

    def show_problems(self, problems: list[FieldProblem], language: Language = "nl") -> None:
        # Every validation (each save, each pause in typing) reports every field; clearing a
        # field that shows nothing would still re-style and re-lay out the whole form.
        if not problems and not self._problems_shown:
            return
        self._problems_shown = bool(problems)
        text = "\n".join(inline_message(problem, language) for problem in problems)
        self._message.setText(text)
        self._message.setVisible(bool(problems))
        self.mark_problems(problems)

    def mark_problems(self, problems: list[FieldProblem]) -> None:
        set_invalid(self.focus_target(), bool(problems))

    def _user_edit(self, *_args: object, typing: bool | None = None) -> None:
        """Report a user's edit; ``typing`` edits of the same field merge into one undo step."""
        if not self._loading:
            self.last_edit_typing = self.typing if typing is None else typing
            self.edited.emit()


class LineField(FieldEditor):
    typing = True

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(placeholder)
        self.line.setClearButtonEnabled(False)
        route_undo_keys(self.line)
        self.line.textEdited.connect(self._user_edit)
        self._finish(self.line)

    def value(self) -> str:
        return self.line.text()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self.line.text():
            self._loading = True
            self.line.setText(text)
            self._loading = False

    def focus_target(self) -> QWidget:
        return self.line


class GrowingTextEdit(QPlainTextEdit):
    """A multi-line text field that grows with its text, between a few lines and a limit."""

    def __init__(
        self, min_lines: int = 3, max_lines: int = 16, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._min_lines = min_lines
        self._max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # the form keeps the one undo history
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_args: object) -> None:
        # The plain-text layout measures its document in lines, wrapped lines included.
        lines = int(self.document().documentLayout().documentSize().height())
        lines = max(self._min_lines, min(self._max_lines, lines))
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        height = (
            lines * self.fontMetrics().lineSpacing()
            + int(2 * self.document().documentMargin())
            + frame
        )
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit)  # cancelled if the field is deleted


class TextField(FieldEditor):
    typing = True

    def __init__(
        self, min_lines: int = 3, max_lines: int = 16, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.text = GrowingTextEdit(min_lines, max_lines, self)
        route_undo_keys(self.text)
        self.text.textChanged.connect(self._user_edit)
        self._finish(self.text)

    def value(self) -> str:
        return self.text.toPlainText()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self.text.toPlainText():
            self._loading = True
            self.text.setPlainText(text)
            self._loading = False

    def focus_target(self) -> QWidget:
        return self.text


class ChoiceField(FieldEditor):
    """A fixed list of choices; ``None`` is the empty choice."""

    def __init__(
        self, choices: list[tuple[str, Any]], empty_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.addItem(empty_label, None)
        for text, data in choices:
            self.combo.addItem(text, data)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.activated.connect(self._user_edit)  # activated: only the user's choices
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addStretch(1)
        self._finish(row)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0:
            # A value the choices do not know (an old file): show it rather than hide it.
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self._loading = True
        self.combo.setCurrentIndex(index)
        self._loading = False

    def focus_target(self) -> QWidget:
        return self.combo


class EuroField(LineField):
    """An amount as people type it ("6.613", "6613,50", "€ 6.613"), with how it will be read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.line.setPlaceholderText(self.tr("bv. € 6.613"))
        self.line.setMaximumWidth(220)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.hint = QLabel(self)
        self.hint.setObjectName("fieldHint")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line)
        row.addWidget(self.hint)
        row.addStretch(1)
        # Replace the plain line layout by the line plus its hint.
        self._layout.removeWidget(self.line)
        self._layout.insertLayout(0, row)
        self.line.textChanged.connect(self._update_hint)

    def _update_hint(self, text: str) -> None:
        try:
            amount = parse_euro(text)
        except ValueError:
            amount = None
        # Say how the amount is read only when that is not what the field already shows.
        shown = format_euro(amount, cents=True) if amount is not None else ""
        if shown and shown in (text.strip(), f"{text.strip()},00"):
            amount = None
        self.hint.setText(
            self.tr("= {amount}").format(amount=format_euro(amount, cents=True))
            if amount is not None
            else ""
        )


class FlowLayout(QLayout):
    """Lays out its items left to right, wrapping to a new line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addWidget(widget)  # appended by addItem ...
        item = self._items.pop()
        self._items.insert(index, item)  # ... and moved to its place
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_height > 0:
                x = rect.x()
                y += line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class Chip(QFrame):
    """One tag: its text and a small cross to remove it."""

    removeRequested = Signal(object)
    firstRequested = Signal(object)

    def __init__(self, text: str, can_be_first: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chip")
        self.text = text
        self._can_be_first = can_be_first
        layout = QHBoxLayout(self)
        layout.setContentsMargins(9, 2, 3, 2)
        layout.setSpacing(2)
        self.label = QLabel(text, self)
        layout.addWidget(self.label)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("chipRemove")
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("'{text}' weghalen").format(text=text))
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))
        layout.addWidget(self.remove_button)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def _menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        if self._can_be_first:
            menu.addAction(self.tr("Vooraan zetten"), lambda: self.firstRequested.emit(self))
        menu.addAction(self.tr("Weghalen"), lambda: self.removeRequested.emit(self))
        menu.exec(self.mapToGlobal(position))


class TagField(FieldEditor):
    """Several short texts as tags; typed in a field with completion, Enter or comma adds."""

    def __init__(
        self,
        placeholder: str,
        completions: list[str] | None = None,
        *,
        ordered: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ordered = ordered  # the first tag means something (the lead municipality)
        self._chips: list[Chip] = []
        self.box = QFrame(self)
        self.box.setObjectName("tagBox")
        self.flow = FlowLayout(self.box, spacing=5)
        self.flow.setContentsMargins(4, 4, 4, 4)
        self.input = QLineEdit(self.box)
        self.input.setObjectName("tagInput")
        self.input.setPlaceholderText(placeholder)
        self.input.setFrame(False)
        # Wide enough to show its hint whole, in English too, without widening a narrow form.
        hint_width = self.input.fontMetrics().horizontalAdvance(placeholder) + 16
        self.input.setMinimumWidth(min(max(200, hint_width), 320))
        route_undo_keys(self.input)
        self.flow.addWidget(self.input)
        if completions:
            completer = QCompleter(completions, self.input)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
            completer.setMaxVisibleItems(12)
            self.input.setCompleter(completer)
            # After the completer wrote its choice into the field, take it in as a tag.
            completer.activated.connect(
                lambda _text: QTimer.singleShot(0, self, self.commit_pending)
            )
        self.input.returnPressed.connect(self._on_return)
        self.input.textEdited.connect(self._maybe_split)
        # Installed after the completer's own filter, so it runs first: the completer swallows
        # the focus-out while its list is open (and the line edit never says it was left).
        self.input.installEventFilter(self)
        self._finish(self.box)
        # Notes that do not stop a save (an unknown municipality), under the field's messages.
        self.note = QLabel(self)
        self.note.setObjectName("fieldNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)  # its suggestions are links
        self.note.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.note.linkActivated.connect(self._on_note_link)
        self.note.hide()
        self._layout.addWidget(self.note)

    def value(self) -> list[str]:
        return [chip.text for chip in self._chips]

    def set_value(self, value: Any) -> None:
        texts = [str(text) for text in (value or [])]
        if texts == self.value():
            return
        for chip in self._chips:
            self.flow.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for text in texts:
            self._add_chip(text)

    def add_tag(self, text: str) -> None:
        """Add ``text`` as the user would (an edit, undoable)."""
        text = text.strip()
        if not text:
            return
        self._add_chip(text)
        self._user_edit()

    def commit_pending(self) -> None:
        pending = self.input.text()
        if pending.strip():
            self.input.clear()
            for part in pending.split(","):
                if part.strip():
                    self._add_chip(part.strip())
            self._user_edit()

    def _on_return(self) -> None:
        # Enter on a suggestion chosen with the arrow keys reaches the field first (with the
        # suggestion already written in it) and the completer's ``activated`` after: that one
        # adds it. Taking it here as well added the municipality twice.
        if not self._choosing_suggestion():
            self.commit_pending()

    def _choosing_suggestion(self) -> bool:
        completer = self.input.completer()
        popup = completer.popup() if completer is not None else None
        return popup is not None and popup.isVisible() and popup.currentIndex().isValid()

    def _maybe_split(self, text: str) -> None:
        if "," in text:
            self.commit_pending()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.FocusOut:
            # Leaving the field (Tab, a click elsewhere) keeps what was typed, also while the
            # completer's list is open. Taken on the next turn of the event loop, once the
            # completer has written a suggestion chosen in its list into the field: whichever
            # of this and its ``activated`` comes first takes the text in, the other finds the
            # field empty.
            QTimer.singleShot(0, self, self._commit_if_left)
        return super().eventFilter(watched, event)

    def _commit_if_left(self) -> None:
        if not self.input.hasFocus():
            self.commit_pending()

    def _add_chip(self, text: str) -> None:
        chip = Chip(text, self._ordered, self.box)
        chip.removeRequested.connect(self._remove_chip)
        chip.firstRequested.connect(self._make_first)
        self.flow.insertWidget(len(self._chips), chip)
        self._chips.append(chip)
        chip.show()
        self.box.updateGeometry()

    def _remove_chip(self, chip: Chip) -> None:
        if chip in self._chips:
            self._chips.remove(chip)
            self.flow.removeWidget(chip)
            chip.deleteLater()
            self.box.updateGeometry()
            self._user_edit()

    def _make_first(self, chip: Chip) -> None:
        texts = self.value()
        index = self._chips.index(chip)
        self.set_value([texts[index], *texts[:index], *texts[index + 1 :]])
        self._user_edit()

    def remove_tag(self, index: int) -> None:
        self._remove_chip(self._chips[index])

    def replace_tag(self, index: int, text: str) -> None:
        """Put ``text`` in place of tag ``index``, as the user's edit (a suggestion taken)."""
        texts = self.value()
        if 0 <= index < len(texts) and text.strip() and texts[index] != text:
            texts[index] = text.strip()
            self.set_value(texts)
            self._user_edit()

    def set_notes(self, notes: dict[int, str]) -> None:
        """Show notes per tag (already HTML: the caller escapes the tags' text); the tags with a
        note are marked. Links "replace:<index>:<text>" in a note replace that tag."""
        for index, chip in enumerate(self._chips):
            if bool(chip.property("unknown")) != (index in notes):
                chip.setProperty("unknown", index in notes)
                chip.style().unpolish(chip)
                chip.style().polish(chip)
        text = "<br>".join(notes[index] for index in sorted(notes))
        if text != self.note.text():
            self.note.setText(text)
        self.note.setVisible(bool(notes))

    def note_text(self) -> str:
        """The notes as plain text (for tests)."""
        document = QTextDocument()
        document.setHtml(self.note.text())
        return document.toPlainText() if not self.note.isHidden() else ""

    def _on_note_link(self, link: str) -> None:
        kind, _, rest = link.partition(":")
        index, _, text = rest.partition(":")
        if kind == "replace" and index.isdigit():
            self.replace_tag(int(index), unquote(text))

    def focus_target(self) -> QWidget:
        return self.box

    def mark_problems(self, problems: list[FieldProblem]) -> None:
        set_invalid(self.box, bool(problems))
        bad = {
            p.location[1]
            for p in problems
            if len(p.location) > 1 and isinstance(p.location[1], int)
        }
        for index, chip in enumerate(self._chips):
            set_invalid(chip, index in bad)


class BannerLabel(QLabel):
    """One line that says what is still wrong, elided to its width (the whole list is in its
    tooltip). It keeps its place when hidden: appearing and going it never moves the form
    under the officer's mouse. A click asks to go to the first problem."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setWordWrap(False)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setFixedHeight(self.fontMetrics().height() + 16)  # one line and the padding
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_message(self, text: str, details: str = "") -> None:
        self._full = text
        self.setToolTip(details)
        self._elide()
        self.setVisible(bool(text))

    def full_text(self) -> str:
        return self._full

    def _elide(self) -> None:
        room = self.contentsRect().width() - 24  # less the style sheet's padding
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._elide()

    def mousePressEvent(self, event: Any) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class InfoLabel(QLabel):
    """A read-only value (created, last changed, source)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The source is a file name from the officer's disk: "<b>x</b>.txt" is shown as it is.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWordWrap(True)
