"""The calendar of sessions: a small month grid per month (``charts`` extra).

Drawn with matplotlib as SVG or PNG by the file's suffix, in the chosen language
(``pl`` or ``en``: month and weekday names, the legend, the list of clashes):

- a grid per month from the first month with a session to the last (a month between
  without sessions is drawn too: it shows the break that emptied it), four to a row,
  weeks as rows, Monday first;
- a day with sessions coloured by their kind (stripes when it has several kinds), a
  cancelled session hollow;
- public holidays (``project.calendar.holidays_of(year)``) and the days the centre is
  closed (``calendar.closed`` and the days it gives in lieu) marked by a corner and
  a tint; weekends in grey;
- a day on which the check finds a clash (rule ``double-booking``: one venue or one
  person booked twice at the same time) framed in black with ``!``, and the clashes
  listed under the legend;
- the project's declared breaks hatched.

Twelve months fill an A4 page in landscape; a longer project is a taller picture of the
same cells. The same project gives the same file. A project without sessions is refused
(a ``ValueError`` that says so), never drawn as an empty calendar.
"""

from __future__ import annotations

import calendar
import importlib
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
from babel.dates import format_date as babel_date
from babel.dates import get_day_names

from opsreform.checks import check
from opsreform.findings import Finding
from opsreform.model.project import Project
from opsreform.model.sessions import SessionKind, SessionStatus
from opsreform.reports._lang import Lang, kind_word, label, subject_text
from opsreform.reports._plot import COLOURS, break_spans, pyplot, short_label

__all__ = ["write_calendar"]

_COLUMNS = 4  # months to a row: twelve months are three rows, an A4 page in landscape
_CELL_W, _CELL_H = 0.37, 0.27  # inches
_TITLE_H, _WEEKDAYS_H, _WEEKS = 0.32, 0.22, 6  # a month always has room for six weeks
_GAP_W, _GAP_H = 0.3, 0.25
_MONTH_W = 7 * _CELL_W
_MONTH_H = _TITLE_H + _WEEKDAYS_H + _WEEKS * _CELL_H
_MARGIN = 0.2

_HOLIDAY, _HOLIDAY_TINT = "#c00000", "#fbe3e3"
_CLOSED, _CLOSED_TINT = "#555555", "#e4e4e4"
_WEEKEND = "#8c8c8c"
_BREAK_HATCH = "#a8a8a8"
_CLASH = "#000000"

@attrs.frozen
class _Days:
    """What the calendar marks on each day."""

    held: dict[date, list[SessionKind]]  # kinds of sessions held that day, in enum order
    cancelled: dict[date, list[SessionKind]]  # kinds of cancelled sessions only
    holidays: dict[date, str]
    closed: frozenset[date]
    breaks: frozenset[date]
    break_kinds: tuple[SessionKind, ...]
    clashes: dict[date, list[Finding]]


def _days(project: Project, findings: Iterable[Finding]) -> _Days:
    held: dict[date, set[SessionKind]] = {}
    cancelled: dict[date, set[SessionKind]] = {}
    for session in project.sessions:
        into = cancelled if session.status is SessionStatus.CANCELLED else held
        for day in session.days():
            into.setdefault(day, set()).add(session.kind)
    order = list(SessionKind)

    def ordered(by_day: dict[date, set[SessionKind]]) -> dict[date, list[SessionKind]]:
        return {d: sorted(kinds, key=order.index) for d, kinds in by_day.items()}

    days = [*held, *cancelled]
    years = range(min(days).year, max(days).year + 1)
    holidays = {d: name for y in years for d, name in project.calendar.holidays_of(y).items()}
    closed = frozenset(project.calendar.closed) | frozenset(
        project.calendar.days_in_lieu.values())
    breaks: set[date] = set()
    break_kinds: set[SessionKind] = set()
    months = _months(days)
    shown = (months[0], _month_end(months[-1]))
    for kind in SessionKind:
        for first, last in break_spans(project, kind, years):
            span = {first + timedelta(days=n) for n in range((last - first).days + 1)}
            span = {d for d in span if shown[0] <= d <= shown[1]}
            if span:
                break_kinds.add(kind)
                breaks.update(span)
    clashes: dict[date, list[Finding]] = {}
    for finding in findings:
        if finding.rule == "double-booking" and finding.date is not None:
            clashes.setdefault(finding.date, []).append(finding)
    # A kind held on a day is not also shown as cancelled there: the day has it.
    only_cancelled = {d: [k for k in kinds if k not in held.get(d, set())]
                      for d, kinds in ordered(cancelled).items()}
    return _Days(ordered(held), {d: k for d, k in only_cancelled.items() if k},
                 holidays, closed, frozenset(breaks),
                 tuple(sorted(break_kinds, key=order.index)), clashes)


