"""The engine from several threads at once: each thread's batch gets its own findings."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest

from opsreform.checks import check, check_many
from opsreform.engine import clear_calendar
from opsreform.findings import Finding
from opsreform.model.project import Project


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
    """Two threads per example check it again and again, one alone, one in a batch."""
    projects = list(examples.values())
    expected = {id(p): check(p) for p in projects}
    wrong: list[tuple[str, list[Finding]]] = []

    def work(project: Project, batch: bool) -> None:
        for n in range(10):
            if n == 5:
                clear_calendar()  # the one cache, emptied while others read it
            found = (list(check_many([project])[0].findings) if batch else check(project))
            if found != expected[id(project)]:
                wrong.append((project.title, found))

    threads = [threading.Thread(target=work, args=(p, batch))
               for p in projects for batch in (False, True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []
