"""The printed profile of a network as HTML in Qt's rich-text subset: one place builds it.

The screen preview, the printer and the PDF export all show this document, styled by
``resources/print.css``. Every text from a record is escaped (attribute values too), so a record
holding ``<b>``, ``&`` or ``<script>`` prints those characters literally and never as markup.
Empty parts are left out rather than printed as empty headings. Pure Python: no Qt needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from html import escape
from importlib import resources
from itertools import groupby

from db.model.formats import format_date, format_euro, format_period
from db.model.messages import FIELD_LABELS
from db.model.schemas import Action, Contact, NetworkProfile, Partner, mailto_url

KICKER = "Lokaal netwerk vrijetijdsparticipatie"

# A line that starts like this inside a long text is an item of a list, as officers type them.
_BULLET = re.compile(r"^\s*[•·▪◦‣∙*\-–—]\s+")


@cache
def print_stylesheet() -> str:
    """The print stylesheet, ``resources/print.css``."""
    return resources.files("resources").joinpath("print.css").read_text(encoding="utf-8")


def label(field: str) -> str:
    """The Dutch label of a field, the same word the form and the error messages use."""
    return FIELD_LABELS[field][0]


def text(value: str) -> str:
    """Escape a record's text for HTML, quotes included so it is safe in attributes too."""
    return escape(value, quote=True)


def _bullet_item(line: str) -> str | None:
    """The item text if ``line`` is a bullet line ("• tekst", "- tekst"), else None."""
    bullet = _BULLET.match(line)
    if bullet and line[bullet.end() :].strip():
        return line[bullet.end() :].strip()
    return None


def block_html(value: str, css_class: str = "") -> str:
    """A multi-line text: blank lines separate paragraphs, lines starting with a bullet
    become a list, other line breaks are kept."""
    class_attr = f' class="{text(css_class)}"' if css_class else ""
    parts: list[str] = []
    for paragraph in value.split("\n\n"):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        for is_list, run in groupby(lines, key=lambda line: _bullet_item(line) is not None):
            if is_list:
                items = "".join(f"<li>{text(_bullet_item(line) or '')}</li>" for line in run)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p{class_attr}>" + "<br />".join(map(text, run)) + "</p>")
    return "".join(parts)


def _heading(title: str, level: int = 2, css_class: str = "") -> str:
    class_attr = f' class="{text(css_class)}"' if css_class else ""
    return f"<h{level}{class_attr}>{_multiline(title)}</h{level}>"


def _title_block(profile: NetworkProfile) -> str:
    parts = [f'<p class="kicker">{text(KICKER)}</p>', _heading(profile.name, 1)]
    if profile.alias and profile.alias.casefold() != profile.name.casefold():
        parts.append(f'<p class="alias">{text(profile.alias)}</p>')
    place = ", ".join(profile.municipalities)
    extras = [
        part
        for part in (profile.province.value if profile.province else "", profile.region)
        if part
    ]
    if extras:
        place += " — " + ", ".join(extras)
    parts.append(f'<p class="place">{text(place)}</p>')
    return "".join(parts)


def _facts(profile: NetworkProfile) -> str:
    rows: list[tuple[str, str]] = []
    if profile.drawing_right_eur is not None:
        rows.append((label("drawing_right_eur"), text(format_euro(profile.drawing_right_eur))))
    if profile.agreement_periods:
        periods = [
            text(format_period(p.ordinal, p.start_year, p.end_year))
            for p in profile.agreement_periods
        ]
        rows.append((label("agreement_periods"), "<br />".join(periods)))
    if profile.instruments:
        rows.append((label("instruments"), text(", ".join(profile.instruments))))
    if len(profile.municipalities) > 1:
        rows.append(("Aantal gemeenten", str(len(profile.municipalities))))
    if profile.partners:
        rows.append(("Aantal partners", str(len(profile.partners))))
    if not rows:
        return ""
    body = "".join(
        f'<tr><td class="label" width="32%">{text(name)}</td><td>{value}</td></tr>'
        for name, value in rows
    )
    return f'<table class="facts" width="100%" cellspacing="0" cellpadding="0">{body}</table>'


def _partner(partner: Partner) -> str:
    item = f'<span class="partner-name">{text(partner.name)}</span>'
    if partner.description:
        # A description may run over several lines; in a list item they stay line breaks.
        lines = [text(line) for line in partner.description.split("\n") if line.strip()]
        item += ' <span class="muted">— ' + "<br />".join(lines) + "</span>"
    return f"<li>{item}</li>"


