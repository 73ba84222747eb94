"""Reports: each kind from the examples, read back as a person's tools would, and hostile names."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, time
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest

from opsreform.cli import main
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SlotBooking
from opsreform.model.venues import Venue
from opsreform.reports.cli import KINDS, build_report
from opsreform.reports.ical import to_ical
from opsreform.reports.tables import ReportTable, to_csv, to_html, to_markdown
from opsreform.timeslots import TimeSlot
from tests.conftest import EXAMPLES

HOSTILE = 'Szkolenie "A", <script>alert(1)</script>\n=HYPERLINK("x");-2+3 | @SUM'
HOSTILE_LINE = HOSTILE.replace("\n", " ")  # as a calendar shows it: one line


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _hostile_project() -> Project:
    venue = Venue("v", name='Sala "B"; <b>1</b>, =cmd|/C calc')
    s = Session(kind="training", title=HOSTILE, day=date(2018, 5, 7), given_id="s1",
                slots=(SlotBooking(TimeSlot(time(9), time(12)), "v"),))
    return Project(title='Projekt <i>"X"</i>', venues=(venue,), sessions=(s,))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_every_report_of_every_example(kind: str, fmt: str, examples: dict[str, Project]
                                       ) -> None:
    """Each report kind renders for each example in each format."""
    for project in examples.values():
        text = build_report(project, kind, fmt)
        assert text.strip()
        if fmt == "csv":
            assert text.startswith("\ufeff")


def test_schedule_report_content(examples: dict[str, Project]) -> None:
    """The schedule has the published rows with Polish dates, slots and addresses."""
    text = build_report(examples["tarnowskie-gory"], "schedule", "md")
    assert "| 11 | SUPERWIZJA | 20 kwietnia 2018 | 08.30 - 11.30 12.00 - 15.00 | " \
           "ul. Bytomska 15, 42-600 Tarnowskie Góry; ul. Sienkiewicza 8, 42-600 Tarnowskie " \
           "Góry |" in text
    activities = build_report(examples["michalowice"], "activities", "md")
    assert "| 1.3 | Zakup sprzętu audiowizualnego | 23 października 2018 |" in activities


def test_budget_report_polish_figures(examples: dict[str, Project]) -> None:
    """The budget is written 356 397,50 zł and 84,28 %."""
    text = build_report(examples["tarnowskie-gory"], "budget", "md")
    assert "356 397,50 zł" in text and "84,28 %" in text and "300 371,81 zł" in text


def test_contract_progress_in_lesson_hours(examples: dict[str, Project]) -> None:
    """Supervision progress is in lesson hours: 96 scheduled of 156, 60 remaining."""
    text = build_report(examples["tarnowskie-gory"], "contracts", "csv")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    total = next(r for r in rows if r and r[0] == "Razem")
    assert total[1:] == ["96", "0", "60"]


def test_csv_is_safe_and_reads_back() -> None:
    """Formula characters are neutralised; quotes, commas and newlines survive the round trip."""
    table = ReportTable("T", ["a", "b", "n"], [[HOSTILE, "-5", 7], ["@x", "+1", None],
                                               ["-2+3", "-", -4]])
    text = to_csv(table)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[1] == [HOSTILE, "-5", "7"]  # a figure keeps its minus
    assert rows[2] == ["'@x", "'+1", ""]
    assert rows[3] == ["'-2+3", "-", "-4"]
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_html_escapes_everything() -> None:
    """The page has no tag from the data; the text comes back intact."""
    page = build_report(_hostile_project(), "schedule", "html")
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags and "b" not in parser.tags and "i" not in parser.tags
    assert "<script>alert(1)</script>" in "".join(parser.text)


def test_markdown_escapes_pipes_and_newlines() -> None:
    """A pipe or a newline in a cell cannot break the Markdown table."""
    md = to_markdown(ReportTable("T", ["a"], [["x | y\nz"]]))
    assert md.splitlines()[-1] == "| x \\| y z |"


def test_ical_parses_back_with_stable_uids(examples: dict[str, Project]) -> None:
    """One event per slot (33 for 001), in Europe/Warsaw, UIDs stable across exports."""
    project = examples["tarnowskie-gory"]
    stamp = datetime(2018, 5, 7, 12, tzinfo=UTC)
    data = to_ical(project, stamp=stamp)
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    slots = sum(len(s.slots) for s in project.sessions)
    assert len(events) == slots == 33
    assert str(events[0]["DTSTART"].dt.tzinfo) == "Europe/Warsaw"
    assert data == to_ical(project, stamp=stamp)  # the same stamp, the same file
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)


def test_ical_reads_with_an_independent_parser(examples: dict[str, Project]) -> None:
    """A second implementation (vobject) reads the same 33 events, times in Warsaw."""
    import vobject

    calendar = vobject.readOne(to_ical(examples["tarnowskie-gory"]).decode("utf-8"))
    events = calendar.vevent_list
    assert len(events) == 33
    first = min(events, key=lambda e: e.dtstart.value)
    assert first.dtstart.value.isoformat() == "2018-01-11T08:00:00+01:00"
    hostile = vobject.readOne(to_ical(_hostile_project()).decode("utf-8"))
    assert hostile.vevent.summary.value == HOSTILE_LINE


def test_ical_study_visit_spans_days(examples: dict[str, Project]) -> None:
    """A two-day study visit is one all-day event over both days."""
    events = icalendar.Calendar.from_ical(to_ical(examples["swilcza"])).walk("VEVENT")
    first = events[0]
    assert first["DTSTART"].dt == date(2021, 8, 2) and first["DTEND"].dt == date(2021, 8, 4)


def test_ical_hostile_names() -> None:
    """Hostile titles are escaped by the iCalendar library and read back on one line."""
    [event] = icalendar.Calendar.from_ical(to_ical(_hostile_project())).walk("VEVENT")
    assert str(event["SUMMARY"]) == HOSTILE_LINE


def test_chart_png_and_svg(tmp_path: Path) -> None:
    """The chart is a PNG (by magic bytes) or an SVG (parsed as XML), by the suffix."""
    assert main(["chart", str(EXAMPLES / "michalowice.toml"), "-o", str(tmp_path / "c.png")]
                ) == 0
    assert (tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["chart", str(EXAMPLES / "tarnowskie-gory.toml"), "-o",
                 str(tmp_path / "c.svg")]) == 0
    root = ET.parse(tmp_path / "c.svg").getroot()
    assert root.tag.endswith("svg")
    assert main(["chart", str(EXAMPLES / "michalowice.toml"), "-o", str(tmp_path / "c.gif")]
                ) == 2


def test_report_cli_writes_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`opsreform report` writes to -o or stdout; English labels with --lang en."""
    out = tmp_path / "s.html"
    assert main(["report", str(EXAMPLES / "tarnowskie-gory.toml"), "--kind", "schedule",
                 "--format", "html", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", str(EXAMPLES / "tarnowskie-gory.toml"), "--kind", "findings",
                 "--lang", "en"]) == 0
    assert "Check findings" in capsys.readouterr().out


