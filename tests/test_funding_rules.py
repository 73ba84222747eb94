"""The funding rules on the seed documents' figures and on made-up ones."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from opsreform.exceptions import ValidationError
from opsreform.findings import Finding, Severity
from opsreform.model.contracts import Contract
from opsreform.model.funding import (
    BudgetLine,
    Funding,
    FundingAgreement,
    FundingKind,
    FundingSource,
    Task,
)
from opsreform.model.project import Project
from opsreform.money import pln
from opsreform.periods import Period
from opsreform.rules.engine import Rule, run_rules
from opsreform.rules.funding import (
    FUNDING_RULES,
    BudgetSum,
    CallPeriod,
    Durability,
    FundingShare,
    FundingSum,
    NegativeAmount,
    durability_period,
)
from opsreform.text.amounts import parse_amount, parse_amount_bound
from opsreform.text.calls import parse_call_number
from tests.findings_util import by_rule, problems

A = parse_amount

TARNOWSKIE_GORY = Funding(
    programme="PO WER 2014-2020", axis="II", action="2.5", total=A("356 397,50 zł"),
    agreement=FundingAgreement(signed=date(2017, 5, 12)),
    sources=(FundingSource(FundingKind.EU, A("300 371,81 zł"), Fraction("0.8428")),
             FundingSource(FundingKind.TARGETED_SUBSIDY, A("56 025,69 zł"))))
NIEDRZWICA_LINES = (
    BudgetLine("przygotowanie do zmian", A("22 551.00 złotych"), "preparation"),
    BudgetLine("szkolenia", A("14 900,00 złotych"), "training"),
    BudgetLine("superwizja i pomoc prawna", A("25 200,00 złotych"), "supervision"),
    BudgetLine("3 etaty", A("274 046,76 złotych"), "staff", fte=3),
)


def _run(funding: Funding | None, **kw: object) -> list[Finding]:
    project = Project(title="P", funding=funding, **kw)  # type: ignore[arg-type]
    return run_rules(project, FUNDING_RULES)


def test_tarnowskie_gory_reconciles() -> None:
    """001: 300 371,81 + 56 025,69 = 356 397,50 and 84,28 % holds: only notes."""
    found = _run(TARNOWSKIE_GORY, period=Period(date(2017, 3, 1), date(2019, 2, 28)))
    assert problems(found) == []
    assert not by_rule(found, "funding-sum") and not by_rule(found, "funding-share")


def test_tarnowskie_gory_typo_is_an_error_with_its_amount() -> None:
    """001 with the EU amount mistyped by 100 zł: sum and share are errors of 100 zł."""
    wrong = Funding(total=TARNOWSKIE_GORY.total, sources=(
        FundingSource(FundingKind.EU, A("300 471,81 zł"), Fraction("0.8428")),
        TARNOWSKIE_GORY.sources[1]))
    found = _run(wrong)
    [sum_error] = by_rule(found, "funding-sum", Severity.ERROR)
    assert "100,00 zł" in sum_error.message
    assert by_rule(found, "funding-share", Severity.ERROR)


def test_niedrzwica_lines_without_completeness() -> None:
    """004, completeness not stated: the 84 174,43 zł left is the 25 % flat rate within 1 gr."""
    funding = Funding(total=A("420 872,19 złotych"), lines=NIEDRZWICA_LINES)
    [note] = by_rule(_run(funding), "budget-sum")
    assert note.severity is Severity.INFO
    assert "84 174,43 zł" in note.message and "84 174,44 zł" in note.message
    assert "-0,01 zł" in note.message


def test_niedrzwica_lines_declared_incomplete() -> None:
    """004 with lines declared incomplete: the remainder is a note, never an error."""
    funding = Funding(total=A("420 872,19 złotych"), lines=NIEDRZWICA_LINES,
                      lines_complete=False)
    [note] = by_rule(_run(funding), "budget-sum")
    assert note.severity is Severity.INFO
    assert "nie wymienia wszystkich pozycji" in note.message and "84 174,43 zł" in note.message


def test_niedrzwica_lines_declared_complete() -> None:
    """004 with lines declared complete: lines + 25 % miss the total by one grosz (a note)."""
    funding = Funding(total=A("420 872,19 złotych"), lines=NIEDRZWICA_LINES,
                      lines_complete=True)
    [note] = by_rule(_run(funding), "budget-sum")
    assert note.severity is Severity.INFO and "0,01 zł" in note.message
    strict = BudgetSum(tolerance=0)
    [error] = strict.check(Project(title="P", funding=funding))
    assert error.severity is Severity.ERROR


def test_complete_lines_that_do_not_add_up() -> None:
    """Complete lines leaving 1 000 zł unexplained are an error naming the amount."""
    funding = Funding(total=A("421 872,19 zł"), lines=NIEDRZWICA_LINES, lines_complete=True)
    [error] = by_rule(_run(funding), "budget-sum", Severity.ERROR)
    assert "999,99 zł" in error.message


def test_lines_above_the_total() -> None:
    """Listed lines above the total are an error even when incomplete."""
    funding = Funding(total=A("300 000,00 zł"), lines=NIEDRZWICA_LINES)
    [error] = by_rule(_run(funding), "budget-sum", Severity.ERROR)
    assert "przekraczają" in error.message


def test_ochota_bound() -> None:
    """002: over 421 thousand zł is a bound; sources agreeing with it are not errors."""
    bound = parse_amount_bound("ponad 421 tys. zł")
    assert problems(_run(Funding(total_stated=bound))) == []
    agreeing = Funding(total_stated=bound, sources=(
        FundingSource("eu", A("355 600,00 zł")), FundingSource("targeted-subsidy",
                                                               A("66 400,00 zł"))))
    assert problems(_run(agreeing)) == []
    below = Funding(total_stated=bound, sources=(FundingSource("eu", A("400 000,00 zł")),))
    [error] = by_rule(_run(below), "funding-sum", Severity.ERROR)
    assert "ponad 421 tys. zł" in error.message


def test_bound_against_complete_lines() -> None:
    """Complete lines plus flat rate below a stated "over" bound are an error."""
    funding = Funding(total_stated=parse_amount_bound("ponad 421 tys. zł"),
                      lines=(BudgetLine("a", pln(100_000)),), lines_complete=True)
    assert by_rule(_run(funding), "budget-sum", Severity.ERROR)


def test_rounding_note_and_error() -> None:
    """Within the tolerance a note, above it an error; the tolerance is a parameter."""
    near = Funding(total=pln(1000), sources=(FundingSource("eu", pln("842.82")),
                                             FundingSource("targeted-subsidy", pln("157.20"))))
    [note] = FundingSum().check(Project(title="P", funding=near))
    assert note.severity is Severity.INFO and "0,02 zł" in note.message
    [error] = FundingSum(tolerance="0.01").check(Project(title="P", funding=near))
    assert error.severity is Severity.ERROR
    assert FundingSum(tolerance=0.05).tolerance == Fraction(5, 100)
    with pytest.raises(ValidationError):
        FundingSum(tolerance=-1)


def test_share_is_computed_on_the_rest() -> None:
    """The subsidy is the total less the rounded EU share (no double rounding)."""
    total = pln("100.01")  # 84,28 % is 84,288428 → 84,29; the rest 15,72
    funding = Funding(total=total, sources=(FundingSource("eu", pln("84.29")),
                                            FundingSource("targeted-subsidy", pln("15.72"))))
    assert list(FundingShare().check(Project(title="P", funding=funding))) == []


def test_own_contribution_not_in_action_2_5() -> None:
    """An own contribution in Action 2.5 is a warning; a far-off EU share an error."""
    funding = Funding(total=pln(1000), sources=(
        FundingSource("eu", pln(800)), FundingSource("targeted-subsidy", pln("157.20")),
        FundingSource("own-contribution", pln("42.80"))))
    found = list(FundingShare().check(Project(title="P", funding=funding)))
    assert {(f.subject, f.severity) for f in found} == {
        ("source eu", Severity.ERROR), ("source own-contribution", Severity.WARNING)}


def test_negative_amounts() -> None:
    """Every negative amount is an error naming it."""
    funding = Funding(total=pln(-5), lines=(BudgetLine("a", pln(-1)),),
                      sources=(FundingSource("eu", pln(-2)),), tasks=(Task("1", amount=pln(-3)),))
    subjects = {f.subject for f in NegativeAmount().check(Project(title="P", funding=funding))}
    assert subjects == {"funding total", "budget line 1", "source eu", "task 1"}


def test_task_lines_against_task_amount() -> None:
    """Lines of a task above its amount are an error; below it, with lines incomplete, not."""
    over = Funding(lines=(BudgetLine("a", pln(60), task="3"), BudgetLine("b", pln(50), task="3")),
                   tasks=(Task("3", amount=pln(100)),))
    [error] = by_rule(_run(over), "budget-sum", Severity.ERROR)
    assert error.subject == "task 3"
    under = Funding(lines=(BudgetLine("a", pln(60), task="3"),),
                    tasks=(Task("3", amount=pln(100)),))
    assert not by_rule(_run(under), "budget-sum", Severity.ERROR)


def test_staff_line_mismatch() -> None:
    """A staff line whose amount is not FTE × months × cost is an error on that line."""
    line = BudgetLine("etaty", pln(274_046), fte=3, months=18, monthly_cost=pln("5074.94"))
    found = list(BudgetSum().check(Project(title="P", funding=Funding(lines=(line,)))))
    assert any(f.subject == "budget line 1" and f.severity is Severity.ERROR for f in found)


def test_call_period() -> None:
    """A period outside the call's is an error; the programme's window applies otherwise."""
    call = parse_call_number("POWR.02.05.00-IP.03-00-012/17")
    funding = Funding(call=call, call_period=Period(date(2018, 1, 1), date(2019, 3, 31)))
    ochota = Period(date(2018, 6, 1), date(2019, 5, 31))
    [error] = by_rule(_run(funding, period=ochota), "call-period", Severity.ERROR)
    assert error.date == date(2018, 6, 1)
    assert not problems(by_rule(_run(Funding(call=call), period=ochota), "call-period"))
    late = Period(date(2023, 1, 1), date(2024, 6, 30))
    assert by_rule(_run(Funding(programme="PO WER 2014-2020"), period=late), "call-period",
                   Severity.ERROR)


def test_durability_after_tarnowskie_gory() -> None:
    """24 months after 28.02.2019 is 01.03.2019–28.02.2021; a contract ending in it warns."""
    period = Period(date(2017, 3, 1), date(2019, 2, 28))
    project = Project(title="P", period=period, durability_months=24,
                      contracts=(Contract(id="c", title="u", ends=date(2019, 6, 30)),))
    assert durability_period(project) == Period(date(2019, 3, 1), date(2021, 2, 28))
    note, warning = Durability().check(project)
    assert note.severity is Severity.INFO and "01.03.2019 – 28.02.2021" in note.message
    assert warning.subject == "contract c" and warning.date == date(2019, 6, 30)


def test_durability_month_ends() -> None:
    """Month ends are kept: after 31.08.2019, 24 months end on 31.08.2021."""
    project = Project(title="P", period=Period(date(2018, 3, 1), date(2019, 8, 31)),
                      durability_months=24)
    assert durability_period(project) == Period(date(2019, 9, 1), date(2021, 8, 31))


def test_niedrzwica_durability_without_dates() -> None:
    """004: 24 months of durability but no start date: the rule says it could not run."""
    [note] = Durability().check(Project(title="P", durability_months=24))
    assert note.severity is Severity.INFO and "nie sprawdzono" in note.message


@pytest.mark.parametrize("funding", [
    None, Funding(), Funding(sources=(FundingSource("eu"),)),
    Funding(total_stated=parse_amount_bound("ponad 421 tys. zł")),
    Funding(lines=(BudgetLine("etaty", pln(1), fte=3),))])
def test_unknown_facts_are_never_errors(funding: Funding | None) -> None:
    """No funding or missing figures: notes at most, never an error or a warning."""
    assert problems(_run(funding, durability_months=24)) == []


def test_rules_registered() -> None:
    """Each funding rule is registered by its id, and FUNDING_RULES holds one of each."""
    ids = {"funding-sum", "funding-share", "budget-sum", "negative-amount", "call-period",
           "durability"}
    assert {r.id for r in FUNDING_RULES} == ids
    assert all(Rule.registry[i] is type(r) for r in FUNDING_RULES for i in (r.id,))
    assert isinstance(Rule.registry["budget-sum"].from_params({"tolerance": "0.10"}), BudgetSum)
    assert CallPeriod().id == "call-period"
