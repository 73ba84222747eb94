r"""A tiny table model with typed cells, and its renderers: Markdown, HTML, CSV (and xlsx).

A :class:`ReportTable` holds cells of real types, so that each format writes them the
right way: a :class:`datetime.date` is a date (``22 maja 2018`` in Markdown and HTML,
``22.05.2018`` in CSV, a date cell in a workbook), a :class:`Zloty` an exact amount
(``1 234,50 zł``, ``1234,50``, a number in złoty format), a :class:`Share` a percentage,
a :class:`datetime.time` an hour (``08.00``; ``08:00``; a time cell), ``int`` and
:class:`~decimal.Decimal` numbers (Polish decimal comma), and ``str`` text that stays
text — activity numbers ``1.1``, ids, the ``-`` of unnumbered items, months ``2018-05``.
:mod:`opsreform.reports.xlsx` writes the same tables as a workbook.

The renderers escape what each format needs with the helpers of
:mod:`opsreform.reports._escape`, so hostile names (quotes, commas, control characters,
HTML, Markdown, formula characters) come out as text:

- Markdown: HTML characters become references, ``|``, ``*``, ``_``, ``[``, ``]``,
  backticks and backslashes get a backslash, line breaks inside cells become spaces,
  and titles and notes cannot start a heading, a list or a block;
- HTML (a Jinja2 template, see :mod:`opsreform.reports.html`): everything is escaped;
  line breaks in cells are kept as ``<br>``; the page prints on A4;
- CSV: for a Polish spreadsheet (see :func:`to_csv`): UTF-8 with a BOM, ``;`` as
  separator, text and decimal numbers in quotes, Polish decimal commas. A text cell
  whose first non-blank character is ``=``, ``+``, ``-``, ``@``, a tab, a carriage
  return or a full-width ``＝ ＋ － ＠`` is prefixed with ``'`` so it cannot become a
  formula. Real data keeps its minus: a cell that is exactly ``-`` (the harmonogram's
  unnumbered item) or a figure (``-5``, ``-1 234,50 zł``, ``-2,5 %``), which even read
  as a formula computes nothing but a number; numbers given as numbers stay numbers.
  The full rule is in :func:`opsreform.reports._escape.csv_cell`.

>>> t = ReportTable("T", ["a", "b", "c"], [["=1+2", 3, Zloty("-1234.5")], ["-", None, "1.1"]])
>>> to_csv(t).splitlines()[1:]
['"\'=1+2";3;"-1234,50"', '"-";;"1.1"']
>>> to_markdown(t).splitlines()[-1]
'| - |  | 1.1 |'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import attrs

from opsreform.exceptions import ValidationError
from opsreform.money import amount_of, pln, round_grosz
from opsreform.reports._escape import (
    csv_cell,
    markdown_block,
    markdown_inline,
)
from opsreform.text.amounts import format_amount, format_share
from opsreform.text.dates import format_date

__all__ = ["Cell", "ReportTable", "Share", "Zloty", "cell_text", "csv_field", "is_number",
           "render", "to_csv", "to_html", "to_markdown"]

_GROSZ = Decimal("0.01")


def _to_grosz(value: int | str | Decimal) -> Decimal:
    """Return ``value`` as a Decimal rounded to the grosz (half a grosz away from zero)."""
    if isinstance(value, bool | float) or not isinstance(value, int | str | Decimal):
        msg = f"expected an int, str or Decimal amount, got {type(value).__name__} {value!r}"
        raise ValidationError(msg, field="value", value=value)
    try:
        exact = Decimal(value)
    except InvalidOperation:
        raise ValidationError(f"not an amount: {value!r}", field="value", value=value) from None
    if not exact.is_finite():
        raise ValidationError(f"not a finite amount: {value!r}", field="value", value=value)
    return exact.quantize(_GROSZ, rounding=ROUND_HALF_UP)


@attrs.frozen
class Zloty:
    """An amount in złoty (PLN) in a report cell: exact, to the grosz.

    Text formats write it the Polish way (``1 234,50 zł``); CSV as a Polish decimal
    (``1234,50``) that a spreadsheet reads as a number; a workbook as a number in
    złoty format.

    Attributes:
        value: The amount, rounded to the grosz (half a grosz away from zero, as
            :func:`opsreform.money.round_grosz`); floats are refused, as not exact.

    >>> Zloty("356397.5"), str(Zloty(Decimal("-0.005")))
    (Zloty(value=Decimal('356397.50')), '-0,01 zł')

    """

    value: Decimal = attrs.field(converter=_to_grosz)

    @classmethod
    def of(cls, amount: Any) -> Zloty:
        """Return the cell of a PLN quantity (:func:`opsreform.money.pln`), rounded to the grosz.

        >>> Zloty.of(pln("22551"))
        Zloty(value=Decimal('22551.00'))
        """
        grosze = amount_of(round_grosz(amount)) * 100
        return cls(Decimal(int(grosze)).scaleb(-2))

    def __str__(self) -> str:
        return format_amount(pln(self.value))


def _to_fraction(value: Fraction | int | Decimal | str) -> Fraction:
    if isinstance(value, bool | float):
        msg = f"expected an exact share, got {type(value).__name__} {value!r}"
        raise ValidationError(msg, field="value", value=value)
    return Fraction(value)


@attrs.frozen
class Share:
    """A share (a fraction of a whole) in a report cell, written as a percentage.

    Attributes:
        value: The exact share (``Fraction(2107, 2500)`` is ``84,28 %``).

    >>> str(Share(Fraction(2107, 2500)))
    '84,28 %'

    """

    value: Fraction = attrs.field(converter=_to_fraction)

    def __str__(self) -> str:
        return format_share(self.value)


Cell = str | int | Decimal | Zloty | Share | date | time | None
"""What a report cell holds: text, a number, an amount, a share, a date or an hour."""

_FIGURE = re.compile(r"^-?\d[\d \u00a0]*(,\d+)? ?(zł|%)$")


@attrs.frozen
class ReportTable:
    """A titled table: headers and rows of typed cells (see :data:`Cell`).

    Attributes:
        title: The caption.
        headers: The column headers.
        rows: The rows; each has one cell per header.
        notes: Lines printed under the table.
        name: A short name for the table's sheet in a workbook (at most 31
            characters are used); None takes the title.

    """

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    notes: Sequence[str] = ()
    name: str | None = attrs.field(default=None, kw_only=True)


def _decimal_text(value: Decimal) -> str:
    """A decimal number with a Polish decimal comma and no exponent (``2,5``)."""
    return f"{value:f}".replace(".", ",")


def cell_text(cell: Cell) -> str:
    """Return a cell as Polish text, as Markdown and HTML show it.

    >>> [cell_text(c) for c in [None, "1.1", 12, Decimal("2.5"), Zloty("1234.5"),
    ...                          Share(Fraction(1, 4)), date(2018, 5, 22), time(8, 30)]]
    ['', '1.1', '12', '2,5', '1 234,50 zł', '25,00 %', '22 maja 2018', '08.30']
    """
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, Decimal):
        return _decimal_text(cell)
    if isinstance(cell, date):
        return format_date(cell, "long")
    if isinstance(cell, time):
        return f"{cell:%H.%M}"
    return str(cell)


def is_number(cell: Cell) -> bool:
    """Whether a cell is a figure (aligned right): a number, an amount, a share."""
    return (isinstance(cell, int | Decimal | Fraction | Zloty | Share)
            or bool(isinstance(cell, str) and _FIGURE.match(cell)))


def to_markdown(table: ReportTable) -> str:
    """Render as a Markdown table with a ``##`` title; the notes follow, one a line."""
    def esc(cell: Cell) -> str:
        return markdown_inline(cell_text(cell))

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


