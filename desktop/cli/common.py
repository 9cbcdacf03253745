"""What the verbs share: opening the database the user named, and printing in their language."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from db.store import Store


def database_path(options: argparse.Namespace) -> Path | str | None:
    return options.db


def open_store(options: argparse.Namespace) -> Store:
    from db.samples import open_default_or

    return open_default_or(options.db)


def say(options: argparse.Namespace, dutch: str, english: str) -> None:
    print(english if getattr(options, "lang", None) == "en" else dutch)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
