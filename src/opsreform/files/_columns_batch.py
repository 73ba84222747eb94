"""The numbered rows of many session tables, of many projects, read into frames together.

:mod:`opsreform.files.columns` splits each table file into its columns of cell texts (a
:class:`Part`); :func:`read_parts` reads all the parts of a batch at once. The cells of
every part are laid end to end, one list per column, so that each *distinct* text (a
date, the hours, an address, a title…) is read once over the whole batch, and all the
sessions become one polars frame, cut back into one frame per table by one
``partition_by``: the cost of a polars frame and its queries is paid per batch, not per
table.

A project whose part would be a problem for the row reader gets None (only that project:
a text refused is set apart by the rows that hold it). Venue ids are given per project, in
the order reading its tables one by one would give them.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from datetime import date
from itertools import chain, compress, repeat
from operator import add, floordiv, mod, mul
from typing import Any, NamedTuple, TypeVar

import polars as pl

from opsreform.exceptions import OpsReformError
from opsreform.files._memo import memo
from opsreform.files._reader import NUMBER, PARTS, check_day, check_period
from opsreform.files.tables import _WHOLE, VenueBook, _attended, _headcount
from opsreform.model.sessions import SessionKind, SessionStatus, split_part
from opsreform.model.table import COLUMNS, Names, SessionTable, names_by, names_of
from opsreform.text.addresses import Address, parse_addresses
from opsreform.text.dates import parse_date
from opsreform.text.periods import parse_period
from opsreform.text.slots import parse_slots

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


class Unsure(Exception):  # noqa: N818 - a signal inside the columnar reader, never raised out
    """The row reader is needed: a row it would refuse, or a layout this reader skips."""


REFUSED = (Unsure, OpsReformError, ValueError, ArithmeticError)
"""What reading a cell may raise when the row reader would refuse the row."""


class Part(NamedTuple):
    """The numbered rows of one table file, as columns of cell texts.

    Attributes:
        project: The index of its project in the batch.
        table: The table's id.
        kind: The kind of sessions whose title names none.
        contract: The contract of every row that does not name one.
        lines: The line of each row.
        cells: Each recognised column's cells (a name given twice: the last column).

    """

    project: int
    table: str
    kind: SessionKind | None
    contract: str | None
    lines: Sequence[int]
    cells: dict[str, Sequence[str]]


def read_parts(parts: Sequence[Part], books: Sequence[VenueBook], failed: set[int], *,
               named: bool = True) -> list[list[SessionTable] | None]:
    """The tables of each project, reading ``parts`` together (None for a failed project).

    Args:
        parts: The parts of all projects, each project's in its order, projects in order.
        books: Each project's venue book, which gains the venues its addresses name
            (left in any state for a project that gets None).
        failed: The projects already known to need the row reader.
        named: Whether to give each table its names (one polars query for all of them;
            otherwise each table works them out when asked).

    """
    return _Batch(parts, set(failed), named=named).tables(books)


def codes(column: Iterable[K]) -> tuple[list[K], list[int]]:
    """The distinct values of ``column`` in order of first appearance, and each row's index."""
    column = column if isinstance(column, list) else list(column)
    distinct = list(dict.fromkeys(column))  # dict and map run at C speed: no loop per row
    index = {key: i for i, key in enumerate(distinct)}
    return distinct, list(map(index.__getitem__, column))


def joint(*columns: tuple[Sequence[object], list[int]]
          ) -> tuple[list[list[int]], list[int]]:
    """The distinct combinations of coded columns, in order of first appearance.

    Each column is given as its distinct values (only their number counts) and each row's
    index among them. Returned: for each column, its index in each combination (zip them
    for the combinations), and each row's combination. A row's indexes are made one
    number (mixed radix), all at C speed: no tuple per row or per combination, which the
    garbage collector would walk again and again while the list of them grows.
    """
    sizes = [max(len(values), 1) for values, _ in columns]
    code = columns[0][1]
    for size, (_, more) in zip(sizes[1:], columns[1:], strict=True):
        code = list(map(add, map(mul, code, repeat(size)), more))
    distinct, rows = codes(code)
    digits: list[list[int]] = []  # each column's index in each combination, last first
    for size in reversed(sizes[1:]):
        digits.append(list(map(mod, distinct, repeat(size))))
        distinct = list(map(floordiv, distinct, repeat(size)))
    digits.append(distinct)
    return digits[::-1], rows


def combinations(found: list[list[int]]) -> Iterator[tuple[int, ...]]:
    """The combinations :func:`joint` found, one tuple at a time (each indexes a column)."""
    return zip(*found, strict=True)


