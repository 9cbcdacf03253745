"""``netwerken``: without a verb the window opens; with one (``netwerken info``) it works headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from desktop.cli import is_command_line, run_command
    from desktop.diagnostics import setup_logging, utf8_output

    setup_logging(verbose="--verbose" in args)
    if is_command_line(args):
        utf8_output()
        return run_command(args)
    # Only the window path pays for Qt.
    from desktop.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
