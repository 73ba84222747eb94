"""Saving a project loses nothing: comments, table references and Polish forms as written."""

from __future__ import annotations

import difflib
import pickle
import shutil
from datetime import date, time, timedelta
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import opsreform
from opsreform.exceptions import ProjectFileError, ValidationError
from opsreform.files.project import dumps_project, load_project, loads_project, save_project
from opsreform.model.activities import Activity
from opsreform.model.funding import FundingKind, FundingSource
from opsreform.model.organisation import Unit
from opsreform.model.people import Person
from opsreform.model.project import Milestone, Project, ProjectOrigin
from opsreform.model.sessions import Attendance, Session, SessionStatus, SlotBooking
from opsreform.model.venues import Venue
from opsreform.money import pln
from opsreform.periods import Period
from opsreform.rules.defaults import default_rules
from opsreform.rules.engine import Rule
from opsreform.text.addresses import parse_address
from opsreform.text.periods import parse_period
from opsreform.timeslots import TimeSlot
from tests import strategies
from tests.conftest import EXAMPLE_NAMES, EXAMPLES, ROOT

TARNOWSKIE = EXAMPLES / "tarnowskie-gory.toml"
TABLES = EXAMPLES / "tables"
MAY = "tables/tarnowskie-gory-2018-05-07.md"
JANUARY = "tables/tarnowskie-gory-2018-01-16-szkolenia.md"


