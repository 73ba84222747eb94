"""Delivery: attendance facts, delivered hours, indicator progress and the indicators rule."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, time, timedelta
from fractions import Fraction
from io import BytesIO

import attrs
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

import opsreform
from opsreform.exceptions import ValidationError
from opsreform.findings import Severity
from opsreform.frames import DELIVERY_SCHEMA, delivery_frame
from opsreform.model.contracts import Contract
from opsreform.model.delivery import delivered_hours, indicator_progress
from opsreform.model.indicators import Indicator
from opsreform.model.people import Person
from opsreform.model.project import Project
from opsreform.model.sessions import Attendance, Session, SessionStatus, SlotBooking
from opsreform.reports.cli import build_report, build_workbook, report_tables
from opsreform.rules.delivery import IndicatorsReached
from opsreform.rules.engine import Rule
from opsreform.text.slots import parse_slots
from opsreform.timeslots import TimeSlot
from tests.conftest import EXAMPLES, ROOT

DATA = ROOT / "tests" / "data" / "delivery"
AFTER = date(2019, 9, 1)  # after the test project's period (to 30.06.2019)
DURING = date(2019, 4, 1)


def _project() -> Project:
    return opsreform.load_project(DATA / "delivered.toml")


def _indicator(project: Project, indicator_id: str) -> Indicator:
    return next(i for i in project.indicators if i.id == indicator_id)


def _with(project: Project, session_id: str, **changes: object) -> Project:
    return attrs.evolve(project, sessions=[attrs.evolve(s, **changes) if s.id == session_id
                                           else s for s in project.sessions])


# --- the model ---------------------------------------------------------------------


def test_absent_and_attending_the_same_person_is_refused() -> None:
    """One person cannot both attend and be absent."""
    with pytest.raises(ValidationError, match="both attended and was absent") as info:
        Attendance(people=("anna", "ewa"), absent=("ewa",), attended=2)
    assert info.value.field == "absent"


def test_a_count_below_the_named_list_is_refused() -> None:
    """``attended`` counts everyone who came, so it is at least the named attendees."""
    with pytest.raises(ValidationError, match="fewer than the 2 people") as info:
        Attendance(people=("anna", "ewa"), attended=1)
    assert info.value.field == "attended"
    assert Attendance(people=("anna", "ewa"), attended=5).attended == 5


def test_attendance_on_a_session_not_delivered_is_refused() -> None:
    """Who came is a fact of a delivered session only."""
    slot = SlotBooking(parse_slots("09.00 - 12.00")[0])
    base = {"kind": "training", "title": "T", "day": date(2019, 1, 8), "slots": [slot],
            "given_id": "x"}
    for status in ("planned", "cancelled"):
        with pytest.raises(ValidationError, match="not delivered"):
            Session(**base, status=status, attendance=Attendance(attended=3))
        with pytest.raises(ValidationError, match="not delivered"):
            Session(**base, status=status, attendance=Attendance(absent=("a",)))
    assert Session(**base, status="delivered", attendance=Attendance(attended=0)
                   ).attendance.attended == 0


def test_unknown_attendance_stays_unknown() -> None:
    """A delivered session without attendance has ``attended`` None, never 0."""
    project = _project()
    delivered = next(s for s in project.sessions if s.id == "t#1")
    assert delivered.status is SessionStatus.DELIVERED and delivered.attendance.attended == 8
    planned = next(s for s in project.sessions if s.id == "s2")
    assert planned.attendance.attended is None


def test_indicator_validation() -> None:
    """Targets above zero; ``achieved`` only when declared; ``kinds`` only for sessions."""
    with pytest.raises(ValidationError, match="above 0"):
        Indicator(id="a", name="a", target=0, counts="delivered-sessions")
    with pytest.raises(ValidationError, match="only for people-supported"):
        Indicator(id="a", name="a", target=3, counts="delivered-sessions", achieved=2)
    with pytest.raises(ValidationError, match="counts none"):
        Indicator(id="a", name="a", target=3, counts="people-supported", kinds=["training"])
    with pytest.raises(ValidationError, match="exact"):
        Indicator(id="a", name="a", target=2.5, counts="delivered-hours")
    with pytest.raises(ValueError, match="not a valid IndicatorCount"):
        Indicator(id="a", name="a", target=3, counts="everyone")


def test_project_refuses_two_indicators_with_one_id() -> None:
    """Indicator ids are unique in a project."""
    one = Indicator(id="a", name="a", target=1, counts="delivered-sessions")
    with pytest.raises(ValidationError, match="two indicators"):
        Project(title="P", indicators=[one, one])


# --- delivered hours ------------------------------------------------------------------


def test_delivered_hours_of_the_test_project() -> None:
    """Per contract in its unit, per month and per person, exactly."""
    project = _project()
    hours = delivered_hours(project)
    assert hours.sessions == 2 and hours.unknown == ()
    assert hours.by_contract == {"szkolenia": 360, None: 180}
    assert hours.in_contract_unit(project, "szkolenia") == 8  # 6 h = 8 lesson hours
    assert hours.by_month == {"2019-02": 360, "2019-03": 180}
    assert hours.by_person == {"trener": 360, "ewa": 180, "anna": 180}
    assert "piotr" not in hours.by_person  # absent: no hours


def _slot(start: int, length: int) -> SlotBooking:
    return SlotBooking(TimeSlot(time(start // 60, start % 60),
                                time((start + length) // 60, (start + length) % 60)))


@st.composite
def _delivery_projects(draw: st.DrawFn) -> Project:
    people = [Person(id=f"p{i}", name=f"P {i}") for i in range(4)]
    contracts = [Contract(id=f"c{i}", title=f"C {i}", unit=draw(st.sampled_from(
        ["hour", "lesson_hour"])), leaders=draw(st.lists(st.sampled_from(
            [p.id for p in people]), max_size=2, unique=True))) for i in range(2)]
    sessions = []
    for n in range(draw(st.integers(0, 12))):
        status = draw(st.sampled_from(list(SessionStatus)))
        named = draw(st.lists(st.sampled_from([p.id for p in people]), max_size=3,
                              unique=True))
        sessions.append(Session(
            kind=draw(st.sampled_from(["training", "workshop", "supervision"])),
            title="S", day=date(2019, 1, 1) + timedelta(days=draw(st.integers(0, 300))),
            slots=[_slot(draw(st.integers(360, 900)), draw(st.integers(15, 300)))],
            leaders=draw(st.none() | st.lists(st.sampled_from([p.id for p in people]),
                                              max_size=2, unique=True)),
            contract=draw(st.none() | st.sampled_from(["c0", "c1"])),
            attendance=Attendance(people=named, attended=(
                len(named) + draw(st.integers(0, 3)) if status is SessionStatus.DELIVERED
                and draw(st.booleans()) else None)),
            status=status, given_id=f"s{n}"))
    return Project(title="P", people=people, contracts=contracts, sessions=sessions)


@settings(max_examples=60, deadline=None)
@given(_delivery_projects())
def test_delivered_hours_equal_a_plain_reference(project: Project) -> None:
    """The sums equal a plain loop over the delivered sessions, and the frame agrees."""
    contract: dict[str | None, int] = defaultdict(int)
    month: dict[str, int] = defaultdict(int)
    person: dict[str, int] = defaultdict(int)
    for s in project.sessions:
        if s.status != "delivered":
            continue
        minutes = sum(b.slot.end_minute - b.slot.start_minute for b in s.slots)
        own = s.contract
        contract[own] += minutes
        month[s.day.strftime("%Y-%m")] += minutes  # type: ignore[union-attr]
        leaders = s.leaders if s.leaders is not None else (
            project.contract(own).leaders if own else ())
        for p in set(leaders) | set(s.attendance.people):
            person[p] += minutes
    hours = delivered_hours(project)
    assert dict(hours.by_contract) == dict(contract)
    assert dict(hours.by_month) == dict(month)
    assert dict(hours.by_person) == dict(person)
    frame = delivery_frame(project)
    assert frame.schema == pl.Schema(DELIVERY_SCHEMA)
    assert frame.height == hours.sessions
    per_person = dict(frame.explode("people").drop_nulls("people").group_by("people")
                      .agg(pl.col("minutes").sum()).rows())
    assert per_person == dict(person)


# --- indicator progress -----------------------------------------------------------------


def test_past_sessions_still_planned_leave_the_achievement_unknown() -> None:
    """t#2 (18.06.2019) is still planned after its day: maybe held, so unknown, not 0."""
    project = _project()
    progress = indicator_progress(project, _indicator(project, "godziny"), as_of=AFTER)
    assert progress.achieved is None and progress.undecided == ("t#2",)
    assert progress.known == 6  # t#1, what is certain
    # Before its day, t#2 has simply not happened yet: the count is known.
    early = indicator_progress(project, _indicator(project, "godziny"), as_of=DURING)
    assert early.achieved == 6 and early.share == Fraction(4, 5)


