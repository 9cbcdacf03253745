"""Pass 2a: the page head (title, image leftovers with their captions, "Lokaal Netwerk")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from db.text.profile_text.labels import CAPTION, NETWORK_NAME
from db.text.profile_text.lines import Line, fold

CAPTIONS_PER_IMAGE = 4


@dataclass
class Head:
    title: str = ""
    captions: list[str] = field(default_factory=list)
    network_names: list[str] = field(default_factory=list)
    signals: set[str] = field(default_factory=set)
    body_start: int = 0


def item_right_after(lines: Sequence[Line | None], start: int) -> int | None:
    """Where the ``item_right`` closing the caption that ``item_left`` at ``start`` opens is."""
    seen = 0
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line is None:
            continue
        if fold(line.text) == "item_right":
            return index
        seen += 1
        if seen > CAPTIONS_PER_IMAGE:  # further away it closes another image, not this one
            return None
    return None


def read_head(lines: Sequence[Line | None]) -> Head:
    head = Head()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line is None:
            index += 1
            continue
        key = fold(line.text)
        if key == "item_left":
            end = item_right_after(lines, index)
            if end is not None:
                head.captions.extend(caption.text for caption in lines[index + 1 : end] if caption)
                head.signals.add("images")
                index = end + 1
                continue
        if key in ("item_left", "item_right"):
            index += 1
            continue
        if key == "lokaal netwerk":
            head.signals.add("lokaal netwerk")
            index += 1
            continue
        if not head.title:
            head.title = line.text
        elif key == fold(head.title):
            pass  # the title, repeated below the image
        elif NETWORK_NAME.match(line.text) and ":" not in line.text and not line.bullet:
            head.network_names.append(line.text)
        elif CAPTION.match(line.text):
            head.captions.append(line.text)
        else:
            break
        index += 1
    head.body_start = index
    return head
