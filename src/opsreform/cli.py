"""The ``opsreform`` command line: a thin layer over files, rules and reports."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from opsreform import __version__

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``opsreform`` command."""
    parser = argparse.ArgumentParser(
        prog="opsreform",
        description="Model, check and report ESF reorganisation projects of Polish "
        "social-welfare centres (PO WER 2014-2020, Action 2.5).",
    )
    parser.add_argument("--version", action="version", version=f"opsreform {__version__}")
    parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    return 0  # pragma: no cover - every subcommand returns on its own


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
