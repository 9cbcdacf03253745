"""The fixed values a profile can hold, without pydantic: the provinces and the range of years.

:mod:`db.model.schemas` builds its rules on these; the window's search filters use them at start-up,
before anything has loaded pydantic.
"""

from __future__ import annotations

import enum

MIN_YEAR = 1990
MAX_YEAR = 2100


class Province(enum.StrEnum):
    ANTWERPEN = "Antwerpen"
    LIMBURG = "Limburg"
    OOST_VLAANDEREN = "Oost-Vlaanderen"
    VLAAMS_BRABANT = "Vlaams-Brabant"
    WEST_VLAANDEREN = "West-Vlaanderen"
    BRUSSEL = "Brussel"  # networks of the Vlaamse Gemeenschapscommissie
