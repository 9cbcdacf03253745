"""Reading and writing the published profile text: the five seeds value by value, nothing lost,
bad input refused with a sentence, and property tests (any text; write-then-read round trip).

Template variants on short hand-written texts are in ``test_profile_text_variants.py``.
"""

from __future__ import annotations

import re
import string
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.model.reference import municipality_names
from db.model.schemas import NetworkProfile, Province
from db.text.profile_text import (
    MAX_TEXT_CHARS,
    ParseResult,
    ProfileTextError,
    parse_profile,
    parse_profile_file,
    write_profile,
)
from tests.db.factories import full_profile

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SEEDS = ["oudenaarde", "wevelgem", "dilbeek", "borsbeek", "genk"]


def read_seed(name: str) -> ParseResult:
    return parse_profile_file(SAMPLES / f"{name}.txt")


def goals_of(profile: NetworkProfile) -> list[tuple[str, list[str]]]:
    return [(goal.title, [action.text for action in goal.actions]) for goal in profile.goals]


def contacts_of(profile: NetworkProfile) -> list[tuple[str, str, str, str, str]]:
    return [(c.name, c.role, c.organisation, c.email, c.phone) for c in profile.contacts]


def partners_of(profile: NetworkProfile) -> list[tuple[str, str]]:
    return [(partner.name, partner.description) for partner in profile.partners]


def periods_of(profile: NetworkProfile) -> list[tuple[int, int, int]]:
    return [(p.ordinal, p.start_year, p.end_year) for p in profile.agreement_periods]


# ---------------------------------------------------------------------------------------------
# The five seeds, value by value
# ---------------------------------------------------------------------------------------------


def test_oudenaarde() -> None:
    result = read_seed("oudenaarde")
    profile = result.profile
    assert profile.name == "Lokaal netwerk Oudenaarde"
    assert profile.municipalities == ["Oudenaarde"]
    assert profile.province is Province.OOST_VLAANDEREN
    assert periods_of(profile) == [(1, 2009, 2013), (2, 2014, 2019)]
    assert profile.drawing_right_eur == Decimal("6613")
    assert profile.vision.startswith(
        "Er wordt verder voortgebouwd op het gebruik van de Kansenpas (OK-pas)."
    )
    assert profile.vision.endswith(
        "vooral in functie van het organiseren van het OK Swareeprogramma."
    )
    assert partners_of(profile) == [
        (
            "Stadsbestuur Oudenaarde",
            "cultuur, sport, vrije tijd, jeugd, senioren, personen met een handicap, onderwijs en het "
            "cultuur centrum De Woeker",
        ),
        ("OCMW Oudenaarde", ""),
        (
            "de werkgroep Kansen voor Cultuur (en deelnemende organisaties)",
            "dit is een overlegplatform rond cultuur- en vrijetijdsparticipatie dat actieve deelname van "
            "en in dialoog met doelgroepbetrokken organisaties mogelijk maakt.",
        ),
    ]
    # "Doelstellingen:" is a flat list: four goals without actions.
    assert [title for title, _ in goals_of(profile)] == [
        "Samenwerking en netwerkvorming met zowel doelgroeporganisaties, andere sociale organisaties "
        "als vrijetijdsaanbodverstrekkers.",
        "Goede communicatie en afspraken met intermediairen: personen en organisaties die door hun "
        "functie en dienstverlening een vertrouwenspositie hebben met doelgroeppersonen.",
        "De stad Oudenaarde wil ook bijdragen tot een verspreiding van de kansenpasidee bij omliggende "
        "gemeenten. Een interlokale samenwerking hoort hier tot de mogelijkheden.",
        "Het bewerkstelligen van intergemeentelijke samenwerking. Bv. Wat de OK-pas betreft is reeds in "
        "Zwalm een gelijkaardig initiatief waarmee samenwerkingsvormen afgesproken worden.",
    ]
    assert all(not goal.actions for goal in profile.goals)
    # "Acties:": the first bullet ends in ':' and adopts the five bullets below it.
    assert [action.text for action in profile.actions] == [
        "Uitbreiding en activering van de doelgroep:"
    ]
    children = [child.text for child in profile.actions[0].children]
    assert len(children) == 5
    assert children[0] == (
        "Gebruik maken van promotionele en drempelverlagende opportuniteiten en mogelijkheden binnen het "
        "lokaal netwerk, zoals bv. het sociaal restaurant en kinderopvang."
    )
    assert children[3].startswith(
        "Samenwerking met de lokale overlegplatformen (LOP's) en de scholen: deze"
    )
    assert children[4].startswith(
        "Regionale uitstraling van de Kansenpaswerking: deze actie houdt in dat"
    )
    assert profile.meetings == (
        "De stuurgroep, waarin alle partners van het lokaal netwerk zetelen en de werkgroep Kansen voor "
        "Cultuur komen op regelmatige tijdstippen samen. Daarnaast zijn er de maandelijkse OK Swaree "
        "werkvergaderingen, en een halfjaarlijks planningsoverleg."
    )
    assert contacts_of(profile) == [
        ("", "Diensthoofd Sociale Zaken", "", "jessy.wandels@oudenaarde.be", "")
    ]
    assert profile.captions == ["Lokaal netwerk Oudenaarde"]
    assert profile.instruments == ["Kansenpas", "OK-pas"]
    assert profile.sections == []
    assert "De eerste alinea zonder titel is als visie gelezen." in result.warnings


