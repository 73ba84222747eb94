"""The ``[[amendments]]`` of a project file, read and written.

Each entry is one amendment (aneks) to the funding agreement; it states only what it
changes::

    [[amendments]]
    number = "aneks nr 1"
    signed = "15.06.2020"
    effective = "01.07.2020"          # default: the day it was signed
    period = "01.02.2019 – 31.10.2020"
    text = "przedłużenie okresu realizacji o 3 miesiące"

    [[amendments.contracts]]
    contract = "superwizja"
    ends = "31.10.2020"
    hours = 180

    [amendments.funding]
    total = "430 000,00 zł"

Every key is described in ``docs/project-files.md``.
"""

from __future__ import annotations

from typing import Any

from opsreform.files._reader import HOURS, Table, compact, hours_value, shown
from opsreform.model.amendments import Amendment, ContractChange, FundingChange
from opsreform.text.amounts import format_amount, parse_amount
from opsreform.text.dates import format_date
from opsreform.text.periods import format_period

__all__ = ["amendments_to_data", "read_amendments"]


def read_amendments(tables: list[Table], contracts: set[str]) -> tuple[Amendment, ...]:
    """Read the ``[[amendments]]`` array (each entry a checked table view).

    Args:
        tables: The entries.
        contracts: The ids of the contracts the project declares.

    Raises:
        ProjectFileError: For a key that cannot be read, an amendment that takes effect
            before it was signed or comes before the one above it, or a change of a
            contract the project does not declare; placed at its key.

    """
    read: list[Amendment] = []
    for t in tables:
        amendment = _amendment(t)
        for c, change in zip(t.tables("contracts"), amendment.contracts, strict=True):
            if change.contract not in contracts:
                known = ", ".join(sorted(contracts)) or "none"
                raise c.error("contract", f"contract {shown(change.contract)} is not "
                                          f"declared in contracts (declared: {known})")
        if read and amendment.signed < read[-1].signed:
            raise t.error("signed", f"signed {format_date(amendment.signed)}, before the "
                                    f"amendment above it ({format_date(read[-1].signed)}); "
                                    "list amendments in the order they were signed")
        if read and amendment.in_force_from < read[-1].in_force_from:
            raise t.error("effective", f"takes effect {format_date(amendment.in_force_from)}"
                                       f", before the amendment above it "
                                       f"({format_date(read[-1].in_force_from)})")
        read.append(amendment)
    return tuple(read)


def _amendment(t: Table) -> Amendment:
    funding = t.table("funding")
    return t.build(
        Amendment,
        signed=t.date("signed", required=True),
        effective=t.date("effective"),
        number=t.get("number", str),
        period=t.period("period"),
        contracts=tuple(_change(c) for c in t.tables("contracts")),
        funding=None if funding is None else _funding(funding),
        text=t.get("text", str),
    )


def _change(t: Table) -> ContractChange:
    return t.build(
        ContractChange,
        contract=t.get("contract", str, required=True),
        period=t.period("period"),
        ends=t.date("ends"),
        hours=t.convert("hours", (int, str), hours_value),
        sessions=t.count("sessions", low=1, high=HOURS),
    )


def _funding(t: Table) -> FundingChange:
    return t.build(FundingChange, total=t.convert("total", str, parse_amount))


def amendments_to_data(amendments: tuple[Amendment, ...]) -> list[dict[str, Any]]:
    """Write the amendments as the ``[[amendments]]`` array (read back equal)."""
    return [_amendment_data(a) for a in amendments]


def _amendment_data(a: Amendment) -> dict[str, Any]:
    data = compact({
        "number": a.number, "signed": format_date(a.signed),
        "effective": a.effective and format_date(a.effective),
        "period": a.period and format_period(a.period),
        "text": a.text,
    })
    if a.contracts:
        data["contracts"] = [compact({
            "contract": c.contract, "period": c.period and format_period(c.period),
            "ends": c.ends and format_date(c.ends),
            "hours": None if c.hours is None else (
                c.hours.numerator if c.hours.denominator == 1 else str(c.hours)),
            "sessions": c.sessions}) for c in a.contracts]
    if a.funding is not None:
        data["funding"] = compact({"total": (a.funding.total is not None
                                   and format_amount(a.funding.total)) or None})
    return data
