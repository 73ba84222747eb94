r"""Workbooks (``.xlsx``) of report tables: typed cells, one sheet per table, ready to print.

Each :class:`~opsreform.reports.tables.ReportTable` becomes a sheet whose first row is
the header (bold, frozen, repeated on every printed page) and whose cells keep their
types (see :data:`~opsreform.reports.tables.Cell`):

- :class:`~datetime.date` → a date cell shown ``dd.mm.yyyy``; :class:`~datetime.time`
  → a time cell shown ``hh:mm``;
- :class:`~opsreform.reports.tables.Zloty` → a number in złoty format
  (``1 234,50 zł`` in a Polish Excel or Calc); :class:`~opsreform.reports.tables.Share`
  → a number in percent format; ``int`` and :class:`~decimal.Decimal` → numbers;
- ``str`` → a string cell with a quote prefix, so activity numbers (``1.1``), ids, ``-``
  and months stay text even when the cell is edited. Strings are never written as
  formulas: ``=1+2`` in a title is text. Control characters become spaces
  (:func:`opsreform.reports._escape.workbook_text`).

Sheets print on A4 landscape, one page wide, with the table's title at the top of each
page and page numbers at the bottom; columns get widths from their contents. The sheet
is named by the table's ``name`` (or its title): at most 31 characters, none of
``[]:*?/\``, unique in the workbook. The notes follow the table after an empty row.
The file holds no creation time: the same tables give the same bytes.

>>> from datetime import date
>>> from opsreform.reports.tables import ReportTable, Zloty
>>> table = ReportTable("Budżet", ["Lp.", "Kwota", "Data"], [[1, Zloty("12.5"), date(2018, 5, 22)]])
>>> to_xlsx(table)[:2]
b'PK'
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

import xlsxwriter

from opsreform.reports._escape import one_line, workbook_text
from opsreform.reports._lang import Lang
from opsreform.reports.tables import Cell, ReportTable, Share, Zloty, cell_text, csv_field

__all__ = ["DATE_FORMAT", "PAPER_A4", "SHARE_FORMAT", "TIME_FORMAT", "ZLOTY_FORMAT",
           "sheet_names", "to_xlsx"]

DATE_FORMAT = "dd.mm.yyyy"
"""The number format of date cells."""
TIME_FORMAT = "hh:mm"
"""The number format of time cells."""
ZLOTY_FORMAT = '#,##0.00 "zł"'
"""The number format of amounts: grouped thousands, two decimals, the currency after."""
SHARE_FORMAT = "0.00%"
"""The number format of shares (``84,28%`` in a Polish spreadsheet)."""
PAPER_A4 = 9
"""Excel's number for A4 paper."""

