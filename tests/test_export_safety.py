"""Every export is safe against hostile user text ("Files from strangers").

Titles, names and notes come from strangers. Each format is read back by an independent
reader (vobject for iCalendar, Python-Markdown, the standard library's HTML, CSV and
XML parsers) and checked for what the text must not do: add an iCalendar property, a
tag, a table cell, a Markdown structure, a spreadsheet formula, an invalid XML
character, or mathematics in a chart. A property test per format runs over hostile
text; concrete cases pin each reported problem.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date, time
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import attrs
import markdown  # Python-Markdown: what mkdocs (the docs extra) renders our Markdown with
import matplotlib
import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsreform.cli import main
from opsreform.files.project import load_project, save_project
from opsreform.model.activities import Activity
from opsreform.model.organisation import Structure, Unit
from opsreform.model.project import Project
from opsreform.model.sessions import Session, SlotBooking
from opsreform.model.venues import Venue
from opsreform.money import pln
from opsreform.reports.chart import write_chart
from opsreform.reports.cli import KINDS, build_report
from opsreform.reports.ical import to_ical
from opsreform.reports.orgchart import render_orgchart_svg, render_orgchart_text
from opsreform.reports.schedule import activity_table
from opsreform.reports.tables import ReportTable, to_csv, to_html, to_markdown
from opsreform.timeslots import TimeSlot
from tests.conftest import EXAMPLES

# --- hostile text -------------------------------------------------------------------

PIECES = (
    "\r", "\n", "\r\n", "\t", "\x00", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x1c", "\x7f",
    "\x85", "\u2028", "\u2029", "\ud800", "\ufffe", "\uffff", "\u200b", "\ufeff",
    "<script>alert(1)</script>", "</td>", "<b>", "&amp;", "&lt;", '"', "'", ";", ",",
    "ATTENDEE:mailto:x@evil.example", "BEGIN:VEVENT", "END:VCALENDAR",
    "=", "+", "-", "@", "＝", "＋", "－", "＠", "﹦", "=HYPERLINK(\"http://x\")",
    "=cmd|' /C calc'!A0", "-2+3", "$", "$x^2$", "$\\frac{a}$", "\\", "\\$", "|", "||",
    "`", "```", "*", "**", "_", "[x](javascript:alert(1))", "![i](http://x/p.png)", "#",
    "## ", "- ", "1. ", "2) ", "===", "---", "~~~", "> ", "    ", "<http://x>",
    "Zażółć gęślą jaźń", "ŁÓDŹ", "日本語", "مرحبا", "עברית", "Ελληνικά", "🙂", "e\u0301",
)
"""Fragments that broke, or could break, one format or another."""

pieces = st.one_of(st.sampled_from(PIECES), st.text(max_size=4))
hostile_text = st.one_of(
    st.lists(pieces, min_size=1, max_size=12).map("".join),
    # Very long: lines folded in iCalendar, labels shortened in the chart.
    st.tuples(pieces, st.integers(50, 400)).map(lambda t: t[0] * t[1]),
).filter(lambda text: bool(as_one_line(text).strip()))  # something to show

FORMULA_SIGNS = "=+-@"


def _is_break(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


def as_one_line(text: str, gaps: Callable[[str], bool] = _is_break) -> str:
    """Reference: each run of controls and line or paragraph separators is one space.

    ``gaps`` says what else counts instead; surrogates, U+FFFE and U+FFFF are U+FFFD.
    """
    out: list[str] = []
    gap = False
    for char in text:
        if gaps(char):
            gap = True
            continue
        if gap:
            out.append(" ")
            gap = False
        unwritable = unicodedata.category(char) == "Cs" or char in "\ufffe\uffff"
        out.append("\ufffd" if unwritable else char)
    return "".join(out) + (" " if gap else "")


def retitled(project: Project, text: str) -> Project:
    """The project with every title and venue name replaced by ``text``."""
    def activity(a: Activity) -> Activity:
        return attrs.evolve(a, title=text, children=tuple(activity(c) for c in a.children))

    return attrs.evolve(
        project, title=text,
        sessions=tuple(attrs.evolve(s, title=text) for s in project.sessions),
        activities=tuple(activity(a) for a in project.activities),
        venues=tuple(attrs.evolve(v, name=text) for v in project.venues),
        contracts=tuple(attrs.evolve(c, title=text) for c in project.contracts),
        tables=tuple(attrs.evolve(t, title=text) for t in project.tables))


@pytest.fixture(scope="module")
def tarnowskie_gory() -> Project:
    """The Tarnowskie Góry example: 28 sessions in 33 slots, two venues, two contracts."""
    return load_project(EXAMPLES / "tarnowskie-gory.toml")


@pytest.fixture(scope="module")
def michalowice() -> Project:
    """The Michałowice example: a harmonogram with numbered and ``-`` items."""
    return load_project(EXAMPLES / "michalowice.toml")


def one_session(title: str, *, given_id: str = "s1", venue_name: str = "Sala 1") -> Project:
    """A project of one session (one slot, one venue) built in code."""
    venue = Venue("v", name=venue_name)
    session = Session(kind="training", title=title, day=date(2018, 5, 7), given_id=given_id,
                      slots=(SlotBooking(TimeSlot(time(9), time(12)), "v"),))
    return Project(title="Projekt", venues=(venue,), sessions=(session,))


# --- iCalendar ----------------------------------------------------------------------

CALENDAR_PROPERTIES = {"prodid", "version", "method", "x-wr-calname", "x-wr-timezone",
                       "vevent", "vtimezone"}
EVENT_PROPERTIES = {"uid", "dtstamp", "sequence", "status", "summary", "dtstart", "dtend",
                    "location", "description"}


def as_ical_text(text: str) -> str:
    """What a calendar reads back of ``text``: one line, as :func:`as_one_line`.

    The icalendar library decodes each value it writes as ``utf-8-sig``, which drops one
    leading U+FEFF (an invisible character); the rest comes back whole.
    """
    return as_one_line(text).removeprefix("\ufeff")


def check_ical_lines(data: bytes) -> None:
    """Content lines end in CRLF only, and none is longer than 75 octets."""
    lines = data.split(b"\r\n")
    assert lines[-1] == b""
    assert all(b"\r" not in line and b"\n" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text)
def test_ical_property(tarnowskie_gory: Project, text: str) -> None:
    """Whatever the titles, a second reader finds exactly our properties, text on one line."""
    project = retitled(tarnowskie_gory, text)
    data = to_ical(project)
    check_ical_lines(data)
    calendar = vobject.readOne(data.decode("utf-8"))
    assert set(calendar.contents) == CALENDAR_PROPERTIES
    assert calendar.x_wr_calname.value == as_ical_text(text)
    events = calendar.vevent_list
    assert len(events) == 33
    labels = {as_ical_text(s.label) for s in project.sessions}
    places = {as_ical_text(str(v)) for v in project.venues}
    for event in events:
        assert set(event.contents) == EVENT_PROPERTIES
        assert all(len(values) == 1 for values in event.contents.values())
        assert event.summary.value in labels
        assert event.location.value in places


@pytest.mark.parametrize("title", [
    "Szkolenie\rATTENDEE:mailto:x@evil.example",
    "Szkolenie\nATTENDEE:mailto:x@evil.example",
    "Szkolenie\r\nATTENDEE:mailto:x@evil.example",
    "Szkolenie\u2028ATTENDEE:mailto:x@evil.example",
    "Szkolenie\x85ATTENDEE:mailto:x@evil.example",
])
def test_ical_line_break_in_a_title_adds_no_property(title: str) -> None:
    """A carriage return or line feed in a title stays in the summary, as a space."""
    data = to_ical(one_session(title, venue_name=title))
    check_ical_lines(data)
    event = vobject.readOne(data.decode("utf-8")).vevent
    assert set(event.contents) == EVENT_PROPERTIES
    assert event.summary.value == event.location.value == (
        "Szkolenie ATTENDEE:mailto:x@evil.example")


def test_ical_project_title_adds_no_calendar_property() -> None:
    """The project title (X-WR-CALNAME, which the library wrote verbatim) is escaped too."""
    project = attrs.evolve(one_session("Szkolenie"),
                           title="Projekt\r\nMETHOD:CANCEL\nX-EVIL:1; a, b\\")
    data = to_ical(project)
    check_ical_lines(data)
    calendar = vobject.readOne(data.decode("utf-8"))
    assert set(calendar.contents) == CALENDAR_PROPERTIES
    assert calendar.x_wr_calname.value == "Projekt METHOD:CANCEL X-EVIL:1; a, b\\"


def test_ical_control_characters_and_session_id() -> None:
    """Other control characters go; an id with a line break gives a one-line UID."""
    data = to_ical(one_session("A\x00B\x1b[31mC\x7fD\tE", given_id="s1\r\nX-EVIL:1"))
    check_ical_lines(data)
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", data)
    event = vobject.readOne(data.decode("utf-8")).vevent
    assert set(event.contents) == EVENT_PROPERTIES
    assert event.summary.value == "A B [31mC D E"
    assert event.uid.value == "s1 X-EVIL:1-1@projekt.opsreform"


def test_ical_very_long_title_is_folded_and_read_back() -> None:
    """A 10 000-character title of multi-byte letters is folded at 75 octets, read back whole."""
    title = "Zażółć gęślą jaźń; 日本語, " * 400
    data = to_ical(one_session(title))
    check_ical_lines(data)
    assert vobject.readOne(data.decode("utf-8")).vevent.summary.value == title


def test_ical_command_with_a_line_feed_in_titles(tmp_path: Path, tarnowskie_gory: Project
                                                 ) -> None:
    """`opsreform ical` on a file whose titles hold line feeds succeeds and reads back."""
    source = tmp_path / "p.toml"
    save_project(retitled(tarnowskie_gory, "Tytuł\nATTENDEE:mailto:x@evil.example"), source)
    out = tmp_path / "p.ics"
    assert main(["ical", str(source), "-o", str(out)]) == 0
    data = out.read_bytes()
    check_ical_lines(data)
    calendar = vobject.readOne(data.decode("utf-8"))
    assert set(calendar.contents) == CALENDAR_PROPERTIES
    assert {e.summary.value.split(" cz.")[0] for e in calendar.vevent_list} == {
        "Tytuł ATTENDEE:mailto:x@evil.example"}


# --- Markdown -----------------------------------------------------------------------

STRUCTURE_TAGS = {"h1", "h2", "p", "table", "thead", "tbody", "tr", "th", "td"}


class _Html(HTMLParser):
    """Collects tags, the text of each element by tag, and the cells of each table row."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.open: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.tables: list[list[int]] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)
        if tag == "table":
            self.tables.append([])
        if tag == "tr":
            self.tables[-1].append(0)
        if tag in ("td", "th"):
            self.tables[-1][-1] += 1
        if tag not in ("br", "meta"):
            self.open.append(tag)
            self.text.setdefault(tag, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.open:
            self.text[self.open[-1]][-1] += data


def parse_html(page: str) -> _Html:
    parser = _Html()
    parser.feed(page)
    parser.close()
    return parser


def visible(text: str) -> str:
    """What text shows once rendered: its characters other than blanks.

    Renderers trim and collapse blanks each their own way, so they are left out.
    """
    return "".join(as_one_line(text).split())


def unescaped_pipes(line: str) -> int:
    """The number of ``|`` in a Markdown line that are not escaped by a backslash."""
    count, escaped = 0, False
    for char in line:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            count += 1
    return count


def check_markdown(md: str, tables: int) -> _Html:
    """Check Markdown for raw HTML, control characters, broken tables and structure.

    Every row of a table has as many cells as its header, as written and as rendered;
    the rendering has only headings, tables and paragraphs.
    """
    assert "<" not in md
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", md)
    blocks = [block.splitlines() for block in re.findall(r"(?m)(?:^\|.*\n)+", md)]
    widths = [{unescaped_pipes(line) - 1 for line in block} for block in blocks]
    rendered = parse_html(markdown.markdown(md, extensions=["tables"]))
    assert set(rendered.tags) <= STRUCTURE_TAGS
    assert len(blocks) == len(rendered.tables) == tables
    assert widths == [set(rows) for rows in rendered.tables]
    assert all(len(w) == 1 for w in widths)
    return rendered


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, kind=st.sampled_from(KINDS))
def test_markdown_property(tarnowskie_gory: Project, text: str, kind: str) -> None:
    """Whatever the titles, Markdown reports have headings, tables, paragraphs only."""
    md = build_report(retitled(tarnowskie_gory, text), kind, "md")
    rendered = check_markdown(md, md.count("\n## "))
    assert [visible(h1) for h1 in rendered.text["h1"]] == [visible(text)]


