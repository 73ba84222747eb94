"""Session tables written back into their own files (Markdown or CSV), row by row.

The row of an unchanged session keeps its text; a changed session's row is written anew
in the file's own columns; a new session's row goes after the row of the session before
it; a removed session's row goes. Prose, headings and header rows stay as written.

Every row is read back with the reader of session tables
(:func:`~opsreform.files.tables.read_session_table`) and compared with its session, so
a row is only ever written when it says exactly that session. A session the file's
columns cannot say (a note, named attendees, a venue without an address in a table of
addresses…) is not held by the file: the caller writes it inline in the project file.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal

import attrs

from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files._tomledit import align
from opsreform.files.tables import VenueBook, read_session_table

# The reader's own column rules, so that the writer finds the columns exactly as the
# reader will (a copy of them would drift).
from opsreform.files.tables import _csv_rows as csv_rows
from opsreform.files.tables import _header_columns as header_columns
from opsreform.files.tables import _looks_like_data as looks_like_data
from opsreform.files.tables import _markdown_rows as markdown_rows
from opsreform.model.sessions import PublishedTable, Session, SessionStatus
from opsreform.model.venues import Venue
from opsreform.text.dates import format_date
from opsreform.text.periods import format_period
from opsreform.text.slots import format_slots

__all__ = ["Placement", "place_sessions"]

Format = Literal["md", "csv"]
Columns = list[str | None]

_LINE_END = re.compile(r"\r\n|\r|\n")

_POSITIONAL: Columns = ["number", "title", "date", "slots", "address"]
"""The columns of a table without a header row (as the reader assumes them)."""


@attrs.frozen
class Placement:
    """What a table file holds after writing.

    Attributes:
        text: The file's new text, or None when the file cannot be kept (it cannot be
            written, and it does not hold the table's sessions as they are).
        held: The sessions the file holds, in its order.
        book: The venue book after reading the file (it meets venues by address).

    """

    text: str | None
    held: tuple[Session, ...]
    book: VenueBook


@attrs.define
class _Piece:
    """A run of lines of the file: prose or a header, or the row of one session."""

    lines: list[str]
    session: Session | None = None
    columns: Columns | None = None
    header: str = ""
    cells: list[str] | None = None
    """The cells of the row as written (of the session it said before an edit)."""
    written: str = ""
    """The row as written, before an edit (its spacing is kept where cells stay)."""
    was: Session | None = None
    """The session the row said before an edit."""


def _copy(book: VenueBook) -> VenueBook:
    return VenueBook(list(book.venues))


def _lines(text: str, fmt: Format) -> list[str]:
    # Each format counts lines as its reader does: Markdown by str.splitlines, CSV by
    # the csv module (which reads io.StringIO lines).
    return text.splitlines(keepends=True) if fmt == "md" else io.StringIO(text).readlines()


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") >= first.count(",") else ","


def _records(text: str, fmt: Format) -> Iterator[tuple[int, int, list[str]]]:
    """Yield each row's first and last line (0-based, inclusive) and its cells."""
    if fmt == "md":
        for number, cells in markdown_rows(text):
            yield number - 1, number - 1, cells
        return
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    ends = dict(csv_rows(text, None))
    previous = 0
    for _cells in reader:
        first, last = previous, reader.line_num - 1
        previous = reader.line_num
        if reader.line_num in ends:
            yield first, last, ends[reader.line_num]


def _parse(text: str, fmt: Format, table: PublishedTable, book: VenueBook,
           path: str | None = None) -> list[Session]:
    return read_session_table(text, table=table.id, venues=book, kind=table.kind, fmt=fmt,
                              path=path)


def place_sessions(text: str | None, *, fmt: Format, table: PublishedTable,
                   sessions: Sequence[Session], book: VenueBook, venues: Mapping[str, Venue],
                   writable: bool, path: str | None = None) -> Placement:
    """Make a table file hold ``sessions``, changing only the rows that differ.

    Args:
        text: The file's current text, or None when there is none (then it is not kept).
        fmt: ``md`` or ``csv``.
        table: The published table the file belongs to.
        sessions: The table's sessions, in order, that the file should hold.
        book: The venue book as the reader has it before this file (not changed).
        venues: The project's venues by id (for the addresses of new rows).
        writable: Whether the file may be written; when not, it is kept only if it
            already holds its sessions as they are (new sessions are then left out).
        path: The file's name, for errors.

    Returns:
        The new text, the sessions it holds, and the venue book after it.

    Raises:
        ProjectFileError: When the file exists but cannot be read as a session table.

    """
    if text is None:
        return Placement(None, (), book)
    original = text
    # Read as the reader reads a file: without its byte-order mark, with its line ends
    # as "\n" (universal newlines); both are given back when the file is written.
    text = _LINE_END.sub("\n", text.removeprefix("\ufeff"))
    after = _copy(book)
    try:
        old = _parse(text, fmt, table, after, path)
    except ProjectFileError:
        if not writable:
            return Placement(None, (), book)
        raise
    pairs = align([s.id for s in old], [s.id for s in sessions], lambda x: x)
    if all(i is not None and j is not None and old[i] == sessions[j] for i, j in pairs):
        return Placement(original, tuple(old), after)
    if not writable:
        if all(i is None or (j is not None and old[i] == sessions[j]) for i, j in pairs):
            return Placement(original, tuple(old), after)  # new sessions go inline
        return Placement(None, (), book)
    pieces = _pieces(text, fmt, old)
    rows = [p for p in pieces if p.session is not None]
    edited = _edit(pieces, rows, pairs, sessions, fmt, text, venues)
    result = _settle(edited, fmt, table, sessions, book, venues)
    if result.text is None:
        return result
    ends = Counter(_LINE_END.findall(original)).most_common(1)
    end = ends[0][0] if ends else "\n"
    bom = "\ufeff" if original.startswith("\ufeff") else ""
    return attrs.evolve(result, text=bom + result.text.replace("\n", end))


