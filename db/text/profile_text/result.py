"""What reading a profile text gives: a record with warnings, or a refusal in two languages."""

from __future__ import annotations

from dataclasses import dataclass

from db.model.schemas import (
    NetworkProfile,
)

NOT_A_PROFILE = "Dit is geen netwerkfiche: "
NOT_A_PROFILE_EN = "This is not a network profile: "


class ProfileTextError(ValueError):
    """The text cannot be read as a profile. ``str(error)`` is Dutch, ``error.english`` English."""

    def __init__(self, dutch: str, english: str) -> None:
        super().__init__(dutch)
        self.dutch = dutch
        self.english = english


@dataclass
class ParseResult:
    profile: NetworkProfile
    warnings: list[str]
