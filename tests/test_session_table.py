"""The schedule as a table: lossless both ways, validated as objects are, read in batches."""

from __future__ import annotations

import itertools
import pickle
import shutil
from datetime import date, time, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opsreform
from opsreform.exceptions import OpsReformError, ProjectFileError, ValidationError
from opsreform.files.project import load_many, load_project
from opsreform.model import table as table_module
from opsreform.model.people import Person
from opsreform.model.project import Project
from opsreform.model.sessions import Attendance, PublishedTable, Session, SlotBooking
from opsreform.model.table import COLUMNS, SessionTable, names_by, names_of
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.timeslots import TimeSlot
from tests.conftest import EXAMPLES, ROOT
from tests.test_rules_reference import schedules

BASE = date(2019, 3, 4)
SLOTS = [TimeSlot(time(8), time(10)), TimeSlot(time(10), time(12, 30)),
         TimeSlot(time(13), time(16, 15))]
WORDS = st.text(alphabet="abcąęłńóśźż ĄŁ-#.,;\"|'", min_size=1, max_size=12).filter(
    lambda s: s.strip() == s and s.strip())


@st.composite
def sessions(draw: st.DrawFn) -> tuple[Session, ...]:
    """Sessions using every field of a Session, with ids unique."""
    made = []
    for i in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["training", "workshop", "supervision", "study-visit",
                                     "expert-advice", "other"]))
        first = BASE + timedelta(days=draw(st.integers(0, 60)))
        multi = kind == "study-visit" and draw(st.booleans())
        slots = draw(st.lists(st.sampled_from(SLOTS), min_size=0 if multi else 1,
                              max_size=3, unique=True))
        status = draw(st.sampled_from(["planned", "delivered", "cancelled"]))
        people = draw(st.lists(st.sampled_from(["x", "y"]), max_size=2, unique=True))
        absent = [] if status != "delivered" else draw(
            st.lists(st.sampled_from(["z"]), max_size=1))
        attended = None if status != "delivered" else draw(
            st.none() | st.integers(len(people), 30))
        made.append(Session(
            kind=kind, title=draw(WORDS), day=None if multi else first,
            period=Period(first, first + timedelta(days=draw(st.integers(0, 2))))
            if multi else None,
            slots=[SlotBooking(s, draw(st.sampled_from(["a", "b", None]))) for s in slots],
            part=draw(st.none() | st.integers(1, 5)),
            leaders=draw(st.none() | st.lists(st.sampled_from(["x", "y", "z"]), max_size=2,
                                              unique=True)),
            attendance=Attendance(headcount=draw(st.none() | st.integers(1, 40)),
                                  groups=draw(st.lists(WORDS, max_size=2)), people=people,
                                  attended=attended, absent=absent),
            places=draw(st.lists(st.sampled_from(["a", "b"]), max_size=2, unique=True)),
            activity=draw(st.none() | st.just("1")), contract=draw(st.none() | st.just("c")),
            table=draw(st.sampled_from(["t", None])), number=draw(st.none() | st.integers(1, 9)),
            status=status, given_id=f"s{i}", line=draw(st.none() | st.integers(1, 99)),
            note=draw(st.none() | WORDS)))
    return tuple(made)


@given(sessions())
def test_sessions_go_to_a_table_and_back_without_loss(made: tuple[Session, ...]) -> None:
    """Every field of every session survives the table, the line where it was read too."""
    table = SessionTable.of(made)
    assert list(table.frame.columns) == list(COLUMNS)
    back = SessionTable(table.frame).sessions()
    assert back == made
    assert [s.line for s in back] == [s.line for s in made]
    assert SessionTable(table.frame) == table
    assert pickle.loads(pickle.dumps(table)) == table


