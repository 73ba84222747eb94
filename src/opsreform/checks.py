"""``check`` and ``check_many``: run the rules of one project, or of a batch of them.

Besides the rules' findings, the reader's notes about the files it read (a session table
detected as Windows-1250) are reported as ``info`` findings of the rule ``read-note``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import attrs

from opsreform.engine import evaluate
from opsreform.engine._pause import collector_paused
from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.findings import Finding, Severity
from opsreform.model.project import Project
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import Rule

__all__ = ["READ_NOTE", "ProjectCheck", "check", "check_many"]

READ_NOTE = "read-note"
"""The rule id of the ``info`` findings that carry the reader's notes on its files."""


def check(project: Project, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Check a project and return every finding, sorted by date, rule and subject.

    Args:
        project: The project.
        rules: The rules to run; by default the project's own choice
            (``project.rules``), else every default rule.

    Returns:
        The findings: errors, warnings, and ``info`` notes (including checks that could
        not run because the project does not state a fact they need, and the reader's
        notes on the files it read, :attr:`Project.read_notes`).

    """
    return _with_notes(project, evaluate([project], [_rules_of(project, rules)])[0])


def _rules_of(project: Project, rules: Iterable[Rule] | None) -> tuple[Rule, ...]:
    """The rules to run: those given, else the project's own choice, else the defaults."""
    if rules is not None:
        return tuple(rules)
    return project.rules if project.rules is not None else default_rules()


def _with_notes(project: Project, found: list[Finding]) -> list[Finding]:
    """The rules' findings with the reader's notes on its files, in the findings' order."""
    if project.read_notes:
        found = [*found, *(Finding(READ_NOTE, Severity.INFO, note.subject, note.message,
                                   said=note.said) for note in project.read_notes)]
        found.sort(key=Finding.sort_key)
    return found


@attrs.frozen
class ProjectCheck:
    """What checking one item of a batch gave: its findings, or why it could not be read.

    Attributes:
        source: The file as given, or ``None`` for a project passed as an object.
        project: The project, or ``None`` when its file could not be read.
        findings: The findings :func:`check` gives the project alone, with those about
            people it shares with other projects of the batch (empty when it could not be
            read).
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
    *,
    root: str | os.PathLike[str] | None = None,
) -> list[ProjectCheck]:
    """Check many projects as one batch: project files, ``Project`` objects, or both.

    Each project gets the findings :func:`check` gives it alone, and those that need the
    other projects of the batch: the same person (by ``key``) booked in two of them at
    once (``double-booking``, on each of the two sessions, naming the other project), and
    a person's hours in a month across them (``person-hours``). They do not depend on
    the order of ``items``. A file that cannot be read does not stop the batch: its
    result carries the error instead.

    Args:
        items: Project files (paths) and projects, in the order the results are wanted.
        rules: The rules to run on every project; by default each project's own choice.
        root: The folder session tables may be read from (see
            :func:`~opsreform.files.project.load_project`); by default each project
            file's own folder.

    Returns:
        One :class:`ProjectCheck` per item, in the order of ``items``.

    Examples:
        >>> from opsreform import check_many
        >>> results = check_many(["examples/swilcza.toml", "examples/missing.toml"])
        >>> [(r.source, r.read, len(r.findings) > 0) for r in results]
        [('examples/swilcza.toml', True, True), ('examples/missing.toml', False, False)]

    """
    with collector_paused():  # one batch, whose objects all live on (engine._pause)
        return _check_many(items, rules, root)


def _check_many(items: Iterable[Project | str | os.PathLike[str]],
                rules: Iterable[Rule] | None, root: str | os.PathLike[str] | None,
                ) -> list[ProjectCheck]:
    from opsreform.files.project import load_many  # noqa: PLC0415 - files sit above rules

    chosen = None if rules is None else tuple(rules)
    listed = list(items)
    paths = [os.fspath(item) for item in listed if not isinstance(item, Project)]
    # The files are read as one batch too: their session tables as columns together.
    loaded = iter(load_many(paths, root=None if root is None else os.fspath(root)))
    read: list[tuple[str | None, Project | None, OpsReformError | None]] = []
    for item in listed:
        if isinstance(item, Project):
            read.append((None, item, None))
            continue
        got = next(loaded)
        if isinstance(got, OpsReformError):
            read.append((os.fspath(item), None, got))
        else:
            read.append((os.fspath(item), got, None))
    # One batch: the engine builds its frames once for every project read.
    projects = [project for _, project, _ in read if project is not None]
    try:
        found: list[list[Finding] | OpsReformError] = list(
            evaluate(projects, [_rules_of(p, chosen) for p in projects]))
    except Exception:
        found = [_alone(project, where, chosen) for where, project, _ in read
                 if project is not None]
    results = []
    answers = iter(found)
    for given, project, error in read:
        if project is None:
            results.append(ProjectCheck(given, None, (), error))
            continue
        answer = next(answers)
        if isinstance(answer, OpsReformError):
            results.append(ProjectCheck(given, None, (), answer))
        else:
            results.append(ProjectCheck(given, project, tuple(_with_notes(project, answer))))
    return results


def _alone(project: Project, source: str | None, rules: tuple[Rule, ...] | None,
           ) -> list[Finding] | OpsReformError:
    """One project checked by itself (after a batch failed): its findings, or the failure."""
    try:
        return evaluate([project], [_rules_of(project, rules)])[0]
    except Exception as exc:
        return ProjectFileError(f"the checks failed: an unexpected {type(exc).__name__}; "
                                "please report it", path=source)
