r"""Calendar export: every session as an iCalendar event (needs the ``ical`` extra).

Times are in Europe/Warsaw. Each slot of a day is one event; a multi-day session without
hours (a study visit) is one all-day event spanning its days. UIDs are stable —
``{session id}-{slot number}@{project slug}.opsreform`` — so importing an updated
schedule updates the events instead of duplicating them. Built with the ``icalendar``
library, never by hand.

User text (titles, places, ids) cannot add a property or break the file: each text value
is made one line of plain text first (line breaks and other control characters become
spaces, see :func:`opsreform.reports._escape.one_line`), then given to the library as
its TEXT type (``vText``), which escapes ``\ ; ,`` and folds long lines at 75 octets.
``vText`` is named even where the library would choose it, because for an ``X-``
property it would not: it writes an unknown property's value verbatim.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from opsreform.model.project import Project
from opsreform.model.sessions import SessionStatus
from opsreform.reports._escape import one_line

__all__ = ["project_slug", "to_ical"]

WARSAW = ZoneInfo("Europe/Warsaw")


def _icalendar() -> Any:
    try:
        import icalendar  # noqa: PLC0415 - optional extra
    except ImportError as exc:  # pragma: no cover - the extra is installed in CI
        msg = "the calendar export needs the 'ical' extra: pip install 'opsreform[ical]'"
        raise ImportError(msg) from exc
    return icalendar


def project_slug(project: Project) -> str:
    """A stable ASCII slug of the project's title (``nowy-model-lepsza-jakosc``)."""
    ascii_title = unicodedata.normalize("NFKD", project.title.replace("ł", "l").replace(
        "Ł", "L")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "project"


def to_ical(project: Project, *, stamp: datetime | None = None) -> bytes:
    """Return the project's sessions as an iCalendar file (bytes, UTF-8).

    Args:
        project: The project.
        stamp: The DTSTAMP of every event (default: 1 January 2000 UTC, so that the
            same schedule always gives the same file).

    """
    ical = _icalendar()

    def text(value: str) -> Any:
        return ical.vText(one_line(value))

    cal = ical.Calendar()
    cal.add("prodid", "-//opsreform//PL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", text(project.title))
    cal.add("x-wr-timezone", "Europe/Warsaw")
    slug = project_slug(project)
    venues = {v.id: str(v) for v in project.venues}
    dtstamp = stamp or datetime(2000, 1, 1, tzinfo=ZoneInfo("UTC"))
    for session in project.sessions:
        if session.status is SessionStatus.CANCELLED:
            continue
        description = text(f"{session.kind.value}; {session.id}")
        if not session.slots:
            event = ical.Event()
            event.add("uid", text(f"{session.id}-0@{slug}.opsreform"))
            event.add("dtstamp", dtstamp)
            event.add("summary", text(session.label))
            event.add("dtstart", session.first_day)
            last = session.period.end if session.period else session.first_day
            event.add("dtend", last + timedelta(days=1))
            places = [venues.get(v, v) for v in session.venues]
            if places:
                event.add("location", text("; ".join(places)))
            event.add("description", description)
            cal.add_component(event)
            continue
        for day in session.days():
            for n, booking in enumerate(session.slots, start=1):
                event = ical.Event()
                suffix = n if session.day_count == 1 else f"{day:%Y%m%d}-{n}"
                event.add("uid", text(f"{session.id}-{suffix}@{slug}.opsreform"))
                event.add("dtstamp", dtstamp)
                event.add("summary", text(session.label))
                event.add("dtstart", datetime.combine(day, booking.slot.start, WARSAW))
                event.add("dtend", datetime.combine(day, booking.slot.end, WARSAW))
                if booking.venue is not None:
                    event.add("location", text(venues.get(booking.venue, booking.venue)))
                event.add("description", description)
                cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