def test_wevelgem() -> None:
    result = read_seed("wevelgem")
    profile = result.profile
    assert profile.name == "Lokaal netwerk Wevelgem"
    assert profile.municipalities == ["Wevelgem"]
    assert profile.province is Province.WEST_VLAANDEREN  # written "West Vlaanderen"
    assert periods_of(profile) == [(1, 2015, 2019)]  # "• Eerste afsprakennota: 2015-2019"
    assert profile.drawing_right_eur == Decimal("6887")
    assert profile.vision.startswith(
        "De gemeente Wevelgem maakt deel uit van de regio Zuid-West-Vlaanderen"
    )
    assert profile.vision.endswith(
        "vanuit hun ideeën, noden en wensen."
    )  # trailing no-break space gone
    assert partners_of(profile) == [
        ("sector vrije tijd", ""),
        ("OCMW", ""),
        ("CAW Zuid-West-Vlaanderen", ""),
    ]
    assert goals_of(profile) == [
        (
            "De partners van het lokaal netwerk werken aan een actief partnerschap met het oog op de "
            "realisatie van een vrijetijdsnetwerk en - aanbod en poogt hierbij de kansengroepen maximaal "
            "toegang te geven tot het aanbod van de partners en andere aanbieders",
            [
                "het particuliere en stedelijke aanbod binnen de gemeente betaalbaar maken voor personen in "
                "armoede (instappen in het Uitpas-verhaal)",
                "specifiek inzetten op het tegengaan van vereenzaming (groepsparticipatie)",
                "een specifiek vrijetijdsaanbod voorzien voor maatschappelijk kwetsbare jongeren als opstap "
                "naar het regulier aanbod (tewerkstelling jeugdopbouwwerker)",
            ],
        ),
        (
            "Het opzetten van een lerend netwerk tussen organisaties en hun medewerkers met als doel "
            "zichtbare en onzichtbare drempels tot participatie weg te nemen",
            [
                "ontwikkelen van een traject en netwerk voor en van de eigen medewerkers en de vrijwilligers "
                "van verenigingen waar er van elkaar geleerd wordt hoe de (niet-financiële) drempels kunnen "
                "verlaagd en weggewerkt worden.",
                "intensifiëren van de samenwerking met gekende gespecialiseerde partners in de regio in het "
                "kader van optimaliseren van de toeleiding of het bereiken van de doelgroep.",
            ],
        ),
    ]
    assert profile.actions == []
    # "Werking lokaal netwerk" is a section with its title, not meetings (see the module docstring).
    assert profile.meetings == ""
    assert [(s.title, s.body) for s in profile.sections] == [
        (
            "Werking lokaal netwerk",
            "Het integrale netwerk komt intensief samen vier keer per jaar. Daarnaast overlegt de trekker "
            "van het lokaal netwerk met de regio-partners in verband met de het instrument, de uitpas op "
            "financieel en communicatief vlak.",
        )
    ]
    assert contacts_of(profile) == [("Geert Knockaert", "", "", "geert.knockaert@wevelgem.be", "")]
    assert profile.captions == []
    assert profile.instruments == ["UiTPAS"]


