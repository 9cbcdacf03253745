"""Pass 2a: the page head (title, image leftovers with their captions, "Lokaal Netwerk")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from db.text.profile_text.labels import NETWORK_NAME, ImageLine, image_line
from db.text.profile_text.lines import Line, fold, is_paragraph

CAPTIONS_PER_IMAGE = 4


@dataclass
class Head:
    title: str = ""
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    network_names: list[str] = field(default_factory=list)
    signals: set[str] = field(default_factory=set)
    body_start: int = 0

    def add_image_lines(self, lines: Sequence[Line | None]) -> None:
        """Captions and credits go apart; page furniture stays only in the source text."""
        add_image_lines(lines, self.captions, self.credits)


def add_image_lines(lines: Sequence[Line | None], captions: list[str], credits: list[str]) -> None:
    for line in lines:
        if line is None:
            continue
        kind = image_line(line.text)
        if kind is ImageLine.CREDIT:
            credits.append(line.text)
        elif kind is None:
            captions.append(line.text)


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
                head.add_image_lines(lines[index + 1 : end])
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
        elif is_paragraph(line.text):
            break  # "Lokaal netwerk Melle wil streven naar ...": the vision, not a name
        elif (
            NETWORK_NAME.match(line.text)
            and ":" not in line.text
            and not line.bullet
            and line.text[-1] not in ".!?…"  # a sentence, not a name
        ):
            head.network_names.append(line.text)
        elif image_line(line.text):
            head.add_image_lines([line])
        else:
            break
        index += 1
    head.body_start = index
    return head
