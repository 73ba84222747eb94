"""The activity chart: sized to its rows, in the chosen language, labels whole."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import attrs
import pytest

from opsreform.model.project import Milestone, Project
from opsreform.model.sessions import SessionStatus
from opsreform.reports.chart import write_chart

SVG = "{http://www.w3.org/2000/svg}"


def _png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def _svg(project: Project, path: Path, lang: str = "pl") -> str:
    write_chart(project, path, lang=lang)  # type: ignore[arg-type]
    return path.read_text(encoding="utf-8")


def _drawn_text(svg: str) -> str:
    """What the chart says: matplotlib writes each text drawn as paths in a comment."""
    return "\n".join(re.findall(r"<!-- (.*?) -->", svg, flags=re.DOTALL))


def test_sessions_chart_is_a_row_per_kind_sized_to_it(tmp_path: Path,
                                                      examples: dict[str, Project]) -> None:
    """Tarnowskie Góry: three rows (one per kind) on a strip, not ticks across an A4 page."""
    svg = _svg(examples["tarnowskie-gory"], tmp_path / "tg.svg")
    text = _drawn_text(svg)
    for row in ("szkolenia — sesje: 9", "warsztaty — sesje: 2", "superwizja — sesje: 17"):
        assert row in text
    # Without its milestones (a row and a list of their own, tested below).
    write_chart(attrs.evolve(examples["tarnowskie-gory"], milestones=()), tmp_path / "tg.png")
    write_chart(examples["michalowice"], tmp_path / "m.png")
    width, height = _png_size(tmp_path / "tg.png")
    assert height < width / 3  # a strip
    assert _png_size(tmp_path / "m.png")[1] > 2 * height  # 22 rows are taller than 3


def test_language_changes_every_word(tmp_path: Path, examples: dict[str, Project]) -> None:
    """`lang="en"` gives a different chart: English rows, legend and month names."""
    for name, polish, english in [
        ("tarnowskie-gory", ["superwizja — sesje: 17", "przerwa zadeklarowana w projekcie",
                             "sty 2018", "cze 2018"],
         ["supervision — sessions: 17", "break declared by the project", "Jan 2018",
          "Jun 2018"]),
        ("michalowice", ["działanie harmonogramu", "pozycja bez numeru (-)", "lis 2018"],
         ["activity of the schedule", "unnumbered item (-)", "Nov 2018"]),
    ]:
        pl = _svg(examples[name], tmp_path / f"{name}-pl.svg")
        en = _svg(examples[name], tmp_path / f"{name}-en.svg", "en")
        assert pl != en
        assert all(word in _drawn_text(pl) for word in polish)
        assert all(word in _drawn_text(en) for word in english)
        assert not any(word in _drawn_text(en) for word in polish)
        write_chart(examples[name], tmp_path / "pl.png")
        write_chart(examples[name], tmp_path / "en.png", lang="en")
        assert (tmp_path / "pl.png").read_bytes() != (tmp_path / "en.png").read_bytes()


def test_long_labels_wrap_shorten_and_keep_their_text(tmp_path: Path,
                                                      examples: dict[str, Project]) -> None:
    """A long title is two lines ending in …, and its full text is the label's <title>."""
    project = examples["michalowice"]
    svg = _svg(project, tmp_path / "m.svg")
    root = ET.fromstring(svg)
    titles = {g.get("id"): g.find(f"{SVG}title") for g in root.iter(f"{SVG}g")}
    labelled = {k: v.text for k, v in titles.items()
                if k and k.startswith("opsreform-label-") and v is not None}
    activity = next(a for a in project.activities if a.number == "2")
    full = f"2 {activity.title}"
    assert len(full) > 100 and full in labelled.values()
    assert len(labelled) == 22
    shown = _drawn_text(svg)
    assert "funkcjonowania OPS oraz monitoring i ocena…" in shown
    assert full not in shown


def test_same_project_same_file(tmp_path: Path, examples: dict[str, Project]) -> None:
    """Drawing twice gives the same SVG (no date, a fixed hash salt)."""
    first = _svg(examples["tarnowskie-gory"], tmp_path / "a.svg")
    assert first == _svg(examples["tarnowskie-gory"], tmp_path / "b.svg")


def test_cancelled_sessions_are_hollow_and_named(tmp_path: Path,
                                                 examples: dict[str, Project]) -> None:
    """A cancelled session stays on its row, hollow, and the legend names it."""
    project = examples["tarnowskie-gory"]
    project = attrs.evolve(project, sessions=tuple(
        attrs.evolve(s, status=SessionStatus.CANCELLED) if s.id == "2018-05-07#2" else s
        for s in project.sessions))
    text = _drawn_text(_svg(project, tmp_path / "c.svg"))
    assert "zajęcia odwołane" in text and "superwizja — sesje: 17" in text


def test_nothing_to_draw(examples: dict[str, Project], tmp_path: Path) -> None:
    """A project with no dated activity and no session is refused, with a reason."""
    with pytest.raises(ValueError, match="nothing to draw"):
        write_chart(examples["niedrzwica-duza"], tmp_path / "n.svg")


def test_milestones_outside_the_time_line_are_counted_at_its_edge(
        tmp_path: Path, examples: dict[str, Project]) -> None:
    """Tarnowskie Góry's milestones (2014-2017) do not stretch the 2018 time line: ◀ and a list."""
    text = _drawn_text(_svg(examples["tarnowskie-gory"], tmp_path / "tg.svg"))
    assert "kamienie milowe" in text and "◀ 1, 2, 3, 4" in text
    assert "kamień milowy (numer: lista pod wykresem)" in text
    assert "Kamienie milowe:" in text
    assert "3. 29 mar 2017 (poza osią czasu) — Projekt przyjęty Uchwałą Rady Miejskiej" in text
    assert "sty 2018" in text and "sty 2017" not in text


def test_milestones_on_the_time_line_are_numbered_diamonds(
        tmp_path: Path, examples: dict[str, Project]) -> None:
    """A milestone inside the time line is a diamond with its number; English when asked."""
    project = examples["tarnowskie-gory"]
    project = attrs.evolve(project, milestones=(
        *project.milestones, Milestone(date(2018, 3, 1), "Zmiana regulaminu $x$ 100%"),
        Milestone(date(2019, 1, 1), "Koniec trwałości")))
    svg = _svg(project, tmp_path / "m.svg", "en")
    text = _drawn_text(svg)
    assert "milestones" in text and "◀ 1, 2, 3, 4" in text and "6 ▶" in text
    assert "5. 1 Mar 2018 — Zmiana regulaminu $x$ 100%" in text  # drawn as written
    assert "6. 1 Jan 2019 (outside the time line) — Koniec trwałości" in text
    assert "milestone (number: list under the chart)" in text
    assert "kamień" not in text
    # A diamond more than the legend's and the ◀/▶ counts, and its dotted line.
    without = _svg(attrs.evolve(project, milestones=project.milestones[:4]),
                   tmp_path / "w.svg", "en")
    assert svg.count("fill: #b8860b") > without.count("fill: #b8860b")
    assert svg.count("stroke: #b8860b") > without.count("stroke: #b8860b")
