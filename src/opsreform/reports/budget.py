"""The budget and funding summary: amounts and shares as typed cells.

Markdown and HTML write them the Polish way (``356 397,50 zł``, ``84,28 %``); a workbook
keeps them as numbers in złoty and percent formats.
"""

from __future__ import annotations

from opsreform.model.funding import BudgetCategory, FundingKind
from opsreform.model.project import Project
from opsreform.money import amount_of
from opsreform.reports._lang import Lang, label
from opsreform.reports.history import history_tables
from opsreform.reports.tables import Cell, ReportTable, Share, Zloty
from opsreform.rules.funding import FUNDING_RULES
from opsreform.text.amounts import format_share
from opsreform.text.dates import format_date

__all__ = ["budget_tables"]

_SOURCE_PL = {
    FundingKind.EU: "środki europejskie (EFS)", FundingKind.TARGETED_SUBSIDY: "dotacja celowa",
    FundingKind.OWN_CONTRIBUTION: "wkład własny", FundingKind.OTHER: "inne",
}
_CATEGORY_PL = {
    BudgetCategory.PREPARATION: "przygotowanie", BudgetCategory.TRAINING: "szkolenia",
    BudgetCategory.SUPERVISION: "superwizja", BudgetCategory.STAFF: "etaty",
    BudgetCategory.EQUIPMENT: "sprzęt i wyposażenie", BudgetCategory.RENOVATION: "remont",
    BudgetCategory.STUDY_VISIT: "wizyty studyjne", BudgetCategory.OTHER: "inne",
}


def budget_tables(project: Project, *, lang: Lang = "pl") -> list[ReportTable]:
    """Sources with amounts and shares; budget lines, direct and indirect costs; the findings."""
    funding = project.funding
    unknown = label("unknown", lang)
    if funding is None:
        return [ReportTable(label("budget_title", lang), [label("item", lang)], [[unknown]])]
    total = funding.total
    src_rows: list[list[Cell]] = []
    for source in funding.sources:
        share: Cell = unknown
        if source.amount is not None and total is not None and amount_of(total) != 0:
            share = Share(amount_of(source.amount) / amount_of(total))
        elif source.share is not None:
            share = Share(source.share)
        src_rows.append([_SOURCE_PL[source.kind] if lang == "pl" else source.kind.value,
                         Zloty.of(source.amount) if source.amount is not None else unknown,
                         share])
    stated: Cell = (Zloty.of(total) if total is not None else
                    str(funding.total_stated) if funding.total_stated is not None else unknown)
    src_rows.append([label("total", lang), stated, Share(1) if total is not None else None])
    facts = []
    if funding.programme:
        facts.append(" ".join(x for x in (funding.programme, funding.axis and f"oś {funding.axis}",
                                          funding.action and f"działanie {funding.action}",
                                          funding.action_name) if x))
    if funding.call is not None:
        facts.append(f"nabór {funding.call}" if lang == "pl" else f"call {funding.call}")
    if funding.agreement is not None and funding.agreement.signed is not None:
        facts.append(f"umowa o dofinansowanie z {format_date(funding.agreement.signed, 'long')}"
                     if lang == "pl" else
                     f"funding agreement of {format_date(funding.agreement.signed, 'long')}")
    tables = [ReportTable(label("budget_title", lang),
                          [label("source", lang), label("amount", lang), label("share", lang)],
                          src_rows, facts)]
    if funding.lines:
        line_rows: list[list[Cell]] = [
            [line.task, line.title,
             _CATEGORY_PL[line.category] if lang == "pl" else line.category.value,
             Zloty.of(line.value) if line.value is not None else unknown]
            for line in funding.lines]
        direct = funding.direct
        if direct is not None:
            line_rows.append([None, label("direct", lang), None, Zloty.of(direct)])
            indirect = funding.indirect if funding.indirect is not None else (
                funding.expected_indirect())
            rate = format_share(funding.indirect_tiers.rate_for(direct))
            note = "" if funding.indirect is not None else (
                " (ryczałt)" if lang == "pl" else " (flat rate)")
            line_rows.append([None, f"{label('indirect', lang)} {rate}{note}", None,
                              Zloty.of(indirect)])
        tables.append(ReportTable(
            "Pozycje budżetu" if lang == "pl" else "Budget lines",
            ["Zadanie" if lang == "pl" else "Task", label("item", lang),
             label("category", lang), label("amount", lang)], line_rows))
    tables.extend(history_tables(project, lang=lang))
    findings = [f for rule in FUNDING_RULES for f in rule.check(project)]
    if findings:
        tables.append(ReportTable(
            "Uzgodnienie kwot" if lang == "pl" else "Reconciliation",
            [label("severity", lang), label("rule", lang), label("message", lang)],
            [[f.severity.value, f.rule, f.text(lang)] for f in findings]))
    return tables
