"""Benchmark: ``check_many`` of the benchmark's projects, loaded once, as one batch.

Writes the realistic data set of ``bench/run.py`` (``bench/generate.py``, seeded, so
every run has the same projects; ``--out DIR`` keeps it), loads every project, and times
``opsreform.check_many`` over all of them, with every default rule, a few
times; prints the best and the median, the findings found and, when the engine is
there, what building its frames alone costs. Run it against two checkouts (for
example with ``PYTHONPATH=<other checkout>/src``) for a before/after on the same data.

Usage: ``python bench/batch.py --sessions 1000000 --repeat 3`` prints one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import loaded_projects

import opsreform


def main(argv: list[str] | None = None) -> int:
    """Time ``check_many`` over the whole data set and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    projects = loaded_projects(args.out, args.sessions, args.seed)
    gc.collect()
    times, frames_s = [], []
    found = 0
    for _ in range(args.repeat):
        t0 = clock.perf_counter()
        results = opsreform.check_many(projects)
        times.append(clock.perf_counter() - t0)
        found = sum(len(r.findings) for r in results)
        del results
        try:
            from opsreform.engine import SCHEMA, Frames  # noqa: PLC0415 - absent before
        except ImportError:
            continue
        t0 = clock.perf_counter()
        frames = Frames(projects)
        for name in SCHEMA:
            frames._built(name)
        frames_s.append(clock.perf_counter() - t0)
        del frames
    figures = {"sessions": sum(len(p.sessions) for p in projects), "projects": len(projects),
               "check_many_best_s": round(min(times), 3),
               "check_many_median_s": round(statistics.median(times), 3),
               "findings": found}
    if frames_s:
        figures["frames_best_s"] = round(min(frames_s), 3)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
