"""Funding: money, amounts in Polish forms, call numbers, the funding rules on the seeds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsreform.checks import check
from opsreform.exceptions import ParseError, ValidationError
from opsreform.findings import Severity
from opsreform.model.contracts import Contract
from opsreform.model.funding import BudgetLine, Funding, FundingKind, FundingSource
from opsreform.model.project import Project
from opsreform.money import amount_of, pln, round_grosz, split_total
from opsreform.periods import Period
from opsreform.rules.funding import (
    BudgetSum,
    CallPeriod,
    Durability,
    FundingShare,
    FundingSum,
    NegativeAmount,
)
from opsreform.text.amounts import (
    Relation,
    format_amount,
    format_share,
    parse_amount,
    parse_amount_bound,
    parse_share,
)
from opsreform.text.calls import parse_call_number
from opsreform.units import ureg
from tests.findings_util import by_rule, problems

grosze = st.integers(min_value=0, max_value=10**11)


@pytest.mark.parametrize(
    ("text", "cents"),
    [("356 397,50 zł", 35639750), ("300 371,81 zł", 30037181), ("22 551.00 złotych", 2255100),
     ("420 872,19 złotych", 42087219), ("274046,76", 27404676), ("356\u00a0397,50 zł", 35639750),
     ("56\u202f025,69 PLN", 5602569), ("421 tys. zł", 42100000), ("1.234,56 zł", 123456)],
)
def test_parse_amount_seed_forms(text: str, cents: int) -> None:
    """The amounts of the documents read exactly, to the grosz, with any space."""
    assert amount_of(parse_amount(text)) == Fraction(cents, 100)


@pytest.mark.parametrize(
    ("text", "position"),
    [("12,345,67 zł", 2), ("abc zł", 0), ("22 551.000", 6), ("5,5 zł", 1), ("1 23 zł", 2),
     ("ponad 421 tys. zł", 0), ("100 zł brutto", 7)],
)
def test_parse_amount_refuses(text: str, position: int) -> None:
    """Malformed amounts are ParseErrors pointing at the offending part."""
    with pytest.raises(ParseError) as info:
        parse_amount(text)
    assert info.value.position == position


def test_parse_amount_empty() -> None:
    """An empty amount is an error, not zero."""
    with pytest.raises(ParseError):
        parse_amount("  ")


@given(grosze)
def test_amount_round_trip(cents: int) -> None:
    """format_amount then parse_amount gives the amount back, for any whole grosz."""
    amount = pln(Fraction(cents, 100))
    assert parse_amount(format_amount(amount)) == amount


@given(grosze, st.lists(st.integers(0, 10_000), min_size=1, max_size=6).filter(any))
def test_split_total_adds_back_exactly(cents: int, weights: list[int]) -> None:
    """Splitting a total into shares and adding them back gives the total exactly."""
    total = pln(Fraction(cents, 100))
    parts = split_total(total, weights)
    assert sum(parts, pln(0)) == total
    assert all((amount_of(p) * 100).denominator == 1 for p in parts)
    for part, weight in zip(parts, weights, strict=True):
        exact = amount_of(total) * weight / sum(weights)
        assert abs(amount_of(part) - exact) < Fraction(1, 100)


def test_split_action_2_5_shares() -> None:
    """356 397,50 split 84,28/15,72 gives the document's 300 371,81 and 56 025,69."""
    eu, subsidy = split_total(parse_amount("356 397,50 zł"), ["84.28", "15.72"])
    assert (format_amount(eu), format_amount(subsidy)) == ("300 371,81 zł", "56 025,69 zł")


def test_money_refuses_floats_and_rounds_half_up() -> None:
    """Floats are refused; 0,005 rounds to 0,01 and -0,005 to -0,01."""
    with pytest.raises(ValidationError):
        pln(0.1)  # type: ignore[arg-type]
    assert round_grosz(pln("0.005")) == pln("0.01")
    assert round_grosz(pln("-0.005")) == pln("-0.01")
    assert round_grosz(pln(Decimal("2.344"))) == pln("2.34")


