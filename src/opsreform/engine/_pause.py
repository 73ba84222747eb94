"""The garbage collector paused while a batch is read or checked.

A batch makes millions of small objects that live until it ends (the files' parsed
TOML, the projects, the findings). CPython's cyclic collector walks every live object
on each full collection, and it runs more often as objects are made: at 250 000
sessions it took 28 % of files → findings, and its share grows with the batch. Nothing
a batch makes needs it to be freed (its garbage is freed by reference counting), so it
is paused until the batch ends; whatever cyclic garbage the batch left is collected
then, by the collector's own schedule. Paused and resumed only when it was running, so
a caller that turned it off keeps it off.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]


_LOCK = threading.Lock()
_PAUSED = [0, False]  # batches running now; whether the collector ran before the first


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block (see the module).

    Batches may overlap (threads, or one inside another): the collector resumes when
    the last one ends, and only if it was running when the first began. The pause is
    the process's: other threads' objects wait for the collector meanwhile too.
    """
    with _LOCK:
        if _PAUSED[0] == 0:
            _PAUSED[1] = gc.isenabled()
            gc.disable()
        _PAUSED[0] += 1
    try:
        yield
    finally:
        with _LOCK:
            _PAUSED[0] -= 1
            if _PAUSED[0] == 0 and _PAUSED[1]:
                gc.enable()
