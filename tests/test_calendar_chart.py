"""The calendar of sessions: a month grid per month, in the chosen language, clashes marked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import attrs
import pytest

from opsreform.cli import main
from opsreform.model.project import Project
from opsreform.model.sessions import SessionStatus
from opsreform.reports.calendar_chart import write_calendar
from opsreform.workcalendar import WorkCalendar
from tests.conftest import EXAMPLES


def _drawn_text(svg: str) -> str:
    """What the calendar says: matplotlib writes each text drawn as paths in a comment."""
    return "\n".join(re.findall(r"<!-- (.*?) -->", svg, flags=re.DOTALL))


def _svg(project: Project, path: Path, lang: str = "pl") -> str:
    write_calendar(project, path, lang=lang)  # type: ignore[arg-type]
    svg = path.read_text(encoding="utf-8")
    ET.fromstring(svg)  # well-formed
    return svg


def test_months_weekdays_and_legend_in_polish(tmp_path: Path,
                                              examples: dict[str, Project]) -> None:
    """Tarnowskie Góry: January to June 2018 by their Polish names, Monday first, a legend."""
    text = _drawn_text(_svg(examples["tarnowskie-gory"], tmp_path / "tg.svg"))
    for month in ("styczeń 2018", "luty 2018", "marzec 2018", "kwiecień 2018", "maj 2018",
                  "czerwiec 2018"):
        assert month in text
    assert "lipiec 2018" not in text and "grudzień 2017" not in text
    assert text.index("pon.") < text.index("niedz.")
    for word in ("Kalendarz zajęć", "szkolenia", "warsztaty", "superwizja",
                 "święto państwowe", "przerwa zadeklarowana w projekcie (szkolenia, warsztaty)",
                 "kolizja: miejsce lub osoba zajęte dwa razy naraz"):
        assert word in text


def test_clashes_of_tarnowskie_gory_are_marked(tmp_path: Path,
                                               examples: dict[str, Project]) -> None:
    """Clashes are marked and listed: 17.04, 12.06 and the staff groups' 19.01, 23.02, 23.05."""
    text = _drawn_text(_svg(examples["tarnowskie-gory"], tmp_path / "tg.svg"))
    assert text.count("!") == 5
    assert "19 sty 2018 — sesja 2018-01-superwizja#3: pracownicy socjalni MOPS" in text
    assert "17 kwi 2018 — sesja 2018-01-16#8: miejsce ul. Sienkiewicza 8" in text
    assert "12 cze 2018 — sesja 2018-05-07#6: superwizor pracy socjalnej" in text
    english = _drawn_text(_svg(examples["tarnowskie-gory"], tmp_path / "en.svg", "en"))
    assert "Clashes:" in english
    assert "17 Apr 2018 — session 2018-01-16#8" in english
    assert "12 Jun 2018 — session 2018-05-07#6" in english


def test_no_clash_no_mark(tmp_path: Path, examples: dict[str, Project]) -> None:
    """Without double bookings among the findings, no day is framed and no list is drawn."""
    path = tmp_path / "tg.svg"
    write_calendar(examples["tarnowskie-gory"], path, findings=[])
    text = _drawn_text(path.read_text(encoding="utf-8"))
    assert "!" not in text and "Kolizje" not in text and "kolizja" not in text


def test_english_differs_everywhere(tmp_path: Path, examples: dict[str, Project]) -> None:
    """`lang="en"`: English months, weekdays and legend; no Polish word left."""
    project = examples["tarnowskie-gory"]
    pl = _svg(project, tmp_path / "pl.svg")
    en = _svg(project, tmp_path / "en.svg", "en")
    assert pl != en
    text = _drawn_text(en)
    for word in ("January 2018", "June 2018", "Mon", "Sun", "Calendar of sessions",
                 "trainings", "supervision", "public holiday", "break declared by the project",
                 "clash: a venue or a person booked twice at once"):
        assert word in text
    for word in ("styczeń", "pon.", "szkolenia", "święto", "kolizja", "sesja"):
        assert word not in text
    write_calendar(project, tmp_path / "pl.png")
    write_calendar(project, tmp_path / "en.png", lang="en")
    assert (tmp_path / "pl.png").read_bytes() != (tmp_path / "en.png").read_bytes()


