"""A tiny table model and its renderers: Markdown, a standalone HTML page, and safe CSV.

Every tabular report is a :class:`ReportTable`; the renderers escape what each format
needs with the helpers of :mod:`opsreform.reports._escape`, so hostile names (quotes,
commas, control characters, HTML, Markdown, formula characters) come out as text:

- Markdown: HTML characters become references, ``|``, ``*``, ``_``, ``[``, ``]``,
  backticks and backslashes get a backslash, line breaks inside cells become spaces,
  and titles and notes cannot start a heading, a list or a block;
- HTML (a Jinja2 template, see :mod:`opsreform.reports.html`): everything is escaped;
  line breaks in cells are kept as ``<br>``; the page prints on A4;
- CSV: UTF-8 with a BOM and ``;`` as separator (what a Polish Excel opens). A text
  cell whose first non-blank character is ``=``, ``+``, ``-``, ``@``, a tab, a carriage
  return or a full-width ``＝ ＋ － ＠`` is prefixed with ``'`` so it cannot become a
  formula. Real data keeps its minus: a cell that is exactly ``-`` (the harmonogram's
  unnumbered item) or a figure (``-5``, ``-1 234,50 zł``, ``-2,5 %``), which even read
  as a formula computes nothing but a number; numbers given as numbers stay numbers.
  The full rule is in :func:`opsreform.reports._escape.csv_cell`.

>>> t = ReportTable("T", ["a", "b"], [["=1+2", 3], ["-", "-1 234,50 zł"]])
>>> to_csv(t).splitlines()[1:]
["'=1+2;3", '-;-1 234,50 zł']
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal

import attrs

from opsreform.reports._escape import csv_cell, markdown_block, markdown_inline

__all__ = ["Cell", "ReportTable", "render", "to_csv", "to_html", "to_markdown"]

Cell = str | int | Decimal | None


@attrs.frozen
class ReportTable:
    """A titled table: headers and rows of cells (text, or numbers that stay numbers).

    Attributes:
        title: The caption.
        headers: The column headers.
        rows: The rows; each has one cell per header.
        notes: Lines printed under the table.

    """

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    notes: Sequence[str] = ()


def _text(cell: Cell) -> str:
    return "" if cell is None else str(cell)


def to_markdown(table: ReportTable) -> str:
    """Render as a Markdown table with a ``##`` title; the notes follow, one a line."""
    def esc(cell: Cell) -> str:
        return markdown_inline(_text(cell))

    lines = [f"## {markdown_block(table.title)}", "",
             "| " + " | ".join(esc(h) for h in table.headers) + " |",
             "|" + "|".join("---" for _ in table.headers) + "|"]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in table.rows]
    lines += ["", *(markdown_block(n) for n in table.notes)] if table.notes else []
    return "\n".join(lines) + "\n"


def to_html(tables: ReportTable | Sequence[ReportTable], *, title: str | None = None,
            lang: str = "pl") -> str:
    """Render one or more tables as a standalone HTML page that prints well (A4 landscape).

    The page is the ``tables.html.j2`` template of :mod:`opsreform.reports.html`.
    """
    from opsreform.reports.html import tables_page  # noqa: PLC0415 - it imports this module

    return tables_page(tables, title=title, lang="en" if lang == "en" else "pl")


def to_csv(tables: ReportTable | Sequence[ReportTable]) -> str:
    """Render as CSV for a Polish spreadsheet: BOM, ``;``, formula-safe text cells.

    Several tables are written one after another, each with its title row.
    """
    items = [tables] if isinstance(tables, ReportTable) else list(tables)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for n, table in enumerate(items):
        if len(items) > 1:
            if n:
                writer.writerow([])
            writer.writerow([csv_cell(table.title)])
        writer.writerow([csv_cell(h) for h in table.headers])
        for row in table.rows:
            writer.writerow([csv_cell(c) for c in row])
    return out.getvalue()


def render(tables: ReportTable | Sequence[ReportTable], fmt: str, *, title: str | None = None,
           lang: str = "pl") -> str:
    """Render in ``md``, ``html`` or ``csv``."""
    items = [tables] if isinstance(tables, ReportTable) else list(tables)
    if fmt == "md":
        head = f"# {markdown_block(title)}\n\n" if title else ""
        return head + "\n".join(to_markdown(t) for t in items)
    if fmt == "html":
        return to_html(items, title=title, lang=lang)
    if fmt == "csv":
        return to_csv(items)
    msg = f"unknown format {fmt!r}; expected md, html or csv"
    raise ValueError(msg)