def test_dilbeek() -> None:
    result = read_seed("dilbeek")
    profile = result.profile
    assert profile.name == "Lokaal netwerk Dilbeek"
    assert profile.municipalities == ["Dilbeek"]
    assert profile.province is Province.VLAAMS_BRABANT  # written "Vlaams Brabant"
    assert periods_of(profile) == [(1, 2013, 2013), (2, 2014, 2019)]  # a single year, then a range
    assert profile.drawing_right_eur == Decimal("7120")
    assert profile.vision.startswith(
        "Het lokaal netwerk is ontstaan uit een doelstelling binnen het lokaal"
    )
    assert partners_of(profile) == [
        ("OCMW Dilbeek", ""),
        ("vrijetijdsdiensten", "jeugd, sport, cultuur en bibliotheek"),
        ("dienst welzijn en preventie", ""),
        ("cultuurcentrum", ""),
        ("schepen van jeugd - welzijn - integratie", ""),
        ("OCMW-voorzitter", ""),
        ("schepen van cultuur en senioren", ""),
        ("welzijnsschakel Dilbeek", ""),
    ]
    # The list after "De algemene doelstellingen zijn tweeledig:" holds the goals.
    assert goals_of(profile) == [
        ("het verlagen van de financiële drempel", []),
        ("het verlagen van de andere participatiedrempels (praktisch, psychologisch)", []),
    ]
    assert [action.text for action in profile.actions] == [
        "participatiepas financiële tegemoetkoming (2 sporen) continueren en kijken naar de mogelijkheden "
        "voor een algemene Uit-pas.",
        "subsidie voor de welzijnschakel",
        "toeleiding bevorderen door sensibilisering aan de aanbodzijde en doorverwijzers",
        "onderzoek naar de meerwaarde van de ontwikkeling van een vrijetijdswaaier",
        "informeren op maat van de doelgroep",
        "het lokaal netwerk organiseert jaarlijks 1 activiteit samen met de vrijetijdssector voor mensen in "
        "armoede",
        "welzijnsschakel stimuleert haar leden om aan activiteiten in de gemeente deel te nemen",
    ]
    assert all(not action.children for action in profile.actions)
    assert profile.meetings == ""
    # "Omgevingsanalyse:" runs to the next known label; the introducing sentence stays in place.
    [section] = profile.sections
    assert section.title == "Omgevingsanalyse"
    paragraphs = section.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("In de SWOT-analyse kwam het lokaal netwerk tot de constatie")
    assert (
        "mensen in kansarmoede aan het vrijetijdsaanbod" in paragraphs[0]
    )  # no-break space + space
    assert paragraphs[1] == "De algemene doelstellingen zijn tweeledig:"
    assert paragraphs[2].startswith("De trekkersrol van het lokaal netwerk wordt opgenomen door")
    assert contacts_of(profile) == [("Marrit Volckaert", "", "", "marrit.volckaert@dilbeek.be", "")]
    assert profile.instruments == ["Participatiepas", "UiTPAS"]


def test_borsbeek() -> None:
    result = read_seed("borsbeek")
    profile = result.profile
    assert profile.name == "Lokaal netwerk Borsbeek"
    assert profile.municipalities == ["Borsbeek"]
    assert profile.province is Province.ANTWERPEN  # not in the text: inferred
    assert "Provincie afgeleid uit de gemeente Borsbeek: Antwerpen." in result.warnings
    assert periods_of(profile) == [(1, 2018, 2019)]
    assert profile.drawing_right_eur == Decimal("2432")  # "2.432 euro"
    assert profile.vision.startswith(
        "De voornaamste doelstelling van het lokaal netwerk van Borsbeek"
    )
    assert partners_of(profile) == [
        ("Vrijetijdsdienst", ""),
        ("OCMW", ""),
        ("Welzijnsschakel 't Schakeltje", ""),  # curly apostrophe made straight
    ]
    assert goals_of(profile) == [
        (
            "Het lokaal netwerk legt de nadruk op het optimaal participeren aan vrije tijd door "
            "kansengroepen door de participatiedrempels aan te pakken.",
            [
                "Een kortingssysteem voor al het aanbod in de gemeente",
                "Een jaarlijkse vorming in functie van begrijpbaar communiceren",
                "Samenwerking met ervaringsdeskundigen",
                "Vrijwilligers laten meedenken over de programmatie en vorming van ervaringsdeskundigen tot "
                "ambassadeur",
            ],
        ),
        (
            "Het lokaal netwerk werkt actief aan de oprichting van een vrijetijdsloket met uitbreiding van "
            "een Rap op Stap-kantoor.",
            [
                "Vrijetijdsloket voor info over zowel gemeentelijke activiteiten als verenigingsaanbod",
                "Vakanties en daguitstappen mogelijk via de Welzijnsschakel",
            ],
        ),
        (
            "Ondersteuning voor en door het netwerk",
            [
                "Het lokaal netwerk als actief lerend netwerk",
                "Het lokaal netwerk wordt gekoppeld aan het armoedeoverleg",
            ],
        ),
    ]
    assert profile.actions == []
    assert profile.meetings == (
        "Tweemaal per jaar komt het netwerk formeel samen om de voortgang van de acties te bespreken. "
        "Tussendoor vindt er overleg plaats tussen partners om de doelstellingen en acties te verwezenlijken."
    )
    assert contacts_of(profile) == [
        (
            "Bas Dhoey",
            "diensthoofd vrije tijd en welzijn",
            "",
            "bas.dhoey@borsbeek.be",
            "03 320 94 09",
        )
    ]
    assert profile.captions == ["Info Borsbeek juni 2017"]
    assert profile.instruments == ["Rap op Stap"]
    assert profile.sections == []


