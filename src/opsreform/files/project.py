"""Project files: TOML, human-written, in the Polish forms; read and written without loss.

The format is versioned (``format = 1``) and documented key by key in
``docs/project-files.md``; a JSON Schema of it ships as ``project.schema.json``.
Facts a document does not state are left out, and mean unknown. Every key is read or
reported: an unknown key is an error that names the file, the line and the key.

A project file may come from anyone: the session tables it names are read only from
inside its folder (or a ``root`` the caller chooses), only when they are regular files
of at most :data:`~opsreform.files._source.MAX_BYTES`, and whatever a file holds,
reading it either gives a project or raises :class:`ProjectFileError` naming the file.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Generator, Iterable
from datetime import date
from pathlib import Path
from typing import Literal

import attrs

from opsreform.engine._pause import collector_paused
from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files._lines import MAX_DEPTH, KeyLines, NestingError
from opsreform.files._reader import (
    FIRST_DAY,
    HOURS,
    LAST_DAY,
    MONTHS,
    NUMBER,
    PARTS,
    Table,
    check_day,
    hours_value,
    shown,
)
from opsreform.files._schedule import (
    Answer,
    Pairs,
    Request,
    TableRead,
    TableText,
    read_many,
    row_fail,
    schedule_of,
)
from opsreform.files._source import (
    ENCODINGS,
    MAX_BYTES,
    decode_project,
    decode_table,
    read_bytes,
    resolve_inside,
)
from opsreform.files.amendments import read_amendments
from opsreform.files.delivery import read_attendance, read_indicators
from opsreform.files.funding import read_funding
from opsreform.files.organisation import read_organisation
from opsreform.files.people import check_group_names, person_extras, read_groups
from opsreform.files.sheets import SHEET_SUFFIXES, sheet_rows
from opsreform.files.tables import (
    VenueBook,
    read_session_rows,
    slot_bookings,
)
from opsreform.files.versions import check_chains, unique_key
from opsreform.files.writer import dumps_project, save_project
from opsreform.messages import Message
from opsreform.model.activities import Activity
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.contracts import Contract
from opsreform.model.people import Person, Profession
from opsreform.model.project import Milestone, Project, ProjectOrigin, ReadNote, SourceDocument
from opsreform.model.sessions import (
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

__all__ = [
    "FORMAT_VERSION",
    "dumps_project",
    "load_many",
    "load_project",
    "loads_project",
    "save_project",
]

FORMAT_VERSION = 1
"""The version of the project-file format this release reads and writes."""

# What a reader never swallows: the user's interrupt, the program's exit.
_INTERRUPTS = (KeyboardInterrupt, SystemExit, GeneratorExit)

# Builds the error about one field of one item: (field, message) -> error with its place.
_Fail = Callable[[str, str], ProjectFileError]
# How a table's file is to be read: its text (read with the others of the project, or
# alone), a spreadsheet read by rows with the venue book, nothing (no file), or the error
# met on the way to it (raised once the tables before it are read).
_Pending = TableText | Callable[[VenueBook], "Pairs"] | OpsReformError | None


def load_project(path: str | Path, *, root: str | Path | None = None,
                 max_bytes: int = MAX_BYTES) -> Project:
    """Read a project file.

    Args:
        path: The TOML file. Session tables it references are read relative to it.
        root: The folder every session table must lie in (after resolving ``..`` and
            symbolic links); by default the project file's own folder.
        max_bytes: The largest file (project or table) read.

    Returns:
        The project.

    Raises:
        ProjectFileError: The file cannot be read, is not UTF-8 TOML, holds a key or
            value that is wrong, or names a table that cannot be read or lies outside
            ``root``; the message names the file, and the line and the key where there
            are ones. Whatever the file holds, no other exception escapes.

    """
    try:
        return _done(_file_steps(path, root=root, max_bytes=max_bytes))
    except OpsReformError:
        raise
    except _INTERRUPTS:
        raise
    except BaseException as exc:  # the last line of defence (a polars panic is a
        # BaseException, not an Exception): no traceback, whatever the file
        raise _unexpected(exc, str(path)) from None


def load_many(paths: Iterable[str | Path], *, root: str | Path | None = None,
              max_bytes: int = MAX_BYTES, chunk: int = 512) -> list[Project | OpsReformError]:
    """Read many project files, their session tables read as columns together.

    Each file gives what :func:`load_project` gives it alone: its project, or the error
    that function would raise (returned in its place, not raised).

    Args:
        paths: The project files.
        root: As for :func:`load_project`.
        max_bytes: As for :func:`load_project`.
        chunk: How many files are read together (a bound on the texts held at once).

    Returns:
        A project or an error per file, in order.

    >>> [type(x).__name__ for x in load_many(["examples/swilcza.toml", "nowhere.toml"])]
    ['Project', 'ProjectFileError']

    """
    if chunk < 1:
        msg = f"chunk is how many files are read together, 1 or more; got {chunk!r}"
        raise ValueError(msg)
    given = list(paths)
    found: list[Project | OpsReformError] = []
    with collector_paused():  # millions of objects that all live on (engine._pause)
        for start in range(0, len(given), chunk):
            found.extend(_load_chunk(given[start:start + chunk], root, max_bytes))
    return found


def _load_chunk(paths: list[str | Path], root: str | Path | None, max_bytes: int,
                ) -> list[Project | OpsReformError]:
    found: list[Project | OpsReformError | None] = [None] * len(paths)
    started: list[tuple[int, Generator[Request | None, Answer | None, Project],
                        Request | None]] = []
    for i, path in enumerate(paths):
        try:
            steps = _file_steps(path, root=root, max_bytes=max_bytes)
            started.append((i, steps, next(steps)))
        except _INTERRUPTS:
            raise
        except BaseException as exc:  # as in load_project: never a traceback
            found[i] = _error(exc, str(path))
    asked = [(i, request) for i, _, request in started if request is not None]
    try:
        together = read_many([r for _, r in asked])
    except _INTERRUPTS:
        raise
    except BaseException:  # never expected: then each file reads its tables alone
        together = [None] * len(asked)
    answers = dict(zip([i for i, _ in asked], together, strict=True))
    for i, steps, _ in started:
        try:
            steps.send(answers.get(i))
            raise AssertionError("the steps of reading a project yield once")
        except StopIteration as done:
            found[i] = done.value
        except _INTERRUPTS:
            raise
        except BaseException as exc:  # as above
            found[i] = _error(exc, str(paths[i]))
    loaded = [x for x in found if x is not None]
    assert len(loaded) == len(paths), "every file gives a project or an error"
    return loaded


def _error(exc: BaseException, path: str) -> OpsReformError:
    return exc if isinstance(exc, OpsReformError) else _unexpected(exc, path)


def _done(steps: Generator[Request | None, Answer | None, Project]) -> Project:
    """Take the steps of reading a project, its table files read one by one."""
    next(steps)
    try:
        steps.send(None)
    except StopIteration as done:
        project: Project = done.value
        return project
    raise AssertionError("the steps of reading a project yield once")  # pragma: no cover


def _file_steps(path: str | Path, *, root: str | Path | None, max_bytes: int,
                ) -> Generator[Request | None, Answer | None, Project]:
    """The steps of reading the project file ``path`` (see :meth:`_Reader.steps`)."""
    name = str(path)

    def fail(problem: str) -> ProjectFileError:
        return ProjectFileError(f"the project file {problem}", path=name)

    path = Path(path)
    try:  # the project file itself may be a link (its tables are beside the link)
        real = path.resolve()
    except (OSError, RuntimeError) as exc:
        raise fail("cannot be opened (a loop of links, or a name too long)") from exc
    data = read_bytes(real, fail, max_bytes=max_bytes)
    text = decode_project(data, name)
    return _steps(text, path=name, base=path.parent, root=root, max_bytes=max_bytes)


def loads_project(text: str, *, path: str | None = None, base: Path | None = None,
                  root: str | Path | None = None, max_bytes: int = MAX_BYTES) -> Project:
    """Read a project from TOML text (see :func:`load_project`).

    Args:
        text: The TOML text.
        path: The file name to use in error messages.
        base: The folder that referenced session tables are relative to (default: the
            current folder).
        root: The folder every session table must lie in (default: ``base``).
        max_bytes: The largest session table read.

    """
    try:
        return _loads(text, path=path, base=base, root=root, max_bytes=max_bytes)
    except OpsReformError:
        raise
    except _INTERRUPTS:
        raise
    except BaseException as exc:  # as in load_project
        raise _unexpected(exc, path) from None


def _unexpected(exc: BaseException, path: str | None) -> ProjectFileError:
    """The error for an exception no reader expected; it shows nothing of the file."""
    known: dict[type[BaseException], str] = {
        RecursionError: "it nests too deeply", MemoryError: "it needs too much memory",
        OverflowError: "a number or date in it is too large"}
    what = known.get(type(exc))
    detail = what or f"an unexpected {type(exc).__name__}; please report it"
    return ProjectFileError(f"the file cannot be read: {detail}", path=path)


def _loads(text: str, *, path: str | None, base: Path | None, root: str | Path | None,
           max_bytes: int) -> Project:
    return _done(_steps(text, path=path, base=base, root=root, max_bytes=max_bytes))


def _steps(text: str, *, path: str | None, base: Path | None, root: str | Path | None,
           max_bytes: int) -> Generator[Request | None, Answer | None, Project]:
    lines = _Lines(text, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        lines.scan()  # values nested too deep are the first thing to say
        match = re.search(r"line ([0-9]+)", str(exc))
        line = int(match.group(1)) if match else text.count("\n") + 1  # "at end of document"
        raise ProjectFileError(f"not valid TOML: {exc}", path=path, line=line) from None
    except ValueError:  # an integer of more digits than Python reads (4300)
        lines.scan()
        long = re.search(r"[0-9_]{4000,}", text)
        if long is None:
            raise ProjectFileError("not valid TOML", path=path) from None
        raise ProjectFileError("a number has thousands of digits", path=path,
                               line=text.count("\n", 0, long.start()) + 1) from None
    except RecursionError:  # nesting that the scan of lines did not reach
        lines.scan()
        raise ProjectFileError(f"values nest deeper than {MAX_DEPTH} levels",
                               path=path) from None
    if _depth(data) > MAX_DEPTH - 2:  # near the limit: the scan says exactly (and where)
        lines.scan()
    folder = base or Path.cwd()
    reader = _Reader(folder, Path(root) if root is not None else folder, max_bytes)
    origin = ProjectOrigin(text, path, str(folder.absolute()),
                           None if root is None else str(Path(root).absolute()))
    return reader.steps(Table(data, "", path, lines.line), origin)


class _Lines:
    """The lines of a file's keys, scanned only when an error needs one.

    The scan (:class:`KeyLines`) costs as much as parsing the TOML, and a file without
    errors never needs it. It also refuses values nested deeper than
    :data:`MAX_DEPTH`: a file whose data nests near that deep is scanned at once.
    """

    def __init__(self, text: str, path: str | None) -> None:
        self._text = text
        self._path = path
        self._found: KeyLines | None = None

    def scan(self) -> KeyLines:
        if self._found is None:
            try:
                self._found = KeyLines(self._text)
            except NestingError as exc:
                raise ProjectFileError(f"values nest deeper than {MAX_DEPTH} levels",
                                       path=self._path, line=exc.line) from None
        return self._found

    def line(self, key: str) -> int | None:
        return self.scan().line(key)


def _depth(data: object) -> int:
    """How deep tables and arrays nest in ``data`` (1 for a table of plain values)."""
    deepest, todo = 0, [(data, 1)]
    while todo:
        value, level = todo.pop()
        deepest = max(deepest, level)
        if isinstance(value, dict):
            todo.extend((v, level + 1) for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            todo.extend((v, level + 1) for v in value if isinstance(v, dict | list))
    return deepest


@attrs.define
class _Reader:
    """Reads one project file: where its tables may be, and the notes on what it read."""

    folder: Path
    root: Path
    max_bytes: int
    notes: list[ReadNote] = attrs.field(factory=list)

    def steps(self, root: Table, origin: ProjectOrigin
              ) -> Generator[Request | None, Answer | None, Project]:
        """Read the project in two steps, so that many files' tables are read at once.

        It yields the project's table files to read as columns (None when some of them
        cannot be: a spreadsheet, an error found on the way), and takes back what
        :func:`~opsreform.files._schedule.read_many` gave for them, or None to read them
        one by one here. Errors are raised in the order the file gives them.
        """
        version = root.get("format", int, required=True)
        if version != FORMAT_VERSION:
            raise root.error("format", f"format {version} is not supported; this release "
                                       f"reads format {FORMAT_VERSION}")
        people: list[tuple[Person, _Fail]] = [(_person(t), t.error)
                                              for t in root.tables("people")]
        declared = [(_venue(t), t.error) for t in root.tables("venues")]
        _unique([(v.id, fail) for v, fail in declared], "venues")
        book = VenueBook([v for v, _ in declared])
        contracts: list[tuple[Contract, _Fail]] = [(_contract(t), t.error)
                                                   for t in root.tables("contracts")]
        tables: list[tuple[PublishedTable, _Fail]] = []
        pending: list[_Pending] = []
        for item in root.tables("tables"):
            try:
                table, todo = self.published_table(item)
            except OpsReformError as exc:  # raised once the tables before it are read
                pending.append(exc)
                break
            tables.append((table, item.error))
            pending.append(todo)
        texts = [p for p in pending if isinstance(p, TableText)]
        batch = all(p is None or isinstance(p, TableText) for p in pending)
        answer = yield ((texts, book) if batch and texts else None)
        pieces: list[TableRead | Pairs] = []
        if answer is not None:
            read, book = answer
            pieces.extend(TableRead(r, t.path) for r, t in zip(read, texts, strict=True))
        else:
            for todo in pending:
                if isinstance(todo, OpsReformError):
                    raise todo
                if todo is not None:
                    pieces.append(todo.read(book) if isinstance(todo, TableText)
                                  else todo(book))
        pieces.append([(_session(t, book), t.error) for t in root.tables("sessions")])
        calendar = root.table("calendar")
        funding = root.table("funding")
        organisation = root.table("organisation")
        activities = tuple(_activity(t) for t in root.tables("activities"))
        groups = read_groups(root.tables("groups"))
        person_ids = {p.id for p, _ in people}

        def check(sessions: Pairs) -> None:
            _check_references(people, contracts, tables, sessions, activities)
            check_group_names(groups, person_ids, tables, sessions)

        schedule = schedule_of(
            pieces, superseded={t.supersedes for t, _ in tables if t.supersedes},
            declared={"leaders": person_ids, "people": person_ids, "absent": person_ids,
                      "contract": {c.id for c, _ in contracts},
                      "table": {t.id for t, _ in tables},
                      "activity": _activity_ids(activities)},
            groups={g.id for g, _ in groups}, check=check)
        project = root.build(
            Project,
            title=root.get("title", str, required=True),
            goal=root.get("goal", str),
            beneficiary=root.get("beneficiary", str),
            period=root.period("period"),
            durability_months=root.count("durability_months", low=1, high=MONTHS),
            funding=None if funding is None else read_funding(funding),
            organisation=None if organisation is None else read_organisation(organisation),
            activities=activities,
            activities_excerpt=root.get("activities_excerpt", bool) or False,
            venues=tuple(book.venues),
            people=tuple(p for p, _ in people),
            groups=tuple(g for g, _ in groups),
            contracts=tuple(c for c, _ in contracts),
            tables=tuple(t for t, _ in tables),
            sessions=schedule,
            breaks=tuple(_break(t) for t in root.tables("breaks")),
            calendar=WorkCalendar() if calendar is None else _calendar(calendar),
            rules=_rules(root.table("rules")),
            sources=tuple(_source(t) for t in root.tables("sources")),
            milestones=tuple(t.build(Milestone, day=t.date("date", required=True),
                                     text=t.get("text", str, required=True))
                             for t in root.tables("milestones")),
            indicators=read_indicators(root),
            start=root.date("start"),
            duration_months=root.count("duration_months", low=1, high=MONTHS),
            amendments=read_amendments(root.tables("amendments"),
                                       {c.id for c, _ in contracts}),
            read_notes=tuple(self.notes),
            origin=origin,
        )
        root.done()
        return project

    def published_table(self, t: Table) -> tuple[PublishedTable, _Pending]:
        """The table's declaration, and how its file is to be read (None: it has none)."""
        file = t.get("file", str)
        encoding = t.convert("encoding", str, _encoding)
        sheet = t.get("sheet", str)
        table = t.build(
            PublishedTable,
            id=t.get("id", str, required=True),
            published=t.date("published"),
            title=t.get("title", str),
            kind=t.convert("kind", str, SessionKind),
            contract=t.get("contract", str),
            supersedes=t.get("supersedes", str),
            groups=t.strings("groups") or (),
        )
        if file is None:
            if encoding is not None:
                raise t.error("encoding", "an encoding is given, but no file")
            if sheet is not None:
                raise t.error("sheet", "a sheet is given, but no file")
            return table, None
        spreadsheet = Path(file).suffix.lower() in SHEET_SUFFIXES
        if sheet is not None and not spreadsheet:
            raise t.error("sheet", f"a sheet is given, but {shown(file)} is not a spreadsheet "
                                   f"({', '.join(sorted(SHEET_SUFFIXES))})")
        if encoding is not None and spreadsheet:
            raise t.error("encoding", "a spreadsheet carries its own encoding; give none")

        def fail(message: str) -> ProjectFileError:
            return t.error("file", f"the session table {shown(file)} {message}")

        real = resolve_inside(self.folder, file, self.root, fail)
        shown_path = str(self.folder / file)
        if spreadsheet:
            data = read_bytes(real, fail, max_bytes=self.max_bytes)
            return table, functools.partial(_sheet, t, table, data, sheet, shown_path)
        decoded = decode_table(read_bytes(real, fail, max_bytes=self.max_bytes), shown_path,
                               encoding)
        if decoded.detected:
            said = Message("read-note.cp1250", file=file)
            self.notes.append(ReadNote(f"table {table.id}", said.text("pl"), said=said))
        fmt: Literal["md", "csv"] = "csv" if Path(file).suffix.lower() == ".csv" else "md"
        return table, TableText(decoded.text, table.id, table.kind, fmt, shown_path)


