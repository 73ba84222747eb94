"""The engine: every rule of a batch of projects evaluated over one set of polars frames.

:func:`evaluate` is the one door (``check`` and ``check_many`` go through it);
:class:`Frames` holds the batch as tables whose columns :data:`SCHEMA` defines;
:func:`clear_calendar` empties the one cache (the calendar frames of each year).
"""

from opsreform.engine.calendar import clear as clear_calendar
from opsreform.engine.evaluate import evaluate
from opsreform.engine.frames import SCHEMA, Frames

__all__ = ["SCHEMA", "Frames", "clear_calendar", "evaluate"]
