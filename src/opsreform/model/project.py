"""The project: everything known about one centre's reorganisation project.

A fact the source document does not state is ``None`` (unknown), never zero or empty:
rules that need it do not run and say so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from opsreform.model._validators import non_empty, optional_non_empty, unique_ids
from opsreform.model.people import Person
from opsreform.periods import Period
from opsreform.workcalendar import WorkCalendar

if TYPE_CHECKING:
    from opsreform.model.activities import Activity
    from opsreform.model.breaks import DeclaredBreak
    from opsreform.model.contracts import Contract
    from opsreform.model.funding import Funding
    from opsreform.model.organisation import Organisation
    from opsreform.model.sessions import PublishedTable, Session
    from opsreform.model.venues import Venue
    from opsreform.rules.engine import Rule

__all__ = ["Project", "SourceDocument"]


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
class Project:
    """One reorganisation project of a social-welfare centre.

    Attributes:
        title: The project's title ("Nowy Model - Lepsza Jakość").
        beneficiary: The centre that runs it, as named in the documents.
        period: The project period (okres realizacji), when stated.
        durability_months: Months after the end in which results must be kept
            (trwałość), when stated.
        funding: Programme, call, agreement, sources and budget, when stated.
        organisation: The centre's structure before and after, and its staff.
        activities: The numbered support schedule (harmonogram wsparcia), in the
            document's order.
        venues: The places where sessions happen, declared once.
        people: Trainers, supervisors, experts and staff, declared once.
        contracts: The contracts (umowy) that deliver sessions.
        tables: The published session tables (each numbered from 1).
        sessions: The dated sessions.
        breaks: The breaks the project declares (for example no trainings in summer).
        calendar: The centre's working calendar (holidays, closures).
        rules: The rules to check, or None for the default rules.
        sources: The documents the facts come from.

    """

    title: str = attrs.field(validator=non_empty)
    beneficiary: str | None = attrs.field(default=None, validator=optional_non_empty)
    period: Period | None = None
    durability_months: int | None = None
    funding: Funding | None = None
    organisation: Organisation | None = None
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=tuple)
    venues: tuple[Venue, ...] = attrs.field(default=(), converter=tuple)
    people: tuple[Person, ...] = attrs.field(default=(), converter=tuple)
    contracts: tuple[Contract, ...] = attrs.field(default=(), converter=tuple)
    tables: tuple[PublishedTable, ...] = attrs.field(default=(), converter=tuple)
    sessions: tuple[Session, ...] = attrs.field(default=(), converter=tuple)
    breaks: tuple[DeclaredBreak, ...] = attrs.field(default=(), converter=tuple)
    calendar: WorkCalendar = attrs.field(factory=WorkCalendar)
    rules: tuple[Rule, ...] | None = None
    sources: tuple[SourceDocument, ...] = attrs.field(default=(), converter=tuple)

    def __attrs_post_init__(self) -> None:
        unique_ids(self.people, "people", "people")
        unique_ids(self.venues, "venues", "venues")
        unique_ids(self.contracts, "contracts", "contracts")
        unique_ids(self.sessions, "sessions", "sessions")
        unique_ids(self.tables, "tables", "tables")

    def person(self, person_id: str) -> Person:
        """Return the person with ``person_id`` (KeyError if none)."""
        for person in self.people:
            if person.id == person_id:
                return person
        raise KeyError(person_id)
