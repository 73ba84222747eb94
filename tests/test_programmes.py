"""The programme registry, and the rules that use a project's programme and numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest

import opsreform
from opsreform.exceptions import ProjectFileError, ValidationError
from opsreform.files.project import dumps_project, load_project, loads_project
from opsreform.findings import Finding, Severity
from opsreform.model.funding import Funding, FundingAgreement
from opsreform.model.project import Project
from opsreform.periods import Period
from opsreform.programmes import PROGRAMMES, programme_by_code, programme_named
from opsreform.rules.funding import CallPeriod
from opsreform.rules.programmes import AgreementNumberRule, ProgrammeRule, programme_of
from opsreform.text.calls import parse_call_number

DATA = Path(__file__).parent / "data" / "amendments"
LATE = Period(date(2024, 3, 1), date(2025, 12, 31))


def _rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_registry_has_the_national_and_the_regional_programmes() -> None:
    """PO WER, FERS and 16 regional programmes of each period, each code once."""
    codes = [p.code for p in PROGRAMMES]
    assert len(codes) == len(set(codes)) == 34
    assert sum(p.first_year == 2014 for p in PROGRAMMES) == 17
    assert {"RPSL", "RPMP", "FESL", "FEMP"} <= set(codes)
    for programme in PROGRAMMES:
        assert programme.eligibility.start.year == programme.first_year
        assert programme.call_format.startswith(programme.code + ".")
        assert programme_by_code(programme.code) is programme
        assert programme_named(programme.name) is programme
        assert programme_named(programme.full_name) is programme


@pytest.mark.parametrize(("text", "code"), [
    ("PO WER 2014-2020", "POWR"), ("POWER", "POWR"), ("po wer", "POWR"),
    ("Program Operacyjny Wiedza Edukacja Rozwój 2014-2020", "POWR"),
    ("FERS 2021-2027", "FERS"), ("Fundusze Europejskie dla Rozwoju Społecznego", "FERS"),
    ("RPSL", "RPSL"), ("Fundusze Europejskie dla Śląskiego 2021-2027", "FESL"),
])
def test_programmes_are_found_by_the_names_they_are_written_by(text: str, code: str) -> None:
    """A programme is found by code, short or full name, with or without its years."""
    found = programme_named(text)
    assert found is not None and found.code == code


def test_an_unknown_programme_is_none() -> None:
    """A name opsreform does not know names no programme: it is not guessed."""
    assert programme_named("Program Rozwoju Obszarów Wiejskich") is None
    assert programme_by_code("PROW") is None


def test_programme_comes_from_the_name_else_the_call_else_the_agreement() -> None:
    """The programme as written wins; a call's prefix, then an agreement's, stand in."""
    call = parse_call_number("FERS.04.11-IP.03-001/23")
    agreement = FundingAgreement("RPSL.09.02.01-24-0001/17-00")
    assert programme_of(Funding(programme="POWER", call=call)).programme.code == "POWR"
    assert programme_of(Funding(call=call, agreement=agreement)).programme.code == "FERS"
    assert programme_of(Funding(agreement=agreement)).programme.code == "RPSL"
    assert programme_of(Funding()).programme is None


def test_a_fers_project_is_judged_by_fers_eligibility() -> None:
    """A 2024-2025 FERS project is no error (PO WER's window would make it one)."""
    project = load_project(DATA / "fers.toml")
    found = opsreform.check(project)
    assert not [f for f in found if f.severity is not Severity.INFO]
    [note] = _rule(found, "call-period")
    assert "FERS 2021-2027" in note.message
    outside = attrs.evolve(project, period=Period(date(2024, 3, 1), date(2030, 6, 30)))
    [error] = [f for f in CallPeriod().check(outside) if f.severity is Severity.ERROR]
    assert "2029" in error.message


@pytest.mark.parametrize("funding", [
    Funding(), Funding(programme="Program Rozwoju Obszarów Wiejskich")])
def test_an_unknown_programme_is_not_checked(funding: Funding) -> None:
    """Without a known programme call-period says so, and gives no error."""
    project = Project("P", period=LATE, funding=funding)
    [note] = CallPeriod().check(project)
    assert note.severity is Severity.INFO and note.message.startswith("nie sprawdzono")
    assert "program" in note.message and "2023" not in note.message
    assert "programme" in note.text("en")


def test_po_wer_projects_keep_their_window() -> None:
    """A PO WER project ending in 2024 still leaves its programme's window."""
    project = Project("P", period=LATE, funding=Funding(programme="PO WER 2014-2020"))
    [error] = [f for f in CallPeriod().check(project) if f.severity is Severity.ERROR]
    assert error.subject == "project" and "grudzień 2023" in error.message


def test_programme_and_number_prefix_disagree() -> None:
    """The programme written as PO WER with a FERS call is a warning naming both."""
    funding = Funding(programme="PO WER 2014-2020",
                      call=parse_call_number("FERS.04.11-IP.03-001/23"))
    [warning] = ProgrammeRule().check(Project("P", funding=funding))
    assert warning.severity is Severity.WARNING
    assert "FERS" in warning.message and "PO WER 2014-2020" in warning.message
    agreeing = Funding(programme="POWER", call=parse_call_number(
        "POWR.02.05.00-IP.03-00-012/17"))
    assert not list(ProgrammeRule().check(Project("P", funding=agreeing)))


def test_agreement_checked_against_the_call() -> None:
    """An agreement of another programme, or another action, than its call is an error."""
    call = parse_call_number("POWR.02.05.00-IP.03-00-012/17")
    same = Funding(call=call, agreement=FundingAgreement("POWR.02.05.00-00-0123/18-00"))
    assert not list(AgreementNumberRule().check(Project("P", funding=same)))
    other = Funding(call=call, agreement=FundingAgreement("FERS.04.11-IP.03-0123/23-00"))
    [error] = AgreementNumberRule().check(Project("P", funding=other))
    assert error.severity is Severity.ERROR and "FERS 2021-2027" in error.message
    action = Funding(call=call, agreement=FundingAgreement("POWR.02.04.00-00-0123/18-00"))
    [error] = AgreementNumberRule().check(Project("P", funding=action))
    assert "2.4" in error.message and "2.5" in error.message
    alone = Funding(agreement=FundingAgreement("POWR.02.05.00-00-0123/18-00"))
    [note] = AgreementNumberRule().check(Project("P", funding=alone))
    assert note.severity is Severity.INFO


def test_misprints_are_warnings_at_their_position() -> None:
    """The misprinted call and agreement numbers load, with a warning each at the group."""
    project = load_project(DATA / "misprint.toml")
    assert str(project.funding.call) == "POWR.02.05.00-IP.03-00-012/17"
    found = _rule(opsreform.check(project), "agreement-number")
    assert sorted(f.subject for f in found) == ["agreement", "call"]
    by_subject = {f.subject: f for f in found}
    assert by_subject["call"].severity is Severity.WARNING
    assert "od znaku 23" in by_subject["call"].message
    assert "„0012”" in by_subject["call"].message
    assert by_subject["agreement"].severity is Severity.WARNING
    assert "od znaku 17" in by_subject["agreement"].message
    assert "number" in by_subject["agreement"].message
    assert "character 17" in by_subject["agreement"].text("en")
    # No error: the misprinted agreement still belongs to the call.
    assert not [f for f in opsreform.check(project) if f.severity is Severity.ERROR]


def test_misprints_are_saved_as_written() -> None:
    """Saving keeps the misprinted numbers as written, and reads back equal."""
    project = load_project(DATA / "misprint.toml")
    text = dumps_project(attrs.evolve(project, origin=None))
    assert "POWR.02.05.00-IP.03-00-0012/17" in text
    assert "POWR.02.05.00-00-00123/17-00" in text
    assert loads_project(text) == project


@pytest.mark.parametrize(("number", "expected"), [
    ("POWR.02.05.00-00-12345/17-00", "has 5 digits"),
    ("umowa nr 5", "programme code"),
])
def test_an_unreadable_agreement_number_is_a_placed_error(number: str, expected: str) -> None:
    """Anything but the one misprint is an error naming the key, the line and the text."""
    text = f'format = 1\ntitle = "T"\n\n[funding.agreement]\nnumber = "{number}"\n'
    with pytest.raises(ProjectFileError) as info:
        loads_project(text, path="p.toml")
    error = info.value
    assert error.key == "funding.agreement.number" and error.line == 5
    assert expected in str(error) and number in str(error)


def test_a_misprint_as_written_must_stand_for_its_call() -> None:
    """The call as written is kept only beside the call it reads as; else it is refused."""
    call = parse_call_number("POWR.02.05.00-IP.03-00-012/17")
    assert Funding(call=call, call_written="POWR.02.05.00-IP.03-00-0012/17").call == call
    for written, stands_for in (("POWR.02.05.00-IP.03-00-0013/17", call),
                                ("POWR.02.05.00-IP.03-00-0012/17", None)):
        with pytest.raises(ValidationError):
            Funding(call=stands_for, call_written=written)
