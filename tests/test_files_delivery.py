"""Project files: attendance keys, the ``attended`` column, ``[[indicators]]``: read, saved."""

from __future__ import annotations

import json
import shutil
import tomllib
from datetime import date
from fractions import Fraction
from importlib.resources import files
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsreform.exceptions import ProjectFileError
from opsreform.files.project import dumps_project, load_project, loads_project, save_project
from opsreform.files.tables import VenueBook, read_session_table
from opsreform.model.indicators import Indicator
from opsreform.model.sessions import Attendance
from opsreform.model.venues import Venue
from opsreform.rules.delivery import IndicatorsReached
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "delivery"
SCHEMA = json.loads(files("opsreform.files").joinpath("project.schema.json").read_text("utf-8"))

HEAD = '''format = 1
title = "P"

[[people]]
id = "anna"
name = "Anna"

[[people]]
id = "ewa"
name = "Ewa"
'''
SESSION = '''
[[sessions]]
id = "s"
kind = "training"
title = "T"
date = "08.01.2019"
slots = "09.00 - 12.00"
'''


def test_the_test_project_reads_its_delivery_facts() -> None:
    """Attendance inline and from the table's columns; indicators with exact targets."""
    project = load_project(DATA / "delivered.toml")
    by_id = {s.id: s for s in project.sessions}
    assert by_id["s1"].attendance == Attendance(people=("anna",), attended=1,
                                                absent=("piotr",))
    assert by_id["t#1"].attendance.attended == 8 and by_id["t#1"].status == "delivered"
    assert by_id["t#3"].status == "cancelled"
    hours = next(i for i in project.indicators if i.id == "godziny")
    assert hours.target == Fraction(15, 2) and hours.unit == "godziny"


@pytest.mark.parametrize(("extra", "key", "words"), [
    ('status = "delivered"\nattendees = ["anna"]\nabsent = ["anna"]\n', "sessions[0].absent",
     "both attended and was absent"),
    ('status = "delivered"\nattendees = ["anna", "ewa"]\nattended = 1\n',
     "sessions[0].attended", "fewer than the 2 people"),
    ("attended = 3\n", "sessions[0].attended", "session that is planned"),
    ('status = "cancelled"\nabsent = ["ewa"]\n', "sessions[0].absent",
     "session that is cancelled"),
    ('status = "delivered"\nattended = -1\n', "sessions[0].attended", "from 0 to 100 000"),
    ('status = "delivered"\nabsent = ["zofia"]\n', "sessions[0].absent",
     "'zofia' is not declared in people"),
    ('status = "delivered"\nattended = "dużo"\n', "sessions[0].attended",
     "expected a whole number"),
])
def test_attendance_errors_are_placed(extra: str, key: str, words: str) -> None:
    """Each inconsistency names the file, the line and the key."""
    with pytest.raises(ProjectFileError) as info:
        loads_project(HEAD + SESSION + extra, path="p.toml")
    assert info.value.key == key and info.value.path == "p.toml"
    assert info.value.line is not None and words in str(info.value)


INDICATOR = '''
[[indicators]]
id = "i"
name = "osoby"
target = 10
counts = "distinct-attendees"
'''


@pytest.mark.parametrize(("edit", "key", "words"), [
    (("target = 10", "target = 0"), "indicators[0].target", "above 0"),
    (("target = 10", 'target = "dziesięć"'), "indicators[0].target", "is not a number"),
    (("target = 10", "target = 100000000"), "indicators[0].target", "plausible"),
    (("target = 10", "target = 1.5"), "indicators[0].target", "expected a whole number or a text"),
    (("target = 10", 'target = "1e999999"'), "indicators[0].target", "is not a number"),
    (("target = 10", 'target = "7,5"\nbaseline = -1'), "indicators[0].baseline", "plausible"),
    (('counts = "distinct-attendees"', 'counts = "everybody"'), "indicators[0].counts",
     "expected one of: distinct-attendees"),
    (('counts = "distinct-attendees"', 'counts = "distinct-attendees"\nachieved = 4'),
     "indicators[0].achieved", "only for people-supported"),
    (('counts = "distinct-attendees"', 'counts = "distinct-attendees"\nkinds = ["lecture"]'),
     "indicators[0].kinds", "'lecture' is not a valid SessionKind"),
    (('counts = "distinct-attendees"', 'counts = "distinct-attendees"\ncolour = "red"'),
     "indicators[0].colour", "unknown key 'colour'"),
    (('name = "osoby"\n', ""), "indicators[0].name", "is required"),
])
def test_indicator_errors_are_placed(edit: tuple[str, str], key: str, words: str) -> None:
    """A wrong indicator key names its line, key and what was expected."""
    with pytest.raises(ProjectFileError) as info:
        loads_project(HEAD + INDICATOR.replace(*edit), path="p.toml")
    assert info.value.key == key and info.value.line is not None
    assert words in str(info.value)


def test_two_indicators_with_one_id_name_the_first() -> None:
    """The second of two equal ids is refused, naming the line of the first."""
    with pytest.raises(ProjectFileError, match=r"first is at line 13") as info:
        loads_project(HEAD + INDICATOR + INDICATOR, path="p.toml")
    assert info.value.key == "indicators[1].id"


