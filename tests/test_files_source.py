"""The files a project names: confined to its folder, regular, bounded, decoded as saved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from opsreform.checks import READ_NOTE, check
from opsreform.exceptions import ProjectFileError
from opsreform.files._source import decode_table
from opsreform.files.project import load_project
from opsreform.findings import Severity

SECRET = "_PASSWORD=hunter2"
ROWS = ("Lp.;Rodzaj działania;Data;Godzina;Adres\r\n"
        "1;SUPERWIZJA;22.05.2018;08.00 - 11.00;ul. Żółkiewskiego 8 Łódź\r\n"
        "2;SZKOLENIE;23.05.2018;09.00 - 15.00;ul. Śląska 1 Łódź\r\n")


def _project(folder: Path, file: str, *, extra: str = "") -> Path:
    """A project with one table of ``file`` (its TOML string body as given)."""
    path = folder / "p.toml"
    path.write_text(f'format = 1\ntitle = "T"\n\n[[tables]]\nid = "t"\nkind = "training"\n'
                    f'file = "{file}"\n{extra}', encoding="utf-8")
    return path


@pytest.fixture
def outside(tmp_path: Path) -> tuple[Path, Path]:
    """A project folder, and a secret file beside it (outside the folder)."""
    secret = tmp_path / "secret.md"
    secret.write_text(f"| 1 | SUPERWIZJA | {SECRET} | 08.00 - 11.00 | ul. Długa 1 |\n",
                      encoding="utf-8")
    folder = tmp_path / "project"
    folder.mkdir()
    return folder, secret


def _refused(path: Path, words: str, **kwargs: object) -> ProjectFileError:
    with pytest.raises(ProjectFileError, match=words) as info:
        load_project(path, **kwargs)  # type: ignore[arg-type]
    assert SECRET not in str(info.value)
    return info.value


@pytest.mark.parametrize("how", ["absolute", "dotdot", "symlink", "symlinked-folder"])
def test_a_table_outside_the_folder_is_refused(outside: tuple[Path, Path], how: str) -> None:
    """Absolute paths, '..' and links out of the folder are refused, unread, at file's line."""
    folder, secret = outside
    (folder / "link.md").symlink_to(secret)
    (folder / "up").symlink_to(folder.parent)
    file = {"absolute": str(secret), "dotdot": "../secret.md", "symlink": "link.md",
            "symlinked-folder": "up/secret.md"}[how]
    error = _refused(_project(folder, file), "outside the folder")
    assert (error.key, error.line) == ("tables[0].file", 7)
    assert error.path == str(folder / "p.toml")


def test_root_widens_the_folder(outside: tuple[Path, Path]) -> None:
    """load_project(root=...) reads a table outside the project's own folder."""
    folder, secret = outside
    secret.write_text(ROWS.replace(";", " | ").replace("\r\n", " |\n").replace("Lp.", "| Lp.")
                      .replace("\n1", "\n| 1").replace("\n2", "\n| 2"), encoding="utf-8")
    project = load_project(_project(folder, "../secret.md"), root=folder.parent)
    assert [s.id for s in project.sessions] == ["t#1", "t#2"]


def test_a_missing_file_outside_is_not_told_apart(outside: tuple[Path, Path]) -> None:
    """Outside the folder, an absent file and a present one get the same answer."""
    folder, _ = outside
    present = _refused(_project(folder, "../secret.md"), "outside")
    absent = _refused(_project(folder, "../absent.md"), "outside")
    assert present.message.replace("secret", "absent") == absent.message


@pytest.mark.parametrize(
    ("file", "words"),
    [("/proc/self/environ", "outside"), ("/dev/zero", "outside"), ("missing.md", "not exist"),
     ("", "empty name"), (r"a\u0000b.md", "control character"), ("sub", "not a regular file"),
     ("fifo", "not a regular file"), ("dev-zero", "outside")],
)
def test_what_is_not_a_readable_table(tmp_path: Path, file: str, words: str) -> None:
    """Devices, folders, pipes, missing files and bad names are errors at the file key."""
    (tmp_path / "sub").mkdir()
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "dev-zero").symlink_to("/dev/zero")
    error = _refused(_project(tmp_path, file), words)
    assert error.key == "tables[0].file"


def test_devices_are_refused_even_inside_a_wide_root(tmp_path: Path) -> None:
    """With root='/', /dev/zero is still not read: only regular files are."""
    _refused(_project(tmp_path, "/dev/zero"), "not a regular file", root="/")


def test_size_limit(tmp_path: Path) -> None:
    """A table (or a project file) over the limit is refused, naming the limit."""
    (tmp_path / "t.csv").write_text(ROWS, encoding="utf-8")
    path = _project(tmp_path, "t.csv")
    error = _refused(path, "larger than the limit of 150 bytes", max_bytes=150)
    assert error.key == "tables[0].file"
    _refused(path, "larger than the limit of 20 bytes", max_bytes=20)
    assert len(load_project(path).sessions) == 2


def test_a_project_file_that_is_not_a_file(tmp_path: Path) -> None:
    """load_project of a folder, a pipe or a device is an error, never a hang."""
    os.mkfifo(tmp_path / "fifo.toml")
    for path in (tmp_path, tmp_path / "fifo.toml", Path("/dev/zero")):
        _refused(path, "not a regular file")


