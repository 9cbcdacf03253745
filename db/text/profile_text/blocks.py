"""Pass 2b: the body cut into labelled blocks of paragraphs and bullet lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from db.text.profile_text.head import Head, add_image_lines, item_right_after
from db.text.profile_text.labels import Context, Kind, Label, classify, image_line
from db.text.profile_text.lines import Line, fold


@dataclass
class Para:
    lines: list[str]
    is_value: bool = False  # the first line is the value written after the label

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Item:
    indent: int
    lines: list[str]
    blank_before: bool


@dataclass
class Bullets:
    items: list[Item]


Unit = Para | Bullets


@dataclass
class Block:
    kind: Kind
    label: str = ""
    value: str = ""
    units: list[Unit] = field(default_factory=list)
    blank_pending: bool = False

    def add_blank(self) -> None:
        self.blank_pending = True

    def add_line(self, line: Line) -> None:
        last = self.units[-1] if self.units else None
        if line.bullet:
            item = Item(line.indent, [line.text], self.blank_pending)
            if isinstance(last, Bullets):
                last.items.append(item)
            else:
                self.units.append(Bullets([item]))
        elif isinstance(last, Bullets) and not self.blank_pending and line.indent > 0:
            last.items[-1].lines.append(line.text)  # an indented line continues the bullet
        elif isinstance(last, Para) and not self.blank_pending:
            last.lines.append(line.text)
        else:
            self.units.append(Para([line.text]))
        self.blank_pending = False

    @property
    def empty(self) -> bool:
        return not self.units

    def groups(self) -> list[list[str]]:
        """The block's paragraphs and list items, each as its lines (one contact each)."""
        groups: list[list[str]] = []
        for unit in self.units:
            if isinstance(unit, Para):
                groups.append(unit.lines)
            else:
                groups.extend(item.lines for item in unit.items)
        return groups


def _start_block(label: Label) -> Block:
    block = Block(label.kind, label.label, label.value)
    if label.value:
        block.units.append(Para([label.value], is_value=True))
    return block


def read_blocks(
    lines: Sequence[Line | None], head: Head, context: Context
) -> tuple[list[Block], list[str], list[str]]:
    """The body cut into labelled blocks, and the captions and image credits between them."""
    blocks = [Block(Kind.INTRO)]
    captions: list[str] = []
    credits: list[str] = []
    blank_before = True
    index = head.body_start
    while index < len(lines):
        line = lines[index]
        index += 1
        current = blocks[-1]
        if line is None:
            current.add_blank()
            blank_before = True
            continue
        key = fold(line.text)
        if key == "item_left":
            end = item_right_after(lines, index - 1)
            if end is not None:
                add_image_lines(lines[index:end], captions, credits)
                index = end + 1
            current.add_blank()
            blank_before = True
            continue
        if key == "item_right" or image_line(line.text):
            if key != "item_right":
                add_image_lines([line], captions, credits)
            current.add_blank()
            blank_before = True
            continue
        label = classify(line, blank_before, context)
        blank_before = False
        if label is None or (label.soft and current.kind in (Kind.GOALS, Kind.ACTIONS)):
            # Borsbeek's "Ondersteuning voor en door het netwerk" heads a goal, not a section.
            current.add_line(line)
        elif label.prefix and current.kind is Kind.GOALS and label.kind is Kind.ACTIONS:
            # "Goal sentence. Een greep uit de acties:" inside the goals: the heading of a goal.
            current.add_line(Line(label.prefix))
        else:
            if label.prefix:
                current.add_line(Line(label.prefix))
            blocks.append(_start_block(label))
    return blocks, captions, credits