def test_distinct_attendees_need_named_attendance() -> None:
    """A delivered session with a count but no names leaves distinct people unknown."""
    project = _with(_project(), "t#2", status="cancelled")
    progress = indicator_progress(project, _indicator(project, "przeszkoleni"), as_of=AFTER)
    assert progress.achieved is None and progress.unnamed == ("t#1",)
    named = _with(project, "t#1", attendance=Attendance(people=("anna", "ewa"), attended=2))
    progress = indicator_progress(named, _indicator(named, "przeszkoleni"), as_of=AFTER)
    assert progress.achieved == 2 and progress.reached is False


def test_distinct_attendees_count_a_person_once() -> None:
    """Anna at two workshops is one person."""
    project = _with(_project(), "s2", status="delivered",
                    attendance=Attendance(people=("anna",), attended=1))
    progress = indicator_progress(project, _indicator(project, "warsztaty"), as_of=AFTER)
    assert progress.achieved == 1


def test_people_supported_is_what_the_project_states() -> None:
    """A declared figure is the achievement; none declared is unknown."""
    project = _project()
    assert indicator_progress(project, _indicator(project, "objeci"), as_of=AFTER
                              ).achieved == 3
    undeclared = Indicator(id="x", name="x", target=3, counts="people-supported")
    assert indicator_progress(project, undeclared, as_of=AFTER).achieved is None


