"""PDF of a printed page, through WeasyPrint (the ``pdf`` extra).

WeasyPrint lays out the same HTML page that a browser prints (:mod:`opsreform.reports.html`,
A4 landscape, page numbers at the bottom right). It needs the Pango library of the
system besides the Python package (on Debian: ``apt-get install libpango-1.0-0
libpangoft2-1.0-0``); without either, :func:`to_pdf` raises an ``ImportError`` that says
what to install.

The page fetches nothing: its logo is embedded as a ``data:`` URI, and WeasyPrint is
allowed ``data:`` URLs only, so a template that names a file or a web address cannot
make the PDF read it.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["to_pdf"]

_INSTALL = ("the PDF output needs the 'pdf' extra (pip install 'opsreform[pdf]') and the "
            "Pango library of the system (Debian: apt-get install libpango-1.0-0 "
            "libpangoft2-1.0-0)")


def _weasyprint() -> Any:
    try:
        return importlib.import_module("weasyprint")
    except (ImportError, OSError) as exc:  # OSError: the package is there, Pango is not
        raise ImportError(f"{_INSTALL}: {exc}") from exc


def to_pdf(html: str) -> bytes:
    """Return the PDF of an HTML page (as :mod:`opsreform.reports.html` writes them).

    Raises:
        ImportError: When WeasyPrint or the Pango library is not installed.

    """
    weasyprint = _weasyprint()
    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",))
    document = weasyprint.HTML(string=html, url_fetcher=fetcher)
    return bytes(document.write_pdf())
