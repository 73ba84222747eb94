"""A second peer of opsreform's schedule rules, in DuckDB's SQL (optional: needs duckdb).

The same rules, with the same meaning, as ``bench/peer_polars.py`` (whose docstring
lists them), written as SQL over DuckDB tables: the project files' declarations are read
with ``tomllib`` (``bench/declarations.py``), the session tables with ``read_csv``, one
scan per header form (the bulk and the published forms have different columns),
``;``-separated as the benchmark writes them.

``duckdb`` is not a dependency of opsreform; ``bench/run.py`` runs this peer only when
it is installed (``pip install duckdb``).

Usage: ``python bench/peer_duckdb.py DIR`` prints the same JSON object as the polars peer.
"""

from __future__ import annotations

import argparse
import sys
import time as clock
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb
import holidays

sys.path.insert(0, str(Path(__file__).resolve().parent))

from declarations import (
    DATE,
    FOLD_FROM,
    FOLD_TO,
    SLOT,
    STEMS,
    Declarations,
    canonical,
    read_folder,
    report,
)

_SCHEMAS: dict[str, dict[str, str]] = {
    "projects": {"pid": "VARCHAR", "start": "DATE", "end": "DATE", "off": "INTEGER[]"},
    "closed": {"pid": "VARCHAR", "day": "DATE"},
    "breaks": {"pid": "VARCHAR", "bno": "INTEGER", "kind": "VARCHAR", "month": "INTEGER",
               "years": "INTEGER[]"},
    "contracts": {"pid": "VARCHAR", "contract": "VARCHAR", "signed": "DATE", "opens": "DATE",
                  "closes": "DATE", "hours_num": "BIGINT", "hours_den": "BIGINT",
                  "per_unit": "BIGINT", "limit_sessions": "BIGINT",
                  "contract_leaders": "VARCHAR[]"},
    "tables": {"path": "VARCHAR", "pid": "VARCHAR", "table": "VARCHAR",
               "table_kind": "VARCHAR", "table_contract": "VARCHAR"},
    "venues": {"pid": "VARCHAR", "key": "VARCHAR", "venue_id": "VARCHAR"},
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _load_declarations(con: duckdb.DuckDBPyConnection, declared: Declarations) -> None:
    """One table per kind of declaration, from the rows (columns passed as lists)."""
    for name, columns in _SCHEMAS.items():
        rows: list[dict[str, Any]] = getattr(declared, name)
        select = ", ".join(f"unnest(${n}::{kind}[]) AS {_quote(column)}"
                           for n, (column, kind) in enumerate(columns.items(), start=1))
        con.execute(f"CREATE TABLE {name} AS SELECT {select}",
                    [[row[column] for row in rows] for column in columns])


def _sessions(con: duckdb.DuckDBPyConnection, declared: Declarations) -> None:
    """Table ``s``: one row per row of every session table, read as the reader reads it."""
    # One scan per header form, each told its columns (no sniffing of every file).
    by_header: dict[str, list[str]] = defaultdict(list)
    for table in declared.tables:
        with open(table["path"], encoding="utf-8-sig") as handle:
            by_header[handle.readline().rstrip("\r\n")].append(table["path"])
    named: dict[str, list[str]] = {}
    scans = []
    for n, (header, paths) in enumerate(by_header.items(), start=1):
        if header.count(";") < header.count(","):
            raise NotImplementedError(f"{paths[0]}: only ';'-separated tables are read here")
        columns = header.split(";")
        for column in columns:
            found = canonical(column)
            if found is not None and _quote(column) not in named.get(found, []):
                named.setdefault(found, []).append(_quote(column))
        types = "{" + ", ".join(f"{_literal(c)}: 'VARCHAR'" for c in columns) + "}"
        scans.append(f"SELECT * FROM read_csv(${n}, delim=';', header=true, quote='\"', "
                     f"auto_detect=false, columns={types}, filename=true)")
    con.execute("CREATE TABLE raw AS " + " UNION ALL BY NAME ".join(scans),
                list(by_header.values()))

    def cell(name: str) -> str:
        raw = named.get(name)
        return "NULL" if not raw else (
            f"nullif(trim(coalesce({', '.join(raw)})), '')" if len(raw) > 1
            else f"nullif(trim({raw[0]}), '')")

    folded = f"translate(lower({cell('title')}), {_literal(FOLD_FROM)}, {_literal(FOLD_TO)})"
    from_title = "CASE " + " ".join(
        f"WHEN contains({folded}, {_literal(stem)}) THEN {_literal(kind)}"
        for stem, kind in STEMS) + " END"
    address = (f"trim(regexp_replace(replace(lower({cell('address')}), ',', ' '), "
               r"'\s+', ' ', 'g'))")
    dates = f"regexp_extract_all({cell('date')}, {_literal(DATE)})"
    con.execute(f"""
        CREATE TABLE s AS
        SELECT row_number() OVER () AS sid, t.pid, t."table" AS tbl,
               CAST(rtrim({cell('number')}, '.') AS BIGINT) AS number,
               coalesce({cell('kind')}, {from_title}, t.table_kind) AS kind,
               coalesce({cell('status')}, 'planned') AS status,
               coalesce({cell('contract')}, t.table_contract) AS contract,
               CAST(strptime({dates}[1], '%d.%m.%Y') AS DATE) AS first,
               CAST(strptime({dates}[-1], '%d.%m.%Y') AS DATE) AS last,
               regexp_extract_all(coalesce({cell('slots')}, ''), {_literal(SLOT)}) AS slots,
               CASE WHEN {cell('venue')} IS NOT NULL
                    THEN list_transform(string_split({cell('venue')}, ','), lambda x: trim(x))
                    WHEN v.venue_id IS NOT NULL THEN [v.venue_id]
                    ELSE []::VARCHAR[] END AS venues,
               CASE WHEN {cell('leaders')} IS NOT NULL
                    THEN list_transform(string_split({cell('leaders')}, ','), lambda x: trim(x))
                    END AS own_leaders
        FROM raw JOIN tables t ON raw.filename = t.path
        LEFT JOIN venues v ON v.pid = t.pid AND v.key = {address}
    """)


_VIEWS = f"""
CREATE TABLE a AS
    SELECT s.*, coalesce(s.own_leaders, c.contract_leaders, []::VARCHAR[]) AS leaders,
           len(s.slots) AS n_slots
    FROM s LEFT JOIN contracts c ON c.pid = s.pid AND c.contract = s.contract
    WHERE s.status <> 'cancelled';
CREATE TABLE slot AS
    SELECT sid,
           CAST(regexp_extract(x, '{SLOT}', 1) AS INTEGER) * 60
             + CAST(regexp_extract(x, '{SLOT}', 2) AS INTEGER) AS start,
           CAST(regexp_extract(x, '{SLOT}', 3) AS INTEGER) * 60
             + CAST(regexp_extract(x, '{SLOT}', 4) AS INTEGER) AS "end",
           CASE WHEN len(venues) = 1 THEN venues[1]
                WHEN len(venues) = n_slots THEN venues[i] END AS venue
    FROM (SELECT sid, venues, n_slots, unnest(slots) AS x, unnest(range(1, n_slots + 1)) AS i
          FROM a WHERE n_slots > 0);
CREATE TABLE days AS
    SELECT sid, pid, kind, CAST(unnest(generate_series(first, last, INTERVAL 1 DAY)) AS DATE)
           AS day
    FROM a;
"""

_RULES = {
    "public-holiday": """
        SELECT d.pid, count(*) FROM days d
        LEFT JOIN (SELECT DISTINCT pid, day FROM closed) c ON c.pid = d.pid AND c.day = d.day
        LEFT JOIN public h ON h.day = d.day
        WHERE c.pid IS NOT NULL OR h.day IS NOT NULL GROUP BY d.pid""",
    "weekend": """
        SELECT d.pid, count(*) FROM days d
        JOIN (SELECT pid, unnest(off) AS off FROM projects) o
          ON o.pid = d.pid AND o.off = isodow(d.day) - 1
        GROUP BY d.pid""",
    "summer-break": """
        SELECT pid, count(*) FROM (
            SELECT DISTINCT d.pid, d.sid, b.bno FROM days d
            JOIN breaks b ON b.pid = d.pid AND b.kind = d.kind AND b.month = month(d.day)
            WHERE b.years IS NULL OR list_contains(b.years, year(d.day)))
        GROUP BY pid""",
    "outside-period": """
        SELECT pid, sum(n) FROM (
            SELECT a.pid,
                   CAST(coalesce(a.first < p.start OR a.last > p."end", false) AS INTEGER)
                   + CAST(coalesce(a.first < c.signed, false)
                          OR coalesce(a.first < c.opens, false) AS INTEGER)
                   + CAST(coalesce(a.last > c.closes, false) AS INTEGER) AS n
            FROM a JOIN projects p ON p.pid = a.pid
            LEFT JOIN contracts c ON c.pid = a.pid AND c.contract = a.contract
            UNION ALL  -- the note: no project period
            SELECT pid, 1 FROM projects WHERE start IS NULL
                AND pid IN (SELECT pid FROM a))
        GROUP BY pid HAVING sum(n) > 0""",
    "double-booking": """
        WITH shared AS (SELECT pid, day FROM days GROUP BY pid, day HAVING count(*) > 1),
        d AS (SELECT days.sid, days.pid, days.day FROM days
              JOIN shared ON shared.pid = days.pid AND shared.day = days.day),
        timed AS (SELECT d.*, slot.start, slot."end", slot.venue FROM d
                  JOIN slot ON slot.sid = d.sid),
        untimed AS (SELECT d.*, 0 AS start, 24 * 60 AS "end" FROM d
                    WHERE d.sid NOT IN (SELECT sid FROM slot)),
        people AS (SELECT sid, unnest(leaders) AS person FROM a),
        bookings AS (
            SELECT pid, day, sid, start, "end", 'venue:' || venue AS resource FROM timed
            WHERE venue IS NOT NULL
            UNION ALL
            SELECT t.pid, t.day, t.sid, t.start, t."end", 'person:' || people.person
            FROM (SELECT pid, day, sid, start, "end" FROM timed UNION ALL
                  SELECT pid, day, sid, start, "end" FROM untimed) t
            JOIN people ON people.sid = t.sid)
        SELECT pid, count(*) FROM (
            SELECT DISTINCT x.pid, x.resource, x.sid, y.sid FROM bookings x
            JOIN bookings y ON y.pid = x.pid AND y.day = x.day AND y.resource = x.resource
            WHERE x.sid < y.sid AND x.start < y."end" AND y.start < x."end")
        GROUP BY pid""",
    "hours-exceeded": """
        SELECT pid, sum(n) FROM (
            SELECT t.pid,
                   CAST(c.hours_num IS NULL AND c.limit_sessions IS NULL AS INTEGER)
                   + CAST(coalesce(t.count > c.limit_sessions, false) AS INTEGER)
                   + CAST(coalesce(t.minutes * c.hours_den > c.hours_num * c.per_unit, false)
                          AS INTEGER)
                   + CAST(c.hours_num IS NOT NULL AND t.unknown AS INTEGER) AS n
            FROM (SELECT a.pid, a.contract, count(*) AS count,
                         sum(m.day_minutes * (a.last - a.first + 1)) AS minutes,
                         bool_or(m.day_minutes IS NULL) AS unknown
                  FROM a LEFT JOIN (SELECT sid, sum("end" - start) AS day_minutes
                                    FROM slot GROUP BY sid) m ON m.sid = a.sid
                  WHERE a.contract IS NOT NULL GROUP BY a.pid, a.contract) t
            JOIN contracts c ON c.pid = t.pid AND c.contract = t.contract)
        GROUP BY pid HAVING sum(n) > 0""",
    "numbering": """
        SELECT pid, sum(n) FROM (
            SELECT pid, count(*) FILTER (WHERE times > 1)
                        + CAST(max(number) > count(*) AS INTEGER) AS n
            FROM (SELECT pid, tbl, number, count(*) AS times FROM s
                  WHERE tbl IS NOT NULL AND number IS NOT NULL GROUP BY pid, tbl, number)
            GROUP BY pid, tbl)
        GROUP BY pid HAVING sum(n) > 0""",
}


def findings(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    """``(pid, rule, findings)`` rows, from the tables ``s`` and the declarations."""
    con.execute(_VIEWS)
    years = [y for (y,) in con.execute("SELECT DISTINCT year(day) FROM days").fetchall()]
    public = list(holidays.country_holidays("PL", years=years))
    con.execute("CREATE TABLE public AS SELECT unnest($1::DATE[]) AS day", [public])
    rows: list[tuple[str, str, int]] = []
    for rule, sql in _RULES.items():
        rows.extend((pid, rule, int(n)) for pid, n in con.execute(sql).fetchall())
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the peer on a folder and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    t0, c0 = clock.perf_counter(), clock.process_time()
    con = duckdb.connect()
    declared = read_folder(args.folder)
    _load_declarations(con, declared)
    _sessions(con, declared)
    read_s = clock.perf_counter() - t0
    rows = findings(con)
    seconds, cpu = clock.perf_counter() - t0, clock.process_time() - c0
    (sessions,) = con.execute("SELECT count(*) FROM s").fetchone() or (0,)
    threads = con.execute("SELECT current_setting('threads')").fetchone()
    print(report(rows, sessions=sessions, files=len(declared.files) + len(declared.tables),
                 seconds=seconds, read_s=read_s, cpu=cpu,
                 engine=f"duckdb {duckdb.__version__}",
                 threads=threads[0] if threads else None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
