"""Netwerken's desktop program: the Qt GUI and the ``netwerken`` command; it holds no data rules."""

from __future__ import annotations

import ctypes
import sys
from importlib import metadata


def _guard_against_pyside_6_12_none_leak() -> None:
    """PySide6 6.12.0 on Python 3.11 returns ``None`` from every void Qt method without a new
    reference: a few thousand calls (any longer session, a batch of PDF pages) free ``None`` and
    the interpreter aborts ("deallocating None"). pyproject.toml keeps 6.12 out; should it be
    installed anyway, give ``None`` a reference count no program uses up, as Python 3.12 does
    by making it immortal."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    try:
        version = metadata.version("shiboken6")
    except metadata.PackageNotFoundError:
        return
    if version.startswith("6.12."):
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_guard_against_pyside_6_12_none_leak()