@pytest.mark.parametrize(
    ("encoding", "data"),
    [("utf-8", ROWS.encode("utf-8")), ("utf-8-sig", ROWS.encode("utf-8-sig")),
     ("utf-16", ROWS.encode("utf-16")), ("utf-16-be+bom", b"\xfe\xff" + ROWS.encode("utf-16-be"))],
)
def test_unicode_tables_by_their_marks(tmp_path: Path, encoding: str, data: bytes) -> None:
    """UTF-8 with or without its mark, UTF-16 by its mark: read alike, without a note."""
    (tmp_path / "t.csv").write_bytes(data)
    project = load_project(_project(tmp_path, "t.csv"))
    assert [s.title for s in project.sessions] == ["SUPERWIZJA", "SZKOLENIE"]
    assert project.venues[0].address is not None
    assert str(project.venues[0].address) == "ul. Żółkiewskiego 8, Łódź"
    assert project.read_notes == ()


def test_windows_1250_detected_with_a_note(tmp_path: Path) -> None:
    """What Polish Excel saves (CSV, ';', Windows-1250) is read, and a note says so."""
    (tmp_path / "t.csv").write_bytes(ROWS.encode("cp1250"))
    project = load_project(_project(tmp_path, "t.csv"))
    assert str(project.venues[1].address) == "ul. Śląska 1, Łódź"
    notes = [f for f in check(project) if f.rule == READ_NOTE]
    assert len(notes) == 1 and notes[0].severity is Severity.INFO
    assert notes[0].subject == "table t" and "Windows-1250" in notes[0].message


def test_windows_1250_declared_without_a_note(tmp_path: Path) -> None:
    """A table declaring encoding = "cp1250" is read as such, with nothing to note."""
    (tmp_path / "t.csv").write_bytes(ROWS.encode("cp1250"))
    project = load_project(_project(tmp_path, "t.csv", extra='encoding = "cp1250"\n'))
    assert str(project.venues[0].address) == "ul. Żółkiewskiego 8, Łódź"
    assert project.read_notes == ()


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [(ROWS.encode("utf-16-le"), 1, "control characters"),
     (ROWS.encode("cp852"), 1, "not UTF-8, UTF-16 or Windows-1250"),
     (ROWS.encode("iso-8859-2"), 1, "not UTF-8, UTF-16 or Windows-1250"),
     (ROWS.encode("utf-32"), 1, "UTF-32"),
     (b"Lp.;Data\r\n1;" + bytes(range(256)), 3, "not UTF-8"),
     (ROWS.encode() + b"\x00\x01", 4, "control characters")],
    ids=["utf-16-without-mark", "cp852", "iso-8859-2", "utf-32", "binary", "nul"],
)
def test_other_bytes_are_refused_at_their_line(tmp_path: Path, data: bytes, line: int,
                                               words: str) -> None:
    """Other encodings and binary files are refused, naming the table and the line."""
    (tmp_path / "t.csv").write_bytes(data)
    error = _refused(_project(tmp_path, "t.csv"), words)
    assert (error.path, error.line) == (str(tmp_path / "t.csv"), line)
    assert "SUPERWIZJA" not in str(error)


def test_declared_encoding_is_kept_to(tmp_path: Path) -> None:
    """A table declared UTF-8 that is Windows-1250 is an error, not a guess."""
    (tmp_path / "t.csv").write_bytes(ROWS.encode("cp1250"))
    error = _refused(_project(tmp_path, "t.csv", extra='encoding = "utf-8"\n'), "as declared")
    assert error.line == 1  # "działania"
    error = _refused(_project(tmp_path, "t.csv", extra='encoding = "latin-2"\n'),
                     "unknown encoding")
    assert error.key == "tables[0].encoding"


def test_decode_table_keeps_what_it_read() -> None:
    """decode_table says which encoding it used, and whether it guessed."""
    assert decode_table("ą".encode("cp1250"), "t.md").encoding == "cp1250"
    assert decode_table("ą".encode("cp1250"), "t.md").detected
    assert not decode_table("ą".encode(), "t.md").detected
    assert decode_table("\ufeffą".encode(), "t.md").text == "ą"


@pytest.mark.parametrize(
    ("data", "line"),
    [("title = 'ł'".encode("cp1250"), 1), (b'format = 1\ntitle = "\xff"\n', 2),
     ('format = 1\ntitle = "T"\n'.encode("utf-16"), 1)],
)
def test_a_project_file_must_be_utf8(tmp_path: Path, data: bytes, line: int) -> None:
    """A project file in another encoding is refused at the line of its first bad byte."""
    path = tmp_path / "p.toml"
    path.write_bytes(data)
    assert _refused(path, "UTF").line == line


def test_a_project_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    """Notepad's UTF-8 byte order mark is fine."""
    path = tmp_path / "p.toml"
    path.write_bytes('format = 1\ntitle = "Zażółć"\n'.encode("utf-8-sig"))
    assert load_project(path).title == "Zażółć"


def test_a_linked_project_file_reads_tables_beside_the_link(tmp_path: Path) -> None:
    """A project file given through a link is read; its tables are beside the link."""
    (tmp_path / "real").mkdir()
    (tmp_path / "t.csv").write_text(ROWS, encoding="utf-8")
    target = _project(tmp_path / "real", "t.csv")
    (tmp_path / "p.toml").symlink_to(target)
    assert len(load_project(tmp_path / "p.toml").sessions) == 2
