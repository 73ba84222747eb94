"""``check``: run a project's rules (by default every rule that applies) and return findings.

Besides the rules' findings, the reader's notes about the files it read (a session table
detected as Windows-1250) are reported as ``info`` findings of the rule ``read-note``.
"""

from __future__ import annotations

from collections.abc import Iterable

from opsreform.findings import Finding, Severity
from opsreform.model.project import Project
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import Rule, run_rules

__all__ = ["READ_NOTE", "check"]

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
    if rules is None:
        rules = project.rules if project.rules is not None else default_rules()
    found = run_rules(project, rules)
    if project.read_notes:
        found.extend(Finding(READ_NOTE, Severity.INFO, note.subject, note.message)
                     for note in project.read_notes)
        found.sort(key=Finding.sort_key)
    return found
