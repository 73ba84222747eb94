"""The benchmark script runs and reports every figure (no timing is asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_bench_prints_the_figures() -> None:
    """`bench/run.py` at a tiny size prints one JSON object with the agreed keys."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sessions", "2500",
         "--load-rows", "500"], capture_output=True, text=True, check=True, timeout=300)
    figures = json.loads(out.stdout)
    assert {"sessions", "build_s", "check_s", "floor_s", "check_over_floor", "plan_s",
            "load_100k_s", "peak_bytes_per_session"} <= set(figures)
    assert figures["sessions"] == 2500
    # one centre per 400 sessions; planning asks 10 sessions of each of the first 100
    assert figures["projects"] == 6 and figures["planned"] == 60
    assert figures["loaded"] == 500


def test_per_rule_times_every_default_rule() -> None:
    """`bench/per_rule.py` times the engine's frames and every default rule."""
    from opsreform.rules.defaults import default_rules

    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "per_rule.py"), "--sessions", "2000"],
        capture_output=True, text=True, check=True, timeout=300)
    figures = json.loads(out.stdout)
    assert figures["sessions"] == 2000
    assert set(figures["seconds"]) == {"frames"} | {r.id for r in default_rules()}
    assert all(v >= 0 for v in figures["seconds"].values())
    from opsreform.engine import SCHEMA

    assert set(figures["frames"]) == set(SCHEMA)
