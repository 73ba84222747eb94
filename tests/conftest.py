"""Shared fixtures: the bundled example projects and the source documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsreform.files.project import load_project
from opsreform.model.project import Project

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# A copy of ../shared/seeds travels with the tests, so that a clone anywhere checks the
# real documents; test_seed_copy proves the copy still equals the source when both exist.
SEEDS = ROOT / "tests" / "data" / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLE_NAMES = ("michalowice", "tarnowskie-gory", "warszawa-ochota", "swilcza",
                 "niedrzwica-duza")


@pytest.fixture(scope="session")
def examples() -> dict[str, Project]:
    """Every bundled example project, loaded once, by name."""
    return {name: load_project(EXAMPLES / f"{name}.toml") for name in EXAMPLE_NAMES}
