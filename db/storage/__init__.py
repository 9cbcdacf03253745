"""Storage: the SQLite file, its tables, connections, migrations, the store and its backups.

Also the search index's writer, which the store calls inside each write transaction, and the
plain-sqlite listing the window reads at start-up. May import :mod:`db.model` only.
"""
