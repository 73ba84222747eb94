"""The fast schedule rules give exactly the findings of simple reference implementations.

Each reference below is the plain session-by-session (or pair-by-pair) reading of its
rule, with no index, no columns and no shortcut; random schedules — holidays, weekends,
closures, days in lieu, study visits, cancelled sessions, several tables, contracts with
dates, hours and counts, declared breaks — must give the same findings, message for
message.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from datetime import date, time, timedelta
from fractions import Fraction

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsreform.checks import check
from opsreform.engine import Frames
from opsreform.findings import Finding, Severity
from opsreform.messages import Message
from opsreform.model.amendments import Amendment, ContractChange
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.contracts import Contract
from opsreform.model.people import Person, Profession
from opsreform.model.project import Project
from opsreform.model.sessions import (
    Attendance,
    PublishedTable,
    Session,
    SessionKind,
    SessionStatus,
    SlotBooking,
)
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.rules.engine import Rule, not_checked
from opsreform.rules.notice import Notice
from opsreform.rules.organisation import SupervisorIndependence, supervisor_findings
from opsreform.rules.schedule import (
    SCHEDULE_RULES,
    DoubleBooking,
    HoursExceeded,
    OutsidePeriod,
    PublicHoliday,
    SummerBreak,
    TableNumbering,
    Weekend,
)
from opsreform.text.dates import format_date, format_weekday
from opsreform.text.months import month_name
from opsreform.timeslots import TimeSlot
from opsreform.workcalendar import WorkCalendar

SLOTS = [TimeSlot(time(8), time(11)), TimeSlot(time(11), time(14)), TimeSlot(time(9), time(12)),
         TimeSlot(time(13), time(15)), TimeSlot(time(8), time(16))]
# Around the May holidays and weekends of 2018, the summer of 2017 (no school-holiday
# data) and of 2018, and 11 November 2017 (a Saturday holiday owed a day in lieu).
BASES = [date(2018, 4, 27), date(2017, 6, 20), date(2018, 6, 18), date(2017, 11, 6)]
KINDS = ["training", "supervision", "workshop", "study-visit"]
KIND_PL = {"training": "szkolenie", "workshop": "warsztaty", "supervision": "superwizja",
           "study-visit": "wizyta studyjna"}


@st.composite
def schedules(draw: st.DrawFn, most: int = 16, span: int = 20,
              kinds: list[str] = KINDS) -> Project:
    """Random schedules of ``most`` sessions or fewer over ``span`` days.

    Three weeks by default; two venues, three people, three contracts (hours whole or
    fractional, in lesson hours, hours or minutes); sessions with or without a table
    and a number.
    """
    base = draw(st.sampled_from(BASES))
    n = draw(st.integers(0, most))
    tables = draw(st.sampled_from([("t",), ("t", "u")]))
    sessions = []
    for i in range(n):
        kind = draw(st.sampled_from(kinds))
        first = base + timedelta(days=draw(st.integers(0, span)))
        multi = kind == "study-visit" and draw(st.booleans())
        slots: list[TimeSlot] = draw(st.lists(st.sampled_from(SLOTS), min_size=0 if multi else 1,
                                              max_size=2, unique=True))
        if len(slots) == 2 and slots[0].overlaps(slots[1]):
            slots = slots[:1]
        venues = draw(st.lists(st.sampled_from(["a", "b", None]), min_size=len(slots),
                               max_size=len(slots)))
        sessions.append(Session(
            kind=kind, title=f"S{i}",
            day=None if multi else first,
            period=Period(first, first + timedelta(days=draw(st.integers(0, 2)))) if multi
            else None,
            slots=tuple(SlotBooking(s, v) for s, v in zip(slots, venues, strict=True)),
            part=draw(st.none() | st.integers(1, 3)),
            leaders=draw(st.none() | st.lists(st.sampled_from(["x", "y", "z"]), max_size=2,
                                              unique=True)),
            attendance=Attendance(people=draw(st.lists(st.sampled_from(["x", "y", "z"]),
                                                       max_size=1))),
            contract=draw(st.sampled_from(["c", "d", "e", None])),
            table=draw(st.sampled_from([*tables, *tables, None])),
            number=draw(st.integers(1, 18) | st.none()),
            given_id=f"s{i}",
            status=draw(st.sampled_from([SessionStatus.PLANNED, SessionStatus.PLANNED,
                                         SessionStatus.DELIVERED, SessionStatus.CANCELLED]))))
    if draw(st.booleans()):
        # Published schedules are listed by date: the rules then find days by bisection.
        sessions.sort(key=lambda s: s.first_day)
    contracts = (
        Contract(id="c", title="c",
                 hours=draw(st.integers(1, 30) | st.fractions(1, 30, max_denominator=4)),
                 unit=draw(st.sampled_from(["lesson_hour", "hour", "minute"])),
                 leaders=("x",), signed=draw(st.none() | st.just(base + timedelta(days=2)))),
        Contract(id="d", title="d", sessions=draw(st.none() | st.integers(1, 6)),
                 hours=draw(st.none() | st.integers(1, 40)),
                 period=draw(st.none() | st.just(Period(base + timedelta(days=1),
                                                        base + timedelta(days=12)))),
                 leaders=draw(st.sampled_from([(), ("y",), ("x", "z")]))),
        Contract(id="e", title="e"),
    )
    breaks = draw(st.lists(st.builds(
        DeclaredBreak, kinds=st.sets(st.sampled_from(KINDS[:3]), min_size=1),
        months=st.sets(st.integers(5, 8), min_size=1),
        years=st.none() | st.just(frozenset({base.year})),
        follow_school_holidays=st.booleans()), max_size=2))
    lieu = {date(2017, 11, 11): date(2017, 11, 10)} if draw(st.booleans()) else {}
    # An amendment that moves the project's end (and contract d's) from a day in it.
    amendments = draw(st.lists(st.builds(
        Amendment, signed=st.integers(0, 20).map(lambda d: base + timedelta(days=d)),
        period=st.integers(-6, 6).map(lambda d: Period(base + timedelta(days=1),
                                                       base + timedelta(days=18 + d))),
        contracts=st.sampled_from([(), (ContractChange("d", ends=base + timedelta(
            days=16)),)])), max_size=2).map(lambda a: sorted(a, key=lambda x: x.signed)))
    return Project(
        title="P",
        amendments=amendments,
        period=draw(st.none() | st.just(Period(base + timedelta(days=1),
                                               base + timedelta(days=18)))),
        venues=(Venue("a", name="A"), Venue("b", name="B")),
        people=(Person("x", "X"), Person("y", "Y"), Person("z", "Z")), contracts=contracts,
        tables=tuple(PublishedTable(t, contract=draw(st.sampled_from([None, "d"])),
                                    published=draw(st.none() | st.just(
                                        base + timedelta(days=draw(st.integers(-3, 8))))))
                     for t in tables),
        sessions=tuple(sessions), breaks=tuple(breaks),
        calendar=WorkCalendar(closed=[base + timedelta(days=3)], days_in_lieu=lieu,
                              working_weekdays=draw(st.sampled_from([range(5), range(6),
                                                                     range(7)]))))


# --- the references: the plain reading of each rule ------------------------------------


def _active(p: Project) -> list[Session]:
    return [s for s in p.sessions if s.status is not SessionStatus.CANCELLED]


def _contract(p: Project, s: Session) -> str | None:
    if s.contract is not None:
        return s.contract
    table = next((t for t in p.tables if t.id == s.table), None)
    return table.contract if table is not None else None


def _leaders(p: Project, s: Session) -> tuple[str, ...]:
    if s.leaders is not None:
        return s.leaders
    cid = _contract(p, s)
    return p.contract(cid).leaders if cid is not None else ()


def _describe(s: Session) -> str:
    return f"{s.label} ({format_date(s.first_day)})"


def ref_summer_break(rule: Rule, p: Project) -> list[Finding]:
    """Every day of every session of a break's kinds, in the break's months or window."""
    found = []
    for declared in p.breaks:
        for s in _active(p):
            if s.kind not in declared.kinds:
                continue
            for day in s.days():
                if not declared.applies_to_year(day.year):
                    continue
                if declared.follow_school_holidays:
                    if day.year < 2018:
                        found.append(rule.finding(
                            s.subject, f"nie można sprawdzić przerwy w {day.year} r.: pakiet "
                            "holidays nie ma polskich ferii szkolnych dla tego roku", day=day))
                        break
                    inside = day in p.calendar.school_summer_break(day.year)
                    span = "wakacje szkolne"
                else:
                    inside = day.month in declared.months
                    span = ", ".join(month_name(m) for m in sorted(declared.months))
                if inside:
                    found.append(rule.finding(
                        s.subject, f"„{s.label}” ({format_date(day)}) przypada w przerwie "
                        f"zapowiedzianej przez projekt ({span}) dla rodzaju: "
                        f"{KIND_PL[s.kind.value]}", day=day))
                    break
    return found


def ref_public_holiday(rule: Rule, p: Project) -> list[Finding]:
    """Every session day that is a holiday, a closed day or a day given in lieu."""
    cal = p.calendar
    lieu = {given: holiday for holiday, given in cal.days_in_lieu.items()}
    found = []
    for s in _active(p):
        for day in s.days():
            name = cal.holiday_name(day)
            if name is not None:
                why = f"dzień ustawowo wolny od pracy ({name})"
            elif day in cal.closed:
                why = "dzień, w którym ośrodek jest nieczynny"
            elif day in lieu:
                why = (f"dzień wolny udzielony za święto {format_date(lieu[day])} "
                       "(Kodeks pracy art. 130 § 2)")
            else:
                continue
            found.append(rule.finding(s.subject, f"{_describe(s)} zaplanowano na {why}",
                                      day=day))
    return found


def ref_weekend(rule: Weekend, p: Project) -> list[Finding]:
    """Every session day on a weekday the centre does not work."""
    return [rule.finding(s.subject, f"{_describe(s)} przypada w dniu, w którym ośrodek nie "
                                    f"pracuje ({format_weekday(day)})", day=day)
            for s in _active(p) if s.kind not in rule.allowed_kinds
            for day in s.days() if p.calendar.is_weekend(day)]


def ref_outside_period(rule: Rule, p: Project) -> list[Finding]:
    """Each session against the project period and its contract's dates."""
    found = []
    if p.period is None and not any(a.period for a in p.amendments) and _active(p):
        found.append(not_checked(rule, "project", "okres realizacji projektu nie jest podany, "
                                                  "więc nie można sprawdzić względem niego sesji"))
    for s in _active(p):
        first, last = min(s.days()), max(s.days())
        period = p.period  # the period in force on the session's first day
        for amendment in p.amendments:
            if amendment.period is not None and amendment.in_force_from <= first:
                period = amendment.period
        if period is not None and (first not in period or last not in period):
            found.append(rule.finding(
                s.subject, f"{_describe(s)} wykracza poza okres realizacji projektu "
                f"{format_date(period.start)} – {format_date(period.end)}", day=first))
        cid = _contract(p, s)
        if cid is None:
            continue
        c = p.final_contract(cid)  # contracts are judged as finally amended
        if c.signed is not None and first < c.signed:
            found.append(rule.finding(
                s.subject, f"{_describe(s)} odbywa się przed zawarciem umowy {c.id} "
                f"({format_date(c.signed)})", day=first))
        elif c.first_day is not None and first < c.first_day:
            found.append(rule.finding(
                s.subject, f"{_describe(s)} odbywa się przed początkiem okresu umowy {c.id} "
                f"({format_date(c.first_day)})", day=first))
        if c.last_day is not None and last > c.last_day:
            found.append(rule.finding(
                s.subject, f"{_describe(s)} odbywa się po końcu okresu umowy {c.id} "
                f"({format_date(c.last_day)})", day=last))
    return found


