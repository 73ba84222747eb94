"""People: those who lead sessions (trainers, supervisors, experts) and the centre's staff.

A person is declared once in a project and referenced by ``id`` from sessions,
contracts and the organisation, so that one person is recognised across all of them
(a supervisor booked twice at the same hour, a worker in two teams).
"""

from __future__ import annotations

import enum

import attrs

from opsreform.model._validators import non_empty, optional_non_empty

__all__ = ["Person", "Profession"]


class Profession(enum.StrEnum):
    """A person's profession (zawód / stanowisko)."""

    SOCIAL_WORKER = "social-worker"
    """Pracownik socjalny."""
    FAMILY_ASSISTANT = "family-assistant"
    """Asystent rodziny."""
    SPECIALIST = "specialist"
    """Specjalista (for example ds. monitoringu, psycholog, prawnik)."""
    CLERK = "clerk"
    """Pracownik administracyjny / referent."""
    MANAGER = "manager"
    """Kadra zarządzająca: dyrektor, kierownik."""
    TRAINER = "trainer"
    """Trener, szkoleniowiec (usually external)."""
    SUPERVISOR = "supervisor"
    """Superwizor pracy socjalnej."""
    EXPERT = "expert"
    """Ekspert, doradca."""
    OTHER = "other"
    """Any other profession."""


@attrs.frozen
class Person:
    """A person named in a project.

    Attributes:
        id: A stable id, unique in the project (``superwizor``, ``pw-kowalska``).
        name: The name as documents give it (may be a role when the name is not
            stated: "superwizor pracy socjalnej").
        profession: What the person is, when known.
        employer: Who employs the person (the centre's name, a company), when known.
        certified_supervisor: For supervisors: whether they hold the social-work
            supervisor certificate; ``None`` when the documents do not say.

    """

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    profession: Profession | None = attrs.field(
        default=None, converter=attrs.converters.optional(Profession)
    )
    employer: str | None = attrs.field(default=None, validator=optional_non_empty)
    certified_supervisor: bool | None = None
