"""Polish month and weekday names, from CLDR (through babel), in every case documents use.

CLDR gives the nominative (``styczeń``, stand-alone), the genitive (``stycznia``, the
form after a day number) and abbreviations. Documents also write the locative
(``w czerwcu`` — "in June"), which CLDR does not have; that one case is listed here.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from babel.dates import get_day_names, get_month_names

from opsreform.text._lexer import fold

__all__ = ["month_lookup", "month_name", "weekday_lookup"]

# The locative case ("w czerwcu"); not part of CLDR, so it has to be written down.
_LOCATIVE = (
    "styczniu", "lutym", "marcu", "kwietniu", "maju", "czerwcu",
    "lipcu", "sierpniu", "wrześniu", "październiku", "listopadzie", "grudniu",
)


def month_name(month: int, case: Literal["nominative", "genitive"] = "nominative") -> str:
    """Return the Polish name of a month (1-12) in ``nominative`` or ``genitive`` case.

    >>> month_name(10), month_name(10, "genitive")
    ('październik', 'października')
    """
    return _month_names(case)[month]


@cache
def _month_names(case: str) -> dict[int, str]:
    # CLDR is read once per case: babel parses the locale on every call.
    context: Literal["stand-alone", "format"] = "stand-alone" if case == "nominative" else "format"
    return {n: str(name) for n, name in get_month_names("wide", context, locale="pl").items()}


@cache
def month_lookup() -> dict[str, int]:
    """Return every accepted spelling of a month (folded: lower case, no diacritics)."""
    names: dict[str, int] = {}
    contexts: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")
    for context in contexts:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, context, locale="pl").items():
                names[fold(str(name)).rstrip(".")] = number
    for number, name in enumerate(_LOCATIVE, start=1):
        names[fold(name)] = number
    return names


@cache
def weekday_lookup() -> dict[str, int]:
    """Return folded Polish weekday names mapped to ``date.weekday()`` numbers (Monday 0)."""
    return {
        fold(str(name)): number
        for number, name in get_day_names("wide", "format", locale="pl").items()
    }
