"""Search: from what the officer types to ranked hits, checking or rebuilding the index, and
the overview of a set of networks (figures that each resolve to the networks they count).

May import :mod:`db.storage` and :mod:`db.model`.
"""