def _copy_example(name: str, folder: Path) -> Path:
    """Copy an example and its tables into ``folder``; return the project file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / f"{name}.toml", folder / f"{name}.toml")
    shutil.copytree(TABLES, folder / "tables", dirs_exist_ok=True)
    return folder / f"{name}.toml"


def _changed_lines(before: str, after: str) -> list[str]:
    """The lines removed (``-``) and added (``+``) from ``before`` to ``after``."""
    return [line.rstrip("\n") for line in difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _by_id(project: Project) -> Project:
    """The project with its sessions in id order (the order a save may regroup)."""
    return attrs.evolve(project, sessions=sorted(project.sessions, key=lambda s: s.id))


def _session(project: Project, session_id: str) -> Session:
    for session in project.sessions:
        if session.id == session_id:
            return session
    raise KeyError(session_id)


def _replace(project: Project, session_id: str, **changes: object) -> Project:
    return attrs.evolve(project, sessions=[
        attrs.evolve(s, **changes) if s.id == session_id else s for s in project.sessions])


def _supervision(number: int, day: date, venue: str | None = "bytomska-15") -> Session:
    return Session(kind="supervision", title="SUPERWIZJA", day=day, table="2018-05-07",
                   number=number, slots=[SlotBooking(TimeSlot(time(9), time(12)), venue)])


# --------------------------------------------------------------------------- no edits


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_saving_an_unedited_example_gives_the_same_bytes(name: str, tmp_path: Path) -> None:
    """Load then save without edits: the project file and its table files are unchanged."""
    project = load_project(EXAMPLES / f"{name}.toml")
    save_project(project, tmp_path / f"{name}.toml")
    assert (tmp_path / f"{name}.toml").read_bytes() == (EXAMPLES / f"{name}.toml").read_bytes()
    for written in tmp_path.rglob("*.md"):
        assert written.read_bytes() == (EXAMPLES / written.relative_to(tmp_path)).read_bytes()
    assert dumps_project(project) == (EXAMPLES / f"{name}.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_read_back_equal_with_equal_findings(name: str, tmp_path: Path) -> None:
    """Loaded, saved and loaded again: an equal project, with equal findings."""
    project = load_project(EXAMPLES / f"{name}.toml")
    save_project(project, tmp_path / "p.toml")
    again = load_project(tmp_path / "p.toml")
    assert again == project
    assert opsreform.check(again) == opsreform.check(project)


def test_table_files_are_copied_next_to_a_project_saved_elsewhere(tmp_path: Path) -> None:
    """Saved into an empty folder, the project finds its session tables there."""
    project = load_project(TARNOWSKIE)
    save_project(project, tmp_path / "sub" / "t.toml")
    assert (tmp_path / "sub" / MAY).read_bytes() == (EXAMPLES / MAY).read_bytes()
    assert len(load_project(tmp_path / "sub" / "t.toml").sessions) == len(project.sessions)


# --------------------------------------------------------------------------- the origin


def test_origin_is_attached_and_ignored_by_equality() -> None:
    """A loaded project knows its file; equality does not look at it."""
    project = load_project(TARNOWSKIE)
    assert project.origin is not None
    assert project.origin.text == TARNOWSKIE.read_text(encoding="utf-8")
    assert project.origin.path == str(TARNOWSKIE)
    assert Path(project.origin.base or "") == EXAMPLES
    bare = attrs.evolve(project, origin=None)
    assert bare == project
    assert attrs.evolve(project, origin=ProjectOrigin("other")) == project
    assert "origin" not in repr(Project(title="T", origin=ProjectOrigin("x")))


def test_evolve_keeps_the_origin() -> None:
    """An edited copy is still an edit of the file it came from."""
    project = loads_project('format = 1\ntitle = "T"\n', path="t.toml")
    assert attrs.evolve(project, title="U").origin == project.origin


def test_origin_does_not_change_pickling() -> None:
    """The origin pickles, and a project pickles (or not) exactly as without it."""
    project = load_project(TARNOWSKIE)
    assert project.origin is not None
    assert pickle.loads(pickle.dumps(project.origin)) == project.origin

    def outcome(value: Project) -> object:
        try:
            return pickle.loads(pickle.dumps(value)) == value
        except TypeError as exc:  # what the model's own values allow (not the origin)
            return type(exc)

    assert outcome(project) == outcome(attrs.evolve(project, origin=None))


def test_project_built_in_code_is_written_in_canonical_forms() -> None:
    """Without an origin, dates, periods and amounts are written canonically."""
    project = attrs.evolve(load_project(TARNOWSKIE), origin=None)
    text = dumps_project(project)
    assert 'date = "05.08.2014"' in text and "5 sierpnia 2014 r." not in text
    assert '"356 397,50 zł"' in text and "file =" not in text
    assert loads_project(text) == project


# --------------------------------------------------------------------------- edits


def test_editing_keeps_comments_forms_and_table_references(tmp_path: Path) -> None:
    """Only the edited line changes; comments, Polish forms and `file` keys stay."""
    original = TARNOWSKIE.read_text(encoding="utf-8")
    project = attrs.evolve(load_project(TARNOWSKIE), title="Nowy tytuł")
    save_project(project, tmp_path / "t.toml")
    saved = (tmp_path / "t.toml").read_text(encoding="utf-8")
    assert _changed_lines(original, saved) == ['-title = "Nowy Model - Lepsza Jakość"',
                                               '+title = "Nowy tytuł"']
    for kept in ("# MOPS Tarnowskie Góry", 'date = "5 sierpnia 2014 r."',
                 'period = "01.03.2017r. – 28.02.2019r."', 'total = "356 397,50 zł"',
                 'share = "84,28 %"', f'file = "{MAY}"', "  [[organisation.after.units.units]]"):
        assert kept in saved
    assert "[[sessions]]" not in saved
    assert load_project(tmp_path / "t.toml") == project


def test_an_edited_value_is_rewritten_in_canonical_form(tmp_path: Path) -> None:
    """A changed date or amount is written canonically; its neighbours stay as written."""
    project = load_project(TARNOWSKIE)
    assert project.funding is not None
    milestones = list(project.milestones)
    milestones[1] = attrs.evolve(milestones[1], day=date(2017, 3, 21))
    edited = attrs.evolve(project, milestones=milestones,
                          funding=attrs.evolve(project.funding, total=pln("356397.51")))
    save_project(edited, tmp_path / "t.toml")
    saved = (tmp_path / "t.toml").read_text(encoding="utf-8")
    assert _changed_lines(TARNOWSKIE.read_text(encoding="utf-8"), saved) == [
        '-date = "20 marca 2017 r."', '+date = "21.03.2017"',
        '-total = "356 397,50 zł"', '+total = "356 397,51 zł"']
    assert load_project(tmp_path / "t.toml") == edited


def test_a_value_written_again_with_the_same_meaning_keeps_its_text(tmp_path: Path) -> None:
    """Setting a date to the day it already says leaves "5 sierpnia 2014 r." as written."""
    project = load_project(TARNOWSKIE)
    milestones = [attrs.evolve(m, day=date(m.day.year, m.day.month, m.day.day))
                  for m in project.milestones]
    edited = attrs.evolve(project, milestones=milestones, title=project.title + " ")
    save_project(edited, tmp_path / "t.toml")
    assert '"5 sierpnia 2014 r."' in (tmp_path / "t.toml").read_text(encoding="utf-8")


def test_a_session_changed_in_a_table_file_rewrites_only_its_row(tmp_path: Path) -> None:
    """The row of the changed session changes, in its changed cell only; the rest stays."""
    project = _copy_example("tarnowskie-gory", tmp_path)
    edited = _replace(load_project(project), "2018-05-07#3", day=date(2018, 5, 28))
    save_project(edited, project)
    assert _changed_lines((EXAMPLES / MAY).read_text(encoding="utf-8"),
                          (tmp_path / MAY).read_text(encoding="utf-8")) == [
        "-| 3 | SUPERWIZJA | 25.05.2018 | 08.30 - 11.30 | ul. Bytomska 15 42-600 Tarnowskie Góry |",
        "+| 3 | SUPERWIZJA | 28.05.2018 | 08.30 - 11.30 | ul. Bytomska 15 42-600 Tarnowskie Góry |"]
    assert project.read_bytes() == TARNOWSKIE.read_bytes()
    assert (tmp_path / JANUARY).read_bytes() == (EXAMPLES / JANUARY).read_bytes()
    again = load_project(project)
    assert again == edited
    assert opsreform.check(again) == opsreform.check(edited)


def test_a_session_added_to_a_table_file_gets_a_row(tmp_path: Path) -> None:
    """A new session of a file-backed table is a new row after the row before it."""
    project = _copy_example("tarnowskie-gory", tmp_path)
    loaded = load_project(project)
    edited = attrs.evolve(loaded, sessions=(*loaded.sessions, _supervision(8, date(2018, 7, 3))))
    save_project(edited, project)
    assert _changed_lines((EXAMPLES / MAY).read_text(encoding="utf-8"),
                          (tmp_path / MAY).read_text(encoding="utf-8")) == [
        "+| 8 | SUPERWIZJA | 03.07.2018 | 09.00 - 12.00 "
        "| ul. Bytomska 15, 42-600 Tarnowskie Góry |"]
    assert project.read_bytes() == TARNOWSKIE.read_bytes()
    assert load_project(project) == edited


def test_a_session_removed_from_a_table_file_loses_its_row(tmp_path: Path) -> None:
    """Removing a session removes its row and nothing else."""
    project = _copy_example("tarnowskie-gory", tmp_path)
    loaded = load_project(project)
    edited = attrs.evolve(loaded, sessions=[s for s in loaded.sessions
                                            if s.id != "2018-01-16#5"])
    save_project(edited, project)
    changed = _changed_lines((EXAMPLES / JANUARY).read_text(encoding="utf-8"),
                             (tmp_path / JANUARY).read_text(encoding="utf-8"))
    assert len(changed) == 1 and changed[0].startswith("-| 5 | DIAGNOZA")
    assert load_project(project) == edited


def test_a_session_the_file_cannot_say_is_written_inline(tmp_path: Path) -> None:
    """A note has no column: the session moves inline, with its table and number."""
    project = _copy_example("tarnowskie-gory", tmp_path)
    edited = _replace(load_project(project), "2018-05-07#7", note="przeniesiona")
    save_project(edited, project)
    saved = project.read_text(encoding="utf-8")
    assert '[[sessions]]\ntable = "2018-05-07"\nnumber = 7\n' in saved
    assert 'note = "przeniesiona"' in saved
    assert "| 7 |" not in (tmp_path / MAY).read_text(encoding="utf-8")
    again = load_project(project)
    assert _session(again, "2018-05-07#7") == _session(edited, "2018-05-07#7")
    assert again == edited  # the last table's last row: the order is kept too


def test_sessions_added_out_of_file_order_read_back_grouped(tmp_path: Path) -> None:
    """A row added to the first table reads back with that table: same sessions, regrouped."""
    project = _copy_example("tarnowskie-gory", tmp_path)
    loaded = load_project(project)
    added = Session(kind="training", title="NOWE SZKOLENIE", day=date(2018, 6, 4),
                    slots=[SlotBooking(TimeSlot(time(9), time(15)), "sienkiewicza-8")],
                    table="2018-01-16", number=12)
    edited = attrs.evolve(loaded, sessions=(*loaded.sessions, added))
    save_project(edited, project)
    assert "| 12 | NOWE SZKOLENIE |" in (tmp_path / JANUARY).read_text(encoding="utf-8")
    again = load_project(project)
    assert again != edited and _by_id(again) == _by_id(edited)
    assert opsreform.check(again) == opsreform.check(edited)


def test_inline_sessions_added_changed_and_removed(tmp_path: Path) -> None:
    """Inline sessions: an edit changes its key, a removal removes, an addition appends."""
    name = EXAMPLES / "swilcza.toml"
    project = load_project(name)
    first, _second = project.sessions
    changed = attrs.evolve(first, attendance=attrs.evolve(first.attendance, headcount=17))
    added = Session(kind="training", title="Szkolenie", day=date(2021, 10, 5),
                    slots=[SlotBooking(TimeSlot(time(9), time(12)), "mops-debica")],
                    given_id="szk-1", attendance=Attendance(groups=("kadra",)))
    edited = attrs.evolve(project, sessions=(changed, added))
    save_project(edited, tmp_path / "s.toml")
    saved = (tmp_path / "s.toml").read_text(encoding="utf-8")
    changes = _changed_lines(name.read_text(encoding="utf-8"), saved)
    assert "-headcount = 16" in changes and "+headcount = 17" in changes
    assert "wizyta-2" not in saved and 'id = "szk-1"' in saved
    assert saved.index('id = "wizyta-1"') < saved.index('id = "szk-1"')
    assert 'period = "2-3 sierpnia 2021 r."' in saved
    assert load_project(tmp_path / "s.toml") == edited


def test_removed_and_added_entries_keep_the_layout(tmp_path: Path) -> None:
    """Removing a nested element keeps the comment above the next; a new one is indented."""
    name = EXAMPLES / "michalowice.toml"
    project = load_project(name)
    assert project.organisation is not None and project.organisation.after is not None
    after = project.organisation.after
    organisation = attrs.evolve(project.organisation,
                                after=attrs.evolve(after, units=after.units[1:]))
    first = project.activities[0]
    activities = (attrs.evolve(first, children=(*first.children, attrs.evolve(
        first.children[-1], number="1.5", title="Nowe działanie"))), *project.activities[1:])
    edited = attrs.evolve(project, organisation=organisation, activities=activities)
    save_project(edited, tmp_path / "m.toml")
    saved = (tmp_path / "m.toml").read_text(encoding="utf-8")
    assert "# Its teams and role are not stated" in saved
    assert "Szkolenie dla 3 pracowników Zespołu ds. Świadczeń" in saved  # the activity's
    assert '"Szkolenie dla 3 pracowników Zespołu ds. Świadczeń z Pomocy Społecznej": at' \
        not in saved  # the comment inside the removed unit went with it
    assert '\n  [[activities.items]]\n  number = "1.5"\n  title = "Nowe działanie"\n' in saved
    assert load_project(tmp_path / "m.toml") == edited


def test_removing_a_key_removes_the_comment_right_above_it(tmp_path: Path) -> None:
    """activities_excerpt = false drops the key and the comment that explained it."""
    name = EXAMPLES / "swilcza.toml"
    edited = attrs.evolve(load_project(name), activities_excerpt=False)
    save_project(edited, tmp_path / "s.toml")
    assert _changed_lines(name.read_text(encoding="utf-8"),
                          (tmp_path / "s.toml").read_text(encoding="utf-8")) == [
        "-# The document describes only task 3 (Zadanie nr 3) of the project.",
        "-activities_excerpt = true"]


def test_a_new_venue_is_declared_and_used(tmp_path: Path) -> None:
    """A venue added in code is declared after the others; a row at it names its address."""
    project = _copy_example("tarnowskie-gory", tmp_path)
    loaded = load_project(project)
    hall = Venue("sala", parse_address("ul. Nowa 3 42-600 Tarnowskie Góry"))
    edited = attrs.evolve(loaded, venues=(*loaded.venues, hall),
                          sessions=(*loaded.sessions, _supervision(8, date(2018, 7, 3), "sala")))
    save_project(edited, project)
    assert 'id = "sala"' in project.read_text(encoding="utf-8")
    assert "ul. Nowa 3, 42-600 Tarnowskie Góry |" in (tmp_path / MAY).read_text(encoding="utf-8")
    assert load_project(project) == edited


# --------------------------------------------------------------------------- where tables go


TABLE_PROJECT = '''# A project whose sessions are in a CSV table.
format = 1
title = "P"  # short

[[tables]]
id = "a"
kind = "training"
file = "t/a.csv"

[[sessions]]
id = "x"
kind = "training"
title = "X"
date = "5 marca 2019 r."
slots = "10.00 - 11.00"
address = "ul. Długa 2 00-001 Warszawa"
'''
TABLE_CSV = ("\ufeffLp.;Temat;Data;Godziny;Adres\r\n"
             "1;SZKOLENIE A;05.03.2019;09.00 - 15.00;ul. Polna 1 00-001 Warszawa\r\n"
             "2;SZKOLENIE B;06.03.2019;9.00 - 15.00;ul. Polna 1 00-001 Warszawa\r\n")


def _csv_project(folder: Path) -> Path:
    (folder / "t").mkdir(parents=True)
    (folder / "t" / "a.csv").write_bytes(TABLE_CSV.encode("utf-8"))
    (folder / "p.toml").write_text(TABLE_PROJECT, encoding="utf-8")
    return folder / "p.toml"


def test_a_csv_table_keeps_its_byte_order_mark_and_line_ends(tmp_path: Path) -> None:
    """A CSV row edit keeps the BOM, CRLF, and the other cells as written."""
    path = _csv_project(tmp_path)
    edited = _replace(load_project(path), "a#2", title="SZKOLENIE BB")
    save_project(edited, path)
    assert (tmp_path / "t" / "a.csv").read_bytes().decode("utf-8") == TABLE_CSV.replace(
        "SZKOLENIE B;", "SZKOLENIE BB;")
    assert path.read_text(encoding="utf-8") == TABLE_PROJECT
    assert load_project(path) == edited


def test_an_inline_address_still_names_its_venue(tmp_path: Path) -> None:
    """An inline session's `address` stays while it names the same venue."""
    path = _csv_project(tmp_path)
    edited = _replace(load_project(path), "x", title="Y")
    save_project(edited, path)
    saved = path.read_text(encoding="utf-8")
    assert 'address = "ul. Długa 2 00-001 Warszawa"' in saved and "venues =" not in saved
    assert load_project(path) == edited


