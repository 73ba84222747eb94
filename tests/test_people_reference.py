"""``person-hours`` and the group and cross-project ``double-booking`` agree with plain readings.

Random batches of one to three projects — people with and without shared keys, groups
nested by ``part_of`` with members, sessions led, attended and attended by groups at
two venues over a month's end, engagements by FTE, by hours a month and of unknown
size — must give the findings of the plain Python below, message for message.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date, time, timedelta
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsreform.checks import check_many
from opsreform.findings import Finding, Severity
from opsreform.messages import Message
from opsreform.model.groups import Group, GroupBook
from opsreform.model.people import Person, PersonEngagement, working_minutes
from opsreform.model.project import Project
from opsreform.model.sessions import Attendance, Session, SessionStatus, SlotBooking
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.rules.engine import not_checked
from opsreform.rules.people import Absence, PersonHours
from opsreform.rules.schedule import DoubleBooking
from opsreform.timeslots import TimeSlot

SLOTS = [TimeSlot(time(8), time(11)), TimeSlot(time(10), time(14)), TimeSlot(time(11), time(16)),
         TimeSlot(time(7), time(19))]
BASE = date(2019, 4, 26)  # over the end of April (Easter Monday 22.04, 1 and 3 May)
PEOPLE = ["p", "q", "r"]
KEYS = [None, "k1", "k2"]
PERIODS = [Period(date(2019, 4, 1), date(2019, 5, 31)), Period(date(2019, 4, 15), date(2019, 5, 5)),
           Period(date(2019, 5, 2), date(2019, 5, 2))]


ABSENCES = [Period(BASE, BASE), Period(BASE + timedelta(days=3), BASE + timedelta(days=6))]


@st.composite
def engagements(draw: st.DrawFn) -> tuple[PersonEngagement, ...] | None:
    """None (unknown), or up to two engagements of known or unknown size."""
    if draw(st.booleans()):
        return None
    items = []
    for _ in range(draw(st.integers(0, 2))):
        period = draw(st.sampled_from(PERIODS))
        size = draw(st.sampled_from(["fte", "hours", "unknown"]))
        items.append(PersonEngagement(
            period, fte=draw(st.sampled_from([Fraction(1), Fraction(1, 2), Fraction(1, 3)]))
            if size == "fte" else None,
            hours_per_month=draw(st.sampled_from([Fraction(40), Fraction(1201, 10)]))
            if size == "hours" else None))
    return tuple(items)


@st.composite
def projects(draw: st.DrawFn, index: int) -> Project:
    """One centre: three people (keys from a shared pool), three groups, some sessions."""
    keys = draw(st.permutations(KEYS))
    people = tuple(Person(pid, pid.upper(), key=key, engagements=draw(engagements()),
                          absences=draw(st.lists(st.sampled_from(ABSENCES), max_size=1)))
                   for pid, key in zip(PEOPLE, keys, strict=True))
    groups = (Group("g", "G", members=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=1)))),
              Group("h", "H", part_of=draw(st.sampled_from([None, "g"])),
                    members=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=2,
                                                unique=True)))),
              Group("i", "I", part_of=draw(st.sampled_from([None, "g", "h"]))))
    sessions = []
    for n in range(draw(st.integers(0, 9))):
        slot = draw(st.sampled_from(SLOTS))
        sessions.append(Session(
            kind="training", title=f"S{n}", given_id=f"s{n}",
            day=BASE + timedelta(days=draw(st.integers(0, 8))),
            slots=(SlotBooking(slot, draw(st.sampled_from(["a", "b", None]))),),
            leaders=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True))),
            attendance=Attendance(
                groups=tuple(draw(st.lists(st.sampled_from(["g", "h", "i", "inni"]),
                                           max_size=2, unique=True))),
                people=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=1)))),
            status=draw(st.sampled_from([SessionStatus.PLANNED, SessionStatus.PLANNED,
                                         SessionStatus.CANCELLED]))))
    return Project(title=f"P{index}", venues=(Venue("a", name="A"), Venue("b", name="B")),
                   people=people, groups=groups, sessions=tuple(sessions))


# --- the plain readings ----------------------------------------------------------------


def _active(p: Project) -> list[Session]:
    return [s for s in p.sessions if s.status is not SessionStatus.CANCELLED]


def _tokens(p: Project, s: Session) -> dict[str, bool]:
    """Who is in a session: resource -> whether only through a group."""
    book = GroupBook(p.groups)
    found: dict[str, bool] = {}
    for g in p.groups_of(s):
        for part in book.within(g):
            found[f"group:{part}"] = True
        for member in book.members(g):
            found[member] = True
    for person in (*p.leaders_of(s), *s.attendance.people):
        found[person] = False
    return found


def _at_once(s: Session, t: Session) -> bool:
    return s.day == t.day and s.slots[0].slot.overlaps(t.slots[0].slot)


def _shown(p: Project, resource: str) -> str:
    if resource.startswith("group:"):
        return next(g.name for g in p.groups if g.id == resource[6:])
    return p.person(resource).name


def ref_groups(p: Project) -> list[Finding]:
    """Each pair at once, apart, sharing someone through a group: a warning on the later."""
    rule, found = DoubleBooking(), []
    active = _active(p)
    for s, t in itertools.combinations(active, 2):
        if not _at_once(s, t) or set(s.venues) == set(t.venues):
            continue
        a, b = _tokens(p, s), _tokens(p, t)
        shared = sorted(r for r in a.keys() & b.keys() if a[r] or b[r])
        if shared:
            found.append(rule.finding(t.subject, Message(
                "double-booking.group", who=_shown(p, shared[0]), id_2=t.id, label=s.label,
                label_2=t.label, id=s.id, day=s.day), day=s.day, severity=Severity.WARNING))
    return found


def ref_across(batch: list[Project], i: int) -> list[Finding]:
    """Each keyed person of project i at once in a session of another project."""
    rule, found = DoubleBooking(), []
    p = batch[i]
    for j, other in enumerate(batch):
        if j == i:
            continue
        for s in _active(p):
            mine = _tokens(p, s)
            for t in _active(other):
                if not _at_once(s, t):
                    continue
                theirs = _tokens(other, t)
                for person in p.people:
                    twin = next((o for o in other.people
                                 if person.key is not None and o.key == person.key), None)
                    if twin is None or person.id not in mine or twin.id not in theirs:
                        continue
                    via = mine[person.id] or theirs[twin.id]
                    case = "double-booking.other-project" + ("-group" if via else "")
                    found.append(rule.finding(s.subject, Message(
                        case, person=person.name, label=s.label, id=s.id, other=other.title,
                        label_2=t.label, id_2=t.id, day=s.day), day=s.day,
                        severity=Severity.WARNING if via else None))
    return found


def ref_hours(batch: list[Project], i: int) -> list[Finding]:
    """Each person-month of project i over 276 h, or not fully known; undeclared people."""
    rule, found = PersonHours(), []
    cap = 276 * 60

    def who(j: int, person: Person) -> object:
        return person.key if person.key is not None else (j, person.id)

    led: dict[object, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    engaged: dict[object, dict[date, dict[str, Fraction | None]]] = defaultdict(
        lambda: defaultdict(dict))
    where: dict[object, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
    here: dict[object, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
    for j, p in enumerate(batch):
        for s in _active(p):
            for pid in p.leaders_of(s):
                w, month = who(j, p.person(pid)), s.first_day.replace(day=1)
                led[w][month] += s.minutes or 0
                where[w][month].add(p.title)
                if j == i:
                    here[w][month].add(pid)
        for person in p.people:
            for e in person.engagements or ():
                for year, m in e.period.months():
                    month, w = date(year, m, 1), who(j, person)
                    engaged[w][month][repr(e)] = e.minutes_in(year, m)
                    where[w][month].add(p.title)
                    if j == i:
                        here[w][month].add(person.id)
    for w in sorted(where, key=repr):
        for month in sorted(where[w]):
            for pid in sorted(here[w][month]):
                sizes = list(engaged[w][month].values())
                known = sum((x for x in sizes if x is not None), Fraction(0))
                total = led[w][month] + known
                name = batch[i].person(pid).name
                hours = total / 60
                if total > cap:
                    projects = sorted(where[w][month])
                    found.append(rule.finding(f"person {pid}", Message(
                        "person-hours.over", person=name, month=month.strftime("%m.%Y"),
                        hours=hours, sessions=Fraction(led[w][month], 60), engaged=known / 60,
                        where=Message("person-hours.where", projects=projects)
                        if len(projects) > 1 else "", cap=Fraction(276)), day=month))
                elif None in sizes:
                    found.append(not_checked(rule, f"person {pid}", Message(
                        "person-hours.unknown-engagement", person=name,
                        month=month.strftime("%m.%Y"), cap=Fraction(276), hours=hours)))
    p = batch[i]
    for person in p.people:
        w = who(i, person)
        leads = any(person.id in p.leaders_of(s) for s in _active(p))
        silent = all(other.engagements is None for j, q in enumerate(batch)
                     for other in q.people if who(j, other) == w)
        if leads and silent:
            found.append(not_checked(rule, f"person {person.id}", Message(
                "person-hours.undeclared", person=person.name, cap=Fraction(276))))
    return found


def ref_absences(batch: list[Project], i: int) -> list[tuple[str, str, date | None]]:
    """Each session of project i and person in it absent (here or, by key, elsewhere)."""
    found = []
    p = batch[i]
    for s in _active(p):
        for pid in sorted(t for t in _tokens(p, s) if not t.startswith("group:")):
            person = p.person(pid)
            periods = [period for j, q in enumerate(batch) for other in q.people
                       for period in other.absences
                       if (j == i and other.id == pid)
                       or (person.key is not None and other.key == person.key)]
            if any(s.first_day in period for period in periods):
                found.append(("absence", f"session {s.id}", s.first_day))
    return found


def _key(f: Finding) -> tuple[str, str, str, str, str]:
    return (f.rule, f.severity.value, f.subject, f.message, f.date.isoformat() if f.date else "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 3).flatmap(lambda n: st.tuples(*(projects(i) for i in range(n)))))
def test_people_rules_agree_with_plain_readings(batch: tuple[Project, ...]) -> None:
    """person-hours, absence and the group and cross-project double-bookings agree."""
    results = check_many(batch, rules=[DoubleBooking(), PersonHours()])
    for i, result in enumerate(results):
        got = sorted(_key(f) for f in result.findings
                     if f.rule == "person-hours" or (f.said is not None
                     and f.said.key.startswith(("double-booking.group",
                                                "double-booking.other-project"))))
        want = sorted(_key(f) for f in (*ref_groups(batch[i]), *ref_across(list(batch), i),
                                         *ref_hours(list(batch), i)))
        assert got == want
    for i, result in enumerate(check_many(batch, rules=[Absence()])):
        assert sorted((f.rule, f.subject, f.date) for f in result.findings) == sorted(
            ref_absences(list(batch), i))


def test_the_norm_is_weekdays_without_holidays() -> None:
    """working_minutes: 8 h for each Monday-Friday that is no public holiday."""
    import holidays

    for year, month in itertools.product((2018, 2019, 2020), range(1, 13)):
        period = Period.month(year, month)
        days = [d for d in period.dates()
                if d.weekday() < 5 and d not in holidays.country_holidays("PL", years=year)]
        assert working_minutes(period) == 480 * len(days)
