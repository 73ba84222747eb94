"""Findings: what a check says about a project.

Every rule of every domain (schedule, funding, organisation) reports in this one shape,
so that reports and the command line treat them alike.
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from opsreform.exceptions import ValidationError
from opsreform.messages import Lang, Message
from opsreform.model._validators import to_enum

__all__ = ["Finding", "Severity"]


class Severity(enum.StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    """A rule is broken: the schedule or the figures must change."""
    WARNING = "warning"
    """Probably wrong, or allowed but against the model; a person should look."""
    INFO = "info"
    """A note: a rounding difference, or a check that could not run for lack of facts."""

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info (higher is more serious)."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]


def _non_empty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("must be a non-empty string", field=attribute.name, value=value)


def _to_severity(value: Severity | str) -> Severity:
    return to_enum(Severity, value)


@attrs.frozen(order=False)
class Finding:
    """One thing a rule found.

    Attributes:
        rule: The stable id of the rule (``summer-break``, ``funding-sum``…).
        severity: ``error``, ``warning`` or ``info``.
        subject: What it concerns, as a stable string (``session 2018-05-07#6``,
            ``activity 2.3``, ``funding``, ``unit Zespół ds. Usług``).
        message: A sentence a coordinator understands (in Polish).
        date: The day it concerns, or None.
        said: The message by key and facts, when the rule gave one: what
            :meth:`text` says in another language (not compared).

    """

    rule: str = attrs.field(validator=_non_empty)
    severity: Severity = attrs.field(converter=_to_severity)
    subject: str = attrs.field(validator=_non_empty)
    message: str = attrs.field(validator=_non_empty)
    date: date | None = None
    said: Message | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    def text(self, lang: Lang = "pl") -> str:
        """The message in ``lang`` (Polish, the ``message``, when it was given as text)."""
        if self.said is None or lang == "pl":
            return self.message
        return self.said.text(lang)

    def sort_key(self) -> tuple[str, str, str, str]:
        """Order by date (undated first), then rule, subject and message."""
        return (self.date.isoformat() if self.date else "", self.rule, self.subject, self.message)

    def as_dict(self, lang: Lang = "pl") -> dict[str, str | None]:
        """Return the finding as JSON-ready data (the ``--format json`` shape).

        ``message`` is said in ``lang``; ``key`` names the message (stable across
        languages, None for a message given as text).
        """
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "date": self.date.isoformat() if self.date else None,
            "subject": self.subject,
            "message": self.text(lang),
            "key": None if self.said is None else self.said.key,
        }
