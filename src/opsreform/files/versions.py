"""The ``supersedes`` key of ``[[tables]]``: versions of a published table, checked in place.

A table may name the earlier table it replaces (``supersedes = "2018-01-16"``); the
project's schedule is then the latest version of each chain (see
:mod:`opsreform.versions`). Here the chains are checked where the file states them, so
that a ``supersedes`` naming no table, two tables superseding one, or a cycle is an
error naming the file, the line and the key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from opsreform.exceptions import ProjectFileError
from opsreform.files._reader import shown
from opsreform.model.sessions import PublishedTable, Session

__all__ = ["check_chains", "unique_key"]

_Fail = Callable[[str, str], ProjectFileError]


def check_chains(tables: Sequence[tuple[PublishedTable, _Fail]]) -> None:
    """Raise a placed error for a ``supersedes`` that names no table, forks or cycles.

    Args:
        tables: Each table read, with the function that builds an error at its keys.

    Raises:
        ProjectFileError: At the ``supersedes`` key of the offending table.

    """
    ids = {t.id for t, _ in tables}
    taken: dict[str, str] = {}
    later: dict[str, str] = {}
    for table, fail in tables:
        old = table.supersedes
        if old is None:
            continue
        if old not in ids:
            known = ", ".join(sorted(ids)[:10])
            raise fail("supersedes", f"supersedes {shown(old)}, which is not the id of a "
                                     f"table in [[tables]] (declared: {known})")
        if old in taken:
            raise fail("supersedes", f"table {shown(taken[old])} already supersedes "
                                     f"{shown(old)}; a table has one next version (let this "
                                     f"one supersede {shown(taken[old])})")
        taken[old] = table.id
        later[table.id] = old
    for table, fail in tables:
        seen, step = {table.id}, later.get(table.id)
        while step is not None:
            if step in seen:
                raise fail("supersedes", f"the tables superseding one another from "
                                         f"{shown(table.id)} form a cycle; the first version "
                                         "supersedes none")
            seen.add(step)
            step = later.get(step)


def unique_key(session: Session, superseded: set[str | None]) -> str:
    """What must be unique of a session: its id, or in a superseded table its id there.

    A new version of a table may give its sessions the ids they had (that is how
    versions are matched); the schedule, the latest versions, never repeats an id.

    Args:
        session: The session read.
        superseded: The ids of the tables a table supersedes.

    """
    if session.table in superseded:
        return f"{session.id} (table {session.table})"
    return session.id
