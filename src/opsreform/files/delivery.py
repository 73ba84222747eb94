"""The keys of project files about delivery: a session's attendance, and ``[[indicators]]``.

Read with placed errors (file, line, key, the text refused and what was expected) and
written back in canonical data for the lossless writer (:mod:`opsreform.files.writer`).
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from opsreform.exceptions import OpsReformError
from opsreform.files._reader import PEOPLE, Table, compact, shown
from opsreform.model.indicators import Indicator, IndicatorCount
from opsreform.model.sessions import Attendance

__all__ = ["attendance_data", "indicators_data", "read_attendance", "read_indicators"]

_TOP = 10_000_000
"""The largest target or value an indicator may state (a typo beyond is refused)."""


def read_attendance(t: Table) -> Attendance:
    """Read the attendance keys of a ``[[sessions]]`` table.

    ``headcount``, ``groups`` and ``attendees`` (who it is for; on a delivered session,
    who came), ``attended`` (how many came) and ``absent`` (who did not).
    """
    fields = {"headcount": "headcount", "groups": "groups", "people": "attendees",
              "attended": "attended", "absent": "absent"}
    headcount = t.count("headcount", low=1, high=PEOPLE)
    groups = t.strings("groups") or ()
    people = t.strings("attendees") or ()
    attended = t.count("attended", low=0, high=PEOPLE)
    absent = t.strings("absent") or ()
    try:
        return Attendance(headcount=headcount, groups=groups, people=people,
                          attended=attended, absent=absent)
    except OpsReformError as exc:
        field = getattr(exc, "field", None)
        raise t.error(fields.get(str(field), "attendees"), str(exc)) from None


def attendance_data(attendance: Attendance) -> dict[str, Any]:
    """The keys of ``attendance`` as a ``[[sessions]]`` table writes them (unknown left out)."""
    return compact({
        "headcount": attendance.headcount, "groups": list(attendance.groups) or None,
        "attendees": list(attendance.people) or None, "attended": attendance.attended,
        "absent": list(attendance.absent) or None,
    })


# A decimal or a fraction of a few digits: Fraction() alone would also take "1e999999"
# (a number of a million digits) from a stranger's file.
_NUMBER = re.compile(r"[0-9]{1,100}(?:\.[0-9]{1,100})?|[0-9]{1,100}/[1-9][0-9]{0,99}")


def _number(value: int | str) -> Fraction:
    """An exact number: a whole number, or a text ``"2,5"``/``"2.5"``/``"5/2"``."""
    if isinstance(value, str):
        text = value.strip().replace(",", ".").replace(" ", "").replace("\u00a0", "")
        if not _NUMBER.fullmatch(text):
            msg = f"{shown(value)} is not a number; expected e.g. 40, \"2,5\" or \"15/2\""
            raise ValueError(msg)
        number = Fraction(text)
    else:
        number = Fraction(value)
    if not 0 <= number <= _TOP:
        msg = f"{shown(value)} is not a plausible value; expected a number from 0 to 10 000 000"
        raise ValueError(msg)
    return number


def _counts(value: str) -> IndicatorCount:
    try:
        return IndicatorCount(value.strip())
    except ValueError:
        known = ", ".join(c.value for c in IndicatorCount)
        msg = f"{shown(value)} is not something an indicator counts; expected one of: {known}"
        raise ValueError(msg) from None


def read_indicators(root: Table) -> tuple[Indicator, ...]:
    """Read the ``[[indicators]]`` of a project file (none: an empty tuple).

    Raises:
        ProjectFileError: For a key or value that is wrong, or two indicators with one id.

    """
    from opsreform.model.sessions import SessionKind  # noqa: PLC0415 - only here

    found: list[Indicator] = []
    seen: dict[str, Table] = {}
    for t in root.tables("indicators"):
        indicator = t.build(
            Indicator,
            id=t.get("id", str, required=True),
            name=t.get("name", str, required=True),
            target=t.convert("target", (int, str), _number, required=True),
            counts=t.convert("counts", str, _counts, required=True),
            unit=t.get("unit", str),
            kinds=t.convert("kinds", list, lambda v: frozenset(SessionKind(k) for k in v))
            or (),
            baseline=t.convert("baseline", (int, str), _number),
            achieved=t.convert("achieved", (int, str), _number),
            note=t.get("note", str),
        )
        if indicator.id in seen:
            first = seen[indicator.id].line_of(seen[indicator.id].where("id"))
            where = f" (the first is at line {first})" if first is not None else ""
            raise t.error("id", f"two indicators have the id {shown(indicator.id)}{where}; "
                                "ids must be unique")
        seen[indicator.id] = t
        found.append(indicator)
    return tuple(found)


def _plain(number: Fraction | None) -> int | str | None:
    if number is None:
        return None
    return number.numerator if number.denominator == 1 else str(number)


def indicators_data(indicators: tuple[Indicator, ...]) -> list[dict[str, Any]]:
    """The ``[[indicators]]`` tables saying ``indicators`` (canonical data)."""
    return [compact({
        "id": i.id, "name": i.name, "unit": i.unit, "target": _plain(i.target),
        "counts": i.counts.value, "kinds": sorted(k.value for k in i.kinds) or None,
        "baseline": _plain(i.baseline), "achieved": _plain(i.achieved), "note": i.note,
    }) for i in indicators]
