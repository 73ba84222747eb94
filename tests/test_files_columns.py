"""The columnar reader agrees with the row reader, or steps aside (None) and touches nothing."""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import opsreform.files._schedule as schedule_module
from opsreform.exceptions import OpsReformError, ProjectFileError
from opsreform.files import project as project_module
from opsreform.files._columns_batch import codes, joint
from opsreform.files._schedule import TableText
from opsreform.files.columns import read_session_frame, read_tables
from opsreform.files.project import load_project
from opsreform.files.tables import VenueBook, read_session_table
from opsreform.model.sessions import SessionKind
from opsreform.model.table import SessionTable, names_of
from opsreform.model.venues import Venue
from opsreform.text.addresses import parse_address
from tests.conftest import EXAMPLES, ROOT

Format = Literal["md", "csv"]


def _copy(book: VenueBook) -> VenueBook:
    return VenueBook(list(book.venues))


def agree(text: str, *, book: VenueBook | None = None, table: str = "t",
          kind: SessionKind | None = None, contract: str | None = None,
          fmt: Format = "md", fast: bool = False) -> SessionTable | None:
    """Run both readers on copies of ``book``; assert the columnar one agrees or steps aside.

    With ``fast``, also assert that it does not step aside when the row reader reads.
    Returns the columnar reader's table (None when it stepped aside).
    """
    book = book or VenueBook()
    rows_book, frame_book = _copy(book), _copy(book)
    try:
        rows = read_session_table(text, table=table, venues=rows_book, kind=kind,
                                  contract=contract, fmt=fmt, path="t")
    except ProjectFileError:
        rows = None
    found = read_session_frame(text, table=table, venues=frame_book, kind=kind,
                               contract=contract, fmt=fmt, path="t")
    if found is None or rows is None:
        assert found is None, "a table where the row reader reports a problem"
        assert not (fast and rows is not None), "stepped aside from a table that reads"
        assert frame_book.venues == book.venues, "the venue book changed on None"
        return None
    assert_frame_equal(found.frame, SessionTable.of(rows).frame)
    assert frame_book.venues == rows_book.venues
    assert found == SessionTable.of(rows)
    return found


# --- Every table the project loader reads -------------------------------------------------

Call = tuple[str, dict[str, Any], VenueBook]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[Call]:
    """The columnar reader's calls while projects load: text, arguments, the book before."""
    made: list[Call] = []
    real = schedule_module.read_session_frame

    def spy(text: str, **kwargs: Any) -> Any:
        made.append((text, {k: v for k, v in kwargs.items() if k != "venues"},
                     _copy(kwargs["venues"])))
        return real(text, **kwargs)

    monkeypatch.setattr(schedule_module, "read_session_frame", spy)
    return made


def _replay(calls: list[Call]) -> int:
    """Check each call's columnar reading; return how many stepped aside."""
    aside = 0
    for text, kwargs, book in calls:
        found = agree(text, book=book, table=kwargs["table"], kind=kwargs["kind"],
                      fmt=kwargs["fmt"])
        aside += found is None
    return aside


def test_the_real_example_tables_take_the_columnar_path(calls: list[Call]) -> None:
    """The example projects' tables all read as columns, equal to the row reader's."""
    for toml in sorted(EXAMPLES.glob("*.toml")):
        load_project(toml)
    assert len(calls) == 3
    assert _replay(calls) == 0


def test_every_table_of_the_test_projects_agrees(calls: list[Call]) -> None:
    """Every table a test project loads agrees (or steps aside where the row reader fails)."""
    for toml in sorted((ROOT / "tests" / "data").rglob("*.toml")):
        try:
            load_project(toml)
        except OpsReformError:
            continue  # a file made to fail; the tables it read before failing still count
    assert len(calls) >= 6
    aside = _replay(calls)
    assert aside < len(calls)


@pytest.mark.parametrize("path", sorted(
    [*(EXAMPLES / "tables").glob("*.md"), *(ROOT / "tests" / "data").rglob("*.md"),
     *(ROOT / "tests" / "data").rglob("*.csv")]), ids=str)
