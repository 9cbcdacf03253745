"""The readers of the goals and actions blocks."""

from __future__ import annotations

from db.text.profile_text.blocks import Block, Bullets, Para
from db.text.profile_text.draft import Draft
from db.text.profile_text.lists import (
    Node,
    actions_from_nodes,
    goal_or_kept,
    goals_from_bullets,
    tree,
)
from db.text.profile_text.prose import free_text, is_heading_like, is_prose


def read_goals(block: Block, draft: Draft) -> None:
    """Goal headings with bullets, a flat or multi-level list, or both; a short heading with prose
    after it ends the goals (Wevelgem's "Werking lokaal netwerk")."""
    units = block.units
    index = 0
    while index < len(units):
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else None
        if isinstance(unit, Bullets):
            draft.goals.extend(goals_from_bullets(unit, draft))
        elif isinstance(following, Bullets):
            goal = goal_or_kept(unit.text, actions_from_nodes(tree(following), draft), draft)
            if goal:
                draft.goals.append(goal)
            index += 1
        elif is_heading_like(unit) and isinstance(following, Para) and is_prose(following):
            free_text(units[index:], draft, "")
            return
        else:
            goal = goal_or_kept(unit.text, [], draft)
            if goal:
                draft.goals.append(goal)
        index += 1


def read_actions(block: Block, draft: Draft) -> None:
    units = block.units
    index = 0
    while index < len(units):
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else None
        if isinstance(unit, Bullets):
            draft.actions.extend(actions_from_nodes(tree(unit), draft))
        elif isinstance(following, Bullets):
            # A paragraph with a list under it: an action with its sub-actions.
            draft.actions.extend(
                actions_from_nodes([Node(unit.lines, True, tree(following))], draft)
            )
            index += 1
        elif is_heading_like(unit) and isinstance(following, Para) and is_prose(following):
            free_text(units[index:], draft, "")
            return
        else:
            draft.actions.extend(actions_from_nodes([Node(unit.lines, True)], draft))
        index += 1
