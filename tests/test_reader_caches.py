"""Issue 12: the readers of session tables keep nothing between calls.

No module of :mod:`opsreform.files` holds a process-wide cache; each reading memoises
what it reads itself (:func:`opsreform.files._memo.memo`), and the plain form of a date
is read without the lexer, exactly as the full reader reads it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import opsreform.files
from opsreform.exceptions import ParseError
from opsreform.files._memo import memo
from opsreform.files._schedule import TableText
from opsreform.files.columns import read_session_frame, read_tables
from opsreform.files.tables import VenueBook, read_session_table
from opsreform.model.table import SessionTable
from opsreform.text.dates import _read_date, parse_date

ROOT = Path(__file__).resolve().parent.parent


def _files_modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(
        opsreform.files.__path__, prefix="opsreform.files."))


def test_the_files_package_is_walked() -> None:
    """The walk below does see the readers of session tables (it could miss them)."""
    found = set(_files_modules())
    assert {"opsreform.files.tables", "opsreform.files.columns",
            "opsreform.files._columns_batch", "opsreform.files.project"} <= found


@pytest.mark.parametrize("name", _files_modules())
def test_no_module_of_files_holds_a_cache(name: str) -> None:
    """No global of a module of opsreform.files is a functools.lru_cache / cache wrapper."""
    module = importlib.import_module(name)
    cached = sorted(key for key, value in vars(module).items() if hasattr(value, "cache_info"))
    assert cached == [], f"{name} holds process-wide caches: {cached}"


# --- memo: per reading, never module state ---------------------------------------------------


@given(st.lists(st.text(max_size=3), max_size=40))
def test_memo_reads_each_distinct_key_once_and_answers_as_the_function(keys: list[str]
                                                                       ) -> None:
    calls: Counter[str] = Counter()

    def read(key: str) -> str:
        calls[key] += 1
        return key[::-1] + "!"

    once = memo(read)
    answers = [once(k) for k in keys]
    assert calls == Counter(set(keys))  # each distinct key read once
    assert answers == [k[::-1] + "!" for k in keys]


def test_memo_does_not_remember_a_refusal() -> None:
    calls: list[str] = []

    def read(key: str) -> int:
        calls.append(key)
        return int(key)

    once = memo(read)
    for _ in range(2):
        with pytest.raises(ValueError, match="invalid literal"):
            once("x")
    assert calls == ["x", "x"]


def test_two_memos_share_nothing() -> None:
    """Each reading makes its own: what one read is not seen by another."""
    seen: list[int] = []
    first, second = memo(seen.append), memo(seen.append)
    first(1)
    first(1)
    second(1)
    assert seen == [1, 1]


# --- the readers: the same answers, read after read ------------------------------------------


TABLE = (ROOT / "examples" / "tables" / "tarnowskie-gory-2018-05-07.md").read_text(
    encoding="utf-8")


def test_reading_a_table_again_gives_the_same_sessions() -> None:
    """Nothing carried over from the first reading changes the second (rows or columns)."""
    first = read_session_table(TABLE, table="t", venues=VenueBook())
    again = read_session_table(TABLE, table="t", venues=VenueBook())
    assert first == again
    assert len(first) == 6
    frame = read_session_frame(TABLE, table="t", venues=VenueBook())
    assert frame is not None
    assert frame.frame.equals(SessionTable.of(first).frame)


def test_read_tables_gives_each_project_the_same_bookings_as_reading_alone() -> None:
    """Each project gets its own venue ids though bookings are made once per batch.

    Bookings are made once per distinct (hours, venue ids) over the batch; rows of
    different projects with the same hours still get their own project's venues.
    """
    other = TABLE.replace("ul. Sienkiewicza 8 42-600 Tarnowskie Góry", "ul. Długa 1 00-001 X")
    texts = [TableText(TABLE, "a", None, "md", "a.md"), TableText(other, "b", None, "md", "b.md")]
    together = read_tables([([t], VenueBook()) for t in texts] * 2)
    for text, found in zip(texts * 2, together, strict=True):
        assert found is not None
        alone = read_session_frame(text.text, table=text.table, venues=VenueBook())
        assert alone is not None
        assert found[0][0].frame.equals(alone.frame)
    assert together[0] is not None and together[1] is not None
    assert together[0][0][0].frame["slots"].to_list() != together[1][0][0].frame[
        "slots"].to_list()


# --- parse_date: the plain form read without the lexer ---------------------------------------


def _either(text: str) -> date | str:
    try:
        return parse_date(text)
    except ParseError as exc:
        return f"error: {exc}"


def _full(text: str) -> date | str:
    try:
        return _read_date(text)
    except ParseError as exc:
        return f"error: {exc}"


@given(st.from_regex(r"\A[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}\Z"))
def test_the_plain_date_form_reads_as_the_full_reader_reads_it(text: str) -> None:
    assert _either(text) == _full(text)


@given(st.dates(min_value=date(1000, 1, 1)), st.booleans(), st.booleans())
def test_every_plain_date_reads_back(day: date, pad_day: bool, pad_month: bool) -> None:
    text = (f"{day.day:02d}" if pad_day else str(day.day)) + "." + (
        f"{day.month:02d}" if pad_month else str(day.month)) + f".{day.year}"
    assert parse_date(text) == day == _read_date(text)


@pytest.mark.parametrize("text", ["31.02.2018", "00.05.2018", "12.13.2018", "01.01.0999",
                                  "1.1.2018r.", " 1.1.2018", "١.1.2018", "22.05.2018 r."])
def test_near_plain_texts_read_as_the_full_reader_reads_them(text: str) -> None:
    assert _either(text) == _full(text)
