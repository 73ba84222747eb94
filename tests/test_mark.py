"""``opsreform mark``: one session's status edited in its own file, nothing else changed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import attrs
import pytest
import xlsxwriter

from opsreform.cli import main
from opsreform.exceptions import ProjectFileError
from opsreform.files.mark import mark_session
from opsreform.files.project import load_project
from opsreform.model.project import Project
from opsreform.model.sessions import Attendance, SessionStatus
from tests.conftest import EXAMPLES, ROOT
from tests.test_files_roundtrip import _changed_lines

DATA = ROOT / "tests" / "data" / "delivery"
TODAY = date(2019, 9, 1)


def _copy(folder: Path) -> Path:
    for name in ("delivered.toml", "delivered-table.md"):
        shutil.copy(DATA / name, folder / name)
    return folder / "delivered.toml"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _expected(before: Project, session_id: str, **changes: object) -> Project:
    return attrs.evolve(before, sessions=[attrs.evolve(s, **changes) if s.id == session_id
                                          else s for s in before.sessions])


def test_mark_an_inline_session_edits_only_its_keys(tmp_path: Path) -> None:
    """Load → mark → load gives the change and nothing else; two lines are added."""
    path = _copy(tmp_path)
    before = load_project(path)
    text = path.read_text("utf-8")
    marked = mark_session(path, "s2", status="delivered", attended=3,
                          on=date(2019, 5, 15), today=TODAY)
    assert marked.status is SessionStatus.DELIVERED and marked.day == date(2019, 5, 15)
    after = load_project(path)
    assert after == _expected(before, "s2", status="delivered", day=date(2019, 5, 15),
                              attendance=Attendance(attended=3))
    assert _changed_lines(text, path.read_text("utf-8")) == [
        '-date = "14.05.2019"', '+date = "15.05.2019"', "+attended = 3",
        '+status = "delivered"']
    assert (tmp_path / "delivered-table.md").read_bytes() == (
        DATA / "delivered-table.md").read_bytes()


def test_mark_a_table_row_edits_that_row_in_its_file(tmp_path: Path) -> None:
    """A row of a Markdown table is edited in place; the project file keeps its bytes."""
    path = _copy(tmp_path)
    before = load_project(path)
    table = (tmp_path / "delivered-table.md").read_text("utf-8")
    mark_session(path, "t#2", status="delivered", attended=7, today=TODAY)
    assert load_project(path) == _expected(before, "t#2", status="delivered",
                                           attendance=Attendance(attended=7))
    assert path.read_bytes() == (DATA / "delivered.toml").read_bytes()
    assert _changed_lines(table, (tmp_path / "delivered-table.md").read_text("utf-8")) == [
        "-| 2 | SZKOLENIE B | 18.06.2019 | 9.00 - 15.00 | sala |  |  |",
        "+| 2 | SZKOLENIE B | 18.06.2019 | 9.00 - 15.00 | sala | delivered | 7 |"]


def test_mark_cancelled_and_back(tmp_path: Path) -> None:
    """Cancelled, then planned again, gives the file back byte for byte."""
    path = _copy(tmp_path)
    mark_session(path, "t#2", status="cancelled", today=TODAY)
    assert {s.id: s.status for s in load_project(path).sessions}["t#2"] == "cancelled"
    mark_session(path, "t#2", status="planned", today=TODAY)
    assert _snapshot(tmp_path) == _snapshot(DATA)


def test_mark_a_csv_row(tmp_path: Path) -> None:
    """A CSV table is edited in its own format, its separator and other rows kept."""
    path = _copy(tmp_path)
    (tmp_path / "t.csv").write_text(
        "Lp.;Nazwa;Data;Godzina;Sala;Status;Obecni\n"
        "1;SZKOLENIE A;05.02.2019;09.00 - 15.00;sala;delivered;8\n"
        "2;SZKOLENIE B;18.06.2019;09.00 - 15.00;sala;;\n", encoding="utf-8")
    path.write_text(path.read_text("utf-8").replace("delivered-table.md", "t.csv"),
                    encoding="utf-8")
    mark_session(path, "t#2", status="delivered", attended=4, today=TODAY)
    assert (tmp_path / "t.csv").read_text("utf-8").splitlines()[2] == (
        "2;SZKOLENIE B;18.06.2019;09.00 - 15.00;sala;delivered;4")


def _refused(path: Path, session: str, words: str, **options: object) -> ProjectFileError:
    folder = path.parent
    before = _snapshot(folder)
    with pytest.raises(ProjectFileError, match=words) as info:
        mark_session(path, session, **{"status": "delivered", "today": TODAY, **options})
    assert _snapshot(folder) == before  # nothing written
    return info.value


def test_a_table_without_a_status_column_is_refused(tmp_path: Path) -> None:
    """The examples' published tables have no status column: the error says to add one."""
    shutil.copy(EXAMPLES / "tarnowskie-gory.toml", tmp_path / "tarnowskie-gory.toml")
    shutil.copytree(EXAMPLES / "tables", tmp_path / "tables")
    error = _refused(tmp_path / "tarnowskie-gory.toml", "2018-01-16#8",
                     "needs a 'status' column", attended=10)
    assert error.path is not None and error.path.endswith("szkolenia.md")
    assert error.line is not None and "'attended' column" in str(error)


