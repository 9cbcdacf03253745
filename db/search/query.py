"""From what a user types to an FTS5 expression, and the structured query with its filters.

Whatever a user types becomes a valid FTS5 expression (:func:`parse_query`): words are prefix
terms joined by AND, ``"..."`` is a phrase, ``OF``/``OR`` gives alternatives and ``-woord``
excludes. Every piece of user text reaches FTS5 inside double quotes, so no input can be an
FTS5 syntax error. A single word of three letters or more is also looked for inside longer
words (``pas`` in ``kansenpas``), in the inside index (:attr:`Phrase.inside`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from db.model.limits import MAX_QUERY_CHARS, MAX_WORD_CHARS
from db.model.schemas import MAX_YEAR, MIN_YEAR, Province, province_from_text
from db.storage.search_index import INSIDE_MIN_LETTERS, fold_word

if TYPE_CHECKING:
    pass

MAX_PHRASES = 32  # a pasted paragraph still makes a bounded query
# A longer "word" (a pasted link, a run of letters) is only looked for at the start of words:
# no Dutch compound holds one, and a trigram phrase query costs a lookup per letter.
INSIDE_MAX_LETTERS = 40
# Words looked for inside words, per query (and as many excluded): each costs a pass over both
# indexes when the inside tier is ranked; an officer types a few words, a pasted text many.
MAX_INSIDE_WORDS = 8

# --- from what a user types to an FTS5 expression --------------------------------------------

# unicode61 treats letters, numbers, private-use characters and (with remove_diacritics) combining
# marks as parts of a word, everything else as a separator. This is the same split in Python.
WORD_CHAR = (
    r"[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\ue000-\uf8ff]"
)
TOKEN = re.compile(f"(?:{WORD_CHAR})+")
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_OR_WORDS = frozenset({"OF", "OR"})
_AND_WORDS = frozenset({"EN", "AND"})
_NOT_WORDS = frozenset({"NIET", "NOT"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must follow each other; ``prefix``: the last one may continue (``welz``...)."""

    tokens: tuple[str, ...]
    prefix: bool
    # False for the words of a long query past MAX_INSIDE_WORDS: found at word starts only.
    compound: bool = True

    def fts(self, prefix: bool | None = None) -> str:
        """The phrase for the main index; ``prefix=False`` asks for whole words only."""
        quoted = " ".join(self.tokens).replace('"', '""')
        return f'"{quoted}"' + ("*" if self.prefix and prefix is not False else "")

    @property
    def inside(self) -> str | None:
        """The phrase for the inside index (the word anywhere after a word's first letter), or
        None: a phrase of several words, or a word too short or too long, is only looked for
        from the start of words."""
        if len(self.tokens) != 1 or not self.compound:
            return None
        folded = fold_word(self.tokens[0])
        if not INSIDE_MIN_LETTERS <= len(folded) <= INSIDE_MAX_LETTERS:
            return None
        return '"' + folded.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query as a conjunction of alternatives, plus what must not occur."""

    groups: tuple[tuple[Phrase, ...], ...]  # AND of (OR of phrases)
    excluded: tuple[Phrase, ...]

    @property
    def positive(self) -> str | None:
        return self.positive_expression()

    def positive_expression(self, prefix: bool | None = None) -> str | None:
        """The groups for the main index; ``prefix=False``: whole words only."""
        if not self.groups:
            return None
        parts = [_alternatives([phrase.fts(prefix) for phrase in group]) for group in self.groups]
        return " AND ".join(parts)

    @property
    def exact(self) -> str | None:
        """The positive expression with whole words only (the first tier of the ranking), or
        None when it is the same as :attr:`positive` (nothing in the query is a prefix)."""
        exact = self.positive_expression(prefix=False)
        return None if exact == self.positive else exact

    @property
    def negative_inside(self) -> str | None:
        """The excluded words for the inside index: ``-pas`` also excludes ``kansenpas``."""
        return " OR ".join(p.inside for p in self.excluded if p.inside is not None) or None

    @property
    def looks_inside(self) -> bool:
        return any(phrase.inside is not None for phrase in self.phrases)

    @property
    def negative(self) -> str | None:
        return " OR ".join(p.fts() for p in self.excluded) or None

    @property
    def match(self) -> str | None:
        """The whole expression, or None when nothing positive was asked (list, do not rank)."""
        positive, negative = self.positive, self.negative
        if positive is None:
            return None
        return f"({positive}) NOT ({negative})" if negative else positive

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        return tuple(phrase for group in self.groups for phrase in group)

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.excluded


def _alternatives(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _bounded(phrase: Phrase, inside_left: list[int]) -> Phrase:
    """``phrase``, no longer looked for inside words once ``inside_left`` (a counter shared by
    the query's words) is used up."""
    if phrase.inside is None:
        return phrase
    if inside_left[0] <= 0:
        return replace(phrase, compound=False)
    inside_left[0] -= 1
    return phrase


def _bounded_tokens(text: str) -> tuple[tuple[str, ...], bool]:
    """The words of ``text``, each cut to MAX_WORD_CHARS; and whether the last one was cut
    (then it is searched as the start of a word)."""
    tokens = TOKEN.findall(text)
    cut = bool(tokens) and len(tokens[-1]) > MAX_WORD_CHARS
    return tuple(token[:MAX_WORD_CHARS] for token in tokens), cut


def parse_query(user_text: str) -> ParsedQuery:
    """Read a search as people type it; never fails, whatever the text."""
    # Bounded whatever is pasted: a query of MAX_QUERY_CHARS, words of MAX_WORD_CHARS letters
    # (a longer one is searched by its start). A 100,000-letter word took 24 s and 1.4 GB.
    source = unicodedata.normalize("NFC", _INVISIBLE.sub(" ", user_text[:MAX_QUERY_CHARS]))
    units: list[tuple[str, Phrase | None]] = []  # ("and" | "not" | "or", phrase)
    position, length = 0, len(source)
    negate_next = False
    while position < length and len(units) < MAX_PHRASES * 2:
        if source[position].isspace():
            position += 1
            continue
        negated = negate_next
        negate_next = False
        if source[position] == "-" and position + 1 < length and not source[position + 1].isspace():
            negated = True
            position += 1
        if source[position] == '"':
            end = source.find('"', position + 1)
            closed = end != -1
            body = source[position + 1 : end] if closed else source[position + 1 :]
            position = end + 1 if closed else length
            # An unclosed phrase is still being typed: its last word may continue.
            tokens, cut = _bounded_tokens(body)
            phrase = Phrase(tokens, prefix=not closed or cut)
        else:
            end = position
            while end < length and not source[end].isspace() and source[end] != '"':
                end += 1
            word = source[position:end]
            position = end
            if not negated and word in _OR_WORDS:
                units.append(("or", None))
                continue
            if not negated and word in _AND_WORDS:
                continue
            if not negated and word in _NOT_WORDS:
                negate_next = True
                continue
            phrase = Phrase(_bounded_tokens(word)[0], prefix=True)
        if phrase.tokens:
            units.append(("not" if negated else "and", phrase))
    groups: list[list[Phrase]] = []
    excluded: list[Phrase] = []
    join_next = False
    for kind, unit in units:
        if unit is None:  # OF / OR between two words
            join_next = bool(groups)
            continue
        if kind == "not":
            excluded.append(unit)
            join_next = False
        elif join_next:
            groups[-1].append(unit)
            join_next = False
        else:
            groups.append([unit])
    phrases_left = MAX_PHRASES
    kept: list[tuple[Phrase, ...]] = []
    for group in dict.fromkeys(tuple(group) for group in groups):  # a word twice asks nothing more
        if phrases_left <= 0:
            break
        kept.append(group[:phrases_left])
        phrases_left -= len(kept[-1])
    inside_left = [MAX_INSIDE_WORDS]
    return ParsedQuery(
        groups=tuple(tuple(_bounded(p, inside_left) for p in group) for group in kept),
        excluded=tuple(_bounded(p, [MAX_INSIDE_WORDS]) for p in dict.fromkeys(excluded))[
            :MAX_PHRASES
        ],
    )


def to_fts(user_text: str) -> str | None:
    """The FTS5 MATCH expression for ``user_text``, or None when it asks for nothing positive."""
    return parse_query(user_text).match


# --- the query and its hits ------------------------------------------------------------------


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return value


def _euro(value: Any) -> Any:
    value = _blank_to_none(value)
    if isinstance(value, str):
        from db.model.formats import parse_euro

        return parse_euro(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _province_or_none(value: Any) -> Any:
    value = _blank_to_none(value)
    return None if value is None else province_from_text(value)


OptionalText = Annotated[
    Annotated[str, Field(max_length=300)] | None, BeforeValidator(_blank_to_none)
]
Euro = Annotated[
    Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)] | None,
    BeforeValidator(_euro),
]


class SearchQuery(BaseModel):
    """What to look for: free text and/or structured filters, all optional and combined with AND.

    With text the hits are ranked by relevance; without it, every network that passes the filters
    is listed in name order.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = ""
    province: Annotated[Province | None, BeforeValidator(_province_or_none)] = None
    municipality: OptionalText = None
    year: Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)] | None = None
    min_eur: Euro = None
    max_eur: Euro = None
    partner: OptionalText = None
    instrument: OptionalText = None
    # Only networks whose import warnings are not yet marked checked ("te controleren").
    to_check: bool = False
    # Only these networks (a figure of the overview clicked in the window): combined with the
    # other filters like any of them.
    ids: frozenset[UUID] | None = None
    limit: Annotated[int, Field(ge=1)] | None = None

    @property
    def has_filters(self) -> bool:
        return any(
            value is not None
            for value in (
                self.province,
                self.municipality,
                self.year,
                self.min_eur,
                self.max_eur,
                self.partner,
                self.instrument,
                True if self.to_check else None,
                self.ids,
            )
        )

    @property
    def is_empty(self) -> bool:
        return not self.has_filters and parse_query(self.text).is_empty
