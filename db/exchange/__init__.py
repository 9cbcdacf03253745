"""Exchange: database files in and out (export, untrusted import, merge, replace, restore; the
merge is three-way, field by field, in ``three_way``), the JSON interchange format and CSV/XLSX
for people without the program (profiles, and the overview as a workbook).

May import :mod:`db.search`, :mod:`db.storage` and :mod:`db.model`; not :mod:`db.text`.
"""
