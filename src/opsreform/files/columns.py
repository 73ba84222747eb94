"""Session tables read straight into columns: no Python object per row.

:func:`read_session_frame` reads what :func:`~opsreform.files.tables.read_session_table`
reads, in the common layouts (one header, numbered rows that all read), into a
:class:`~opsreform.model.table.SessionTable`. Each *distinct* cell text (a date, the hours,
an address, a title…) is read once by the same Polish readers and joined back to its rows,
so a schedule of 100 000 rows costs as many readings as it has different texts.

It never reports a problem itself: whenever a row would be a problem for the row reader,
or the layout is one it does not follow (a header changing mid-table, a row that is
neither a header nor numbered, a quoted cell over two lines), it returns None and leaves
the venue book untouched; the caller then runs the row reader, which reports the placed
error, or reads the odd layout, exactly as before.

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

import itertools
from collections.abc import Callable, Iterable, Sequence
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
from opsreform.model.table import COLUMNS, SLOT, SessionTable
from opsreform.text.periods import parse_period

__all__ = ["read_session_frame"]

T = TypeVar("T")
_Rows = list[tuple[int, list[str]]]
_IDS = pl.List(pl.String)
_CODE = "__code"
# The csv module refuses a cell longer than this (its default field_size_limit).
_CSV_FIELD = 131_072


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
        rows = _markdown(text) if fmt == "md" else _csv(text, path)
        found = _data_rows(rows)
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
    if max(map(len, lines)) > _CSV_FIELD:
        raise _Unsure
    rows: _Rows = []
    for number, line in enumerate(lines, start=1):
        cells = [c.strip() for c in line.split(delimiter)]
        if any(cells):
            rows.append((number, cells))
    return rows


def _data_rows(rows: _Rows) -> tuple[list[str | None], list[int], list[tuple[str, ...]]] | None:
    """The columns and the numbered rows, when one header holds for all of them."""
    columns: list[str | None] | None = None
    used: list[str | None] | None = None  # the columns of the data rows
    lines: list[int] = []
    data: list[list[str]] = []
    for line, cells in rows:
        if _WHOLE.fullmatch(cells[0]) is None:  # cells are stripped already
            header = _header_columns(cells)
            if header is None or "date" in header:
                columns = header or columns or list(_POSITIONAL)
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


def _distinct(frame: pl.DataFrame) -> tuple[list[tuple[Any, ...]], pl.Series]:
    """The distinct rows of ``frame`` in order of first appearance, and each row's index."""
    keys = frame.unique(maintain_order=True)
    if keys.height == frame.height:
        return keys.rows(), pl.int_range(frame.height, dtype=pl.UInt32, eager=True)
    codes = frame.join(keys.with_row_index(_CODE), on=frame.columns, how="left",
                       nulls_equal=True, maintain_order="left")[_CODE]
    return keys.rows(), codes


def _each(values: Sequence[T], codes: pl.Series, dtype: Any) -> pl.Series:
    """Spread one value per distinct key back to the rows."""
    return pl.Series(values=values, dtype=dtype).gather(codes)


def _map(column: pl.Series, read: Callable[[str], T], dtype: Any) -> pl.Series:
    keys, codes = _distinct(column.to_frame())
    return _each([read(k) for (k,) in keys], codes, dtype)


def _constant(value: Any, dtype: Any, height: int) -> pl.Series:
    return pl.Series(values=[value], dtype=dtype).gather(pl.zeros(height, pl.UInt32,
                                                                  eager=True))


