"""Reading each distinct text once per reading, never in module state (issue 12).

A schedule repeats its dates, hours, addresses and titles row after row, and the tables
of a batch repeat them across files: the readers read each distinct text once. They do
so through :func:`memo`, made afresh by each reading (one table by the row reader, one
batch by the columnar reader) and dropped with it, so that nothing parsed outlives the
call that parsed it and no reading depends on what another one read before.

>>> calls = []
>>> def read(text: str) -> int:
...     calls.append(text)
...     return len(text)
>>> once = memo(read)
>>> [once("abc"), once("abc"), once("de")], calls
([3, 3, 2], ['abc', 'de'])

A text whose reading raises is not remembered: the next call raises again, as the plain
function would.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

__all__ = ["memo"]


def memo(read: Callable[[K], T]) -> Callable[[K], T]:
    """``read``, remembering its result for each distinct key for as long as it is kept.

    The results must be immutable (they are shared by every caller of the returned
    function); exceptions are not remembered.
    """
    found: dict[K, T] = {}

    def once(key: K) -> T:
        try:
            return found[key]
        except KeyError:
            value = found[key] = read(key)
            return value

    return once
