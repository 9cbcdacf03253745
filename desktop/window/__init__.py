"""The main window: its menus, the list of networks and the search bar above it.

May import the form and the shared modules of :mod:`desktop`; the rooms for printing and
exchange plug their actions into the window from outside (see ``desktop.app``).
"""
