"""Session tables kept as spreadsheets: Excel (``.xlsx``, ``.xls``) and OpenDocument (``.ods``).

Coordinators keep harmonograms in a spreadsheet. A sheet is read into rows of cell
texts, the same rows a CSV table gives, so it has the same columns and the same
row-level errors; a row's "line" is its row number in the sheet (1 for the first row,
as the spreadsheet shows it). Typed cells are written back in the Polish forms the
readers take: a date cell as ``22.05.2018``, a time cell as ``08.00``, a whole number
(``1.0`` in the file) as ``1``. The files are read by calamine (``python-calamine``),
which reads every one of these formats without running anything in them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import python_calamine

from opsreform.exceptions import ProjectFileError
from opsreform.text.dates import format_date

__all__ = ["SHEET_SUFFIXES", "sheet_rows"]

SHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
"""The file name endings read as spreadsheets (others are Markdown or CSV)."""

MAX_ROWS = 200_000
"""The most rows a sheet may have: more is not a session table of one project."""

MAX_UNPACKED = 256 * 1024 * 1024
"""The most bytes the parts of an .xlsx or .ods archive may unpack to (a zip bomb is not)."""


def sheet_rows(data: bytes, *, path: str, sheet: str | None = None,
               ) -> Iterator[tuple[int, list[str]]]:
    """Yield the non-empty rows of one sheet as ``(row number, cell texts)``.

    Args:
        data: The file's bytes.
        path: The file name, for error messages.
        sheet: The sheet's name; by default the first sheet.

    Raises:
        ProjectFileError: The bytes are not a spreadsheet, the sheet is missing, or it
            is too large; the message names the file (and the sheet).

    """
    _check_archive(data, path)
    try:
        book = python_calamine.CalamineWorkbook.from_object(io.BytesIO(data))
    except Exception:
        # Nothing of the file is echoed: it may not be ours to show.
        raise ProjectFileError("not a spreadsheet calamine can read (xlsx, xls or ods), or a "
                               "damaged one", path=path) from None
    names = list(book.sheet_names)
    if not names:
        raise ProjectFileError("the workbook has no sheet", path=path)
    if sheet is None:
        sheet = names[0]
    elif sheet not in names:
        listed = ", ".join(repr(n) for n in names[:10])
        raise ProjectFileError(f"the workbook has no sheet {sheet!r}; its sheets: {listed}",
                               path=path)
    try:
        found = book.get_sheet_by_name(sheet)
        if found.height > MAX_ROWS:
            msg = f"sheet {sheet!r} has {found.height} rows; a session table has at most {MAX_ROWS}"
            raise ProjectFileError(msg, path=path)
        # From A1, so that the position in the list is the row number people see.
        rows = found.to_python(skip_empty_area=False)
    except ProjectFileError:
        raise
    except Exception:
        raise ProjectFileError(f"sheet {sheet!r} cannot be read (a damaged file?)",
                               path=path) from None
    for number, cells in enumerate(rows, start=1):
        texts = [_text(cell) for cell in cells]
        while texts and not texts[-1]:
            texts.pop()
        if any(texts):
            yield number, texts


def _check_archive(data: bytes, path: str) -> None:
    """Refuse an .xlsx or .ods archive whose parts would unpack past :data:`MAX_UNPACKED`.

    The sizes are read from the archive's directory, before anything is unpacked; a
    part that claims less than it holds is cut off by calamine's own checks.
    """
    if not data.startswith(b"PK"):
        return  # not a zip archive: an .xls, or not a spreadsheet (calamine says so)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ProjectFileError("a damaged spreadsheet (its zip archive cannot be read)",
                               path=path) from None
    if unpacked > MAX_UNPACKED:
        msg = (f"the spreadsheet unpacks to {unpacked} bytes, more than the "
               f"{MAX_UNPACKED} a session table may take")
        raise ProjectFileError(msg, path=path)


def _text(cell: object) -> str:
    """A cell's value as the text a CSV cell would hold."""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):  # before int: a bool is an int
        return "PRAWDA" if cell else "FAŁSZ"
    if isinstance(cell, datetime):
        if cell.time() == time(0):
            return format_date(cell.date())
        return f"{format_date(cell.date())} {cell:%H.%M}"
    if isinstance(cell, date):
        return format_date(cell)
    if isinstance(cell, time):
        return f"{cell:%H.%M}"
    if isinstance(cell, timedelta):  # a duration cell, e.g. 03:00
        minutes = int(cell.total_seconds()) // 60
        return f"{minutes // 60:02d}.{minutes % 60:02d}"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else str(cell).replace(".", ",")
    if isinstance(cell, int):
        return str(cell)
    return "" if cell is None else str(cell).strip()
