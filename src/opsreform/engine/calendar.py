"""The national calendar facts of a batch as frames: public holidays and school summers.

They are the law's and the school year's, the same for every project, and asking the
``holidays`` package for a year costs milliseconds, which a batch of thousands of
projects would otherwise pay per project. So this module is the one owner of a cache:
the frame of each year, made once per process. :func:`clear` empties it (for a test
that changes what ``holidays`` answers, or a long-lived process that wants the memory).
"""

from __future__ import annotations

import threading

import polars as pl

from opsreform.exceptions import ValidationError
from opsreform.workcalendar import WorkCalendar

__all__ = ["clear", "holidays_frame", "school_breaks_frame"]

_HOLIDAYS = {"day": pl.Date, "name": pl.String}
_SCHOOL = {"year": pl.Int32, "start": pl.Date, "end": pl.Date}

_lock = threading.Lock()
_holidays: dict[int, pl.DataFrame] = {}
_school: dict[int, pl.DataFrame] = {}


def _holidays_of(year: int) -> pl.DataFrame:
    found = _holidays.get(year)
    if found is None:
        days = WorkCalendar().holidays_of(year)
        found = pl.DataFrame({"day": list(days), "name": list(days.values())},
                             schema=_HOLIDAYS)
        with _lock:
            _holidays[year] = found
    return found


def _school_of(year: int) -> pl.DataFrame:
    found = _school.get(year)
    if found is None:
        try:
            window = WorkCalendar().school_summer_break(year)
        except ValidationError:  # no data for that year: no row, and the rule says so
            found = pl.DataFrame(schema=_SCHOOL)
        else:
            found = pl.DataFrame({"year": [year], "start": [window.start],
                                  "end": [window.end]}, schema=_SCHOOL)
        with _lock:
            _school[year] = found
    return found


def holidays_frame(years: range) -> pl.DataFrame:
    """The Polish public holidays of ``years`` (``day``, ``name``), from ``WorkCalendar``."""
    return pl.concat([pl.DataFrame(schema=_HOLIDAYS), *map(_holidays_of, years)])


def school_breaks_frame(years: range) -> pl.DataFrame:
    """The school summer holidays (``year``, ``start``, ``end``) of those ``years`` known."""
    return pl.concat([pl.DataFrame(schema=_SCHOOL), *map(_school_of, years)])


def clear() -> None:
    """Forget every year's frames (they are made again on next use)."""
    with _lock:
        _holidays.clear()
        _school.clear()