def test_genk() -> None:
    result = read_seed("genk")
    profile = result.profile
    assert profile.name == "Lokaal netwerk Genk"
    assert profile.municipalities == ["Genk"]
    assert profile.province is Province.LIMBURG
    assert "Provincie afgeleid uit de gemeente Genk: Limburg." in result.warnings
    assert periods_of(profile) == [(1, 2018, 2019)]
    assert profile.drawing_right_eur == Decimal("17641")  # "17.641 euro": the dot groups thousands
    assert profile.vision.split("\n") == [
        "Genk is een bijzonder diverse stad met een specifieke historiek. Het industrieel en "
        "migratieverleden stelt de stadssamenleving voor enkele ernstige uitdagingen: werkloosheid, "
        "onderwijsachterstand, (kans)armoede.",
        "Het lokaal netwerk gelooft er sterk in dat specifieke aandacht voor kansengroepen nodig is om hun "
        "participatie aan vrije tijd te bevorderen. Maar ook streven ze met weloverwogen inspanningen een "
        "inclusieve en niet-stigmatiserende werking na.",
        "Het netwerk wil onder meer inzetten op het identificeren en wegwerken van objectieve en "
        "gepercipieerde drempels in het vrijetijdsaanbod (dit in samenspraak met de doelgroep en hun "
        "organisaties), op een stevige, outreachende, beklijvende maar warme communicatie en op een "
        "authentiek relatienetwerk met de doelgroep en hun organisaties.",
    ]
    assert partners_of(profile) == [
        ("Cultuurdienst", ""),
        ("jeugddienst", ""),
        ("sportdienst", ""),
        ("dienst sociale zaken", ""),
        ("sociale dienst van het OCMW", ""),
        ("vzw De Sfeer", ""),
        ("vzw Horizont", "Rap op Stap"),
    ]
    assert goals_of(profile) == [
        (
            "Stelselmatige optimalisering van het lokaal netwerk vrijetijdsparticipatie",
            [
                "Extern overleg: kleine groep met sleutelpartners in combinatie met bredere werkgroepen",
                "Systematische en gestructureerde evaluatie",
                "Doelgroeporganisaties worden ondersteund in hun werking",
                "Inventarisatie van de Genkse organisaties en hun aanbod",
            ],
        ),
        (
            "Wegwerken van de financiële drempels voor vrijetijdsaanbod voor personen in armoede",
            [
                "Verlenging en verfijning van de afspraken met Rap op Stap",
                "Cutluurfonds OCMW als onderdeel van een integrale hulpverlening",
                "Aanbodverstrekkers stimuleren om korting te geven",
            ],
        ),
        (
            # A paragraph without bullets after it is still a goal.
            "Organisatie van een doelgroepgericht vrijetijdsaanbod: diverse acties in het kader van "
            "OKAN-onderwijs, CC Cmine, de Bib, inburgeringsbeleid, sociaal-artistieke projecten, KRC Genk…",
            [],
        ),
        (
            "Afstemming, optimalisatie en transparanter maken van de ondersteuningssystemen",
            ["Onderzoek naar implementatie UiTPAS", "Cultuurambassadeurs bij 'De Sfeer'"],
        ),
    ]
    assert profile.actions == []
    assert profile.meetings == (
        "Het netwerk komt tweemaandelijks samen. Daarnaast zullen er werkgroepen samenkomen op basis van "
        "concrete agendapunten. Daarbij kunnen ook bijkomende partners betrokken worden."
    )
    assert contacts_of(profile) == [
        ("Gert Philippeth", "stafmedewerker cultuur", "", "gert.philippeth@genk.be", "089 65 38 11")
    ]
    assert profile.instruments == ["Rap op Stap", "UiTPAS"]
    assert profile.sections == []


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_keeps_its_raw_text_and_file_name(seed: str) -> None:
    result = read_seed(seed)
    raw = (SAMPLES / f"{seed}.txt").read_text(encoding="utf-8")
    assert (
        result.profile.source.raw_text == raw
    )  # exactly: no-break spaces, bullets, trailing spaces
    assert result.profile.source.file_name == f"{seed}.txt"
    imported_at = result.profile.source.imported_at
    assert imported_at is not None and imported_at.tzinfo is not None
    assert abs((datetime.now(UTC) - imported_at).total_seconds()) < 60


# ---------------------------------------------------------------------------------------------
# Nothing is lost
# ---------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
# Words that are structure, not content: the labels of the template, the "en" joining a comma
# list of partners, the "[at]" of an obfuscated address, the page chrome.
LABEL_WORDS = {
    "periode", "eerste", "tweede", "afsprakennota", "trekkingsrecht", "euro", "visie", "partners",
    "doelstellingen", "en", "acties", "een", "greep", "uit", "de", "van", "overlegmomenten",
    "contactpersoon", "contact", "at", "item_left", "item_right",
}  # fmt: skip


def _words(text: str) -> Counter[str]:
    return Counter(
        word.casefold() for word in _WORD.findall(text.replace("’", "'").replace("‘", "'"))
    )