@given(sessions())
def test_the_names_of_a_table_are_what_its_sessions_name(made: tuple[Session, ...]) -> None:
    """``named()`` is the plain reading of the sessions: the ids of each column."""
    names = SessionTable.of(made).named()
    assert names.ids["leaders"] == {p for s in made for p in s.leaders or ()}
    assert names.ids["people"] == {p for s in made for p in s.attendance.people}
    assert names.ids["absent"] == {p for s in made for p in s.attendance.absent}
    assert names.ids["venues"] == {b.venue for s in made for b in s.slots if b.venue}
    assert names.ids["places"] == {v for s in made for v in s.places}
    assert names.ids["contract"] == {s.contract for s in made if s.contract}
    assert names.ids["table"] == {s.table for s in made if s.table}
    assert names.ids["groups"] == {g for s in made for g in s.attendance.groups}
    assert names.repeats is (len({s.id for s in made}) < len(made))


def test_names_by_group_are_the_names_of_each_part() -> None:
    """One group_by gives each part's names, as each part alone gives them."""
    project = load_project(EXAMPLES / "tarnowskie-gory.toml")
    frame = project.schedule.frame
    by = names_by(frame, "table")
    assert set(by) == set(frame["table"].unique())
    for name, names in by.items():
        assert names == names_of(frame.filter(frame["table"] == name))


def test_a_table_is_equal_whatever_line_it_was_read_from() -> None:
    """The line is where a session was read, not what it is (as for Session)."""
    project = load_project(EXAMPLES / "tarnowskie-gory.toml")
    moved = project.schedule.frame.with_columns(line=project.schedule.frame["line"] + 1)
    assert SessionTable(moved) == project.schedule
    assert hash(SessionTable(moved)) == hash(project.schedule)


def test_a_frame_of_other_columns_is_refused() -> None:
    """A table has the columns COLUMNS, in order; anything else is a ValidationError."""
    frame = SessionTable.of(()).frame
    with pytest.raises(ValidationError, match="has the columns"):
        SessionTable(frame.drop("note"))
    with pytest.raises(ValidationError, match="must be a Session"):
        SessionTable.of(["not a session"])  # type: ignore[list-item]


def _project(schedule: SessionTable | tuple[Session, ...]) -> Project:
    return Project("P", venues=[Venue("a", name="A")], people=[Person("x", "X")],
                   tables=[PublishedTable("t")], sessions=schedule)


def _one(**changes: object) -> Session:
    fields = {"kind": "training", "title": "T", "day": BASE, "table": "t", "number": 1,
              "slots": [SlotBooking(SLOTS[0], "a")], **changes}
    return Session(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "message"), [
    ({"leaders": ("nobody",)}, "names leaders 'nobody'"),
    ({"slots": [SlotBooking(SLOTS[0], "b")]}, "names venue 'b'"),
    ({"places": ("c",)}, "names places 'c'"),
    ({"table": "u"}, "names table 'u'"),
    ({"contract": "k"}, "names contract 'k'"),
    ({"attendance": Attendance(people=("q",))}, "names attendance 'q'"),
])
def test_a_table_is_refused_as_its_sessions_are(changes: dict[str, object],
                                                message: str) -> None:
    """A schedule given as a table naming what the project lacks is refused, as objects are."""
    bad = (_one(**changes),)
    for given_as in (bad, SessionTable(SessionTable.of(bad).frame)):
        with pytest.raises(ValidationError, match=message):
            _project(given_as)


def test_repeated_ids_in_a_table_are_refused() -> None:
    """Two sessions with one id: the same error from a table as from objects."""
    twice = (_one(), _one(title="U"))
    for given_as in (twice, SessionTable(SessionTable.of(twice).frame)):
        with pytest.raises(ValidationError, match="two sessions have the id 't#1'"):
            _project(given_as)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(schedules())
def test_the_checks_are_the_same_from_objects_and_from_a_table(project: Project) -> None:
    """A project whose schedule is only a table is checked exactly as one of objects."""
    bare = attrs.evolve(project, sessions=SessionTable(project.schedule.frame))
    assert bare == project
    assert opsreform.check(bare) == opsreform.check(project)


