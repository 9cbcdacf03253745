"""Records that name people in every place a profile can, for the personal-data tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from db.model.schemas import NetworkProfile
from db.storage.store import Store
from tests.db.factories import full_profile

ERASED_NAME = "Annelies Vermeulen"
ERASED_SURNAME = "Vermeulen"
ERASED_EMAIL = "annelies.vermeulen@gent.be"
ERASED_PHONE = "09 266 77 88"
NAMESAKE = "Annelies Peeters"  # the same first name: another person
OTHER_NAME = "Karel Claes"
OTHER_EMAIL = "karel.claes@aalst.be"
OTHER_PHONE = "053 73 22 11"


def _profile(name: str, municipality: str, **overrides: Any) -> NetworkProfile:
    return full_profile(name=name, municipalities=[municipality], province=None, **overrides)


def people_profiles() -> list[NetworkProfile]:
    gent = _profile(
        "Lokaal netwerk Gent",
        "Gent",
        contacts=[
            {
                "name": ERASED_NAME,
                "role": "coördinator",
                "organisation": "Stad Gent",
                "email": ERASED_EMAIL,
                "phone": ERASED_PHONE,
            },
            {
                "name": OTHER_NAME,
                "role": "voorzitter",
                "organisation": "OCMW Aalst",
                "email": OTHER_EMAIL,
                "phone": OTHER_PHONE,
            },
        ],
        notes=f"Bel {ERASED_NAME.upper()} op {ERASED_PHONE} of mail {ERASED_EMAIL}. "
        f"{OTHER_NAME} weet ervan.",
        sections=[
            {"title": "Contact", "body": f"Vragen aan annelies  vermeulen ({ERASED_EMAIL})."}
        ],
        captions=[f"Foto: {ERASED_NAME} op de vrijetijdsbeurs"],
        source={
            "file_name": "gent.txt",
            "raw_text": f"Lokaal netwerk Gent\nContactpersoon: {ERASED_NAME}\n"
            f"E-mail: {ERASED_EMAIL.upper()}\nTelefoon: 09/266.77.88\n",
        },
    )
    # The same person with her address in other capitals: one person, not two.
    melle = _profile(
        "Lokaal netwerk Melle",
        "Melle",
        contacts=[
            {
                "name": "A. Vermeulen",
                "role": "coördinator",
                "organisation": "Stad Gent",
                "email": "Annelies.Vermeulen@Gent.be",
            }
        ],
        notes="",
        captions=[],
        sections=[],
    )
    aalst = _profile(
        "Lokaal netwerk Aalst",
        "Aalst",
        contacts=[
            {
                "name": NAMESAKE,
                "role": "medewerker",
                "organisation": "Stad Aalst",
                "email": "annelies.peeters@aalst.be",
                "phone": "053 11 22 33",
            }
        ],
        notes="Overleg met Annelies van Aalst.",
        captions=[],
        sections=[],
    )
    return [gent, melle, aalst]


def people_store(path: Path) -> tuple[Store, list[NetworkProfile]]:
    store = Store.open(path)
    return store, [store.create(p) for p in people_profiles()]


def forms_of(word: str) -> list[bytes]:
    """``word`` as bytes in every case and encoding a file could hold it in."""
    forms = []
    for variant in {word, word.lower(), word.upper(), word.title()}:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            forms.append(variant.encode(encoding))
    return forms


def holds(data: bytes, word: str) -> bool:
    """Case-insensitive search of the raw bytes, UTF-8 and UTF-16."""
    folded = data.lower()
    return any(form.lower() in folded for form in forms_of(word))


def file_bytes(path: Path) -> bytes:
    data = path.read_bytes() if path.exists() else b""
    for suffix in ("-wal", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            data += companion.read_bytes()
    return data
