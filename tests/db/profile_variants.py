"""Realistic variants of the five seed profiles, as other published profiles write them.

Each variant starts from a seed (``resources/samples``) and applies some of the changes real
profiles show: labels missing or renamed, "Visie:" dropped, an untitled opening paragraph that
starts with "Lokaal netwerk <gemeente>", the province spelled with stray spaces or hyphens, an
inline partner list followed by a sentence, image credits with and without a space before the
licence, page furniture, and the text cut off after any line of its body. ``variants()`` is the
hypothesis strategy; :class:`Variant` says which facts of the seed the variant still holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from db.model.schemas import NetworkProfile
from db.text.profile_text import parse_profile

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SEEDS = ("oudenaarde", "wevelgem", "dilbeek", "borsbeek", "genk")
# The province the reference knows for the seeds whose title names none.
PROVINCES = {"borsbeek": "Antwerpen", "genk": "Limburg"}

RENAMES = {
    "Partners:": "Netwerkpartners:",
    "Overlegmomenten:": "Overleg:",
    "Contactpersoon:": "Contact:",
    "Doelstellingen en acties": "Doelen en acties",
    "Trekkingsrecht:": "Trekkingsrechten:",
}
# Words of the renamed or dropped labels: structure, not content (the word check allows them).
LABEL_WORDS = {"netwerkpartners", "overleg", "doelen", "trekkingsrechten", "visie", "partners"}
SPELLINGS = ("{a}- {b}", "{a} -{b}", "{a} - {b}", "{a}  {b}", "{a}-{b}", "{a} {b}")
CREDITS = (
    "Beeld: Jan Janssens - CC BY-SA 2.0",
    "Beeld: Jan JanssensCC BY 2.0",
    "Foto: An Smet CC0",
    "Beeld: Piet Peeters, CC BY 4.0",
)
FURNITURE = "(Lees verder onder de afbeelding.)"
PROSE_AFTER_LIST = (
    "Op termijn wil het netwerk ook scholen, jeugdbewegingen en sportclubs betrekken."
)


def opening_paragraph(municipality: str) -> str:
    return (
        f"Lokaal netwerk {municipality} wil streven naar een doordacht en toegankelijk "
        "vrijetijdsaanbod voor alle inwoners. Daarom werken de partners samen met de mensen zelf."
    )


@cache
def seed_text(seed: str) -> str:
    return (SAMPLES / f"{seed}.txt").read_text(encoding="utf-8")


@cache
def seed_profile(seed: str) -> NetworkProfile:
    return parse_profile(seed_text(seed)).profile


@dataclass
class Variant:
    seed: str
    text: str
    changes: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    furniture: bool = False
    partners_label: bool = True
    prose_after_partners: bool = False
    opening: bool = False


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


def _body_start(lines: list[str]) -> int:
    """The first line after the head's "Lokaal Netwerk" line."""
    return next(i for i, line in enumerate(lines) if line.strip() == "Lokaal Netwerk") + 1


def make_variant(
    seed: str,
    *,
    drop_vision_label: bool = False,
    renames: tuple[str, ...] = (),
    drop_partners_label: bool = False,
    opening: bool = False,
    spelling: str | None = None,
    prose_after_partners: bool = False,
    credits: tuple[tuple[int, str], ...] = (),
    furniture_at: int | None = None,
    cut_at: int | None = None,
) -> Variant:
    """The seed with the given changes; ``credits`` and ``furniture_at`` are (body line, text):
    inserted as a paragraph of their own before that line of the body; ``cut_at`` keeps the
    head and that many lines of the body."""
    lines = _lines(seed_text(seed))
    variant = Variant(seed, "")
    title = lines[0].strip()
    if spelling is not None:
        province = seed_profile(seed).province
        assert province is not None
        a, _, b = province.value.replace("-", " ").partition(" ")
        name = re.sub(r"\s*\(.*\)$", "", title)
        new_title = f"{name} ({spelling.format(a=a, b=b)})"
        lines = [new_title if line.strip() == title else line for line in lines]
        variant.changes.append(f"title {new_title!r}")
    start = _body_start(lines)
    head, body = lines[:start], lines[start:]
    for old in renames:
        body = [re.sub(rf"^{re.escape(old)}", RENAMES[old], line) for line in body]
        variant.changes.append(f"{old} -> {RENAMES[old]}")
    if drop_vision_label:
        body = [re.sub(r"^Visie:\s*", "", line) for line in body]
        variant.changes.append("no 'Visie:'")
    partners = next((i for i, line in enumerate(body) if line.startswith("Partners:")), None)
    if prose_after_partners and partners is not None and seed != "oudenaarde":
        body[partners] = body[partners].rstrip() + ". " + PROSE_AFTER_LIST
        variant.prose_after_partners = True
        variant.changes.append("prose after the partner list")
    if drop_partners_label and partners is not None:
        body[partners] = body[partners].replace("Partners: ", "", 1)
        variant.partners_label = False
        variant.changes.append("no 'Partners:'")
    inserts: list[tuple[int, str]] = list(credits)
    if furniture_at is not None:
        inserts.append((furniture_at, FURNITURE))
        variant.furniture = True
    for position, text in sorted(inserts, key=lambda item: -item[0]):
        at = min(position, len(body))
        body[at:at] = ["", text, ""]
    variant.credits = [text for _, text in sorted(credits)]
    if opening:
        body[0:0] = ["", opening_paragraph(seed_profile(seed).municipalities[0]), ""]
        variant.opening = True
        variant.changes.append("opening paragraph 'Lokaal netwerk ...'")
    if cut_at is not None:
        body = body[:cut_at]
        variant.changes.append(f"cut after body line {cut_at}")
    variant.text = "\n".join([*head, *body])
    return variant


@st.composite
def variants(draw: st.DrawFn, cut: bool = True) -> Variant:
    seed = draw(st.sampled_from(SEEDS))
    body_lines = len(_lines(seed_text(seed))) - _body_start(_lines(seed_text(seed)))
    positions = st.integers(min_value=0, max_value=body_lines)
    return make_variant(
        seed,
        drop_vision_label=draw(st.booleans()),
        renames=tuple(draw(st.lists(st.sampled_from(sorted(RENAMES)), unique=True))),
        drop_partners_label=draw(st.booleans()),
        opening=draw(st.booleans()),
        spelling=(
            draw(st.none() | st.sampled_from(SPELLINGS))
            if seed_profile(seed).province is not None and seed not in PROVINCES
            else None
        ),
        prose_after_partners=draw(st.booleans()),
        credits=tuple(
            draw(
                st.lists(
                    st.tuples(positions, st.sampled_from(CREDITS)),
                    max_size=2,
                    unique_by=lambda credit: credit[1],
                )
            )
        ),
        furniture_at=draw(st.none() | positions),
        cut_at=draw(st.none() | positions) if cut else None,
    )