def test_bounds() -> None:
    """"ponad 421 tys. zł" is over 421 000; "około 5 tys." admits 4 500–5 500."""
    over = parse_amount_bound("ponad 421 tys. zł")
    assert over.relation is Relation.OVER and over.precision == 1000
    assert over.admits(parse_amount("421 000,01 zł")) and not over.admits(pln(421000))
    about = parse_amount_bound("około 5 tys. zł")
    assert about.admits(pln(5500)) and not about.admits(pln(5501))
    assert parse_amount_bound("356 397,50 zł").relation is Relation.EXACTLY


@given(st.integers(0, 10_000))
def test_share_round_trip(basis_points: int) -> None:
    """Shares with two decimals in percent format and parse back exactly."""
    share = Fraction(basis_points, 10_000)
    assert parse_share(format_share(share)) == share


def test_call_number() -> None:
    """The Ochota call number splits into its parts and writes back the same."""
    call = parse_call_number("POWR.02.05.00-IP.03-00-012/17")
    assert (call.programme, call.axis, call.action, call.intermediate_body, call.number,
            call.year) == ("POWR", 2, "2.5", "IP.03", 12, 2017)
    assert str(call) == "POWR.02.05.00-IP.03-00-012/17"


@pytest.mark.parametrize("text", ["", "POWR.02.05.00-IP.03-00-12/17", "POWR.2.5",
                                  "POWR.02.05.00-IP.03-00-012/2017",
                                  "powr.02.05.00-IP.03-00-012/17"])
def test_malformed_call_numbers(text: str) -> None:
    """Malformed call numbers are ParseErrors."""
    with pytest.raises(ParseError):
        parse_call_number(text)


# --- the rules on the seed documents -----------------------------------------------------


def test_tarnowskie_gory_figures_reconcile(examples: dict[str, Project]) -> None:
    """001: 300 371,81 + 56 025,69 = 356 397,50 and 84,28 % holds: no funding finding."""
    findings = check(examples["tarnowskie-gory"])
    funding_rules = {"funding-sum", "funding-share", "budget-sum", "negative-amount"}
    assert [f for f in findings if f.rule in funding_rules] == []


def test_niedrzwica_remainder_is_the_flat_rate(examples: dict[str, Project]) -> None:
    """004: 420 872,19 less the four lines (336 697,76) is 25 % indirect costs, within 1 gr."""
    [note] = by_rule(check(examples["niedrzwica-duza"]), "budget-sum")
    assert note.severity is Severity.INFO
    assert "84 174,43 zł" in note.message and "84 174,44 zł" in note.message


def test_ochota_bound_is_not_an_amount(examples: dict[str, Project]) -> None:
    """002: "ponad 421 tys. zł" is kept as a bound; nothing is reported as an error."""
    p = examples["warszawa-ochota"]
    assert p.funding is not None and p.funding.total is None
    assert p.funding.total_stated is not None
    assert p.funding.total_stated.relation is Relation.OVER
    assert not problems(check(p))


# --- the rules on made-up figures --------------------------------------------------------


def _project(**kw: object) -> Project:
    return Project(title="P", funding=Funding(**kw))  # type: ignore[arg-type]


def test_funding_sum_rounding_note_and_error() -> None:
    """A 2-grosz difference is a rounding note; 100 zł is an error with its amount."""
    total = parse_amount("1 000,00 zł")
    near = _project(total=total, sources=(FundingSource(FundingKind.EU, pln("842.82")),
                                          FundingSource(FundingKind.TARGETED_SUBSIDY,
                                                        pln("157.20"))))
    [note] = FundingSum().check(near)
    assert note.severity is Severity.INFO and "0,02 zł" in note.message
    far = _project(total=total, sources=(FundingSource(FundingKind.EU, pln("742.80")),
                                         FundingSource(FundingKind.TARGETED_SUBSIDY,
                                                       pln("157.20"))))
    [error] = FundingSum().check(far)
    assert error.severity is Severity.ERROR and "100,00 zł" in error.message


def test_funding_share_errors_and_own_contribution() -> None:
    """An EU amount far from 84,28 % is an error; an own contribution is a warning in 2.5."""
    p = _project(total=pln(1000), sources=(
        FundingSource(FundingKind.EU, pln(800)),
        FundingSource(FundingKind.TARGETED_SUBSIDY, pln("157.20")),
        FundingSource(FundingKind.OWN_CONTRIBUTION, pln("42.80"))))
    found = list(FundingShare().check(p))
    assert {(f.subject, f.severity) for f in found} == {
        ("source eu", Severity.ERROR), ("source own-contribution", Severity.WARNING)}


