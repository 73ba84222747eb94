"""Session tables read straight into columns: no ``Session`` object per row.

:func:`read_session_frame` reads what :func:`~opsreform.files.tables.read_session_table`
reads, in the common layouts (one header, numbered rows that all read), into a
:class:`~opsreform.model.table.SessionTable`. Each *distinct* cell text (a date, the hours,
an address, a title…) is read once by the same Polish readers and spread back to its
rows, so a schedule of 100 000 rows costs as many readings as it has different texts. A
plain CSV file (no quotes) is split in one go, each column a slice of the cells.

It never reports a problem itself: whenever a row would be a problem for the row reader,
or the layout is one it does not follow (a header changing mid-table, a row that is
neither a header nor numbered), it returns None and leaves the venue book untouched; the
caller then runs the row reader, which reports the placed error, or reads the odd
layout, exactly as before.

>>> text = '''
... | Lp. | Rodzaj działania | Data | Godzina | Adres realizacji działania |
... |-----|------------------|------|---------|----------------------------|
... | 1 | SUPERWIZJA | 22.05.2018 | 08.00 - 11.00 | ul. Sienkiewicza 8 42-600 Tarnowskie Góry |
... '''
>>> book = VenueBook()
>>> found = read_session_frame(text, table="2018-05-07", venues=book)
>>> found.frame.select("id", "kind", "minutes").row(0), [v.id for v in book.venues]
(('2018-05-07#1', 'supervision', 180), ['sienkiewicza-8'])
>>> read_session_frame(text.replace("22.05", "32.05"), table="t", venues=VenueBook()) is None
True
"""

from __future__ import annotations

import csv
import functools
import itertools
import json
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from typing import Any, Literal, TypeVar

import polars as pl

from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files._reader import NUMBER, PARTS, check_day, check_period
from opsreform.files.tables import (
    _POSITIONAL,
    _WHOLE,
    VenueBook,
    _attended,
    _csv_rows,
    _headcount,
    _header_columns,
    _kind,
    _kind_from_title,
    _markdown_rows,
    _split_part,
    _status,
    parse_addresses,
    parse_date,
    parse_slots,
)
from opsreform.model.sessions import SessionKind, SessionStatus
from opsreform.model.table import COLUMNS, SessionTable
from opsreform.text.periods import parse_period

__all__ = ["read_session_frame"]

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
_Rows = list[tuple[int, list[str]]]
_IDS = pl.List(pl.String)


class _Unsure(Exception):  # noqa: N818 - a signal inside this module, never raised out
    """The row reader is needed: a row it would refuse, or a layout this reader skips."""


def read_session_frame(
    text: str,
    *,
    table: str,
    venues: VenueBook,
    kind: SessionKind | None = None,
    contract: str | None = None,
    fmt: Literal["md", "csv"] = "md",
    path: str | None = None,
) -> SessionTable | None:
    """Read one published table as columns, or return None when the row reader is needed.

    The arguments are those of :func:`~opsreform.files.tables.read_session_table`. When a
    table is returned it equals ``SessionTable.of(read_session_table(...))`` with the same
    arguments, ``line`` column included, and ``venues`` has gained the same venues, with
    the same ids, in the same order.

    Args:
        text: The table as Markdown or CSV.
        table: The id of the published table.
        venues: The venue book; new venues met in addresses are added to it (only when a
            table is returned).
        kind: The kind of sessions whose title names none.
        contract: The contract of every row that does not name one.
        fmt: ``md`` or ``csv``.
        path: The file name (the row reader's messages name it; this reader has none).

    Returns:
        The sessions, or None when any row would be a problem for the row reader, or the
        layout is one this reader does not follow; ``venues`` is then untouched.

    """
    try:
        found = _flat_csv(text) if fmt == "csv" else None
        if found is None:
            found = _data_rows(_markdown(text) if fmt == "md" else _csv(text, path))
        if found is None:
            return None
        names, lines, cells = found
        return _Reader(names, lines, cells, table, kind, contract).read(venues)
    except (_Unsure, OpsReformError, ValueError, ArithmeticError):
        return None


