"""Every validation rule rejects with a message that names the field, in Dutch and English."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from db.model.messages import problems, summary
from db.model.schemas import Interchange, NetworkProfile, Province, current_period


def make(**fields: Any) -> NetworkProfile:
    base: dict[str, Any] = {"name": "Lokaal netwerk Genk", "municipalities": ["Genk"]}
    base.update(fields)
    return NetworkProfile.model_validate(base)


def rejection(**fields: Any) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        make(**fields)
    return summary(caught.value, "nl"), summary(caught.value, "en")


@pytest.mark.parametrize(
    ("fields", "dutch", "english"),
    [
        ({"name": "  "}, "Vul de naam van het netwerk in.", "Fill in the network's name."),
        ({"municipalities": []}, "Vul minstens één gemeente in.", "at least one municipality"),
        (
            {"municipalities": ["Genk", "genk"]},
            "Gemeenten: genk staat er twee keer in",
            "listed twice",
        ),
        ({"province": "Henegouwen"}, "Provincie: is geen provincie", "Province: is not a province"),
        (
            {"agreement_periods": [{"ordinal": 1, "start_year": 1989, "end_year": 1990}]},
            "Afsprakennota 1, Beginjaar: moet tussen 1990 en 2100 liggen",
            "Agreement period 1, Start year: must lie between 1990 and 2100",
        ),
        (
            {"agreement_periods": [{"ordinal": 1, "start_year": 2015, "end_year": 2101}]},
            "Eindjaar: moet tussen 1990 en 2100 liggen",
            "End year",
        ),
        (
            {"agreement_periods": [{"ordinal": 1, "start_year": 2019, "end_year": 2015}]},
            "het beginjaar ligt na het eindjaar",
            "the start year comes after the end year",
        ),
        (
            {
                "agreement_periods": [
                    {"ordinal": 1, "start_year": 2009, "end_year": 2013},
                    {"ordinal": 1, "start_year": 2014, "end_year": 2019},
                ]
            },
            "twee afsprakennota's hebben hetzelfde nummer",
            "same number",
        ),
        ({"drawing_right_eur": -1}, "Trekkingsrecht: mag niet kleiner zijn dan 0", "Drawing right"),
        (
            {"drawing_right_eur": "12,345"},
            "Trekkingsrecht: is geen bedrag in euro",
            "not an amount",
        ),
        (
            {"drawing_right_eur": Decimal("1.234")},
            "Trekkingsrecht: mag hoogstens 2 cijfers",
            "at most 2 decimals",
        ),
        ({"drawing_right_eur": "veel"}, "Trekkingsrecht: is geen bedrag in euro", "not an amount"),
        (
            {"contacts": [{"name": "An", "email": "an-at-genk"}]},
            "Contactpersoon 1, E-mail: is geen geldig",
            "E-mail",
        ),
        (
            {"contacts": [{"role": "schepen"}]},
            "naam of een e-mailadres",
            "a name or an e-mail address",
        ),
        (
            {"contacts": [{"name": "An", "phone": "bel me"}]},
            "Telefoon: is geen geldig telefoonnummer",
            "Phone",
        ),
        ({"name": "Netwerk\x07Genk"}, "Naam: bevat onzichtbare stuurtekens", "control characters"),
        ({"name": "Netwerk\nGenk"}, "Naam: moet op één regel passen", "one line"),
        ({"name": "x" * 301}, "Naam: is te lang (hoogstens 300 tekens)", "too long"),
        ({"vision": "\ud800"}, "Visie: bevat ongeldige tekens", "invalid characters"),
        (
            {"partners": [{"name": "", "description": "x"}]},
            "Partner 1, Naam: vul de naam van de partner in",
            "Partner 1, Name: fill in the partner's name",
        ),
        (
            {"goals": [{"title": "", "actions": []}]},
            "Doelstelling 1, Titel: vul de doelstelling in",
            "Goal 1, Title: fill in the goal",
        ),
        (
            {"sections": [{"title": "", "body": ""}]},
            "rubriek heeft een titel of een tekst nodig",
            "section",
        ),
        ({"colour": "red"}, "colour: is een onbekend veld", "not a known field"),
    ],
)
def test_each_rule_rejects_with_a_message_naming_the_field(
    fields: dict, dutch: str, english: str
) -> None:
    nl, en = rejection(**fields)
    assert dutch in nl
    assert english in en


def test_problems_point_at_the_field_for_the_form() -> None:
    with pytest.raises(ValidationError) as caught:
        make(contacts=[{"name": "An"}, {"name": "Bo", "email": "nope"}])
    (problem,) = problems(caught.value)
    assert problem.field == "contacts"
    assert problem.location == ("contacts", 1, "email")


def test_texts_are_normalised() -> None:
    profile = make(
        name="  Lokaal\u00a0netwerk   Genk ",
        vision="Eerste alinea.  \r\n\r\n\r\n\r\nTweede\u00a0alinea. \n",
        instruments=["UiTPAS", "uitpas", "", "Rap op Stap"],
        captions=["", "Beeld: stad Genk"],
    )
    assert profile.name == "Lokaal netwerk Genk"
    assert profile.vision == "Eerste alinea.\n\nTweede alinea."
    assert profile.instruments == ["UiTPAS", "Rap op Stap"]
    assert profile.captions == ["Beeld: stad Genk"]


@pytest.mark.parametrize(
    ("written", "province"),
    [
        ("West Vlaanderen", Province.WEST_VLAANDEREN),
        ("Oost- Vlaanderen", Province.OOST_VLAANDEREN),
        ("vlaams brabant", Province.VLAAMS_BRABANT),
        ("VGC", Province.BRUSSEL),
        ("Limburg", Province.LIMBURG),
    ],
)
def test_province_spellings_of_real_profiles(written: str, province: Province) -> None:
    assert make(province=written).province is province


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("6 613 euro", Decimal("6613")),
        ("6\u00a0613 euro", Decimal("6613")),
        ("17.641 euro", Decimal("17641")),
        ("7120 euro", Decimal("7120")),
        ("€ 6.613,50", Decimal("6613.50")),
        (853, Decimal("853")),
        (0.1, Decimal("0.1")),
    ],
)
def test_amounts_as_officers_write_them(written: object, amount: Decimal) -> None:
    assert make(drawing_right_eur=written).drawing_right_eur == amount


def test_email_is_checked_offline_and_kept() -> None:
    profile = make(contacts=[{"email": "bas.dhoey@borsbeek.be"}])
    assert profile.contacts[0].email == "bas.dhoey@borsbeek.be"


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("089 65 38 11", "+3289653811"),
        ("03/320.94.09", "+3233209409"),
        ("0471 23 45 67", "+32471234567"),  # mobile
        ("0800 12 345", "+3280012345"),  # free number
        ("+32 (0)9 266 11 11", "+3292661111"),
        ("0032 2 279 22 11", "+3222792211"),
        ("+31 20 624 1111", "+31206241111"),  # Amsterdam: from abroad with its country code
    ],
)
def test_phone_numbers_are_checked_and_normalised_but_kept_as_written(
    written: str, e164: str
) -> None:
    contact = NetworkProfile.model_validate(
        {"name": "N", "municipalities": ["Genk"], "contacts": [{"name": "An", "phone": written}]}
    ).contacts[0]
    assert contact.phone == written  # published as the officer wrote it
    assert contact.phone_e164 == e164


@pytest.mark.parametrize(
    "written",
    [
        "089 65 38 1",  # a digit short
        "089 65 38 111 1",  # a digit too many
        "020 624 1111",  # Amsterdam without its country code: not a Belgian number
        "0999 99 99 99",  # no such area code
        "bel me",
        "+",
        "0",
    ],
)
def test_numbers_that_do_not_exist_are_refused_with_a_sentence(written: str) -> None:
    with pytest.raises(ValidationError) as caught:
        NetworkProfile.model_validate(
            {"name": "N", "municipalities": ["Genk"], "contacts": [{"name": "An", "phone": written}]}
        )
    assert summary(caught.value) == (
        "Contactpersonen 1, Telefoon: is geen geldig telefoonnummer (een nummer uit het "
        "buitenland begint met + en de landcode)"
    )
    assert "a number from abroad starts with + and the country code" in summary(
        caught.value, "en"
    )


def test_periods_are_kept_in_ordinal_order_and_current_period() -> None:
    profile = make(
        agreement_periods=[
            {"ordinal": 2, "start_year": 2014, "end_year": 2019},
            {"ordinal": 1, "start_year": 2009, "end_year": 2013},
        ]
    )
    assert [p.ordinal for p in profile.agreement_periods] == [1, 2]
    assert current_period(profile.agreement_periods, 2010).ordinal == 1  # type: ignore[union-attr]
    assert current_period(profile.agreement_periods, 2026).ordinal == 2  # type: ignore[union-attr]
    assert current_period(profile.agreement_periods, 2000) is None


def test_interchange_json_round_trip() -> None:
    document = Interchange(
        networks=[make(drawing_right_eur="6 613 euro", contacts=[{"name": "An"}])]
    )
    again = Interchange.model_validate_json(document.model_dump_json())
    assert again == document


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_name_is_stored_or_refused_with_a_message(text: str) -> None:
    try:
        profile = make(name=text)
    except ValidationError as error:
        assert summary(error)  # a sentence, never an empty or crashing message
    else:
        assert profile.name == profile.name.strip()
        assert "\n" not in profile.name


def _reference_block(value: str) -> str:
    """The block rule written plainly, without the fast path for text that is already clean."""
    import db.model.texts as t

    text = value.replace("\r\n", "\n").replace("\r", "\n").translate(t._SPACE_LIKE)
    text = text.translate(t._DROPPED).translate(t._BREAKS).replace("\t", " ")
    t._refuse_invisible(text)
    text = t._MANY_BLANK_LINES.sub("\n\n", t._TRAILING_SPACE.sub("\n", text + "\n"))
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def _reference_line(value: str) -> str:
    import db.model.texts as t

    text = (
        value.replace("\r\n", "\n")
        .replace("\r", "\n")
        .translate(t._SPACE_LIKE)
        .translate(t._DROPPED)
    )
    t._refuse_invisible(text)
    text = text.strip()
    if "\n" in text:
        raise ValueError("line break")
    return " ".join(text.split())


def _outcome(rule: Any, value: str) -> object:
    try:
        return rule(value)
    except Exception:
        return "refused"


def test_the_fast_path_knows_every_whitespace_character() -> None:
    # The clean-text check lists whitespace by hand; strip() and split() use Python's own.
    from db.model.texts import _WHITESPACE

    every = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    assert every == _WHITESPACE


@settings(max_examples=2000, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                " \n\r\tab\u00a0\u2028\x85\u1680\ufeffé\u2003\x1c\x1f\x0b\x7f\ufdd0\ufffe\U0001fffe\u202f\x00\u3000\u205f\u2029\x0c"
            )
        ),
        max_size=12,
    )
    | st.text(max_size=30)
)
def test_the_fast_path_for_clean_text_changes_nothing(value: str) -> None:
    from db.model.texts import clean_block, clean_line

    assert _outcome(clean_block, value) == _outcome(_reference_block, value)
    assert _outcome(clean_line, value) == _outcome(_reference_line, value)
