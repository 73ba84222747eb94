"""The iCalendar export carries changes: DTSTAMP of the export, SEQUENCE, cancellations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
import vobject

from opsreform.cli import main
from opsreform.exceptions import ValidationError
from opsreform.model.project import Project
from opsreform.model.sessions import SessionStatus
from opsreform.reports.ical import event_sequence, to_ical
from tests.conftest import EXAMPLES

STAMP = datetime(2018, 6, 1, 8, 30, tzinfo=UTC)


def _read(data: bytes) -> vobject.base.Component:
    """Read with vobject, an implementation independent of the one that wrote the file."""
    return vobject.readOne(data.decode("utf-8"))


def _cancel(project: Project, session_id: str) -> Project:
    sessions = tuple(attrs.evolve(s, status=SessionStatus.CANCELLED) if s.id == session_id
                     else s for s in project.sessions)
    return attrs.evolve(project, sessions=sessions)


def test_dtstamp_is_the_time_of_export(examples: dict[str, Project]) -> None:
    """Without a stamp, every DTSTAMP is now (UTC); with one, exactly that, in UTC."""
    before = datetime.now(UTC).replace(microsecond=0)
    calendar = _read(to_ical(examples["tarnowskie-gory"]))
    after = datetime.now(UTC)
    stamps = {e.dtstamp.value for e in calendar.vevent_list}
    assert len(stamps) == 1
    [stamp] = stamps
    assert stamp.utcoffset() == timedelta(0) and before <= stamp <= after
    warsaw_noon = datetime(2018, 6, 1, 10, 30, tzinfo=timezone(timedelta(hours=2)))
    fixed = _read(to_ical(examples["tarnowskie-gory"], stamp=warsaw_noon))
    assert {e.dtstamp.value for e in fixed.vevent_list} == {STAMP}
    assert b"DTSTAMP:20180601T083000Z" in to_ical(examples["swilcza"], stamp=STAMP)


def test_naive_stamp_is_refused(examples: dict[str, Project]) -> None:
    """A stamp without a time zone is ambiguous: refused, not guessed."""
    with pytest.raises(ValidationError, match="time zone"):
        to_ical(examples["swilcza"], stamp=datetime(2018, 6, 1))


def test_method_publish_and_sequence_from_the_table(examples: dict[str, Project]) -> None:
    """METHOD:PUBLISH; SEQUENCE is 0 for a session no version changed."""
    project = examples["tarnowskie-gory"]
    calendar = _read(to_ical(project, stamp=STAMP))
    assert calendar.method.value == "PUBLISH"
    by_table: dict[str, set[int]] = {}
    for event in calendar.vevent_list:
        table = event.uid.value.split("#")[0]
        by_table.setdefault(table, set()).add(int(event.sequence.value))
    assert by_table == {"2018-01-16": {0}, "2018-01-superwizja": {0}, "2018-05-07": {0}}
    assert all(e.status.value == "CONFIRMED" for e in calendar.vevent_list)


def test_cancelled_session_is_sent_as_cancelled(examples: dict[str, Project]) -> None:
    """A cancelled session stays, as STATUS:CANCELLED with a higher SEQUENCE, same UIDs."""
    project = examples["tarnowskie-gory"]
    before = _read(to_ical(project, stamp=STAMP))
    changed = _cancel(project, "2018-05-07#1")
    after = _read(to_ical(changed, stamp=STAMP + timedelta(days=1)))
    assert len(after.vevent_list) == len(before.vevent_list) == 33
    old = {e.uid.value: e for e in before.vevent_list}
    cancelled = [e for e in after.vevent_list if e.status.value == "CANCELLED"]
    assert [e.uid.value for e in cancelled] == ["2018-05-07#1-1@nowy-model-lepsza-jakosc"
                                                ".opsreform", "2018-05-07#1-2@nowy-model-"
                                                "lepsza-jakosc.opsreform"]
    for event in cancelled:
        assert int(event.sequence.value) == int(old[event.uid.value].sequence.value) + 1
        assert event.summary.value == "ODWOŁANE: SUPERWIZJA"
    english = _read(to_ical(changed, stamp=STAMP, lang="en"))
    assert {e.summary.value for e in english.vevent_list if e.status.value == "CANCELLED"
            } == {"CANCELLED: SUPERWIZJA"}


def test_a_cancellation_in_place_raises_the_sequence(examples: dict[str, Project]) -> None:
    """Cancelling a session without a new version raises its SEQUENCE by one."""
    project = examples["tarnowskie-gory"]
    session = next(s for s in project.sessions if s.table == "2018-05-07")
    cancelled = _cancel(project, session.id)
    [cancelled_session] = [s for s in cancelled.sessions if s.id == session.id]
    assert event_sequence(cancelled, cancelled_session) == event_sequence(project, session) + 1


def test_ical_command_lang(tmp_path: object, capsys: pytest.CaptureFixture[bytes]) -> None:
    """`opsreform ical --lang en` is accepted and writes a calendar."""
    assert main(["ical", str(EXAMPLES / "swilcza.toml"), "--lang", "en"]) == 0
    assert "METHOD:PUBLISH" in capsys.readouterr().out


def test_descriptions_are_polish_by_default(examples: dict[str, Project]) -> None:
    """DESCRIPTION names the kind, the session, its table and contract in Polish (en: English)."""
    project = examples["tarnowskie-gory"]
    polish = _read(to_ical(project, stamp=STAMP))
    by_uid = {e.uid.value.split("@")[0]: e.description.value for e in polish.vevent_list}
    assert by_uid["2018-05-07#6-1"] == (
        "superwizja; sesja 2018-05-07#6; harmonogram z 7 maja 2018; umowa: realizacja 156 "
        "godzin lekcyjnych superwizji pracy socjalnej dla pracowników MOPS w Tarnowskich "
        "Górach; prowadzi: superwizor pracy socjalnej (nazwisko nie podane w dokumencie)")
    assert by_uid["2018-01-16#1-1"].startswith(
        "szkolenie; sesja 2018-01-16#1; harmonogram z 16 stycznia 2018; umowa: ")
    assert by_uid["2018-01-16#7-1"].startswith("warsztaty; sesja 2018-01-16#7;")
    english = _read(to_ical(project, stamp=STAMP, lang="en"))
    by_uid = {e.uid.value.split("@")[0]: e.description.value for e in english.vevent_list}
    assert by_uid["2018-05-07#6-1"].startswith(
        "supervision; session 2018-05-07#6; table of 7 May 2018; contract: realizacja")
    assert by_uid["2018-05-07#6-1"].endswith("; led by: superwizor pracy socjalnej "
                                             "(nazwisko nie podane w dokumencie)")
    assert not any(d.startswith(("superwizja", "szkolenie", "warsztaty")) or "sesja " in d
                   for d in by_uid.values())
    assert by_uid["2018-01-superwizja#1-1"].startswith(
        "supervision; session 2018-01-superwizja#1; table 2018-01-superwizja; ")


def test_description_of_a_session_without_table(examples: dict[str, Project]) -> None:
    """Świlcza's study visits: the kind, the id and the activity; nothing invented."""
    calendar = _read(to_ical(examples["swilcza"], stamp=STAMP))
    assert {e.description.value for e in calendar.vevent_list} == {
        "wizyta studyjna; sesja wizyta-1; działanie 3-1",
        "wizyta studyjna; sesja wizyta-2; działanie 3-1"}


def test_project_without_sessions_is_refused(examples: dict[str, Project], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """No sessions: an error saying so (exit 2 from the command), never an empty calendar."""
    with pytest.raises(ValueError, match="nie ma czego eksportować do kalendarza"):
        to_ical(examples["michalowice"])
    with pytest.raises(ValueError, match="nothing to export to a calendar"):
        to_ical(examples["michalowice"], lang="en")
    out = tmp_path / "m.ics"
    assert main(["ical", str(EXAMPLES / "michalowice.toml"), "-o", str(out)]) == 2
    assert "brak zajęć w harmonogramie" in capsys.readouterr().err
    assert not out.exists()
