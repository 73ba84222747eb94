"""Contract and leader resolution on the model, the analysts' frames, pickling, batches."""

from __future__ import annotations

import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from multiprocessing import get_context
from pathlib import Path

import attrs
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import opsreform
from opsreform.cli import main
from opsreform.frames import FINDINGS_SCHEMA, SESSIONS_SCHEMA
from opsreform.model.sessions import SessionStatus
from opsreform.rules.engine import Rule
from opsreform.rules.organisation import SupervisorIndependence
from opsreform.rules.schedule import (
    SCHEDULE_RULES,
    DoubleBooking,
    HoursExceeded,
    OutsidePeriod,
    PublicHoliday,
    SummerBreak,
    TableNumbering,
    Weekend,
)
from tests.conftest import ROOT
from tests.test_rules_reference import _contract, _leaders, schedules

EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))


@settings(max_examples=150, deadline=None)
@given(schedules())
def test_contract_and_leaders_of_follow_the_plain_reading(p: opsreform.Project) -> None:
    """A session's contract is its own, else its table's; leaders its own, else its contract's."""
    for s in p.sessions:
        contract = p.contract_of(s)
        assert (None if contract is None else contract.id) == _contract(p, s)
        assert p.leaders_of(s) == _leaders(p, s)


@settings(max_examples=100, deadline=None)
@given(schedules())
def test_sessions_frame_has_a_row_per_slot_with_resolved_facts(p: opsreform.Project) -> None:
    """One row per slot (or per place, or one) with the model's contract and leaders."""
    frame = p.sessions_frame()
    assert frame.schema == pl.Schema(SESSIONS_SCHEMA)
    expected_rows = sum(len(s.slots) or len(s.places) or 1 for s in p.sessions)
    assert frame.height == expected_rows
    by_id = {s.id: s for s in p.sessions}
    for row in frame.iter_rows(named=True):
        s = by_id[row["session"]]
        assert row["contract"] == _contract(p, s)
        assert tuple(row["leaders"]) == _leaders(p, s)
        assert row["status"] == s.status.value and row["kind"] == s.kind.value
        assert row["date"] == s.first_day and row["days"] == s.day_count
        assert row["session_minutes"] == s.minutes
        if row["slot"] is not None:
            booking = s.slots[row["slot"]]
            assert (row["start"], row["end"], row["venue"]) == (
                booking.slot.start, booking.slot.end, booking.venue)
            assert row["minutes"] == booking.slot.end_minute - booking.slot.start_minute
    # what an analyst does without glue: minutes per contract of the sessions that count
    active = frame.filter(pl.col("status") != "cancelled")
    per_contract = dict(active.group_by("contract").agg(pl.col("minutes").sum()).iter_rows())
    for cid, minutes in per_contract.items():
        assert minutes == sum(
            b.slot.end_minute - b.slot.start_minute
            for s in p.sessions if s.status is not SessionStatus.CANCELLED
            and _contract(p, s) == cid for b in s.slots)


def test_sessions_frame_of_an_example_reads_addresses_and_multi_day_visits() -> None:
    """Świlcza's two-day study visits: one row per visited place, no hours, two days."""
    project = opsreform.load_project(ROOT / "examples" / "swilcza.toml")
    frame = project.sessions_frame()
    visits = frame.filter(pl.col("kind") == "study-visit")
    assert visits.height > 0
    assert visits["slot"].null_count() == visits.height
    assert set(visits["days"].to_list()) == {2}
    assert (visits["end_date"] - visits["date"]).dt.total_days().to_list() == [1] * visits.height
    tg = opsreform.load_project(ROOT / "examples" / "tarnowskie-gory.toml").sessions_frame()
    assert "ul. Sienkiewicza 8, 42-600 Tarnowskie Góry" in tg["address"].to_list()


def test_findings_frame_keeps_every_finding_in_order() -> None:
    """The findings frame has one row per finding, same order and values."""
    project = opsreform.load_project(ROOT / "examples" / "tarnowskie-gory.toml")
    findings = opsreform.check(project)
    frame = opsreform.findings_frame(findings)
    assert frame.schema == pl.Schema(FINDINGS_SCHEMA)
    assert frame.to_dicts() == [
        {**f.as_dict(), "date": f.date} for f in findings]
    assert opsreform.findings_frame([]).height == 0


def test_projects_and_findings_pickle() -> None:
    """Every example project and its findings survive pickle, equal and checkable."""
    for path in EXAMPLES:
        project = opsreform.load_project(path)
        again = pickle.loads(pickle.dumps(project))
        assert again == project
        assert opsreform.check(again) == opsreform.check(project)
    amount = 3 * opsreform.ureg.lesson_hour
    assert pickle.loads(pickle.dumps(amount)).to("minute").magnitude == 135


def _findings_in_a_worker(project: opsreform.Project) -> list[opsreform.Finding]:
    return opsreform.check(project)


def test_a_project_goes_through_a_process_pool() -> None:
    """A project sent to another process is checked there to the same findings.

    The workers are spawned, not forked: polars' thread pool does not survive a fork
    of a process that has used it (a forked worker can hang).
    """
    projects = [opsreform.load_project(p) for p in EXAMPLES[:2]]
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        remote = list(pool.map(_findings_in_a_worker, projects))
    assert remote == [opsreform.check(p) for p in projects]


