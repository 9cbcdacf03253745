"""Running a search: ranked ids, hits with the field they matched and a snippet around the match.

Ranking comes in three tiers, each ordered by bm25 with the fields' weights: networks where the
query's words occur as whole words, then those where they only start words (search as you
type), then those where a word of three letters or more occurs only inside a longer word
(``pas`` in ``kansenpas``, from the inside index). The tiers are queried in turn, each leaving
out what an earlier one found; with a limit, a tier that fills it ends the search.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal
from uuid import UUID

from db.model.messages import FIELD_LABELS
from db.model.reference import fold
from db.search.query import TOKEN, WORD_CHAR, ParsedQuery, Phrase, SearchQuery, parse_query
from db.storage.listing import to_check_of
from db.storage.search_index import (
    COLUMNS,
    FIELD_KEYS,
    FIELDS,
    INDEX_TABLE,
    INSIDE_TABLE,
    KEYS_TABLE,
    PAGE_COLUMNS,
    fold_word,
)

if TYPE_CHECKING:
    from db.storage.store import Store

MARK_OPEN = "["
MARK_CLOSE = "]"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One network found, with where the words were found and the text around them."""

    id: UUID
    name: str
    municipalities: tuple[str, ...]
    province: str | None
    # Relevance, higher is better; None when listed by filters alone. The whole part is the tier
    # (2 whole words, 1 word starts, 0 inside words), the fraction bm25 within the tier.
    score: float | None
    matched_field: str | None  # a key of FIELD_LABELS; None without text
    segments: tuple[tuple[str, bool], ...]  # the snippet: (text, is a matched word)

    def matched_label(self, language: Literal["nl", "en"] = "nl") -> str:
        if self.matched_field is None:
            return ""
        return FIELD_LABELS[self.matched_field][0 if language == "nl" else 1]

    @property
    def snippet(self) -> str:
        """The snippet as plain text with the matched words between [ and ]."""
        return "".join(
            f"{MARK_OPEN}{part}{MARK_CLOSE}" if marked else part for part, marked in self.segments
        )

    @property
    def snippet_text(self) -> str:
        return "".join(part for part, _marked in self.segments)

    @property
    def snippet_html(self) -> str:
        return snippet_html(self.segments)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "municipalities": list(self.municipalities),
            "province": self.province,
            "score": self.score,
            "matched_field": self.matched_field,
            "matched_label": self.matched_label(),
            "snippet": self.snippet,
        }


def snippet_html(segments: Iterable[tuple[str, bool]]) -> str:
    """HTML for a snippet: the text escaped, the matched words in ``<b>``."""
    return "".join(
        f"<b>{html.escape(part)}</b>" if marked else html.escape(part) for part, marked in segments
    )


def search(store: Store, query: SearchQuery) -> list[SearchHit]:
    """The networks that match, best first (or by name without text), up to ``query.limit``."""
    parsed = parse_query(query.text)
    with _reading(store) as db:
        ranked = _ranked(db, query, parsed)
        if ranked is None:
            ids = _listed(db, query, parsed)
            return _describe(db, ids[: query.limit] if query.limit else ids, parsed)
        texts = _texts(db, [docid for docid, _id, _score in ranked])
    if not ranked:
        return []  # no snippet patterns to compile (a pasted run of letters costs a while)
    patterns = _patterns(parsed)
    return [_hit(network_id, score, texts[docid], patterns) for docid, network_id, score in ranked]


def search_ids(store: Store, query: SearchQuery) -> list[UUID]:
    """Only the ids, in result order: what an id-only list model needs, as cheap as it gets."""
    parsed = parse_query(query.text)
    with _reading(store) as db:
        ranked = _ranked(db, query, parsed)
        if ranked is not None:
            return [UUID(network_id) for _docid, network_id, _score in ranked]
        ids = _listed(db, query, parsed)
    return [UUID(i) for i in (ids[: query.limit] if query.limit else ids)]


