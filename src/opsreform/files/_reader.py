"""A checked view of a TOML table: typed getters naming the key on error; no key left unread."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.periods import Period
from opsreform.text.dates import parse_date
from opsreform.text.periods import parse_period

T = TypeVar("T")


class Table:
    """One TOML table being read; every key must be read or it is reported as unknown."""

    def __init__(self, data: Mapping[str, Any], key: str, path: str | None,
                 line_of: Callable[[str], int | None]) -> None:
        if not isinstance(data, Mapping):
            raise ProjectFileError(f"expected a table, got {type(data).__name__} {data!r}",
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
        if isinstance(value, bool) and kind is not bool and bool not in (
                kind if isinstance(kind, tuple) else (kind,)):
            raise self.error(name, f"expected {_name(kind)}, got {value!r}")
        if not isinstance(value, kind):
            raise self.error(name, f"expected {_name(kind)}, got {type(value).__name__} "
                                   f"{value!r}")
        return value

    def convert(self, name: str, kind: type | tuple[type, ...], func: Callable[[Any], T], *,
                required: bool = False) -> T | None:
        """Read ``name`` and pass it through ``func``; an error of opsreform names the key."""
        value = self.get(name, kind, required=required)
        if value is None:
            return None
        try:
            return func(value)
        except (OpsReformError, ValueError, TypeError) as exc:
            raise self.error(name, str(exc)) from None

    def date(self, name: str, *, required: bool = False) -> date | None:
        """Read a date in any Polish form (or a TOML date)."""
        value = self.get(name, (str, date), required=required)
        if value is None or isinstance(value, date):
            return value
        try:
            return parse_date(value)
        except OpsReformError as exc:
            raise self.error(name, str(exc)) from None

    def period(self, name: str, *, required: bool = False) -> Period | None:
        """Read a period in any Polish form."""
        return self.convert(name, str, parse_period, required=required)

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
                raise self.error(name, f"expected a list of texts, got {item!r}")
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
        except OpsReformError as exc:
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
             "bool": "true or false", "date": "a date", "float": "a number"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k.__name__, k.__name__) for k in kinds)


def compact(data: Mapping[str, Any]) -> dict[str, Any]:
    """Drop unknown (None) and empty values: a project file leaves unknown facts out."""
    return {k: v for k, v in data.items() if v is not None and v not in ([], ())}
