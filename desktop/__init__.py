"""Netwerken's desktop program: the Qt GUI and the ``netwerken`` command; it holds no data rules."""

from __future__ import annotations

import ctypes
import os
import sys
from importlib.util import find_spec


def _guard_against_pyside_6_12_none_leak() -> None:
    """PySide6 6.12.0 on Python 3.11 returns ``None`` from every void Qt method without a new
    reference: a few thousand calls (any longer session, a batch of PDF pages) free ``None`` and
    the interpreter aborts ("deallocating None"). pyproject.toml keeps 6.12 out; should it be
    installed anyway, give ``None`` a reference count no program uses up, as Python 3.12 does
    by making it immortal."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    if _installed_version("shiboken6").startswith("6.12."):
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


def _installed_version(distribution: str) -> str:
    """The version in the name of the package's ``.dist-info`` folder ("" if not found).

    importlib.metadata would say the same, but costs a noticeable part of the start-up.
    """
    spec = find_spec(distribution)
    if spec is None or not spec.submodule_search_locations:
        return ""
    folder = os.path.dirname(os.path.abspath(next(iter(spec.submodule_search_locations))))
    prefix = f"{distribution}-"
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(prefix) and entry.name.endswith(".dist-info"):
                    return entry.name[len(prefix) : -len(".dist-info")]
    except OSError:
        pass
    return ""


_guard_against_pyside_6_12_none_leak()