def test_venues_met_in_addresses_are_declared_when_reading_would_lose_them(
        tmp_path: Path) -> None:
    """Rows that met a venue are gone, the venue stays: it is declared, all are, in order."""
    path = _csv_project(tmp_path)
    loaded = load_project(path)
    assert [v.id for v in loaded.venues] == ["polna-1", "długa-2"]  # met, not declared
    edited = attrs.evolve(loaded, sessions=[s for s in loaded.sessions if s.table != "a"])
    save_project(edited, path)
    saved = path.read_text(encoding="utf-8")
    assert saved.count("[[venues]]") == 2 and 'address = "ul. Polna 1, 00-001 Warszawa"' in saved
    assert 'address = "ul. Długa 2 00-001 Warszawa"' in saved  # the session's, as written
    assert load_project(path) == edited


def test_a_session_moved_inline_may_name_a_venue_met_later(tmp_path: Path) -> None:
    """An inline session read before the address that meets its venue: venues declared."""
    path = _csv_project(tmp_path)
    text = TABLE_CSV.replace(";9.00 - 15.00;ul. Polna 1", ";9.00 - 15.00;ul. Długa 2")
    (tmp_path / "t" / "a.csv").write_bytes(text.encode("utf-8"))
    loaded = load_project(path)
    edited = _replace(loaded, "a#2", note="przeniesiona")
    save_project(edited, path)
    saved = path.read_text(encoding="utf-8")
    assert 'note = "przeniesiona"' in saved and saved.count("[[venues]]") == 2
    assert load_project(path) == edited