def _pieces(text: str, fmt: Format, old: list[Session]) -> list[_Piece]:
    """Split the file into prose, headers and one piece per data row (with its session)."""
    lines = _lines(text, fmt)
    by_line = {s.line: s for s in old}
    pieces: list[_Piece] = []
    columns: Columns | None = None
    header = ""
    done = 0
    for first, last, cells in _records(text, fmt):
        if first > done:
            pieces.append(_Piece(lines[done:first]))
        span = lines[first:last + 1]
        done = last + 1
        if not looks_like_data(cells):
            found = header_columns(cells)
            if found is None:
                columns = columns or list(_POSITIONAL)
                pieces.append(_Piece(span))
                continue
            if "date" in found:
                columns, header = found, "".join(span)
                pieces.append(_Piece(span))
                continue
        session = by_line.get(last + 1)
        if session is None:  # not a row of a session (the reader read it as none)
            pieces.append(_Piece(span))
            continue
        pieces.append(_Piece(span, session, columns or list(_POSITIONAL), header,
                             cells=cells, was=session))
    if done < len(lines):
        pieces.append(_Piece(lines[done:]))
    # Where rows go in a table that has none yet: after its last header and rule lines.
    pieces.append(_Piece([], None, columns or list(_POSITIONAL), header))
    return pieces


def _edit(pieces: list[_Piece], rows: list[_Piece], pairs: list[tuple[int | None, int | None]],
          sessions: Sequence[Session], fmt: Format, text: str,
          venues: Mapping[str, Venue]) -> list[_Piece]:
    """Apply the pairing of old rows and sessions to the pieces of the file."""
    end = pieces.pop()  # the anchor for rows of a table that has none
    replaced: dict[int, list[_Piece]] = {id(row): [row] for row in rows}
    before_first: list[_Piece] = []
    last: _Piece | None = None
    for i, j in pairs:
        if i is not None:
            row = rows[i]
            last = row
            if j is None:
                replaced[id(row)] = []
            elif row.session != sessions[j]:
                replaced[id(row)] = [_Piece([], sessions[j], row.columns, row.header,
                                            cells=row.cells, was=row.session,
                                            written="".join(row.lines))]
            else:
                row.session = sessions[j]
            continue
        assert j is not None
        model = last or (rows[0] if rows else end)
        new = _Piece([], sessions[j], model.columns, model.header)
        if last is None:
            before_first.append(new)
        else:
            replaced[id(last)].append(new)
    out: list[_Piece] = []
    for piece in pieces:
        if piece is (rows[0] if rows else None):
            out.extend(before_first)
        out.extend(replaced.get(id(piece), [piece]))
    if not rows:
        insert_at = _after_header(out)
        out[insert_at:insert_at] = before_first
    for piece in out:
        if piece.session is not None and not piece.lines:
            piece.lines = _render(piece, fmt, text, venues)
    _end_lines(out)
    return out


def _after_header(pieces: list[_Piece]) -> int:
    """Where the first row of a table without rows goes: after its header and rule."""
    for index in range(len(pieces) - 1, -1, -1):
        if pieces[index].lines and pieces[index].lines[-1].lstrip().startswith("|"):
            return index + 1
    return len(pieces)


def _end_lines(pieces: list[_Piece]) -> None:
    """Give each line but the file's last its line end (a row added after the last line)."""
    lines = [(piece, n) for piece in pieces for n in range(len(piece.lines))]
    for piece, n in lines[:-1]:
        if not piece.lines[n].endswith("\n"):
            piece.lines[n] += "\n"


def _render(piece: _Piece, fmt: Format, text: str, venues: Mapping[str, Venue]) -> list[str]:
    """The lines of a session's row in the file's format (none if it has no row form)."""
    assert piece.session is not None and piece.columns is not None
    cells = _cells(piece.session, piece.columns, venues)
    if cells is None:
        return []
    if piece.was is not None and piece.cells is not None:
        # A cell whose meaning is unchanged keeps its text ("8.00 - 11.00" stays).
        before = _cells(piece.was, piece.columns, venues)
        if before is not None and len(piece.cells) == len(cells):
            cells = [written if old == new else new
                     for written, old, new in zip(piece.cells, before, cells, strict=True)]
    if fmt == "md":
        if any("|" in c or "\n" in c or "\r" in c for c in cells):
            return []
        return [_markdown_row(cells, piece)]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=_delimiter(text), lineterminator="\n").writerow(cells)
    return io.StringIO(buffer.getvalue()).readlines()