def describe_hits(store: Store, query: SearchQuery, ids: Sequence[UUID | str]) -> list[SearchHit]:
    """Matched field and snippet for ``ids`` (say, the rows a list shows), in that order."""
    parsed = parse_query(query.text)
    with _reading(store) as db:
        return _describe(db, [str(i) for i in ids], parsed)


# --- query internals -------------------------------------------------------------------------


@contextmanager
def _reading(store: Store) -> Iterator[sqlite3.Connection]:
    """One read transaction on a connection of its own, spoken to in plain DB-API.

    Searching runs while someone types, so its fixed cost counts: the bare driver connection
    (with the pragmas every connection of the store gets) skips the ORM session's per-call work,
    which is a large share of a query that FTS5 answers in a fraction of a millisecond.
    """
    from db.storage.store import translated_errors

    with translated_errors(store.path):
        pooled = store.engine.raw_connection()
        try:
            db = pooled.driver_connection
            assert isinstance(db, sqlite3.Connection)
            db.execute("BEGIN")  # both queries of a search see the same snapshot
            try:
                yield db
            finally:
                db.execute("ROLLBACK")
        finally:
            pooled.close()


def _column(expression: str, column: str | None) -> str:
    return f"{{{column}}} : ({expression})" if column else expression


def _anywhere(
    parsed: ParsedQuery, params: dict[str, Any], name: str, column: str | None = None
) -> str | None:
    """SQL for the docids where every group of ``parsed`` occurs, at the start of a word or
    inside one, and no excluded word does (in ``column`` only, if given); None: no condition."""
    selects: list[str] = []
    for number, group in enumerate(parsed.groups):
        key = f"{name}_{number}"
        params[key] = _column(" OR ".join(phrase.fts() for phrase in group), column)
        parts = [f"SELECT rowid AS docid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :{key}"]
        inside = [phrase.inside for phrase in group if phrase.inside is not None]
        if inside:
            params[f"{key}_in"] = _column(" OR ".join(inside), column)
            parts.append(f"SELECT rowid FROM {INSIDE_TABLE} WHERE {INSIDE_TABLE} MATCH :{key}_in")
        selects.append(f"SELECT docid FROM ({' UNION '.join(parts)})")
    excluded = _excluded(parsed, params, name, column)
    if not selects:
        if excluded is None:
            return None
        selects.append(f"SELECT docid FROM {KEYS_TABLE}")
    sql = " INTERSECT ".join(selects)
    return f"{sql} EXCEPT {excluded}" if excluded else sql


def _excluded(
    parsed: ParsedQuery, params: dict[str, Any], name: str, column: str | None = None
) -> str | None:
    """SQL for the docids holding an excluded word: at a word's start, or inside a word."""
    if parsed.negative is None:
        return None
    params[f"{name}_not"] = _column(parsed.negative, column)
    sql = f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :{name}_not"
    if parsed.negative_inside is not None:
        params[f"{name}_not_in"] = _column(parsed.negative_inside, column)
        sql += f" UNION SELECT rowid FROM {INSIDE_TABLE} WHERE {INSIDE_TABLE} MATCH :{name}_not_in"
    return sql


def _restrictions(
    db: sqlite3.Connection, query: SearchQuery, parsed: ParsedQuery, params: dict[str, Any]
) -> list[str]:
    """SQL conditions on an index row's ``rowid`` for the filters, the partner and the
    excluded words. The unary + keeps SQLite from handing an IN list to FTS5 as rowid lookups:
    one pass over the matches, then a membership test, is cheaper than a match per candidate."""
    restrictions: list[str] = []
    conditions = _filters(db, query, params)
    if conditions:
        restrictions.append(
            f"+rowid IN (SELECT k2.docid FROM {KEYS_TABLE} AS k2"
            f" JOIN networks AS n ON n.id = k2.network_id WHERE {' AND '.join(conditions)})"
        )
    if query.partner is not None:
        partner = _anywhere(parse_query(query.partner), params, "partner", "partners")
        if partner is not None:
            restrictions.append(f"+rowid IN ({partner})")
    excluded = _excluded(parsed, params, "excluded")
    if excluded is not None:
        restrictions.append(f"+rowid NOT IN ({excluded})")
    return restrictions


