"""Every date, time slot and period written in the source documents reads to its value.

The strings are transcribed below, each as it stands in its document, with the value a
reader of the document gives it. Three checks keep the transcription honest:

* each string occurs in its document (as many times as stated);
* every year number in the documents (the regex ``YEAR``) lies inside a transcribed
  string, or in one of the few non-date uses listed in ``NOT_DATES`` with the reason;
* the session tables of Tarnowskie Góry are read row by row with the regex ``ROW``
  and compared with the transcribed rows; their number of slots is the number of
  slot-like strings (regex ``SLOT``) in the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time
from typing import Any

import pytest

from opsreform import Address, parse_addresses, parse_date, parse_period, parse_slots
from opsreform.exceptions import ParseError
from opsreform.periods import Period
from opsreform.text.periods import parse_periods
from opsreform.timeslots import TimeSlot
from tests.conftest import SEEDS

MICHALOWICE = "000_2a9593e75f0acba3.txt"
TARNOWSKIE = "001_f0977178894a7462.txt"
OCHOTA = "002_8f0ab4243586884a.txt"
SWILCZA = "003_9847ccc1bd6e4485.txt"
NIEDRZWICA = "004_629c68dd5162124c.txt"

YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
"""A year number: four digits 19xx or 20xx not inside a longer number."""
SLOT = re.compile(r"\d{1,2}[.:]\d{2}\s*[-–—]\s*\d{1,2}[.:]\d{2}")
"""A time slot such as 08.00 - 11.00."""
ROW = re.compile(
    r"^\|\s*(?P<n>\d+)\s*\|[^|]*\|\s*(?P<date>[^|]+?)\s*\|\s*(?P<slots>[^|]+?)\s*\|"
    r"\s*(?P<address>[^|]+?)\s*\|$", re.MULTILINE)
"""A numbered row of a session table: | Lp. | what | date | slots | address |."""


def _read(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _p(a: tuple[int, int, int], b: tuple[int, int, int] | None = None) -> Period:
    return Period(date(*a), date(*(b or a)))


# (document, reader, text as written, value, times it occurs)
FORMS: list[tuple[str, str, str, Any, int]] = [
    # Michałowice: the harmonogram's "okres realizacji" column (cells wrap over lines).
    (MICHALOWICE, "period", "lipiec – listopad 2018 roku", _p((2018, 7, 1), (2018, 11, 30)), 2),
    (MICHALOWICE, "period", "24 - 29 październik 2018 roku",
     _p((2018, 10, 24), (2018, 10, 29)), 1),
    (MICHALOWICE, "period", "23 październik 2018 roku", _p((2018, 10, 23)), 1),
    (MICHALOWICE, "period", "17-19 październik 2018 roku", _p((2018, 10, 17), (2018, 10, 19)),
     1),
    (MICHALOWICE, "period", "lipiec 2018 – grudzień 2019 rok",
     _p((2018, 7, 1), (2019, 12, 31)), 1),
    (MICHALOWICE, "period", "Październik – listopad 2018 roku",
     _p((2018, 10, 1), (2018, 11, 30)), 1),
    (MICHALOWICE, "period", "grudzień 2018 roku", _p((2018, 12, 1), (2018, 12, 31)), 1),
    (MICHALOWICE, "period", "listopad 2018 – grudzień 2019 \n\nroku",
     _p((2018, 11, 1), (2019, 12, 31)), 13),
    (MICHALOWICE, "period", "kwiecień 2019 – grudzień 2019 \n\nroku",
     _p((2019, 4, 1), (2019, 12, 31)), 1),
    # Tarnowskie Góry: dates of the schedules and the text, contract and project periods.
    (TARNOWSKIE, "date", "07.05.2018 r.", date(2018, 5, 7), 1),
    (TARNOWSKIE, "date", "16.01.2018 r.", date(2018, 1, 16), 1),
    (TARNOWSKIE, "date", "15.01.2018 r.", date(2018, 1, 15), 1),
    (TARNOWSKIE, "period", "W dniu 15.01.2018 r.", _p((2018, 1, 15)), 1),
    (TARNOWSKIE, "period", "od 15.01.2018r. do 31.12.2018r.",
     _p((2018, 1, 15), (2018, 12, 31)), 1),
    (TARNOWSKIE, "date", "5 sierpnia 2014 r.", date(2014, 8, 5), 1),
    (TARNOWSKIE, "date", "31.07.2017 r.", date(2017, 7, 31), 1),
    (TARNOWSKIE, "date", "30.11.2017 r.", date(2017, 11, 30), 1),
    (TARNOWSKIE, "period", "od stycznia 2018r. do lutego 2019r.",
     _p((2018, 1, 1), (2019, 2, 28)), 1),
    (TARNOWSKIE, "date", "01.09.2017 r.", date(2017, 9, 1), 1),
    (TARNOWSKIE, "date", "29.11.2017 r.", date(2017, 11, 29), 1),
    (TARNOWSKIE, "date", "28.02.2019r.", date(2019, 2, 28), 2),
    (TARNOWSKIE, "date", "12.05.2017 r.", date(2017, 5, 12), 1),
    (TARNOWSKIE, "period", "2014-2020", _p((2014, 1, 1), (2020, 12, 31)), 1),
    (TARNOWSKIE, "date", "20 marca 2017 r.", date(2017, 3, 20), 1),
    (TARNOWSKIE, "period", "01.04.2017r. – 30.11.2017r.", _p((2017, 4, 1), (2017, 11, 30)), 1),
    (TARNOWSKIE, "date", "01 marca 2017 r.", date(2017, 3, 1), 1),
    (TARNOWSKIE, "period", "na lata 2014 – 2020", _p((2014, 1, 1), (2020, 12, 31)), 1),
    (TARNOWSKIE, "date", "29.03.2017r.", date(2017, 3, 29), 1),
    (TARNOWSKIE, "period", "01.03.2017r. – 28.02.2019r.", _p((2017, 3, 1), (2019, 2, 28)), 1),
    (TARNOWSKIE, "date", "28 lutego 2019 roku", date(2019, 2, 28), 1),
    # Warszawa Ochota: the call, the agreement and the project period (June 2018 - 31.05.2019).
    (OCHOTA, "period", "W maju 2017 r.", _p((2017, 5, 1), (2017, 5, 31)), 1),
    (OCHOTA, "period", "w kwietniu 2018 r.", _p((2018, 4, 1), (2018, 4, 30)), 1),
    (OCHOTA, "period", "w czerwcu 2018 r.", _p((2018, 6, 1), (2018, 6, 30)), 1),
    (OCHOTA, "date", "31 maja 2019 r.", date(2019, 5, 31), 1),
    # Świlcza: the two study visits in one sentence; the programme period.
    (SWILCZA, "periods", "W dniach 2-3 sierpnia 2021 r. oraz 8-9 września 2021 r.",
     (_p((2021, 8, 2), (2021, 8, 3)), _p((2021, 9, 8), (2021, 9, 9))), 1),
    (SWILCZA, "period", "2014-2020", _p((2014, 1, 1), (2020, 12, 31)), 3),
    # Niedrzwica Duża: the agreement, the programme period, the date of the news item.
    (NIEDRZWICA, "date", "08 maja 2018 roku", date(2018, 5, 8), 1),
    (NIEDRZWICA, "period", "W dniu 08 maja 2018 roku", _p((2018, 5, 8)), 1),
    (NIEDRZWICA, "period", "2014-2020", _p((2014, 1, 1), (2020, 12, 31)), 1),
    (NIEDRZWICA, "date", "poniedziałek, 28 maja 2018", date(2018, 5, 28), 1),
]

NOT_DATES: dict[str, list[tuple[str, str]]] = {
    OCHOTA: [("2017 © Ośrodek", "the year of the web page's copyright notice")],
}

READERS: dict[str, Callable[[str], Any]] = {
    "date": parse_date, "period": parse_period, "periods": parse_periods, "slots": parse_slots,
}


@pytest.mark.parametrize(("name", "kind", "text", "value", "count"), FORMS,
                         ids=[f"{f[0][:3]}:{f[2][:30]}" for f in FORMS])
def test_seed_form_reads_right(name: str, kind: str, text: str, value: Any,
                               count: int) -> None:
    """The string occurs in its document as stated and reads to the right value."""
    assert _read(name).count(text) == count
    assert READERS[kind](text) == value


@pytest.mark.parametrize("name", [MICHALOWICE, TARNOWSKIE, OCHOTA, SWILCZA, NIEDRZWICA])
def test_every_year_in_the_documents_is_covered(name: str) -> None:
    """No date or period of the documents is left out of FORMS (every year is inside one)."""
    text = _read(name)
    covered: list[tuple[int, int]] = []
    known = [f[2] for f in FORMS if f[0] == name] + [t for t, _ in NOT_DATES.get(name, [])]
    known += [row["date"] for row in ROW.finditer(text)]
    for piece in known:
        covered += [(m.start(), m.end()) for m in re.finditer(re.escape(piece), text)]
    for year in YEAR.finditer(text):
        assert any(a <= year.start() and year.end() <= b for a, b in covered), (
            f"{name}: {text[max(0, year.start() - 40):year.end() + 10]!r} is not transcribed")


def test_dates_without_year_are_refused() -> None:
    """The summer-break rule names months without a year: not a period, an error."""
    text = _read(TARNOWSKIE)
    for phrase in ("czerwiec, lipiec, sierpień", "lipiec, sierpień", "Od września"):
        assert phrase in text
        with pytest.raises(ParseError):
            parse_periods(phrase)
    assert "W listopadzie zakończył" in text
    with pytest.raises(ParseError, match="no year"):
        parse_period("W listopadzie")


def test_ochota_project_period() -> None:
    """'rozpoczęto w czerwcu 2018 r., potrwa do 31 maja 2019 r.' is June 2018 - 31.05.2019."""
    text = _read(OCHOTA)
    assert "rozpoczęto w czerwcu 2018 r., potrwa do 31 maja 2019 r." in text
    start = parse_period("w czerwcu 2018 r.").start
    assert Period(start, parse_date("31 maja 2019 r.")) == parse_period(
        "czerwiec 2018 – 31 maja 2019")


def test_niedrzwica_project_length() -> None:
    """18 months from the agreement of 08.05.2018, then 24 months of durability."""
    signed = parse_date("08 maja 2018 roku")
    project = Period.starting(signed, months=18)
    assert project.end == date(2019, 11, 7)
    assert Period.starting(date(2019, 11, 8), months=24).end == date(2021, 11, 7)


# --- the session tables of Tarnowskie Góry -------------------------------------------------

S = Address("ul. Sienkiewicza 8", "42-600", "Tarnowskie Góry")
B = Address("ul. Bytomska 15", "42-600", "Tarnowskie Góry")
M3 = ((8, 0, 11, 0),)
TRAINING = ((9, 0, 15, 0),)

# (Lp., date, slots as (h, m, h, m), addresses), in the order of the document.
ROWS: list[tuple[int, date, tuple[tuple[int, int, int, int], ...], tuple[Address, ...]]] = [
    # supervision, schedule of 07.05.2018 (Lp. 5 is missing in the document)
    (1, date(2018, 5, 22), ((8, 0, 11, 0), (11, 0, 14, 0)), (S,)),
    (2, date(2018, 5, 23), ((11, 30, 14, 30),), (S,)),
    (3, date(2018, 5, 25), ((8, 30, 11, 30),), (B,)),
    (4, date(2018, 6, 12), M3, (S,)),
    (6, date(2018, 6, 12), M3, (B,)),
    (7, date(2018, 6, 28), ((8, 0, 11, 0), (11, 30, 14, 30)), (S,)),
    # trainings, schedule of 16.01.2018
    (1, date(2018, 1, 19), TRAINING, (S,)), (2, date(2018, 1, 25), TRAINING, (S,)),
    (3, date(2018, 2, 21), TRAINING, (S,)), (4, date(2018, 2, 23), TRAINING, (S,)),
    (5, date(2018, 2, 28), TRAINING, (S,)), (6, date(2018, 3, 14), TRAINING, (S,)),
    (7, date(2018, 4, 17), TRAINING, (S,)), (8, date(2018, 4, 17), TRAINING, (S,)),
    (9, date(2018, 4, 23), TRAINING, (S,)), (10, date(2018, 5, 10), TRAINING, (S,)),
    (11, date(2018, 5, 23), TRAINING, (B,)),
    # supervision, January-April 2018
    (1, date(2018, 1, 11), ((8, 0, 11, 0), (11, 30, 14, 30)), (S,)),
    (2, date(2018, 1, 12), ((11, 0, 14, 0),), (S,)),
    (3, date(2018, 1, 19), M3, (B,)),
    (4, date(2018, 2, 15), ((8, 0, 11, 0), (11, 30, 14, 30)), (S,)),
    (5, date(2018, 2, 20), ((11, 0, 14, 0),), (S,)),
    (6, date(2018, 2, 23), ((10, 30, 13, 30),), (B,)),
    (7, date(2018, 3, 20), ((8, 0, 14, 0),), (S,)),
    (8, date(2018, 3, 21), ((12, 0, 15, 0),), (S,)),
    (9, date(2018, 3, 23), ((10, 30, 13, 30),), (B,)),
    (10, date(2018, 4, 5), ((8, 0, 14, 0),), (S,)),
    (11, date(2018, 4, 20), ((8, 30, 11, 30), (12, 0, 15, 0)), (B, S)),
]


def test_session_tables_read_row_by_row() -> None:
    """Every row's date, slots and addresses read to the transcribed values."""
    rows = list(ROW.finditer(_read(TARNOWSKIE)))
    assert len(rows) == len(ROWS)
    for match, (n, day, slots, addresses) in zip(rows, ROWS, strict=True):
        assert int(match["n"]) == n
        assert parse_date(match["date"]) == day
        assert parse_slots(match["slots"]) == tuple(
            TimeSlot(time(a, b), time(c, d)) for a, b, c, d in slots)
        assert parse_addresses(match["address"]) == addresses


def test_every_slot_of_the_documents_is_read() -> None:
    """The tables hold every slot-like string of the documents, and nothing else does."""
    for name in (MICHALOWICE, OCHOTA, SWILCZA, NIEDRZWICA):
        assert not SLOT.findall(_read(name))
    assert len(SLOT.findall(_read(TARNOWSKIE))) == sum(len(r[2]) for r in ROWS) == 33


def test_hours_of_the_tables() -> None:
    """Supervision: 22 slots, 72 h = 96 of the 156 contracted lesson hours; trainings 11 x 6 h."""
    zero = TimeSlot(time(8), time(9)).duration * 0
    supervision = [TimeSlot(time(a, b), time(c, d))
                   for _, _, slots, _ in ROWS if slots != TRAINING for a, b, c, d in slots]
    total = sum((slot.duration for slot in supervision), zero)
    assert len(supervision) == 22
    assert total.to("hour").magnitude == 72
    assert total.to("lesson_hour").magnitude == 96
    trainings = sum((TimeSlot(time(9), time(15)).duration
                     for _, _, slots, _ in ROWS if slots == TRAINING), zero)
    assert trainings.to("hour").magnitude == 66
