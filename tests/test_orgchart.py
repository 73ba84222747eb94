"""The organisation chart: a tree a person can read, before and after, and a picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from fractions import Fraction

from opsreform.model.organisation import (
    Assignment,
    Change,
    Organisation,
    Reorganisation,
    Structure,
    Unit,
)
from opsreform.model.project import Project
from opsreform.reports.orgchart import (
    render_organisation_text,
    render_orgchart_svg,
    render_orgchart_text,
    unit_fte,
)

AFTER = Structure([
    Unit("dps", "Dział Pomocy Środowiskowej", "department", children=[
        Unit("pk", "Stanowisko ds. Pierwszego Kontakt", "post"),
        Unit("dec", "Zespół ds. Świadczeń Przyznawanych Decyzją", "team")]),
    Unit("ps", "Zespół Pracy Socjalnej", "team"),
])
BEFORE = Structure([Unit("sek", "Sekcja Pomocy Środowiskowej", "team", role="social-work")])


def test_tree_with_box_drawing() -> None:
    """Nested units hang from their department with ├── and └──; top units stand alone."""
    lines = render_orgchart_text(AFTER).splitlines()
    assert lines == [
        "Dział Pomocy Środowiskowej  [dział]",
        "├── Stanowisko ds. Pierwszego Kontakt  [stanowisko · pierwszy kontakt]",
        "└── Zespół ds. Świadczeń Przyznawanych Decyzją  [zespół · świadczenia przyznawane "
        "decyzją]",
        "Zespół Pracy Socjalnej  [zespół · praca socjalna]",
    ]


def test_deeper_nesting_keeps_the_vertical_line() -> None:
    """A team under a non-last department continues the │ line down to its sibling."""
    s = Structure([Unit("a", "Dział Usług", "department", children=[
        Unit("b", "Zespół ds. Usług", "team", children=[Unit("c", "Stanowisko ds. Usług",
                                                             "post")]),
        Unit("d", "Zespół ds. Analiz", "team")])])
    assert render_orgchart_text(s, lang="en").splitlines()[2] == (
        "│   └── Stanowisko ds. Usług  [post · services]")


def test_seed_chart_shows_addresses(examples: dict[str, Project]) -> None:
    """001: each team shows the address the document gives it."""
    org = examples["tarnowskie-gory"].organisation
    assert org is not None and org.after is not None
    text = render_orgchart_text(org.after)
    assert "├── Stanowisko ds. Pierwszego Kontakt  [stanowisko · pierwszy kontakt]  — " \
           "ul. Janasa 9" in text
    assert "Zespół Asystentów Rodziny  [zespół · asystenci rodziny]  — ul. Wyszyńskiego 131" \
        in text
    assert len(text.splitlines()) == 11


def test_staff_fte_and_stated_staff_are_shown() -> None:
    """Assigned FTE (summed exactly) and stated head counts appear where known."""
    org = Organisation(after=Structure([Unit("ps", "Zespół Pracy Socjalnej", "team"),
                                        Unit("us", "Zespół Usług", "team", staff=3)]),
                       assignments=[Assignment("a", "ps", "1/2"), Assignment("b", "ps", "1/4")])
    assert unit_fte(org, "after") == {"ps": Fraction(3, 4)}
    text = render_organisation_text(org, lang="en")
    assert "Zespół Pracy Socjalnej  [team · social-work · 0,75 FTE]" in text
    assert "Zespół Usług  [team · services · 3 people]" in text


def test_before_and_after_sequential_with_the_change() -> None:
    """Both structures are drawn in order, then the change with its date and act."""
    org = Organisation(before=BEFORE, after=AFTER, reorganisation=Reorganisation(
        date(2017, 9, 1), "Zarządzenie Dyrektora", [Change("created", ["pk", "dec"])]))
    text = render_organisation_text(org)
    assert text.index("Struktura przed zmianą") < text.index("Struktura po zmianie")
    assert "Zmiana od 01.09.2017 (Zarządzenie Dyrektora)" in text
    assert "  • created: pk, dec" in text


def test_side_by_side_layout() -> None:
    """Side by side, each line holds a "before" column and an "after" column."""
    org = Organisation(before=BEFORE, after=AFTER)
    lines = render_organisation_text(org, layout="side-by-side").splitlines()
    assert lines[0].startswith("Struktura przed zmianą") and "│  Struktura po zmianie" in lines[0]
    assert len(lines) == 5
    assert lines[1].index("│") == lines[0].index("│")


def test_partial_and_missing_structures_are_said() -> None:
    """A partial structure is marked; no structure at all is said in words."""
    partial = Organisation(after=Structure(AFTER.units, complete=False))
    assert "niepełna" in render_organisation_text(partial).splitlines()[0]
    assert render_organisation_text(Organisation(), lang="en") == "No structure is described."


def test_svg_picture_is_well_formed() -> None:
    """The picture is valid XML with one box per unit and one connector per nested unit."""
    svg = render_orgchart_svg(AFTER, title="Struktura po zmianie")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}rect")) == 4
    assert len(root.findall(f"{ns}path")) == 2
    assert "Zespół Pracy Socjalnej  [zespół · praca socjalna]" in svg
