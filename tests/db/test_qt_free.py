"""The core never imports Qt: the command line and tests run it without a window."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt\d|shiboken\d)", re.MULTILINE)


def test_no_module_in_db_imports_qt() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "db").rglob("*.py")
        if QT_IMPORT.search(p.read_text())
    ]
    assert offenders == []


def test_importing_every_db_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "db").rglob("*.py")
        if "migrations" not in p.parts and p.name != "__init__.py"
    )
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    code += "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