def _intervals(s: Session) -> list[tuple[int, int, str | None]]:
    """(start, end, venue) of each slot in minutes; a whole day when no slot is stated."""
    if not s.slots:
        return [(0, 24 * 60, None)]
    return [(b.slot.start_minute, b.slot.end_minute, b.venue) for b in s.slots]


def ref_double_booking(rule: Rule, p: Project) -> list[Finding]:
    """All pairs of sessions; per venue or person they share at once, the first such day."""
    names = {person.id: person.name for person in p.people}
    venue_names = {v.id: str(v) for v in p.venues}
    found = []
    for first, second in itertools.combinations(_active(p), 2):
        clashes: dict[tuple[str, str], date] = {}
        for day in sorted(set(first.days()) & set(second.days())):
            for (s1, e1, v1), (s2, e2, v2) in itertools.product(_intervals(first),
                                                                  _intervals(second)):
                if not (s1 < e2 and s2 < e1):
                    continue
                if v1 is not None and v1 == v2:
                    clashes.setdefault(("venue", v1), day)
                people1 = set(_leaders(p, first)) | set(first.attendance.people)
                people2 = set(_leaders(p, second)) | set(second.attendance.people)
                for person in people1 & people2:
                    clashes.setdefault(("person", person), day)
        for (kind, resource), day in clashes.items():
            if kind == "venue":
                message = (f"miejsce {venue_names[resource]} zajęte dwa razy w tym samym "
                           f"czasie: {second.label} oraz {first.label} (sesja {first.id}), "
                           f"{format_date(day)}")
            else:
                apart = "" if set(first.venues) == set(second.venues) else " w różnych miejscach"
                message = (f"{names[resource]} ma dwie sesje w tym samym czasie{apart}: "
                           f"{second.label} oraz {first.label} (sesja {first.id}), "
                           f"{format_date(day)}")
            found.append(rule.finding(second.subject, message, day=day))
    return found


