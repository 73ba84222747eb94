"""Session tables: the Markdown of the documents, CSV, and rows that cannot be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
import pytest

import opsreform
from opsreform.exceptions import ProjectFileError
from opsreform.files.tables import VenueBook, read_session_table
from opsreform.model.sessions import SessionKind
from opsreform.model.venues import Venue
from opsreform.text.addresses import parse_address
from tests.conftest import ROOT, SEEDS

HEADER = ("| Lp. | Rodzaj działania | Data | Godzina | Adres realizacji działania |\n"
          "|---|---|---|---|---|\n")


def test_seed_document_tables_read_whole() -> None:
    """The supervision and training tables of 001 read with every row (6 + 11 + 11)."""
    text = (SEEDS / "001_f0977178894a7462.txt").read_text(encoding="utf-8")
    blocks = text.split("SZCZEGÓŁOWY HARMONOGRAM")
    book = VenueBook()
    may = read_session_table(blocks[1].split("W związku")[0], table="may", venues=book)
    assert [s.number for s in may] == [1, 2, 3, 4, 6, 7]
    rest = read_session_table(blocks[2].split("Fundusze")[0], table="jan", venues=book,
                              kind=SessionKind.TRAINING)
    assert len(rest) == 22
    assert {v.id for v in book.venues} == {"sienkiewicza-8", "bytomska-15"}
    parts = [s.part for s in rest if s.kind is SessionKind.TRAINING]
    assert parts.count(1) == 4 and parts.count(2) == 4


def test_declared_venue_is_matched_whatever_the_spelling() -> None:
    """An address written the other way round finds the declared venue."""
    book = VenueBook([Venue("mops", parse_address("ul. Sienkiewicza 8 42-600 Tarnowskie Góry"))])
    [s] = read_session_table(HEADER + "| 1 | SUPERWIZJA | 22.05.2018 | 08.00 - 11.00 | "
                             "ul. Sienkiewicza 8 Tarnowskie Góry 42-600 |", table="t",
                             venues=book)
    assert s.venues == ("mops",) and len(book.venues) == 1


def test_bad_rows_are_reported_with_their_lines() -> None:
    """Every unreadable row is listed with its line; none is dropped silently."""
    text = (HEADER
            + "| 1 | SUPERWIZJA | 31.02.2018 | 08.00 - 11.00 | ul. Długa 1 Kraków |\n"
            + "| 2 | SUPERWIZJA | 01.02.2018 | 08.00 - 11.00 | ul. Długa 1 Kraków |\n"
            + "| x | SUPERWIZJA | 01.02.2018 | 08.00 - 11.00 | ul. Długa 1 Kraków |\n"
            + "| 4 | GIMNASTYKA | 01.02.2018 | 08.00 - 11.00 | ul. Długa 1 Kraków |\n")
    with pytest.raises(ProjectFileError) as info:
        read_session_table(text, table="t", venues=VenueBook(), path="t.md")
    message = str(info.value)
    assert "3 row(s)" in message
    assert "line 3" in message and "line 5" in message and "line 6" in message
    assert info.value.line == 3


def test_csv_with_bulk_columns() -> None:
    """CSV (; separated, with BOM) with the bulk columns kind, venue, leaders, contract."""
    text = ("\ufeffLp.;Nazwa;Data;Godzina;venue;kind;leaders\n"
            "1;Spotkanie;2018-05-07;09:00-12:00;a;supervision;x,y\n")
    book = VenueBook([Venue("a", name="Sala")])
    [s] = read_session_table(text, table="t", venues=book, fmt="csv")
    assert s.kind is SessionKind.SUPERVISION and s.leaders == ("x", "y")
    assert s.venues == ("a",) and s.minutes == 180


def test_two_venues_need_one_per_slot() -> None:
    """Two addresses with one slot cannot be paired: an error, not a guess."""
    with pytest.raises(ProjectFileError, match="2 venues for 1 slots"):
        read_session_table(HEADER + "| 1 | SUPERWIZJA | 20.04.2018 | 08.30 - 11.30 | "
                           "ul. Bytomska 15 ul. Sienkiewicza 8 Tarnowskie Góry 42-600 |",
                           table="t", venues=VenueBook())


def test_one_street_in_many_towns_gets_numbered_venue_ids() -> None:
    """Addresses deriving one id are numbered in order, skipping ids already declared."""
    from opsreform.model.venues import Venue
    from opsreform.text.addresses import parse_address

    book = VenueBook([Venue("polna-1-2", name="declared")])
    ids = [book.venue_for(parse_address(f"ul. Polna 1 Miasto{i}")) for i in range(4)]
    assert ids == ["polna-1", "polna-1-3", "polna-1-4", "polna-1-5"]
    assert book.venue_for(parse_address("ul. Polna 1 Miasto2")) == "polna-1-4"


def test_a_repeated_number_loads_and_the_numbering_rule_reports_it(tmp_path: Path) -> None:
    """Two rows numbered 4: the table loads (the second is `#4-2`), `numbering` says so."""
    shutil.copytree(ROOT / "examples", tmp_path / "ex")
    table = tmp_path / "ex" / "tables" / "tarnowskie-gory-2018-05-07.md"
    table.write_text(table.read_text(encoding="utf-8").replace("| 6 |", "| 4 |", 1),
                     encoding="utf-8")
    project = opsreform.load_project(tmp_path / "ex" / "tarnowskie-gory.toml")
    ids = [s.id for s in project.sessions if s.table == "2018-05-07"]
    assert ids == ["2018-05-07#1", "2018-05-07#2", "2018-05-07#3", "2018-05-07#4",
                   "2018-05-07#4-2", "2018-05-07#7"]
    numbering = [(f.severity.value, f.message) for f in opsreform.check(project)
                 if f.rule == "numbering" and f.subject == "table 2018-05-07"]
    assert ("error", "numer 4 występuje 2 razy") in numbering
    opsreform.save_project(attrs.evolve(project, title="Zmieniony"),
                           tmp_path / "ex" / "tarnowskie-gory.toml")
    again = opsreform.load_project(tmp_path / "ex" / "tarnowskie-gory.toml")
    assert again.sessions == project.sessions and again.title == "Zmieniony"
