"""The form of one network: field widgets, list editors, the goal tree and undo.

May import the shared modules of :mod:`desktop` (operations, dialogs, icons, settings), never the
window that holds it.
"""
