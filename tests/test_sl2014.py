"""The SL2014 schedule of support: rows per day and slot, split addresses, Polish kinds."""

from __future__ import annotations

import csv
import io
from datetime import date, time

import pytest

from opsreform.model.project import Project
from opsreform.model.sessions import Session, SessionKind, SessionStatus, SlotBooking
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.reports.cli import build_report
from opsreform.reports.sl2014 import KIND_NAMES, StreetParts, sl2014_table, split_street
from opsreform.text.addresses import parse_address
from opsreform.timeslots import TimeSlot

MORNING = TimeSlot(time(8), time(11))
NOON = TimeSlot(time(11, 30), time(14, 30))


def _project() -> Project:
    venues = (Venue("ops", parse_address("ul. 3 Maja 12/3a 00-950 Warszawa")),
              Venue("sala", name="Sala konferencyjna"),
              Venue("mops", parse_address("al. Jana Pawła II 15, 31-864 Kraków"), "MOPS"),
              Venue("gops", name="GOPS Łańcut"))
    sessions = (
        Session(kind="training", title="Szkolenie B", day=date(2019, 3, 5), given_id="b",
                slots=(SlotBooking(NOON, "sala"), SlotBooking(MORNING, "ops"))),
        Session(kind="study-visit", title="Wizyta", period=Period(date(2019, 3, 4),
                date(2019, 3, 5)), places=("mops",), given_id="w"),
        Session(kind="study-visit", title="Wizyta 2", period=Period(date(2019, 4, 1),
                date(2019, 4, 2)), places=("mops", "gops"), given_id="w2"),
        Session(kind="supervision", title="Odwołana", day=date(2019, 3, 5), given_id="c",
                slots=(SlotBooking(MORNING, "ops"),), status=SessionStatus.CANCELLED),
        Session(kind="expert-advice", title="Doradztwo", given_id="d",
                period=Period(date(2019, 5, 6), date(2019, 5, 6)),
                slots=(SlotBooking(MORNING),)),
    )
    return Project(title="P", venues=venues, sessions=sessions)


def test_rows_per_day_and_slot() -> None:
    """Slots give a row each, study visits a row per day, in order of date and hour."""
    rows = sl2014_table(_project()).rows
    assert [r[:6] for r in rows] == [
        [1, "wizyta studyjna", "Wizyta", date(2019, 3, 4), None, None],
        [2, "wizyta studyjna", "Wizyta", date(2019, 3, 5), None, None],
        [3, "szkolenie", "Szkolenie B", date(2019, 3, 5), time(8), time(11)],
        [4, "szkolenie", "Szkolenie B", date(2019, 3, 5), time(11, 30), time(14, 30)],
        [5, "wizyta studyjna", "Wizyta 2", date(2019, 4, 1), None, None],
        [6, "wizyta studyjna", "Wizyta 2", date(2019, 4, 2), None, None],
        [7, "doradztwo eksperckie", "Doradztwo", date(2019, 5, 6), time(8), time(11)],
    ]


def test_addresses_are_split() -> None:
    """Postal code, town, street, building, flat and the place's name, each in its cell."""
    rows = sl2014_table(_project()).rows
    assert rows[0][6:] == ["31-864", "Kraków", "al. Jana Pawła II", "15", None, "MOPS"]
    assert rows[2][6:] == ["00-950", "Warszawa", "ul. 3 Maja", "12", "3a", None]
    assert rows[3][6:] == [None, None, None, None, None, "Sala konferencyjna"]
    assert rows[4][6:] == [None, None, None, None, None, "MOPS; GOPS Łańcut"]
    assert rows[6][6:] == [None] * 6  # a slot without a venue


def test_cancelled_sessions_are_left_out() -> None:
    """The cancelled supervision has no row."""
    assert all(row[2] != "Odwołana" for row in sl2014_table(_project()).rows)


def test_every_kind_has_a_polish_name() -> None:
    """Each kind of support has its Polish name (the form's value), in both languages."""
    assert set(KIND_NAMES) == set(SessionKind) and all(KIND_NAMES.values())
    english = sl2014_table(_project(), lang="en")
    assert english.headers[1] == "Kind of support" and english.rows[0][1] == "wizyta studyjna"


@pytest.mark.parametrize(("street", "parts"), [
    ("ul. Sienkiewicza 8", StreetParts("ul. Sienkiewicza", "8")),
    ("ul. 3 Maja 5", StreetParts("ul. 3 Maja", "5")),
    ("al. 11 Listopada 12B/4", StreetParts("al. 11 Listopada", "12B", "4")),
    ("Rynek", StreetParts("Rynek")),
])
def test_split_street(street: str, parts: StreetParts) -> None:
    """The building number (and flat) is split off the end of the street."""
    assert split_street(street) == parts


def test_examples(examples: dict[str, Project]) -> None:
    """Every example: one row per day and slot of each session that is not cancelled."""
    for project in examples.values():
        expected = sum(s.day_count * max(len(s.slots), 1) for s in project.sessions
                       if s.status is not SessionStatus.CANCELLED)
        table = sl2014_table(project)
        assert len(table.rows) == expected
        assert [r[0] for r in table.rows] == list(range(1, expected + 1))
        days = [(r[3], r[4] or time(0)) for r in table.rows]
        assert days == sorted(days)


def test_tarnowskie_gory_csv(examples: dict[str, Project]) -> None:
    """The CSV: one header row, dates 22.05.2018, hours 08:00, addresses split."""
    text = build_report(examples["tarnowskie-gory"], "sl2014", "csv")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    assert rows[0][:4] == ["Lp.", "Rodzaj wsparcia", "Nazwa wsparcia", "Data"]
    assert ["superwizja", "SUPERWIZJA", "22.05.2018", "08:00", "11:00", "42-600",
            "Tarnowskie Góry", "ul. Sienkiewicza", "8", "", ""] in [r[1:] for r in rows]
    assert '"42-600";"Tarnowskie Góry";"ul. Sienkiewicza";"8";;' in text
