"""The activity chart: the harmonogram and the sessions on one time line (``charts`` extra).

Drawn with matplotlib (Agg backend) as SVG or PNG by the file's suffix, in the chosen
language (``pl`` or ``en``: the legend, the row names, the month names of the axis):

- a row per dated activity of the harmonogram (a bar over its period; ``-`` items
  lighter), in document order;
- a row per kind of session (szkolenia, warsztaty, superwizja…), each session a mark
  over its days coloured by kind, a cancelled one hollow; the row's name counts them;
- the project's declared breaks shaded on the rows of the kinds they stop;
- the project's milestones (``project.milestones``) on a row of their own at the top:
  a numbered diamond (and a dotted line down the chart) for each one on the time line,
  the numbers of those before or after it at its edge (``◀ 1, 2``); the list under the
  legend gives every milestone's number, date and text.

The page is A4 wide and as tall as its rows need (a schedule of three kinds of sessions
is a strip, not a page of white). Labels are never cut: a long title is wrapped to two
lines and shortened with ``…`` past them, and in SVG the full text is the label's
``<title>`` (a tooltip in a browser). Titles are drawn as written: on one line, without
control characters (which would make the SVG invalid XML), with every ``$`` escaped so
that matplotlib never reads them as mathematics, and with ``text.usetex`` off whatever
the user's matplotlib settings say. The same project gives the same file.
"""

from __future__ import annotations

import importlib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
from babel.dates import format_date as babel_date

from opsreform.model.activities import iter_activities
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SessionKind, SessionStatus
from opsreform.reports._escape import mathtext_literal, one_line, xml_text
from opsreform.reports._lang import Lang, kind_word, label
from opsreform.reports._plot import COLOURS, break_spans, pyplot, short_label

__all__ = ["write_chart"]

_ACTIVITY, _DASH_ITEM, _BREAK = "#4c72b0", "#8fa9d6", "#d9d9d9"
_MILESTONE = "#b8860b"
_WIDTH = 11.69  # inches: A4 landscape
_ROW = 0.36  # inches per row
_LABEL_WIDTH = 48  # characters per line of a row's label
_GID = "opsreform-label-{}"

@attrs.frozen
class _Row:
    """One row of the chart: its label, its full text, and what to draw on it."""

    label: str
    full: str
    spans: tuple[tuple[date, date, str], ...] = ()  # (first day, last day, colour)
    hollow: tuple[tuple[date, date, str], ...] = ()  # cancelled sessions
    kind: SessionKind | None = None
    milestones: bool = False  # the row of the project's milestones


def _rows(project: Project, lang: Lang) -> list[_Row]:
    rows = []
    if project.milestones:
        name = label("milestones", lang)
        rows.append(_Row(name, name, milestones=True))
    for _parent, activity in iter_activities(project.activities):
        if activity.period is None:
            continue
        colour = _DASH_ITEM if activity.number is None else _ACTIVITY
        rows.append(_Row(f"{mathtext_literal(activity.id)}  "
                         f"{short_label(activity.title, _LABEL_WIDTH)}",
                         f"{activity.id} {one_line(activity.title)}",
                         ((activity.period.start, activity.period.end, colour),)))
    for kind in SessionKind:
        sessions = [s for s in project.sessions if s.kind is kind]
        if not sessions:
            continue
        name = label("chart_sessions", lang).format(kind=kind_word(kind.value, lang),
                                             n=len(sessions))
        held = tuple(_span(s, COLOURS[kind]) for s in sessions
                     if s.status is not SessionStatus.CANCELLED)
        cancelled = tuple(_span(s, COLOURS[kind]) for s in sessions
                          if s.status is SessionStatus.CANCELLED)
        rows.append(_Row(name, name, held, cancelled, kind))
    return rows


def _span(session: Session, colour: str) -> tuple[date, date, str]:
    last = session.period.end if session.period is not None else session.first_day
    return (session.first_day, last, colour)


