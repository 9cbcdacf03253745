"""Typed settings over ``QSettings``, declared once with their defaults.

Two groups, kept apart on purpose (as Picard does): *preferences* are what the user chose
(language, recent databases) and *window state* is what the program remembers about its
windows (geometry, splitter, column widths). Resetting the layout must never cost a preference.

Everything is stored in one INI file. Tests hand in their own file so nothing leaks between them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Generic, TypeVar, cast, overload

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "Netwerken"
APPLICATION = "Netwerken"
MAX_RECENT_DATABASES = 8
LANGUAGES = ("nl", "en")


class Setting(Generic[T]):
    """One key with its default and type; reads and writes through the owner's ``QSettings``."""

    def __init__(self, key: str, default: T, item_type: type | None = None) -> None:
        self.key = key
        self.default = default
        self.item_type = item_type  # for lists: the type of their items (INI stores text)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, group: None, owner: type) -> Setting[T]: ...
    @overload
    def __get__(self, group: SettingsGroup, owner: type) -> T: ...
    def __get__(self, group: SettingsGroup | None, owner: type) -> Setting[T] | T:
        if group is None:
            return self
        key = f"{group.prefix}/{self.key}"
        raw = group.qsettings.value(key, None)
        if raw is None:
            # A copy, so a caller that edits the list never edits the default.
            return cast(T, list(self.default)) if isinstance(self.default, list) else self.default
        value = _coerce(raw, self.default)
        if self.item_type is not None and isinstance(value, list):
            try:
                value = [self.item_type(item) for item in value]
            except (TypeError, ValueError):
                return self.default
        return cast(T, value)

    def __set__(self, group: SettingsGroup, value: T) -> None:
        group.qsettings.setValue(f"{group.prefix}/{self.key}", value)


def _coerce(raw: Any, default: Any) -> Any:
    """INI files give back strings; bring a stored value back to the type of its default."""
    try:
        if isinstance(default, bool):
            if isinstance(raw, str):
                return raw.strip().lower() in {"true", "1", "yes"}
            return bool(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, list):
            if isinstance(raw, str):
                return [raw] if raw else []
            return list(raw)
        if isinstance(default, QByteArray):
            return raw if isinstance(raw, QByteArray) else QByteArray(raw)
        if isinstance(default, str):
            return str(raw)
    except (TypeError, ValueError):
        return default
    return raw


class SettingsGroup:
    prefix = ""

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings


class Preferences(SettingsGroup):
    """What the user chose."""

    prefix = "preferences"
    language = Setting("language", "nl")
    recent_databases: Setting[list[str]] = Setting("recent_databases", [], item_type=str)
    # False once the officer chose to leave the database in its old place (see db.storage.locations).
    offer_database_move = Setting("offer_database_move", True)
    # Who the changes made here are by, in each network's history ('' = the operating-system user).
    author_name = Setting("author_name", "")

    def add_recent_database(self, path: Path) -> None:
        # Absolute, but as the user chose it: resolve() turns a mapped drive (S:\\) into the
        # UNC path behind it on Windows, and follows links the user meant to keep.
        entry = os.path.abspath(path)
        recent = [other for other in self.recent_databases if other != entry]
        self.recent_databases = [entry, *recent][:MAX_RECENT_DATABASES]

    def remove_recent_database(self, path: str) -> None:
        self.recent_databases = [other for other in self.recent_databases if other != path]


class WindowState(SettingsGroup):
    """What the program remembers about its main window."""

    prefix = "window"
    geometry = Setting("geometry", QByteArray())
    state = Setting("state", QByteArray())
    splitter = Setting("splitter", QByteArray())
    # The list's width as the officer left it, per kind of window size (see MainWindow).
    list_width_narrow = Setting("list_width_narrow", 0)
    list_width_medium = Setting("list_width_medium", 0)
    list_width_wide = Setting("list_width_wide", 0)
    column_widths: Setting[list[int]] = Setting("column_widths", [], item_type=int)
    sort_column = Setting("sort_column", 0)
    sort_descending = Setting("sort_descending", False)
    last_network_id = Setting("last_network_id", "")


class Settings:
    """The program's settings file: ``settings.preferences`` and ``settings.window``."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self.qsettings = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
            )
        else:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        self.preferences = Preferences(self.qsettings)
        self.window = WindowState(self.qsettings)

    @property
    def path(self) -> str:
        return self.qsettings.fileName()

    def sync(self) -> None:
        self.qsettings.sync()

    def reset_window_state(self) -> None:
        self.qsettings.remove(WindowState.prefix)
