"""Writing project files: a new file in the canonical forms, or an edit of the file read.

A project built in code is written in the canonical forms (``05.08.2014``,
``356 397,50 zł``). A project read from a file carries its
:class:`~opsreform.model.project.ProjectOrigin`, and saving it edits that file: what the
project still means is left as it was written (comments, key order, table references,
"5 sierpnia 2014 r."), and only what changed is rewritten, in the canonical form.

How, in three steps:

1. The file read is read again, giving the project it said (*old*).
2. The sessions of each referenced table file are placed in that file
   (:mod:`opsreform.files._tablefile`), row by row; what a file cannot hold is written
   inline.
3. The canonical data of old and of the project to save are compared key by key over
   the document as written (:mod:`opsreform.files._tomledit`): equal canonical data
   means equal meaning, so the text stays; a difference is written anew.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

import attrs
import tomli_w
import tomlkit

from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files._reader import compact
from opsreform.files._source import ENCODINGS, decode_table, read_bytes
from opsreform.files._tablefile import place_sessions
from opsreform.files._tomledit import Rules, merge
from opsreform.files.amendments import amendments_to_data
from opsreform.files.delivery import attendance_data, indicators_data
from opsreform.files.funding import funding_to_data
from opsreform.files.organisation import organisation_to_data
from opsreform.files.people import group_data, person_data
from opsreform.files.sheets import SHEET_SUFFIXES, sheet_rows
from opsreform.files.tables import VenueBook, read_session_rows, read_session_table
from opsreform.model.activities import Activity
from opsreform.model.contracts import Contract
from opsreform.model.project import Project, ProjectOrigin
from opsreform.model.sessions import PublishedTable, Session, SessionKind, SessionStatus
from opsreform.model.venues import Venue
from opsreform.periods import Period
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import Rule
from opsreform.text.addresses import parse_addresses
from opsreform.text.dates import format_date
from opsreform.text.periods import format_period
from opsreform.text.slots import format_slots
from opsreform.workcalendar import WorkCalendar

__all__ = ["dumps_project", "save_project"]

_RULES = Rules(
    # A session's venues are written by id; its `address` said them too, so it goes.
    aliases={("sessions", "*", "venues"): ("address",)},
    # Its keys are dates in any spelling: a change rewrites the table whole.
    whole=frozenset({("calendar", "days_in_lieu")}),
)

_CHANGED: Any = object()
"""Stands for a value that must be written again although it seems unchanged."""


def save_project(project: Project, path: str | Path) -> None:
    """Write ``project`` to a project file that :func:`load_project` reads back equal.

    A project built in code is written in the canonical forms, every session inline.

    A project read by :func:`load_project` (or built from one with ``attrs.evolve``)
    is saved as an edit of the file it was read from: its comments, key order, table
    references and the Polish forms as written ("5 sierpnia 2014 r.", "356 397,50 zł")
    stay wherever the value still means the same; changed values are written in the
    canonical form, new entries are added after their neighbours, removed ones go.
    Saving without edits gives the same bytes.

    Sessions of a table with a ``file`` stay in that file, next to the saved project
    (``file`` is relative to it). When they differ from what the file holds, the file
    is edited in its own format, Markdown or CSV: the rows of unchanged sessions, its
    prose and its headers stay as written; a changed session's row is written anew (its
    unchanged cells as written); a new session's row goes after the row before it; a
    removed session's row goes. A file missing next to the saved project is first
    copied from the folder the project was read from. Every row written is read back
    and compared with its session: a session the file's columns cannot say (a note,
    named attendees, a venue without an address in a table of addresses, no number) is
    written inline in the project file, with its ``table`` and ``number``. A table file
    outside the saved project's folder is never written: when it does not hold its
    table's sessions as they are, that table's ``file`` is dropped and its sessions are
    written inline; so is a second table's that reads the same file as a first one,
    unless the file as the first leaves it holds them. No session is ever left out.

    Reading the saved file gives the project's sessions grouped as files give them
    (each table file's rows, in the order of the tables, then the inline sessions);
    a project whose sessions are in another order reads back with the same sessions
    in that order.

    Args:
        project: The project.
        path: The file to write (its folder is made if missing); table files are
            written relative to its folder.

    Raises:
        ProjectFileError: When the file the project was read from can no longer be read
            (to write it anew instead, drop the origin:
            ``attrs.evolve(project, origin=None)``), or a table file in the way cannot
            be read as a session table.

    """
    path = Path(path)
    written = _write(project, path.parent)
    path.parent.mkdir(parents=True, exist_ok=True)
    for table_path, text in written.tables.items():
        table_path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):  # a file kept as it is (a spreadsheet), copied
            table_path.write_bytes(text)
            continue
        with table_path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    path.write_text(written.text, encoding="utf-8")


def dumps_project(project: Project) -> str:
    """Return ``project`` as the text of a project file (see :func:`save_project`).

    A project read from a file is returned as an edit of that file, as
    :func:`save_project` writes it; its table files are not written, so a table whose
    file does not hold its sessions as they are loses its ``file`` and has its
    sessions written inline (a file that holds them all, in order, is kept, and the
    sessions added to it are written inline).
    """
    return _write(project, None).text


@attrs.frozen
class _Written:
    """A project file's text and the session tables to write with it."""

    text: str
    tables: Mapping[Path, str | bytes] = attrs.field(factory=dict)


@attrs.frozen
class _Layout:
    """How the file read arranged the project it said.

    Attributes:
        files: The ``file`` of each table that has one, by table id.
        declared: How many venues the file declares (the rest were met in addresses).
        inline: The sessions written inline in the file (the others came from tables).
        addresses: The ``address`` text of inline sessions that give one, by id.

    """

    files: dict[str, str]
    declared: int
    inline: tuple[Session, ...]
    addresses: dict[str, str]
    options: dict[str, dict[str, str]] = attrs.field(factory=dict)

    @classmethod
    def of(cls, data: Mapping[str, Any], old: Project) -> _Layout:
        """Read the layout from the raw data of a file and the project it said."""
        tables = data.get("tables", [])
        files = {table.id: raw["file"] for table, raw in zip(old.tables, tables, strict=True)
                 if "file" in raw}
        # How a table's file is read (its sheet, its encoding): kept with the file.
        options = {table.id: {k: raw[k] for k in _READ_OPTIONS if k in raw}
                   for table, raw in zip(old.tables, tables, strict=True) if "file" in raw}
        raw_sessions = data.get("sessions", [])
        # A session is known by its table and id (versions of a table may repeat ids).
        every = {_key(s): s for s in _every(old)}
        inline = tuple(every[_raw_key(raw)] for raw in raw_sessions)
        addresses = {_key(session): raw["address"]
                     for session, raw in zip(inline, raw_sessions, strict=True)
                     if "address" in raw}
        return cls(files, len(data.get("venues", [])), inline, addresses, options)


@attrs.frozen
class _Plan:
    """Where each session goes, and the table files to write.

    Attributes:
        files: The ``file`` kept by each table, by id.
        inline: The sessions written inline, in order.
        venues: The venues written in ``[[venues]]``.
        addresses: Ids of inline sessions whose ``address`` still names their venues.
        tables: The table files to write, with their text (bytes: a file copied as it is).

    """

    files: dict[str, str]
    inline: tuple[Session, ...]
    venues: tuple[Venue, ...]
    addresses: frozenset[str]
    tables: dict[Path, str | bytes]


def _write(project: Project, folder: Path | None) -> _Written:
    origin = project.origin
    if origin is None:
        return _Written(tomli_w.dumps(_canonical(project)))
    old = _read_again(origin)
    layout = _Layout.of(tomllib.loads(origin.text), old)
    base = Path(origin.base or ".")
    plan = None
    if project.venues == old.venues:
        # The file's own venues stay as declared, if reading then meets the same ones.
        plan = _plan(project, layout, base, folder, declare_all=False)
    if plan is None:
        plan = _plan(project, layout, base, folder, declare_all=True)
        assert plan is not None
    before = _project_data(old, sessions=layout.inline, venues=old.venues[:layout.declared],
                           files=layout.files, options=layout.options)
    for element, session in zip(before.get("sessions", []), layout.inline, strict=True):
        if _key(session) in layout.addresses and _key(session) not in plan.addresses:
            element["venues"] = _CHANGED  # its address names other venues now
    after = _project_data(project, sessions=plan.inline, venues=plan.venues, files=plan.files,
                          options=layout.options)
    if before == after:
        return _Written(origin.text, plan.tables)  # the file says it all as it is
    document = tomlkit.parse(origin.text)
    merge(document, before, after, _RULES)
    text = document.as_string()
    if not origin.text.endswith("\n\n"):
        text = text.rstrip("\n") + "\n"  # elements added at the end bring a blank line
    return _Written(text, plan.tables)


_READ_OPTIONS = ("sheet", "encoding")


def _fixed(path: Path, table: PublishedTable, options: Mapping[str, str],
           book: VenueBook) -> list[Session] | None:
    """The sessions of a table file this writer does not edit, read as the reader reads it.

    A spreadsheet, or a text file that is not UTF-8 (declared or found so): it is kept
    when it still says the table's sessions, never rewritten. None for a UTF-8 text file,
    which :func:`place_sessions` edits row by row.
    """
    spreadsheet = path.suffix.lower() in SHEET_SUFFIXES
    if not spreadsheet and "encoding" not in options:
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            pass  # detected as another encoding when it was read
        except OSError:
            return None
        else:
            return None

    def fail(message: str) -> ProjectFileError:
        return ProjectFileError(f"the session table {message}", path=str(path))

    data = read_bytes(path, fail)
    if spreadsheet:
        return read_session_rows(sheet_rows(data, path=str(path), sheet=options.get("sheet")),
                                 table=table.id, venues=book, kind=table.kind, path=str(path))
    fmt: Literal["md", "csv"] = "csv" if path.suffix.lower() == ".csv" else "md"
    text = decode_table(data, str(path), ENCODINGS.get(options.get("encoding", ""))).text
    return read_session_table(text, table=table.id, venues=book, kind=table.kind, fmt=fmt,
                              path=str(path))


def _read_again(origin: ProjectOrigin) -> Project:
    # Imported here, not above: the reader imports this module to offer save_project
    # beside load_project.
    from opsreform.files.project import loads_project  # noqa: PLC0415

    try:
        return loads_project(origin.text, path=origin.path,
                             base=None if origin.base is None else Path(origin.base),
                             root=origin.root)
    except ProjectFileError as exc:
        msg = (f"cannot read again the file this project was read from, to save only what "
               f"changed ({exc}); to write the project anew instead, drop its origin: "
               "attrs.evolve(project, origin=None)")
        raise ProjectFileError(msg, path=origin.path) from None


def _plan(project: Project, layout: _Layout, base: Path, folder: Path | None, *,
          declare_all: bool) -> _Plan | None:
    """Place every session in a table file or inline, reading as the reader will.

    Returns None when the file's own venues (``declare_all`` false) would not read back
    as the project's: then every venue must be declared.
    """
    venues = project.venues if declare_all else project.venues[:layout.declared]
    by_id = {v.id: v for v in project.venues}
    book = VenueBook(list(venues))
    inline_before = {_key(s) for s in layout.inline}
    by_table: dict[str, list[Session]] = {}
    for session in _every(project):
        if session.table is not None and _key(session) not in inline_before:
            by_table.setdefault(session.table, []).append(session)
    files: dict[str, str] = {}
    tables: dict[Path, str | bytes] = {}
    placed: dict[Path, str | None] = {}
    held: set[str] = set()
    for table in project.tables:
        ref = layout.files.get(table.id)
        if ref is None:
            continue
        source_path = base / ref
        trial = VenueBook(list(book.venues))
        fixed = _fixed(source_path, table, layout.options.get(table.id, {}), trial)
        if fixed is not None:
            wanted = by_table.get(table.id, [])
            home = (folder if folder is not None else base) / ref
            if fixed == wanted and (folder is None or _inside(home, folder)):
                files[table.id] = ref
                held.update(_key(s) for s in wanted)
                book = trial
                if folder is not None and home.resolve() != source_path.resolve():
                    tables[home] = source_path.read_bytes()
            continue  # else its sessions go inline: the file is not rewritten
        fmt: Literal["md", "csv"] = "csv" if Path(ref).suffix.lower() == ".csv" else "md"
        home = (folder if folder is not None else base) / ref
        writable = folder is not None and _inside(home, folder)
        current = _read(home)
        source = current if current is not None or not writable else _read(base / ref)
        if home.resolve() in placed:
            # A file two tables read: the second may only keep it as the first left it.
            source, writable = placed[home.resolve()], False
        placement = place_sessions(source, fmt=fmt, table=table,
                                   sessions=by_table.get(table.id, ()), book=book,
                                   venues=by_id, writable=writable, path=str(home))
        placed.setdefault(home.resolve(), placement.text)
        if placement.text is None:
            continue  # the file cannot hold them: its sessions go inline
        files[table.id] = ref
        held.update(_key(s) for s in placement.held)
        book = placement.book
        if writable and placement.text != current:
            tables[home] = placement.text
    inline = _interleaved(
        [s for s in project.sessions if _key(s) not in held],
        [s for s in project.history if _key(s) not in held],
        {_key(s): n for n, s in enumerate(layout.inline)})
    addresses: set[str] = set()
    old_inline = {_key(s): s for s in layout.inline}
    for session in inline:
        address = layout.addresses.get(_key(session))
        before = old_inline.get(_key(session))
        if address is not None and before is not None and _venue_ids(before) == _venue_ids(
                session):
            trial = VenueBook(list(book.venues))
            if _names(session, address, trial):
                book = trial
                addresses.add(_key(session))
                continue
            if not declare_all:
                return None
        if not all(book.has(v) for v in (*_venue_ids(session), *session.places)):
            return None
    if not declare_all and book.venues != list(project.venues):
        return None
    return _Plan(files, inline, tuple(venues), frozenset(addresses), tables)


def _venue_ids(session: Session) -> tuple[str, ...]:
    return tuple(b.venue for b in session.slots if b.venue is not None)


def _names(session: Session, address: str, book: VenueBook) -> bool:
    """Whether ``address`` gives the session's slots their venues (as the reader pairs them)."""
    try:
        ids = tuple(book.venue_for(a) for a in parse_addresses(address))
    except OpsReformError:
        return False
    venues = [b.venue for b in session.slots]
    if len(ids) <= 1:
        return all(v == (ids[0] if ids else None) for v in venues)
    return tuple(venues) == ids


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _read(path: Path) -> str | None:
    """A table file's text exactly (line ends and a byte-order mark kept), if it exists."""
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            return stream.read()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectFileError(f"cannot read the session table: {exc}",
                               path=str(path)) from None


# --------------------------------------------------------------------------- canonical data


def _canonical(project: Project) -> dict[str, Any]:
    """The canonical data of a project file saying ``project``, every session inline."""
    return _project_data(project, sessions=_every(project), venues=project.venues, files={})


def _every(project: Project) -> tuple[Session, ...]:
    """Every session to save: the schedule, then the history (superseded tables' sessions)."""
    return (*project.sessions, *project.history)


def _interleaved(schedule: list[Session], history: list[Session],
                 order: dict[str, int]) -> tuple[Session, ...]:
    """The inline sessions of the schedule and of the history, merged as the file had them.

    Each keeps its own order (the project's); where the file held both, the merge follows
    the file, so that saving an unchanged project leaves its ``[[sessions]]`` as written.
    """
    merged: list[Session] = []
    i = j = 0
    while i < len(schedule) or j < len(history):
        if j < len(history) and (i == len(schedule) or order.get(
                _key(history[j]), len(order)) < order.get(_key(schedule[i]), len(order))):
            merged.append(history[j])
            j += 1
        else:
            merged.append(schedule[i])
            i += 1
    return tuple(merged)


def _key(session: Session) -> str:
    """What tells saved sessions apart: versions of a table may give one id again."""
    return f"{session.table}\x00{session.id}"


def _raw_key(raw: Mapping[str, Any]) -> str:
    """:func:`_key` of an inline session as the file states it."""
    table = raw.get("table")
    given = raw.get("id")
    session_id = str(given) if given is not None else f"{table}#{raw.get('number')}"
    return f"{table}\x00{session_id}"


def _project_data(project: Project, *, sessions: Sequence[Session], venues: Sequence[Venue],
                  files: Mapping[str, str],
                  options: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, Any]:
    from opsreform.files.project import FORMAT_VERSION  # noqa: PLC0415 (as in _read_again)

    options = options or {}
    data: dict[str, Any] = {"format": FORMAT_VERSION, "title": project.title}
    _put(data, "goal", project.goal)
    _put(data, "beneficiary", project.beneficiary)
    _put(data, "period", project.period and _period(project.period))
    _put(data, "start", project.start and format_date(project.start))
    _put(data, "duration_months", project.duration_months)
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
        }) | person_data(p) for p in project.people]
    if project.groups:
        data["groups"] = [group_data(g) for g in project.groups]
    if venues:
        data["venues"] = [compact({"id": v.id, "address": v.address and str(v.address),
                                  "name": v.name}) for v in venues]
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
            "supersedes": t.supersedes, "groups": list(t.groups) or None,
            "file": files.get(t.id),
            **(options.get(t.id, {}) if t.id in files else {}),
        }) for t in project.tables]
    if sessions:
        data["sessions"] = [_session_data(s) for s in sessions]
    if project.indicators:
        data["indicators"] = indicators_data(project.indicators)
    if project.funding is not None:
        data["funding"] = funding_to_data(project.funding)
    if project.organisation is not None:
        data["organisation"] = organisation_to_data(project.organisation)
    if project.amendments:
        data["amendments"] = amendments_to_data(project.amendments)
    return data


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
        "sessions": c.sessions, "duration_months": c.duration_months,
        "leaders": list(c.leaders) or None, "note": c.note,
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
        **attendance_data(s.attendance),
        "places": list(s.places) or None, "activity": s.activity,
        "contract": s.contract,
        "status": None if s.status is SessionStatus.PLANNED else s.status.value,
        "note": s.note,
    })
    if s.leaders is not None:  # [] means "nobody named", unlike an absent key (the contract's)
        data["leaders"] = list(s.leaders)
    return data