_SHEET_NAME_LIMIT = 31
_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
_RESERVED_SHEET_NAMES = frozenset({"history"})  # Excel keeps it for change tracking
_MIN_WIDTH, _MAX_WIDTH = 6, 60
_HEADER_LIMIT = 255  # UTF-16 units of a page header, codes included
# The zip members of xlsxwriter carry 1980-01-01; the document's properties the same.
_NO_TIME = datetime(1980, 1, 1, tzinfo=UTC)


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-16 units (never inside a character)."""
    units = 0
    for end, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:end]
    return text


def sheet_names(wanted: Sequence[str]) -> list[str]:
    r"""Return valid, unique sheet names for the names ``wanted``, in order.

    A name keeps its text but for what Excel refuses: ``[]:*?/\`` and control
    characters become spaces, apostrophes at either end and blanks are dropped, and it
    is cut to 31 characters; an empty one becomes ``Arkusz``; a repeated one (Excel
    compares without case) or ``History`` gets a number.

    >>> sheet_names(["Umowa sup: Superwizja", "umowa SUP: superwizja", "'[]'", "History"])
    ['Umowa sup Superwizja', 'umowa SUP superwizja (2)', 'Arkusz', 'History (2)']
    """
    names: list[str] = []
    taken: set[str] = set()
    for text in wanted:
        clean = " ".join(_FORBIDDEN_IN_SHEET_NAME.sub(" ", one_line(text)).split())
        base = _cut(clean, _SHEET_NAME_LIMIT).strip().strip("'").strip() or "Arkusz"
        name, n = base, 1
        while name.casefold() in taken or name.casefold() in _RESERVED_SHEET_NAMES:
            n += 1
            suffix = f" ({n})"
            name = _cut(base, _SHEET_NAME_LIMIT - len(suffix)).rstrip().rstrip("'") + suffix
        taken.add(name.casefold())
        names.append(name)
    return names


def _page_header(title: str) -> str:
    """A page header showing ``title`` in the centre, its ``&`` codes escaped."""
    text = _cut(one_line(title).strip(), 200)
    escaped = text.replace("&", "&&")
    # xlsxwriter counts "&G" (a picture) even after "&&"; a title with one keeps its
    # ampersands as the full-width sign rather than losing its header.
    if "&G" in escaped.replace("&[Picture]", "&G"):
        escaped = text.replace("&", "\uff06")
    return _cut("&C" + escaped, _HEADER_LIMIT)


def _shown(cell: Cell) -> str:
    """The text a spreadsheet shows for ``cell`` (for column widths)."""
    if isinstance(cell, date | time | int | Decimal) and not isinstance(cell, bool):
        return csv_field(cell).strip('"')
    return cell_text(cell)


def _width(texts: list[str]) -> float:
    longest = max((len(line) for text in texts for line in text.split("\n")), default=0)
    return float(min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH))


class _Formats:
    """The cell formats of one workbook, by kind of cell."""

    def __init__(self, book: Any) -> None:
        base = {"border": 1, "valign": "top", "font_size": 10}
        self.header = book.add_format({**base, "bold": True, "bg_color": "#E8E8E8",
                                       "text_wrap": True})
        self.text = book.add_format({**base, "text_wrap": True, "quote_prefix": True})
        self.blank = book.add_format(base)
        self.number = book.add_format({**base, "num_format": "General"})
        self.date = book.add_format({**base, "num_format": DATE_FORMAT, "align": "left"})
        self.time = book.add_format({**base, "num_format": TIME_FORMAT, "align": "left"})
        self.zloty = book.add_format({**base, "num_format": ZLOTY_FORMAT})
        self.share = book.add_format({**base, "num_format": SHARE_FORMAT})
        self.note = book.add_format({"font_size": 10, "italic": True, "quote_prefix": True})


def _write_cell(sheet: Any, row: int, col: int, cell: Cell, formats: _Formats) -> None:
    if cell is None:
        sheet.write_blank(row, col, None, formats.blank)
    elif isinstance(cell, str):
        sheet.write_string(row, col, workbook_text(cell), formats.text)
    elif isinstance(cell, bool):
        sheet.write_string(row, col, str(cell), formats.text)
    elif isinstance(cell, int | Decimal):
        sheet.write_number(row, col, float(cell), formats.number)
    elif isinstance(cell, Zloty):
        sheet.write_number(row, col, float(cell.value), formats.zloty)
    elif isinstance(cell, Share):
        sheet.write_number(row, col, float(cell.value), formats.share)
    elif isinstance(cell, datetime):
        sheet.write_datetime(row, col, cell.replace(tzinfo=None), formats.date)
    elif isinstance(cell, date):
        sheet.write_datetime(row, col, cell, formats.date)
    elif isinstance(cell, time):
        sheet.write_datetime(row, col, cell.replace(tzinfo=None), formats.time)
    else:  # not a Cell; written as its text
        sheet.write_string(row, col, workbook_text(str(cell)), formats.text)


def _write_sheet(book: Any, name: str, table: ReportTable, formats: _Formats, lang: Lang
                 ) -> None:
    sheet = book.add_worksheet(name)
    columns = max(len(table.headers), max((len(r) for r in table.rows), default=0), 1)
    for col, header in enumerate(table.headers):
        sheet.write_string(0, col, workbook_text(header), formats.header)
    for n, row in enumerate(table.rows, start=1):
        for col, cell in enumerate(row):
            _write_cell(sheet, n, col, cell, formats)
    for col in range(columns):
        texts = [_shown(row[col]) for row in table.rows if col < len(row)]
        header = table.headers[col] if col < len(table.headers) else ""
        # A header wraps between its words; the widest word must fit.
        words = [max(header.split(), key=len, default="")]
        sheet.set_column(col, col, _width(texts + words))
    last = len(table.rows)
    for k, note in enumerate(table.notes):
        sheet.write_string(last + 2 + k, 0, workbook_text(note), formats.note)
    sheet.freeze_panes(1, 0)
    if table.rows and table.headers:
        sheet.autofilter(0, 0, last, len(table.headers) - 1)
    sheet.set_landscape()
    sheet.set_paper(PAPER_A4)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    sheet.set_header(_page_header(table.title))
    sheet.set_footer("&CStrona &P z &N" if lang == "pl" else "&CPage &P of &N")


def to_xlsx(tables: ReportTable | Sequence[ReportTable], *, title: str | None = None,
            lang: Lang = "pl") -> bytes:
    """Return a workbook with one sheet per table.

    Args:
        tables: The tables, in the order of their sheets (with no table, one empty
            sheet ``Arkusz1``: a workbook has at least one).
        title: The document's title (its properties); the first table's title when None.
        lang: The language of the page footer (``Strona 1 z 2``).

    Returns:
        The ``.xlsx`` file's bytes.

    """
    items = [tables] if isinstance(tables, ReportTable) else list(tables)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                     "strings_to_numbers": False, "strings_to_urls": False})
    doc_title = title if title is not None else (items[0].title if items else "")
    book.set_properties({"title": _cut(one_line(doc_title), 255), "created": _NO_TIME,
                         "author": "opsreform"})
    formats = _Formats(book)
    names = sheet_names([t.name if t.name is not None else t.title for t in items])
    for name, table in zip(names, items, strict=True):
        _write_sheet(book, name, table, formats, lang)
    if not items:  # a workbook has at least one sheet
        book.add_worksheet("Arkusz1" if lang == "pl" else "Sheet1")
    book.close()
    return out.getvalue()

