"""Versions of a table: chains, history, the diff, the calendar's SEQUENCE, and `diff`."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import attrs
import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opsreform
from opsreform.cli import main
from opsreform.exceptions import ProjectFileError, ValidationError
from opsreform.files.project import dumps_project, load_project, loads_project, save_project
from opsreform.model.project import Project
from opsreform.model.sessions import PublishedTable, Session, SessionStatus, SlotBooking
from opsreform.reports.cli import build_report
from opsreform.reports.diff import latest_changes
from opsreform.reports.ical import to_ical
from opsreform.timeslots import TimeSlot
from opsreform.versions import ChangeKind, Diff, chain, diff, lineages, match, version
from tests.conftest import EXAMPLES

DATA = Path(__file__).parent / "data" / "versions"
STAMP = datetime(2018, 9, 15, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def chained() -> Project:
    return load_project(DATA / "chain.toml")


def _kinds(changes: Diff) -> list[tuple[str, str]]:
    return [(c.kind.value, c.session.title) for c in changes]


# --- the model and the file -------------------------------------------------------------


def test_the_schedule_is_the_latest_version(chained: Project) -> None:
    """Sessions of the superseded table are history: the rules see only the new version."""
    assert {s.table for s in chained.sessions} == {"2018-09-14"}
    assert [s.id for s in chained.history] == [f"2018-09-03#{n}" for n in range(1, 7)]
    assert [t.id for t in chain(chained, "2018-09-03")] == ["2018-09-03", "2018-09-14"]
    assert chain(chained, "2018-09-14") == chain(chained, "2018-09-03")
    # Old and new rows of one session in one room are not a double booking.
    assert not [f for f in opsreform.check(chained) if f.rule == "double-booking"]
    assert version(chained, "2018-09-03").sessions == chained.history
    with pytest.raises(KeyError):
        version(chained, "nope")


def test_wrong_supersedes_refused_by_the_model() -> None:
    """An unknown table, a table superseded twice, a cycle or itself: no such project."""
    s = Session(kind="training", title="A", day=date(2018, 9, 17),
                slots=[SlotBooking(TimeSlot(time(9), time(12)))], table="a", number=1)
    cases = [
        ((PublishedTable("a", supersedes="x"),), "does not declare"),
        ((PublishedTable("a"), PublishedTable("b", supersedes="a"),
          PublishedTable("c", supersedes="a")), "both supersede"),
        ((PublishedTable("a", supersedes="b"), PublishedTable("b", supersedes="a")), "cycle"),
    ]
    for tables, message in cases:
        with pytest.raises(ValidationError, match=message):
            Project(title="P", tables=tables, sessions=[s])
    with pytest.raises(ValidationError, match="itself"):
        PublishedTable("a", supersedes="a")
    with pytest.raises(ValidationError, match="superseded by none"):
        Project(title="P", tables=[PublishedTable("a")], history=[s])


@pytest.mark.parametrize(("tables", "message", "line"), [
    ('id = "a"\n[[tables]]\nid = "b"\nsupersedes = "x"\n', "is not the id of a table", 7),
    ('id = "a"\n[[tables]]\nid = "b"\nsupersedes = "a"\n[[tables]]\nid = "c"\n'
     'supersedes = "a"\n', "already supersedes", 10),
    ('id = "a"\nsupersedes = "b"\n[[tables]]\nid = "b"\nsupersedes = "a"\n', "cycle", 5),
    ('id = "a"\nsupersedes = "a"\n', "cannot supersede itself", 5),
    ('id = "a"\nsupersedes = 3\n', "supersedes", 5),
])
def test_wrong_supersedes_is_a_placed_error(tables: str, message: str, line: int) -> None:
    """The error names the file, the line and the key `supersedes`."""
    text = f'format = 1\ntitle = "P"\n[[tables]]\n{tables}'
    with pytest.raises(ProjectFileError, match=message) as caught:
        loads_project(text, path="p.toml")
    assert caught.value.path == "p.toml" and "supersedes" in str(caught.value)
    assert caught.value.line == line


def test_versions_may_repeat_given_ids_but_the_schedule_may_not() -> None:
    """`sup-1` in t1 and t2 is one session in two versions; twice in t2 is an error."""
    project = load_project(DATA / "inline.toml")
    assert [s.id for s in project.sessions] == ["sup-1"] and [
        s.id for s in project.history] == ["sup-1"]
    text = (DATA / "inline.toml").read_text(encoding="utf-8")
    twice = text.replace('table = "t1"', 'table = "t2"')
    with pytest.raises(ProjectFileError, match="sup-1"):
        loads_project(twice, base=DATA)


@pytest.mark.parametrize("name", ["chain.toml", "inline.toml", "v1.toml"])
def test_save_keeps_the_versions(tmp_path: Path, name: str) -> None:
    """Load → save → load gives an equal project, history and `supersedes` included."""
    for item in DATA.iterdir():
        shutil.copy(item, tmp_path / item.name)
    path = tmp_path / name
    project = load_project(path)
    save_project(project, path)
    assert path.read_text(encoding="utf-8") == (DATA / name).read_text(encoding="utf-8")
    assert load_project(path) == project
    # An edit of the latest version is saved, and the history stays as it was.
    moved = attrs.evolve(project.sessions[0], day=date(2018, 10, 18))
    edited = attrs.evolve(project, sessions=(moved, *project.sessions[1:]))
    save_project(edited, path)
    again = load_project(path)
    assert again == edited and again.history == project.history
    # Written from nothing (no file read before), it reads back equal too.
    assert loads_project(dumps_project(attrs.evolve(project, origin=None)),
                         base=tmp_path) == project


def test_schema_knows_supersedes() -> None:
    """The JSON Schema of the format describes the key."""
    schema = json.loads((Path(opsreform.__file__).parent / "files" /
                         "project.schema.json").read_text(encoding="utf-8"))
    assert "supersedes" in schema["properties"]["tables"]["items"]["properties"]


# --- the diff ----------------------------------------------------------------------------


def test_diff_of_two_versions_lists_each_change(chained: Project) -> None:
    """Moved, re-timed, another venue, cancelled, removed, added: each found, nothing else."""
    changes = diff(version(chained, "2018-09-03"), version(chained, "2018-09-14"))
    assert sorted(_kinds(changes)) == sorted([
        ("added", "SZKOLENIE F"), ("retimed", "SZKOLENIE C"), ("venue", "SZKOLENIE D"),
        ("cancelled", "SZKOLENIE E"), ("removed", "SZKOLENIE G"), ("moved", "SZKOLENIE B")])
    assert [c.session.first_day for c in changes] == sorted(
        c.session.first_day for c in changes)
    assert latest_changes(chained) == changes
    # Two projects: the first version alone, and the chain, say the same.
    assert diff(load_project(DATA / "v1.toml"), chained) == changes
    [cancelled] = changes.of("cancelled")
    assert cancelled.old is not None and cancelled.new is not None
    assert cancelled.new.status is SessionStatus.CANCELLED
    assert str(cancelled) == "cancelled: 2018-09-14#5 (2018-09-21)"


def test_diff_text_in_polish_and_english(chained: Project) -> None:
    """The text says each change, Polish by default; no changes is said too."""
    changes = latest_changes(chained)
    polish = changes.text().splitlines()
    assert "SZKOLENIE E (21.09.2018, sesja 2018-09-14#5): odwołana" in polish
    assert ("SZKOLENIE B (sesja 2018-09-14#2): przeniesiona z 18.09.2018 na 25.09.2018"
            in polish)
    assert ("SZKOLENIE C (2018-09-19, session 2018-09-14#3): re-timed from 09.00 - 12.00 "
            "to 10.00 - 13.00") in changes.text("en").splitlines()
    assert Diff().text() == "brak zmian" and Diff().text("en") == "no changes"


def test_a_session_changed_in_several_ways_lists_each() -> None:
    """Moved to another day, at other hours, elsewhere and cancelled: four changes."""
    project = load_project(DATA / "v1.toml")
    first = project.sessions[0]
    changed = attrs.evolve(first, day=date(2018, 9, 26), status="cancelled",
                           slots=[SlotBooking(TimeSlot(time(10), time(13)), "krotka")])
    other = attrs.evolve(project, venues=(*project.venues, _venue("krotka")),
                         sessions=(changed, *project.sessions[1:]))
    assert [c.kind for c in diff(project, other)] == [
        ChangeKind.MOVED, ChangeKind.RETIMED, ChangeKind.VENUE, ChangeKind.CANCELLED]
    back = diff(other, project)
    assert ChangeKind.REINSTATED in [c.kind for c in back]


def _venue(venue_id: str) -> opsreform.Venue:
    return opsreform.Venue(venue_id, name=venue_id)


def _session(title: str, day: int, *, number: int | None = None, table: str | None = "t",
             given: str | None = None) -> Session:
    return Session(kind="training", title=title, day=date(2018, 9, day),
                   slots=[SlotBooking(TimeSlot(time(9), time(12)))], table=table,
                   number=number or day, given_id=given)


def test_matching_by_given_id_first() -> None:
    """Given ids pair sessions whatever their titles and numbers."""
    old = [_session("A", 3, given="x"), _session("B", 4, given="y")]
    new = [_session("B", 4, given="x", number=9), _session("A", 3, given="y", number=8)]
    assert [(o and o.title, n and n.title) for o, n in match(old, new)] == [
        ("A", "B"), ("B", "A")]


def test_matching_by_number_needs_the_same_title_and_chain() -> None:
    """Lp. 2 with the same title is one session; a renumbered table is read by its titles."""
    old = [_session("S", 3, number=1), _session("S", 10, number=2)]
    new = [_session("S", 11, number=2), _session("S", 4, number=1)]
    pairs = match(old, new)
    assert [(o and o.first_day.day, n and n.first_day.day) for o, n in pairs] == [
        (10, 11), (3, 4)]
    # Another chain: numbers say nothing, the nearest date pairs them.
    pairs = match(old, new, same_chain=lambda a, b: False)
    assert [(o and o.first_day.day, n and n.first_day.day) for o, n in pairs] == [
        (10, 11), (3, 4)]
    # Row 1 dropped and the rest renumbered: "S" of the 10th is not the "T" of the 3rd.
    renumbered = [_session("S", 10, number=1)]
    old = [_session("T", 3, number=1), _session("S", 10, number=2)]
    assert [(o and o.title, n and n.title) for o, n in match(old, renumbered)] == [
        ("S", "S"), ("T", None)]


def test_matching_by_title_takes_the_nearest_date() -> None:
    """Three supervisions, the middle one moved by two days: paired with its own."""
    old = [_session("SUP", d, table=None, given=f"o{d}") for d in (5, 12, 19)]
    new = [_session("SUP", d, table=None, given=f"n{d}") for d in (5, 14, 19)]
    changes = diff(Project(title="a", sessions=old), Project(title="b", sessions=new))
    assert [(c.kind.value, c.old and c.old.first_day.day, c.new and c.new.first_day.day)
            for c in changes] == [("moved", 12, 14)]


def _edited(project: Project, edits: dict[int, str]) -> tuple[Project, list[tuple[str, str]]]:
    """Apply ``edits`` (position → what) to the project; return it and the expected changes."""
    sessions: list[Session] = []
    expected: list[tuple[str, str]] = []
    for k, session in enumerate(project.sessions):
        what = edits.get(k)
        if what == "removed":
            expected.append(("removed", session.id))
            continue
        if what == "moved":
            session = attrs.evolve(session, day=session.first_day + timedelta(days=35))
        elif what == "retimed":
            session = attrs.evolve(session, slots=[SlotBooking(TimeSlot(time(15), time(17)),
                                                               session.slots[0].venue)])
        elif what == "venue":
            session = attrs.evolve(session, slots=[SlotBooking(b.slot, "elsewhere")
                                                   for b in session.slots])
        elif what == "cancelled":
            session = attrs.evolve(session, status="cancelled")
        if what not in (None, "added"):
            expected.append((what, session.id))
        sessions.append(session)
    added = Session(kind="workshop", title="NOWE WARSZTATY", day=date(2018, 11, 5),
                    slots=[SlotBooking(TimeSlot(time(9), time(11)))], given_id="nowe")
    if "added" in edits.values():
        sessions.append(added)
        expected.append(("added", "nowe"))
    venues = (*project.venues, _venue("elsewhere"))
    return attrs.evolve(project, sessions=sessions, venues=venues), expected


EDITS = st.sampled_from(["moved", "retimed", "venue", "cancelled", "removed", "added"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_diff_finds_exactly_the_edits(data: st.DataObject) -> None:
    """A random set of edits of the example's sessions: the diff finds those and no other."""
    project = load_project(EXAMPLES / "tarnowskie-gory.toml")
    planned = [k for k, s in enumerate(project.sessions)
               if s.status is not SessionStatus.CANCELLED and len(s.slots) == 1]
    edits = data.draw(st.dictionaries(st.sampled_from(planned), EDITS, max_size=8))
    edited, expected = _edited(project, edits)
    found = [(c.kind.value, c.session.id) for c in diff(project, edited)]
    assert sorted(found) == sorted(expected)
    assert not diff(edited, edited) and not diff(project, project)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(["tarnowskie-gory", "swilcza", "michalowice", "warszawa-ochota",
                             "niedrzwica-duza"]))
