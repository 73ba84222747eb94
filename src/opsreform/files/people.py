"""Reading and writing the people keys of issue 14: groups, keys, absences, engagements.

``[[groups]]`` declares the staff groups that attend sessions; ``[[people]]`` may give a
``key`` (the same person in other projects' files), ``absences`` (periods of leave) and
``engagements`` (work outside the sessions: an FTE or hours a month over a period).
Every error names the file, line and key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

from opsreform.exceptions import ProjectFileError
from opsreform.files._reader import Table, check_period, shown
from opsreform.model.groups import GROUP_ID, Group
from opsreform.model.people import TICKS_PER_MINUTE, Person, PersonEngagement
from opsreform.model.sessions import PublishedTable, Session
from opsreform.periods import Period
from opsreform.text.periods import format_period, parse_period

__all__ = ["check_group_names", "group_data", "person_data",
           "person_extras", "read_groups"]

_Fail = Callable[[str, str], ProjectFileError]


def read_groups(tables: Iterable[Table]) -> list[tuple[Group, _Fail]]:
    """Read ``[[groups]]``: each group with the builder of errors placed at it."""
    return [(t.build(Group, id=t.get("id", str, required=True),
                     name=t.get("name", str, required=True),
                     members=t.strings("members") or (),
                     part_of=t.get("part_of", str)), t.error) for t in tables]


def person_extras(t: Table) -> dict[str, Any]:
    """The issue-14 keys of one ``[[people]]`` entry, as :class:`Person` arguments."""
    absences = t.get("absences", list)
    engagements = t.get("engagements", list)
    return {
        "key": t.get("key", str),
        "absences": () if absences is None else tuple(
            _period_in(t, "absences", item) for item in absences),
        "engagements": None if engagements is None else tuple(
            _engagement(t, i, item) for i, item in enumerate(engagements)),
    }


def _period_in(t: Table, key: str, value: object) -> Period:
    if not isinstance(value, str):
        raise t.error(key, f"expected a period such as \"01.07.2018 – 14.07.2018\", got "
                           f"{shown(value)}")
    try:
        return check_period(parse_period(value))
    except ValueError as exc:
        raise t.error(key, str(exc)) from None


def _amount(t: Table, name: str) -> Fraction | None:
    value = t.get(name, (int, float, str))
    if value is None:
        return None
    try:
        amount = Fraction(str(value).strip().replace(",", "."))
    except (ValueError, ZeroDivisionError):
        raise t.error(name, f"{shown(value)} is not a number; expected e.g. 0.5, \"1/3\" "
                            "or 40") from None
    if (amount * 60 * TICKS_PER_MINUTE).denominator != 1:
        raise t.error(name, f"{shown(value)} is too fine; give at most four decimal places "
                            "or a fraction such as \"1/3\"")
    return amount


def _engagement(t: Table, index: int, value: object) -> PersonEngagement:
    if not isinstance(value, dict):
        raise t.error("engagements", "expected tables such as { fte = 0.5, period = "
                                     f"\"styczeń – grudzień 2018\" }}, got {shown(value)}")
    item = Table(value, f"{t.where('engagements')}[{index}]", t.path, t.line_of)
    return item.build(PersonEngagement, period=item.period("period"),
                      fte=_amount(item, "fte"), hours_per_month=_amount(item, "hours_per_month"),
                      text=item.get("text", str))


def check_group_names(groups: list[tuple[Group, _Fail]], people: set[str],
                      tables: list[tuple[PublishedTable, _Fail]],
                      sessions: list[tuple[Session, _Fail]]) -> None:
    """Refuse group links that name nothing, at their key.

    A file that declares ``[[groups]]`` names groups by id: an attendance entry that
    looks like an id but names no declared group is a mistake. One that does not look
    like an id (``"pracownicy socjalni"``) stays free text, as format-1 files wrote it.
    """
    declared = {g.id for g, _ in groups}
    seen: set[str] = set()
    for group, fail in groups:
        if group.id in seen:
            raise fail("id", f"two groups have the id {shown(group.id)}; ids must be unique")
        seen.add(group.id)
        for member in group.members:
            if member not in people:
                raise fail("members", f"member {shown(member)} is not declared in people")
        if group.part_of is not None and group.part_of not in declared:
            raise fail("part_of", f"group {shown(group.part_of)} is not declared in groups "
                                  f"(declared: {', '.join(sorted(declared))})")
    for group, fail in groups:
        chain, parent = [group.id], group.part_of
        while parent is not None:
            if parent in chain:
                raise fail("part_of", "groups are part of each other in a cycle: "
                           + " → ".join([*chain[chain.index(parent):], parent]))
            chain.append(parent)
            parent = next(g.part_of for g, _ in groups if g.id == parent)
    if not declared:
        return
    named = [(t.groups, fail) for t, fail in tables]
    named += [(s.attendance.groups, fail) for s, fail in sessions]
    for names, fail in named:
        for name in names:
            if name not in declared and GROUP_ID.fullmatch(name):
                raise fail("groups", f"group {shown(name)} is not declared in groups "
                                     f"(declared: {', '.join(sorted(declared))})")


def group_data(group: Group) -> dict[str, Any]:
    """The canonical file data of one group."""
    data: dict[str, Any] = {"id": group.id, "name": group.name}
    if group.members:
        data["members"] = list(group.members)
    if group.part_of is not None:
        data["part_of"] = group.part_of
    return data


def _number(value: Fraction) -> int | str:
    return value.numerator if value.denominator == 1 else str(value)


def person_data(person: Person) -> dict[str, Any]:
    """The canonical file data of a person's issue-14 keys (absent ones left out)."""
    data: dict[str, Any] = {}
    if person.key is not None:
        data["key"] = person.key
    if person.absences:
        data["absences"] = [format_period(p, "numeric") for p in person.absences]
    if person.engagements is not None:
        data["engagements"] = [_engagement_data(e) for e in person.engagements]
    return data


def _engagement_data(e: PersonEngagement) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if e.period is not None:
        data["period"] = format_period(e.period, "numeric")
    if e.fte is not None:
        data["fte"] = _number(e.fte)
    if e.hours_per_month is not None:
        data["hours_per_month"] = _number(e.hours_per_month)
    if e.text is not None:
        data["text"] = e.text
    return data
