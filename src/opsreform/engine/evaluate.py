"""The one door: run rules over a batch of projects, each rule once, and sort the findings.

Projects are grouped by the rule instances they use (``project.rules``, frozen and
hashable), so each distinct rule runs once over the projects that use it: a frame rule
as one polars query over the whole batch's frames (:class:`~opsreform.engine.Frames`,
built once), a plain rule project by project. The frame rules' queries are collected in
turn (on a batch of one, :func:`polars.collect_all` costs more than it shares).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from opsreform.engine._fork import before_first_query
from opsreform.engine._pause import collector_paused
from opsreform.engine.frames import ENGINE, Frames
from opsreform.findings import Finding
from opsreform.rules.engine import FrameRule, Rule

if TYPE_CHECKING:
    from opsreform.model.project import Project

__all__ = ["evaluate"]


def evaluate(projects: Sequence[Project],
             rules: Sequence[Sequence[Rule]]) -> list[list[Finding]]:
    """Run ``rules[i]`` on ``projects[i]`` for every ``i``; return each one's findings.

    Each project's findings are exactly what its rules give it alone, sorted by
    :meth:`Finding.sort_key`; a rule listed twice for a project reports twice, as it
    would if run twice.
    """
    before_first_query()
    with collector_paused():  # the findings of a batch all live on (see engine._pause)
        return _evaluate(projects, rules)


def _evaluate(projects: Sequence[Project],
              rules: Sequence[Sequence[Rule]]) -> list[list[Finding]]:
    found: list[list[Finding]] = [[] for _ in projects]
    users: dict[Rule, Counter[int]] = {}
    for i, chosen in enumerate(rules):
        for rule in chosen:
            users.setdefault(rule, Counter())[i] += 1
    frame_rules = [rule for rule in users if isinstance(rule, FrameRule)]
    if frame_rules:
        frames = Frames(projects)
        for rule in frame_rules:
            times = users[rule]
            scope = frames if len(times) == len(projects) else frames.only(sorted(times))
            rows = rule.offending(scope).collect(engine=ENGINE)
            for row in rows.iter_rows(named=True):
                i = row["project"]
                for finding in rule.report(row, projects[i]):
                    found[i].extend([finding] * times[i])
    for rule, times in users.items():
        for i, n in times.items():
            plain = list(rule.plain(projects[i]))
            for _ in range(n):
                found[i].extend(plain)
    for findings in found:
        findings.sort(key=Finding.sort_key)
    return found
