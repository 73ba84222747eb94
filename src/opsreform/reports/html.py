"""HTML pages of the reports, from Jinja2 templates that a centre can override.

Three pages, each a template shipped with the package (``reports/templates``):

- ``schedule.html.j2`` — the schedule to hang on the wall (:func:`schedule_page`);
- ``findings.html.j2`` — the findings, errors first and coloured (:func:`findings_page`);
- ``tables.html.j2`` — any other report as tables (:func:`tables_page`);

all extending ``base.html.j2``: the header (a logo strip when given, the project's
title and beneficiary), the content, and the footer (the project's funding line, see
:mod:`opsreform.reports.funding_line`). The page prints on A4 landscape.

Overriding: a folder given as ``template_dir`` (``--template-dir``) is searched first,
so a ``base.html.j2`` there replaces ours for every page, a ``schedule.html.j2`` the
schedule. A template of the folder can extend ours under the prefix ``opsreform/``
(``{% extends "opsreform/schedule.html.j2" %}``) and replace only a block (``style``,
``header``, ``content``, ``footer``). What each template receives is listed in
docs/reports.md.

Safety: autoescape is on, so user text is HTML-escaped whatever the template; every
value printed first passes through :func:`opsreform.reports._escape.one_line` (the
environment's ``finalize``), so no control character reaches the page; multi-line
cells are given as lists of lines. Templates run in Jinja2's sandbox, so a template
from elsewhere can print the data it is given but not reach into Python.

The logo is embedded in the page as a ``data:`` URI, not referenced by its path: the
page is one file that can be mailed, moved or printed (and turned into a PDF) without
the image beside it, and it does not reveal a path of the machine that made it. It
must be a regular file of at most :data:`LOGO_MAX_BYTES` in PNG, JPEG, GIF, WebP or SVG
(read by its first bytes, not its name, except for SVG).
"""

from __future__ import annotations

import base64
import os
import re
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
from babel.dates import get_month_names
from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PackageLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from opsreform.checks import check
from opsreform.exceptions import TemplateError, ValidationError
from opsreform.findings import Finding, Severity
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.project import Project
from opsreform.model.sessions import SessionStatus
from opsreform.reports._escape import one_line
from opsreform.reports._lang import Lang, kind_word, label, labels, subject_text
from opsreform.reports.findings import (
    by_severity,
    finding_row,
    findings_headers,
    group_title,
    severity_word,
)
from opsreform.reports.funding_line import funding_lines
from opsreform.reports.schedule import (
    schedule_headers,
    schedule_sections,
    session_places,
    session_when,
)
from opsreform.reports.tables import Cell, ReportTable, cell_text, is_number
from opsreform.text.slots import format_slot

__all__ = [
    "LOGO_MAX_BYTES",
    "MARKS",
    "Logo",
    "PageOptions",
    "break_text",
    "findings_page",
    "schedule_page",
    "tables_page",
]

LOGO_MAX_BYTES = 2 * 1024 * 1024
"""The largest logo accepted (2 MiB): a strip of logos is tens or hundreds of kB."""

MARKS = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.INFO: "ℹ"}
"""The sign of a finding's severity on the schedule (readable in black and white too)."""

_NBSP = "\u00a0"
_IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
                (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))


