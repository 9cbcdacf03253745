"""Skip markers for tests that need one kind of system, each saying why.

The suite runs on Linux here and on Windows and macOS in the hosted CI (.github/workflows/
build.yml). A test that uses something only POSIX or only Linux has (signals, ``chmod`` as the
way to protect a file, ``mount``) carries one of these, and a portable counterpart exists where
one can (``Popen.kill()`` instead of SIGKILL, the read-only file attribute instead of a folder
``chmod``, ``PRAGMA query_only`` for a write-protected file everywhere).
"""

from __future__ import annotations

import os
import sys

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def linux_only(why: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not sys.platform.startswith("linux"), reason=f"Linux only: {why}")


def posix_only(why: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(os.name != "posix", reason=f"POSIX only: {why}")


def not_on_windows(why: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(sys.platform == "win32", reason=f"not on Windows: {why}")


def not_as_root(why: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(IS_ROOT, reason=f"root ignores file permissions: {why}")
