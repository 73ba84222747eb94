"""The schedule a project file gives: its table files read as columns, checked at once.

A table file read straight into a :class:`~opsreform.model.table.SessionTable` has no
``Session`` objects. Its ids and references are screened over its columns; only when the
screen finds something wrong are its rows made into sessions and walked one by one by
the reader's own checks, which raise the error at the file and line that say it. So the
meaning of each check is written once (in the walk) and a correct file never pays for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import attrs
import polars as pl

from opsreform.exceptions import ProjectFileError
from opsreform.files.columns import read_session_frame, read_tables
from opsreform.files.tables import VenueBook, read_session_table
from opsreform.model.groups import GROUP_ID
from opsreform.model.sessions import Session, SessionKind
from opsreform.model.table import SessionTable

__all__ = ["Pairs", "TableRead", "TableText", "read_many", "row_fail", "schedule_of"]

_Fail = Callable[[str, str], ProjectFileError]
Pairs = list[tuple[Session, _Fail]]
"""Sessions read, each with the function that places an error at its row or key."""


@attrs.frozen
class TableRead:
    """The sessions of one table file, read as columns.

    Attributes:
        table: The sessions.
        path: The file, as errors name it.

    """

    table: SessionTable
    path: str

    def pairs(self) -> Pairs:
        """The sessions, each with the function that places an error at its line."""
        return [(s, row_fail(self.path, s.line)) for s in self.table.sessions()]


@attrs.frozen
class TableText:
    """A session table file's text, to be read with the others of its project.

    Attributes:
        text: The decoded text.
        table: The table's id.
        kind: The kind of its sessions when a row does not say (the table's).
        fmt: ``md`` or ``csv``.
        path: The file, as errors name it.

    """

    text: str
    table: str
    kind: SessionKind | None
    fmt: Literal["md", "csv"]
    path: str

    def read(self, book: VenueBook) -> TableRead | Pairs:
        """Read it alone: as columns, else by rows (which raise the placed error)."""
        columns = read_session_frame(self.text, table=self.table, venues=book,
                                     kind=self.kind, fmt=self.fmt, path=self.path)
        if columns is not None:
            return TableRead(columns, self.path)
        read = read_session_table(self.text, table=self.table, venues=book, kind=self.kind,
                                  fmt=self.fmt, path=self.path)
        return [(s, row_fail(self.path, s.line)) for s in read]


Request = tuple[list[TableText], VenueBook]
"""The table files of one project, in order, and its venue book before them."""
Answer = tuple[list[SessionTable], VenueBook]
"""Their sessions as columns, and the venue book after them."""


def read_many(requests: Sequence[Request]) -> list[Answer | None]:
    """Read the table files of many projects as columns, together.

    For each project: the table of each file, in order, with the venue book as reading
    them in order leaves it (a new book; the one given is not changed), or None when any
    of its files needs the row reader (then it is read file by file, as alone). See
    :func:`opsreform.files.columns.read_tables`.
    """
    return read_tables(requests)


def row_fail(path: str, line: int | None) -> _Fail:
    """The function that places an error at ``line`` of the table file ``path``."""
    def fail(field: str, message: str) -> ProjectFileError:
        column = "" if field == "id" else f" (column {field})"  # an id may be derived
        return ProjectFileError(f"{message}{column}", path=path, line=line)
    return fail


def schedule_of(pieces: Sequence[TableRead | Pairs], *, superseded: set[str],
                declared: dict[str, set[str]], groups: set[str],
                check: Callable[[Pairs], None]) -> SessionTable:
    """The schedule of ``pieces`` (in order), after the reader's checks of its sessions.

    Args:
        pieces: Each table file's sessions (as columns, or as sessions) and the inline
            ones, in the order read.
        superseded: The ids of tables a later table supersedes (their sessions may
            repeat the ids of the new version's).
        declared: The ids each column may name (``leaders`` → the people…).
        groups: The ids of the declared groups (empty: attendance groups are free text).
        check: The reader's checks of sessions (with the project's other declarations),
            which raise a placed error for the first session that fails.

    """
    walked: Pairs = [pair for piece in pieces if not isinstance(piece, TableRead)
                     for pair in piece]
    tables = [piece.table if isinstance(piece, TableRead)
              else SessionTable.of(s for s, _ in piece) for piece in pieces if piece]
    schedule = SessionTable.concat(tables)
    if any(isinstance(p, TableRead) for p in pieces) and not _clean(
            schedule, superseded, declared, groups):
        walked = [pair for piece in pieces for pair in (
            piece.pairs() if isinstance(piece, TableRead) else piece)]
    check(walked)
    return schedule


def _clean(schedule: SessionTable, superseded: set[str], declared: dict[str, set[str]],
           groups: set[str]) -> bool:
    """Whether the screen finds every id unique and every reference declared."""
    names = schedule.named()
    if names.repeats and (not superseded or _repeats(schedule, superseded)):
        return False
    if not schedule.all_known(declared):
        return False
    return not groups or all(n in groups or not GROUP_ID.fullmatch(n)
                             for n in names.ids["groups"])


def _repeats(schedule: SessionTable, superseded: set[str]) -> bool:
    """Whether ids repeat, a superseded table's ids counting apart (see ``unique_key``)."""
    frame = schedule.frame
    old = frame.get_column("table").is_in(sorted(superseded)).fill_null(value=False)
    keys = pl.select(pl.when(old).then(pl.concat_str(
        frame.get_column("id"), pl.lit(" (table "), frame.get_column("table"), pl.lit(")")))
        .otherwise(frame.get_column("id"))).to_series()
    return bool(keys.is_duplicated().any())