# --- the rule ------------------------------------------------------------------------------


def _rule_findings(project: Project, as_of: date) -> dict[str, tuple[Severity, str]]:
    return {f.subject: (f.severity, f.said.key if f.said else "")
            for f in IndicatorsReached(as_of=as_of).check(project)}


def test_below_target_after_the_end_is_a_warning() -> None:
    """s2 delivered: the workshops reached 1 of 2 people, and the project has ended."""
    project = _with(_project(), "s2", status="delivered",
                    attendance=Attendance(people=("anna",), attended=1))
    found = list(IndicatorsReached(as_of=AFTER).check(project))
    warning = next(f for f in found if f.subject == "indicator warsztaty")
    assert warning.severity is Severity.WARNING and warning.date == date(2019, 6, 30)
    assert warning.text("pl") == ("wskaźnik „uczestnicy warsztatów”: osiągnięto 1 z "
                                  "docelowych 2 osoby, a okres realizacji projektu skończył "
                                  "się 30.06.2019")
    assert "1 of the target 2 osoby achieved" in warning.text("en")
    # Before the end the same shortfall is progress, not a finding.
    assert "indicator warsztaty" not in _rule_findings(project, DURING)


def test_unknown_achievement_is_info_never_a_warning() -> None:
    """Where the facts are unknown the rule says so and judges nothing."""
    found = _rule_findings(_project(), AFTER)
    assert found["indicator godziny"] == (Severity.INFO, "not-checked")
    assert found["indicator przeszkoleni"][0] is Severity.INFO
    assert "indicator objeci" not in found  # 3 of 3: reached
    assert all(severity is Severity.INFO for severity, _ in found.values())


