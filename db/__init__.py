"""Netwerken's core: what a network profile is and how it is stored, found, checked, exchanged.

This package never imports Qt: the desktop GUI and the command line both stand on it. Its rooms
are layers, bottom to top: ``model`` < ``storage`` < ``search`` < ``exchange`` | ``text`` <
``privacy`` (persons across all networks, right of access, erasure); a room
imports only rooms below it, and no modules import each other in a circle (``lint-imports``).
"""