def write_chart(project: Project, path: str | Path, *, lang: Lang = "pl") -> Path:
    """Draw the harmonogram and the sessions on one time line; write SVG or PNG.

    Args:
        project: The project.
        path: A ``.svg`` or ``.png`` file.
        lang: ``pl`` or ``en``: the legend, the row names and the months of the axis.

    Returns:
        The path written.

    Raises:
        ValueError: For a suffix other than ``.svg`` or ``.png``, or nothing to draw.

    """
    path = Path(path)
    if path.suffix.lower() not in (".svg", ".png"):
        msg = f"the chart is written as .svg or .png, not {path.suffix or 'no suffix'}"
        raise ValueError(msg)
    rows = _rows(project, lang)
    if not any(row.spans or row.hollow for row in rows):
        raise ValueError("nothing to draw: no dated activity and no session")
    plt = pyplot()
    mdates: Any = importlib.import_module("matplotlib.dates")
    # Text objects read text.usetex when made: under TeX, "%", "_" or "#" in a title
    # would be markup, so it is off for the whole drawing. No date and a fixed hash
    # salt: the same project always gives the same file.
    with plt.rc_context({"text.usetex": False, "svg.hashsalt": "opsreform",
                         "font.family": "DejaVu Sans"}):
        lines = sum(row.label.count("\n") + 1 for row in rows)
        key = len(project.milestones) + 1 if project.milestones else 0
        height = 1.5 + _ROW * max(len(rows), lines * 0.75)
        fig, ax = plt.subplots(figsize=(_WIDTH, height))
        try:
            _draw(project, mdates, ax, rows, lang)
            # The legend under the month names, at the same distance whatever the height.
            bottom, top = fig.subplotpars.bottom, fig.subplotpars.top
            inches = height * (top - bottom)  # of the axes, which -0.38/inches is under
            ax.get_legend().set_bbox_to_anchor((0.5, -0.38 / inches))
            if key:
                legend_rows = -(-len(ax.get_legend().legend_handles) // 4)
                ax.text(0, -(0.5 + 0.2 * legend_rows) / inches,
                        _milestone_key(project, _axis_days(ax, mdates), lang),
                        transform=ax.transAxes, ha="left", va="top", fontsize=7,
                        linespacing=1.5)
            ax.set_title(short_label(project.title, 100), fontsize=11)
            fmt = path.suffix[1:].lower()
            metadata = {"Date": None} if fmt == "svg" else {"Software": "opsreform"}
            # "tight": the figure grows to hold every label, so none is cut.
            fig.savefig(path, format=fmt, dpi=150, metadata=metadata, bbox_inches="tight",
                        pad_inches=0.15)
        finally:
            plt.close(fig)
    if path.suffix.lower() == ".svg":
        _add_titles(path, [row.full for row in rows])
    return path


def _draw(project: Project, mdates: Any, ax: Any, rows: list[_Row], lang: Lang) -> None:
    days = [d for row in rows for first, last, _ in (*row.spans, *row.hollow)
            for d in (first, last)]
    start, end = min(days), max(days)
    # A session of one day is at least a visible mark (1/300 of the time line).
    least = max((end - start).days / 300, 1)
    legend: dict[str, Any] = {}
    years = range(start.year, end.year + 1)
    for y, row in enumerate(rows):
        if row.kind is not None:
            for first, last in break_spans(project, row.kind, years):
                legend[label("chart_break", lang)] = ax.barh(
                    y, (last - first).days + 1, left=mdates.date2num(first), height=0.9,
                    color=_BREAK, hatch="///", edgecolor="#aaaaaa", linewidth=0)
        for first, last, colour in row.spans:
            width = max((last - first).days + 1, least)
            bar = ax.barh(y, width, left=mdates.date2num(first), height=0.6, color=colour,
                          edgecolor="#222" if row.kind is None else colour, linewidth=0.4)
            key = (kind_word(row.kind.value, lang) if row.kind is not None else
                   label("chart_dash_item" if colour == _DASH_ITEM else "chart_activity", lang))
            legend.setdefault(key, bar)
        for first, last, colour in row.hollow:
            width = max((last - first).days + 1, least)
            legend[label("cancelled_session", lang)] = ax.barh(
                y, width, left=mdates.date2num(first), height=0.6, facecolor="white",
                edgecolor=colour, linewidth=1)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([row.label for row in rows], fontsize=8)
    for n, tick in enumerate(ax.get_yticklabels()):
        tick.set_gid(_GID.format(n))
    ax.set_ylim(len(rows) - 0.4, -0.6)
    # Whole months: the axis starts and ends on a month's first day, each one named.
    breaks = [d for c in ax.patches for d in mdates.num2date(
        [c.get_x(), c.get_x() + c.get_width()])]
    end = max([end, *(b.date() - timedelta(days=1) for b in breaks)])
    first = date(start.year, start.month, 1)
    after = date(end.year + end.month // 12, end.month % 12 + 1, 1)
    ax.set_xlim(mdates.date2num(first), mdates.date2num(after))
    months = (after.year - first.year) * 12 + after.month - first.month
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, -(-months // 14))))
    ax.xaxis.set_minor_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(_month_formatter(mdates, lang))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", which="major", linestyle=":", linewidth=0.5)
    for y, row in enumerate(rows):
        if row.milestones:
            _draw_milestones(project, mdates, ax, y, (first, after))
            legend[label("milestone", lang)] = ax.plot(
                [], [], linestyle="none", marker="D", markersize=6, color=_MILESTONE)[0]
    ax.legend(legend.values(), legend.keys(), loc="upper center", fontsize=8,
              ncol=min(len(legend), 4), frameon=False)


def _draw_milestones(project: Project, mdates: Any, ax: Any, y: int,
                     axis: tuple[date, date]) -> None:
    """Each milestone on the axis a numbered diamond and a dotted line down the chart.

    Those before or after the axis are counted at its edge (``◀ 1, 2``, ``3 ▶``) rather
    than stretching the time line over years: they are in the list under the chart.
    """
    before, after = [], []
    for n, milestone in enumerate(project.milestones, start=1):
        if milestone.day < axis[0]:
            before.append(n)
        elif milestone.day >= axis[1]:
            after.append(n)
        else:
            x = mdates.date2num(milestone.day)
            ax.axvline(x, color=_MILESTONE, linestyle=":", linewidth=0.8, zorder=0)
            ax.plot([x], [y], linestyle="none", marker="D", markersize=6, color=_MILESTONE)
            ax.annotate(str(n), (x, y), xytext=(5, 0), textcoords="offset points",
                        ha="left", va="center", fontsize=7, fontweight="bold")
    start, end = (mdates.date2num(d) for d in axis)
    if before:
        ax.text(start, y, " ◀ " + ", ".join(map(str, before)), ha="left", va="center",
                fontsize=7, color=_MILESTONE)
    if after:
        ax.text(end, y, ", ".join(map(str, after)) + " ▶ ", ha="right", va="center",
                fontsize=7, color=_MILESTONE)


def _axis_days(ax: Any, mdates: Any) -> tuple[date, date]:
    """The first day of the time line and the day after its last."""
    first, after = ax.get_xlim()
    return mdates.num2date(first).date(), mdates.num2date(after).date()


def _milestone_key(project: Project, axis: tuple[date, date], lang: Lang) -> str:
    """The list under the chart: each milestone's number, date and (shortened) text."""
    lines = [f"{label('milestone_list', lang)}:"]
    for n, milestone in enumerate(project.milestones, start=1):
        when = babel_date(milestone.day, "d MMM yyyy", locale=lang)
        outside = (f" ({label('outside_axis', lang)})"
                   if not axis[0] <= milestone.day < axis[1] else "")
        lines.append(short_label(f"{n}. {when}{outside} — {milestone.text}", 150, 1))
    return "\n".join(lines)


def _month_formatter(mdates: Any, lang: Lang) -> Any:
    ticker: Any = importlib.import_module("matplotlib.ticker")

    def month(value: float, _position: int) -> str:
        return str(babel_date(mdates.num2date(value).date(), "LLL yyyy", locale=lang))

    return ticker.FuncFormatter(month)


def _add_titles(path: Path, texts: list[str]) -> None:
    """Give each row label of the SVG its full text as ``<title>`` (a tooltip).

    The label's group is found by its id: matplotlib writes ``<`` of any text as
    ``&lt;`` (in comments too), so ``<g id="…">`` in the file is always an element.
    """
    svg = path.read_text(encoding="utf-8")
    for n, text in enumerate(texts):
        opening = f'<g id="{_GID.format(n)}">'
        svg = svg.replace(opening, f"{opening}\n<title>{xml_text(text)}</title>", 1)
    path.write_text(svg, encoding="utf-8")