def ref_hours_exceeded(rule: Rule, p: Project) -> list[Finding]:
    """Each contract's sessions in date order, counted and summed hour by hour."""
    found = []
    unit_pl = {"lesson_hour": "godz. lekcyjnych", "hour": "godz. zegarowych", "minute": "min"}
    for c in p.contracts:
        mine = sorted((s for s in _active(p) if _contract(p, s) == c.id),
                      key=lambda s: s.first_day)
        subject = f"contract {c.id}"
        if c.hours is None and c.sessions is None:
            if mine:
                found.append(not_checked(rule, subject, "umowa nie określa ani liczby godzin, "
                                                        "ani liczby sesji"))
            continue
        if c.sessions is not None and len(mine) > c.sessions:
            extra = mine[c.sessions]
            found.append(rule.finding(
                subject, f"w ramach umowy {c.id} zaplanowano {len(mine)} sesji, a umowa "
                f"obejmuje {c.sessions}; pierwsza ponad limit to {extra.id} "
                f"({format_date(extra.first_day)})", day=extra.first_day))
        if c.hours is None:
            continue
        total = Fraction(0)
        crossed = None
        for s in mine:
            if s.hours is not None:
                total += s.hours.to(c.unit).magnitude
            if crossed is None and total > c.hours:
                crossed = s
        if crossed is not None:
            shown = (str(total.numerator) if total.denominator == 1
                     else f"{float(total):.2f}".replace(".", ","))
            limit = (str(c.hours.numerator) if c.hours.denominator == 1
                     else f"{float(c.hours):.2f}".replace(".", ","))
            found.append(rule.finding(
                subject, f"w ramach umowy {c.id} zaplanowano {shown} {unit_pl[c.unit]}, a "
                f"umowa obejmuje {limit}; limit przekroczono na sesji {crossed.id} "
                f"({format_date(crossed.first_day)})", day=crossed.first_day))
        unknown = [s.id for s in mine if s.hours is None]
        if unknown:
            found.append(not_checked(rule, subject, f"nie podano godzin {len(unknown)} sesji "
                                                    f"({', '.join(unknown[:5])})"))
    return found


