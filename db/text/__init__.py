"""The published profile text: reading it (in stages) and writing it, importing text files,
file names made from networks, and the sample profiles a new database starts with.

May import :mod:`db.search`, :mod:`db.storage` and :mod:`db.model`; not :mod:`db.exchange`.
"""