def _multiline(value: str) -> str:
    return "<br />".join(text(line) for line in value.split("\n") if line.strip())


def actions_html(actions: Iterable[Action]) -> str:
    items = []
    for action in actions:
        item = _multiline(action.text)
        if action.children:
            item += (
                '<ul class="subactions">'
                + "".join(f"<li>{_multiline(child.text)}</li>" for child in action.children)
                + "</ul>"
            )
        items.append(f"<li>{item}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _contact(contact: Contact) -> str:
    first = [
        f'<span class="contact-name">{text(contact.name)}</span>' if contact.name else "",
        text(contact.role),
        text(contact.organisation),
    ]
    lines = [", ".join(part for part in first if part)]
    reach = []
    if contact.email:
        # The link is built from the address as validated (never from the text as typed),
        # so no "?to=" or "&cc=" can ride along; a failing address is shown as text only.
        link = mailto_url(contact.email)
        shown = text(contact.email)
        reach.append(f'<a href="{text(link)}">{shown}</a>' if link else shown)
    if contact.phone:
        # Shown as written; the link carries the normalised number (a PDF read on a phone
        # dials it). A number that is not valid (only in a constructed model) stays text.
        number = contact.phone_e164
        shown = text(contact.phone)
        reach.append(f'tel. <a href="tel:{number}">{shown}</a>' if number else f"tel. {shown}")
    lines.append(" · ".join(reach))
    return '<p class="contact">' + "<br />".join(line for line in lines if line) + "</p>"


def _meta(profile: NetworkProfile, print_date: date | None) -> str:
    parts = []
    if profile.updated_at:
        # Stored in UTC; the officer reads the date of their own day.
        changed = profile.updated_at
        local = changed.astimezone() if changed.tzinfo else changed
        parts.append(f"Laatst bijgewerkt op {format_date(local)}")
    if print_date:
        parts.append(f"afgedrukt op {format_date(print_date)}")
    if not parts:
        return ""
    sentence = " · ".join(parts)
    return f'<p class="meta">{text(sentence[0].upper() + sentence[1:])}</p>'


def profile_html(
    profile: NetworkProfile, *, include_notes: bool = False, print_date: date | None = None
) -> str:
    """The profile as an HTML document for ``QTextDocument`` (style it with
    :func:`print_stylesheet`). ``print_date`` adds "afgedrukt op ..." to the closing line (the
    printed pages carry the date in their footer instead). Internal notes only on request."""
    parts = [_title_block(profile), _facts(profile)]
    if profile.vision:
        parts += [_heading(label("vision")), block_html(profile.vision)]
    if profile.target_group:
        parts += [_heading(label("target_group")), block_html(profile.target_group)]
    if profile.partners:
        parts += [
            _heading(label("partners")),
            "<ul>" + "".join(_partner(partner) for partner in profile.partners) + "</ul>",
        ]
    if profile.goals and any(goal.actions for goal in profile.goals):
        parts.append(_heading("Doelstellingen en acties"))
        for goal in profile.goals:
            parts += [_heading(goal.title, 3, "goal"), actions_html(goal.actions)]
    elif profile.goals:
        # Goals without actions read as a list; a row of bare headings looks like a table of contents.
        items = "".join(f"<li>{_multiline(goal.title)}</li>" for goal in profile.goals)
        parts += [_heading(label("goals")), f"<ul>{items}</ul>"]
    if profile.actions:
        parts += [_heading(label("actions")), actions_html(profile.actions)]
    if profile.meetings:
        parts += [_heading(label("meetings")), block_html(profile.meetings)]
    for section in profile.sections:
        parts.append(_heading(section.title or label("sections")))
        if section.body:
            parts.append(block_html(section.body))
    if profile.contacts:
        title = "Contactpersoon" if len(profile.contacts) == 1 else label("contacts")
        parts += [_heading(title), *(_contact(contact) for contact in profile.contacts)]
    if profile.captions:
        parts += [_heading(label("captions"))]
        parts += [f'<p class="caption">{text(caption)}</p>' for caption in profile.captions]
    if include_notes and profile.notes:
        parts += [_heading(label("notes")), block_html(profile.notes, "notes")]
    parts.append(_meta(profile, print_date))
    return "<html><body>" + "".join(part for part in parts if part) + "</body></html>"
