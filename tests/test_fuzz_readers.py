"""Any text given to a reader gives a value or a ParseError, never another exception.

The session-table reader likewise gives sessions or a ProjectFileError with a line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsreform.exceptions import ParseError, ProjectFileError
from opsreform.files.tables import VenueBook, read_session_table
from opsreform.model.sessions import SessionKind
from opsreform.text.addresses import parse_addresses
from opsreform.text.amounts import parse_amount, parse_amount_bound, parse_share
from opsreform.text.calls import parse_call_number
from opsreform.text.dates import parse_date
from opsreform.text.periods import parse_period, parse_periods
from opsreform.text.slots import parse_slots

# Text made of the pieces the readers look for, so that the fuzzing reaches deep paths.
PIECES = ["22", "05", "2018", ".", " ", "-", "–", ":", "r.", "roku", "od", "do", "w", "maja",
          "październik", "lipiec", "poniedziałek", ",", "8.00", "14.30", "zł", "tys.", "ponad",
          "356 397,50", "%", "ul.", "Długa", "42-600", "oraz", "POWR", "IP", "/", "0", "31",
          "\u00a0", "\n", "x"]
texts = st.one_of(st.text(max_size=40),
                  st.lists(st.sampled_from(PIECES), max_size=12).map("".join))

READERS: list[Callable[[str], Any]] = [
    parse_date, parse_period, parse_periods, parse_slots, parse_amount, parse_amount_bound,
    parse_share, parse_call_number, parse_addresses]


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_readers_fail_only_with_parse_errors(reader: Callable[[str], Any], text: str) -> None:
    """A reader returns a value or raises ParseError with the text it was given."""
    error: ParseError | None = None
    try:
        reader(text)
    except ParseError as caught:
        error = caught
    if error is not None:
        assert error.text == text
        assert error.position is None or 0 <= error.position <= len(text)


# Any text at all: every Unicode category, other scripts' digits, long cells.
OTHER_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९০১২৩৪৫৬৭৮৯０１２３４５６７８９𝟎𝟏𝟐"
any_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from([*PIECES, *OTHER_DIGITS, "\x00", "\ufeff", "\u200b", "İ", "ẞ"]),
             max_size=40).map("".join),
    st.builds(lambda piece, n: piece * n, st.sampled_from(PIECES), st.integers(100, 3000)),
)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
@settings(max_examples=200, deadline=None)
@given(text=any_text)
def test_readers_on_any_text(reader: Callable[[str], Any], text: str) -> None:
    """On any text, however long or strange, a reader gives a value or a short ParseError."""
    error: ParseError | None = None
    try:
        reader(text)
    except ParseError as caught:
        error = caught
    if error is not None:
        assert error.text == text
        assert len(str(error)) < 500


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
@settings(max_examples=100, deadline=None)
@given(ascii_form=st.sampled_from(
           ["22.05.2018", "2018-05-22", "08.00 - 11.00", "lipiec 2018", "356 397,50 zł",
            "84,28 %", "POWR.02.05.00-IP.03-00-012/17", "ul. Długa 5 42-600 Tarnowskie Góry",
            "2-3 sierpnia 2021 r."]),
       digits=st.sampled_from(["٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "０１２３４５６７８９"]),
       data=st.data())
def test_digits_of_other_scripts_are_never_read(reader: Callable[[str], Any], ascii_form: str,
                                                digits: str, data: st.DataObject) -> None:
    """A form with one of its digits written in another script is refused, never misread."""
    positions = [i for i, c in enumerate(ascii_form) if c.isdigit()]
    i = data.draw(st.sampled_from(positions))
    text = ascii_form[:i] + digits[int(ascii_form[i])] + ascii_form[i + 1:]
    with pytest.raises(ParseError):
        reader(text)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(["|", " | ", "1", "SUPERWIZJA", "22.05.2018", "08.00 - 11.00",
                              "ul. Długa 5", "\n", ";", ",", '"', "Lp.", "Data", "٢", "-"]),
             max_size=60).map("".join)),
       fmt=st.sampled_from(["md", "csv"]))
def test_session_tables_on_any_text(text: str, fmt: str) -> None:
    """A session table of any text gives sessions or one ProjectFileError with a line."""
    error: ProjectFileError | None = None
    try:
        read_session_table(text, table="t", venues=VenueBook(), kind=SessionKind.TRAINING,
                           fmt="csv" if fmt == "csv" else "md", path="t.md")
    except ProjectFileError as caught:
        error = caught
    if error is not None:
        assert error.path == "t.md" and error.line is not None
