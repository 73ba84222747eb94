"""The funding model: sources, budget lines, tasks, the budget's arithmetic, programmes."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from opsreform.exceptions import ValidationError
from opsreform.model.funding import (
    ACTION_2_5_SHARES,
    PO_WER_ACTION_2_5,
    PO_WER_INDIRECT_TIERS,
    Budget,
    BudgetCategory,
    BudgetLine,
    Funding,
    FundingAgreement,
    FundingKind,
    FundingSource,
    IndirectCostTiers,
    Programme,
    Task,
)
from opsreform.money import pln
from opsreform.periods import Period
from opsreform.text.amounts import parse_amount, parse_amount_bound
from opsreform.units import ureg

NIEDRZWICA_LINES = (
    BudgetLine("przygotowanie", parse_amount("22 551.00 złotych"), "preparation"),
    BudgetLine("szkolenia", parse_amount("14 900,00 złotych"), "training"),
    BudgetLine("superwizja i pomoc prawna", parse_amount("25 200,00 złotych"), "supervision"),
    BudgetLine("3 etaty", parse_amount("274 046,76 złotych"), "staff", fte=3),
)


@pytest.mark.parametrize(("direct", "rate"), [
    ("0", "0.25"), ("830000", "0.25"), ("830000.01", "0.20"), ("1740000", "0.20"),
    ("1740000.01", "0.15"), ("4550000", "0.15"), ("4550000.01", "0.10"), ("9000000000", "0.10")])
def test_po_wer_tiers(direct: str, rate: str) -> None:
    """The PO WER flat rates: limits inclusive, 25/20/15/10 %."""
    assert PO_WER_INDIRECT_TIERS.rate_for(pln(direct)) == Fraction(rate)


@pytest.mark.parametrize("tiers", [
    (), ((100, "0.2"),), ((None, "0.2"), (None, "0.1")), ((200, "0.2"), (100, "0.1"),
                                                          (None, "0.1")),
    ((100, "1.5"), (None, "0.1")), ((-1, "0.2"), (None, "0.1"))])
def test_tiers_validated(tiers: tuple[tuple[object, object], ...]) -> None:
    """Tier tables must end unlimited, increase, and hold rates of 0–100 %."""
    with pytest.raises(ValidationError):
        IndirectCostTiers(tiers)


def test_other_tiers_as_parameter() -> None:
    """Another table of flat rates can be given (a single 15 % rate)."""
    flat = IndirectCostTiers(((None, "0.15"),))
    assert Budget(NIEDRZWICA_LINES, tiers=flat).rate == Fraction(15, 100)


def test_niedrzwica_budget_arithmetic() -> None:
    """004: the four lines are 336 697,76 zł; 25 % of them is 84 174,44 zł."""
    budget = Budget(NIEDRZWICA_LINES)
    assert budget.direct == pln("336697.76")
    assert budget.rate == Fraction(1, 4)
    assert budget.expected_indirect == pln("84174.44")
    assert budget.total is None  # not known to be all the lines
    assert Budget(NIEDRZWICA_LINES, complete=True).total == pln("420872.20")


def test_staff_line_posts() -> None:
    """Staff posts: FTE × months × monthly cost, exact; 274 046,76 is 54 × 5 074,94."""
    line = BudgetLine("etaty", fte=3, months=18, monthly_cost=pln("5074.94"),
                      category=BudgetCategory.STAFF)
    assert line.computed == pln("274046.76") == line.value
    half = BudgetLine("pół etatu", fte="1/2", months=3, monthly_cost=pln("1000.01"))
    assert half.computed == pln("1500.02")  # 1500,015 rounded half up
    assert BudgetLine("x", pln(1), fte=Fraction(5, 2)).fte == Fraction(5, 2) * ureg.FTE


@pytest.mark.parametrize("kwargs", [
    {}, {"fte": 3}, {"amount": 5}, {"amount": pln(1), "fte": 3 * ureg.hour},
    {"amount": pln(1), "fte": 0}, {"amount": pln(1), "months": 0},
    {"amount": pln(1), "category": "nonsense"}])
def test_budget_line_refuses(kwargs: dict[str, object]) -> None:
    """A line needs an amount or all of its posts; units and values are checked."""
    with pytest.raises((ValidationError, ValueError)):
        BudgetLine("x", **kwargs)  # type: ignore[arg-type]


def test_funding_source_share_validated() -> None:
    """A stated share is a fraction from 0 to 1; a text share is read exactly."""
    assert FundingSource("eu", share="0.8428").share == Fraction("0.8428")
    with pytest.raises(ValidationError):
        FundingSource("eu", share=Fraction(3, 2))
    with pytest.raises(ValueError, match="nonsense"):
        FundingSource("nonsense")


def test_unknown_is_none() -> None:
    """A funding with nothing stated has no sums, not zero sums."""
    funding = Funding()
    assert funding.sources_sum is None and funding.direct is None
    assert funding.expected_indirect() is None and funding.budget.total is None
    assert Funding(sources=(FundingSource("eu"),)).sources_sum is None


def test_tarnowskie_gory_sources() -> None:
    """001: the two sources add up to the stated total."""
    funding = Funding(total=parse_amount("356 397,50 zł"), sources=(
        FundingSource(FundingKind.EU, parse_amount("300 371,81 zł"), Fraction("0.8428")),
        FundingSource(FundingKind.TARGETED_SUBSIDY, parse_amount("56 025,69 zł"))))
    assert funding.sources_sum == funding.total


def test_total_exact_or_stated_not_both() -> None:
    """The total is an amount or a stated bound, not both."""
    with pytest.raises(ValidationError):
        Funding(total=pln(1), total_stated=parse_amount_bound("ponad 421 tys. zł"))


def test_default_shares_and_programme() -> None:
    """Action 2.5: 84,28 % EU and 15,72 % subsidy, adding to 100 %; other programmes differ."""
    assert sum(ACTION_2_5_SHARES.values()) == 1
    assert Funding().shares == ACTION_2_5_SHARES == PO_WER_ACTION_2_5.shares
    other = Programme("RPO", shares={"eu": "0.85", "own-contribution": "0.15"})
    funding = Funding.under(other, total=pln(100))
    assert funding.shares == {FundingKind.EU: Fraction(85, 100),
                              FundingKind.OWN_CONTRIBUTION: Fraction(15, 100)}
    assert funding.programme is None  # parameters only, no facts invented
    with pytest.raises(ValidationError):
        Programme("X", shares={"eu": "0.9", "targeted-subsidy": "0.2"})


def test_tasks() -> None:
    """Tasks have unique numbers; a task's lines add up by number."""
    budget = Budget((BudgetLine("a", pln(10), task="1"), BudgetLine("b", pln(5), task="1"),
                     BudgetLine("c", pln(7), task="2")), (Task("1", amount=pln(15)),))
    assert budget.task_sum("1") == pln(15) and budget.task_sum("3") is None
    with pytest.raises(ValidationError):
        Funding(tasks=(Task("1"), Task("1")))
    with pytest.raises(ValidationError):
        Task(" ")


def test_agreement() -> None:
    """The agreement's day must lie in its stated month; its period is optional."""
    april = Period.month(2018, 4)
    assert FundingAgreement(signed=date(2018, 4, 20), signed_in=april).signed_in == april
    with pytest.raises(ValidationError):
        FundingAgreement(signed=date(2018, 5, 8), signed_in=april)
    assert FundingAgreement().period is None
