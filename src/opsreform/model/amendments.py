"""Amendments (aneksy) to the funding agreement: what changed, and from when.

A project is signed with a period, contracts and a budget; an amendment signed later
changes some of them from its effective day (COVID-era amendments moved project ends by
months). The project keeps what was signed; an amendment states only what it changes,
and :meth:`opsreform.model.project.Project.period_on` and its siblings give what was in
force on a day.

>>> from datetime import date
>>> from opsreform.periods import Period
>>> a = Amendment(signed=date(2020, 6, 10),
...               period=Period(date(2019, 2, 1), date(2020, 10, 31)))
>>> a.in_force_from
datetime.date(2020, 6, 10)
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import non_empty, optional_non_empty, positive, to_tuple
from opsreform.model.contracts import Contract
from opsreform.model.funding import Funding
from opsreform.money import amount_of
from opsreform.periods import Period

__all__ = ["Amendment", "ContractChange", "FundingChange"]


def _hours(value: object) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str | Fraction):
        raise ValidationError(f"expected an exact number of hours, got {value!r}",
                              field="hours", value=value)
    hours = Fraction(value)
    if hours <= 0:
        raise ValidationError(f"expected hours above zero, got {value!r}", field="hours",
                              value=value)
    return hours


def _optional_positive(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        positive(instance, attribute, value)


@attrs.frozen
class ContractChange:
    """What an amendment changes in one contract; what it does not state stays.

    Attributes:
        contract: The id of the contract changed.
        period: Its new period, when changed.
        ends: Its new last day, when only that changed (the start stays).
        hours: Its new number of hours (in the contract's unit), when changed.
        sessions: Its new number of sessions, when changed.

    """

    contract: str = attrs.field(validator=non_empty)
    period: Period | None = None
    ends: date | None = None
    hours: Fraction | None = attrs.field(default=None, converter=_hours)
    sessions: int | None = attrs.field(default=None, validator=_optional_positive)

    def __attrs_post_init__(self) -> None:
        if self.period is not None and self.ends is not None:
            raise ValidationError("give the new period or the new end, not both",
                                  field="ends", value=self.ends)
        if (self.period, self.ends, self.hours, self.sessions) == (None,) * 4:
            raise ValidationError(f"the change of contract {self.contract!r} changes "
                                  "nothing; give period, ends, hours or sessions",
                                  field="contract", value=self.contract)

    def apply(self, contract: Contract) -> Contract:
        """Return ``contract`` as this change leaves it."""
        changes: dict[str, Any] = {}
        if self.period is not None:
            changes.update(period=self.period, ends=None)
        elif self.ends is not None:
            if contract.period is not None:
                changes.update(period=Period(contract.period.start, self.ends), ends=None)
            else:
                changes.update(ends=self.ends)
        if self.hours is not None:
            changes["hours"] = self.hours
        if self.sessions is not None:
            changes["sessions"] = self.sessions
        return attrs.evolve(contract, **changes)


def _money(value: Any) -> Any:
    if value is not None:
        amount_of(value)  # ValidationError when it is not money
    return value


@attrs.frozen
class FundingChange:
    """What an amendment changes in the funding.

    Attributes:
        total: The new total eligible costs, when changed.

    """

    total: Any = attrs.field(default=None, converter=_money)

    def apply(self, funding: Funding) -> Funding:
        """Return ``funding`` as this change leaves it."""
        if self.total is None:
            return funding
        return attrs.evolve(funding, total=self.total, total_stated=None)


@attrs.frozen
class Amendment:
    """An amendment (aneks) to the funding agreement.

    Attributes:
        signed: The day it was signed.
        effective: The day it takes effect, when the document gives one other than
            ``signed`` (None: from the day it was signed).
        number: Its number or name as written (``aneks nr 2``), when stated.
        period: The project's new period, when it changes it.
        contracts: Its changes to contracts.
        funding: Its change to the funding, when it makes one.
        text: What it says, as the document words it.

    """

    signed: date
    effective: date | None = None
    number: str | None = attrs.field(default=None, validator=optional_non_empty)
    period: Period | None = None
    contracts: tuple[ContractChange, ...] = attrs.field(default=(), converter=to_tuple)
    funding: FundingChange | None = None
    text: str | None = attrs.field(default=None, validator=optional_non_empty)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.signed, date):
            raise ValidationError(f"expected the day the amendment was signed, got "
                                  f"{self.signed!r}", field="signed", value=self.signed)
        if self.effective is not None and self.effective < self.signed:
            raise ValidationError(
                f"an amendment signed on {self.signed.isoformat()} cannot take effect "
                f"earlier, on {self.effective.isoformat()}", field="effective",
                value=self.effective)
        ids = [c.contract for c in self.contracts]
        if len(set(ids)) != len(ids):
            raise ValidationError(f"one amendment changes a contract twice: {ids}",
                                  field="contracts", value=ids)

    @property
    def in_force_from(self) -> date:
        """The first day it applies: ``effective``, else the day it was signed."""
        return self.effective if self.effective is not None else self.signed

    def change_of(self, contract_id: str) -> ContractChange | None:
        """Its change to contract ``contract_id``, or None when it changes it not."""
        for change in self.contracts:
            if change.contract == contract_id:
                return change
        return None