@attrs.frozen(repr=False)
class Logo:
    """An image for the page's header (a strip of logos), held in memory.

    Attributes:
        mime: Its media type (``image/png``), from its content.
        data: Its bytes.

    """

    mime: str
    data: bytes

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> Logo:
        """Read a logo from a regular file of at most :data:`LOGO_MAX_BYTES`.

        The file is opened without blocking and checked once open (a FIFO or a device
        given as a logo is refused, never read).

        Raises:
            ValidationError: For something that is not a regular file, too large a
                file, or a file that is not a PNG, JPEG, GIF, WebP or SVG image.

        """
        name = os.fspath(path)
        try:
            fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            raise ValidationError(f"cannot open the logo: {exc.strerror}", field="logo",
                                  value=name) from None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ValidationError("the logo must be a regular file", field="logo",
                                      value=name)
            with os.fdopen(os.dup(fd), "rb") as file:
                data = file.read(LOGO_MAX_BYTES + 1)
        finally:
            os.close(fd)
        if len(data) > LOGO_MAX_BYTES:
            raise ValidationError(f"the logo is larger than {LOGO_MAX_BYTES // 1024} KiB",
                                  field="logo", value=name)
        mime = _image_type(data, name)
        if mime is None:
            raise ValidationError("the logo must be a PNG, JPEG, GIF, WebP or SVG image",
                                  field="logo", value=name)
        return cls(mime, data)

    @property
    def data_uri(self) -> str:
        """The image as a ``data:`` URI (base64), for an ``<img src>``."""
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"

    def __repr__(self) -> str:
        return f"Logo({self.mime}, {len(self.data)} bytes)"


def _image_type(data: bytes, name: str) -> str | None:
    for magic, mime in _IMAGE_MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if name.lower().endswith(".svg") and b"<svg" in data[:4096]:
        return "image/svg+xml"
    return None


def _to_logo(value: Logo | str | os.PathLike[str] | None) -> Logo | None:
    if value is None or isinstance(value, Logo):
        return value
    return Logo.read(value)


def _to_template_dir(value: str | os.PathLike[str] | None) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    if not path.is_dir():
        raise ValidationError("the template folder does not exist or is not a folder",
                              field="template_dir", value=str(path))
    return path


@attrs.frozen
class PageOptions:
    """What a user sets on a printed page.

    Attributes:
        header: The header's text; None for the project's title (or the page's title).
        footer: The footer's text; None for the project's funding line, ``""`` for none.
        logo: A strip of logos over the header: a :class:`Logo`, or the path of an image
            (read at once, see :meth:`Logo.read`).
        template_dir: A folder of templates that override ours by name.

    """

    header: str | None = None
    footer: str | None = None
    logo: Logo | None = attrs.field(default=None, converter=_to_logo)
    template_dir: Path | None = attrs.field(default=None, converter=_to_template_dir)


def _finalize(value: Any) -> Any:
    # Every {{ value }}: plain text on one line; Markup (our own blocks) passes as is.
    if isinstance(value, str) and not isinstance(value, Markup):
        return one_line(value)
    return value


def _environment(template_dir: Path | None) -> SandboxedEnvironment:
    ours = PackageLoader("opsreform.reports", "templates")
    theirs = [FileSystemLoader(template_dir)] if template_dir is not None else []
    return SandboxedEnvironment(
        loader=ChoiceLoader([*theirs, ours, PrefixLoader({"opsreform": ours})]),
        autoescape=True, finalize=_finalize, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _render(template: str, options: PageOptions, context: dict[str, Any]) -> str:
    """Render ``template``; a template that fails (a user's, most often) is a TemplateError."""
    try:
        return _environment(options.template_dir).get_template(template).render(context)
    except TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}", template=template) from None
    except TemplateSyntaxError as exc:
        raise TemplateError(exc.message or "syntax error", template=exc.name or template,
                            line=exc.lineno) from None
    except JinjaError as exc:  # undefined names, the sandbox's refusals
        raise TemplateError(str(exc), template=template) from None


def _page(project: Project | None, title: str, lang: Lang, options: PageOptions
          ) -> dict[str, Any]:
    """What every page has: language, labels, header, footer."""
    default_header = project.title if project is not None else title
    footer = (funding_lines(project, lang=lang) if project is not None else []
              ) if options.footer is None else [line for line in options.footer.splitlines()
                                                if line.strip()]
    return {
        "lang": lang, "title": title, "labels": labels(lang),
        "header": default_header if options.header is None else options.header,
        "subtitle": project.beneficiary if project is not None and options.header is None
        else None,
        "logo": options.logo.data_uri if options.logo is not None else None,
        "logo_alt": label("logo", lang),
        "footer": footer,
    }


