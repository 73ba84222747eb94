"""The numbered support schedule (harmonogram wsparcia): activities and their sub-items.

Activities are numbered ``1``, ``1.1``, ``2.3``; under a numbered activity the documents
list unnumbered sub-items written with a dash (``-``). Each has a title and a period
(okres realizacji). The document's order is kept.

>>> from opsreform.text.periods import parse_period
>>> prep = Activity("1", "Przygotowanie", parse_period("lipiec – listopad 2018 roku"),
...     children=(Activity("1.1", "Dokumenty", parse_period("lipiec – listopad 2018")),))
>>> [a.id for a in prep.walk()]
['1', '1.1']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import non_empty, to_tuple
from opsreform.periods import Period

__all__ = ["Activity", "iter_activities"]

# ASCII digits only, a few of them per level: "2.3", never "٢" or a thousand digits.
_NUMBER = re.compile(r"[0-9]{1,4}(?:\.[0-9]{1,4}){0,15}")


def _number(_instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not _NUMBER.fullmatch(value):
        msg = f"{value!r} is not an activity number; expected numbers such as '2' or '2.3'"
        raise ValidationError(msg, field=attribute.name, value=value)


@attrs.frozen
class Activity:
    """One activity of the support schedule.

    Attributes:
        number: ``"2.3"``, or None for an unnumbered ``-`` sub-item.
        title: The activity as the document words it.
        period: When it runs, or None when not stated.
        children: Its sub-activities (numbered ``2.3`` under ``2``, or ``-`` items), in
            the document's order. A numbered child's number must extend its parent's.
        key: For a ``-`` sub-item, its id (``2.3-1`` for the first dash under 2.3);
            filled in by the parent, so it need not be given.

    """

    number: str | None = attrs.field(validator=_number)
    title: str = attrs.field(validator=non_empty)
    period: Period | None = None
    children: tuple[Activity, ...] = attrs.field(default=(), converter=to_tuple)
    key: str | None = None

    def __attrs_post_init__(self) -> None:
        dash = 0
        fixed = []
        for child in self.children:
            if child.number is None:
                dash += 1
                if self.number is None:
                    raise ValidationError("a '-' sub-item cannot have sub-items of its own",
                                          field="children", value=child.title)
                child = attrs.evolve(child, key=f"{self.number}-{dash}")
            elif self.number is None or not _is_child_number(self.number, child.number):
                msg = (f"activity {child.number} cannot sit under "
                       f"{self.number or 'a - item'}; expected a number such as "
                       f"{self.number}.1")
                raise ValidationError(msg, field="children", value=child.number)
            fixed.append(child)
        object.__setattr__(self, "children", tuple(fixed))

    @property
    def id(self) -> str:
        """``number`` for a numbered activity, ``key`` (``2.3-1``) for a ``-`` item."""
        if self.number is not None:
            return self.number
        return self.key or "-"

    def walk(self) -> Iterator[Activity]:
        """Yield this activity and all below it, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def _is_child_number(parent: str, child: str) -> bool:
    return child.startswith(parent + ".") and child.count(".") == parent.count(".") + 1


def iter_activities(roots: tuple[Activity, ...]) -> Iterator[tuple[Activity | None, Activity]]:
    """Yield ``(parent, activity)`` for every activity of a tree, in document order."""
    def walk(parent: Activity | None, items: tuple[Activity, ...]) -> Iterator[
            tuple[Activity | None, Activity]]:
        for item in items:
            yield parent, item
            yield from walk(item, item.children)
    yield from walk(None, roots)
