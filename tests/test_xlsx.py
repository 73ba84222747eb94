"""Workbooks: every report kind of every example, read back by openpyxl (an independent reader)."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.worksheet.worksheet import Worksheet

from opsreform.cli import main
from opsreform.files.project import save_project
from opsreform.model.project import Project
from opsreform.reports.cli import KINDS, build_workbook, report_tables
from opsreform.reports.tables import Cell, ReportTable, Share, Zloty
from opsreform.reports.xlsx import (
    DATE_FORMAT,
    PAPER_A4,
    SHARE_FORMAT,
    TIME_FORMAT,
    ZLOTY_FORMAT,
    sheet_names,
    to_xlsx,
)
from tests.conftest import EXAMPLES
from tests.strategies import dates
from tests.test_export_safety import as_one_line, hostile_text, retitled

FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def as_workbook_text(text: str) -> str:
    """Reference: line breaks as LF, tabs kept, each run of other controls one space."""
    lines = re.split("\r\n|[\n\r\x85\u2028\u2029]", text)
    return "\n".join(as_one_line(line, gaps=lambda c: unicodedata.category(c) == "Cc"
                                 and c != "\t") for line in lines)


def read(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def value(cell: XlCell) -> object:
    """A cell's value as written: dates as dates and times as times (openpyxl gives datetimes)."""
    if isinstance(cell.value, datetime) and cell.number_format == DATE_FORMAT:
        return cell.value.date()
    return cell.value


def check_layout(sheet: Worksheet, table: ReportTable) -> None:
    """The header row is frozen and printed on every page; A4 landscape, one page wide."""
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == PAPER_A4
    # One page wide (1 is the default, left out of the file), as many pages tall as needed.
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert [c.value for c in sheet[1]][:len(table.headers)] == list(table.headers)
    assert all(c.font.b for c in sheet[1])
    widths = {col: dim.width for key, dim in sheet.column_dimensions.items()
              for col in range(dim.min, dim.max + 1)}
    assert set(widths) == set(range(1, len(table.headers) + 1))
    assert all(6 <= w <= 61 for w in widths.values())


def check_cell(got: XlCell, cell: Cell) -> None:
    """A cell of the workbook has the type and number format of the table's cell."""
    if cell is None:
        assert got.value is None
    elif isinstance(cell, str):
        assert got.data_type == "s" and got.value == as_workbook_text(cell)
        assert got.quotePrefix
    elif isinstance(cell, Zloty):
        assert got.data_type == "n" and got.number_format == ZLOTY_FORMAT
        assert Decimal(str(got.value)).quantize(Decimal("0.01")) == cell.value
    elif isinstance(cell, Share):
        assert got.data_type == "n" and got.number_format == SHARE_FORMAT
        assert got.value == pytest.approx(float(cell.value))
    elif isinstance(cell, date):
        assert got.is_date and got.number_format == DATE_FORMAT and value(got) == cell
    elif isinstance(cell, time):
        assert got.is_date and got.number_format == TIME_FORMAT and got.value == cell
    else:
        assert got.data_type == "n" and Decimal(str(got.value)) == cell


@pytest.mark.parametrize("kind", KINDS)
def test_every_report_of_every_example(kind: str, examples: dict[str, Project]) -> None:
    """Each kind of each example: one sheet per table, every cell of its type, ready to print."""
    for project in examples.values():
        tables = report_tables(project, kind)
        book = read(build_workbook(project, kind))
        assert book.sheetnames == (sheet_names([t.name or t.title for t in tables])
                                   or ["Arkusz1"])
        for sheet, table in zip(book.worksheets if tables else [], tables, strict=True):
            check_layout(sheet, table)
            for n, row in enumerate(table.rows, start=2):
                for col, cell in enumerate(row, start=1):
                    check_cell(sheet.cell(n, col), cell)
            notes = [sheet.cell(len(table.rows) + 3 + k, 1).value
                     for k in range(len(table.notes))]
            assert notes == [as_workbook_text(n) for n in table.notes]


