"""Realistic generated network profiles, the same ones for the same seed.

The vocabulary and the shape come from the published profiles in ``resources/samples``: a lead
municipality (sometimes a few, for an intergemeentelijk netwerk) from the reference list, a vision
of a few sentences, partners such as "OCMW X", "Welzijnsschakel ..." and "vzw ...", goals with
actions and sub-actions, one to three afsprakennota's, a trekkingsrecht, contacts with e-mail and
phone, other headed sections, and the diacritics real texts carry (coördinatie, financiële, één).
Lengths vary from a short profile to a long one, as they do on the website.

Benchmarks and tests reuse this: ``generate_networks(count, seed=...)`` yields validated
:class:`NetworkProfile` records; ``build_database(path, count, seed)`` writes them to a database
file in one transaction.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from uuid import UUID

from db.model.reference import Municipality, municipalities
from db.model.schemas import NetworkProfile
from db.storage.store import Store

DEFAULT_SEED = 20261125

REGIONS: dict[str, list[str]] = {
    "Antwerpen": ["Kempen", "Noorderkempen", "Zuidrand", "Rupelstreek", "Voorkempen"],
    "Limburg": ["Haspengouw", "Maasland", "Limburgse Kempen", "Midden-Limburg"],
    "Oost-Vlaanderen": [
        "Meetjesland",
        "Waasland",
        "Vlaamse Ardennen",
        "Denderstreek",
        "Leiestreek",
    ],
    "Vlaams-Brabant": ["Pajottenland", "Hageland", "Noordrand", "Druivenstreek"],
    "West-Vlaanderen": ["Westhoek", "Zuid-West-Vlaanderen", "Midwest", "Noord-West-Vlaanderen"],
    "Brussel": ["Brussel"],
}

INSTRUMENTS = [
    "UiTPAS",
    "Kansenpas",
    "OK-pas",
    "Rap op Stap",
    "Paspartoe",
    "Vrijetijdspas",
    "Sportcheques",
    "Cultuurwaardebonnen",
]

WELZIJNSSCHAKELS = [
    "’t Schakeltje",
    "De Brug",
    "Samen Sterk",
    "Het Anker",
    "De Kiem",
    "De Vlinder",
    "Onder Dak",
    "Den Azalee",
    "Sint-Vincentius",
    "De Keeting",
]

ORGANISATIONS = [
    "De Sfeer",
    "Horizont",
    "Kompas",
    "Ontmoeting",
    "De Buurtwinkel",
    "Welzijnshuis",
    "Baobab",
    "Kras",
    "De Tinten",
    "Recht-Op",
    "Het Zonnehuis",
    "Huis van Vrede",
    "T’ Ouwe Scholeke",
    "Café Coöperatief",
]

SERVICES = [
    "Cultuurdienst",
    "Jeugddienst",
    "Sportdienst",
    "Vrijetijdsdienst",
    "Dienst sociale zaken",
    "Dienst welzijn en preventie",
    "Bibliotheek",
    "Academie voor muziek, woord en dans",
    "Dienst integratie",
    "Seniorendienst",
]

PARTNER_DESCRIPTIONS = [
    "",
    "",
    "",
    "cultuur, sport, vrije tijd, jeugd, senioren en onderwijs",
    "vereniging waar armen het woord nemen",
    "werkt met vrijwilligers en ervaringsdeskundigen",
    "overlegplatform rond cultuur- en vrijetijdsparticipatie",
    "coördinatie van de vrijetijdsloketten",
    "financiële tegemoetkoming voor gezinnen in armoede",
    "toeleiding en begeleiding van kwetsbare jongeren",
]

VISION_SENTENCES = [
    "De voornaamste doelstelling van het lokaal netwerk van {m} is alle inwoners, met specifieke aandacht voor kansengroepen, te laten deelnemen aan vrije tijd.",
    "Enerzijds willen de partners werken aan de toegankelijkheid van het eigen aanbod en dat van de {adj} vrijetijdsaanbieders.",
    "Anderzijds zal het netwerk kansengroepen en ervaringsdeskundigen proberen betrekken bij de totstandkoming van het aanbod.",
    "Er wordt verder voortgebouwd op het gebruik van de {instrument}.",
    "Hiertoe wordt de nadruk gelegd op het belang van een groepsgerichte benadering en regionale afstemming.",
    "{m} is een bijzonder diverse gemeente met een specifieke historiek.",
    "Het lokaal netwerk gelooft er sterk in dat specifieke aandacht voor kansengroepen nodig is om hun participatie aan vrije tijd te bevorderen.",
    "Het netwerk wil inzetten op het identificeren en wegwerken van objectieve en gepercipieerde drempels in het vrijetijdsaanbod.",
    "De armoede in de gemeente wordt voornamelijk gekenmerkt door generatie-armoede, waarbij de groep alleenstaanden en éénoudergezinnen groot is.",
    "De partners vinden het zeer belangrijk om mensen in armoede zelf te bevragen en te vertrekken vanuit hun ideeën, noden en wensen.",
    "Het netwerk wil ook noden signaleren en een duurzame verandering realiseren voor mensen in armoede.",
    "Coördinatie en afstemming tussen de vrijetijdsdiensten, het OCMW en het middenveld staan centraal.",
    "Eén aanspreekpunt voor vrijetijdsparticipatie maakt het aanbod toegankelijker voor iedereen.",
    "De coöperatie met de regionale partners in {region} wordt verder uitgebouwd.",
    "De financiële drempel is niet de enige: ook praktische en psychologische drempels houden mensen weg.",
    "Het lokaal netwerk is ontstaan uit een doelstelling binnen het lokaal sociaal beleidsplan.",
    "Dit netwerk startte met het opmaken van een uitgebreide SWOT-analyse rond vrijetijdsparticipatie van mensen in armoede.",
    "Verder wordt er veel belang gehecht aan het vrijwilligerswerk en aan een solidaire inbreng van de verenigingen.",
    "Een inclusieve en niet-stigmatiserende werking blijft het uitgangspunt.",
    "Via de {instrument} krijgen mensen met een beperkt inkomen korting op sport, cultuur en jeugdwerk.",
]

TARGET_GROUPS = [
    "",
    "",
    "Mensen in armoede, met bijzondere aandacht voor éénoudergezinnen.",
    "Kinderen en jongeren uit kwetsbare gezinnen.",
    "Alleenstaanden, senioren en mensen die vereenzamen.",
    "Nieuwkomers en anderstalige gezinnen (OKAN, inburgering).",
    "Personen met een leefloon of een verhoogde tegemoetkoming.",
    "Maatschappelijk kwetsbare jongeren en hun ouders.",
]

GOALS = [
    "Samenwerking en netwerkvorming met doelgroeporganisaties, sociale organisaties en vrijetijdsaanbieders.",
    "Goede communicatie en afspraken met intermediairen.",
    "Het bewerkstelligen van intergemeentelijke samenwerking.",
    "Stelselmatige optimalisering van het lokaal netwerk vrijetijdsparticipatie",
    "Wegwerken van de financiële drempels voor vrijetijdsaanbod voor personen in armoede",
    "Organisatie van een doelgroepgericht vrijetijdsaanbod",
    "Afstemming, optimalisatie en transparanter maken van de ondersteuningssystemen",
    "Het opzetten van een lerend netwerk tussen organisaties en hun medewerkers",
    "Optimaal participeren aan vrije tijd door kansengroepen door de participatiedrempels aan te pakken",
    "Ondersteuning voor en door het netwerk",
    "Het verlagen van de financiële drempel",
    "Het verlagen van de andere participatiedrempels (praktisch, psychologisch)",
    "De oprichting van een vrijetijdsloket",
    "Coördinatie van het vrijetijdsaanbod in de regio {region}",
]

ACTIONS = [
    "Een kortingssysteem voor al het aanbod in de gemeente",
    "Een jaarlijkse vorming in functie van begrijpbaar communiceren",
    "Samenwerking met ervaringsdeskundigen",
    "Vrijwilligers laten meedenken over de programmatie",
    "Vrijetijdsloket voor info over gemeentelijke activiteiten en verenigingsaanbod",
    "Vakanties en daguitstappen mogelijk via de Welzijnsschakel",
    "Het lokaal netwerk wordt gekoppeld aan het armoedeoverleg",
    "Extern overleg: kleine groep met sleutelpartners in combinatie met bredere werkgroepen",
    "Systematische en gestructureerde evaluatie",
    "Doelgroeporganisaties worden ondersteund in hun werking",
    "Inventarisatie van de organisaties in {m} en hun aanbod",
    "Verlenging en verfijning van de afspraken met Rap op Stap",
    "Cultuurfonds OCMW als onderdeel van een integrale hulpverlening",
    "Aanbodverstrekkers stimuleren om korting te geven",
    "Onderzoek naar de implementatie van de UiTPAS",
    "Cultuurambassadeurs bij de partnerorganisaties",
    "Subsidie voor de welzijnsschakel",
    "Toeleiding bevorderen door sensibilisering aan de aanbodzijde en bij doorverwijzers",
    "Onderzoek naar de meerwaarde van een vrijetijdswaaier",
    "Informeren op maat van de doelgroep",
    "Jaarlijks één activiteit samen met de vrijetijdssector voor mensen in armoede",
    "Netwerkvorming met diverse vrijetijdsverenigingen: aanbieders worden gepeild naar hun ervaringen met de {instrument}.",
    "Actualisering van communicatiemiddelen: een flyer via de school, de sociale media en het gemeentelijk infoblad.",
    "Samenwerking met het lokaal overlegplatform (LOP) en de scholen.",
    "Regionale uitstraling van de werking: noden en mogelijkheden voor coördinatie worden verkend.",
    "Het particuliere en stedelijke aanbod betaalbaar maken voor personen in armoede",
    "Specifiek inzetten op het tegengaan van vereenzaming (groepsparticipatie)",
    "Een specifiek vrijetijdsaanbod voor maatschappelijk kwetsbare jongeren als opstap naar het regulier aanbod",
    "Intensifiëren van de samenwerking met gespecialiseerde partners in de regio",
    "Financiële tegemoetkoming voor lidgelden van sportclubs en jeugdbewegingen",
    "Gratis deelname aan het speelpleinwerk in de zomer",
    "Een vrijetijdsbeurs met alle verenigingen van {m}",
]

SUB_ACTIONS = [
    "voor sport",
    "voor cultuur",
    "voor jeugdwerk",
    "in samenwerking met de bibliotheek",
    "met begeleiding door vrijwilligers",
    "evaluatie na één jaar",
    "financiële opvolging door het OCMW",
    "communicatie via de nieuwsbrief",
]

MEETINGS = [
    "",
    "De stuurgroep, waarin alle partners zetelen, komt op regelmatige tijdstippen samen.",
    "Tweemaal per jaar komt het netwerk formeel samen om de voortgang van de acties te bespreken.",
    "Het netwerk komt tweemaandelijks samen. Daarnaast komen werkgroepen samen op basis van concrete agendapunten.",
    "Maandelijkse werkvergaderingen en een halfjaarlijks planningsoverleg.",
    "Het integrale netwerk komt vier keer per jaar samen; de kerngroep overlegt maandelijks.",
]

SECTION_TITLES = [
    "Omgevingsanalyse",
    "Werking lokaal netwerk",
    "Ondersteuning voor en door het netwerk",
    "Doelgroep",
    "Evaluatie",
]

SECTION_SENTENCES = [
    "In de SWOT-analyse kwam het lokaal netwerk tot de constatie dat veel mensen niet participeren.",
    "Doorverwijzers zijn niet altijd op de hoogte van de mogelijkheden.",
    "De communicatie is niet afgestemd op de doelgroep.",
    "De trekkersrol wordt opgenomen door de sectorcoördinator vrije tijd.",
    "Naast het brede samenwerkingsverband is een kerngroep samengesteld met het OCMW, de gemeente en het cultuurcentrum.",
    "Daarnaast wil het netwerk de samenwerking met het CAW, verenigingen en scholen uitbreiden.",
    "De trekker overlegt met de regiopartners over het instrument, op financieel en communicatief vlak.",
    "Alle partners zijn ervan overtuigd dat men samen extra inspanningen moet leveren.",
]

FIRST_NAMES = [
    "An",
    "Bart",
    "Els",
    "Koen",
    "Sofie",
    "Tom",
    "Lies",
    "Pieter",
    "Inge",
    "Wim",
    "Katrien",
    "Jan",
    "Marie",
    "Noor",
    "Zoë",
    "Chloë",
    "Raphaël",
    "Ayşe",
    "Joël",
    "Ine",
    "Hannelore",
    "Mohamed",
]

LAST_NAMES = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambrechts",
    "Dumont",
    "Vermeulen",
    "Van den Broeck",
    "Desmet",
    "Vandamme",
    "Yılmaz",
    "Dhondt",
    "Verhaeghe",
]

ROLES = [
    "diensthoofd vrije tijd",
    "stafmedewerker cultuur",
    "coördinator welzijn",
    "Diensthoofd Sociale Zaken",
    "beleidsmedewerker vrijetijdsparticipatie",
    "sectorcoördinator vrije tijd",
    "maatschappelijk werker",
    "",
]

ALIASES = [
    "Iedereen Mee",
    "Vrije Tijd voor Iedereen",
    "{m} Doet Mee",
    "Netwerk Vrijetijdsparticipatie",
    "Samen Uit",
    "Kansen voor Cultuur",
]

MONTHS = ["januari", "maart", "mei", "juni", "september", "november"]
PHONE_ZONES = ["03", "09", "089", "011", "050", "056", "016", "02", "053", "014"]
BASE_TIME = datetime(2023, 1, 1, 8, 0, tzinfo=UTC)


@cache
def _flemish_municipalities() -> tuple[Municipality, ...]:
    # One entry per short name: homonyms (Hove) and refounded units (Aalter 2019) appear once.
    unique: dict[str, Municipality] = {}
    for municipality in municipalities():
        unique.setdefault(municipality.short_name, municipality)
    return tuple(unique.values())


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", ascii_text.lower())


def _fill(template: str, context: dict[str, str]) -> str:
    return template.format(**context)


def _uuid(rng: random.Random) -> UUID:
    return UUID(int=rng.getrandbits(128), version=4)


def _periods(rng: random.Random) -> list[dict[str, int]]:
    if rng.random() < 0.05:
        return []
    start = rng.randint(2008, 2018)
    periods = []
    for ordinal in range(1, rng.randint(1, 3) + 1):
        end = min(start + rng.choice([0, 1, 4, 5, 5]), 2030)
        periods.append({"ordinal": ordinal, "start_year": start, "end_year": end})
        start = end + 1
        if start > 2030:
            break
    return periods


def _amount(rng: random.Random) -> Decimal | None:
    if rng.random() < 0.08:
        return None
    whole = Decimal(int(rng.lognormvariate(8.9, 0.6)) + 500)
    return whole + (Decimal(rng.choice([0, 0, 0, 50])) / 100)


def _partners(rng: random.Random, lead: str, region: str) -> list[dict[str, str]]:
    partners = [{"name": f"OCMW {lead}", "description": rng.choice(PARTNER_DESCRIPTIONS)}]
    pool = [
        *(f"{service}" for service in rng.sample(SERVICES, rng.randint(1, 4))),
        f"Welzijnsschakel {rng.choice(WELZIJNSSCHAKELS)}",
        f"vzw {rng.choice(ORGANISATIONS)}",
        f"vzw {rng.choice(ORGANISATIONS)} (Rap op Stap)",
        f"CAW {region or lead}",
        f"Huis van het Kind {lead}",
        f"Samenlevingsopbouw {region or lead}",
        f"cultuurcentrum {lead}",
    ]
    names: dict[str, dict[str, str]] = {}
    for name in rng.sample(pool, rng.randint(1, len(pool))):
        names.setdefault(
            name.casefold(), {"name": name, "description": rng.choice(PARTNER_DESCRIPTIONS)}
        )
    partners.extend(names.values())
    return partners


def _actions(
    rng: random.Random, context: dict[str, str], low: int, high: int
) -> list[dict[str, Any]]:
    return [
        {
            "text": _fill(rng.choice(ACTIONS), context),
            "children": [
                {"text": rng.choice(SUB_ACTIONS)} for _ in range(rng.choice([0, 0, 0, 1, 2, 3]))
            ],
        }
        for _ in range(rng.randint(low, high))
    ]


def _contact(rng: random.Random, lead: str) -> dict[str, str]:
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    zone = rng.choice(PHONE_ZONES)
    digits = 9 - len(zone)
    local = f"{rng.randrange(10 ** (digits - 1), 10**digits)}"
    # Subscriber numbers in these zones begin with 2, 3 or 4 (the schema checks the numbering
    # plan with libphonenumber); mapping the drawn digit keeps the random sequence as it was.
    local = "234"[int(local[0]) % 3] + local[1:]
    phone = f"{zone} {local[:-4]} {local[-4:-2]} {local[-2:]}"
    return {
        "name": f"{first} {last}",
        "role": rng.choice(ROLES),
        "organisation": rng.choice(["", f"Gemeente {lead}", f"OCMW {lead}"]),
        "email": f"{_slug(first)}.{_slug(last)}@{_slug(lead)}.be",
        "phone": phone if rng.random() < 0.7 else "",
    }


def network_data(rng: random.Random) -> dict[str, Any]:
    """One profile as plain data (what a parsed profile would hold), drawn from ``rng``."""
    pool = _flemish_municipalities()
    lead = rng.choice(pool)
    province = lead.province
    names = [lead.short_name]
    if rng.random() < 0.12:  # an intergemeentelijk netwerk: neighbours in the same province
        same = [m for m in pool if m.province == province and m.short_name != lead.short_name]
        names += [m.short_name for m in rng.sample(same, min(len(same), rng.randint(1, 4)))]
    region = rng.choice(REGIONS[province]) if rng.random() < 0.4 else ""
    instruments = rng.sample(INSTRUMENTS, rng.choice([0, 1, 1, 1, 2]))
    context = {
        "m": lead.short_name,
        "adj": f"{lead.short_name}se",
        "region": region or province,
        "instrument": instruments[0] if instruments else rng.choice(INSTRUMENTS),
    }
    vision = " ".join(
        _fill(sentence, context) for sentence in rng.sample(VISION_SENTENCES, rng.randint(2, 9))
    )
    if rng.random() < 0.3:
        second = rng.sample(VISION_SENTENCES, rng.randint(1, 4))
        vision += "\n\n" + " ".join(_fill(sentence, context) for sentence in second)
    if len(names) > 1:
        name = f"Regionaal netwerk {region or ' – '.join(names[:2])}"
    else:
        name = rng.choice(
            ["Lokaal netwerk", "Lokaal netwerk", "Lokaal netwerk", "Vrijetijdsnetwerk"]
        )
        name = f"{name} {lead.short_name}"
    goals = [
        {"title": _fill(title, context), "actions": _actions(rng, context, 0, 6)}
        for title in rng.sample(GOALS, rng.randint(0, 5))
    ]
    sections = [
        {
            "title": title,
            "body": " ".join(rng.sample(SECTION_SENTENCES, rng.randint(1, 6))),
        }
        for title in rng.sample(SECTION_TITLES, rng.choice([0, 0, 1, 1, 2, 3]))
    ]
    created = BASE_TIME + timedelta(minutes=rng.randrange(0, 60 * 24 * 365))
    return {
        "id": _uuid(rng),
        "name": name,
        "alias": _fill(rng.choice(ALIASES), context) if rng.random() < 0.2 else "",
        "municipalities": names,
        "province": province,
        "region": region,
        "vision": vision,
        "target_group": rng.choice(TARGET_GROUPS),
        "agreement_periods": _periods(rng),
        "drawing_right_eur": _amount(rng),
        "instruments": instruments,
        "partners": _partners(rng, lead.short_name, region),
        "goals": goals,
        "actions": _actions(rng, context, 0 if goals else 2, 4 if goals else 9),
        "meetings": rng.choice(MEETINGS),
        "contacts": [_contact(rng, lead.short_name) for _ in range(rng.choice([1, 1, 1, 2, 3]))],
        "sections": sections,
        "captions": [
            f"Info {lead.short_name} {rng.choice(MONTHS)} {rng.randint(2014, 2024)}"
            for _ in range(rng.choice([0, 0, 1]))
        ],
        "notes": rng.choice(
            [
                "",
                "",
                "",
                "",
                "Opvolging: financiële rapportering nakijken.",
                "Intern: bellen in maart.",
            ]
        ),
        "source": {"file_name": f"{_slug(lead.short_name)}.txt", "imported_at": created},
        "created_at": created,
        "updated_at": created + timedelta(days=rng.randrange(0, 400)),
    }


def generate_networks(count: int, seed: int = DEFAULT_SEED) -> Iterator[NetworkProfile]:
    """``count`` validated profiles; the same ``seed`` always gives the same records."""
    rng = random.Random(seed)
    for _ in range(count):
        yield NetworkProfile.model_validate(network_data(rng))


def build_database(path: str | Path, count: int, seed: int = DEFAULT_SEED) -> Path:
    """A database file at ``path`` holding exactly ``count`` generated networks (one transaction)."""
    target = Path(path)
    store = Store.open(target)
    try:
        store.replace_all(generate_networks(count, seed))
    finally:
        store.close()
    return target
