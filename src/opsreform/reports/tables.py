"""A tiny table model and its renderers: Markdown, a standalone HTML page, and safe CSV.

Every tabular report is a :class:`ReportTable`; the renderers escape what each format
needs, so hostile names (quotes, commas, newlines, HTML, formula characters) come out
as text:

- Markdown: ``|`` and line breaks inside cells are escaped;
- HTML: everything is escaped with :func:`html.escape`; the page prints on A4;
- CSV: UTF-8 with a BOM and ``;`` as separator (what a Polish Excel opens), and a text
  cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) is
  prefixed with ``'`` so it cannot become a formula; numbers stay numbers.

>>> t = ReportTable("T", ["a", "b"], [["=1+2", 3]])
>>> to_csv(t).splitlines()[1]
"'=1+2;3"
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

__all__ = ["Cell", "ReportTable", "render", "to_csv", "to_html", "to_markdown"]

Cell = str | int | Decimal | None
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_FIGURE = re.compile(r"^-?\d[\d \u00a0]*(,\d+)? ?(zł|%)$")


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
    """Render as a Markdown table with a ``##`` title."""
    def esc(cell: Cell) -> str:
        text = _text(cell).replace("\\", "\\\\").replace("|", "\\|")
        return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text

    lines = [f"## {esc(table.title)}", "",
             "| " + " | ".join(esc(h) for h in table.headers) + " |",
             "|" + "|".join("---" for _ in table.headers) + "|"]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in table.rows]
    lines += ["", *(esc(n) for n in table.notes)] if table.notes else []
    return "\n".join(lines) + "\n"


_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #111; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
caption { font-weight: bold; font-size: 1.2em; text-align: left; margin-bottom: .5em; }
th, td { border: 1px solid #555; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
td.num { text-align: right; white-space: nowrap; }
tr { page-break-inside: avoid; }
@page { size: A4 landscape; margin: 1.5cm; }
@media print { body { margin: 0; } thead { display: table-header-group; } }
"""


def to_html(tables: ReportTable | Sequence[ReportTable], *, title: str | None = None,
            lang: str = "pl") -> str:
    """Render one or more tables as a standalone HTML page that prints well (A4 landscape)."""
    items = [tables] if isinstance(tables, ReportTable) else list(tables)
    page_title = title if title is not None else (items[0].title if items else "")
    body = []
    for table in items:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in table.headers)
        rows = []
        for row in table.rows:
            cells = []
            for cell in row:
                is_num = isinstance(cell, int | Decimal | Fraction) or bool(
                    _FIGURE.match(_text(cell)))
                # A slot "08.00 - 11.00" or a date breaks only between its parts.
                text = html.escape(_text(cell)).replace(" - ", "\u00a0-\u00a0").replace(
                    "\n", "<br>")
                cells.append(f'<td class="num">{text}</td>' if is_num else f"<td>{text}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        notes = "".join(f"<p>{html.escape(n)}</p>" for n in table.notes)
        body.append(f"<table>\n<caption>{html.escape(table.title)}</caption>\n"
                    f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
                    + f"\n</tbody>\n</table>\n{notes}")
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n'
            f'<meta charset="utf-8">\n<title>{html.escape(page_title)}</title>\n'
            f"<style>{_CSS}</style>\n</head>\n<body>\n<h1>{html.escape(page_title)}</h1>\n"
            + "\n".join(body) + "</body>\n</html>\n")


def _csv_cell(cell: Cell) -> str | int | Decimal:
    if cell is None:
        return ""
    if isinstance(cell, int | Decimal):
        return cell
    return "'" + cell if cell.startswith(_FORMULA) else cell


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
            writer.writerow([_csv_cell(table.title)])
        writer.writerow([_csv_cell(h) for h in table.headers])
        for row in table.rows:
            writer.writerow([_csv_cell(c) for c in row])
    return out.getvalue()


def render(tables: ReportTable | Sequence[ReportTable], fmt: str, *, title: str | None = None,
           lang: str = "pl") -> str:
    """Render in ``md``, ``html`` or ``csv``."""
    items = [tables] if isinstance(tables, ReportTable) else list(tables)
    if fmt == "md":
        head = f"# {title}\n\n" if title else ""
        return head + "\n".join(to_markdown(t) for t in items)
    if fmt == "html":
        return to_html(items, title=title, lang=lang)
    if fmt == "csv":
        return to_csv(items)
    msg = f"unknown format {fmt!r}; expected md, html or csv"
    raise ValueError(msg)
