"""``check``: run a project's rules (by default every rule that applies) and return findings."""

from __future__ import annotations

from collections.abc import Iterable

from opsreform.findings import Finding
from opsreform.model.project import Project
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import Rule, run_rules

__all__ = ["check"]


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
    if rules is None:
        rules = project.rules if project.rules is not None else default_rules()
    return run_rules(project, rules)
