"""Benchmark: national-scale schedules, built, checked, planned and loaded.

Generates a reproducible synthetic data set (seeded): N sessions over 2015-2030 with
realistic kinds, slots, venues and people, in centres of about 400 sessions each (2,500
centres for a million; ``--centres`` sets another number), then measures in one run:

- ``build_s``: building the projects (venues, people, contracts, sessions);
- ``check_s``: ``opsreform.check`` with every default rule on every project;
- ``floor_s``: a plain loop over the same sessions reading each one's date, slots and
  venue into a tuple (what any check must at least do);
- ``plan_s``: planning 10 sessions in each of 100 projects;
- ``load_100k_s``: loading 100,000 sessions from the bulk table format (CSV);
- ``peak_bytes_per_session``: the process's peak resident memory over the sessions held,
  measured after building and checking.

Usage: ``python bench/run.py --sessions 250000`` prints one JSON object.
"""

from __future__ import annotations

import argparse
import functools
import gc
import io
import json
import random
import resource
import sys
import time as clock
from datetime import date, time, timedelta

from opsreform.checks import check
from opsreform.files.tables import VenueBook, read_session_table
from opsreform.model.contracts import Contract
from opsreform.model.people import Person, Profession
from opsreform.model.project import Project
from opsreform.model.sessions import PublishedTable, Session, SessionKind, SlotBooking
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.planning import plan
from opsreform.text.addresses import Address
from opsreform.timeslots import TimeSlot
from opsreform.workcalendar import WorkCalendar

SESSIONS_PER_CENTRE = 400
START, END = date(2015, 1, 1), date(2030, 12, 31)
SLOTS = [
    (TimeSlot(time(8), time(11)),),
    (TimeSlot(time(9), time(15)),),
    (TimeSlot(time(11, 30), time(14, 30)),),
    (TimeSlot(time(8), time(11)), TimeSlot(time(11, 30), time(14, 30))),
    (TimeSlot(time(10, 30), time(13, 30)),),
]
KINDS = [SessionKind.TRAINING, SessionKind.SUPERVISION, SessionKind.WORKSHOP,
         SessionKind.EXPERT_ADVICE]
TITLES = {
    SessionKind.TRAINING: ["KODEKS POSTĘPOWANIA ADMINISTRACYJNEGO", "DIAGNOZA W PRACY SOCJALNEJ",
                           "PRACA Z TRUDNYM KLIENTEM"],
    SessionKind.SUPERVISION: ["SUPERWIZJA"],
    SessionKind.WORKSHOP: ["WARSZTATY UMIEJĘTNOŚCI INTERPERSONALNYCH"],
    SessionKind.EXPERT_ADVICE: ["DORADZTWO EKSPERCKIE"],
}


