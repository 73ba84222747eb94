"""Session tables as centres publish them: Markdown (as in the documents) or CSV.

The columns are those of the published schedules — Lp., kind or title, date, hours,
address — recognised by their Polish (or English) headers; a table whose header row is
empty is read by position in that order. Optional further columns make the bulk format:
``id``, ``kind``, ``venue``, ``leaders``, ``contract``, ``activity``, ``groups`` (ids of the
groups that attend, separated by commas), ``headcount``, ``status``, ``attended`` (how many
came to a delivered session; "Liczba obecnych").

Every row is read or reported: rows that cannot be read are listed with their line in
one :class:`~opsreform.exceptions.ProjectFileError`, never dropped.

>>> text = '''
... | Lp. | Rodzaj działania | Data | Godzina | Adres realizacji działania |
... |-----|------------------|------|---------|----------------------------|
... | 1 | SUPERWIZJA | 22.05.2018 | 08.00 - 11.00 | ul. Sienkiewicza 8 42-600 Tarnowskie Góry |
... '''
>>> book = VenueBook()
>>> [session] = read_session_table(text, table="2018-05-07", venues=book)
>>> session.id, session.kind.value, session.minutes, [v.id for v in book.venues]
('2018-05-07#1', 'supervision', 180, ['sienkiewicza-8'])
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Literal

import attrs

from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files._memo import memo
from opsreform.files._reader import NUMBER, PARTS, PEOPLE, check_day, check_period, shown
from opsreform.model.sessions import (
    NOBODY_STATED,
    Attendance,
    Session,
    SessionKind,
    SessionStatus,
    SlotBooking,
    split_part,
)
from opsreform.model.venues import Venue, venue_id_for
from opsreform.periods import Period
from opsreform.text import addresses as _addresses
from opsreform.text import dates as _dates
from opsreform.text import slots as _slots
from opsreform.text._lexer import fold
from opsreform.text.addresses import Address
from opsreform.text.periods import parse_period
from opsreform.timeslots import TimeSlot

__all__ = ["VenueBook", "read_session_rows", "read_session_table", "slot_bookings"]


class _Reading:
    """The readers of cell texts for one table: each distinct text is read once.

    A schedule repeats its dates, hours and addresses row after row; the results are
    immutable, so each is read once per table (see :mod:`opsreform.files._memo`). Made
    afresh by each :func:`read_session_rows`: nothing read outlives the table.
    """

    def __init__(self) -> None:
        self.date = memo(_dates.parse_date)
        self.addresses = memo(_addresses.parse_addresses)
        self.split = memo(split_part)
        self.kind_of_title = memo(SessionKind.from_polish)
        self.kind = memo(SessionKind)
        self.status = memo(SessionStatus)
        self.slots = memo(_slots.parse_slots)
        self.bookings = memo(self._bookings)
        self.when = memo(_when)

    def _bookings(self, key: tuple[str, tuple[str, ...]]) -> tuple[SlotBooking, ...]:
        text, venue_ids = key
        return _paired(self.slots(text), venue_ids)


_COLUMNS = (
    ("number", ("lp", "nr", "number", "no")),
    ("kind", ("kind", "rodzaj wsparcia", "typ")),
    ("title", ("rodzaj dzialania", "nazwa", "temat", "title", "tytul", "rodzaj")),
    ("date", ("data", "date", "termin")),
    ("slots", ("godzin", "hours", "slots", "czas")),
    ("address", ("adres", "address", "miejsce")),
    ("venue", ("venue", "sala")),
    ("leaders", ("leaders", "prowadz", "trener", "superwizor")),
    ("contract", ("contract", "umowa")),
    ("activity", ("activity", "dzialanie nr", "zadanie")),
    # Before headcount, whose "liczba" would take "Liczba obecnych".
    ("attended", ("attended", "obecn", "liczba obecn")),
    ("groups", ("groups", "grup")),
    ("headcount", ("headcount", "uczestnicy", "liczba")),
    ("status", ("status",)),
    ("id", ("id",)),
)
_POSITIONAL = ("number", "title", "date", "slots", "address")
# Only ASCII digits: str.isdigit() and int() also take Arabic-Indic and other digits.
_WHOLE = re.compile(r"[0-9]{1,7}")
_TAG = re.compile(r"<[^>]+>")
_SEPARATOR = re.compile(r"^\|?[\s\-:|]+\|?$")


@attrs.define
class VenueBook:
    """The venues known while reading: declared ones, and those met in addresses.

    An address is looked up by its normal form, so two spellings of one place give one
    venue; an address not declared yet becomes a new venue (reported in :attr:`venues`).
    """

    venues: list[Venue] = attrs.field(factory=list)
    _by_key: dict[str, str] = attrs.field(factory=dict, init=False)
    _ids: set[str] = attrs.field(factory=set, init=False)
    # The next suffix to try per derived id, so that many addresses deriving one id
    # (``dluga-1`` in a hundred towns) cost one look-up each, not one per earlier venue.
    _suffix: dict[str, int] = attrs.field(factory=dict, init=False)

    def __attrs_post_init__(self) -> None:
        for venue in self.venues:
            self._remember(venue)

    def _remember(self, venue: Venue) -> None:
        self._ids.add(venue.id)
        if venue.address is not None:
            self._by_key.setdefault(venue.address.key, venue.id)

    def copy(self) -> VenueBook:
        """A book of the same venues, to read on without changing this one."""
        return VenueBook(list(self.venues))

    def has(self, venue_id: str) -> bool:
        """Whether a venue with this id is known."""
        return venue_id in self._ids

    def venue_for(self, address: Address) -> str:
        """Return the id of the venue at ``address``, declaring a new one if needed."""
        found = self._by_key.get(address.key)
        if found is not None:
            return found
        base = venue_id_for(address) or "venue"
        venue_id, n = base, self._suffix.get(base, 1)
        if n > 1:
            venue_id = f"{base}-{n}"
        while venue_id in self._ids:
            n += 1
            venue_id = f"{base}-{n}"
        self._suffix[base] = n
        venue = Venue(venue_id, address)
        self.venues.append(venue)
        self._remember(venue)
        return venue_id


def slot_bookings(slots_text: str, venue_ids: tuple[str, ...]) -> tuple[SlotBooking, ...]:
    """Pair the slots of a cell with its venues: one venue for all, or one per slot.

    Raises:
        ValueError: When there are several venues but not one per slot.

    """
    return _paired(_slots.parse_slots(slots_text), venue_ids)


def _paired(slots: tuple[TimeSlot, ...], venue_ids: tuple[str, ...]
            ) -> tuple[SlotBooking, ...]:
    if len(venue_ids) <= 1:
        venue = venue_ids[0] if venue_ids else None
        return tuple(SlotBooking(slot, venue) for slot in slots)
    if len(venue_ids) != len(slots):
        msg = (f"{len(venue_ids)} venues for {len(slots)} slots; expected one venue for all "
               "slots, or one per slot in the same order")
        raise ValueError(msg)
    return tuple(SlotBooking(s, v) for s, v in zip(slots, venue_ids, strict=True))


def _header_columns(cells: list[str]) -> list[str | None] | None:
    if not any(c.strip() for c in cells):
        return None
    columns: list[str | None] = []
    for cell in cells:
        name = fold(_TAG.sub("", cell)).strip().rstrip(".")
        found = None
        for column, stems in _COLUMNS:
            if any(name == stem or name.startswith(stem) for stem in stems):
                found = column
                break
        columns.append(found)
    return columns


def _markdown_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("|") or _SEPARATOR.match(stripped):
            continue
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        yield number, cells


def _csv_rows(text: str, path: str | None) -> Iterator[tuple[int, list[str]]]:
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for cells in reader:
            if cells and any(c.strip() for c in cells):
                yield reader.line_num, [c.strip() for c in cells]
    except csv.Error as exc:  # a cell over the csv module's limit (128 KiB), a stray quote
        raise ProjectFileError(f"not valid CSV: {exc}", path=path,
                               line=reader.line_num) from None


def read_session_table(
    text: str,
    *,
    table: str,
    venues: VenueBook,
    kind: SessionKind | None = None,
    contract: str | None = None,
    fmt: Literal["md", "csv"] = "md",
    path: str | None = None,
) -> list[Session]:
    """Read the sessions of one published table.

    Args:
        text: The table as Markdown (rows ``| … |``; other lines are prose and skipped)
            or CSV (``;`` or ``,`` separated, first row the header).
        table: The id of the published table (sessions get ids ``table#number``).
        venues: The venue book; addresses are matched to declared venues and new ones
            are added to it.
        kind: The kind of sessions whose title names none (a table of trainings).
        contract: The contract of every row that does not name one.
        fmt: ``md`` or ``csv``.
        path: The file name, for error messages.

    Returns:
        The sessions in the order of the rows.

    Raises:
        ProjectFileError: Listing every row that cannot be read, with its line.

    """
    rows = _markdown_rows(text) if fmt == "md" else _csv_rows(text, path)
    return read_session_rows(rows, table=table, venues=venues, kind=kind, contract=contract,
                             path=path)


def read_session_rows(
    rows: Iterable[tuple[int, list[str]]],
    *,
    table: str,
    venues: VenueBook,
    kind: SessionKind | None = None,
    contract: str | None = None,
    path: str | None = None,
    place: str = "line",
) -> list[Session]:
    """Read the sessions of one table given as rows of cell texts (see :func:`read_session_table`).

    Args:
        rows: ``(line or row number, cells)`` pairs, in order (a spreadsheet's rows,
            :func:`opsreform.files.sheets.sheet_rows`).
        table: The id of the published table.
        venues: The venue book.
        kind: The kind of sessions whose title names none.
        contract: The contract of every row that does not name one.
        path: The file name, for error messages.
        place: How messages name a row's position (``line``, or ``sheet 'X', row``).

    Raises:
        ProjectFileError: Listing every row that cannot be read, with its position.

    """
    columns: list[str | None] | None = None
    sessions: list[Session] = []
    problems: list[tuple[int, str]] = []
    reading = _Reading()
    for line, cells in rows:
        columns = _row(line, cells, columns, sessions, problems, table, venues, kind, contract,
                       reading)
    if problems:
        listed = "; ".join(f"{place} {line}: {message}" for line, message in problems[:20])
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        raise ProjectFileError(
            f"{len(problems)} row(s) of table {table!r} cannot be read: {listed}{more}",
            path=path, line=problems[0][0])
    return _repeats_apart(sessions, table)


def _repeats_apart(sessions: list[Session], table: str) -> list[Session]:
    """Give each repeat of an Lp. an id of its own: the second row numbered 5 is ``t#5-2``.

    Published tables do repeat a number by mistake; the table must still load, and the
    ``numbering`` rule reports the repeat. Rows with an ``id`` keep it.
    """
    taken = {s.id for s in sessions}
    seen: dict[int | None, int] = {}
    apart = []
    for session in sessions:
        if session.given_id is None:
            seen[session.number] = count = seen.get(session.number, 0) + 1
            if count > 1:
                given = f"{table}#{session.number}-{count}"
                while given in taken:  # a row whose id column already holds that id
                    count += 1
                    given = f"{table}#{session.number}-{count}"
                taken.add(given)
                session = attrs.evolve(session, given_id=given)
        apart.append(session)
    return apart


def _row(line: int, cells: list[str], columns: list[str | None] | None,
         sessions: list[Session], problems: list[tuple[int, str]], table: str,
         venues: VenueBook, kind: SessionKind | None, contract: str | None,
         reading: _Reading) -> list[str | None] | None:
    """Read one row into ``sessions`` (or ``problems``); return the columns from then on."""
    if not _looks_like_data(cells):
        header = _header_columns(cells)
        if header is None:  # an empty header row: columns by position
            return columns or list(_POSITIONAL)
        if "date" in header:
            return header
        if columns is None and sum(1 for c in cells if c.strip()) == 1:
            return columns  # a title above the header (as spreadsheets and CSV have it)
    current = columns or list(_POSITIONAL)
    if len(cells) != len(current):
        problems.append((line, f"{len(cells)} cells where the header has {len(current)}"))
        return columns
    record = {name: cell for name, cell in zip(current, cells, strict=True) if name}
    try:
        sessions.append(_session(record, line, table, venues, kind, contract, reading))
    except (OpsReformError, ValueError, ArithmeticError) as exc:
        problems.append((line, str(exc)))
    return columns


def _looks_like_data(cells: list[str]) -> bool:
    return bool(cells) and _WHOLE.fullmatch(cells[0].strip()) is not None


def _session(record: dict[str, str], line: int, table: str, venues: VenueBook,
             kind: SessionKind | None, contract: str | None, reading: _Reading) -> Session:
    number_text = record.get("number", "").strip().rstrip(".")
    if not _WHOLE.fullmatch(number_text) or not 1 <= int(number_text) <= NUMBER:
        msg = f"Lp. {shown(number_text)} is not a whole number from 1 to {NUMBER}"
        raise ValueError(msg)
    title, part = reading.split(record.get("title", ""))
    if not title:
        raise ValueError("the row has no title or kind")
    if part is not None and not 1 <= part <= PARTS:
        msg = f"part (cz.) {shown(part)} is not a whole number from 1 to {PARTS}"
        raise ValueError(msg)
    stated_kind = record.get("kind", "").strip()
    session_kind = (reading.kind(stated_kind) if stated_kind
                    else reading.kind_of_title(title) or kind)
    if session_kind is None:
        msg = (f"cannot tell the kind of {title!r}; give the table a kind or a 'kind' column "
               f"({', '.join(k.value for k in SessionKind)})")
        raise ValueError(msg)
    venue_ids = _venues(record, venues, reading)
    day, period = reading.when((record.get("date", ""), session_kind.multi_day))
    slots_text = record.get("slots", "").strip()
    bookings = reading.bookings((slots_text, venue_ids)) if slots_text else ()
    leaders = record.get("leaders", "").strip()
    headcount = record.get("headcount", "").strip()
    groups = tuple(x.strip() for x in record.get("groups", "").split(",") if x.strip())
    status = record.get("status", "").strip()
    attended = record.get("attended", "").strip()
    attendance = NOBODY_STATED
    if headcount or attended or groups:
        attendance = Attendance(headcount=_headcount(headcount) if headcount else None,
                                attended=_attended(attended) if attended else None,
                                groups=groups)
    return Session(
        kind=session_kind,
        title=title,
        day=day,
        period=period,
        slots=bookings,
        part=part,
        leaders=tuple(x.strip() for x in leaders.split(",")) if leaders else None,
        attendance=attendance,
        activity=record.get("activity", "").strip() or None,
        contract=record.get("contract", "").strip() or contract,
        table=table,
        number=int(number_text),
        status=reading.status(status) if status else SessionStatus.PLANNED,
        given_id=record.get("id", "").strip() or None,
        line=line,
    )


def _headcount(text: str) -> int:
    if not _WHOLE.fullmatch(text) or not 1 <= int(text) <= PEOPLE:
        msg = f"headcount {shown(text)} is not a whole number from 1 to {PEOPLE}"
        raise ValueError(msg)
    return int(text)


def _attended(text: str) -> int:
    if not _WHOLE.fullmatch(text) or not 0 <= int(text) <= PEOPLE:
        msg = f"attended {shown(text)} is not a whole number from 0 to {PEOPLE}"
        raise ValueError(msg)
    return int(text)


def _when(key: tuple[str, bool]) -> tuple[date | None, Period | None]:
    """The day of a row, or its period (a multi-day kind's date that is not one day)."""
    text, multi_day = key
    if multi_day:
        try:
            _dates.parse_date(text)
        except OpsReformError:
            return None, check_period(parse_period(text))
    return check_day(_dates.parse_date(text)), None


def _venues(record: dict[str, str], venues: VenueBook, reading: _Reading
            ) -> tuple[str, ...]:
    named = record.get("venue", "").strip()
    if named:
        ids = tuple(v.strip() for v in named.split(","))
        for venue_id in ids:
            if not venues.has(venue_id):
                msg = f"venue {venue_id!r} is not declared"
                raise ValueError(msg)
        return ids
    address = record.get("address", "").strip()
    if not address:
        return ()
    return tuple(venues.venue_for(a) for a in reading.addresses(address))

