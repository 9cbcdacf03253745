"""How fast is search at 10,000 networks, and what does the API add over bare FTS5?

    python -m benchmarks.search              # 10,000 generated networks
    python -m benchmarks.search --quick      # 1,000 networks, fewer rounds
    python -m benchmarks.search --count 5000 --rounds 9

It builds a database of generated networks (:mod:`benchmarks.generate`), then times a fixed set of
queries two ways on that same file, interleaved so both see the same machine load:

* **API**: ``db.search.query.search(store, SearchQuery(text=q, limit=50))``: translating the text,
  opening a connection, the ranked query, fetching the page's texts, the matched field and the
  snippet of every hit;
* **raw FTS5**, the best bare queries that give the same hits: the API's ranking tiers (whole
  words, word starts, inside words; see :mod:`db.search.results`) as bare
  ``SELECT rowid FROM <index> WHERE <index> MATCH ? ORDER BY rank LIMIT n`` on one open
  connection, with the expressions already translated, each tier asked only for the rows still
  missing, until 50 (without the filters and exclusions the API also applies, so never slower).

It also prints the old single query (``network_search MATCH`` with prefixes only: what search
did before words were found inside compounds) for comparison, the slowest of a set of hostile
queries (very long words, many words, single letters) and the file's growth by the inside index.
Targets: the API's median within 1.5x of raw FTS5 and under 20 ms; no query over 1 s; the inside
index at most 1.6x the file. A benchmark, not a test: the numbers depend on the machine, so
nothing here fails.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks.common import Figure, limit_figure, ratio_figure
from benchmarks.generate import DEFAULT_SEED, build_database
from db.search.query import SearchQuery, parse_query, to_fts
from db.search.results import describe_hits, search, search_ids
from db.storage.search_index import INDEX_TABLE, INSIDE_TABLE
from db.storage.store import Store

# What officers type: names, partners, schemes, themes, prefixes while typing, a phrase, an
# alternative, an exclusion, words with and without their accents.
QUERIES = (
    "kansenpas",
    "welzijnsschakel",
    "rap op stap",
    '"rap op stap"',
    "uitpas",
    "ocmw",
    "armoede",
    "cooperatie",
    "coöperatie",
    "een",
    "financiele drempel",
    "welz",
    "vrijetijd",
    "genk",
    "oudenaarde",
    "sint-niklaas",
    "westhoek",
    "kortingssysteem",
    "sport OF cultuur",
    "armoede -jongeren",
    "peeters",
    "huis van het kind",
    "vzw horizont",
    "ervaringsdeskundigen",
    # words inside compounds (issue 20)
    "pas",
    "schakel",
    "participatie",
    "aanbod",
    "tijdsaanbod",
    "verenigingen",
    "pas -kansenpas",
)
# What nobody types, but anybody could paste: each as the window runs it (every id ranked, the
# first rows described) and as search with a limit of 50. (Search without a limit, as
# `netwerken search --limit 0`, describes every hit: its time grows with the hits.)
HOSTILE = (
    "a" * 2000,
    "kansenpasvrijetijdsparticipatiewelzijnsschakel",
    " ".join(["een", "aan", "ver", "ing", "sch", "tie", "pas", "ers"] * 4),
    " ".join("abcdefghijklmnopqrstuvwxyzabcdef"),
    " OF ".join(["een", "aan", "ver", "ing", "sch", "tie", "pas", "ers"] * 4),
    "-een -aan -ver -ing -sch -tie -pas -ers",
    "e",
    "een",
    '"' + " ".join(["de"] * 100) + '"',
)
RAW_SQL = "SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT {limit}"
OLD_SQL = f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ? ORDER BY rank LIMIT 50"
TARGET_RATIO = 1.5
TARGET_MS = 20.0
TARGET_WORST_MS = 1000.0
TARGET_GROWTH = 1.6
LIMIT = 50
DETAIL_PAGE = 200  # as desktop.window.search_bar: rows described with the result


def raw_tiers(text: str) -> list[tuple[int, str, str]]:
    """(tier, index, expression) of the ranking tiers for ``text``, as the API queries them."""
    parsed = parse_query(text)
    if parsed.positive is None:
        return []
    if parsed.exact is None:
        tiers = [(0, INDEX_TABLE, parsed.positive)]
    else:
        tiers = [(0, INDEX_TABLE, parsed.exact), (1, INDEX_TABLE, parsed.positive)]
    inside = [phrase.inside for phrase in parsed.phrases if phrase.inside is not None]
    if inside:
        tiers.append((2, INSIDE_TABLE, " OR ".join(inside)))
    return tiers


def _raw_tiered(raw: sqlite3.Connection, tiers: list[tuple[int, str, str]]) -> list[object]:
    """The bare FTS5 queries for the same hits: each tier for the rows still missing."""
    rows: list[object] = []
    for _tier, table, expression in tiers:
        sql = RAW_SQL.format(table=table, limit=LIMIT - len(rows))
        found = raw.execute(sql, (expression,)).fetchall()
        rows += found
        if len(rows) >= LIMIT:
            break
    return rows


def file_growth(path: Path) -> tuple[float, float]:
    """(file size, size without the inside index) in MB, from SQLite's page statistics."""
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        inside = connection.execute(
            "SELECT count(*) FROM dbstat WHERE name = ? OR name LIKE ? ESCAPE '!'",
            (INSIDE_TABLE, f"{INSIDE_TABLE}!_%"),
        ).fetchone()[0]
    return pages * page_size / 1e6, (pages - inside) * page_size / 1e6


