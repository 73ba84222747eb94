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

:func:`read_tables` reads the table files of many projects together, as
:func:`~opsreform.files.project.load_many` asks: each distinct text is read once over all
of them and their sessions make one polars frame, cut into the tables' frames at the
end, so that the cost of polars is paid once per batch rather than once per table. Each
project gets what reading its files one by one gives, or None (only that project):

>>> from opsreform.files._schedule import TableText
>>> good = TableText(text, "2018-05-07", None, "md", "a.md")
>>> bad = TableText(text.replace("22.05", "32.05"), "2018-06-01", None, "md", "b.md")
>>> first, second = read_tables([([good], VenueBook()), ([good, bad], VenueBook())])
>>> [len(t) for t in first[0]], [v.id for v in first[1].venues], second
([1], ['sienkiewicza-8'], None)
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from opsreform.exceptions import ProjectFileError
from opsreform.files._columns_batch import REFUSED, Part, Unsure, read_parts
from opsreform.files._memo import memo
from opsreform.files.tables import (
    _POSITIONAL,
    _WHOLE,
    VenueBook,
    _csv_rows,
    _header_columns,
    _markdown_rows,
)
from opsreform.model.sessions import SessionKind
from opsreform.model.table import SessionTable

if TYPE_CHECKING:
    from opsreform.files._schedule import TableText

__all__ = ["read_session_frame", "read_tables"]

_Rows = list[tuple[int, list[str]]]


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
    the same ids, in the same order. It is :func:`read_tables` of one table.

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
    book = venues.copy()
    found = _read([[(text, table, kind, contract, fmt, path)]], [book], named=False)[0]
    if found is None:
        return None
    for venue in book.venues[len(venues.venues):]:
        if venue.address is not None:  # (always: made from an address)
            venues.venue_for(venue.address)  # the same id: the book is in the same state
    return found[0]


def read_tables(requests: Sequence[tuple[list[TableText], VenueBook]]
                ) -> list[tuple[list[SessionTable], VenueBook] | None]:
    """Read the session table files of many projects as columns, all together.

    Each request is one project's table files, in order, and its venue book before them.
    The answer to each is what reading its files one by one with
    :func:`read_session_frame` gives: the table of each file, with the venue book as
    reading them in order leaves it (a new book; the one given is not changed), or None
    when any of its files needs the row reader (only that project). Each distinct cell
    text is read once over all the files, and the sessions of all of them make one polars
    frame, cut into the tables' frames at the end; each table comes with its
    :meth:`~opsreform.model.table.SessionTable.named` ready-made.

    Args:
        requests: Each project's table files and venue book.

    Returns:
        Each project's tables and venue book after them, or None; in order.

    """
    books = [book.copy() for _, book in requests]
    read = _read([[(t.text, t.table, t.kind, None, t.fmt, t.path) for t in texts]
                  for texts, _ in requests], books)
    return [None if tables is None else (tables, book)
            for tables, book in zip(read, books, strict=True)]


_Source = tuple[str, str, SessionKind | None, str | None, Literal["md", "csv"], str | None]
"""A table file: text, table id, kind, contract, format, path."""


def _read(projects: list[list[_Source]], books: list[VenueBook], *, named: bool = True
          ) -> list[list[SessionTable] | None]:
    """Each project's tables, read together (None for a project that needs the row reader)."""
    parts: list[Part] = []
    failed: set[int] = set()
    header = _header_reader()  # the tables of a batch repeat their header: read it once
    for project, sources in enumerate(projects):
        first = len(parts)
        for text, table, kind, contract, fmt, path in sources:
            try:
                names, lines, cells = _split(text, fmt, path, header)
            except REFUSED:
                failed.add(project)
                del parts[first:]  # the project is read by rows: its parts are not needed
                break
            columns = {name: cells[i] for i, name in enumerate(names)  # a name given twice:
                       if name is not None} if lines else {}  # the last column wins
            parts.append(Part(project, table, kind, contract, lines, columns))
    return read_parts(parts, books, failed, named=named)


def _split(text: str, fmt: Literal["md", "csv"], path: str | None, header: _Header
           ) -> _Found:
    """The columns and numbered rows of a table file, or Unsure."""
    found = _flat_csv(text, header) if fmt == "csv" else None
    if found is None:
        found = _data_rows(_markdown(text) if fmt == "md" else _csv(text, path), header)
    if found is None:
        raise Unsure
    return found


def _markdown(text: str) -> _Rows:
    return list(_markdown_rows(text))


def _csv(text: str, path: str | None) -> _Rows:
    """The rows as the csv module gives them (split by hand when no quote can matter)."""
    if '"' in text or "\r" in text or "\x00" in text:
        try:
            return list(_csv_rows(text, path))
        except ProjectFileError:
            raise Unsure from None
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    first = lines[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    if max(map(len, lines)) > csv.field_size_limit():
        raise Unsure
    rows: _Rows = []
    for number, line in enumerate(lines, start=1):
        cells = [c.strip() for c in line.split(delimiter)]
        if any(cells):
            rows.append((number, cells))
    return rows


_Found = tuple[list[str | None], list[int], list[Sequence[str]]]


def _flat_csv(text: str, header_of: _Header) -> _Found | None:
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
    # Whether each row is numbered (booleans: a list of match objects would be walked
    # by the garbage collector again and again while it grows).
    numbered = list(map(bool, map(_WHOLE.fullmatch, flat[::width])))
    top = 0  # the rows above the first numbered one
    while top < len(numbered) and not numbered[top]:
        top += 1
    columns: list[str | None] | None = None
    for at in range(top):
        cells = flat[at * width:(at + 1) * width]
        if not any(cells):
            continue  # a blank row (only delimiters)
        header = header_of(tuple(cells))
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
    while False in numbered[at:]:  # below the first numbered row: read as one (Lp. "5.")
        at = numbered.index(False, at)
        cells = flat[at * width:(at + 1) * width]
        header = header_of(tuple(cells))
        if (not any(cells) or header is None or "date" in header
                or (columns is None and sum(1 for c in cells if c) == 1)):
            return None  # a blank row, a header or a title: the row reader's way
        at += 1
    body = flat[top * width:]
    return used, list(range(top + 1, len(lines) + 1)), [body[i::width] for i in range(width)]


_Header = Callable[[tuple[str, ...]], tuple[str | None, ...] | None]
"""The columns a row names as a header (None for a blank row)."""


def _header_reader() -> _Header:
    """The header reader of one batch: each distinct row, and each distinct cell, once.

    A data row whose Lp. is not a whole number ("106.") is tried as a header; its cells
    (dates, titles…) repeat across rows and tables: each text is looked up once per
    batch (never beyond it: nothing is kept in the module).
    """
    column_of = memo(_column_of)

    def header(cells: tuple[str, ...]) -> tuple[str | None, ...] | None:
        if not any(c.strip() for c in cells):
            return None
        return tuple(map(column_of, cells))

    return memo(header)


def _column_of(cell: str) -> str | None:
    """The column a header cell names, or None.

    The header reader looks at each cell alone; the second cell only keeps the row
    non-blank.
    """
    return _header_columns([cell, "."])[0]  # type: ignore[index]


def _data_rows(rows: _Rows, header_of: _Header) -> _Found | None:
    """The columns and the numbered rows, when one header holds for all of them."""
    columns: list[str | None] | None = None
    used: list[str | None] | None = None  # the columns of the data rows
    lines: list[int] = []
    data: list[list[str]] = []
    for line, cells in rows:
        if _WHOLE.fullmatch(cells[0]) is None:  # cells are stripped already
            header = header_of(tuple(cells))
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
