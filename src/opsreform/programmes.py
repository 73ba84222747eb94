"""The funding programmes as data: names, number prefixes, eligibility windows.

One entry per programme, declared once: PO WER 2014-2020 (the programme of the source
documents), its successor FERS 2021-2027, and the sixteen regional programmes of each
period (RPO 2014-2020, ``RPxx``; the "Fundusze Europejskie dla …" programmes 2021-2027,
``FExx``). A project's programme is found from what its file states: the programme as
written (``programme = "PO WER 2014-2020"``) or the prefix of its call or agreement number.

>>> programme_named("PO WER 2014-2020").code
'POWR'
>>> programme_by_code("FERS").eligibility
Period(2021-01-01, 2029-12-31)
>>> programme_named("Program z Marsa") is None
True
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from opsreform.periods import Period

__all__ = ["PROGRAMMES", "FundingProgramme", "programme_by_code", "programme_named"]

ELIGIBILITY_2014 = Period(date(2014, 1, 1), date(2023, 12, 31))
"""When expenditure of a 2014-2020 programme is eligible (Regulation 1303/2013 art. 65(2))."""
ELIGIBILITY_2021 = Period(date(2021, 1, 1), date(2029, 12, 31))
"""When expenditure of a 2021-2027 programme is eligible (Regulation 2021/1060 art. 63(2))."""

CALL_2014 = "{code}.AA.BB.CC-IP.NN-NN-NNN/YY"
AGREEMENT_2014 = "{code}.AA.BB.CC-NN-NNNN/YY-NN"
CALL_2021 = "{code}.AA.BB-IP.NN-NNN/YY"
AGREEMENT_2021 = "{code}.AA.BB-IP.NN-NNNN/YY-NN"


@attrs.frozen
class FundingProgramme:
    """A programme of the EU funds that co-finances projects (program operacyjny).

    Attributes:
        code: The prefix of its call and agreement numbers (``POWR``).
        name: Its usual short name (``PO WER 2014-2020``).
        full_name: Its name in full, in Polish.
        first_year: The first year of its financial period (2014 or 2021).
        aliases: Other names it is written by (compared without case, spaces or dashes).

    """

    code: str
    name: str
    full_name: str
    first_year: int
    aliases: tuple[str, ...] = ()

    @property
    def eligibility(self) -> Period:
        """When its expenditure is eligible (the period's n+3 rule)."""
        return ELIGIBILITY_2014 if self.first_year == 2014 else ELIGIBILITY_2021

    @property
    def call_format(self) -> str:
        """The form of its call numbers (``POWR.AA.BB.CC-IP.NN-NN-NNN/YY``)."""
        return (CALL_2014 if self.first_year == 2014 else CALL_2021).format(code=self.code)

    @property
    def agreement_format(self) -> str:
        """The form of its agreement numbers (``POWR.AA.BB.CC-NN-NNNN/YY-NN``)."""
        form = AGREEMENT_2014 if self.first_year == 2014 else AGREEMENT_2021
        return form.format(code=self.code)


# The sixteen voivodeships: (2014-2020 code, 2021-2027 code, "Województwa …" genitive,
# the 2021-2027 programme's "dla …" name).
_REGIONS = (
    ("RPDS", "FEDS", "Dolnośląskiego", "Dolnego Śląska"),
    ("RPKP", "FEKP", "Kujawsko-Pomorskiego", "Kujaw i Pomorza"),
    ("RPLU", "FELU", "Lubelskiego", "Lubelskiego"),
    ("RPLB", "FELB", "Lubuskiego", "Lubuskiego"),
    ("RPLD", "FELD", "Łódzkiego", "Łódzkiego"),
    ("RPMP", "FEMP", "Małopolskiego", "Małopolski"),
    ("RPMA", "FEMA", "Mazowieckiego", "Mazowsza"),
    ("RPOP", "FEOP", "Opolskiego", "Opolskiego"),
    ("RPPK", "FEPK", "Podkarpackiego", "Podkarpacia"),
    ("RPPD", "FEPD", "Podlaskiego", "Podlaskiego"),
    ("RPPM", "FEPM", "Pomorskiego", "Pomorza"),
    ("RPSL", "FESL", "Śląskiego", "Śląskiego"),
    ("RPSW", "FESW", "Świętokrzyskiego", "Świętokrzyskiego"),
    ("RPWM", "FEWM", "Warmińsko-Mazurskiego", "Warmii i Mazur"),
    ("RPWP", "FEWP", "Wielkopolskiego", "Wielkopolski"),
    ("RPZP", "FEPZ", "Zachodniopomorskiego", "Pomorza Zachodniego"),
)

PROGRAMMES: tuple[FundingProgramme, ...] = (
    FundingProgramme("POWR", "PO WER 2014-2020",
                     "Program Operacyjny Wiedza Edukacja Rozwój 2014-2020", 2014,
                     ("PO WER", "POWER", "PO WER 2014-2020", "POWR 2014-2020",
                      "Program Operacyjny Wiedza Edukacja Rozwój")),
    FundingProgramme("FERS", "FERS 2021-2027",
                     "Fundusze Europejskie dla Rozwoju Społecznego 2021-2027", 2021,
                     ("FERS", "Fundusze Europejskie dla Rozwoju Społecznego")),
    *(FundingProgramme(old, f"RPO {old} 2014-2020",
                       f"Regionalny Program Operacyjny Województwa {region} na lata "
                       "2014-2020", 2014,
                       (f"Regionalny Program Operacyjny Województwa {region}",))
      for old, _new, region, _for in _REGIONS),
    *(FundingProgramme(new, f"{new} 2021-2027", f"Fundusze Europejskie dla {name} "
                       "2021-2027", 2021, (f"Fundusze Europejskie dla {name}",))
      for _old, new, _region, name in _REGIONS),
)
"""Every programme opsreform knows, PO WER 2014-2020 first."""


def _key(text: str) -> str:
    # Compared without case, spaces, dashes and the years written after the name.
    return re.sub(r"[\s\-–—.,]+", "", text).casefold()


def _names() -> dict[str, FundingProgramme]:
    names: dict[str, FundingProgramme] = {}
    for programme in PROGRAMMES:
        for name in (programme.code, programme.name, programme.full_name,
                     *programme.aliases):
            names[_key(name)] = programme
            names[_key(re.sub(r"(na lata )?20[0-9]{2}\s*[-–]\s*20[0-9]{2}$", "", name))] = (
                programme)
    return names


_BY_NAME = _names()
_BY_CODE = {p.code: p for p in PROGRAMMES}


def programme_by_code(code: str) -> FundingProgramme | None:
    """Return the programme whose numbers start with ``code`` (``POWR``), or None."""
    return _BY_CODE.get(code)


def programme_named(text: str) -> FundingProgramme | None:
    """Return the programme ``text`` names, or None when it names none opsreform knows.

    The name is compared without case, spaces and dashes, with or without its years
    (``"PO WER 2014-2020"``, ``"POWER"``, ``"Program Operacyjny Wiedza Edukacja Rozwój"``,
    ``"FERS"``, ``"RPSL"``).
    """
    found = _BY_NAME.get(_key(text))
    if found is None:
        found = _BY_NAME.get(_key(re.sub(r"(na lata )?20[0-9]{2}\s*[-–]\s*20[0-9]{2}\s*$",
                                         "", text.strip())))
    return found
