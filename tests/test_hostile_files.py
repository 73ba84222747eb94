"""Files from strangers: thousands of broken copies of the examples never crash the reader.

Every case of :mod:`tests.hostile` (seeded, so the same on every run) is loaded and
checked; the only exceptions allowed are :class:`OpsReformError`s that name the file
and its line or key, and no message shows anything of a file outside the project's
folder. A third of the cases also go through ``opsreform check`` (in-process, many
files per call), and a few of the worst through a real process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from opsreform.checks import check_many
from opsreform.cli import main
from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files.project import load_project
from opsreform.model.project import Project
from tests.hostile import SECRET, Case, cases, workspace

MINIMUM_CASES = 2000
BATCH = 60  # project files per in-process `opsreform check`


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[tuple[Case, Path]], Path]:
    """Every hostile case written as files of one folder; the secret file lies outside."""
    root = tmp_path_factory.mktemp("hostile")
    folder, secret = workspace(root)
    written = []
    scale = int(os.environ.get("OPSREFORM_HOSTILE_SCALE", "1"))
    seed = int(os.environ.get("OPSREFORM_HOSTILE_SEED", "2018"))
    for i, case in enumerate(cases(seed, secret=str(secret), scale=scale)):
        path = folder / f"p-{i:05d}.toml"
        path.write_bytes(case.project)
        for name, data in case.tables.items():
            (folder / name).write_bytes(data)
        written.append((case, path))
    return written, secret


def _leaks(text: str) -> bool:
    return SECRET in text or "hunter2" in text


def _problem(exc: OpsReformError, path: Path) -> str | None:
    """What is wrong with an error about ``path`` (None: it is as promised)."""
    if not isinstance(exc, ProjectFileError):
        return f"{type(exc).__name__} instead of a ProjectFileError"
    if exc.path is None or exc.path not in str(exc):
        return "the message names no file"
    if path.name not in exc.path and not exc.path.startswith(str(path.parent)):
        return f"it names another file: {exc.path}"
    if exc.line is None and exc.key is None:
        return "it names neither a line nor a key"
    if _leaks(str(exc)):
        return "it shows the content of a file outside the folder"
    return None


def test_the_corpus_is_large_and_varied(corpus: tuple[list[tuple[Case, Path]], Path]) -> None:
    """At least 2,000 cases, of every kind of damage, in every example."""
    written, _ = corpus
    assert len(written) >= MINIMUM_CASES
    kinds = {case.name.split(":")[1] for case, _ in written}
    assert {"value", "key", "session", "delete", "structure", "project-encoding", "truncate",
            "flip", "deep-array", "deep-table", "huge-int", "path", "table"} <= kinds
    assert len({case.name.split(":")[0] for case, _ in written}) == 5


def test_every_hostile_file_loads_or_is_refused_in_place(
        corpus: tuple[list[tuple[Case, Path]], Path]) -> None:
    """load_project and check raise only placed OpsReformErrors, and leak nothing."""
    written, _ = corpus
    problems: list[str] = []
    refused = 0
    loaded: list[tuple[Case, Project]] = []
    for case, path in written:
        try:
            loaded.append((case, load_project(path)))
        except OpsReformError as exc:
            refused += 1
            problem = _problem(exc, path)
            if problem is not None:
                problems.append(f"{case.name}: {problem}: {str(exc)[:200]}")
        except Exception as exc:  # what this test is for
            problems.append(f"{case.name}: {type(exc).__name__}: {str(exc)[:200]}")
    # Checked as batches (check_many gives each project exactly what check gives it; a
    # rule that crashes on one project is retried alone and reported as unexpected).
    for start in range(0, len(loaded), BATCH):
        chunk = loaded[start:start + BATCH]
        results = check_many([project for _, project in chunk])
        for (case, _), result in zip(chunk, results, strict=True):
            if result.error is not None:
                problems.append(f"{case.name}: the check failed: {result.error}")
            elif any(_leaks(f.message) or _leaks(f.subject) for f in result.findings):
                problems.append(f"{case.name}: a finding shows the secret")
    assert problems == []
    # Most damage is refused; what loads is a project whose damage is still valid.
    assert refused > len(written) // 2


def test_check_command_on_hostile_files(corpus: tuple[list[tuple[Case, Path]], Path],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """`opsreform check --format json` prints one object per file and exits 0, 1 or 2."""
    written, _ = corpus
    paths = [str(path) for _, path in written[::3]]
    for start in range(0, len(paths), BATCH):
        batch = paths[start:start + BATCH]
        status = main(["check", "--format", "json", *batch])
        out, err = capsys.readouterr()
        objects = [json.loads(line) for line in out.splitlines()]
        assert [o["file"] for o in objects] == batch
        errors = [o for o in objects if "error" in o]
        assert status == (2 if errors else status)
        assert status in {0, 1, 2}
        for o in errors:  # the project file, or a table of it, and the place in it
            assert str(Path(o["file"]).parent) in o["error"]
            assert o["line"] is not None or o["key"] is not None
        assert not _leaks(out) and not _leaks(err)
        assert "Traceback" not in err


def test_check_command_text_format_never_shows_a_traceback(
        corpus: tuple[list[tuple[Case, Path]], Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    """In text form too, unreadable files are a line on stderr, and the status is 2."""
    written, _ = corpus
    paths = [str(path) for case, path in written if ":path:" in case.name]
    assert main(["check", *paths]) == 2
    out, err = capsys.readouterr()
    assert err.count("cannot be read") >= len(paths) // 2
    assert not _leaks(out + err) and "Traceback" not in err


_WORST = ("path:/dev/zero", "path:tables/fifo", "path:/proc/self/environ", "path:{secret}",
          "path:tables/link.md", "deep-array:3000", "deep-table:3000", "huge-int", "binary")


def test_worst_files_through_a_real_process(corpus: tuple[list[tuple[Case, Path]], Path]
                                            ) -> None:
    """The installed command, in its own process, on the worst files: exit 2, no secret."""
    written, _ = corpus
    chosen = [str(path) for case, path in written
              if case.name.startswith("tarnowskie-gory:") and case.name.endswith(_WORST)]
    assert len(chosen) == len(_WORST)
    env = {**os.environ, "OPSREFORM_TEST_PASSWORD": f"hunter2-{SECRET}"}
    result = subprocess.run(
        [sys.executable, "-m", "opsreform.cli", "check", "--format", "json", *chosen],
        capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode == 2
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["file"] for o in objects] == chosen
    assert all("error" in o for o in objects)
    assert not _leaks(result.stdout + result.stderr)
    assert "Traceback" not in result.stderr
