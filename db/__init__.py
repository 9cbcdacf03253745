"""Netwerken's core: what a network profile is and how it is stored, found, checked, exchanged.

This package never imports Qt: the desktop GUI and the command line both stand on it.
"""
