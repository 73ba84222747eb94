"""The garbage collector is paused during a batch and left as the caller had it."""

from __future__ import annotations

import gc

import pytest

import opsreform
from opsreform.engine._pause import collector_paused
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("running", [True, False])
def test_the_collector_is_paused_in_a_batch_and_left_as_it_was(running: bool) -> None:
    """Inside: paused. After (even after an error): as before the batch."""
    was = gc.isenabled()
    try:
        (gc.enable if running else gc.disable)()
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is running
        with pytest.raises(ZeroDivisionError), collector_paused():
            1 / 0  # noqa: B018
        assert gc.isenabled() is running
        opsreform.check_many([EXAMPLES / "swilcza.toml"])
        assert gc.isenabled() is running
    finally:
        (gc.enable if was else gc.disable)()


def test_overlapping_batches_resume_the_collector_only_at_the_end() -> None:
    """One batch inside another (or in another thread): running again after the last."""
    was = gc.isenabled()
    try:
        gc.enable()
        with collector_paused():
            with collector_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the outer batch still runs
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