def _leaves(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif value is not None:
        yield str(value)


def _content_lines(raw: str) -> list[str]:
    """The input without page chrome: item_left/right, the repeated title, "Lokaal Netwerk"."""
    lines = [line.strip() for line in raw.splitlines()]
    title = next(line for line in lines if line)
    kept: list[str] = [title]
    for line in lines[lines.index(title) + 1 :]:
        if line.casefold() in ("item_left", "item_right", "lokaal netwerk") or line == title:
            continue
        kept.append(line)
    return kept


@pytest.mark.parametrize("seed", SEEDS)
def test_nothing_is_lost(seed: str) -> None:
    """Every word of the input, as often as it occurs, is in some field (labels and chrome aside)."""
    raw = (SAMPLES / f"{seed}.txt").read_text(encoding="utf-8")
    profile = parse_profile(raw).profile
    fields = profile.model_dump(
        mode="json", exclude={"source", "id", "created_at", "updated_at", "version"}
    )
    stored = _words("\n".join(_leaves(fields)))
    if profile.drawing_right_eur is not None:  # "6 613 euro" is stored as 6613
        stored += _words(f"{int(profile.drawing_right_eur):,}")
    wanted = _words("\n".join(_content_lines(raw)))
    missing = {word: count - stored[word] for word, count in wanted.items() if count > stored[word]}
    assert set(missing) <= LABEL_WORDS, f"lost: {sorted(set(missing) - LABEL_WORDS)}"


@pytest.mark.parametrize("seed", SEEDS)
def test_page_chrome_is_not_body_text(seed: str) -> None:
    profile = read_seed(seed).profile
    fields = profile.model_dump(mode="json", exclude={"source", "captions"})
    text = "\n".join(_leaves(fields))
    assert "item_left" not in text and "item_right" not in text
    assert "\u00a0" not in text and "’" not in text
    assert all(line == line.strip() for line in text.split("\n"))


# ---------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------

RECIPE = """Pannenkoeken

Ingrediënten:

  • 250 g bloem
  • 3 eieren
  • 500 ml melk

Bereiding:

Meng de bloem met de eieren en voeg beetje bij beetje de melk toe. Bak in een hete pan.
"""

EMAIL = """Van: jan.peeters@example.be
Aan: team@example.be
Onderwerp: vergadering

Beste collega's,

De vergadering van donderdag gaat niet door. Contact: bel me even.

Groeten,
Jan
"""


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "leeg"),
        ("   \n\u00a0\n\t\n", "leeg"),
        ("Genk\x00\x01\x02binary", "binair"),
        ("Genk\n\nTrekkingsrecht: 5 euro\x07", "stuurtekens"),
        (RECIPE, "geen herkenbare rubrieken"),
        (EMAIL, "titel"),
        ("Genk", "geen herkenbare rubrieken"),
        ("Dit is een gewone zin, geen titel. En nog een.\n\nPartners: a\nContact: b", "titel"),
    ],
)
def test_not_a_profile(text: str, fragment: str) -> None:
    with pytest.raises(ProfileTextError) as caught:
        parse_profile(text)
    assert str(caught.value).startswith("Dit is geen netwerkfiche: ")
    assert fragment in str(caught.value)
    assert caught.value.english.startswith("This is not a network profile: ")


def test_ten_megabytes_of_noise_is_refused_fast() -> None:
    noise = ("Lorem ipsum dolor sit amet. " * 400_000)[: 10 * 1024 * 1024]
    started = time.perf_counter()
    with pytest.raises(ProfileTextError, match="te groot"):
        parse_profile(noise)
    assert time.perf_counter() - started < 1


def test_the_size_limit() -> None:
    profile = read_seed("genk").profile.source.raw_text
    padding = "\n\nExtra: " + "x" * 10
    text = profile + padding * ((MAX_TEXT_CHARS - len(profile)) // len(padding) + 1)
    assert len(text) > MAX_TEXT_CHARS
    with pytest.raises(ProfileTextError, match="te groot"):
        parse_profile(text)


def test_deep_indentation_does_not_exhaust_the_stack() -> None:
    # More levels than Python's recursion limit; more sub-actions than an action may hold.
    bullets = "\n".join(" " * depth + "• stap" for depth in range(1, 1100))
    result = parse_profile(f"Genk\n\nLokaal Netwerk\n\nPartners: OCMW\n\nActies:\n\n{bullets}")
    assert result.profile.actions == []
    [section] = result.profile.sections
    assert (section.title, section.body.count("stap")) == ("Acties", 1099)
    assert any(warning.startswith("Actie niet gelezen") for warning in result.warnings)


def test_not_text() -> None:
    with pytest.raises(ProfileTextError, match="geen tekst"):
        parse_profile(b"Genk\n\nPartners: a")  # type: ignore[arg-type]


def test_binary_file_is_refused(tmp_path: Path) -> None:
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ProfileTextError, match="geen tekstbestand"):
        parse_profile_file(png)


