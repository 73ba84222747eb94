"""The organisation chart of a structure, as text a person can read (and as SVG).

>>> from opsreform.model.organisation import Structure, Unit
>>> s = Structure([Unit("d", "Dział Usług", "department", children=[
...     Unit("z", "Zespół ds. Usług", "team", staff=3)])])
>>> print(render_orgchart_text(s))
Dział Usług  [dział · usługi]
└── Zespół ds. Usług  [zespół · usługi · 3 os.]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from fractions import Fraction
from itertools import zip_longest
from typing import Literal

from opsreform.model.organisation import (
    ROLE_NAMES_PL,
    Organisation,
    Reorganisation,
    Structure,
    Unit,
    UnitKind,
    fte_fraction,
)
from opsreform.reports._escape import one_line, xml_text
from opsreform.text.dates import format_date

__all__ = ["render_organisation_text", "render_orgchart_svg", "render_orgchart_text",
           "unit_fte"]

Lang = Literal["pl", "en"]

_KIND = {
    "pl": {UnitKind.DEPARTMENT: "dział", UnitKind.TEAM: "zespół", UnitKind.POST: "stanowisko"},
    "en": {UnitKind.DEPARTMENT: "department", UnitKind.TEAM: "team", UnitKind.POST: "post"},
}
_WORDS = {
    "pl": {"fte": "etatu", "people": "os.", "before": "Struktura przed zmianą",
           "after": "Struktura po zmianie", "partial": " (niepełna: dokument wymienia część)",
           "none": "Brak opisu struktury.", "change": "Zmiana", "from": "od",
           "empty": "(brak jednostek)"},
    "en": {"fte": "FTE", "people": "people", "before": "Structure before the change",
           "after": "Structure after the change", "partial": " (partial: the document lists "
           "only some units)", "none": "No structure is described.", "change": "Change",
           "from": "from", "empty": "(no units)"},
}


def _number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.2f}".rstrip("0").replace(".", ",")


def _label(unit: Unit, lang: Lang, fte: Mapping[str, Fraction]) -> str:
    words = _WORDS[lang]
    parts = [_KIND[lang][unit.kind]]
    if unit.roles:  # a unit that combines roles shows them all
        parts.append(" + ".join(ROLE_NAMES_PL[r] if lang == "pl" else r.value
                                for r in unit.roles))
    if unit.id in fte:
        parts.append(f"{_number(fte[unit.id])} {words['fte']}")
    if unit.staff is not None:
        parts.append(f"{unit.staff} {words['people']}")
    # One line whatever the names: a line break would break the tree, an escape
    # sequence would reach the terminal it is printed on.
    label = f"{' '.join(one_line(unit.name).split())}  [{' · '.join(parts)}]"
    if unit.addresses:
        label += "  — " + one_line("; ".join(str(a) for a in unit.addresses))
    return label


def render_orgchart_text(structure: Structure, *, lang: Lang = "pl",
                         fte: Mapping[str, Fraction] | None = None) -> str:
    """Draw a structure as a tree with box-drawing characters.

    Each line shows a unit's name, then its kind, role, staff (assigned FTE and a stated
    number of people, where known) and its addresses.

    Args:
        structure: The structure.
        lang: ``pl`` (default) or ``en`` labels.
        fte: FTE per unit id, shown where given (see :func:`unit_fte`).

    Returns:
        One line per unit, without a trailing newline.

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
    return "\n".join(lines) if lines else _WORDS[lang]["empty"]


def unit_fte(organisation: Organisation, which: str) -> dict[str, Fraction]:
    """Return the FTE assigned to each unit of one structure (``before`` or ``after``)."""
    totals: dict[str, Fraction] = defaultdict(Fraction)
    for a in organisation.assignments_in(which) or ():
        totals[a.unit] += fte_fraction(a.fte)
    return dict(totals)


def _changes(reorganisation: Reorganisation, lang: Lang) -> str:
    words = _WORDS[lang]
    head = words["change"]
    if reorganisation.effective is not None:
        head += f" {words['from']} {format_date(reorganisation.effective)}"
    if reorganisation.act:
        head += f" ({one_line(reorganisation.act)})"
    lines = [head]
    for change in reorganisation.changes:
        what = ", ".join(change.units)
        if change.into:
            what += f" → {change.into}"
        if change.people:
            what += f" [{', '.join(change.people)}]"
        lines.append(f"  • {change.kind.value}: {one_line(what)}".rstrip(": "))
    return "\n".join(lines)


