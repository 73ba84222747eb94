"""The base classes of the rules, and :func:`run_rules`, which hands them to the engine.

A rule is a small frozen attrs class: its fields are its parameters, its class
attributes say what it is (``id``, ``description``, ``severity``). Subclasses register
themselves by ``id``, so a project file can name rules and set their parameters.

A rule about the schedule is a :class:`FrameRule`: it states its judgement once, as a
polars query over the frames of a batch of projects (:class:`opsreform.engine.Frames`)
that returns the offending rows, and its message once, as a function of a row; the
engine (:func:`opsreform.engine.evaluate`) evaluates it for one project or thousands.
Any other rule is plain Python over one project (:meth:`Rule.check`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from opsreform.exceptions import ValidationError
from opsreform.findings import Finding, Severity
from opsreform.messages import Message

if TYPE_CHECKING:
    import polars as pl

    from opsreform.engine.frames import Frames
    from opsreform.model.project import Project

__all__ = ["FrameRule", "Rule", "not_checked", "run_rules"]


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

    def plain(self, project: Project) -> Iterable[Finding]:
        """The findings the engine gets from this rule by plain Python over ``project``."""
        return self.check(project)

    def finding(
        self,
        subject: str,
        message: Message | str,
        *,
        day: date | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Build a finding of this rule (``severity`` defaults to the rule's).

        ``message`` is a :class:`~opsreform.messages.Message` (said in any language);
        plain text is kept for callers outside the library.
        """
        if isinstance(message, Message):
            return Finding(self.id, severity or self.severity, subject, message.text("pl"),
                           day, said=message)
        return Finding(self.id, severity or self.severity, subject, message, day)

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> Rule:
        """Build the rule from the parameters of a project file's ``[rules]`` table."""
        try:
            rule = cls(**params)
        except TypeError as exc:
            fields = ", ".join(a.name for a in attrs.fields(cls)) or "none"
            msg = f"rule {cls.id!r} does not take these parameters ({exc}); it takes: {fields}"
            raise ValidationError(msg, field=cls.id, value=params) from None
        for field in attrs.fields(attrs.resolve_types(cls)):
            _check_param(cls, field, getattr(rule, field.name))
        return rule


def _check_param(cls: type[Rule], field: attrs.Attribute[Any], value: Any) -> None:
    """Refuse a parameter of the wrong type (a file's text where a number is meant)."""
    expected = {int: "a whole number", bool: "true or false"}
    for kind, words in expected.items():
        if field.type not in (kind, kind | None) or (value is None and field.type != kind):
            continue
        if isinstance(value, kind) and (kind is bool or not isinstance(value, bool)):
            continue  # (True is an int to Python, not to a reader of the file)
        msg = f"rule {cls.id!r}: parameter {field.name!r} must be {words}, not {value!r}"
        raise ValidationError(msg, field=field.name, value=value)
    # The engine groups projects by their rules: a parameter must be a value (a number,
    # a text, a date, a list the rule converts), never a table of its own.
    try:
        hash(value)
    except TypeError:
        msg = (f"rule {cls.id!r}: parameter {field.name!r} must be a single value or a "
               f"list of values, not {type(value).__name__} {value!r}")
        raise ValidationError(msg, field=field.name, value=value) from None


@attrs.frozen
class FrameRule(Rule):
    """A rule judged over the engine's frames: a query for the rows, a message for each.

    :meth:`offending` is what the rule requires, stated once: the rows (each with its
    ``project``) that break it. :meth:`report` turns one such row into findings. The
    engine evaluates the query for a whole batch; the rule never loops, sorts or caches.
    """

    def offending(self, frames: Frames) -> pl.LazyFrame:
        """The rows that break the rule (a ``project`` column and what the message says)."""
        raise NotImplementedError  # pragma: no cover - every frame rule overrides it

    def report(self, row: dict[str, Any], project: Project) -> Iterable[Finding]:
        """The findings of one offending ``row`` (of ``project``)."""
        raise NotImplementedError  # pragma: no cover - every frame rule overrides it

    def check(self, project: Project) -> list[Finding]:
        """Return the findings of this rule on ``project`` (the engine's batch of one)."""
        return run_rules(project, (self,))

    def plain(self, project: Project) -> Iterable[Finding]:
        """Findings the rule adds by plain Python, beside its query (none by default)."""
        return ()


def not_checked(rule: Rule, subject: str, why: Message | str) -> Finding:
    """Return the ``info`` finding that says a rule could not run, and why."""
    said = Message("not-checked", why=why)
    return Finding(rule.id, Severity.INFO, subject, said.text("pl"), None, said=said)


def run_rules(project: Project, rules: Iterable[Rule]) -> list[Finding]:
    """Run ``rules`` on ``project`` and return every finding, sorted by date then rule."""
    from opsreform.engine.evaluate import evaluate  # noqa: PLC0415 - the engine imports Rule

    return evaluate([project], [tuple(rules)])[0]


def iter_registry() -> Iterator[type[Rule]]:
    """Iterate over the registered rule classes, sorted by id."""
    for key in sorted(Rule.registry):
        yield Rule.registry[key]
