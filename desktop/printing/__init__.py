"""Printing: a profile as HTML, paged A4 documents and PDFs, and the print actions of the window.

May import :mod:`desktop.window` (to plug its actions in) and the shared modules of ``desktop``.
"""