def test_no_project_end_is_info() -> None:
    """Without a project period, a shortfall cannot be judged due."""
    project = attrs.evolve(_with(_project(), "s2", status="cancelled"), period=None)
    found = list(IndicatorsReached(as_of=AFTER).check(project))
    note = next(f for f in found if f.subject == "indicator warsztaty")
    assert note.severity is Severity.INFO and "nie jest podany" in note.message


def test_as_of_is_a_rule_parameter() -> None:
    """``as_of`` is read from a project file's [rules] (a date or Polish text)."""
    assert Rule.registry["indicators"].from_params({"as_of": date(2019, 9, 1)}) == \
        IndicatorsReached(as_of=AFTER)
    assert IndicatorsReached.from_params({"as_of": "1 września 2019"}) == \
        IndicatorsReached(as_of=AFTER)
    with pytest.raises(ValidationError, match="as_of"):
        IndicatorsReached(as_of=5)  # type: ignore[arg-type]
    assert IndicatorsReached().day() == date.today()


def test_seed_indicators_are_targets_with_unknown_achievement() -> None:
    """002's 40 staff and 003's 16 participants: targets only, so notes, no warnings."""
    ochota = opsreform.load_project(EXAMPLES / "warszawa-ochota.toml")
    [staff] = ochota.indicators
    assert (staff.target, staff.unit, staff.counts.value, staff.achieved) == (
        40, "osoby", "people-supported", None)
    swilcza = opsreform.load_project(EXAMPLES / "swilcza.toml")
    [visits] = swilcza.indicators
    assert (visits.target, sorted(visits.kinds)) == (16, ["study-visit"])
    for project in (ochota, swilcza):
        found = [f for f in opsreform.check(project) if f.rule == "indicators"]
        assert [f.severity for f in found] == [Severity.INFO]
        assert found[0].said is not None and found[0].said.key == "not-checked"


# --- reports ------------------------------------------------------------------------------


def test_delivery_report_tables() -> None:
    """Contracts in their unit, months and people in clock hours, attendance, indicators."""
    project = opsreform.load_project(DATA / "delivered.toml")
    tables = report_tables(project, "delivery", "pl")
    contracts, months, people, attendance, indicators = tables
    assert contracts.rows[0] == ["szkolenia", "godz. lekcyjne", 16, 8, 1]
    assert contracts.rows[1][0] == "bez umowy" and contracts.rows[1][3] == 3
    assert months.rows == [["2019-02", 6], ["2019-03", 3]]
    assert people.rows == [["trener", "Jan Trener", 6], ["anna", "Anna Nowak", 3],
                           ["ewa", "Ewa Kowalska", 3]]
    assert [r[0] for r in attendance.rows] == ["t#1", "s1"]
    assert attendance.rows[0][4:] == [8, None, None]  # 8 came, none named: unknown
    assert attendance.rows[1][4:] == [1, 1, "piotr"]
    assert [r[0] for r in indicators.rows] == ["przeszkoleni", "warsztaty", "godziny",
                                               "objeci"]


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
@pytest.mark.parametrize("kind", ["delivery", "indicators"])
def test_delivery_and_indicator_reports_in_every_text_format(fmt: str, kind: str) -> None:
    """The new kinds render like the others, in both languages."""
    project = _project()
    for lang, word in (("pl", "Wskaźnik"), ("en", "Indicator")):
        text = build_report(project, kind, fmt, lang)
        assert word in text and "osoby przeszkolone" in text


def test_delivery_workbook_has_a_sheet_per_table() -> None:
    """The xlsx of the delivery report holds its five tables."""
    book = load_workbook(BytesIO(build_workbook(_project(), "delivery", "pl")))
    assert len(book.sheetnames) == 5 and "Wskaźniki" in book.sheetnames


def test_indicator_report_says_as_of_and_at_least() -> None:
    """The count's day is printed; what is certain is shown as 'at least'."""
    project = _project()
    text = build_report(project, "indicators", "md", "en")
    assert f"as of: {date.today().isoformat()}" in text
    table = report_tables(project, "indicators", "en")[0]
    godziny = next(r for r in table.rows if r[0] == "godziny")
    assert godziny[5] is None and godziny[6] == 6  # unknown, at least 6
