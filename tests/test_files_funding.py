"""The [funding] table of a project file: reading, errors naming keys, round trips."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsreform.exceptions import ProjectFileError
from opsreform.files.funding import funding_from_data, funding_to_data
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
from opsreform.text.amounts import Relation, parse_amount_bound
from opsreform.text.calls import parse_call_number
from opsreform.units import ureg

TARNOWSKIE_GORY: dict[str, Any] = {
    "programme": "PO WER 2014-2020", "axis": "II", "action": "2.5",
    "action_name": "Skuteczna pomoc społeczna", "total": "356 397,50 zł",
    "agreement": {"signed": "12.05.2017"},
    "sources": [{"kind": "eu", "amount": "300 371,81 zł", "share": "84,28 %"},
                {"kind": "targeted-subsidy", "amount": "56 025,69 zł"}],
}


def test_read_tarnowskie_gory() -> None:
    """001's figures read exactly, the agreement's date in the Polish form."""
    funding = funding_from_data(TARNOWSKIE_GORY, where="funding")
    assert funding.total == pln("356397.50")
    assert funding.agreement == FundingAgreement(signed=date(2017, 5, 12))
    assert [s.amount for s in funding.sources] == [pln("300371.81"), pln("56025.69")]
    assert funding.sources[0].share == Fraction("0.8428")


def test_read_ochota_bound_call_and_month() -> None:
    """002: the call number, a month of signing and a bound total."""
    funding = funding_from_data({
        "call": "POWR.02.05.00-IP.03-00-012/17", "total": "ponad 421 tys. zł",
        "agreement": {"signed_in": "w kwietniu 2018 r."}}, where="funding")
    assert funding.total is None and funding.total_stated is not None
    assert funding.total_stated.relation is Relation.OVER
    assert funding.call == parse_call_number("POWR.02.05.00-IP.03-00-012/17")
    assert funding.agreement is not None
    assert funding.agreement.signed_in == Period.month(2018, 4)


def test_read_lines_tasks_and_posts() -> None:
    """004's lines with posts, and a task (003's "Zadanie nr 3")."""
    funding = funding_from_data({
        "lines": [{"title": "3 etaty", "category": "staff", "amount": "274 046,76 złotych",
                   "fte": 3, "task": 3},
                  {"title": "pół etatu", "fte": "0,5", "months": 2,
                   "monthly_cost": "1 000,00 zł"}],
        "tasks": [{"number": 3, "title": "Przygotowanie kadry"}],
        "lines_complete": False, "agreement": {"period": "01.03.2017 – 28.02.2019"}},
        where="funding")
    assert funding.lines[0].fte == 3 * ureg.FTE and funding.lines[0].task == "3"
    assert funding.lines[1].value == pln(1000)
    assert funding.tasks == (Task("3", "Przygotowanie kadry"),)
    assert funding.lines_complete is False
    assert funding.agreement is not None
    assert funding.agreement.period == Period(date(2017, 3, 1), date(2019, 2, 28))


def test_read_shares_parameter() -> None:
    """Other shares replace the Action 2.5 ones."""
    funding = funding_from_data({"shares": {"eu": "85 %", "own-contribution": "15 %"}},
                                where="funding")
    assert funding.shares == {FundingKind.EU: Fraction(85, 100),
                              FundingKind.OWN_CONTRIBUTION: Fraction(15, 100)}


@pytest.mark.parametrize(("data", "key"), [
    ({"totl": "5 zł"}, "funding.totl"),
    ({"total": "12,345,67 zł"}, "funding.total"),
    ({"total": 5}, "funding.total"),
    ({"sources": [{"kind": "eu"}, {"kind": "eu", "amount": "abc zł"}]},
     "funding.sources[1].amount"),
    ({"sources": [{"kind": "grant"}]}, "funding.sources[0].kind"),
    ({"sources": [{"amount": "5 zł"}]}, "funding.sources[0].kind"),
    ({"sources": [{"kind": "eu", "share": "150 %"}]}, "funding.sources[0].share"),
    ({"sources": [{"kind": "eu", "colour": "red"}]}, "funding.sources[0].colour"),
    ({"lines": [{"title": "a", "fte": "trzy"}]}, "funding.lines[0].fte"),
    ({"lines": [{"title": "a"}]}, "funding.lines[0].amount"),
    ({"lines": [{"amount": "5 zł"}]}, "funding.lines[0].title"),
    ({"call": "POWR.2.5"}, "funding.call"),
    ({"agreement": {"signed": "32.05.2017"}}, "funding.agreement.signed"),
    ({"agreement": {"sign": "12.05.2017"}}, "funding.agreement.sign"),
    ({"shares": {"grant": "5 %"}}, "funding.shares.grant"),
    ({"lines_complete": "yes"}, "funding.lines_complete"),
    ({"tasks": [{"title": "x"}]}, "funding.tasks[0].number")])
def test_errors_name_the_key(data: dict[str, Any], key: str) -> None:
    """Unknown keys and bad values are errors naming their dotted key."""
    with pytest.raises(ProjectFileError) as info:
        funding_from_data(data, where="funding")
    assert info.value.key == key


def test_write_tarnowskie_gory() -> None:
    """Writing gives the Polish forms back, leaving unknown facts out."""
    data = funding_to_data(funding_from_data(TARNOWSKIE_GORY, where="funding"))
    assert data["total"] == "356 397,50 zł"
    assert data["sources"][0] == {"kind": "eu", "amount": "300 371,81 zł", "share": "84,28 %"}
    assert "shares" not in data and "lines" not in data
    assert data["agreement"] == {"signed": "12.05.2017"}


def test_project_holds_the_funding() -> None:
    """The funding read from a table is what a project holds."""
    funding = funding_from_data(TARNOWSKIE_GORY, where="funding")
    assert Project(title="Nowy Model - Lepsza Jakość", funding=funding).funding == funding


_amounts = st.integers(-10**10, 10**10).map(lambda c: pln(Fraction(c, 100)))
_shares = st.integers(0, 10**6).map(lambda b: Fraction(b, 10**6))
_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
                min_size=1).filter(str.strip)
_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
_bounds = st.sampled_from(["ponad 421 tys. zł", "około 5 tys. zł", "poniżej 10 000 zł",
                           "421 tys. zł"]).map(parse_amount_bound)


@st.composite
def fundings(draw: st.DrawFn) -> Funding:
    """Any funding the [funding] table can hold."""
    total = draw(st.none() | _amounts)
    stated = None if total is not None else draw(st.none() | _bounds)
    sources = draw(st.lists(st.builds(FundingSource, st.sampled_from(list(FundingKind)),
                                      st.none() | _amounts, st.none() | _shares,
                                      st.none() | _text), max_size=4))
    numbers = draw(st.lists(st.sampled_from(["1", "2", "3", "4.1"]), unique=True, max_size=3))
    tasks = [Task(n, draw(st.none() | _text), draw(st.none() | _amounts)) for n in numbers]
    lines = draw(st.lists(st.builds(
        BudgetLine, _text, _amounts, st.sampled_from(["preparation", "staff", "other"]),
        st.none() | st.sampled_from(numbers or ["1"]),
        st.none() | st.integers(1, 40).map(lambda n: Fraction(n, 4)),
        st.none() | st.integers(1, 36), st.none() | _amounts), max_size=4))
    signed = draw(st.none() | _dates)
    agreement = draw(st.none() | st.builds(FundingAgreement, st.none() | st.sampled_from(
        ["POWR.02.05.00-00-0123/17-00", "POWR.02.05.00-00-00123/17-00",
         "FERS.04.11-IP.03-0001/23-00"]), st.just(signed)))
    return Funding(
        programme=draw(st.none() | _text), axis=draw(st.none() | st.just("II")),
        action=draw(st.none() | st.just("2.5")), total=total, total_stated=stated,
        call=draw(st.none() | st.just(parse_call_number("POWR.02.05.00-IP.03-00-012/17"))),
        agreement=agreement, sources=sources, lines=lines, tasks=tasks,
        lines_complete=draw(st.none() | st.booleans()),
        indirect=draw(st.none() | _amounts),
        shares=draw(st.sampled_from([{"eu": "0.8428", "targeted-subsidy": "0.1572"},
                                     {"eu": "0.85", "own-contribution": "0.15"}])))


@settings(deadline=None)  # a loaded shared machine once took 294 ms for one example
@given(fundings())
def test_round_trip(funding: Funding) -> None:
    """Any funding written as the [funding] table reads back equal."""
    assert funding_from_data(funding_to_data(funding), where="funding") == funding
