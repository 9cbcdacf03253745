"""Storage: the SQLite file, its tables, connections, migrations, the store and its backups.

Also the search index's writer, which the store calls inside each write transaction, the
plain-sqlite listing the window reads at start-up, and where files live by default
(:mod:`db.storage.locations`: Documents/Netwerken). May import :mod:`db.model` only.
"""
