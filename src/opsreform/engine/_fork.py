"""Process pools after polars: worker processes are started fresh, never forked.

polars runs its queries on a pool of threads. A process forked after that pool started
holds none of its threads and waits for them for ever at its first query; and
``ProcessPoolExecutor`` forks by default on Linux before Python 3.14. So, before the
engine first runs a query, the default way of starting processes is set to
``forkserver`` (the default of Python 3.14: each worker comes from a fresh server
process), unless the program chose one already. A process that is forked all the same
(``mp_context=multiprocessing.get_context("fork")``) is told so by a clear error at its
first check instead of hanging.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys

from opsreform.exceptions import OpsReformError

__all__ = ["before_first_query"]

_state = {"started": False, "forked": False}


def _after_fork_in_child() -> None:
    if _state["started"]:
        _state["forked"] = True


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def before_first_query() -> None:
    """Make worker processes start fresh; refuse to run in a forked copy of this process.

    Raises:
        OpsReformError: In a process forked after this one ran polars queries.

    """
    if _state["forked"]:
        msg = ("this process was forked after opsreform had run polars queries, so polars "
               "cannot run here (its threads were not copied); start worker processes with "
               "'spawn' or 'forkserver', e.g. ProcessPoolExecutor(mp_context="
               "multiprocessing.get_context('forkserver'))")
        raise OpsReformError(msg)
    if _state["started"]:
        return
    _state["started"] = True
    if sys.platform != "win32" and multiprocessing.get_start_method(allow_none=True) is None:
        # RuntimeError: chosen meanwhile; ValueError: no forkserver on this system.
        with contextlib.suppress(RuntimeError, ValueError):
            multiprocessing.set_start_method("forkserver")
