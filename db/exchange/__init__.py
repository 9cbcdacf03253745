"""Exchange: database files in and out (export, untrusted import, merge, replace, restore),
the JSON interchange format and CSV/XLSX for people without the program (profiles, and the
overview as a workbook).

May import :mod:`db.search`, :mod:`db.storage` and :mod:`db.model`; not :mod:`db.text`.
"""
