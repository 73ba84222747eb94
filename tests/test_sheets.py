"""Session tables kept as spreadsheets (.xlsx, .ods): the same sessions, errors and findings."""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import attrs
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

import opsreform
from opsreform.exceptions import ProjectFileError
from opsreform.files.sheets import sheet_rows
from opsreform.text.dates import parse_date
from tests.conftest import EXAMPLES

MAY = "tarnowskie-gory-2018-05-07"


def _md_rows(name: str) -> list[list[str]]:
    """The header and rows of a Markdown example table, as cell texts."""
    lines = (EXAMPLES / "tables" / f"{name}.md").read_text(encoding="utf-8").splitlines()
    return [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines
            if line.startswith("|") and not set(line) <= set("|-: ")]


def _typed(cell: str, column: int) -> object:
    """A cell as a coordinator's spreadsheet holds it: Lp. a number, a date a date cell."""
    if column == 0 and cell.isdigit():
        return float(cell)
    if column == 2:
        try:
            day = parse_date(cell)
        except opsreform.ParseError:
            return cell
        return datetime(day.year, day.month, day.day)
    return cell


def _xlsx(rows: list[list[object]], sheet: str = "Harmonogram", *, other: bool = False,
          top: int = 2) -> bytes:
    """A workbook with the rows from row ``top + 1`` on (a title above, as people do)."""
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    if other:
        book.add_worksheet("Notatki").write(0, 0, "nic")
    sheet_ = book.add_worksheet(sheet)
    sheet_.write(0, 0, "SZCZEGÓŁOWY HARMONOGRAM")
    dates = book.add_format({"num_format": "dd.mm.yyyy"})
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, datetime):
                sheet_.write_datetime(top + r, c, cell, dates)
            elif isinstance(cell, float):
                sheet_.write_number(top + r, c, cell)
            else:
                sheet_.write_string(top + r, c, str(cell))
    book.close()
    return buf.getvalue()


def _ods(rows: list[list[object]], sheet: str = "Arkusz1") -> bytes:
    """A minimal OpenDocument spreadsheet (what LibreOffice Calc saves), made by hand."""
    cells = []
    for row in rows:
        parts = []
        for cell in row:
            if isinstance(cell, datetime):
                parts.append(f'<table:table-cell office:value-type="date" office:date-value='
                             f'"{cell:%Y-%m-%d}"><text:p>{cell:%d.%m.%Y}</text:p>'
                             "</table:table-cell>")
            elif isinstance(cell, float):
                parts.append(f'<table:table-cell office:value-type="float" office:value='
                             f'"{cell:g}"><text:p>{cell:g}</text:p></table:table-cell>')
            else:
                parts.append('<table:table-cell office:value-type="string"><text:p>'
                             f"{escape(str(cell))}</text:p></table:table-cell>")
        cells.append("<table:table-row>" + "".join(parts) + "</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
        + "".join(cells) + "</table:table></office:spreadsheet></office:body>"
        "</office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return buf.getvalue()


def _project_with(tmp_path: Path, file: str, data: bytes, extra: str = "") -> Path:
    """Tarnowskie Góry with its May table replaced by ``file`` (written with ``data``)."""
    shutil.copytree(EXAMPLES, tmp_path / "ex")
    (tmp_path / "ex" / "tables" / file).write_bytes(data)
    path = tmp_path / "ex" / "tarnowskie-gory.toml"
    text = path.read_text(encoding="utf-8")
    old = f'file = "tables/{MAY}.md"'
    assert old in text
    path.write_text(text.replace(old, f'file = "tables/{file}"{extra}'), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_spreadsheet_table_gives_the_sessions_and_findings_of_its_markdown(
        tmp_path: Path, kind: str) -> None:
    """The May table as a workbook with date and number cells reads as the Markdown one."""
    rows = [[_typed(c, i) for i, c in enumerate(row)] for row in _md_rows(MAY)]
    data = _xlsx(rows) if kind == "xlsx" else _ods(rows)
    project = opsreform.load_project(_project_with(tmp_path, f"may.{kind}", data))
    original = opsreform.load_project(EXAMPLES / "tarnowskie-gory.toml")
    assert project.sessions == original.sessions
    assert project.venues == original.venues
    assert opsreform.check(project) == opsreform.check(original)
    may = [s for s in project.sessions if s.table == "2018-05-07"]
    assert [s.line for s in may][:2] == ([4, 5] if kind == "xlsx" else [2, 3])  # sheet rows


def test_sheet_chooses_the_sheet(tmp_path: Path) -> None:
    """`sheet =` reads the named sheet; a missing one is an error at that key."""
    rows = [[_typed(c, i) for i, c in enumerate(row)] for row in _md_rows(MAY)]
    data = _xlsx(rows, "Maj", other=True)
    with pytest.raises(ProjectFileError, match=r"holds no session rows") as first:
        opsreform.load_project(_project_with(tmp_path / "a", "may.xlsx", data))
    assert first.value.path is not None  # the first sheet ("Notatki") is no session table
    project = opsreform.load_project(
        _project_with(tmp_path / "b", "may.xlsx", data, '\nsheet = "Maj"'))
    assert len([s for s in project.sessions if s.table == "2018-05-07"]) == 6
    with pytest.raises(ProjectFileError, match="no sheet 'Czerwiec'") as missing:
        opsreform.load_project(
            _project_with(tmp_path / "c", "may.xlsx", data, '\nsheet = "Czerwiec"'))
    assert missing.value.key == "tables[2].sheet" and missing.value.line is not None


def test_a_bad_row_of_a_sheet_is_named_by_sheet_and_row(tmp_path: Path) -> None:
    """An unreadable date in row 6 of the sheet: the error names the file, sheet and row."""
    rows: list[list[object]] = [list(r) for r in _md_rows(MAY)]
    rows[3][2] = "31.02.2018"
    path = _project_with(tmp_path, "may.xlsx", _xlsx(rows))
    with pytest.raises(ProjectFileError) as error:
        opsreform.load_project(path)
    assert error.value.line == 6 and error.value.path is not None
    assert error.value.path.endswith("may.xlsx") and "the first sheet, row 6" in str(error.value)


def test_bytes_that_are_no_spreadsheet_are_refused_without_echo(tmp_path: Path) -> None:
    """A text file named .xlsx: an error at the table's key, nothing of it quoted."""
    path = _project_with(tmp_path, "may.xlsx", b"SECRET=hunter2\n" * 10)
    with pytest.raises(ProjectFileError, match="not a spreadsheet") as error:
        opsreform.load_project(path)
    assert error.value.key == "tables[2].file" and "hunter2" not in str(error.value)
    with pytest.raises(ProjectFileError, match="sheet"):
        opsreform.load_project(_project_with(tmp_path / "b", "may.md",
                                             (EXAMPLES / "tables" / f"{MAY}.md").read_bytes(),
                                             '\nsheet = "Maj"'))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.integers(-10_000, 10_000).map(float),
    st.dates(date(1990, 1, 1), date(2100, 12, 31)).map(
        lambda d: datetime(d.year, d.month, d.day))), min_size=1, max_size=5),
    min_size=1, max_size=8))
