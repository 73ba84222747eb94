"""Rebuild docs/gallery.md and its images from the bundled examples.

Run: ``.venv/bin/python scripts/make_gallery.py``. The tests check that the committed
gallery is what this script writes, so it cannot go stale.

The pictures are PNG files in docs/img/: the charts drawn by matplotlib, and the HTML
pages photographed by Chromium in headless mode (``chromium --headless --screenshot``,
1400 × 1000, the top of the page) when it is installed; without Chromium those pictures
are left as they are, and the script says so. Each picture is cut to what was drawn and
reduced to a palette of colours, so that it stays under 200 KB.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

from opsreform import load_project
from opsreform.model.project import Project
from opsreform.reports.calendar_chart import write_calendar
from opsreform.reports.chart import write_chart
from opsreform.reports.cli import build_report
from opsreform.reports.orgchart import render_orgchart_svg

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"
LIMIT = 200 * 1024  # bytes a picture may take in the repository
_BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _shrink(source: Path, target: Path) -> None:
    """Cut the white margin off a PNG, reduce it to a palette, write it to ``target``."""
    with Image.open(source) as image:
        rgb = image.convert("RGB")
    box = ImageChops.difference(rgb, Image.new("RGB", rgb.size, "white")).getbbox()
    if box is not None:
        left, top, right, bottom = box
        rgb = rgb.crop((max(left - 12, 0), max(top - 12, 0), min(right + 12, rgb.width),
                        min(bottom + 12, rgb.height)))
    for colours in (128, 64, 32):
        rgb.quantize(colors=colours, dither=Image.Dither.NONE).save(target, optimize=True)
        if target.stat().st_size <= LIMIT:
            return
    msg = f"{target.name} is {target.stat().st_size} bytes, more than {LIMIT}"
    raise RuntimeError(msg)


def _chart(draw: object, project: Project, name: str, **options: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        drawn = Path(tmp) / "chart.png"
        draw(project, drawn, **options)  # type: ignore[operator]
        _shrink(drawn, IMG / name)


def _photograph(html: str, name: str) -> bool:
    """Photograph an HTML page with headless Chromium; False when it is not installed."""
    browser = next((b for b in map(shutil.which, _BROWSERS) if b is not None), None)
    if browser is None:
        print(f"no Chromium: {name} is left as it is", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as tmp:
        page, shot = Path(tmp) / "page.html", Path(tmp) / "shot.png"
        page.write_text(html, encoding="utf-8")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", f"--screenshot={shot}",
                        "--window-size=1400,1000", page.as_uri()],
                       check=True, capture_output=True, timeout=180)
        _shrink(shot, IMG / name)
    return True


def _section(project: Project, kind: str) -> str:
    """A Markdown report without its title, its headings one level down (under ours)."""
    return build_report(project, kind, "md").split("\n", 2)[2].replace("## ", "### ")


def _images(tg: Project, mich: Project, nied: Project) -> None:
    """Draw the charts and photograph the pages of the gallery into docs/img/."""
    IMG.mkdir(exist_ok=True)
    _chart(write_chart, mich, "michalowice-gantt.png")
    _chart(write_chart, tg, "tarnowskie-gory-gantt.png")
    _chart(write_calendar, tg, "tarnowskie-gory-calendar.png")
    pages = {
        "tarnowskie-gory-schedule.png": build_report(tg, "schedule", "html"),
        "tarnowskie-gory-findings.png": build_report(tg, "findings", "html"),
        "tarnowskie-gory-contracts.png": build_report(tg, "contracts", "html"),
        "niedrzwica-duza-budget.png": build_report(nied, "budget", "html"),
        "tarnowskie-gory-sl2014.png": build_report(tg, "sl2014", "html"),
    }
    organisation = tg.organisation
    if organisation is not None and organisation.after is not None:
        svg = render_orgchart_svg(organisation.after, title="Struktura po zmianie")
        pages["tarnowskie-gory-organisation.png"] = (
            '<!doctype html><html lang="pl"><meta charset="utf-8"><body>'
            f"{svg}</body></html>")
    for name, html in pages.items():
        _photograph(html, name)


def _picture(alt: str, name: str) -> str:
    return f"![{alt}](img/{name})\n"


def gallery(*, write_images: bool = True) -> str:
    """Return the text of docs/gallery.md (and draw its pictures when asked)."""
    examples = ROOT / "examples"
    tg = load_project(examples / "tarnowskie-gory.toml")
    mich = load_project(examples / "michalowice.toml")
    nied = load_project(examples / "niedrzwica-duza.toml")
    if write_images:
        _images(tg, mich, nied)
    parts = [
        "# Gallery",
        "",
        "Every report below is made from the bundled examples by "
        "`scripts/make_gallery.py`: a picture of each kind (the printed HTML page, "
        "photographed by a browser, or the chart), then, for the tables, the Markdown "
        "output as it renders. The same reports come as a standalone HTML page "
        "(`--format html`, or `pdf`), as CSV for a Polish spreadsheet (`--format csv`) "
        "and as a workbook (`--format xlsx`).",
        "",
        "## The published schedule — `opsreform report examples/tarnowskie-gory.toml "
        "--kind schedule`",
        "",
        "The wall schedule (`--format html`): sessions with findings marked and explained "
        "under each table, the skipped number 5 as a row of its own, the declared breaks.",
        "",
        _picture("The printed schedule of Tarnowskie Góry", "tarnowskie-gory-schedule.png"),
        _section(tg, "schedule"),
        "## The activity table — `--kind activities` (Michałowice)",
        "",
        _section(mich, "activities"),
        "## The activity chart — `opsreform chart examples/michalowice.toml -o chart.png`",
        "",
        "A row per dated activity of the harmonogram; `-` items lighter.",
        "",
        _picture("Gantt chart of the Michałowice harmonogram", "michalowice-gantt.png"),
        "## The sessions on the time line — `opsreform chart "
        "examples/tarnowskie-gory.toml -o chart.png`",
        "",
        "A row per kind of session; the summer break the project declares is shaded. The "
        "project's milestones have a row of their own: here all four come before the "
        "sessions, so their numbers stand at the left edge (`◀ 1, 2, 3, 4`) and the list "
        "under the legend gives their dates.",
        "",
        _picture("Sessions and milestones of Tarnowskie Góry", "tarnowskie-gory-gantt.png"),
        "## The calendar of sessions — `opsreform chart examples/tarnowskie-gory.toml "
        "--kind calendar -o calendar.png`",
        "",
        "A month grid per month, Monday first: days coloured by the kind of their "
        "sessions, public holidays with a red corner, the declared break hatched, and the "
        "two double bookings the check finds (17 April and 12 June 2018) framed with `!` "
        "and listed under the legend. `--lang en` writes it in English.",
        "",
        _picture("Calendar of the sessions of Tarnowskie Góry",
                 "tarnowskie-gory-calendar.png"),
        "## Budget and funding — `--kind budget` (Niedrzwica Duża)",
        "",
        _picture("The budget page of Niedrzwica Duża", "niedrzwica-duza-budget.png"),
        _section(nied, "budget"),
        "## Contract progress — `--kind contracts` (Tarnowskie Góry)",
        "",
        _picture("Contract progress of Tarnowskie Góry", "tarnowskie-gory-contracts.png"),
        _section(tg, "contracts"),
        "## Findings — `--kind findings` (Tarnowskie Góry)",
        "",
        "The findings page (`--format html`): errors, warnings and notes, coloured by "
        "severity.",
        "",
        _picture("The findings page of Tarnowskie Góry", "tarnowskie-gory-findings.png"),
        _section(tg, "findings"),
        "## The organisation chart — `--kind organisation --format text`",
        "",
        "The structure after the change as a picture "
        "(`opsreform.reports.orgchart.render_orgchart_svg`), then as text:",
        "",
        _picture("Organisation chart of Tarnowskie Góry after the change",
                 "tarnowskie-gory-organisation.png"),
        "```text",
        build_report(tg, "organisation", "text").rstrip(),
        "```",
        "",
        "## SL2014 sessions — `--kind sl2014` (Tarnowskie Góry)",
        "",
        "The sessions in the columns of the SL2014 system's form, as a page (`--format "
        "html`); `--format xlsx` gives the same table as a workbook to upload.",
        "",
        _picture("SL2014 table of Tarnowskie Góry", "tarnowskie-gory-sl2014.png"),
    ]
    return "\n".join(parts)


def main() -> int:
    """Write docs/gallery.md."""
    (ROOT / "docs" / "gallery.md").write_text(gallery(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
