"""The schedule rules: breaks, holidays, weekends, periods, double bookings, hours, numbering.

Each rule is a small frozen class; its fields are its parameters. Every rule is linear
in the number of sessions, or ``n log n`` where it sorts (overlaps are found by sorting
the bookings of each day, never by comparing all pairs).
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from fractions import Fraction
from itertools import compress, islice, repeat

import attrs

from opsreform.exceptions import ValidationError
from opsreform.findings import Finding, Severity
from opsreform.model._validators import to_kinds
from opsreform.model.activities import Activity
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.contracts import Contract
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SessionKind, shared_count
from opsreform.periods import Period
from opsreform.rules._columns import ScheduleColumns, days_off, schedule_columns
from opsreform.rules._index import schedule_index
from opsreform.rules.engine import Rule, not_checked
from opsreform.text.dates import format_date, format_weekday
from opsreform.text.months import month_name
from opsreform.units import minutes_per

__all__ = [
    "SCHEDULE_RULES",
    "DoubleBooking",
    "HoursExceeded",
    "OutsidePeriod",
    "PublicHoliday",
    "SummerBreak",
    "TableNumbering",
    "Weekend",
]

_KIND_PL = {
    SessionKind.TRAINING: "szkolenie",
    SessionKind.WORKSHOP: "warsztaty",
    SessionKind.SUPERVISION: "superwizja",
    SessionKind.STUDY_VISIT: "wizyta studyjna",
    SessionKind.EXPERT_ADVICE: "doradztwo eksperckie",
    SessionKind.OTHER: "wsparcie",
}


_MONTH = operator.attrgetter("month")


def _describe(session: Session) -> str:
    return f"{session.label} ({format_date(session.first_day)})"


@attrs.frozen
class SummerBreak(Rule):
    """No session of a kind the project suspends during its declared break.

    The break is the project's own (see :class:`~opsreform.model.breaks.DeclaredBreak`);
    a project that declares none has none.
    """

    id = "summer-break"
    description = "Sessions respect the breaks the project declares (e.g. summer)."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each session held during a declared break."""
        if not project.breaks:
            return
        cols = schedule_columns(project)
        sessions = cols.sessions
        for declared in project.breaks:
            for i in self._candidates(project, cols, declared):
                session = sessions[i]
                for day in session.days():
                    try:
                        inside = declared.covers(day, project.calendar)
                    except ValidationError:
                        yield self.finding(
                            session.subject,
                            f"nie można sprawdzić przerwy w {day.year} r.: pakiet "
                            "holidays nie ma polskich ferii szkolnych dla tego roku",
                            day=day)
                        break
                    if inside:
                        months = ", ".join(month_name(m) for m in sorted(declared.months))
                        span = "wakacje szkolne" if declared.follow_school_holidays else months
                        yield self.finding(
                            session.subject,
                            f"„{session.label}” ({format_date(day)}) przypada w przerwie "
                            f"zapowiedzianej przez projekt ({span}) dla rodzaju: "
                            f"{_KIND_PL[session.kind]}",
                            day=day)
                        break

    def _candidates(self, project: Project, cols: ScheduleColumns, declared: DeclaredBreak,
                    ) -> list[int]:
        """Positions of the sessions that may be in the break (a superset; in order)."""
        of_kind = map(declared.kinds.__contains__, cols.kinds)
        if cols.multi:  # study visits span days: look at every session of the kinds
            return list(compress(range(len(cols.days)), of_kind))
        if declared.follow_school_holidays:
            inside: set[date] = set()
            for year in cols.years():
                if not declared.applies_to_year(year):
                    continue
                window = self._school_break(project, year)
                if window is None:  # every session of that year gets its note
                    return list(compress(range(len(cols.days)), of_kind))
                inside.update(window.dates())
            in_break = map(inside.__contains__, cols.days)
        else:
            in_break = map(declared.months.__contains__, map(_MONTH, cols.days))
        return list(compress(range(len(cols.days)), map(operator.and_, of_kind, in_break)))

    @staticmethod
    def _school_break(project: Project, year: int) -> Period | None:
        try:
            found: Period = project.calendar.school_summer_break(year)
        except ValidationError:
            return None
        return found


