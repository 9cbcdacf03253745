"""Pass 1 of reading: the text as normalised lines (typography, bullets and their indentation)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys(
            "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t", " "
        ),
        **dict.fromkeys("\u200b\u00ad\ufeff\u2060", None),
        **dict.fromkeys("‘’‚‛′", "'"),
        **dict.fromkeys("“”„‟″", '"'),
    }
)
_BULLET = re.compile(r"(?:[•◦▪▫‣●○■□➢➤►✓✔∙·]|[-*–—](?= ))\s*")
_SPACES = re.compile(" {2,}")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    indent: int = 0
    bullet: bool = False


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def split_lines(text: str) -> list[Line | None]:
    """The text as lines; ``None`` is a blank line."""
    unified = (
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    )
    lines: list[Line | None] = []
    for raw in unified.split("\n"):
        spaced = raw.translate(_TYPOGRAPHY).rstrip()
        stripped = spaced.lstrip(" ")
        indent = len(spaced) - len(stripped)
        bullet = _BULLET.match(stripped)
        if bullet:
            stripped = stripped[bullet.end() :]
        content = _SPACES.sub(" ", stripped).strip()
        lines.append(Line(content, indent, bullet is not None) if content else None)
    return lines


def short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# A sentence ends at . ! ? or … before a space and a capital or digit (not "bv. de").
_SENTENCE_END = re.compile(r"(?<=\w\w)[.!?…]+[\"')]?\s+(?=[A-Z0-9À-Ý\"'(])")
PARAGRAPH_CHARS = 100


def is_paragraph(text: str) -> bool:
    """A line of paragraph length (several sentences, or over ~100 characters): never a label,
    a heading, a name or a caption."""
    return len(text) > PARAGRAPH_CHARS or _SENTENCE_END.search(text) is not None
