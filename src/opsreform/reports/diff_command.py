"""The ``opsreform diff`` command: what changed between two projects or two versions.

``opsreform diff OLD NEW`` compares the schedules of two project files;
``opsreform diff FILE --tables OLD_ID NEW_ID`` two versions of a table of one project
(with ``NEW``, the new version is read from that file); ``opsreform diff FILE`` alone
what the latest version of each table changed. As diff(1) does, it exits with 0 when
nothing changed, 1 when something did, and 2 when a file cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from opsreform._argparse_lang import help_in
from opsreform.exceptions import OpsReformError
from opsreform.files.project import load_project
from opsreform.reports.diff import diff_json, diff_table, latest_changes
from opsreform.reports.tables import render
from opsreform.versions import Diff, diff, version

__all__ = ["add_diff_command", "run_diff_command"]

_HELP: dict[str, tuple[str, str]] = {
    "diff": ("pokaż zmiany harmonogramu: dwa pliki projektu albo dwie wersje tabeli",
             "show what changed in the schedule: two project files, or two versions of a "
             "table"),
    "old": ("plik projektu (wcześniejszy)", "project file (the earlier one)"),
    "new": ("plik projektu (późniejszy); bez niego: zmiany ostatnich wersji tabel OLD",
            "project file (the later one); without it: what the latest versions of OLD's "
            "tables changed"),
    "tables": ("porównaj dwie wersje tabeli (ich id)", "compare two versions of a table "
               "(their ids)"),
    "format": ("text: zdania; json: dane; csv: tabela", "text: sentences; json: data; "
               "csv: a table"),
    "lang": ("język (pl, en)", "language (pl, en)"),
    "root": ("folder, z którego wolno czytać tabele sesji", "the folder session tables may "
             "be read from"),
}


def add_diff_command(commands: Any, lang: str = "pl") -> None:
    """Add ``diff`` to the subcommands, its help in ``lang``."""
    h = help_in(_HELP, lang)

    command = commands.add_parser("diff", help=h("diff"), description=h("diff"))
    command.add_argument("old", metavar="OLD", help=h("old"))
    command.add_argument("new", metavar="NEW", nargs="?", help=h("new"))
    command.add_argument("--tables", nargs=2, metavar=("OLD_ID", "NEW_ID"), help=h("tables"))
    command.add_argument("--format", choices=("text", "json", "csv"), default="text",
                         help=h("format"))
    command.add_argument("--lang", choices=("pl", "en"), default="pl", help=h("lang"))
    command.add_argument("--root", metavar="DIR", help=h("root"))


def _changes(args: argparse.Namespace) -> Diff:
    old = load_project(args.old, root=args.root)
    new = old if args.new is None else load_project(args.new, root=args.root)
    if args.tables is not None:
        old_id, new_id = args.tables
        for project, table_id, name in ((old, old_id, args.old),
                                        (new, new_id, args.new or args.old)):
            if not any(t.id == table_id for t in project.tables):
                known = ", ".join(t.id for t in project.tables) or "none"
                msg = f"{name}: no table {table_id!r} (tables: {known})"
                raise ValueError(msg)
        return diff(version(old, old_id), version(new, new_id))
    if args.new is None:
        return latest_changes(old)
    return diff(old, new)


def run_diff_command(args: argparse.Namespace) -> int:
    """Run ``diff``: 0 when nothing changed, 1 when something did, 2 on bad input."""
    try:
        changes = _changes(args)
    except (OpsReformError, ValueError, OSError) as exc:
        print(f"{exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        sys.stdout.write(diff_json(changes, args.lang))
    elif args.format == "csv":
        sys.stdout.write(render(diff_table(changes, args.lang), "csv", lang=args.lang))
    else:
        sys.stdout.write(changes.text(args.lang) + "\n")
    return 1 if changes else 0