def _rows(values: Sequence[T], codes: Iterable[int]) -> list[T]:
    """One value per distinct key, spread back to the rows by their codes."""
    return list(map(values.__getitem__, codes))


_KEY = "__part"  # the index of a row's part in the batch: the frame is cut by it
_Place = tuple[tuple[str, ...] | None, tuple[Address, ...]]  # named venue ids, or addresses
_NO_TITLE: tuple[str, int | None, SessionKind] = ("", None, SessionKind.OTHER)
_NO_DATE = (date.min, date.min, False, 1)
_NO_PLACE: _Place = (None, ())
_NO_SLOTS: tuple[tuple[int, int], ...] = ()
_NO_NAMES = names_of(pl.DataFrame(schema=COLUMNS))  # (whatever fields Names has)


class _Batch:
    """The rows of all the parts of a batch, end to end, one list per column."""

    def __init__(self, parts: Sequence[Part], failed: set[int], *, named: bool) -> None:
        self.parts = parts
        self.failed = failed  # projects
        self.named = named
        self.heights = [len(p.lines) for p in parts]
        self.owner = self.spread(range(len(parts)))  # each row's part
        self.height = len(self.owner)
        names = set[str]().union(*(p.cells for p in parts))
        self.cells = {name: list(chain.from_iterable(
            p.cells.get(name, repeat("", len(p.lines))) for p in parts)) for name in names}
        self.blank = [""] * self.height
        # A text read under several combinations (a title with each table's kind, a date
        # for one-day and multi-day kinds) is read once per batch, never beyond it.
        self.split = memo(split_part)
        self.kind_of_title = memo(SessionKind.from_polish)
        self.date = memo(parse_date)

    def spread(self, values: Iterable[T]) -> list[T]:
        """One value per part, repeated for each of its rows."""
        return list(chain.from_iterable(map(repeat, values, self.heights)))

    def text(self, name: str) -> list[str]:
        """A column's cells (blank where a part does not have it, as the row reader reads)."""
        return self.cells.get(name, self.blank)

    def fail(self, codes: list[int], which: Iterable[int]) -> None:
        """Fail the projects of the rows whose code is in ``which``."""
        wrong = set(which)
        rows = set(compress(self.owner, map(wrong.__contains__, codes)))
        self.failed.update(self.parts[i].project for i in rows)

    def read(self, keys: Iterable[K], codes: list[int], read: Callable[[K], T], stand_in: T
             ) -> list[T]:
        """``read`` of each distinct key; ``stand_in`` where it refuses, whose rows fail."""
        values: list[T] = []
        refused: list[int] = []
        for at, key in enumerate(keys):
            try:
                values.append(read(key))
            except REFUSED:
                values.append(stand_in)
                refused.append(at)
        if refused:
            self.fail(codes, refused)
        return values

    def check(self, keys: Iterable[K], codes: list[int], fine: Callable[[K], object]
              ) -> None:
        """Fail the rows of each distinct key that is not ``fine``."""
        wrong = [at for at, key in enumerate(keys) if not fine(key)]
        if wrong:
            self.fail(codes, wrong)

    def title(self, text: str, stated: str, kind: SessionKind | None
              ) -> tuple[str, int | None, SessionKind]:
        """Title, part and kind (stated, else from the title, else the table's)."""
        title, part = self.split(text)
        if not title or (part is not None and not 1 <= part <= PARTS):
            raise Unsure
        found = SessionKind(stated) if stated else self.kind_of_title(title) or kind
        if found is None:
            raise Unsure
        return title, part, found

    def when(self, text: str, multi_day: bool) -> tuple[date, date, bool, int]:
        """First and last day, whether given as a period, and how many days."""
        if multi_day:
            try:
                self.date(text)
            except OpsReformError:
                period = check_period(parse_period(text))
                return period.start, period.end, True, period.days
        day = check_day(self.date(text))
        return day, day, False, 1

    def coded(self, name: str) -> tuple[list[str], list[int]]:
        """A column's distinct cells and each row's index among them."""
        if name not in self.cells:
            return [""], [0] * self.height
        return codes(self.cells[name])

    def tables(self, books: Sequence[VenueBook]) -> list[list[SessionTable] | None]:
        """Each project's tables, or None; ``books`` gain the venues met in addresses."""
        # First every distinct text is read, and every distinct combination of them that
        # the row reader would refuse fails its project; only then are the columns of the
        # projects left made (no stand-in value reaches them).
        for i, part in enumerate(self.parts):
            if self.heights[i] and "number" not in part.cells:
                self.failed.add(part.project)
        number_keys, number_codes = self.coded("number")
        numbers = self.read(number_keys, number_codes, _number, 0)
        title_text, kind_text = self.coded("title"), self.coded("kind")
        kinds, kind_codes = codes([p.kind for p in self.parts])
        title_keys, title_codes = joint(title_text, kind_text,
                                        (kinds, self.spread(kind_codes)))
        titles = self.read(combinations(title_keys), title_codes, lambda k: self.title(
            title_text[0][k[0]], kind_text[0][k[1]], kinds[k[2]]), _NO_TITLE)
        date_text = self.coded("date")
        multi_day = [int(t[2].multi_day) for t in titles]  # a period may stand for a day
        date_keys, date_codes = joint(date_text, ((0, 1), _rows(multi_day, title_codes)))
        dates = self.read(combinations(date_keys), date_codes, lambda k: self.when(
            date_text[0][k[0]], bool(k[1])), _NO_DATE)
        venue_text, address_text = self.coded("venue"), self.coded("address")
        place_keys, place_codes = joint(venue_text, address_text)
        places = self.read(combinations(place_keys), place_codes, lambda k: _place(
            venue_text[0][k[0]], address_text[0][k[1]]), _NO_PLACE)
        slot_keys, slot_codes = self.coded("slots")
        slots = self.read(slot_keys, slot_codes, _slots, _NO_SLOTS)
        if any(_count(place) > 1 for place in places):
            held_keys, held_codes = joint((slots, slot_codes), (places, place_codes))
            self.check(combinations(held_keys), held_codes,  # one venue, or one per slot
                       lambda k: not (_count(places[k[1]]) > 1 and slot_keys[k[0]]
                                      and _count(places[k[1]]) != len(slots[k[0]])))
        timed_keys, timed_codes = joint((slots, slot_codes), (dates, date_codes))
        if not all(slots) and not all(d[2] for d in dates):
            self.check(combinations(timed_keys), timed_codes,  # a one-day session has hours
                       lambda k: slots[k[0]] or dates[k[1]][2])
        attended_keys, attended_codes = self.coded("attended")
        attended = self.read(attended_keys, attended_codes, _attended_or_none, None)
        status_keys, status_codes = self.coded("status")
        status = self.read(status_keys, status_codes, _status_value, DELIVERED)
        if any(a is not None for a in attended):
            done_keys, done_codes = joint((attended, attended_codes), (status, status_codes))
            self.check(combinations(done_keys), done_codes,  # attendance: only if delivered
                       lambda k: attended[k[0]] is None or status[k[1]] == DELIVERED)
        headcount_keys, headcount_codes = self.coded("headcount")
        headcount = self.read(headcount_keys, headcount_codes, _headcount_or_none, None)
        met, met_codes = joint((self.parts, self.owner), (places, place_codes))
        venue_ids = self.venues(met, places, books)

        # The session columns of the rows kept, each from its distinct values.
        keep = [p.project not in self.failed for p in self.parts]
        rows = _Rows(self.owner, keep)
        owner = rows.pick(self.owner)
        slot_codes, date_codes = rows.pick(slot_codes), rows.pick(date_codes)
        title_codes = rows.pick(title_codes)
        number = _rows(numbers, rows.pick(number_codes))
        heights = [h if k else 0 for h, k in zip(self.heights, keep, strict=True)]
        tables = list(chain.from_iterable(map(repeat, (p.table for p in self.parts), heights)))
        given: list[str | None] = ([x or None for x in rows.pick(self.cells["id"])]
                                   if "id" in self.cells else [None] * len(owner))
        identity, given = _ids(tables, number, given, owner, heights)
        # Each part has its own (part, place) pairs, but their ids repeat across parts:
        # the bookings are made once per distinct (hours, ids), over the whole batch.
        ids, id_codes = codes(venue_ids)
        booked_keys, booked_codes = joint((slots, slot_codes),
                                          (ids, _rows(id_codes, rows.pick(met_codes))))
        per_day = [sum(e - b for b, e in found) if found else None for found in slots]
        timed_codes = rows.pick(timed_codes)
        minutes = [None if (m := per_day[s]) is None else m * dates[d][3]
                   for s, d in combinations(timed_keys)]
        spans = _rows([d[2] for d in dates], date_codes)
        contracts = chain.from_iterable(map(repeat, (p.contract for p in self.parts), heights))
        read: dict[str, list[Any]] = {
            _KEY: owner,
            "id": identity,
            "kind": _rows([t[2].value for t in titles], title_codes),
            "title": _rows([t[0] for t in titles], title_codes),
            "part": _rows([t[1] for t in titles], title_codes),
            "first": _rows([d[0] for d in dates], date_codes),
            "slots": _rows([_bookings(slots[s], ids[m])
                            for s, m in combinations(booked_keys)], booked_codes),
            "minutes": _rows(minutes, timed_codes),
            "number": number,
            "line": rows.pick(list(chain.from_iterable(p.lines for p in self.parts))),
            "table": tables,
            "contract": [x or c for x, c in zip(rows.pick(self.cells["contract"]), contracts,
                                                strict=True)]
            if "contract" in self.cells else list(contracts),
        }
        # A column no table has is one constant (see _finish): cheaper.
        if any(spans):
            read["spans"] = spans
            read["last"] = _rows([d[1] for d in dates], date_codes)
        if any(x is not None for x in given):
            read["given_id"] = given
        optional: dict[str, Callable[[], list[Any]]] = {
            "leaders": lambda: _each(rows.pick(self.text("leaders")), _leaders),
            "headcount": lambda: _rows(headcount, rows.pick(headcount_codes)),
            "groups": lambda: _each(rows.pick(self.text("groups")), _groups),
            "attended": lambda: _rows(attended, rows.pick(attended_codes)),
            "activity": lambda: [x or None for x in rows.pick(self.text("activity"))],
            "status": lambda: _rows(status, rows.pick(status_codes)),
        }
        read.update({name: make() for name, make in optional.items() if name in self.cells})
        return self.cut(read, books)

    def venues(self, met: list[list[int]], places: list[_Place],
               books: Sequence[VenueBook]) -> list[tuple[str, ...]]:
        """The venue ids of each (part, place) ``met``; a new address becomes a venue.

        ``met`` (the parts, and the places) is in the order of the rows: each project's
        parts in order, and each part's places in the order of their first row, as
        reading the tables one by one meets them. A venue named must be known before its
        table (declared, or met in an address of an earlier table). A project that fails
        gets no ids (empty).
        """
        parts, codes = met
        ids: list[tuple[str, ...]] = [()] * len(parts)
        for at, pairs in itertools.groupby(enumerate(zip(parts, codes, strict=True)),
                                           key=lambda m: m[1][0]):
            project = self.parts[at].project
            if project in self.failed:
                continue
            book = books[project]
            found = [(i, places[code]) for i, (_, code) in pairs]
            if not all(book.has(v) for _, (named, _) in found if named is not None
                       for v in named):
                self.failed.add(project)  # undeclared, or met in an address of this table
                continue
            for i, (named, addresses) in found:
                ids[i] = named if named is not None else tuple(
                    book.venue_for(a) for a in addresses)
        return ids

    def cut(self, read: dict[str, list[Any]], books: Sequence[VenueBook]
            ) -> list[list[SessionTable] | None]:
        """The frame of all the rows kept, cut into each table's (with its names)."""
        answers: list[list[SessionTable] | None] = [
            None if project in self.failed else [] for project in range(len(books))]
        kept = [at for at, part in enumerate(self.parts)
                if self.heights[at] and part.project not in self.failed]
        frames: dict[int, pl.DataFrame] = {}
        names: dict[int, Names] = {}
        if kept:
            frame = pl.DataFrame(read, schema={k: _READ[k] for k in read}).select(
                pl.col(_KEY), *_finish(frozenset(read) - {_KEY}))
            if self.named:
                names = names_by(frame, _KEY)
            if len(kept) == 1:  # one table alone: nothing to cut
                frames = {kept[0]: frame.drop(_KEY)}
            else:
                frames = {key[0]: piece for key, piece in frame.partition_by(
                    _KEY, as_dict=True, include_key=False, maintain_order=True).items()}
        for at, part in enumerate(self.parts):
            tables = answers[part.project]
            if tables is None:
                continue
            if self.heights[at]:
                tables.append(SessionTable(frames[at], names=names.get(at)))
            else:
                tables.append(SessionTable(pl.DataFrame(schema=COLUMNS),
                                           names=_NO_NAMES if self.named else None))
        return answers