def render_organisation_text(organisation: Organisation, *, lang: Lang = "pl",
                             layout: Literal["sequential", "side-by-side"] = "sequential",
                             ) -> str:
    """Draw the structure before and after the change, with staff FTE and the change.

    Args:
        organisation: The organisation.
        lang: ``pl`` (default) or ``en``.
        layout: ``sequential`` (before, then after) or ``side-by-side`` (two columns).

    Returns:
        The charts, then the reorganisation (date, act, changes) when described.

    """
    words = _WORDS[lang]
    blocks: list[list[str]] = []
    for which, structure in organisation.structures():
        note = words["partial"] if structure.complete is False else ""
        chart = render_orgchart_text(structure, lang=lang, fte=unit_fte(organisation, which))
        blocks.append([f"{words[which]}{note}", *chart.splitlines()])
    if not blocks:
        text = words["none"]
    elif layout == "side-by-side" and len(blocks) == 2:
        width = max(len(line) for line in blocks[0])
        rows = zip_longest(blocks[0], blocks[1], fillvalue="")
        text = "\n".join(f"{a.ljust(width)}  │  {b}".rstrip() for a, b in rows)
    else:
        text = "\n\n".join("\n".join(block) for block in blocks)
    if organisation.reorganisation is not None:
        text += "\n\n" + _changes(organisation.reorganisation, lang)
    return text


_ROW, _INDENT, _BOX_H, _CHAR_W = 34, 28, 26, 7


def render_orgchart_svg(structure: Structure, *, lang: Lang = "pl",
                        fte: Mapping[str, Fraction] | None = None,
                        title: str | None = None) -> str:
    """Draw a structure as an SVG picture: one box per unit, indented under its holder.

    Args:
        structure: The structure.
        lang: ``pl`` (default) or ``en`` labels.
        fte: FTE per unit id, shown where given.
        title: A heading drawn above the chart.

    Returns:
        A standalone SVG document, well-formed XML whatever the names: text is put on
        one line, stripped of what XML 1.0 forbids and escaped.

    >>> from opsreform.model.organisation import Unit
    >>> svg = render_orgchart_svg(Structure([Unit("z", "Zespół ds. Usług", "team")]))
    >>> svg.startswith("<svg") and "Zespół ds. Usług" in svg
    True

    """
    shown = fte or {}
    items: list[tuple[int, Unit, int | None]] = []  # (depth, unit, parent row)

    def add(unit: Unit, depth: int, parent: int | None) -> None:
        row = len(items)
        items.append((depth, unit, parent))
        for child in unit.children:
            add(child, depth + 1, row)

    for unit in structure.units:
        add(unit, 0, None)
    top = 40 if title else 10
    labels = [_label(unit, lang, shown) for _d, unit, _p in items]
    width = max([len(lab) * _CHAR_W + depth * _INDENT + 40
                 for lab, (depth, _u, _p) in zip(labels, items, strict=True)] + [320])
    height = top + len(items) * _ROW + 10
    fills = {UnitKind.DEPARTMENT: "#dbe8f6", UnitKind.TEAM: "#eef5e6", UnitKind.POST: "#fdf3e1"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">']
    if title:
        out.append(f'<text x="10" y="24" font-size="15" font-weight="bold">'
                   f"{xml_text(title)}</text>")
    for row, ((depth, unit, parent), label) in enumerate(zip(items, labels, strict=True)):
        x, y = 10 + depth * _INDENT, top + row * _ROW
        if parent is not None:
            px = 10 + items[parent][0] * _INDENT + 10
            py = top + parent * _ROW + _BOX_H
            out.append(f'<path d="M{px},{py} V{y + _BOX_H // 2} H{x}" fill="none" '
                       'stroke="#555"/>')
        box_w = len(label) * _CHAR_W + 16
        out.append(f'<rect x="{x}" y="{y}" width="{box_w}" height="{_BOX_H}" rx="4" '
                   f'fill="{fills[unit.kind]}" stroke="#333"/>')
        out.append(f'<text x="{x + 8}" y="{y + 17}">{xml_text(label)}</text>')
    out.append("</svg>")
    return "\n".join(out)
