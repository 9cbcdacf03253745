"""How fast is search at 10,000 networks, and what does the API add over bare FTS5?

    python -m benchmarks.search              # 10,000 generated networks
    python -m benchmarks.search --quick      # 1,000 networks, fewer rounds
    python -m benchmarks.search --count 5000 --rounds 9

It builds a database of generated networks (:mod:`benchmarks.generate`), then times a fixed set of
queries two ways on that same file, interleaved so both see the same machine load:

* **API**: ``db.search.query.search(store, SearchQuery(text=q, limit=50))``: translating the text,
  opening a connection, the ranked query, fetching the page's texts, the matched field and the
  snippet of every hit;
* **raw FTS5**: ``SELECT rowid FROM network_search WHERE network_search MATCH ? ORDER BY rank
  LIMIT 50`` on one open connection, with the already translated expression.

It prints the median of each query, the median over all queries for both, and their ratio.
Targets: the API's median within 1.5x of raw FTS5, and under 20 ms. A benchmark, not a test:
the numbers depend on the machine, so nothing here fails.
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
from db.search.query import SearchQuery, to_fts
from db.search.results import search, search_ids
from db.storage.search_index import INDEX_TABLE, KEYS_TABLE
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
)
RAW_SQL = f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ? ORDER BY rank LIMIT 50"
TARGET_RATIO = 1.5
TARGET_MS = 20.0


def _time(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _raw_query(raw: sqlite3.Connection, expression: str | None) -> list[object]:
    return raw.execute(RAW_SQL, (expression,)).fetchall()


def same_ranking(store: Store, raw: sqlite3.Connection, text: str) -> bool:
    """The API returns the hits FTS5's own ranking gives (ties may come in either order)."""
    hits = search(store, SearchQuery(text=text, limit=50))
    expression = to_fts(text)
    rows = raw.execute(
        f"SELECT k.network_id, s.rank FROM {INDEX_TABLE} AS s JOIN {KEYS_TABLE} AS k"
        f" ON k.docid = s.rowid WHERE {INDEX_TABLE} MATCH ? ORDER BY s.rank LIMIT 50",
        (expression,),
    ).fetchall()
    api_scores = [round(hit.score or 0.0, 9) for hit in hits]
    raw_scores = [round(-rank, 9) for _id, rank in rows]
    return api_scores == raw_scores


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
        for text in QUERIES:  # warm the file cache once, for both alike
            search(store, SearchQuery(text=text, limit=50))
            raw.execute(RAW_SQL, (expressions[text],)).fetchall()
        api: dict[str, list[float]] = {text: [] for text in QUERIES}
        bare: dict[str, list[float]] = {text: [] for text in QUERIES}
        hits: dict[str, int] = {}
        for _round in range(rounds):
            for text in QUERIES:
                query = SearchQuery(text=text, limit=50)
                api[text].append(_time(partial(search, store, query)))
                bare[text].append(_time(partial(_raw_query, raw, expressions[text])))
        for text in QUERIES:
            hits[text] = int(
                raw.execute(
                    f"SELECT count(*) FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ?",
                    (expressions[text],),
                ).fetchone()[0]
            )

        print(f"{'query':<26}{'matches':>9}{'API ms':>10}{'raw ms':>10}{'ratio':>8}")
        for text in QUERIES:
            a, r = statistics.median(api[text]), statistics.median(bare[text])
            print(f"{text:<26}{hits[text]:>9}{a:>10.2f}{r:>10.2f}{a / r:>8.2f}")
        api_median = statistics.median(statistics.median(v) for v in api.values())
        raw_median = statistics.median(statistics.median(v) for v in bare.values())
        ratio = api_median / raw_median
        print()
        print(f"median over {len(QUERIES)} queries, {rounds} rounds each:")
        print(f"  API (search, 50 hits with field and snippet): {api_median:7.2f} ms")
        print(f"  raw FTS5 (MATCH ... ORDER BY rank LIMIT 50):  {raw_median:7.2f} ms")
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
        print(f"\nranking equal to FTS5's own for {agree} of {len(QUERIES)} queries")
    finally:
        raw.close()
        store.close()
    return {"api_ms": api_median, "raw_ms": raw_median}


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