_WEIGHTS = ", ".join(str(field.weight) for field in FIELDS)


def _tiers(parsed: ParsedQuery, params: dict[str, Any]) -> list[tuple[int, str, str, list[str]]]:
    """(tier, table, MATCH expression, extra conditions) of each tier that can add hits, best
    first: 0 whole words, 1 word starts (absent when nothing in the query is a prefix), 2 inside
    words."""
    positive = parsed.positive
    if positive is None:
        return []
    tiers: list[tuple[int, str, str, list[str]]] = []
    if parsed.exact is None:
        tiers.append((0, INDEX_TABLE, positive, []))
    else:
        tiers += [(0, INDEX_TABLE, parsed.exact, []), (1, INDEX_TABLE, positive, [])]
    inside = [phrase.inside for phrase in parsed.phrases if phrase.inside is not None]
    if inside:
        conditions = []
        if len(parsed.groups) > 1:
            # The inside matches of any word find the candidates; each word must then occur
            # somewhere, at a word's start or inside a word.
            anywhere = _anywhere(ParsedQuery(parsed.groups, ()), params, "group")
            conditions.append(f"+rowid IN ({anywhere})")
        tiers.append((2, INSIDE_TABLE, " OR ".join(inside), conditions))
    return tiers


def _score(tier: int, bm25: float) -> float:
    """Higher is better: the tier as the whole part (2 for whole words), bm25 squeezed into the
    fraction (bm25 is negative, lower is better)."""
    relevance = max(-bm25, 0.0)
    return (2 - tier) + relevance / (1 + relevance)


def _ranked(
    db: sqlite3.Connection, query: SearchQuery, parsed: ParsedQuery
) -> list[tuple[int, str, float]] | None:
    """(docid, network id, score) best first, or None when the text asks for nothing to rank.

    Each tier is ordered by an explicit ``bm25(...)`` with the index's own weights rather than by
    ``rank``: the same order, but SQLite's top-N sorter beats FTS5's internal sort of every match.
    """
    if parsed.positive is None:
        return None
    params: dict[str, Any] = {}
    restrictions = _restrictions(db, query, parsed, params)
    ranked: list[tuple[int, str, float]] = []
    seen: list[int] = []
    for tier, table, match, conditions in _tiers(parsed, params):
        wanted = None if query.limit is None else query.limit - len(ranked)
        if wanted == 0:
            break
        where = [f"{table} MATCH :match"]
        if seen:
            # First: what an earlier tier found needs no further test (SQLite tests in order).
            where.append("+rowid NOT IN (SELECT value FROM json_each(:seen))")
        where += [*restrictions, *conditions]
        sql = (
            "SELECT r.docid, k.network_id, r.score FROM"
            f" (SELECT rowid AS docid, bm25({table}, {_WEIGHTS}) AS score FROM {table}"
            f" WHERE {' AND '.join(where)} ORDER BY score"
            f"{'' if wanted is None else f' LIMIT {int(wanted)}'}) AS r"
            f" JOIN {KEYS_TABLE} AS k ON k.docid = r.docid ORDER BY r.score"
        )
        rows = db.execute(sql, {**params, "match": match, "seen": json.dumps(seen)}).fetchall()
        ranked += [
            (int(docid), str(network_id), _score(tier, bm25)) for docid, network_id, bm25 in rows
        ]
        seen += [int(docid) for docid, _network_id, _bm25 in rows]
    return ranked


