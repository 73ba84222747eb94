"""Where ``check`` spends its time: each default rule timed over the benchmark's projects.

Writes the same realistic data set as ``bench/run.py`` (``bench/generate.py``; into a
temporary folder, or ``--out DIR`` to keep it and use it again), loads every project,
and checks each once, timing apart the shared schedule views (the index, then the
columns) and each rule. The views are built first, so a rule's figure is its own work.
The figures add up to a little more than ``check_s`` (the timer runs around every call).

Usage: ``python bench/per_rule.py --sessions 1000000`` prints one JSON object: seconds
per part, the slowest first.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import _data

from opsreform.files.project import load_project
from opsreform.rules._columns import schedule_columns
from opsreform.rules._index import schedule_index
from opsreform.rules.defaults import default_rules


def main(argv: list[str] | None = None) -> int:
    """Time each part of ``check`` and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="opsreform-bench-") as temporary:
        folder, _written, _seconds = _data(args.out or Path(temporary), args.sessions,
                                           args.seed)
        projects = [load_project(p) for p in sorted(folder.glob("*.toml"))]
    gc.collect()
    rules = default_rules()
    parts: dict[str, float] = {"index": 0.0, "columns": 0.0}
    for project in projects:
        t0 = clock.perf_counter()
        schedule_index(project)
        t1 = clock.perf_counter()
        schedule_columns(project)
        t2 = clock.perf_counter()
        parts["index"] += t1 - t0
        parts["columns"] += t2 - t1
        for rule in rules:
            t0 = clock.perf_counter()
            for _finding in rule.check(project):
                pass
            parts[rule.id] = parts.get(rule.id, 0.0) + clock.perf_counter() - t0
    ranked = dict(sorted(((k, round(v, 4)) for k, v in parts.items()),
                         key=lambda kv: -kv[1]))
    print(json.dumps({"sessions": sum(len(p.sessions) for p in projects),
                      "projects": len(projects), "seconds": ranked,
                      "total_s": round(sum(parts.values()), 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