def _sheet(t: Table, table: PublishedTable, data: bytes, sheet: str | None, shown_path: str,
           book: VenueBook) -> Pairs:
    """The sessions of a spreadsheet table, read by rows."""
    name = f"sheet {shown(sheet)}" if sheet is not None else "the first sheet"
    try:
        read = read_session_rows(
            sheet_rows(data, path=shown_path, sheet=sheet), table=table.id,
            venues=book, kind=table.kind, path=shown_path,
            place=f"{name}, row")
    except ProjectFileError as exc:
        if exc.line is not None:  # a row of the sheet: its file and row say where
            raise
        raise t.error("sheet" if sheet is not None else "file",
                      f"{shown_path}: {exc.message}") from None
    if not read:  # a wrong sheet, most likely: never an empty table by silence
        raise t.error("sheet" if sheet is not None else "file",
                      f"{shown_path}: {name} holds no session rows (a "
                      "header with Lp. and a date, then numbered rows); choose the "
                      "sheet with sheet = \"…\"")
    return [(session, row_fail(shown_path, session.line)) for session in read]


def _encoding(name: str) -> str:
    found = ENCODINGS.get(name.strip().lower())
    if found is None:
        msg = (f"unknown encoding {shown(name)}; expected utf-8, utf-16 or cp1250 (what "
               "Polish Excel writes as CSV)")
        raise ValueError(msg)
    return found


