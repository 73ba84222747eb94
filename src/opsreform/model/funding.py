"""Funding: programme and call, agreement, sources, budget lines and indirect costs.

Every figure is optional: a document that does not state it leaves it unknown (None),
and the checks that need it do not run.

>>> from opsreform.text.amounts import parse_amount
>>> f = Funding(total=parse_amount("356 397,50 zł"), sources=(
...     FundingSource(FundingKind.EU, parse_amount("300 371,81 zł")),
...     FundingSource(FundingKind.TARGETED_SUBSIDY, parse_amount("56 025,69 zł"))))
>>> f.sources_sum == f.total
True
"""

from __future__ import annotations

import enum
from datetime import date
from fractions import Fraction
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.model._validators import optional_non_empty, to_tuple
from opsreform.money import amount_of, pln, round_grosz
from opsreform.periods import Period
from opsreform.text.amounts import StatedAmount
from opsreform.text.calls import CallNumber
from opsreform.units import ureg

__all__ = [
    "ACTION_2_5_SHARES",
    "PO_WER_INDIRECT_TIERS",
    "BudgetCategory",
    "BudgetLine",
    "Funding",
    "FundingAgreement",
    "FundingKind",
    "FundingSource",
    "IndirectCostTiers",
]


class FundingKind(enum.StrEnum):
    """Where money comes from."""

    EU = "eu"
    """Środki europejskie: the European Social Fund (EFS) share."""
    TARGETED_SUBSIDY = "targeted-subsidy"
    """Dotacja celowa z budżetu państwa: the state-budget targeted subsidy."""
    OWN_CONTRIBUTION = "own-contribution"
    """Wkład własny beneficjenta: the beneficiary's own contribution."""
    OTHER = "other"
    """Any other source."""


ACTION_2_5_SHARES: dict[FundingKind, Fraction] = {
    FundingKind.EU: Fraction("0.8428"),
    FundingKind.TARGETED_SUBSIDY: Fraction("0.1572"),
}
"""Action 2.5's default shares of eligible costs: 84,28 % EU, 15,72 % targeted subsidy.

Source: PO WER 2014-2020 (SZOOP), Action 2.5 — maximum EU co-financing 84,28 % and the
rest from the state budget, no own contribution; one source document (001) states the
84,28 % for its project. A parameter of :class:`Funding` for other programmes.
"""


class BudgetCategory(enum.StrEnum):
    """What a budget line pays for."""

    PREPARATION = "preparation"
    """Przygotowanie do zmian (documents, analyses, experts)."""
    TRAINING = "training"
    """Szkolenia."""
    SUPERVISION = "supervision"
    """Superwizja (with legal help when a document joins them: "superwizja i pomoc prawna")."""
    STAFF = "staff"
    """Etaty: posts (FTE × months × monthly cost)."""
    EQUIPMENT = "equipment"
    """Sprzęt i wyposażenie."""
    RENOVATION = "renovation"
    """Prace adaptacyjno-remontowe."""
    STUDY_VISIT = "study-visit"
    """Wizyty studyjne."""
    OTHER = "other"
    """Anything else."""


@attrs.frozen
class IndirectCostTiers:
    """Flat rates of indirect costs by the size of the project's direct costs.

    Attributes:
        tiers: ``(upper limit of direct costs in zł or None for no limit, rate)``, in
            increasing order of the limit.

    """

    tiers: tuple[tuple[Fraction | None, Fraction], ...]

    def __attrs_post_init__(self) -> None:
        limits = [limit for limit, _ in self.tiers]
        if not self.tiers or limits[-1] is not None or None in limits[:-1]:
            raise ValidationError("the last tier, and only it, must have no upper limit",
                                  field="tiers", value=self.tiers)

    def rate_for(self, direct: Any) -> Fraction:
        """Return the flat rate that applies to direct costs of ``direct`` (PLN)."""
        value = amount_of(direct)
        for limit, rate in self.tiers:
            if limit is None or value <= limit:
                return rate
        raise AssertionError("unreachable: the last tier has no limit")  # pragma: no cover


PO_WER_INDIRECT_TIERS = IndirectCostTiers((
    (Fraction(830_000), Fraction(25, 100)),
    (Fraction(1_740_000), Fraction(20, 100)),
    (Fraction(4_550_000), Fraction(15, 100)),
    (None, Fraction(10, 100)),
))
"""PO WER 2014-2020 flat rates of indirect costs (koszty pośrednie).

Source: "Wytyczne w zakresie kwalifikowalności wydatków w ramach EFRR, EFS oraz FS na
lata 2014-2020", section 8.4, point 4 (as in force 2015-2019): 25 % of direct costs
up to 830 000 zł, 20 % above that up to 1 740 000 zł, 15 % up to 4 550 000 zł, 10 %
above 4 550 000 zł. The limits are read on the project's direct costs, with the flat
rate applied to all of them and the result rounded to the grosz.
"""


def _optional_amount(value: Any) -> Any:
    if value is None:
        return None
    amount_of(value)  # ValidationError when it is not money
    return value


