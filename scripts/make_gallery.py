"""Rebuild docs/gallery.md and its images from the bundled examples.

Run: ``.venv/bin/python scripts/make_gallery.py``. The tests check that the committed
gallery is what this script writes, so it cannot go stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from opsreform import load_project
from opsreform.model.project import Project
from opsreform.reports.chart import write_chart
from opsreform.reports.cli import build_report

ROOT = Path(__file__).resolve().parent.parent


def _section(project: Project, kind: str) -> str:
    """A Markdown report without its title, its headings one level down (under ours)."""
    return build_report(project, kind, "md").split("\n", 2)[2].replace("## ", "### ")


def gallery(*, write_images: bool = True) -> str:
    """Return the text of docs/gallery.md (and write the chart images when asked)."""
    examples = ROOT / "examples"
    tg = load_project(examples / "tarnowskie-gory.toml")
    mich = load_project(examples / "michalowice.toml")
    nied = load_project(examples / "niedrzwica-duza.toml")
    if write_images:
        write_chart(mich, ROOT / "docs" / "img" / "michalowice-gantt.svg")
        write_chart(tg, ROOT / "docs" / "img" / "tarnowskie-gory-sessions.svg")
    parts = [
        "# Gallery",
        "",
        "Every report below is made from the bundled examples by "
        "`scripts/make_gallery.py`; the Markdown output is shown as it renders. The same "
        "reports come as a standalone HTML page (`--format html`) and as CSV for a Polish "
        "spreadsheet (`--format csv`).",
        "",
        "## The published schedule — `opsreform report examples/tarnowskie-gory.toml "
        "--kind schedule`",
        "",
        _section(tg, "schedule"),
        "## The activity table — `--kind activities` (Michałowice)",
        "",
        _section(mich, "activities"),
        "## The activity chart — `opsreform chart examples/michalowice.toml -o chart.svg`",
        "",
        "![Gantt chart of the Michałowice harmonogram](img/michalowice-gantt.svg)",
        "",
        "## The sessions on the time line — `opsreform chart examples/tarnowskie-gory.toml "
        "-o chart.svg`",
        "",
        "A row per kind of session; the summer break the project declares is shaded.",
        "",
        "![Sessions of Tarnowskie Góry by kind](img/tarnowskie-gory-sessions.svg)",
        "",
        "## Budget and funding — `--kind budget` (Niedrzwica Duża)",
        "",
        _section(nied, "budget"),
        "## Contract progress — `--kind contracts` (Tarnowskie Góry)",
        "",
        _section(tg, "contracts"),
        "## Findings — `--kind findings` (Tarnowskie Góry)",
        "",
        _section(tg, "findings"),
        "## The organisation chart — `--kind organisation --format text`",
        "",
        "```text",
        build_report(tg, "organisation", "text").rstrip(),
        "```",
        "",
    ]
    return "\n".join(parts)


def main() -> int:
    """Write docs/gallery.md."""
    (ROOT / "docs" / "gallery.md").write_text(gallery(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
