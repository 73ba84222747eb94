"""A project no example resembles: a CSV table, school-holiday break, staff and supervisor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from opsreform.checks import check
from opsreform.files.project import load_project

DATA = Path(__file__).parent / "data" / "unseen"


def test_every_problem_is_found_and_nothing_else() -> None:
    """Holiday, school-break workshop, Saturday, over-allocation, separation, ratio, supervisor."""
    project = load_project(DATA / "gops.toml")
    found = {(f.rule, f.severity.value, f.subject, f.date) for f in check(project)
             if f.severity.value != "info"}
    assert found == {
        ("public-holiday", "error", "session 2019-01#3", date(2019, 5, 1)),
        ("summer-break", "error", "session 2019-01#4", date(2019, 7, 15)),
        ("weekend", "warning", "session 2019-01#5", date(2019, 9, 14)),
        ("over-allocation", "error", "structure after: person pw2", None),
        ("separation", "error", "structure after: person pw2", None),
        ("separation", "error", "structure after", None),
        ("staffing-ratio", "error", "structure after", None),
        ("supervisor-independence", "error", "person sup", None),
    }
    separation = [f for f in check(project) if f.rule == "separation"
                  and f.subject == "structure after" and f.severity.value == "error"]
    assert len(separation) == 2  # first contact and services are missing


def test_its_table_reads_every_form() -> None:
    """Dates with a weekday, slots with ':' and an en dash, addresses with and without a comma."""
    project = load_project(DATA / "gops.toml")
    assert len(project.sessions) == 5
    assert {v.id for v in project.venues} == {"lipowa-3", "rynek-1"}
    assert [s.part for s in project.sessions[:2]] == [1, 2]
    assert project.sessions[4].day == date(2019, 9, 14)
