"""Shared assertions and independent reference data for the foundation tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from dateutil.easter import easter

from opsreform.exceptions import ParseError


def assert_parse_error(reader: Callable[[str], Any], text: str, position: int | None,
                       *, match: str | None = None) -> ParseError:
    """Assert that ``reader(text)`` raises ParseError at ``position`` (and return it)."""
    with pytest.raises(ParseError) as info:
        reader(text)
    error = info.value
    assert error.text == text
    assert error.position == position, (error.position, str(error))
    if match is not None:
        assert match in str(error), str(error)
    assert str(error)  # a message that says something
    if position is not None:
        assert 0 <= position <= len(text)
    return error


def assert_reads_or_refuses(reader: Callable[[str], Any], text: str) -> None:
    """Assert that ``reader(text)`` returns, or raises a ParseError about ``text``."""
    error: ParseError | None = None
    try:
        reader(text)
    except ParseError as caught:
        error = caught
    if error is not None:
        assert error.text == text
        assert error.position is None or 0 <= error.position <= len(text)
        assert error.expected


def polish_holidays(year: int) -> dict[date, str]:
    """Public holidays by the ustawa o dniach wolnych od pracy, written from the law.

    The 13 fixed-date and Easter-based days of art. 1 (Easter with dateutil), 24 December
    from 2025 (the 2024 amendment), and 12 November 2018 (the one-off centenary holiday).
    """
    e = easter(year)
    days = {
        date(year, 1, 1): "Nowy Rok",
        date(year, 1, 6): "Trzech Króli",
        e: "Wielkanoc",
        e + timedelta(days=1): "Poniedziałek Wielkanocny",
        date(year, 5, 1): "Święto Pracy",
        date(year, 5, 3): "Święto Konstytucji 3 Maja",
        e + timedelta(days=49): "Zielone Świątki",
        e + timedelta(days=60): "Boże Ciało",
        date(year, 8, 15): "Wniebowzięcie",
        date(year, 11, 1): "Wszystkich Świętych",
        date(year, 11, 11): "Święto Niepodległości",
        date(year, 12, 25): "Boże Narodzenie",
        date(year, 12, 26): "drugi dzień Bożego Narodzenia",
    }
    if year >= 2025:
        days[date(year, 12, 24)] = "Wigilia"
    if year == 2018:
        days[date(2018, 11, 12)] = "100-lecie odzyskania niepodległości"
    return days
