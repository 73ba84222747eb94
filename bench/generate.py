"""Realistic project files for the benchmark: TOML project files and CSV session tables.

Each project is one centre's reorganisation project as the documents describe it:

- a project period of 14-30 months between 2016 and 2023, 100-400 sessions;
- people (supervisors, trainers, experts, a coordinator of study visits) and 2-4 venues,
  declared once; some venues only by name;
- contracts: supervision in lesson hours, trainings and workshops by their number,
  expert advice in clock hours (sometimes without any limit), study visits by their
  number; signed dates, periods or end dates; limits close to what is scheduled, so
  that some contracts run over;
- 1-4 session tables in one or two publication rounds: bulk tables (``Lp.``, ``id``,
  ``kind``, title, date, hours, ``venue``, ``leaders``, ``contract``, ``headcount``,
  ``status``) and tables in the published form (Lp., title, date, hours, address, the
  kind and contract given by the table), with gaps and repeats in the Lp. numbering;
- half the projects declare a summer break (``[[breaks]]``); some declare closed days;
- several sessions on some days, multi-day study visits (a period in the date column,
  with or without hours), sessions led by someone else than their contract's leader;
- occasionally (a few per thousand) a session on a public holiday, a closed day, a
  weekend, in a declared break, outside the project period, before its contract was
  signed or after it ends, or booked in a venue or with a person already taken at that
  time; 1 % of sessions cancelled, some of them in the place of another one.

Everything is drawn from ``random.Random`` seeded per project, so a run is reproducible.

Usage: ``python bench/generate.py --sessions 100000 --out DIR`` writes ``DIR/*.toml`` and
``DIR/tables/*.csv`` and prints how many projects, files and sessions it wrote.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import tomli_w

PER_PROJECT = (100, 400)
"""The fewest and the most sessions of one project."""

CENTRES = [
    ("Michałowice", "05-816"), ("Tarnowskie Góry", "42-600"), ("Świlcza", "36-072"),
    ("Niedrzwica Duża", "24-220"), ("Skawina", "32-050"), ("Lubartów", "21-100"),
    ("Dębica", "39-200"), ("Wadowice", "34-100"), ("Łańcut", "37-100"),
    ("Kielce", "25-001"), ("Urzędów", "23-250"), ("Rejowiec Fabryczny", "22-170"),
    ("Zgierz", "95-100"), ("Brzeg", "49-300"), ("Sanok", "38-500"), ("Ełk", "19-300"),
    ("Gniezno", "62-200"), ("Kłodzko", "57-300"), ("Mielec", "39-300"), ("Nysa", "48-300"),
]
STREETS = ["Sienkiewicza", "Bytomska", "Długa", "Kościuszki", "Mickiewicza", "Rynek",
           "Piłsudskiego", "Kolejowa", "Szkolna", "Ogrodowa", "Lipowa", "Słowackiego"]
FIRST = ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Ewa", "Piotr", "Tomasz",
         "Krzysztof", "Joanna", "Marek", "Beata", "Paweł", "Barbara", "Grzegorz"]
LAST = ["Nowak", "Kowalska", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski",
        "Zielińska", "Szymański", "Woźniak", "Dąbrowska", "Kozłowski", "Jankowska"]
TOPICS = ["KODEKS POSTĘPOWANIA ADMINISTRACYJNEGO", "DIAGNOZA W PRACY SOCJALNEJ",
          "PRACA Z TRUDNYM KLIENTEM", "OCHRONA DANYCH OSOBOWYCH",
          "PRZECIWDZIAŁANIE PRZEMOCY W RODZINIE", "ZARZĄDZANIE CZASEM I STRESEM",
          "USTAWA O POMOCY SPOŁECZNEJ - NOWELIZACJA", "KONTRAKT SOCJALNY W PRAKTYCE"]
WORKSHOPS = ["WARSZTATY UMIEJĘTNOŚCI INTERPERSONALNYCH", "WARSZTATY PRACY ZESPOŁOWEJ",
             "WARSZTATY Z MEDIACJI"]
SUPERVISIONS = ["SUPERWIZJA", "SUPERWIZJA GRUPOWA", "SUPERWIZJA INDYWIDUALNA"]
ADVICE = ["DORADZTWO EKSPERCKIE", "DORADZTWO EKSPERCKIE - REGULAMIN ORGANIZACYJNY"]
VISITS = ["WIZYTA STUDYJNA", "WIZYTA STUDYJNA W MOPS", "WIZYTA STUDYJNA - DOBRE PRAKTYKI"]

# Slots of each kind, as minutes from midnight.
SLOTS: dict[str, list[tuple[tuple[int, int], ...]]] = {
    "supervision": [((480, 660),), ((690, 870),), ((480, 660), (690, 870)), ((630, 810),),
                    ((720, 900),)],
    "training": [((540, 900),), ((480, 840),), ((540, 960),), ((480, 660), (690, 870))],
    "workshop": [((540, 780),), ((720, 960),), ((540, 900),)],
    "expert-advice": [((600, 720),), ((720, 840),), ((480, 600),), ((780, 900),)],
    "study-visit": [((540, 900),)],
}
# Which contract delivers each kind.
CONTRACT_OF = {"supervision": "superwizja", "training": "szkolenia", "workshop": "szkolenia",
               "expert-advice": "doradztwo", "study-visit": "wizyty"}
# Rare events, per session.
P_HOLIDAY = 0.002
P_WEEKEND = 0.003
P_OUTSIDE = 0.002
P_BREAK = 0.004
P_VENUE_CLASH = 0.003
P_PERSON_CLASH = 0.002
P_CANCELLED = 0.005  # plus as many cancelled in the place of another session
P_OWN_LEADERS = 0.04


_ASCII = str.maketrans("ąćęłńóśźż", "acelnoszz")


def _last_of_month(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _hhmm(minute: int, *, colon: bool = False) -> str:
    return f"{minute // 60:02d}{':' if colon else '.'}{minute % 60:02d}"


def _dmy(day: date) -> str:
    return f"{day:%d.%m.%Y}"


_HOLIDAYS: dict[int, frozenset[date]] = {}


def public_holidays(year: int) -> frozenset[date]:
    """Poland's public holidays of ``year`` (the ``holidays`` package, computed once)."""
    found = _HOLIDAYS.get(year)
    if found is None:
        found = _HOLIDAYS[year] = frozenset(holidays.country_holidays("PL", years=year))
    return found


