"""The ``[funding]`` table of a project file, read and written.

Amounts are Polish strings (``"356 397,50 zł"``), shares percentages (``"84,28 %"``),
dates and periods in the Polish forms. Unknown keys are errors, and every error names
its key (``funding.sources[1].amount``). Every key is described in ``docs/funding.md``.

>>> f = funding_from_data({"total": "356 397,50 zł", "sources": [
...     {"kind": "eu", "amount": "300 371,81 zł", "share": "84,28 %"}]})
>>> funding_to_data(f)["sources"][0]["share"]
'84,28 %'
>>> funding_from_data(funding_to_data(f)) == f
True
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from opsreform.files._reader import MONTHS, Table
from opsreform.files.organisation import parse_fte
from opsreform.model.funding import (
    BudgetCategory,
    BudgetLine,
    Funding,
    FundingAgreement,
    FundingKind,
    FundingSource,
    Task,
)
from opsreform.text.amounts import (
    Relation,
    format_amount,
    format_share,
    parse_amount,
    parse_amount_bound,
    parse_share,
)
from opsreform.text.calls import ReadCallNumber, read_call_number
from opsreform.text.dates import format_date
from opsreform.text.periods import format_period

__all__ = ["funding_from_data", "funding_to_data", "read_funding"]


def funding_from_data(data: Mapping[str, Any], *, where: str = "funding",
                      path: str | None = None) -> Funding:
    """Read the ``[funding]`` table.

    Args:
        data: The table, as a TOML reader gives it.
        where: Its dotted key in the file, used in error messages.
        path: The file, for error messages.

    Returns:
        The funding, with every fact the table does not give unknown (None).

    Raises:
        ProjectFileError: For an unknown key or a value that cannot be read, naming the
            key (``funding.sources[1].amount``).

    """
    return read_funding(Table(data, where, path, lambda _key: None))


def read_funding(t: Table) -> Funding:
    """Read the ``[funding]`` table from a checked table view (keeps file and line)."""
    total_text = t.get("total", str)
    total = stated = None
    if total_text is not None:
        bound = t.convert("total", str, parse_amount_bound)
        assert bound is not None
        if bound.relation is Relation.EXACTLY and bound.precision == Fraction(1, 100):
            total = bound.value
        else:
            stated = bound
    agreement_table = t.table("agreement")
    agreement = None
    if agreement_table is not None:
        agreement = agreement_table.build(
            FundingAgreement,
            number=agreement_table.get("number", str),
            signed=agreement_table.date("signed"),
            signed_in=agreement_table.period("signed_in"),
            period=agreement_table.period("period"),
        )
    shares = t.table("shares")
    share_map = None
    if shares is not None:
        share_map = {}
        for key in shares.data:
            try:
                kind = FundingKind(key)
            except ValueError:
                raise shares.error(key, f"unknown source kind {key!r}; expected one of "
                                        f"{', '.join(k.value for k in FundingKind)}") from None
            value = shares.convert(key, str, parse_share)
            assert value is not None
            share_map[kind] = value
        shares.done()
    call: ReadCallNumber | None = t.convert("call", str, read_call_number)
    return t.build(
        Funding,
        call_written=None if call is None or call.misprint is None else t.data["call"],
        programme=t.get("programme", str),
        axis=t.get("axis", str),
        action=t.get("action", str),
        action_name=t.get("action_name", str),
        call=None if call is None else call.call,
        call_period=t.period("call_period"),
        agreement=agreement,
        total=total,
        total_stated=stated,
        sources=tuple(_source(s) for s in t.tables("sources")),
        lines=tuple(_line(x) for x in t.tables("lines")),
        tasks=tuple(_task(x) for x in t.tables("tasks")),
        lines_complete=t.get("lines_complete", bool),
        indirect=t.convert("indirect", str, parse_amount),
        **({} if share_map is None else {"shares": share_map}),
    )


def _source(t: Table) -> FundingSource:
    return t.build(
        FundingSource,
        kind=t.convert("kind", str, FundingKind, required=True),
        amount=t.convert("amount", str, parse_amount),
        share=t.convert("share", str, parse_share),
        text=t.get("text", str),
    )


def _task(t: Table) -> Task:
    number = t.get("number", (str, int), required=True)
    return t.build(Task, number=str(number), title=t.get("title", str),
                   amount=t.convert("amount", str, parse_amount))


def _line(t: Table) -> BudgetLine:
    return t.build(
        BudgetLine,
        title=t.get("title", str, required=True),
        amount=t.convert("amount", str, parse_amount),
        category=t.convert("category", str, BudgetCategory) or BudgetCategory.OTHER,
        task=_task_number(t),
        fte=t.convert("fte", (int, str), _fte),
        months=t.count("months", high=MONTHS),
        monthly_cost=t.convert("monthly_cost", str, parse_amount),
    )


def _share_text(share: Fraction) -> str:
    """Write a share exactly when it is a finite decimal (``"84,28 %"``, ``"12,345 %"``)."""
    percent = share * 100
    for places in range(2, 12):
        scaled = percent * 10**places
        if scaled.denominator == 1:
            digits = f"{abs(int(scaled)):0{places + 1}d}"
            text = f"{digits[:-places]},{digits[-places:]}"
            return f"{'-' if scaled < 0 else ''}{text} %"
    return format_share(share)


def _task_number(t: Table) -> str | None:
    number = t.get("task", (str, int))
    return None if number is None else str(number)


def _fte(value: int | str) -> Any:
    """Posts (etaty): ``3``, ``"1/2"``, ``"0,5"`` or ``"2.5"``."""
    return parse_fte(value)


def funding_to_data(funding: Funding) -> dict[str, Any]:
    """Write a :class:`Funding` as the ``[funding]`` table (read back equal)."""
    data: dict[str, Any] = {}
    for key in ("programme", "axis", "action", "action_name"):
        if getattr(funding, key) is not None:
            data[key] = getattr(funding, key)
    if funding.call is not None:
        data["call"] = funding.call_written or str(funding.call)
    if funding.call_period is not None:
        data["call_period"] = format_period(funding.call_period)
    if funding.total is not None:
        data["total"] = format_amount(funding.total)
    elif funding.total_stated is not None:
        data["total"] = str(funding.total_stated)
    if funding.agreement is not None:
        a = funding.agreement
        data["agreement"] = {k: v for k, v in {
            "number": a.number, "signed": a.signed and format_date(a.signed),
            "signed_in": a.signed_in and format_period(a.signed_in),
            "period": a.period and format_period(a.period)}.items() if v is not None}
    if funding.lines_complete is not None:
        data["lines_complete"] = funding.lines_complete
    if funding.indirect is not None:
        data["indirect"] = format_amount(funding.indirect)
    if funding.shares != Funding().shares:
        data["shares"] = {k.value: _share_text(v) for k, v in funding.shares.items()}
    if funding.sources:
        data["sources"] = [{k: v for k, v in {
            "kind": s.kind.value, "amount": s.amount is not None and format_amount(s.amount),
            "share": s.share is not None and _share_text(s.share), "text": s.text,
        }.items() if v not in (None, False)} for s in funding.sources]
    if funding.lines:
        data["lines"] = [_line_data(line) for line in funding.lines]
    if funding.tasks:
        data["tasks"] = [{k: v for k, v in {
            "number": t.number, "title": t.title,
            "amount": t.amount is not None and format_amount(t.amount)}.items()
            if v not in (None, False)} for t in funding.tasks]
    return data


def _line_data(line: BudgetLine) -> dict[str, Any]:
    data: dict[str, Any] = {"title": line.title}
    if line.amount is not None:
        data["amount"] = format_amount(line.amount)
    if line.category is not BudgetCategory.OTHER:
        data["category"] = line.category.value
    if line.task is not None:
        data["task"] = line.task
    if line.fte is not None:
        value = Fraction(line.fte.to("FTE").magnitude)
        data["fte"] = value.numerator if value.denominator == 1 else str(value)
    if line.months is not None:
        data["months"] = line.months
    if line.monthly_cost is not None:
        data["monthly_cost"] = format_amount(line.monthly_cost)
    return data