def test_schedule_types(examples: dict[str, Project]) -> None:
    """Tarnowskie Góry: Lp. a number, the day a date cell dd.mm.yyyy, hours text."""
    sheet = read(build_workbook(examples["tarnowskie-gory"], "schedule"))["Harmonogram 2018-05-07"]
    lp, title, day, hours = (sheet.cell(2, c) for c in range(1, 5))
    assert (lp.value, lp.data_type) == (1, "n")
    assert title.value == "SUPERWIZJA"
    assert value(day) == date(2018, 5, 22) and day.number_format == "dd.mm.yyyy"
    assert hours.value == "08.00 - 11.00 11.00 - 14.00" and hours.data_type == "s"


def test_activity_numbers_are_text(examples: dict[str, Project]) -> None:
    """Michałowice: 1.1 … 2.7 and the ``-`` items are strings, never numbers or dates."""
    sheet = read(build_workbook(examples["michalowice"], "activities")).worksheets[0]
    numbers = [sheet.cell(n, 1) for n in range(2, sheet.max_row + 1)]
    assert {c.value for c in numbers} >= {"1.1", "1.3", "2.7", "-"}
    assert all(c.data_type == "s" and c.quotePrefix for c in numbers)


def test_budget_amounts_are_numbers(examples: dict[str, Project]) -> None:
    """Tarnowskie Góry: 356 397,50 zł is the number 356397.5 in złoty format; 84,28 % a share."""
    sheet = read(build_workbook(examples["tarnowskie-gory"], "budget")).worksheets[0]
    rows = {sheet.cell(n, 1).value: (sheet.cell(n, 2), sheet.cell(n, 3))
            for n in range(2, sheet.max_row + 1)}
    total, share = rows["Razem"]
    assert total.value == 356397.5 and "zł" in total.number_format
    eu, eu_share = rows["środki europejskie (EFS)"]
    assert eu.value == 300371.81 and f"{eu_share.value:.4f}" == "0.8428"
    assert share.value == 1 and eu_share.number_format == "0.00%"


def test_contract_hours_are_numbers(examples: dict[str, Project]) -> None:
    """Contract progress: the hours are numbers; the month stays text (not a date)."""
    sheet = read(build_workbook(examples["tarnowskie-gory"], "contracts")).worksheets[0]
    month, scheduled = sheet.cell(2, 1), sheet.cell(2, 2)
    assert month.data_type == "s" and re.fullmatch(r"\d{4}-\d{2}", str(month.value))
    assert scheduled.data_type == "n"


def test_same_tables_same_bytes(examples: dict[str, Project]) -> None:
    """No creation time in the file: the same report gives the same bytes."""
    project = examples["tarnowskie-gory"]
    assert build_workbook(project, "schedule") == build_workbook(project, "schedule")


def test_sheet_names_of_long_and_equal_titles() -> None:
    """Long, equal and forbidden titles give valid, distinct sheet names."""
    title = "Szczegółowy harmonogram udzielania wsparcia: [styczeń]/luty?"
    tables = [ReportTable(title, ["a"], [["x"]]) for _ in range(12)]
    names = read(to_xlsx(tables)).sheetnames
    assert len({n.casefold() for n in names}) == 12
    assert names[0] == "Szczegółowy harmonogram udziela"
    assert names[11].endswith(" (12)")
    assert all(len(n) <= 31 and not FORBIDDEN.search(n) for n in names)


@settings(max_examples=200)
@given(st.lists(st.one_of(hostile_text, st.text()), max_size=8))
def test_sheet_names_property(wanted: list[str]) -> None:
    """Whatever the wanted names: ≤ 31 UTF-16 units, no forbidden character, unique."""
    names = sheet_names(wanted)
    assert len(names) == len(wanted)
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert 0 < len(name.encode("utf-16-le")) // 2 <= 31
        assert not FORBIDDEN.search(name) and not name.startswith("'")
        assert not name.endswith("'") and name.casefold() != "history"
        assert not re.search("[\x00-\x1f\x7f-\x9f]", name)