def test_budget_sum_complete_lines_must_add_up() -> None:
    """With lines declared complete, a gap is an error; indirect costs use the tier rate."""
    lines = (BudgetLine("a", pln(1000)),)
    ok = _project(total=pln(1250), lines=lines, lines_complete=True)
    assert not list(BudgetSum().check(ok))
    bad = _project(total=pln(1300), lines=lines, lines_complete=True)
    [error] = BudgetSum().check(bad)
    assert error.severity is Severity.ERROR and "50,00 zł" in error.message
    big = _project(total=pln(1_200_000), lines=(BudgetLine("a", pln(1_000_000)),),
                   lines_complete=True)
    assert not list(BudgetSum().check(big))  # 20 % above 830 000 zł of direct costs


def test_staff_line_computed_from_posts() -> None:
    """3 FTE × 18 months × 5 000 zł is 270 000 zł; a different stated amount is an error."""
    line = BudgetLine("etaty", pln(274_046), fte=3 * ureg.FTE, months=18,
                      monthly_cost=pln(5000))
    assert line.computed == pln(270_000)
    found = list(BudgetSum().check(_project(lines=(line,))))
    assert any(f.subject == "budget line 1" and f.severity is Severity.ERROR for f in found)


def test_negative_amounts() -> None:
    """A negative source or line is an error naming it."""
    p = _project(total=pln(-5), lines=(BudgetLine("a", pln(-1)),))
    assert {f.subject for f in NegativeAmount().check(p)} == {"funding total", "budget line 1"}


def test_call_period_and_durability() -> None:
    """A project ending in 2024 leaves the programme; durability is 24 months after the end."""
    late = Project(title="P", period=Period(date(2023, 1, 1), date(2024, 6, 30)),
                   funding=Funding(programme="PO WER 2014-2020"))
    [error] = [f for f in CallPeriod().check(late) if f.severity is Severity.ERROR]
    assert error.subject == "project"
    p = Project(title="P", period=Period(date(2017, 3, 1), date(2019, 2, 28)),
                durability_months=24,
                contracts=(Contract(id="c", title="u", ends=date(2019, 6, 30)),))
    found = list(Durability().check(p))
    assert "01.03.2019 – 28.02.2021" in found[0].message
    assert found[1].subject == "contract c" and found[1].severity is Severity.WARNING


def test_unknown_facts_are_not_errors() -> None:
    """No funding, or no figures: the rules say they could not run, never an error."""
    for project in (Project(title="P"), _project(sources=(FundingSource(FundingKind.EU),))):
        findings = [f for rule in (FundingSum(), FundingShare(), BudgetSum(), NegativeAmount(),
                                   CallPeriod(), Durability()) for f in rule.check(project)]
        assert all(f.severity is Severity.INFO for f in findings)


_amounts = st.integers(0, 10**10).map(lambda c: pln(Fraction(c, 100)))


@given(st.none() | _amounts,
       st.lists(st.tuples(st.sampled_from(list(FundingKind)), st.none() | _amounts,
                          st.none() | st.integers(0, 10_000).map(lambda b: Fraction(b, 10_000))),
                max_size=4),
       st.lists(st.tuples(_amounts, st.sampled_from(["preparation", "staff", "other"])),
                max_size=4),
       st.none() | st.booleans())
def test_funding_file_round_trip(total: object, sources: list[tuple[FundingKind, object,
                                                                     Fraction | None]],
                                 lines: list[tuple[object, str]], complete: bool | None) -> None:
    """Any funding written as the [funding] table reads back equal."""
    from opsreform.files.funding import funding_from_data, funding_to_data

    funding = Funding(total=total, sources=[FundingSource(k, a, s) for k, a, s in sources],
                      lines=[BudgetLine(f"linia {i}", a, c) for i, (a, c) in enumerate(lines)],
                      lines_complete=complete)
    assert funding_from_data(funding_to_data(funding)) == funding
