"""What findings say, in Polish and in English.

A rule does not write a sentence: it names a message by key and gives its facts as
values (dates, session kinds, numbers, names)::

    self.finding(subject, Message("weekend.day", label=..., day=...), day=...)

The sentences live in one place per language — :mod:`opsreform.messages.pl` and
:mod:`opsreform.messages.en`, one template per key — and a finding is said in the
reader's language when it is shown (:meth:`opsreform.Finding.text`). A finding's
``message`` stays the Polish sentence, so JSON and every older caller read what they did.

Templates are :meth:`str.format` strings whose fields may carry a spec saying how the
value is written in the language:

=============  =====================================  ==========================
spec           Polish                                 English
=============  =====================================  ==========================
``date``       ``19.01.2018``                         ``2018-01-19``
``weekday``    ``sobota``                             ``Saturday``
``kind``       ``szkolenie`` (one session's kind)     ``training``
``kinds``      ``szkolenia`` (a kind in the plural)   ``trainings``
``num``        ``2,5`` (a number, a Fraction)         ``2.5``
``unit``       ``godz. lekcyjnych``                   ``lesson hours``
``list``       ``a, b, c`` (a sequence)               ``a, b, c``
``role``       ``praca socjalna`` (a model role)      ``social work``
``months``     ``lipiec, sierpień`` (month numbers)   ``July, August``
``period``     ``marzec 2017 – luty 2019`` (a Period)  ``March 2017 – February 2019``
``days``       ``01.03.2017 – 28.02.2019`` (a Period)  ``2017-03-01 – 2019-02-28``
=============  =====================================  ==========================

Amounts (``money``: ``1 234,56 zł`` / ``PLN 1,234.56``), shares, periods and the words of
funding and organisation have their specs in :mod:`opsreform.messages._specs`.

A fact that is itself a :class:`Message` is said in the same language.

>>> from datetime import date
>>> m = Message("weekend.day", label="Superwizja", first=date(2018, 1, 20),
...             day=date(2018, 1, 20))
>>> m.text("en")
'Superwizja (2018-01-20) falls on a day the centre does not work (Saturday)'
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Literal

import attrs

from opsreform.messages import en, pl
from opsreform.messages._specs import SPECS
from opsreform.text.months import month_name

__all__ = ["KIND_SINGULAR", "KIND_WORDS", "ROLE_WORDS", "Lang", "Message", "say"]

Lang = Literal["pl", "en"]

CATALOGS: dict[str, Mapping[str, str]] = {"pl": pl.MESSAGES, "en": en.MESSAGES}
"""Every message template, by language and key."""

# A session kind in the plural, as a legend or a break names it.
KIND_WORDS: dict[str, tuple[str, str]] = {
    "training": ("szkolenia", "trainings"),
    "workshop": ("warsztaty", "workshops"),
    "supervision": ("superwizja", "supervision"),
    "study-visit": ("wizyty studyjne", "study visits"),
    "expert-advice": ("doradztwo eksperckie", "expert advice"),
    "other": ("inne", "other"),
}

# A session kind in the singular, as one session of it is described ("szkolenie").
KIND_SINGULAR: dict[str, tuple[str, str]] = {
    "training": ("szkolenie", "training"),
    "workshop": ("warsztaty", "workshop"),
    "supervision": ("superwizja", "supervision"),
    "study-visit": ("wizyta studyjna", "study visit"),
    "expert-advice": ("doradztwo eksperckie", "expert advice"),
    "other": ("inne zajęcia", "other session"),
}

# Every role of a unit (the four of the model first), as the field names it; the Polish
# words are the model's own (opsreform.model.organisation.ROLE_NAMES_PL, tested equal).
ROLE_WORDS: dict[str, tuple[str, str]] = {
    "first-contact": ("pierwszy kontakt", "first contact"),
    "social-work": ("praca socjalna", "social work"),
    "services": ("usługi", "services"),
    "benefits-by-decision": ("świadczenia przyznawane decyzją", "benefits granted by decision"),
    "family-assistance": ("asystenci rodziny", "family assistants"),
    "domestic-violence": ("przeciwdziałanie przemocy w rodzinie",
                          "counteracting domestic violence"),
    "analyses-and-programmes": ("analizy i programy", "analyses and programmes"),
    "benefit-payment": ("realizacja świadczeń", "payment of benefits"),
    "administration": ("administracja", "administration"),
    "management": ("kierownictwo", "management"),
    "other": ("inne", "other"),
}

_UNITS: dict[str, tuple[str, str]] = {
    "lesson_hour": ("godz. lekcyjnych", "lesson hours"),
    "hour": ("godz. zegarowych", "clock hours"),
    "minute": ("min", "min"),
}

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

_WEEKDAYS = {
    "pl": ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def _word(table: Mapping[str, tuple[str, str]], value: Any, lang: Lang) -> str:
    key = getattr(value, "value", value)
    pair = table.get(str(key))
    if pair is None:
        return str(key)
    return pair[0] if lang == "pl" else pair[1]


def _month(month: int, lang: Lang) -> str:
    if lang == "pl":
        return month_name(month)
    return _MONTHS_EN[month - 1]


def _number(value: Any, lang: Lang) -> str:
    if isinstance(value, Fraction) and value.denominator != 1:
        text = f"{float(value):.2f}"
    elif isinstance(value, Fraction):
        text = str(value.numerator)
    elif isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    else:
        text = str(value)
    return text.replace(".", ",") if lang == "pl" else text


def _write(value: Any, spec: str, lang: Lang) -> str:
    """One fact written in ``lang`` as ``spec`` asks (see the module docstring)."""
    if isinstance(value, Message):
        return value.text(lang)
    if spec == "date":
        return str(value.strftime("%d.%m.%Y") if lang == "pl" else value.isoformat())
    if spec == "weekday":
        return _WEEKDAYS[lang][value.weekday()]
    if spec == "kind":
        return _word(KIND_SINGULAR, value, lang)
    if spec == "kinds":
        return _word(KIND_WORDS, value, lang)
    if spec == "role":
        return _word(ROLE_WORDS, value, lang)
    if spec == "unit":
        return _word(_UNITS, value, lang)
    if spec == "num":
        return _number(value, lang)
    if spec == "months":
        return ", ".join(_month(m, lang) for m in value)
    if spec == "list":
        return ", ".join(str(item) for item in value)
    if spec == "days":  # a period as dates (the name the amendment messages use)
        spec = "dates"
    if spec in SPECS:  # money, shares, periods… (see messages._specs)
        return SPECS[spec](value, lang)
    return format(value, spec)


_Piece = tuple[str, str | None, str]


def _compile(key: str, template: str) -> tuple[_Piece, ...]:
    """A template as (text, fact, spec) pieces: parsed once, said many times."""
    pieces = []
    for text, name, spec, conversion in string.Formatter().parse(template):
        if name is not None and (not name.isidentifier() or conversion):
            msg = f"message {key!r}: a field is a plain fact name, got {{{name}}}"
            raise ValueError(msg)
        pieces.append((text, name, spec or ""))
    return tuple(pieces)


# The catalogs are constant: each template is parsed once, when the module loads.
_COMPILED = {lang: {key: _compile(key, template) for key, template in catalog.items()}
             for lang, catalog in CATALOGS.items()}


def say(key: str, lang: Lang = "pl", /, **facts: Any) -> str:
    """Return the message ``key`` in ``lang`` with ``facts`` written in.

    >>> say("numbering.repeat", "pl", number=3, count=2)
    'numer 3 występuje 2 razy'
    >>> say("numbering.repeat", "en", number=3, count=2)
    'number 3 occurs 2 times'
    """
    out = []
    for text, name, spec in _COMPILED[lang][key]:
        out.append(text)
        if name is not None:
            out.append(_write(facts[name], spec, lang))
    return "".join(out)


_KEYS = frozenset(CATALOGS["pl"]) & frozenset(CATALOGS["en"])
"""The keys both catalogs say (tests/test_messages.py: all of them)."""


def _freeze(value: Any) -> Any:
    # Lists become tuples so that a message (and its finding) hashes and pickles.
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


@attrs.frozen(init=False)
class Message:
    """A message by key with its facts: said in any language by :meth:`text`.

    Attributes:
        key: The message's key in the catalogs (``weekend.day``): the rule's id, a dot,
            and the case.
        facts: The values the sentence names, as sorted ``(name, value)`` pairs.

    """

    key: str
    facts: tuple[tuple[str, Any], ...]

    def __init__(self, key: str, /, **facts: Any) -> None:
        """Name the message ``key`` with its ``facts`` (checked against both catalogs)."""
        if key not in _KEYS:
            for lang, catalog in CATALOGS.items():
                if key not in catalog:
                    msg = f"no {lang} message {key!r} in opsreform.messages.{lang}"
                    raise KeyError(msg)
        # (A finding is made per offending row, so this stays lean: lists are rare.)
        if any(isinstance(v, list | tuple) for v in facts.values()):
            facts = {name: _freeze(v) for name, v in facts.items()}
        self.__attrs_init__(key, tuple(sorted(facts.items())))

    def text(self, lang: Lang = "pl") -> str:
        """The sentence in ``lang``."""
        return say(self.key, lang, **dict(self.facts))