@attrs.frozen
class PublicHoliday(Rule):
    """No session on a Polish public holiday or on a day the centre declared closed."""

    id = "public-holiday"
    description = "No session on a public holiday or a day the centre is closed."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each session day that is a holiday or a closed day."""
        cols = schedule_columns(project)
        dayset = cols.dayset
        if not dayset:
            return
        cal = project.calendar
        closed = cal.closed
        lieu = {given: holiday for holiday, given in cal.days_in_lieu.items()}
        bad = dayset.intersection(closed)
        bad.update(dayset.intersection(lieu))
        for year in cols.years():
            bad.update(dayset.intersection(cal.holidays_of(year)))
        if not bad:
            return  # the usual schedule: no session on any of those days
        sessions = cols.sessions
        for i in cols.touching(bad):
            session = sessions[i]
            days = (session.day,) if session.day is not None else session.days()
            for day in days:
                if day not in bad:
                    continue
                name = cal.holidays_of(day.year).get(day)
                if name is not None:
                    why = f"dzień ustawowo wolny od pracy ({name})"
                elif day in closed:
                    why = "dzień, w którym ośrodek jest nieczynny"
                else:
                    why = (f"dzień wolny udzielony za święto {format_date(lieu[day])} "
                           "(Kodeks pracy art. 130 § 2)")
                yield self.finding(session.subject,
                                   f"{_describe(session)} zaplanowano na {why}", day=day)


@attrs.frozen
class Weekend(Rule):
    """No session on a day of the week the centre does not work (Saturday, Sunday).

    Attributes:
        allowed_kinds: Kinds that may be held at weekends (for example study visits,
            when a project plans them so).

    """

    id = "weekend"
    description = "No session at the weekend (on days the centre does not work)."
    severity = Severity.WARNING
    allowed_kinds: frozenset[SessionKind] = attrs.field(
        factory=frozenset, converter=to_kinds
    )

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each session day at the weekend."""
        off = frozenset(range(7)) - project.calendar.working_weekdays
        cols = schedule_columns(project)
        if not off or not cols.dayset:
            return
        years = cols.years()
        hits = cols.dayset & days_off(years.start, years.stop - 1, off)
        if not hits:
            return  # the usual schedule: every session on a working weekday
        allowed = self.allowed_kinds
        sessions = cols.sessions
        for i in cols.touching(hits):
            session = sessions[i]
            if session.kind in allowed:
                continue
            days = (session.day,) if session.day is not None else session.days()
            for day in days:
                if day in hits:
                    yield self.finding(
                        session.subject,
                        f"{_describe(session)} przypada w dniu, w którym ośrodek nie pracuje "
                        f"({format_weekday(day)})", day=day)


