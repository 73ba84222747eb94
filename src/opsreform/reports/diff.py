"""The diff report: what changed between two schedules, as a table, JSON or text.

One project's report (``opsreform report --kind diff``) lists what the latest version
of each of its tables changed from the version before (:func:`latest_changes`); the
command ``opsreform diff OLD NEW`` compares two projects, or two versions of a table
(``--tables OLD_ID NEW_ID``). See :mod:`opsreform.versions` for how sessions are paired.

>>> import opsreform
>>> from opsreform.versions import diff
>>> project = opsreform.load_project("examples/tarnowskie-gory.toml")
>>> diff_table(diff(project, project)).rows
[]
"""

from __future__ import annotations

import json
from typing import Any

from opsreform.model.project import Project
from opsreform.model.sessions import Session
from opsreform.reports._lang import Lang, label
from opsreform.reports.tables import Cell, ReportTable
from opsreform.text.slots import format_slots
from opsreform.versions import Change, Diff, chain, diff, version

__all__ = ["diff_json", "diff_table", "latest_changes"]


def latest_changes(project: Project) -> Diff:
    """What the latest version of each table changed from the version before it.

    Empty when no table supersedes another.
    """
    found: list[Change] = []
    for table in project.tables:
        if table.supersedes is None or any(t.supersedes == table.id for t in project.tables):
            continue  # not the latest version of a chain of two or more
        versions = chain(project, table.id)
        found.extend(diff(version(project, versions[-2].id), version(project, table.id)))
    return Diff(tuple(sorted(found, key=lambda c: c.session.first_day)))


def _slots(session: Session | None) -> str | None:
    if session is None or not session.slots:
        return None
    return format_slots(b.slot for b in session.slots)


def _venues(session: Session | None) -> str | None:
    return None if session is None else ", ".join(session.venues) or None


def diff_table(changes: Diff, lang: Lang = "pl", *, title: str | None = None) -> ReportTable:
    """The changes as a report table: one row per change, what was and what is."""
    rows: list[list[Cell]] = []
    for change in changes:
        old, new = change.old, change.new
        rows.append([label(f"change_{change.kind.value}", lang), change.session.id,
                     change.session.label,
                     None if old is None else old.first_day,
                     None if new is None else new.first_day,
                     _slots(old), _slots(new), _venues(old), _venues(new)])
    headers = [label(k, lang) for k in ("change", "session", "kind_title", "old_date",
                                        "new_date", "old_hours", "new_hours", "old_venue",
                                        "new_venue")]
    notes = () if rows else (label("no_changes", lang),)
    return ReportTable(title or label("diff_title", lang), headers, rows, notes, name="diff")


def _session_data(session: Session | None) -> dict[str, Any] | None:
    if session is None:
        return None
    return {"id": session.id, "table": session.table, "number": session.number,
            "kind": session.kind.value, "title": session.title, "part": session.part,
            "first_day": session.first_day.isoformat(), "slots": _slots(session),
            "venues": list(session.venues), "status": session.status.value}


def diff_json(changes: Diff, lang: Lang = "pl") -> str:
    """The changes as JSON: a list of ``{"change", "message", "old", "new"}``."""
    return json.dumps([{"change": c.kind.value, "message": c.message().text(lang),
                        "old": _session_data(c.old), "new": _session_data(c.new)}
                       for c in changes], ensure_ascii=False, indent=2) + "\n"