@attrs.frozen
class BudgetLine:
    """One line of the budget.

    A staff line may be stated as posts: ``fte`` × ``months`` × ``monthly_cost``; then
    :attr:`computed` is that product, which the checks compare with ``amount``.

    Attributes:
        title: As the document words it.
        amount: The stated amount, when stated.
        category: What it pays for.
        task: The task (zadanie) it belongs to, when stated.
        fte: Posts (etaty), as an FTE quantity.
        months: For how many months.
        monthly_cost: Cost of one FTE for one month.

    """

    title: str
    amount: Any = attrs.field(default=None, converter=_optional_amount)
    category: BudgetCategory = attrs.field(default=BudgetCategory.OTHER, converter=BudgetCategory)
    task: str | None = attrs.field(default=None, validator=optional_non_empty)
    fte: Any = None
    months: int | None = None
    monthly_cost: Any = attrs.field(default=None, converter=_optional_amount)

    def __attrs_post_init__(self) -> None:
        if self.fte is not None and self.fte.dimensionality != ureg.FTE.dimensionality:
            raise ValidationError(f"expected FTE (etaty), got {self.fte!r}", field="fte",
                                  value=self.fte)
        if self.amount is None and self.computed is None:
            raise ValidationError("a budget line needs an amount, or FTE, months and a "
                                  "monthly cost", field="amount", value=self.title)

    @property
    def computed(self) -> Any:
        """FTE × months × monthly cost, rounded to the grosz, or None when not all stated."""
        if self.fte is None or self.months is None or self.monthly_cost is None:
            return None
        fte = Fraction(self.fte.to("FTE").magnitude)
        return round_grosz(self.monthly_cost * fte * self.months)

    @property
    def value(self) -> Any:
        """The stated amount, else the computed one."""
        return self.amount if self.amount is not None else self.computed


@attrs.frozen
class FundingSource:
    """A source of money.

    Attributes:
        kind: EU, targeted subsidy, own contribution or other.
        amount: The amount, when stated.
        share: The share of eligible costs the document states (0.8428), when stated.
        text: The sentence of the document, when useful.

    """

    kind: FundingKind = attrs.field(converter=FundingKind)
    amount: Any = attrs.field(default=None, converter=_optional_amount)
    share: Fraction | None = None
    text: str | None = None


@attrs.frozen
class FundingAgreement:
    """The funding agreement (umowa o dofinansowanie).

    Attributes:
        number: Its number, when stated.
        signed: The day it was signed, when stated.
        signed_in: The month it was signed, when only that is stated ("w kwietniu 2018").

    """

    number: str | None = attrs.field(default=None, validator=optional_non_empty)
    signed: date | None = None
    signed_in: Period | None = None


def _sources(value: Any) -> tuple[FundingSource, ...]:
    return tuple(value)


@attrs.frozen
class Funding:
    """How a project is financed.

    Attributes:
        programme: The programme (``PO WER 2014-2020``), when stated.
        axis: The priority axis (``II``), when stated.
        action: The action (``2.5``), when stated.
        action_name: Its name ("Skuteczna pomoc społeczna").
        call: The call number, when stated.
        call_period: The period the call allows projects to run in, when stated.
        agreement: The funding agreement, when stated.
        total: The total eligible costs (or co-financing), when stated exactly.
        total_stated: A stated value that is not exact ("ponad 421 tys. zł").
        sources: The sources, as stated.
        lines: The budget lines, as stated.
        lines_complete: Whether the stated lines are all the direct costs (None: not
            known — a web page may list only the main lines).
        indirect: Indirect costs, when stated.
        shares: The shares of eligible costs each kind of source must have (the
            Action 2.5 default: 84,28 % EU, the rest targeted subsidy).
        indirect_tiers: The flat rates of indirect costs (the PO WER default).

    """

    programme: str | None = None
    axis: str | None = None
    action: str | None = None
    action_name: str | None = None
    call: CallNumber | None = None
    call_period: Period | None = None
    agreement: FundingAgreement | None = None
    total: Any = attrs.field(default=None, converter=_optional_amount)
    total_stated: StatedAmount | None = None
    sources: tuple[FundingSource, ...] = attrs.field(default=(), converter=_sources)
    lines: tuple[BudgetLine, ...] = attrs.field(default=(), converter=to_tuple)
    lines_complete: bool | None = None
    indirect: Any = attrs.field(default=None, converter=_optional_amount)
    shares: dict[FundingKind, Fraction] = attrs.field(
        factory=lambda: dict(ACTION_2_5_SHARES))
    indirect_tiers: IndirectCostTiers = PO_WER_INDIRECT_TIERS

    @property
    def sources_sum(self) -> Any:
        """The sum of the stated source amounts, or None when one is unknown."""
        if not self.sources or any(s.amount is None for s in self.sources):
            return None
        return sum((s.amount for s in self.sources), pln(0))

    @property
    def direct(self) -> Any:
        """The sum of the budget lines, or None when there are none or one is unknown."""
        values = [line.value for line in self.lines]
        if not values or any(v is None for v in values):
            return None
        return sum(values, pln(0))

    def expected_indirect(self) -> Any:
        """Flat-rate indirect costs on :attr:`direct`, rounded to the grosz, or None."""
        direct = self.direct
        if direct is None:
            return None
        return round_grosz(direct * self.indirect_tiers.rate_for(direct))