@settings(max_examples=60, deadline=None)
@given(text=hostile_text, note=hostile_text)
def test_markdown_table_property(text: str, note: str) -> None:
    """A cell, a title and a note of hostile text: one row of two cells, each as written."""
    md = to_markdown(ReportTable(text, ["a", "b"], [[text, "-"]], [note, note]))
    rendered = check_markdown(md, 1)
    assert [visible(t) for t in rendered.text["h2"]] == [visible(text)]
    assert [visible(t) for t in rendered.text["td"]] == [visible(text), "-"]
    assert [visible(t) for t in rendered.text["p"]] == [visible(note) * 2]


def test_markdown_script_in_a_title() -> None:
    """`<script>` in a session title is text in the schedule, never a tag."""
    md = build_report(one_session("<script>alert(1)</script> & <b>"), "schedule", "md")
    assert "| &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt; |" in md
    rendered = check_markdown(md, 1)
    assert "<script>alert(1)</script> & <b>" in rendered.text["td"]


def test_markdown_pipes_and_line_breaks_keep_the_table() -> None:
    """A pipe or a line break in a cell neither adds a cell nor ends the row."""
    md = build_report(one_session("a | b\r\nc || d\\"), "schedule", "md")
    row = next(line for line in md.splitlines() if line.startswith("| 1 |"))
    assert unescaped_pipes(row) == 6
    assert "a | b c || d\\" in check_markdown(md, 1).text["td"]