def _month_end(month: date) -> date:
    return date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])


def _months(days: Iterable[date]) -> list[date]:
    """The first day of each month from the first of ``days`` to the last."""
    first, last = min(days), max(days)
    months, month = [], date(first.year, first.month, 1)
    while month <= last:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def write_calendar(project: Project, path: str | Path, *, lang: Lang = "pl",
                   findings: Sequence[Finding] | None = None) -> Path:
    """Draw the calendar of sessions (a grid per month); write SVG or PNG.

    Args:
        project: The project.
        path: A ``.svg`` or ``.png`` file.
        lang: ``pl`` or ``en``: month and weekday names, the legend, the clashes.
        findings: The project's findings, when already checked; by default
            :func:`opsreform.check` is run for the clashes (rule ``double-booking``).

    Returns:
        The path written.

    Raises:
        ValueError: For a suffix other than ``.svg`` or ``.png``, or a project without
            sessions.

    """
    path = Path(path)
    if path.suffix.lower() not in (".svg", ".png"):
        msg = f"the calendar is written as .svg or .png, not {path.suffix or 'no suffix'}"
        raise ValueError(msg)
    if not project.sessions:
        raise ValueError(label("calendar_empty", lang))
    days = _days(project, check(project) if findings is None else findings)
    months = _months([*days.held, *days.cancelled])
    plt = pyplot()
    with plt.rc_context({"text.usetex": False, "svg.hashsalt": "opsreform",
                         "font.family": "DejaVu Sans", "hatch.linewidth": 0.6}):
        columns = min(_COLUMNS, len(months))
        rows = -(-len(months) // columns)
        width = 2 * _MARGIN + columns * _MONTH_W + (columns - 1) * _GAP_W
        top = 0.55  # the title
        height = top + rows * (_MONTH_H + _GAP_H)
        fig = plt.figure(figsize=(width, height))
        try:
            ax = fig.add_axes((0, 0, 1, 1))
            ax.set_xlim(0, width)
            ax.set_ylim(height, 0)  # inches from the top left
            ax.set_axis_off()
            ax.text(width / 2, 0.3, short_label(project.title, 110, 1), ha="center",
                    va="center", fontsize=11)
            ax.text(width / 2, 0.5, label("calendar_title", lang), ha="center", va="center",
                    fontsize=9, color="#444444")
            for n, month in enumerate(months):
                x = _MARGIN + (n % columns) * (_MONTH_W + _GAP_W)
                y = top + (n // columns) * (_MONTH_H + _GAP_H)
                _draw_month(ax, month, x, y, days, lang)
            _legend(ax, fig, days, height, lang)
            fmt = path.suffix[1:].lower()
            metadata = {"Date": None} if fmt == "svg" else {"Software": "opsreform"}
            fig.savefig(path, format=fmt, dpi=150, metadata=metadata, bbox_inches="tight",
                        pad_inches=0.15)
        finally:
            plt.close(fig)
    return path


def _draw_month(ax: Any, month: date, x: float, y: float, days: _Days, lang: Lang) -> None:
    patches: Any = importlib.import_module("matplotlib.patches")
    ax.text(x + _MONTH_W / 2, y + _TITLE_H / 2, babel_date(month, "LLLL yyyy", locale=lang),
            ha="center", va="center", fontsize=9, fontweight="bold")
    names = get_day_names("abbreviated", context="stand-alone", locale=lang)
    for weekday in range(7):
        ax.text(x + (weekday + 0.5) * _CELL_W, y + _TITLE_H + _WEEKDAYS_H / 2,
                names[weekday], ha="center", va="center", fontsize=6,
                color=_WEEKEND if weekday >= 5 else "#333333")
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    for row, week in enumerate(weeks):
        for weekday, day in enumerate(week):
            if day.month != month.month:
                continue
            _draw_day(ax, patches, day, x + weekday * _CELL_W,
                      y + _TITLE_H + _WEEKDAYS_H + row * _CELL_H, days)


def _draw_day(ax: Any, patches: Any, day: date, x: float, y: float, days: _Days) -> None:
    w, h = _CELL_W, _CELL_H
    held, cancelled = days.held.get(day, []), days.cancelled.get(day, [])
    tint = ("white" if held or cancelled else _HOLIDAY_TINT if day in days.holidays
            else _CLOSED_TINT if day in days.closed else "white")
    ax.add_patch(patches.Rectangle((x, y), w, h, facecolor=tint, edgecolor="#cccccc",
                                   linewidth=0.4))
    if day in days.breaks:
        ax.add_patch(patches.Rectangle((x, y), w, h, facecolor="none", hatch="////",
                                       edgecolor=_BREAK_HATCH, linewidth=0))
    stripes = [(kind, True) for kind in held] + [(kind, False) for kind in cancelled]
    for n, (kind, is_held) in enumerate(stripes):
        part = w / len(stripes)
        inset = 0 if is_held else 0.03
        ax.add_patch(patches.Rectangle(
            (x + n * part + inset, y + inset), part - 2 * inset, h - 2 * inset,
            facecolor=COLOURS[kind] if is_held else "white", edgecolor=COLOURS[kind],
            linewidth=0.4 if is_held else 1.2))
    corner = min(w, h) * 0.38
    if day in days.holidays:
        ax.add_patch(patches.Polygon([(x + w - corner, y), (x + w, y), (x + w, y + corner)],
                                     closed=True, facecolor=_HOLIDAY, linewidth=0))
    if day in days.closed:
        ax.add_patch(patches.Polygon([(x, y + h - corner), (x, y + h), (x + corner, y + h)],
                                     closed=True, facecolor=_CLOSED, linewidth=0))
    colour = ("white" if held else _HOLIDAY if day in days.holidays
              else _WEEKEND if day.weekday() >= 5 else "#222222")
    ax.text(x + w / 2, y + h / 2, str(day.day), ha="center", va="center", fontsize=7,
            color=colour, fontweight="bold" if held or day in days.holidays else "normal")
    if day in days.clashes:
        ax.add_patch(patches.Rectangle((x, y), w, h, facecolor="none", edgecolor=_CLASH,
                                       linewidth=2.2))
        ax.text(x + 0.04, y + 0.03, "!", ha="left", va="top", fontsize=7,
                fontweight="bold", color="white",
                bbox={"boxstyle": "circle,pad=0.12", "facecolor": _CLASH, "linewidth": 0})


def _legend(ax: Any, fig: Any, days: _Days, height: float, lang: Lang) -> None:
    patches: Any = importlib.import_module("matplotlib.patches")
    kinds = {k for ks in days.held.values() for k in ks}
    handles = [patches.Patch(facecolor=COLOURS[kind], label=kind_word(kind.value, lang))
               for kind in SessionKind if kind in kinds]
    if days.cancelled:
        handles.append(patches.Patch(facecolor="white", edgecolor="#444444", linewidth=1.2,
                                     label=label("cancelled_session", lang)))
    months = _months([*days.held, *days.cancelled])
    shown = (months[0], _month_end(months[-1]))
    if any(shown[0] <= d <= shown[1] for d in days.holidays):
        handles.append(patches.Patch(facecolor=_HOLIDAY_TINT, edgecolor=_HOLIDAY,
                                     label=label("public_holiday", lang)))
    if any(shown[0] <= d <= shown[1] for d in days.closed):
        handles.append(patches.Patch(facecolor=_CLOSED_TINT, edgecolor=_CLOSED,
                                     label=label("centre_closed", lang)))
    if days.breaks:
        kinds_text = ", ".join(kind_word(k.value, lang) for k in days.break_kinds)
        handles.append(patches.Patch(facecolor="white", edgecolor=_BREAK_HATCH, hatch="////",
                                     label=label("calendar_break", lang).format(kinds=kinds_text)))
    if days.clashes:
        handles.append(patches.Patch(facecolor="white", edgecolor=_CLASH, linewidth=2.2,
                                     label=label("clash", lang)))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0), fontsize=8,
              ncol=min(len(handles), 4), frameon=False)
    if not days.clashes:
        return
    lines = [f"{label('clashes', lang)}:"]
    for day in sorted(days.clashes):
        for finding in days.clashes[day]:
            when = babel_date(day, "d MMM yyyy", locale=lang)
            line = f"{when} — {subject_text(finding.subject, lang)}"
            line = f"{line}: {finding.text(lang)}"
            lines.append(short_label(line, 150, 1))
    # Under the legend: its rows are ~0.2 in each.
    legend_rows = -(-len(handles) // 4)
    fig.text(0.02, -(0.15 + 0.22 * legend_rows) / height, "\n".join(lines), ha="left",
             va="top", fontsize=7, linespacing=1.5)
