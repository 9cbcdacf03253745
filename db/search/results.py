"""Running a search: ranked ids, hits with the field they matched and a snippet around the match."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
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
    KEYS_TABLE,
    PAGE_COLUMNS,
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
    score: float | None  # relevance (higher is better); None when listed by filters alone
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
    # bm25 is negative, lower is better; people expect a higher score for a better hit.
    patterns = _patterns(parsed)
    return [_hit(network_id, -score, texts[docid], patterns) for docid, network_id, score in ranked]


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


def _full_match(query: SearchQuery, parsed: ParsedQuery) -> str | None:
    """The text expression and the partner filter as one FTS5 expression."""
    parts = []
    if parsed.match is not None:
        parts.append(f"({parsed.match})")
    if query.partner is not None:
        partner = parse_query(query.partner).match
        if partner is not None:
            parts.append(f"({{partners}} : ({partner}))")
    return " AND ".join(parts) or None


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


_WEIGHTS = ", ".join(str(field.weight) for field in FIELDS)


def _ranked(
    db: sqlite3.Connection, query: SearchQuery, parsed: ParsedQuery
) -> list[tuple[int, str, float]] | None:
    """(docid, network id, bm25) best first, or None when the text asks for nothing to rank.

    Ordered by an explicit ``bm25(...)`` with the index's own weights rather than by ``rank``:
    the same order, but SQLite's top-N sorter beats FTS5's internal sort of every match.
    """
    if parsed.match is None:
        return None
    params: dict[str, Any] = {"match": _full_match(query, parsed)}
    conditions = _filters(db, query, params)
    where = f"{INDEX_TABLE} MATCH :match"
    if conditions:
        # The unary + keeps SQLite from handing the IN list to FTS5 as rowid lookups: one pass
        # over the matches, then a membership test, is cheaper than a match per candidate.
        where += (
            f" AND +rowid IN (SELECT k2.docid FROM {KEYS_TABLE} AS k2"
            f" JOIN networks AS n ON n.id = k2.network_id WHERE {' AND '.join(conditions)})"
        )
    limit = ""
    if query.limit is not None:
        limit = " LIMIT :limit"
        params["limit"] = query.limit
    sql = (
        "SELECT r.docid, k.network_id, r.score FROM"
        f" (SELECT rowid AS docid, bm25({INDEX_TABLE}, {_WEIGHTS}) AS score FROM {INDEX_TABLE}"
        f" WHERE {where} ORDER BY score{limit}) AS r"
        f" JOIN {KEYS_TABLE} AS k ON k.docid = r.docid ORDER BY r.score"
    )
    return [
        (int(docid), str(network_id), float(score))
        for docid, network_id, score in db.execute(sql, params)
    ]


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
    partner = _full_match(query, ParsedQuery((), ()))
    if partner is not None:
        conditions.append(
            f"n.id IN (SELECT k.network_id FROM {INDEX_TABLE} AS s JOIN {KEYS_TABLE} AS k"
            f" ON k.docid = s.rowid WHERE {INDEX_TABLE} MATCH :partner)"
        )
        params["partner"] = partner
    if parsed.negative is not None:
        conditions.append(
            f"n.id NOT IN (SELECT k.network_id FROM {INDEX_TABLE} AS s JOIN {KEYS_TABLE} AS k"
            f" ON k.docid = s.rowid WHERE {INDEX_TABLE} MATCH :excluded)"
        )
        params["excluded"] = parsed.negative
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


@cache
def _phrase_pattern(phrase: Phrase) -> re.Pattern[str]:
    """A pattern that finds ``phrase`` in stored text as FTS5 matched it: any case, any accents.

    Matching the original text (instead of a folded copy) keeps offsets exact and is several
    times faster than folding every field of every hit first."""
    words = [_MARKS.join(_letter_pattern(char) for char in token) for token in phrase.tokens]
    body = f"{_MARKS}(?:[\\W_])+".join(words) + _MARKS
    tail = f"(?:{WORD_CHAR})*" if phrase.prefix else f"(?!{WORD_CHAR})"
    return re.compile(body + tail)


_Patterns = tuple[tuple[re.Pattern[str], ...], ...]  # per group of the query, its alternatives


def _patterns(parsed: ParsedQuery) -> _Patterns:
    return tuple(tuple(_phrase_pattern(phrase) for phrase in group) for group in parsed.groups)


def _find(pattern: re.Pattern[str], value: str) -> list[tuple[int, int]]:
    spans = []
    for found in pattern.finditer(value):
        start = found.start()
        # A token starts a word: the character before it must not be part of one.
        if start == 0 or not TOKEN.match(value, start - 1, start):
            spans.append((start, found.end()))
    return spans


def _best_snippet(
    columns: Sequence[Any], patterns: _Patterns
) -> tuple[str | None, tuple[tuple[str, bool], ...]]:
    """The field to show a hit in, and its snippet: the first field (by weight) that holds all
    the query's groups, else the first that holds any of its words."""
    if not patterns:
        return None, ()
    fallback: tuple[int, str, list[tuple[int, int]]] | None = None
    for index, value in enumerate(columns):
        if not value:
            continue
        spans: list[tuple[int, int]] = []
        groups_found = 0
        for group in patterns:
            found_in_group = False
            for pattern in group:
                found = _find(pattern, value)
                if found:
                    spans.extend(found)
                    found_in_group = True
            groups_found += found_in_group
        if not spans:
            continue
        if groups_found == len(patterns):
            return FIELD_KEYS[index], _cut(value, spans)
        if fallback is None:
            fallback = (index, value, spans)
    if fallback is None:
        return None, ()
    index, value, spans = fallback
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
