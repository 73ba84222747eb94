"""The one engine that runs rules, and the base class every rule derives from.

A rule is a small frozen attrs class: its fields are its parameters, its class
attributes say what it is (``id``, ``description``, ``severity``), and its
:meth:`Rule.check` yields findings. Subclasses register themselves by ``id``, so a
project file can name rules and set their parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from opsreform.exceptions import ValidationError
from opsreform.findings import Finding, Severity

if TYPE_CHECKING:
    from opsreform.model.project import Project

__all__ = ["Rule", "not_checked", "run_rules"]


@attrs.frozen
class Rule:
    """Base of every rule.

    Class attributes:
        id: The stable rule id used in findings and project files.
        description: One sentence saying what the rule requires.
        severity: The severity of what it finds unless the rule says otherwise.
        registry: Every rule class by id (filled as subclasses are defined).
    """

    id: ClassVar[str] = ""
    description: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.ERROR
    registry: ClassVar[dict[str, type[Rule]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.id:
            Rule.registry[cls.id] = cls

    def check(self, project: Project) -> Iterable[Finding]:
        """Yield the findings of this rule on ``project``."""
        raise NotImplementedError  # pragma: no cover - every concrete rule overrides it

    def finding(
        self,
        subject: str,
        message: str,
        *,
        day: date | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Build a finding of this rule (``severity`` defaults to the rule's)."""
        return Finding(self.id, severity or self.severity, subject, message, day)

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> Rule:
        """Build the rule from the parameters of a project file's ``[rules]`` table."""
        try:
            return cls(**params)
        except TypeError as exc:
            fields = ", ".join(a.name for a in attrs.fields(cls)) or "none"
            msg = f"rule {cls.id!r} does not take these parameters ({exc}); it takes: {fields}"
            raise ValidationError(msg, field=cls.id, value=params) from None


def not_checked(rule: Rule, subject: str, why: str) -> Finding:
    """Return the ``info`` finding that says a rule could not run, and why."""
    return _not_checked(rule.id, subject, why)


@lru_cache(maxsize=4096)
def _not_checked(rule: str, subject: str, why: str) -> Finding:
    # A run over thousands of projects says the same few notes again and again; findings
    # are immutable, so one object serves them all.
    return Finding(rule, Severity.INFO, subject, f"nie sprawdzono: {why}", None)


def run_rules(project: Project, rules: Iterable[Rule]) -> list[Finding]:
    """Run ``rules`` on ``project`` and return every finding, sorted by date then rule."""
    found: list[Finding] = []
    for rule in rules:
        found.extend(rule.check(project))
    found.sort(key=Finding.sort_key)
    return found


def iter_registry() -> Iterator[type[Rule]]:
    """Iterate over the registered rule classes, sorted by id."""
    for key in sorted(Rule.registry):
        yield Rule.registry[key]
