"""The message catalogs: the same keys and facts in every language, said in each."""

from __future__ import annotations

import string
from datetime import date
from fractions import Fraction

import pytest

import opsreform
from opsreform.findings import Finding
from opsreform.messages import Message, en, pl, say
from tests.conftest import EXAMPLES


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_key_in_both_languages_with_the_same_facts() -> None:
    """A key missing in one language, or naming other facts, would fail when said."""
    assert list(pl.MESSAGES) == list(en.MESSAGES)
    for key, template in pl.MESSAGES.items():
        assert _fields(template) == _fields(en.MESSAGES[key]), key


def test_unknown_key_refused() -> None:
    """A rule cannot name a message no catalog has."""
    with pytest.raises(KeyError, match=r"no pl message 'weekend\.nope'"):
        Message("weekend.nope")


def test_specs_write_values_per_language() -> None:
    """Dates, weekdays, kinds, numbers, units and lists are written the reader's way."""
    facts = {"contract": "u1", "scheduled": Fraction(5, 2), "unit": "lesson_hour",
             "held": Fraction(2), "id": "t#3", "first": date(2018, 1, 19)}
    assert say("hours-exceeded.hours", "pl", **facts) == (
        "w ramach umowy u1 zaplanowano 2,50 godz. lekcyjnych, a umowa obejmuje 2; "
        "limit przekroczono na sesji t#3 (19.01.2018)")
    assert say("hours-exceeded.hours", "en", **facts) == (
        "contract u1 has 2.50 lesson hours scheduled but covers 2; the limit is exceeded "
        "at session t#3 (2018-01-19)")
    assert say("summer-break.in-break", "en", label="X", day=date(2018, 7, 2),
               months=[7, 8], kind="supervision") == (
        "“X” (2018-07-02) falls in the break the project declared (July, August) for: "
        "supervision")
    assert "lipiec, sierpień" in say("summer-break.in-break", "pl", label="X",
                                     day=date(2018, 7, 2), months=[7, 8], kind="training")


def test_nested_message_is_said_in_the_same_language() -> None:
    """A "not checked" note says its reason in the reader's language too."""
    note = Message("not-checked", why=Message("hours-exceeded.no-limit"))
    assert note.text("pl") == ("nie sprawdzono: umowa nie określa ani liczby godzin, "
                               "ani liczby sesji")
    assert note.text("en") == ("not checked: the contract states neither a number of "
                               "hours nor of sessions")


def test_finding_keeps_polish_message_and_says_english() -> None:
    """``message`` stays Polish (JSON, old callers); ``text('en')`` is English."""
    said = Message("numbering.repeat", number=4, count=2)
    finding = Finding("numbering", "error", "table t", said.text("pl"), said=said)
    assert finding.message == "numer 4 występuje 2 razy"
    assert finding.text("en") == "number 4 occurs 2 times"
    assert finding.as_dict("en")["message"] == "number 4 occurs 2 times"
    assert finding.as_dict()["key"] == "numbering.repeat"
    assert finding == Finding("numbering", "error", "table t", "numer 4 występuje 2 razy")


def test_schedule_findings_of_an_example_have_english() -> None:
    """Every schedule finding of a seed example is said in English, not in Polish."""
    project = opsreform.load_project(EXAMPLES / "tarnowskie-gory.toml")
    schedule = {"summer-break", "public-holiday", "weekend", "outside-period",
                "double-booking", "hours-exceeded", "numbering"}
    found = [f for f in opsreform.check(project) if f.rule in schedule]
    assert found
    for finding in found:
        assert finding.said is not None
        english = finding.text("en")
        assert english != finding.message
        for polish in ("zaplanowano", "sesja", "umowy", "numer ", "nie sprawdzono"):
            assert polish not in english