def test_diff_of_a_project_with_itself_is_empty(name: str) -> None:
    """Every example against itself: no change."""
    project = load_project(EXAMPLES / f"{name}.toml")
    assert len(diff(project, project)) == 0
    assert diff(project, project).text() == "brak zmian"


# --- the calendar follows the versions ----------------------------------------------------


def _events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_ical_sequence_follows_the_versions(chained: Project) -> None:
    """v1, then v2: moved, cancelled and dropped events rise; the unchanged keep theirs.

    The moved event's SEQUENCE rises under the same UID; the cancelled and the dropped
    ones are STATUS:CANCELLED with a higher SEQUENCE; the unchanged keep their SEQUENCE.
    """
    first = _events(to_ical(load_project(DATA / "v1.toml"), stamp=STAMP))
    second = _events(to_ical(chained, stamp=STAMP + timedelta(days=1)))
    assert set(first) <= set(second)  # every event of v1 is updated, none duplicated
    uid = "2018-09-03#{}-1@wersje-harmonogramu.opsreform"
    seq = {n: (int(first[uid.format(n)]["sequence"]), int(second[uid.format(n)]["sequence"]))
           for n in range(1, 7)}
    assert seq[1] == (0, 0)  # A: unchanged
    assert seq[2][1] > seq[2][0]  # B: moved
    assert second[uid.format(2)].decoded("dtstart").date() == date(2018, 9, 25)
    assert seq[3][1] > seq[3][0] and seq[4][1] > seq[4][0]  # C re-timed, D elsewhere
    for n in (5, 6):  # E cancelled, G dropped from the table
        assert seq[n][1] > seq[n][0]
        assert str(second[uid.format(n)]["status"]) == "CANCELLED"
        assert str(first[uid.format(n)]["status"]) == "CONFIRMED"
    assert {str(second[uid.format(n)]["status"]) for n in (1, 2, 3, 4)} == {"CONFIRMED"}
    # F is new in v2: an event of its own, from 0.
    assert int(second["2018-09-14#6-1@wersje-harmonogramu.opsreform"]["sequence"]) == 0


