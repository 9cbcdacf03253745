"""Bullet lists as trees: goals with actions, actions with sub-actions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError

from db.model.schemas import (
    Action,
    Goal,
    SubAction,
)
from db.text.profile_text.blocks import Bullets
from db.text.profile_text.draft import Draft
from db.text.profile_text.lines import short

_DEEPEST_LEVEL = 2


@dataclass
class Node:
    lines: list[str]
    blank_before: bool
    children: list[Node] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def flattened(self) -> list[Node]:
        return [node for child in self.children for node in (child, *child.flattened())]


def tree(bullets: Bullets) -> list[Node]:
    """Bullets as a tree: deeper indentation is a deeper level, whatever the number of spaces."""
    # Goal, action, sub-action: deeper levels than that hang under the last sub-action level
    # (which also keeps the tree shallow, whatever the indentation of a hostile text).
    levels = {
        indent: min(level, _DEEPEST_LEVEL)
        for level, indent in enumerate(sorted({i.indent for i in bullets.items}))
    }
    roots: list[Node] = []
    stack: list[tuple[int, Node]] = []
    for item in bullets.items:
        level = levels[item.indent]
        node = Node(list(item.lines), item.blank_before)
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(node)
        stack.append((level, node))
    return roots


def _adopt_after_colon(nodes: list[Node]) -> list[Node]:
    """A bullet ending in ':' introduces the bullets directly below it as its sub-items.

    The group ends at a blank line or at the next bullet that itself ends in a colon, so a
    writer can put a blank line after a colon bullet that has no sub-items.
    """
    result: list[Node] = []
    index = 0
    while index < len(nodes):
        node = nodes[index]
        result.append(node)
        index += 1
        if node.children or not node.text.endswith(":"):
            continue
        while (
            index < len(nodes)
            and not nodes[index].blank_before
            and not (nodes[index].text.endswith(":") and not nodes[index].children)
        ):
            node.children.append(nodes[index])
            index += 1
    return result


def actions_from_nodes(nodes: list[Node], draft: Draft) -> list[Action]:
    actions: list[Action] = []
    for node in _adopt_after_colon(nodes):
        children = [SubAction(text=child.text) for child in node.flattened()]
        try:
            actions.append(Action(text=node.text, children=children))
        except ValidationError:
            draft.keep(
                "Acties", _render_nodes([node]), f"Actie niet gelezen: '{short(node.text)}'."
            )
    return actions


def _render_nodes(nodes: Iterable[Node], depth: int = 0) -> str:
    lines: list[str] = []
    for node in nodes:
        lines.append("  " * depth + "• " + node.text)
        if node.children:
            lines.append(_render_nodes(node.children, depth + 1))
    return "\n".join(lines)


def goals_from_bullets(bullets: Bullets, draft: Draft) -> list[Goal]:
    goals: list[Goal] = []
    for node in _adopt_after_colon(tree(bullets)):
        goal = goal_or_kept(node.text, actions_from_nodes(node.children, draft), draft)
        if goal:
            goals.append(goal)
    return goals


def goal_or_kept(title: str, actions: list[Action], draft: Draft) -> Goal | None:
    try:
        return Goal(title=title, actions=actions)
    except ValidationError:
        body = "\n".join([title, *(f"• {action.text}" for action in actions)])
        draft.keep("Doelstellingen", body, f"Doelstelling niet gelezen: '{short(title)}'.")
        return None