@pytest.mark.parametrize("title", [
    "# Nagłówek", "## Nagłówek ##", "- punkt", "+ punkt", "* punkt", "1. punkt", "2) punkt",
    "> cytat", "===", "---", "~~~", "```", "    kod", "<div>blok</div>",
    "[link](javascript:alert(1))", "![obraz](http://x/p.png)", "*ważne* __bardzo__",
    "`kod`", "<http://x.example>",
])
def test_markdown_structure_in_titles_and_notes_is_text(title: str) -> None:
    """A title or note that looks like Markdown structure reads as written."""
    md = to_markdown(ReportTable(title, ["a"], [[title]], [title]))
    rendered = check_markdown(md, 1)
    assert [t.strip() for t in rendered.text["h2"] + rendered.text["td"] + rendered.text["p"]
            ] == [title.strip()] * 3


def test_markdown_keeps_the_dash_item(michalowice: Project) -> None:
    """The harmonogram's ``-`` items stay a plain ``-`` in the activity table."""
    md = build_report(michalowice, "activities", "md")
    assert "| - | " in md


def test_html_reports_escape_everything(tarnowskie_gory: Project) -> None:
    """HTML reports of hostile titles: the page's own tags, the title as written."""
    title = "<script>alert(1)</script>\r\n<img src=x onerror=alert(2)> &amp; \"'\x00\x1b"
    project = retitled(tarnowskie_gory, title)
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "main", "footer",
               "h1", "h2", "section", "table", "caption", "colgroup", "col", "thead", "tbody",
               "tr", "th", "td", "p", "br", "span", "ul", "li"}
    for kind in KINDS:
        page = build_report(project, kind, "html")
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", page)
        parsed = parse_html(page)
        assert set(parsed.tags) <= allowed
        assert parsed.text["title"] == parsed.text["h1"] == [as_one_line(title)]


