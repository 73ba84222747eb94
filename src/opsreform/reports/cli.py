"""The report commands of the command line: ``report``, ``ical`` and ``chart``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from opsreform.checks import check
from opsreform.exceptions import OpsReformError
from opsreform.files.project import load_project
from opsreform.model.project import Project
from opsreform.reports.budget import budget_tables
from opsreform.reports.findings import findings_tables
from opsreform.reports.organisation import organisation_tables
from opsreform.reports.orgchart import render_organisation_text
from opsreform.reports.progress import contract_tables
from opsreform.reports.schedule import activity_table, schedule_tables
from opsreform.reports.tables import ReportTable, render

__all__ = ["KINDS", "add_report_commands", "build_report", "run_report_command"]

KINDS = ("schedule", "activities", "budget", "contracts", "findings", "organisation")


def add_report_commands(commands: Any) -> None:
    """Add ``report``, ``ical`` and ``chart`` to the ``opsreform`` subcommands."""
    report = commands.add_parser("report", help="write a report of a project")
    report.add_argument("file", metavar="FILE")
    report.add_argument("--kind", choices=KINDS, default="schedule")
    report.add_argument("--format", choices=("md", "html", "csv", "text"), default="md",
                        help="text: the organisation chart as a tree")
    report.add_argument("--lang", choices=("pl", "en"), default="pl")
    report.add_argument("-o", "--output", metavar="PATH", help="write here, not to stdout")
    ical = commands.add_parser("ical", help="export the sessions as an iCalendar file")
    ical.add_argument("file", metavar="FILE")
    ical.add_argument("--lang", choices=("pl", "en"), default="pl",
                      help="the language of the mark of cancelled sessions")
    ical.add_argument("-o", "--output", metavar="PATH")
    chart = commands.add_parser("chart", help="draw the activity chart (SVG or PNG)")
    chart.add_argument("file", metavar="FILE")
    chart.add_argument("--lang", choices=("pl", "en"), default="pl")
    chart.add_argument("-o", "--output", metavar="PATH", required=True,
                       help="a .svg or .png file")


def build_report(project: Project, kind: str, fmt: str, lang: Any = "pl") -> str:
    """Return a report of ``project`` as text in ``fmt`` (md, html, csv; text for organisation)."""
    tables: list[ReportTable]
    if kind == "organisation" and fmt == "text":
        if project.organisation is None:
            return "Brak opisu struktury.\n" if lang == "pl" else "No structure is described.\n"
        return render_organisation_text(project.organisation, lang=lang) + "\n"
    if fmt == "text":
        msg = "the text format is for the organisation chart; use md, html or csv"
        raise ValueError(msg)
    if kind == "schedule":
        tables = schedule_tables(project, lang=lang)
    elif kind == "activities":
        tables = [activity_table(project, lang=lang)]
    elif kind == "budget":
        tables = budget_tables(project, lang=lang)
    elif kind == "contracts":
        tables = contract_tables(project, lang=lang)
    elif kind == "findings":
        tables = findings_tables(check(project), lang=lang)
    elif kind == "organisation":
        tables = organisation_tables(project, lang=lang)
    else:
        msg = f"unknown report kind {kind!r}; expected one of {', '.join(KINDS)}"
        raise ValueError(msg)
    return render(tables, fmt, title=project.title, lang=lang)


def _write(text: str | bytes, output: str | None) -> None:
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    path = Path(output)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")


def run_report_command(args: argparse.Namespace) -> int:
    """Run ``report``, ``ical`` or ``chart``; return the exit status (2 on bad input)."""
    try:
        project = load_project(args.file)
        if args.command == "report":
            _write(build_report(project, args.kind, args.format, args.lang), args.output)
        elif args.command == "ical":
            from opsreform.reports.ical import to_ical  # noqa: PLC0415 - optional extra

            _write(to_ical(project, lang=args.lang), args.output)
        else:
            from opsreform.reports.chart import write_chart  # noqa: PLC0415 - optional extra

            write_chart(project, args.output, lang=args.lang)
    except (OpsReformError, ValueError, OSError, ImportError) as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 2
    return 0
