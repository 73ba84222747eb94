"""``check`` and ``check_many``: run the rules of one project, or of a batch of them."""

from __future__ import annotations

import os
from collections.abc import Iterable

import attrs

from opsreform.engine import evaluate
from opsreform.exceptions import OpsReformError
from opsreform.findings import Finding
from opsreform.model.project import Project
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import Rule

__all__ = ["ProjectCheck", "check", "check_many"]


def check(project: Project, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Check a project and return every finding, sorted by date, rule and subject.

    Args:
        project: The project.
        rules: The rules to run; by default the project's own choice
            (``project.rules``), else every default rule.

    Returns:
        The findings: errors, warnings, and ``info`` notes (including checks that could
        not run because the project does not state a fact they need).

    """
    return evaluate([project], [_rules_of(project, rules)])[0]


def _rules_of(project: Project, rules: Iterable[Rule] | None) -> tuple[Rule, ...]:
    """The rules to run: those given, else the project's own choice, else the defaults."""
    if rules is not None:
        return tuple(rules)
    return project.rules if project.rules is not None else default_rules()


@attrs.frozen
class ProjectCheck:
    """What checking one item of a batch gave: its findings, or why it could not be read.

    Attributes:
        source: The file as given, or ``None`` for a project passed as an object.
        project: The project, or ``None`` when its file could not be read.
        findings: Exactly the findings :func:`check` gives the project alone (empty when
            it could not be read).
        error: Why the file could not be read (an :class:`OpsReformError` naming the
            file and the line or key), or ``None``.

    """

    source: str | None
    project: Project | None
    findings: tuple[Finding, ...] = ()
    error: OpsReformError | None = None

    @property
    def read(self) -> bool:
        """Whether the item was read (and so checked)."""
        return self.error is None


def check_many(
    items: Iterable[Project | str | os.PathLike[str]],
    rules: Iterable[Rule] | None = None,
) -> list[ProjectCheck]:
    """Check many projects as one batch: project files, ``Project`` objects, or both.

    Each project gets exactly the findings :func:`check` gives it alone; a file that
    cannot be read does not stop the batch: its result carries the error instead. The
    files are read first, then every project is checked in one batch of the engine
    (:func:`opsreform.engine.evaluate`).

    Args:
        items: Project files (paths) and projects, in the order the results are wanted.
        rules: The rules to run on every project; by default each project's own choice.

    Returns:
        One :class:`ProjectCheck` per item, in the order of ``items``.

    >>> from opsreform import check_many
    >>> results = check_many(["examples/swilcza.toml", "examples/missing.toml"])
    >>> [(r.source, r.read, len(r.findings) > 0) for r in results]
    [('examples/swilcza.toml', True, True), ('examples/missing.toml', False, False)]

    """
    from opsreform.files.project import load_project  # noqa: PLC0415 - files sit above rules

    chosen = None if rules is None else tuple(rules)
    read: list[tuple[str | None, Project | None, OpsReformError | None]] = []
    for item in items:
        if isinstance(item, Project):
            read.append((None, item, None))
            continue
        source = os.fspath(item)
        try:
            read.append((source, load_project(source), None))
        except OpsReformError as exc:
            read.append((source, None, exc))
    # One batch: the engine builds its frames once for every project read.
    projects = [project for _, project, _ in read if project is not None]
    found = iter(evaluate(projects, [_rules_of(p, chosen) for p in projects]))
    return [ProjectCheck(source, None, (), error) if project is None
            else ProjectCheck(source, project, tuple(next(found)))
            for source, project, error in read]
