"""Amendments (aneksy) and durations: what was in force when, read, checked and saved."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from fractions import Fraction
from importlib.resources import files
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import opsreform
from opsreform.exceptions import ProjectFileError, ValidationError
from opsreform.files.project import dumps_project, load_project, loads_project, save_project
from opsreform.findings import Finding, Severity
from opsreform.model.amendments import Amendment, ContractChange, FundingChange
from opsreform.model.contracts import Contract
from opsreform.model.project import Project
from opsreform.money import pln
from opsreform.periods import Period
from opsreform.reports.budget import budget_tables
from opsreform.rules.amendments import AmendmentRule, DurationRule, durability_period
from opsreform.rules.funding import Durability
from tests.conftest import EXAMPLES

DATA = Path(__file__).parent / "data" / "amendments"
SIGNED = Period(date(2019, 2, 1), date(2020, 7, 31))
EXTENDED = Period(date(2019, 2, 1), date(2020, 10, 31))


def _rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


@pytest.fixture
def amended() -> Project:
    """The test project extended by three months by its amendment of 15.06.2020."""
    return load_project(DATA / "amended.toml")


def test_the_amended_file_reads_what_was_signed_and_what_changed(amended: Project) -> None:
    """The period stays as signed; the amendment says what changed and from when."""
    assert amended.period == SIGNED
    [amendment] = amended.amendments
    assert (amendment.signed, amendment.effective) == (date(2020, 6, 15), date(2020, 6, 16))
    assert amendment.number == "aneks nr 1" and amendment.period == EXTENDED
    assert amendment.contracts == (ContractChange("superwizja", ends=date(2020, 10, 31),
                                                  hours=Fraction(120)),)
    assert amendment.funding == FundingChange(pln(420_000))


def test_what_was_in_force_on_each_day(amended: Project) -> None:
    """Before the amendment took effect the signed period, from that day the extended one."""
    assert amended.period_on(date(2020, 6, 15)) == SIGNED
    assert amended.period_on(date(2020, 6, 16)) == EXTENDED
    assert amended.final_period == EXTENDED and amended.initial_period == SIGNED
    assert amended.contract_on("superwizja", date(2020, 6, 1)).last_day == date(2020, 7, 31)
    final = amended.final_contract("superwizja")
    assert final.period == Period(date(2019, 3, 1), date(2020, 10, 31))
    assert final.hours == 120
    assert amended.final_funding is not None and amended.final_funding.total == pln(420_000)
    assert amended.funding is not None and amended.funding.total == pln(400_000)


def test_sessions_on_both_sides_of_the_amendment_are_in_period(amended: Project) -> None:
    """A session after the signed end but after the amendment took effect is no error."""
    found = opsreform.check(amended)
    assert not [f for f in found if f.severity is not Severity.INFO]


def test_a_session_before_the_amendment_took_effect_is_outside(amended: Project) -> None:
    """Signed only after the signed end, the amendment does not cover a session before it."""
    late = attrs.evolve(amended.amendments[0], signed=date(2020, 10, 1), effective=None)
    project = attrs.evolve(amended, amendments=(late,))
    found = opsreform.check(project)
    [error] = _rule(found, "outside-period")
    assert error.date == date(2020, 9, 15) and "31.07.2020" in error.message
    [warning] = _rule(found, "amendment")
    assert warning.severity is Severity.WARNING and "01.10.2020" in warning.message
    # Without the amendment, the session after the end is outside the period too.
    unamended = opsreform.check(attrs.evolve(amended, amendments=()))
    assert {f.date for f in _rule(unamended, "outside-period")} == {date(2020, 9, 15)}


def test_durability_runs_from_the_amended_end(amended: Project) -> None:
    """24 months after 31.10.2020, not after 31.07.2020; the note names the amendment."""
    assert durability_period(amended) == Period(date(2020, 11, 1), date(2022, 10, 31))
    [note] = Durability().check(amended)
    assert "01.11.2020 – 31.10.2022" in note.message and "15.06.2020" in note.message
    signed_only = attrs.evolve(amended, amendments=())
    assert durability_period(signed_only) == Period(date(2020, 8, 1), date(2022, 7, 31))


def test_a_contract_extended_into_durability_warns() -> None:
    """A contract an amendment lets run past the final end warns, on its new last day."""
    project = Project(
        "P", period=SIGNED, durability_months=24,
        contracts=(Contract(id="c", title="c", ends=date(2020, 7, 31)),),
        amendments=(Amendment(date(2020, 6, 1),
                              contracts=(ContractChange("c", ends=date(2020, 12, 31)),)),))
    [_note, warning] = Durability().check(project)
    assert warning.subject == "contract c" and warning.date == date(2020, 12, 31)


def test_call_period_checks_each_period_the_project_had(amended: Project) -> None:
    """An amendment moving the end past the programme's window is an error on it."""
    beyond = attrs.evolve(amended.amendments[0], period=Period(date(2019, 2, 1),
                                                                date(2024, 3, 31)))
    found = opsreform.check(attrs.evolve(amended, amendments=(beyond,)))
    [error] = [f for f in _rule(found, "call-period") if f.severity is Severity.ERROR]
    assert error.subject == "amendment 1" and error.date == date(2020, 6, 16)
    assert "15.06.2020" in error.message


