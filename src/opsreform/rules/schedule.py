"""The schedule rules: breaks, holidays, weekends, periods, double bookings, hours, numbering.

Each rule is a small frozen class; its fields are its parameters. Every rule is linear
in the number of sessions, or ``n log n`` where it sorts (overlaps are found by sorting
the bookings of each day, never by comparing all pairs).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date
from fractions import Fraction

import attrs

from opsreform.exceptions import ValidationError
from opsreform.findings import Finding, Severity
from opsreform.model._validators import to_kinds
from opsreform.model.activities import Activity
from opsreform.model.contracts import Contract
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SessionKind
from opsreform.periods import Period
from opsreform.rules._index import schedule_index
from opsreform.rules.engine import Rule, not_checked
from opsreform.text.dates import format_date, format_weekday
from opsreform.text.months import month_name

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
        for declared in project.breaks:
            school: dict[int, Period | None] = {}
            for session in schedule_index(project).sessions:
                if session.kind not in declared.kinds:
                    continue
                for day in session.days():
                    if not declared.applies_to_year(day.year):
                        continue
                    if declared.follow_school_holidays:
                        if day.year not in school:
                            school[day.year] = self._school_break(project, day.year)
                        window = school[day.year]
                        if window is None:
                            yield self.finding(
                                session.subject,
                                f"nie można sprawdzić przerwy w {day.year} r.: pakiet "
                                "holidays nie ma polskich ferii szkolnych dla tego roku",
                                day=day)
                            break
                        inside = day in window
                    else:
                        inside = day.month in declared.months
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
        cal = project.calendar
        closed = cal.closed
        lieu = {given: holiday for holiday, given in cal.days_in_lieu.items()}
        years: dict[int, Mapping[date, str]] = {}
        for session in schedule_index(project).sessions:
            days = (session.day,) if session.day is not None else session.days()
            for day in days:
                holidays = years.get(day.year)
                if holidays is None:
                    holidays = years[day.year] = cal.holidays_of(day.year)
                if day not in holidays and day not in closed and day not in lieu:
                    continue
                name = holidays.get(day)
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
        allowed = self.allowed_kinds
        for session in schedule_index(project).sessions:
            if session.kind in allowed:
                continue
            days = (session.day,) if session.day is not None else session.days()
            for day in days:
                if day.weekday() in off:
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
        index = schedule_index(project)
        if project.period is None and index.sessions:
            yield not_checked(self, "project",
                              "okres realizacji projektu nie jest podany, więc nie można "
                              "sprawdzić względem niego sesji")
        start = project.period.start if project.period is not None else None
        end = project.period.end if project.period is not None else None
        windows = {cid: (c.signed, c.first_day, c.last_day) for cid, c in index.contracts.items()}
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
    """

    id = "double-booking"
    description = "No venue and no person is booked twice at the same time."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each pair of sessions that share a venue or a person at once."""
        index = schedule_index(project)
        # Bookings of each (day, venue) and (day, person); a key is looked at again only
        # when a second session books it (a session's own slots never clash: they are
        # validated not to overlap), so the usual schedule costs one look-up per slot.
        buckets: dict[tuple[date, str], list[tuple[int, int, Session]]] = {}
        shared: set[tuple[date, str]] = set()

        def book(key: tuple[date, str], interval: tuple[int, int, Session]) -> None:
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [interval]
            else:
                if bucket[-1][2] is not interval[2]:
                    shared.add(key)
                bucket.append(interval)

        for session, leaders in zip(index.sessions, index.leaders, strict=True):
            people = leaders + session.attendance.people if session.attendance.people else leaders
            days = (session.day,) if session.day is not None else tuple(session.days())
            for day in days:
                if not session.slots:
                    for person in people:
                        book((day, "person:" + person), (0, 24 * 60, session))
                for booking in session.slots:
                    slot = booking.slot
                    interval = (slot.start_minute, slot.end_minute, session)
                    if booking.venue is not None:
                        book((day, booking.venue), interval)
                    for person in people:
                        book((day, "person:" + person), interval)
        groups = {key: buckets[key] for key in shared}
        if groups:
            yield from self._report(project, groups)

    def _report(self, project: Project,
                groups: dict[tuple[date, str], list[tuple[int, int, Session]]],
                ) -> Iterator[Finding]:
        names = {p.id: p.name for p in project.people}
        venue_names = {v.id: str(v) for v in project.venues}
        seen: set[tuple[str, ...]] = set()
        venues = [(k, v) for k, v in groups.items() if not k[1].startswith("person:")]
        people = [(k, v) for k, v in groups.items() if k[1].startswith("person:")]
        for (day, venue), intervals in venues:
            for first, second in _overlaps(intervals):
                key = (venue, *sorted((first.id, second.id)))
                if key not in seen:
                    seen.add(key)
                    yield self.finding(
                        second.subject,
                        f"miejsce {venue_names.get(venue, venue)} zajęte dwa razy w tym "
                        f"samym czasie: {second.label} oraz {first.label} (sesja {first.id}), "
                        f"{format_date(day)}", day=day)
        for (day, tagged), intervals in people:
            person = tagged.removeprefix("person:")
            for first, second in _overlaps(intervals):
                key = (person, *sorted((first.id, second.id)))
                if key not in seen:
                    seen.add(key)
                    where = ""
                    if set(first.venues) != set(second.venues):
                        where = " w różnych miejscach"
                    yield self.finding(
                        second.subject,
                        f"{names.get(person, person)} ma dwie sesje w tym samym "
                        f"czasie{where}: {second.label} oraz {first.label} (sesja "
                        f"{first.id}), {format_date(day)}", day=day)


def _overlaps(intervals: list[tuple[int, int, Session]]) -> Iterator[tuple[Session, Session]]:
    """Yield pairs of different sessions whose intervals overlap (a sort and one sweep)."""
    if len(intervals) < 2:
        return
    intervals.sort(key=lambda item: (item[0], item[1]))
    open_end, open_session = intervals[0][1], intervals[0][2]
    for start, end, session in intervals[1:]:
        if start < open_end and session is not open_session:
            yield open_session, session
        if end > open_end:
            open_end, open_session = end, session


@attrs.frozen
class HoursExceeded(Rule):
    """No contract has more hours (or sessions) scheduled than it holds."""

    id = "hours-exceeded"
    description = "Scheduled hours and sessions stay within each contract's."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding at the session where a contract's hours or count run out."""
        index = schedule_index(project)
        by_contract: dict[str, list[Session]] = defaultdict(list)
        for session, contract_id in zip(index.sessions, index.contract_ids, strict=True):
            if contract_id is not None:
                by_contract[contract_id].append(session)
        for contract in project.contracts:
            sessions = by_contract.get(contract.id, [])
            if contract.hours is None and contract.sessions is None:
                if sessions:
                    yield not_checked(self, f"contract {contract.id}",
                                      "umowa nie określa ani liczby godzin, ani liczby "
                                      "sesji")
                continue
            over_count = contract.sessions is not None and len(sessions) > contract.sessions
            limit = contract.limit_minutes
            over_hours = limit is not None and sum(s.minutes or 0 for s in sessions) > limit
            unknown = limit is not None and any(s.minutes is None for s in sessions)
            if not (over_count or over_hours or unknown):
                continue  # the usual case: within the contract, no need to sort
            sessions = sorted(sessions, key=lambda s: s.first_day)
            if over_count:
                extra = sessions[contract.sessions]  # type: ignore[index]
                yield self.finding(
                    f"contract {contract.id}",
                    f"w ramach umowy {contract.id} zaplanowano {len(sessions)} sesji, a umowa "
                    f"obejmuje {contract.sessions}; pierwsza ponad limit to {extra.id} "
                    f"({format_date(extra.first_day)})", day=extra.first_day)
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


def _unit_pl(unit: str) -> str:
    return {"lesson_hour": "godz. lekcyjnych", "hour": "godz. zegarowych"}.get(unit, unit)


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
        by_table: dict[str, list[int]] = defaultdict(list)
        for session in project.sessions:
            if session.table is not None and session.number is not None:
                by_table[session.table].append(session.number)
        for table, numbers in by_table.items():
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
        if not numbers:
            return
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
