"""CSV reports for a Polish spreadsheet: typed cells, layout, and what LibreOffice Calc reads."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsreform.model.project import Project
from opsreform.reports._escape import csv_cell
from opsreform.reports.cli import KINDS, build_report, report_tables
from opsreform.reports.tables import Cell, ReportTable, Share, Zloty, csv_field, to_csv
from tests.test_xlsx import typed_cells


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def unquote(field: str) -> tuple[str, bool]:
    """One field's text as a CSV reader gives it, and whether it was quoted."""
    [[text]] = csv.reader(io.StringIO(field or '""'), delimiter=";")
    return text, field.startswith('"')


POLISH_DECIMAL = re.compile(r"-?[0-9]+(,[0-9]+)?")


@settings(max_examples=300)
@given(cell=typed_cells)
def test_typed_cell_round_trip(cell: Cell) -> None:
    """Each typed cell reads back as its value: numbers, dates, hours; text as written."""
    text, quoted = unquote(csv_field(cell))
    if cell is None:
        assert (text, quoted) == ("", False)
    elif isinstance(cell, str):
        assert quoted and text == csv_cell(cell)
    elif isinstance(cell, Zloty):
        assert quoted and re.fullmatch(r"-?[0-9]+,[0-9]{2}", text)
        assert Decimal(text.replace(",", ".")) == cell.value
    elif isinstance(cell, Share):
        assert quoted and text == str(cell)
    elif isinstance(cell, Decimal):
        assert quoted and POLISH_DECIMAL.fullmatch(text)
        assert Decimal(text.replace(",", ".")) == cell
    elif isinstance(cell, int):
        assert not quoted and int(text) == cell
    elif isinstance(cell, date):
        assert not quoted and datetime.strptime(text, "%d.%m.%Y").date() == cell
    else:
        assert not quoted and datetime.strptime(text, "%H:%M").time() == cell


@settings(max_examples=100)
@given(rows=st.lists(st.lists(typed_cells, min_size=2, max_size=2), max_size=5))
def test_table_reads_back(rows: list[list[Cell]]) -> None:
    """A table reads back by a CSV reader with one field per cell and no title row."""
    table = ReportTable("Tytuł", ["a", "b"], rows)
    back = read_csv(to_csv(table))
    assert back[0] == ["a", "b"]
    assert back[1:] == [[unquote(csv_field(c))[0] for c in row] for row in rows]


def test_text_is_quoted_numbers_are_not() -> None:
    """Text and decimals are quoted (Calc splits at commas too); integers, dates, hours bare."""
    line = to_csv(ReportTable("T", ["a"] * 8, [["1.1", "-", 12, Decimal("2.5"),
                                                 Zloty("-1234.5"), date(2018, 5, 22),
                                                 time(8, 30), "Sala, 1"]])).splitlines()[1]
    assert line == '"1.1";"-";12;"2,5";"-1234,50";22.05.2018;08:30;"Sala, 1"'


@pytest.mark.parametrize("kind", KINDS)
def test_layout_of_every_report(kind: str, examples: dict[str, Project]) -> None:
    """One table: the header row first; several: each led by its title, one empty row between."""
    for project in examples.values():
        tables = report_tables(project, kind)
        rows = read_csv(build_report(project, kind, "csv"))
        if len(tables) == 1:
            assert rows[0] == list(tables[0].headers)
            assert len(rows) == 1 + len(tables[0].rows)
            continue
        expected: list[str | None] = []  # the first cell of each line
        for n, table in enumerate(tables):
            expected += [None] if n else []
            expected += [table.title, table.headers[0]]
            expected += [unquote(csv_field(row[0]))[0] for row in table.rows]
        assert [r[0] if r else None for r in rows] == [
            e if e is None else unquote(csv_field(e))[0] for e in expected]


def test_no_title_row_above_a_single_table(examples: dict[str, Project]) -> None:
    """The activities of Michałowice: the header is the first line, after the BOM."""
    text = build_report(examples["michalowice"], "activities", "csv")
    assert text.startswith('\ufeff"Lp.";"Zaplanowane działanie/wsparcie";"Okres realizacji"\r\n')


# --- what LibreOffice Calc makes of it -------------------------------------------------

SOFFICE = shutil.which("soffice")
# Calc's text import as a fresh Polish Calc offers it: comma, semicolon and tab as
# separators, '"' around text, UTF-8, from row 1, Polish, "Format quoted field as text"
# off, "Detect special numbers" off, "Evaluate formulas" off (the defaults of the dialog
# in Calc 7.4: org.openoffice.Office.Calc/Dialogs/CSVImport).
CALC_DEFAULTS = "44/59/9,34,76,1,,1045,false,false,,,,,false"
# The same with "Detect special numbers" ticked and only the semicolon.
CALC_SPECIAL = "59,34,76,1,,1045,false,true,,,,,false"


def calc_import(tmp_path: Path, csv_text: str, options: str) -> openpyxl.Workbook:
    """Open the CSV in Calc with ``options``, save it as xlsx, read that back."""
    source = tmp_path / "report.csv"
    source.write_text(csv_text, encoding="utf-8", newline="")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                    f"--infilter=CSV:{options}", "--convert-to", "xlsx", "--outdir",
                    str(tmp_path / "out"), str(source)],
                   check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(tmp_path)})
    return openpyxl.load_workbook(tmp_path / "out" / "report.xlsx")


needs_calc = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


@needs_calc
def test_calc_defaults_keep_text_and_numbers(tmp_path: Path, examples: dict[str, Project]
                                             ) -> None:
    """In Calc (defaults): 1.1 and - stay text, amounts and hours are numbers, nothing splits."""
    tables = [*report_tables(examples["michalowice"], "activities"),
              *report_tables(examples["tarnowskie-gory"], "budget"),
              *report_tables(examples["tarnowskie-gory"], "sl2014"),
              ReportTable("T", ["a", "b"], [["=1+2", "Sala, 1 (ul. Długa 1)"],
                                            ["2018-05", Decimal("2.5")]])]
    sheet = calc_import(tmp_path, to_csv(tables), CALC_DEFAULTS).worksheets[0]
    cells = {(c.row, c.column): c for row in sheet.iter_rows() for c in row if c.value is not None}
    by_text = {str(c.value): c for c in cells.values()}
    for number in ("1.1", "1.3", "2.7", "-", "2018-05", "42-600", "'=1+2"):
        assert by_text[number].data_type == "s", number
    assert by_text["Sala, 1 (ul. Długa 1)"].column == 2  # one cell, not split at the comma
    numbers = [c.value for c in cells.values() if c.data_type == "n"]
    assert 356397.5 in numbers and 300371.81 in numbers and 2.5 in numbers
    assert "22.05.2018" in by_text and "08:00" in by_text  # the same text, as typed
    assert not any(c.data_type == "f" for c in cells.values())


@needs_calc
def test_calc_special_numbers_give_dates(tmp_path: Path, examples: dict[str, Project]) -> None:
    """With "Detect special numbers": dates and hours become date and time cells."""
    table = report_tables(examples["tarnowskie-gory"], "sl2014")[0]
    sheet = calc_import(tmp_path, to_csv(table), CALC_SPECIAL).worksheets[0]
    day, start = sheet.cell(2, 4), sheet.cell(2, 5)
    assert day.is_date and day.value == datetime(2018, 1, 11)
    assert start.is_date and start.value == time(8)
    assert sheet.cell(2, 7).value == "42-600" and sheet.cell(2, 10).data_type == "n"
