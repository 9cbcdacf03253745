"""The printed profile in the window: the "Profiel" tab and the print and PDF actions.

:class:`ProfilePreview` shows :func:`desktop.printing.profile_html.profile_html` with the print stylesheet,
the same document that prints. :class:`PrintController` runs Bestand › Afdrukvoorbeeld…,
Afdrukken…, Exporteren als PDF… and the batch export; every question it asks (file, folder,
batch kind, overwrite) and every modal dialog it runs sits behind one small method, so a test
replaces that method instead of clicking through a dialog that would block it.

The window installs this at start-up: the printing modules (and pydantic through them) are
loaded when something is first shown or printed, not before the window's first paint.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.model.changes import Change, ChangeKind
from db.model.errors import StoreError
from desktop import dialogs

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

    from db.model.schemas import NetworkProfile
    from db.storage.store import Store
    from desktop.printing.documents import LazyProfiles, PrintOptions, Progress
    from desktop.window.main_window import MainWindow


class ProfilePreview(QTextBrowser):
    """The selected network's profile as it prints (without the page header and footer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilePreview")
        self.setReadOnly(True)
        # The only links are mailto: and tel: ones, handed to the mail or phone program.
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_mail)
        self.document().setDocumentMargin(18)
        self.document().setIndentWidth(20)
        # Paper colours whatever the desktop theme: the tab shows what prints.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("white"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
        self.setPalette(palette)
        self.include_notes = False
        self._profile: NetworkProfile | None = None
        self._styled = False
        self._show_placeholder()

    def _style_document(self) -> None:
        """The print stylesheet and font, set before the first profile is shown (loading the
        printing modules only then keeps them out of the window's start-up)."""
        if self._styled:
            return
        from desktop.printing.documents import print_font
        from desktop.printing.profile_html import print_stylesheet

        self.document().setDefaultStyleSheet(print_stylesheet())
        self.document().setDefaultFont(print_font())
        self._styled = True

    def _show_placeholder(self) -> None:
        message = self.tr("Kies een netwerk in de lijst om zijn profiel te zien.")
        self.setHtml(f'<html><body><p class="meta">{escape(message)}</p></body></html>')

    @property
    def profile(self) -> NetworkProfile | None:
        return self._profile

    def show_profile(self, profile: NetworkProfile | None) -> None:
        self._profile = profile
        self._style_document()
        if profile is None:
            self._show_placeholder()
            return
        from desktop.printing.profile_html import profile_html

        scroll = self.verticalScrollBar().value()
        self.setHtml(profile_html(profile, include_notes=self.include_notes))
        self.verticalScrollBar().setValue(scroll)  # a save should not jump to the top

    def set_include_notes(self, include: bool) -> None:
        self.include_notes = include
        self.show_profile(self._profile)

    @staticmethod
    def _open_mail(url: QUrl) -> None:
        # Only a plain address or number: options (?cc=, &body=) never reach the mail program.
        if url.scheme() in ("mailto", "tel") and not url.hasQuery() and not url.hasFragment():
            QDesktopServices.openUrl(url)


class BatchKind(enum.Enum):
    ONE_FILE = "one_file"  # one PDF with a title page and contents
    FOLDER = "folder"  # one PDF per network


@dataclass(frozen=True)
class BatchChoice:
    kind: BatchKind
    include_notes: bool


