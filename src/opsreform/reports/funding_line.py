"""The funding line of a printed page: what co-finances the project, from stated facts only.

A schedule hung on a centre's wall names its funding ("Projekt współfinansowany ze
środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego…"). Every part of
the line comes from a fact the project file states, and a part whose fact is missing is
left out, never guessed:

- the European Social Fund sentence only when an EU source (``FundingKind.EU``, the ESF
  share) is stated — "współfinansowany" when another source is stated beside it,
  "dofinansowany" when the EU source is the only one stated;
- the programme, priority axis, action and its name, each as written;
- the project's value: its total (eligible costs, which in Action 2.5 the co-financing
  covers), or the stated form ("ponad 421 tys. zł") when only that is known, and the EU
  amount when stated.

>>> import opsreform
>>> for line in funding_lines(opsreform.load_project("examples/tarnowskie-gory.toml")):
...     print(line)
Projekt „Nowy Model - Lepsza Jakość” współfinansowany ze środków Unii Europejskiej
w ramach Europejskiego Funduszu Społecznego
PO WER 2014-2020, oś priorytetowa II, Działanie 2.5 „Skuteczna pomoc społeczna”
Wartość projektu: 356 397,50 zł, w tym ze środków Unii Europejskiej: 300 371,81 zł
>>> funding_lines(opsreform.load_project("examples/michalowice.toml"), lang="en")[0][-59:]
'funded by the European Union under the European Social Fund'
"""

from __future__ import annotations

from opsreform.model.funding import FundingKind
from opsreform.model.project import Project
from opsreform.reports._lang import Lang
from opsreform.text.amounts import format_amount

__all__ = ["funding_lines"]

# (Polish, English) wordings; {title} is the project's title.
_FUND = {
    "co": ("Projekt „{title}” współfinansowany ze środków Unii Europejskiej w ramach "
           "Europejskiego Funduszu Społecznego",
           "Project “{title}” co-financed by the European Union under the European Social "
           "Fund"),
    "sole": ("Projekt „{title}” dofinansowany ze środków Unii Europejskiej w ramach "
             "Europejskiego Funduszu Społecznego",
             "Project “{title}” funded by the European Union under the European Social Fund"),
    "axis": ("oś priorytetowa {}", "priority axis {}"),
    "action": ("Działanie {}", "Action {}"),
    "named": ("„{}”", "“{}”"),
    "value": ("Wartość projektu: {}", "Project value: {}"),
    "of_which": ("w tym ze środków Unii Europejskiej: {}", "of which from the European Union: {}"),
    "eu_only": ("Dofinansowanie ze środków Unii Europejskiej: {}",
                "Funding from the European Union: {}"),
}


def _say(key: str, lang: Lang) -> str:
    pl, en = _FUND[key]
    return pl if lang == "pl" else en


def funding_lines(project: Project, *, lang: Lang = "pl") -> list[str]:
    """Return the funding line of ``project`` as its sentences (none when nothing is stated).

    Args:
        project: The project.
        lang: ``pl`` or ``en``; amounts are written the Polish way in both.

    Returns:
        Up to three lines: the ESF sentence, the programme and action, the amounts.

    """
    funding = project.funding
    if funding is None:
        return []
    lines = []
    eu = [s for s in funding.sources if s.kind is FundingKind.EU]
    if eu:
        others = any(s.kind is not FundingKind.EU for s in funding.sources)
        lines.append(_say("co" if others else "sole", lang).format(title=project.title))
    action = None
    if funding.action:
        action = _say("action", lang).format(funding.action)
        if funding.action_name:
            action += " " + _say("named", lang).format(funding.action_name)
    programme = [part for part in (
        funding.programme, funding.axis and _say("axis", lang).format(funding.axis),
        action) if part]
    if programme:
        lines.append(", ".join(programme))
    eu_amounts = [s.amount for s in eu if s.amount is not None]
    eu_amount = format_amount(sum(eu_amounts[1:], eu_amounts[0])) if eu_amounts else None
    value = (format_amount(funding.total) if funding.total is not None else
             str(funding.total_stated) if funding.total_stated is not None else None)
    if value is not None:
        line = _say("value", lang).format(value)
        if eu_amount is not None:
            line += ", " + _say("of_which", lang).format(eu_amount)
        lines.append(line)
    elif eu_amount is not None:
        lines.append(_say("eu_only", lang).format(eu_amount))
    return lines
