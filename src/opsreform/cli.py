"""The ``opsreform`` command line: a thin layer over files, rules and reports.

Exit status of ``check``: 2 when a file cannot be read or is invalid, else 1 when a
finding reaches ``--fail-on`` (error by default), else 0. Whatever a file holds, ``check``
prints no traceback: a file that cannot be read is reported (with ``--format json`` as
an object with ``error``, ``line`` and ``key``) and the others are still checked.
``export`` exits 2 when a file cannot be read (the others are written), else 0.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from typing import TextIO

from opsreform import __version__
from opsreform._argparse_lang import LocalizedParser, help_in
from opsreform._mark_cli import add_mark_command, run_mark_command
from opsreform.checks import check_many
from opsreform.exceptions import OpsReformError, PlanningError
from opsreform.files.project import load_project
from opsreform.findings import Severity
from opsreform.planning import plan, refusal_text
from opsreform.reports.cli import add_report_commands, run_report_command
from opsreform.reports.console import render_check, render_totals, use_colour
from opsreform.reports.diff_command import add_diff_command, run_diff_command
from opsreform.text.dates import format_date
from opsreform.text.periods import parse_period
from opsreform.text.slots import format_slots, parse_slots

__all__ = ["build_parser", "main"]

_WEEKDAYS = {"pn": 0, "wt": 1, "sr": 2, "śr": 2, "cz": 3, "pt": 4, "so": 5, "nd": 6,
             "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


# Every help text in both languages, in one place; Polish is the default, as the people
# who use the command (coordinators, controllers) read it.
_HELP: dict[str, tuple[str, str]] = {
    "description": (
        "Modelowanie, kontrola i raporty projektów reorganizacji ośrodków pomocy społecznej "
        "współfinansowanych z EFS (PO WER 2014-2020, Działanie 2.5).",
        "Model, check and report ESF reorganisation projects of Polish social-welfare "
        "centres (PO WER 2014-2020, Action 2.5)."),
    "lang": ("język komunikatów i pomocy (pl, en)", "language of messages and help (pl, en)"),
    "version": ("pokaż wersję programu i zakończ", "show program's version number and exit"),
    "check": ("sprawdź pliki projektów i wypisz wyniki kontroli",
              "check project files and print the findings"),
    "files": ("pliki projektów (TOML)", "project files (TOML)"),
    "format": ("postać wyniku", "output format"),
    "fail_on": ("najniższa waga wyniku, przy której kod wyjścia to 1",
                "the least severity that makes the exit status 1"),
    "min_severity": ("pomiń wyniki o wadze niższej niż ta",
                     "leave out findings below this severity"),
    "show_info": ("wypisz uwagi (info) po kolei (domyślnie zwinięte do jednego wiersza)",
                  "list info notes one by one (folded into one line by default)"),
    "root": ("folder, z którego wolno czytać tabele sesji (domyślnie folder pliku "
             "projektu)", "the folder session tables may be read from (default: each "
             "project file's own folder)"),
    "plan": ("zaproponuj terminy nowych sesji", "propose dates for new sessions"),
    "file": ("plik projektu (TOML)", "project file (TOML)"),
    "contract": ("umowa, w ramach której są sesje", "the contract the sessions belong to"),
    "kind": ("rodzaj sesji (training, supervision, …)",
             "session kind (training, supervision, …)"),
    "period": ("gdzie szukać, np. 'wrzesień – grudzień 2018'",
               "where to look, e.g. 'wrzesień – grudzień 2018'"),
    "sessions": ("ile sesji zaplanować", "how many sessions to plan"),
    "hours": ("ile godzin zaplanować (w jednostce umowy)",
              "how many hours to plan (in the contract's unit)"),
    "slot": ("godziny każdej sesji, np. '09.00 - 15.00'",
             "slot(s) of each session, e.g. '09.00 - 15.00'"),
    "weekdays": ("dozwolone dni tygodnia, np. 'wt,cz' (domyślnie każdy dzień, na który "
                 "pozwalają reguły projektu)",
                 "allowed weekdays, e.g. 'wt,cz' (default every day the project's rules "
                 "allow)"),
    "venue": ("id miejsca", "venue id"),
    "leaders": ("kto prowadzi: id osób po przecinku (domyślnie prowadzący umowy)",
                "who leads: person ids separated by commas (default the contract's leaders)"),
    "groups": ("grupy uczestników: id grup po przecinku ([[groups]])",
               "attending groups: group ids separated by commas ([[groups]])"),
    "attendees": ("uczestnicy: id osób po przecinku", "attendees: person ids separated by commas"),
    "per_week": ("najwyżej tyle sesji w tygodniu", "at most this many per week"),
    "per_month": ("najwyżej tyle sesji w miesiącu", "at most this many per month"),
    "export": ("zapisz sesje i wyniki kontroli plików projektów dla analityków",
               "write the sessions and findings of project files for analysts"),
    "output_dir": ("folder, do którego zapisać sessions.<format> i findings.<format>",
                   "folder to write sessions.<format> and findings.<format> into"),
}


def _language(argv: Sequence[str]) -> str:
    """The language asked for by the last ``--lang`` in ``argv`` (help is built first).

    The last, as argparse takes the last of an option given twice.
    """
    lang = "pl"
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv):
            lang = argv[n + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang


def build_parser(lang: str = "pl") -> argparse.ArgumentParser:
    """Return the argument parser of the ``opsreform`` command, its help in ``lang``.

    argparse's own words (``usage:``, ``options:``, the errors for bad arguments) are in
    ``lang`` too (:class:`~opsreform._argparse_lang.LocalizedParser`).
    """
    h = help_in(_HELP, lang)

    parser = LocalizedParser(prog="opsreform", description=h("description"), lang=lang)
    parser.add_argument("--version", action="version", version=f"opsreform {__version__}",
                        help=h("version"))
    # Before the command it sets the language of the help and of the command alike.
    parser.add_argument("--lang", dest="top_lang", choices=("pl", "en"), help=h("lang"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    checker = commands.add_parser("check", help=h("check"), description=h("check"))
    checker.add_argument("files", nargs="+", metavar="FILE", help=h("files"))
    checker.add_argument("--format", choices=("text", "json"), default="text", help=h("format"))
    checker.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                         help=h("fail_on"))
    checker.add_argument("--min-severity", choices=("error", "warning", "info"),
                         default="info", help=h("min_severity"))
    checker.add_argument("--show-info", action="store_true", help=h("show_info"))
    checker.add_argument("--lang", choices=("pl", "en"), default="pl", help=h("lang"))
    checker.add_argument("--root", metavar="DIR", help=h("root"))

    planner = commands.add_parser("plan", help=h("plan"), description=h("plan"))
    planner.add_argument("file", metavar="FILE", help=h("file"))
    planner.add_argument("--contract", help=h("contract"))
    planner.add_argument("--kind", help=h("kind"))
    planner.add_argument("--period", help=h("period"))
    planner.add_argument("--sessions", type=int, help=h("sessions"))
    planner.add_argument("--hours", help=h("hours"))
    planner.add_argument("--slot", required=True, help=h("slot"))
    planner.add_argument("--weekdays", help=h("weekdays"))
    planner.add_argument("--venue", help=h("venue"))
    planner.add_argument("--leaders", help=h("leaders"))
    planner.add_argument("--groups", help=h("groups"))
    planner.add_argument("--attendees", help=h("attendees"))
    planner.add_argument("--per-week", type=int, help=h("per_week"))
    planner.add_argument("--per-month", type=int, help=h("per_month"))
    planner.add_argument("--format", choices=("text", "json"), default="text", help=h("format"))
    planner.add_argument("--lang", choices=("pl", "en"), default="pl", help=h("lang"))
    planner.add_argument("--root", metavar="DIR", help=h("root"))
    add_report_commands(commands, lang)
    add_mark_command(commands, lang)
    add_diff_command(commands, lang)

    exporter = commands.add_parser("export", help=h("export"), description=h("export"))
    exporter.add_argument("files", nargs="+", metavar="FILE", help=h("files"))
    exporter.add_argument("--format", choices=("parquet", "csv", "json"), default="parquet",
                          help=h("format"))
    exporter.add_argument("-o", "--output", metavar="DIR", required=True,
                          help=h("output_dir"))
    exporter.add_argument("--lang", choices=("pl", "en"), default="pl", help=h("lang"))
    exporter.add_argument("--root", metavar="DIR", help=h("root"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_language(argv))
    args = parser.parse_args(argv)
    if args.top_lang is not None and hasattr(args, "lang"):
        args.lang = _language(argv)  # a --lang before the command, unless one follows it
    try:
        return _run(parser, args)
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as cat does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "check":
        return _check(args, sys.stdout, sys.stderr)
    if args.command == "plan":
        return _plan(args, sys.stdout, sys.stderr)
    if args.command == "export":
        return _export(args, sys.stdout, sys.stderr)
    if args.command in ("report", "ical", "chart"):
        return run_report_command(args)
    if args.command == "mark":
        return run_mark_command(args)
    if args.command == "diff":
        return run_diff_command(args)
    parser.print_help(sys.stderr)
    return 2


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    threshold = Severity(args.fail_on).rank
    unreadable = 0
    failing = False
    counts: dict[str, Counter[Severity]] = {}
    blocks: list[tuple[tuple[int, int, int], str]] = []
    for n, result in enumerate(check_many(args.files, root=args.root)):
        path = _printable(result.source or "")
        if result.project is None:
            unreadable += 1
            assert result.error is not None
            _print_error(args.format, path, result.error, out, err)
            continue
        findings = result.findings
        failing = failing or any(f.severity.rank >= threshold for f in findings)
        found = counts[path] = Counter(f.severity for f in findings)
        if args.format == "json":
            print(json.dumps({"file": path, "project": result.project.title,
                              "findings": [f.as_dict(args.lang) for f in findings]},
                             ensure_ascii=False), file=out)
        else:
            text = render_check(path, result.project.title, findings, lang=args.lang,
                                show_info=args.show_info,
                                min_severity=Severity(args.min_severity),
                                width=shutil.get_terminal_size((100, 24)).columns,
                                colour=use_colour(out))
            blocks.append(((-found[Severity.ERROR], -found[Severity.WARNING], n), text))
    # The files with errors first, then those with warnings: the problems come first.
    for _order, text in sorted(blocks):
        print(text + "\n", file=out)
    if args.format == "text" and len(args.files) > 1:
        print(render_totals(counts, unreadable, lang=args.lang), file=out)
    return 2 if unreadable else 1 if failing else 0


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from opsreform.reports.export import write_frames  # noqa: PLC0415 - polars on demand

    results = check_many(args.files, root=args.root)
    for result in results:
        if result.error is not None:
            print(f"{result.source}: cannot be read: {result.error}", file=err)
    try:
        written = write_frames(results, args.format, args.output)
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc.strerror}", file=err)
        return 2
    for path in written:
        print(path, file=out)
    return 2 if any(r.error is not None for r in results) else 0


def _printable(text: str) -> str:
    """``text`` with undecodable bytes of a file name (lone surrogates) written as escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _print_error(fmt: str, path: str, exc: OpsReformError, out: TextIO, err: TextIO) -> None:
    """Report a file that cannot be read: one JSON object on ``out``, or a line on ``err``."""
    if fmt == "json":
        print(json.dumps({"file": path, "error": _printable(str(exc)),
                          "line": getattr(exc, "line", None), "key": getattr(exc, "key", None)},
                         ensure_ascii=False), file=out)
    else:
        print(f"{path}: cannot be read: {_printable(str(exc))}", file=err)


