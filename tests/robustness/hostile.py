"""Hostile text for property tests: arbitrary Unicode plus the strings that break programs.

Shared by the core tests (``test_hostile_text.py``) and the print/GUI ones.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from pydantic import ValidationError

from db.model import messages
from db.model.schemas import NetworkProfile

NASTIES = [
    # control characters, escapes, line ends of every kind
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\x9f",
    "\x0b",
    "\x0c",
    "\x1c",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\n\n\n",
    "\u2028",
    "\u2029",
    # invisible and direction marks, odd spaces
    "\u202e",
    "\u200f",
    "\u200e",
    "\u2066",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00ad",
    "\u00a0",
    "\u3000",
    "\u1680",
    "\u180e",
    " ",
    # combining characters, emoji, scripts, case oddities, non-characters, lone surrogates
    "e\u0301",
    "\u0301",
    "Z\u0351\u0358\u0334\u0315",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\U0001f1e7\U0001f1ea",
    "שלום",
    "مرحبا",
    "ǅ",
    "ß",
    "İ",
    "ﬃ",
    "\ufffd",
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "\ud800",
    "\udfff",
    # markup, spreadsheet formulas, SQL, format strings, paths
    "<script>alert(1)</script>",
    "<b>vet</b>",
    "&amp;",
    "]]>",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "'; DROP TABLE networks; --",
    '" OR 1=1 --',
    "NEAR(a b)",
    '"',
    "*",
    "%s%n{0}{}",
    "${jndi:x}",
    "../../etc/passwd",
    "C:\\con\\nul",
]

nasty_mix = st.lists(
    st.one_of(st.sampled_from(NASTIES), st.text(max_size=6)), min_size=1, max_size=8
).map("".join)

# Any code point (surrogates included: Python strings can hold them, SQLite and UTF-8 cannot).
any_unicode = st.text(st.characters(exclude_categories=()), max_size=60)

hostile_text = st.one_of(any_unicode, nasty_mix)

# Every text field of the schema, as a pydantic location in ``base_data()``.
FIELD_PATHS: list[tuple[str | int, ...]] = [
    ("name",),
    ("alias",),
    ("municipalities", 0),
    ("region",),
    ("vision",),
    ("target_group",),
    ("instruments", 0),
    ("partners", 0, "name"),
    ("partners", 0, "description"),
    ("goals", 0, "title"),
    ("goals", 0, "actions", 0, "text"),
    ("goals", 0, "actions", 0, "children", 0, "text"),
    ("actions", 0, "text"),
    ("meetings",),
    ("contacts", 0, "name"),
    ("contacts", 0, "role"),
    ("contacts", 0, "organisation"),
    ("contacts", 0, "email"),
    ("contacts", 0, "phone"),
    ("sections", 0, "title"),
    ("sections", 0, "body"),
    ("captions", 0),
    ("notes",),
    ("source", "file_name"),
    ("source", "raw_text"),
    ("drawing_right_eur",),  # typed as text in the form: "€ 6.613,50"
]


def base_data() -> dict[str, Any]:
    """A small valid record with one item in every list, so every field has a place."""
    return {
        "name": "Lokaal netwerk Gent",
        "municipalities": ["Gent"],
        "instruments": ["UiTPAS"],
        "partners": [{"name": "Partner"}],
        "goals": [
            {"title": "Doel", "actions": [{"text": "Actie", "children": [{"text": "Deel"}]}]}
        ],
        "actions": [{"text": "Losse actie"}],
        "contacts": [{"name": "Contact"}],
        "sections": [{"title": "Rubriek"}],
        "captions": ["Bijschrift"],
        "source": {},
    }


def put(data: Any, path: tuple[str | int, ...], value: object) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def pick(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = getattr(data, step) if isinstance(step, str) else data[step]
    return data


def assert_refused_clearly(error: ValidationError) -> None:
    """Every problem is a sentence from db.model.messages, never pydantic's English or a crash."""
    details = error.errors(include_url=False)  # rendering must not fail (lone surrogates!)
    for detail in details:
        assert detail["type"] in messages.MESSAGES, detail
    for language in ("nl", "en"):
        found = messages.problems(error, language)
        assert found
        assert all(problem.message.strip() for problem in found)
        # The message can be shown in a dialog and printed to a terminal.
        text = messages.summary(error, language)
        text.encode("utf-8")


def profile_with(values: dict[tuple[str | int, ...], str]) -> NetworkProfile:
    """A record holding as many of ``values`` as the schema accepts; refused ones stay default."""
    data = base_data()
    for path, value in values.items():
        put(data, path, value)
    for _attempt in range(len(values) + 1):
        try:
            return NetworkProfile.model_validate(data)
        except ValidationError as error:
            assert_refused_clearly(error)
            for detail in error.errors(include_url=False):
                location = tuple(detail["loc"])
                fallback = base_data()
                while location and not _has(fallback, location):
                    location = location[:-1]
                if location:
                    put(data, location, pick_plain(fallback, location))
                else:  # a whole-record rule: start from the plain record
                    data = base_data()
    return NetworkProfile.model_validate(base_data())


def _has(data: Any, path: tuple[str | int, ...]) -> bool:
    try:
        pick_plain(data, path)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def pick_plain(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data