@attrs.frozen
class OutsidePeriod(Rule):
    """Every session lies within the project period and within its contract's dates."""

    id = "outside-period"
    description = "Sessions lie within the project period and their contract's period."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each session day outside the project or contract dates."""
        cols = schedule_columns(project)
        index = cols.index
        if project.period is None and index.sessions:
            yield not_checked(self, "project",
                              "okres realizacji projektu nie jest podany, więc nie można "
                              "sprawdzić względem niego sesji")
        start = project.period.start if project.period is not None else None
        end = project.period.end if project.period is not None else None
        windows = {cid: (c.signed, c.first_day, c.last_day) for cid, c in index.contracts.items()}
        if not self._may_leave(cols, start, end, windows):
            return  # the usual schedule: every session within every window
        for session, contract_id in zip(index.sessions, index.contract_ids, strict=True):
            first = session.day if session.day is not None else session.first_day
            last = first if session.period is None else session.period.end
            if start is not None and end is not None and (first < start or last > end):
                yield self.finding(
                    session.subject,
                    f"{_describe(session)} wykracza poza okres realizacji projektu "
                    f"{format_date(start)} – {format_date(end)}", day=first)
            if contract_id is None or contract_id not in windows:
                continue
            signed, opens, closes = windows[contract_id]
            if ((signed is not None and first < signed) or (opens is not None and first < opens)
                    or (closes is not None and last > closes)):
                yield from self._against_contract(session, index.contracts[contract_id])

    @staticmethod
    def _may_leave(cols: ScheduleColumns, start: date | None, end: date | None,
                   windows: dict[str, tuple[date | None, date | None, date | None]]) -> bool:
        """Whether any session may lie outside the project's or its contract's dates."""
        if cols.first is None or cols.last is None:
            return False
        if start is not None and end is not None and (cols.first < start or cols.last > end):
            return True
        for cid, (signed, opens, closes) in windows.items():
            bounds = [b for b in (signed, opens) if b is not None]
            if not bounds and closes is None:
                continue
            ids = cols.index.contract_ids  # built only when a contract has dates
            chosen = list(map(operator.eq, ids, repeat(cid)))
            days = [d for d in compress(cols.days, chosen) if d is not None]
            for i in compress(range(len(ids)), chosen):
                period = cols.sessions[i].period
                if period is not None:
                    days.extend((period.start, period.end))
            if days and ((bounds and min(days) < max(bounds))
                         or (closes is not None and max(days) > closes)):
                return True
        return False

    def _against_contract(self, session: Session, contract: Contract) -> Iterator[Finding]:
        first_day = session.first_day
        last_day = session.period.end if session.period else first_day
        if contract.signed is not None and first_day < contract.signed:
            yield self.finding(
                session.subject,
                f"{_describe(session)} odbywa się przed zawarciem umowy {contract.id} "
                f"({format_date(contract.signed)})", day=first_day)
        elif contract.first_day is not None and first_day < contract.first_day:
            yield self.finding(
                session.subject,
                f"{_describe(session)} odbywa się przed początkiem okresu umowy "
                f"{contract.id} ({format_date(contract.first_day)})", day=first_day)
        if contract.last_day is not None and last_day > contract.last_day:
            yield self.finding(
                session.subject,
                f"{_describe(session)} odbywa się po końcu okresu umowy {contract.id} "
                f"({format_date(contract.last_day)})", day=last_day)


@attrs.frozen
class DoubleBooking(Rule):
    """One venue, or one person, is not in two sessions at overlapping times on one day.

    A person also cannot be at two venues at once. Slots are half-open: 08.00-11.00 and
    11.00-14.00 touch but do not overlap. A multi-day session without stated hours
    (a study visit) takes its people for the whole of each of its days.

    Each pair of sessions that clash is reported once per venue or person they share, on
    the first day they clash, about the one that comes later in the project's list.
    """

    id = "double-booking"
    description = "No venue and no person is booked twice at the same time."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each pair of sessions that share a venue or a person at once."""
        cols = schedule_columns(project)
        # Two sessions can clash only on a day both take; most schedules have one session
        # a day, and then there is nothing to look at.
        shared = cols.shared_days()
        if not shared:
            return
        index = cols.index
        # Bookings of each (day, venue) and (day, person); a key is looked at again only
        # when a second session books it (a session's own slots never clash: they are
        # validated not to overlap).
        buckets: dict[tuple[date, str], list[tuple[int, int, int]]] = {}
        twice: set[tuple[date, str]] = set()

        def book(key: tuple[date, str], interval: tuple[int, int, int]) -> None:
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [interval]
            else:
                if bucket[-1][2] != interval[2]:
                    twice.add(key)
                bucket.append(interval)

        for i in cols.touching(shared):
            session, leaders = index.sessions[i], index.leaders_at(i)
            people = leaders + session.attendance.people if session.attendance.people else leaders
            days = (session.day,) if session.day is not None else tuple(session.days())
            for day in days:
                if day not in shared:
                    continue
                if not session.slots:
                    for person in people:
                        book((day, "person:" + person), (0, 24 * 60, i))
                for booking in session.slots:
                    slot = booking.slot
                    interval = (slot.start_minute, slot.end_minute, i)
                    if booking.venue is not None:
                        book((day, "venue:" + booking.venue), interval)
                    for person in people:
                        book((day, "person:" + person), interval)
        if twice:
            yield from self._report(project, index.sessions,
                                    {key: buckets[key] for key in sorted(twice)})

    def _report(self, project: Project, sessions: Sequence[Session],
                groups: dict[tuple[date, str], list[tuple[int, int, int]]],
                ) -> Iterator[Finding]:
        """One finding per resource and pair of sessions, on the first day they clash."""
        names = {p.id: p.name for p in project.people}
        venues = {v.id: v for v in project.venues}
        written: dict[str, str] = {}  # a venue's text, written once per report
        seen: set[tuple[str, int, int]] = set()
        for (day, tagged), intervals in groups.items():
            kind, _, resource = tagged.partition(":")
            for a, b in _overlaps(intervals):
                if (tagged, a, b) in seen:
                    continue
                seen.add((tagged, a, b))
                first, second = sessions[a], sessions[b]
                if kind == "venue":
                    where = written.get(resource)
                    if where is None:
                        where = written[resource] = (
                            str(venues[resource]) if resource in venues else resource)
                    yield self.finding(
                        second.subject,
                        f"miejsce {where} zajęte dwa razy w tym "
                        f"samym czasie: {second.label} oraz {first.label} (sesja {first.id}), "
                        f"{format_date(day)}", day=day)
                else:
                    apart = " w różnych miejscach" if set(first.venues) != set(
                        second.venues) else ""
                    yield self.finding(
                        second.subject,
                        f"{names.get(resource, resource)} ma dwie sesje w tym samym "
                        f"czasie{apart}: {second.label} oraz {first.label} (sesja "
                        f"{first.id}), {format_date(day)}", day=day)