def test_the_attended_column_of_a_table() -> None:
    """'Obecni' is the attended column; a count on a planned row is a placed row error."""
    text = (DATA / "delivered-table.md").read_text("utf-8")
    bad = text.replace("| 2 | SZKOLENIE B | 18.06.2019 | 9.00 - 15.00 | sala |  |  |",
                       "| 2 | SZKOLENIE B | 18.06.2019 | 9.00 - 15.00 | sala |  | 5 |")
    book = VenueBook([Venue("sala", name="Sala")])
    with pytest.raises(ProjectFileError, match=r"line 6: .*not delivered") as info:
        read_session_table(bad, table="t", venues=book, path="t.md")
    assert info.value.line == 6
    header = "| Lp. | Nazwa | Data | Godzina | Liczba obecnych |\n|--|--|--|--|--|\n"
    with pytest.raises(ProjectFileError, match="attended 'x' is not a whole number"):
        read_session_table(header + "| 1 | SZKOLENIE | 08.01.2019 | 09.00 - 10.00 | x |",
                           table="t", venues=VenueBook(), kind=None)


def test_format_1_files_without_the_new_keys_are_unchanged() -> None:
    """A file without the new keys reads as before: no indicators, attendance unknown."""
    project = loads_project(HEAD + SESSION)
    assert project.indicators == ()
    assert project.sessions[0].attendance == Attendance()


def test_save_of_the_test_project_is_byte_identical(tmp_path: Path) -> None:
    """Saving without edits gives the same bytes, table file included."""
    for name in ("delivered.toml", "delivered-table.md"):
        shutil.copy(DATA / name, tmp_path / name)
    project = load_project(tmp_path / "delivered.toml")
    save_project(project, tmp_path / "delivered.toml")
    for name in ("delivered.toml", "delivered-table.md"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes()


def test_edits_of_indicators_and_attendance_round_trip(tmp_path: Path) -> None:
    """Load → edit → save → load gives the edit, and the rest of the file as written."""
    for name in ("delivered.toml", "delivered-table.md"):
        shutil.copy(DATA / name, tmp_path / name)
    project = load_project(tmp_path / "delivered.toml")
    extra = Indicator(id="sesje", name="sesje zrealizowane", target=5,
                      counts="delivered-sessions", baseline=Fraction(1, 2), note="n")
    edited = attrs.evolve(project, indicators=(*project.indicators[1:], extra),
                          sessions=[attrs.evolve(s, attendance=attrs.evolve(
                              s.attendance, attended=4, absent=("ewa", "piotr")))
                              if s.id == "s1" else s for s in project.sessions])
    save_project(edited, tmp_path / "delivered.toml")
    again = load_project(tmp_path / "delivered.toml")
    assert again == edited
    text = (tmp_path / "delivered.toml").read_text("utf-8")
    assert "# A workshop held in March" in text and 'baseline = "1/2"' in text
    assert (tmp_path / "delivered-table.md").read_bytes() == (
        DATA / "delivered-table.md").read_bytes()


@settings(max_examples=40, deadline=None)
@given(target=st.fractions(min_value=Fraction(1, 100), max_value=10_000,
                          max_denominator=10**9),
       baseline=st.none() | st.fractions(min_value=0, max_value=10_000,
                                         max_denominator=10**9),
       attended=st.none() | st.integers(1, 500))
def test_indicator_and_attendance_values_round_trip(target: Fraction,
                                                    baseline: Fraction | None,
                                                    attended: int | None) -> None:
    """Any exact target and baseline, and any count, are written and read back equal."""
    project = loads_project(HEAD + SESSION.replace('slots', 'status = "delivered"\nslots'))
    indicator = Indicator(id="i", name="n", target=target, baseline=baseline,
                          counts="delivered-hours", kinds=["training"])
    session = attrs.evolve(project.sessions[0], attendance=Attendance(
        people=("anna",), attended=attended))
    edited = attrs.evolve(project, indicators=[indicator], sessions=[session])
    assert loads_project(dumps_project(edited)) == edited
    assert loads_project(dumps_project(attrs.evolve(edited, origin=None))) == edited


def test_the_schema_knows_the_new_keys() -> None:
    """The test project and its canonical save validate; a bad counts does not."""
    data = tomllib.loads((DATA / "delivered.toml").read_text("utf-8"))
    jsonschema.validate(data, SCHEMA)
    project = load_project(DATA / "delivered.toml")
    jsonschema.validate(tomllib.loads(dumps_project(attrs.evolve(project, origin=None))),
                        SCHEMA)
    data["indicators"][0]["counts"] = "everybody"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
    data = tomllib.loads((DATA / "delivered.toml").read_text("utf-8"))
    data["sessions"][0]["attended"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_the_rules_as_of_round_trips_and_is_placed() -> None:
    """``[rules] indicators = { as_of = … }`` is read, saved and read back; a bad one is placed."""
    text = HEAD + "\n[rules]\nindicators = { as_of = 2019-09-01 }\n"
    project = loads_project(text)
    rule = next(r for r in project.rules or () if r.id == "indicators")
    assert rule == IndicatorsReached(as_of=date(2019, 9, 1))
    edited = attrs.evolve(project, rules=tuple(
        IndicatorsReached(as_of=date(2020, 1, 2)) if r.id == "indicators" else r
        for r in project.rules or ()))
    assert loads_project(dumps_project(edited)) == edited
    assert "as_of = 2020-01-02" in dumps_project(edited)
    for bad, words in (("2019-09-01T10:00:00", "date and time"),
                       ('"jutro"', "'jutro' is not a date")):
        with pytest.raises(ProjectFileError, match=words) as info:
            loads_project(HEAD + f"\n[rules]\nindicators = {{ as_of = {bad} }}\n")
        assert info.value.key == "rules.indicators"
