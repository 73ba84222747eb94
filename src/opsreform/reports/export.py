"""Exports for analysts: the sessions and findings of many projects as Parquet, CSV or JSON.

One table of sessions (one row per slot, see :data:`opsreform.frames.SESSIONS_SCHEMA`)
and one of findings (:data:`opsreform.frames.FINDINGS_SCHEMA`) for a whole batch, each
row led by the ``file`` it comes from and the ``project`` title, so that they join and
group without glue.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import polars as pl

from opsreform.checks import ProjectCheck
from opsreform.frames import SESSIONS_SCHEMA, findings_frame, sessions_frame

__all__ = ["ExportFormat", "batch_frames", "write_frames"]

ExportFormat = Literal["parquet", "csv", "json"]


def batch_frames(results: Iterable[ProjectCheck]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return the sessions and the findings of checked projects as two frames.

    Args:
        results: What :func:`opsreform.check_many` returned; items that could not be
            read are skipped (their errors are the caller's to report).

    Returns:
        ``(sessions, findings)``, each with the leading columns ``file`` (null for a
        project passed as an object) and ``project`` (its title).

    """
    sessions: list[pl.DataFrame] = []
    findings: list[pl.DataFrame] = []
    for result in results:
        if result.project is None:
            continue
        lead = [pl.lit(result.source, pl.String).alias("file"),
                pl.lit(result.project.title, pl.String).alias("project")]
        sessions.append(sessions_frame(result.project).select(*lead, pl.all()))
        findings.append(findings_frame(result.findings).select(*lead, pl.all()))
    empty = [pl.lit(None, pl.String).alias("file"), pl.lit(None, pl.String).alias("project")]
    return (
        pl.concat(sessions) if sessions else pl.DataFrame(schema=SESSIONS_SCHEMA).select(
            *empty, pl.all()),
        pl.concat(findings) if findings else findings_frame(()).select(*empty, pl.all()),
    )


def write_frames(results: Iterable[ProjectCheck], fmt: ExportFormat, folder: str | Path,
                 ) -> list[Path]:
    """Write ``sessions.<fmt>`` and ``findings.<fmt>`` of a batch into ``folder``.

    CSV cells hold lists (leaders, groups, attendees) as texts joined with ``", "``, the
    form session tables use; Parquet and JSON keep them as lists.

    Args:
        results: What :func:`opsreform.check_many` returned.
        fmt: ``parquet``, ``csv`` or ``json`` (an array of row objects).
        folder: Where to write; created when missing.

    Returns:
        The two files written.

    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in zip(("sessions", "findings"), batch_frames(results), strict=True):
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            frame.write_parquet(path)
        elif fmt == "csv":
            lists = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
            frame.with_columns(pl.col(c).list.join(", ") for c in lists).write_csv(path)
        else:
            frame.write_json(path)
        written.append(path)
    return written