@dataclass
class Draft:
    """A session being made: what its table row will say."""

    kind: str
    title: str
    first: date
    last: date
    slots: tuple[tuple[int, int], ...]
    venues: tuple[str, ...]  # one for all slots, or one per slot; () when not stated
    leaders: tuple[str, ...] | None  # its own, or None: its contract's
    contract: str
    status: str = ""
    headcount: int | None = None
    group: str = ""  # the table group it goes into

    def days(self) -> Iterator[date]:
        """Every day it takes."""
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)


@dataclass
class Occupancy:
    """What is booked on each day: venues and people with their intervals."""

    booked: dict[tuple[date, str], list[tuple[int, int]]] = field(default_factory=dict)

    @staticmethod
    def _intervals(draft: Draft) -> list[tuple[int, int]]:
        return list(draft.slots) or [(0, 24 * 60)]

    def _keys(self, draft: Draft, leaders: tuple[str, ...]) -> Iterator[tuple[tuple[date, str],
                                                                              tuple[int, int]]]:
        venues = draft.venues * len(draft.slots) if len(draft.venues) == 1 else draft.venues
        for day in draft.days():
            for n, slot in enumerate(self._intervals(draft)):
                if venues and n < len(venues):
                    yield (day, "venue:" + venues[n]), slot
                for person in leaders:
                    yield (day, "person:" + person), slot

    def free(self, draft: Draft, leaders: tuple[str, ...]) -> bool:
        """Whether the draft's venues and people are free at its times."""
        for key, (start, end) in self._keys(draft, leaders):
            for other_start, other_end in self.booked.get(key, ()):
                if start < other_end and other_start < end:
                    return False
        return True

    def book(self, draft: Draft, leaders: tuple[str, ...]) -> None:
        """Take the draft's venues and people at its times."""
        for key, slot in self._keys(draft, leaders):
            self.booked.setdefault(key, []).append(slot)


@dataclass
class Plan:
    """One project as drawn, before it is written."""

    number: int
    centre: str
    postcode: str
    start: date
    end: date
    closed: list[date]
    breaks: list[dict[str, Any]]
    people: list[dict[str, Any]]
    venues: list[dict[str, Any]]
    contracts: dict[str, dict[str, Any]]
    drafts: list[Draft] = field(default_factory=list)


