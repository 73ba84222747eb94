"""The installed package: version and command line."""

import subprocess
import sys
from importlib.metadata import version

import pytest

import opsreform
from opsreform.cli import main


def test_version_matches_metadata() -> None:
    """__version__ is the installed distribution's version."""
    assert opsreform.__version__ == version("opsreform")


def test_cli_version(capsys) -> None:  # type: ignore[no-untyped-def]
    """`opsreform --version` prints the installed version."""
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"opsreform {version('opsreform')}"


def test_console_script_runs() -> None:
    """The module runs as a program and answers --version."""
    out = subprocess.run(
        [sys.executable, "-m", "opsreform.cli", "--version"], capture_output=True, text=True,
        check=True,
    )
    assert opsreform.__version__ in out.stdout
