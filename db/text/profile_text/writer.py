"""Writing the published profile text of a local network (the "netwerkfiche").

:func:`write_profile` writes the published layout, and reading it back gives a record whose
``content_equals`` the original (the ``id`` aside: a text carries no record identity). Fields:

==================  ================================================================================
field               written as
==================  ================================================================================
municipalities,     title ``A, B en C (Provincie)`` twice, around ``item_left`` / captions /
province, captions  ``item_right`` (four captions per image block); then ``Lokaal Netwerk``. When the
                    title cannot say it (several municipalities not all in the reference, no
                    province although the reference knows one, ...), labelled lines follow:
                    ``Gemeenten:`` (bullets), ``Provincie: onbekend``.
name                ``Netwerknaam: ...`` only when it differs from what would be inferred (a
                    ``Lokaal netwerk X`` caption, else ``Lokaal netwerk <first municipality>``)
alias, region       ``Eigen naam: ...``, ``Regio: ...``
vision, target      ``Visie: ...``, ``Focus doelgroep: ...`` (paragraphs kept)
agreement_periods   ``Periode eerste afsprakennota: 2014-2019`` (one year when start = end)
drawing_right_eur   ``Trekkingsrecht: 6.613 euro`` (``6.613,50 euro`` with cents)
instruments         ``Instrumenten: a, b`` (bullets when a tag holds a comma); left out when reading
                    the text would detect exactly these tags anyway; ``Instrumenten:`` alone = none
partners            ``Partners:`` + bullets ``name – description`` (``name –`` when a name without
                    description would otherwise be split at its brackets or hyphen)
goals, actions      ``Doelstellingen en acties:`` + goal paragraphs with bullet actions and indented
                    sub-actions; when a goal has no actions (or its title would read as a label),
                    the two-/three-level bullet variant. ``Acties:`` + bullets for network-level
                    actions. A blank line after an item ending in ``:`` without sub-items keeps it
                    from adopting the next one.
meetings            ``Overlegmomenten: ...``
sections            ``Titel:`` + body, or ``Rubriek: titel`` + body when the title would not read back
                    as a heading (long, empty, a known label, ...)
contacts            ``Contactpersoon: name, role, organisation, e-mail [at] domain, phone`` or
                    ``... e-mail [at] domain (role)``, whichever reads back the same; else
                    ``Contactpersoon:`` + ``Naam:`` / ``Functie:`` / ``Organisatie:`` / ``E-mail:``
                    / ``Telefoon:`` lines
notes               ``Interne notities: ...``
==================  ================================================================================

The writer decides between layouts with the reader's own rules (does this title, contact,
heading or paragraph read back as itself?), so the choices cannot drift apart.

Limits of the round trip, by design of a plain-text format without escapes: a free-text line
that itself reads as structure (starts with a bullet or a known label or section title, is a
short capitalised line ending in a colon, is an image credit) is read as that structure; a
partner name holding a spaced dash or ``: `` is split there; a goal title or action text with
an empty line in it becomes two; curly quotes and runs of spaces are normalised; leading spaces
of lines in a text field are not kept. The hypothesis round-trip test generates records within
these limits (free text with brackets, dashes, colons, digits, accents and pass names).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pydantic import ValidationError

from db.model.formats import group_thousands
from db.model.schemas import (
    Action,
    AgreementPeriod,
    Contact,
    Goal,
    NetworkProfile,
    Partner,
    Province,
    Section,
)
from db.text.profile_text.contacts import contact_fields
from db.text.profile_text.facts import detect_instruments
from db.text.profile_text.head import CAPTIONS_PER_IMAGE
from db.text.profile_text.labels import (
    NETWORK_NAME,
    ORDINAL_WORDS,
    Context,
    ImageLine,
    Kind,
    Label,
    classify,
    image_line,
)
from db.text.profile_text.lines import Line, fold, split_lines
from db.text.profile_text.partners import partner_from_lines
from db.text.profile_text.title import (
    inferred_name,
    inferred_province,
    parse_title,
    plausible_title,
)

_BULLET_PAD = "  "
_CHILD_STEP = "    "


def _compose_title(municipalities: Sequence[str], province: Province | None) -> str:
    names = (
        municipalities[0]
        if len(municipalities) == 1
        else (", ".join(municipalities[:-1]) + " en " + municipalities[-1])
    )
    return f"{names} ({province.value})" if province else names


def _bullet(text: str, depth: int = 0) -> list[str]:
    """A bullet with its further lines indented under it (read back as its continuation)."""
    pad = _BULLET_PAD + _CHILD_STEP * depth
    first, *more = text.split("\n")
    return [f"{pad}• {first}", *(f"{pad}  {line}" for line in more)]


def _labelled(label: str, text: str) -> str:
    return f"{label}: {text}" if text else f"{label}:"


def _format_amount(amount: Decimal) -> str:
    cents = amount.quantize(Decimal("0.01"))
    whole, fraction = divmod(cents, 1)
    text = group_thousands(int(whole))
    if fraction:
        text += "," + f"{int(fraction * 100):02d}"
    return f"{text} euro"


def _format_period(period: AgreementPeriod) -> str:
    years = (
        str(period.start_year)
        if period.start_year == period.end_year
        else f"{period.start_year}-{period.end_year}"
    )
    return f"Periode {ORDINAL_WORDS[period.ordinal]} afsprakennota: {years}"


def _write_head(profile: NetworkProfile) -> tuple[list[str], list[str]]:
    """The page head (title, images, "Lokaal Netwerk") and the labelled lines the title cannot say."""
    title = _compose_title(profile.municipalities, profile.province)
    if (
        not plausible_title(title)
        or NETWORK_NAME.match(title)
        or fold(title) in ("item_left", "item_right")
    ):
        title = "Netwerk"
    read = parse_title(title)
    # A reader looks a few lines ahead for "item_right": more captions go in more image blocks.
    images = [
        [
            "item_left",
            "\n".join(profile.captions[start : start + CAPTIONS_PER_IMAGE]),
            "item_right",
        ]
        for start in range(0, max(len(profile.captions), 1), CAPTIONS_PER_IMAGE)
    ]
    blocks = [title, *(block for image in images for block in image), title, "Lokaal Netwerk"]
    # Credits stand on their own below the head, as on the page; one that would not read back
    # as a credit says what it is.
    blocks.extend(
        credit if image_line(credit) is ImageLine.CREDIT else f"Beeld: {credit}"
        for credit in profile.credits
    )
    labels: list[str] = []
    expected_name = inferred_name(profile.captions, profile.municipalities[0])
    if profile.name != expected_name:
        labels.append(f"Netwerknaam: {profile.name}")
    if profile.alias:
        labels.append(f"Eigen naam: {profile.alias}")
    if read.municipalities != list(profile.municipalities):
        labels.append(
            "Gemeenten:\n\n"
            + "\n".join(line for m in profile.municipalities for line in _bullet(m))
        )
    expected_province = read.province or inferred_province(profile.municipalities[0], None)
    if expected_province != profile.province:
        labels.append(f"Provincie: {profile.province.value if profile.province else 'onbekend'}")
    if profile.region != read.region:
        labels.append(_labelled("Regio", profile.region))
    return [block for block in blocks if block], labels


def _write_partners(partners: Sequence[Partner]) -> str:
    lines = ["Partners:", ""]
    for partner in partners:
        text = f"{partner.name} – {partner.description}" if partner.description else partner.name
        if not partner.description and partner_from_lines([partner.name]) != (partner.name, ""):
            text = f"{partner.name} –"  # an explicit empty description keeps "(...)" in the name
        lines.extend(_bullet(text))
    return "\n".join(lines)


def _write_actions(actions: Sequence[Action], depth: int) -> list[str]:
    lines: list[str] = []
    for index, action in enumerate(actions):
        if index and actions[index - 1].text.endswith(":") and not actions[index - 1].children:
            lines.append("")  # else the colon would adopt this action as a sub-action
        lines.extend(_bullet(action.text, depth))
        for child in action.children:
            lines.extend(_bullet(child.text, depth + 1))
    return lines


def _is_plain_paragraph(text: str, context: Context, in_goals: bool = False) -> bool:
    """Whether lines read back as an ordinary paragraph (not a label, heading or caption)."""
    for index, line in enumerate(text.split("\n")):
        parsed = split_lines(line)[0]
        if parsed is None or parsed.bullet or parsed.text != line or image_line(line):
            return False
        if fold(line) in ("item_left", "item_right"):
            return False
        label = classify(parsed, index == 0, context)
        if label and not (label.soft and in_goals):
            return False
    return True


def _write_goals(goals: Sequence[Goal], context: Context) -> str:
    label = (
        "Doelstellingen en acties:" if any(goal.actions for goal in goals) else "Doelstellingen:"
    )
    if all(
        goal.actions and _is_plain_paragraph(goal.title, context, in_goals=True) for goal in goals
    ):
        # The published layout: a goal paragraph with its actions as bullets under it.
        paragraphs = [
            "\n".join([goal.title, "", *_write_actions(goal.actions, 0)]) for goal in goals
        ]
        return "\n\n".join([label, *paragraphs])
    lines = [label, ""]
    for index, goal in enumerate(goals):
        previous = goals[index - 1] if index else None
        if previous and previous.title.endswith(":") and not previous.actions:
            lines.append("")
        lines.extend(_bullet(goal.title))
        lines.extend(_write_actions(goal.actions, 1))
    return "\n".join(lines)


def _write_section(section: Section, context: Context) -> str:
    heading = f"{section.title}:"
    parsed = classify(Line(heading), True, context)
    if section.title and parsed == Label(Kind.SECTION, section.title):
        first = heading
    else:
        first = _labelled("Rubriek", section.title)
    return f"{first}\n\n{section.body}" if section.body else first


def _write_contact(contact: Contact) -> str:
    """The published one-line form when it reads back as this contact, else labelled lines."""
    email = contact.email.replace("@", " [at] ")
    in_order = [contact.name, contact.role, contact.organisation, email, contact.phone]
    role_last = [contact.name, contact.organisation, email, contact.phone]
    candidates = [", ".join(piece for piece in in_order if piece)]
    if contact.role:  # "jessy.wandels [at] oudenaarde.be (Diensthoofd Sociale Zaken)"
        role_in_brackets = ", ".join(piece for piece in role_last if piece) + f" ({contact.role})"
        # Without a name the published profiles put the role in brackets after the address.
        candidates.insert(0 if not contact.name else 1, role_in_brackets)
    for candidate in candidates:
        try:
            if Contact(**contact_fields([candidate])) == contact:
                return f"Contactpersoon: {candidate}"
        except ValidationError:
            continue
    values = (
        ("Naam", contact.name),
        ("Functie", contact.role),
        ("Organisatie", contact.organisation),
        ("E-mail", email),
        ("Telefoon", contact.phone),
    )
    return "\n".join(
        ["Contactpersoon:", *(f"{label}: {value}" for label, value in values if value)]
    )


def _write_body(profile: NetworkProfile, context: Context, instruments: str | None) -> list[str]:
    blocks: list[str] = []
    if profile.vision:
        blocks.append(f"Visie: {profile.vision}")
    if profile.target_group:
        blocks.append(f"Focus doelgroep: {profile.target_group}")
    facts = [_format_period(period) for period in profile.agreement_periods]
    if profile.drawing_right_eur is not None:
        facts.append(f"Trekkingsrecht: {_format_amount(profile.drawing_right_eur)}")
    if facts:
        blocks.append("\n".join(facts))
    if instruments is not None:
        blocks.append(instruments)
    if profile.partners:
        blocks.append(_write_partners(profile.partners))
    if profile.goals:
        blocks.append(_write_goals(profile.goals, context))
    if profile.actions:
        blocks.append("\n".join(["Acties:", "", *_write_actions(profile.actions, 0)]))
    if profile.meetings:
        blocks.append(f"Overlegmomenten: {profile.meetings}")
    blocks.extend(_write_section(section, context) for section in profile.sections)
    blocks.extend(_write_contact(contact) for contact in profile.contacts)
    if profile.notes:
        blocks.append(f"Interne notities: {profile.notes}")
    return blocks


def _write_instruments(instruments: Sequence[str], body: str) -> str | None:
    """The instruments line, or None when reading the body would find exactly these tags."""
    if detect_instruments("\n".join(line.text for line in split_lines(body) if line)) == list(
        instruments
    ):
        return None
    if any("," in tag for tag in instruments):
        return "\n".join(
            ["Instrumenten:", "", *(line for tag in instruments for line in _bullet(tag))]
        )
    return _labelled("Instrumenten", ", ".join(instruments))


def write_profile(profile: NetworkProfile) -> str:
    """The record as a profile text in the published layout; :func:`parse_profile` reads it back."""
    head, labels = _write_head(profile)
    # Labels are recognised against the municipalities of the title, as when reading.
    context = Context(frozenset(fold(name) for name in parse_title(head[0]).municipalities))
    without = [*labels, *_write_body(profile, context, None)]
    instruments = _write_instruments(profile.instruments, "\n\n".join(without))
    body = (
        without if instruments is None else [*labels, *_write_body(profile, context, instruments)]
    )
    return "\n\n".join([*head, *body]) + "\n"
