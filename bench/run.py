"""Benchmark: realistic schedules, from project files on disk to findings.

Writes a reproducible data set of real project files (``bench/generate.py``: TOML
project files with CSV session tables, 100-400 sessions a project, seeded) into a
temporary folder or ``--out DIR``, then measures in one run, each side in a process of
its own (so that each one's peak memory is its own):

- ``files_to_findings_s``: every file loaded and checked with every default rule —
  ``opsreform.check_many(paths)`` when the package has it, else ``load_project`` and
  ``check`` file by file (``engine`` says which);
- ``load_s``: loading alone; ``check_s``: checking the projects already in memory again
  (``check_many(projects)``, else ``check`` each); ``floor_s``: a loop that reads each
  session's day, slots and first venue (the least any check does);
- ``peak_bytes_per_session``: the peak resident memory of the measuring process over the
  sessions (projects and findings held), before the floor loop (which makes a
  ``Session`` object of every row of a project that holds its schedule as a table);
- ``peer_s``: the plain polars peer (``bench/peer_polars.py``) on the same folder, from
  reading the files to its counts, with its own peak memory; ``duckdb_s``: the same in
  DuckDB's SQL (``bench/peer_duckdb.py``) when duckdb is installed (``--no-duckdb``
  skips it);
- the findings per rule of each, and every rule whose counts differ from opsreform's
  (``mismatches``, with the files that differ); the run exits with status 1 when there
  is one;
- ``growth``: the same at a quarter of the size (``n`` to ``4n``); ``--no-growth`` skips
  it.

Every time is given by the wall clock (``…_s``) and as the CPU time of the process
(``…_cpu_s``, all its threads): on a shared machine the wall clock also counts the
others' work (``load_average`` is recorded), the CPU time much less.

Usage: ``python bench/run.py --sessions 1000000`` prints one JSON object on stdout and
the per-rule counts as a table on stderr.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time as clock
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from peak import peak_bytes

HERE = Path(__file__).resolve().parent

PEER_RULES = ("summer-break", "public-holiday", "weekend", "outside-period", "double-booking",
              "hours-exceeded", "numbering")


# ------------------------------------------------------------- the measuring process


class Timer:
    """Seconds spent in named parts, by the wall clock and by this process's CPU time.

    The machine may be shared: CPU time says what the process itself spent when other
    work slows the wall clock down.
    """

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextmanager
    def part(self, name: str) -> Iterator[None]:
        """Time the block as part ``name`` (adding up when timed several times)."""
        wall, cpu = clock.perf_counter(), clock.process_time()
        try:
            yield
        finally:
            self.wall[name] = self.wall.get(name, 0.0) + clock.perf_counter() - wall
            self.cpu[name] = self.cpu.get(name, 0.0) + clock.process_time() - cpu


def _per_project(result: Any, count: int) -> list[list[Any]]:
    """The findings of each project, in the order given, from what ``check_many`` returns."""
    items = result.values() if isinstance(result, Mapping) else result
    lists = []
    for item in items:
        if getattr(item, "error", None) is not None:  # a ProjectCheck of a file not read
            msg = f"{item.source}: {item.error}"
            raise RuntimeError(msg)
        lists.append(list(getattr(item, "findings", item)))
    if len(lists) != count:
        msg = f"check_many returned findings for {len(lists)} projects of {count}"
        raise RuntimeError(msg)
    return lists


def _load(opsreform: Any, paths: list[Path]) -> list[Any]:
    """The projects of ``paths``: read together when the package can (``load_many``)."""
    try:
        from opsreform.files.project import load_many  # noqa: PLC0415 - newer packages
    except ImportError:
        return [opsreform.load_project(p) for p in paths]
    loaded = load_many(paths)
    for found in loaded:
        if isinstance(found, Exception):
            raise found
    return loaded


def _count(project: Any) -> int:
    """How many sessions ``project`` has, without making them (when it holds a table)."""
    schedule = getattr(project, "schedule", None)
    return len(schedule) if schedule is not None else len(project.sessions)


def _floor(projects: Iterable[Any]) -> int:
    """Read each session's day, slots and first venue into a tuple: the least any check does."""
    n = 0
    for project in projects:
        for session in project.sessions:
            slots = session.slots
            row = (session.day, slots, slots[0].venue if slots else None)
            n += row is not None
    return n