def _markdown(text: str) -> _Rows:
    return list(_markdown_rows(text))


def _csv(text: str, path: str | None) -> _Rows:
    """The rows as the csv module gives them (split by hand when no quote can matter)."""
    if '"' in text or "\r" in text or "\x00" in text:
        try:
            return list(_csv_rows(text, path))
        except ProjectFileError:
            raise _Unsure from None
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    first = lines[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    if max(map(len, lines)) > csv.field_size_limit():
        raise _Unsure
    rows: _Rows = []
    for number, line in enumerate(lines, start=1):
        cells = [c.strip() for c in line.split(delimiter)]
        if any(cells):
            rows.append((number, cells))
    return rows


_Found = tuple[list[str | None], list[int], list[Sequence[str]]]


def _flat_csv(text: str) -> _Found | None:
    """The columns of a plain CSV file whose lines all have the same cells, or None.

    Plain: no quotes, carriage returns or NULs (the csv module would treat them), no
    blank line, no line over the csv module's cell limit. Its cells then come from one
    split of the whole text, and each column is a slice: no list per row. Rows that are
    not numbered (the header, a title above it) must all come first.
    """
    if '"' in text or "\r" in text or "\x00" in text:
        return None
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    first = lines[0] if lines else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    if (len(set(map(str.count, lines, itertools.repeat(delimiter)))) != 1
            or max(map(len, lines)) > csv.field_size_limit() or "" in lines):
        return None
    width = first.count(delimiter) + 1
    flat = list(map(str.strip, delimiter.join(lines).split(delimiter)))
    numbered = list(map(_WHOLE.fullmatch, flat[::width]))
    top = 0  # the rows above the first numbered one
    while top < len(numbered) and numbered[top] is None:
        top += 1
    columns: list[str | None] | None = None
    for at in range(top):
        cells = flat[at * width:(at + 1) * width]
        if not any(cells):
            continue  # a blank row (only delimiters)
        header = _header(tuple(cells))
        if header is None or "date" in header:
            columns = list(header or columns or _POSITIONAL)
        elif columns is not None or sum(1 for c in cells if c) != 1:
            return None  # read as a data row by the row reader
    used = columns or list(_POSITIONAL)
    if top == len(numbered):
        return used, [], []
    if len(used) != width:
        return None
    at = top
    while None in numbered[at:]:  # below the first numbered row: read as one (Lp. "5.")
        at = numbered.index(None, at)
        cells = flat[at * width:(at + 1) * width]
        header = _header(tuple(cells))
        if (not any(cells) or header is None or "date" in header
                or (columns is None and sum(1 for c in cells if c) == 1)):
            return None  # a blank row, a header or a title: the row reader's way
        at += 1
    body = flat[top * width:]
    return used, list(range(top + 1, len(lines) + 1)), [body[i::width] for i in range(width)]


@functools.lru_cache(maxsize=256)
def _header(cells: tuple[str, ...]) -> tuple[str | None, ...] | None:
    # Tables of one project, and of many, repeat their header: recognise it once.
    found = _header_columns(list(cells))
    return None if found is None else tuple(found)


def _data_rows(rows: _Rows) -> _Found | None:
    """The columns and the numbered rows, when one header holds for all of them."""
    columns: list[str | None] | None = None
    used: list[str | None] | None = None  # the columns of the data rows
    lines: list[int] = []
    data: list[list[str]] = []
    for line, cells in rows:
        if _WHOLE.fullmatch(cells[0]) is None:  # cells are stripped already
            header = _header(tuple(cells))
            if header is None or "date" in header:
                columns = list(header or columns or _POSITIONAL)
                if used is not None and columns != used:
                    return None
                continue
            if columns is None and sum(1 for c in cells if c.strip()) == 1:
                continue  # a title above the header
            # Otherwise the row reader reads it as a data row ("5." as Lp. does read).
        current = columns or list(_POSITIONAL)
        if used is None:
            used = current
        if len(cells) != len(used):
            return None
        lines.append(line)
        data.append(cells)
    if used is None:
        return list(_POSITIONAL), [], []
    return used, lines, list(zip(*data, strict=True))


def _codes(column: Iterable[K]) -> tuple[list[K], list[int]]:
    """The distinct values of ``column`` in order of first appearance, and each row's index."""
    column = list(column)
    distinct = list(dict.fromkeys(column))  # dict and map run at C speed: no loop per row
    index = {key: i for i, key in enumerate(distinct)}
    return distinct, list(map(index.__getitem__, column))


def _each(column: Sequence[K], read: Callable[[K], T]) -> list[T]:
    """``read`` of each row's value, reading each distinct value once."""
    found = {key: read(key) for key in dict.fromkeys(column)}
    return list(map(found.__getitem__, column))


def _rows(values: Sequence[T], codes: list[int]) -> list[T]:
    """One value per distinct key, spread back to the rows by their codes."""
    return list(map(values.__getitem__, codes))


class _Reader:
    """The columns of one table's numbered rows, read into a session frame."""

    def __init__(self, names: list[str | None], lines: list[int],
                 cells: list[Sequence[str]], table: str, kind: SessionKind | None,
                 contract: str | None) -> None:
        self.height = len(lines)
        self.lines = lines
        self.table = table
        self.kind = kind
        self.contract = contract
        # A name given twice: the last column wins, as in the row reader's record.
        self.cells = {name: cells[i] for i, name in enumerate(names)
                      if name is not None} if self.height else {}
        self.blank = ("",) * self.height

    def text(self, name: str) -> Sequence[str]:
        return self.cells.get(name, self.blank)

    def read(self, venues: VenueBook) -> SessionTable:
        n = self.height
        if not n:
            return SessionTable(pl.DataFrame(schema=COLUMNS))
        if "number" not in self.cells:
            raise _Unsure
        number = _each(self.text("number"), _number)
        title_keys, title_codes = _codes(zip(self.text("title"), self.text("kind"),
                                             strict=True))
        titles = [_title(t, k, self.kind) for t, k in title_keys]
        date_keys, date_codes = _codes(zip(self.text("date"), title_codes, strict=True))
        dates = [_when(text, titles[code][2].multi_day) for text, code in date_keys]
        place_keys, place_codes = _codes(zip(self.text("venue"), self.text("address"),
                                             strict=True))
        counts = [_venue_count(v, a, venues) for v, a in place_keys]
        slot_keys, slot_codes = _codes(self.text("slots"))
        slots = [_slots(k) for k in slot_keys]
        held, held_codes = _codes(zip(slot_codes, place_codes, strict=True))
        if any(counts[p] > 1 and slot_keys[s] and counts[p] != len(slots[s])
               for s, p in held):
            raise _Unsure  # several venues, not one per slot
        unheld = {i for i, found in enumerate(slots) if not found}
        if unheld and any(s in unheld and not dates[d][2]
                          for s, d in zip(slot_codes, date_codes, strict=True)):
            raise _Unsure  # a one-day session without hours
        attended = _each(self.text("attended"), _attended_or_none)
        status = _each(self.text("status"), _status_value)
        if "attended" in self.cells and any(
                a is not None and s != DELIVERED
                for a, s in zip(attended, status, strict=True)):
            raise _Unsure  # attendance of a session not delivered
        headcount = _each(self.text("headcount"), _headcount_or_none)
        # The new venues go to a copy of the book, in the row reader's order; the book
        # itself learns them only once the table is made (see the end).
        trial = VenueBook(list(venues.venues))
        ids = _venue_ids(place_keys, trial)
        per_day = [sum(e - b for b, e in found) if found else None for found in slots]
        days = [d[3] for d in dates]
        given = [x or None for x in self.text("id")]
        identity, given = self._ids(given, number)
        spans = _rows([d[2] for d in dates], date_codes)
        minutes = [None if m is None else m * d for m, d in zip(
            _rows(per_day, slot_codes), _rows(days, date_codes), strict=True)]
        read: dict[str, list[Any]] = {
            "id": identity,
            "kind": _rows([t[2].value for t in titles], title_codes),
            "title": _rows([t[0] for t in titles], title_codes),
            "part": _rows([t[1] for t in titles], title_codes),
            "first": _rows([d[0] for d in dates], date_codes),
            "slots": _rows([_bookings(slot_keys[s], ids[p]) for s, p in held], held_codes),
            "minutes": minutes,
            "number": number,
            "line": self.lines,
        }
        # A column the table does not have is one constant (see _finish): cheaper.
        if any(spans):
            read["spans"] = spans
            read["last"] = _rows([d[1] for d in dates], date_codes)
        if any(x is not None for x in given):
            read["given_id"] = given
        optional: dict[str, Callable[[], list[Any]]] = {
            "leaders": lambda: _each(self.text("leaders"), _leaders),
            "headcount": lambda: headcount,
            "groups": lambda: _each(self.text("groups"), _groups),
            "attended": lambda: attended,
            "activity": lambda: [x or None for x in self.text("activity")],
            "contract": lambda: [x or self.contract for x in self.text("contract")],
            "status": lambda: status,
        }
        read.update({name: make() for name, make in optional.items() if name in self.cells})
        frame = pl.DataFrame(read, schema={k: _READ[k] for k in read}).select(
            _finish(self.table, self.contract, frozenset(read)))
        for venue in trial.venues[len(venues.venues):]:
            if venue.address is not None:  # (always: made from an address)
                venues.venue_for(venue.address)  # the same id: the book is in one state
        return SessionTable(frame)

    def _ids(self, given: list[str | None], number: list[int]
             ) -> tuple[list[str], list[str | None]]:
        """The sessions' ids and given ids, a repeated Lp. set apart as the row reader does."""
        prefix = f"{self.table}#"
        ids = [own if own is not None else prefix + str(n)
               for own, n in zip(given, number, strict=True)]
        derived = [n for own, n in zip(given, number, strict=True) if own is None]
        if len(set(derived)) == len(derived):
            return ids, given
        taken = set(ids)
        seen: dict[int, int] = {}
        for i, (own, n) in enumerate(zip(given, number, strict=True)):
            if own is None:
                seen[n] = count = seen.get(n, 0) + 1
                if count > 1:
                    made = f"{self.table}#{n}-{count}"
                    while made in taken:
                        count += 1
                        made = f"{self.table}#{n}-{count}"
                    taken.add(made)
                    ids[i] = given[i] = made
        return ids, given


DELIVERED = SessionStatus.DELIVERED.value
# The columns as read: nested ones as JSON texts, which polars decodes in one go (making
# them from Python lists costs microseconds per value). The rest are constants.
_JSON = frozenset({"slots", "leaders", "groups"})
_READ = {name: pl.String if name in _JSON else dtype for name, dtype in COLUMNS.items()}


_CONSTANT: dict[str, Any] = {"given_id": None, "spans": False, "leaders": None,
                             "headcount": None, "groups": [], "people": [],
                             "attended": None, "absent": [], "places": [],
                             "activity": None, "status": SessionStatus.PLANNED.value,
                             "note": None}


@functools.lru_cache(maxsize=256)
def _finish(table: str, contract: str | None, read: frozenset[str]) -> list[pl.Expr]:
    """The session columns, in order, from the columns ``read`` and constants."""
    made = []
    for name, dtype in COLUMNS.items():
        if name in read:
            found = pl.col(name)
            made.append(found.str.json_decode(dtype) if name in _JSON else found)
        elif name == "last":  # no periods: the last day is the first
            made.append(pl.col("first").alias(name))
        else:
            value = {"table": table, "contract": contract}.get(name, _CONSTANT.get(name))
            made.append(pl.lit(value, dtype=dtype).alias(name))
    return made


@functools.lru_cache(maxsize=65536)
def _number(text: str) -> int:
    text = text.rstrip(".")
    if not _WHOLE.fullmatch(text) or not 1 <= int(text) <= NUMBER:
        raise _Unsure
    return int(text)


def _headcount_or_none(text: str) -> int | None:
    return _headcount(text) if text else None


def _attended_or_none(text: str) -> int | None:
    return _attended(text) if text else None


def _status_value(text: str) -> str:
    return (_status(text) if text else SessionStatus.PLANNED).value


@functools.lru_cache(maxsize=4096)
def _title(text: str, stated: str, kind: SessionKind | None
           ) -> tuple[str, int | None, SessionKind]:
    """Title, part and kind (stated, else from the title, else the table's)."""
    title, part = _split_part(text)
    if not title or (part is not None and not 1 <= part <= PARTS):
        raise _Unsure
    found = _kind(stated) if stated else _kind_from_title(title) or kind
    if found is None:
        raise _Unsure
    return title, part, found


# Texts repeat across the tables of a project and of many: each is read once (the
# results are immutable; a refusal is not cached, and the row reader then reads it).
@functools.lru_cache(maxsize=65536)
def _when(text: str, multi_day: bool) -> tuple[date, date, bool, int]:
    """First and last day, whether given as a period, and how many days."""
    if multi_day:
        try:
            parse_date(text)
        except OpsReformError:
            period = check_period(parse_period(text))
            return period.start, period.end, True, period.days
    day = check_day(parse_date(text))
    return day, day, False, 1


@functools.lru_cache(maxsize=4096)
def _slots(text: str) -> tuple[tuple[int, int], ...]:
    if not text:
        return ()
    slots = parse_slots(text)
    ordered = sorted(slots, key=lambda s: (s.start_minute, s.end_minute))
    if any(a.overlaps(b) for a, b in itertools.pairwise(ordered)):
        raise _Unsure  # the session would refuse them
    return tuple((s.start_minute, s.end_minute) for s in slots)


def _venue_count(named: str, address: str, venues: VenueBook) -> int:
    if named:
        ids = [v.strip() for v in named.split(",")]
        if not all(venues.has(v) for v in ids):
            raise _Unsure  # undeclared (or declared by an address of an earlier row)
        return len(ids)
    return len(parse_addresses(address)) if address else 0


def _venue_ids(places: list[tuple[str, str]], venues: VenueBook) -> list[tuple[str, ...]]:
    """The venue ids of each distinct (venue, address) cell pair, in order of appearance."""
    ids = []
    for named, address in places:
        if named:
            ids.append(tuple(v.strip() for v in named.split(",")))
        elif address:
            ids.append(tuple(venues.venue_for(a) for a in parse_addresses(address)))
        else:
            ids.append(())
    return ids


@functools.lru_cache(maxsize=16384)
def _bookings(text: str, ids: tuple[str, ...]) -> str:
    """The slots and their venues as JSON (polars decodes a column of it in one go)."""
    slots = _slots(text)
    several = len(ids) > 1 and slots  # without hours the venues are not the session's
    venues = list(ids) if several else [ids[0] if ids else None] * len(slots)
    return "[" + ",".join(f'{{"start":{s},"end":{e},"venue":{_json(v)}}}'
                          for (s, e), v in zip(slots, venues, strict=True)) + "]"


def _leaders(text: str) -> str:
    return _json([x.strip() for x in text.split(",")] if text else None)


def _groups(text: str) -> str:
    return _json([x.strip() for x in text.split(",") if x.strip()])


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