def test_html_keeps_line_breaks_in_cells() -> None:
    """A line break in a cell is a ``<br>``; a stray carriage return or NUL is not kept."""
    page = to_html(ReportTable("T", ["a"], [["a\r\nb\rc\x00d"]]))
    assert "<td>a<br>b<br>c d</td>" in page


# --- CSV ----------------------------------------------------------------------------

_FIGURE = re.compile(r"-?[0-9]+(?:[ \u00a0\u202f][0-9]+)*(?:[,.][0-9]+)?(?:[ \u00a0]?(?:zł|%))?")


def is_formula(cell: str) -> bool:
    """Reference: whether a spreadsheet would start a formula here (but for our figures)."""
    if cell == "-" or _FIGURE.fullmatch(cell):
        return False
    for char in cell:
        if char in "\t\r":
            return True
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
            continue
        return unicodedata.normalize("NFKC", char)[0] in FORMULA_SIGNS
    return False


def as_csv_text(text: str) -> str:
    """Reference: what a CSV cell keeps of text (tabs and line breaks, not other controls)."""
    return as_one_line(text, gaps=lambda char: unicodedata.category(char) == "Cc"
                       and char not in "\t\n\r")


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


@settings(max_examples=200, deadline=None)
@given(text=hostile_text)
def test_csv_cell_property(text: str) -> None:
    """A cell reads back as written, behind a ``'`` exactly when it would be a formula."""
    rows = read_csv(to_csv(ReportTable("T", ["a"], [[text]])))
    kept = as_csv_text(text)
    assert rows[1] == ["'" + kept if is_formula(kept) else kept]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, kind=st.sampled_from(KINDS))