def measure(folder: Path) -> dict[str, Any]:
    """Load and check every project file of ``folder``; time it and count the findings."""
    import opsreform  # noqa: PLC0415 - imported in the measuring process only

    paths = sorted(folder.glob("*.toml"))
    many = getattr(opsreform, "check_many", None)
    timer = Timer()
    gc.collect()
    if many is not None:
        with timer.part("files_to_findings"):
            found = _per_project(many(paths), len(paths))
        with timer.part("load"):
            projects = _load(opsreform, paths)
    else:
        projects, found = [], []
        with timer.part("files_to_findings"):
            for path in paths:
                with timer.part("load"):
                    project = opsreform.load_project(path)
                projects.append(project)
                found.append(opsreform.check(project))
    gc.collect()
    with timer.part("check"):
        again = (_per_project(many(projects), len(projects)) if many is not None
                 else [opsreform.check(p) for p in projects])
    # The peak before the floor loop, which makes every Session object.
    peak = peak_bytes()
    sessions = sum(_count(p) for p in projects)
    with timer.part("floor"):
        _floor(projects)
    per_file = {path.name: dict(Counter(f.rule for f in findings))
                for path, findings in zip(paths, found, strict=True)}
    return {
        "engine": "check_many" if many is not None else "load_project + check",
        "sessions": sessions,
        **{f"{k}_s": v for k, v in timer.wall.items()},
        **{f"{k}_cpu_s": v for k, v in timer.cpu.items()},
        "peak_bytes": peak,
        "same_in_memory": [sorted(map(repr, a)) for a in again] == [
            sorted(map(repr, f)) for f in found],
        "per_file": per_file,
    }


# ------------------------------------------------------------------ the whole run