def _time(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _window_search(store: Store, query: SearchQuery) -> None:
    """What the window runs: every ranked id, then field and snippet of the first rows."""
    ids = search_ids(store, query)
    describe_hits(store, query, ids[:DETAIL_PAGE])


def _raw_query(raw: sqlite3.Connection, expression: str | None) -> list[object]:
    return raw.execute(OLD_SQL, (expression,)).fetchall()


def same_ranking(store: Store, raw: sqlite3.Connection, text: str) -> bool:
    """The API returns, tier by tier, the hits FTS5's own ranking gives (ties may come in either
    order), and no hit twice. Exclusions aside, and for several words the inside tier, where the
    API also asks each word to occur somewhere: bare FTS5 cannot ask that across two indexes."""
    parsed = parse_query(text)
    if parsed.negative is not None:
        return True
    hits = search(store, SearchQuery(text=text, limit=LIMIT))
    raw_scores: list[float] = []
    seen: set[int] = set()
    for tier, table, expression in raw_tiers(text):
        if tier == 2 and len(parsed.groups) > 1:
            hits = [hit for hit in hits if (hit.score or 0) >= 1]
            break
        rows = raw.execute(
            f"SELECT rowid, rank FROM {table} WHERE {table} MATCH ? ORDER BY rank",
            (expression,),
        ).fetchall()
        for docid, rank in rows:
            if docid not in seen and len(raw_scores) < LIMIT:
                seen.add(docid)
                relevance = max(-rank, 0.0)
                raw_scores.append((2 - tier) + relevance / (1 + relevance))
    api_scores = [round(hit.score or 0.0, 9) for hit in hits]
    return api_scores == [round(score, 9) for score in raw_scores]


def run(
    count: int, rounds: int, seed: int, folder: Path, path: Path | None = None
) -> dict[str, float]:
    """Time the queries on ``path`` (built with ``count`` networks if not given); print a report
    and return the two medians."""
    if path is None:
        path = folder / f"search-{count}.sqlite"
        started = time.perf_counter()
        build_database(path, count, seed)
        print(f"{count} networks generated and stored in {time.perf_counter() - started:.1f} s")
    print(f"database: {path.stat().st_size / 1e6:.0f} MB\n")

    store = Store.open(path)
    raw = sqlite3.connect(path)
    try:
        expressions = {text: to_fts(text) for text in QUERIES}
        tiers = {text: raw_tiers(text) for text in QUERIES}
        for text in QUERIES:  # warm the file cache once, for all alike
            search(store, SearchQuery(text=text, limit=LIMIT))
            _raw_tiered(raw, tiers[text])
            _raw_query(raw, expressions[text])
        api: dict[str, list[float]] = {text: [] for text in QUERIES}
        bare: dict[str, list[float]] = {text: [] for text in QUERIES}
        old: dict[str, list[float]] = {text: [] for text in QUERIES}
        hits: dict[str, int] = {}
        for _round in range(rounds):
            for text in QUERIES:
                query = SearchQuery(text=text, limit=LIMIT)
                api[text].append(_time(partial(search, store, query)))
                bare[text].append(_time(partial(_raw_tiered, raw, tiers[text])))
                old[text].append(_time(partial(_raw_query, raw, expressions[text])))
        for text in QUERIES:
            hits[text] = len(search_ids(store, SearchQuery(text=text)))

        print(
            f"{'query':<26}{'matches':>9}{'API ms':>10}{'raw ms':>10}{'ratio':>8}{'old raw ms':>12}"
        )
        for text in QUERIES:
            a, r = statistics.median(api[text]), statistics.median(bare[text])
            o = statistics.median(old[text])
            print(f"{text:<26}{hits[text]:>9}{a:>10.2f}{r:>10.2f}{a / r:>8.2f}{o:>12.2f}")
        api_median = statistics.median(statistics.median(v) for v in api.values())
        raw_median = statistics.median(statistics.median(v) for v in bare.values())
        old_median = statistics.median(statistics.median(v) for v in old.values())
        ratio = api_median / raw_median
        print()
        print(f"median over {len(QUERIES)} queries, {rounds} rounds each:")
        print(f"  API (search, 50 hits with field and snippet): {api_median:7.2f} ms")
        print(f"  raw FTS5, same hits (tiers, ORDER BY rank):   {raw_median:7.2f} ms")
        print(f"  old raw FTS5 (prefixes only, no compounds):   {old_median:7.2f} ms")
        print(f"  ratio API / raw: {ratio:.2f}  (target <= {TARGET_RATIO})")
        verdict = "met" if ratio <= TARGET_RATIO and api_median < TARGET_MS else "NOT met"
        print(f"  target (ratio <= {TARGET_RATIO} and API < {TARGET_MS:.0f} ms): {verdict}")
        if count < 10_000:
            # With few networks FTS5 answers in a fraction of a millisecond and the API's fixed
            # cost (a connection of its own, snippets) dominates: the targets are for 10,000.
            print("  (the targets are set for 10,000 networks; this run has fewer)")
        worst = max(QUERIES, key=lambda text: statistics.median(api[text]))
        print(f"  slowest query: {worst!r} at {statistics.median(api[worst]):.2f} ms")

        # What the window runs while one types: every ranked id, no snippets.
        typing = ["w", "we", "wel", "welz", "welzi", "welzijnsschakel", "welzijnsschakel g"]
        times = [
            statistics.median(
                _time(partial(search_ids, store, SearchQuery(text=t))) for _ in range(3)
            )
            for t in typing
        ]
        print(
            "\nsearch_ids (all ranked ids), as typed: "
            + ", ".join(f"{t!r} {ms:.1f} ms" for t, ms in zip(typing, times, strict=True))
        )
        filtered = SearchQuery(province="Limburg", year=2018, min_eur=5000, instrument="uitpas")
        print(
            f"filters only (province, year, amount, instrument): "
            f"{statistics.median(_time(partial(search_ids, store, filtered)) for _ in range(5)):.1f} ms"
        )

        agree = sum(same_ranking(store, raw, text) for text in QUERIES)
        print(f"\nranking equal to FTS5's own, tier by tier, for {agree} of {len(QUERIES)} queries")

        worst_ms, worst_text = 0.0, ""
        for text in HOSTILE:
            for action in (
                partial(_window_search, store, SearchQuery(text=text)),
                partial(search, store, SearchQuery(text=text, limit=LIMIT)),
            ):
                ms = _time(action)
                if ms > worst_ms:
                    worst_ms, worst_text = ms, text
        print(
            f"slowest hostile query (the window's search, or search with limit {LIMIT}):"
            f" {worst_text[:40]!r} at {worst_ms:.0f} ms"
        )
    finally:
        raw.close()
        store.close()
    size_mb, without_mb = file_growth(path)
    print(f"file {size_mb:.0f} MB, {without_mb:.0f} MB without the inside index")
    return {
        "api_ms": api_median,
        "raw_ms": raw_median,
        "worst_ms": worst_ms,
        "size_mb": size_mb,
        "without_mb": without_mb,
    }


def figures(quick: bool, large: Path | None = None, count: int | None = None) -> list[Figure]:
    """The search figures of the benchmark suite, on ``large`` (or a database built here)."""
    with tempfile.TemporaryDirectory(prefix="netwerken-bench-") as folder:
        if large is None:
            count = 1_000 if quick else 10_000
        assert count is not None
        medians = run(count, 3 if quick else 7, DEFAULT_SEED, Path(folder), large)
    return [
        ratio_figure(
            f"search median, {count:,} networks [raw FTS5 MATCH … ORDER BY rank LIMIT 50]",
            medians["api_ms"],
            medians["raw_ms"],
            TARGET_RATIO,
        ),
        limit_figure(f"search median, {count:,} networks", medians["api_ms"], TARGET_MS),
        limit_figure(
            f"slowest search, hostile queries, {count:,} networks",
            medians["worst_ms"],
            TARGET_WORST_MS,
        ),
        ratio_figure(
            f"file size with the inside index, {count:,} networks [the file without it]",
            medians["size_mb"],
            medians["without_mb"],
            TARGET_GROWTH,
            unit="MB",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=10_000, help="networks to generate")
    parser.add_argument("--rounds", type=int, default=7, help="timings per query")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--quick", action="store_true", help="1,000 networks, 3 rounds")
    parser.add_argument("--keep", metavar="MAP", type=Path, help="keep the database in this folder")
    options = parser.parse_args(argv)
    count, rounds = (1_000, 3) if options.quick else (options.count, options.rounds)
    if options.keep is not None:
        options.keep.mkdir(parents=True, exist_ok=True)
        run(count, rounds, options.seed, options.keep)
        return 0
    with tempfile.TemporaryDirectory(prefix="netwerken-bench-") as folder:
        run(count, rounds, options.seed, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