def test_csv_report_property(tarnowskie_gory: Project, text: str, kind: str) -> None:
    """Whatever the titles, no cell of any CSV report starts a formula."""
    rows = read_csv(build_report(retitled(tarnowskie_gory, text), kind, "csv"))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if is_formula(cell)]


@pytest.mark.parametrize("cell", [
    "=1+2", "+1", "-2+3", "@SUM(A1:A2)", " =1+2", "\u00a0=1", "\u3000@x", " \t=1", "\t=1",
    "\r=1", "\tx", "\rx", "\n=1", "\x00=1", "\u200b=1", "＝1+2", "＋1", "－1", "＠x", "﹦1",
    "=HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0", "-x", "--", "- punkt", "-5 zł.",
    "+48 32 285 00 00", "-1e5",
])
def test_csv_neutralises_formula_cells(cell: str) -> None:
    """Text whose first non-blank character is a formula sign gets a leading ``'``."""
    assert read_csv(to_csv(ReportTable("T", ["a"], [[cell]])))[1] == [
        "'" + cell.replace("\x00", " ")]


@pytest.mark.parametrize("cell", [
    "-", "-5", "-5,25", "-0.5", "-1 234,50 zł", "-1\u00a0234,50 zł", "-2,5 %", "5", "Sala 1",
    "a=b", "x-y", "zł", "—", "– myślnik",
])
def test_csv_keeps_real_data(cell: str) -> None:
    """The ``-`` item, figures with a minus, and text not starting with a sign stay."""
    assert read_csv(to_csv(ReportTable("T", ["a"], [[cell]])))[1] == [cell]


def test_csv_numbers_stay_numbers() -> None:
    """Negative numbers given as numbers are written as they are (Polish decimal comma)."""
    rows = read_csv(to_csv(ReportTable("T", ["a", "b"], [[-4, Decimal("-2.5")]])))
    assert rows[1] == ["-4", "-2,5"]


def test_csv_activity_report_keeps_dash_items(michalowice: Project) -> None:
    """The harmonogram's unnumbered items keep their ``-`` in the CSV report."""
    rows = read_csv(build_report(michalowice, "activities", "csv"))
    dash_rows = [row for row in rows if row[0] == "-"]
    assert len(dash_rows) == sum(1 for row in activity_table(michalowice).rows
                                 if row[0] == "-") > 0


def test_csv_budget_keeps_negative_amounts(examples: dict[str, Project]) -> None:
    """A negative budget line is written ``-1234,50`` (a number), not neutralised; its title is."""
    project = examples["niedrzwica-duza"]
    assert project.funding is not None and project.funding.lines
    line = attrs.evolve(project.funding.lines[0], amount=pln("-1234.50"), title="=SUM(A1)")
    funding = attrs.evolve(project.funding, lines=(line, *project.funding.lines[1:]))
    rows = read_csv(build_report(attrs.evolve(project, funding=funding), "budget", "csv"))
    [row] = [row for row in rows if row[1:2] == ["'=SUM(A1)"]]
    assert row[3] == "-1234,50"


# --- SVG: the organisation chart and the activity chart -------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(root: ET.Element) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter(f"{SVG}text")]


@settings(max_examples=100, deadline=None)
@given(name=hostile_text, title=hostile_text)
def test_orgchart_svg_property(name: str, title: str) -> None:
    """Whatever the names, the organisation chart is well-formed XML showing them."""
    structure = Structure([Unit("d", name, "department", children=[
        Unit("z", name, "team", role="services", staff=2)])])
    root = ET.fromstring(render_orgchart_svg(structure, title=title))
    texts = svg_texts(root)
    assert texts[0] == as_one_line(title)
    assert all(text.startswith(f"{' '.join(as_one_line(name).split())}  [") for text in
               texts[1:])


def test_orgchart_svg_and_text_with_control_characters() -> None:
    """A control character or markup in a unit name neither breaks the XML nor the tree."""
    name = "Dział\x00 <Usług> & \"A\" 'B'\x1b[2J\r\nX"
    structure = Structure([Unit("d", name, "department")])
    root = ET.fromstring(render_orgchart_svg(structure, title=name))
    label = "Dział <Usług> & \"A\" 'B' [2J X  [dział · usługi]"
    assert svg_texts(root) == ["Dział  <Usług> & \"A\" 'B' [2J X", label]
    assert render_orgchart_text(structure) == label


