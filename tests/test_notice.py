"""The notice rule: sessions announced on or after their day, or with less than a minimum."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsreform.checks import check
from opsreform.exceptions import ProjectFileError, ValidationError
from opsreform.files.project import load_project, loads_project
from opsreform.findings import Finding, Severity
from opsreform.model.project import Project
from opsreform.model.sessions import PublishedTable, Session, SessionStatus
from opsreform.periods import Period
from opsreform.rules.notice import Notice
from tests.conftest import EXAMPLES
from tests.test_rules_reference import ref_notice, schedules

DATA = Path(__file__).parent / "data" / "versions"


def _notice(project: Project, rule: Notice | None = None) -> list[Finding]:
    return check(project, (rule or Notice(),))


def test_the_three_days_notice_of_001_is_told() -> None:
    """001's table of 16.01.2018 opens with a session three days later: the shortest, told."""
    project = load_project(EXAMPLES / "tarnowskie-gory.toml")
    found = {f.subject: f for f in _notice(project)}
    assert set(found) == {"table 2018-01-16", "table 2018-01-superwizja", "table 2018-05-07"}
    first = found["table 2018-01-16"]
    assert first.severity is Severity.INFO
    assert "najkrótsze w harmonogramie z 16.01.2018: 3 dni" in first.message
    assert "(19.01.2018, sesja 2018-01-16#1)" in first.message
    assert "3 days" in first.text("en")
    # The supervision table of January carries no date: it cannot be judged, said once.
    undated = found["table 2018-01-superwizja"]
    assert undated.severity is Severity.INFO and "nie ma daty publikacji" in undated.message
    # No minimum is invented: nothing in the example is a warning or an error.
    assert all(f.severity is Severity.INFO for f in found.values())


def test_a_minimum_makes_the_three_days_a_warning() -> None:
    """With `[rules.notice] min_days = 7` the session of 19.01.2018 is too late; others not."""
    project = load_project(EXAMPLES / "tarnowskie-gory.toml")
    found = _notice(project, Notice(min_days=7))
    warned = [f for f in found if f.severity is Severity.WARNING]
    assert [f.subject for f in warned] == ["session 2018-01-16#1"]
    assert warned[0].date == date(2018, 1, 19)
    assert warned[0].message.startswith("KODEKS POSTĘPOWANIA ADMINISTRACYJNEGO")
    assert "z wyprzedzeniem 3 dni" in warned[0].message and "co najmniej 7 dni" in (
        warned[0].message)


def test_working_days_follow_the_calendar() -> None:
    """Tuesday 16.01 to Friday 19.01 is three working days; two are required then passes."""
    project = load_project(EXAMPLES / "tarnowskie-gory.toml")
    found = _notice(project, Notice(min_days=4, days="working"))
    [warned] = [f for f in found if f.severity is Severity.WARNING]
    assert "3 dni roboczych" in warned.message
    assert not [f for f in _notice(project, Notice(min_days=3, days="working"))
                if f.severity is Severity.WARNING]


def test_a_session_on_the_day_of_publication_is_a_warning() -> None:
    """The version of 14.09.2018 adds a session on 14.09.2018: nobody could plan for it."""
    project = load_project(DATA / "chain.toml")
    found = _notice(project)
    warned = [f for f in found if f.severity is Severity.WARNING]
    assert [(f.subject, f.date) for f in warned] == [("session 2018-09-14#6",
                                                     date(2018, 9, 14))]
    assert "w dniu zajęć lub po nich" in warned[0].message


def test_notice_runs_from_the_version_that_last_changed_a_session() -> None:
    """Unchanged sessions keep their first table's notice; changed ones count from the new."""
    project = load_project(DATA / "chain.toml")
    found = _notice(project, Notice(min_days=7))
    short = sorted(f.subject for f in found if "ogłoszono z wyprzedzeniem" in f.message)
    # C (19.09, re-timed) and D (20.09, another venue) count from 14.09: 5 and 6 days.
    # A (17.09) is unchanged since 03.09 (14 days); B moved to 25.09 (11 days from 14.09);
    # E is cancelled and counts for nothing.
    assert short == ["session 2018-09-14#3", "session 2018-09-14#4"]
    infos = {f.subject: f.message for f in _notice(project) if f.severity is Severity.INFO}
    assert "najkrótsze w harmonogramie z 03.09.2018: 14 dni" in infos["table 2018-09-03"]
    assert "najkrótsze w harmonogramie z 14.09.2018: 5 dni" in infos["table 2018-09-14"]