def test_a_loaded_project_makes_no_session_objects_to_be_checked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Files to findings: the sessions stay columns (Session objects only when asked)."""
    made: list[int] = []
    real = table_module._sessions

    def spy(frame: object) -> object:
        made.append(1)
        return real(frame)  # type: ignore[arg-type]

    monkeypatch.setattr(table_module, "_sessions", spy)
    [result] = opsreform.check_many([EXAMPLES / "tarnowskie-gory.toml"])
    assert result.findings
    assert made == []
    assert len(result.project.sessions) == 28  # type: ignore[union-attr]
    assert made == [1]


def _all_project_files() -> list[Path]:
    files = sorted(EXAMPLES.glob("*.toml"))
    return files + sorted((ROOT / "tests" / "data").rglob("*.toml"))


def test_load_many_gives_each_file_what_load_project_gives_it() -> None:
    """Every example and test project, good or bad: the same project or the same error."""
    paths = _all_project_files()
    assert len(paths) > 20
    together = load_many(paths, chunk=7)
    for path, got in zip(paths, together, strict=True):
        try:
            alone: Project | OpsReformError = load_project(path)
        except OpsReformError as exc:
            alone = exc
        assert type(got) is type(alone), path
        if isinstance(alone, Project):
            assert got == alone
            assert got.venues == alone.venues and got.read_notes == alone.read_notes
        else:
            assert str(got) == str(alone)


def _two_tables(tmp_path: Path, first: str, second_file: str) -> Path:
    header = "Lp.;Rodzaj działania;Data;Godzina;Adres\n"
    (tmp_path / "a.csv").write_text(header + first, encoding="utf-8")
    project = tmp_path / "p.toml"
    project.write_text(
        'format = 1\ntitle = "P"\n'
        '[[tables]]\nid = "a"\nkind = "training"\nfile = "a.csv"\n'
        f'[[tables]]\nid = "b"\nkind = "training"\nfile = "{second_file}"\n',
        encoding="utf-8")
    return project


def test_errors_come_in_the_order_the_file_gives_them(tmp_path: Path) -> None:
    """A bad row in the first table is reported before a missing second table."""
    path = _two_tables(tmp_path, "1;Szkolenie;32.01.2019;08.00 - 10.00;ul. Długa 1 Kraków\n",
                       "missing.csv")
    for read in (lambda: load_project(path), lambda: _raise(load_many([path])[0])):
        with pytest.raises(ProjectFileError) as caught:
            read()
        assert caught.value.path is not None and caught.value.path.endswith("a.csv")
        assert caught.value.line == 2


def _raise(found: Project | OpsReformError) -> Project:
    if isinstance(found, OpsReformError):
        raise found
    return found


def test_a_batch_reads_venues_in_the_order_of_the_files_tables(tmp_path: Path) -> None:
    """Two tables meeting new addresses: venue ids as reading them one by one gives."""
    path = _two_tables(tmp_path, "1;Szkolenie;14.01.2019;08.00 - 10.00;ul. Długa 1 Kraków\n",
                       "b.csv")
    (tmp_path / "b.csv").write_text(
        "Lp.;Rodzaj działania;Data;Godzina;Adres\n"
        "1;Szkolenie;15.01.2019;08.00 - 10.00;ul. Długa 1 Tarnów\n"
        "2;Szkolenie;16.01.2019;08.00 - 10.00;ul. Długa 1 Kraków\n", encoding="utf-8")
    copy = tmp_path / "q.toml"
    shutil.copy(path, copy)
    first, second = load_many([path, copy])
    assert isinstance(first, Project) and isinstance(second, Project)
    assert [v.id for v in first.venues] == ["długa-1", "długa-1-2"]
    assert first == second == load_project(path)


@given(sessions(), st.lists(st.integers(0, 8), max_size=3))
def test_the_names_of_tables_joined_are_those_of_the_joined_table(
        made: tuple[Session, ...], cuts: list[int]) -> None:
    """Tables with their names made one: the names of the whole, repeats across parts too."""
    made = made + made[:1]  # a repeated id, in another part when cut there
    bounds = sorted({0, len(made), *(min(c, len(made)) for c in cuts)})
    parts = [SessionTable.of(made[a:b]) for a, b in itertools.pairwise(bounds)]
    for part in parts:
        part.named()
    joined = SessionTable.concat(parts)
    assert joined.named() == names_of(joined.frame)
