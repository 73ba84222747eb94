"""Versions of a published table, and what changed between two schedules.

A centre republishes a table when a session is moved, re-timed or cancelled; the new
table names the one it replaces (``[[tables]] supersedes = "2018-01-16"``). The tables
superseding one another form a **chain**, from the first version to the latest; the
project's schedule is the latest version of each chain, and the sessions of earlier
versions are its history (:attr:`opsreform.Project.history`).

**Matching.** To say what changed, a session of the old schedule is paired with one of
the new, in three passes, each over the sessions the passes before left unpaired:

1. by the id given to both (an ``id`` column or key): an id given by a person is the
   strongest statement that two rows are the same session;
2. by the table's Lp. number within one chain, when the kind, the title and the part
   agree too: a republished table keeps its rows' numbers, but a table that drops a row
   may renumber the rest, so a number alone is not identity;
3. by kind, title and part, each old session with the new one nearest in date
   (ties: in the tables' order): a session moved to another day keeps its title.

A paired session lists each way it changed (moved to another day, re-timed, moved to
another venue, cancelled, reinstated); an unpaired old session was removed, an unpaired
new one added.

>>> from datetime import date
>>> import attrs, opsreform
>>> project = opsreform.load_project("examples/tarnowskie-gory.toml")
>>> first = project.sessions[0]
>>> moved = attrs.evolve(project, sessions=[attrs.evolve(first, day=date(2018, 1, 26)),
...                                         *project.sessions[1:]])
>>> [str(change) for change in diff(project, moved)]
['moved: 2018-01-16#1 (2018-01-19 → 2018-01-26)']
>>> print(diff(project, moved).text("en"))  # doctest: +ELLIPSIS
KODEKS ... cz.1 (session 2018-01-16#1): moved from 2018-01-19 to 2018-01-26
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable, Iterator, Sequence
from typing import Literal

import attrs

from opsreform.messages import Message
from opsreform.model.project import Project
from opsreform.model.sessions import PublishedTable, Session, SessionStatus
from opsreform.text.slots import format_slots

__all__ = [
    "Change",
    "ChangeKind",
    "Diff",
    "Lineage",
    "Version",
    "chain",
    "diff",
    "has_versions",
    "lineages",
    "match",
    "version",
]


class ChangeKind(enum.StrEnum):
    """How a session changed from one schedule to the next."""

    ADDED = "added"
    """Dodana: in the new schedule only."""
    REMOVED = "removed"
    """Usunięta: in the old schedule only (dropped from the table, not marked cancelled)."""
    MOVED = "moved"
    """Przeniesiona: on another day (or days)."""
    RETIMED = "retimed"
    """Zmiana godzin: at other hours the same day."""
    VENUE = "venue"
    """Zmiana miejsca: at another venue."""
    CANCELLED = "cancelled"
    """Odwołana: marked cancelled."""
    REINSTATED = "reinstated"
    """Przywrócona: cancelled before, planned or delivered now."""


@attrs.frozen
class Change:
    """One change of one session between two schedules.

    Attributes:
        kind: What changed.
        old: The session in the old schedule (None when it was added).
        new: The session in the new schedule (None when it was removed).

    """

    kind: ChangeKind = attrs.field(converter=ChangeKind)
    old: Session | None
    new: Session | None

    def __attrs_post_init__(self) -> None:
        if self.old is None and self.new is None:
            msg = "a change needs the old or the new session"
            raise ValueError(msg)

    @property
    def session(self) -> Session:
        """The session as it is now (the old one when it was removed)."""
        found = self.new if self.new is not None else self.old
        assert found is not None
        return found

    def message(self) -> Message:
        """What the change says, in the catalogs (``diff.<kind>``)."""
        session = self.session
        facts: dict[str, object] = {"label": session.label, "id": session.id,
                                    "day": session.first_day}
        if self.old is not None and self.new is not None:
            facts.update(old_day=self.old.first_day, new_day=self.new.first_day,
                         old_slots=_slots_text(self.old), new_slots=_slots_text(self.new),
                         old_venues=list(self.old.venues) or ["?"],
                         new_venues=list(self.new.venues) or ["?"])
        return Message(f"diff.{self.kind.value}", **facts)

    def __str__(self) -> str:
        session = self.session
        if self.kind is ChangeKind.MOVED:
            assert self.old is not None and self.new is not None
            return (f"moved: {session.id} ({_when(self.old)} → {_when(self.new)})")
        if self.kind is ChangeKind.RETIMED:
            assert self.old is not None and self.new is not None
            return f"retimed: {session.id} ({_slots_text(self.old)} → {_slots_text(self.new)})"
        if self.kind is ChangeKind.VENUE:
            assert self.old is not None and self.new is not None
            return (f"venue: {session.id} ({', '.join(self.old.venues) or '?'} → "
                    f"{', '.join(self.new.venues) or '?'})")
        return f"{self.kind.value}: {session.id} ({_when(session)})"


def _when(session: Session) -> str:
    return session.day.isoformat() if session.day is not None else str(session.period)


def _slots_text(session: Session) -> str:
    return format_slots(b.slot for b in session.slots) or "?"


@attrs.frozen
class Diff:
    """What changed from one schedule to another: every change, in date order.

    Empty (false) when nothing changed. Iterating gives the changes.

    Attributes:
        changes: The changes, by the session's (new, else old) first day, then in the
            order of the schedules.

    """

    changes: tuple[Change, ...] = ()

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of(self, kind: ChangeKind | str) -> tuple[Change, ...]:
        """The changes of one kind."""
        return tuple(c for c in self.changes if c.kind == ChangeKind(kind))

    def text(self, lang: Literal["pl", "en"] = "pl") -> str:
        """The changes as lines of text in ``lang`` (Polish by default)."""
        if not self.changes:
            return Message("diff.none").text(lang)
        return "\n".join(c.message().text(lang) for c in self.changes)


@attrs.frozen
class Version:
    """One version of a table of a project: the table and its sessions.

    Attributes:
        project: The project that holds it.
        table: The table.
        sessions: Its sessions (from the schedule, or from the history when it is
            superseded), in the project's order.

    """

    project: Project
    table: PublishedTable
    sessions: tuple[Session, ...]


def version(project: Project, table_id: str) -> Version:
    """Return the version of ``project``'s tables with the id ``table_id``.

    Raises:
        KeyError: When the project has no table with that id.

    """
    for table in project.tables:
        if table.id == table_id:
            every = (*project.sessions, *project.history)
            return Version(project, table, tuple(s for s in every if s.table == table_id))
    raise KeyError(table_id)


def chain(project: Project, table_id: str) -> tuple[PublishedTable, ...]:
    """The versions of the table ``table_id``: from the first to the latest.

    >>> import opsreform
    >>> project = opsreform.load_project("examples/tarnowskie-gory.toml")
    >>> [t.id for t in chain(project, "2018-05-07")]
    ['2018-05-07']
    """
    by_id = {t.id: t for t in project.tables}
    later = {t.supersedes: t for t in project.tables if t.supersedes is not None}
    first = by_id[table_id]
    while first.supersedes is not None:  # the model refuses cycles
        first = by_id[first.supersedes]
    found = [first]
    while found[-1].id in later:
        found.append(later[found[-1].id])
    return tuple(found)


def _roots(project: Project) -> dict[str, str]:
    """The first version of each table's chain, by table id."""
    by_id = {t.id: t for t in project.tables}
    roots = {}
    for table in project.tables:
        first = table
        while first.supersedes is not None:
            first = by_id[first.supersedes]
        roots[table.id] = first.id
    return roots