def test_history_is_reported(amended: Project) -> None:
    """The budget report lists the amendment: when, from when, and what it changed."""
    [history] = [t for t in budget_tables(amended) if t.title.startswith("Aneksy")]
    [row] = history.rows
    assert row[:3] == ["aneks nr 1", "15.06.2020", "16.06.2020"]
    assert "01.02.2019 – 31.10.2020" in str(row[3]) and "120 godz." in str(row[3])
    assert "420 000,00 zł" in str(row[3])
    assert any("31.07.2020" in note for note in history.notes)
    [english] = [t for t in budget_tables(amended, lang="en") if t.title.startswith("Amend")]
    assert "project period" in str(english.rows[0][3])
    assert not [t for t in budget_tables(attrs.evolve(amended, amendments=()))
                if t.title.startswith("Aneksy")]


def test_an_unedited_amended_file_saves_the_same_bytes(amended: Project) -> None:
    """Saving without edits changes nothing, the Polish forms and comments included."""
    assert dumps_project(amended) == (DATA / "amended.toml").read_text(encoding="utf-8")


def test_amendments_save_losslessly(amended: Project, tmp_path: Path) -> None:
    """Written anew or as an edit, amendments read back equal; an edit changes its line."""
    assert loads_project(dumps_project(attrs.evolve(amended, origin=None))) == amended
    second = Amendment(date(2020, 9, 1), number="aneks nr 2",
                       period=Period(date(2019, 2, 1), date(2020, 12, 31)),
                       contracts=(ContractChange("superwizja", sessions=12),))
    edited = attrs.evolve(amended, amendments=(*amended.amendments, second))
    save_project(edited, tmp_path / "p.toml")
    again = load_project(tmp_path / "p.toml")
    assert again == edited
    text = (tmp_path / "p.toml").read_text(encoding="utf-8")
    assert 'effective = "16 czerwca 2020 r."' in text  # the first kept as written
    assert "# Aneks nr 1" in text


@pytest.mark.parametrize(("extra", "key", "words"), [
    ('[[amendments]]\nsigned = "15.06.2020"\neffective = "01.06.2020"\n',
     "amendments[0].effective", "earlier"),
    ('[[amendments]]\nsigned = "15.06.2020"\n\n[[amendments]]\nsigned = "01.06.2020"\n',
     "amendments[1].signed", "order"),
    ('[[amendments]]\nsigned = "15.06.2020"\n\n[[amendments.contracts]]\ncontract = "x"\n'
     'ends = "31.10.2020"\n', "amendments[0].contracts[0].contract", "not declared"),
    ('[[amendments]]\nsigned = "15.06.2020"\n\n[[amendments.contracts]]\n'
     'contract = "c"\n', "amendments[0].contracts[0].contract", "changes nothing"),
    ('[[amendments]]\nsigned = "15.06.2020"\ncolour = "red"\n', "amendments[0].colour",
     "unknown key"),
    ('[[amendments]]\neffective = "15.06.2020"\n', "amendments[0].signed", "required"),
    ('start = "01.06.2018"\nperiod = "czerwiec 2018 – maj 2019"\n', "start", "not both"),
])
def test_bad_amendments_are_placed_errors(extra: str, key: str, words: str) -> None:
    """Each mistake in an amendment is an error naming its key and line."""
    text = (f'format = 1\ntitle = "T"\n{extra}\n[[contracts]]\nid = "c"\ntitle = "c"\n'
            if not extra.startswith("start") else f'format = 1\ntitle = "T"\n{extra}')
    with pytest.raises(ProjectFileError) as info:
        loads_project(text, path="p.toml")
    assert info.value.key == key and words in str(info.value)
    assert info.value.line is not None