def ref_numbering(rule: Rule, p: Project) -> list[Finding]:
    """Each table's numbers (cancelled rows too): every repeat, and the gaps below the top."""
    found = []
    for table in dict.fromkeys(s.table for s in p.sessions if s.table is not None):
        numbers = [s.number for s in p.sessions if s.table == table and s.number is not None]
        if not numbers:
            continue
        for number, count in sorted(Counter(numbers).items()):
            if count > 1:
                found.append(rule.finding(f"table {table}",
                                          f"numer {number} występuje {count} razy"))
        missing = [n for n in range(1, max(numbers) + 1) if n not in numbers]
        if missing:
            word = "numerów" if len(missing) > 1 else "numeru"
            found.append(rule.finding(
                f"table {table}", f"w numeracji brak {word} {', '.join(map(str, missing))} "
                f"(numeracja sięga {max(numbers)})", severity=Severity.WARNING))
    return found


def _changed(old: Session, new: Session) -> bool:
    """Whether a version changed a session: its days, hours, venues or cancellation."""
    return ((old.day, old.period) != (new.day, new.period)
            or [(b.slot.start, b.slot.end) for b in old.slots]
            != [(b.slot.start, b.slot.end) for b in new.slots]
            or old.venues != new.venues
            or (old.status is SessionStatus.CANCELLED) != (new.status is SessionStatus.CANCELLED))


