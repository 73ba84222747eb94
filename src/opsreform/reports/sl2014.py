"""The schedule of support in the shape of SL2014 (harmonogram udzielania wsparcia).

SL2014, the central IT system of the 2014-2020 programmes, asks a beneficiary for the
schedule of support one row per day and hour range: the kind of support (rodzaj
wsparcia), the date, the start and end hour, and where — the address split into postal
code, town, street and building number. :func:`sl2014_table` turns a project's sessions
into that table:

- one row per day of a session and per time slot (a two-day study visit gives two rows);
  a session without stated hours gives one row per day with empty hour cells;
- the address of a slot's venue (resolved through ``project.venues``), split; a session
  without hours takes the address of its one place (``places``), and with several
  places leaves the address empty and names them all in the last column;
- cancelled sessions are left out; the rows are in order of date and hour.

The kind of support is written in Polish whatever the language of the headers: it is a
value of the form.

>>> import opsreform
>>> project = opsreform.load_project("examples/tarnowskie-gory.toml")
>>> table = sl2014_table(project)
>>> table.headers[1:9]
['Rodzaj wsparcia', 'Nazwa wsparcia', 'Data', 'Godzina rozpoczęcia', 'Godzina zakończenia', \
'Kod pocztowy', 'Miejscowość', 'Ulica']
>>> table.rows[0]
[1, 'superwizja', 'SUPERWIZJA', datetime.date(2018, 1, 11), datetime.time(8, 0), \
datetime.time(11, 0), '42-600', 'Tarnowskie Góry', 'ul. Sienkiewicza', '8', None, None]
"""

from __future__ import annotations

import re
from datetime import date, time

import attrs

from opsreform.model.project import Project
from opsreform.model.sessions import Session, SessionKind, SessionStatus
from opsreform.model.venues import Venue
from opsreform.reports._lang import Lang
from opsreform.reports.tables import Cell, ReportTable
from opsreform.text.addresses import Address

__all__ = ["KIND_NAMES", "StreetParts", "sl2014_table", "split_street"]

KIND_NAMES: dict[SessionKind, str] = {
    SessionKind.TRAINING: "szkolenie",
    SessionKind.WORKSHOP: "warsztaty",
    SessionKind.SUPERVISION: "superwizja",
    SessionKind.STUDY_VISIT: "wizyta studyjna",
    SessionKind.EXPERT_ADVICE: "doradztwo eksperckie",
    SessionKind.OTHER: "inne",
}
"""The Polish name of each kind of support, as the SL2014 form lists them."""

_HEADERS = {
    "pl": ("Lp.", "Rodzaj wsparcia", "Nazwa wsparcia", "Data", "Godzina rozpoczęcia",
           "Godzina zakończenia", "Kod pocztowy", "Miejscowość", "Ulica", "Nr budynku",
           "Nr lokalu", "Miejsce"),
    "en": ("No.", "Kind of support", "Title", "Date", "Start", "End", "Postal code", "Town",
           "Street", "Building", "Flat", "Place"),
}
_TITLE = {"pl": "Harmonogram udzielania wsparcia (SL2014)",
          "en": "Schedule of support (SL2014)"}
# What addresses.py reads as a street's number: "8", "15a", "12/3" (a building and a flat).
_NUMBER = re.compile(r"^(?P<street>.*\S)\s+(?P<building>\d+[a-zA-Z]?)(?:/(?P<flat>\d+[a-zA-Z]?))?$")


@attrs.frozen
class StreetParts:
    """A street address split as forms ask for it.

    Attributes:
        street: The street with its prefix (``ul. Sienkiewicza``).
        building: The building number (``8``, ``15a``), or None when not written.
        flat: The flat or room number after ``/`` (``3`` of ``12/3``), or None.

    """

    street: str
    building: str | None = None
    flat: str | None = None


def split_street(street: str) -> StreetParts:
    """Split a street address (``Address.street``) into street, building and flat.

    >>> split_street("ul. 3 Maja 12/3a")
    StreetParts(street='ul. 3 Maja', building='12', flat='3a')
    >>> split_street("Rynek")
    StreetParts(street='Rynek', building=None, flat=None)
    """
    match = _NUMBER.match(street.strip())
    if match is None:
        return StreetParts(street.strip())
    return StreetParts(match["street"], match["building"], match["flat"])


def _place(venues: list[Venue]) -> list[Cell]:
    """Postal code, town, street, building, flat and the name(s) of the place."""
    names = "; ".join(v.name for v in venues if v.name) or None
    address: Address | None = venues[0].address if len(venues) == 1 else None
    if address is None:
        return [None, None, None, None, None, names]
    parts = split_street(address.street)
    return [address.postcode, address.city, parts.street, parts.building, parts.flat, names]


_Row = tuple[date, time | None, list[Cell]]  # day and start (to sort by), then the cells


def _rows(session: Session, venues: dict[str, Venue]) -> list[_Row]:
    rows: list[_Row] = []
    head: list[Cell] = [KIND_NAMES[session.kind], session.label]
    for day in session.days():
        if not session.slots:
            places = [venues[v] for v in session.places if v in venues]
            rows.append((day, None, [*head, day, None, None, *_place(places)]))
        for booking in session.slots:
            place = [venues[booking.venue]] if booking.venue in venues else []
            rows.append((day, booking.slot.start,
                         [*head, day, booking.slot.start, booking.slot.end, *_place(place)]))
    return rows


def sl2014_table(project: Project, *, lang: Lang = "pl") -> ReportTable:
    """Return the schedule of support of ``project`` as SL2014 asks for it.

    Args:
        project: The project; its cancelled sessions are left out.
        lang: The language of the headers and title; the kinds stay Polish.

    Returns:
        One table, one row per session day and time slot, numbered from 1, in order
        of date and start hour (sessions without hours first on their day).

    """
    venues = {v.id: v for v in project.venues}
    found = [row for session in project.sessions if session.status is not SessionStatus.CANCELLED
             for row in _rows(session, venues)]
    found.sort(key=lambda r: (r[0], r[1] or time(0), r[1] is not None))
    return ReportTable(_TITLE[lang], list(_HEADERS[lang]),
                       [[n, *cells] for n, (_day, _start, cells) in enumerate(found, start=1)],
                       name="SL2014")
