"""The organisation chart of a structure, as text a person can read.

>>> from opsreform.model.organisation import Structure, Unit
>>> s = Structure([Unit("d", "Dział Usług", "department", children=[
...     Unit("z", "Zespół ds. Usług", "team")])])
>>> print(render_orgchart_text(s))
Dział Usług  [dział · usługi]
└── Zespół ds. Usług  [zespół · usługi]
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import Literal

from opsreform.model.organisation import Organisation, Structure, Unit, UnitKind, UnitRole

__all__ = ["render_organisation_text", "render_orgchart_text"]

_KIND = {
    "pl": {UnitKind.DEPARTMENT: "dział", UnitKind.TEAM: "zespół", UnitKind.POST: "stanowisko"},
    "en": {UnitKind.DEPARTMENT: "department", UnitKind.TEAM: "team", UnitKind.POST: "post"},
}
_ROLE_PL = {
    UnitRole.FIRST_CONTACT: "pierwszy kontakt", UnitRole.SOCIAL_WORK: "praca socjalna",
    UnitRole.SERVICES: "usługi", UnitRole.BENEFITS_BY_DECISION: "świadczenia decyzją",
    UnitRole.FAMILY_ASSISTANCE: "asystenci rodziny",
    UnitRole.DOMESTIC_VIOLENCE: "przeciwdziałanie przemocy",
    UnitRole.ANALYSES_AND_PROGRAMMES: "analizy i programy",
    UnitRole.BENEFIT_PAYMENT: "realizacja świadczeń", UnitRole.ADMINISTRATION: "administracja",
    UnitRole.MANAGEMENT: "kierownictwo", UnitRole.OTHER: "inne",
}


def _label(unit: Unit, lang: str, fte: dict[str, Fraction]) -> str:
    parts = [_KIND[lang][unit.kind]]
    if unit.role is not None:
        parts.append(_ROLE_PL[unit.role] if lang == "pl" else unit.role.value)
    if unit.id in fte:
        value = fte[unit.id]
        shown = str(value.numerator) if value.denominator == 1 else f"{float(value):.2f}"
        parts.append(f"{shown} {'etatu' if lang == 'pl' else 'FTE'}")
    label = f"{' '.join(unit.name.split())}  [{' · '.join(parts)}]"
    if unit.addresses:
        label += "  — " + "; ".join(str(a) for a in unit.addresses)
    return label


def render_orgchart_text(structure: Structure, *, lang: Literal["pl", "en"] = "pl",
                         fte: dict[str, Fraction] | None = None) -> str:
    """Draw a structure as a tree with box-drawing characters.

    Args:
        structure: The structure.
        lang: ``pl`` (default) or ``en`` labels.
        fte: FTE per unit id, shown where given.

    """
    lines: list[str] = []
    shown = fte or {}

    def draw(unit: Unit, prefix: str, last: bool, top: bool) -> None:
        branch = "" if top else ("└── " if last else "├── ")
        lines.append(f"{prefix}{branch}{_label(unit, lang, shown)}")
        inner = prefix if top else prefix + ("    " if last else "│   ")
        for i, child in enumerate(unit.children):
            draw(child, inner, i == len(unit.children) - 1, False)

    for unit in structure.units:
        draw(unit, "", True, True)
    return "\n".join(lines)


def render_organisation_text(organisation: Organisation, *,
                             lang: Literal["pl", "en"] = "pl") -> str:
    """Draw the structure before and after the change, one after the other, with staff FTE."""
    fte: dict[tuple[bool, str], Fraction] = defaultdict(Fraction)
    for a in organisation.assignments or ():
        fte[a.before, a.unit] += Fraction(a.fte.to("FTE").magnitude)
    titles = {"pl": ("Struktura przed zmianą", "Struktura po zmianie"),
              "en": ("Structure before the change", "Structure after the change")}[lang]
    blocks = []
    for title, structure, before in ((titles[0], organisation.before, True),
                                     (titles[1], organisation.after, False)):
        if structure is None:
            continue
        note = ""
        if structure.complete is False:
            note = " (niepełna)" if lang == "pl" else " (partial)"
        chart = render_orgchart_text(
            structure, lang=lang, fte={u: v for (b, u), v in fte.items() if b == before})
        blocks.append(f"{title}{note}\n{chart}")
    if not blocks:
        return "Brak opisu struktury." if lang == "pl" else "No structure is described."
    return "\n\n".join(blocks)
