"""Benchmark: every reader and loader at sizes n and 2n, to show that each is linear.

A file from a stranger may be large or strange; reading it must cost time in proportion
to its size. For each reader (the Polish forms, addresses, the key-line index, session
tables, project files with inline sessions or with a table file) this times an input of
size n and one of size 2n, best of ``--repeat`` runs, and prints one JSON object::

    {"scale": 1, "readers": {"parse_addresses/no-numbers": {"n": 4000, "seconds_n": …,
     "seconds_2n": …, "ratio": 2.0}, …}}

A ratio near 2 is linear; near 4 would be quadratic. Inputs are both accepted texts and
refused ones (a refusal must be as cheap as a reading). The table reader keeps nothing
between calls (no cache of parsed texts), so every run starts cold.

Usage: ``python bench/readers.py`` (``--scale 0.01`` for a quick run).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from opsreform.exceptions import OpsReformError
from opsreform.files._lines import KeyLines
from opsreform.files.project import load_project, loads_project
from opsreform.files.tables import VenueBook, read_session_table
from opsreform.text.addresses import parse_addresses
from opsreform.text.amounts import parse_amount, parse_share
from opsreform.text.calls import parse_call_number
from opsreform.text.dates import parse_date
from opsreform.text.periods import parse_period, parse_periods
from opsreform.text.slots import parse_slots

HEADER = 'format = 1\ntitle = "Benchmark"\n\n[[venues]]\nid = "v"\nname = "Sala"\n'
SESSION = ('\n[[sessions]]\nid = "s{i}"\nkind = "training"\ntitle = "Szkolenie {i}"\n'
           'date = "{day:02d}.{month:02d}.2018"\nslots = "09.00 - 12.00"\nvenues = ["v"]\n')
ROW = ("| {i} | SUPERWIZJA | {day:02d}.{month:02d}.2018 | 08.00 - 11.00 | "
       "ul. Długa {street} 42-600 Tarnowskie Góry |\n")
TABLE_HEAD = ("| Lp. | Rodzaj działania | Data | Godzina | Adres realizacji działania |\n"
              "|---|---|---|---|---|\n")
CSV_ROW = ("{i};SUPERWIZJA;{day:02d}.{month:02d}.2018;08.00 - 11.00;"
           "ul. Długa {street} Tarnowskie Góry\n")
CSV_HEAD = "Lp.;Rodzaj działania;Data;Godzina;Adres\n"


def _quietly(reader: Callable[[str], object]) -> Callable[[str], None]:
    """Call ``reader``; a refusal (an OpsReformError) is a result, like a value."""
    def run(text: str) -> None:
        with contextlib.suppress(OpsReformError):
            reader(text)
    return run


def _sessions(k: int) -> str:
    return HEADER + "".join(SESSION.format(i=i, day=i % 28 + 1, month=i % 12 + 1)
                            for i in range(k))


def _rows(k: int) -> str:
    return TABLE_HEAD + "".join(ROW.format(i=i + 1, day=i % 28 + 1, month=i % 12 + 1,
                                           street=i % 50 + 1) for i in range(k))


def _csv(k: int) -> str:
    return CSV_HEAD + "".join(CSV_ROW.format(i=i + 1, day=i % 28 + 1, month=i % 12 + 1,
                                             street=i % 50 + 1) for i in range(k))


def _table_project(folder: Path, name: str, text: str, suffix: str, encoding: str) -> Path:
    (folder / f"{name}{suffix}").write_bytes(text.encode(encoding))
    project = folder / f"{name}.toml"
    project.write_text(f'format = 1\ntitle = "B"\n[[tables]]\nid = "t"\n'
                       f'file = "{name}{suffix}"\n', encoding="utf-8")
    return project


def _cases(folder: Path) -> dict[str, tuple[int, Callable[[int], Callable[[], object]]]]:
    """Each reader: its base size n, and a function making the work for a size."""
    def text_case(reader: Callable[[str], object], make: Callable[[int], str]
                  ) -> Callable[[int], Callable[[], object]]:
        def prepare(k: int) -> Callable[[], object]:
            text = make(k)
            return lambda: _quietly(reader)(text)
        return prepare

    def table_file(suffix: str, encoding: str, make: Callable[[int], str]
                   ) -> Callable[[int], Callable[[], object]]:
        def prepare(k: int) -> Callable[[], object]:
            path = _table_project(folder, f"{suffix[1:]}-{encoding}-{k}", make(k), suffix,
                                  encoding)
            return lambda: load_project(path)
        return prepare

    def table_text(k: int) -> Callable[[], object]:
        text = _rows(k)
        return lambda: read_session_table(text, table="t", venues=VenueBook())

    def one_street(k: int) -> Callable[[], object]:
        # One street in k towns: every address derives the venue id "dluga-1".
        text = TABLE_HEAD + "".join(
            f"| {i + 1} | SUPERWIZJA | 22.05.2018 | 08.00 - 11.00 | ul. Długa 1 Miasto{i} |\n"
            for i in range(k))
        return lambda: read_session_table(text, table="t", venues=VenueBook())

    def inline(k: int) -> Callable[[], object]:
        text = _sessions(k)
        return lambda: loads_project(text)

    def lines(k: int) -> Callable[[], object]:
        text = _sessions(k)
        return lambda: KeyLines(text)

    return {
        "parse_date/words": (20_000, text_case(parse_date, lambda k: "maja " * k)),
        "parse_date/junk": (200_000, text_case(parse_date, lambda k: "x" * k)),
        "parse_period/leads": (20_000, text_case(parse_period, lambda k: "od " * k + "2018")),
        "parse_periods/many": (2_000, text_case(
            parse_periods, lambda k: "2-3 sierpnia 2021 r. oraz " * k + "8-9 września 2021 r.")),
        "parse_slots/many": (5_000, text_case(parse_slots, lambda k: "08.00 - 09.00 " * k)),
        "parse_amount/digits": (200_000, text_case(parse_amount, lambda k: "1" * k)),
        "parse_amount/spaces": (100_000, text_case(parse_amount, lambda k: "1 " * k + "zł")),
        "parse_share/spaces": (1_000_000, text_case(parse_share, lambda k: " " * k + "1 x")),
        "parse_call_number/spaces": (1_000_000, text_case(
            parse_call_number, lambda k: " " * k + "POWR.02.05.00-IP.03-00-012/17" + " " * k)),
        "parse_addresses/no-numbers": (4_000, text_case(
            parse_addresses, lambda k: "ul. Długa " * k)),
        "parse_addresses/streets": (4_000, text_case(
            parse_addresses, lambda k: "ul. Długa 1 " * k + "42-600 Tarnowskie Góry")),
        "parse_addresses/bad-numbers": (4_000, text_case(
            parse_addresses, lambda k: "ul. a " * k + "5-")),
        "KeyLines/inline-sessions": (4_000, lines),
        "read_session_table/markdown": (4_000, table_text),
        "read_session_table/one-street-many-towns": (4_000, one_street),
        "load_project/inline-sessions": (1_000, inline),
        "load_project/markdown-table": (4_000, table_file(".md", "utf-8", _rows)),
        "load_project/csv-cp1250-table": (4_000, table_file(".csv", "cp1250", _csv)),
        "load_project/csv-utf16-table": (4_000, table_file(".csv", "utf-16", _csv)),
    }


def _best(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every size n by this (0.01 for a quick run)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--only", help="only the readers whose name contains this")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (size, prepare) in _cases(Path(folder)).items():
            if args.only and args.only not in name:
                continue
            n = max(1, round(size * args.scale))
            small, large = prepare(n), prepare(2 * n)
            seconds_n, seconds_2n = _best(small, args.repeat), _best(large, args.repeat)
            results[name] = {"n": n, "seconds_n": round(seconds_n, 6),
                             "seconds_2n": round(seconds_2n, 6),
                             "ratio": round(seconds_2n / seconds_n, 2) if seconds_n else 0.0}
    print(json.dumps({"scale": args.scale, "repeat": args.repeat, "readers": results},
                     indent=1))


if __name__ == "__main__":
    main()
