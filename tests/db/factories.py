"""A fully filled record, so round-trip tests touch every field of the data model."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from db.model.schemas import NetworkProfile


def full_profile(**overrides: Any) -> NetworkProfile:
    data: dict[str, Any] = {
        "name": "Lokaal netwerk Borsbeek",
        "alias": "Surplus",
        "municipalities": ["Borsbeek", "Wommelgem"],
        "province": "Antwerpen",
        "region": "Zuidrand",
        "vision": "De voornaamste doelstelling is iedereen te laten deelnemen.\n\nTweede alinea met één coördinatie.",
        "target_group": "Gezinnen in armoede",
        "agreement_periods": [
            {"ordinal": 1, "start_year": 2018, "end_year": 2019},
            {"ordinal": 2, "start_year": 2020, "end_year": 2025},
        ],
        "drawing_right_eur": "2432.50",
        "instruments": ["UiTPAS", "Rap op Stap"],
        "partners": [
            {"name": "Vrijetijdsdienst", "description": ""},
            {"name": "Welzijnsschakel 't Schakeltje", "description": "vrijwilligers"},
        ],
        "goals": [
            {
                "title": "Participatiedrempels aanpakken",
                "actions": [
                    {
                        "text": "Een kortingssysteem",
                        "children": [{"text": "voor sport"}, {"text": "voor cultuur"}],
                    },
                    {"text": "Een jaarlijkse vorming", "children": []},
                ],
            },
            {"title": "Een vrijetijdsloket", "actions": []},
        ],
        "actions": [{"text": "Losse actie", "children": [{"text": "deelactie"}]}],
        "meetings": "Tweemaal per jaar.",
        "contacts": [
            {
                "name": "Bas Dhoey",
                "role": "diensthoofd vrije tijd",
                "organisation": "Gemeente Borsbeek",
                "email": "bas.dhoey@borsbeek.be",
                "phone": "03 320 94 09",
            },
            {"email": "vrijetijd@borsbeek.be"},
        ],
        "sections": [{"title": "Omgevingsanalyse", "body": "SWOT-analyse."}],
        "captions": ["Info Borsbeek juni 2017"],
        "notes": "Intern: bellen in maart.",
        "source": {
            "file_name": "borsbeek.txt",
            "imported_at": datetime(2026, 11, 1, 9, 30, tzinfo=UTC),
            "raw_text": "Borsbeek\n\n  • ruwe tekst\u00a0 \n",
        },
    }
    data.update(overrides)
    return NetworkProfile.model_validate(data)
