"""Project files: loading, saving without loss, and clear errors for broken files."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsreform.exceptions import ProjectFileError
from opsreform.files.project import dumps_project, load_project, loads_project, save_project
from opsreform.model.project import Project
from opsreform.model.sessions import Attendance, PublishedTable, Session, SlotBooking
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.text.addresses import parse_address
from opsreform.timeslots import TimeSlot
from tests.conftest import EXAMPLE_NAMES, EXAMPLES

MINIMAL = 'format = 1\ntitle = "T"\n'


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_round_trip(name: str, tmp_path: Path) -> None:
    """Loading an example, saving it and loading again gives an equal project."""
    project = load_project(EXAMPLES / f"{name}.toml")
    save_project(project, tmp_path / "p.toml")
    assert load_project(tmp_path / "p.toml") == project


def test_minimal_file_means_unknown_facts() -> None:
    """A file with only a title leaves every fact unknown (None), not zero."""
    p = loads_project(MINIMAL)
    assert p.period is None and p.funding is None and p.organisation is None
    assert p.durability_months is None and p.rules is None


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ('title = "T"\n', "format", "required"),
        ('format = 2\ntitle = "T"\n', "format", "not supported"),
        (MINIMAL + 'colour = "red"\n', "colour", "unknown key"),
        (MINIMAL + 'period = "trzynastek 2018"\n', "period", "trzynastek"),
        (MINIMAL + '[[sessions]]\nkind = "training"\ntitle = "x"\ndate = "31.02.2018"\n'
                   'slots = "09.00 - 10.00"\nid = "s"\n', "sessions[0].date", "does not exist"),
        (MINIMAL + '[[sessions]]\nkind = "yoga"\ntitle = "x"\ndate = "01.02.2018"\n'
                   'slots = "09.00 - 10.00"\nid = "s"\n', "sessions[0].kind", "yoga"),
        (MINIMAL + '[[sessions]]\nkind = "training"\ntitle = "x"\ndate = "01.02.2018"\n'
                   'slots = "09.00 - 10.00"\nid = "s"\nvenues = ["nowhere"]\n',
         "sessions[0].venues", "not declared"),
        (MINIMAL + '[[sessions]]\nkind = "training"\ntitle = "x"\ndate = "01.02.2018"\n'
                   'slots = "15.00 - 10.00"\nid = "s"\n', "sessions[0].slots", "before"),
        (MINIMAL + '[rules]\nno-such-rule = true\n', "rules.no-such-rule", "unknown rule"),
        (MINIMAL + '[rules.weekend]\ncolour = 1\n', "rules.weekend", "parameters"),
        (MINIMAL + '[[contracts]]\nid = "c"\ntitle = "u"\nunit = "parsec"\n', "contracts[0]",
         "unit"),
        (MINIMAL + '[[people]]\nid = "p"\nname = "P"\nprofession = "astronaut"\n',
         "people[0].profession", "astronaut"),
    ],
)
def test_broken_files_name_the_key(text: str, key: str, words: str) -> None:
    """Each broken file gives a ProjectFileError naming the key and what was wrong."""
    with pytest.raises(ProjectFileError) as info:
        loads_project(text, path="broken.toml")
    assert info.value.key is not None and info.value.key.startswith(key)
    assert words in str(info.value)
    assert "broken.toml" in str(info.value)


def test_error_names_the_line() -> None:
    """The line of the offending key is reported."""
    text = MINIMAL + '\n[[venues]]\nid = "a"\nname = "Sala"\n\n[[venues]]\nid = "b"\nfloor = 2\n'
    with pytest.raises(ProjectFileError) as info:
        loads_project(text, path="p.toml")
    assert info.value.line == 10


def test_invalid_toml_names_the_line() -> None:
    """TOML syntax errors carry the file and the line."""
    with pytest.raises(ProjectFileError) as info:
        loads_project(MINIMAL + "title = \n", path="bad.toml")
    assert info.value.line == 3


def test_missing_file_and_missing_table(tmp_path: Path) -> None:
    """A file or a referenced session table that does not exist is an error, not empty."""
    with pytest.raises(ProjectFileError, match="cannot read"):
        load_project(tmp_path / "none.toml")
    path = tmp_path / "p.toml"
    path.write_text(MINIMAL + '[[tables]]\nid = "t"\nfile = "missing.md"\n', encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"missing\.md"):
        load_project(path)


def test_rules_section_disables_and_sets_parameters() -> None:
    """[rules] turns a rule off and sets another's parameters; the rest stay default."""
    p = loads_project(MINIMAL + '[rules]\nweekend = { allowed_kinds = ["study-visit"] }\n'
                                'numbering = false\n')
    assert p.rules is not None
    ids = [r.id for r in p.rules]
    assert "numbering" not in ids and "weekend" in ids and "double-booking" in ids
    assert loads_project(dumps_project(p)) == p