Pair = tuple[Session | None, Session | None]


def match(old: Sequence[Session], new: Sequence[Session], *,
          same_chain: Callable[[str | None, str | None], bool] | None = None,
          ) -> list[Pair]:
    """Pair the sessions of two schedules (see the module's docstring for how).

    Args:
        old: The sessions of the old schedule.
        new: The sessions of the new schedule.
        same_chain: Whether an old and a new table id are versions of one table (the
            Lp. numbers of the two then name the same rows); by default, equal ids.

    Returns:
        The pairs, each ``(old, new)``; ``(old, None)`` for a removed session and
        ``(None, new)`` for an added one. Paired sessions come in the new schedule's
        order, then the removed in the old's.

    """
    chained = same_chain or (lambda a, b: a == b)
    partner: dict[int, int] = {}  # new position -> old position
    free_old = set(range(len(old)))

    def pair(j: int, i: int) -> None:
        partner[j] = i
        free_old.discard(i)

    given = {s.given_id: i for i, s in enumerate(old) if s.given_id is not None}
    for j, session in enumerate(new):
        i = given.get(session.given_id) if session.given_id is not None else None
        if i is not None and i in free_old:
            pair(j, i)
    numbered: dict[int, list[int]] = {}
    for i in sorted(free_old):
        if old[i].number is not None:
            numbered.setdefault(old[i].number, []).append(i)  # type: ignore[arg-type]
    for j, session in enumerate(new):
        if j in partner or session.number is None:
            continue
        for i in numbered.get(session.number, ()):
            candidate = old[i]
            if (i in free_old and _same_row(candidate, session)
                    and chained(candidate.table, session.table)):
                pair(j, i)
                break
    rows: dict[tuple[object, ...], list[int]] = {}
    for i in sorted(free_old):
        rows.setdefault(_row(old[i]), []).append(i)
    candidates = sorted(
        (abs((new[j].first_day - old[i].first_day).days), i, j)
        for j in range(len(new)) if j not in partner
        for i in rows.get(_row(new[j]), ()))
    for _, i, j in candidates:
        if j not in partner and i in free_old:
            pair(j, i)
    pairs: list[Pair] = [(old[partner[j]] if j in partner else None, s)
                         for j, s in enumerate(new)]
    pairs.extend((old[i], None) for i in sorted(free_old))
    return pairs


