"""Project files: loading, saving without loss, and clear errors for broken files."""

from __future__ import annotations

import re
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
    with pytest.raises(ProjectFileError, match="cannot be read"):
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


SESSION = ('\n[[sessions]]\nid = "s1"\nkind = "training"\ntitle = "Szkolenie"\n'
           'date = "22.05.2018"\nslots = "09.00 - 12.00"\n')


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        (MINIMAL + "durability_months = -24\n", "durability_months", "from 1 to 240"),
        (MINIMAL + 'period = "2018 – 9999"\n', "period", "outside the years 1990-2100"),
        (MINIMAL + 'period = "01.01.1000 – 31.12.2018"\n', "period", "1990-2100"),
        (MINIMAL + SESSION.replace("22.05.2018", "22.05.9999"), "sessions[0].date", "2100"),
        (MINIMAL + SESSION.replace('"22.05.2018"', "0001-01-01"), "sessions[0].date", "1990"),
        (MINIMAL + SESSION.replace('"22.05.2018"', "2018-05-22T10:00:00"), "sessions[0].date",
         "date and time"),
        (MINIMAL + SESSION.replace("22.05.2018", "٢٢.٠٥.٢٠١٨"), "sessions[0].date",
         "unexpected"),
        (MINIMAL + SESSION.replace("09.00", "٠٩.٠٠"), "sessions[0].slots", "unexpected"),
        (MINIMAL + SESSION + "headcount = 1000000000000000000\n", "sessions[0].headcount",
         "from 1 to 100 000"),
        (MINIMAL + SESSION + "part = 0\n", "sessions[0].part", "from 1 to 1 000"),
        (MINIMAL + SESSION.replace('id = "s1"', 'id = ""'), "sessions[0].id", "empty"),
        (MINIMAL + SESSION + 'groups = ["", "x"]\n', "sessions[0].groups", "empty text"),
        (MINIMAL + SESSION.replace("Szkolenie", "Szko\\u0000lenie"), "sessions[0].title",
         "control character"),
        (MINIMAL + '[[breaks]]\nkinds = ["training"]\nmonths = [7, "8"]\n', "breaks[0].months",
         "from 1 to 12"),
        (MINIMAL + '[[breaks]]\nkinds = ["training"]\nyears = [1]\n', "breaks[0].years",
         "1990 to 2100"),
        (MINIMAL + "[calendar]\nworking_weekdays = [{a = 1}]\n", "calendar.working_weekdays",
         "from 0 to 6"),
        (MINIMAL + '[calendar]\nclosed = ["01.05.2218"]\n', "calendar.closed", "2100"),
        (MINIMAL + '[[contracts]]\nid = "c"\ntitle = "u"\nhours = 1000000000000000000\n',
         "contracts[0].hours", "plausible"),
        (MINIMAL + '[[contracts]]\nid = "c"\ntitle = "u"\nhours = "1/0"\n', "contracts[0].hours",
         "division by zero|Fraction"),
        (MINIMAL + '[[contracts]]\nid = "c"\ntitle = "u"\nunit = "hour * 0"\n',
         "contracts[0].unit", "not a unit name"),
        (MINIMAL + '[[contracts]]\nid = "c"\ntitle = "u"\nsessions = -3\n',
         "contracts[0].sessions", "from 1"),
        (MINIMAL + '[funding]\ntotal = "1' + "0" * 5000 + ' zł"\n', "funding.total",
         "more than 15 digits"),
        (MINIMAL + '[[funding.sources]]\nkind = "eu"\nshare = "150 %"\n',
         "funding.sources[0].share", "above 100 %"),
        (MINIMAL + '[[funding.sources]]\nkind = "eu"\nshare = "٥٠ %"\n',
         "funding.sources[0].share", "not a percentage"),
        (MINIMAL + '[[funding.lines]]\ntitle = "x"\nfte = "1/0"\n', "funding.lines[0].fte",
         "divides by zero"),
        (MINIMAL + '[[funding.lines]]\ntitle = "x"\nfte = "٣"\n', "funding.lines[0].fte",
         "FTE such as"),
        (MINIMAL + '[[funding.lines]]\ntitle = "x"\nmonths = 100000\n', "funding.lines[0].months",
         "from 0 to 240"),
        (MINIMAL + "[organisation]\nstaff_supported = 1000000000000000000\n",
         "organisation.staff_supported", "plausible"),
        (MINIMAL + '[organisation.institution]\nkind = "OPS"\nname = "O"\npopulation = -1\n',
         "organisation.institution.population", "from 0 to 10 000 000"),
        (MINIMAL + '[[activities]]\nnumber = "1' + "0" * 5000 + '"\ntitle = "x"\n',
         "activities[0].number", "not an activity number"),
    ],
)
def test_nonsense_is_refused_at_its_key(text: str, key: str, words: str) -> None:
    """Implausible numbers, dates, digits of other scripts and empty ids name their key and line."""
    with pytest.raises(ProjectFileError) as info:
        loads_project(text, path="n.toml")
    assert info.value.key == key
    assert info.value.line is not None
    assert text.splitlines()[info.value.line - 1].split("=")[0].strip() in key or (
        text.splitlines()[info.value.line - 1].startswith("["))
    assert re.search(words, str(info.value)), str(info.value)


