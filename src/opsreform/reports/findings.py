"""The findings report: errors first, then warnings, then notes, each finding once.

A controller reads the problems first, so the findings are grouped by severity (one
table each, in that order, with the count in the title), keeping within a group the
order of :func:`opsreform.check` (by date, rule and subject). Each finding is listed
exactly once: the report used to list every finding twice, by rule and again by month.
Severities and subjects follow the language; rule ids stay the stable English ones.

>>> from opsreform.findings import Finding
>>> found = [Finding("weekend", "warning", "session t#2", "sobota"),
...          Finding("double-booking", "error", "session t#3", "dwa razy")]
>>> [(t.title, t.rows) for t in findings_tables(found)]  # doctest: +NORMALIZE_WHITESPACE
[('Wyniki kontroli — błędy (1)', [['BŁĄD', '', 'double-booking', 'sesja t#3', 'dwa razy']]),
 ('Wyniki kontroli — ostrzeżenia (1)', [['OSTRZEŻENIE', '', 'weekend', 'sesja t#2', 'sobota']])]
"""

from __future__ import annotations

from collections.abc import Iterable

from opsreform.findings import Finding, Severity
from opsreform.reports._lang import SEVERITY_WORDS, Lang, label, subject_text
from opsreform.reports.tables import Cell, ReportTable
from opsreform.text.dates import format_date

__all__ = ["SEVERITY_ORDER", "by_severity", "finding_row", "findings_headers", "findings_tables",
           "group_title", "severity_word"]

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
"""The order of the report: errors, then warnings, then notes."""

_GROUP_LABELS = {Severity.ERROR: "errors", Severity.WARNING: "warnings",
                 Severity.INFO: "notes"}


def by_severity(findings: Iterable[Finding]) -> dict[Severity, list[Finding]]:
    """Group findings by severity, errors first; each finding once, in the given order.

    A finding repeated in ``findings`` (equal in rule, severity, subject, message and
    date) is kept once. Severities without findings are left out.
    """
    groups: dict[Severity, list[Finding]] = {severity: [] for severity in SEVERITY_ORDER}
    for finding in dict.fromkeys(findings):
        groups[finding.severity].append(finding)
    return {severity: items for severity, items in groups.items() if items}


def severity_word(severity: Severity, lang: Lang) -> str:
    """The severity as a reader of ``lang`` sees it (``BŁĄD``, ``ERROR``)."""
    pl, en = SEVERITY_WORDS[severity.value]
    return pl if lang == "pl" else en


def group_title(severity: Severity, count: int, lang: Lang) -> str:
    """The heading of a severity's group: ``Wyniki kontroli — błędy (2)``."""
    return f"{label('findings_title', lang)} — {label(_GROUP_LABELS[severity], lang)} ({count})"


def finding_row(finding: Finding, lang: Lang) -> list[Cell]:
    """Severity, date (``17.04.2018``), rule, subject and message of one finding."""
    return [severity_word(finding.severity, lang),
            format_date(finding.date) if finding.date else "", finding.rule,
            subject_text(finding.subject, lang), finding.text(lang)]


def findings_headers(lang: Lang) -> list[str]:
    """The column headers of :func:`finding_row`."""
    return [label(k, lang) for k in ("severity", "date", "rule", "subject", "message")]


def findings_tables(findings: Iterable[Finding], *, lang: Lang = "pl") -> list[ReportTable]:
    """One table per severity present (errors, warnings, notes), each finding once.

    With no findings at all, one empty table that says so in its note.
    """
    headers = findings_headers(lang)
    groups = by_severity(findings)
    if not groups:
        return [ReportTable(label("findings_title", lang), headers, [],
                            [label("no_findings", lang)])]
    return [ReportTable(group_title(severity, len(items), lang), headers,
                        [finding_row(f, lang) for f in items])
            for severity, items in groups.items()]
