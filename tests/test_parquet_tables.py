"""Session tables kept as Parquet files: the same sessions, errors and findings as text."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import attrs
import polars as pl
import pytest

import opsreform
from opsreform.exceptions import ProjectFileError
from opsreform.files.sheets import sheet_rows
from opsreform.text.dates import parse_date
from tests.conftest import EXAMPLES
from tests.test_sheets import MAY, _md_rows, _project_with


def _parquet(rows: list[list[str]], *, typed: bool = True) -> bytes:
    """The rows (a header first) as a Parquet file; Lp. as integers and dates as dates."""
    header, body = rows[0], rows[1:]
    columns: dict[str, list[object]] = {}
    for i, name in enumerate(header):
        values: list[object] = [row[i] for row in body]
        if typed and i == 0:
            values = [int(v) for v in values]  # type: ignore[call-overload]
        if typed and i == 2:
            values = [parse_date(str(v)) for v in values]
        columns[name] = values
    buf = io.BytesIO()
    pl.DataFrame(columns).write_parquet(buf)
    return buf.getvalue()


@pytest.mark.parametrize("typed", [True, False])
def test_a_parquet_table_gives_the_sessions_and_findings_of_its_markdown(
        tmp_path: Path, typed: bool) -> None:
    """The May table as Parquet (typed or text columns) reads as the Markdown one."""
    data = _parquet(_md_rows(MAY), typed=typed)
    project = opsreform.load_project(_project_with(tmp_path, "may.parquet", data))
    original = opsreform.load_project(EXAMPLES / "tarnowskie-gory.toml")
    assert project.sessions == original.sessions
    assert project.venues == original.venues
    assert opsreform.check(project) == opsreform.check(original)
    may = [s for s in project.sessions if s.table == "2018-05-07"]
    assert [s.line for s in may][:2] == [2, 3]  # the header is row 1


def test_parquet_rows_write_typed_values_in_the_polish_forms() -> None:
    """Column names are the header row; dates, numbers and nulls read as a CSV holds them."""
    buf = io.BytesIO()
    pl.DataFrame({"Lp.": [1, 2], "Data": [date(2018, 5, 22), None],
                  "Godzina": ["08.00 - 11.00", "09.00 - 10.00"]}).write_parquet(buf)
    rows = list(sheet_rows(buf.getvalue(), path="t.parquet"))
    assert rows == [(1, ["Lp.", "Data", "Godzina"]), (2, ["1", "22.05.2018", "08.00 - 11.00"]),
                    (3, ["2", "", "09.00 - 10.00"])]


def test_a_bad_row_of_a_parquet_table_is_named_by_its_row(tmp_path: Path) -> None:
    """A date that is not one: the file and the row, as for a CSV line."""
    rows = _md_rows(MAY)
    rows[2][2] = "31.02.2018"
    path = _project_with(tmp_path, "may.parquet", _parquet(rows, typed=False))
    with pytest.raises(ProjectFileError, match="row 3") as caught:
        opsreform.load_project(path)
    assert caught.value.path is not None and caught.value.path.endswith("may.parquet")


@pytest.mark.parametrize("data", [b"", b"PAR1", b"PAR1 not really PAR1", b"a;b\n1;2\n"])
def test_bytes_that_are_no_parquet_are_refused_without_echo(tmp_path: Path,
                                                            data: bytes) -> None:
    """Not Parquet: a placed error that shows nothing of the file."""
    path = _project_with(tmp_path, "may.parquet", data)
    with pytest.raises(ProjectFileError, match="Parquet") as caught:
        opsreform.load_project(path)
    assert "not really" not in str(caught.value)


def test_a_parquet_file_has_no_sheet(tmp_path: Path) -> None:
    """A sheet (`sheet = "…"`) for a Parquet table is an error, not ignored."""
    data = _parquet(_md_rows(MAY))
    path = _project_with(tmp_path, "may.parquet", data, extra='\nsheet = "Arkusz1"')
    with pytest.raises(ProjectFileError, match="no sheets"):
        opsreform.load_project(path)


def test_saving_a_project_with_a_parquet_table_keeps_the_file(tmp_path: Path) -> None:
    """Load → edit the title → save → load: the Parquet file is referenced, not rewritten."""
    data = _parquet(_md_rows(MAY))
    path = _project_with(tmp_path, "may.parquet", data)
    project = opsreform.load_project(path)
    opsreform.save_project(attrs.evolve(project, title="Nowy tytuł"), path)
    again = opsreform.load_project(path)
    assert again.title == "Nowy tytuł" and again.sessions == project.sessions
    assert 'file = "tables/may.parquet"' in path.read_text(encoding="utf-8")
    assert (path.parent / "tables" / "may.parquet").read_bytes() == data
