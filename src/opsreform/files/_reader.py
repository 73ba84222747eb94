"""A checked view of a TOML table: typed getters naming the key on error; no key left unread.

The getters also hold values to plausible ranges (:data:`FIRST_DAY` to :data:`LAST_DAY`
for dates, maxima for counts), so that a typo such as ``2108`` or ``10000000`` is an
error naming its key, not a fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from fractions import Fraction
from typing import Any, TypeVar

from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.periods import Period
from opsreform.text.dates import parse_date
from opsreform.text.periods import parse_period

T = TypeVar("T")

# Control characters (NUL above all) have no place in a text of a project file; tabs
# and line breaks do (multi-line notes).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

FIRST_DAY = date(1990, 1, 1)
"""The earliest date a project file may state (the reform's programmes are after 2007)."""
LAST_DAY = date(2100, 12, 31)
"""The latest date a project file may state."""

PEOPLE = 100_000
"""The most people a count may state (staff, headcount, families, workers)."""
POPULATION = 10_000_000
"""The largest population of a gmina (Warsaw has under two million)."""
MONTHS = 240
"""The most months a duration may state (durability, months of a budget line)."""
HOURS = 100_000
"""The most hours or sessions a contract may hold."""
NUMBER = 1_000_000
"""The largest Lp. (row number) of a session table."""
PARTS = 1_000
"""The largest part (cz.) of a session given in parts."""
SHOWN = 60
"""How many characters of a refused value a message shows."""


def shown(value: object) -> str:
    """The ``repr`` of a value for a message, cut to :data:`SHOWN` characters."""
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # an int of thousands of digits, deep nesting
        return f"a {type(value).__name__} too large to show"
    return text if len(text) <= SHOWN else f"{text[:SHOWN - 5]}…{text[-4:]}"


def check_day(day: date) -> date:
    """Return ``day`` if it lies from :data:`FIRST_DAY` to :data:`LAST_DAY`.

    Raises:
        ValueError: For a day outside those years.

    """
    if not FIRST_DAY <= day <= LAST_DAY:
        msg = (f"the date {day.isoformat()} is outside the years {FIRST_DAY.year}-"
               f"{LAST_DAY.year} a project file may state")
        raise ValueError(msg)
    return day


def hours_value(value: int | str) -> Fraction:
    """Read contracted hours (a whole number, or text such as ``"12.5"``), exactly.

    Raises:
        ValueError: For hours not above 0 or above :data:`HOURS`.

    """
    hours = Fraction(value.strip() if isinstance(value, str) else value)
    if not 0 < hours <= HOURS:
        top = f"{HOURS:,}".replace(",", " ")
        msg = f"{shown(value)} is not a plausible number of hours; expected above 0, up to {top}"
        raise ValueError(msg)
    return hours


def check_period(period: Period) -> Period:
    """Return ``period`` if both its ends lie from :data:`FIRST_DAY` to :data:`LAST_DAY`.

    Raises:
        ValueError: For a period reaching outside those years.

    """
    check_day(period.start)
    check_day(period.end)
    return period


def _day(text: str) -> date:
    return check_day(parse_date(text))


def _period(text: str) -> Period:
    return check_period(parse_period(text))


class Table:
    """One TOML table being read; every key must be read or it is reported as unknown."""

    def __init__(self, data: Mapping[str, Any], key: str, path: str | None,
                 line_of: Callable[[str], int | None]) -> None:
        if not isinstance(data, Mapping):
            raise ProjectFileError(f"expected a table, got {type(data).__name__} {shown(data)}",
                                   path=path, key=key or None, line=line_of(key))
        self.data = data
        self.key = key
        self.path = path
        self.line_of = line_of
        self.read: set[str] = set()

    def where(self, name: str) -> str:
        """The dotted key of ``name`` inside this table."""
        return f"{self.key}.{name}" if self.key else name

    def error(self, name: str, message: str) -> ProjectFileError:
        """Return the error for key ``name``, with the file, line and key."""
        key = self.where(name)
        return ProjectFileError(message, path=self.path, key=key, line=self.line_of(key))

    def get(self, name: str, kind: type[T] | tuple[type, ...], *, required: bool = False,
            ) -> Any:
        """Return the raw value of ``name`` checked against ``kind``, or None if absent."""
        self.read.add(name)
        if name not in self.data:
            if required:
                raise self.error(name, f"the key {name!r} is required")
            return None
        value = self.data[name]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            raise self.error(name, f"expected {_name(kind)}, got {value!r}")
        if not isinstance(value, kind):
            raise self.error(name, f"expected {_name(kind)}, got {type(value).__name__} "
                                   f"{shown(value)}")
        if isinstance(value, datetime) and datetime not in kinds:  # TOML date-times are dates
            raise self.error(name, f"expected {_name(kind)}, got a date and time "
                                   f"{value.isoformat()}")
        if isinstance(value, str):
            self._check_text(name, value)
        return value

    def _check_text(self, name: str, text: str) -> None:
        if (control := _CONTROL.search(text)) is not None:
            raise self.error(name, f"the text holds a control character "
                                   f"(U+{ord(control.group()):04X})")

    def count(self, name: str, *, high: int, low: int = 0, required: bool = False
              ) -> int | None:
        """Read a whole number from ``low`` to ``high`` (a count, months, hours)."""
        value: int | None = self.get(name, int, required=required)
        if value is not None and not low <= value <= high:
            top = f"{high:,}".replace(",", " ")
            raise self.error(name, f"{shown(value)} is not a plausible number here; expected "
                                   f"a whole number from {low} to {top}")
        return value

    def integers(self, name: str, *, low: int, high: int, required: bool = False
                 ) -> list[int] | None:
        """Read a list of whole numbers, each from ``low`` to ``high``."""
        value: list[int] | None = self.get(name, list, required=required)
        if value is None:
            return None
        for item in value:
            if isinstance(item, bool) or not isinstance(item, int) or not low <= item <= high:
                raise self.error(name, f"expected whole numbers from {low} to {high}, got "
                                       f"{shown(item)}")
        return value

    def convert(self, name: str, kind: type | tuple[type, ...], func: Callable[[Any], T], *,
                required: bool = False) -> T | None:
        """Read ``name`` and pass it through ``func``; an error of opsreform names the key."""
        value = self.get(name, kind, required=required)
        if value is None:
            return None
        try:
            return func(value)
        except (OpsReformError, ValueError, TypeError, ArithmeticError) as exc:
            raise self.error(name, str(exc)) from None

    def date(self, name: str, *, required: bool = False) -> date | None:
        """Read a date in any Polish form (or a TOML date), from 1990 to 2100."""
        value = self.get(name, (str, date), required=required)
        if isinstance(value, date):
            return self.convert(name, date, check_day)
        return self.convert(name, str, _day, required=required)

    def period(self, name: str, *, required: bool = False) -> Period | None:
        """Read a period in any Polish form, within the years 1990-2100."""
        return self.convert(name, str, _period, required=required)

    def tables(self, name: str) -> list[Table]:
        """Read an array of tables (absent: empty list)."""
        items = self.get(name, list) or []
        return [Table(item, f"{self.where(name)}[{i}]", self.path, self.line_of)
                for i, item in enumerate(items)]

    def table(self, name: str) -> Table | None:
        """Read a sub-table, or None when absent."""
        value = self.get(name, dict)
        return None if value is None else Table(value, self.where(name), self.path, self.line_of)

    def strings(self, name: str) -> tuple[str, ...] | None:
        """Read a list of strings (a single string is a list of one)."""
        value = self.get(name, (list, str))
        if value is None:
            return None
        items = [value] if isinstance(value, str) else value
        for item in items:
            if not isinstance(item, str):
                raise self.error(name, f"expected a list of texts, got {shown(item)}")
            if not item.strip():
                raise self.error(name, "an empty text in the list")
            self._check_text(name, item)
        return tuple(items)

    def build(self, factory: Callable[..., T], **kwargs: Any) -> T:
        """Construct an object of the model, naming the key of a field it refuses.

        Unknown keys are reported first: a misspelt key is the likelier mistake.
        """
        self.done()
        try:
            return factory(**kwargs)
        except ProjectFileError:
            raise
        except (OpsReformError, ValueError, TypeError, ArithmeticError) as exc:
            field = getattr(exc, "field", None)
            name = field if isinstance(field, str) and field in kwargs else None
            if name is None:
                raise ProjectFileError(str(exc), path=self.path, key=self.key or None,
                                       line=self.line_of(self.key)) from None
            raise self.error(name, str(exc)) from None

    def done(self) -> None:
        """Raise for keys that were never read: nothing loaded is silently dropped."""
        unknown = sorted(set(self.data) - self.read)
        if unknown:
            known = ", ".join(sorted(self.read))
            raise self.error(unknown[0], f"unknown key {unknown[0]!r}; this table takes: {known}")


def _name(kind: type | tuple[type, ...]) -> str:
    names = {"str": "a text", "int": "a whole number", "list": "a list", "dict": "a table",
             "bool": "true or false", "date": "a date", "float": "a number",
             "datetime": "a date and time"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k.__name__, k.__name__) for k in kinds)


def compact(data: Mapping[str, Any]) -> dict[str, Any]:
    """Drop unknown (None) and empty values: a project file leaves unknown facts out."""
    return {k: v for k, v in data.items() if v is not None and v not in ([], ())}
