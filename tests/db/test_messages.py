"""Messages as an officer says them (issue 16), and the notes on unknown municipalities."""

from __future__ import annotations

import re
from uuid import uuid4

import pytest
from pydantic import ValidationError

from db.model import messages
from db.model.reference import LONGEST_NAME, closest_municipalities, is_known_municipality
from db.model.schemas import NetworkProfile


def problems_of(data: dict, language: messages.Language = "nl") -> list[str]:
    with pytest.raises(ValidationError) as caught:
        NetworkProfile.model_validate({"id": uuid4(), "version": 0, **data})
    return [problem.message for problem in messages.problems(caught.value, language)]


def test_an_empty_new_form_says_what_to_fill_in_as_sentences() -> None:
    assert problems_of({"name": "", "municipalities": []}) == [
        "Vul de naam van het netwerk in.",
        "Vul minstens één gemeente in.",
    ]
    assert problems_of({"name": "", "municipalities": []}, "en") == [
        "Fill in the network's name.",
        "Fill in at least one municipality.",
    ]


def test_a_row_is_named_in_the_singular_and_told_what_to_type() -> None:
    found = problems_of(
        {
            "name": "N",
            "municipalities": ["Genk"],
            "agreement_periods": [{"ordinal": "x", "start_year": "twintig", "end_year": ""}],
            "contacts": [{"name": "An", "email": "an-at-genk"}],
        }
    )
    assert "Afsprakennota 1, Nummer: vul een volgnummer in, bv. 2" in found
    assert "Afsprakennota 1, Beginjaar: vul een jaartal in, bv. 2020" in found
    assert "Contactpersoon 1, E-mail: is geen geldig e-mailadres" in found
    # A partner's name is not the network's name: the whole sentence is for the field only.
    partner = problems_of({"name": "N", "municipalities": ["Genk"], "partners": [{"name": ""}]})
    assert partner == ["Partner 1, Naam: vul de naam van de partner in"]


def test_no_message_reads_like_a_programmer_wrote_it() -> None:
    for table in (messages.MESSAGES, messages.FIELD_MESSAGES, messages.NOTES):
        for dutch, english in table.values():
            for text in (dutch, english):
                assert not re.search(r"\(s\)|\(en\)|element", text), text


def test_the_wording_of_every_rule_exists_in_both_languages() -> None:
    for table in (messages.MESSAGES, messages.FIELD_MESSAGES, messages.NOTES):
        for dutch, english in table.values():
            assert dutch.strip() and english.strip()
            assert set(re.findall(r"{(\w+)}", dutch)) == set(re.findall(r"{(\w+)}", english))


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Zwijndrect", ["Zwijndrecht"]),
        ("sint niklaas", ["Sint-Niklaas"]),
        ("Antwerpn", ["Antwerpen"]),
        ("Hasseld", ["Hasselt"]),
        ("Gentt", ["Gent"]),
        ("Zwijn", ["Zwijndrecht"]),
    ],
)
def test_the_closest_known_names_are_suggested(typed: str, suggested: list[str]) -> None:
    assert not is_known_municipality(typed)
    assert closest_municipalities(typed) == suggested


def test_nothing_close_suggests_nothing_and_long_input_is_bounded() -> None:
    assert closest_municipalities("qqqqqqqqqqqq") == []
    assert closest_municipalities("") == []
    assert closest_municipalities("Zwijndrect" + "x" * 100_000) == []  # cut at LONGEST_NAME
    assert len("Zwijndrect" + "x" * LONGEST_NAME) > LONGEST_NAME
    assert len(closest_municipalities("Xyzstad")) <= 3
    assert is_known_municipality("zwijndrecht") and is_known_municipality("Sint-Niklaas")


def test_the_note_on_an_unknown_municipality() -> None:
    assert (
        messages.unknown_municipality("Xyzstad", ["Zwijndrecht", "Zwevegem"])
        == "Xyzstad: onbekende gemeente — controleer de spelling. "
        "Bedoelde je Zwijndrecht of Zwevegem?"
    )
    assert messages.unknown_municipality("Qq", [], "en") == (
        "Qq: unknown municipality — please check the spelling."
    )
    assert messages.unknown_municipality("Gentt", ["Gent", "Genk", "Geel"], "en").endswith(
        "Did you mean Gent, Genk or Geel?"
    )
