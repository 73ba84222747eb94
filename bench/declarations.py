"""What the peers read from the project files themselves (TOML, with ``tomllib``).

Both peers (``peer_polars.py``, ``peer_duckdb.py``) read the declarations of each project
file here, as plain rows — projects, closed days, breaks, contracts, tables, venues —
and read the session tables with their own engine. Also shared: how a table's columns
are named by their headers, the stems that name a session's kind in its title, and the
JSON the peers print.

A peer implements what the benchmark's files use and refuses the rest (inline
sessions, activities, rule settings, breaks that follow the school holidays), so that a
file it cannot judge is never counted as a file without findings.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from peak import peak_bytes

RULES = ("summer-break", "public-holiday", "weekend", "outside-period", "double-booking",
         "hours-exceeded", "numbering")
"""The schedule rules the peers apply, by their opsreform ids."""
MINUTES_PER = {"lesson_hour": 45, "hour": 60, "minute": 1}
SLOT = r"(\d{1,2})[.:](\d{2})\s*-\s*(\d{1,2})[.:](\d{2})"
"""A time slot as written in a table (``08.00 - 11.00``), its four numbers as groups."""
DATE = r"\d{1,2}\.\d{1,2}\.\d{4}"
"""A date as written in a table (``22.05.2018``)."""
STEMS = (("superwizj", "supervision"), ("warsztat", "workshop"), ("wizyt", "study-visit"),
         ("doradztw", "expert-advice"), ("szkoleni", "training"))
"""A title names its kind by one of these stems, folded (the first that occurs wins)."""
FOLD_FROM, FOLD_TO = "ąćęłńóśźż", "acelnoszz"

_KEYS = {"format", "title", "beneficiary", "goal", "period", "calendar", "breaks", "people",
         "venues", "contracts", "tables", "sources", "milestones"}
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
# Columns found by their headers (folded, without a final dot), as the table reader does.
_COLUMNS = (
    ("number", ("lp", "nr", "number", "no")),
    ("kind", ("kind", "rodzaj wsparcia", "typ")),
    ("title", ("rodzaj dzialania", "nazwa", "temat", "title", "tytul", "rodzaj")),
    ("date", ("data", "date", "termin")),
    ("slots", ("godzin", "hours", "slots", "czas")),
    ("address", ("adres", "address", "miejsce")),
    ("venue", ("venue", "sala")),
    ("leaders", ("leaders", "prowadz", "trener", "superwizor")),
    ("contract", ("contract", "umowa")),
    ("activity", ("activity", "dzialanie nr", "zadanie")),
    ("headcount", ("headcount", "uczestnicy", "liczba")),
    ("status", ("status",)),
    ("id", ("id",)),
)
_FOLD = str.maketrans(FOLD_FROM + FOLD_FROM.upper(), FOLD_TO + FOLD_TO.upper())


def canonical(header: str) -> str | None:
    """The column a table header names (``Lp.`` → ``number``), or None."""
    name = re.sub(r"<[^>]+>", "", header).translate(_FOLD).lower().strip().rstrip(".")
    for column, stems in _COLUMNS:
        if any(name == stem or name.startswith(stem) for stem in stems):
            return column
    return None


def address_key(text: str) -> str:
    """An address reduced to lower case without commas or repeated spaces."""
    return " ".join(text.lower().replace(",", " ").split())


def _dates(text: str) -> list[date]:
    return [date(int(y), int(m), int(d)) for d, m, y in _DATE.findall(text)]


def _one_date(text: str | None) -> date | None:
    if text is None:
        return None
    found = _dates(text)
    if len(found) != 1:
        raise ValueError(f"expected one date, got {text!r}")
    return found[0]


def _span(text: str | None) -> tuple[date | None, date | None]:
    if text is None:
        return None, None
    found = _dates(text)
    if len(found) != 2:
        raise ValueError(f"expected a period dd.mm.yyyy - dd.mm.yyyy, got {text!r}")
    return found[0], found[1]


@dataclass
class Declarations:
    """The declarations of every project file of a folder, as rows (dicts).

    A project is named by its file's name (``pid``); a table's file by its path as
    written here (``path``), which is how the peers join table rows to their table.
    """

    files: list[Path] = field(default_factory=list)
    projects: list[dict[str, Any]] = field(default_factory=list)
    closed: list[dict[str, Any]] = field(default_factory=list)
    breaks: list[dict[str, Any]] = field(default_factory=list)
    contracts: list[dict[str, Any]] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    venues: list[dict[str, Any]] = field(default_factory=list)

    def read(self, path: Path) -> None:
        """Add the declarations of one project file."""
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        pid = path.name
        unknown = set(data) - _KEYS
        if unknown:
            raise NotImplementedError(f"{pid}: the peers do not read {sorted(unknown)}")
        self.files.append(path)
        start, end = _span(data.get("period"))
        calendar = data.get("calendar", {})
        working = calendar.get("working_weekdays", [0, 1, 2, 3, 4])
        self.projects.append({"pid": pid, "start": start, "end": end,
                              "off": [d for d in range(7) if d not in working]})
        # Closed days and days given in lieu of a Saturday holiday are days off alike.
        self.closed.extend({"pid": pid, "day": _one_date(d)}
                           for d in [*calendar.get("closed", []),
                                     *calendar.get("days_in_lieu", {}).values()])
        for n, item in enumerate(data.get("breaks", [])):
            if item.get("follow_school_holidays"):
                raise NotImplementedError(f"{pid}: breaks that follow the school holidays")
            self.breaks.extend({"pid": pid, "bno": n, "kind": kind, "month": month,
                                "years": item.get("years")}
                               for kind in item["kinds"] for month in item.get("months", [7, 8]))
        for item in data.get("contracts", []):
            opens, closes = _span(item.get("period"))
            hours = item.get("hours")
            limit = None if hours is None else Fraction(str(hours))
            self.contracts.append({
                "pid": pid, "contract": item["id"], "signed": _one_date(item.get("signed")),
                "opens": opens, "closes": closes or _one_date(item.get("ends")),
                "hours_num": None if limit is None else limit.numerator,
                "hours_den": None if limit is None else limit.denominator,
                "per_unit": MINUTES_PER[item.get("unit", "hour")],
                "limit_sessions": item.get("sessions"),
                "contract_leaders": item.get("leaders", [])})
        self.tables.extend({"path": str(path.parent / item["file"]), "pid": pid,
                            "table": item["id"], "table_kind": item.get("kind"),
                            "table_contract": item.get("contract")}
                           for item in data.get("tables", []))
        self.venues.extend({"pid": pid, "key": address_key(v["address"]), "venue_id": v["id"]}
                           for v in data.get("venues", []) if "address" in v)


def read_folder(folder: Path) -> Declarations:
    """Read the declarations of every ``*.toml`` file of ``folder``, in name order."""
    found = Declarations()
    for path in sorted(folder.glob("*.toml")):
        found.read(path)
    return found


def report(rows: list[tuple[str, str, int]], *, sessions: int, files: int,
           seconds: float, read_s: float, cpu: float, **extra: Any) -> str:
    """The JSON a peer prints, from its ``(pid, rule, findings)`` rows."""
    per_rule = dict.fromkeys(RULES, 0)
    per_file: dict[str, dict[str, int]] = {}
    for pid, rule, n in rows:
        per_rule[rule] += n
        per_file.setdefault(pid, {})[rule] = n
    return json.dumps({
        "sessions": sessions, "files": files, "peer_s": round(seconds, 3),
        "peer_read_s": round(read_s, 3), "peer_cpu_s": round(cpu, 3),
        "peak_bytes": peak_bytes(), **extra, "per_rule": per_rule, "per_file": per_file})
