"""Where ``check_many`` spends its time: the engine's frames, then each default rule.

Writes and loads the same realistic data set as ``bench/run.py`` (``bench/generate.py``;
into a temporary folder, or ``--out DIR`` to keep it and use it again) and runs every
default rule over the whole batch as the engine does: the frames are built first
(timed, frame by frame, from the projects' session tables), then each frame rule's query is
collected and its rows reported, and each plain rule runs project by project. A rule's
figure is its own work.

Usage: ``python bench/per_rule.py --sessions 1000000`` prints one JSON object: seconds
per part, the slowest first, and the frames' build apart.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import loaded_projects

from opsreform.engine import SCHEMA, Frames
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import FrameRule


def main(argv: list[str] | None = None) -> int:
    """Time the frames and each rule over the batch and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    projects = loaded_projects(args.out, args.sessions, args.seed)
    gc.collect()
    frames = Frames(projects)
    built: dict[str, float] = {}
    for name in SCHEMA:  # in the schema's order: each frame after those it is made from
        t0 = clock.perf_counter()
        frames._built(name)
        built[name] = round(clock.perf_counter() - t0, 4)
    parts: dict[str, float] = {"frames": sum(built.values())}
    for rule in default_rules():
        t0 = clock.perf_counter()
        if isinstance(rule, FrameRule):
            rows = rule.offending(frames).collect()
            for row in rows.iter_rows(named=True):
                list(rule.report(row, projects[row["project"]]))
        for project in projects:
            list(rule.plain(project))
        parts[rule.id] = clock.perf_counter() - t0
    ranked = dict(sorted(((k, round(v, 4)) for k, v in parts.items()),
                         key=lambda kv: -kv[1]))
    print(json.dumps({"sessions": sum(len(p.sessions) for p in projects),
                      "projects": len(projects), "seconds": ranked,
                      "frames": dict(sorted(built.items(), key=lambda kv: -kv[1])),
                      "total_s": round(sum(parts.values()), 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
