"""Project files: TOML, human-written, in the Polish forms; read and written without loss.

The format is versioned (``format = 1``) and documented key by key in
``docs/project-files.md``; a JSON Schema of it ships as ``project.schema.json``.
Facts a document does not state are left out, and mean unknown. Every key is read or
reported: an unknown key is an error that names the file, the line and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

import attrs
import tomli_w

from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files._reader import Table, compact
from opsreform.files.funding import funding_to_data, read_funding
from opsreform.files.organisation import organisation_to_data, read_organisation
from opsreform.files.tables import VenueBook, read_session_table, slot_bookings
from opsreform.model.activities import Activity
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.contracts import Contract
from opsreform.model.people import Person, Profession
from opsreform.model.project import Milestone, Project, SourceDocument
from opsreform.model.sessions import (
    Attendance,
    PublishedTable,
    Session,
    SessionKind,
    SessionStatus,
)
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import Rule
from opsreform.text.addresses import parse_address, parse_addresses
from opsreform.text.dates import format_date, parse_date
from opsreform.text.periods import format_period
from opsreform.text.slots import format_slots
from opsreform.workcalendar import WorkCalendar

__all__ = ["FORMAT_VERSION", "dumps_project", "load_project", "loads_project", "save_project"]

FORMAT_VERSION = 1
"""The version of the project-file format this release reads and writes."""


def _line_finder(text: str) -> Callable[[str], int | None]:
    """Return a function mapping a dotted key (``sessions[3].date``) to its line, if found."""
    lines = text.splitlines()

    def find(key: str) -> int | None:
        start, end = 0, len(lines)
        parts = re.findall(r"([^.\[\]]+)(?:\[(\d+)\])?", key)
        prefix = ""
        for name, index in parts:
            prefix = f"{prefix}.{name}" if prefix else name
            if index:
                header = re.compile(rf"^\s*\[\[\s*{re.escape(prefix)}\s*\]\]")
                hits = [i for i in range(start, end) if header.match(lines[i])]
                if int(index) >= len(hits):
                    return start + 1 if start else None
                start = hits[int(index)]
                nxt = [i for i in range(start + 1, end) if re.match(r"^\s*\[", lines[i])
                       and not lines[i].strip().startswith(f"[[{prefix}.")
                       and not lines[i].strip().startswith(f"[{prefix}.")]
                end = nxt[0] if nxt else end
                continue
            plain = re.compile(rf"^\s*\[\s*{re.escape(prefix)}\s*\]")
            hits = [i for i in range(start, end) if plain.match(lines[i])]
            if hits:
                start = hits[0]
                continue
            assign = re.compile(rf"^\s*\"?{re.escape(name)}\"?\s*=")
            hits = [i for i in range(start, end) if assign.match(lines[i])]
            if hits:
                return hits[0] + 1
        return start + 1 if start or key else None

    return find


def load_project(path: str | Path) -> Project:
    """Read a project file.

    Args:
        path: The TOML file. Session tables it references are read relative to it.

    Returns:
        The project.

    Raises:
        ProjectFileError: The file cannot be read, is not TOML, or holds a key or value
            that is wrong; the message names the file, the line and the key.

    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProjectFileError(f"cannot read the file: {exc.strerror}", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise ProjectFileError(f"the file is not UTF-8 text ({exc.reason})",
                               path=str(path)) from None
    return loads_project(text, path=str(path), base=path.parent)


def loads_project(text: str, *, path: str | None = None, base: Path | None = None) -> Project:
    """Read a project from TOML text (see :func:`load_project`).

    Args:
        text: The TOML text.
        path: The file name to use in error messages.
        base: The folder that referenced session tables are relative to.

    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ProjectFileError(f"not valid TOML: {exc}", path=path,
                               line=int(match.group(1)) if match else None) from None
    root = Table(data, "", path, _line_finder(text))
    try:
        return _project(root, base or Path.cwd())
    except ProjectFileError:
        raise
    except OpsReformError as exc:  # an object refused as a whole (e.g. a bad reference)
        raise ProjectFileError(str(exc), path=path) from None


def _project(root: Table, base: Path) -> Project:
    version = root.get("format", int, required=True)
    if version != FORMAT_VERSION:
        raise root.error("format", f"format {version} is not supported; this release reads "
                                   f"format {FORMAT_VERSION}")
    people = tuple(_person(t) for t in root.tables("people"))
    declared = [_venue(t) for t in root.tables("venues")]
    book = VenueBook(list(declared))
    contracts = tuple(_contract(t) for t in root.tables("contracts"))
    tables: list[PublishedTable] = []
    sessions: list[Session] = []
    for item in root.tables("tables"):
        table, read = _published_table(item, book, base)
        tables.append(table)
        sessions.extend(read)
    sessions.extend(_session(t, book) for t in root.tables("sessions"))
    calendar = root.table("calendar")
    funding = root.table("funding")
    organisation = root.table("organisation")
    project = Project(
        title=root.get("title", str, required=True),
        goal=root.get("goal", str),
        beneficiary=root.get("beneficiary", str),
        period=root.period("period"),
        durability_months=root.get("durability_months", int),
        funding=None if funding is None else read_funding(funding),
        organisation=None if organisation is None else read_organisation(organisation),
        activities=tuple(_activity(t) for t in root.tables("activities")),
        activities_excerpt=root.get("activities_excerpt", bool) or False,
        venues=tuple(book.venues),
        people=people,
        contracts=contracts,
        tables=tuple(tables),
        sessions=tuple(sessions),
        breaks=tuple(_break(t) for t in root.tables("breaks")),
        calendar=WorkCalendar() if calendar is None else _calendar(calendar),
        rules=_rules(root.table("rules")),
        sources=tuple(_source(t) for t in root.tables("sources")),
        milestones=tuple(t.build(Milestone, day=t.date("date", required=True),
                                 text=t.get("text", str, required=True))
                         for t in root.tables("milestones")),
    )
    root.done()
    return project


def _source(t: Table) -> SourceDocument:
    source = SourceDocument(t.get("name", str, required=True), t.get("note", str))
    t.done()
    return source


def _person(t: Table) -> Person:
    return t.build(
        Person,
        id=t.get("id", str, required=True),
        name=t.get("name", str, required=True),
        profession=t.convert("profession", str, Profession),
        employer=t.get("employer", str),
        certified_supervisor=t.get("certified_supervisor", bool),
    )


def _venue(t: Table) -> Venue:
    return t.build(
        Venue,
        id=t.get("id", str, required=True),
        address=t.convert("address", str, parse_address),
        name=t.get("name", str),
    )


def _contract(t: Table) -> Contract:
    hours = t.get("hours", (int, str))
    return t.build(
        Contract,
        id=t.get("id", str, required=True),
        title=t.get("title", str, required=True),
        supplier=t.get("supplier", str),
        signed=t.date("signed"),
        period=t.period("period"),
        ends=t.date("ends"),
        kinds=t.convert("kinds", list, lambda v: frozenset(SessionKind(k) for k in v)) or (),
        hours=None if hours is None else t.convert("hours", (int, str), Fraction),
        unit=t.get("unit", str) or "hour",
        sessions=t.get("sessions", int),
        leaders=t.strings("leaders") or (),
        note=t.get("note", str),
    )


def _activity(t: Table) -> Activity:
    number = t.get("number", str, required=True)
    return t.build(
        Activity,
        number=None if number.strip() == "-" else number.strip(),
        title=" ".join(t.get("title", str, required=True).split()),
        period=t.period("period"),
        children=tuple(_activity(c) for c in t.tables("items")),
    )


def _break(t: Table) -> DeclaredBreak:
    return t.build(
        DeclaredBreak,
        kinds=t.convert("kinds", list, lambda v: [SessionKind(k) for k in v], required=True)
        or (),
        months=t.get("months", list) or [7, 8],
        years=t.get("years", list),
        follow_school_holidays=t.get("follow_school_holidays", bool) or False,
        text=t.get("text", str),
    )


def _calendar(t: Table) -> WorkCalendar:
    closed = [_date_in(t, "closed", v) for v in t.get("closed", list) or []]
    lieu: dict[date, date] = {}
    lieu_table = t.table("days_in_lieu")
    if lieu_table is not None:
        for key in lieu_table.data:
            given = lieu_table.date(key, required=True)
            assert given is not None
            lieu[_date_in(lieu_table, key, key)] = given
        lieu_table.done()
    weekdays = t.get("working_weekdays", list)
    try:
        calendar = WorkCalendar(
            closed=closed, days_in_lieu=lieu,
            working_weekdays=frozenset(weekdays) if weekdays else frozenset(range(5)))
    except OpsReformError as exc:
        raise t.error(getattr(exc, "field", None) or "closed", str(exc)) from None
    t.done()
    return calendar


def _date_in(t: Table, key: str, value: object) -> date:
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value))
    except OpsReformError as exc:
        raise t.error(key, str(exc)) from None


def _published_table(t: Table, book: VenueBook, base: Path) -> tuple[PublishedTable,
                                                                        list[Session]]:
    file = t.get("file", str)
    table = t.build(
        PublishedTable,
        id=t.get("id", str, required=True),
        published=t.date("published"),
        title=t.get("title", str),
        kind=t.convert("kind", str, SessionKind),
        contract=t.get("contract", str),
    )
    sessions: list[Session] = []
    if file is not None:
        table_path = base / file
        try:
            text = table_path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise t.error("file", f"cannot read the session table {file!r}: "
                                  f"{exc.strerror}") from None
        fmt: Literal["md", "csv"] = "csv" if table_path.suffix.lower() == ".csv" else "md"
        sessions = read_session_table(text, table=table.id, venues=book, kind=table.kind,
                                      fmt=fmt, path=str(table_path))
    return table, sessions


def _session(t: Table, book: VenueBook) -> Session:
    venue_ids = t.strings("venues")
    address = t.get("address", str)
    if venue_ids is not None and address is not None:
        raise t.error("address", "give 'venues' or 'address', not both")
    if venue_ids is None and address is not None:
        venue_ids = t.convert("address", str, lambda a: tuple(
            book.venue_for(x) for x in parse_addresses(a)))
    for venue_id in venue_ids or ():
        if not book.has(venue_id):
            raise t.error("venues", f"venue {venue_id!r} is not declared in [[venues]]")
    slots = t.convert("slots", str, lambda s: slot_bookings(s, venue_ids or ())) or ()
    attendance = Attendance(
        headcount=t.get("headcount", int),
        groups=t.strings("groups") or (),
        people=t.strings("attendees") or (),
    )
    return t.build(
        Session,
        kind=t.convert("kind", str, SessionKind, required=True),
        title=t.get("title", str, required=True),
        day=t.date("date"),
        period=t.period("period"),
        slots=slots,
        part=t.get("part", int),
        leaders=t.strings("leaders"),
        attendance=attendance,
        places=_declared(t, "places", book),
        activity=t.get("activity", str),
        contract=t.get("contract", str),
        table=t.get("table", str),
        number=t.get("number", int),
        status=t.convert("status", str, SessionStatus) or SessionStatus.PLANNED,
        given_id=t.get("id", str),
        line=t.line_of(t.key),
        note=t.get("note", str),
    )


def _declared(t: Table, name: str, book: VenueBook) -> tuple[str, ...]:
    ids = t.strings(name) or ()
    for venue_id in ids:
        if not book.has(venue_id):
            raise t.error(name, f"venue {venue_id!r} is not declared in [[venues]]")
    return ids


def _rules(t: Table | None) -> tuple[Rule, ...] | None:
    if t is None:
        return None
    configured: dict[str, Rule | None] = {}
    for rule_id, value in t.data.items():
        t.read.add(rule_id)
        cls = Rule.registry.get(rule_id)
        if cls is None:
            raise t.error(rule_id, f"unknown rule {rule_id!r}; known rules: "
                                   f"{', '.join(sorted(Rule.registry))}")
        if value is False:
            configured[rule_id] = None
        elif value is True:
            configured[rule_id] = cls()
        elif isinstance(value, dict):
            try:
                configured[rule_id] = cls.from_params(value)
            except OpsReformError as exc:
                raise t.error(rule_id, str(exc)) from None
        else:
            raise t.error(rule_id, "expected true, false or a table of parameters")
    chosen = [configured.get(r.id, r) for r in default_rules()]
    defaults = {r.id for r in default_rules()}
    chosen.extend(rule for rule_id, rule in configured.items() if rule_id not in defaults)
    return tuple(rule for rule in chosen if rule is not None)


# --------------------------------------------------------------------------- writing


def save_project(project: Project, path: str | Path) -> None:
    """Write ``project`` to a TOML file that :func:`load_project` reads back equal.

    Sessions read from referenced tables are written inline.
    """
    Path(path).write_text(dumps_project(project), encoding="utf-8")


def dumps_project(project: Project) -> str:
    """Return ``project`` as the TOML text of a project file."""
    data: dict[str, Any] = {"format": FORMAT_VERSION, "title": project.title}
    _put(data, "goal", project.goal)
    _put(data, "beneficiary", project.beneficiary)
    _put(data, "period", project.period and _period(project.period))
    _put(data, "durability_months", project.durability_months)
    if project.sources:
        data["sources"] = [compact({"name": s.name, "note": s.note}) for s in project.sources]
    if project.milestones:
        data["milestones"] = [{"date": format_date(m.day), "text": m.text}
                              for m in project.milestones]
    calendar = _calendar_data(project.calendar)
    if calendar:
        data["calendar"] = calendar
    if project.rules is not None:
        data["rules"] = _rules_data(project.rules)
    if project.breaks:
        data["breaks"] = [compact({
            "kinds": sorted(k.value for k in b.kinds), "months": sorted(b.months),
            "years": None if b.years is None else sorted(b.years),
            "follow_school_holidays": b.follow_school_holidays or None, "text": b.text,
        }) for b in project.breaks]
    if project.people:
        data["people"] = [compact({
            "id": p.id, "name": p.name, "profession": p.profession and p.profession.value,
            "employer": p.employer, "certified_supervisor": p.certified_supervisor,
        }) for p in project.people]
    if project.venues:
        data["venues"] = [compact({"id": v.id, "address": v.address and str(v.address),
                                  "name": v.name}) for v in project.venues]
    if project.contracts:
        data["contracts"] = [_contract_data(c) for c in project.contracts]
    if project.activities_excerpt:
        data["activities_excerpt"] = True
    if project.activities:
        data["activities"] = [_activity_data(a) for a in project.activities]
    if project.tables:
        data["tables"] = [compact({
            "id": t.id, "published": t.published and format_date(t.published),
            "title": t.title, "kind": t.kind and t.kind.value, "contract": t.contract,
        }) for t in project.tables]
    if project.sessions:
        data["sessions"] = [_session_data(s) for s in project.sessions]
    if project.funding is not None:
        data["funding"] = funding_to_data(project.funding)
    if project.organisation is not None:
        data["organisation"] = organisation_to_data(project.organisation)
    return tomli_w.dumps(data)


def _put(data: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        data[key] = value



def _period(period: Period) -> str:
    return format_period(period)


def _calendar_data(calendar: WorkCalendar) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if calendar.closed:
        data["closed"] = [format_date(d) for d in sorted(calendar.closed)]
    if calendar.days_in_lieu:
        data["days_in_lieu"] = {format_date(h): format_date(g)
                                for h, g in sorted(calendar.days_in_lieu.items())}
    if calendar.working_weekdays != frozenset(range(5)):
        data["working_weekdays"] = sorted(calendar.working_weekdays)
    return data


def _rules_data(rules: tuple[Rule, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    chosen = {r.id: r for r in rules}
    for default in default_rules():
        if default.id not in chosen:
            data[default.id] = False
    for rule in rules:
        params = {}
        for field in attrs.fields(type(rule)):
            value = getattr(rule, field.name)
            if field.default is not attrs.NOTHING and _same_default(field, value):
                continue
            params[field.name] = _plain(value)
        data[rule.id] = params or True
    return data


def _same_default(field: attrs.Attribute[Any], value: object) -> bool:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        default = default.factory()
    converter: Any = field.converter
    if converter is not None:
        default = converter(default)
    return bool(default == value)


def _plain(value: object) -> Any:
    if isinstance(value, frozenset | set | tuple | list):
        return sorted(_plain(v) for v in value)
    if isinstance(value, SessionKind):
        return value.value
    if isinstance(value, Fraction):
        return str(value)
    return value


def _contract_data(c: Contract) -> dict[str, Any]:
    return compact({
        "id": c.id, "title": c.title, "supplier": c.supplier,
        "signed": c.signed and format_date(c.signed),
        "period": c.period and _period(c.period), "ends": c.ends and format_date(c.ends),
        "kinds": sorted(k.value for k in c.kinds) or None,
        "hours": None if c.hours is None else (
            c.hours.numerator if c.hours.denominator == 1 else str(c.hours)),
        "unit": None if c.unit == "hour" else c.unit,
        "sessions": c.sessions, "leaders": list(c.leaders) or None, "note": c.note,
    })


def _activity_data(a: Activity) -> dict[str, Any]:
    return compact({
        "number": a.number or "-", "title": a.title,
        "period": a.period and _period(a.period),
        "items": [_activity_data(c) for c in a.children] or None,
    })


def _session_data(s: Session) -> dict[str, Any]:
    venues = [b.venue for b in s.slots]
    if venues and all(v == venues[0] for v in venues):
        venues = venues[:1]
    data = compact({
        "id": s.given_id, "table": s.table, "number": s.number, "kind": s.kind.value,
        "title": s.title, "part": s.part, "date": s.day and format_date(s.day),
        "period": s.period and _period(s.period),
        "slots": format_slots(b.slot for b in s.slots) if s.slots else None,
        "venues": None if not venues or venues == [None] else venues,
        "headcount": s.attendance.headcount, "groups": list(s.attendance.groups) or None,
        "attendees": list(s.attendance.people) or None,
        "places": list(s.places) or None, "activity": s.activity,
        "contract": s.contract,
        "status": None if s.status is SessionStatus.PLANNED else s.status.value,
        "note": s.note,
    })
    if s.leaders is not None:  # [] means "nobody named", unlike an absent key (the contract's)
        data["leaders"] = list(s.leaders)
    return data
