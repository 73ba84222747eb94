"""The benchmark writes project files that load, and agrees with its polars peer.

No timing is asserted here; the figures themselves are recorded in docs/performance.md.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

import opsreform
from opsreform.files.project import load_project
from opsreform.model.sessions import SessionStatus
from opsreform.rules.defaults import default_rules
from tests.conftest import ROOT

BENCH = ROOT / "bench"
PEER_RULES = {"summer-break", "public-holiday", "weekend", "outside-period", "double-booking",
              "hours-exceeded", "numbering"}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          check=False, timeout=300)


def test_bench_agrees_with_the_peer_rule_by_rule() -> None:
    """`bench/run.py` prints the figures, and opsreform and the peer count alike per rule."""
    done = _run(str(BENCH / "run.py"), "--sessions", "8000")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert {"sessions", "projects", "files", "engine", "files_to_findings_s", "load_s",
            "check_s", "floor_s", "check_over_floor", "peak_bytes_per_session", "peer_s",
            "peer_peak_bytes_per_session", "counts", "mismatches", "growth"} <= set(figures)
    assert figures["sessions"] == figures["peer_sessions"] == 8000
    assert figures["files"] > figures["projects"] >= 8000 // 400
    assert figures["same_in_memory"]
    ours, peer = figures["counts"]["opsreform"], figures["counts"]["peer"]
    assert set(peer) == PEER_RULES
    # Every rule finds something at this size, so the equality below says something.
    assert all(peer[rule] > 0 for rule in PEER_RULES), peer
    assert {rule: ours[rule] for rule in PEER_RULES} == peer
    if "duckdb" in figures["counts"]:  # the optional second peer, when installed
        assert figures["counts"]["duckdb"] == peer
    assert figures["mismatches"] == []
    assert figures["growth"]["sessions"] == [2000, 8000]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small data set written by bench/generate.py."""
    folder = tmp_path_factory.mktemp("bench")
    done = _run(str(BENCH / "generate.py"), "--sessions", "3000", "--out", str(folder))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sessions"] == 3000
    return folder


def test_generated_files_load_with_what_the_issue_asks(written: Path) -> None:
    """Every file loads; the data have the features the benchmark is meant to exercise."""
    projects = [load_project(p) for p in sorted(written.glob("*.toml"))]
    sessions = [s for p in projects for s in p.sessions]
    assert len(sessions) == 3000
    assert all(100 <= len(p.sessions) <= 400 for p in projects)
    assert all(1 <= len(p.tables) <= 4 for p in projects)
    assert sum(bool(p.breaks) for p in projects) >= 2
    contracts = [c for p in projects for c in p.contracts]
    assert all(any(getattr(c, key) is not None for c in contracts)
               for key in ("signed", "period", "ends", "hours", "sessions"))
    cancelled = sum(s.status is SessionStatus.CANCELLED for s in sessions)
    assert 0.003 < cancelled / len(sessions) < 0.03
    assert any(s.leaders is not None for s in sessions)
    assert any(s.period is not None and s.period.days > 1 for s in sessions)
    assert any(len(set(s.venues)) > 1 for s in sessions)
    per_day = Counter((p.title, s.first_day) for p in projects for s in p.sessions)
    assert max(per_day.values()) >= 2


@pytest.mark.parametrize("peer", ["peer_polars.py", "peer_duckdb.py"])
def test_peer_runs_alone_on_a_folder(written: Path, peer: str) -> None:
    """A peer run alone on a folder prints its seconds and its findings per rule and file."""
    if peer == "peer_duckdb.py":
        pytest.importorskip("duckdb", reason="the DuckDB peer is optional")
    done = _run(str(BENCH / peer), str(written))
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["sessions"] == 3000
    assert set(figures["per_rule"]) == PEER_RULES
    assert sum(figures["per_rule"].values()) == sum(
        n for counts in figures["per_file"].values() for n in counts.values())


def test_the_peers_agree_file_by_file(written: Path) -> None:
    """The DuckDB peer, when installed, finds what the polars peer finds in every file."""
    pytest.importorskip("duckdb", reason="the DuckDB peer is optional")
    polars, duckdb = (json.loads(_run(str(BENCH / p), str(written)).stdout)
                      for p in ("peer_polars.py", "peer_duckdb.py"))
    assert duckdb["per_file"] == polars["per_file"]


def test_per_rule_times_every_default_rule() -> None:
    """`bench/per_rule.py` times the engine's frames and every default rule."""
    from opsreform.engine import SCHEMA

    done = _run(str(BENCH / "per_rule.py"), "--sessions", "2000")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert set(figures["frames"]) == set(SCHEMA)
    assert figures["sessions"] == 2000
    assert set(figures["seconds"]) == {"frames"} | {r.id for r in default_rules()}
    assert all(v >= 0 for v in figures["seconds"].values())


def _bench_run_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_measure_uses_check_many_and_agrees_with_the_plain_loop(
        written: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through `opsreform.check_many` the counts are those of load_project + check."""
    run = _bench_run_module()
    many = run.measure(written)
    assert many["engine"] == "check_many"
    assert many["same_in_memory"]
    monkeypatch.delattr(opsreform, "check_many")
    plain = run.measure(written)
    assert plain["engine"] == "load_project + check"
    assert many["per_file"] == plain["per_file"]


def test_readers_bench_times_every_reader_at_n_and_2n() -> None:
    """`bench/readers.py` at a tiny scale times each reader at n and 2n and gives the ratio."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "readers.py"), "--scale", "0.005", "--repeat",
         "1"], capture_output=True, text=True, check=True, timeout=300)
    figures = json.loads(out.stdout)["readers"]
    assert {"parse_addresses/no-numbers", "load_project/inline-sessions",
            "load_project/csv-cp1250-table", "KeyLines/inline-sessions"} <= set(figures)
    for name, row in figures.items():
        assert row["n"] >= 1, name
        assert row["seconds_n"] >= 0 and row["seconds_2n"] >= 0, name
        assert row["ratio"] >= 0, name
