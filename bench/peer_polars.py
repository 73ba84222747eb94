"""A peer of opsreform's schedule rules in plain polars, to compare findings and time.

It reads a folder of project files as the benchmark writes them — the TOML files with
``tomllib`` (``bench/declarations.py``, shared with the DuckDB peer), their CSV session
tables with ``polars.scan_csv`` (one scan per header form) — and applies the core
schedule rules as whole-frame operations, with the meaning of
``opsreform.rules.schedule``:

- cancelled sessions count for nothing but the numbering of their table;
- a session's contract is its own, else its table's; its leaders are its own, else its
  contract's; a study visit takes every day of its period;
- ``public-holiday``: one finding per session and day that is a public holiday (the
  ``holidays`` package, PL), a day the centre declared closed, or a day given in lieu;
- ``weekend``: one per session and day on a weekday the centre does not work;
- ``summer-break``: one per declared break and session with a day in it (its kinds,
  months and years);
- ``outside-period``: one per session outside the project period, one more before its
  contract was signed (else before the contract's period opens), one more after the
  contract's last day;
- ``double-booking``: one per venue or person and pair of sessions that book it on one
  day at overlapping times (half-open slots; a session without hours takes its people
  for the whole day);
- ``hours-exceeded``: per contract, one when it has more sessions than it holds, one
  when the stated minutes exceed its hours (lesson hours of 45 minutes), a note when a
  session's hours are not stated, and a note when it states no limit at all;
- ``numbering``: per table, one per number used twice or more, one when numbers are
  missing below the highest.

It implements what the benchmark's files use and refuses the rest (inline sessions,
activities, rule settings, breaks that follow the school holidays).

Usage: ``python bench/peer_polars.py DIR`` prints one JSON object: the seconds it took
after the imports (wall clock, and CPU time of all its threads), how many sessions it
read, its findings per rule and per file.
"""

from __future__ import annotations

import argparse
import sys
import time as clock
from collections import defaultdict
from pathlib import Path
from typing import Any

import holidays
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from declarations import DATE, FOLD_FROM, FOLD_TO, SLOT, STEMS, canonical, read_folder, report


def _address_key(column: pl.Expr) -> pl.Expr:
    """An address text reduced to lower case without commas or repeated spaces."""
    return (column.str.to_lowercase().str.replace_all(",", " ")
            .str.replace_all(r"\s+", " ").str.strip_chars())


