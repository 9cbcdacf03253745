"""Finding networks by any word: the full-text index, its upkeep, and queries over it.

The index is an SQLite FTS5 table, ``network_search``, with one row per network and one column
per group of fields (name, municipalities, partners, actions, ...). Its tokenizer folds case and
diacritics (``cooperatie`` finds ``coöperatie``), prefix indexes make search-as-you-type cheap,
and ``bm25`` weighs a column by how telling a hit there is: a hit in the name or a municipality
ranks above one in an action text.

Upkeep lives here, once: the store calls :func:`reindex_networks` (or :func:`reindex_all`) in the
same transaction as every write, so the index can never lag behind a committed change. Triggers
cannot do this: connections run with ``trusted_schema = OFF``, under which SQLite refuses to
write an FTS5 table from a trigger. :func:`check_index` and :func:`ensure_index` verify (and
repair) the index of a database file that came from elsewhere.

Whatever a user types becomes a valid FTS5 expression (:func:`parse_query`): words are prefix
terms joined by AND, ``"..."`` is a phrase, ``OF``/``OR`` gives alternatives and ``-woord``
excludes. Every piece of user text reaches FTS5 inside double quotes, so no input can be an
FTS5 syntax error.
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
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.limits import MAX_QUERY_CHARS, MAX_WORD_CHARS
from db.messages import FIELD_LABELS
from db.reference import fold
from db.schemas import MAX_YEAR, MIN_YEAR, Province, province_from_text

if TYPE_CHECKING:
    from db.store import Store

INDEX_TABLE = "network_search"
KEYS_TABLE = "network_search_keys"
# app_meta key: set when a network was removed and its words may linger in the index.
HOLDS_DELETED = "search_index_holds_deleted"
TOKENIZER = "unicode61 remove_diacritics 2"
PREFIXES = "2 3 4"
MAX_PHRASES = 32  # a pasted paragraph still makes a bounded query

Executor = Session | Connection


# --- the indexed document: one column per field group, with its weight -----------------------


@dataclass(frozen=True, slots=True)
class IndexedField:
    key: str  # a key of db.messages.FIELD_LABELS
    weight: float
    sql: str  # the column's text, computed from the tables for the network aliased ``n``


def _lines(select_line: str) -> str:
    return f"coalesce((SELECT group_concat(line, char(10)) FROM ({select_line})), '')"


# In weight order: the field a hit is reported in is the first one that holds it.
FIELDS: tuple[IndexedField, ...] = (
    IndexedField("name", 10.0, "n.name"),
    IndexedField("alias", 8.0, "n.alias"),
    IndexedField(
        "municipalities",
        8.0,
        _lines(
            "SELECT name AS line FROM network_municipalities"
            " WHERE network_id = n.id ORDER BY position"
        ),
    ),
    IndexedField(
        "instruments",
        4.0,
        _lines("SELECT name AS line FROM instruments WHERE network_id = n.id ORDER BY position"),
    ),
    IndexedField("province", 3.0, "coalesce(n.province, '')"),
    IndexedField("region", 3.0, "n.region"),
    IndexedField(
        "partners",
        3.0,
        _lines(
            "SELECT name || iif(description <> '', ': ' || description, '') AS line"
            " FROM partners WHERE network_id = n.id ORDER BY position"
        ),
    ),
    IndexedField("target_group", 2.0, "n.target_group"),
    IndexedField(
        "contacts",
        2.0,
        _lines(
            "SELECT substr(iif(name <> '', ', ' || name, '') || iif(role <> '', ', ' || role, '')"
            " || iif(organisation <> '', ', ' || organisation, '')"
            " || iif(email <> '', ', ' || email, '') || iif(phone <> '', ', ' || phone, ''), 3)"
            " AS line FROM contacts WHERE network_id = n.id ORDER BY position"
        ),
    ),
    IndexedField("vision", 1.5, "n.vision"),
    IndexedField(
        "goals",
        1.5,
        _lines("SELECT title AS line FROM goals WHERE network_id = n.id ORDER BY position"),
    ),
    IndexedField("meetings", 1.0, "n.meetings"),
    IndexedField(
        "sections",
        1.0,
        _lines(
            "SELECT trim(title || char(10) || body, char(10)) AS line"
            " FROM sections WHERE network_id = n.id ORDER BY position"
        ),
    ),
    IndexedField(
        "captions",
        1.0,
        _lines("SELECT text AS line FROM captions WHERE network_id = n.id ORDER BY position"),
    ),
    # Goal actions, network actions and sub-actions alike; id order is the order they were written.
    IndexedField(
        "actions",
        1.0,
        _lines("SELECT text AS line FROM actions WHERE network_id = n.id ORDER BY id"),
    ),
    IndexedField("notes", 1.0, "n.notes"),
)
FIELD_KEYS = tuple(field.key for field in FIELDS)
_COLUMNS = ", ".join(FIELD_KEYS)
_PAGE_COLUMNS = ", ".join(f"s.{key}" for key in FIELD_KEYS)
_DOCUMENTS = (
    f"SELECT k.docid AS docid, {', '.join(f'{f.sql} AS {f.key}' for f in FIELDS)}"
    f" FROM networks AS n JOIN {KEYS_TABLE} AS k ON k.network_id = n.id"
)
_IDS = "SELECT value FROM json_each(:ids)"

CREATE_STATEMENTS = (
    f"CREATE TABLE {KEYS_TABLE} (docid INTEGER PRIMARY KEY, network_id VARCHAR(36) NOT NULL UNIQUE)",
    f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5({_COLUMNS},"
    f" tokenize = '{TOKENIZER}', prefix = '{PREFIXES}')",
    f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rank)"
    f" VALUES ('rank', 'bm25({', '.join(str(f.weight) for f in FIELDS)})')",
)


# --- upkeep: called by the store inside its write transaction --------------------------------


def reindex_networks(executor: Executor, ids: Iterable[UUID | str]) -> None:
    """Bring the index rows of ``ids`` in line with the tables: (re)written if the network
    exists, removed if it does not. Call it after the change is flushed, before the commit."""
    wanted = json.dumps(sorted({str(i) for i in ids}))
    if wanted == "[]":
        return
    params = {"ids": wanted}
    executor.execute(
        text(
            f"DELETE FROM {INDEX_TABLE} WHERE rowid IN"
            f" (SELECT docid FROM {KEYS_TABLE} WHERE network_id IN ({_IDS}))"
        ),
        params,
    )
    executor.execute(text(f"DELETE FROM {KEYS_TABLE} WHERE network_id IN ({_IDS})"), params)
    # A deleted network's words stay in the index's segments until they are merged; note that,
    # so an export purges them (db.exchange) instead of merging on every export or delete.
    executor.execute(
        text(
            f"INSERT OR REPLACE INTO app_meta (key, value) SELECT '{HOLDS_DELETED}', '1'"
            f" WHERE EXISTS (SELECT 1 FROM json_each(:ids) AS j"
            f" WHERE j.value NOT IN (SELECT id FROM networks))"
        ),
        params,
    )
    executor.execute(
        text(f"INSERT INTO {KEYS_TABLE} (network_id) SELECT id FROM networks WHERE id IN ({_IDS})"),
        params,
    )
    executor.execute(
        text(f"INSERT INTO {INDEX_TABLE} (rowid, {_COLUMNS}) {_DOCUMENTS} WHERE n.id IN ({_IDS})"),
        params,
    )


def reindex_all(executor: Executor) -> int:
    """Rewrite the whole index from the tables (after a bulk change); returns the row count.

    The index tables are dropped and made anew rather than emptied: deleting every row of an FTS5
    table costs as much as filling it, dropping costs nothing (and leaves no old text behind)."""
    executor.execute(text(f"DROP TABLE IF EXISTS {INDEX_TABLE}"))
    executor.execute(text(f"DROP TABLE IF EXISTS {KEYS_TABLE}"))
    for statement in CREATE_STATEMENTS:
        executor.execute(text(statement))
    executor.execute(
        text(f"INSERT INTO {KEYS_TABLE} (network_id) SELECT id FROM networks ORDER BY id")
    )
    executor.execute(text(f"INSERT INTO {INDEX_TABLE} (rowid, {_COLUMNS}) {_DOCUMENTS}"))
    # One b-tree instead of many segments: queries on a freshly filled index stay fast.
    executor.execute(text(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('optimize')"))
    return int(executor.execute(text(f"SELECT count(*) FROM {KEYS_TABLE}")).scalar_one())


def rebuild_index(store: Store) -> int:
    """Make the index anew from the tables (``netwerken reindex``); returns the count."""
    with store.write_session() as session:
        return reindex_all(session)


def _normalised_sql(sql: str) -> str:
    return " ".join(sql.replace("(", " ( ").replace(")", " ) ").replace(",", " , ").split())


def check_index(store: Store) -> bool:
    """True when the index is sound and holds exactly the networks' current text.

    Meant for a database file that came from elsewhere (an import): it reads everything once.
    """
    expected_table = _normalised_sql(CREATE_STATEMENTS[1])
    with store.write_session() as session:
        tables: dict[str, str | None] = dict(
            session.execute(
                text("SELECT name, sql FROM sqlite_master WHERE name IN (:index, :keys)"),
                {"index": INDEX_TABLE, "keys": KEYS_TABLE},
            ).all()
        )
        if _normalised_sql(tables.get(INDEX_TABLE) or "") != expected_table:
            return False
        if _normalised_sql(tables.get(KEYS_TABLE) or "") != _normalised_sql(CREATE_STATEMENTS[0]):
            return False
        checks = (
            # every network has a key, every key a network, every key a row and nothing more
            "SELECT count(*) FROM networks AS n"
            f" WHERE NOT EXISTS (SELECT 1 FROM {KEYS_TABLE} AS k WHERE k.network_id = n.id)",
            f"SELECT count(*) FROM {KEYS_TABLE} AS k"
            " WHERE NOT EXISTS (SELECT 1 FROM networks AS n WHERE n.id = k.network_id)",
            f"SELECT (SELECT count(*) FROM {INDEX_TABLE}) - (SELECT count(*) FROM {KEYS_TABLE})",
            f"SELECT count(*) FROM {KEYS_TABLE} AS k"
            f" WHERE NOT EXISTS (SELECT 1 FROM {INDEX_TABLE} AS s WHERE s.rowid = k.docid)",
            # the indexed text is the text the tables hold now
            f"SELECT count(*) FROM ({_DOCUMENTS}) AS d JOIN {INDEX_TABLE} AS s ON s.rowid = d.docid"
            f" WHERE {' OR '.join(f's.{key} IS NOT d.{key}' for key in FIELD_KEYS)}",
        )
        for check in checks:
            if session.execute(text(check)).scalar_one() != 0:
                return False
        rank = session.execute(
            text(f"SELECT v FROM {INDEX_TABLE}_config WHERE k = 'rank'")
        ).scalar_one_or_none()
        if rank != f"bm25({', '.join(str(f.weight) for f in FIELDS)})":
            return False
        try:
            # FTS5's own check that its inverted index matches the stored text.
            session.execute(
                text(
                    f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rank) VALUES ('integrity-check', 1)"
                )
            )
        except DBAPIError:
            return False
        session.rollback()
    return True


def ensure_index(store: Store) -> bool:
    """Check the index and rebuild it if it is missing or wrong; True when it was rebuilt."""
    if check_index(store):
        return False
    rebuild_index(store)
    return True


# --- from what a user types to an FTS5 expression --------------------------------------------

# unicode61 treats letters, numbers, private-use characters and (with remove_diacritics) combining
# marks as parts of a word, everything else as a separator. This is the same split in Python.
_WORD_CHAR = (
    r"[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\ue000-\uf8ff]"
)
_TOKEN = re.compile(f"(?:{_WORD_CHAR})+")
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_OR_WORDS = frozenset({"OF", "OR"})
_AND_WORDS = frozenset({"EN", "AND"})
_NOT_WORDS = frozenset({"NIET", "NOT"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must follow each other; ``prefix``: the last one may continue (``welz``...)."""

    tokens: tuple[str, ...]
    prefix: bool

    def fts(self) -> str:
        quoted = " ".join(self.tokens).replace('"', '""')
        return f'"{quoted}"' + ("*" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query as a conjunction of alternatives, plus what must not occur."""

    groups: tuple[tuple[Phrase, ...], ...]  # AND of (OR of phrases)
    excluded: tuple[Phrase, ...]

    @property
    def positive(self) -> str | None:
        if not self.groups:
            return None
        parts = [
            group[0].fts() if len(group) == 1 else "(" + " OR ".join(p.fts() for p in group) + ")"
            for group in self.groups
        ]
        return " AND ".join(parts)

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


def _bounded_tokens(text: str) -> tuple[tuple[str, ...], bool]:
    """The words of ``text``, each cut to MAX_WORD_CHARS; and whether the last one was cut
    (then it is searched as the start of a word)."""
    tokens = _TOKEN.findall(text)
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
    for group in groups:
        if phrases_left <= 0:
            break
        kept.append(tuple(group[:phrases_left]))
        phrases_left -= len(kept[-1])
    return ParsedQuery(groups=tuple(kept), excluded=tuple(excluded[:MAX_PHRASES]))


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
        from db.formats import parse_euro

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
            )
        )

    @property
    def is_empty(self) -> bool:
        return not self.has_filters and parse_query(self.text).is_empty


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
    from db.store import translated_errors

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
    rows = db.execute(f"SELECT rowid, {_COLUMNS} FROM {INDEX_TABLE} WHERE rowid IN ({listed})")
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
        f"SELECT k.network_id, {_PAGE_COLUMNS} FROM {KEYS_TABLE} AS k"
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
    tail = f"(?:{_WORD_CHAR})*" if phrase.prefix else f"(?!{_WORD_CHAR})"
    return re.compile(body + tail)


_Patterns = tuple[tuple[re.Pattern[str], ...], ...]  # per group of the query, its alternatives


def _patterns(parsed: ParsedQuery) -> _Patterns:
    return tuple(tuple(_phrase_pattern(phrase) for phrase in group) for group in parsed.groups)


def _find(pattern: re.Pattern[str], value: str) -> list[tuple[int, int]]:
    spans = []
    for found in pattern.finditer(value):
        start = found.start()
        # A token starts a word: the character before it must not be part of one.
        if start == 0 or not _TOKEN.match(value, start - 1, start):
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
