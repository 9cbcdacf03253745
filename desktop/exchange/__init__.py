"""Dialogs for exchanging data: database files (export, import, merge, backups), profile
texts, JSON and CSV/XLSX. May import :mod:`desktop.window` and the shared modules of ``desktop``.
"""
