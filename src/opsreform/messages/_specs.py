"""The value specs of the funding, organisation and activity messages, per language.

Each spec writes one kind of value the way a reader of the language writes it; the
Polish side is exactly what the rules printed before the catalogs (``format_amount``,
``format_share``, ``format_period``), so the Polish sentences do not change.

=============  ======================================  ===============================
spec           Polish                                  English
=============  ======================================  ===============================
``money``      ``1 234,56 zł``                         ``PLN 1,234.56``
``share``      ``84,28 %``                             ``84.28%``
``period``     ``listopad 2018 – grudzień 2019``       ``November 2018 – December 2019``
``dates``      ``01.03.2017 – 28.02.2019``             ``2017-03-01 – 2019-02-28``
``stated``     ``ponad 421 tys. zł`` (as written)      ``over PLN 421,000.00``
``funding``    ``dotacja celowa`` (a funding kind)     ``targeted subsidy``
``fundings``   ``wkład własny, inne źródło``           ``own contribution, other source``
``structure``  ``po zmianie`` (before / after)         ``after the change``
``unitkind``   ``zespół`` (a unit's kind)              ``team``
=============  ======================================  ===============================
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Literal

from babel.numbers import format_decimal, format_percent

from opsreform.money import amount_of, round_grosz
from opsreform.periods import Period
from opsreform.text.amounts import Relation, format_amount, format_share
from opsreform.text.periods import format_period

__all__ = ["SPECS"]

_Lang = Literal["pl", "en"]

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

FUNDING_WORDS: dict[str, tuple[str, str]] = {
    "eu": ("środki europejskie (EFS)", "EU funds (ESF)"),
    "targeted-subsidy": ("dotacja celowa", "targeted subsidy"),
    "own-contribution": ("wkład własny", "own contribution"),
    "other": ("inne źródło", "other source"),
}
"""A funding kind (its value) as each language names it."""

_STRUCTURE_WORDS = {
    "before": ("przed zmianą", "before the change"),
    "after": ("po zmianie", "after the change"),
}

_UNIT_KIND_WORDS = {
    "department": ("dział", "department"),
    "team": ("zespół", "team"),
    "post": ("stanowisko", "post"),
}

_RELATION_EN = {Relation.OVER: "over ", Relation.UNDER: "under ", Relation.ABOUT: "about ",
                Relation.EXACTLY: ""}


def _word(table: Mapping[str, tuple[str, str]], value: Any, lang: _Lang) -> str:
    key = str(getattr(value, "value", value))
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "pl" else pair[1]


def _money(value: Any, lang: _Lang) -> str:
    if lang == "pl":
        return format_amount(value)
    exact = amount_of(round_grosz(value))
    number = Decimal(exact.numerator) / Decimal(exact.denominator)
    return f"PLN {format_decimal(number, format='#,##0.00', locale='en')}"


def _share(value: Any, lang: _Lang) -> str:
    if lang == "pl":
        return format_share(value)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(format_percent(exact, format="#,##0.00%", locale="en"))


def _iso_range(period: Period) -> str:
    if period.start == period.end:
        return period.start.isoformat()
    return f"{period.start.isoformat()} – {period.end.isoformat()}"


def _period(value: Period, lang: _Lang) -> str:
    if lang == "pl":
        return format_period(value)
    start, end = value.start, value.end
    if not value.is_whole_months:
        return _iso_range(value)
    first, last = _MONTHS_EN[start.month - 1], _MONTHS_EN[end.month - 1]
    if (start.year, start.month) == (end.year, end.month):
        return f"{first} {start.year}"
    if start.year == end.year:
        return f"{first} – {last} {end.year}"
    return f"{first} {start.year} – {last} {end.year}"


def _dates(value: Period, lang: _Lang) -> str:
    return format_period(value, "numeric") if lang == "pl" else _iso_range(value)


def _stated(value: Any, lang: _Lang) -> str:
    # Polish: the value as the document wrote it; English: its relation and amount.
    if lang == "pl":
        return str(value)
    return f"{_RELATION_EN[value.relation]}{_money(value.value, lang)}"


def _fundings(value: Any, lang: _Lang) -> str:
    return ", ".join(_word(FUNDING_WORDS, kind, lang) for kind in value)


SPECS: dict[str, Callable[[Any, _Lang], str]] = {
    "money": _money,
    "share": _share,
    "period": _period,
    "dates": _dates,
    "stated": _stated,
    "funding": lambda value, lang: _word(FUNDING_WORDS, value, lang),
    "fundings": _fundings,
    "structure": lambda value, lang: _word(_STRUCTURE_WORDS, value, lang),
    "unitkind": lambda value, lang: _word(_UNIT_KIND_WORDS, value, lang),
}
"""Each spec's writer: ``SPECS[spec](value, lang)``."""
