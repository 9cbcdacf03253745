"""Search: from what the officer types to ranked hits, and checking or rebuilding the index.

May import :mod:`db.storage` and :mod:`db.model`.
"""