def _filters(db: sqlite3.Connection, query: SearchQuery, params: dict[str, Any]) -> list[str]:
    """SQL conditions on ``networks AS n`` for the structured filters (partner aside)."""
    conditions: list[str] = []
    if query.to_check:
        conditions.append(to_check_of("n"))
    if query.ids is not None:
        conditions.append("n.id IN (SELECT value FROM json_each(:only_ids))")
        params["only_ids"] = json.dumps(sorted(str(network_id) for network_id in query.ids))
    if query.province is not None:
        conditions.append("n.province = :province")
        params["province"] = query.province.value
    if query.municipality is not None:
        names = _stored_names(db, "network_municipalities", query.municipality, fold)
        conditions.append(
            "EXISTS (SELECT 1 FROM network_municipalities AS m WHERE m.network_id = n.id"
            " AND m.name IN (SELECT value FROM json_each(:municipalities)))"
        )
        params["municipalities"] = json.dumps(names)
    if query.year is not None:
        conditions.append(
            "EXISTS (SELECT 1 FROM agreement_periods AS p WHERE p.network_id = n.id"
            " AND p.start_year <= :year AND p.end_year >= :year)"
        )
        params["year"] = query.year
    if query.min_eur is not None:
        conditions.append("n.drawing_right_eur >= :min_cents")
        params["min_cents"] = int((query.min_eur * 100).to_integral_value())
    if query.max_eur is not None:
        conditions.append("n.drawing_right_eur <= :max_cents")
        params["max_cents"] = int((query.max_eur * 100).to_integral_value())
    if query.instrument is not None:
        names = _stored_names(db, "instruments", query.instrument, _tag_key)
        conditions.append(
            "EXISTS (SELECT 1 FROM instruments AS i WHERE i.network_id = n.id"
            " AND i.name IN (SELECT value FROM json_each(:instruments)))"
        )
        params["instruments"] = json.dumps(names)
    return conditions


def _tag_key(value: str) -> str:
    """ "UiTPAS", "Uitpas" and "UiT-pas" are one instrument."""
    return "".join(char for char in fold(value) if char.isalnum())


def _stored_names(db: sqlite3.Connection, table: str, wanted: str, key: Any) -> list[str]:
    """The spellings in ``table`` that mean ``wanted`` (ignoring case and accents). The distinct
    names are few (hundreds), so folding them in Python is cheaper than a scan of every row."""
    target = key(wanted)
    names = db.execute(f"SELECT DISTINCT name FROM {table}")
    return [name for (name,) in names if key(name) == target]


def _texts(db: sqlite3.Connection, docids: Sequence[int]) -> dict[int, Sequence[Any]]:
    """The indexed texts of a page of hits, by docid: one lookup per row, nothing more."""
    if not docids:
        return {}
    listed = ", ".join(str(int(docid)) for docid in docids)  # our own integers
    rows = db.execute(f"SELECT rowid, {COLUMNS} FROM {INDEX_TABLE} WHERE rowid IN ({listed})")
    return {int(row[0]): row[1:] for row in rows}


def _listed(db: sqlite3.Connection, query: SearchQuery, parsed: ParsedQuery) -> list[str]:
    """Ids of the networks passing the filters (and not excluded), in name order."""
    params: dict[str, Any] = {}
    conditions = _filters(db, query, params)
    if query.partner is not None:
        partner = _anywhere(parse_query(query.partner), params, "partner", "partners")
        if partner is not None:
            conditions.append(
                f"n.id IN (SELECT network_id FROM {KEYS_TABLE} WHERE docid IN ({partner}))"
            )
    excluded = _excluded(parsed, params, "excluded")
    if excluded is not None:
        conditions.append(
            f"n.id NOT IN (SELECT network_id FROM {KEYS_TABLE} WHERE docid IN ({excluded}))"
        )
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = db.execute(f"SELECT n.id, n.name FROM networks AS n{where}", params).fetchall()
    rows.sort(key=lambda row: (fold(row[1]), row[0]))
    return [row[0] for row in rows]


def _describe(db: sqlite3.Connection, ids: Sequence[str], parsed: ParsedQuery) -> list[SearchHit]:
    if not ids:
        return []
    rows = db.execute(
        f"SELECT k.network_id, {PAGE_COLUMNS} FROM {KEYS_TABLE} AS k"
        f" JOIN {INDEX_TABLE} AS s ON s.rowid = k.docid"
        " WHERE k.network_id IN (SELECT value FROM json_each(:ids))",
        {"ids": json.dumps(list(ids))},
    )
    by_id = {row[0]: row for row in rows}
    patterns = _patterns(parsed)
    return [
        _hit(network_id, None, by_id[network_id][1:], patterns)
        for network_id in ids
        if network_id in by_id
    ]


