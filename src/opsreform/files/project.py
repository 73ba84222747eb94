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
from typing import Literal

from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files._reader import Table
from opsreform.files.funding import read_funding
from opsreform.files.organisation import read_organisation
from opsreform.files.tables import VenueBook, read_session_table, slot_bookings
from opsreform.files.writer import dumps_project, save_project
from opsreform.model.activities import Activity
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.contracts import Contract
from opsreform.model.people import Person, Profession
from opsreform.model.project import Milestone, Project, ProjectOrigin, SourceDocument
from opsreform.model.sessions import (
    Attendance,
    PublishedTable,
    Session,
    SessionKind,
    SessionStatus,
)
from opsreform.model.venues import Venue
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import Rule
from opsreform.text.addresses import parse_address, parse_addresses
from opsreform.text.dates import parse_date
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
    base = base or Path.cwd()
    try:
        return _project(root, base, ProjectOrigin(text, path, str(base.absolute())))
    except ProjectFileError:
        raise
    except OpsReformError as exc:  # an object refused as a whole (e.g. a bad reference)
        raise ProjectFileError(str(exc), path=path) from None


def _project(root: Table, base: Path, origin: ProjectOrigin) -> Project:
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
        origin=origin,
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