def _overlaps(intervals: list[tuple[int, int, int]]) -> Iterator[tuple[int, int]]:
    """Yield each pair ``(a, b)``, ``a < b``, of different sessions whose intervals overlap.

    The intervals are ``(start, end, position)``; after a sort by start, an interval
    overlaps the following ones only until one starts at or after its end.
    """
    intervals.sort()
    for n, (_start, end, a) in enumerate(intervals):
        for start, _end, b in intervals[n + 1:]:
            if start >= end:
                break
            if a != b:
                yield (a, b) if a < b else (b, a)


@attrs.frozen
class HoursExceeded(Rule):
    """No contract has more hours (or sessions) scheduled than it holds."""

    id = "hours-exceeded"
    description = "Scheduled hours and sessions stay within each contract's."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding at the session where a contract's hours or count run out."""
        index = schedule_index(project)
        totals = index.contract_totals()
        for contract in project.contracts:
            found = totals.get(contract.id)
            if contract.hours is None and contract.sessions is None:
                if found is not None:
                    yield not_checked(self, f"contract {contract.id}",
                                      "umowa nie określa ani liczby godzin, ani liczby "
                                      "sesji")
                continue
            if found is None:
                continue  # nothing scheduled under it
            count, minutes = found
            over_count = contract.sessions is not None and count > contract.sessions
            hours = contract.hours
            # Exact integers: minutes > hours × minutes-per-unit, cross-multiplied, with
            # no quantity and no Fraction built on this path.
            unknown = hours is not None and minutes is None
            if hours is not None and minutes is not None:
                per = minutes_per(contract.unit)
                over_hours = (minutes * hours.denominator * per.denominator
                              > hours.numerator * per.numerator)
            else:
                over_hours = False
            if not (over_count or over_hours or unknown):
                continue  # the usual case: within the contract, no need to sort
            sessions = sorted((s for s, cid in zip(index.sessions, index.contract_ids,
                                                   strict=True)
                               if cid == contract.id), key=lambda s: s.first_day)
            if over_count:
                extra = sessions[contract.sessions]  # type: ignore[index]
                yield self.finding(
                    f"contract {contract.id}",
                    f"w ramach umowy {contract.id} zaplanowano {len(sessions)} sesji, a umowa "
                    f"obejmuje {contract.sessions}; pierwsza ponad limit to {extra.id} "
                    f"({format_date(extra.first_day)})", day=extra.first_day)
            limit = contract.limit_minutes
            if limit is not None:
                yield from self._hours(contract, sessions, limit)

    def _hours(self, contract: Contract, sessions: list[Session], limit: Fraction,
               ) -> Iterator[Finding]:
        total = 0
        unknown = [s.id for s in sessions if s.minutes is None]
        crossed: Session | None = None
        for session in sessions:
            total += session.minutes or 0
            if crossed is None and total > limit:
                crossed = session
        if crossed is not None:
            yield self.finding(
                f"contract {contract.id}",
                f"w ramach umowy {contract.id} zaplanowano {_fmt(contract.in_unit(total))} "
                f"{_unit_pl(contract.unit)}, a umowa obejmuje "
                f"{_fmt(contract.hours or Fraction(0))}; limit przekroczono na sesji "
                f"{crossed.id} ({format_date(crossed.first_day)})", day=crossed.first_day)
        if unknown:
            yield not_checked(self, f"contract {contract.id}",
                              f"nie podano godzin {len(unknown)} sesji "
                              f"({', '.join(unknown[:5])})")


