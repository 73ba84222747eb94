"""`check` from several threads at once gives each project its own findings."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest

from opsreform.checks import check
from opsreform.findings import Finding
from opsreform.model.project import Project
from opsreform.rules._index import schedule_index


@pytest.fixture
def fast_switching() -> Iterator[None]:
    """Switch threads every microsecond, so that races show in a short run."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


@pytest.mark.usefixtures("fast_switching")
def test_threads_checking_different_projects_get_their_own_findings(
        examples: dict[str, Project]) -> None:
    projects = list(examples.values())
    expected = {id(p): check(p) for p in projects}
    wrong: list[tuple[str, list[Finding]]] = []
    views: list[int] = []

    def work(project: Project) -> None:
        for _ in range(100):
            found = check(project)
            if found != expected[id(project)]:
                wrong.append((project.title, found))
            index = schedule_index(project)
            if list(index.sessions) != [s for s in project.sessions
                                        if s.status.value != "cancelled"]:
                views.append(id(project))

    threads = [threading.Thread(target=work, args=(p,)) for p in projects * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []
    assert views == []