def _csv_quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def csv_field(cell: Cell) -> str:
    r"""Return a cell as one field of a CSV line for a Polish spreadsheet (see :func:`to_csv`).

    >>> [csv_field(c) for c in ["1.1", "-", "=A1", 'a "b"; c', 12, Decimal("-2.5"),
    ...                          Zloty("1234.5"), date(2018, 5, 22), time(8), None]]
    ['"1.1"', '"-"', '"\'=A1"', '"a ""b""; c"', '12', '"-2,5"', '"1234,50"', '22.05.2018',
     '08:00', '']
    """
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return _csv_quoted(str(cell))
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, Decimal):
        return _csv_quoted(_decimal_text(cell))
    if isinstance(cell, Zloty):
        return _csv_quoted(_decimal_text(cell.value))
    if isinstance(cell, date):
        return format_date(cell, "numeric")
    if isinstance(cell, time):
        return f"{cell:%H:%M}"
    if isinstance(cell, Share):
        return _csv_quoted(str(cell))
    return _csv_quoted(str(csv_cell(cell)))


def to_csv(tables: ReportTable | Sequence[ReportTable]) -> str:
    """Render as CSV that opens as the same text and numbers in a Polish spreadsheet.

    What LibreOffice Calc's text import does with it (checked with Calc 7.4 in the
    Polish locale) decides the form:

    - UTF-8 with a byte order mark, ``;`` between fields, CRLF line ends.
    - Text is always in quotes. Calc's import dialog splits at commas as well as at
      semicolons unless told otherwise; a quoted field is never split.
    - Numbers use the Polish decimal comma: whole numbers bare (``12``), decimals and
      amounts in złoty quoted, without grouping or currency (``"1234,50"``,
      ``"-2,5"``): Calc reads them as numbers (unless "Format quoted field as text"
      is ticked). Shares stay text (``"84,28 %"``).
    - Dates are written ``22.05.2018`` and hours ``08:00``, bare: date and time cells
      when "Detect special numbers" is ticked, the same text when it is not (Calc's
      default).
    - Text that looks like a number or a date (activity numbers ``1.1``, months
      ``2018-05``, ``-``) stays text with Calc's defaults. With "Detect special
      numbers" ticked Calc turns ``1.1`` into a date whatever the quotes, unless
      "Format quoted field as text" is ticked too; ``="1.1"`` is no way out (Calc
      imports formulas as their text by default). A workbook
      (:func:`opsreform.reports.xlsx.to_xlsx`) keeps every type whatever the settings.
    - A text cell that could start a formula gets a leading ``'``
      (:func:`opsreform.reports._escape.csv_cell`).

    One table is written as its header row and its rows, with no title row above (a
    title in the first cell would widen the first column). Several tables follow one
    another, each led by a row holding its title alone and separated by an empty row.
    Notes are not written.
    """
    items = [tables] if isinstance(tables, ReportTable) else list(tables)
    lines = []
    for n, table in enumerate(items):
        if len(items) > 1:
            if n:
                lines.append("")
            lines.append(csv_field(table.title))
        lines.append(";".join(csv_field(h) for h in table.headers))
        lines.extend(";".join(csv_field(c) for c in row) for row in table.rows)
    return "\ufeff" + "".join(line + "\r\n" for line in lines)


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