def _row(session: Session) -> tuple[object, ...]:
    """What a row says a session is: its kind, title and part."""
    return (session.kind, session.title, session.part)


def _same_row(a: Session, b: Session) -> bool:
    return _row(a) == _row(b)


def changes_of(old: Session | None, new: Session | None) -> list[Change]:
    """The changes from ``old`` to ``new`` (one session in two schedules), in a fixed order."""
    if old is None or new is None:
        return [Change(ChangeKind.ADDED if old is None else ChangeKind.REMOVED, old, new)]
    found = []
    if (old.day, old.period) != (new.day, new.period):
        found.append(ChangeKind.MOVED)
    if [(b.slot.start_minute, b.slot.end_minute) for b in old.slots] != [
            (b.slot.start_minute, b.slot.end_minute) for b in new.slots]:
        found.append(ChangeKind.RETIMED)
    if old.venues != new.venues:
        found.append(ChangeKind.VENUE)
    was, now = (s.status is SessionStatus.CANCELLED for s in (old, new))
    if now and not was:
        found.append(ChangeKind.CANCELLED)
    elif was and not now:
        found.append(ChangeKind.REINSTATED)
    return [Change(kind, old, new) for kind in found]


def diff(old: Project | Version, new: Project | Version) -> Diff:
    """What changed from ``old`` to ``new``: two projects, or two versions of a table.

    Two projects are compared by their schedules (:attr:`Project.sessions`); two
    versions (:func:`version`) by their tables' sessions. Sessions are paired as the
    module's docstring says; Lp. numbers pair only within one chain of versions.

    Args:
        old: The earlier project or version.
        new: The later one.

    Returns:
        The changes, by date.

    """
    old_roots, new_roots = _roots(old.project if isinstance(old, Version) else old), _roots(
        new.project if isinstance(new, Version) else new)

    def same_chain(a: str | None, b: str | None) -> bool:
        return a is not None and b is not None and old_roots.get(a) == new_roots.get(b)

    found = [change for o, n in match(old.sessions, new.sessions, same_chain=same_chain)
             for change in changes_of(o, n)]
    order = {id(c): k for k, c in enumerate(found)}
    return Diff(tuple(sorted(found, key=lambda c: (c.session.first_day, order[id(c)]))))


@attrs.frozen
class Lineage:
    """One session through the versions of its table.

    Attributes:
        session: The session as the latest version that holds it states it.
        first: The session in the first version that held it (its id names it for
            good: the calendar export's UID).
        changes: How many versions changed it (moved, re-timed, another venue,
            cancelled, reinstated, or removed it).
        announced: The table that added it or last changed it (the one whose
            publication gave notice of it as it now is); None for a session of no table.
        removed: Whether a later version dropped it (it is not in the schedule).

    """

    session: Session
    first: Session
    changes: int = 0
    announced: str | None = None
    removed: bool = False


def has_versions(project: Project) -> bool:
    """Whether any table of ``project`` is a version of another (or has one)."""
    return bool(project.history) or any(t.supersedes is not None for t in project.tables)


def lineages(project: Project) -> tuple[Lineage, ...]:
    """Each session of the schedule, and each one a version removed, through its versions.

    Sessions of the schedule come first, in its order, then the removed ones.

    >>> import opsreform
    >>> project = opsreform.load_project("examples/tarnowskie-gory.toml")
    >>> line = lineages(project)[0]
    >>> line.session.id, line.changes, line.announced
    ('2018-01-16#1', 0, '2018-01-16')
    """
    if not has_versions(project):
        return tuple(Lineage(s, s, 0, s.table) for s in project.sessions)
    current: dict[int, Lineage] = {}  # id() of a schedule session -> its lineage
    removed: list[Lineage] = []
    versions: dict[str | None, list[Session]] = {t.id: [] for t in project.tables}
    for session in (*project.sessions, *project.history):
        versions.setdefault(session.table, []).append(session)
    for table in project.tables:
        if table.supersedes is not None:
            continue
        tables = chain(project, table.id)
        lines = {id(s): Lineage(s, s, 0, table.id) for s in versions[table.id]}
        for before, after in itertools.pairwise(tables):
            nxt: dict[int, Lineage] = {}
            for o, n in match(versions[before.id], versions[after.id]):
                if n is None:
                    assert o is not None
                    line = lines[id(o)]
                    removed.append(attrs.evolve(line, changes=line.changes + 1, removed=True))
                elif o is None:
                    nxt[id(n)] = Lineage(n, n, 0, after.id)
                else:
                    line = lines[id(o)]
                    if changes_of(o, n):
                        line = attrs.evolve(line, changes=line.changes + 1, announced=after.id)
                    nxt[id(n)] = attrs.evolve(line, session=n)
            lines = nxt
        current.update(lines)
    schedule = [current.get(id(s)) or Lineage(s, s, 0, s.table) for s in project.sessions]
    return (*schedule, *removed)
