"""Any text given to a reader gives a value or a ParseError, never another exception."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsreform.exceptions import ParseError
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