_COUNTING: list[int] = []


def _one_to(n: int) -> list[int]:
    """The list ``[1, 2, … n]`` (one list kept and grown, sliced for each table).

    Its ints are those session numbers share, so comparing a table's numbers with it
    is mostly identity tests.
    """
    if len(_COUNTING) < n:
        _COUNTING[:] = shared_count(n)
    return _COUNTING[:n]


def _unit_pl(unit: str) -> str:
    return {"lesson_hour": "godz. lekcyjnych", "hour": "godz. zegarowych",
            "minute": "min"}.get(unit, unit)


def _fmt(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.2f}".replace(".", ",")


@attrs.frozen
class TableNumbering(Rule):
    """Each published table is numbered 1, 2, 3… with no gap and no repeat.

    Also checks the numbering of the activity tree (harmonogram): siblings numbered
    ``2.1, 2.2…`` without gaps or duplicates.
    """

    id = "numbering"
    description = "Tables and the activity tree are numbered without gaps or repeats."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each gap (warning) and repeat (error) in a numbering."""
        by_table: dict[str, list[int | None]] = {}
        numbers_all = [s.number for s in project.sessions]
        index = schedule_index(project)
        every_table = index.tables
        numbered = all(f.numbered for f in index.every_facet)
        if len(every_table) == 1:  # the usual case: one table, no need to read the column
            (table,) = every_table
            if table is not None:
                by_table[table] = numbers_all
        elif every_table:
            tables = [s.table for s in project.sessions]
            # Rows of one table usually come together: slice each run of rows (found in C).
            ends = [*compress(range(1, len(tables)),
                              map(operator.ne, tables, islice(tables, 1, None))), len(tables)]
            begin = 0
            for end in ends:
                table = tables[begin]
                if table is not None:
                    by_table.setdefault(table, []).extend(numbers_all[begin:end])
                begin = end
        for table, column in by_table.items():
            numbers: list[int] = column if numbered else [  # type: ignore[assignment]
                n for n in column if n is not None]
            yield from self._sequence(f"table {table}", numbers, "")
        if project.activities_excerpt:
            labels = [a.number for a in project.activities if a.number is not None]
            for label in sorted(set(labels)):
                if labels.count(label) > 1:
                    yield self.finding("activities", f"numer {label} występuje "
                                                     f"{labels.count(label)} razy")
            yield not_checked(self, "activities",
                              "dokument podaje tylko wycinek harmonogramu, więc luk w "
                              "numeracji nie sprawdzono")
        else:
            yield from self._siblings("activities", "", project.activities)

    def _siblings(self, subject: str, prefix: str, items: tuple[Activity, ...],
                  ) -> Iterator[Finding]:
        numbered = [(a.number, a) for a in items if a.number is not None]
        yield from self._sequence(
            subject, [int(number.rsplit(".", 1)[-1]) for number, _ in numbered], prefix)
        for number, activity in numbered:
            yield from self._siblings(f"activity {number}", f"{number}.", activity.children)

    def _sequence(self, subject: str, numbers: list[int], prefix: str) -> Iterator[Finding]:
        if not numbers or numbers == _one_to(len(numbers)):
            return  # empty, or exactly 1, 2, … n in order: no gap, no repeat
        counts: dict[int, int] = defaultdict(int)
        for number in numbers:
            counts[number] += 1
        for number, count in sorted(counts.items()):
            if count > 1:
                yield self.finding(subject, f"numer {prefix}{number} występuje {count} razy")
        missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
        if missing:
            listed = ", ".join(f"{prefix}{n}" for n in missing)
            plural = len(missing) > 1
            yield self.finding(
                subject,
                f"w numeracji brak {'numerów' if plural else 'numeru'} {listed} "
                f"(numeracja sięga {prefix}{max(numbers)})",
                severity=Severity.WARNING)


SCHEDULE_RULES: tuple[Rule, ...] = (
    SummerBreak(),
    PublicHoliday(),
    Weekend(),
    OutsidePeriod(),
    DoubleBooking(),
    HoursExceeded(),
    TableNumbering(),
)
"""The schedule rules with their default parameters."""