def test_invalid_amendments_cannot_be_built() -> None:
    """Out of order, or naming an undeclared contract: the project is refused."""
    first, second = Amendment(date(2020, 6, 1)), Amendment(date(2020, 5, 1))
    with pytest.raises(ValidationError):
        Project("P", amendments=(first, second))
    with pytest.raises(ValidationError):
        Project("P", amendments=(Amendment(date(2020, 6, 1), contracts=(
            ContractChange("x", hours=Fraction(3)),)),))


@given(start=st.dates(date(2000, 1, 1), date(2090, 12, 31)), months=st.integers(1, 240))
def test_a_start_and_a_duration_give_the_period(start: date, months: int) -> None:
    """The end is the day before the same date N months later; the rule then agrees."""
    project = Project("P", start=start, duration_months=months)
    period = project.initial_period
    assert period is not None and period == Period.starting(start, months=months)
    assert project.final_period == period
    assert not list(DurationRule().check(Project("P", period=period,
                                                 duration_months=months)))


def test_a_period_that_is_not_its_duration_warns() -> None:
    """01.06.2018 – 31.05.2019 is 12 months, not 18: a warning with the end 18 give."""
    project = Project("P", period=Period(date(2018, 6, 1), date(2019, 5, 31)),
                      duration_months=18)
    [warning] = DurationRule().check(project)
    assert warning.severity is Severity.WARNING and "30.11.2019" in warning.message


def test_a_contract_period_that_is_not_its_duration_warns() -> None:
    """A contract stating 12 months with a period of 11 warns, naming the contract."""
    contract = Contract(id="c", title="c", period=Period(date(2018, 1, 1), date(2018, 11, 30)),
                        duration_months=12)
    [warning] = DurationRule().check(Project("P", contracts=(contract,)))
    assert warning.subject == "contract c" and "31.12.2018" in warning.message
    assert "contract c" in warning.text("en")
    right = attrs.evolve(contract, period=Period(date(2018, 1, 1), date(2018, 12, 31)))
    project = Project("P", contracts=(right,))
    assert not list(DurationRule().check(project))
    text = dumps_project(project)
    assert "duration_months = 12" in text and loads_project(text) == project


def test_niedrzwica_states_its_duration_but_not_its_start(
        examples: dict[str, Project]) -> None:
    """004: 18 months, no start: durability is placed only once a start is known."""
    project = examples["niedrzwica-duza"]
    assert project.duration_months == 18 and project.initial_period is None
    [note] = _rule(opsreform.check(project), "durability")
    assert note.severity is Severity.INFO and "18 miesięcy" in note.message
    started = attrs.evolve(project, start=date(2018, 6, 1))
    assert durability_period(started) == Period(date(2019, 12, 1), date(2021, 11, 30))
    [placed] = _rule(opsreform.check(started), "durability")
    assert "01.12.2019 – 30.11.2021" in placed.message
    assert "duration_months = 18" in (EXAMPLES / "niedrzwica-duza.toml").read_text("utf-8")


def test_an_amendment_signed_while_the_period_runs_is_no_warning(amended: Project) -> None:
    """The amendment rule is silent for an amendment signed before the end it moves."""
    assert not list(AmendmentRule().check(amended))


@pytest.mark.parametrize("name", ["amended", "fers", "misprint"])
def test_the_new_keys_are_in_the_schema(name: str) -> None:
    """The test files with amendments, durations and numbers, and their saved form, are valid."""
    schema = json.loads(files("opsreform.files").joinpath("project.schema.json").read_text(
        "utf-8"))
    path = DATA / f"{name}.toml"
    jsonschema.validate(tomllib.loads(path.read_text("utf-8")), schema)
    saved = dumps_project(attrs.evolve(load_project(path), origin=None))
    jsonschema.validate(tomllib.loads(saved), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": 1, "title": "T", "amendments": [{"effective": "x"}]},
                            schema)