_NAME = FIELD_KEYS.index("name")
_MUNICIPALITIES = FIELD_KEYS.index("municipalities")
_PROVINCE = FIELD_KEYS.index("province")


def _hit(
    network_id: str, score: float | None, columns: Sequence[Any], patterns: _Patterns
) -> SearchHit:
    field, segments = _best_snippet(columns, patterns)
    return SearchHit(
        id=UUID(network_id),
        name=columns[_NAME],
        municipalities=tuple(columns[_MUNICIPALITIES].split("\n"))
        if columns[_MUNICIPALITIES]
        else (),
        province=columns[_PROVINCE] or None,
        score=score,
        matched_field=field,
        segments=segments,
    )


# --- where did it match, and the text around it ----------------------------------------------

SNIPPET_LENGTH = 160
SNIPPET_LEAD = 50


_MARKS = "[\u0300-\u036f]*"  # decomposed accents ride along with their letter


@cache
def _spellings() -> dict[str, str]:
    """For a lower-case letter, every letter that unicode61 folds to it ("e" -> "eEéÉèÈ...")."""
    groups: dict[str, set[str]] = {}
    for code in (*range(0x20, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()
        if len(base) == 1:
            groups.setdefault(base, {base}).add(char)
    return {base: "".join(sorted(chars)) for base, chars in groups.items() if len(chars) > 1}


def _letter_pattern(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0].lower()
    spellings = _spellings().get(base) if len(base) == 1 else None
    if spellings is None:
        spellings = "".join(sorted({char, char.lower(), char.upper()} - {""}))
        if len(spellings) == 1:
            return re.escape(spellings)
    return "[" + "".join(re.escape(c) for c in spellings) + "]"


@lru_cache(maxsize=256)  # bounded: a long session of searches must not grow it without end
def _phrase_pattern(phrase: Phrase) -> re.Pattern[str]:
    """A pattern that finds ``phrase`` in stored text as FTS5 matched it: any case, any accents.

    Matching the original text (instead of a folded copy) keeps offsets exact and is several
    times faster than folding every field of every hit first."""
    words = [_MARKS.join(_letter_pattern(char) for char in token) for token in phrase.tokens]
    body = f"{_MARKS}(?:[\\W_])+".join(words) + _MARKS
    tail = f"(?:{WORD_CHAR})*" if phrase.prefix else f"(?!{WORD_CHAR})"
    return re.compile(body + tail)


@lru_cache(maxsize=256)
def _inside_pattern(phrase: Phrase) -> re.Pattern[str] | None:
    """A pattern for the word of ``phrase`` anywhere, marking just that part of a compound."""
    if phrase.inside is None:
        return None
    word = fold_word(phrase.tokens[0])
    return re.compile(_MARKS.join(_letter_pattern(char) for char in word) + _MARKS)


# Per group of the query, its alternatives: ((from a word's start, the word anywhere or None),
# whether the phrase is a prefix).
_Patterns = tuple[tuple[tuple[tuple[re.Pattern[str], re.Pattern[str] | None], bool], ...], ...]


def _patterns(parsed: ParsedQuery) -> _Patterns:
    return tuple(
        tuple(
            ((_phrase_pattern(phrase), _inside_pattern(phrase)), phrase.prefix) for phrase in group
        )
        for group in parsed.groups
    )


def _find(pattern: re.Pattern[str], value: str) -> list[tuple[int, int]]:
    spans = []
    for found in pattern.finditer(value):
        start = found.start()
        # A token starts a word: the character before it must not be part of one.
        if start == 0 or not TOKEN.match(value, start - 1, start):
            spans.append((start, found.end()))
    return spans


_WORD_REST = re.compile(f"(?:{WORD_CHAR})*")


def _find_both(
    pattern: re.Pattern[str], value: str, prefix: bool
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """One pass of a single word's pattern over ``value``: (spans at a word's start, as the
    main index matched them: to the word's end for a prefix; spans inside a word)."""
    starts: list[tuple[int, int]] = []
    inside: list[tuple[int, int]] = []
    for found in pattern.finditer(value):
        start, end = found.span()
        if start > 0 and TOKEN.match(value, start - 1, start):
            inside.append((start, end))
            continue
        rest = _WORD_REST.match(value, end)
        word_end = rest.end() if rest else end
        if prefix:
            starts.append((start, word_end))
        elif word_end == end:
            starts.append((start, end))
    return starts, inside


def _best_snippet(
    columns: Sequence[Any], patterns: _Patterns
) -> tuple[str | None, tuple[tuple[str, bool], ...]]:
    """The field to show a hit in, and its snippet: the first field (by weight) that holds all
    the query's groups at the start of words; else the first that holds them all, inside words
    too; else the first with any word at a word's start; else the first with any inside one.
    (So a hit found by whole words is not shown by a compound in a heavier field.) One pass over
    each field per word of the query."""
    if not patterns:
        return None, ()
    complete: tuple[int, str, list[tuple[int, int]]] | None = None
    some_start: tuple[int, str, list[tuple[int, int]]] | None = None
    some_inside: tuple[int, str, list[tuple[int, int]]] | None = None
    for index, value in enumerate(columns):
        if not value:
            continue
        start_spans: list[tuple[int, int]] = []
        inside_spans: list[tuple[int, int]] = []
        groups_at_start = groups_anywhere = 0
        for group in patterns:
            at_start = anywhere = False
            for (start_pattern, inside_pattern), prefix in group:
                inside: list[tuple[int, int]] = []
                if inside_pattern is None:
                    starts = _find(start_pattern, value)
                else:
                    starts, inside = _find_both(inside_pattern, value, prefix)
                start_spans += starts
                inside_spans += inside
                at_start = at_start or bool(starts)
                anywhere = anywhere or bool(starts) or bool(inside)
            groups_at_start += at_start
            groups_anywhere += anywhere
        if groups_at_start == len(patterns):
            return FIELD_KEYS[index], _cut(value, start_spans)
        if complete is None and groups_anywhere == len(patterns):
            complete = (index, value, start_spans + inside_spans)
        if some_start is None and start_spans:
            some_start = (index, value, start_spans)
        if some_inside is None and inside_spans:
            some_inside = (index, value, start_spans + inside_spans)
    chosen = complete or some_start or some_inside
    if chosen is None:
        return None, ()
    index, value, spans = chosen
    return FIELD_KEYS[index], _cut(value, spans)


def _cut(value: str, spans: list[tuple[int, int]]) -> tuple[tuple[str, bool], ...]:
    """About one line of ``value`` around its first match, with every match in it marked."""
    spans = _merged(sorted(spans))
    first_start, first_end = spans[0]
    line_start = value.rfind("\n", 0, first_start) + 1
    line_end = value.find("\n", first_end)
    line_end = len(value) if line_end == -1 else line_end
    start, end = line_start, line_end
    if end - start > SNIPPET_LENGTH:
        if first_start - start > SNIPPET_LEAD:
            start = first_start - SNIPPET_LEAD
            space = value.find(" ", start, first_start)
            start = space + 1 if space != -1 else start
        end = min(line_end, max(start + SNIPPET_LENGTH, first_end))
        if end < line_end:
            space = value.rfind(" ", first_end, end)
            end = space if space != -1 else end
    segments: list[tuple[str, bool]] = []
    if start > line_start:
        segments.append(("…", False))
    cursor = start
    for span_start, span_end in spans:
        if span_start >= end:
            break
        if span_start < cursor:
            continue
        if span_start > cursor:
            segments.append((value[cursor:span_start], False))
        segments.append((value[span_start:span_end], True))
        cursor = span_end
    if cursor < end:
        segments.append((value[cursor:end], False))
    if end < line_end:
        segments.append(("…", False))
    return tuple(segments)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