def chart_texts(project: Project, path: Path) -> list[str]:
    """Draw the chart with text kept as SVG text (not paths), and return the texts."""
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        write_chart(project, path)
    return svg_texts(ET.parse(path).getroot())


# DejaVu Sans, matplotlib's font, has no CJK or emoji: matplotlib warns and draws a box.
@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=hostile_text, fonttype=st.sampled_from(["path", "none"]))
def test_chart_svg_property(michalowice: Project, tmp_path: Path, text: str,
                            fonttype: str) -> None:
    """Whatever the titles, the chart is well-formed XML and draws them as written.

    Text is drawn as glyph paths with the text in a comment (the default), or as SVG
    text elements, which show what was drawn.
    """
    path = tmp_path / "c.svg"
    with matplotlib.rc_context({"svg.fonttype": fonttype}):
        write_chart(retitled(michalowice, text), path)
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    if fonttype == "none":
        words = as_one_line(text).split()
        texts = svg_texts(root)
        # The first activity's label: "1  " and the title wrapped to at most two lines,
        # "…" where it is cut; the full text is the label's <title>.
        first = next(n for n, t in enumerate(texts) if t.startswith("1  "))
        shown = [texts[first][3:]]
        if len(" ".join(shown[0].split())) < len(" ".join(words)) and first + 1 < len(
                texts) and not texts[first + 1].startswith("1.1  "):
            shown.append(texts[first + 1])
        # Compared without blanks: a word longer than a line is broken across two.
        joined = "".join(" ".join(shown).removesuffix("…").split())
        assert "".join(words).startswith(joined)
        titles = ["".join(e.itertext()) for e in root.iter(f"{SVG}title")]
        assert f"1 {as_one_line(text)}" in titles


@pytest.mark.parametrize("title", ["$x^2$", "koszt 5$ i 7$", "$\\frac{a}$", "$\\undefined$",
                                   "\\$", "a $ b", "$$", "50% _x_ #1 &"])
def test_chart_draws_dollars_as_written(michalowice: Project, tmp_path: Path,
                                        title: str) -> None:
    """``$…$`` in a title is drawn as written, and unparseable mathematics does not raise."""
    project = retitled(michalowice, title)
    texts = chart_texts(project, tmp_path / "c.svg")
    assert title in texts  # the chart's title
    assert f"1  {title}" in texts  # the first activity's label
    write_chart(project, tmp_path / "c.png")
    assert (tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_chart_with_control_characters_is_valid_xml(michalowice: Project,
                                                    tmp_path: Path) -> None:
    """A control character in a title (invalid in XML 1.0) does not reach the SVG."""
    title = "Plan\x00\x0b\x1b <b>&</b>\r\nkoniec"
    for fonttype in ("path", "none"):
        path = tmp_path / f"{fonttype}.svg"
        with matplotlib.rc_context({"svg.fonttype": fonttype}):
            write_chart(retitled(michalowice, title), path)
        ET.parse(path)
    assert "Plan <b>&</b> koniec" in svg_texts(ET.parse(tmp_path / "none.svg").getroot())


def test_chart_command_with_hostile_titles(tmp_path: Path, michalowice: Project) -> None:
    """`opsreform chart` draws a file with hostile titles into a well-formed SVG."""
    source = tmp_path / "m.toml"
    save_project(retitled(michalowice, "$x$ <svg> \r\n&"), source)
    assert main(["chart", str(source), "-o", str(tmp_path / "m.svg")]) == 0
    ET.parse(tmp_path / "m.svg")


def _commands(source: Path, out: Path) -> Iterator[list[str]]:
    for kind in KINDS:
        for fmt in ("md", "html", "csv"):
            yield ["report", str(source), "--kind", kind, "--format", fmt, "-o",
                   str(out / f"{kind}.{fmt}")]
    yield ["report", str(source), "--kind", "organisation", "--format", "text", "-o",
           str(out / "organisation.txt")]


def test_report_command_with_hostile_titles(tmp_path: Path, tarnowskie_gory: Project
                                            ) -> None:
    """`opsreform report` of hostile titles: every kind and format, no tag, no control."""
    source = tmp_path / "p.toml"
    save_project(retitled(tarnowskie_gory, "<script>x</script>\r\n=1+2 | $x$ [2J\t"),
                 source)
    for args in _commands(source, tmp_path):
        assert main(args) == 0
        text = Path(args[-1]).read_text(encoding="utf-8")
        if args[-1].endswith((".md", ".html")):  # CSV and text are not markup
            assert "<script" not in text
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
