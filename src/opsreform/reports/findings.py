"""The findings report: the check findings grouped by rule and by month."""

from __future__ import annotations

from collections import defaultdict

from opsreform.findings import Finding
from opsreform.reports._lang import Lang, label
from opsreform.reports.tables import Cell, ReportTable

__all__ = ["findings_tables"]


def findings_tables(findings: list[Finding], *, lang: Lang = "pl") -> list[ReportTable]:
    """Two tables: the findings by rule (with counts), and by month (undated last)."""
    headers = [label(k, lang) for k in ("date", "severity", "rule", "subject", "message")]

    def row(f: Finding) -> list[Cell]:
        return [f.date.isoformat() if f.date else "", f.severity.value, f.rule, f.subject,
                f.message]

    by_rule: dict[str, list[Finding]] = defaultdict(list)
    by_month: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_rule[f.rule].append(f)
        by_month[f"{f.date:%Y-%m}" if f.date else "—"].append(f)
    rule_rows = [row(f) for rule in sorted(by_rule) for f in by_rule[rule]]
    counts = [f"{rule}: {len(items)}" for rule, items in sorted(by_rule.items())]
    months = sorted(m for m in by_month if m != "—") + (["—"] if "—" in by_month else [])
    month_rows = [[m, *row(f)[1:]] for m in months for f in by_month[m]]
    title = label("findings_title", lang)
    by = "wg reguły" if lang == "pl" else "by rule"
    by_m = "wg miesiąca" if lang == "pl" else "by month"
    return [ReportTable(f"{title} — {by}", headers, rule_rows, counts),
            ReportTable(f"{title} — {by_m}", [label("month", lang), *headers[1:]], month_rows)]