PEOPLE_AND_SESSIONS = (MINIMAL + '[[people]]\nid = "p"\nname = "P"\n\n'
                       '[[activities]]\nnumber = "1"\ntitle = "A"\n\n'
                       '[[contracts]]\nid = "c"\ntitle = "C"\n\n' + SESSION + SESSION.replace(
                           '"s1"', '"s2"'))


@pytest.mark.parametrize(
    ("change", "key", "holder"),
    [(("", '[[people]]\nid = "p"\nname = "Q"\n'), "people[1].id", 'id = "p"'),
     (('id = "s2"', 'id = "s1"'), "sessions[1].id", 'id = "s1"'),
     (('title = "C"', 'title = "C"\nleaders = ["nobody"]'), "contracts[0].leaders",
      'leaders = ["nobody"]'),
     (('id = "s2"', 'id = "s2"\nactivity = "3-9"'), "sessions[1].activity", 'activity = "3-9"'),
     (('id = "s2"', 'id = "s2"\ncontract = "x"'), "sessions[1].contract", 'contract = "x"'),
     (('id = "s2"', 'id = "s2"\nleaders = ["p", "x"]'), "sessions[1].leaders",
      'leaders = ["p", "x"]'),
     (('id = "s2"', 'id = "s2"\nattendees = ["x"]'), "sessions[1].attendees",
      'attendees = ["x"]'),
     (('id = "s2"', 'id = "s2"\ntable = "t"'), "sessions[1].table", 'table = "t"')],
)
def test_duplicate_ids_and_undeclared_references_are_placed(
        change: tuple[str, str], key: str, holder: str) -> None:
    """A repeated id or a reference to nothing names the key and the line that holds it."""
    old, new = change
    text = PEOPLE_AND_SESSIONS + new if not old else PEOPLE_AND_SESSIONS.replace(old, new, 1)
    with pytest.raises(ProjectFileError) as info:
        loads_project(text, path="r.toml")
    lines = text.splitlines()
    assert info.value.key == key
    assert info.value.line is not None and lines[info.value.line - 1] == holder
    # a repeated id is reported at its second occurrence, naming the first
    assert lines[:info.value.line - 1].count(holder) == (1 if key.endswith(".id") else 0)
    assert "r.toml" in str(info.value)


def test_references_of_table_rows_name_the_table_and_row(tmp_path: Path) -> None:
    """A row of a table file naming an undeclared activity is placed at that row."""
    (tmp_path / "t.csv").write_text("Lp.;Rodzaj;Data;Godzina;activity\n"
                                    "1;SZKOLENIE;22.05.2018;09.00 - 12.00;\n"
                                    "2;SZKOLENIE;23.05.2018;09.00 - 12.00;7.7\n",
                                    encoding="utf-8")
    (tmp_path / "p.toml").write_text(MINIMAL + '[[tables]]\nid = "t"\nfile = "t.csv"\n',
                                     encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"activity '7\.7' is not declared") as info:
        load_project(tmp_path / "p.toml")
    assert (info.value.path, info.value.line) == (str(tmp_path / "t.csv"), 3)