def test_a_spreadsheet_row_is_refused(tmp_path: Path) -> None:
    """A spreadsheet is never rewritten: the error says so, at its row."""
    path = _copy(tmp_path)
    book = xlsxwriter.Workbook(str(tmp_path / "t.xlsx"))
    sheet = book.add_worksheet("Harmonogram")
    rows = [["Lp.", "Nazwa", "Data", "Godzina", "Status", "Sala"],
            ["1", "SZKOLENIE A", "05.02.2019", "09.00 - 15.00", "delivered", "sala"],
            ["2", "SZKOLENIE B", "18.06.2019", "09.00 - 15.00", "", "sala"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value)
    book.close()
    path.write_text(path.read_text("utf-8").replace("delivered-table.md", "t.xlsx"),
                    encoding="utf-8")
    error = _refused(path, "t#2", "is a spreadsheet, which opsreform reads but never rewrites")
    assert error.path is not None and error.path.endswith("t.xlsx")


def test_a_windows_1250_table_is_refused(tmp_path: Path) -> None:
    """A table that is not UTF-8 is not rewritten either."""
    path = _copy(tmp_path)
    table = tmp_path / "delivered-table.md"
    table.write_bytes(table.read_text("utf-8").replace("SZKOLENIE B", "SZKOLENIE Ł")
                      .encode("cp1250"))
    _refused(path, "t#2", "is not UTF-8")


@pytest.mark.parametrize(("session", "options", "words"), [
    ("t#9", {}, r"no session 't#9' in the project; did you mean t#3, t#2, t#1\?"),
    ("t#2", {"status": "cancelled", "attended": 3}, "--attended is for a delivered session"),
    ("t#2", {"status": "cancelled", "on": date(2019, 6, 1)}, "--on is the day"),
    ("t#2", {"today": date(2019, 6, 1)}, r"dated 18\.06\.2019, after today"),
    ("s1", {"status": "cancelled"}, "records who attended"),
    ("s1", {"attended": 0}, "fewer than the 1 people"),
])
def test_what_cannot_be_done_is_refused(tmp_path: Path, session: str,
                                        options: dict[str, object], words: str) -> None:
    """Every refusal says why, and nothing is written."""
    _refused(_copy(tmp_path), session, words, **options)


def test_the_mark_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``opsreform mark`` marks, says what it did, and exits 2 with the reason when refused."""
    path = _copy(tmp_path)
    assert main(["mark", str(path), "s2", "--delivered", "--attended", "2",
                 "--on", "15.05.2019"]) == 0
    assert capsys.readouterr().out == "sesja s2 oznaczona: zrealizowana, obecnych: 2, " \
                                      "15.05.2019\n"
    assert main(["mark", str(path), "t#3", "--delivered", "--lang", "en",
                 "--on", "2019-06-25"]) == 0
    assert capsys.readouterr().out == "session t#3 marked delivered, 2019-06-25\n"
    assert main(["mark", str(path), "nope", "--cancelled"]) == 2
    assert "no session 'nope'" in capsys.readouterr().err
    assert main(["mark", str(path), "s2", "--delivered", "--attended", "-1"]) == 2
    assert "from 0 up" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["mark", str(path), "s2", "--delivered", "--cancelled"])
