r"""Calendar export: every session as an iCalendar event (needs the ``ical`` extra).

Times are in Europe/Warsaw. Each slot of a day is one event; a multi-day session without
hours (a study visit) is one all-day event spanning its days. UIDs are stable —
``{session id}-{slot number}@{project slug}.opsreform`` — so importing an updated
schedule updates the events instead of duplicating them. Built with the ``icalendar``
library, never by hand.

A calendar that imported the file once learns of later changes from the next export:

- the file is a ``METHOD:PUBLISH`` calendar, and every event's ``DTSTAMP`` is the time
  of the export (UTC), so the newer copy of an event is recognisable;
- ``SEQUENCE`` follows the versions of the session's table (``[[tables]] supersedes``,
  see :mod:`opsreform.versions`): a session starts at 0, keeps its number through every
  version that leaves it as it was, and each version that changes it (moves, re-times,
  re-places or cancels it) raises it by one; a cancellation made in place (its status
  edited, no new version) raises it by one too. Its UID is that of the first version
  that held it, so a calendar that imported version 1 updates the event on version 2.
  It needs no hash and no stored state: the same project always gives the same numbers.
  (Undoing a cancellation without a new version lowers the number, which calendars
  ignore: publish a new version.)
- a session that a later version dropped is sent as cancelled (with a higher
  ``SEQUENCE``), so that a calendar which has it removes it;
- a cancelled session stays in the file as an event with ``STATUS:CANCELLED`` (and
  ``ODWOŁANE:`` before its summary, for calendars that do not show the status), so a
  calendar that has it removes or strikes it out instead of keeping it as planned;
  other sessions are ``STATUS:CONFIRMED``.

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
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_date

from opsreform.exceptions import ValidationError
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SessionStatus
from opsreform.reports._escape import one_line
from opsreform.reports._lang import KIND_SINGULAR, Lang, label, subject_text
from opsreform.versions import lineages

__all__ = ["event_sequence", "project_slug", "session_description", "to_ical"]

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


def event_sequence(project: Project, session: Session) -> int:
    """The ``SEQUENCE`` of a session's events: the versions that changed it, then its status.

    How many versions of its table changed it, plus 1 when it is cancelled; see the
    module's docstring.

    >>> import opsreform
    >>> project = opsreform.load_project("examples/tarnowskie-gory.toml")
    >>> event_sequence(project, project.sessions[-1])
    0
    """
    line = next((x for x in lineages(project) if x.session == session), None)
    changes = 0 if line is None else line.changes
    return changes + (1 if session.status is SessionStatus.CANCELLED else 0)


def session_description(project: Project, session: Session, lang: Lang = "pl") -> str:
    """The ``DESCRIPTION`` of a session's events, in ``lang``: what a reader needs to place it.

    Its kind, its id, the activity it delivers, the table it was published in, its
    contract and who leads it, as far as the project states them, separated by ``; ``.

    >>> import opsreform
    >>> project = opsreform.load_project("examples/tarnowskie-gory.toml")
    >>> session_description(project, project.sessions[-1])  # doctest: +ELLIPSIS
    'superwizja; sesja 2018-05-07#7; harmonogram z 7 maja 2018; umowa: realizacja...'
    >>> session_description(project, project.sessions[0], "en")  # doctest: +ELLIPSIS
    'training; session 2018-01-16#1; table of 16 January 2018; contract: ...'
    """
    pl, en = KIND_SINGULAR[session.kind.value]
    parts = [pl if lang == "pl" else en, subject_text(session.subject, lang)]
    if session.activity is not None:
        parts.append(subject_text(f"activity {session.activity}", lang))
    table = next((t for t in project.tables if t.id == session.table), None)
    if table is not None and table.published is not None:
        when = babel_date(table.published, "d MMMM yyyy", locale=lang)
        parts.append(label("published_table", lang).format(date=when))
    elif session.table is not None:
        parts.append(subject_text(f"table {session.table}", lang))
    contract = project.contract_of(session)
    if contract is not None:
        parts.append(label("contract_named", lang).format(title=contract.title))
    people = {p.id: p.name for p in project.people}
    leaders = [people.get(i, i) for i in project.leaders_of(session)]
    if leaders:
        parts.append(label("led_by", lang).format(names=", ".join(leaders)))
    return "; ".join(parts)


def to_ical(project: Project, *, stamp: datetime | None = None, lang: Lang = "pl") -> bytes:
    """Return the project's sessions as an iCalendar file (bytes, UTF-8).

    Args:
        project: The project.
        stamp: The DTSTAMP of every event: when the file was made. By default the
            current time; give one for a reproducible file. It must carry a time zone
            (it is written in UTC).
        lang: The language of the mark of a cancelled session (``ODWOŁANE``,
            ``CANCELLED``) and of the descriptions (:func:`session_description`).

    Raises:
        ValidationError: For a ``stamp`` without a time zone.
        ValueError: For a project without sessions: a calendar with no event would look
            like an empty schedule, so none is written.

    """
    if not project.sessions:
        raise ValueError(label("no_sessions_to_export", lang))
    ical = _icalendar()
    if stamp is not None and stamp.utcoffset() is None:
        raise ValidationError("the stamp needs a time zone (it is written in UTC)",
                              field="stamp", value=stamp)
    dtstamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)

    def text(value: str) -> Any:
        return ical.vText(one_line(value))

    cal = ical.Calendar()
    cal.add("prodid", "-//opsreform//PL")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", text(project.title))
    cal.add("x-wr-timezone", "Europe/Warsaw")
    slug = project_slug(project)
    venues = {v.id: str(v) for v in project.venues}
    cancelled_mark = label("cancelled", lang).upper()

    def event_of(session: Session, uid: str) -> Any:
        event = ical.Event()
        line = lines[id(session)]
        cancelled = session.status is SessionStatus.CANCELLED or line.removed
        event.add("uid", text(f"{uid}@{slug}.opsreform"))
        event.add("dtstamp", dtstamp)
        event.add("sequence", line.changes + (
            1 if session.status is SessionStatus.CANCELLED else 0))
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        event.add("summary", text(f"{cancelled_mark}: {session.label}" if cancelled
                                  else session.label))
        event.add("description", text(session_description(project, session, lang)))
        return event

    # Each session (and each one a later version dropped) under the id it was first given.
    every = lineages(project)
    lines = {id(line.session): line for line in every}
    for line in every:
        session, first_id = line.session, line.first.id
        if not session.slots:
            event = event_of(session, f"{first_id}-0")
            event.add("dtstart", session.first_day)
            last = session.period.end if session.period else session.first_day
            event.add("dtend", last + timedelta(days=1))
            places = [venues.get(v, v) for v in session.venues]
            if places:
                event.add("location", text("; ".join(places)))
            cal.add_component(event)
            continue
        for day in session.days():
            for n, booking in enumerate(session.slots, start=1):
                suffix = n if session.day_count == 1 else f"{day:%Y%m%d}-{n}"
                event = event_of(session, f"{first_id}-{suffix}")
                event.add("dtstart", datetime.combine(day, booking.slot.start, WARSAW))
                event.add("dtend", datetime.combine(day, booking.slot.end, WARSAW))
                if booking.venue is not None:
                    event.add("location", text(venues.get(booking.venue, booking.venue)))
                cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