def _child(args: Sequence[str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        msg = f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr}"
        raise RuntimeError(msg)
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def _data(root: Path, sessions: int, seed: int) -> tuple[Path, dict[str, Any], float]:
    """The folder of ``sessions`` sessions, written now or kept from an earlier run."""
    folder = root / f"{sessions}-sessions"
    stamp = {"sessions": sessions, "seed": seed,
             "generator": hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()}
    manifest = folder / "manifest.json"
    if manifest.exists():
        kept = json.loads(manifest.read_text())
        if {k: kept.get(k) for k in stamp} == stamp:
            return folder, kept, 0.0
    t0 = clock.perf_counter()
    written = generate(folder, sessions, seed)
    seconds = clock.perf_counter() - t0
    manifest.write_text(json.dumps({**stamp, **written}))
    return folder, {**stamp, **written}, seconds


def loaded_projects(out: Path | None, sessions: int, seed: int) -> list[Any]:
    """The data set's projects, loaded (written into ``out``, else a temporary folder)."""
    import opsreform  # noqa: PLC0415 - as in measure: only where projects are loaded

    with tempfile.TemporaryDirectory(prefix="opsreform-bench-") as temporary:
        folder, _written, _seconds = _data(out or Path(temporary), sessions, seed)
        return [opsreform.load_project(p) for p in sorted(folder.glob("*.toml"))]


def _mismatches(name: str, ours: dict[str, dict[str, int]],
                peer: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    """Each rule whose findings differ, in all or in any file, between opsreform and a peer."""
    found = []
    for rule in PEER_RULES:
        a = sum(c.get(rule, 0) for c in ours.values())
        b = sum(c.get(rule, 0) for c in peer.values())
        files = sorted(f for f in ours.keys() | peer.keys()
                       if ours.get(f, {}).get(rule, 0) != peer.get(f, {}).get(rule, 0))
        if a != b or files:
            found.append({"peer": name, "rule": rule, "opsreform": a, name: b,
                          "files": files[:10], "files_differing": len(files)})
    return found


def one_size(root: Path, sessions: int, seed: int, *, duckdb: bool) -> dict[str, Any]:
    """Write (or reuse) the data set of ``sessions`` and measure every side on it."""
    folder, written, generate_s = _data(root, sessions, seed)
    ours = _child([str(HERE / "run.py"), "--measure", str(folder)])
    peers = {"peer": _child([str(HERE / "peer_polars.py"), str(folder)])}
    if duckdb:
        peers["duckdb"] = _child([str(HERE / "peer_duckdb.py"), str(folder)])
    per_rule = Counter(dict.fromkeys(PEER_RULES, 0))
    for counts in ours["per_file"].values():
        per_rule.update(counts)
    held = ours["sessions"]
    figures = {
        "sessions": held, "projects": written["projects"], "files": written["files"],
        "engine": ours["engine"], "generate_s": round(generate_s, 3),
        "files_to_findings_s": round(ours["files_to_findings_s"], 3),
        "load_s": round(ours["load_s"], 3), "check_s": round(ours["check_s"], 3),
        "files_to_findings_cpu_s": round(ours["files_to_findings_cpu_s"], 3),
        "load_cpu_s": round(ours["load_cpu_s"], 3), "check_cpu_s": round(ours["check_cpu_s"], 3),
        "check_us_per_session": round(ours["check_s"] / held * 1e6, 3),
        "check_cpu_us_per_session": round(ours["check_cpu_s"] / held * 1e6, 3),
        "floor_s": round(ours["floor_s"], 3),
        "check_over_floor": round(ours["check_s"] / ours["floor_s"], 2),
        "peak_bytes_per_session": round(ours["peak_bytes"] / held),
        "same_in_memory": ours["same_in_memory"],
        "findings": sum(per_rule.values()),
        "counts": {"opsreform": dict(sorted(per_rule.items()))},
        "mismatches": [],
    }
    # The polars peer's figures are "peer_…"; DuckDB's, when it runs, "duckdb_…".
    for name, peer in peers.items():
        figures.update({
            f"{name}_s": round(peer["peer_s"], 3), f"{name}_read_s": round(peer["peer_read_s"], 3),
            f"{name}_cpu_s": round(peer["peer_cpu_s"], 3),
            f"{name}_peak_bytes_per_session": round(peer["peak_bytes"] / held),
            f"{name}_sessions": peer["sessions"], f"{name}_engine": peer["engine"],
            f"{name}_threads": peer["threads"]})
        figures["counts"][name] = peer["per_rule"]
        figures["mismatches"].extend(_mismatches(name, ours["per_file"], peer["per_file"]))
    return figures


def _growth(small: dict[str, Any], large: dict[str, Any]) -> dict[str, Any]:
    peers = [name for name in ("peer", "duckdb") if f"{name}_s" in large]
    keys = ["files_to_findings_s", "files_to_findings_cpu_s", "load_s", "check_s",
            "check_cpu_s", "peak_bytes_per_session"]
    keys += [f"{name}_{key}" for name in peers
             for key in ("s", "cpu_s", "peak_bytes_per_session")]
    found: dict[str, Any] = {"sessions": [small["sessions"], large["sessions"]]}
    for key in keys:
        found[key] = [small[key], large[key]]
    for key in keys:
        if key.endswith("_s"):
            found[key.removesuffix("_s") + "_x"] = (
                round(large[key] / small[key], 2) if small[key] else None)
    return found


def _table(figures: dict[str, Any]) -> str:
    counts = figures["counts"]
    names = list(counts)
    lines = ["rule".ljust(26) + "".join(f"{n:>10}" for n in names)]
    for rule in sorted(counts["opsreform"]):
        cells = [counts[n].get(rule) for n in names]
        mark = "" if all(c is None or c == cells[0] for c in cells) else "  MISMATCH"
        lines.append(rule.ljust(26) + "".join(
            f"{'-' if c is None else c:>10}" for c in cells) + mark)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one JSON object (or measure one folder: --measure)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--out", type=Path, default=None,
                        help="write the data set here and keep it (default: a temporary "
                             "folder); a data set already there for the same size, seed "
                             "and generator is used again")
    parser.add_argument("--no-growth", action="store_true",
                        help="measure only --sessions, not also a quarter of it")
    parser.add_argument("--no-duckdb", action="store_true",
                        help="do not run the DuckDB peer (it runs when duckdb is installed)")
    parser.add_argument("--measure", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure is not None:
        print(json.dumps(measure(args.measure)))
        return 0
    with tempfile.TemporaryDirectory(prefix="opsreform-bench-") as temporary:
        root = args.out or Path(temporary)
        duckdb = not args.no_duckdb and importlib.util.find_spec("duckdb") is not None
        large = one_size(root, args.sessions, args.seed, duckdb=duckdb)
        figures = dict(large)
        if not args.no_growth and args.sessions >= 400:
            small = one_size(root, args.sessions // 4, args.seed, duckdb=duckdb)
            figures["growth"] = _growth(small, large)
            figures["mismatches"] = large["mismatches"] + [
                {**m, "sessions": small["sessions"]} for m in small["mismatches"]]
    figures["python"] = sys.version.split()[0]
    figures["load_average"] = [round(x, 2) for x in os.getloadavg()]
    figures["cpus"] = os.cpu_count()
    print(json.dumps(figures))
    print(_table(figures), file=sys.stderr)
    for mismatch in figures["mismatches"]:
        print(f"mismatch: {json.dumps(mismatch)}", file=sys.stderr)
    return 1 if figures["mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main())