def test_an_undated_table_is_noted_once_never_an_error() -> None:
    """A table without a publication date: one info for the table, however many sessions."""
    project = load_project(DATA / "inline.toml")
    found = _notice(project, Notice(min_days=30))
    # sup-1 moved in t2 (undated), so t2 announced it: its notice is unknown.
    assert [(f.severity, f.subject) for f in found] == [(Severity.INFO, "table t2")]
    assert "(1)" in found[0].message


def test_min_days_read_from_the_project_file() -> None:
    """`[rules.notice]` sets the minimum and the counting; a wrong value is a placed error."""
    text = (DATA / "chain.toml").read_text(encoding="utf-8")
    project = loads_project(text + '\n[rules.notice]\nmin_days = 7\ndays = "working"\n',
                            base=DATA)
    assert project.rules is not None
    [rule] = [r for r in project.rules if isinstance(r, Notice)]
    assert (rule.min_days, rule.days) == (7, "working")
    for bad in ("min_days = -1", 'min_days = "7"', 'days = "business"', "weeks = 2"):
        with pytest.raises(ProjectFileError, match=r"notice") as caught:
            loads_project(text + f"\n[rules.notice]\n{bad}\n", base=DATA)
        assert caught.value.line is not None


def test_notice_parameters_are_validated() -> None:
    """A rule with a wrong minimum or way of counting cannot be built."""
    with pytest.raises(ValidationError):
        Notice(min_days=-2)
    with pytest.raises(ValidationError):
        Notice(days="weeks")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Notice(min_days=True)


@st.composite
def versioned(draw: st.DrawFn) -> Project:
    """A random schedule whose table ``t`` replaces an earlier version ``t0``.

    The earlier version holds some of ``t``'s sessions (same given id), each unchanged,
    moved a day, re-timed away, or with the other cancellation status.
    """
    project = draw(schedules())
    mine = [s for s in project.sessions if s.table == "t"]
    earlier: list[Session] = []
    for session in mine:
        how = draw(st.sampled_from(["same", "same", "moved", "status", "absent", "slots"]))
        if how == "absent":
            continue
        old = attrs.evolve(session, table="t0")
        if how == "moved":
            shift = timedelta(days=draw(st.sampled_from([-2, -1, 1])))
            old = attrs.evolve(old, day=None if session.day is None else session.day + shift,
                               period=None if session.period is None else Period(
                                   session.period.start + shift, session.period.end + shift))
        elif how == "status":
            old = attrs.evolve(old, status=SessionStatus.PLANNED
                               if session.status is SessionStatus.CANCELLED
                               else SessionStatus.CANCELLED)
        elif how == "slots" and len(session.slots) > 1:
            old = attrs.evolve(old, slots=session.slots[:1])  # the new version adds a slot
        earlier.append(old)
    base = min((s.first_day for s in project.sessions), default=date(2018, 5, 1))
    first = PublishedTable("t0", published=draw(st.none() | st.just(
        base - timedelta(days=draw(st.integers(0, 10))))))
    tables = tuple(attrs.evolve(t, supersedes="t0") if t.id == "t" else t
                   for t in project.tables)
    return attrs.evolve(project, tables=(first, *tables),
                        sessions=(*project.sessions, *earlier))


@pytest.mark.parametrize("rule", [Notice(), Notice(min_days=5),
                                  Notice(min_days=4, days="working")], ids=str)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(p=versioned())
def test_notice_through_versions_matches_its_reference(rule: Notice, p: Project) -> None:
    """With versions the engine's notices are the plain reference's, finding for finding."""
    assert sorted(rule.check(p), key=repr) == sorted(ref_notice(rule, p), key=repr)