def _announcing(p: Project, s: Session) -> str | None:
    """The table that announced ``s`` as it is: back through the versions while unchanged.

    Versions here share their sessions' given ids, so an earlier version of a session is
    the one with its id in the table its table supersedes.
    """
    if s.table is None:
        return None
    tables = {t.id: t for t in p.tables}
    table, current = s.table, s
    while (earlier := tables[table].supersedes) is not None:
        before = next((h for h in p.history
                       if h.table == earlier and h.given_id == current.given_id), None)
        if before is None or _changed(before, current):
            break
        table, current = earlier, before
    return table


def ref_notice(rule: Notice, p: Project) -> list[Finding]:
    """Each session's notice, from its announcing table's date to its first day."""
    found: list[Finding] = []
    undated: Counter[str] = Counter()
    shortest: dict[str, tuple[int, Session, date]] = {}
    published = {t.id: t.published for t in p.tables}
    for s in _active(p):
        table = _announcing(p, s)
        if table is None:
            continue
        when = published[table]
        if when is None:
            undated[table] += 1
            continue
        gap = (s.first_day - when).days
        notice = gap
        if rule.days == "working":
            notice = sum(1 for k in range(1, gap + 1)
                         if p.calendar.is_working_day(when + timedelta(days=k)))
            if gap <= 0:
                notice = -sum(1 for k in range(gap + 1, 1)
                              if p.calendar.is_working_day(when + timedelta(days=k)))
        facts = {"label": s.label, "first": s.first_day, "published": when, "table": table,
                 "notice": notice}
        if gap <= 0:
            found.append(rule.finding(s.subject, Message("notice.late", **facts),
                                      day=s.first_day))
        elif rule.min_days is not None:
            if notice < rule.min_days:
                found.append(rule.finding(s.subject, Message(
                    f"notice.short-{rule.days}", min_days=rule.min_days, **facts),
                    day=s.first_day))
        elif table not in shortest or notice < shortest[table][0]:
            shortest[table] = (notice, s, when)
    for table, count in undated.items():
        found.append(not_checked(rule, f"table {table}", Message(
            "notice.undated", table=table, count=count)))
    for table, (notice, s, when) in shortest.items():
        found.append(not_checked(rule, f"table {table}", Message(
            "notice.no-minimum", id=s.id, label=s.label, first=s.first_day, published=when,
            table=table, notice=notice)))
    return found