def test_every_table_file_read_alone_agrees(path: Path) -> None:
    """Each table file, read with a fresh book and no table kind, agrees or steps aside."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1250")
    fmt: Format = "csv" if path.suffix == ".csv" else "md"
    agree(text, fmt=fmt)
    agree(text, fmt=fmt, kind=SessionKind.TRAINING, contract="c")


def test_the_real_tables_read_alone_with_their_kind_take_the_columnar_path() -> None:
    """The Tarnowskie Góry tables read as columns when the trainings table has its kind."""
    book = VenueBook()
    for path in sorted((EXAMPLES / "tables").glob("*.md")):
        found = agree(path.read_text(encoding="utf-8"), book=book,
                      kind=SessionKind.TRAINING)
        assert found is not None and len(found) >= 6
        read_session_table(path.read_text(encoding="utf-8"), table="t", venues=book,
                           kind=SessionKind.TRAINING)  # the next table sees these venues


# --- Generated tables ----------------------------------------------------------------------

DECLARED = (Venue("sala-1", name="Sala 1"), Venue("sala-2", name="Sala 2"),
            Venue("mops", parse_address("ul. Sienkiewicza 8 42-600 Tarnowskie Góry")))
ADDRESSES = ("ul. Sienkiewicza 8 42-600 Tarnowskie Góry",
             "ul. Sienkiewicza 8 Tarnowskie Góry 42-600",
             "ul. Bytomska 15 42-600 Tarnowskie Góry",
             "ul. Bytomska 15, 42-600 Tarnowskie Góry",
             "ul. Polna 1 42-600 Tarnowskie Góry",
             "ul. Polna 1 00-950 Warszawa",
             "ul. Długa 3 Kraków")
TWO_ADDRESSES = "ul. Bytomska 15 ul. Sienkiewicza 8 Tarnowskie Góry 42-600"
TITLES = ("SUPERWIZJA", "WARSZTATY UMIEJĘTNOŚCI INTERPERSONALNYCH cz.1",
          "KODEKS POSTĘPOWANIA ADMINISTRACYJNEGO cz.2", "SZKOLENIE Z DIAGNOZY",
          "Doradztwo eksperckie", "Spotkanie zespołu")
KEYWORD_TITLES = tuple(t for t in TITLES if SessionKind.from_polish(t) is not None)
VISIT = "WIZYTA STUDYJNA"
DAYS = ("22.05.2018", "2018-05-23", "5.06.2018", "12.06.2018 r.")
PERIODS = ("12.06.2018 – 13.06.2018", "12-14.06.2018")
ONE_SLOT = ("08.00 - 11.00", "8.00 - 14.00", "12:00-15:00")
TWO_SLOTS = ("08.00 - 11.00 11.30 - 14.30", "08.30 - 11.30 12.00 - 15.00")
BAD = ("", "x", "0", "-1", "31.02.2018", "25.00 - 26.00", "08.00 - 11.00 10.00 - 12.00",
       "1.1.2150", "sala-9", "planned", "delivered", "nowhere", "1000001", "cz.0", "3.",
       "12", "a, b", "ul. Długa", "<b>Lp.</b>", "Data", ";", "\"")

PUBLISHED = ("number", "title", "date", "slots", "address")
HEADERS = {"number": "Lp.", "title": "Rodzaj działania", "date": "Data", "slots": "Godzina",
           "address": "Adres realizacji działania", "id": "id", "kind": "kind",
           "venue": "venue", "leaders": "leaders", "contract": "contract",
           "headcount": "headcount", "status": "status", "attended": "Liczba obecnych",
           "groups": "groups", "activity": "activity"}
OPTIONAL = ("id", "kind", "venue", "leaders", "contract", "headcount", "status", "attended",
            "groups", "activity")


@st.composite
def rows(draw: st.DrawFn, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Readable rows: numbers with gaps and repeats, visits with periods, several venues."""
    count = draw(st.integers(1, 12))
    number, made = 0, []
    for _ in range(count):
        number += draw(st.sampled_from((1, 1, 1, 0, 2)))
        visit = draw(st.integers(0, 5)) == 0
        title = VISIT if visit else draw(st.sampled_from(TITLES))
        cell = {"number": str(max(number, 1)) + draw(st.sampled_from(("", "", "", "."))),
                "title": title}
        kind = draw(st.sampled_from(("", "", "training", "workshop", "supervision")))
        if "kind" not in columns:
            kind = ""
        if not kind and SessionKind.from_polish(title) is None:
            cell["title"] = draw(st.sampled_from(KEYWORD_TITLES))
        if visit:
            kind = draw(st.sampled_from(("", "study-visit")))
            cell["date"] = draw(st.sampled_from(DAYS + PERIODS))
        else:
            cell["date"] = draw(st.sampled_from(DAYS))
        cell["kind"] = kind
        two = draw(st.booleans())
        slots = draw(st.sampled_from(TWO_SLOTS if two else ONE_SLOT))
        if cell["date"] in PERIODS and draw(st.booleans()):
            slots = ""  # a visit's hours are often not stated
        cell["slots"] = slots
        if "venue" in columns and draw(st.booleans()):
            cell["venue"] = draw(st.sampled_from(
                ("sala-1", "mops", "sala-1,sala-2") if two else ("sala-1", "mops", "sala-2")))
            cell["address"] = ""
        else:
            cell["venue"] = ""
            cell["address"] = (TWO_ADDRESSES if two and draw(st.booleans())
                               else draw(st.sampled_from(("", *ADDRESSES))))
        status = draw(st.sampled_from(("", "", "planned", "delivered", "cancelled")))
        cell["status"] = status
        cell["attended"] = (draw(st.sampled_from(("", "7", "0")))
                            if status == "delivered" and "status" in columns else "")
        cell["id"] = draw(st.sampled_from(("", "", f"x/{number}", "t#2-2")))
        cell["leaders"] = draw(st.sampled_from(("", "anna", "anna, jan", "anna,")))
        cell["contract"] = draw(st.sampled_from(("", "c-2")))
        cell["headcount"] = draw(st.sampled_from(("", "12", "100000")))
        cell["groups"] = draw(st.sampled_from(("", "zespół", "zespół, kadra", " , a")))
        cell["activity"] = draw(st.sampled_from(("", "2.3")))
        made.append(cell)
    return made


