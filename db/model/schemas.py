"""The validated shape of a network profile: every rule about a field lives here, once.

The GUI, the command line, the text parser and the importers all build these models; the store
takes and returns them (never live ORM objects). Rule violations raise pydantic's
``ValidationError``; :mod:`db.model.messages` turns them into sentences in Dutch or English.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any, Literal, Self
from uuid import UUID, uuid4

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from db.model import values
from db.model.texts import clean_block, clean_line, refuse_invisible
from db.model.values import (
    NetworkSummary as NetworkSummary,  # the list's row: no validation needed
)
from db.model.vocabulary import MAX_YEAR as MAX_YEAR
from db.model.vocabulary import MIN_YEAR as MIN_YEAR
from db.model.vocabulary import Province as Province

INTERCHANGE_FORMAT = "netwerken"
INTERCHANGE_VERSION = 1

MAX_DRAWING_RIGHT_EUR = Decimal("99999999.99")


def province_from_text(value: object) -> object:
    """Accept the spellings real profiles use: "West Vlaanderen", "Oost- Vlaanderen", "brussel"."""
    if isinstance(value, Province) or not isinstance(value, str):
        return value
    key = "".join(value.replace("-", " ").split()).casefold()
    for province in Province:
        if "".join(province.value.replace("-", " ").split()).casefold() == key:
            return province
    if key in {"vgc", "brusselshoofdstedelijkgewest", "brusselhoofdstad"}:
        return Province.BRUSSEL
    raise PydanticCustomError("province", "unknown province")


def load_lazy_tables() -> None:
    """Load what the rules load only on first use (the e-mail check's IDNA tables, ~45 ms), so
    a caller can pay for it ahead, e.g. on a worker thread while a window starts."""
    _email("warm.up@netwerken.be")


# Allowed by the RFCs in a local part, but in a mailto: link they start options ("?to=",
# "&cc=", "%3F"): an address "x?to=other@evil.example&subject=...@gemeente.be" would mail a
# hidden recipient. No real address of an officer's contact has them.
_LINK_BREAKERS = frozenset("?&%#/\\")


def _email(value: str) -> str:
    if not value:
        return value
    local = value.rpartition("@")[0]
    if not _LINK_BREAKERS.isdisjoint(local):
        raise PydanticCustomError(
            "email",
            "not a valid e-mail address: {reason}",
            {"reason": "the part before the @ holds ? & % # / or \\"},
        )
    try:
        # Offline always: never ask DNS whether the domain takes mail.
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise PydanticCustomError(
            "email", "not a valid e-mail address: {reason}", {"reason": str(error)}
        ) from None


def mailto_url(address: str) -> str | None:
    """A ``mailto:`` link to exactly ``address``, built from the address as validated (and
    percent-encoded); None when it does not pass the strict check (then show it as text)."""
    from urllib.parse import quote

    try:
        checked = _email(address)
    except PydanticCustomError:
        return None
    if not checked:
        return None
    local, _at, domain = checked.rpartition("@")
    return "mailto:" + quote(local, safe="!$'*+-._~=^`{|}") + "@" + quote(domain, safe=".-")


def _year(value: int) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise PydanticCustomError(
            "year_range",
            "year must lie between {min} and {max}",
            {"min": MIN_YEAR, "max": MAX_YEAR},
        )
    return value


# The first profiles date from after 2000; a clock a little ahead (another time zone, a wrong
# PC clock) is allowed one day. Outside that a timestamp is damage or mischief: year 1 cannot
# be converted to UTC, year 9999 breaks every export, and a future one wins every "newest".
EARLIEST_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_ALLOWANCE = timedelta(days=1)


def _moment(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    try:
        in_utc = aware.astimezone(UTC)
        latest = datetime.now(UTC) + FUTURE_ALLOWANCE
    except (OverflowError, ValueError):
        in_utc = None
    if in_utc is None or not EARLIEST_MOMENT <= in_utc <= latest:
        raise PydanticCustomError(
            "moment_range",
            "date must lie between 2000-01-01 and tomorrow (found {found})",
            {"found": value.isoformat()[:40]},
        )
    return value


def _not_empty(value: str) -> str:
    if not value:
        raise PydanticCustomError("required", "is required")
    return value


Line = Annotated[str, BeforeValidator(clean_line), Field(max_length=300)]
ShortLine = Annotated[str, BeforeValidator(clean_line), Field(max_length=120)]
RequiredLine = Annotated[
    str, BeforeValidator(clean_line), Field(max_length=300), AfterValidator(_not_empty)
]
Block = Annotated[str, BeforeValidator(clean_block), Field(max_length=100_000)]
Year = Annotated[int, AfterValidator(_year)]
Email = Annotated[str, BeforeValidator(clean_line), Field(max_length=254), AfterValidator(_email)]
Moment = Annotated[datetime | None, AfterValidator(_moment)]


class Record(BaseModel):
    """Common configuration: unknown fields are refused, so a typo in a file is not lost silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=False)