def _markdown_row(cells: list[str], piece: _Piece) -> str:
    """A Markdown row; an edited row keeps the spacing of the cells it keeps."""
    parts = piece.written.rstrip("\n").split("|")
    if piece.cells is None or len(parts) != len(cells) + 2 or parts[0].strip():
        return "| " + " | ".join(cells) + " |\n"
    for index, (before, after) in enumerate(zip(piece.cells, cells, strict=True)):
        if before != after:
            parts[index + 1] = f" {after} "
    return "|".join(parts) + "\n"


def _cells(session: Session, columns: Columns, venues: Mapping[str, Venue]) -> list[str] | None:
    """The cells of a session's row in these columns, or None if it has no row form."""
    if session.number is None:
        return None
    slot_venues = [b.venue for b in session.slots]
    ids = list(dict.fromkeys(slot_venues))
    if None in ids and len(ids) > 1:
        return None  # the reader gives every slot a venue, or none
    named = [] if ids == [None] else (ids if len(ids) == 1 else slot_venues)
    values: dict[str, str] = {
        "number": str(session.number),
        "title": session.label,
        "kind": session.kind.value,
        "date": format_date(session.day) if session.day is not None
        else format_period(session.period) if session.period is not None else "",
        "slots": format_slots(b.slot for b in session.slots),
        "venue": ", ".join(v for v in named if v is not None),
        "leaders": ", ".join(session.leaders or ()),
        "contract": session.contract or "",
        "activity": session.activity or "",
        "groups": ", ".join(session.attendance.groups),
        "headcount": "" if session.attendance.headcount is None
        else str(session.attendance.headcount),
        "status": "" if session.status is SessionStatus.PLANNED else session.status.value,
        "attended": "" if session.attendance.attended is None
        else str(session.attendance.attended),
        "id": session.given_id or "",
    }
    if "venue" not in columns:
        values["address"] = _addresses([v for v in named if v is not None], venues) or ""
    return [values.get(column, "") if column else "" for column in columns]


def _addresses(ids: list[str], venues: Mapping[str, Venue]) -> str | None:
    """One address, or several streets sharing a postcode and town, as a cell says them."""
    found = [venues[i].address if i in venues else None for i in ids]
    if not found:
        return ""
    if any(a is None for a in found):
        return None
    addresses = [a for a in found if a is not None]
    if len(addresses) == 1:
        return str(addresses[0])
    places = {(a.postcode, a.city) for a in addresses}
    if len(places) != 1:
        return None
    postcode, city = places.pop()
    tail = " ".join(part for part in (postcode, city) if part)
    return " ".join(a.street for a in addresses) + (f" {tail}" if tail else "")


def _settle(pieces: list[_Piece], fmt: Format, table: PublishedTable,
            sessions: Sequence[Session], book: VenueBook,
            venues: Mapping[str, Venue]) -> Placement:
    """Check the edited file by reading it; drop the rows that do not read back right."""
    wanted = [p.session for p in pieces if p.session is not None and p.lines]
    text = "".join(line for piece in pieces for line in piece.lines)
    after = _copy(book)
    try:
        if _parse(text, fmt, table, after) == wanted and len(wanted) == len(sessions):
            return Placement(text, tuple(s for s in wanted if s is not None), after)
    except OpsReformError:
        pass
    # Some row does not say its session: try each row alone, in order, as the reader
    # meets them (the venue book grows with the addresses it reads).
    running = _copy(book)
    for piece in pieces:
        if piece.session is None:
            continue
        trial = _row_reads_back(piece, fmt, table, running)
        if trial is None:
            # Cells kept as written may read otherwise now (another table kind, another
            # venue at an address): write the whole row in the canonical forms.
            piece.was, piece.cells, piece.written = None, None, ""
            piece.lines = _render(piece, fmt, text, venues)
            trial = _row_reads_back(piece, fmt, table, running)
        if trial is None:
            piece.lines = []
            piece.session = None
        else:
            running = trial
    held = [p.session for p in pieces if p.session is not None]
    text = "".join(line for piece in pieces for line in piece.lines)
    after = _copy(book)
    try:
        if _parse(text, fmt, table, after) == held:
            return Placement(text, tuple(s for s in held if s is not None), after)
    except OpsReformError:
        pass
    return Placement(None, (), book)


def _row_reads_back(piece: _Piece, fmt: Format, table: PublishedTable,
                    book: VenueBook) -> VenueBook | None:
    """The venue book after reading the row alone, if it reads back as its session."""
    if not piece.lines:
        return None
    trial = _copy(book)
    try:
        found = _parse(piece.header + "".join(piece.lines), fmt, table, trial)
    except OpsReformError:
        return None
    return trial if found == [piece.session] else None