def test_a_table_file_in_the_way_is_made_to_hold_the_sessions(tmp_path: Path) -> None:
    """Saved where another table file sits at the path: it is edited to hold the sessions."""
    loaded = load_project(_csv_project(tmp_path / "a"))
    (tmp_path / "b" / "t").mkdir(parents=True)
    (tmp_path / "b" / "t" / "a.csv").write_text(
        "Lp.;Temat;Data;Godziny;Adres\n"
        "7;INNE;01.01.2019;09.00 - 10.00;ul. Inna 9 00-001 Warszawa\n", encoding="utf-8")
    save_project(loaded, tmp_path / "b" / "p.toml")
    rows = (tmp_path / "b" / "t" / "a.csv").read_text(encoding="utf-8")
    assert "INNE" not in rows and "SZKOLENIE B" in rows
    assert load_project(tmp_path / "b" / "p.toml") == loaded


def test_an_edited_markdown_row_keeps_the_spacing_of_its_other_cells(tmp_path: Path) -> None:
    """In a table aligned by hand only the edited cell is written anew."""
    (tmp_path / "a.md").write_text(
        "| Lp. | Temat      | Data       | Godziny       | Adres |\n"
        "|-----|------------|------------|---------------|-------|\n"
        "| 1   | SZKOLENIE  | 05.03.2019 | 09.00 - 15.00 |       |\n", encoding="utf-8")
    path = tmp_path / "p.toml"
    path.write_text('format = 1\ntitle = "P"\n\n[[tables]]\nid = "t"\nkind = "training"\n'
                    'file = "a.md"\n', encoding="utf-8")
    edited = _replace(load_project(path), "t#1", day=date(2019, 3, 6))
    save_project(edited, path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8").splitlines()[2] == (
        "| 1   | SZKOLENIE  | 06.03.2019 | 09.00 - 15.00 |       |")
    assert load_project(path) == edited


def test_a_file_two_tables_read_is_written_for_the_first_only(tmp_path: Path) -> None:
    """Two tables, one file: the second cannot change it after the first, so it goes inline."""
    (tmp_path / "a.md").write_text(
        "| Lp. | Temat | Data | Godziny | Adres |\n|--|--|--|--|--|\n"
        "| 1 | SZKOLENIE | 05.03.2019 | 09.00 - 15.00 | |\n"
        "| 2 | SZKOLENIE | 06.03.2019 | 09.00 - 15.00 | |\n", encoding="utf-8")
    path = tmp_path / "p.toml"
    path.write_text('format = 1\ntitle = "P"\n\n[[tables]]\nid = "t1"\nkind = "training"\n'
                    'file = "a.md"\n\n[[tables]]\nid = "t2"\nkind = "training"\n'
                    'file = "a.md"\n', encoding="utf-8")
    loaded = load_project(path)
    assert [s.id for s in loaded.sessions] == ["t1#1", "t1#2", "t2#1", "t2#2"]
    edited = _replace(loaded, "t1#2", day=date(2019, 3, 7))
    save_project(edited, path)
    saved = path.read_text(encoding="utf-8")
    assert saved.count('file = "a.md"') == 1 and saved.count("[[sessions]]") == 2
    assert "07.03.2019" in (tmp_path / "a.md").read_text(encoding="utf-8")
    _assert_same(load_project(path), edited)


