"""Domain assertions shared by the tests."""

from __future__ import annotations

from collections.abc import Iterable

from opsreform.findings import Finding, Severity


def by_rule(findings: Iterable[Finding], rule: str,
            severity: Severity | None = None) -> list[Finding]:
    """Return the findings of one rule (and severity, when given)."""
    return [f for f in findings if f.rule == rule and (severity is None or f.severity is severity)]


def problems(findings: Iterable[Finding]) -> list[Finding]:
    """Return the findings that are not ``info`` notes."""
    return [f for f in findings if f.severity is not Severity.INFO]