def _unique(items: Iterable[tuple[str, _Fail]], what: str) -> None:
    """Raise, at the second one, when two items share an id."""
    seen: dict[str, _Fail] = {}
    for item_id, fail in items:
        if item_id in seen:
            first = seen[item_id]("id", "").line
            where = f" (the first is at line {first})" if first is not None else ""
            raise fail("id", f"two {what} have the id {shown(item_id)}{where}; ids must be "
                             "unique")
        seen[item_id] = fail


def _known(ids: Iterable[str | None], declared: set[str], fail: _Fail, field: str,
           section: str) -> None:
    for item in ids:
        if item is not None and item not in declared:
            known = ", ".join(sorted(declared)[:10]) or "none"
            raise fail(field, f"{field} {shown(item)} is not declared in {section} "
                              f"(declared: {known})")


def _activity_ids(activities: tuple[Activity, ...]) -> set[str]:
    """The ids of every activity, as :class:`Project` gives them (``-1`` for a root dash)."""
    ids: set[str] = set()
    dash = 0
    for root in activities:
        if root.number is None:
            dash += 1
            root = attrs.evolve(root, key=f"-{dash}")
        ids.update(a.id for a in root.walk())
    return ids


def _check_references(people: list[tuple[Person, _Fail]],
                      contracts: list[tuple[Contract, _Fail]],
                      tables: list[tuple[PublishedTable, _Fail]],
                      sessions: list[tuple[Session, _Fail]],
                      activities: tuple[Activity, ...]) -> None:
    """Refuse repeated ids and ids that name nothing, at the key (or row) that names them.

    The same checks as :class:`Project`'s, made here where the place of each item is
    known, so that the error names its line and key.
    """
    _unique([(p.id, fail) for p, fail in people], "people")
    _unique([(c.id, fail) for c, fail in contracts], "contracts")
    superseded = {t.supersedes for t, _ in tables}
    _unique([(unique_key(s, superseded), fail) for s, fail in sessions], "sessions")
    _unique([(t.id, fail) for t, fail in tables], "tables")
    check_chains(tables)
    person_ids = {p.id for p, _ in people}
    contract_ids = {c.id for c, _ in contracts}
    table_ids = {t.id for t, _ in tables}
    activity_ids = _activity_ids(activities)
    for contract, fail in contracts:
        _known(contract.leaders, person_ids, fail, "leaders", "people")
    for table, fail in tables:
        _known((table.contract,), contract_ids, fail, "contract", "contracts")
    for session, fail in sessions:
        _known(session.leaders or (), person_ids, fail, "leaders", "people")
        _known(session.attendance.people, person_ids, fail, "attendees", "people")
        _known(session.attendance.absent, person_ids, fail, "absent", "people")
        _known((session.contract,), contract_ids, fail, "contract", "contracts")
        _known((session.table,), table_ids, fail, "table", "tables")
        _known((session.activity,), activity_ids, fail, "activity", "activities")


