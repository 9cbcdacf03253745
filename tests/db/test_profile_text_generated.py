"""Variants of the seeds as real profiles write them (``tests/db/profile_variants.py``): every
one is read without refusal, no word is lost, and the facts the variant kept are read right."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from db.model.schemas import NetworkProfile
from db.text.profile_text import ParseResult, parse_profile
from tests.db import profile_variants as pv
from tests.db.test_profile_text import LABEL_WORDS, _content_lines, _leaves, _words


def words_lost(raw: str, profile: NetworkProfile) -> set[str]:
    """The word-by-word check of ``test_profile_text``: words of the input in no field, except
    the words of labels (and page furniture, kept only in the source text)."""
    fields = profile.model_dump(
        mode="json", exclude={"source", "id", "created_at", "updated_at", "version"}
    )
    stored = _words("\n".join(_leaves(fields)))
    if profile.drawing_right_eur is not None:
        stored += _words(f"{int(profile.drawing_right_eur):,}")
    content = [line for line in _content_lines(raw) if line != pv.FURNITURE]
    wanted = _words("\n".join(content))
    missing = {word for word, count in wanted.items() if count > stored[word]}
    return missing - LABEL_WORDS - pv.LABEL_WORDS


def check(variant: pv.Variant) -> ParseResult:
    result = parse_profile(variant.text, f"{variant.seed}.txt")  # never a refusal
    profile = result.profile
    seed = pv.seed_profile(variant.seed)
    text = variant.text
    lost = words_lost(text, profile)
    assert not lost, f"{variant.changes}: lost {sorted(lost)}"
    # The facts the variant kept.
    assert profile.municipalities == seed.municipalities
    assert profile.province == seed.province
    assert profile.name == seed.name, variant.changes  # never a paragraph
    assert profile.source.warnings == result.warnings
    if "afsprakennota" in text:
        wanted = [p for p in seed.agreement_periods if f"{p.start_year}" in text]
        assert profile.agreement_periods == wanted
    if "Trekkingsrecht" in text:
        assert profile.drawing_right_eur == seed.drawing_right_eur
    if variant.partners_label and "artners:" in text:
        assert [p.name for p in profile.partners] == [p.name for p in seed.partners]
        assert [p.description for p in profile.partners] == [p.description for p in seed.partners]
    if variant.prose_after_partners and pv.PROSE_AFTER_LIST in text and variant.partners_label:
        assert any(pv.PROSE_AFTER_LIST in section.body for section in profile.sections)
    if variant.opening and pv.opening_paragraph(seed.municipalities[0]) in text:
        assert profile.vision.startswith(pv.opening_paragraph(seed.municipalities[0]))
    if "[at]" in text:  # the contact line is the last: present means whole
        assert [c.model_dump() for c in profile.contacts] == [c.model_dump() for c in seed.contacts]
    kept_credits = [credit for credit in variant.credits if credit in text]
    assert profile.credits == sorted(kept_credits, key=text.index)
    assert pv.FURNITURE not in str(profile.model_dump(exclude={"source"}))
    return result


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pv.variants())
def test_every_variant_is_read_whole_and_right(variant: pv.Variant) -> None:
    check(variant)


def test_each_seed_cut_after_every_line_of_its_body() -> None:
    """Cut anywhere after the head: read, nothing lost, and a cut in mid-text is reported."""
    for seed in pv.SEEDS:
        whole = pv.make_variant(seed)
        body_lines = len(whole.text.split("\n")) - pv._body_start(whole.text.split("\n"))
        for cut in range(body_lines + 1):
            variant = pv.make_variant(seed, cut_at=cut)
            result = check(variant)
            lines = variant.text.rstrip().split("\n")
            if lines[-1].strip() == "Lokaal Netwerk":
                continue  # nothing of the body is left: nothing stops mid-way
            last = lines[-1].strip().replace("’", "'").replace("”", '"')
            ends_mid_sentence = last.endswith(":") or last.rstrip("\"'")[-1:] not in ".!?…)"
            if ends_mid_sentence and "[at]" not in last:
                assert any("afgebroken" in warning for warning in result.warnings), (seed, cut)


def test_all_changes_at_once() -> None:
    for seed in pv.SEEDS:
        variant = pv.make_variant(
            seed,
            drop_vision_label=True,
            renames=tuple(pv.RENAMES),
            opening=True,
            spelling=None if seed in ("borsbeek", "genk") else "{a}- {b}",
            prose_after_partners=True,
            credits=((3, pv.CREDITS[0]), (8, pv.CREDITS[1])),
            furniture_at=5,
        )
        result = check(variant)
        assert any("visie gelezen" in warning for warning in result.warnings)
