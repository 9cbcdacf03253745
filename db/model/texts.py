"""Text rules shared by every field: normalisation and the characters a record may hold.

Fields are normalised (trimmed, typographic spaces folded, line ends unified) and refused when
they hold what no officer typed on purpose (control characters, unpaired surrogates). Refusing
is better than silently dropping: the user sees what is wrong and nothing is lost unnoticed.
"""

from __future__ import annotations

import re

from pydantic_core import PydanticCustomError

# Spaces a published web page carries that mean an ordinary space in a field.
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000"), " ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Unicode's non-characters are for a program's own use, never text: Qt marks frames with
# U+FDD0/U+FDD1 (a text field turns them into line breaks) and reads a leading U+FFFE as a
# byte-order mark, byte-swapping everything after it ("\ufffea" shows as "愀").
_NONCHARACTER = re.compile(
    "[\ufdd0-\ufdef"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
    + "]"
)
# A byte-order mark pasted along with a file's text is no content, and Qt drops a leading one
# anyway (so a record would change by merely being shown in the form).
_DROPPED = dict.fromkeys(map(ord, "\ufeff"), None)
# Line and paragraph separators are line breaks to every text widget; say so once, here.
_BREAKS = {ord("\u2028"): "\n", ord("\u2029"): "\n\n"}
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


# Any character one of the rules below would change or refuse. Most stored text has none of them,
# and loading ten thousand records runs these rules on every field: such text is returned as is.
# One character class per kind of field, then plain substring tests (an alternation in the
# pattern would make the scan try every branch at every character, three times slower).
# _WHITESPACE is every character str.isspace() (and so the rules' strip/split) treats as space
# (a test holds it to Python's own list). The last range of _SPECIAL also catches the plane-1..16
# non-characters; the rare text it sends the long way for nothing comes out the same.
_SPECIAL = "\x00-\x08\x0e-\x1b\x7f\ud800-\udfff\ufdd0-\ufdef\ufeff\ufffe\uffff\U0001fffe-\U0010ffff"
_WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_LINE_SUSPECT = re.compile(f"[{_SPECIAL}{re.escape(_WHITESPACE.replace(' ', ''))}]")
_BLOCK_SUSPECT = re.compile(
    f"[{_SPECIAL}{re.escape(_WHITESPACE.replace(' ', '').replace(chr(10), ''))}]"
)


def _is_clean_line(value: str) -> bool:
    return not _LINE_SUSPECT.search(value) and "  " not in value and value == value.strip()


def _is_clean_block(value: str) -> bool:
    return (
        not _BLOCK_SUSPECT.search(value)
        and " \n" not in value
        and "\n\n\n" not in value
        and value == value.strip()
    )


_ANY_INVISIBLE = re.compile("|".join(p.pattern for p in (_CONTROL, _SURROGATE, _NONCHARACTER)))
_SPACE_LIKE_PATTERN = re.compile("[" + "".join(chr(c) for c in _SPACE_LIKE) + "]")


def _spaces(text: str) -> str:
    # A regex, not str.translate: translating with a table is slow on long non-ASCII text.
    return _SPACE_LIKE_PATTERN.sub(" ", text)


def refuse_invisible(text: str) -> None:
    """Refuse control characters, unpaired surrogates and non-characters (nothing else)."""
    _refuse_invisible(text)


def _refuse_invisible(text: str) -> None:
    if not _ANY_INVISIBLE.search(text):  # one pass over the text in the usual case
        return
    if _CONTROL.search(text):
        raise PydanticCustomError("control_characters", "contains control characters")
    if _SURROGATE.search(text) or _NONCHARACTER.search(text):
        raise PydanticCustomError("invalid_unicode", "contains invalid characters")


def clean_line(value: object) -> object:
    """One-line text: spaces folded, trimmed, no line breaks."""
    if not isinstance(value, str):
        return value
    if _is_clean_line(value):
        return value
    text = _spaces(value.replace("\r\n", "\n").replace("\r", "\n")).replace("\ufeff", "")
    _refuse_invisible(text)
    text = text.strip()
    if "\n" in text:
        raise PydanticCustomError("line_break", "must be a single line")
    return " ".join(text.split())


def clean_block(value: object) -> object:
    """Multi-line text: paragraphs kept, trailing spaces and runs of blank lines removed."""
    if not isinstance(value, str):
        return value
    if _is_clean_block(value):
        return value
    text = _spaces(value.replace("\r\n", "\n").replace("\r", "\n")).replace("\ufeff", "")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\t", " ")
    _refuse_invisible(text)
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))