def _cell(cell: Cell) -> dict[str, Any]:
    text = cell_text(cell)  # typed cells (dates, amounts) in their Polish forms
    number = is_number(cell)
    # A slot "08.00 - 11.00" breaks only between slots.
    return {"lines": [line.replace(" - ", f"{_NBSP}-{_NBSP}") for line in
                      re.split(r"\r\n|[\n\r\x85\u2028\u2029]", text)], "num": number}


def tables_page(tables: ReportTable | Sequence[ReportTable], *, title: str | None = None,
                lang: Lang = "pl", options: PageOptions | None = None,
                project: Project | None = None) -> str:
    """Render tables as a standalone HTML page (``tables.html.j2``).

    Args:
        tables: The tables.
        title: The page's title (default: the first table's).
        lang: ``pl`` or ``en``.
        options: Header, footer, logo and templates.
        project: The project, for the default header (its title) and footer (its
            funding line).

    """
    items = [tables] if isinstance(tables, ReportTable) else list(tables)
    page_title = title if title is not None else (items[0].title if items else "")
    context = _page(project, page_title, lang, options or PageOptions())
    context["tables"] = [{"title": t.title, "headers": list(t.headers),
                          "rows": [[_cell(c) for c in row] for row in t.rows],
                          "notes": list(t.notes)} for t in items]
    return _render("tables.html.j2", options or PageOptions(), context)


def _unbroken(text: str) -> str:
    return text.replace(" ", _NBSP)


def _when_pieces(text: str) -> list[str]:
    """A date or period in pieces that never break inside; a period may break at its dash."""
    start, dash, end = text.partition(" – ")
    return [_unbroken(start + " –"), _unbroken(end)] if dash else [_unbroken(text)]


def break_text(declared: DeclaredBreak, lang: Lang = "pl") -> str:
    """A declared break as the project words it, else from its facts.

    >>> from opsreform.model.breaks import DeclaredBreak
    >>> break_text(DeclaredBreak(kinds=["training"], months=[6, 7], years=[2018]))
    'Przerwa: szkolenia — czerwiec, lipiec (2018)'
    """
    if declared.text:
        return declared.text
    kinds = ", ".join(kind_word(k.value, lang) for k in sorted(declared.kinds))
    if declared.follow_school_holidays:
        when = label("school_holidays", lang)
    else:
        names = get_month_names("wide", "stand-alone", locale=lang)
        when = ", ".join(str(names[m]) for m in sorted(declared.months))
    if declared.years:
        when += f" ({', '.join(str(y) for y in sorted(declared.years))})"
    return f"{label('break', lang)}: {kinds} — {when}"


def _mark(finding: Finding, n: int, lang: Lang) -> dict[str, Any]:
    return {"n": n, "symbol": MARKS[finding.severity], "severity": finding.severity.value,
            "severity_word": severity_word(finding.severity, lang),
            "subject": subject_text(finding.subject, lang), "message": finding.text(lang)}


def _missing_numbers(numbers: Iterable[int]) -> set[int]:
    present = set(numbers)
    return set(range(1, max(present, default=0) + 1)) - present