def test_closed_days_and_cancelled_sessions(tmp_path: Path,
                                            examples: dict[str, Project]) -> None:
    """A closed day and a cancelled session add their legend entries."""
    project = examples["tarnowskie-gory"]
    project = attrs.evolve(
        project, calendar=WorkCalendar(closed={date(2018, 3, 9)}),
        sessions=tuple(attrs.evolve(s, status=SessionStatus.CANCELLED)
                       if s.id == "2018-05-07#2" else s for s in project.sessions))
    text = _drawn_text(_svg(project, tmp_path / "c.svg"))
    assert "ośrodek nieczynny" in text and "zajęcia odwołane" in text
    plain = _drawn_text(_svg(examples["tarnowskie-gory"], tmp_path / "p.svg"))
    assert "ośrodek nieczynny" not in plain and "zajęcia odwołane" not in plain


def test_months_between_without_sessions_are_drawn(tmp_path: Path,
                                                   examples: dict[str, Project]) -> None:
    """A gap month between sessions (the summer break) is drawn, hatched, not skipped."""
    project = examples["tarnowskie-gory"]
    last = project.sessions[-1]
    later = attrs.evolve(last, day=date(2018, 9, 12), given_id="wrzesien")
    text = _drawn_text(_svg(attrs.evolve(project, sessions=(*project.sessions, later)),
                            tmp_path / "gap.svg"))
    assert "lipiec 2018" in text and "sierpień 2018" in text and "wrzesień 2018" in text
    assert "przerwa zadeklarowana w projekcie (szkolenia, warsztaty, superwizja)" in text


def test_same_project_same_file(tmp_path: Path, examples: dict[str, Project]) -> None:
    """Drawing twice gives the same SVG."""
    first = _svg(examples["tarnowskie-gory"], tmp_path / "a.svg")
    assert first == _svg(examples["tarnowskie-gory"], tmp_path / "b.svg")


def test_project_without_sessions_is_refused(tmp_path: Path,
                                             examples: dict[str, Project]) -> None:
    """No sessions: a clear error, no file; in English when asked."""
    path = tmp_path / "m.svg"
    with pytest.raises(ValueError, match="brak zajęć w harmonogramie"):
        write_calendar(examples["michalowice"], path)
    with pytest.raises(ValueError, match="no sessions in the schedule"):
        write_calendar(examples["michalowice"], path, lang="en")
    assert not path.exists()
    with pytest.raises(ValueError, match=r"\.svg or \.png"):
        write_calendar(examples["tarnowskie-gory"], tmp_path / "c.pdf")


def test_chart_command_kind_calendar(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`opsreform chart --kind calendar` writes the calendar; no sessions is exit 2."""
    out = tmp_path / "cal.svg"
    assert main(["chart", str(EXAMPLES / "tarnowskie-gory.toml"), "--kind", "calendar",
                 "--lang", "en", "-o", str(out)]) == 0
    assert "January 2018" in _drawn_text(out.read_text(encoding="utf-8"))
    empty = tmp_path / "empty.svg"
    assert main(["chart", str(EXAMPLES / "michalowice.toml"), "--kind", "calendar",
                 "-o", str(empty)]) == 2
    assert "brak zajęć w harmonogramie" in capsys.readouterr().err
    assert not empty.exists()
    gantt = tmp_path / "gantt.svg"
    assert main(["chart", str(EXAMPLES / "michalowice.toml"), "-o", str(gantt)]) == 0
    assert "działanie harmonogramu" in _drawn_text(gantt.read_text(encoding="utf-8"))


def test_a_kind_held_that_day_is_not_also_cancelled(tmp_path: Path,
                                                   examples: dict[str, Project]) -> None:
    """17 April has two workshops; one cancelled leaves the day a workshop day, not hollow."""
    project = examples["tarnowskie-gory"]
    project = attrs.evolve(project, sessions=tuple(
        attrs.evolve(s, status=SessionStatus.CANCELLED) if s.id == "2018-01-16#8" else s
        for s in project.sessions))
    assert "zajęcia odwołane" not in _drawn_text(_svg(project, tmp_path / "c.svg"))