REFERENCES: list[tuple[Rule, Callable[..., list[Finding]]]] = [
    (SummerBreak(), ref_summer_break),
    (PublicHoliday(), ref_public_holiday),
    (Weekend(), ref_weekend),
    (Weekend(allowed_kinds=["study-visit", "supervision"]), ref_weekend),
    (OutsidePeriod(), ref_outside_period),
    (DoubleBooking(), ref_double_booking),
    (HoursExceeded(), ref_hours_exceeded),
    (TableNumbering(), ref_numbering),
    (Notice(), ref_notice),
    (Notice(min_days=4), ref_notice),
    (Notice(min_days=3, days="working"), ref_notice),
]


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (*f.sort_key(), f.severity.value))


@pytest.mark.parametrize(("rule", "reference"), REFERENCES, ids=lambda r: getattr(r, "id", ""))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(p=schedules())
def test_rule_matches_its_reference(rule: Rule, reference: Callable[..., list[Finding]],
                                    p: Project) -> None:
    """The fast rule gives exactly the reference's findings, message for message."""
    assert _ordered(list(rule.check(p))) == _ordered(reference(rule, p))


@pytest.mark.parametrize(("rule", "reference"), REFERENCES, ids=lambda r: getattr(r, "id", ""))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(p=schedules(most=60, span=70) | schedules(most=60, span=70, kinds=KINDS[:3]))
def test_rule_matches_its_reference_on_longer_schedules(
        rule: Rule, reference: Callable[..., list[Finding]], p: Project) -> None:
    """The same on longer schedules, with many days on a weekend, a holiday or shared.

    The rules then take their whole-column paths as well as their few-days ones.
    """
    assert _ordered(list(rule.check(p))) == _ordered(reference(rule, p))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(p=schedules())
def test_check_matches_the_references_in_order(p: Project) -> None:
    """`check` with the schedule rules gives the references' findings in its sorted order."""
    expected = [f for rule, reference in REFERENCES[:3] + REFERENCES[4:8]
                for f in reference(rule, p)]
    expected.sort(key=Finding.sort_key)
    assert check(p, SCHEDULE_RULES) == expected


def test_double_booking_reports_every_overlapping_pair() -> None:
    """Three sessions at once in one room are three pairs (not the two a one-open sweep sees)."""
    day = date(2018, 5, 8)
    sessions = tuple(
        Session(kind="training", title=f"S{i}", day=day, slots=(SlotBooking(slot, "a"),),
                table="t", number=i + 1)
        for i, slot in enumerate([TimeSlot(time(8), time(14)), TimeSlot(time(9), time(10)),
                                  TimeSlot(time(9, 30), time(11))]))
    p = Project(title="P", venues=(Venue("a", name="A"),), tables=(PublishedTable("t"),),
                sessions=sessions)
    found = list(DoubleBooking().check(p))
    assert sorted(f.subject for f in found) == ["session t#2", "session t#3", "session t#3"]
    assert _ordered(found) == _ordered(ref_double_booking(DoubleBooking(), p))


def test_multi_day_clash_is_reported_on_its_first_day() -> None:
    """Two overlapping study visits sharing a person: one finding, on the first shared day."""
    visits = tuple(
        Session(kind="study-visit", title=f"W{i}", given_id=f"w{i}", leaders=("x",),
                period=Period(date(2018, 5, 7) + timedelta(days=i), date(2018, 5, 10)))
        for i in range(2))
    early = Session(kind="training", title="T", day=date(2018, 5, 9), given_id="t",
                    slots=(SlotBooking(SLOTS[0], None),))
    p = Project(title="P", people=(Person("x", "X"),), sessions=(early, *visits))
    found = [f for f in DoubleBooking().check(p) if "W0" in f.message and "W1" in f.message]
    assert [f.date for f in found] == [date(2018, 5, 8)]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(p=schedules(), kind=st.sampled_from(KINDS))