@st.composite
def tables(draw: st.DrawFn) -> tuple[Format, list[dict[str, str]], tuple[str, ...]]:
    """A table as published (Markdown or CSV) or in the bulk form, with its rows."""
    if draw(st.booleans()):
        columns: tuple[str, ...] = PUBLISHED
    else:
        extra = draw(st.lists(st.sampled_from(OPTIONAL), unique=True, min_size=1))
        rest = draw(st.permutations([*PUBLISHED[1:], *extra]))
        columns = ("number", *rest)
    fmt: Format = draw(st.sampled_from(("md", "csv")))
    return fmt, draw(rows(columns)), columns


def _md(columns: tuple[str, ...], body: list[list[str]], *, header: bool) -> str:
    names = [HEADERS[c] for c in columns] if header else ["" for _ in columns]
    lines = ["16.01.2018 r.", "", "SZCZEGÓŁOWY HARMONOGRAM", "",
             "| " + " | ".join(names) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join([*lines, "", "Fundusze Europejskie"]) + "\n"


def _csv(columns: tuple[str, ...], body: list[list[str]], *, delimiter: str,
         quoted: bool, bom: bool) -> str:
    out = io.StringIO()
    if quoted:
        csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(
            [[HEADERS[c] for c in columns], *body])
    else:
        for cells in [[HEADERS[c] for c in columns], *body]:
            out.write(delimiter.join(cells) + "\n")
    return ("\ufeff" if bom else "") + out.getvalue()


def render(data: st.DataObject, columns: tuple[str, ...], fmt: Format,
           body: list[list[str]]) -> str:
    """The rows as a Markdown or CSV file, in one of the forms met in practice."""
    if fmt == "md":
        header = columns != PUBLISHED or data.draw(st.integers(0, 4)) > 0
        return _md(columns, body, header=header)
    return _csv(columns, body, delimiter=data.draw(st.sampled_from((";", ";", ","))),
                quoted=data.draw(st.booleans()), bom=data.draw(st.booleans()))


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _body(columns: tuple[str, ...], made: list[dict[str, str]]) -> list[list[str]]:
    return [[row[c] for c in columns] for row in made]


@SETTINGS
@given(tables(), st.data(), st.sampled_from((None, SessionKind.TRAINING)),
       st.sampled_from((None, "c-1")))
def test_generated_tables_agree(table: tuple[Format, list[dict[str, str]], tuple[str, ...]],
                                data: st.DataObject, kind: SessionKind | None,
                                contract: str | None) -> None:
    """Generated tables read alike by both readers whenever a table is returned."""
    fmt, made, columns = table
    text = render(data, columns, fmt, _body(columns, made))
    found = agree(text, book=VenueBook(list(DECLARED)), kind=kind, contract=contract,
                  fmt=fmt, fast=True)
    event("columns" if found is not None else "stepped aside")


@SETTINGS
@given(tables(), st.data())
def test_mutated_cells_step_aside_when_the_row_reader_fails(
        table: tuple[Format, list[dict[str, str]], tuple[str, ...]],
        data: st.DataObject) -> None:
    """A cell turned bad: None and an untouched book whenever the row reader refuses."""
    fmt, made, columns = table
    body = _body(columns, made)
    for _ in range(data.draw(st.integers(1, 3))):
        row = data.draw(st.integers(0, len(body) - 1))
        column = data.draw(st.integers(0, len(columns) - 1))
        body[row][column] = data.draw(st.sampled_from(BAD))
    if data.draw(st.integers(0, 9)) == 0:  # a row with a cell too many or too few
        row = data.draw(st.integers(0, len(body) - 1))
        body[row] = body[row][:-1] if data.draw(st.booleans()) else [*body[row], "x"]
    text = render(data, columns, fmt, body)
    found = agree(text, book=VenueBook(list(DECLARED)), fmt=fmt)
    event("columns" if found is not None else "stepped aside")


@pytest.mark.parametrize(("text", "why"), [
    ("| Lp. | Nazwa | Data | Godzina |\n| 1 | SUPERWIZJA | 1.02.2018 | 08.00 - 11.00 |\n"
     "| Lp. | Data | Nazwa | Godzina |\n| 2 | 2.02.2018 | SUPERWIZJA | 08.00 - 11.00 |\n",
     "a header changing mid-table"),
    ("| Lp. | Nazwa | Data | Godzina |\n| 1 | SUPERWIZJA | 1.02.2018 | 08.00 - 11.00 |\n"
     "| Razem | | | 3 h |\n", "a row neither header nor numbered"),
    ("| Lp. | Nazwa | Data | Godzina | Adres |\n"
     "| 1 | SUPERWIZJA | 1.02.2018 | 08.00 - 11.00 | ul. Długa 1 Kraków |\n"
     "| 2 | SUPERWIZJA | 2.02.2018 | 08.00 - 11.00 | ul. Długa 1 Kraków |\n"
     "| 3 | SUPERWIZJA | 2.02.2018 | 08.00 - 11.00 10.00 - 12.00 | ul. Długa 1 Kraków |\n",
     "overlapping slots in the last row"),
])
def test_odd_layouts_and_late_problems_step_aside(text: str, why: str) -> None:
    """What the row reader must say or read its own way gets None, and the book is kept."""
    book = VenueBook(list(DECLARED))
    assert read_session_frame(text, table="t", venues=book) is None, why
    assert book.venues == list(DECLARED)
    agree(text)


def test_a_quoted_cell_over_two_lines_agrees_or_steps_aside() -> None:
    """A multi-line quoted CSV cell: the line numbers are the csv module's."""
    text = ('Lp.;Nazwa;Data;Godzina\n1;"SUPERWIZJA\ncz.1";1.02.2018;08.00 - 11.00\n'
            "2;SUPERWIZJA;2.02.2018;08.00 - 11.00\n")
    agree(text, fmt="csv")


def test_repeated_numbers_get_the_row_readers_ids() -> None:
    """Repeats of an Lp. are set apart (t#4-2, skipping an id a row already has)."""
    text = ("Lp.;id;Nazwa;Data;Godzina\n4;;SUPERWIZJA;1.02.2018;08.00 - 11.00\n"
            "4;;SUPERWIZJA;2.02.2018;08.00 - 11.00\n5;t#4-2;SUPERWIZJA;3.02.2018;9.00-10.00\n"
            "4;;SUPERWIZJA;4.02.2018;08.00 - 11.00\n")
    found = agree(text, fmt="csv")
    assert found is not None
    assert found.frame["id"].to_list() == ["t#4", "t#4-3", "t#4-2", "t#4-4"]


# --- The benchmark's generated data set ----------------------------------------------------


def _generate() -> Any:
    spec = importlib.util.spec_from_file_location("bench_generate",
                                                  ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _bench_calls(folder: Path, calls: list[Call]) -> Iterator[Call]:
    for toml in sorted(folder.glob("*.toml")):
        load_project(toml)
    yield from calls


def test_generated_bench_tables_all_take_the_columnar_path(
        tmp_path: Path, calls: list[Call]) -> None:
    """Every CSV table of a generated data set reads as columns, equal to the row reader's."""
    _generate().generate(tmp_path, 3000)
    replayed = list(_bench_calls(tmp_path, calls))
    assert len(replayed) >= 10 and all(kw["fmt"] == "csv" for _, kw, _ in replayed)
    assert _replay(replayed) == 0
    assert sum(len(read_session_table(t, venues=_copy(b), **kw)) for t, kw, b in replayed
               ) == 3000


# --- The plain-CSV path and its edges ------------------------------------------------------

CSV_HEAD = "Lp.;id;kind;Nazwa;Data;Godzina;venue;leaders;contract;headcount;status\n"
CSV_ROW = "{n};;supervision;SUPERWIZJA;{d}.02.2018;08.00 - 11.00;sala-1;anna,jan;c;12;{s}\n"


def _bulk(*numbers: str, status: str = "planned") -> str:
    return "".join(CSV_ROW.format(n=n, d=i + 1, s=status) for i, n in enumerate(numbers))


@pytest.mark.parametrize(("text", "why"), [
    (CSV_HEAD + _bulk("1", "2", "3.", "4"), "an Lp. with a dot is a data row"),
    ("HARMONOGRAM;;;;;;;;;;\n" + CSV_HEAD + _bulk("1", "2"), "a title above the header"),
    (CSV_HEAD + ";;;;;;;;;;\n" + _bulk("1", "2") + ";;;;;;;;;;\n", "rows of delimiters"),
    (CSV_HEAD + "\n" + _bulk("1", "2") + "\n\n", "blank lines"),
    ("\ufeff" + CSV_HEAD + _bulk("1", "2"), "a byte order mark"),
    (CSV_HEAD + _bulk("1") + CSV_HEAD + _bulk("2"), "the header repeated"),
    ((CSV_HEAD + _bulk("1", "2")).replace("\n", "\r\n"), "CRLF line ends"),
    ((CSV_HEAD + _bulk("1", "2")).replace(";", " \u00a0; \x1c"), "odd spaces around cells"),
    (CSV_HEAD + _bulk("1", "2")[:-1], "no newline at the end"),
    ("1;SUPERWIZJA;1.02.2018;08.00 - 11.00;ul. Długa 3 Kraków\n"
     "2;SUPERWIZJA;2.02.2018;08.00 - 11.00;ul. Długa 3, Kraków\n", "no header: by position"),
    ("Lp.;Nazwa;Data;Godzina\n1;SUPERWIZJA;1.02.2018;08.00 - 11.00\n"
     "2;\"SUPERWIZJA; cz.1\";2.02.2018;08.00 - 11.00\n", "a quoted delimiter"),
    (CSV_HEAD, "a header only"),
    ("", "nothing"),
])
def test_csv_edges_read_as_the_row_reader_does(text: str, why: str) -> None:
    """Each CSV edge reads as columns, equal to the row reader's reading."""
    found = agree(text, book=VenueBook(list(DECLARED)), fmt="csv", fast=True)
    assert found is not None, why


def test_a_rows_problem_below_the_header_steps_aside_in_csv() -> None:
    """A bad Lp., date or status in a plain CSV: None, the row reader will say which line."""
    for bad in ("x", "0", "1000001"):
        assert agree(CSV_HEAD + _bulk("1", bad), fmt="csv",
                     book=VenueBook(list(DECLARED))) is None
    assert agree(CSV_HEAD + _bulk("1", status="held"), fmt="csv",
                 book=VenueBook(list(DECLARED))) is None
    assert agree(CSV_HEAD + _bulk("1").replace("sala-1", "sala-9"), fmt="csv",
                 book=VenueBook(list(DECLARED))) is None


def test_names_with_any_characters_come_through_the_nested_columns() -> None:
    """Leaders and groups with quotes, control and astral characters are kept exactly."""
    text = ("| Lp. | Nazwa | Data | Godzina | leaders | groups |\n|---|---|---|---|---|---|\n"
            '| 1 | SUPERWIZJA | 1.02.2018 | 08.00 - 11.00 | a"b, \\x, ü😀\u200bz | '
            "\x01, kadra ,, \u00a0 |\n")
    found = agree(text, fast=True)
    assert found is not None
    assert found.frame["leaders"].to_list() == [['a"b', "\\x", "ü😀\u200bz"]]
    assert found.frame["groups"].to_list() == [["\x01", "kadra"]]


def test_an_empty_table_equals_the_row_readers() -> None:
    """Prose without a table: an empty table, as the row reader's empty list."""
    found = agree("Harmonogram zostanie podany później.\n", fast=True)
    assert found is not None and len(found) == 0


# --- Many projects' tables read together ---------------------------------------------------

Request = tuple[list[TableText], VenueBook]
Answer = tuple[list[SessionTable], VenueBook] | None


def _loop(requests: list[Request]) -> list[Answer]:
    """The reference: each project's files read one by one (the loader's first way)."""
    answers: list[Answer] = []
    for texts, given_book in requests:
        book = given_book.copy()
        read = []
        for text in texts:
            found = read_session_frame(text.text, table=text.table, venues=book,
                                       kind=text.kind, fmt=text.fmt, path=text.path)
            if found is None:
                break
            read.append(found)
        answers.append((read, book) if len(read) == len(texts) else None)
    return answers


def same_as_the_loop(requests: list[Request]) -> list[Answer]:
    """Assert ``read_tables`` answers as the loop does and keeps the given books."""
    before = [list(book.venues) for _, book in requests]
    expected = _loop(requests)
    found = read_tables(requests)
    assert [list(book.venues) for _, book in requests] == before, "a given book changed"
    assert len(found) == len(expected)
    for got, want in zip(found, expected, strict=True):
        assert (got is None) == (want is None)
        if got is None or want is None:
            continue
        assert len(got[0]) == len(want[0])
        for table, reference in zip(got[0], want[0], strict=True):
            assert_frame_equal(table.frame, reference.frame)
            assert table.named() == names_of(table.frame)
        assert got[1].venues == want[1].venues
        assert got[1] is not requests[found.index(got)][1]
    return found


BOOKS = ((), DECLARED, DECLARED[:2],
         (Venue("bytomska-15", name="Sala w urzędzie"), Venue("mops-2", name="MOPS")))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_many_projects_read_together_as_one_by_one(data: st.DataObject) -> None:
    """Random batches: read_tables gives each project what reading its files in turn gives.

    Projects share addresses and table ids; books declare venues (one with an id an
    address would derive); a venue cell may name a venue only an address of an earlier
    table declares; some cells are turned bad, so that their project gets None.
    """
    requests: list[Request] = []
    for p in range(data.draw(st.integers(1, 5), label="projects")):
        texts = []
        for t in range(data.draw(st.integers(1, 4))):
            fmt, made, columns = data.draw(tables())
            body = _body(columns, made)
            if "venue" in columns and data.draw(st.integers(0, 5)) == 0:
                row = body[data.draw(st.integers(0, len(body) - 1))]
                row[columns.index("venue")] = "bytomska-15"  # declared by an address?
                row[columns.index("address")] = ""
            if data.draw(st.integers(0, 7)) == 0:
                row = body[data.draw(st.integers(0, len(body) - 1))]
                row[data.draw(st.integers(0, len(columns) - 1))] = data.draw(
                    st.sampled_from(BAD))
            table = data.draw(st.sampled_from((f"p{p}-t{t}", "t", "2018-05-07")))
            kind = data.draw(st.sampled_from((None, SessionKind.TRAINING)))
            texts.append(TableText(render(data, columns, fmt, body), table, kind, fmt,
                                   f"p{p}/t{t}.{fmt}"))
        requests.append((texts, VenueBook(list(data.draw(st.sampled_from(BOOKS))))))
    found = same_as_the_loop(requests)
    by_rows = sum(x is None for x in found)
    event("all read as columns" if not by_rows else
          "none" if by_rows == len(found) else "some read as columns")


def _text(body: str, table: str = "t") -> TableText:
    head = "| Lp. | Nazwa | Data | Godzina | venue | Adres |\n|---|---|---|---|---|---|\n"
    return TableText(head + body, table, SessionKind.TRAINING, "md", f"{table}.md")


ROW = "| {n} | SZKOLENIE | {d}.02.2018 | 08.00 - 11.00 | {venue} | {address} |\n"


def test_a_venue_named_after_an_address_of_an_earlier_table_of_its_project() -> None:
    """An address declares a venue for the later tables of its project only."""
    bytomska = ROW.format(n=1, d=1, venue="", address="ul. Bytomska 15 42-600 Tarnowskie Góry")
    named = ROW.format(n=2, d=2, venue="bytomska-15", address="")
    requests: list[Request] = [
        ([_text(bytomska, "a"), _text(named, "b")], VenueBook()),  # declared before: reads
        ([_text(named, "c")], VenueBook()),  # the address is another project's: by rows
        ([_text(bytomska + named, "d")], VenueBook()),  # the same table: by rows
        ([_text(bytomska, "e")], VenueBook([Venue("bytomska-15", name="Sala")])),
    ]
    found = same_as_the_loop(requests)
    assert [x is None for x in found] == [False, True, True, False]
    first, last = found[0], found[3]
    assert first is not None and last is not None
    assert [v.id for v in first[1].venues] == ["bytomska-15"]
    assert first[0][1].frame["slots"].to_list()[0][0]["venue"] == "bytomska-15"
    assert [v.id for v in last[1].venues] == ["bytomska-15", "bytomska-15-2"]
    assert last[0][0].frame["slots"].to_list()[0][0]["venue"] == "bytomska-15-2"


def test_a_bad_cell_fails_only_its_project() -> None:
    """A text one project cannot read leaves the others, which share its other texts, read."""
    good = ROW.format(n=1, d=1, venue="", address="ul. Długa 3 Kraków")
    bad = ROW.format(n=2, d=31, venue="", address="ul. Długa 3 Kraków")  # 31 February
    requests: list[Request] = [([_text(good, "a")], VenueBook()),
                               ([_text(good, "b"), _text(bad, "c")], VenueBook()),
                               ([_text(good + good.replace("| 1 |", "| 3 |"), "d"),
                                 _text("No table yet.\n", "e")], VenueBook())]
    found = same_as_the_loop(requests)
    assert [x is None for x in found] == [False, True, False]
    last = found[2]
    assert last is not None and [len(t) for t in last[0]] == [2, 0]
    assert last[0][1].named() == names_of(last[0][1].frame)
    assert read_tables([]) == []


def test_repeated_numbers_are_set_apart_per_table_in_a_batch() -> None:
    """An Lp. repeated in one table gets t#4-2; the same Lp. in another table does not."""
    row = ROW.format(n=4, d=1, venue="", address="")
    requests: list[Request] = [([_text(row + row, "a"), _text(row, "b")], VenueBook()),
                               ([_text(row, "a")], VenueBook())]
    found = same_as_the_loop(requests)
    assert found[0] is not None and found[1] is not None
    assert [t.frame["id"].to_list() for t in found[0][0]] == [["a#4", "a#4-2"], ["b#4"]]
    assert found[0][0][0].named().repeats is False
    assert found[1][0][0].frame["id"].to_list() == ["a#4"]


def test_the_bench_data_set_read_in_one_call_as_one_by_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """All the requests load_many makes for a generated data set, read in one call."""
    _generate().generate(tmp_path, 3000)
    asked: list[Request] = []
    real = project_module.read_many

    def spy(requests: list[Request]) -> Any:
        asked.extend(requests)
        return real(requests)

    monkeypatch.setattr(project_module, "read_many", spy)
    loaded = project_module.load_many(sorted(tmp_path.glob("*.toml")))
    assert all(not isinstance(x, OpsReformError) for x in loaded)
    assert len(asked) >= 3 and sum(len(texts) for texts, _ in asked) >= 10
    found = same_as_the_loop(asked)
    assert all(x is not None for x in found)
    assert sum(len(t) for x in found if x is not None for t in x[0]) == 3000


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from("abc"), st.integers(0, 40)),
                max_size=60))