def _source(t: Table) -> SourceDocument:
    source = t.build(SourceDocument, name=t.get("name", str, required=True),
                     note=t.get("note", str))
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
        **person_extras(t),
    )


def _venue(t: Table) -> Venue:
    return t.build(
        Venue,
        id=t.get("id", str, required=True),
        address=t.convert("address", str, parse_address),
        name=t.get("name", str),
    )


_UNIT = re.compile(r"[a-z_]{1,40}")


def _unit_name(name: str) -> str:
    if not _UNIT.fullmatch(name):
        msg = f"{shown(name)} is not a unit name; expected e.g. 'lesson_hour' or 'hour'"
        raise ValueError(msg)
    return name


def _contract(t: Table) -> Contract:
    return t.build(
        Contract,
        id=t.get("id", str, required=True),
        title=t.get("title", str, required=True),
        supplier=t.get("supplier", str),
        signed=t.date("signed"),
        period=t.period("period"),
        ends=t.date("ends"),
        kinds=t.convert("kinds", list, lambda v: frozenset(SessionKind(k) for k in v)) or (),
        hours=t.convert("hours", (int, str), hours_value),
        unit=t.convert("unit", str, _unit_name) or "hour",
        sessions=t.count("sessions", low=1, high=HOURS),
        duration_months=t.count("duration_months", low=1, high=MONTHS),
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
    years = t.integers("years", low=FIRST_DAY.year, high=LAST_DAY.year)
    return t.build(
        DeclaredBreak,
        kinds=t.convert("kinds", list, lambda v: [SessionKind(k) for k in v], required=True)
        or (),
        months=t.integers("months", low=1, high=12) or [7, 8],
        years=years,
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
    weekdays = t.integers("working_weekdays", low=0, high=6)
    try:
        calendar = WorkCalendar(
            closed=closed, days_in_lieu=lieu,
            working_weekdays=frozenset(weekdays) if weekdays else frozenset(range(5)))
    except OpsReformError as exc:
        raise t.error(getattr(exc, "field", None) or "closed", str(exc)) from None
    t.done()
    return calendar


def _date_in(t: Table, key: str, value: object) -> date:
    try:
        if isinstance(value, date):
            return check_day(value)
        if not isinstance(value, str):
            raise ValueError(f"expected a date, got {shown(value)}")
        return check_day(parse_date(value))
    except (OpsReformError, ValueError) as exc:
        raise t.error(key, str(exc)) from None


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
            raise t.error("venues", f"venue {shown(venue_id)} is not declared in [[venues]]")
    slots = t.convert("slots", str, lambda s: slot_bookings(s, venue_ids or ())) or ()
    attendance = read_attendance(t)
    status = t.convert("status", str, SessionStatus) or SessionStatus.PLANNED
    if attendance.outcome_stated and status is not SessionStatus.DELIVERED:
        key = "attended" if attendance.attended is not None else "absent"
        raise t.error(key, f"{key} is stated for a session that is {status.value}; "
                           "attendance is a fact of a delivered session: set status = "
                           "\"delivered\" (or opsreform mark), or leave the key out")
    given_id = t.get("id", str)
    if given_id is not None and not given_id.strip():
        raise t.error("id", "the id is empty; give a text, or leave the key out")
    return t.build(
        Session,
        kind=t.convert("kind", str, SessionKind, required=True),
        title=t.get("title", str, required=True),
        day=t.date("date"),
        period=t.period("period"),
        slots=slots,
        part=t.count("part", low=1, high=PARTS),
        leaders=t.strings("leaders"),
        attendance=attendance,
        places=_declared(t, "places", book),
        activity=t.get("activity", str),
        contract=t.get("contract", str),
        table=t.get("table", str),
        number=t.count("number", low=1, high=NUMBER),
        status=status,
        given_id=given_id,
        line=t.line_of(t.key),
        note=t.get("note", str),
    )


def _declared(t: Table, name: str, book: VenueBook) -> tuple[str, ...]:
    ids = t.strings(name) or ()
    for venue_id in ids:
        if not book.has(venue_id):
            raise t.error(name, f"venue {shown(venue_id)} is not declared in [[venues]]")
    return ids


def _rules(t: Table | None) -> tuple[Rule, ...] | None:
    if t is None:
        return None
    configured: dict[str, Rule | None] = {}
    for rule_id, value in t.data.items():
        t.read.add(rule_id)
        cls = Rule.registry.get(rule_id)
        if cls is None:
            raise t.error(rule_id, f"unknown rule {shown(rule_id)}; known rules: "
                                   f"{', '.join(sorted(Rule.registry))}")
        if value is False:
            configured[rule_id] = None
        elif value is True:
            configured[rule_id] = cls()
        elif isinstance(value, dict):
            try:
                configured[rule_id] = cls.from_params(value)
            except (OpsReformError, ValueError, TypeError, ArithmeticError) as exc:
                raise t.error(rule_id, str(exc)) from None
        else:
            raise t.error(rule_id, "expected true, false or a table of parameters")
    chosen = [configured.get(r.id, r) for r in default_rules()]
    defaults = {r.id for r in default_rules()}
    chosen.extend(rule for rule_id, rule in configured.items() if rule_id not in defaults)
    return tuple(rule for rule in chosen if rule is not None)