def test_lineages_carry_the_first_id_and_the_changes(chained: Project) -> None:
    """Each session knows the id it was first published under and how often it changed."""
    lines = {line.session.title: line for line in lineages(chained)}
    assert lines["SZKOLENIE A"].first.id == "2018-09-03#1" and lines["SZKOLENIE A"].changes == 0
    assert lines["SZKOLENIE A"].announced == "2018-09-03"
    assert lines["SZKOLENIE B"].changes == 1 and lines["SZKOLENIE B"].announced == "2018-09-14"
    assert lines["SZKOLENIE G"].removed and lines["SZKOLENIE G"].changes == 1
    assert lines["SZKOLENIE F"].first.id == "2018-09-14#6"


# --- the report and the command -----------------------------------------------------------


def test_diff_report_kind(chained: Project) -> None:
    """`report --kind diff` tables the latest version's changes; an unchained project none."""
    md = build_report(chained, "diff", "md")
    assert "## Zmiany w harmonogramie" in md and "| odwołana | 2018-09-14#5 |" in md
    english = build_report(chained, "diff", "md", "en")
    assert "| cancelled | 2018-09-14#5 |" in english
    assert "brak zmian" in build_report(load_project(DATA / "v1.toml"), "diff", "md")


def test_diff_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`opsreform diff`: 1 with changes, 0 without, 2 on bad input; text, json and csv."""
    old, new = str(DATA / "v1.toml"), str(DATA / "chain.toml")
    assert main(["diff", old, new]) == 1
    assert "SZKOLENIE E (21.09.2018, sesja 2018-09-14#5): odwołana" in capsys.readouterr().out
    assert main(["diff", old, old]) == 0
    assert capsys.readouterr().out == "brak zmian\n"
    assert main(["diff", new, "--format", "json", "--lang", "en"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert sorted(d["change"] for d in data) == sorted(
        ["added", "retimed", "venue", "cancelled", "removed", "moved"])
    removed = next(d for d in data if d["change"] == "removed")
    assert removed["new"] is None and removed["old"]["id"] == "2018-09-03#6"
    assert main(["diff", new, "--tables", "2018-09-03", "2018-09-14", "--format", "csv"]) == 1
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")),
                           delimiter=";"))
    assert sum(1 for r in rows if r and r[0] in {"dodana", "odwołana", "usunięta"}) == 3
    assert main(["diff", new, "--tables", "2018-09-03", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
    assert main(["diff", str(DATA / "missing.toml")]) == 2