class _Rows:
    """The rows kept: those of the projects that did not fail."""

    def __init__(self, owner: list[int], keep: list[bool]) -> None:
        self.mask = None if all(keep) else list(map(keep.__getitem__, owner))

    def pick(self, column: list[T]) -> list[T]:
        """The values of the rows kept."""
        return column if self.mask is None else list(compress(column, self.mask))


def _ids(tables: list[str], numbers: list[int], given: list[str | None], owner: list[int],
         heights: list[int]) -> tuple[list[str], list[str | None]]:
    """The sessions' ids and given ids, a repeated Lp. set apart as the row reader does.

    ``heights`` are the rows of each part, end to end (0 for a part left out).
    """
    ids = list(map("{}#{}".format, tables, numbers))
    if any(own is not None for own in given):
        ids = [made if own is None else own for own, made in zip(given, ids, strict=True)]
    # A part's derived ids repeat when (part, Lp.) does: one number each, no tuple per row.
    keyed = map(add, map(mul, owner, repeat(NUMBER + 1)), numbers)
    derived = list(compress(keyed, [own is None for own in given]))
    if len(set(derived)) == len(derived):
        return ids, given
    repeated = {key // (NUMBER + 1) for key, n in Counter(derived).items() if n > 1}
    start = 0
    for at, height in enumerate(heights):
        if at in repeated:
            _set_apart(ids, given, numbers, range(start, start + height), tables[start])
        start += height
    return ids, given


def _set_apart(ids: list[str], given: list[str | None], numbers: list[int], rows: range,
               table: str) -> None:
    """Give the repeats of an Lp. in ``rows`` (one table) the ids ``table#n-2`` and on."""
    taken = set(ids[rows.start:rows.stop])
    seen: dict[int, int] = {}
    for i in rows:
        if given[i] is None:
            n = numbers[i]
            seen[n] = count = seen.get(n, 0) + 1
            if count > 1:
                made = f"{table}#{n}-{count}"
                while made in taken:
                    count += 1
                    made = f"{table}#{n}-{count}"
                taken.add(made)
                ids[i] = given[i] = made


def _each(column: Sequence[K], read: Callable[[K], T]) -> list[T]:
    """``read`` of each row's value, reading each distinct value once."""
    found = {key: read(key) for key in dict.fromkeys(column)}
    return list(map(found.__getitem__, column))


DELIVERED = SessionStatus.DELIVERED.value
# The columns as read: nested ones as JSON texts, which polars decodes in one go (making
# them from Python lists costs microseconds per value). The rest are constants.
_JSON = frozenset({"slots", "leaders", "groups"})
_READ = {_KEY: pl.Int64} | {name: pl.String if name in _JSON else dtype
                            for name, dtype in COLUMNS.items()}


_CONSTANT: dict[str, Any] = {"given_id": None, "spans": False, "leaders": None,
                             "headcount": None, "groups": [], "people": [],
                             "attended": None, "absent": [], "places": [],
                             "activity": None, "status": SessionStatus.PLANNED.value,
                             "note": None}


def _finish(read: frozenset[str]) -> list[pl.Expr]:
    """The session columns, in order, from the columns ``read`` and constants."""
    made = []
    for name, dtype in COLUMNS.items():
        if name in read:
            found = pl.col(name)
            made.append(found.str.json_decode(dtype) if name in _JSON else found)
        elif name == "last":  # no periods: the last day is the first
            made.append(pl.col("first").alias(name))
        else:
            made.append(pl.lit(_CONSTANT[name], dtype=dtype).alias(name))
    return made


def _number(text: str) -> int:
    text = text.rstrip(".")
    if not _WHOLE.fullmatch(text) or not 1 <= int(text) <= NUMBER:
        raise Unsure
    return int(text)


def _headcount_or_none(text: str) -> int | None:
    return _headcount(text) if text else None


def _attended_or_none(text: str) -> int | None:
    return _attended(text) if text else None


def _status_value(text: str) -> str:
    return (SessionStatus(text) if text else SessionStatus.PLANNED).value


def _slots(text: str) -> tuple[tuple[int, int], ...]:
    if not text:
        return ()
    slots = parse_slots(text)
    ordered = sorted(slots, key=lambda s: (s.start_minute, s.end_minute))
    if any(a.overlaps(b) for a, b in itertools.pairwise(ordered)):
        raise Unsure  # the session would refuse them
    return tuple((s.start_minute, s.end_minute) for s in slots)


def _place(named: str, address: str) -> _Place:
    """The venue ids a ``venue`` cell names, else the addresses of the ``address`` cell."""
    if named:
        return tuple(v.strip() for v in named.split(",")), ()
    return None, parse_addresses(address) if address else ()


def _count(place: _Place) -> int:
    named, addresses = place
    return len(named) if named is not None else len(addresses)


def _bookings(slots: tuple[tuple[int, int], ...], ids: tuple[str, ...]) -> str:
    """The slots and their venues as JSON (polars decodes a column of it in one go)."""
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