def test_combinations_of_coded_columns_as_a_plain_reference(
        rows_: list[tuple[int, str, int]]) -> None:
    """joint: the distinct (a, b, c) rows in order of first appearance, each row's index."""
    coded = [codes([row[i] for row in rows_]) for i in range(3)]
    found, at = joint(*coded)
    keys = list(zip(*found, strict=True))
    distinct = list(dict.fromkeys(rows_))
    assert [tuple(coded[i][0][k[i]] for i in range(3)) for k in keys] == distinct
    assert [distinct[i] for i in at] == rows_
    (one_keys,), one_at = joint(coded[2])
    assert [coded[2][0][k] for k in one_keys] == list(dict.fromkeys(r[2] for r in rows_))
    assert len(one_at) == len(rows_)


def test_load_many_with_read_tables_loads_what_it_loads_now(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """load_many, its tables read by read_tables, gives the same projects and errors.

    (load_many reads each project's files one by one with read_session_frame today, which
    shares read_tables' code: what this catches is a fault of reading many at once.)
    """
    _generate().generate(tmp_path, 2000)
    paths = [*sorted(EXAMPLES.glob("*.toml")), *sorted(tmp_path.glob("*.toml")),
             *sorted((ROOT / "tests" / "data").rglob("*.toml"))]
    now = project_module.load_many(paths)
    monkeypatch.setattr(project_module, "read_many", read_tables)
    batched = project_module.load_many(paths)
    assert len(batched) == len(now) == len(paths)
    for path, got, want in zip(paths, batched, now, strict=True):
        if isinstance(want, OpsReformError):
            assert isinstance(got, OpsReformError) and str(got) == str(want), path
        else:
            assert got == want, path
            assert not isinstance(got, OpsReformError) and got.venues == want.venues, path