def test_a_csv_row_over_several_lines_is_kept_whole(tmp_path: Path) -> None:
    """A quoted cell with a line break: its row stays whole while the next is edited."""
    path = _csv_project(tmp_path)
    text = TABLE_CSV.replace("SZKOLENIE A;", '"SZKOLENIE\r\nA";')
    (tmp_path / "t" / "a.csv").write_bytes(text.encode("utf-8"))
    loaded = load_project(path)
    assert _session(loaded, "a#1").title == "SZKOLENIE\nA"  # read as the reader reads
    edited = _replace(loaded, "a#2", day=date(2019, 3, 7))
    save_project(edited, path)
    assert (tmp_path / "t" / "a.csv").read_bytes().decode("utf-8") == text.replace(
        "06.03.2019", "07.03.2019")
    assert load_project(path) == edited


def test_rows_a_new_table_kind_would_misread_move_inline(tmp_path: Path) -> None:
    """Rows whose titles name no kind read as the table's kind: when it changes, they move."""
    project = _copy_example("tarnowskie-gory", tmp_path)
    loaded = load_project(project)
    edited = attrs.evolve(loaded, tables=[attrs.evolve(t, kind="workshop")
                                          if t.id == "2018-01-16" else t for t in loaded.tables])
    save_project(edited, project)
    rows = (tmp_path / JANUARY).read_text(encoding="utf-8")
    assert "| 7 | WARSZTATY" in rows and "| 1 | KODEKS" not in rows
    assert project.read_text(encoding="utf-8").count("[[sessions]]") == 9
    again = load_project(project)
    _assert_same(again, edited)
    assert all(s.kind.value == "training" for s in again.sessions if s.title.startswith("KODEKS"))


def test_dumps_keeps_a_file_that_holds_its_rows_and_adds_the_rest_inline() -> None:
    """dumps_project writes no table file: sessions added to one are written inline."""
    project = load_project(TARNOWSKIE)
    edited = attrs.evolve(project, sessions=(*project.sessions,
                                             _supervision(8, date(2018, 7, 3))))
    text = dumps_project(edited)
    assert f'file = "{MAY}"' in text and "number = 8" in text
    assert loads_project(text, base=EXAMPLES) == edited


def test_dumps_drops_a_file_it_would_have_to_change() -> None:
    """A changed row cannot be written by dumps_project: that table goes inline, whole."""
    project = load_project(TARNOWSKIE)
    edited = _replace(project, "2018-05-07#3", day=date(2018, 5, 28))
    text = dumps_project(edited)
    assert f'file = "{MAY}"' not in text and f'file = "{JANUARY}"' in text
    assert text.count("[[sessions]]") == 6
    assert _by_id(loads_project(text, base=EXAMPLES)) == _by_id(edited)


def test_a_table_file_outside_the_folder_is_never_written(tmp_path: Path) -> None:
    """A reference out of the project's folder: the file stays, the sessions go inline."""
    shared = tmp_path / "shared.md"
    shutil.copy(EXAMPLES / MAY, shared)
    text = TARNOWSKIE.read_text(encoding="utf-8").replace(f'"{MAY}"', '"../shared.md"')
    (tmp_path / "project").mkdir()
    shutil.copytree(TABLES, tmp_path / "project" / "tables")
    path = tmp_path / "project" / "t.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectFileError, match="outside"):  # confined by default
        load_project(path)
    edited = _replace(load_project(path, root=tmp_path), "2018-05-07#3", day=date(2018, 5, 28))
    save_project(attrs.evolve(load_project(path, root=tmp_path)), path)
    assert path.read_text(encoding="utf-8") == text  # unchanged: nothing to write
    save_project(edited, path)
    assert shared.read_bytes() == (EXAMPLES / MAY).read_bytes()
    assert '"../shared.md"' not in path.read_text(encoding="utf-8")
    assert _by_id(load_project(path, root=tmp_path)) == _by_id(edited)


def test_an_origin_that_cannot_be_read_again_is_an_error(tmp_path: Path) -> None:
    """When the tables read are gone, saving says so and how to write the project anew."""
    path = _copy_example("tarnowskie-gory", tmp_path / "a")
    project = attrs.evolve(load_project(path), title="U")
    shutil.rmtree(tmp_path / "a" / "tables")
    with pytest.raises(ProjectFileError, match=r"origin=None"):
        save_project(project, tmp_path / "b" / "t.toml")
    save_project(attrs.evolve(project, origin=None), tmp_path / "b" / "t.toml")
    assert load_project(tmp_path / "b" / "t.toml") == project


# --------------------------------------------------------------------------- generated


_SLOTS = [TimeSlot(time(8), time(11)), TimeSlot(time(11, 30), time(14, 30)),
          TimeSlot(time(15), time(16, 45))]
_VENUES = (Venue("a", parse_address("ul. Długa 1 00-001 Warszawa")), Venue("b", name="Sala"),
           Venue("c", parse_address("ul. Krótka 2 00-001 Warszawa")))
_TITLES = st.sampled_from(["SZKOLENIE", "SUPERWIZJA", "Warsztaty | grupa", "Wizyta; druga",
                           "DIAGNOZA cz.2", "„Cytat” i, przecinek"]) | st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
    max_size=12).filter(str.strip)


@st.composite
def _slots(draw: st.DrawFn) -> list[TimeSlot]:
    """One slot of any minutes, or two that do not overlap (as a session may have)."""
    if draw(st.booleans()):
        return [draw(strategies.time_slots())]
    return sorted(draw(st.lists(st.sampled_from(_SLOTS), min_size=2, max_size=2, unique=True)),
                  key=lambda s: s.start)