@settings(max_examples=40, deadline=None)
@given(schedules(), schedules())
def test_check_many_equals_check_per_project(a: opsreform.Project,
                                             b: opsreform.Project) -> None:
    """A batch gives each project exactly the findings it gets alone."""
    results = opsreform.check_many([a, b])
    assert [list(r.findings) for r in results] == [opsreform.check(a), opsreform.check(b)]
    assert all(r.read and r.source is None for r in results)


def test_check_many_reads_files_and_keeps_going_after_a_bad_one(tmp_path: Path) -> None:
    """Files are read and checked; an unreadable one gives its error, not an exception."""
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\ntitle = "x"\nperiod = 5\n', encoding="utf-8")
    items = [str(EXAMPLES[0]), str(bad), str(EXAMPLES[1])]
    results = opsreform.check_many(items)
    assert [r.source for r in results] == items
    assert [r.read for r in results] == [True, False, True]
    assert isinstance(results[1].error, opsreform.ProjectFileError)
    assert results[1].error.path == str(bad) and results[1].findings == ()
    for path, result in zip(items[::2], results[::2], strict=True):
        assert list(result.findings) == opsreform.check(opsreform.load_project(path))


def test_export_writes_sessions_and_findings(tmp_path: Path) -> None:
    """`opsreform export` writes both tables for every file, in each format."""
    files = [str(p) for p in EXAMPLES]
    projects = [opsreform.load_project(p) for p in files]
    for fmt in ("parquet", "csv", "json"):
        out = tmp_path / fmt
        assert main(["export", *files, "--format", fmt, "-o", str(out)]) == 0
        read = {"parquet": pl.read_parquet, "csv": pl.read_csv, "json": pl.read_json}[fmt]
        sessions = read(out / f"sessions.{fmt}")
        findings = read(out / f"findings.{fmt}")
        assert sessions.columns == ["file", "project", *SESSIONS_SCHEMA]
        assert sessions.height == sum(p.sessions_frame().height for p in projects)
        assert findings.height == sum(len(opsreform.check(p)) for p in projects)
        assert set(findings["file"].to_list()) == set(files)
    parquet = pl.read_parquet(tmp_path / "parquet" / "sessions.parquet")
    assert parquet.schema["leaders"] == pl.List(pl.String)
    assert parquet.schema["date"] == pl.Date
    assert date(2018, 5, 22) in parquet["date"].to_list()


def test_export_reports_an_unreadable_file_and_writes_the_rest(tmp_path: Path,
                                                               capsys: object) -> None:
    """Exit 2 when a file cannot be read; the readable ones are still written."""
    status = main(["export", str(EXAMPLES[0]), str(tmp_path / "none.toml"),
                   "-o", str(tmp_path / "out")])
    assert status == 2
    assert pl.read_parquet(tmp_path / "out" / "findings.parquet").height == len(
        opsreform.check(opsreform.load_project(EXAMPLES[0])))


RULE_CHOICES = [
    None,
    SCHEDULE_RULES,
    (Weekend(allowed_kinds=["study-visit"]), HoursExceeded(), TableNumbering()),
    (Weekend(), Weekend(allowed_kinds=["supervision"]), DoubleBooking(), SupervisorIndependence()),
    (PublicHoliday(), SummerBreak(), OutsidePeriod(), PublicHoliday()),  # one rule twice
    (),
]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(schedules(most=30, span=40), st.sampled_from(RULE_CHOICES)),
                min_size=1, max_size=8))
def test_check_many_of_mixed_rule_choices_equals_check_per_project(
        batch: list[tuple[opsreform.Project, tuple[Rule, ...] | None]]) -> None:
    """Projects with different rules in one batch each get what `check` gives alone.

    Some choose the defaults, some a few rules, some one rule with other parameters or
    twice, some none.
    """
    projects = [attrs.evolve(p, rules=rules) for p, rules in batch]
    results = opsreform.check_many(projects)
    assert [list(r.findings) for r in results] == [opsreform.check(p) for p in projects]


def test_check_many_of_a_generated_batch_equals_check_per_project(tmp_path: Path) -> None:
    """The benchmark's realistic centres (8 000 sessions), rules chosen in turn."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from run import loaded_projects
    finally:
        sys.path.remove(str(ROOT / "bench"))
    loaded = loaded_projects(tmp_path, 8000, 2018)
    projects = [attrs.evolve(p, rules=RULE_CHOICES[i % len(RULE_CHOICES)])
                for i, p in enumerate(loaded)]
    results = opsreform.check_many(projects)
    alone = [opsreform.check(p) for p in projects]
    assert [list(r.findings) for r in results] == alone
    assert sum(map(len, alone)) > 20  # the generator plants problems to find


def _check_in_a_forked_child(project: opsreform.Project) -> str:
    try:
        opsreform.check(project)
    except opsreform.OpsReformError as exc:
        return str(exc)
    return "checked"


def test_a_forked_worker_is_told_why_instead_of_hanging() -> None:
    """Polars cannot run in a process forked after it ran: a clear error, never a hang."""
    import multiprocessing

    project = opsreform.load_project(EXAMPLES[0])
    opsreform.check(project)  # polars has run here
    assert multiprocessing.get_start_method() != "fork"  # pools start workers fresh
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        message = pool.submit(_check_in_a_forked_child, project).result(timeout=60)
    assert "forked after opsreform had run polars" in message
