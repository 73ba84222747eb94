"""The project: everything known about one centre's reorganisation project.

A fact the source document does not state is ``None`` (unknown), never zero or empty:
rules that need it do not run and say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

import attrs

from opsreform.exceptions import ValidationError
from opsreform.messages import Message
from opsreform.model._validators import (
    non_empty,
    non_negative,
    optional_non_empty,
    to_tuple,
    unique_ids,
)
from opsreform.model.groups import Group, GroupBook
from opsreform.model.people import Person
from opsreform.model.table import SessionTable
from opsreform.periods import Period
from opsreform.workcalendar import WorkCalendar

if TYPE_CHECKING:
    import polars as pl

    from opsreform.model.activities import Activity
    from opsreform.model.amendments import Amendment
    from opsreform.model.breaks import DeclaredBreak
    from opsreform.model.contracts import Contract
    from opsreform.model.funding import Funding
    from opsreform.model.indicators import Indicator
    from opsreform.model.organisation import Organisation
    from opsreform.model.sessions import PublishedTable, Session
    from opsreform.model.venues import Venue
    from opsreform.rules.engine import Rule

__all__ = ["Milestone", "Project", "ProjectOrigin", "ReadNote", "SourceDocument"]


@attrs.frozen
class ReadNote:
    """A remark of the reader about a file it read, reported by the checks as ``info``.

    Not a fact of the project: for example that a session table was found to be in
    Windows-1250 rather than UTF-8, which a person may want to know (a wrong guess
    would show as misspelt letters).

    Attributes:
        subject: What it concerns (``table 2018-05-07``).
        message: The remark, in Polish, as a finding prints it.
        said: The remark by key and facts (a :class:`~opsreform.messages.Message`), so
            that its finding is said in any language; None for a remark given as text.

    """

    subject: str = attrs.field(validator=non_empty)
    message: str = attrs.field(validator=non_empty)
    said: Message | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)


@attrs.frozen
class SourceDocument:
    """A document the project's facts were taken from.

    Attributes:
        name: The file name or title of the document.
        note: What it holds, or remarks on its quality.

    """

    name: str = attrs.field(validator=non_empty)
    note: str | None = None


@attrs.frozen
class Milestone:
    """A dated fact of the project that no other part of the model holds.

    For example the council's resolution adopting the project, or the day a team was
    appointed.

    Attributes:
        day: When it happened.
        text: What happened, as the document words it.

    """

    day: date
    text: str = attrs.field(validator=non_empty)


@attrs.frozen
class ProjectOrigin:
    """Where a project was read from, so that saving it can change only what was edited.

    The readers of project files attach it to what they return; the writers start from
    it, keeping the file's comments, its table references and the Polish forms as
    written. It is plain text: the model does not know the file format.

    Attributes:
        text: The text of the project file, as read.
        path: The file's name, as given to the reader, when it was read from a file.
        base: The folder that the session tables it references are relative to.
        root: The folder its session tables were allowed to be read from (the
            reader's ``root``), when it was not ``base``.

    """

    text: str = attrs.field(repr=False)
    path: str | None = None
    base: str | None = None
    root: str | None = None


def _to_schedule(sessions: SessionTable | Iterable[Session]) -> SessionTable:
    return SessionTable.of(sessions)


@attrs.frozen
class Project:
    """One reorganisation project of a social-welfare centre.

    Attributes:
        title: The project's title ("Nowy Model - Lepsza Jakość").
        goal: The project's main goal (cel główny), as stated.
        beneficiary: The centre that runs it, as named in the documents.
        period: The project period (okres realizacji), when stated.
        durability_months: Months after the end in which results must be kept
            (trwałość), when stated.
        funding: Programme, call, agreement, sources and budget, when stated.
        organisation: The centre's structure before and after, and its staff.
        activities: The numbered support schedule (harmonogram wsparcia), in the
            document's order.
        activities_excerpt: True when the document gives only part of the harmonogram
            (one task of several), so gaps in its numbering are not errors of the document.
        venues: The places where sessions happen, declared once.
        people: Trainers, supervisors, experts and staff, declared once.
        groups: The staff groups that attend sessions (the centre's staff, its social
            workers), declared once.
        contracts: The contracts (umowy) that deliver sessions.
        tables: The published session tables (each numbered from 1).
        schedule: The dated sessions, the project's schedule, as one table (given as
            ``sessions=``: ``Session`` values or a :class:`SessionTable`; see
            :attr:`sessions`). Sessions of a table that a later table supersedes are
            moved to ``history`` on construction.
        history: The sessions of superseded tables (earlier versions of a table), kept
            to tell what changed (:func:`opsreform.versions.diff`); no rule checks them.
        breaks: The breaks the project declares (for example no trainings in summer).
        calendar: The centre's working calendar (holidays, closures).
        rules: The rules to check, or None for the default rules.
        sources: The documents the facts come from.
        milestones: Other dated facts (resolutions, appointments), in date order.
        indicators: The indicators (wskaźniki) the project declares, with their targets.
        start: The first day, when the document states it without an end (with
            ``duration_months`` it gives the period; see :attr:`initial_period`).
        duration_months: How many months the project runs (okres realizacji w
            miesiącach, "realizowany przez 18 miesięcy"), when stated.
        amendments: The amendments (aneksy) to the funding agreement, in the order
            they were signed; see :meth:`period_on` and :attr:`final_period`.
        read_notes: Remarks of the reader about the files it read (a table detected as
            Windows-1250); not facts of the project, so not compared and not saved.
        origin: The file it was read from, when it was read from one (see
            :class:`ProjectOrigin`). It is not part of the project's meaning: two
            projects that differ only in their origin are equal. ``attrs.evolve`` keeps
            it, so an edited copy is saved as an edit of that file.

    """

    title: str = attrs.field(validator=non_empty)
    goal: str | None = attrs.field(default=None, validator=optional_non_empty)
    beneficiary: str | None = attrs.field(default=None, validator=optional_non_empty)
    period: Period | None = None
    durability_months: int | None = attrs.field(default=None, validator=non_negative)
    funding: Funding | None = None
    organisation: Organisation | None = None
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=to_tuple)
    activities_excerpt: bool = False
    venues: tuple[Venue, ...] = attrs.field(default=(), converter=to_tuple)
    people: tuple[Person, ...] = attrs.field(default=(), converter=to_tuple)
    groups: tuple[Group, ...] = attrs.field(default=(), converter=to_tuple)
    contracts: tuple[Contract, ...] = attrs.field(default=(), converter=to_tuple)
    tables: tuple[PublishedTable, ...] = attrs.field(default=(), converter=to_tuple)
    schedule: SessionTable = attrs.field(alias="sessions", factory=SessionTable.empty,
                                         converter=_to_schedule)
    history: tuple[Session, ...] = attrs.field(default=(), converter=to_tuple)
    breaks: tuple[DeclaredBreak, ...] = attrs.field(default=(), converter=to_tuple)
    calendar: WorkCalendar = attrs.field(factory=WorkCalendar)
    rules: tuple[Rule, ...] | None = None
    sources: tuple[SourceDocument, ...] = attrs.field(default=(), converter=to_tuple)
    milestones: tuple[Milestone, ...] = attrs.field(default=(), converter=to_tuple)
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=to_tuple)
    start: date | None = None
    duration_months: int | None = attrs.field(default=None, validator=non_negative)
    amendments: tuple[Amendment, ...] = attrs.field(default=(), converter=to_tuple)
    read_notes: tuple[ReadNote, ...] = attrs.field(default=(), converter=to_tuple, eq=False)
    origin: ProjectOrigin | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Unnumbered top-level items (a bare list of planned activities) get keys -1, -2…
        roots, dash = [], 0
        for activity in self.activities:
            if activity.number is None:
                dash += 1
                activity = attrs.evolve(activity, key=f"-{dash}")
            roots.append(activity)
        object.__setattr__(self, "activities", tuple(roots))
        unique_ids(self.people, "people", "people")
        unique_ids(self.venues, "venues", "venues")
        unique_ids(self.contracts, "contracts", "contracts")
        unique_ids(self.tables, "tables", "tables")
        unique_ids(self.indicators, "indicators", "indicators")
        unique_ids(self.groups, "groups", "groups")
        self._split_history()
        if self.schedule.named().repeats:
            unique_ids(self.sessions, "sessions", "sessions")
        # A new version of a table may give its sessions the ids they had: unique per table.
        for table in {s.table for s in self.history}:
            unique_ids(tuple(s for s in self.history if s.table == table), "sessions",
                       "history")
        self._check_references()
        self._check_people()
        _check_timeline(self)

    def _split_history(self) -> None:
        """Check the ``supersedes`` chains; move superseded tables' sessions to history."""
        ids = {t.id for t in self.tables}
        by: dict[str, str] = {}
        for table in self.tables:
            old = table.supersedes
            if old is None:
                continue
            if old not in ids:
                raise ValidationError(f"table {table.id!r} supersedes {old!r}, which the "
                                      "project does not declare in tables",
                                      field="supersedes", value=old)
            if old in by:
                raise ValidationError(f"tables {by[old]!r} and {table.id!r} both supersede "
                                      f"{old!r}; a table has one next version",
                                      field="supersedes", value=old)
            by[old] = table.id
        later = {t.id: t.supersedes for t in self.tables if t.supersedes is not None}
        for start in later:
            seen, step = {start}, later.get(start)
            while step is not None:
                if step in seen:
                    raise ValidationError(f"the tables superseding one another from "
                                          f"{start!r} form a cycle", field="supersedes",
                                          value=start)
                seen.add(step)
                step = later.get(step)
        if by:
            gone = self.schedule.frame["table"].is_in(list(by)).fill_null(value=False)
            if gone.any():
                moved = self.schedule.filter(gone).sessions()
                object.__setattr__(self, "schedule", self.schedule.filter(~gone))
                object.__setattr__(self, "history", (*self.history, *moved))
        for session in self.history:
            if session.table not in by:
                raise ValidationError(f"session {session.id} is in the history, but its "
                                      f"table {session.table!r} is superseded by none",
                                      field="history", value=session.id)

    def _check_references(self) -> None:
        """Refuse a project whose sessions or contracts name ids it does not declare."""
        people = {p.id for p in self.people}
        venues = {v.id for v in self.venues}
        contracts = {c.id for c in self.contracts}
        tables = {t.id for t in self.tables}
        activities = {a.id for root in self.activities for a in root.walk()}
        for contract in self.contracts:
            _known(contract.leaders, people, f"contract {contract.id}", "leaders", "people")
        for table in self.tables:
            _known((table.contract,), contracts, f"table {table.id}", "contract", "contracts")
        # The schedule's columns are screened at once; the sessions are walked one by one
        # (below) only to name the first that fails, or for the history.
        declared = {"leaders": people, "people": people, "absent": people, "places": venues,
                    "venues": venues, "contract": contracts, "table": tables,
                    "activity": activities}
        suspects = self.history if self.schedule.all_known(declared) else (
            *self.sessions, *self.history)
        for session in suspects:
            where = f"session {session.id}"
            _known(session.leaders or (), people, where, "leaders", "people")
            _known(session.attendance.people, people, where, "attendance", "people")
            _known(session.attendance.absent, people, where, "absent", "people")
            _known(tuple(b.venue for b in session.slots), venues, where, "venue", "venues")
            _known(session.places, venues, where, "places", "venues")
            _known((session.contract,), contracts, where, "contract", "contracts")
            _known((session.table,), tables, where, "table", "tables")
            _known((session.activity,), activities, where, "activity", "activities")

    def _check_people(self) -> None:
        """Refuse group links that name nothing or make a cycle, and repeated keys."""
        GroupBook(self.groups)
        people = {p.id for p in self.people}
        for group in self.groups:
            _known(group.members, people, f"group {group.id}", "members", "people")
        keys: set[str] = set()
        for person in self.people:
            if person.key is None:
                continue
            if person.key in keys:
                raise ValidationError(f"two people have the key {person.key!r}; a key names "
                                      "one person", field="key", value=person.key)
            keys.add(person.key)

    @property
    def sessions(self) -> tuple[Session, ...]:
        """The schedule as :class:`~opsreform.model.sessions.Session` values, in order.

        Made from the schedule's rows the first time they are asked for (a project read
        from files holds its sessions as a table only), then kept.
        """
        return self.schedule.sessions()

    def groups_of(self, session: Session) -> tuple[str, ...]:
        """Return the ids of the declared groups that attend ``session``.

        Its own ``attendance.groups`` when it names any, else its table's
        (``PublishedTable.groups``); entries that name no declared group are free text
        (as format-1 files wrote them) and are left out.
        """
        return self.groups_named(session.attendance.groups, session.table)

    def groups_named(self, own: Sequence[str], table: str | None) -> tuple[str, ...]:
        """The declared groups attending a session naming ``own`` groups, of ``table``.

        The rule of :meth:`groups_of`, for a session given by those two columns.
        """
        named = tuple(own)
        if not named and table is not None:
            for declared_table in self.tables:
                if declared_table.id == table:
                    named = declared_table.groups
                    break
        declared = {g.id for g in self.groups}
        return tuple(n for n in named if n in declared)

    def attendees_of(self, session: Session) -> tuple[str, ...]:
        """Return the ids of the people who attend ``session``: named, or in its groups."""
        book = GroupBook(self.groups)
        members = {m for g in self.groups_of(session) for m in book.members(g)}
        return tuple(dict.fromkeys((*session.attendance.people, *sorted(members))))

    def contract_of(self, session: Session) -> Contract | None:
        """Return the contract ``session`` is delivered under, or None when none is known.

        A session's contract is its own (``session.contract``), else that of the
        published table it comes from (``PublishedTable.contract``). The one place this
        is decided: rules, planning and reports all ask here.

        >>> from opsreform import load_project
        >>> project = load_project("examples/tarnowskie-gory.toml")
        >>> project.contract_of(project.sessions[0]).id
        'szkolenia'

        """
        contract_id = session.contract
        if contract_id is None and session.table is not None:
            for table in self.tables:
                if table.id == session.table:
                    contract_id = table.contract
                    break
        if contract_id is None:
            return None
        for contract in self.contracts:
            if contract.id == contract_id:
                return contract
        return None  # pragma: no cover - construction refuses undeclared contracts

    def leaders_of(self, session: Session) -> tuple[str, ...]:
        """Return the ids of who leads ``session``.

        Its own leaders when it names them (an empty tuple: "nobody named"), else the
        leaders of its contract (:meth:`contract_of`), else nobody known (``()``).

        >>> from opsreform import load_project
        >>> project = load_project("examples/tarnowskie-gory.toml")
        >>> supervision = next(s for s in project.sessions if s.kind == "supervision")
        >>> project.leaders_of(supervision)
        ('superwizor',)

        """
        if session.leaders is not None:
            return session.leaders
        contract = self.contract_of(session)
        return contract.leaders if contract is not None else ()

    def sessions_frame(self) -> pl.DataFrame:
        """Return the sessions as a polars DataFrame, one row per slot.

        Contracts and leaders are resolved; see :func:`opsreform.frames.sessions_frame`
        for the columns.
        """
        from opsreform.frames import sessions_frame  # noqa: PLC0415 - frames import the model

        return sessions_frame(self)

    @property
    def initial_period(self) -> Period | None:
        """The period as signed: ``period``, else ``start`` plus ``duration_months``.

        The end of a period given by its start and a duration is the day before the
        same date that many months later (18 months from 01.06.2018 end on 30.11.2019).
        None when neither is known.
        """
        if self.period is not None:
            return self.period
        if self.start is not None and self.duration_months:
            return Period.starting(self.start, months=self.duration_months)
        return None

    def period_on(self, day: date) -> Period | None:
        """The project period in force on ``day``: as last amended by then, else as signed.

        >>> from datetime import date
        >>> from opsreform.model.amendments import Amendment
        >>> p = Project("P", period=Period(date(2019, 1, 1), date(2020, 7, 31)),
        ...             amendments=[Amendment(date(2020, 5, 4),
        ...                         period=Period(date(2019, 1, 1), date(2020, 10, 31)))])
        >>> p.period_on(date(2020, 5, 3)).end, p.period_on(date(2020, 5, 4)).end
        (datetime.date(2020, 7, 31), datetime.date(2020, 10, 31))
        >>> p.final_period.end
        datetime.date(2020, 10, 31)

        """
        period = self.initial_period
        for amendment in self.amendments:
            if amendment.period is not None and amendment.in_force_from <= day:
                period = amendment.period
        return period

    @property
    def final_period(self) -> Period | None:
        """The period as the last amendment that changed it left it, else as signed.

        Durability runs from its end.
        """
        period = self.initial_period
        for amendment in self.amendments:
            if amendment.period is not None:
                period = amendment.period
        return period

    def contract_on(self, contract_id: str, day: date) -> Contract:
        """The contract ``contract_id`` as amended by ``day`` (KeyError if none)."""
        contract = self.contract(contract_id)
        for amendment in self.amendments:
            change = amendment.change_of(contract_id)
            if change is not None and amendment.in_force_from <= day:
                contract = change.apply(contract)
        return contract

    def final_contract(self, contract_id: str) -> Contract:
        """The contract ``contract_id`` as every amendment left it (KeyError if none)."""
        contract = self.contract(contract_id)
        for amendment in self.amendments:
            change = amendment.change_of(contract_id)
            if change is not None:
                contract = change.apply(contract)
        return contract

    @property
    def final_funding(self) -> Funding | None:
        """The funding as every amendment left it (None when unknown)."""
        funding = self.funding
        for amendment in self.amendments:
            if funding is not None and amendment.funding is not None:
                funding = amendment.funding.apply(funding)
        return funding

    def contract(self, contract_id: str) -> Contract:
        """Return the contract with ``contract_id`` (KeyError if none)."""
        for contract in self.contracts:
            if contract.id == contract_id:
                return contract
        raise KeyError(contract_id)

    def person(self, person_id: str) -> Person:
        """Return the person with ``person_id`` (KeyError if none)."""
        for person in self.people:
            if person.id == person_id:
                return person
        raise KeyError(person_id)