def test_missing_file_gives_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(ProfileTextError, match="Kan het bestand niet lezen"):
        parse_profile_file(tmp_path / "bestaat-niet.txt")


@pytest.mark.parametrize(
    ("encoding", "prefix", "warned"),
    [
        ("utf-8", b"", False),
        ("utf-8", b"\xef\xbb\xbf", False),
        ("utf-16", b"", False),
        ("cp1252", b"", True),
    ],
)
def test_file_encodings(tmp_path: Path, encoding: str, prefix: bytes, warned: bool) -> None:
    text = (SAMPLES / "borsbeek.txt").read_text(encoding="utf-8")
    if encoding == "cp1252":
        text = text.replace("\u2022", "-").replace("\u00a0", " ")
    path = tmp_path / "fiche.txt"
    path.write_bytes(prefix + text.encode(encoding))
    result = parse_profile_file(path)
    assert result.profile.municipalities == ["Borsbeek"]
    assert result.profile.partners[2].name == "Welzijnsschakel 't Schakeltje"
    assert result.profile.source.raw_text == text
    assert ("Het bestand is gelezen als Windows-1252 (geen UTF-8)." in result.warnings) is warned


def test_a_value_that_fails_validation_falls_back_with_a_warning() -> None:
    # 61 municipalities is one more than a profile may list: the last is kept as text.
    names = ", ".join(f"Gemeente{index}" for index in range(61))
    text = f"Regio West\n\nLokaal Netwerk\n\nGemeenten: {names}\n\nPartners: a"
    result = parse_profile(text)
    assert result.profile.municipalities == [f"Gemeente{index}" for index in range(60)]
    assert result.profile.sections[-1].body == "Gemeente60"
    assert any("Gemeenten" in warning for warning in result.warnings)
    assert result.profile.source.warnings == result.warnings


def test_a_name_too_long_falls_back_to_the_municipality() -> None:
    long_name = "Netwerk " + "heel " * 80 + "lang"
    result = parse_profile(f"Genk\n\nLokaal Netwerk\n\nNetwerknaam: {long_name}\n\nPartners: a")
    assert result.profile.name == "Lokaal netwerk Genk"
    assert result.profile.sections[0].body == long_name
    assert any("afgeleid uit de gemeente" in warning for warning in result.warnings)


# ---------------------------------------------------------------------------------------------
# Property tests
# ---------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gives_a_result_or_a_profile_text_error(text: str) -> None:
    try:
        result = parse_profile(text)
    except ProfileTextError as error:
        assert str(error) and error.english
    else:
        assert result.profile.source.raw_text == text


_PROFILE_LINES = [
    "Genk",
    "Genk (Limburg)",
    "Aalst (Oost- Vlaanderen)",
    "item_left",
    "item_right",
    "Lokaal Netwerk",
    "Lokaal netwerk Genk",
    "Visie:",
    "Periode eerste afsprakennota: 2009-2013",
    "  • Tweede afsprakennota: 2014-2019",
    "Derde periode afsprakennota: 2030",
    "Afsprakennota: 1800-1700",
    "Trekkingsrecht: 6\u00a0613 euro",
    "Trekkingsrecht: veel",
    "Partners: a, b (c, d) en e",
    "Partners",
    "Doelstellingen en acties",
    "Een greep uit de acties:",
    "Acties:",
    "Overleg",
    "Contactpersoon:",
    "contact: jan [at] example.be, 03 / 680 23 43",
    "Contact: [at]",
    "Naam: Jan",
    "E-mail: x [at] y",
    "Omgevingsanalyse:",
    "Beeld: iemand - CC BY-SA 2.0",
    "(Lees verder onder de afbeelding.)",
    "  • item:",
    " • sub",
    "   • diep",
    "    vervolg",
    "Een zin die eindigt met een punt.",
    "Korte kop",
    "Rubriek:",
    "Instrumenten: UiTPAS",
    "Provincie: Nergens",
    "Gemeenten:",
    "",
    " ",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_PROFILE_LINES), st.text(max_size=30)), max_size=40))
