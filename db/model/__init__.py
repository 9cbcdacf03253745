"""The model: what a network profile is, and the words, numbers and errors that describe it.

Pydantic schemas, vocabulary, messages, reference data (municipalities), formats, errors and the
plain values the list shares. The bottom room: imports no other room of ``db``.
"""
