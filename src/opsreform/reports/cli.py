"""The report commands of the command line: ``report``, ``ical`` and ``chart``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsreform._argparse_lang import help_in
from opsreform.checks import check
from opsreform.exceptions import OpsReformError
from opsreform.files.project import load_project
from opsreform.model.project import Project
from opsreform.reports.tables import ReportTable, render

if TYPE_CHECKING:
    from opsreform.reports.html import PageOptions

# The report modules (and Jinja2, xlsxwriter) are imported when a report is made, not
# when the command line starts: `opsreform check` needs none of them.

__all__ = ["CHART_KINDS", "FORMATS", "KINDS", "add_report_commands", "build_report",
           "build_workbook", "report_tables", "run_report_command"]

KINDS = ("schedule", "activities", "budget", "contracts", "findings", "organisation", "sl2014",
         "delivery", "indicators", "diff")
FORMATS = ("md", "html", "pdf", "csv", "xlsx", "text")
CHART_KINDS = ("gantt", "calendar")


# The help of these commands in both languages (Polish by default), in one place.
_HELP: dict[str, tuple[str, str]] = {
    "report": ("zapisz raport projektu", "write a report of a project"),
    "file": ("plik projektu (TOML)", "project file (TOML)"),
    "kind": ("rodzaj raportu", "kind of report"),
    "format": ("xlsx: skoroszyt, arkusz na tabelę (wymaga -o); pdf: strona html jako PDF "
               "(dodatek 'pdf'); text: schemat organizacyjny jako drzewo",
               "xlsx: a workbook, one sheet per table (needs -o); pdf: the html page as PDF "
               "(the 'pdf' extra); text: the organisation chart as a tree"),
    "lang": ("język raportu (pl, en)", "language of the report (pl, en)"),
    "output": ("zapisz tutaj zamiast na standardowe wyjście",
               "write here, not to stdout"),
    "page": ("strony do druku (html, pdf)", "printed pages (html, pdf)"),
    "template_dir": ("folder szablonów Jinja2, które zastępują nasze o tej samej nazwie",
                     "a folder of Jinja2 templates that override ours by name"),
    "logo": ("pasek logotypów nad nagłówkiem (PNG, JPEG, GIF, WebP lub SVG; osadzony w "
             "stronie)", "a strip of logos over the header (PNG, JPEG, GIF, WebP or SVG; "
             "embedded in the page)"),
    "header": ("tekst nagłówka (domyślnie tytuł projektu)",
               "the header's text (default: the project's title)"),
    "footer": ("tekst stopki (domyślnie informacja o finansowaniu; '' bez stopki)",
               "the footer's text (default: the project's funding line; '' for none)"),
    "ical": ("wyeksportuj sesje do pliku iCalendar", "export the sessions as an iCalendar file"),
    "ical_lang": ("język opisów i oznaczenia odwołanych sesji",
                  "the language of descriptions and of the mark of cancelled sessions"),
    "chart": ("narysuj wykres (SVG lub PNG)", "draw a chart (SVG or PNG)"),
    "chart_kind": ("gantt: działania i sesje na osi czasu; calendar: siatka dni każdego "
                   "miesiąca z sesjami, kolizje i święta zaznaczone",
                   "gantt: the activities and sessions on a time line; calendar: a month "
                   "grid per month of sessions, clashes and holidays marked"),
    "chart_output": ("plik .svg lub .png", "a .svg or .png file"),
    "root": ("folder, z którego wolno czytać tabele sesji (domyślnie folder pliku "
             "projektu)", "the folder session tables may be read from (default: the "
             "project file's own folder)"),
}


def add_report_commands(commands: Any, lang: str = "pl") -> None:
    """Add ``report``, ``ical`` and ``chart`` to the subcommands, their help in ``lang``."""
    h = help_in(_HELP, lang)

    report = commands.add_parser("report", help=h("report"), description=h("report"))
    report.add_argument("file", metavar="FILE", help=h("file"))
    report.add_argument("--kind", choices=KINDS, default="schedule", help=h("kind"))
    report.add_argument("--format", choices=FORMATS, default="md", help=h("format"))
    report.add_argument("--lang", choices=("pl", "en"), default="pl", help=h("lang"))
    report.add_argument("-o", "--output", metavar="PATH", help=h("output"))
    report.add_argument("--root", metavar="DIR", help=h("root"))
    page = report.add_argument_group(h("page"))
    page.add_argument("--template-dir", metavar="DIR", help=h("template_dir"))
    page.add_argument("--logo", metavar="IMAGE", help=h("logo"))
    page.add_argument("--header", metavar="TEXT", help=h("header"))
    page.add_argument("--footer", metavar="TEXT", help=h("footer"))
    ical = commands.add_parser("ical", help=h("ical"), description=h("ical"))
    ical.add_argument("file", metavar="FILE", help=h("file"))
    ical.add_argument("--lang", choices=("pl", "en"), default="pl", help=h("ical_lang"))
    ical.add_argument("-o", "--output", metavar="PATH", help=h("output"))
    ical.add_argument("--root", metavar="DIR", help=h("root"))
    chart = commands.add_parser("chart", help=h("chart"), description=h("chart"))
    chart.add_argument("file", metavar="FILE", help=h("file"))
    chart.add_argument("--kind", choices=CHART_KINDS, default="gantt", help=h("chart_kind"))
    chart.add_argument("--lang", choices=("pl", "en"), default="pl", help=h("lang"))
    chart.add_argument("-o", "--output", metavar="PATH", required=True,
                       help=h("chart_output"))
    chart.add_argument("--root", metavar="DIR", help=h("root"))


def report_tables(project: Project, kind: str, lang: Any = "pl") -> list[ReportTable]:
    """Return the tables of the report ``kind`` of ``project`` (see :data:`KINDS`).

    Raises:
        ValueError: For an unknown kind.

    """
    from opsreform.reports.budget import budget_tables  # noqa: PLC0415 - see the imports
    from opsreform.reports.delivery import delivery_tables, indicator_table  # noqa: PLC0415
    from opsreform.reports.diff import diff_table, latest_changes  # noqa: PLC0415
    from opsreform.reports.findings import findings_tables  # noqa: PLC0415
    from opsreform.reports.organisation import organisation_tables  # noqa: PLC0415
    from opsreform.reports.progress import contract_tables  # noqa: PLC0415
    from opsreform.reports.schedule import activity_table, schedule_tables  # noqa: PLC0415
    from opsreform.reports.sl2014 import sl2014_table  # noqa: PLC0415

    if kind == "schedule":
        return schedule_tables(project, lang=lang)
    if kind == "activities":
        return [activity_table(project, lang=lang)]
    if kind == "budget":
        return budget_tables(project, lang=lang)
    if kind == "contracts":
        return contract_tables(project, lang=lang)
    if kind == "findings":
        return findings_tables(check(project), lang=lang)
    if kind == "organisation":
        return organisation_tables(project, lang=lang)
    if kind == "sl2014":
        return [sl2014_table(project, lang=lang)]
    if kind == "delivery":
        return delivery_tables(project, lang=lang)
    if kind == "indicators":
        return [indicator_table(project, lang=lang)]
    if kind == "diff":
        return [diff_table(latest_changes(project), lang=lang)]
    msg = f"unknown report kind {kind!r}; expected one of {', '.join(KINDS)}"
    raise ValueError(msg)


def build_report(project: Project, kind: str, fmt: str, lang: Any = "pl", *,
                 page: PageOptions | None = None) -> str:
    """Return a report of ``project`` as text in ``fmt`` (md, html, csv; text for organisation).

    ``page`` sets the header, footer, logo and templates of an ``html`` page; the
    schedule and the findings have pages of their own (:mod:`opsreform.reports.html`).
    """
    from opsreform.reports.html import (  # noqa: PLC0415 - see the imports
        findings_page,
        schedule_page,
        tables_page,
    )
    from opsreform.reports.orgchart import render_organisation_text  # noqa: PLC0415

    if fmt == "html" and kind == "schedule":
        return schedule_page(project, lang=lang, options=page)
    if fmt == "html" and kind == "findings":
        return findings_page(project, lang=lang, options=page)
    if kind == "organisation" and fmt == "text":
        if project.organisation is None:
            return "Brak opisu struktury.\n" if lang == "pl" else "No structure is described.\n"
        return render_organisation_text(project.organisation, lang=lang) + "\n"
    if fmt == "text":
        msg = "the text format is for the organisation chart; use md, html, csv or xlsx"
        raise ValueError(msg)
    if fmt == "xlsx":
        msg = "a workbook is bytes: use build_workbook"
        raise ValueError(msg)
    tables = report_tables(project, kind, lang)
    if fmt == "html":
        return tables_page(tables, title=project.title, lang=lang, options=page,
                           project=project)
    return render(tables, fmt, title=project.title, lang=lang)


def build_workbook(project: Project, kind: str, lang: Any = "pl") -> bytes:
    """Return a report of ``project`` as an ``.xlsx`` workbook, one sheet per table."""
    from opsreform.reports.xlsx import to_xlsx  # noqa: PLC0415 - see the imports

    return to_xlsx(report_tables(project, kind, lang), title=project.title, lang=lang)


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
        project = load_project(args.file, root=args.root)
        if args.command == "report" and args.format == "xlsx":
            if args.output is None and sys.stdout.isatty():
                msg = "a workbook is not for the terminal; write it to a file with -o"
                raise ValueError(msg)
            _write(build_workbook(project, args.kind, args.lang), args.output)
        elif args.command == "report":
            from opsreform.reports.html import PageOptions  # noqa: PLC0415 - see the imports

            page = PageOptions(header=args.header, footer=args.footer, logo=args.logo,
                               template_dir=args.template_dir)
            if args.format == "pdf":
                from opsreform.reports.pdf import to_pdf  # noqa: PLC0415 - optional extra

                _write(to_pdf(build_report(project, args.kind, "html", args.lang, page=page)),
                       args.output)
            else:
                _write(build_report(project, args.kind, args.format, args.lang, page=page),
                       args.output)
        elif args.command == "ical":
            from opsreform.reports.ical import to_ical  # noqa: PLC0415 - optional extra

            _write(to_ical(project, lang=args.lang), args.output)
        elif args.kind == "calendar":
            # optional extra
            from opsreform.reports.calendar_chart import write_calendar  # noqa: PLC0415

            write_calendar(project, args.output, lang=args.lang)
        else:
            from opsreform.reports.chart import write_chart  # noqa: PLC0415 - optional extra

            write_chart(project, args.output, lang=args.lang)
    except (OpsReformError, ValueError, OSError, ImportError) as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 2
    return 0
