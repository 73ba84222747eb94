"""Marking a session delivered or cancelled, in its own file, keeping the rest as written.

``opsreform mark FILE SESSION --delivered [--attended N] [--on DATE]`` and
:func:`mark_session` change one session's ``status`` (and its ``attended`` count, and its
date when it was held on another day) through the lossless writer
(:mod:`opsreform.files.writer`): a session written in the project file has those keys
edited there; a session of a Markdown or CSV table file has its row edited in that file,
whose ``status`` (and ``attended``) column says it. Every other byte stays.

What cannot be written in its place is refused, with a placed error saying why, and
nothing is written: a row of a spreadsheet or of a Windows-1250 table (never rewritten),
a row of a table without a ``status`` or ``attended`` column, a delivered session dated
after today, attendance on a cancelled session.
"""

from __future__ import annotations

import difflib
import tomllib
from datetime import date
from pathlib import Path

import attrs

from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files.project import load_project
from opsreform.files.sheets import SHEET_SUFFIXES
from opsreform.files.writer import _write as write_edit
from opsreform.files.writer import _Written
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SessionStatus
from opsreform.text.dates import format_date

__all__ = ["mark_session"]


def mark_session(path: str | Path, session_id: str, *, status: SessionStatus | str,
                 attended: int | None = None, on: date | None = None,
                 root: str | Path | None = None, today: date | None = None) -> Session:
    """Mark one session of a project file delivered (or cancelled, or planned) in place.

    Args:
        path: The project file.
        session_id: The session's id as findings print it (``t#5``, ``2018-01-16#8``,
            a given id).
        status: ``delivered``, ``cancelled`` or ``planned``.
        attended: How many people attended (a delivered session only).
        on: The day it was held, when not the day it was planned (a one-day session).
        root: The folder its session tables may be read from (as :func:`load_project`).
        today: The day of the edit (default: today); a session is not delivered after it.

    Returns:
        The session as marked.

    Raises:
        ProjectFileError: When the file cannot be read, names no such session, or the
            change cannot be written in the session's own place (the message says why
            and where); then nothing is written.

    """
    path = Path(path)
    project = load_project(path, root=root)
    old = _find(project, session_id, str(path))
    place = _place(project, old, str(path))
    new = _changed(old, SessionStatus(status), attended, on, today or date.today(), place)
    if new == old:
        return old
    edited = attrs.evolve(project, sessions=tuple(new if s.id == old.id else s
                                                  for s in project.sessions))
    written = _written(project, edited, new, place, path)
    for table_path, text in written.tables.items():
        if isinstance(text, bytes):  # pragma: no cover - _written keeps only a text edit
            continue
        with table_path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    if written.text != (project.origin.text if project.origin else None):
        path.write_text(written.text, encoding="utf-8")
    return new


def _find(project: Project, session_id: str, path: str) -> Session:
    for session in project.sessions:
        if session.id == session_id:
            return session
    ids = [s.id for s in project.sessions]
    close = difflib.get_close_matches(session_id, ids, n=3)
    hint = (f"did you mean {', '.join(close)}?" if close
            else f"its sessions are: {', '.join(ids[:10])}{' …' if len(ids) > 10 else ''}"
            if ids else "it has no sessions")
    msg = f"no session {session_id!r} in the project; {hint}"
    raise ProjectFileError(msg, path=path)


@attrs.frozen
class _Place:
    """Where a session is written: its file, line and key, and the table file's kind."""

    path: str
    line: int | None
    key: str | None
    table_file: str | None = None

    def error(self, message: str) -> ProjectFileError:
        return ProjectFileError(message, path=self.path, line=self.line, key=self.key)


def _place(project: Project, session: Session, path: str) -> _Place:
    """Where ``session`` is written: inline in the project file, or a row of a table file."""
    assert project.origin is not None
    raw = tomllib.loads(project.origin.text)
    inline = raw.get("sessions", [])
    first_inline = len(project.sessions) - len(inline)
    index = next(i for i, s in enumerate(project.sessions) if s.id == session.id)
    if index >= first_inline:
        return _Place(path, session.line, f"sessions[{index - first_inline}]")
    files = {t["id"]: t["file"] for t in raw.get("tables", []) if "file" in t}
    file = files.get(session.table) if session.table is not None else None
    where = str(Path(path).parent / file) if file is not None else path
    return _Place(where, session.line, None, file)


def _changed(session: Session, status: SessionStatus, attended: int | None, on: date | None,
             today: date, place: _Place) -> Session:
    """The session as marked, or a placed error for what cannot be."""
    delivered = status is SessionStatus.DELIVERED
    if attended is not None and not delivered:
        raise place.error(f"--attended is for a delivered session; session {session.id} "
                          f"is being marked {status.value}")
    if on is not None and not delivered:
        raise place.error(f"--on is the day a delivered session was held; session "
                          f"{session.id} is being marked {status.value}")
    if not delivered and session.attendance.outcome_stated:
        raise place.error(f"session {session.id} records who attended (attended, absent); "
                          f"a {status.value} session has no attendance: remove those first")
    day = session.day
    if on is not None:
        if session.day is None:
            raise place.error(f"session {session.id} spans several days "
                              f"({session.period}); --on moves a one-day session only")
        day = on
    if delivered and (day or session.first_day) > today:
        when = format_date(day or session.first_day)
        raise place.error(f"session {session.id} is dated {when}, after today "
                          f"({format_date(today)}); a session is marked delivered once held "
                          "(give --on DATE if it was held earlier)")
    attendance = session.attendance
    if attended is not None:
        try:
            attendance = attrs.evolve(attendance, attended=attended)
        except OpsReformError as exc:
            raise place.error(str(exc)) from None
    try:
        return attrs.evolve(session, status=status, day=day, attendance=attendance)
    except OpsReformError as exc:
        raise place.error(str(exc)) from None


def _written(project: Project, edited: Project, session: Session, place: _Place,
             path: Path) -> _Written:
    """The lossless writer's edit, if it keeps the session in its place; else refuse."""
    assert project.origin is not None
    try:
        written = write_edit(edited, path.parent)
    except ProjectFileError as exc:
        raise place.error(f"cannot write the change: {exc}") from None
    if place.table_file is None:
        if written.tables:
            raise place.error("the change would rewrite session tables too; not written")
        return written
    if written.text == project.origin.text and len(written.tables) == 1:
        return written  # the row edited in its table file, the project file as it was
    file = place.table_file
    if Path(file).suffix.lower() in SHEET_SUFFIXES:
        reason = (f"{file} is a spreadsheet, which opsreform reads but never rewrites; mark "
                  "the row there (in a 'status' column), or move the session into the "
                  "project file")
    elif not Path(place.path).resolve().is_relative_to(path.parent.resolve()):
        reason = (f"{file} lies outside the project file's folder, where opsreform never "
                  "writes; mark the row there")
    elif not _utf8(Path(place.path)):
        reason = (f"{file} is not UTF-8, and opsreform never rewrites such a table; save it "
                  "as UTF-8 to mark its rows")
    else:
        columns = "a 'status' column" + (
            " and an 'attended' column" if session.attendance.attended is not None else "")
        reason = (f"its row in {file} cannot say it: the table needs {columns} (named in "
                  "its header row); add it, then mark again")
    raise place.error(f"cannot mark session {session.id} in its table: {reason}")


def _utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return True
