"""Findings for people at a terminal: errors first, notes folded, lines that fit.

What a coordinator or a controller needs from ``opsreform check`` is the problems, so
errors come first, then warnings; ``info`` notes (mostly checks that could not run for
want of a fact) are folded into one line per project saying how many and why, unless
asked for. Severities, subjects and labels follow the language; lines are wrapped to
the terminal; colour is used only where it is seen (a terminal, no ``NO_COLOR``).

>>> from opsreform.findings import Finding
>>> found = [Finding("weekend", "warning", "session t#2", "sobota", None),
...          Finding("call-period", "info", "project", "nie sprawdzono: brak okresu", None),
...          Finding("double-booking", "error", "session t#3", "dwa razy", None)]
>>> print(render_check("p.toml", "Projekt", found, width=60))
p.toml — Projekt
  BŁĄD         double-booking  sesja t#3: dwa razy
  OSTRZEŻENIE  weekend  sesja t#2: sobota
  uwagi: 1 — nie sprawdzono 1 reguły z braku danych (call-period); pokaż:
    --show-info
  błędy: 1, ostrzeżenia: 1, uwagi: 1
"""

from __future__ import annotations

import os
import textwrap
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from opsreform.findings import Finding, Severity
from opsreform.reports._escape import one_line
from opsreform.reports._lang import SEVERITY_WORDS, Lang, subject_text

__all__ = ["render_check", "render_totals", "use_colour"]

_NOT_CHECKED = "nie sprawdzono:"
_COLOURS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[33m",
            Severity.INFO: "\033[2m"}
_RESET = "\033[0m"


def use_colour(stream: TextIO) -> bool:
    """Whether to colour output to ``stream``: a terminal, and ``NO_COLOR`` not set."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render_check(path: str, title: str, findings: Sequence[Finding], *, lang: Lang = "pl",
                 show_info: bool = False, min_severity: Severity = Severity.INFO,
                 width: int = 100, colour: bool = False) -> str:
    """Return the findings of one project as text for a terminal.

    Args:
        path: The project file, as given.
        title: The project's title.
        findings: Its findings, in the order of :func:`opsreform.check`.
        lang: ``pl`` or ``en`` for severities, subjects and labels (the findings'
            own sentences are Polish).
        show_info: List ``info`` notes one by one instead of folding them.
        min_severity: Leave out findings below this severity (and the folded line
            when it is above ``info``).
        width: Wrap lines to this many characters.
        colour: Colour severities with ANSI codes.

    Returns:
        The text, without a trailing newline.

    """
    # Titles and messages come from the files: no control character reaches the terminal.
    lines = _wrap(one_line(f"{path} — {title}"), width, "", "  ")
    shown = [f for f in findings if f.severity.rank >= min_severity.rank]
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [f for f in shown if f.severity is severity]
        if severity is Severity.INFO and not show_info:
            if group:
                lines.extend(_wrap(_folded(group, lang), width, "  ", "    "))
            continue
        tag_width = max(len(_severity(s, lang)) for s in Severity)
        for f in group:
            tag = _severity(severity, lang)
            when = f"{f.date.isoformat()}  " if f.date else ""
            text = one_line(f"{tag.ljust(tag_width)}  {f.rule}  {when}"
                            f"{subject_text(f.subject, lang)}: {f.text(lang)}")
            wrapped = _wrap(text, width, "  ", " " * (4 + tag_width))
            if colour:  # after wrapping: escape codes take no room on the screen
                wrapped[0] = wrapped[0].replace(tag, f"{_COLOURS[severity]}{tag}{_RESET}", 1)
            lines.extend(wrapped)
    counts = Counter(f.severity for f in findings)
    if lang == "pl":
        summary = (f"błędy: {counts[Severity.ERROR]}, ostrzeżenia: {counts[Severity.WARNING]}, "
                   f"uwagi: {counts[Severity.INFO]}")
    else:
        summary = (f"errors: {counts[Severity.ERROR]}, warnings: {counts[Severity.WARNING]}, "
                   f"notes: {counts[Severity.INFO]}")
    lines.append(f"  {summary}")
    return "\n".join(lines)


def _severity(severity: Severity, lang: Lang) -> str:
    pl, en = SEVERITY_WORDS[severity.value]
    return pl if lang == "pl" else en


def _not_checked(finding: Finding) -> bool:
    """Whether a note says a check could not run (by its message key, else its words)."""
    if finding.said is not None:
        return finding.said.key == "not-checked"
    return finding.message.startswith(_NOT_CHECKED)  # a finding made outside the library


def _folded(notes: list[Finding], lang: Lang) -> str:
    """One line for a project's ``info`` notes: how many, and which checks did not run."""
    skipped = sorted({f.rule for f in notes if _not_checked(f)})
    others = sum(1 for f in notes if not _not_checked(f))
    rules = ", ".join(skipped)
    if lang == "pl":
        parts = []
        if skipped:
            word = "reguły" if len(skipped) == 1 else "reguł"
            parts.append(f"nie sprawdzono {len(skipped)} {word} z braku danych ({rules})")
        if others:
            noun = _plural_pl(others, "inna uwaga", "inne uwagi", "innych uwag")
            parts.append(f"{others} {noun}")
        return f"uwagi: {len(notes)} — {'; '.join(parts)}; pokaż: --show-info"
    parts = []
    if skipped:
        word = "rule" if len(skipped) == 1 else "rules"
        parts.append(f"{len(skipped)} {word} not checked for want of facts ({rules})")
    if others:
        parts.append(f"{others} other notes")
    return f"notes: {len(notes)} — {'; '.join(parts)}; show them: --show-info"


def _plural_pl(n: int, one: str, few: str, many: str) -> str:
    """The Polish form for ``n``: 1 uwaga, 2-4 (but not 12-14) uwagi, else uwag."""
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def render_totals(counts: dict[str, Counter[Severity]], unreadable: int, *,
                  lang: Lang = "pl") -> str:
    """Return the closing lines of a run over several files: totals, and where errors are.

    >>> from collections import Counter
    >>> print(render_totals({"a.toml": Counter({Severity.ERROR: 2}), "b.toml": Counter()}, 1))
    Razem 3 pliki: błędy: 2, ostrzeżenia: 0, nieczytelne pliki: 1
      błędy w: a.toml
    """
    total: Counter[Severity] = Counter()
    for found in counts.values():
        total.update(found)
    files = len(counts) + unreadable
    with_errors = [path for path, found in counts.items() if found[Severity.ERROR]]
    if lang == "pl":
        head = (f"Razem {files} {_plural_pl(files, 'plik', 'pliki', 'plików')}: "
                f"błędy: {total[Severity.ERROR]}, ostrzeżenia: {total[Severity.WARNING]}")
        head += f", nieczytelne pliki: {unreadable}" if unreadable else ""
        tail = f"  błędy w: {', '.join(with_errors)}" if with_errors else ""
    else:
        head = (f"Total {files} file{'s' if files != 1 else ''}: errors: "
                f"{total[Severity.ERROR]}, warnings: {total[Severity.WARNING]}")
        head += f", unreadable files: {unreadable}" if unreadable else ""
        tail = f"  errors in: {', '.join(with_errors)}" if with_errors else ""
    return f"{head}\n{tail}" if tail else head


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, width=max(width, 40), initial_indent=first,
                         subsequent_indent=rest, break_on_hyphens=False,
                         break_long_words=False) or [first.rstrip()]
