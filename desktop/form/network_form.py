"""The form that edits one network: every field of the profile, validated by the schema.

The form edits a working copy: plain values (text, lists, dicts of text) read from its field
editors. Whether they make a valid record is asked of :class:`~db.model.schemas.NetworkProfile`
itself, and each problem it reports (:func:`db.model.messages.problems`) is shown at the field its
location names, down to the row and column of a table. No rule is written here a second time.

Every edit is an undo step on the form's own ``QUndoStack``. Saving goes through the database
session in one transaction; a record somebody else saved meanwhile raises a conflict that the
user resolves (reload theirs or overwrite), never a silent overwrite. Nothing typed is dropped
on an error: the values stay in the form until saved or deliberately discarded.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import quote
from uuid import UUID, uuid4

from pydantic import ValidationError
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.model import messages
from db.model.errors import ConflictError, StoreError
from db.model.formats import format_euro, local_time
from db.model.messages import FieldProblem
from db.model.reference import (
    closest_municipalities,
    is_known_municipality,
    municipality_names,
    province_of,
)
from db.model.schemas import NetworkProfile, Province
from db.storage.store import Change, ChangeKind
from desktop import dialogs
from desktop.form.form_widgets import (
    BannerLabel,
    ChoiceField,
    EuroField,
    FieldEditor,
    FlowLayout,
    InfoLabel,
    LineField,
    TagField,
    TextField,
)
from desktop.form.goal_tree import Level, TreeField
from desktop.form.import_warnings import ImportWarningsBox
from desktop.form.list_editors import ColumnSpec, SectionsField, TableField
from desktop.form.undo import Changes, FieldEditCommand
from desktop.icons import icon
from desktop.operations import DatabaseSession

EDITABLE_FIELDS = (
    "name",
    "alias",
    "municipalities",
    "province",
    "region",
    "vision",
    "target_group",
    "agreement_periods",
    "drawing_right_eur",
    "instruments",
    "partners",
    "goals",
    "actions",
    "meetings",
    "contacts",
    "sections",
    "captions",
    "notes",
)
# Carried from the stored record into every save: bookkeeping, and the image credits of the web
# page, which the form shows (under "Gegevens") but does not edit.
BOOKKEEPING_FIELDS = ("id", "source", "created_at", "updated_at", "version", "credits")
VALIDATE_DELAY_MS = 300


def values_from_profile(profile: NetworkProfile) -> dict[str, Any]:
    """The form's working values for a stored record."""
    values = profile.model_dump(mode="python", include=set(EDITABLE_FIELDS))
    values["province"] = profile.province.value if profile.province else None
    values["drawing_right_eur"] = format_euro(profile.drawing_right_eur)
    return values


def empty_values() -> dict[str, Any]:
    values: dict[str, Any] = {key: "" for key in EDITABLE_FIELDS}
    for key in (
        "municipalities",
        "agreement_periods",
        "instruments",
        "partners",
        "goals",
        "actions",
        "contacts",
        "sections",
        "captions",
    ):
        values[key] = []
    values["province"] = None
    return values


def _next_period(rows: list[dict[str, str]]) -> dict[str, str]:
    """A new agreement period numbered after the last, starting the year after it ended."""
    ordinals = [int(row["ordinal"]) for row in rows if row.get("ordinal", "").isdigit()]
    ends = [int(row["end_year"]) for row in rows if row.get("end_year", "").isdigit()]
    return {
        "ordinal": str(max(ordinals, default=0) + 1),
        "start_year": str(max(ends) + 1) if ends else "",
        "end_year": "",
    }