def test_html_page_is_standalone() -> None:
    """The page declares UTF-8, Polish, and an A4 print layout."""
    page = to_html(ReportTable("T", ["a"], [["x"]]))
    assert '<meta charset="utf-8">' in page and 'lang="pl"' in page and "A4" in page


def test_gallery_is_up_to_date() -> None:
    """docs/gallery.md is exactly what scripts/make_gallery.py writes from the examples."""
    import importlib.util

    root = EXAMPLES.parent
    spec = importlib.util.spec_from_file_location("make_gallery", root / "scripts" /
                                                  "make_gallery.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.gallery(write_images=False) == (root / "docs" / "gallery.md").read_text(
        encoding="utf-8")


def test_findings_report_lists_each_finding_once_errors_first(
        examples: dict[str, Project]) -> None:
    """Every finding of every example is one row; errors, then warnings, then notes."""
    import opsreform
    from opsreform.reports.findings import findings_tables

    for project in examples.values():
        found = opsreform.check(project)
        tables = findings_tables(found + found[:2])  # a repeated finding is listed once
        rows = [tuple(row) for table in tables for row in table.rows]
        assert len(rows) == len(set(found)) == len(found)
        words = [row[0] for row in rows]
        rank = {"BŁĄD": 2, "OSTRZEŻENIE": 1, "uwaga": 0}
        assert [rank[str(w)] for w in words] == sorted((rank[str(w)] for w in words),
                                                       reverse=True)
    md = build_report(examples["tarnowskie-gory"], "findings", "md")
    # Its clash (an error) and its social workers' clash (a warning) as subjects, and
    # named by the warning about them: each finding once.
    assert md.count("sesja 2018-05-07#6") == 3
    assert md.index("błędy (2)") < md.index("ostrzeżenia (5)") < md.index("uwagi (12)")
