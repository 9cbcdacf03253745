"""Limits on work done for untrusted input, in one place, each far above what real data needs.

An officer's database holds some hundreds of networks, at most a few thousand; a search is a few
words. Whatever a file or a search field holds, the work it causes stays bounded by these.
"""

from __future__ import annotations

from collections.abc import Callable

# Networks taken over from one file (JSON or database): no real database comes near it.
MAX_NETWORKS = 20_000
# The search field: characters in the whole query and in one word. The longest Dutch
# compound words have some 60 letters; a pasted paragraph is cut, not refused.
MAX_QUERY_CHARS = 1_000
MAX_WORD_CHARS = 100

# Asked between steps of a long import; True stops it (ImportCancelled), nothing changed.
Cancelled = Callable[[], bool]


def thousands(number: int) -> str:
    """20000 as Dutch writes it: 20.000."""
    return f"{number:,}".replace(",", ".")
