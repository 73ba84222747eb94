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
from itertools import pairwise
from typing import Any

import attrs

from opsreform.exceptions import ParseError, ValidationError
from opsreform.model._validators import non_empty, optional_non_empty, to_tuple
from opsreform.money import amount_of, pln, round_grosz
from opsreform.periods import Period
from opsreform.text.agreements import read_agreement_number
from opsreform.text.amounts import StatedAmount
from opsreform.text.calls import CallNumber, read_call_number
from opsreform.units import as_fraction, ureg

__all__ = [
    "ACTION_2_5_SHARES",
    "PO_WER_ACTION_2_5",
    "PO_WER_INDIRECT_TIERS",
    "Budget",
    "BudgetCategory",
    "BudgetLine",
    "Funding",
    "FundingAgreement",
    "FundingKind",
    "FundingSource",
    "IndirectCostTiers",
    "Programme",
    "Task",
]


class FundingKind(enum.StrEnum):
    """Where money comes from (źródło finansowania)."""

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

84,28 % is the EU co-financing rate of PO WER 2014-2020 for the less developed regions
(the ESF share of eligible costs in the programme's financial plan); the rest of the
eligible costs of Action 2.5 projects comes from the state budget as a targeted subsidy
(dotacja celowa), with no own contribution (wkład własny). Source document 001
(Tarnowskie Góry) states it: EU 300 371,81 zł "co stanowi 84,28 % wydatków
kwalifikowanych", targeted subsidy 56 025,69 zł, together the 356 397,50 zł of eligible
costs. A parameter (:attr:`Funding.shares`, :class:`Programme`) for other calls.
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


def _to_tiers(value: Any) -> tuple[tuple[Fraction | None, Fraction], ...]:
    try:
        return tuple((None if limit is None else as_fraction(limit), as_fraction(rate))
                     for limit, rate in value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"expected (limit or None, rate) pairs: {exc}", field="tiers",
                              value=value) from None


@attrs.frozen
class IndirectCostTiers:
    """Flat rates of indirect costs by the size of the project's direct costs.

    Attributes:
        tiers: ``(upper limit of direct costs in zł or None for no limit, rate)``, in
            increasing order of the limit.

    """

    tiers: tuple[tuple[Fraction | None, Fraction], ...] = attrs.field(converter=_to_tiers)

    def __attrs_post_init__(self) -> None:
        limits = [limit for limit, _ in self.tiers]
        if not self.tiers or limits[-1] is not None or None in limits[:-1]:
            raise ValidationError("the last tier, and only it, must have no upper limit",
                                  field="tiers", value=self.tiers)
        bounded = [limit for limit in limits if limit is not None]
        if any(a >= b for a, b in pairwise(bounded)) or any(
                limit <= 0 for limit in bounded):
            raise ValidationError("tier limits must be positive and increasing",
                                  field="tiers", value=self.tiers)
        if any(not 0 <= rate <= 1 for _, rate in self.tiers):
            raise ValidationError("flat rates must be between 0 % and 100 %", field="tiers",
                                  value=self.tiers)

    def rate_for(self, direct: Any) -> Fraction:
        """Return the flat rate that applies to direct costs of ``direct`` (PLN).

        A limit is inclusive: direct costs of exactly 830 000 zł still take 25 %.

        >>> PO_WER_INDIRECT_TIERS.rate_for(pln(830_000))
        Fraction(1, 4)
        >>> PO_WER_INDIRECT_TIERS.rate_for(pln("830000.01"))
        Fraction(1, 5)

        """
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

Source: "Wytyczne w zakresie kwalifikowalności wydatków w ramach Europejskiego Funduszu
Rozwoju Regionalnego, Europejskiego Funduszu Społecznego oraz Funduszu Spójności na lata
2014-2020", the section on indirect costs in ESF projects (koszty pośrednie, 8.4):
indirect costs are settled at a flat rate of direct costs — 25 % for projects with direct
costs up to 830 thousand zł inclusive, 20 % above that up to 1 740 thousand zł inclusive,
15 % above that up to 4 550 thousand zł inclusive, 10 % above 4 550 thousand zł. The
same four tiers, with "włącznie" (inclusive), are restated in a call FAQ of WUP Łódź
("Jaka jest wysokość kosztów ryczałtowych?", wuplodz.praca.gov.pl); the section number
is from memory and was not checked against the Wytyczne's text. The tier is chosen by
the project's total direct costs, the rate applies to all of them, and the result is
rounded to the grosz (:func:`opsreform.money.round_grosz`). Source document 004
(Niedrzwica Duża) agrees: 25 % of its 336 697,76 zł of listed lines is 84 174,44 zł,
and its total leaves 84 174,43 zł for them.
"""


def _optional_amount(value: Any) -> Any:
    if value is None:
        return None
    amount_of(value)  # ValidationError when it is not money
    return value


def _optional_share(value: Any) -> Fraction | None:
    if value is None:
        return None
    try:
        share = as_fraction(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(str(exc), field="share", value=value) from None
    if not 0 <= share <= 1:
        raise ValidationError(f"a share must be between 0 % and 100 %, got {value!r}",
                              field="share", value=value)
    return share


def _optional_fte(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, int | Fraction | str) and not isinstance(value, bool):
        try:
            value = ureg.Quantity(as_fraction(value), "FTE")
        except (TypeError, ValueError) as exc:
            raise ValidationError(str(exc), field="fte", value=value) from None
    if getattr(value, "dimensionality", None) != ureg.FTE.dimensionality:
        raise ValidationError(f"expected FTE (etaty), got {value!r}", field="fte",
                              value=value)
    fte = ureg.Quantity(Fraction(value.to("FTE").magnitude), "FTE")
    if fte.magnitude <= 0:
        raise ValidationError(f"expected more than 0 FTE, got {value!r}", field="fte",
                              value=value)
    return fte


def _optional_months(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                              or value < 1):
        raise ValidationError(f"expected a whole number of months (at least 1), got "
                              f"{value!r}", field=attribute.name, value=value)


@attrs.frozen
class Task:
    """A task of the project (zadanie), as the application's budget groups costs.

    Attributes:
        number: The task's number as written ("3" for "Zadanie nr 3").
        title: Its title, when stated.
        amount: Its budgeted amount, when stated.

    >>> Task("3", "Przygotowanie kadry GOPS w Świlczy do wdrożenia usprawnień").number
    '3'

    """

    number: str = attrs.field(validator=non_empty)
    title: str | None = attrs.field(default=None, validator=optional_non_empty)
    amount: Any = attrs.field(default=None, converter=_optional_amount)


@attrs.frozen
class BudgetLine:
    """One line of the budget (pozycja budżetu).

    A staff line may be stated as posts (etaty): ``fte`` × ``months`` × ``monthly_cost``;
    then :attr:`computed` is that product, which the checks compare with ``amount``. A
    document may state only part of it (004 says "3 etaty" and the amount): the rest
    stays unknown.

    Attributes:
        title: As the document words it.
        amount: The stated amount, when stated.
        category: What it pays for.
        task: The number of the task (zadanie) it belongs to, when stated.
        fte: Posts (etaty), as an FTE quantity (an int, Fraction or "1/2" is converted).
        months: For how many months.
        monthly_cost: Cost of one FTE for one month.

    >>> line = BudgetLine("etaty", fte=3, months=18, monthly_cost=pln("5074.94"))
    >>> line.value == pln("274046.76")
    True

    """

    title: str = attrs.field(validator=non_empty)
    amount: Any = attrs.field(default=None, converter=_optional_amount)
    category: BudgetCategory = attrs.field(default=BudgetCategory.OTHER, converter=BudgetCategory)
    task: str | None = attrs.field(default=None, validator=optional_non_empty)
    fte: Any = attrs.field(default=None, converter=_optional_fte)
    months: int | None = attrs.field(default=None, validator=_optional_months)
    monthly_cost: Any = attrs.field(default=None, converter=_optional_amount)

    def __attrs_post_init__(self) -> None:
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
    share: Fraction | None = attrs.field(default=None, converter=_optional_share)
    text: str | None = attrs.field(default=None, validator=optional_non_empty)


def _read_call(text: str) -> CallNumber | None:
    try:
        return read_call_number(text).call
    except ParseError:
        return None


def _agreement_number(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional_non_empty(instance, attribute, value)
    if value is not None:
        try:
            read_agreement_number(value)
        except ParseError as exc:
            raise ValidationError(str(exc), field=attribute.name, value=value) from None


@attrs.frozen
class FundingAgreement:
    """The funding agreement (umowa o dofinansowanie projektu).

    Attributes:
        number: Its number as written (``POWR.02.05.00-00-0123/17-00``), when stated;
            it must be readable by :func:`opsreform.text.agreements.read_agreement_number`
            (a group one digit too long is kept as written, and reported by the checks).
        signed: The day it was signed, when stated.
        signed_in: The month it was signed, when only that is stated ("w kwietniu 2018").
        period: The project period the agreement sets, when the document states it as
            the agreement's (otherwise the project's period is in ``Project.period``).

    """

    number: str | None = attrs.field(default=None, validator=_agreement_number)
    signed: date | None = None
    signed_in: Period | None = None

    period: Period | None = None

    def __attrs_post_init__(self) -> None:
        if self.signed is not None and self.signed_in is not None and (
                self.signed not in self.signed_in):
            raise ValidationError(f"signed on {self.signed.isoformat()}, which is not in "
                                  f"the stated month {self.signed_in!r}", field="signed",
                                  value=self.signed)


def _to_shares(value: Any) -> dict[FundingKind, Fraction]:
    shares = {FundingKind(k): _optional_share(v) for k, v in dict(value).items()}
    if any(v is None for v in shares.values()):
        raise ValidationError("a programme share cannot be unknown", field="shares",
                              value=value)
    if sum(v for v in shares.values() if v is not None) > 1:
        raise ValidationError(f"the shares add up to more than 100 %: {value!r}",
                              field="shares", value=value)
    return {k: v for k, v in shares.items() if v is not None}


@attrs.frozen
class Programme:
    """The rules of a programme and action that a project's figures must follow.

    These are parameters, not facts of a document: the shares of eligible costs each
    kind of source must have, and the flat rates of indirect costs.

    Attributes:
        name: The programme ("PO WER 2014-2020").
        axis: The priority axis ("II").
        action: The action ("2.5").
        action_name: Its name ("Skuteczna pomoc społeczna").
        shares: The share of eligible costs of each kind of source.
        indirect_tiers: The flat rates of indirect costs.

    >>> PO_WER_ACTION_2_5.shares[FundingKind.EU]
    Fraction(2107, 2500)

    """

    name: str = attrs.field(validator=non_empty)
    axis: str | None = attrs.field(default=None, validator=optional_non_empty)
    action: str | None = attrs.field(default=None, validator=optional_non_empty)
    action_name: str | None = attrs.field(default=None, validator=optional_non_empty)
    shares: dict[FundingKind, Fraction] = attrs.field(
        factory=lambda: dict(ACTION_2_5_SHARES), converter=_to_shares, hash=False)
    indirect_tiers: IndirectCostTiers = PO_WER_INDIRECT_TIERS


PO_WER_ACTION_2_5 = Programme("PO WER 2014-2020", "II", "2.5", "Skuteczna pomoc społeczna")
"""PO WER 2014-2020, axis II, Action 2.5, with its shares and flat rates (the defaults)."""


@attrs.frozen
class Budget:
    """The budget: tasks, lines, indirect costs, and the arithmetic on them.

    Attributes:
        lines: The budget lines as stated (direct costs).
        tasks: The tasks (zadania), when stated.
        complete: Whether the lines are all the direct costs: True, False, or None when
            the document does not say (a web page may list only the main lines).
        indirect: Indirect costs (koszty pośrednie), when stated.
        tiers: The flat rates of indirect costs.

    >>> b = Budget((BudgetLine("a", pln(1000)),), complete=True)
    >>> b.direct, b.rate, b.expected_indirect, b.total
    (<Quantity(1000, 'PLN')>, Fraction(1, 4), <Quantity(250, 'PLN')>, <Quantity(1250, 'PLN')>)

    """

    lines: tuple[BudgetLine, ...] = attrs.field(default=(), converter=to_tuple)
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=to_tuple)
    complete: bool | None = None
    indirect: Any = attrs.field(default=None, converter=_optional_amount)
    tiers: IndirectCostTiers = PO_WER_INDIRECT_TIERS

    @property
    def direct(self) -> Any:
        """The sum of the lines (direct costs), or None when there are none."""
        values = [line.value for line in self.lines]
        if not values or any(v is None for v in values):
            return None
        return sum(values, pln(0))

    @property
    def rate(self) -> Fraction | None:
        """The flat rate of indirect costs for :attr:`direct`, or None."""
        direct = self.direct
        return None if direct is None else self.tiers.rate_for(direct)

    @property
    def expected_indirect(self) -> Any:
        """The flat-rate indirect costs on :attr:`direct`, rounded to the grosz, or None."""
        direct, rate = self.direct, self.rate
        if direct is None or rate is None:
            return None
        return round_grosz(direct * rate)

    @property
    def total(self) -> Any:
        """Direct plus indirect costs (stated, else the flat rate), when lines are complete.

        None when the lines are not known to be all the direct costs.
        """
        if not self.complete or self.direct is None:
            return None
        indirect = self.indirect if self.indirect is not None else self.expected_indirect
        return self.direct + indirect

    def task_sum(self, number: str) -> Any:
        """The sum of the lines of task ``number``, or None when it has none."""
        values = [line.value for line in self.lines if line.task == number]
        return sum(values, pln(0)) if values else None


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
        total: The total eligible costs (wydatki kwalifikowalne), when stated exactly.
            In Action 2.5 the co-financing (dofinansowanie) is all of them.
        total_stated: A stated value that is not exact ("ponad 421 tys. zł").
        sources: The sources, as stated.
        lines: The budget lines, as stated.
        tasks: The tasks (zadania), when stated.
        lines_complete: Whether the stated lines are all the direct costs (None: not
            known — a web page may list only the main lines).
        indirect: Indirect costs, when stated.
        shares: The shares of eligible costs each kind of source must have (the
            Action 2.5 default: 84,28 % EU, the rest targeted subsidy).
        indirect_tiers: The flat rates of indirect costs (the PO WER default).
        call_written: The call number as the document writes it, when that is a
            misprint of :attr:`call` (a group one digit too long), else None.

    """

    programme: str | None = attrs.field(default=None, validator=optional_non_empty)
    axis: str | None = attrs.field(default=None, validator=optional_non_empty)
    action: str | None = attrs.field(default=None, validator=optional_non_empty)
    action_name: str | None = attrs.field(default=None, validator=optional_non_empty)
    call: CallNumber | None = None
    call_period: Period | None = None
    agreement: FundingAgreement | None = None
    total: Any = attrs.field(default=None, converter=_optional_amount)
    total_stated: StatedAmount | None = None
    sources: tuple[FundingSource, ...] = attrs.field(default=(), converter=to_tuple)
    lines: tuple[BudgetLine, ...] = attrs.field(default=(), converter=to_tuple)
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=to_tuple)
    lines_complete: bool | None = None
    indirect: Any = attrs.field(default=None, converter=_optional_amount)
    shares: dict[FundingKind, Fraction] = attrs.field(
        factory=lambda: dict(ACTION_2_5_SHARES), converter=_to_shares, hash=False)
    indirect_tiers: IndirectCostTiers = PO_WER_INDIRECT_TIERS
    call_written: str | None = attrs.field(default=None, validator=optional_non_empty)

    def __attrs_post_init__(self) -> None:
        if self.call_written is not None and (
                self.call is None or _read_call(self.call_written) != self.call):
            raise ValidationError(f"the call number as written, {self.call_written!r}, does "
                                  f"not stand for the call {self.call}; give the call alone",
                                  field="call_written", value=self.call_written)
        if self.total is not None and self.total_stated is not None:
            raise ValidationError("give the total either exactly (total) or as a stated "
                                  "value (total_stated), not both", field="total_stated",
                                  value=self.total_stated)
        numbers = [t.number for t in self.tasks]
        if len(set(numbers)) != len(numbers):
            raise ValidationError(f"two tasks share a number: {numbers}", field="tasks",
                                  value=numbers)

    @classmethod
    def under(cls, programme: Programme, **facts: Any) -> Funding:
        """Return a funding checked against ``programme``'s shares and flat rates.

        Only the parameters are taken from the programme; its name, axis and action are
        facts, which a document states or not (pass them in ``facts``).

        >>> own = Programme("RPO", shares={"eu": "0.85", "own-contribution": "0.15"})
        >>> Funding.under(own).shares[FundingKind.OWN_CONTRIBUTION]
        Fraction(3, 20)

        """
        return cls(shares=programme.shares, indirect_tiers=programme.indirect_tiers, **facts)

    @property
    def budget(self) -> Budget:
        """The budget view of the lines, tasks and indirect costs."""
        return Budget(self.lines, self.tasks, self.lines_complete, self.indirect,
                      self.indirect_tiers)

    @property
    def sources_sum(self) -> Any:
        """The sum of the stated source amounts, or None when one is unknown."""
        if not self.sources or any(s.amount is None for s in self.sources):
            return None
        return sum((s.amount for s in self.sources), pln(0))

    @property
    def direct(self) -> Any:
        """The sum of the budget lines, or None when there are none or one is unknown."""
        return self.budget.direct

    def expected_indirect(self) -> Any:
        """Flat-rate indirect costs on :attr:`direct`, rounded to the grosz, or None."""
        return self.budget.expected_indirect