def test_profile_like_text_gives_a_result_or_a_profile_text_error(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        result = parse_profile(text)
    except ProfileTextError as error:
        assert str(error) and error.english
    else:
        assert result.profile.source.raw_text == text
        assert result.profile.municipalities


# --- round trip ------------------------------------------------------------------------------

_LETTERS = string.ascii_letters + "éëèïöüçà"
# Free text: letters, digits and the punctuation the parser cares about (brackets, dashes, colons,
# commas, quotes), mixed with real words and the names of passes, so that the writer's instrument
# detection is exercised too. (Drawn as whole strings: drawing word by word is ten times slower.)
_fragment = st.one_of(
    st.text(alphabet=_LETTERS + string.digits + " ,;()'–:-!?", min_size=1, max_size=60),
    st.sampled_from(
        ["UiTPAS", "uitpas", "OK-pas", "Rap op Stap", "kansenpas", "vrije tijd (armoede)"]
    ),
)
# A line of free text may not start with a template label (it would be read as one): see the
# limits listed in the module docstring of db.text.profile_text.
_LABEL_STARTS = {
    "visie", "missie", "historiek", "focus", "doelgroep", "doelgroepen", "trekkingsrecht",
    "trekkingsrechten", "bedrag", "partners", "partner", "netwerkpartners", "doelstellingen",
    "doelstelling", "doelen", "acties", "enkele", "greep", "concrete", "overlegmomenten",
    "overlegmoment", "overleg", "bijeenkomsten", "contactpersoon", "contactpersonen", "contact",
    "contactgegevens", "instrumenten", "netwerknaam", "eigen", "regio", "provincie", "gemeenten",
    "deelnemende", "rubriek", "interne", "notities", "beeld", "foto", "afbeelding", "periode",
    "omgevingsanalyse", "werking", "ondersteuning", "realisaties", "evaluatie",
}  # fmt: skip


def _tidy(raw: str, end: str) -> str:
    """A sentence as people type one: a space after a comma or colon, spaced dashes, one space
    between words, starting with a letter or digit; ``end`` is its final punctuation."""
    text = raw.replace("–", " – ").replace(":", ": ").replace(",", ", ")
    text = " ".join(text.split()).strip(" ,;:()'–-!?")
    if not text or text.split()[0].casefold().strip(",;:()'–-!?") in _LABEL_STARTS:
        text = f"Tekst {text}".strip()
    return text + end


@st.composite
def _sentence(draw: st.DrawFn, max_fragments: int = 3, ends: str = ".!?") -> str:
    fragments = draw(st.lists(_fragment, min_size=1, max_size=max_fragments))
    return _tidy(" ".join(fragments), draw(st.sampled_from(["", *ends])))


def _lines(max_lines: int, ends: str = ".!?") -> st.SearchStrategy[str]:
    return st.lists(_sentence(ends=ends), min_size=1, max_size=max_lines).map("\n".join)


_paragraphs = st.lists(_lines(3), min_size=1, max_size=3).map("\n\n".join)
_optional_text = st.one_of(st.just(""), _paragraphs)
_optional_line = st.one_of(st.just(""), _sentence(max_fragments=2))
_name_words = st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=10), min_size=1, max_size=3)


@st.composite
def _partner(draw: st.DrawFn) -> dict[str, str]:
    name = " ".join(draw(_name_words))
    if draw(st.booleans()):
        name += f" ({' '.join(draw(_name_words))})"  # parentheses in the name itself
    return {"name": name, "description": draw(st.one_of(st.just(""), _lines(2)))}


@st.composite
def _contact(draw: st.DrawFn) -> dict[str, str]:
    name = draw(
        st.one_of(st.just(""), _name_words.map(lambda ws: " ".join(w.capitalize() for w in ws)))
    )
    local = draw(st.from_regex(r"[a-z]{1,8}(\.[a-z]{1,8})?", fullmatch=True))
    domain = draw(st.from_regex(r"[a-z]{2,8}\.(be|org|com)", fullmatch=True))
    email = f"{local}@{domain}" if not name or draw(st.booleans()) else ""
    # Numbers that exist (the schema checks them with libphonenumber), in the spellings
    # profiles use: spaces, a slash after the area code, dots.
    phone = draw(
        st.one_of(
            st.just(""),
            st.builds(
                lambda area, digits, style: style.format(area=area, d=digits),
                st.sampled_from(["011", "089", "050", "016"]),  # 6-digit numbers
                st.from_regex(r"2[0-9]{5}", fullmatch=True),
                st.sampled_from(
                    ["{area} {d[0]}{d[1]} {d[2]}{d[3]} {d[4]}{d[5]}", "{area} / {d}", "{area}/{d}"]
                ),
            ),
            st.builds(
                lambda area, digits: f"{area} {digits[:3]} {digits[3:5]} {digits[5:]}",
                st.sampled_from(["02", "03", "09"]),  # 7-digit numbers
                st.from_regex(r"2[0-9]{6}", fullmatch=True),
            ),
        )
    )
    return {
        "name": name,
        "role": draw(_optional_line),
        "organisation": draw(_optional_line),
        "email": email,
        "phone": phone,
    }