class NetworkForm(QWidget):
    """Edits one network (a stored one, or a new draft); see the module text."""

    modifiedChanged = Signal(bool)
    recordChanged = Signal(object)  # the stored id now shown, or None (a new draft or nothing)
    saved = Signal(object)  # the NetworkProfile as stored

    def __init__(
        self, session: DatabaseSession, *, language: str = "nl", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("networkForm")
        self._session = session
        self._language: messages.Language = "en" if language == "en" else "nl"
        self._record: NetworkProfile | None = None  # the stored version being edited
        self._draft_id: UUID | None = None  # set while a new, never saved record is edited
        self._baseline: dict[str, Any] = empty_values()
        self._values: dict[str, Any] = empty_values()
        self._touched: set[str] = set()  # fields edited since the record was loaded
        self._left: set[str] = set()  # ... and left since: only these are marked while typing
        self._show_all_problems = False
        self._modified = False
        self._saving = False
        self._applying = False
        self.problems: list[FieldProblem] = []
        self.undo_stack = QUndoStack(self)
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, str] = {}
        self.section_frames: dict[str, QFrame] = {}
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(
            lambda: self.validate(mark_all=self._show_all_problems)
        )
        self._municipality_notes_for: tuple[str, ...] | None = None
        self._outside_list = False  # the list (a search result) does not show this record
        self._build()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        session.changed.connect(self._on_session_changed)
        session.databaseChanged.connect(lambda _store: self.clear())

    # building -----------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("formScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        content = QWidget(self.scroll_area)
        content.setObjectName("formContent")
        self._content_layout = QVBoxLayout(content)
        self._content_layout.setContentsMargins(18, 12, 18, 24)
        self._content_layout.setSpacing(14)
        self._build_sections()
        self._content_layout.addStretch(1)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)
        for key, editor in self.editors.items():
            editor.edited.connect(lambda key=key: self._on_edited(key))
        self._update_header()

    def _build_header(self) -> QWidget:
        header = QFrame(self)
        header.setObjectName("formHeader")
        layout = QVBoxLayout(header)
        layout.setContentsMargins(18, 12, 18, 8)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.title_label = QLabel(header)
        self.title_label.setObjectName("formTitle")
        # The name and municipalities are what the officer typed or a file held: "<b>" stays text.
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setWordWrap(True)  # a long name wraps instead of widening the window
        row.addWidget(self.title_label, 1)
        self.revert_button = QToolButton(header)
        self.revert_button.setIcon(icon("revert"))
        self.revert_button.setIconSize(QSize(20, 20))
        self.revert_button.setToolTip(
            self.tr("Wijzigingen ongedaan maken: terug naar de opgeslagen versie")
        )
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(icon("save"), self.tr("Opslaan"), header)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(self.tr("Het netwerk opslaan (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.subtitle_label = QLabel(header)
        self.subtitle_label.setObjectName("formSubtitle")
        self.subtitle_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle_label.setWordWrap(True)
        layout.addWidget(self.subtitle_label)
        # The section links wrap onto a second line in a narrow window instead of widening it.
        nav_box = QWidget(header)
        self.nav = FlowLayout(nav_box, spacing=2)
        layout.addWidget(nav_box)
        self.banner = BannerLabel(header)
        self.banner.setObjectName("problemBanner")
        self.banner.clicked.connect(self.go_to_first_problem)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.import_warnings = ImportWarningsBox(header, language=self._language)
        self.import_warnings.checkRequested.connect(self.mark_checked)
        layout.addWidget(self.import_warnings)
        return header

    def _section(self, key: str, title: str, short_title: str | None = None) -> QFormLayout:
        frame = QFrame(self)
        frame.setObjectName("formSection")
        box = QVBoxLayout(frame)
        box.setContentsMargins(16, 12, 16, 14)
        box.setSpacing(8)
        heading = QLabel(title, frame)
        heading.setObjectName("sectionHeading")
        box.addWidget(heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # In a narrow pane a label goes above its field rather than squeezing it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        box.addLayout(form)
        self._content_layout.addWidget(frame)
        self.section_frames[key] = frame
        link = QToolButton(self)
        link.setObjectName("navLink")
        link.setText(short_title or title)
        link.setAutoRaise(True)
        link.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        link.clicked.connect(lambda _checked=False, key=key: self.scroll_to_section(key))
        self.nav.addWidget(link)
        return form

    def _add(
        self, form: QFormLayout, key: str, label: str, editor: FieldEditor, *, wide: bool = False
    ) -> None:
        self.editors[key] = editor
        self.labels[key] = label
        caption = QLabel(label + ":" if not wide else label)
        caption.setObjectName("fieldLabel" if not wide else "wideFieldLabel")
        caption.setBuddy(editor.focus_target())
        if wide:
            form.addRow(caption)
            form.addRow(editor)
        else:
            caption.setMinimumWidth(130)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            caption.setContentsMargins(0, 5, 0, 0)
            form.addRow(caption, editor)

    def _build_sections(self) -> None:
        general = self._section("general", self.tr("Algemeen"))
        self._add(general, "name", self.tr("Naam"), LineField(self.tr("bv. Lokaal netwerk Gent")))
        self._add(
            general,
            "alias",
            self.tr("Eigen naam"),
            LineField(self.tr("de naam die het netwerk zelf gebruikt")),
        )
        self._add(
            general,
            "municipalities",
            self.tr("Gemeenten"),
            TagField(
                self.tr("typ een gemeente en druk op Enter"), municipality_names(), ordered=True
            ),
        )
        provinces = [(province.value, province.value) for province in Province]
        self._add(
            general, "province", self.tr("Provincie"), ChoiceField(provinces, self.tr("— geen —"))
        )
        self._add(general, "region", self.tr("Regio"), LineField(self.tr("bv. Meetjesland")))

        agreements = self._section("agreements", self.tr("Afsprakennota's"))
        self._add(agreements, "drawing_right_eur", self.tr("Trekkingsrecht"), EuroField())
        periods = TableField(
            [
                ColumnSpec("ordinal", self.tr("Nummer"), width=90, number=True),
                ColumnSpec("start_year", self.tr("Beginjaar"), width=110, number=True),
                ColumnSpec("end_year", self.tr("Eindjaar"), width=110, number=True),
            ],
            add_label=self.tr("Afsprakennota toevoegen"),
            new_row=_next_period,
        )
        self._add(agreements, "agreement_periods", self.tr("Afsprakennota's"), periods)

        vision = self._section("vision", self.tr("Visie en doelgroep"), self.tr("Visie"))
        self._add(vision, "vision", self.tr("Visie"), TextField(4, 18))
        self._add(vision, "target_group", self.tr("Focus doelgroep"), TextField(3, 12))

        partners = self._section("partners", self.tr("Partners"))
        self._add(
            partners,
            "instruments",
            self.tr("Instrumenten"),
            TagField(self.tr("typ een instrument en druk op Enter")),
        )
        partner_table = TableField(
            [
                ColumnSpec("name", self.tr("Naam"), weight=2),
                ColumnSpec("description", self.tr("Omschrijving"), multiline=True, weight=3),
            ],
            add_label=self.tr("Partner toevoegen"),
        )
        self._add(partners, "partners", self.tr("Partners"), partner_table, wide=True)

        goals = self._section(
            "goals", self.tr("Doelstellingen en acties"), self.tr("Doelstellingen")
        )
        goal_tree = TreeField(
            [
                Level("title", "actions", self.tr("+ Doelstelling")),
                Level("text", "children", self.tr("+ Actie")),
                Level("text", None, self.tr("+ Deelactie")),
            ]
        )
        self._add(
            goals, "goals", self.tr("Doelstellingen, acties en deelacties"), goal_tree, wide=True
        )
        loose_actions = TreeField(
            [
                Level("text", "children", self.tr("+ Actie")),
                Level("text", None, self.tr("+ Deelactie")),
            ]
        )
        self._add(goals, "actions", self.tr("Acties zonder doelstelling"), loose_actions, wide=True)

        contact = self._section("contact", self.tr("Overleg en contact"), self.tr("Contact"))
        self._add(contact, "meetings", self.tr("Overlegmomenten"), TextField(3, 12))
        contacts = TableField(
            [
                ColumnSpec("name", self.tr("Naam"), weight=4),
                ColumnSpec("role", self.tr("Functie"), weight=4),
                ColumnSpec("organisation", self.tr("Organisatie"), weight=4),
                ColumnSpec(
                    "email", self.tr("E-mail"), weight=5, sample="voornaam.naam@gemeente.be"
                ),
                ColumnSpec("phone", self.tr("Telefoon"), weight=3, sample="+32 89 65 38 11"),
            ],
            add_label=self.tr("Contactpersoon toevoegen"),
        )
        self._add(contact, "contacts", self.tr("Contactpersonen"), contacts, wide=True)

        other = self._section("other", self.tr("Andere rubrieken"), self.tr("Rubrieken"))
        self._add(other, "sections", self.tr("Rubrieken"), SectionsField(), wide=True)
        captions = TableField(
            [ColumnSpec("caption", self.tr("Bijschrift"))],
            add_label=self.tr("Bijschrift toevoegen"),
            scalar=True,
        )
        self._add(other, "captions", self.tr("Bijschriften"), captions)

        notes = self._section("notes", self.tr("Interne notities"), self.tr("Notities"))
        self._add(notes, "notes", self.tr("Notities"), TextField(4, 18))
        self.editors["notes"].setToolTip(
            self.tr("Alleen voor intern gebruik: komt niet op de afgedrukte fiche.")
        )

        info = self._section("info", self.tr("Gegevens"))
        self.info_created = InfoLabel()
        self.info_updated = InfoLabel()
        self.info_source = InfoLabel()
        self.info_id = InfoLabel()
        self.info_id.setObjectName("fieldHint")
        info.addRow(self.tr("Aangemaakt:"), self.info_created)
        info.addRow(self.tr("Laatst gewijzigd:"), self.info_updated)
        # The button under the source, not beside it: a long file name wraps in the whole
        # width instead of being cut off beside the button.
        source_box = QWidget()
        source_row = QVBoxLayout(source_box)
        source_row.setContentsMargins(0, 0, 0, 0)
        source_row.setSpacing(4)
        source_row.addWidget(self.info_source)
        self.raw_text_button = QPushButton(self.tr("Oorspronkelijke tekst tonen…"))
        self.raw_text_button.clicked.connect(self._show_raw_text)
        source_row.addWidget(self.raw_text_button, 0, Qt.AlignmentFlag.AlignLeft)
        info.addRow(self.tr("Bron:"), source_box)
        self.info_credits = InfoLabel()
        self.info_credits.setObjectName("infoCredits")
        self.info_credits.setTextFormat(Qt.TextFormat.PlainText)  # text from the file
        info.addRow(self.tr("Beeldrechten:"), self.info_credits)
        info.addRow(self.tr("Id:"), self.info_id)
        for number in range(info.rowCount()):
            label = info.itemAt(number, QFormLayout.ItemRole.LabelRole)
            widget = label.widget() if label is not None else None
            if widget is not None:
                widget.setObjectName("fieldLabel")
                widget.setMinimumWidth(130)

    # state --------------------------------------------------------------------------------------

    @property
    def current_id(self) -> UUID | None:
        """The stored record shown, or None (a new draft, or nothing)."""
        return self._record.id if self._record is not None else None

    @property
    def is_new(self) -> bool:
        return self._draft_id is not None

    def has_record(self) -> bool:
        return self._record is not None or self._draft_id is not None

    def is_modified(self) -> bool:
        return self._modified

    def stored_profile(self) -> NetworkProfile | None:
        return self._record

    def display_name(self) -> str:
        name = str(self._values.get("name") or "").strip()
        if name:
            return name
        if self._record is not None:
            return self._record.name
        return self.tr("Nieuw netwerk")

    def values(self) -> dict[str, Any]:
        """The working values, as the editors hold them (tests compare them)."""
        return {key: editor.value() for key, editor in self.editors.items()}

    def working_data(self) -> dict[str, Any]:
        """What :class:`NetworkProfile` is built from: bookkeeping plus the edited values."""
        if self._record is not None:
            data = self._record.model_dump(include=set(BOOKKEEPING_FIELDS))
        else:
            data = {"id": self._draft_id or uuid4(), "version": 0}
        data.update(self.values())
        return data

    # loading ------------------------------------------------------------------------------------

    def load(self, profile: NetworkProfile) -> None:
        """Show a stored record; the undo history starts afresh."""
        previous = self.current_id
        self._record = profile
        self._draft_id = None
        self._reset(values_from_profile(profile))
        if previous != profile.id:
            self.scroll_area.verticalScrollBar().setValue(0)
        self.recordChanged.emit(profile.id)

    def new_record(self) -> None:
        """Start a new, empty record (stored only when saved)."""
        self._record = None
        self._draft_id = uuid4()
        self._reset(empty_values())
        self.scroll_area.verticalScrollBar().setValue(0)
        self.recordChanged.emit(None)
        self.editors["name"].focus_target().setFocus()

    def clear(self) -> None:
        """Show nothing (the record was deleted, or another database was opened)."""
        had = self.has_record()
        self._record = None
        self._draft_id = None
        self._reset(empty_values())
        if had:
            self.recordChanged.emit(None)

    def _reset(self, values: dict[str, Any]) -> None:
        self._validate_timer.stop()
        self._set_editor_values(values)
        self._values = self.values()
        self._baseline = dict(self._values)
        self._touched = set()
        self._left = set()
        self._show_all_problems = False
        self.undo_stack.clear()
        self._show_problems([])
        self._update_municipality_notes()
        self._set_modified(False)
        self._update_header()

    def _set_editor_values(self, values: dict[str, Any]) -> None:
        self._applying = True
        try:
            for key, value in values.items():
                self.editors[key].set_value(value)
        finally:
            self._applying = False

    # editing ------------------------------------------------------------------------------------

    def _on_edited(self, key: str) -> None:
        if self._applying:
            return
        editor = self.editors[key]
        new = editor.value()
        old = self._values.get(key)
        if new == old:
            return
        changes: Changes = {key: (old, new)}
        if key == "municipalities":
            follows, province = self._filled_province(old or [], new or [])
            if follows and province != self._values["province"]:
                changes["province"] = (self._values["province"], province)
                self._applying = True
                self.editors["province"].set_value(province)
                self._applying = False
        for changed_key, (_before, after) in changes.items():
            self._values[changed_key] = after
        self._touched.update(changes)
        text = self.tr("{field} wijzigen").format(field=self.labels.get(key, key))
        self.undo_stack.push(
            FieldEditCommand(text, changes, self._apply_values, typing=editor.last_edit_typing)
        )
        self._after_change()

    def _filled_province(self, old: list[str], new: list[str]) -> tuple[bool, str | None]:
        """Whether the province follows the first municipality, and where that one lies.

        It follows unless the user chose it: a province that is empty, or the one the previous
        first municipality lies in, was filled in by us (or agrees with it anyway).
        """
        old_first = old[0] if old else None
        new_first = new[0] if new else None
        if new_first == old_first:
            return False, None
        current = self._values["province"]
        if current is not None and current != (province_of(old_first) if old_first else None):
            return False, None
        return True, province_of(new_first) if new_first else None

    def _apply_values(self, values: dict[str, Any]) -> None:
        """Put values back (undo/redo) without recording a new edit."""
        self._set_editor_values(values)
        self._values.update(values)
        self._touched.update(values)
        self._after_change()

    def _after_change(self) -> None:
        self._set_modified(self._values != self._baseline)
        self._update_municipality_notes()
        self._update_header()
        self._validate_timer.start()

    def _key_of(self, widget: QWidget | None) -> str | None:
        """The field a widget belongs to (a cell editor belongs to its table's field)."""
        while widget is not None:
            if isinstance(widget, FieldEditor):
                for key, editor in self.editors.items():
                    if editor is widget:
                        return key
            if widget is self:
                return None
            widget = widget.parentWidget()
        return None

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving a field that was edited: from now on its problems are shown."""
        left = self._key_of(old)
        if left is None or left == self._key_of(new) or left not in self._touched:
            return
        if left not in self._left:
            self._left.add(left)
            self.validate(mark_all=self._show_all_problems)

    def _set_modified(self, modified: bool) -> None:
        self.revert_button.setEnabled(modified)
        # A new record can always be saved: Ctrl+S on an empty one says what is missing.
        self.save_button.setEnabled(modified or self.is_new)
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)

    def _update_header(self) -> None:
        if not self.has_record():
            self.title_label.setText("")
            self.subtitle_label.setText("")
            return
        self.title_label.setText(self.display_name())
        parts = []
        municipalities = self._values.get("municipalities") or []
        if municipalities:
            parts.append(", ".join(municipalities))
        if self._record is None:
            parts.append(self.tr("nog niet opgeslagen"))
        elif self._record.updated_at is not None:
            parts.append(
                self.tr("laatst gewijzigd {moment}").format(
                    moment=local_time(self._record.updated_at)
                )
            )
        if self._modified:
            parts.append(self.tr("niet-opgeslagen wijzigingen"))
        if self._outside_list and self._record is not None:
            parts.append(self.tr("valt buiten de zoekopdracht"))
        self.subtitle_label.setText("  ·  ".join(parts))
        record = self._record
        self.info_created.setText(local_time(record.created_at) if record else "")
        self.info_updated.setText(
            self.tr("{moment} (versie {version})").format(
                moment=local_time(record.updated_at), version=record.version
            )
            if record
            else ""
        )
        source = record.source if record else None
        if source and (source.file_name or source.imported_at):
            text = source.file_name or self.tr("(zonder bestandsnaam)")
            if source.imported_at:
                text += "  ·  " + self.tr("ingelezen {moment}").format(
                    moment=local_time(source.imported_at)
                )
        else:
            text = self.tr("met de hand ingevoerd")
        self.info_source.setText(text)
        self.raw_text_button.setVisible(bool(source and source.raw_text))
        self.import_warnings.show_record(record)
        self.info_credits.setText("\n".join(record.credits) if record else "")
        self.info_id.setText(str(record.id) if record else "")

    def set_outside_list(self, outside: bool) -> None:
        """Say (in the line under the name) that the list beside it does not show this record:
        a search left it out, and "geen netwerken gevonden" must not look like a contradiction."""
        if outside != self._outside_list:
            self._outside_list = outside
            self._update_header()

    def is_outside_list(self) -> bool:
        return self._outside_list and self._record is not None

    def _show_raw_text(self) -> None:
        if self._record is not None:
            dialogs.show_text(
                self,
                self.tr("Oorspronkelijke tekst van {name}").format(name=self._record.name),
                self._record.source.raw_text,
            )

    # validation ---------------------------------------------------------------------------------

    def validate(self, *, mark_all: bool = True) -> NetworkProfile | None:
        """The working copy as a valid record, or None with its problems shown at the fields.

        ``mark_all=False`` marks only the fields the user edited and left (the field being
        typed in, a row just added and the fields not reached yet are not shouted at).
        """
        self._validate_timer.stop()
        self._update_municipality_notes()
        try:
            profile = NetworkProfile.model_validate(self.working_data())
        except ValidationError as error:
            found = messages.problems(error, self._language)
            shown = found if mark_all else [p for p in found if p.field in self._left]
            self.problems = found
            self._show_problems(shown)
            return None
        self.problems = []
        self._show_problems([])
        return profile

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        by_field: dict[str, list[FieldProblem]] = {}
        elsewhere = []
        for problem in problems:
            if problem.field in self.editors:
                by_field.setdefault(problem.field, []).append(problem)
            else:
                elsewhere.append(problem)
        for key, editor in self.editors.items():
            editor.show_problems(by_field.get(key, []), self._language)
        if self._show_all_problems and problems:
            # One line in a place kept for it: the form does not move when it comes or goes.
            first = problems[0].message
            text = (
                self.tr("Nog niet in orde: {problem}").format(problem=first)
                if len(problems) == 1
                else self.tr("Nog {count} dingen in orde brengen: {problem} …").format(
                    count=len(problems), problem=first
                )
            )
            details = "\n".join(f"• {problem.message}" for problem in problems[:12])
            self.banner.set_message(text, details)
        else:
            self.banner.set_message("")

    def first_problem_editor(self) -> FieldEditor | None:
        fields = {problem.field for problem in self.problems}
        return next((editor for key, editor in self.editors.items() if key in fields), None)

    def go_to_first_problem(self) -> None:
        first = self.first_problem_editor()
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first, 0, 40)
            first.focus_target().setFocus()

    def _update_municipality_notes(self) -> None:
        """A municipality not in the reference list is kept, but marked, with the known names
        closest to it as links that put that name in its place."""
        names = tuple(self._values.get("municipalities") or [])
        if names == self._municipality_notes_for:
            return
        self._municipality_notes_for = names
        field = self.editors["municipalities"]
        assert isinstance(field, TagField)
        notes = {}
        for index, name in enumerate(names):
            if is_known_municipality(name):
                continue
            links = [
                f'<a href="replace:{index}:{quote(suggestion)}">{html.escape(suggestion)}</a>'
                for suggestion in closest_municipalities(name)
            ]
            notes[index] = messages.unknown_municipality(html.escape(name), links, self._language)
        field.set_notes(notes)

    # saving -------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and store the working copy. True when the record is stored (or nothing was
        changed); False when the user must still act (problems shown, conflict cancelled)."""
        if not self.has_record():
            return True
        for editor in self.editors.values():
            editor.commit_pending()
        if not self._modified and not self.is_new:
            return True
        self._show_all_problems = True
        profile = self.validate(mark_all=True)
        if profile is None:
            self.go_to_first_problem()
            dialogs.show_validation_summary(self, [problem.message for problem in self.problems])
            return False
        return self._write(profile, force=False)

    def _write(self, profile: NetworkProfile, *, force: bool, recreate: bool = False) -> bool:
        was_new = self.is_new
        self._saving = True
        try:
            if recreate:
                # Deleted elsewhere and saved again on purpose: back with its id and history.
                stored = self._session.restore(profile)
            else:
                stored = self._session.save(profile, force=force)
        except ConflictError as error:
            self._saving = False
            return self._resolve_conflict(profile, error)
        except StoreError as error:
            self._saving = False
            dialogs.show_error(self, self.tr("Niet opgeslagen"), error.message(self._language))
            return False
        finally:
            self._saving = False
        self._after_saved(stored)
        if was_new:
            self.recordChanged.emit(stored.id)
        self.saved.emit(stored)
        return True

    def mark_checked(self) -> None:
        """Mark the record's import warnings checked: stored at once (edits stay unsaved)."""
        if self._record is None:
            return
        self._saving = True  # this form's own change: no reload of the record below the edits
        try:
            stored = self._session.mark_checked(self._record.id, self._record.version)
        except ConflictError as error:
            self._saving = False
            dialogs.show_error(self, self.tr("Niet opgeslagen"), error.message(self._language))
            if not self._modified and error.current is not None:
                self.load(error.current)
            return
        except StoreError as error:
            self._saving = False
            dialogs.show_error(self, self.tr("Niet opgeslagen"), error.message(self._language))
            return
        finally:
            self._saving = False
        self._record = stored
        self._update_header()

    def _resolve_conflict(self, profile: NetworkProfile, error: ConflictError) -> bool:
        choice = dialogs.ask_conflict(
            self, error.message(self._language), deleted=error.current is None
        )
        if choice == dialogs.ConflictChoice.OVERWRITE:
            return self._write(profile, force=True, recreate=error.current is None)
        if choice == dialogs.ConflictChoice.RELOAD:
            if error.current is None:
                self.clear()
            else:
                self.load(error.current)
            return True
        return False

    def _after_saved(self, stored: NetworkProfile) -> None:
        """The stored record becomes the baseline; the undo history stays usable."""
        self._record = stored
        self._draft_id = None
        stored_values = values_from_profile(stored)
        # The schema may have tidied values (spaces, order of periods): show what was stored.
        changed = {
            key: value for key, value in stored_values.items() if value != self._values.get(key)
        }
        if changed:
            self._set_editor_values(changed)
        self._values = self.values()
        self._baseline = dict(self._values)
        self._show_all_problems = False
        self.undo_stack.setClean()
        self._show_problems([])
        self._set_modified(False)
        self._update_header()

    def revert(self) -> None:
        """Back to the stored version. Undoable, unless the stored version itself moved on."""
        if not self._modified:
            return
        if self._record is None:
            target = empty_values()
        else:
            fresh = self._session.find(self._record.id)
            if fresh is None or fresh.version != self._record.version:
                # Someone else changed or deleted it: show that, not my stale copy.
                if fresh is None:
                    dialogs.show_error(
                        self,
                        self.tr("Verwijderd"),
                        self.tr("'{name}' werd intussen verwijderd.").format(
                            name=self._record.name
                        ),
                    )
                    self.clear()
                else:
                    self.load(fresh)
                return
            target = values_from_profile(fresh)
        self._set_editor_values(target)
        now = self.values()
        changes: Changes = {
            key: (self._values[key], now[key]) for key in now if now[key] != self._values[key]
        }
        self._values = now
        self._touched.update(changes)
        self.undo_stack.push(
            FieldEditCommand(self.tr("wijzigingen ongedaan maken"), changes, self._apply_values)
        )
        self._show_all_problems = False
        self._after_change()

    def discard(self) -> None:
        """Drop the edits without asking (the user chose "Niet opslaan")."""
        if self._record is not None:
            self._reset(values_from_profile(self._record))
        elif self._draft_id is not None:
            self.clear()

    # listening ----------------------------------------------------------------------------------

    def _on_session_changed(self, change: Change) -> None:
        """Keep an unedited record up to date; an edited one is checked when saved."""
        if self._saving or self._record is None:
            return
        if change.kind != ChangeKind.RELOADED and self._record.id not in change.ids:
            return
        if self._modified:
            return
        fresh = self._session.find(self._record.id)
        if fresh is None:
            self.clear()
        elif fresh.version != self._record.version or change.kind == ChangeKind.RELOADED:
            self.load(fresh)

    # navigation ---------------------------------------------------------------------------------

    def scroll_to_section(self, key: str) -> None:
        frame = self.section_frames.get(key)
        if frame is not None:
            self.scroll_area.verticalScrollBar().setValue(frame.y() - 6)

    def editor(self, key: str) -> FieldEditor:
        return self.editors[key]

    def sizeHint(self) -> Any:
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 760))
        return hint
