"""Staff groups: who attends sessions (the centre's staff, its social workers…).

A project declares its groups once (``[[groups]]``); sessions and published tables name
the groups that attend them by id. A group may be ``part_of`` another one (the social
workers are part of the centre's staff): whoever is in the part is in the whole.

>>> staff = Group(id="pracownicy-mops", name="pracownicy MOPS")
>>> workers = Group(id="pracownicy-socjalni", name="pracownicy socjalni",
...                 part_of="pracownicy-mops", members=("pw-kowalska",))
>>> book = GroupBook((staff, workers))
>>> sorted(book.within("pracownicy-mops"))
['pracownicy-mops', 'pracownicy-socjalni']
>>> book.members("pracownicy-mops")
frozenset({'pw-kowalska'})
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import non_empty, optional_non_empty, to_tuple

__all__ = ["GROUP_ID", "Group", "GroupBook"]

GROUP_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")
"""What a group id looks like: lower-case letters, digits, ``-``, ``_`` and ``.``, no spaces.

An attendance entry that looks like this names a group; one that does not (``"pracownicy
socjalni"``) is free text, as format-1 files wrote it.
"""


@attrs.frozen
class Group:
    """A group of people who attend sessions together (grupa uczestników).

    Attributes:
        id: A stable id, unique in the project (``pracownicy-socjalni``).
        name: The name as the documents give it ("pracownicy socjalni").
        members: Ids of the project's people who belong to it, when named (a group
            whose members are not named still stands for its people).
        part_of: The id of the group that contains this one, when it is part of one.

    """

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    members: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    part_of: str | None = attrs.field(default=None, validator=optional_non_empty)

    def __attrs_post_init__(self) -> None:
        if not GROUP_ID.fullmatch(self.id):
            raise ValidationError(
                f"a group id is lower-case letters, digits, '-', '_' and '.', without "
                f"spaces (e.g. 'pracownicy-socjalni'); got {self.id!r}", field="id",
                value=self.id)
        if self.part_of == self.id:
            raise ValidationError(f"group {self.id!r} cannot be part of itself",
                                  field="part_of", value=self.part_of)


class GroupBook:
    """The groups of one project, with what each contains (its parts, its members).

    Raises:
        ValidationError: When a group is part of an undeclared group, or the
            ``part_of`` links make a cycle.

    """

    def __init__(self, groups: Iterable[Group]) -> None:
        self.groups = {g.id: g for g in groups}
        for group in self.groups.values():
            if group.part_of is not None and group.part_of not in self.groups:
                raise ValidationError(
                    f"group {group.id!r} is part of {group.part_of!r}, which the project "
                    "does not declare in groups", field="part_of", value=group.part_of)
        for group in self.groups.values():
            seen = [group.id]
            parent = group.part_of
            while parent is not None:
                if parent in seen:
                    cycle = " → ".join([*seen[seen.index(parent):], parent])
                    raise ValidationError(f"groups are part of each other in a cycle: {cycle}",
                                          field="part_of", value=group.part_of)
                seen.append(parent)
                parent = self.groups[parent].part_of

    def __contains__(self, group_id: object) -> bool:
        return group_id in self.groups

    def within(self, group_id: str) -> frozenset[str]:
        """The group and every group that is part of it, directly or not."""
        found = {group_id}
        grew = True
        while grew:
            parts = {g.id for g in self.groups.values() if g.part_of in found}
            grew = not parts <= found
            found |= parts
        return frozenset(found)

    def members(self, group_id: str) -> frozenset[str]:
        """The people of the group: its members and those of the groups part of it."""
        return frozenset(m for g in self.within(group_id) for m in self.groups[g].members)

    def declared(self, names: Iterable[str]) -> tuple[str, ...]:
        """The entries of an attendance's ``groups`` that name declared groups."""
        return tuple(n for n in names if n in self.groups)