class Folder:
    """The project files of a folder, read into frames (one row per project, contract…)."""

    def __init__(self, folder: Path) -> None:
        declared = read_folder(folder)
        self.files = declared.files
        self.projects = pl.DataFrame(declared.projects, schema={
            "pid": pl.String, "start": pl.Date, "end": pl.Date, "off": pl.List(pl.Int8)})
        self.closed = pl.DataFrame(declared.closed, schema={"pid": pl.String, "day": pl.Date})
        self.breaks = pl.DataFrame(declared.breaks, schema={
            "pid": pl.String, "bno": pl.Int32, "kind": pl.String, "month": pl.Int8,
            "years": pl.List(pl.Int32)})
        self.contracts = pl.DataFrame(declared.contracts, schema={
            "pid": pl.String, "contract": pl.String, "signed": pl.Date, "opens": pl.Date,
            "closes": pl.Date, "hours_num": pl.Int64, "hours_den": pl.Int64,
            "per_unit": pl.Int64, "limit_sessions": pl.Int64,
            "contract_leaders": pl.List(pl.String)})
        self.tables = pl.DataFrame(declared.tables, schema={
            "path": pl.String, "pid": pl.String, "table": pl.String, "table_kind": pl.String,
            "table_contract": pl.String})
        self.venues = pl.DataFrame(declared.venues, schema={
            "pid": pl.String, "key": pl.String, "venue_id": pl.String})
        self.sessions = self._sessions()

    def _rows(self) -> pl.DataFrame:
        """Every row of every table, the columns named as the table reader names them."""
        by_header: dict[str, list[str]] = defaultdict(list)
        for path in self.tables["path"]:
            with open(path, encoding="utf-8-sig") as handle:
                by_header[handle.readline().rstrip("\r\n")].append(path)
        frames = []
        for header, paths in by_header.items():
            separator = ";" if header.count(";") >= header.count(",") else ","
            names = {h: canonical(h) for h in header.split(separator)}
            frame = pl.scan_csv(paths, separator=separator, infer_schema=False,
                                include_file_paths="path")
            frames.append(frame.select(
                "path", *(pl.col(h).str.strip_chars().alias(c) for h, c in names.items() if c)))
        return pl.concat(frames, how="diagonal").collect()

    def _sessions(self) -> pl.DataFrame:
        rows = self._rows()
        for column in ("kind", "title", "date", "slots", "address", "venue", "leaders",
                       "contract", "status"):
            if column not in rows.columns:
                rows = rows.with_columns(pl.lit(None, pl.String).alias(column))
        folded = pl.col("title").str.to_lowercase().str.replace_many(
            list(FOLD_FROM), list(FOLD_TO))
        from_title: Any = pl.lit(None, pl.String)
        for stem, kind in reversed(STEMS):
            from_title = pl.when(folded.str.contains(stem, literal=True)).then(
                pl.lit(kind)).otherwise(from_title)
        found = _dates_of(pl.col("date"))
        rows = (rows.join(self.tables, on="path", how="left")
                .with_row_index("sid")
                .with_columns(
                    number=pl.col("number").str.strip_chars_end(".").cast(pl.Int64),
                    kind=pl.when(pl.col("kind").fill_null("") != "").then(pl.col("kind"))
                    .otherwise(pl.coalesce(from_title, pl.col("table_kind"))),
                    contract=pl.when(pl.col("contract").fill_null("") != "")
                    .then(pl.col("contract")).otherwise(pl.col("table_contract")),
                    status=pl.col("status").fill_null("").replace("", "planned"),
                    first=found.list.first(), last=found.list.last(),
                    slots=pl.col("slots").fill_null("").str.extract_all(SLOT),
                    own_venues=pl.when(pl.col("venue").fill_null("") != "")
                    .then(pl.col("venue").str.split(",").list.eval(pl.element().str.strip_chars()))
                    .otherwise(None),
                    own_leaders=pl.when(pl.col("leaders").fill_null("") != "")
                    .then(pl.col("leaders").str.split(",")
                          .list.eval(pl.element().str.strip_chars()))
                    .otherwise(None),
                    key=_address_key(pl.col("address"))))
        rows = rows.join(self.venues, on=["pid", "key"], how="left").with_columns(
            venues=pl.coalesce("own_venues", pl.concat_list("venue_id").list.drop_nulls()))
        return rows.select("sid", "pid", "table", "number", "kind", "status", "first", "last",
                           "slots", "venues", "own_leaders", "contract")


def _dates_of(column: pl.Expr) -> pl.Expr:
    """The dates written in a cell (one, or the two ends of a study visit's period)."""
    return column.str.extract_all(DATE).list.eval(
        pl.element().str.strptime(pl.Date, "%d.%m.%Y"))


def _count(frame: pl.DataFrame, rule: str) -> pl.DataFrame:
    """Findings per project, from a frame with one row per finding."""
    return frame.group_by("pid").len("n").with_columns(rule=pl.lit(rule))


