"""Checking past one machine: partitions of project files, checked where they land.

Checking is per project, so a country-sized job partitions by project file. This module
holds what a worker runs on its partition; it needs no distributed engine itself, and
what it returns is plain data (dicts of texts and numbers) that every engine moves and
concatenates. The recipe with ``dask.bag`` (the ``opsreform[dask]`` extra) is in
``docs/performance.md``.

>>> rows = check_partition(["examples/swilcza.toml", "examples/missing.toml"])
>>> sorted({row["severity"] for row in rows})
['error', 'info']
>>> [row["file"] for row in rows if row["rule"] == "file"]
['examples/missing.toml']
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from opsreform.checks import check_many

__all__ = ["check_partition"]


def check_partition(paths: Iterable[str | os.PathLike[str]]) -> list[dict[str, Any]]:
    """Check the project files of one partition; return one row per finding.

    Each row has ``file``, ``project`` (the title, or None), ``rule``, ``severity``,
    ``date`` (ISO text or None), ``subject`` and ``message`` — the ``--format json``
    fields. A file that cannot be read gives one row with ``rule`` ``"file"``,
    severity ``error`` and the reason as its message, so that nothing is dropped.

    Args:
        paths: The project files of the partition.

    Returns:
        The rows, file by file in the order given, each file's in the order of
        :func:`opsreform.check`.

    """
    rows: list[dict[str, Any]] = []
    for result in check_many(paths):
        if result.project is None:
            error = result.error
            rows.append({"file": result.source, "project": None, "rule": "file",
                         "severity": "error", "date": None, "subject": "file",
                         "message": getattr(error, "message", str(error))})
            continue
        title = result.project.title
        rows.extend({"file": result.source, "project": title, **finding.as_dict()}
                    for finding in result.findings)
    return rows
