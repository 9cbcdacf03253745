"""The published profile text (the "netwerkfiche"): reader in stages (lines, head, blocks, one
module per family of fields) and the writer. May import db.model only; each stage imports only
the stages below it. The public API is re-exported here."""

from db.text.profile_text.facts import detect_instruments
from db.text.profile_text.reader import MAX_TEXT_CHARS, parse_profile, parse_profile_file
from db.text.profile_text.result import ParseResult, ProfileTextError
from db.text.profile_text.writer import write_profile

__all__ = [
    "MAX_TEXT_CHARS",
    "ParseResult",
    "ProfileTextError",
    "detect_instruments",
    "parse_profile",
    "parse_profile_file",
    "write_profile",
]