def build(total: int, seed: int = 2017, centres: int | None = None) -> list[Project]:
    """Build the synthetic projects: ``total`` sessions over ``centres`` centres.

    By default one centre per 400 sessions, so that a data set four times larger is four
    times as many centres of the same kind (2,500 centres for a million sessions).

    Like real schedules, sessions fall on distinct working days of each project; a small
    seeded share (about 0.3 %) is put on any day (a weekend, a holiday, a break) and
    another 0.3 % is booked a second time in the same room, so the rules have something
    real to find.
    """
    rng = random.Random(seed)
    # Slot bookings are frozen values; like the table reader, share equal ones.
    booking = functools.lru_cache(maxsize=None)(SlotBooking)
    if centres is None:
        centres = max(1, round(total / SESSIONS_PER_CENTRE))
    per_centre = max(1, total // centres)
    working = WorkCalendar().working_days(Period(START, END))
    projects = []
    made = 0
    for c in range(centres):
        count = per_centre if c < centres - 1 else total - made
        if count <= 0:
            break
        made += count
        venues = tuple(Venue(f"v{i}", Address(f"ul. Długa {i + 1}", "00-001", f"Gmina {c}"))
                       for i in range(3))
        people = (Person("sup", "Superwizor", Profession.SUPERVISOR),
                  Person("tr1", "Trener 1", Profession.TRAINER),
                  Person("tr2", "Trener 2", Profession.TRAINER),
                  Person("ex", "Ekspert", Profession.EXPERT))
        span = max(2 * count, 600)
        first = rng.randrange(0, len(working) - span)
        days = working[first:first + span]
        period = Period(days[0], days[-1])
        contracts = (
            Contract(id="sup", title="superwizja", kinds=[SessionKind.SUPERVISION],
                     hours=count * 4, unit="lesson_hour", leaders=("sup",)),
            Contract(id="szk", title="szkolenia", kinds=[SessionKind.TRAINING,
                                                          SessionKind.WORKSHOP],
                     sessions=count, leaders=("tr1",)),
            Contract(id="dor", title="doradztwo", kinds=[SessionKind.EXPERT_ADVICE],
                     leaders=("ex",)),
        )
        by_kind = {SessionKind.SUPERVISION: "sup", SessionKind.TRAINING: "szk",
                   SessionKind.WORKSHOP: "szk", SessionKind.EXPERT_ADVICE: "dor"}
        chosen = sorted(rng.sample(range(span), count))
        sessions = []
        for n, index in enumerate(chosen):
            kind = KINDS[rng.randrange(len(KINDS))]
            day = days[index]
            roll = rng.random()
            if roll < 0.003:
                day = period.start + timedelta(days=rng.randrange((period.end -
                                                                   period.start).days))
            elif roll < 0.006 and sessions:
                day = sessions[-1].first_day
            venue = venues[rng.randrange(3)].id if roll >= 0.006 or not sessions else (
                sessions[-1].slots[0].venue)
            sessions.append(Session(
                kind=kind, title=TITLES[kind][rng.randrange(len(TITLES[kind]))], day=day,
                slots=tuple(booking(s, venue) for s in SLOTS[rng.randrange(len(SLOTS))]),
                contract=by_kind[kind], table="t", number=n + 1))
        projects.append(Project(title=f"Centre {c}", period=period, venues=venues,
                                people=people, contracts=contracts,
                                tables=(PublishedTable("t"),), sessions=tuple(sessions)))
    return projects


def floor(projects: list[Project]) -> int:
    """Read each session's date, slots and venue into a tuple: the least any check does."""
    n = 0
    for project in projects:
        for session in project.sessions:
            row = (session.day, session.slots, session.slots[0].venue)
            n += row is not None
    return n


def bulk_csv(rows: int, seed: int = 7) -> str:
    """A bulk session table of ``rows`` rows (CSV with the bulk columns)."""
    rng = random.Random(seed)
    out = io.StringIO()
    out.write("Lp.;Nazwa;Data;Godzina;venue;kind;leaders;contract\n")
    for n in range(1, rows + 1):
        day = START + timedelta(days=rng.randrange(4000))
        slot = ["08.00 - 11.00", "09.00 - 15.00", "08.00 - 11.00 11.30 - 14.30"][n % 3]
        out.write(f"{n};SUPERWIZJA;{day:%d.%m.%Y};{slot};v{n % 3};supervision;sup;sup\n")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--centres", type=int, default=None,
                        help="how many centres (default: one per 400 sessions)")
    parser.add_argument("--load-rows", type=int, default=100_000)
    args = parser.parse_args(argv)

    t0 = clock.perf_counter()
    projects = build(args.sessions, centres=args.centres)
    build_s = clock.perf_counter() - t0
    held = sum(len(p.sessions) for p in projects)

    gc.collect()
    t0 = clock.perf_counter()
    findings = sum(len(check(p)) for p in projects)
    check_s = clock.perf_counter() - t0

    t0 = clock.perf_counter()
    floor(projects)
    floor_s = clock.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux

    t0 = clock.perf_counter()
    planned = 0
    for project in projects[:100]:
        planned += len(plan(project, kind=SessionKind.TRAINING, sessions=10,
                            slot=SLOTS[1][0], venue="v0", leaders=("tr2",)))
    plan_s = clock.perf_counter() - t0

    text = bulk_csv(args.load_rows)
    t0 = clock.perf_counter()
    loaded = read_session_table(text, table="bulk", fmt="csv",
                                venues=VenueBook([Venue(f"v{i}", name=f"Sala {i}")
                                                  for i in range(3)]))
    load_s = clock.perf_counter() - t0
    scale = args.load_rows / 100_000

    print(json.dumps({
        "sessions": held,
        "projects": len(projects),
        "findings": findings,
        "build_s": round(build_s, 3),
        "check_s": round(check_s, 3),
        "check_us_per_session": round(check_s / held * 1e6, 3) if held else None,
        "floor_s": round(floor_s, 3),
        "check_over_floor": round(check_s / floor_s, 2) if floor_s else None,
        "plan_s": round(plan_s, 3),
        "planned": planned,
        "load_100k_s": round(load_s / scale, 3),
        "loaded": len(loaded),
        "peak_bytes_per_session": round(peak / held),
        "python": sys.version.split()[0],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
