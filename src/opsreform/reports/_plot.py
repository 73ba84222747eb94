"""What the Gantt chart and the calendar of sessions share: colours, labels, breaks.

Private to :mod:`opsreform.reports.chart` and :mod:`opsreform.reports.calendar_chart`;
their words live in :mod:`opsreform.reports._lang`.
"""

from __future__ import annotations

import calendar
import textwrap
from collections.abc import Iterator
from datetime import date
from typing import Any

from opsreform.model.project import Project
from opsreform.model.sessions import SessionKind
from opsreform.reports._escape import mathtext_literal, one_line

__all__ = ["COLOURS", "break_spans", "pyplot", "short_label"]

COLOURS: dict[SessionKind, str] = {
    SessionKind.TRAINING: "#1f77b4", SessionKind.WORKSHOP: "#2ca02c",
    SessionKind.SUPERVISION: "#d62728", SessionKind.STUDY_VISIT: "#9467bd",
    SessionKind.EXPERT_ADVICE: "#ff7f0e", SessionKind.OTHER: "#7f7f7f",
}
"""The colour of each session kind, the same in every chart."""


def pyplot() -> Any:
    """Matplotlib's ``pyplot`` on the Agg backend, or an ImportError naming the extra."""
    try:
        import matplotlib  # noqa: PLC0415 - optional extra

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - the extra is installed in CI
        msg = "the chart needs the 'charts' extra: pip install 'opsreform[charts]'"
        raise ImportError(msg) from exc
    return plt


def short_label(text: str, width: int, lines: int = 2) -> str:
    r"""User text for a label: wrapped to ``lines`` of ``width``, ``…`` past them, escaped.

    Runs of blanks become one space (as the wrapping does between lines).

    >>> short_label("Przygotowanie dokumentów niezbędnych do wprowadzenia zmiany", 30)
    'Przygotowanie dokumentów\nniezbędnych do wprowadzenia…'
    """
    # Escaped after shortening: the width counts what is shown, and a cut never
    # separates a backslash from its dollar.
    wrapped = textwrap.wrap(" ".join(one_line(text).split()), width) or [""]
    if len(wrapped) > lines:
        rest = " ".join(wrapped[lines - 1:])
        wrapped = [*wrapped[:lines - 1], textwrap.shorten(rest, width, placeholder="…")]
        if not wrapped[-1].endswith("…"):  # shorten kept it whole: a word too long
            wrapped[-1] = wrapped[-1][:width - 1] + "…"
    return "\n".join(mathtext_literal(line) for line in wrapped)


def break_spans(project: Project, kind: SessionKind, years: range
                ) -> Iterator[tuple[date, date]]:
    """The days each declared break stops ``kind`` in ``years``, as (first, last) spans."""
    for declared in project.breaks:
        if kind not in declared.kinds:
            continue
        for year in years:
            if not declared.applies_to_year(year):
                continue
            if declared.follow_school_holidays:
                try:
                    holidays = project.calendar.school_summer_break(year)
                except ValueError:  # no data for that year: nothing is drawn, not a guess
                    continue
                yield (holidays.start, holidays.end)
                continue
            for month in sorted(declared.months):
                yield (date(year, month, 1),
                       date(year, month, calendar.monthrange(year, month)[1]))
