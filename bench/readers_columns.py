"""Side by side: the row reader of session tables and the columnar one, on generated tables.

Writes a data set with ``bench/generate.py`` (``--sessions``, 20 000 by default), loads
its projects once to learn each table's text, arguments and venue book, then times
:func:`~opsreform.files.tables.read_session_table` and
:func:`~opsreform.files.columns.read_session_frame` over all the tables, best of
``--repeat`` runs, and prints one JSON object::

    {"sessions": 20000, "tables": …, "rows_s": …, "columns_s": …, "speedup": …,
     "stepped_aside": 0, "rows_then_table_s": …, "table_speedup": …,
     "one_table_rows_s": …, "one_table_columns_s": …, …, "projects": …, "loop_s": …,
     "read_tables_s": …, "read_tables_speedup": …, "projects_by_rows": 0}

``rows_then_table_s`` is the row reader followed by ``SessionTable.of`` of its sessions:
what the same ``SessionTable`` costs by way of ``Session`` objects.
The ``one_table`` figures read one CSV table of as many rows (the published form of
``bench/readers.py``), where no cost per table hides the cost per row.
``loop_s`` and ``read_tables_s`` read the same tables grouped by project, as
``load_many`` asks for them: each project's files one by one with ``read_session_frame``,
or all projects in one :func:`~opsreform.files.columns.read_tables`.

Not a test; the figures go to the report that asked for them.
Usage: ``python bench/readers_columns.py [--sessions N] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import opsreform.files.project as project_module
from opsreform.files._schedule import TableText
from opsreform.files.columns import read_session_frame, read_tables
from opsreform.files.tables import VenueBook, read_session_table
from opsreform.model.table import SessionTable

HERE = Path(__file__).resolve().parent
Call = tuple[str, dict[str, Any], list[Any]]
Request = tuple[list[TableText], VenueBook]


def _bench(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _generate(out: Path, sessions: int) -> None:
    _bench("generate").generate(out, sessions)


def _calls(folder: Path) -> list[Call]:
    """Each table the projects read: its text, its arguments, its venues before it."""
    made: list[Call] = []
    real = TableText.read

    def spy(self: TableText, book: VenueBook) -> Any:
        made.append((self.text, {"table": self.table, "kind": self.kind, "fmt": self.fmt,
                                 "path": self.path}, list(book.venues)))
        return real(self, book)

    TableText.read = spy  # type: ignore[method-assign]
    try:
        for toml in sorted(folder.glob("*.toml")):
            project_module.load_project(toml)
    finally:
        TableText.read = real  # type: ignore[method-assign]
    return made


def _requests(folder: Path) -> list[Request]:
    """The table files of each project, grouped as ``load_many`` asks for them."""
    asked: list[Request] = []
    real = project_module.read_many

    def spy(requests: list[Request]) -> Any:
        asked.extend(requests)
        return real(requests)

    project_module.read_many = spy
    try:
        project_module.load_many(sorted(folder.glob("*.toml")))
    finally:
        project_module.read_many = real
    return asked


def _loop(requests: list[Request]) -> list[Any]:
    """The tables of each project read file by file (the loader's first way)."""
    answers: list[Any] = []
    for texts, given in requests:
        book = given.copy()
        tables = []
        for text in texts:
            read = read_session_frame(text.text, table=text.table, venues=book,
                                      kind=text.kind, fmt=text.fmt, path=text.path)
            if read is None:
                break
            tables.append(read)
        answers.append((tables, book) if len(tables) == len(texts) else None)
    return answers


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        # (No cache to empty: the readers keep nothing between calls, issue 12.)
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    """Print the seconds of both readers over the tables of a generated data set."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        _generate(Path(folder), args.sessions)
        calls = _calls(Path(folder))
        requests = _requests(Path(folder))

    def rows() -> None:
        for text, kwargs, venues in calls:
            read_session_table(text, venues=VenueBook(list(venues)), **kwargs)

    def rows_then_table() -> None:  # what a SessionTable costs by way of Session objects
        for text, kwargs, venues in calls:
            SessionTable.of(read_session_table(text, venues=VenueBook(list(venues)),
                                               **kwargs))

    aside = 0

    def columns() -> None:
        nonlocal aside
        aside = sum(read_session_frame(text, venues=VenueBook(list(venues)), **kwargs)
                    is None for text, kwargs, venues in calls)

    rows_s, columns_s = _best(rows, args.repeat), _best(columns, args.repeat)
    # The same tables grouped by project: read file by file, or all in one read_tables.
    loop_s = _best(lambda: _loop(requests), args.repeat)
    together_s = _best(lambda: read_tables(requests), args.repeat)
    by_rows = sum(x is None for x in read_tables(requests))
    rows_then_table_s = _best(rows_then_table, args.repeat)
    # One table of as many rows (bench/readers.py's published CSV form): no per-table cost.
    one = _bench("readers")._csv(args.sessions)
    one_rows_s = _best(lambda: read_session_table(one, table="t", venues=VenueBook(),
                                                  fmt="csv"), args.repeat)
    one_columns_s = _best(lambda: read_session_frame(one, table="t", venues=VenueBook(),
                                                     fmt="csv"), args.repeat)
    print(json.dumps({"sessions": args.sessions, "tables": len(calls),
                      "rows_s": round(rows_s, 3), "columns_s": round(columns_s, 3),
                      "speedup": round(rows_s / columns_s, 2), "stepped_aside": aside,
                      "rows_then_table_s": round(rows_then_table_s, 3),
                      "table_speedup": round(rows_then_table_s / columns_s, 2),
                      "one_table_rows_s": round(one_rows_s, 3),
                      "one_table_columns_s": round(one_columns_s, 3),
                      "one_table_speedup": round(one_rows_s / one_columns_s, 2),
                      "projects": len(requests), "loop_s": round(loop_s, 3),
                      "read_tables_s": round(together_s, 3),
                      "read_tables_speedup": round(loop_s / together_s, 2),
                      "projects_by_rows": by_rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