typed_cells = st.one_of(
    st.none(),
    st.text(),
    st.integers(-10**9, 10**9),
    st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False),
    st.decimals(min_value=-10**11, max_value=10**11, places=2, allow_nan=False).map(Zloty),
    st.fractions(min_value=0, max_value=1, max_denominator=10**4).map(Share),
    dates,
    st.times().map(lambda t: t.replace(second=0, microsecond=0)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(typed_cells, min_size=3, max_size=3), max_size=6))
def test_typed_cells_round_trip(rows: list[list[Cell]]) -> None:
    """Any typed cells come back from the workbook with their types and values."""
    table = ReportTable("T", ["a", "b", "c"], rows)
    sheet = read(to_xlsx(table)).worksheets[0]
    for n, row in enumerate(rows, start=2):
        for col, cell in enumerate(row, start=1):
            check_cell(sheet.cell(n, col), cell)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, kind=st.sampled_from(KINDS))
def test_hostile_titles(examples: dict[str, Project], text: str, kind: str) -> None:
    """Whatever the titles: no formula cell, text as written (controls a space), valid names."""
    project = retitled(examples["tarnowskie-gory"], text)
    book = read(build_workbook(project, kind))
    for sheet in book.worksheets:
        assert len(sheet.title) <= 31 and not FORBIDDEN.search(sheet.title)
        for row in sheet.iter_rows():
            assert not any(c.data_type == "f" for c in row)
    title = book.properties.title or ""
    assert len(title) <= 255 and as_one_line(text).startswith(title)


def test_formula_text_is_a_string() -> None:
    """``=1+2`` and ``=HYPERLINK(...)`` are written as strings, not as formulas."""
    cells_in = ["=1+2", '=HYPERLINK("http://x")', "@x", "-", "_x0041_"]
    table = ReportTable("=1+2 & &G", ["=SUM(A1)"], [[c] for c in cells_in])
    sheet = read(to_xlsx(table)).worksheets[0]
    cells = [sheet.cell(n, 1) for n in range(1, 7)]
    assert [c.value for c in cells] == ["=SUM(A1)", *cells_in]  # _x0041_ is not "A"
    assert all(c.data_type == "s" for c in cells)
    assert sheet.title == "=1+2 & &G"


def test_page_header_shows_the_title() -> None:
    """The title is printed at the top of each page, its ampersands escaped."""
    sheet = read(to_xlsx(ReportTable("Umowa A&B", ["a"], [["x"]]))).worksheets[0]
    assert sheet.oddHeader.center.text == "Umowa A&&B"
    assert "&P" in (sheet.oddFooter.center.text or "")


def test_no_tables_is_one_empty_sheet() -> None:
    """No table still makes a valid workbook (one empty sheet)."""
    assert read(to_xlsx([])).sheetnames == ["Arkusz1"]
    assert read(to_xlsx([], lang="en")).sheetnames == ["Sheet1"]


def test_report_command_writes_xlsx(tmp_path: Path) -> None:
    """`opsreform report --format xlsx -o` writes a workbook for every kind."""
    for kind in KINDS:
        out = tmp_path / f"{kind}.xlsx"
        assert main(["report", str(EXAMPLES / "tarnowskie-gory.toml"), "--kind", kind,
                     "--format", "xlsx", "-o", str(out)]) == 0
        assert read(out.read_bytes()).worksheets


def test_report_command_hostile_project(tmp_path: Path, examples: dict[str, Project]) -> None:
    """A project file with hostile titles gives a workbook that reads back."""
    source = tmp_path / "p.toml"
    save_project(retitled(examples["tarnowskie-gory"], "<x>\r\n=1+2 [a]:*?/\\ \t'"), source)
    out = tmp_path / "s.xlsx"
    assert main(["report", str(source), "--kind", "schedule", "--format", "xlsx", "-o",
                 str(out)]) == 0
    titles = read(out.read_bytes()).sheetnames
    assert titles[0].startswith("Harmonogram")
