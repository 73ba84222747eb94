"""The ``mark`` command: mark a session delivered or cancelled in its project file."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from opsreform._argparse_lang import help_in
from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files.mark import mark_session
from opsreform.text.dates import format_date, parse_date

# The help of the command in both languages (Polish by default), in one place.
_HELP: dict[str, tuple[str, str]] = {
    "mark": ("oznacz sesję jako zrealizowaną lub odwołaną (plik zmieniony na miejscu, reszta "
             "bez zmian)", "mark a session delivered or cancelled (the file edited in place, "
             "the rest kept as written)"),
    "file": ("plik projektu (TOML)", "project file (TOML)"),
    "session": ("id sesji, jak podają wyniki kontroli: t#5, 2018-01-16#8, wizyta-1",
                "the session's id as findings print it: t#5, 2018-01-16#8, wizyta-1"),
    "delivered": ("sesja się odbyła", "the session was held"),
    "cancelled": ("sesję odwołano", "the session was cancelled"),
    "attended": ("ile osób było obecnych", "how many people attended"),
    "on": ("dzień, w którym sesja faktycznie się odbyła (np. 22.05.2018)",
           "the day the session was actually held (e.g. 22.05.2018)"),
    "lang": ("język komunikatów (pl, en)", "language of messages (pl, en)"),
    "root": ("folder, z którego wolno czytać tabele sesji (domyślnie folder pliku "
             "projektu)", "the folder session tables may be read from (default: the "
             "project file's own folder)"),
}

_DONE = {
    "pl": "sesja {id} oznaczona: {status}{attended}{day}",
    "en": "session {id} marked {status}{attended}{day}",
}
_STATUS = {"delivered": ("zrealizowana", "delivered"), "cancelled": ("odwołana", "cancelled")}


def add_mark_command(commands: Any, lang: str = "pl") -> None:
    """Add ``mark`` to the subcommands, its help in ``lang``."""
    h = help_in(_HELP, lang)

    mark = commands.add_parser("mark", help=h("mark"), description=h("mark"))
    mark.add_argument("file", metavar="FILE", help=h("file"))
    mark.add_argument("session", metavar="SESSION", help=h("session"))
    status = mark.add_mutually_exclusive_group(required=True)
    status.add_argument("--delivered", dest="status", action="store_const",
                        const="delivered", help=h("delivered"))
    status.add_argument("--cancelled", dest="status", action="store_const",
                        const="cancelled", help=h("cancelled"))
    mark.add_argument("--attended", type=int, metavar="N", help=h("attended"))
    mark.add_argument("--on", metavar="DATE", help=h("on"))
    mark.add_argument("--lang", choices=("pl", "en"), default="pl", help=h("lang"))
    mark.add_argument("--root", metavar="DIR", help=h("root"))


def run_mark_command(args: argparse.Namespace, out: TextIO | None = None,
                     err: TextIO | None = None) -> int:
    """Run ``mark``; return 0 when the file was marked, 2 when it was refused (says why)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        if args.attended is not None and args.attended < 0:
            msg = f"--attended {args.attended}: expected a whole number from 0 up"
            raise ValueError(msg)
        on = parse_date(args.on) if args.on is not None else None
        session = mark_session(args.file, args.session, status=args.status,
                               attended=args.attended, on=on, root=args.root)
    except (OpsReformError, ValueError, OSError) as exc:
        placed = isinstance(exc, ProjectFileError) and exc.path is not None
        print(str(exc) if placed else f"{args.file}: {exc}", file=err)
        return 2
    pl_word, en_word = _STATUS[args.status]
    lang = "en" if args.lang == "en" else "pl"
    attended = ("" if session.attendance.attended is None
                else f", {'obecnych' if lang == 'pl' else 'attended'}: "
                f"{session.attendance.attended}")
    day = "" if on is None else f", {format_date(on) if lang == 'pl' else on.isoformat()}"
    print(_DONE[lang].format(id=session.id, status=pl_word if lang == "pl" else en_word,
                             attended=attended, day=day), file=out)
    return 0
