"""The PDF of a printed page (the ``pdf`` extra): made when WeasyPrint loads, else a clear error."""

from __future__ import annotations

import importlib
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from opsreform.cli import main
from opsreform.model.project import Project
from opsreform.reports import pdf
from opsreform.reports.html import schedule_page
from tests.conftest import EXAMPLES


def _weasyprint_loads() -> bool:
    try:
        importlib.import_module("weasyprint")
    except (ImportError, OSError):  # not installed, or installed without Pango
        return False
    return True


needs_weasyprint = pytest.mark.skipif(not _weasyprint_loads(),
                                      reason="WeasyPrint (the pdf extra) or Pango is missing")


@needs_weasyprint
def test_schedule_pdf(tmp_path: Path, examples: dict[str, Project]) -> None:
    """The wall schedule as PDF: a PDF file whose text has the title, dates and funding line."""
    data = pdf.to_pdf(schedule_page(examples["tarnowskie-gory"]))
    assert data.startswith(b"%PDF-")
    if shutil.which("pdftotext") is None:  # pragma: no cover - poppler-utils is optional
        return
    path = tmp_path / "s.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Nowy Model - Lepsza Jakość" in text
    assert "12 czerwca 2018" in text and "08.00 - 11.00" in text
    assert "Europejskiego Funduszu Społecznego" in text


@needs_weasyprint
def test_report_command_pdf(tmp_path: Path) -> None:
    """`opsreform report --format pdf -o FILE` writes a PDF (the findings page here)."""
    out = tmp_path / "f.pdf"
    assert main(["report", str(EXAMPLES / "tarnowskie-gory.toml"), "--kind", "findings",
                 "--format", "pdf", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("failure", [ImportError("No module named 'weasyprint'"),
                                     OSError("cannot load library 'libpango-1.0-0'")])
def test_missing_weasyprint_or_pango_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        failure: Exception) -> None:
    """Without WeasyPrint or Pango: an ImportError naming the extra and the library."""
    real = importlib.import_module

    def import_module(name: str, *args: Any) -> Any:
        if name == "weasyprint":
            raise failure
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", import_module)
    with pytest.raises(ImportError, match=r"opsreform\[pdf\].*Pango"):
        pdf.to_pdf("<p>x</p>")
    assert main(["report", str(EXAMPLES / "swilcza.toml"), "--format", "pdf"]) == 2
    assert "pip install 'opsreform[pdf]'" in capsys.readouterr().err