def _check_timeline(project: Project) -> None:
    """Refuse a start beside a period, and amendments out of order or naming no contract."""
    if project.start is not None and project.period is not None:
        raise ValidationError("give the period, or its start with a duration, not both",
                              field="start", value=project.start)
    contracts = {c.id for c in project.contracts}
    previous = None
    for n, amendment in enumerate(project.amendments, start=1):
        if previous is not None and (amendment.signed < previous.signed
                                     or amendment.in_force_from < previous.in_force_from):
            raise ValidationError(
                f"amendment {n} (signed {amendment.signed.isoformat()}) comes before "
                f"amendment {n - 1} (signed {previous.signed.isoformat()}); list the "
                "amendments in the order they were signed and took effect",
                field="amendments", value=amendment.signed)
        for change in amendment.contracts:
            _known((change.contract,), contracts, f"amendment {n}", "contract", "contracts")
        for change in amendment.contracts:
            try:  # the contract as changed must be a valid contract
                change.apply(project.contract(change.contract))
            except ValidationError as exc:
                raise ValidationError(f"amendment {n}: {exc}", field="contracts",
                                      value=change.contract) from None
        previous = amendment


def _known(ids: tuple[str | None, ...], declared: set[str], where: str, field: str,
           section: str) -> None:
    for item in ids:
        if item is not None and item not in declared:
            known = ", ".join(sorted(declared)[:10]) or "none"
            raise ValidationError(
                f"{where} names {field} {item!r}, which the project does not declare in "
                f"{section} (declared: {known})", field=field, value=item)