_step_text = _lines(2, ends=".!?:")  # a goal or action may end in a colon
_action = st.fixed_dictionaries(
    {
        "text": _step_text,
        "children": st.lists(st.fixed_dictionaries({"text": _sentence(ends=".!?:")}), max_size=2),
    }
)
_goal = st.fixed_dictionaries({"title": _step_text, "actions": st.lists(_action, max_size=3)})
_section = st.one_of(
    st.fixed_dictionaries({"title": _sentence(max_fragments=2, ends=""), "body": _optional_text}),
    st.fixed_dictionaries({"title": st.just(""), "body": _paragraphs}),
)
_municipality = st.one_of(
    st.sampled_from(municipality_names(current_only=True)),
    st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=12).map(str.capitalize),
)


@st.composite
def _periods(draw: st.DrawFn) -> list[dict[str, int]]:
    ordinals = draw(st.lists(st.integers(1, 20), unique=True, max_size=3))
    periods = []
    for ordinal in ordinals:
        start = draw(st.integers(1990, 2100))
        periods.append(
            {"ordinal": ordinal, "start_year": start, "end_year": draw(st.integers(start, 2100))}
        )
    return periods


@st.composite
def profiles(draw: st.DrawFn) -> NetworkProfile:
    municipalities = draw(st.lists(_municipality, min_size=1, max_size=3, unique_by=str.casefold))
    name = draw(
        st.one_of(
            st.just(f"Lokaal netwerk {municipalities[0]}"),
            _sentence(max_fragments=1, ends=""),
            _name_words.map(lambda ws: "Lokaal netwerk " + " ".join(ws)),
        )
    )
    return NetworkProfile.model_validate(
        {
            "name": name,
            "alias": draw(_optional_line),
            "municipalities": municipalities,
            "province": draw(st.one_of(st.none(), st.sampled_from(list(Province)))),
            "region": draw(_optional_line),
            "vision": draw(_optional_text),
            "target_group": draw(_optional_text),
            "agreement_periods": draw(_periods()),
            "drawing_right_eur": draw(
                st.one_of(
                    st.none(), st.integers(0, 9_999_999_999).map(lambda cents: Decimal(cents) / 100)
                )
            ),
            "instruments": draw(
                st.lists(
                    st.one_of(
                        st.sampled_from(["UiTPAS", "OK-pas", "Rap op Stap", "Kansenpas"]),
                        _name_words.map(" ".join),
                    ),
                    max_size=4,
                    unique_by=str.casefold,
                )
            ),
            "partners": draw(st.lists(_partner(), max_size=4)),
            "goals": draw(st.lists(_goal, max_size=4)),
            "actions": draw(st.lists(_action, max_size=3)),
            "meetings": draw(_optional_text),
            "contacts": draw(st.lists(_contact(), max_size=3)),
            "sections": draw(st.lists(_section, max_size=3)),
            "captions": draw(st.lists(_sentence(max_fragments=2), max_size=6)),
            "notes": draw(_optional_text),
        }
    )


def _assert_round_trip(profile: NetworkProfile) -> None:
    text = write_profile(profile)
    back = parse_profile(text).profile
    # A text carries no record identity: the id is the one thing the reader cannot give back.
    back = back.model_copy(update={"id": profile.id})
    if not back.content_equals(profile):
        before = profile.model_dump(exclude={"source"})
        after = back.model_dump(exclude={"source"})
        differences = {
            key: (before[key], after[key]) for key in before if before[key] != after[key]
        }
        pytest.fail(f"round trip changed {differences}\n--- written ---\n{text}")


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
@given(profiles())
def test_write_then_read_gives_an_equal_record(profile: NetworkProfile) -> None:
    _assert_round_trip(profile)


def test_round_trip_of_a_fully_filled_record() -> None:
    _assert_round_trip(full_profile())


@pytest.mark.parametrize("seed", SEEDS)
def test_round_trip_of_every_seed(seed: str) -> None:
    _assert_round_trip(read_seed(seed).profile)


def test_written_layout() -> None:
    text = write_profile(read_seed("borsbeek").profile)
    assert text.startswith(
        "Borsbeek (Antwerpen)\n\nitem_left\n\nInfo Borsbeek juni 2017\n\nitem_right\n\n"
    )
    assert "Periode eerste afsprakennota: 2018-2019\nTrekkingsrecht: 2.432 euro" in text
    assert "Partners:\n\n  • Vrijetijdsdienst\n  • OCMW\n" in text
    assert "Doelstellingen en acties:\n\nHet lokaal netwerk legt de nadruk" in text
    assert (
        "Contactpersoon: Bas Dhoey, diensthoofd vrije tijd en welzijn, bas.dhoey [at] borsbeek.be, "
        "03 320 94 09" in text
    )
    assert "Instrumenten" not in text  # "Rap op Stap" is found in the text itself
    oudenaarde = write_profile(read_seed("oudenaarde").profile)
    assert (
        "Contactpersoon: jessy.wandels [at] oudenaarde.be (Diensthoofd Sociale Zaken)" in oudenaarde
    )
    assert "  • Uitbreiding en activering van de doelgroep:\n      • Gebruik maken" in oudenaarde