class ProjectMaker:
    """Draws one project of ``count`` sessions."""

    def __init__(self, number: int, count: int, rng: random.Random) -> None:
        self.rng = rng
        self.count = count
        centre, postcode = rng.choice(CENTRES)
        # Within the programme (PO WER 2014-2020, eligible to the end of 2023).
        start = date(rng.randint(2016, 2021), rng.randint(1, 12), 1)
        months = rng.randint(14, 30)
        end_month = start.month - 1 + months - 1
        end = min(_last_of_month(start.year + end_month // 12, end_month % 12 + 1),
                  date(2023, 12, 31))
        self.plan = Plan(number, centre, postcode, start, end, [], [], [], [], {})
        self.occupancy = Occupancy()
        self._people()
        self._venues()
        self._calendar()
        self._breaks()

    # ----------------------------------------------------------------- the declarations

    def _person(self, pid: str, profession: str, **extra: Any) -> str:
        name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
        self.plan.people.append({"id": pid, "name": name, "profession": profession, **extra})
        return pid

    def _people(self) -> None:
        rng = self.rng
        self.supervisors = [self._person(f"superwizor-{k}", "supervisor",
                                         certified_supervisor=True,
                                         employer="Instytut Superwizji")
                            for k in range(1, rng.randint(1, 2) + 1)]
        self.trainers = [self._person(f"trener-{k}", "trainer")
                         for k in range(1, rng.randint(2, 4) + 1)]
        self.experts = [self._person(f"ekspert-{k}", "expert")
                        for k in range(1, rng.randint(1, 2) + 1)]
        self.coordinator = self._person("koordynator", "other")

    def _venues(self) -> None:
        rng, plan = self.rng, self.plan
        for street in rng.sample(STREETS, rng.randint(2, 4)):
            number = rng.randint(1, 40)
            venue = {"id": f"{street.lower().translate(_ASCII)}-{number}",
                     "address": f"ul. {street} {number}, {plan.postcode} {plan.centre}"}
            if rng.random() < 0.3:
                venue["name"] = f"Sala szkoleniowa przy ul. {street}"
            plan.venues.append(venue)
        self.venue_ids = [v["id"] for v in plan.venues]
        self.address_of = {v["id"]: v["address"] for v in plan.venues}

    def _calendar(self) -> None:
        rng, plan = self.rng, self.plan
        if rng.random() < 0.15:  # bridge days the centre closes on
            for year in range(plan.start.year, plan.end.year + 1):
                for day in (date(year, 5, 2), date(year, 12, 24)):
                    if (plan.start <= day <= plan.end and day.weekday() < 5
                            and day not in public_holidays(year) and rng.random() < 0.6):
                        plan.closed.append(day)
        self.off = set(plan.closed)

    def _breaks(self) -> None:
        rng, plan = self.rng, self.plan
        self.break_of: dict[str, list[tuple[set[int], set[int] | None]]] = {}
        if rng.random() >= 0.5:
            return
        years = list(range(plan.start.year, plan.end.year + 1))
        declared = [(["training", "workshop"], rng.choice([[7, 8], [6, 7, 8]]))]
        if rng.random() < 0.5:
            declared.append((["supervision"], [7, 8]))
        for kinds, months in declared:
            only = [rng.choice(years)] if rng.random() < 0.3 else None
            names = {6: "czerwiec", 7: "lipiec", 8: "sierpień"}
            item: dict[str, Any] = {
                "kinds": kinds, "months": months,
                "text": "W związku z okresem wakacyjnym nie będą odbywały się zajęcia ("
                        + ", ".join(names[m] for m in months) + ")"}
            if only is not None:
                item["years"] = only
            plan.breaks.append(item)
            for kind in kinds:
                self.break_of.setdefault(kind, []).append(
                    (set(months), None if only is None else set(only)))

    # ------------------------------------------------------------------- the sessions

    def _in_break(self, kind: str, day: date) -> bool:
        return any(day.month in months and (years is None or day.year in years)
                   for months, years in self.break_of.get(kind, ()))

    def _working(self, day: date) -> bool:
        return (day.weekday() < 5 and day not in public_holidays(day.year)
                and day not in self.off)

    def _leaders(self, draft: Draft) -> tuple[str, ...]:
        if draft.leaders is not None:
            return draft.leaders
        return tuple(self.plan.contracts[draft.contract]["leaders"])

    def _title(self, kind: str) -> str:
        rng = self.rng
        title = rng.choice({"supervision": SUPERVISIONS, "training": TOPICS,
                            "workshop": WORKSHOPS, "expert-advice": ADVICE,
                            "study-visit": VISITS}[kind])
        if kind in ("training", "workshop") and rng.random() < 0.3:
            title += f" cz.{rng.randint(1, 3)}"
        return title

    def _own_leaders(self, kind: str) -> tuple[str, ...] | None:
        rng = self.rng
        if kind == "training" and rng.random() < 0.3:  # trainings have several trainers
            return (rng.choice(self.trainers),)
        if rng.random() >= P_OWN_LEADERS:
            return None
        pool = {"supervision": self.supervisors, "training": self.trainers,
                "workshop": self.trainers, "expert-advice": self.experts,
                "study-visit": [self.coordinator]}[kind]
        chosen = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
        return tuple(chosen)

    def _draft(self, kind: str, first: date) -> Draft:
        rng = self.rng
        if kind == "study-visit":
            last = first + timedelta(days=rng.choice([1, 1, 2]))
            slots = rng.choice(SLOTS[kind]) if rng.random() < 0.5 else ()
            venues: tuple[str, ...] = ()
        else:
            last = first
            slots = rng.choice(SLOTS[kind])
            if len(slots) > 1 and rng.random() < 0.15:  # one venue per slot
                venues = tuple(rng.choice(self.venue_ids) for _ in slots)
            else:
                venues = (rng.choice(self.venue_ids),)
        return Draft(kind=kind, title=self._title(kind), first=first, last=last, slots=slots,
                     venues=venues, leaders=self._own_leaders(kind), contract=CONTRACT_OF[kind],
                     headcount=rng.randint(6, 25) if rng.random() < 0.7 else None)

    def _place(self, draft: Draft, days: list[date]) -> bool:
        """Move the draft to a free day, slot and venue, trying a few; False if none."""
        rng = self.rng
        for _ in range(12):
            first = rng.choice(days)
            span = (draft.last - draft.first).days
            draft.first, draft.last = first, first + timedelta(days=span)
            if span and not all(self._working(d) for d in draft.days()):
                continue
            if self._in_break(draft.kind, first) or self._in_break(draft.kind, draft.last):
                continue
            if self.occupancy.free(draft, self._leaders(draft)):
                return True
            if draft.kind != "study-visit":
                draft.slots = rng.choice(SLOTS[draft.kind])
                draft.venues = (rng.choice(self.venue_ids),)
        return False

    def sessions(self) -> None:
        """Draw the sessions, the contracts' leaders first."""
        rng, plan = self.rng, self.plan
        visits = rng.random() < 0.5
        weights = {"supervision": 30, "training": 35, "workshop": 12, "expert-advice": 15,
                   "study-visit": 3 if visits else 0}
        kinds = list(weights)
        plan.contracts = {
            "superwizja": {"leaders": [self.supervisors[0]]},
            "szkolenia": {"leaders": [self.trainers[0]]},
            "doradztwo": {"leaders": list(self.experts)},
        }
        if visits:
            plan.contracts["wizyty"] = {"leaders": [self.coordinator]}
        everyday = [plan.start + timedelta(days=k)
                    for k in range((plan.end - plan.start).days + 1)]
        working = [d for d in everyday if self._working(d)]
        drafts = plan.drafts
        made = failed = 0
        while made < self.count:
            kind = rng.choices(kinds, [weights[k] for k in kinds])[0]
            draft = self._draft(kind, working[0])
            if not self._place(draft, working) and failed < 50:
                failed += 1  # a crowded schedule: after 50 tries, take a taken place
                continue
            failed = 0
            self._rare(draft, everyday)
            self.occupancy.book(draft, self._leaders(draft))
            drafts.append(draft)
            made += 1
            if made < self.count and rng.random() < P_CANCELLED:
                # A cancelled session, and another held in its place.
                cancelled = Draft(**{**draft.__dict__, "status": "cancelled",
                                     "title": self._title(draft.kind)})
                drafts.append(cancelled)
                made += 1
            elif made < self.count and rng.random() < P_CANCELLED:
                other = self._draft(kind, working[0])
                self._move(other, rng.choice(everyday))
                other.status = "cancelled"
                drafts.append(other)
                made += 1
        drafts.sort(key=lambda d: (d.first, d.slots[0][0] if d.slots else 0))

    def _rare(self, draft: Draft, everyday: list[date]) -> None:
        """Now and then, move a session where the rules should find it."""
        rng, plan = self.rng, self.plan
        roll = rng.random()
        edge = P_HOLIDAY
        if roll < edge:
            days = [d for d in everyday if d in public_holidays(d.year) or d in self.off]
            if days:
                self._move(draft, rng.choice(days))
            return
        edge += P_WEEKEND
        if roll < edge:
            days = [d for d in everyday if d.weekday() >= 5]
            self._move(draft, rng.choice(days))
            return
        edge += P_OUTSIDE
        if roll < edge:
            shift = timedelta(days=rng.randint(1, 30))
            day = plan.start - shift if rng.random() < 0.5 else plan.end + shift
            self._move(draft, day)
            return
        edge += P_BREAK
        if roll < edge and draft.kind in self.break_of:
            days = [d for d in everyday if self._in_break(draft.kind, d) and d.weekday() < 5]
            if days:
                self._move(draft, rng.choice(days))
            return
        edge += P_VENUE_CLASH
        if roll < edge and plan.drafts and draft.venues:
            other = rng.choice(plan.drafts[-20:])
            if other.venues and other.slots and other.first == other.last:
                self._move(draft, other.first)
                draft.slots, draft.venues = other.slots[:1], other.venues[:1]
            return
        edge += P_PERSON_CLASH
        if roll < edge and plan.drafts:
            other = rng.choice(plan.drafts[-20:])
            if other.first == other.last and draft.first == draft.last:
                self._move(draft, other.first)
                draft.leaders = self._leaders(other)[:1] or None
                if other.slots:
                    draft.slots = other.slots[:1]
                    draft.venues = draft.venues[:1]

    @staticmethod
    def _move(draft: Draft, first: date) -> None:
        span = draft.last - draft.first
        draft.first, draft.last = first, first + span

    # ---------------------------------------------------------------- the contracts

    def contracts(self) -> None:
        """Give each contract its dates and limits, close to what is scheduled."""
        rng, plan = self.rng, self.plan
        active = [d for d in plan.drafts if d.status != "cancelled"]
        for cid, contract in plan.contracts.items():
            mine = [d for d in active if d.contract == cid]
            contract.update(self._dates(mine))
            factor = rng.choice([1, 1, 1.05, 1.1, 1.25, 0.97])
            if cid == "superwizja":
                minutes = sum(e - s for d in mine for s, e in d.slots)
                contract.update(kinds=["supervision"], unit="lesson_hour",
                                hours=max(1, math.ceil(minutes / 45 * factor)))
                contract["title"] = (f"realizacja {contract['hours']} godzin lekcyjnych "
                                     "superwizji pracy socjalnej")
            elif cid == "szkolenia":
                contract.update(kinds=["training", "workshop"],
                                sessions=max(1, round(len(mine) * factor)))
                contract["title"] = f"realizacja {contract['sessions']} szkoleń/warsztatów"
            elif cid == "doradztwo":
                contract.update(kinds=["expert-advice"],
                                title="doradztwo eksperckie w zakresie zmian organizacyjnych")
                if rng.random() < 0.8:
                    hours = sum(e - s for d in mine for s, e in d.slots) / 60 * factor
                    contract["hours"] = (max(1, math.ceil(hours)) if rng.random() < 0.7
                                         else f"{max(1, math.ceil(hours))}.5")
            else:
                contract.update(kinds=["study-visit"], title="organizacja wizyt studyjnych",
                                sessions=max(1, len(mine) - (rng.random() < 0.2)))
        plan.contracts = {cid: {"id": cid, **c} for cid, c in plan.contracts.items()}

    def _dates(self, mine: list[Draft]) -> dict[str, Any]:
        """A contract's dates around its sessions: now and then one falls outside them."""
        rng, plan = self.rng, self.plan
        if not mine:
            return {}
        days = sorted(d.first for d in mine)
        lasts = sorted(d.last for d in mine)
        late = rng.random() < 0.15  # signed after its first sessions were held
        signed = (days[min(len(days) - 1, rng.randint(1, 2))] if late
                  else days[0] - timedelta(days=rng.randint(1, 40)))
        short = rng.random() < 0.1  # ends before its last session
        closes = (lasts[-min(len(lasts), rng.randint(1, 2))] - timedelta(days=1) if short
                  else max(lasts[-1], plan.end))
        found: dict[str, Any] = {}
        form = rng.random()
        if form < 0.4:
            found["signed"] = _dmy(signed)
            found["ends"] = _dmy(closes)
        elif form < 0.8:
            found["signed"] = _dmy(signed)
            opens = min(signed + timedelta(days=rng.randint(0, 10)), days[0])
            if rng.random() < 0.1:  # its period opens after its first session
                opens = days[min(len(days) - 1, 1)]
            opens = min(opens, closes)
            found["period"] = f"od {_dmy(opens)}r. do {_dmy(closes)}r."
        elif form < 0.9:
            found["ends"] = _dmy(closes)
        return found

    # -------------------------------------------------------------------- the tables

    def tables(self) -> list[dict[str, Any]]:
        """Split the sessions into 1-4 tables, in one or two publication rounds."""
        rng, plan = self.rng, self.plan
        drafts = plan.drafts
        rounds = 1 if len(drafts) < 150 or rng.random() < 0.5 else 2
        cut = len(drafts) // 2
        chunks = [drafts] if rounds == 1 else [drafts[:cut], drafts[cut:]]
        layout: list[dict[str, Any]] = []
        for chunk in chunks:
            if not chunk:
                continue
            split = rng.random()
            if rounds == 1 and split < 0.3:
                groups = ["supervision", "training", "bulk"]
            elif split < 0.6:
                groups = ["supervision", "bulk"]
            else:
                groups = ["bulk"]
            published = chunk[0].first - timedelta(days=rng.randint(7, 21))
            for group in groups:
                rows = [d for d in chunk if _group_of(d, groups) == group]
                if not rows:
                    continue
                tid = f"{published.isoformat()}-{group}" if len(groups) > 1 else (
                    published.isoformat())
                if any(t["id"] == tid for t in layout):  # two rounds published one day
                    tid += "-2"
                layout.append({"id": tid, "published": published, "group": group,
                               "rows": rows})
        return layout


def _group_of(draft: Draft, groups: list[str]) -> str:
    if draft.status == "cancelled" or draft.leaders is not None or len(draft.venues) > 1:
        return "bulk"  # only the bulk form states a status, leaders, a venue per slot
    if draft.kind == "supervision" and "supervision" in groups:
        return "supervision"
    if draft.kind in ("training", "workshop") and "training" in groups:
        return "training"
    return "bulk"


def _numbers(n: int, rng: random.Random, *, may_repeat: bool) -> list[str]:
    """Lp. of ``n`` rows: 1 … n, with now and then a gap or a repeat (and a stray dot)."""
    numbers = list(range(1, n + 1))
    if n > 3 and rng.random() < 0.25:  # a gap: the numbering skips one number
        at = rng.randrange(1, n)
        numbers[at:] = [k + 1 for k in numbers[at:]]
    if may_repeat and n > 3 and rng.random() < 0.15:  # a repeat: two rows with one number
        at = rng.randrange(1, n)
        numbers[at:] = [k - 1 for k in numbers[at:]]
    return [f"{k}." if rng.random() < 0.01 else str(k) for k in numbers]


def _slots_text(slots: tuple[tuple[int, int], ...], rng: random.Random) -> str:
    colon = rng.random() < 0.05
    return " ".join(f"{_hhmm(s, colon=colon)} - {_hhmm(e, colon=colon)}" for s, e in slots)


def _date_text(draft: Draft) -> str:
    if draft.first == draft.last:
        return _dmy(draft.first)
    return f"{_dmy(draft.first)} – {_dmy(draft.last)}"


BULK_HEADER = ["Lp.", "id", "kind", "Nazwa", "Data", "Godzina", "venue", "leaders",
               "contract", "headcount", "status"]
PUBLISHED_HEADER = ["Lp.", "Rodzaj działania", "Data", "Godzina", "Adres realizacji działania"]


def _bulk_csv(table: dict[str, Any], rng: random.Random) -> str:
    rows = table["rows"]
    lines = [";".join(BULK_HEADER)]
    for n, (number, d) in enumerate(zip(_numbers(len(rows), rng, may_repeat=True), rows,
                                        strict=True)):
        lines.append(";".join([
            number, f"{table['id']}/{n + 1}", d.kind, d.title, _date_text(d),
            _slots_text(d.slots, rng) if d.slots else "", ",".join(d.venues),
            ",".join(d.leaders) if d.leaders is not None else "", d.contract,
            "" if d.headcount is None else str(d.headcount), d.status]))
    return "\n".join(lines) + "\n"


def _published_csv(table: dict[str, Any], rng: random.Random,
                   address_of: dict[str, str]) -> str:
    # Without an id column a repeated Lp. would give two sessions one id (table#number).
    rows = table["rows"]
    lines = [";".join(PUBLISHED_HEADER)]
    for number, d in zip(_numbers(len(rows), rng, may_repeat=False), rows, strict=True):
        address = address_of[d.venues[0]]
        if rng.random() < 0.3:  # written without the comma before the postcode
            address = address.replace(",", "")
        lines.append(";".join([number, d.title, _date_text(d), _slots_text(d.slots, rng),
                               address]))
    return "\n".join(lines) + "\n"


def write_project(maker: ProjectMaker, out: Path) -> tuple[Path, int]:
    """Write one project file and its tables; return the file and how many files."""
    rng, plan = maker.rng, maker.plan
    stem = f"p{plan.number:05d}"
    layout = maker.tables()
    tables = []
    maker.contracts()
    for table in layout:
        group = table["group"]
        name = f"tables/{stem}-{table['id']}.csv"
        entry: dict[str, Any] = {"id": table["id"], "published": _dmy(table["published"]),
                                 "file": name}
        if group == "bulk":
            text = _bulk_csv(table, rng)
        else:
            entry["title"] = "SZCZEGÓŁOWY HARMONOGRAM DZIAŁAŃ W PROJEKCIE"
            entry["kind"] = group
            entry["contract"] = CONTRACT_OF[group]
            text = _published_csv(table, rng, maker.address_of)
        (out / name).write_text(text, encoding="utf-8")
        tables.append(entry)
    used = {d.contract for d in plan.drafts}
    data: dict[str, Any] = {
        "format": 1,
        "title": f"Wdrożenie usprawnień organizacyjnych w ośrodku pomocy społecznej "
                 f"({plan.centre}, projekt {plan.number})",
        "beneficiary": f"Ośrodek Pomocy Społecznej, {plan.centre}",
        "period": (f"{_dmy(plan.start)}r. – {_dmy(plan.end)}r." if rng.random() < 0.7
                   else f"od {_dmy(plan.start)}r. do {_dmy(plan.end)}r."),
    }
    if plan.closed:
        data["calendar"] = {"closed": [_dmy(d) for d in plan.closed]}
    if plan.breaks:
        data["breaks"] = plan.breaks
    data["people"] = plan.people
    data["venues"] = plan.venues
    data["contracts"] = [c for cid, c in plan.contracts.items() if cid in used]
    data["tables"] = tables
    path = out / f"{stem}.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path, 1 + len(tables)


def sizes(total: int, rng: random.Random) -> list[int]:
    """Sessions per project: 100-400 each (uniform), adding up to ``total``."""
    low, high = PER_PROJECT
    if total <= high:
        return [total]
    found: list[int] = []
    left = total
    while left > high:
        n = rng.randint(low, high)
        if left - n < low:
            n = left - low
        found.append(n)
        left -= n
    found.append(left)
    return found


def generate(out: Path, total: int, seed: int = 2018) -> dict[str, Any]:
    """Write ``total`` sessions as project files into ``out``; return what was written."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "tables").mkdir(exist_ok=True)
    counts = sizes(total, random.Random(seed))
    files = 0
    for number, count in enumerate(counts, start=1):
        maker = ProjectMaker(number, count, random.Random(seed * 100_003 + number))
        maker.sessions()
        _path, n = write_project(maker, out)
        files += n
    return {"sessions": total, "projects": len(counts), "files": files}


def main(argv: list[str] | None = None) -> int:
    """Write the data set and print one JSON object saying what was written."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    print(json.dumps(generate(args.out, args.sessions, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
