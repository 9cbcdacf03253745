"""The profile as HTML: every text escaped, empty parts left out, Dutch labels, Belgian formats."""

from __future__ import annotations

from datetime import UTC, date, datetime
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from db.model.schemas import Contact, NetworkProfile
from desktop.printing.profile_html import block_html, print_stylesheet, profile_html
from tests.db.factories import full_profile

ALLOWED_TAGS = {
    "html",
    "body",
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "ul",
    "li",
    "table",
    "tr",
    "td",
    "span",
    "a",
}
MARKUP = '<b>vet</b> & <img src="x.png"> <script>alert("x")</script>'


class _Collector(HTMLParser):
    """The tags, attributes and text of a document, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def minimal(**fields: object) -> NetworkProfile:
    return NetworkProfile.model_validate(
        {"name": "Lokaal netwerk Genk", "municipalities": ["Genk"], **fields}
    )


def test_markup_in_every_text_field_stays_text() -> None:
    profile = full_profile(
        name=f"Netwerk {MARKUP}",
        alias=f"Alias {MARKUP}",
        region=f"Regio {MARKUP}",
        vision=f"Visie {MARKUP}",
        target_group=f"Doelgroep {MARKUP}",
        instruments=[f"Pas {MARKUP}"],
        partners=[{"name": f"Partner {MARKUP}", "description": f"Omschrijving {MARKUP}"}],
        goals=[
            {
                "title": f"Doel {MARKUP}",
                "actions": [{"text": f"Actie {MARKUP}", "children": [{"text": f"Deel {MARKUP}"}]}],
            }
        ],
        actions=[{"text": f"Losse {MARKUP}"}],
        meetings=f"Overleg {MARKUP}",
        sections=[{"title": f"Rubriek {MARKUP}", "body": f"Tekst {MARKUP}"}],
        contacts=[
            {"name": f"Naam {MARKUP}", "role": f"Rol {MARKUP}", "organisation": f"Org {MARKUP}"}
        ],
        captions=[f"Bijschrift {MARKUP}"],
        notes=f"Notitie {MARKUP}",
    )
    html = profile_html(profile, include_notes=True)
    parsed = read(html)
    assert set(parsed.tags) <= ALLOWED_TAGS
    assert "script" not in parsed.tags and "img" not in parsed.tags and "b" not in parsed.tags
    text = "".join(parsed.text)
    for prefix in (
        "Netwerk", "Alias", "Regio", "Visie", "Doelgroep", "Pas", "Partner", "Omschrijving", "Doel",
        "Actie", "Deel", "Losse", "Overleg", "Rubriek", "Tekst", "Naam", "Rol", "Org", "Bijschrift",
        "Notitie",
    ):  # fmt: skip
        assert f"{prefix} {MARKUP}" in text, prefix


def test_an_email_address_cannot_break_out_of_its_attribute() -> None:
    profile = minimal(contacts=[{"name": "X", "email": "o'brien@genk.be"}])
    assert dict(read(profile_html(profile)).attributes)["href"] == "mailto:o'brien@genk.be"
    # An address that slipped past the validation gets no link (links are built from the
    # validated address only), and its text is escaped.
    hostile = 'x" onclick="alert(1)"><script>@genk.be'
    profile.contacts = [
        Contact.model_construct(name="X", email=hostile, role="", organisation="", phone="")
    ]
    parsed = read(profile_html(profile))
    assert "href" not in dict(parsed.attributes)
    assert "onclick" not in dict(parsed.attributes)
    assert "script" not in parsed.tags


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        # Cn: unassigned code points and noncharacters (U+FFFE), which the schema refuses.
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Cn"), blacklist_characters="\u2028\u2029"
        ),
        min_size=1,
        max_size=80,
    )
)
def test_any_text_comes_out_as_the_same_text(value: str) -> None:
    profile = minimal(vision=value)
    parsed = read(profile_html(profile))
    assert set(parsed.tags) <= ALLOWED_TAGS
    text = "".join(parsed.text)
    for word in profile.vision.split():
        assert word in text or set(word) <= set("•·▪◦‣∙*-–—")  # a bullet becomes a list item


def test_facts_in_belgian_formats_and_dutch_labels() -> None:
    profile = minimal(
        drawing_right_eur="6613",
        agreement_periods=[
            {"ordinal": 2, "start_year": 2014, "end_year": 2019},
            {"ordinal": 1, "start_year": 2009, "end_year": 2013},
        ],
        instruments=["UiTPAS", "Rap op Stap"],
        partners=[{"name": "OCMW"}, {"name": "CAW"}, {"name": "Bib"}],
    )
    text = " ".join(read(profile_html(profile)).text)
    assert "Trekkingsrecht € 6.613" in text
    assert text.index("1e afsprakennota 2009–2013") < text.index("2e afsprakennota 2014–2019")
    assert "Instrumenten UiTPAS, Rap op Stap" in text
    assert "Aantal partners 3" in text


def test_empty_parts_are_left_out() -> None:
    parsed = read(profile_html(minimal()))
    text = " ".join(parsed.text)
    for heading in ("Visie", "Focus doelgroep", "Partners", "Doelstellingen", "Acties",
                    "Overlegmomenten", "Contactpersoon", "Bijschriften", "Trekkingsrecht"):  # fmt: skip
        assert heading not in text
    assert "table" not in parsed.tags
    assert parsed.tags.count("h2") == 0


def test_sections_appear_in_the_documents_order() -> None:
    html = profile_html(full_profile(), include_notes=True)
    text = " ".join(read(html).text)
    order = [
        "Lokaal netwerk Borsbeek", "Surplus", "Borsbeek, Wommelgem — Antwerpen, Zuidrand",
        "Trekkingsrecht", "Visie", "Focus doelgroep", "Partners", "Doelstellingen en acties",
        "Participatiedrempels aanpakken", "Een kortingssysteem", "voor sport", "Acties",
        "Losse actie", "Overlegmomenten", "Omgevingsanalyse", "Contactpersonen", "Bas Dhoey",
        "bas.dhoey@borsbeek.be", "Bijschriften", "Info Borsbeek juni 2017", "Interne notities",
    ]  # fmt: skip
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)


def test_actions_and_sub_actions_are_nested_lists() -> None:
    html = profile_html(full_profile())
    goal = html.index("Participatiedrempels aanpakken")
    nested = html[goal:]
    assert nested.index("<ul>") < nested.index("Een kortingssysteem")
    assert nested.index('<ul class="subactions">') < nested.index("voor sport")
    assert nested.index("voor cultuur") < nested.index("</ul>", nested.index("voor cultuur"))


def test_goals_without_actions_are_a_list() -> None:
    html = profile_html(minimal(goals=[{"title": "Eerste doel"}, {"title": "Tweede doel"}]))
    assert "<h2>Doelstellingen</h2><ul><li>Eerste doel</li><li>Tweede doel</li></ul>" in html


def test_internal_notes_only_on_request() -> None:
    profile = full_profile()
    assert "Intern: bellen in maart." not in profile_html(profile)
    assert "Intern: bellen in maart." in profile_html(profile, include_notes=True)


def test_print_date_and_last_change_in_belgian_dates() -> None:
    html = profile_html(full_profile(updated_at=None), print_date=date(2026, 11, 25))
    assert '<p class="meta">Afgedrukt op 25/11/2026</p>' in html
    changed = full_profile(updated_at=datetime(2026, 3, 12, 11, 0, tzinfo=UTC))
    html = profile_html(changed, print_date=date(2026, 11, 25))
    assert "Laatst bijgewerkt op 12/03/2026 · afgedrukt op 25/11/2026" in html
    assert "afgedrukt" not in profile_html(changed)


def test_contact_shows_a_real_email_address_as_a_link() -> None:
    html = profile_html(full_profile())
    assert '<a href="mailto:bas.dhoey@borsbeek.be">bas.dhoey@borsbeek.be</a>' in html
    assert "[at]" not in html


def test_a_phone_number_is_shown_as_written_and_linked_normalised() -> None:
    html = profile_html(full_profile())
    assert 'tel. <a href="tel:+3233209409">03 320 94 09</a>' in html


def test_bullet_lines_in_a_long_text_become_a_list() -> None:
    html = block_html("Inleiding:\n• eerste\n- tweede\n\nSlot & einde")
    assert html == "<p>Inleiding:</p><ul><li>eerste</li><li>tweede</li></ul><p>Slot &amp; einde</p>"


def test_the_print_stylesheet_sets_font_sizes_in_points() -> None:
    css = print_stylesheet()
    assert "font-size: 10pt" in css
    assert "px;\n    font-size" not in css
    sizes = [line.split(":")[1] for line in css.splitlines() if "font-size" in line]
    assert sizes and all(size.strip().rstrip(";").endswith("pt") for size in sizes)