def _ids(text: str | None) -> tuple[str, ...]:
    """Ids given on the command line, separated by commas."""
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


def _plan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        project = load_project(args.file, root=args.root)
        days: list[int] = []
        for name in [] if args.weekdays is None else args.weekdays.split(","):
            key = name.strip().lower()
            if key not in _WEEKDAYS:
                print(f"unknown weekday {name!r}; use pn,wt,sr,cz,pt,so,nd", file=err)
                return 2
            days.append(_WEEKDAYS[key])
        # No --weekdays: every day, and the project's rules decide (weekend included).
        weekdays = None if args.weekdays is None else days
        proposal = plan(
            project,
            slot=parse_slots(args.slot),
            kind=args.kind,
            contract=args.contract,
            period=parse_period(args.period) if args.period else None,
            sessions=args.sessions,
            hours=Fraction(args.hours.replace(",", ".")) if args.hours else None,
            weekdays=weekdays,
            venue=args.venue,
            leaders=_ids(args.leaders) if args.leaders is not None else None,
            groups=_ids(args.groups),
            attendees=_ids(args.attendees),
            max_per_week=args.per_week,
            max_per_month=args.per_month,
        )
    except PlanningError as exc:
        print(f"{args.file}: {refusal_text(exc, args.lang)}", file=err)
        return 1
    except OpsReformError as exc:
        print(f"{args.file}: {exc}", file=err)
        return 2
    except ValueError as exc:
        print(f"{args.file}: {exc}", file=err)
        return 2
    for session in proposal:
        if args.format == "json":
            print(json.dumps({"id": session.id, "kind": session.kind.value,
                              "date": session.first_day.isoformat(),
                              "slots": format_slots(b.slot for b in session.slots),
                              "venue": session.venues[0] if session.venues else None,
                              "contract": session.contract}, ensure_ascii=False), file=out)
        else:
            day = (format_date(session.first_day, "weekday") if args.lang == "pl"
                   else f"{session.first_day:%A, %d.%m.%Y}")
            print(f"{day}  "
                  f"{format_slots(b.slot for b in session.slots)}  {session.title}", file=out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