class Peer:
    """The schedule rules over the frames of a folder."""

    def __init__(self, folder: Folder) -> None:
        self.f = folder
        active = folder.sessions.filter(pl.col("status") != "cancelled").join(
            folder.contracts.select("pid", "contract", "contract_leaders"),
            on=["pid", "contract"], how="left").with_columns(
            leaders=pl.coalesce("own_leaders", "contract_leaders").fill_null([]),
            n_slots=pl.col("slots").list.len())
        # One row per slot of an active session, in minutes, with its venue: the one
        # venue of the session, or the one in the same place of the list.
        parts = pl.col("slot").str.extract_groups(SLOT).struct
        self.slots = (active.filter(pl.col("n_slots") > 0)
                      .select("sid", "venues", "n_slots", slot="slots",
                              n=pl.int_ranges(0, pl.col("n_slots")))
                      .explode("slot", "n")
                      .with_columns(
                          start=parts[0].cast(pl.Int32) * 60 + parts[1].cast(pl.Int32),
                          end=parts[2].cast(pl.Int32) * 60 + parts[3].cast(pl.Int32),
                          venue=pl.when(pl.col("venues").list.len() == 1)
                          .then(pl.col("venues").list.first())
                          .when(pl.col("venues").list.len() == pl.col("n_slots"))
                          .then(pl.col("venues").list.get(pl.col("n"), null_on_oob=True))
                          .otherwise(None))
                      .select("sid", "start", "end", "venue"))
        # Minutes over all its days; null when its hours are not stated.
        minutes = self.slots.group_by("sid").agg(
            day_minutes=(pl.col("end") - pl.col("start")).sum())
        self.active = active.join(minutes, on="sid", how="left").with_columns(
            minutes=pl.col("day_minutes")
            * ((pl.col("last") - pl.col("first")).dt.total_days() + 1))
        # One row per active session and day it takes.
        self.days = self.active.select(
            "sid", "pid", "kind", day=pl.date_ranges("first", "last")).explode("day")

    def public_holiday(self) -> pl.DataFrame:
        """Sessions and days on a public holiday, a closed day or a day in lieu."""
        years = self.days.select(pl.col("day").dt.year().unique())["day"].to_list()
        public = list(holidays.country_holidays("PL", years=years))
        closed = self.f.closed.unique().with_columns(closed=pl.lit(True))
        hits = self.days.join(closed, on=["pid", "day"], how="left").filter(
            pl.col("day").is_in(public) | pl.col("closed").fill_null(False))
        return _count(hits, "public-holiday")

    def weekend(self) -> pl.DataFrame:
        """Sessions and days on a weekday the centre does not work."""
        off = self.f.projects.select("pid", "off").explode("off").drop_nulls()
        hits = self.days.with_columns(off=(pl.col("day").dt.weekday() - 1).cast(pl.Int8)).join(
            off, on=["pid", "off"], how="semi")
        return _count(hits, "weekend")

    def summer_break(self) -> pl.DataFrame:
        """Breaks and sessions with a day in the break (its kinds, months, years)."""
        hits = (self.days.with_columns(month=pl.col("day").dt.month().cast(pl.Int8))
                .join(self.f.breaks, on=["pid", "kind", "month"])
                .filter(pl.col("years").is_null()
                        | pl.col("years").list.contains(pl.col("day").dt.year()))
                .unique(["sid", "bno"]))
        return _count(hits, "summer-break")

    def outside_period(self) -> pl.DataFrame:
        """Sessions outside the project period, before or after their contract's."""
        joined = self.active.join(self.f.projects, on="pid", how="left").join(
            self.f.contracts.select("pid", "contract", "signed", "opens", "closes"),
            on=["pid", "contract"], how="left")
        first, last = pl.col("first"), pl.col("last")
        counted = joined.select(
            "pid",
            n=((first < pl.col("start")) | (last > pl.col("end"))).fill_null(False).cast(pl.Int64)
            + ((first < pl.col("signed")).fill_null(False)
               | (first < pl.col("opens")).fill_null(False)).cast(pl.Int64)
            + (last > pl.col("closes")).fill_null(False).cast(pl.Int64))
        unknown = self.f.projects.filter(pl.col("start").is_null()).join(
            self.active.select("pid").unique(), on="pid", how="semi").select(
            "pid", n=pl.lit(1, pl.Int64))  # the note: no project period
        return (pl.concat([counted, unknown]).group_by("pid").agg(pl.col("n").sum())
                .filter(pl.col("n") > 0).with_columns(rule=pl.lit("outside-period")))

    def double_booking(self) -> pl.DataFrame:
        """Venues or people and pairs of sessions that book them at once."""
        # Two sessions can clash only on a day both take.
        shared = self.days.group_by("pid", "day").len().filter(pl.col("len") > 1)
        days = self.days.join(shared, on=["pid", "day"], how="semi").select("sid", "pid", "day")
        timed = days.join(self.slots, on="sid")
        # A session without hours takes its people for the whole day.
        untimed = days.join(self.slots, on="sid", how="anti").with_columns(
            start=pl.lit(0, pl.Int32), end=pl.lit(24 * 60, pl.Int32))
        leaders = self.active.select("sid", "leaders").explode("leaders").drop_nulls()
        venue = timed.filter(pl.col("venue").is_not_null()).select(
            "pid", "day", "sid", "start", "end", resource="venue:" + pl.col("venue"))
        person = pl.concat([timed.drop("venue"), untimed]).join(leaders, on="sid").select(
            "pid", "day", "sid", "start", "end", resource="person:" + pl.col("leaders"))
        bookings = pl.concat([venue, person])
        pairs = (bookings.join(bookings, on=["pid", "day", "resource"], suffix="_b")
                 .filter((pl.col("sid") < pl.col("sid_b")) & (pl.col("start") < pl.col("end_b"))
                         & (pl.col("start_b") < pl.col("end")))
                 .unique(["pid", "resource", "sid", "sid_b"]))
        return _count(pairs, "double-booking")

    def hours_exceeded(self) -> pl.DataFrame:
        """Contracts over their sessions or hours, and notes on unknown hours."""
        totals = (self.active.filter(pl.col("contract").is_not_null())
                  .group_by("pid", "contract")
                  .agg(count=pl.len(), minutes=pl.col("minutes").sum(),
                       unknown=pl.col("minutes").is_null().any())
                  .join(self.f.contracts, on=["pid", "contract"]))
        hours, sessions = pl.col("hours_num"), pl.col("limit_sessions")
        counted = totals.select(
            "pid",
            n=(hours.is_null() & sessions.is_null()).cast(pl.Int64)  # the note: no limit
            + (pl.col("count") > sessions).fill_null(False).cast(pl.Int64)
            + (pl.col("minutes") * pl.col("hours_den") > hours * pl.col("per_unit"))
            .fill_null(False).cast(pl.Int64)
            + (hours.is_not_null() & pl.col("unknown")).cast(pl.Int64))  # the note: no hours
        return (counted.group_by("pid").agg(pl.col("n").sum()).filter(pl.col("n") > 0)
                .with_columns(rule=pl.lit("hours-exceeded")))

    def numbering(self) -> pl.DataFrame:
        """Numbers used twice, and tables with numbers missing."""
        numbers = self.f.sessions.filter(pl.col("table").is_not_null()
                                         & pl.col("number").is_not_null())
        per_table = (numbers.group_by("pid", "table", "number").len()
                     .group_by("pid", "table")
                     .agg(repeats=(pl.col("len") > 1).sum(),
                          missing=pl.col("number").max() > pl.len()))
        return per_table.select(
            "pid", n=pl.col("repeats").cast(pl.Int64) + pl.col("missing").cast(pl.Int64)).group_by(
            "pid").agg(pl.col("n").sum()).filter(pl.col("n") > 0).with_columns(
            rule=pl.lit("numbering"))

    def findings(self) -> pl.DataFrame:
        """Findings per project and rule: columns ``pid``, ``rule``, ``n``."""
        parts = [self.summer_break(), self.public_holiday(), self.weekend(),
                 self.outside_period(), self.double_booking(), self.hours_exceeded(),
                 self.numbering()]
        return pl.concat([p.select("pid", "rule", pl.col("n").cast(pl.Int64)) for p in parts])


def main(argv: list[str] | None = None) -> int:
    """Run the peer on a folder and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    t0, c0 = clock.perf_counter(), clock.process_time()
    folder = Folder(args.folder)
    read_s = clock.perf_counter() - t0
    found = Peer(folder).findings()
    seconds, cpu = clock.perf_counter() - t0, clock.process_time() - c0
    print(report(list(found.iter_rows()), sessions=folder.sessions.height,
                 files=len(folder.files) + folder.tables.height, seconds=seconds,
                 read_s=read_s, cpu=cpu, engine=f"polars {pl.__version__}",
                 threads=pl.thread_pool_size()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