_slots = st.sampled_from([TimeSlot(time(8), time(11)), TimeSlot(time(11, 30), time(14, 30)),
                          TimeSlot(time(9), time(15))])


@st.composite
def projects(draw: st.DrawFn) -> Project:
    """Random small projects with venues, a table and sessions."""
    venues = (Venue("a", parse_address("ul. Długa 1 00-001 Warszawa")), Venue("b", name="Sala"))
    n = draw(st.integers(0, 6))
    sessions = []
    for i in range(n):
        day = draw(st.dates(date(2015, 1, 1), date(2030, 12, 31)))
        slot = draw(_slots)
        sessions.append(Session(
            kind=draw(st.sampled_from(["training", "workshop", "supervision", "other"])),
            title=draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                               min_size=1, max_size=20).filter(str.strip)),
            day=day, slots=(SlotBooking(slot, draw(st.sampled_from(["a", "b", None]))),),
            part=draw(st.none() | st.integers(1, 3)), table="t", number=i + 1,
            attendance=Attendance(headcount=draw(st.none() | st.integers(1, 50)))))
    start = draw(st.dates(date(2015, 1, 1), date(2030, 1, 1)))
    return Project(title="P", venues=venues, tables=(PublishedTable("t"),),
                   sessions=tuple(sessions),
                   period=draw(st.none() | st.just(Period.starting(start, months=18))),
                   durability_months=draw(st.none() | st.integers(1, 60)))


@settings(max_examples=60, deadline=None)
@given(projects())
def test_save_then_load_loses_nothing(project: Project) -> None:
    """Any project written as TOML reads back equal."""
    assert loads_project(dumps_project(project)) == project


def test_nested_error_names_line_and_key(tmp_path: Path) -> None:
    """A bad period deep in the activity tree, or a bad unit kind, names its line and key."""
    text = (EXAMPLES / "michalowice.toml").read_text(encoding="utf-8")
    broken = text.replace('period = "grudzień 2018 roku"', 'period = "grudzien 20188"')
    line = next(n for n, s in enumerate(broken.splitlines(), start=1) if "20188" in s)
    with pytest.raises(ProjectFileError) as info:
        loads_project(broken, path="m.toml")
    assert (info.value.line, info.value.key) == (line, "activities[1].items[1].period")
    org = (EXAMPLES / "tarnowskie-gory.toml").read_text(encoding="utf-8").replace(
        'kind = "post"', 'kind = "kiosk"', 1)
    (tmp_path / "tables").symlink_to(EXAMPLES / "tables")
    (tmp_path / "t.toml").write_text(org, encoding="utf-8")
    with pytest.raises(ProjectFileError) as info:  # the linked tables lie in EXAMPLES
        load_project(tmp_path / "t.toml", root=EXAMPLES)
    assert info.value.key == "organisation.after.units[0].units[0].kind"
    assert "kiosk" in str(info.value)
