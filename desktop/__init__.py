"""Netwerken's desktop program: the Qt GUI and the ``netwerken`` command; it holds no data rules."""