@st.composite
def _sessions(draw: st.DrawFn, *, table: str | None, numbers: list[int]) -> list[Session]:
    """Sessions of one table (or with ids), with the facts a table file can or cannot say."""
    found = []
    for number in numbers:
        kind = draw(st.sampled_from(["training", "workshop", "supervision", "other",
                                     "study-visit"]))
        when: dict[str, object] = {"day": draw(strategies.dates)}
        if kind == "study-visit" and draw(st.booleans()):
            when = {"period": draw(strategies.periods(max_days=3))}
        venue = draw(st.sampled_from(["a", "b", "c", None]))
        found.append(Session(
            kind=kind, title=draw(_TITLES), **when,
            slots=[SlotBooking(s, venue) for s in draw(_slots())],
            part=draw(st.none() | st.integers(1, 3)),
            leaders=draw(st.none() | st.just(("p",)) | st.just(())),
            attendance=Attendance(headcount=draw(st.none() | st.integers(1, 40)),
                                  groups=draw(st.sampled_from([(), ("kadra",)]))),
            status=draw(st.sampled_from(list(SessionStatus))),
            note=draw(st.none() | st.just("uwaga")),
            table=table, number=number if table else None,
            given_id=None if table else f"s-{number}"))
    return found


_PUBLISHED = ["Lp.", "Nazwa", "Data", "Godziny", "Adres"]
_BULK = ["Lp.", "Nazwa", "Data", "Godziny", "venue", "kind", "leaders", "headcount", "status",
         "id"]


def _header(fmt: str, columns: list[str]) -> str:
    """The start of an empty table file: prose and a header (Markdown), or a header (CSV)."""
    if fmt == "csv":
        return ";".join(columns) + "\n"
    return (f"Lead-in text.\n\n| {' | '.join(columns)} |\n"
            f"|{'|'.join('--' for _ in columns)}|\n")


def _load_empty(folder: Path, fmt: str, columns: list[str]) -> Project:
    """A commented project file with an empty table file of the format; loaded."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"t.{fmt}").write_text(_header(fmt, columns), encoding="utf-8")
    (folder / "p.toml").write_text(
        '# Generated.\nformat = 1\ntitle = "P"  # kept\n\n[[people]]\nid = "p"\n'
        'name = "Pani P"\n\n[[venues]]\nid = "a"\naddress = "ul. Długa 1 00-001 Warszawa"\n\n'
        '[[venues]]\nid = "b"\nname = "Sala"\n\n[[venues]]\nid = "c"\n'
        'address = "ul. Krótka 2 00-001 Warszawa"\n\n'
        f'[[tables]]\nid = "t"\nkind = "training"\nfile = "t.{fmt}"\n\n[[tables]]\nid = "u"\n',
        encoding="utf-8")
    return load_project(folder / "p.toml")


def _plain(session: Session, *, bulk: bool) -> bool:
    """Whether a table file's columns can say the session (the published ones, or all)."""
    venues = {b.venue for b in session.slots}
    return (session.note is None and not session.attendance.groups
            and session.leaders != ()  # "nobody named" reads back as "the contract's"
            and session.title in {"SZKOLENIE", "SUPERWIZJA", "„Cytat” i, przecinek"}
            and venues <= {"a", "c", None} and len(venues) == 1
            and (bulk or (session.kind.value == {"SUPERWIZJA": "supervision"}.get(
                session.title, "training") and session.leaders is None
                and session.attendance.headcount is None
                and session.status is SessionStatus.PLANNED)))


def _save_and_load(project: Project, folder: Path) -> Project:
    save_project(project, folder / "p.toml")
    return load_project(folder / "p.toml")


def _in_order_of(project: Project, again: Project) -> Project:
    """``project`` with its sessions in the order ``again`` has them."""
    position = {s.id: n for n, s in enumerate(again.sessions)}
    return attrs.evolve(project, sessions=sorted(
        project.sessions, key=lambda s: position.get(s.id, len(position))))


def _assert_same(again: Project, project: Project) -> None:
    """Equal projects (sessions regrouped as files give them) with equal findings."""
    expected = _in_order_of(project, again)
    assert again == expected
    assert opsreform.check(again) == opsreform.check(expected)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), fmt=st.sampled_from(["md", "csv"]),
       columns=st.sampled_from([_PUBLISHED, _BULK]))