class _Reader:
    """The columns of one table's numbered rows, read into a session frame."""

    def __init__(self, names: list[str | None], lines: list[int],
                 cells: list[tuple[str, ...]], table: str, kind: SessionKind | None,
                 contract: str | None) -> None:
        self.height = len(lines)
        self.lines = lines
        self.table = table
        self.kind = kind
        self.contract = contract
        # A name given twice: the last column wins, as in the row reader's record.
        self.cells = {name: cells[i] for i, name in enumerate(names)
                      if name is not None} if self.height else {}

    def text(self, name: str) -> pl.Series:
        found = self.cells.get(name)
        if found is None:
            return _constant("", pl.String, self.height)
        return pl.Series(name, found, dtype=pl.String)

    def read(self, venues: VenueBook) -> SessionTable:
        if not self.height:
            return SessionTable(pl.DataFrame(schema=COLUMNS))
        n = self.height
        if "number" not in self.cells:
            raise _Unsure
        number = _map(self.text("number"), _number, pl.Int64)
        title, part, kinds, multi = self._titles()
        first, last, spans, days = self._dates(multi)
        venue_keys = pl.DataFrame({"venue": self.text("venue"),
                                   "address": self.text("address")})
        places, place_codes = _distinct(venue_keys)
        counts = _each([_venue_count(v, a, venues) for v, a in places], place_codes,
                       pl.Int64)
        slots_text = self.text("slots")
        slot_keys, slot_codes = _distinct(slots_text.to_frame())
        read_slots = [_slots(k) for (k,) in slot_keys]
        n_slots = _each([len(s) for s in read_slots], slot_codes, pl.Int64)
        per_day = _each([sum(e - s for s, e in r) for r in read_slots], slot_codes, pl.Int64)
        several = (counts > 1) & (slots_text != "")
        if ((several & (counts != n_slots)) | (~spans & (n_slots == 0))).any():
            raise _Unsure  # venues not one per slot; a one-day session without hours
        headcount = _map(self.text("headcount"),
                         lambda t: _headcount(t) if t else None, pl.Int64)
        attended = _map(self.text("attended"),
                        lambda t: _attended(t) if t else None, pl.Int64)
        status = _map(self.text("status"),
                      lambda t: (_status(t) if t else SessionStatus.PLANNED).value, pl.String)
        if (attended.is_not_null() & (status != SessionStatus.DELIVERED.value)).any():
            raise _Unsure  # attendance of a session not delivered
        # Every row reads: only now are the new venues added, in the row reader's order.
        ids = _venue_ids(places, venues)
        pairs = pl.DataFrame({"slots": slot_codes, "venues": place_codes})
        both, both_codes = _distinct(pairs)
        bookings = [[{"start": s, "end": e, "venue": v} for (s, e), v in
                     _paired(read_slots[i], ids[j])] for i, j in both]
        minutes = (per_day * days).zip_with(n_slots > 0, _constant(None, pl.Int64, n))
        given = self.text("id").replace("", None)
        identity, given = self._ids(given, number)
        empty = _constant([], _IDS, n)
        frame = pl.DataFrame({
            "id": identity,
            "given_id": given,
            "kind": kinds,
            "title": title,
            "part": part,
            "first": first,
            "last": last,
            "spans": spans,
            "slots": _each(bookings, both_codes, pl.List(SLOT)),
            "minutes": minutes,
            "leaders": _map(self.text("leaders"), _leaders, _IDS),
            "headcount": headcount,
            "groups": _map(self.text("groups"), _groups, _IDS),
            "people": empty,
            "attended": attended,
            "absent": empty,
            "places": empty,
            "activity": self.text("activity").replace("", None),
            "contract": self.text("contract").replace("", self.contract),
            "table": _constant(self.table, pl.String, n),
            "number": number,
            "status": status,
            "line": pl.Series(self.lines, dtype=pl.Int64),
            "note": _constant(None, pl.String, n),
        }).cast(COLUMNS)  # type: ignore[arg-type]
        return SessionTable(frame)

    def _titles(self) -> tuple[pl.Series, pl.Series, pl.Series, pl.Series]:
        """Title, part, kind and whether the kind spans days (from title and kind cells)."""
        keys, codes = _distinct(pl.DataFrame({"title": self.text("title"),
                                              "kind": self.text("kind")}))
        read = [self._title(t, k) for t, k in keys]
        return (_each([r[0] for r in read], codes, pl.String),
                _each([r[1] for r in read], codes, pl.Int64),
                _each([r[2].value for r in read], codes, pl.String),
                _each([r[2].multi_day for r in read], codes, pl.Boolean))

    def _title(self, text: str, stated: str) -> tuple[str, int | None, SessionKind]:
        title, part = _split_part(text)
        if not title or (part is not None and not 1 <= part <= PARTS):
            raise _Unsure
        found = _kind(stated) if stated else _kind_from_title(title) or self.kind
        if found is None:
            raise _Unsure
        return title, part, found

    def _dates(self, multi: pl.Series) -> tuple[pl.Series, pl.Series, pl.Series, pl.Series]:
        """First and last day, whether given as a period, and its days."""
        keys, codes = _distinct(pl.DataFrame({"date": self.text("date"), "multi": multi}))
        read = [_when(text, multi_day) for text, multi_day in keys]
        return (_each([r[0] for r in read], codes, pl.Date),
                _each([r[1] for r in read], codes, pl.Date),
                _each([r[2] for r in read], codes, pl.Boolean),
                _each([r[3] for r in read], codes, pl.Int64))

    def _ids(self, given: pl.Series, number: pl.Series) -> tuple[pl.Series, pl.Series]:
        """The sessions' ids and given ids, a repeated Lp. set apart as the row reader does."""
        derived = pl.select(pl.concat_str([pl.lit(f"{self.table}#"),
                                           pl.lit(number.cast(pl.String))])).to_series()
        identity = given.fill_null(derived)
        if not number.filter(given.is_null()).is_duplicated().any():
            return identity.alias("id"), given.alias("given_id")
        ids, givens, numbers = identity.to_list(), given.to_list(), number.to_list()
        taken = set(ids)
        seen: dict[int, int] = {}
        for i, (own, n) in enumerate(zip(givens, numbers, strict=True)):
            if own is None:
                seen[n] = count = seen.get(n, 0) + 1
                if count > 1:
                    made = f"{self.table}#{n}-{count}"
                    while made in taken:
                        count += 1
                        made = f"{self.table}#{n}-{count}"
                    taken.add(made)
                    ids[i] = givens[i] = made
        return (pl.Series("id", ids, dtype=pl.String),
                pl.Series("given_id", givens, dtype=pl.String))