def schedule_page(project: Project, *, lang: Lang = "pl", options: PageOptions | None = None,
                  findings: Iterable[Finding] | None = None) -> str:
    """Render the schedule to hang on the wall (``schedule.html.j2``).

    Args:
        project: The project.
        lang: ``pl`` or ``en`` (dates stay Polish, as published).
        options: Header, footer, logo and templates.
        findings: The findings to mark; by default those of :func:`opsreform.check`
            (an empty list marks none). A finding is marked on the session or table its
            subject names (``session 2018-05-07#6``, ``table 2018-05-07``).

    """
    if findings is None:
        findings = check(project)
    options = options or PageOptions()
    by_subject: dict[str, list[Finding]] = {}
    for items in by_severity(findings).values():
        for finding in items:
            by_subject.setdefault(finding.subject, []).append(finding)
    venues = {v.id: str(v) for v in project.venues}
    counter = 0
    sections = []
    used: set[str] = set()
    any_gap = any_cancelled = False
    for section in schedule_sections(project, lang=lang):
        notes = []
        table_marks = []
        if section.table is not None:
            for finding in by_subject.get(f"table {section.table.id}", []):
                counter += 1
                table_marks.append(_mark(finding, counter, lang))
        notes += table_marks
        numbered = section.numbered()
        missing = _missing_numbers(n for n, _ in numbered) if section.table is not None else set()
        rows: list[dict[str, Any]] = [{"gap": True, "number": m} for m in sorted(missing)
                                      if m < min((n for n, _ in numbered), default=0)]
        missing -= {row["number"] for row in rows}
        for number, session in numbered:
            marks = []
            for finding in by_subject.get(session.subject, []):
                counter += 1
                marks.append(_mark(finding, counter, lang))
            notes += marks
            cancelled = session.status is SessionStatus.CANCELLED
            classes = [marks[0]["severity"]] if marks else []
            classes += ["cancelled"] if cancelled else []
            rows.append({
                "gap": False, "number": number, "title": session.label,
                "when": _when_pieces(session_when(session)),
                "slots": [_unbroken(format_slot(b.slot)) for b in session.slots],
                "places": session_places(session, venues), "cancelled": cancelled,
                "marks": marks, "classes": " ".join(classes)})
            any_cancelled |= cancelled
            follow = number + 1
            while follow in missing:
                rows.append({"gap": True, "number": follow})
                missing.discard(follow)
                follow += 1
        rows += [{"gap": True, "number": m} for m in sorted(missing)]
        any_gap |= any(row["gap"] for row in rows)
        used.update(mark["severity"] for mark in notes)
        sections.append({"title": section.title, "rows": rows, "notes": notes,
                         "table_marks": table_marks})
    legend = [{"symbol": MARKS[s], "severity": s.value, "text": label(f"legend_{s.value}", lang)}
              for s in MARKS if s.value in used]
    if legend:
        legend.append({"symbol": "", "severity": "", "text": label("legend_numbers", lang)})
    if any_gap:
        legend.append({"symbol": "", "severity": "", "text": label("legend_gap", lang)})
    if any_cancelled:
        legend.append({"symbol": "", "severity": "", "text": label("legend_cancelled", lang)})
    context = _page(project, project.title, lang, options)
    marks_column = bool(used)
    headers = schedule_headers(lang) + ([label("marks", lang)] if marks_column else [])
    context.update(sections=sections, headers=headers, marks_column=marks_column,
                   breaks=[break_text(b, lang) for b in project.breaks], legend=legend)
    return _render("schedule.html.j2", options, context)


def findings_page(project: Project, *, lang: Lang = "pl", options: PageOptions | None = None,
                  findings: Iterable[Finding] | None = None) -> str:
    """Render the findings page (``findings.html.j2``): errors first, coloured, each once.

    Args:
        project: The project.
        lang: ``pl`` or ``en``.
        options: Header, footer, logo and templates.
        findings: The findings; by default those of :func:`opsreform.check`.

    """
    if findings is None:
        findings = check(project)
    options = options or PageOptions()
    groups = by_severity(findings)
    counts = {key: len(groups.get(severity, ())) for key, severity in (
        ("errors", Severity.ERROR), ("warnings", Severity.WARNING), ("notes", Severity.INFO))}
    context = _page(project, project.title, lang, options)
    context.update(
        headers=findings_headers(lang),
        summary=(label("findings_summary", lang).format(**counts) if groups
                 else label("no_findings", lang)),
        groups=[{"severity": severity.value, "title": group_title(severity, len(items), lang),
                 "rows": [finding_row(f, lang) for f in items]}
                for severity, items in groups.items()])
    return _render("findings.html.j2", options, context)
