"""Printed pages: the wall schedule, the findings page, templates, logo, header and footer."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import opsreform
from opsreform.cli import main
from opsreform.exceptions import TemplateError, ValidationError
from opsreform.findings import Finding
from opsreform.model.project import Project
from opsreform.model.sessions import SessionStatus
from opsreform.reports.html import (
    LOGO_MAX_BYTES,
    Logo,
    PageOptions,
    findings_page,
    schedule_page,
    tables_page,
)
from opsreform.reports.tables import ReportTable
from tests.conftest import EXAMPLES

NBSP = "\u00a0"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\x18\xdd\x8d"
       b"\xb0\x00\x00\x00\x00IEND\xaeB`\x82")


class Page(HTMLParser):
    """The parts of a page the tests look at: tables with their columns and rows."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tables: list[dict[str, list]] = []  # type: ignore[type-arg]
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.text: dict[str, list[str]] = {}
        self.rows: list[tuple[str, list[str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a table, a column or a row; remember the tag and its attributes."""
        attributes = {k: v or "" for k, v in attrs}
        if tag == "table":
            self.tables.append({"cols": [], "rows": [], "caption": []})
        elif tag == "col":
            self.tables[-1]["cols"].append(attributes.get("class", ""))
        elif tag == "tr":
            self.rows.append((attributes.get("class", ""), []))
            if self.tables:
                self.tables[-1]["rows"].append(self.rows[-1])
        if tag not in ("col", "br", "meta", "img"):
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost element of that name."""
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        """File text by its element, its row, its table's caption, and nowrap pieces."""
        if not self.stack:
            return
        tag, attributes = self.stack[-1]
        self.text.setdefault(tag, []).append(data)
        if "nowrap" in attributes.get("class", ""):
            self.text.setdefault("nowrap", []).append(data)
        if any(t == "td" for t, _ in self.stack) and self.rows:
            self.rows[-1][1].append(data)
        if tag == "caption" or any(t == "caption" for t, _ in self.stack):
            self.tables[-1]["caption"].append(data)


@pytest.fixture(scope="module")
def tg_page(examples: dict[str, Project]) -> str:
    """The wall schedule of Tarnowskie Góry, as the command line writes it."""
    return schedule_page(examples["tarnowskie-gory"])


def _row(page: Page, number: str, text: str) -> tuple[str, list[str]]:
    return next(row for row in page.rows if row[1][:1] == [number] and text in "".join(row[1]))


def test_every_table_has_the_same_fixed_columns(tg_page: str) -> None:
    """The three tables share one colgroup, laid out fixed (widths never follow the content)."""
    page = Page(tg_page)
    assert len(page.tables) == 3
    assert {tuple(t["cols"]) for t in page.tables} == {
        ("c-number", "c-title", "c-date", "c-hours", "c-address", "c-marks")}
    assert "table.schedule { table-layout: fixed; }" in tg_page
    assert re.search(r"col\.c-date \{ width: [\d.]+em; \}", tg_page)


def test_dates_and_slots_do_not_break(tg_page: str, examples: dict[str, Project]) -> None:
    """Every date and slot is one unbreakable piece: non-breaking spaces, white-space: nowrap."""
    page = Page(tg_page)
    sessions = examples["tarnowskie-gory"].sessions
    pieces = page.text["nowrap"]
    assert f"12{NBSP}czerwca{NBSP}2018" in pieces
    assert f"08.00{NBSP}-{NBSP}11.00" in pieces and f"11.00{NBSP}-{NBSP}14.00" in pieces
    assert all(" " not in piece for piece in pieces)
    # A date per session, a slot per slot.
    assert len(pieces) == len(sessions) + sum(len(s.slots) for s in sessions) == 28 + 33
    assert ".nowrap { white-space: nowrap; }" in tg_page


def test_period_breaks_only_at_its_dash(examples: dict[str, Project]) -> None:
    """A study visit's period is pieces that break at most after the dash."""
    page = Page(schedule_page(examples["swilcza"], findings=()))
    assert f"2–3{NBSP}sierpnia{NBSP}2021" in page.text["nowrap"]
    assert "MOPS Dębica" in page.text["td"]


def test_funding_line_breaks_and_header(tg_page: str) -> None:
    """Header: title and beneficiary; footer: the funding line; breaks as written, under it."""
    page = Page(tg_page)
    assert page.text["h1"] == ["Nowy Model - Lepsza Jakość"]
    assert page.text["p"][0] == "Miejski Ośrodek Pomocy Społecznej w Tarnowskich Górach"
    footer = tg_page[tg_page.index('<footer class="page-footer">'):]
    assert "Projekt „Nowy Model - Lepsza Jakość” współfinansowany ze środków Unii Europejskiej" \
        in footer
    assert "PO WER 2014-2020, oś priorytetowa II, Działanie 2.5 „Skuteczna pomoc społeczna”" \
        in footer
    assert "Wartość projektu: 356 397,50 zł, w tym ze środków Unii Europejskiej: 300 371,81 zł" \
        in footer
    breaks = tg_page[tg_page.index('<section class="breaks">'):tg_page.index("<footer")]
    for declared in opsreform.load_project(EXAMPLES / "tarnowskie-gory.toml").breaks:
        assert f"<p>{declared.text}</p>" in breaks


def test_findings_are_marked_on_their_sessions(tg_page: str,
                                               examples: dict[str, Project]) -> None:
    """The clashes are error rows with ✖ and a number; the gap in Lp. is a row; a legend."""
    page = Page(tg_page)
    clash = _row(page, "6", "12\u00a0czerwca")
    assert clash[0] == "error" and any(t.startswith("✖") for t in clash[1])
    assert _row(page, "8", "INTERPERSONALNYCH cz.2")[0] == "error"
    assert _row(page, "4", "12\u00a0czerwca")[0] == ""  # the other side is named in the note
    gap = [row for row in page.rows if row[0] == "gap"]
    assert len(gap) == 1 and gap[0][1][0] == "5"
    third = page.tables[2]
    assert [row[1][0] for row in third["rows"][1:]] == ["1", "2", "3", "4", "5", "6", "7"]
    assert "⚠" in "".join(third["caption"])  # the numbering warning is the table's
    assert "Objaśnienia" in page.text["h2"]
    # Each finding about a session or a table is explained exactly once.
    found = [f for f in opsreform.check(examples["tarnowskie-gory"])
             if f.subject.startswith(("session", "table"))]
    # 2 clashes, the gap, 4 staff groups at two addresses at once, the notice of 3 tables
    assert len(found) == 10
    for finding in found:
        assert sum(finding.message in item for item in page.text["li"]) == 1


def test_no_findings_no_marks(examples: dict[str, Project]) -> None:
    """Given no findings, the page has no marks column, and the legend explains the gap only."""
    page = schedule_page(examples["tarnowskie-gory"], findings=())
    assert "c-marks" not in re.sub(r"col\.c-marks \{[^}]*\}", "", page)
    body = page.split("</style>")[1]
    assert not {"✖", "⚠", "ℹ"} & set(body)
    legend = body[body.index('<section class="legend">'):]
    assert legend.count("<li>") == 1 and "pominięty" in legend


def test_cancelled_session_is_struck_out(examples: dict[str, Project]) -> None:
    """A cancelled session stays on the wall, struck out and said to be cancelled."""
    project = examples["tarnowskie-gory"]
    project = attrs.evolve(project, sessions=tuple(
        attrs.evolve(s, status=SessionStatus.CANCELLED) if s.id == "2018-05-07#2" else s
        for s in project.sessions))
    page = Page(schedule_page(project, findings=()))
    row = _row(page, "2", "23\u00a0maja")
    assert row[0] == "cancelled" and "SUPERWIZJA (odwołane)" in row[1]


def test_english_labels(examples: dict[str, Project]) -> None:
    """With lang="en" the headers, legend and funding line are English."""
    page = schedule_page(examples["tarnowskie-gory"], lang="en")
    assert "<th>No.</th>" in page and "Legend" in page and "co-financed by the European" in page
    assert 'lang="en"' in page


def test_findings_page_errors_first_coloured_once(examples: dict[str, Project]) -> None:
    """Errors, then warnings, then notes; rows coloured by severity; each finding once."""
    project = examples["tarnowskie-gory"]
    found = opsreform.check(project)
    text = findings_page(project, findings=[*found, found[-1]])
    page = Page(text)
    classes = [row[0] for row in page.rows if row[0]]
    assert classes == ["error"] * 2 + ["warning"] * 5 + ["info"] * 12
    for finding in found:
        assert text.count(f"<td>{finding.message}</td>") == 1
    assert "tr.error td { background: #fdecea; }" in text
    assert "Błędy: 2, ostrzeżenia: 5, uwagi: 12" in page.text["p"]
    empty = findings_page(project, findings=())
    assert "Kontrola nie wykazała uwag." in empty and "<table" not in empty


def test_header_footer_and_logo(tmp_path: Path, examples: dict[str, Project]) -> None:
    """--header and --footer replace the defaults; the logo is embedded as a data URI."""
    logo = tmp_path / "strip.png"
    logo.write_bytes(PNG)
    options = PageOptions(header="Harmonogram <MOPS>", footer="Stan na 1.06.2018\nstrona www",
                          logo=logo)
    page = schedule_page(examples["tarnowskie-gory"], options=options)
    assert "<h1>Harmonogram &lt;MOPS&gt;</h1>" in page
    assert "<p>Stan na 1.06.2018</p>\n<p>strona www</p>" in page
    assert "Europejskiego Funduszu" not in page
    assert f'<img class="logo" src="{Logo(mime="image/png", data=PNG).data_uri}"' in page
    assert 'src="data:image/png;base64,iVBORw0KGgo' in page
    assert str(tmp_path) not in page
    none = schedule_page(examples["tarnowskie-gory"], options=PageOptions(footer=""))
    assert "<footer" not in none


def test_logo_must_be_a_small_regular_image(tmp_path: Path) -> None:
    """A folder, a FIFO, a device, too large a file or a non-image is refused, not read."""
    big = tmp_path / "big.png"
    big.write_bytes(PNG + b"\x00" * LOGO_MAX_BYTES)
    text = tmp_path / "logo.png"
    text.write_text("not an image")
    cases = [tmp_path, big, text, tmp_path / "missing.png", Path(os.devnull)]
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.png"
        os.mkfifo(fifo)
        cases.append(fifo)
    for path in cases:
        with pytest.raises(ValidationError, match="logo"):
            PageOptions(logo=path)
    svg = tmp_path / "logo.svg"
    svg.write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert Logo.read(svg).mime == "image/svg+xml"
    assert repr(Logo.read(svg)).startswith("Logo(image/svg+xml, ")


def test_templates_override_ours_by_name(tmp_path: Path, examples: dict[str, Project]) -> None:
    """A folder's template replaces ours by name, can extend ours, and is still escaped."""
    (tmp_path / "schedule.html.j2").write_text(
        '{% extends "opsreform/schedule.html.j2" %}'
        "{% block footer %}<footer>Nasza stopka: {{ header }}</footer>{% endblock %}",
        encoding="utf-8")
    options = PageOptions(header="<b>x</b>\x00", template_dir=tmp_path)
    page = schedule_page(examples["tarnowskie-gory"], options=options)
    assert "<footer>Nasza stopka: &lt;b&gt;x&lt;/b&gt; </footer>" in page
    assert "SUPERWIZJA" in page  # the rest is ours
    (tmp_path / "base.html.j2").write_text("<p>{{ title }}</p>{% block content %}{% endblock %}",
                                           encoding="utf-8")
    assert tables_page(ReportTable("T & U", ["a"], [["1"]]), options=PageOptions(
        template_dir=tmp_path)).startswith("<p>T &amp; U</p>")


def test_broken_or_unsafe_templates_are_template_errors(tmp_path: Path,
                                                        examples: dict[str, Project]) -> None:
    """Syntax errors, unknown names and the sandbox's refusals name the template."""
    project = examples["swilcza"]
    cases = {"{% if %}": "line 1|:1", "{{ nothing_here }}": "undefined",
             "{{ title.__class__.__mro__ }}": "unsafe|__class__"}
    for source, expected in cases.items():
        (tmp_path / "findings.html.j2").write_text(source, encoding="utf-8")
        with pytest.raises(TemplateError, match=expected):
            findings_page(project, options=PageOptions(template_dir=tmp_path), findings=())
    with pytest.raises(ValidationError, match="template"):
        PageOptions(template_dir=tmp_path / "missing")


def test_report_command_page_options(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`opsreform report --format html` takes --header, --footer, --logo, --template-dir."""
    logo = tmp_path / "strip.png"
    logo.write_bytes(PNG)
    out = tmp_path / "s.html"
    assert main(["report", str(EXAMPLES / "tarnowskie-gory.toml"), "--format", "html",
                 "--kind", "schedule", "--header", "Harmonogram", "--footer", "Stopka",
                 "--logo", str(logo), "--template-dir", str(tmp_path), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<h1>Harmonogram</h1>" in page and "<p>Stopka</p>" in page and "data:image/png" in page
    assert main(["report", str(EXAMPLES / "tarnowskie-gory.toml"), "--format", "html",
                 "--logo", str(tmp_path)]) == 2
    assert "logo: the logo must be a regular file" in capsys.readouterr().err
    (tmp_path / "base.html.j2").write_text("{% endblock %}", encoding="utf-8")
    assert main(["report", str(EXAMPLES / "swilcza.toml"), "--format", "html",
                 "--kind", "budget", "--template-dir", str(tmp_path)]) == 2
    assert "base.html.j2:1:" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["michalowice", "warszawa-ochota", "swilcza",
                                  "niedrzwica-duza"])
def test_every_example_prints(name: str, examples: dict[str, Project]) -> None:
    """Each example gives a schedule page with its title and a findings page."""
    project = examples[name]
    assert Page(schedule_page(project)).text["h1"] == [project.title]
    assert findings_page(project).count("<table") == len(
        {f.severity for f in opsreform.check(project)})


def test_finding_marks_only_on_named_subjects(examples: dict[str, Project]) -> None:
    """A finding is marked where its subject points, never elsewhere."""
    project = examples["tarnowskie-gory"]
    finding = Finding("weekend", "warning", "session 2018-01-superwizja#3", "sobota")
    page = Page(schedule_page(project, findings=[finding]))
    assert [row[0] for row in page.rows if row[0] not in ("", "gap")] == ["warning"]
    assert _row(page, "3", "19\u00a0stycznia")[0] == "warning"
