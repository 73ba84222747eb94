"""Side by side: the row reader of session tables and the columnar one, on generated tables.

Writes a data set with ``bench/generate.py`` (``--sessions``, 20 000 by default), loads
its projects once to learn each table's text, arguments and venue book, then times
:func:`~opsreform.files.tables.read_session_table` (with its caches of parsed texts
emptied first) and :func:`~opsreform.files.columns.read_session_frame` over all the
tables, best of ``--repeat`` runs, and prints one JSON object::

    {"sessions": 20000, "tables": …, "rows_s": …, "columns_s": …, "speedup": …,
     "stepped_aside": 0, "rows_then_table_s": …, "table_speedup": …,
     "one_table_rows_s": …, "one_table_columns_s": …, …}

``rows_then_table_s`` is the row reader followed by ``SessionTable.of`` of its sessions:
what the same ``SessionTable`` costs by way of ``Session`` objects.
The ``one_table`` figures read one CSV table of as many rows (the published form of
``bench/readers.py``), where no cost per table hides the cost per row.

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
from opsreform.files import columns as columns_module
from opsreform.files import tables
from opsreform.files.columns import read_session_frame
from opsreform.files.tables import VenueBook, read_session_table
from opsreform.model.table import SessionTable

HERE = Path(__file__).resolve().parent
Call = tuple[str, dict[str, Any], list[Any]]
_CACHED = ("parse_date", "parse_slots", "parse_addresses", "_booking", "_split_part",
           "_kind_from_title", "_kind", "_status")
_CACHED_HERE = ("_header", "_number", "_title", "_when", "_slots", "_bookings")


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
    real = project_module.read_session_table

    def spy(text: str, **kwargs: Any) -> Any:
        made.append((text, {k: v for k, v in kwargs.items() if k != "venues"},
                     list(kwargs["venues"].venues)))
        return real(text, **kwargs)

    project_module.read_session_table = spy  # type: ignore[assignment]
    try:
        for toml in sorted(folder.glob("*.toml")):
            project_module.load_project(toml)
    finally:
        project_module.read_session_table = real
    return made


def _clear() -> None:
    for name in _CACHED:
        getattr(tables, name).cache_clear()
    for name in _CACHED_HERE:
        getattr(columns_module, name).cache_clear()


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        _clear()
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
                      "one_table_speedup": round(one_rows_s / one_columns_s, 2)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