def test_generated_projects_read_back_equal(tmp_path_factory: pytest.TempPathFactory,
                                            data: st.DataObject, fmt: str,
                                            columns: list[str]) -> None:
    """Sessions put in code into a table file and inline read back equal, edits and all."""
    folder = tmp_path_factory.mktemp("generated")
    empty = _load_empty(folder / "a", fmt, columns)
    numbers = data.draw(st.lists(st.integers(1, 30), unique=True, max_size=6))
    in_table = data.draw(_sessions(table="t", numbers=numbers))
    inline = data.draw(_sessions(table=None, numbers=[1, 2]))
    project = attrs.evolve(empty, sessions=(*in_table, *inline))
    again = _save_and_load(project, folder / "b")
    _assert_same(again, project)
    assert "# Generated." in (folder / "b" / "p.toml").read_text(encoding="utf-8")
    # The file holds the sessions its columns can say (here: the plainest ones).
    rows = (folder / "b" / f"t.{fmt}").read_text(encoding="utf-8").splitlines()
    numbers_written = {int(row.strip("| ").replace(";", " ").split()[0]) for row in rows
                       if row.strip("| ")[:1].isdigit()}
    for session in in_table:
        if _plain(session, bulk=columns == _BULK):
            assert session.number in numbers_written
    # Edit what was read: change, remove and add sessions; save next to it; read again.
    sessions = list(again.sessions)
    if sessions:
        index = data.draw(st.integers(0, len(sessions) - 1))
        moved = date(2025, 1, 2)
        when = ({"day": moved} if sessions[index].day is not None
                else {"period": Period(moved, moved + timedelta(days=1))})
        sessions[index] = attrs.evolve(sessions[index], title=data.draw(_TITLES), **when)
    if len(sessions) > 1:
        del sessions[data.draw(st.integers(0, len(sessions) - 1))]
    sessions.extend(data.draw(_sessions(table="t", numbers=[31, 32])))
    edited = attrs.evolve(again, sessions=sessions, title="Q")
    _assert_same(_save_and_load(edited, folder / "b"), edited)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_edits_of_an_example_read_back_equal(tmp_path_factory: pytest.TempPathFactory,
                                             data: st.DataObject) -> None:
    """Random edits of a real project, saved next to its tables, read back as edited."""
    folder = tmp_path_factory.mktemp("tarnowskie")
    path = _copy_example("tarnowskie-gory", folder)
    project = load_project(path)
    sessions = list(project.sessions)
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(sessions) - 1))
        action = data.draw(st.sampled_from(["day", "slots", "drop", "status", "venue"]))
        if action == "drop" and len(sessions) > 1:
            del sessions[index]
        elif action == "day":
            sessions[index] = attrs.evolve(sessions[index], day=data.draw(
                st.dates(date(2018, 1, 1), date(2019, 2, 28))))
        elif action == "slots":
            sessions[index] = attrs.evolve(sessions[index], slots=[
                SlotBooking(data.draw(st.sampled_from(_SLOTS)), "bytomska-15")])
        elif action == "status":
            sessions[index] = attrs.evolve(sessions[index], status=SessionStatus.DELIVERED)
        else:
            sessions[index] = attrs.evolve(sessions[index], slots=[
                attrs.evolve(b, venue=None) for b in sessions[index].slots])
    edited = attrs.evolve(project, sessions=sessions)
    again = _save_and_load(edited, folder)
    _assert_same(again, edited)
    saved = path.read_text(encoding="utf-8")
    assert '"5 sierpnia 2014 r."' in saved and "# MOPS Tarnowskie Góry" in saved


# A hand-written file with the corners of TOML and of the format: comments above and
# beside keys, inline tables and arrays of inline tables, TOML dates, a table split
# around another ([funding.shares] after [organisation]), an inline session naming its
# venue by address, "leaders = []", explicit defaults, a whitespace-laden title.
RICH = ROOT / "tests" / "data" / "roundtrip" / "rich.toml"


def _funding(p: Project, **changes: object) -> Project:
    if p.funding is None:
        raise ValueError("no funding to edit")
    return attrs.evolve(p, funding=attrs.evolve(p.funding, **changes))


def _after_units(p: Project, units: tuple[Unit, ...]) -> Project:
    if p.organisation is None or p.organisation.after is None:
        raise ValueError("no structure to edit")
    after = attrs.evolve(p.organisation.after, units=units)
    return attrs.evolve(p, organisation=attrs.evolve(p.organisation, after=after))


def _rules(p: Project, **chosen: Rule) -> Project:
    """The project's rules with some replaced, in the order the reader gives them."""
    current = {r.id: r for r in p.rules or ()} | chosen
    return attrs.evolve(p, rules=tuple(current[d.id] for d in default_rules()
                                       if d.id in current))