def test_every_cell_reads_as_the_text_a_csv_would_hold(rows: list[list[object]]) -> None:
    """Numbers lose their `.0`, dates read `dd.mm.yyyy`, text is kept (stripped)."""
    read = dict(sheet_rows(_xlsx(rows, top=0), path="x.xlsx"))
    for number, row in enumerate(rows, start=1):
        expected = [c.strftime("%d.%m.%Y") if isinstance(c, datetime)
                    else str(int(c)) if isinstance(c, float) else str(c).strip()
                    for c in row]
        while expected and not expected[-1]:
            expected.pop()
        assert read.get(number, []) == expected


def test_saving_a_project_with_a_spreadsheet_table_keeps_the_reference(tmp_path: Path) -> None:
    """Load → edit the title → save → load: the workbook is referenced, not inlined."""
    rows = [[_typed(c, i) for i, c in enumerate(row)] for row in _md_rows(MAY)]
    path = _project_with(tmp_path, "may.xlsx", _xlsx(rows))
    project = opsreform.load_project(path)
    opsreform.save_project(attrs.evolve(project, title="Nowy tytuł"), path)
    again = opsreform.load_project(path)
    assert again.title == "Nowy tytuł" and again.sessions == project.sessions
    assert 'file = "tables/may.xlsx"' in path.read_text(encoding="utf-8")


def test_a_spreadsheet_that_unpacks_too_far_is_refused(tmp_path: Path) -> None:
    """A zip bomb named .xlsx is refused from its directory, before anything is unpacked."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    data = buf.getvalue()
    assert len(data) < 2 * 1024 * 1024  # small on disk
    with pytest.raises(ProjectFileError, match="unpacks to") as error:
        opsreform.load_project(_project_with(tmp_path, "may.xlsx", data))
    assert error.value.key == "tables[2].file"
    truncated = _xlsx([["Lp.", "Data"]])[:200]
    with pytest.raises(ProjectFileError, match="damaged"):
        opsreform.load_project(_project_with(tmp_path / "b", "may.xlsx", truncated))