class BatchDialog(QDialog):
    """How to export several networks: one PDF with contents, or one PDF each into a folder."""

    def __init__(self, parent: QWidget | None, count: int, include_notes: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Profielen exporteren als PDF"))
        layout = QVBoxLayout(self)
        question = (
            self.tr("1 netwerk exporteren:")
            if count == 1
            else self.tr("{count} netwerken exporteren:").format(count=count)
        )
        layout.addWidget(QLabel(question))
        self.one_file = QRadioButton(self.tr("Eén PDF met titelpagina en inhoudstafel"), self)
        self.folder = QRadioButton(self.tr("Eén PDF per netwerk, in een map"), self)
        self.one_file.setChecked(True)
        self.notes = QCheckBox(self.tr("Interne notities meedrukken"), self)
        self.notes.setChecked(include_notes)
        for widget in (self.one_file, self.folder, self.notes):
            layout.addWidget(widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> BatchChoice:
        kind = BatchKind.FOLDER if self.folder.isChecked() else BatchKind.ONE_FILE
        return BatchChoice(kind, self.notes.isChecked())


class SuggestedPdfName(QObject):
    """Puts a sensible file name in the print dialog's "print to file" field each time it is
    shown (Qt's own suggestion is ``print.pdf`` in the home or current folder of whoever runs
    the program); the dialog fills that field when it is shown, so this comes right after."""

    def __init__(self, dialog: QDialog, suggested: Path) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self.suggested = suggested
        dialog.installEventFilter(self)
        self._apply()

    def _apply(self) -> None:
        field = self._dialog.findChild(QLineEdit, "filename")
        if field is not None:
            field.setText(str(self.suggested))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._dialog and event.type() == QEvent.Type.Show:
            self._apply()
        return False


class PrintController(QObject):
    """The print and PDF actions of the main window, for the networks the window hands it."""

    def __init__(self, parent: QWidget, store: Callable[[], Store]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._store = store
        self.last_folder: Path | None = None
        self.language = (
            "nl"  # of error messages from desktop.printing.documents; the window sets its own
        )
        self.action_include_notes = QAction(self.tr("Interne notities meedrukken"), self)
        self.action_include_notes.setCheckable(True)
        self.action_include_notes.setObjectName("actionIncludeNotes")
        # Whether a PDF leaves without personal data (the window's Exporteren menu says).
        self.without_personal_data: Callable[[], bool] = lambda: False
        self._progress_dialog: QProgressDialog | None = None

    # --- what to print -----------------------------------------------------------------------

    @property
    def include_notes(self) -> bool:
        return self.action_include_notes.isChecked()

    def options(self, *, include_notes: bool | None = None, description: str = "") -> PrintOptions:
        from desktop.printing.documents import PrintOptions

        notes = self.include_notes if include_notes is None else include_notes
        return PrintOptions(include_notes=notes, description=description)

    def stored(self, ids: Sequence[UUID | str]) -> LazyProfiles:
        """Stored networks by id, fetched a chunk at a time while printing."""
        from desktop.printing.documents import LazyProfiles

        return LazyProfiles(self._store(), ids)

    # --- the actions -------------------------------------------------------------------------

    def print_preview(self, profiles: Sequence[NetworkProfile]) -> None:
        if not profiles:
            return
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        printer = self._new_printer()
        dialog = QPrintPreviewDialog(printer, self._parent)
        dialog.setWindowTitle(self.tr("Afdrukvoorbeeld"))
        options = self.options()
        dialog.paintRequested.connect(lambda device: self._paint(device, profiles, options))
        self._run_preview_dialog(dialog)
        dialog.deleteLater()

    def print_dialog(self, profiles: Sequence[NetworkProfile]) -> bool:
        """Ask for a printer and print; True when the pages went to the printer."""
        if not profiles:
            return False
        from PySide6.QtPrintSupport import QPrintDialog

        from db.text.file_names import safe_file_stem
        from desktop.printing.documents import PrintCancelled

        printer = self._new_printer()
        printer.setDocName(profiles[0].name if len(profiles) == 1 else "")
        dialog = QPrintDialog(printer, self._parent)
        # In the English window: the profile is a Dutch document and prints as one.
        dialog.setWindowTitle(
            self.tr("Afdrukken (de fiche wordt in het Nederlands afgedrukt)")
            if self.language == "en"
            else self.tr("Afdrukken")
        )
        stem = (
            safe_file_stem(profiles[0].lead_municipality)
            if len(profiles) == 1
            else self.tr("Profielen lokale netwerken")
        )
        suggest = SuggestedPdfName(dialog, self._start_folder() / f"{stem}.pdf")
        accepted = self._run_print_dialog(dialog)
        suggest.deleteLater()
        dialog.deleteLater()
        if not accepted:
            return False
        options = self.options()
        progress = self._progress(len(profiles)) if len(profiles) > 1 else None
        try:
            self._paint(printer, profiles, options, progress)
        except PrintCancelled:
            printer.abort()
            return False
        except StoreError as error:
            printer.abort()
            self._show_error(self.tr("Afdrukken mislukt"), error.message(self.language))
            return False
        finally:
            self._close_progress()
        return True

    def export_pdf(self, profiles: Sequence[NetworkProfile]) -> Path | None:
        """One PDF: a single profile, or several behind a title page and contents."""
        if not profiles:
            return None
        from db.text.file_names import safe_file_stem

        if len(profiles) == 1:
            suggested = safe_file_stem(profiles[0].lead_municipality) + ".pdf"
        else:
            suggested = self.tr("Profielen lokale netwerken") + ".pdf"
        path = self._ask_pdf_path(self._start_folder() / suggested)
        if path is None:
            return None
        return self._write_one_file(path, profiles, self.options())

    def export_batch(self, profiles: Sequence[NetworkProfile], description: str = "") -> list[Path]:
        """Several networks: asks one file with contents or one file per network in a folder."""
        if not profiles:
            return []
        from desktop.printing.documents import PrintCancelled, existing_files, write_pdf_folder

        choice = self._ask_batch_kind(len(profiles))
        if choice is None:
            return []
        options = self.options(include_notes=choice.include_notes, description=description)
        if choice.kind is BatchKind.ONE_FILE:
            suggested = self._start_folder() / (self.tr("Profielen lokale netwerken") + ".pdf")
            path = self._ask_pdf_path(suggested)
            if path is None:
                return []
            written = self._write_one_file(path, profiles, options)
            return [written] if written else []
        folder = self._ask_folder(self._start_folder())
        if folder is None:
            return []
        try:
            clashes = existing_files(folder, profiles)
        except StoreError as error:  # a folder too deep for Windows' path limit
            self._show_error(self.tr("Exporteren mislukt"), error.message(self.language))
            return []
        if clashes and not self._confirm_overwrite(clashes):
            return []
        self.last_folder = folder
        profiles = self._for_export(profiles)
        try:
            return write_pdf_folder(
                folder,
                profiles,
                options,
                self._progress(len(profiles)),
                protected=self._database_path(),
            )
        except PrintCancelled:
            return []
        except StoreError as error:
            self._show_error(self.tr("Exporteren mislukt"), error.message(self.language))
            return []
        finally:
            self._close_progress()

    # --- helpers -------------------------------------------------------------------------------

    def _database_path(self) -> Path | None:
        """The open database's file, which no PDF may overwrite."""
        try:
            return self._store().path
        except StoreError:
            return None

    def _for_export(self, profiles: Sequence[NetworkProfile]) -> Sequence[NetworkProfile]:
        """``profiles`` as a PDF may show them: without personal data when that is asked."""
        if not self.without_personal_data():
            return profiles
        from db.model.personal_data import filtered_profile
        from db.storage.personal_names import personal_data_filter
        from desktop.printing.documents import LazyProfiles

        personal_filter = personal_data_filter(self._store())
        if isinstance(profiles, LazyProfiles):
            return profiles.filtered(lambda p: filtered_profile(personal_filter, p))
        return [filtered_profile(personal_filter, profile) for profile in profiles]

    def _write_one_file(
        self, path: Path, profiles: Sequence[NetworkProfile], options: PrintOptions
    ) -> Path | None:
        from desktop.printing.documents import PrintCancelled, write_pdf

        profiles = self._for_export(profiles)
        self.last_folder = path.parent
        dialogs.remember_folder(path.parent)
        progress = self._progress(len(profiles)) if len(profiles) > 1 else None
        try:
            write_pdf(path, profiles, options, progress, protected=self._database_path())
        except PrintCancelled:
            return None
        except StoreError as error:
            self._show_error(self.tr("Exporteren mislukt"), error.message(self.language))
            return None
        finally:
            self._close_progress()
        return path

    @staticmethod
    def _paint(
        device: QPrinter,
        profiles: Sequence[NetworkProfile],
        options: PrintOptions,
        progress: Progress | None = None,
    ) -> None:
        from desktop.printing.documents import print_collection, print_profile

        if len(profiles) == 1:
            print_profile(device, profiles[0], options)
        else:
            print_collection(device, profiles, options, progress)

    @staticmethod
    def _new_printer() -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from desktop.printing.documents import setup_page

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_page(printer)
        return printer

    def _start_folder(self) -> Path:
        if self.last_folder is not None:
            return self.last_folder
        return dialogs.start_folder()  # the last folder of any file dialog, or Documents

    def _progress(self, count: int) -> Progress:
        """A progress dialog with a cancel button, as a callback for desktop.printing.documents."""
        dialog = QProgressDialog(
            self.tr("Profielen opmaken…"), self.tr("Annuleren"), 0, 1, self._parent
        )
        dialog.setWindowTitle(self.tr("PDF maken"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        self._progress_dialog = dialog

        def report(done: int, total: int, name: str) -> bool:
            if dialog.maximum() != total:
                dialog.setMaximum(total)
            if name:
                dialog.setLabelText(self.tr("Bezig met {name}…").format(name=name))
            dialog.setValue(done)  # a modal progress dialog processes events here
            return not dialog.wasCanceled()

        return report

    def _close_progress(self) -> None:
        if self._progress_dialog is not None:
            self._progress_dialog.reset()
            self._progress_dialog.deleteLater()
            self._progress_dialog = None

    # --- the questions: one small method each, replaced in tests -------------------------------

    def _ask_pdf_path(self, suggested: Path) -> Path | None:
        with dialogs.roomy_file_dialogs():
            name, _filter = QFileDialog.getSaveFileName(
                self._parent,
                self.tr("Exporteren als PDF"),
                str(suggested),
                self.tr("PDF-bestanden (*.pdf)"),
            )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def _ask_folder(self, start: Path) -> Path | None:
        with dialogs.roomy_file_dialogs():
            name = QFileDialog.getExistingDirectory(
                self._parent, self.tr("Map voor de PDF-bestanden"), str(start)
            )
        return Path(name) if name else None

    def _ask_batch_kind(self, count: int) -> BatchChoice | None:
        dialog = BatchDialog(self._parent, count, self.include_notes)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.choice()
        finally:
            dialog.deleteLater()

    def _confirm_overwrite(self, clashes: list[Path]) -> bool:
        names = ", ".join(path.name for path in clashes[:5])
        if len(clashes) > 5:
            names += self.tr(" en nog {count} andere").format(count=len(clashes) - 5)
        answer = QMessageBox.question(
            self._parent,
            self.tr("Bestanden overschrijven?"),
            (
                self.tr("Dit bestand bestaat al in deze map: {names}. Overschrijven?")
                if len(clashes) == 1
                else self.tr("{count} bestanden in deze map bestaan al: {names}. Overschrijven?")
            ).format(count=len(clashes), names=names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _run_preview_dialog(self, dialog: QPrintPreviewDialog) -> None:
        dialog.exec()

    def _run_print_dialog(self, dialog: QPrintDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _show_error(self, title: str, message: str) -> None:
        from desktop import dialogs

        dialogs.show_error(self._parent, title, message)  # plain text: it may quote a name


class WindowPrinting(QObject):
    """The print view wired into the main window: the "Profiel" tab beside the form, and
    Bestand › Afdrukvoorbeeld…, Afdrukken… (Ctrl+P), Exporteren › Exporteren als PDF… for the
    network shown, plus "Netwerken in de lijst als PDF…" for the list (all, or a search result)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = PrintController(window, lambda: window.session.store)
        self.controller.language = window.language
        self.controller.without_personal_data = window.action_without_personal_data.isChecked
        self.preview = ProfilePreview(window.tabs)
        self.preview_tab = window.tabs.addTab(self.preview, self.tr("Profiel"))
        self._shown_id: UUID | None = window.form.current_id if window.has_form() else None
        self._stale = True

        self.action_list_pdf = QAction(self.tr("Netwerken in de lijst als PDF…"), window)
        self.action_list_pdf.setObjectName("actionListPdf")
        tip = self.tr("Alle netwerken in de lijst (ook een zoekresultaat) als PDF")
        self.action_list_pdf.setToolTip(tip)
        self.action_list_pdf.setStatusTip(tip)
        self.action_list_pdf.triggered.connect(lambda _checked=False: self.export_list())

        window.enable_action(window.action_print_preview, lambda: self.print_preview())
        window.enable_action(window.action_print, lambda: self.print_current())
        window.enable_action(window.action_export_pdf, lambda: self.export_current())
        # Once, under Exporteren beside "Exporteren als PDF…" (it stood in Bestand as well).
        _insert_after(window.menu_export, window.action_export_pdf, self.action_list_pdf)
        _insert_after(window.menu_file, window.action_print, self.controller.action_include_notes)

        window.currentRecordChanged.connect(self._on_record_changed)
        window.session.changed.connect(self._on_session_changed)
        window.session.databaseChanged.connect(lambda _store: self._on_record_changed(None))
        window.tabs.currentChanged.connect(lambda _index: self._refresh_if_visible())
        self.controller.action_include_notes.toggled.connect(self._on_notes_toggled)
        self.window.list_model.countChanged.connect(lambda _shown, _total: self._update_actions())
        self._update_actions()

    # what is printed ----------------------------------------------------------------------------

    def current_profile(self) -> NetworkProfile | None:
        """The stored version of the network shown in the form (unsaved edits are not printed)."""
        if self._shown_id is None:
            return None
        profile = self.window.session.find(self._shown_id)
        if profile is not None and self.window.has_form() and self.window.form.is_modified():
            self.window.statusBar().showMessage(
                self.tr("Let op: niet-opgeslagen wijzigingen staan niet op de afdruk."), 6000
            )
        return profile

    def list_ids(self) -> list[UUID]:
        """The networks the list shows: several selected rows, else the whole list."""
        view = self.window.list_view
        rows = sorted(index.row() for index in view.selectionModel().selectedRows())
        model = self.window.list_model
        if len(rows) > 1:
            return [i for i in (model.id_at(row) for row in rows) if i is not None]
        return model.ids()

    # the actions ------------------------------------------------------------------------------

    def print_preview(self) -> None:
        profile = self.current_profile()
        if profile is not None:
            self.controller.print_preview([profile])

    def print_current(self) -> bool:
        profile = self.current_profile()
        return profile is not None and self.controller.print_dialog([profile])

    def export_current(self) -> Path | None:
        profile = self.current_profile()
        return self.controller.export_pdf([profile]) if profile is not None else None

    def export_list(self) -> list[Path]:
        ids = self.list_ids()
        model = self.window.list_model
        description = ""
        if model.is_subset:
            description = self.tr("Zoekresultaat: {shown} van {total} netwerken").format(
                shown=len(ids), total=model.total
            )
        written = self.controller.export_batch(self.controller.stored(ids), description)
        if written:
            self.window.statusBar().showMessage(
                self.tr("PDF gemaakt: {where}").format(
                    where=written[0] if len(written) == 1 else written[0].parent
                ),
                6000,
            )
        return written

    # keeping the "Profiel" tab current ----------------------------------------------------------

    def _on_record_changed(self, network_id: UUID | None) -> None:
        self._shown_id = network_id
        self._stale = True
        self._refresh_if_visible()
        self._update_actions()

    def _on_session_changed(self, change: Change) -> None:
        if self._shown_id is None:
            return
        if change.kind is ChangeKind.RELOADED or self._shown_id in change.ids:
            self._stale = True
            self._refresh_if_visible()

    def _on_notes_toggled(self, include: bool) -> None:
        self.preview.include_notes = include
        self._stale = True
        self._refresh_if_visible()

    def _refresh_if_visible(self) -> None:
        """Rebuild the tab's document only when it is looked at: switching records in the list
        does not pay for a preview nobody sees."""
        if not self._stale or self.window.tabs.currentWidget() is not self.preview:
            return
        profile = self.window.session.find(self._shown_id) if self._shown_id else None
        self.preview.show_profile(profile)
        self._stale = False

    def _update_actions(self) -> None:
        has_record = self._shown_id is not None
        for action in (
            self.window.action_print,
            self.window.action_print_preview,
            self.window.action_export_pdf,
        ):
            action.setEnabled(has_record)
        self.action_list_pdf.setEnabled(self.window.list_model.rowCount() > 0)


def _insert_after(menu: QMenu, anchor: QAction, action: QAction) -> None:
    """Put ``action`` right after ``anchor`` in ``menu`` (at the end if the anchor is last)."""
    actions = menu.actions()
    following = next(
        (actions[i + 1] for i, candidate in enumerate(actions[:-1]) if candidate is anchor), None
    )
    if following is None:
        menu.addAction(action)
    else:
        menu.insertAction(following, action)


def install_printing(window: MainWindow) -> WindowPrinting:
    """Add the "Profiel" tab and connect the print and PDF actions of ``window``."""
    return WindowPrinting(window)
