"""Validators shared by the model classes (attrs ``validator=`` callables)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from opsreform.exceptions import ValidationError


def non_empty(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a string with some non-space text."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"expected a non-empty text, got {value!r}",
                              field=attribute.name, value=value)


def optional_non_empty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require None or a non-empty string."""
    if value is not None:
        non_empty(instance, attribute, value)


def positive(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require None or a number above zero."""
    if value is not None and not value > 0:  # type: ignore[operator]
        raise ValidationError(f"expected a number above zero, got {value!r}",
                              field=attribute.name, value=value)


def non_negative(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require None or a whole number from zero up (not a bool)."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                              or value < 0):
        raise ValidationError(f"expected a whole number from 0 up, got {value!r}",
                              field=attribute.name, value=value)


def unique_ids(items: tuple[Any, ...], what: str, field: str) -> None:
    """Raise ValidationError when two items share an ``id``."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValidationError(f"two {what} have the id {item.id!r}; ids must be unique",
                                  field=field, value=item.id)
        seen.add(item.id)


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Convert any iterable to a tuple (the field's annotation gives the item type)."""
    return tuple(value)


def to_frozenset(value: Iterable[Any]) -> frozenset[Any]:
    """Convert any iterable to a frozenset."""
    return frozenset(value)


def to_kinds(value: Iterable[Any]) -> frozenset[Any]:
    """Convert session-kind names or members to a frozenset of ``SessionKind``."""
    from opsreform.model.sessions import SessionKind  # noqa: PLC0415 - sessions imports us

    return frozenset(SessionKind(k) for k in value)


E = TypeVar("E", bound=enum.Enum)


def to_enum(cls: type[E], value: Any) -> E:
    """Convert ``value`` to the enum ``cls``, passing a member through untouched.

    Code passes members almost always; the enum's own lookup (``cls(value)``) is the
    slow path, kept for text, and raises ``ValueError`` for what is not a member.
    (Converters call it from a named function: mypy's attrs plugin takes no other.)
    """
    return value if value.__class__ is cls else cls(value)