class AgreementPeriod(Record):
    """One afsprakennota: 1 = eerste, 2 = tweede, ..."""

    ordinal: Annotated[int, Field(ge=1, le=20)]
    start_year: Year
    end_year: Year

    @model_validator(mode="after")
    def _start_before_end(self) -> Self:
        if self.start_year > self.end_year:
            raise PydanticCustomError("period_order", "the start year comes after the end year")
        return self

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


class Partner(Record):
    name: RequiredLine
    description: Block = ""


class SubAction(Record):
    text: Annotated[
        str, BeforeValidator(clean_block), Field(max_length=10_000), AfterValidator(_not_empty)
    ]


class Action(Record):
    text: Annotated[
        str, BeforeValidator(clean_block), Field(max_length=10_000), AfterValidator(_not_empty)
    ]
    children: list[SubAction] = Field(default_factory=list, max_length=500)


class Goal(Record):
    title: Annotated[
        str, BeforeValidator(clean_block), Field(max_length=10_000), AfterValidator(_not_empty)
    ]
    actions: list[Action] = Field(default_factory=list, max_length=500)


PHONE_REGION = "BE"  # a number without a country code is Belgian


def phone_number_e164(text: str) -> str | None:
    """``text`` as an E.164 number if it is a valid phone number, else None.

    Belgian numbers may be written nationally (0 + area code); others need their country code
    ("+31 20 123 4567", "0031 ..."). Google's libphonenumber knows which numbers exist, per
    country and kind (fixed, mobile, 0800), so typos such as a digit too many are caught. The
    input is a field of at most 40 characters, parsed in well under a millisecond.
    """
    import phonenumbers  # loaded with the first contact checked, not with the schemas

    try:
        number = phonenumbers.parse(text, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class Contact(Record):
    name: Line = ""
    role: Line = ""
    organisation: Line = ""
    email: Email = ""
    phone: Annotated[str, BeforeValidator(clean_line), Field(max_length=40)] = ""

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        # Kept as the officer wrote it ("089 65 38 11", "03/320.94.09"): that is how the profile
        # is published; the check and the normalised form come from libphonenumber.
        if value and phone_number_e164(value) is None:
            raise PydanticCustomError("phone", "not a valid phone number")
        return value

    @property
    def phone_e164(self) -> str:
        """The phone number normalised (E.164, "+3289653811"), or "" without one."""
        return (phone_number_e164(self.phone) or "") if self.phone else ""

    @model_validator(mode="after")
    def _name_or_email(self) -> Self:
        if not self.name and not self.email:
            raise PydanticCustomError(
                "contact_identity", "a contact needs a name or an e-mail address"
            )
        return self


class Section(Record):
    """Any other headed text of a profile (Omgevingsanalyse, Werking lokaal netwerk, ...)."""

    title: Line = ""
    body: Block = ""

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.title and not self.body:
            raise PydanticCustomError("section_empty", "a section needs a title or a text")
        return self


MAX_IMPORT_WARNINGS = 200


class Source(Record):
    """Where a record came from: kept so the original text is never lost."""

    file_name: Line = ""
    imported_at: Moment = None
    raw_text: Annotated[str, Field(max_length=2_000_000)] = ""
    # What the reader of the text guessed or could not place, to check in the record; kept
    # until the officer marks them checked.
    warnings: list[Line] = Field(default_factory=list, max_length=MAX_IMPORT_WARNINGS)
    warnings_checked: bool = False

    @property
    def needs_check(self) -> bool:
        return bool(self.warnings) and not self.warnings_checked

    @field_validator("raw_text")
    @classmethod
    def _raw_text(cls, value: str) -> str:
        # The raw text is kept exactly as read (no trimming), but it must still be storable.
        refuse_invisible(value.replace("\x0c", "").replace("\x0b", ""))
        return value


class NetworkProfile(Record):
    """One local network for leisure participation, as its published profile shows it."""

    id: UUID = Field(default_factory=uuid4)
    name: RequiredLine
    alias: Line = ""
    municipalities: list[ShortLine] = Field(min_length=1, max_length=60)
    province: Annotated[Province | None, BeforeValidator(province_from_text)] = None
    region: Line = ""
    vision: Block = ""
    target_group: Block = ""
    agreement_periods: list[AgreementPeriod] = Field(default_factory=list, max_length=20)
    drawing_right_eur: Annotated[
        Decimal | None, Field(ge=0, le=MAX_DRAWING_RIGHT_EUR, max_digits=10, decimal_places=2)
    ] = None
    instruments: list[ShortLine] = Field(default_factory=list, max_length=50)
    partners: list[Partner] = Field(default_factory=list, max_length=500)
    goals: list[Goal] = Field(default_factory=list, max_length=200)
    actions: list[Action] = Field(default_factory=list, max_length=500)
    meetings: Block = ""
    contacts: list[Contact] = Field(default_factory=list, max_length=100)
    sections: list[Section] = Field(default_factory=list, max_length=200)
    captions: list[Line] = Field(default_factory=list, max_length=100)
    # Image credits of the web page ("Beeld: maker - CC BY-SA 2.0"): kept apart from the
    # captions and not printed (the printed profile carries no images).
    credits: list[Line] = Field(default_factory=list, max_length=100)
    notes: Block = ""
    source: Source = Field(default_factory=Source)
    created_at: Moment = None
    updated_at: Moment = None
    version: Annotated[int, Field(ge=0)] = 0

    @field_validator("municipalities")
    @classmethod
    def _municipalities(cls, value: list[str]) -> list[str]:
        if any(not name for name in value):
            raise PydanticCustomError("required", "a municipality name is empty")
        seen: set[str] = set()
        for name in value:
            if name.casefold() in seen:
                raise PydanticCustomError("duplicate", "{value} is listed twice", {"value": name})
            seen.add(name.casefold())
        return value

    @field_validator("instruments")
    @classmethod
    def _instruments(cls, value: list[str]) -> list[str]:
        # Tags: empty ones dropped, duplicates (ignoring case) once.
        unique: dict[str, str] = {}
        for tag in value:
            if tag:
                unique.setdefault(tag.casefold(), tag)
        return list(unique.values())

    @field_validator("captions", "credits")
    @classmethod
    def _captions(cls, value: list[str]) -> list[str]:
        return [caption for caption in value if caption]

    @field_validator("agreement_periods")
    @classmethod
    def _periods(cls, value: list[AgreementPeriod]) -> list[AgreementPeriod]:
        ordinals = [period.ordinal for period in value]
        if len(set(ordinals)) != len(ordinals):
            raise PydanticCustomError(
                "ordinal_unique", "two agreement periods have the same number"
            )
        return sorted(value, key=lambda period: period.ordinal)

    @field_validator("drawing_right_eur", mode="before")
    @classmethod
    def _amount(cls, value: Any) -> Any:
        if isinstance(value, float):
            # Floats carry binary noise (0.1 + 0.2); go through their shortest repr instead.
            return Decimal(repr(value))
        if isinstance(value, str):
            from db.model.formats import parse_euro

            return parse_euro(value)
        return value

    @property
    def lead_municipality(self) -> str:
        return self.municipalities[0]

    def current_period(self, year: int) -> AgreementPeriod | None:
        return current_period(self.agreement_periods, year)

    def content_equals(self, other: NetworkProfile) -> bool:
        """Equal as the user sees it: bookkeeping (version, timestamps, source) aside."""
        skip = {"version", "created_at", "updated_at", "source"}
        return self.model_dump(exclude=skip) == other.model_dump(exclude=skip)


def current_period(periods: list[AgreementPeriod], year: int) -> AgreementPeriod | None:
    """The afsprakennota in force in ``year`` (the rule is the list's own, :func:`db.model.values.current_period`)."""
    return values.current_period(periods, year)


def default_name(municipality: str) -> str:
    return f"Lokaal netwerk {municipality}"


class Interchange(Record):
    """The whole database as one JSON document, lossless."""

    format: Literal["netwerken"] = "netwerken"
    version: Literal[1] = 1
    networks: list[NetworkProfile] = Field(default_factory=list)
