"""Loading translations: the program's own (Dutch is the source language) and Qt's.

Dutch needs no file of ours: the strings in the code are Dutch. English comes from
``resources/translations/netwerken_en.qm``; when that file is missing the program stays Dutch
rather than failing. Qt's own ``qtbase_<lang>.qm`` is loaded too, so standard dialogs and buttons
(Annuleren, Opslaan, file dialogs) speak the same language as the rest of the window.

Numbers, amounts and dates are Belgian Dutch whatever the language: the data is Flemish.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES: dict[str, str] = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"

# The translators must outlive this module's functions: Qt keeps only a pointer to them.
_installed: list[QTranslator] = []

# Strings of Qt's own dialogs that its Dutch catalogue (qtbase_nl) lacks: Qt changed them (an
# "&" moved) after the catalogue was made, so the file dialog said "Look in:" and "Files of
# type:" in an otherwise Dutch window. (context, English) -> Dutch.
QT_GAPS_NL: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Zoeken in:",
    ("QFileDialog", "Files of &type:"): "Bestands&type:",
    ("QAbstractFileIconProvider", "Folder"): "Map",
    ("QAbstractFileIconProvider", "File"): "Bestand",
    ("QAbstractFileIconProvider", "Drive"): "Station",
    ("QAbstractFileIconProvider", "%1 File"): "%1-bestand",
    ("QPrintSettingsOutput", "Page &Set:"): "Pagina&selectie:",
    ("QPrintSettingsOutput", "Double Sided Printing"): "Dubbelzijdig afdrukken",
    ("QPrintSettingsOutput", "Off"): "Uit",
    ("QPrintSettingsOutput", "Long side binding"): "Binden langs de lange zijde",
    ("QPrintSettingsOutput", "Short side binding"): "Binden langs de korte zijde",
}


class GapTranslator(QTranslator):
    """Answers only for the few strings in ``gaps``; Qt asks the other translators the rest."""

    def __init__(self, gaps: dict[tuple[str, str], str], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._gaps = gaps

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        # None (a null text) lets Qt ask the next translator; "" would count as a translation.
        return self._gaps.get((context, source))  # type: ignore[return-value]

    def isEmpty(self) -> bool:
        return False


def data_locale() -> QLocale:
    """The locale for numbers, amounts and dates: nl_BE, also in the English interface."""
    return QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium)


def normalise_language(language: str | None) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def program_translation(language: str) -> Path | None:
    """The .qm file with the program's strings in ``language``, or None (Dutch needs none)."""
    if language == DEFAULT_LANGUAGE:
        return None
    candidate = TRANSLATIONS_DIR / f"netwerken_{language}.qm"
    return candidate if candidate.is_file() else None


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_translations(app: QCoreApplication, language: str | None) -> str:
    """Install the translators for ``language``; returns the language the program's strings
    really use (Dutch when the English file is missing)."""
    remove_translations(app)
    QLocale.setDefault(data_locale())
    language = normalise_language(language)
    own_file = program_translation(language)
    if language != DEFAULT_LANGUAGE:
        own = QTranslator(app)
        if own_file is None or not own.load(str(own_file)):
            # Half a translation is worse than none: buttons and messages stay in one language.
            language = DEFAULT_LANGUAGE
        else:
            app.installTranslator(own)
            _installed.append(own)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_translations_dir()):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    if language == "nl":
        gaps = GapTranslator(QT_GAPS_NL, app)  # installed last: asked first
        app.installTranslator(gaps)
        _installed.append(gaps)
    return language


def remove_translations(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())
