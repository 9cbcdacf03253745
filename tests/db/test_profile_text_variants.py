"""The template variants real profiles use, each on a short text written for the test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from db.model.schemas import NetworkProfile, Province
from db.text.profile_text import ParseResult, ProfileTextError, parse_profile, write_profile

HEAD = "Genk\n\nitem_left\n\nitem_right\n\nGenk\n\nLokaal Netwerk\n\n"


def read(body: str, head: str = HEAD) -> ParseResult:
    return parse_profile(head + body)


def profile_of(body: str, head: str = HEAD) -> NetworkProfile:
    return read(body, head).profile


# --- title and head --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "municipalities", "province"),
    [
        ("Aalst (Oost-Vlaanderen)", ["Aalst"], Province.OOST_VLAANDEREN),
        ("Aalst (Oost- Vlaanderen)", ["Aalst"], Province.OOST_VLAANDEREN),  # stray space
        ("Wevelgem (West Vlaanderen)", ["Wevelgem"], Province.WEST_VLAANDEREN),
        ("Dilbeek (Vlaams Brabant)", ["Dilbeek"], Province.VLAAMS_BRABANT),
        ("Hove (Antwerpen)", ["Hove"], Province.ANTWERPEN),
        (
            "Beersel, Drogenbos en Linkebeek (Vlaams-Brabant)",
            ["Beersel", "Drogenbos", "Linkebeek"],
            Province.VLAAMS_BRABANT,
        ),
        ("Lokaal netwerk Mol", ["Mol"], Province.ANTWERPEN),
    ],
)
def test_title(title: str, municipalities: list[str], province: Province) -> None:
    profile = parse_profile(f"{title}\n\nLokaal Netwerk\n\nPartners: OCMW").profile
    assert profile.municipalities == municipalities
    assert profile.province is province


def test_province_inferred_with_a_warning() -> None:
    result = parse_profile("Hasselt\n\nLokaal Netwerk\n\nPartners: OCMW")
    assert result.profile.province is Province.LIMBURG
    assert "Provincie afgeleid uit de gemeente Hasselt: Limburg." in result.warnings


def test_unknown_municipality_is_kept_with_a_warning() -> None:
    result = parse_profile("Regio Kempen\n\nLokaal Netwerk\n\nPartners: OCMW")
    assert result.profile.municipalities == ["Regio Kempen"]
    assert result.profile.province is None
    assert any("niet gevonden in de referentielijst" in warning for warning in result.warnings)


def test_a_non_province_in_brackets_is_kept_as_region() -> None:
    result = parse_profile("Sint-Niklaas (Waasland)\n\nLokaal Netwerk\n\nPartners: OCMW")
    assert result.profile.municipalities == ["Sint-Niklaas"]
    assert result.profile.region == "Waasland"
    assert result.profile.province is Province.OOST_VLAANDEREN


def test_network_name_line_and_captions() -> None:
    text = (
        "Mol\n\nitem_left\n\nFoto van de werking\n\nitem_right\n\nMol\n\nLokaal Netwerk\n\n"
        "Lokaal netwerk vrijetijdsparticipatie Mol\n\nPartners: OCMW"
    )
    profile = parse_profile(text).profile
    assert profile.name == "Lokaal netwerk vrijetijdsparticipatie Mol"
    assert profile.captions == ["Foto van de werking"]
    assert profile.alias == ""


def test_image_credits_are_credits_and_page_furniture_stays_in_the_source() -> None:
    text = (
        "Visie: Wij willen iedereen laten deelnemen.\n\nBeeld: Björn Hermans - CC BY-SA 2.0\n\n"
        "(Lees verder onder de afbeelding.)\n\nWe werken samen met iedereen.\n\n"
        "Beeld: Jan PeetersCC BY 2.0\n\nFoto: An Smet, CC0\n\nPartners: OCMW"
    )
    profile = profile_of(text)
    assert profile.captions == []
    assert profile.credits == [
        "Beeld: Björn Hermans - CC BY-SA 2.0",
        "Beeld: Jan PeetersCC BY 2.0",
        "Foto: An Smet, CC0",
    ]
    assert profile.vision == "Wij willen iedereen laten deelnemen.\n\nWe werken samen met iedereen."
    assert "Lees verder" in profile.source.raw_text
    assert "Lees verder" not in str(profile.model_dump(exclude={"source"}))
    # Credits are written back as credits.
    assert parse_profile(write_profile(profile)).profile.credits == profile.credits


@pytest.mark.parametrize(
    "line",
    ["Jan Janssens - CC BY-SA 2.0", "Jan JanssensCC BY 2.0", "Beeld: Jan", "Foto via Flickr"],
)
def test_licence_names_make_a_credit(line: str) -> None:
    assert profile_of(f"{line}\n\nPartners: OCMW").credits == [line]


def test_a_paragraph_is_never_a_credit_or_caption() -> None:
    sentence = (
        "Beeld: dit is geen bijschrift maar een hele alinea. Ze loopt over meer dan één zin "
        "en is veel langer dan een bijschrift ooit is."
    )
    profile = profile_of(f"Visie: Wij doen mee.\n\n{sentence}\n\nPartners: OCMW")
    assert profile.credits == [] and profile.captions == []
    assert "hele alinea" in profile.vision + str(profile.sections)


# --- labels: colon or not, value on the next line, bullets ------------------------------------


def test_labels_without_colon_with_the_value_on_the_next_line() -> None:
    profile = profile_of(
        "Trekkingsrecht\n853 euro\n\nPartners\n\nOCMW, bibliotheek en CAW\n\n"
        "Contactpersoon\nJan Peeters\njan.peeters [at] genk.be\n089 65 38 11"
    )
    assert profile.drawing_right_eur == Decimal("853")
    assert [p.name for p in profile.partners] == ["OCMW", "bibliotheek", "CAW"]
    [contact] = profile.contacts
    assert (contact.name, contact.email, contact.phone) == (
        "Jan Peeters",
        "jan.peeters@genk.be",
        "089 65 38 11",
    )


def test_labels_as_bullets() -> None:
    profile = profile_of(
        "  • Eerste afsprakennota: 2009-2013\n  • Tweede afsprakennota: 2014-2019\n  • Trekkingsrecht: 853 euro\n"
        "  • Partners: OCMW en CAW\n"
    )
    assert [(p.ordinal, p.start_year, p.end_year) for p in profile.agreement_periods] == [
        (1, 2009, 2013),
        (2, 2014, 2019),
    ]
    assert profile.drawing_right_eur == Decimal("853")
    assert [p.name for p in profile.partners] == ["OCMW", "CAW"]


# --- agreement periods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "period"),
    [
        ("Periode eerste afsprakennota: 2009-2013", (1, 2009, 2013)),
        ("Eerste afsprakennota: 2009-2013", (1, 2009, 2013)),
        ("Eerste periode afsprakennota: 2009 - 2013", (1, 2009, 2013)),
        ("Periode tweede afsprakennota: 2014–2019", (2, 2014, 2019)),
        ("Tweede afsprakennota 2014-2019", (2, 2014, 2019)),
        ("Derde periode afsprakennota: 2020-2025", (3, 2020, 2025)),
        ("Periode eerste afsprakennota: 2013", (1, 2013, 2013)),
        ("  • Tweede afsprakennota: 2014-19", (2, 2014, 2019)),
        ("3e afsprakennota: 2020 tot 2025", (3, 2020, 2025)),
    ],
)
def test_period_labels(line: str, period: tuple[int, int, int]) -> None:
    result = read(f"{line}\n\nPartners: OCMW")
    assert [(p.ordinal, p.start_year, p.end_year) for p in result.profile.agreement_periods] == [
        period
    ]
    assert not any("afsprakennota" in warning.casefold() for warning in result.warnings)


def test_period_without_ordinal_gets_the_next_number_and_a_warning() -> None:
    result = read(
        "Periode eerste afsprakennota: 2014-2019\nAfsprakennota: 2020-2025\n\nPartners: OCMW"
    )
    assert [(p.ordinal, p.start_year) for p in result.profile.agreement_periods] == [
        (1, 2014),
        (2, 2020),
    ]
    assert any(
        warning.startswith("Volgnummer van de afsprakennota afgeleid (2)")
        for warning in result.warnings
    )


def test_unreadable_period_is_kept_as_a_section() -> None:
    result = read("Periode eerste afsprakennota: binnenkort\n\nPartners: OCMW")
    assert result.profile.agreement_periods == []
    assert [(s.title, s.body) for s in result.profile.sections] == [
        ("Periode eerste afsprakennota", "binnenkort")
    ]
    assert any(warning.startswith("Periode niet gelezen") for warning in result.warnings)


# --- drawing right ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("6 613 euro", "6613"),
        ("6\u00a0613 euro", "6613"),
        ("17.641 euro", "17641"),
        ("7120 euro", "7120"),
        ("853 euro", "853"),
        ("€ 6.613,50", "6613.50"),
        ("2.432 EUR", "2432"),
    ],
)
def test_drawing_right(written: str, amount: str) -> None:
    assert profile_of(f"Trekkingsrecht: {written}\n\nPartners: OCMW").drawing_right_eur == Decimal(
        amount
    )


def test_unreadable_drawing_right_is_kept_with_a_warning() -> None:
    result = read("Trekkingsrecht: nog niet bekend\n\nPartners: OCMW")
    assert result.profile.drawing_right_eur is None
    assert [(s.title, s.body) for s in result.profile.sections] == [
        ("Trekkingsrecht", "nog niet bekend")
    ]
    assert any(warning.startswith("Trekkingsrecht niet gelezen") for warning in result.warnings)


def test_drawing_right_inside_a_longer_text_is_read_and_the_text_kept() -> None:
    result = read("Trekkingsrecht: 6 613 euro per jaar (2019), geïndexeerd\n\nPartners: OCMW")
    assert result.profile.drawing_right_eur == Decimal("6613")
    assert [(s.title, s.body) for s in result.profile.sections] == [
        ("Trekkingsrecht", "6 613 euro per jaar (2019), geïndexeerd")
    ]
    assert any(warning.startswith("Trekkingsrecht gelezen uit") for warning in result.warnings)


# --- vision and target group -----------------------------------------------------------------


@pytest.mark.parametrize("label", ["Visie:", "Missie en visie:", "Historiek en doel:", "Visie"])
def test_vision_labels(label: str) -> None:
    result = read(f"{label}\n\nWij willen iedereen laten deelnemen.\n\nPartners: OCMW")
    assert result.profile.vision == "Wij willen iedereen laten deelnemen."
    assert "De eerste alinea zonder titel is als visie gelezen." not in result.warnings


def test_unlabelled_first_paragraph_is_the_vision_with_a_warning() -> None:
    result = read("Wij willen iedereen laten deelnemen.\n\nPartners: OCMW")
    assert result.profile.vision == "Wij willen iedereen laten deelnemen."
    assert "De eerste alinea zonder titel is als visie gelezen." in result.warnings


def test_focus_doelgroep() -> None:
    profile = profile_of(
        "Visie: Samen.\n\nFocus doelgroep\n\nGezinnen in armoede en nieuwkomers.\n\nPartners: OCMW"
    )
    assert profile.target_group == "Gezinnen in armoede en nieuwkomers."
    assert profile.vision == "Samen."


# --- partners --------------------------------------------------------------------------------


def test_partners_as_a_comma_list_split_outside_brackets_and_on_the_final_en() -> None:
    profile = profile_of(
        "Partners: cultuurdienst, OCMW (sociale dienst, schuldbemiddeling), bib en vzw Horizont (Rap op Stap)"
    )
    assert [(p.name, p.description) for p in profile.partners] == [
        ("cultuurdienst", ""),
        ("OCMW", "sociale dienst, schuldbemiddeling"),
        ("bib", ""),
        ("vzw Horizont", "Rap op Stap"),
    ]


def test_partners_as_a_bullet_list_with_descriptions() -> None:
    profile = profile_of(
        "Partners\n\n  • OCMW – sociale dienst\n  • Welzijnsschakel De Link - vereniging waar armen het woord nemen\n"
        "  • Cultuurcentrum (programmatie)\n  • Jeugddienst: speelpleinwerking\n  • Sportdienst\n"
    )
    assert [(p.name, p.description) for p in profile.partners] == [
        ("OCMW", "sociale dienst"),
        ("Welzijnsschakel De Link", "vereniging waar armen het woord nemen"),
        ("Cultuurcentrum", "programmatie"),
        ("Jeugddienst", "speelpleinwerking"),
        ("Sportdienst", ""),
    ]


# --- goals and actions -----------------------------------------------------------------------


def test_separate_goal_and_action_lists() -> None:
    profile = profile_of(
        "Doelstellingen:\n\n  • Drempels verlagen\n  • Samenwerken\n\nEnkele acties\n\n  • Een kortingssysteem\n  • Een vrijetijdsloket\n"
    )
    assert [(g.title, g.actions) for g in profile.goals] == [
        ("Drempels verlagen", []),
        ("Samenwerken", []),
    ]
    assert [a.text for a in profile.actions] == ["Een kortingssysteem", "Een vrijetijdsloket"]


def test_goal_headings_with_their_bullets() -> None:
    profile = profile_of(
        "Een greep uit de doelstellingen en acties:\n\nDrempels verlagen\n\n  • kortingen\n  • vervoer\n\n"
        "Samenwerken met verenigingen\n\n  • vorming\n\nContact: vrijetijd [at] genk.be"
    )
    assert [(g.title, [a.text for a in g.actions]) for g in profile.goals] == [
        ("Drempels verlagen", ["kortingen", "vervoer"]),
        ("Samenwerken met verenigingen", ["vorming"]),
    ]


def test_two_level_bullets_one_space_versus_two() -> None:
    profile = profile_of(
        "Doelstellingen en acties\n\n • Drempels verlagen\n  • kortingen\n  • vervoer\n • Samenwerken\n  • vorming\n"
        "\nContact: vrijetijd [at] genk.be"
    )
    assert [(g.title, [a.text for a in g.actions]) for g in profile.goals] == [
        ("Drempels verlagen", ["kortingen", "vervoer"]),
        ("Samenwerken", ["vorming"]),
    ]


def test_a_bullet_ending_in_a_colon_introduces_sub_items() -> None:
    profile = profile_of(
        "Acties:\n\n  • Communicatie:\n  • flyer\n  • website\n\n  • Vorming\n\nContact: vrijetijd [at] genk.be"
    )
    assert [(a.text, [c.text for c in a.children]) for a in profile.actions] == [
        ("Communicatie:", ["flyer", "website"]),
        ("Vorming", []),
    ]


def test_a_paragraph_ending_in_a_label_is_a_goal_heading() -> None:
    profile = profile_of(
        "Doelstellingen en acties:\n\nWe pakken drempels aan. Een greep uit de acties:\n\n  • kortingen\n  • vervoer\n"
        "\nContact: vrijetijd [at] genk.be"
    )
    assert [(g.title, [a.text for a in g.actions]) for g in profile.goals] == [
        ("We pakken drempels aan.", ["kortingen", "vervoer"])
    ]


def test_a_short_heading_with_prose_after_the_goals_is_a_section() -> None:
    profile = profile_of(
        "Doelstellingen en acties\n\nDrempels verlagen\n\n  • kortingen\n\nWerking lokaal netwerk\n\n"
        "Het netwerk komt viermaal per jaar samen.\n\nContact: vrijetijd [at] genk.be"
    )
    assert [g.title for g in profile.goals] == ["Drempels verlagen"]
    assert [(s.title, s.body) for s in profile.sections] == [
        ("Werking lokaal netwerk", "Het netwerk komt viermaal per jaar samen.")
    ]


def test_goals_introduced_inside_another_block() -> None:
    result = read(
        "Omgevingsanalyse:\n\nVeel mensen participeren niet.\n\nOnze doelstellingen zijn:\n\n  • drempels weg\n"
        "  • samenwerken\n\nPartners: OCMW"
    )
    assert [g.title for g in result.profile.goals] == ["drempels weg", "samenwerken"]
    assert [(s.title, s.body) for s in result.profile.sections] == [
        ("Omgevingsanalyse", "Veel mensen participeren niet.\n\nOnze doelstellingen zijn:")
    ]


# --- meetings --------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["Overlegmomenten:", "Overleg:", "Bijeenkomsten:", "Overleg"])
def test_meeting_labels(label: str) -> None:
    separator = "\n" if label.endswith(":") else "\n\n"
    profile = profile_of(
        f"{label}{separator}Het netwerk komt viermaal per jaar samen.\n\nPartners: OCMW"
    )
    assert profile.meetings == "Het netwerk komt viermaal per jaar samen."


# --- contacts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Contactpersoon: jessy.wandels [at] oudenaarde.be (Diensthoofd Sociale Zaken)",
            ("", "Diensthoofd Sociale Zaken", "", "jessy.wandels@oudenaarde.be", ""),
        ),
        (
            "Contact: Geert Knockaert\u00a0 geert.knockaert [at] wevelgem.be",
            ("Geert Knockaert", "", "", "geert.knockaert@wevelgem.be", ""),
        ),
        (
            "contactpersoon: Bas Dhoey, diensthoofd vrije tijd en welzijn,\u00a0bas.dhoey [at] borsbeek.be, 03 320 94 09",
            (
                "Bas Dhoey",
                "diensthoofd vrije tijd en welzijn",
                "",
                "bas.dhoey@borsbeek.be",
                "03 320 94 09",
            ),
        ),
        (
            "Contactpersoon: 03 / 680 23 43 - An Smet (coördinator) - an.smet [at] kapellen.be",
            ("An Smet", "coördinator", "", "an.smet@kapellen.be", "03 / 680 23 43"),
        ),
        ("Contact: Tom Peeters, 011/810585", ("Tom Peeters", "", "", "", "011/810585")),
        (
            "Contact: vrijetijd [at] genk.be",
            ("", "", "", "vrijetijd@genk.be", ""),
        ),  # a functional mailbox
        (
            "Contactpersoon: Els Maes - vrijetijdscoördinator - Stad Lier - els.maes@lier.be",
            ("Els Maes", "vrijetijdscoördinator", "Stad Lier", "els.maes@lier.be", ""),
        ),
    ],
)
def test_contact_lines(line: str, expected: tuple[str, str, str, str, str]) -> None:
    [contact] = profile_of(f"Partners: OCMW\n\n{line}").contacts
    assert (
        contact.name,
        contact.role,
        contact.organisation,
        contact.email,
        contact.phone,
    ) == expected


def test_contact_as_labelled_lines_and_several_contacts() -> None:
    profile = profile_of(
        "Partners: OCMW\n\nContactpersonen:\n\n  • Jan Peeters, jan [at] genk.be\n  • An Smet, an [at] genk.be\n\n"
        "Contactpersoon:\nNaam: Els Maes\nFunctie: coördinator\nTel: 089 12 34 56"
    )
    assert [(c.name, c.email, c.role, c.phone) for c in profile.contacts] == [
        ("Jan Peeters", "jan@genk.be", "", ""),
        ("An Smet", "an@genk.be", "", ""),
        ("Els Maes", "", "coördinator", "089 12 34 56"),
    ]


def test_a_contact_that_cannot_be_read_is_kept_with_a_warning() -> None:
    result = read("Partners: OCMW\n\nContactpersoon: bel het onthaal")
    # Without e-mail the first piece is taken as the name: a guess, but nothing is lost.
    assert [c.name for c in result.profile.contacts] == ["bel het onthaal"]
    result = read("Partners: OCMW\n\nContactpersoon: jan [at] genk")
    assert result.profile.contacts == []
    assert [(s.title, s.body) for s in result.profile.sections] == [
        ("Contactpersoon", "jan [at] genk")
    ]
    assert any(warning.startswith("Contactgegevens niet herkend") for warning in result.warnings)


# --- other blocks, whitespace, truncation, instruments ---------------------------------------


def test_other_headed_blocks_become_sections() -> None:
    profile = profile_of(
        "Partners: OCMW\n\nOmgevingsanalyse:\n\nEen SWOT-analyse.\n\nTweede alinea.\n\n"
        "Realisaties:\n\nEen vrijetijdsloket.\n\nContact: vrijetijd [at] genk.be"
    )
    assert [(s.title, s.body) for s in profile.sections] == [
        ("Omgevingsanalyse", "Een SWOT-analyse.\n\nTweede alinea."),
        ("Realisaties", "Een vrijetijdsloket."),
    ]


def test_known_section_titles_without_colon() -> None:
    profile = profile_of(
        "Overlegmomenten: Viermaal per jaar.\n\nOndersteuning voor en door het netwerk\n\n"
        "  • vorming\n  • intervisie\n\nWerking lokaal netwerk\n\nEen kerngroep trekt.\n\n"
        "Contact: vrijetijd [at] genk.be"
    )
    assert profile.meetings == "Viermaal per jaar."
    assert [(s.title, s.body) for s in profile.sections] == [
        ("Ondersteuning voor en door het netwerk", "• vorming\n• intervisie"),
        ("Werking lokaal netwerk", "Een kerngroep trekt."),
    ]


def test_whitespace_and_typography_are_normalised_in_fields_but_kept_in_the_source() -> None:
    text = (
        "Genk  \r\n \r\nLokaal Netwerk\r\n\r\nVisie:\u00a0“Vrije tijd”  voor ’iedereen’.\u00a0 \r\n \r\n"
        "Partners:\u00a0OCMW\u00a0\r\n"
    )
    profile = parse_profile(text).profile
    assert profile.vision == "\"Vrije tijd\" voor 'iedereen'."
    assert [p.name for p in profile.partners] == ["OCMW"]
    assert profile.source.raw_text == text


def test_truncated_text_imports_what_is_there_with_a_warning() -> None:
    result = read(
        "Partners: OCMW\n\nDoelstellingen:\n\n  • Drempels verlagen\n  • Samenwerking met ver"
    )
    assert [g.title for g in result.profile.goals] == ["Drempels verlagen", "Samenwerking met ver"]
    assert (
        "De tekst lijkt afgebroken: hij eindigt midden in een zin of lijst "
        "('…Samenwerking met ver')." in result.warnings
    )
    result = read("Partners: OCMW\n\nContactpersoon:")
    assert (
        "De tekst lijkt afgebroken na 'Contactpersoon': daar staat niets meer." in result.warnings
    )


@pytest.mark.parametrize(
    "contact",
    [
        "Contactpersoon: Jan Peeters",  # a name without any contact data
        "Contactpersoon: Jan Peeters, diensthoofd vrije tijd",
        "Contactpersoon: Jan Peeters, jan.peeters [at] gen",  # the address is cut off
    ],
)
def test_a_text_cut_off_inside_the_contact_is_reported(contact: str) -> None:
    result = read(f"Partners: OCMW\n\n{contact}")
    assert any(
        w.startswith("De tekst lijkt afgebroken in 'Contactpersoon'") for w in result.warnings
    )
    assert result.profile.source.warnings == result.warnings


def test_text_cut_off_before_the_contact_is_reported() -> None:
    result = read("Visie: Samen.\n\nPartners: OCMW, bibliotheek en CA")
    assert [p.name for p in result.profile.partners] == ["OCMW", "bibliotheek", "CA"]
    assert any(
        w.startswith("De tekst lijkt afgebroken: hij eindigt midden") for w in result.warnings
    )


def test_complete_text_has_no_truncation_warning() -> None:
    result = read("Partners: OCMW\n\nContactpersoon: Jan Peeters, jan [at] genk.be")
    assert not any("afgebroken" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    ("text", "instruments"),
    [
        ("We stappen in de UiTPAS.", ["UiTPAS"]),
        ("De Uitpas en de uit-pas.", ["UiTPAS"]),
        ("Met de OK-pas, de Kansenpas en Rap op Stap.", ["OK-pas", "Kansenpas", "Rap op Stap"]),
        (
            "Paspartoe, vrijetijdspas en participatiepas.",
            ["Paspartoe", "Vrijetijdspas", "Participatiepas"],
        ),
        ("Schoenen uitpassen is geen pas.", []),
    ],
)
def test_instruments_are_tags_and_the_text_stays(text: str, instruments: list[str]) -> None:
    result = read(f"Visie: {text}\n\nPartners: OCMW")
    assert result.profile.instruments == instruments
    assert result.profile.vision == text


def test_instruments_label_with_prose_keeps_the_prose_and_detects() -> None:
    profile = profile_of(
        "Instrumenten: De gemeente werkt sinds 2016 met de UiTPAS.\n\nPartners: OCMW"
    )
    assert profile.instruments == ["UiTPAS"]
    assert [(s.title, s.body) for s in profile.sections] == [
        ("Instrumenten", "De gemeente werkt sinds 2016 met de UiTPAS.")
    ]


def test_instruments_label_is_exact() -> None:
    profile = profile_of(
        "Visie: Met de UiTPAS.\n\nInstrumenten: Paspartoe, eigen kortingskaart\n\nPartners: OCMW"
    )
    assert profile.instruments == ["Paspartoe", "eigen kortingskaart"]


def test_not_enough_profile_structure_is_refused() -> None:
    with pytest.raises(ProfileTextError, match="geen herkenbare rubrieken"):
        parse_profile("Genk\n\nEen tekst over Genk zonder meer.")


# --- writer edge cases -------------------------------------------------------------------------


def _round_trip(profile: NetworkProfile) -> NetworkProfile:
    return parse_profile(write_profile(profile)).profile.model_copy(update={"id": profile.id})


@pytest.mark.parametrize(
    "changes",
    [
        {"name": "Lokaal netwerk Genk", "captions": ["Lokaal netwerk vrije tijd Genk"]},
        {"name": "Lokaal netwerk Genk", "province": None},  # the reference knows better: written
        {"municipalities": ["Hove (Antwerpen)"], "province": None},
        {"municipalities": ["Nergensdorp", "Genk"], "province": "Limburg"},
        {"region": "Kempen", "alias": "Vrijuit"},
        {"partners": [{"name": "vzw Horizont (Rap op Stap)", "description": ""}]},
        {"partners": [{"name": "schepen van jeugd - welzijn", "description": ""}]},
        {"sections": [{"title": "Partners", "body": "Een rubriek met de naam van een label."}]},
        {"sections": [{"title": "", "body": "Een rubriek zonder titel."}]},
        {"sections": [{"title": "Een heel lange titel van meer dan zes woorden hier", "body": ""}]},
        {
            "actions": [
                {"text": "Communicatie:", "children": []},
                {"text": "Vorming", "children": []},
            ]
        },
        {"goals": [{"title": "Drempels:", "actions": []}, {"title": "Samenwerken", "actions": []}]},
        {"instruments": [], "vision": "Met de UiTPAS."},
        {"instruments": ["Kaart, met komma"]},
        {"contacts": [{"role": "onthaal", "email": "info@genk.be"}]},
        {"contacts": [{"name": "Jan", "organisation": "Stad Genk", "phone": "089 12 34 56"}]},
        {"captions": [f"Bijschrift {index}" for index in range(9)]},
        {
            "sections": [{"title": "Trekkingsrecht", "body": "6 613 euro per jaar."}],
            "drawing_right_eur": "6613",
        },
        {
            "goals": [
                {
                    "title": "Ondersteuning voor en door het netwerk",
                    "actions": [{"text": "vorming"}],
                }
            ]
        },
        {"sections": [{"title": "Werking lokaal netwerk", "body": "Een kerngroep."}]},
        {
            "instruments": ["UiTPAS"],
            "sections": [{"title": "Instrumenten", "body": "Met de UiTPAS."}],
        },
    ],
)
def test_writer_edge_cases_round_trip(changes: dict[str, object]) -> None:
    data: dict[str, object] = {
        "name": "Lokaal netwerk Genk",
        "municipalities": ["Genk"],
        "province": "Limburg",
    }
    data.update(changes)
    profile = NetworkProfile.model_validate(data)
    assert _round_trip(profile).content_equals(profile), write_profile(profile)


# --- the findings of issue 15 on real profiles -----------------------------------------------


def test_an_opening_paragraph_naming_the_network_is_the_vision_not_the_name() -> None:
    opening = (
        "Lokaal netwerk Melle wil streven naar een doordacht en toegankelijk vrijetijdsaanbod "
        "voor alle inwoners, in het bijzonder voor mensen in armoede."
    )
    text = f"Melle (Oost- Vlaanderen)\n\nLokaal Netwerk\n\n{opening}\n\nPartners: OCMW"
    result = parse_profile(text)
    assert result.profile.name == "Lokaal netwerk Melle"
    assert result.profile.vision == opening
    assert result.profile.province is Province.OOST_VLAANDEREN


def test_a_short_network_name_line_is_still_the_name() -> None:
    text = "Melle\n\nLokaal Netwerk\n\nLokaal netwerk Melle-Merelbeke\n\nPartners: OCMW"
    assert parse_profile(text).profile.name == "Lokaal netwerk Melle-Merelbeke"


def test_an_inline_list_ends_where_prose_begins() -> None:
    result = read(
        "Partners: OCMW, CAW, vzw De Link (Rap op Stap). Op termijn wil het netwerk evolueren "
        "naar een breder netwerk, zoals bijvoorbeeld scholen, jeugdbewegingen en sportclubs."
    )
    profile = result.profile
    assert [(p.name, p.description) for p in profile.partners] == [
        ("OCMW", ""),
        ("CAW", ""),
        ("vzw De Link", "Rap op Stap"),
    ]
    assert profile.sections[0].title == "Partners"
    assert profile.sections[0].body.startswith("Op termijn wil het netwerk evolueren")
    assert any("na de lijst van partners" in warning for warning in result.warnings)


def test_a_description_after_the_list_keeps_its_sentences() -> None:
    profile = profile_of("Partners: OCMW en CAW: samen sterk. Ze overleggen maandelijks.")
    assert [(p.name, p.description) for p in profile.partners] == [
        ("OCMW", ""),
        ("CAW", "samen sterk. Ze overleggen maandelijks."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Diensthoofd Vrije Tijd, Jan Peeters, jan.peeters [at] genk.be",
        "Jan Peeters, Diensthoofd Vrije Tijd, jan.peeters [at] genk.be",
        "Stafmedewerker Cultuur, Jan Peeters, 089 65 38 11",
    ],
)
def test_a_job_title_is_not_the_contact_name(line: str) -> None:
    (contact,) = profile_of(f"Partners: OCMW\n\nContactpersoon: {line}").contacts
    assert contact.name == "Jan Peeters"
    assert contact.role in ("Diensthoofd Vrije Tijd", "Stafmedewerker Cultuur")


def test_a_profile_copied_without_the_page_head_is_read() -> None:
    profile = parse_profile("Genk\n\nWe doen mee.\n\nPartners: OCMW").profile
    assert profile.municipalities == ["Genk"] and [p.name for p in profile.partners] == ["OCMW"]
    with pytest.raises(ProfileTextError, match="de titel noemt geen gemeente"):
        parse_profile("Pannenkoeken\n\nWe doen mee.\n\nPartners: OCMW")
