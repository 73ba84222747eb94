"""The activity chart: a Gantt chart of the harmonogram with sessions marked (``charts`` extra).

Drawn with matplotlib (Agg backend) on an A4 landscape page (11.69 × 8.27 in), as SVG
or PNG by the file's suffix. Titles are drawn as written: on one line, without control
characters (which would make the SVG invalid XML), with every ``$`` escaped so that
matplotlib never reads them as mathematics, and with ``text.usetex`` off whatever the
user's matplotlib settings say.
"""

from __future__ import annotations

import importlib
import textwrap
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from opsreform.model.activities import iter_activities
from opsreform.model.project import Project
from opsreform.model.sessions import SessionKind
from opsreform.reports._escape import mathtext_literal, one_line
from opsreform.reports._lang import Lang

__all__ = ["write_chart"]

_COLOURS = {
    SessionKind.TRAINING: "#1f77b4", SessionKind.WORKSHOP: "#2ca02c",
    SessionKind.SUPERVISION: "#d62728", SessionKind.STUDY_VISIT: "#9467bd",
    SessionKind.EXPERT_ADVICE: "#ff7f0e", SessionKind.OTHER: "#7f7f7f",
}


def _pyplot() -> Any:
    try:
        import matplotlib  # noqa: PLC0415 - optional extra

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - the extra is installed in CI
        msg = "the chart needs the 'charts' extra: pip install 'opsreform[charts]'"
        raise ImportError(msg) from exc
    return plt


def _label(text: str, width: int) -> str:
    """User text for a label: one line, shortened to ``width``, then escaped for mathtext."""
    # Escaped after shortening: the width counts what is shown, and a cut never
    # separates a backslash from its dollar.
    return mathtext_literal(textwrap.shorten(one_line(text), width, placeholder="…"))


def write_chart(project: Project, path: str | Path, *, lang: Lang = "pl") -> Path:
    """Draw the activity tree as a Gantt chart with sessions marked; write SVG or PNG.

    Rows are the activities with a period (numbered and ``-`` items), in document order;
    sessions are marked as ticks on a row of their own, coloured by kind.

    Raises:
        ValueError: For a suffix other than ``.svg`` or ``.png``, or nothing to draw.

    """
    path = Path(path)
    if path.suffix.lower() not in (".svg", ".png"):
        msg = f"the chart is written as .svg or .png, not {path.suffix or 'no suffix'}"
        raise ValueError(msg)
    rows = [(a.id, a.title, a.period, a.number is None)
            for _p, a in iter_activities(project.activities) if a.period is not None]
    sessions = list(project.sessions)
    if not rows and not sessions:
        raise ValueError("nothing to draw: no dated activity and no session")
    plt = _pyplot()
    mdates: Any = importlib.import_module("matplotlib.dates")
    # Text objects read text.usetex when made: under TeX, "%", "_" or "#" in a title
    # would be markup, so it is off for the whole drawing. No date and a fixed hash
    # salt: the same project always gives the same file.
    with plt.rc_context({"text.usetex": False, "svg.hashsalt": "opsreform"}):
        fig, ax = plt.subplots(figsize=(11.69, 8.27))
        try:
            _draw(plt, mdates, ax, rows, sessions, lang)
            ax.set_title(_label(project.title, 110), fontsize=11)
            fig.tight_layout()
            fmt = path.suffix[1:].lower()
            metadata = {"Date": None} if fmt == "svg" else {"Software": "opsreform"}
            fig.savefig(path, format=fmt, dpi=150, metadata=metadata)
        finally:
            plt.close(fig)
    return path


def _draw(plt: Any, mdates: Any, ax: Any, rows: list[tuple[str, str, Any, bool]],
          sessions: list[Any], lang: Lang) -> None:
    height = max(len(rows) + (1 if sessions else 0), 1)
    labels = []
    for i, (key, title, period, dash_item) in enumerate(rows):
        start, end = period.start, period.end + timedelta(days=1)
        ax.barh(i, (end - start).days, left=mdates.date2num(start), height=0.6,
                color="#8fa9d6" if dash_item else "#4c72b0", edgecolor="#222", linewidth=0.4)
        labels.append(f"{mathtext_literal(key)}  {_label(title, 60)}")
    if sessions:
        y = len(rows)
        labels.append("Sesje" if lang == "pl" else "Sessions")
        for kind in SessionKind:
            days = [d for s in sessions if s.kind is kind for d in s.days()]
            if days:
                ax.scatter([mdates.date2num(d) for d in days], [y] * len(days), marker="|",
                           s=200, color=_COLOURS[kind], label=kind.value)
        ax.legend(loc="lower right", fontsize=8)
    ax.set_yticks(range(height))
    ax.set_yticklabels(labels, fontsize=7 if height > 20 else 8)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=2 if _span(rows, sessions) > 400
                                                   else 1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m.%Y"))
    plt.setp(ax.get_xticklabels(), rotation=45, ha="right", fontsize=8)
    ax.grid(axis="x", linestyle=":", linewidth=0.5)


def _span(rows: list[tuple[str, str, Any, bool]], sessions: list[Any]) -> int:
    days: list[date] = [r[2].start for r in rows] + [r[2].end for r in rows]
    days += [s.first_day for s in sessions]
    return (max(days) - min(days)).days if days else 0