RICH_EDITS = {
    "title": lambda p: attrs.evolve(p, title="Nowy"),
    "period": lambda p: attrs.evolve(p, period=parse_period("01.04.2017 – 28.02.2019")),
    "durability": lambda p: attrs.evolve(p, durability_months=None),
    "closed": lambda p: attrs.evolve(p, calendar=attrs.evolve(
        p.calendar, closed=p.calendar.closed | {date(2018, 11, 2)})),
    "lieu": lambda p: attrs.evolve(p, calendar=attrs.evolve(
        p.calendar, days_in_lieu={date(2020, 8, 15): date(2020, 8, 17)})),
    "weekdays": lambda p: attrs.evolve(p, calendar=attrs.evolve(
        p.calendar, working_weekdays=frozenset(range(6)))),
    "rule-param": lambda p: _rules(p, weekend=Rule.registry["weekend"](
        allowed_kinds=["study-visit", "training"])),
    "rule-default": lambda p: _rules(p, weekend=Rule.registry["weekend"]()),
    "rule-on": lambda p: _rules(p, numbering=Rule.registry["numbering"]()),
    "milestone-date": lambda p: attrs.evolve(p, milestones=(
        attrs.evolve(p.milestones[0], day=date(2014, 8, 6)), *p.milestones[1:])),
    "milestone-drop-first": lambda p: attrs.evolve(p, milestones=p.milestones[1:]),
    "milestone-add-first": lambda p: attrs.evolve(p, milestones=(
        Milestone(date(2014, 1, 2), "Zero"), *p.milestones)),
    "milestone-add": lambda p: attrs.evolve(p, milestones=(
        *p.milestones, Milestone(date(2019, 1, 2), "Trzeci"))),
    "break-drop": lambda p: attrs.evolve(p, breaks=()),
    "break-text": lambda p: attrs.evolve(p, breaks=(attrs.evolve(p.breaks[0], text="Ferie"),)),
    "person-add": lambda p: attrs.evolve(p, people=(*p.people, Person("p2", "Pan Q"))),
    "person-edit": lambda p: attrs.evolve(p, people=(
        attrs.evolve(p.people[0], employer="Firma"),)),
    "venue-address": lambda p: attrs.evolve(p, venues=(attrs.evolve(
        p.venues[0], address=parse_address("ul. Inna 5 00-002 Warszawa")),)),
    "venue-name": lambda p: attrs.evolve(p, venues=(attrs.evolve(p.venues[0], name="Duża"),)),
    "venue-add": lambda p: attrs.evolve(p, venues=(Venue("pokoj", name="Pokój 3"), *p.venues)),
    "contract-hours": lambda p: attrs.evolve(p, contracts=(
        attrs.evolve(p.contracts[0], hours=30),)),
    "contract-unit": lambda p: attrs.evolve(p, contracts=(
        attrs.evolve(p.contracts[0], unit="lesson_hour"),)),
    "contract-leaders": lambda p: attrs.evolve(p, contracts=(
        attrs.evolve(p.contracts[0], leaders=()),)),
    "activity-title": lambda p: attrs.evolve(p, activities=(
        attrs.evolve(p.activities[0], title="Inny tytuł"),)),
    "activity-child-add": lambda p: attrs.evolve(p, activities=(attrs.evolve(
        p.activities[0], children=(*p.activities[0].children, Activity("1.1", "Nowe"))),)),
    "activity-child-drop": lambda p: attrs.evolve(p, activities=(
        attrs.evolve(p.activities[0], children=()),)),
    "activity-add": lambda p: attrs.evolve(p, activities=(*p.activities, Activity(
        "2", "Drugie", children=(Activity("2.1", "Pod dwa"),)))),
    "table-kind": lambda p: attrs.evolve(p, tables=(attrs.evolve(p.tables[0], kind="workshop"),)),
    "session-date": lambda p: _replace(p, "t#1", day=date(2018, 5, 23)),
    "session-no-venue": lambda p: _replace(p, "t#1", slots=[
        attrs.evolve(b, venue=None) for b in _session(p, "t#1").slots]),
    "session-leaders": lambda p: _replace(p, "t#1", leaders=None),
    "session-drop-last": lambda p: attrs.evolve(p, sessions=p.sessions[:-1]),
    "session-drop-first": lambda p: attrs.evolve(p, sessions=p.sessions[1:]),
    "session-add": lambda p: attrs.evolve(p, sessions=(*p.sessions, Session(
        kind="training", title="Nowe", day=date(2018, 6, 5), table="t", number=2,
        slots=[SlotBooking(TimeSlot(time(9), time(10)), p.venues[-1].id)]))),
    "funding-total": lambda p: _funding(p, total=pln("356397.51")),
    "funding-source-amount": lambda p: _funding(p, sources=(
        p.funding.sources[0], attrs.evolve(p.funding.sources[1], amount=pln("56025.70")))
        if p.funding else ()),
    "funding-source-drop": lambda p: _funding(p, sources=p.funding.sources[:1]
                                              if p.funding else ()),
    "funding-source-add": lambda p: _funding(p, sources=(
        *(p.funding.sources if p.funding else ()),
        FundingSource(kind=FundingKind.OWN_CONTRIBUTION, text="wkład własny"))),
    "funding-shares": lambda p: _funding(p, shares={FundingKind.EU: Fraction(85, 100)}),
    "funding-none": lambda p: attrs.evolve(p, funding=None),
    "org-staff": lambda p: attrs.evolve(p, organisation=attrs.evolve(
        p.organisation, staff_supported=17)),
    "org-unit-add": lambda p: _after_units(p, (
        *(p.organisation.after.units if p.organisation and p.organisation.after else ()),
        Unit("zu", "Zespół Usług", "team", children=(
            Unit("st", "Stanowisko ds. Pierwszego Kontaktu", "post"),)))),
    "org-unit-drop": lambda p: _after_units(p, ()),
}


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(sorted(RICH_EDITS)), min_size=1, max_size=5, unique=True))
def test_edits_of_a_rich_file_read_back_equal(edits: list[str]) -> None:
    """Any mix of edits over a file with every corner of the format reads back as edited."""
    project = load_project(RICH)
    try:
        for name in edits:
            project = RICH_EDITS[name](project)
    except (ValidationError, ValueError, LookupError):
        reject()  # a mix the model refuses (an edit after the funding was removed)
    text = dumps_project(project)
    again = loads_project(text)
    assert again == project
    assert opsreform.check(again) == opsreform.check(project)
    assert text.startswith("# Rich: every corner of the format, written by hand.\nformat = 1\n")
    assert text.endswith("\n") and not text.endswith("\n\n")
    if "milestone-date" not in edits and "milestone-drop-first" not in edits:
        assert 'date = "5 sierpnia 2014 r."' in text


@pytest.mark.parametrize("name", sorted(RICH_EDITS))
def test_one_edit_of_a_rich_file_changes_only_its_lines(name: str) -> None:
    """A single edit leaves every line it does not concern as written."""
    original = RICH.read_text(encoding="utf-8")
    edited = RICH_EDITS[name](load_project(RICH))
    text = dumps_project(edited)
    assert loads_project(text) == edited
    removed = [line[1:] for line in _changed_lines(original, text) if line.startswith("-")]
    assert len(removed) <= 15  # the largest: the funding table, or a session, removed


@pytest.mark.parametrize("declared", [True, False])
def test_a_windows_1250_table_is_kept_and_never_rewritten(tmp_path: Path, declared: bool
                                                          ) -> None:
    """A table saved by a Polish Excel (cp1250): kept with its encoding; edits go inline."""
    shutil.copytree(EXAMPLES, tmp_path / "ex")
    table = tmp_path / "ex" / MAY
    table.write_bytes(table.read_text(encoding="utf-8").encode("cp1250"))
    before = table.read_bytes()
    path = tmp_path / "ex" / "tarnowskie-gory.toml"
    if declared:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f'file = "{MAY}"', f'file = "{MAY}"\nencoding = "cp1250"'),
                        encoding="utf-8")
    project = load_project(path)
    save_project(attrs.evolve(project, title="Nowy"), path)
    again = load_project(path)
    assert again.sessions == project.sessions and table.read_bytes() == before
    assert ('encoding = "cp1250"' in path.read_text(encoding="utf-8")) is declared
    first = next(s for s in project.sessions if s.table == "2018-05-07")
    edited = attrs.evolve(project, sessions=[attrs.evolve(s, note="przeniesiona")
                                             if s is first else s for s in project.sessions])
    save_project(edited, path)
    assert _by_id(load_project(path)) == _by_id(edited) and table.read_bytes() == before