def _number(text: str) -> int:
    text = text.rstrip(".")
    if not _WHOLE.fullmatch(text) or not 1 <= int(text) <= NUMBER:
        raise _Unsure
    return int(text)


def _when(text: str, multi_day: bool) -> tuple[Any, Any, bool, int]:
    if multi_day:
        try:
            parse_date(text)
        except OpsReformError:
            period = check_period(parse_period(text))
            return period.start, period.end, True, period.days
    day = check_day(parse_date(text))
    return day, day, False, 1


def _slots(text: str) -> list[tuple[int, int]]:
    if not text:
        return []
    slots = parse_slots(text)
    ordered = sorted(slots, key=lambda s: (s.start_minute, s.end_minute))
    if any(a.overlaps(b) for a, b in itertools.pairwise(ordered)):
        raise _Unsure  # the session would refuse them
    return [(s.start_minute, s.end_minute) for s in slots]


def _venue_count(named: str, address: str, venues: VenueBook) -> int:
    if named:
        ids = [v.strip() for v in named.split(",")]
        if not all(venues.has(v) for v in ids):
            raise _Unsure  # undeclared (or declared by an address of an earlier row)
        return len(ids)
    return len(parse_addresses(address)) if address else 0


def _venue_ids(places: list[tuple[Any, ...]], venues: VenueBook) -> list[tuple[str, ...]]:
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


def _paired(slots: list[tuple[int, int]], ids: tuple[str, ...]
            ) -> Iterable[tuple[tuple[int, int], str | None]]:
    if len(ids) <= 1 or not slots:  # no hours: the venues are not the session's
        venue = ids[0] if ids else None
        return ((s, venue) for s in slots)
    return zip(slots, ids, strict=True)


def _leaders(text: str) -> list[str] | None:
    return [x.strip() for x in text.split(",")] if text else None


def _groups(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]