def test_inline_sessions_load_in_linear_time() -> None:
    """4,000 inline sessions each know their line, found by one index (not one search each)."""
    text = MINIMAL + "".join(SESSION.replace('"s1"', f'"s{i}"') for i in range(4000))
    project = loads_project(text)
    assert [s.line for s in project.sessions[:2]] == [4, 11]
    assert project.sessions[-1].line == 4 + 7 * 3999


@pytest.mark.parametrize("depth", [65, 3000])
def test_deep_nesting_is_refused_at_its_line(depth: int) -> None:
    """Arrays or inline tables nested past 64 levels are an error at their line."""
    for value in ("[" * depth + "]" * depth, "{a = " * depth + "1" + "}" * depth):
        with pytest.raises(ProjectFileError, match="nest deeper than 64") as info:
            loads_project(MINIMAL + f"deep = {value}\n", path="d.toml")
        assert info.value.line == 3


@pytest.mark.parametrize("depth", [1, 61, 62, 63, 64])
def test_nesting_up_to_the_limit_is_no_nesting_error(depth: int) -> None:
    """Up to 64 levels the file is read on (the lines are then scanned only for errors)."""
    for value in ("[" * depth + "]" * depth, "{a = " * depth + "1" + "}" * depth):
        with pytest.raises(ProjectFileError) as info:  # deep is not a key of the format
            loads_project(MINIMAL + f"deep = {value}\n", path="d.toml")
        assert "nest deeper" not in str(info.value)
        assert info.value.line == 3


def test_a_number_of_thousands_of_digits(tmp_path: Path) -> None:
    """A 4,400-digit integer is refused at its line (Python reads at most 4,300 digits)."""
    with pytest.raises(ProjectFileError, match="thousands of digits") as info:
        loads_project(MINIMAL + "huge = " + "9" * 4400 + "\n", path="h.toml")
    assert info.value.line == 3


def test_the_last_line_of_defence(monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception no reader expected becomes a ProjectFileError that shows no content."""
    import opsreform.files.project as project_file

    def broken(*_args: object) -> None:
        raise RuntimeError("the content _PASSWORD=hunter2")

    monkeypatch.setattr(project_file, "_source", broken)
    with pytest.raises(ProjectFileError, match="unexpected RuntimeError") as info:
        loads_project(MINIMAL + '[[sources]]\nname = "x"\n', path="x.toml")
    assert "hunter2" not in str(info.value) and info.value.path == "x.toml"


@pytest.mark.parametrize("unit", ["((", "hour/0", "1 + 1", "hour * 0", "lesson_hour ** 99999"])
def test_odd_unit_names_are_refused_by_the_model(unit: str) -> None:
    """Contract refuses any text pint cannot read as a unit of time with a ValidationError."""
    from opsreform.exceptions import ValidationError
    from opsreform.model.contracts import Contract

    with pytest.raises(ValidationError, match="unit"):
        Contract(id="c", title="t", unit=unit)


@pytest.mark.parametrize(("params", "words"), [
    ('limit = "x"', "must be a whole number"),
    ("limit = true", "must be a whole number"),
    ("limit = [1, 2]", "must be a whole number"),
    ("limit = { a = 1 }", "must be a whole number"),
])
def test_rule_parameters_of_the_wrong_type_are_placed(tmp_path: Path, params: str,
                                                      words: str) -> None:
    """A rule parameter of the wrong type is refused at its key, before any check runs."""
    path = tmp_path / "p.toml"
    path.write_text(f'format = 1\ntitle = "T"\n[rules.family-assistant-load]\n{params}\n',
                    encoding="utf-8")
    with pytest.raises(ProjectFileError, match=words) as info:
        load_project(path)
    assert info.value.line == 3  # the rule's table, whose key names the parameter
    assert "limit" in str(info.value)