def test_engine_frames_match_the_plain_resolution(p: Project, kind: str) -> None:
    """The engine's frames resolve contracts and leaders as the plain reading does.

    And as the model's own Project.contract_of and Project.leaders_of; its sessions
    that count, days and minutes are those of the sessions.
    """
    frames = Frames([p])
    rows = frames.active.sort("position").collect().to_dicts()
    assert [r["id"] for r in rows] == [s.id for s in _active(p)]
    assert [r["label"] for r in rows] == [s.label for s in _active(p)]
    assert [r["contract"] for r in rows] == [_contract(p, s) for s in _active(p)]
    assert [tuple(r["leaders"]) for r in rows] == [_leaders(p, s) for s in _active(p)]
    model = [p.contract_of(s) for s in _active(p)]
    assert [r["contract"] for r in rows] == [None if c is None else c.id for c in model]
    assert [tuple(r["leaders"]) for r in rows] == [p.leaders_of(s) for s in _active(p)]
    assert [r["minutes"] for r in rows] == [s.minutes for s in _active(p)]
    assert [(r["first"], r["last"]) for r in rows] == [(min(s.days()), max(s.days()))
                                                       for s in _active(p)]
    expected = {_leaders(p, s) for s in _active(p) if s.kind.value == kind}
    assert {tuple(r["leaders"]) for r in rows if r["kind"] == kind} == expected
    places = frames.places.collect().select("position", "venue").iter_rows()
    assert set(places) == {(i, v) for i, s in enumerate(p.sessions) for v in s.venues}
    bookings = frames.bookings.collect().select("position", "day", "start", "end",
                                                "minutes", "venue").iter_rows()
    assert sorted(bookings, key=repr) == sorted(
        ((i, day, *interval) for i, s in enumerate(p.sessions)
         if s.status is not SessionStatus.CANCELLED for day in s.days()
         for interval in ([(b.slot.start_minute, b.slot.end_minute,
                            b.slot.end_minute - b.slot.start_minute, b.venue)
                           for b in s.slots] or [(0, 24 * 60, 24 * 60, None)])), key=repr)
    days = frames.days.sort("position", "day").collect()
    assert list(days.select("position", "day").iter_rows()) == [
        (i, day) for i, s in enumerate(p.sessions)
        if s.status is not SessionStatus.CANCELLED for day in s.days()]


def ref_supervisor_independence(rule: Rule, p: Project) -> list[Finding]:
    """Everyone of profession supervisor, or leading an active supervision session."""
    ids = {person.id for person in p.people if person.profession is Profession.SUPERVISOR}
    for s in _active(p):
        if s.kind is SessionKind.SUPERVISION:
            ids.update(_leaders(p, s))
    centre = p.organisation.institution if p.organisation and p.organisation.institution \
        else p.beneficiary
    return [f for person in p.people if person.id in ids
            for f in supervisor_findings(rule, person, centre)]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(p=schedules(), data=st.data())
def test_supervisor_independence_matches_its_reference(p: Project, data: st.DataObject) -> None:
    """Supervisors found over the engine's frames are those of the plain reading."""
    people = tuple(
        Person(person.id, person.name,
               profession=data.draw(st.sampled_from([None, Profession.SUPERVISOR,
                                                     Profession.TRAINER])),
               employer=data.draw(st.sampled_from([None, "OPS w Michałowicach", "Firma"])),
               certified_supervisor=data.draw(st.sampled_from([None, True, False])))
        for person in p.people)
    p = attrs.evolve(p, people=people,
                     beneficiary=data.draw(st.sampled_from([None, "OPS w Michałowicach"])))
    rule = SupervisorIndependence()
    assert _ordered(list(rule.check(p))) == _ordered(ref_supervisor_independence(rule, p))
