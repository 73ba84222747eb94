"""Reading the files a project names, safely: confined, regular, bounded, decoded.

A project file comes from anyone, so the files it names are read only when they lie in
the project's folder (or the ``root`` a caller chose), after resolving ``..`` and
symbolic links; only regular files are read (never a folder, a device such as
``/dev/zero``, or a pipe), and none larger than :data:`MAX_BYTES`. Nothing read from a
file that is refused, or that cannot be decoded, appears in any message.

Session tables are decoded as Polish offices save them: UTF-8 (with or without a byte
order mark), UTF-16 (by its byte order mark), or Windows-1250 — what Polish Excel writes
as CSV — when the table declares it or when the bytes can only be Windows-1250 text.
Other bytes (a binary file, UTF-16 without its mark, ISO-8859-2 or CP852 Polish
letters) are refused, naming the file and the line of the first byte that is wrong.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import attrs

from opsreform.exceptions import ProjectFileError

__all__ = ["ENCODINGS", "MAX_BYTES", "Decoded", "decode_project", "decode_table", "read_bytes",
           "resolve_inside"]

MAX_BYTES = 32 * 1024 * 1024
"""The largest file (project file or session table) read: 32 MiB, about 300,000 rows."""

ENCODINGS: dict[str, Literal["utf-8", "utf-16", "cp1250"]] = {
    "utf-8": "utf-8", "utf8": "utf-8", "utf-16": "utf-16", "utf16": "utf-16",
    "cp1250": "cp1250", "windows-1250": "cp1250",
}
"""The encodings a ``[[tables]]`` entry may declare, by the names it may use."""

# Text characters of a table: anything printable, tabs and line ends. Control characters
# (NUL above all) mean a binary file or UTF-16 without its byte order mark.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What Windows-1250 bytes 0x80-0xFF decode to in Polish text: its letters, quotes,
# dashes, spaces and a few signs. Other letters mean another code page (ISO-8859-2
# "ą" is "±" here, CP852 "ć" is "†"), which is refused rather than misread.
_CP1250_TEXT = frozenset(
    "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”“‚‘’–—…«»•·°§€\u00a0\u00adéÉüÜöÖäÄáÁčČěĚšŠžŽ×")
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | (
    getattr(os, "O_NOFOLLOW", 0))


@attrs.frozen
class Decoded:
    """The text of a file and the encoding it was read in.

    Attributes:
        text: The text, without a byte order mark.
        encoding: ``utf-8``, ``utf-16`` or ``cp1250``.
        detected: True when the encoding was guessed from the bytes (Windows-1250 that
            was not declared), which the checks report as a note.

    """

    text: str
    encoding: str
    detected: bool = False


def resolve_inside(folder: Path, name: str, root: Path,
                   fail: Callable[[str], ProjectFileError]) -> Path:
    """Return the real path of ``name`` (relative to ``folder``) if it lies inside ``root``.

    Args:
        folder: The folder of the project file.
        name: The path as the project file writes it.
        root: The folder every referenced file must lie in (symbolic links resolved).
        fail: Builds the error from what is wrong with the file ("does not exist"); the
            caller names the file and adds the line and key.

    Raises:
        ProjectFileError: For an empty name, a NUL byte, a path outside ``root`` (whether
            or not it exists: the message says nothing about files outside), or a path
            that cannot be resolved.

    """
    if not name.strip():
        raise fail("has an empty name")
    if "\x00" in name:
        raise fail("has a NUL character in its name")
    try:
        # First without touching what may not exist: a path outside is refused before
        # its existence is looked at, so errors tell nothing about other folders.
        inside = (folder / name).resolve().is_relative_to(root.resolve())
        real = (folder / name).resolve(strict=True) if inside else None
    except FileNotFoundError:
        raise fail("does not exist") from None
    except (OSError, RuntimeError, ValueError) as exc:  # a loop of links, a too-long name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "bad path"
        raise fail(f"cannot be opened ({reason})") from None
    if real is None:
        raise fail(f"lies outside the folder {str(root)!r}; files a project names must be "
                   "inside its folder (widen it with load_project(..., root=...) or "
                   "opsreform check --root)")
    return real


def read_bytes(path: Path, fail: Callable[[str], ProjectFileError], *,
               max_bytes: int = MAX_BYTES) -> bytes:
    """Read a regular file of at most ``max_bytes`` bytes.

    The file is opened without following a final symbolic link and without blocking
    (a pipe is refused, not waited on); its type and size are checked on the open file.

    Raises:
        ProjectFileError: For a file that cannot be opened, is not a regular file, or is
            larger than ``max_bytes``.

    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror or 'cannot open it'}") from None
    except ValueError:  # a NUL byte in the name
        raise fail("has a NUL character in its name") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise fail("is not a regular file (but a folder, a device or a pipe); only files "
                       "are read")
        if info.st_size > max_bytes:
            raise fail(_too_large(max_bytes))
        chunks: list[bytes] = []
        size = 0
        while True:  # a file may grow, or say 0 bytes (/proc): read no more than the limit
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise fail(_too_large(max_bytes))
        return b"".join(chunks)
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror or 'read error'}") from None
    finally:
        os.close(fd)


def _too_large(max_bytes: int) -> str:
    size = f"{max_bytes // 2**20} MiB" if max_bytes >= 2**20 else f"{max_bytes} bytes"
    return f"is larger than the limit of {size}"


def decode_project(data: bytes, path: str | None) -> str:
    """Decode a project file: UTF-8, with or without a byte order mark.

    Raises:
        ProjectFileError: For other bytes, naming the line of the first wrong one.

    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ProjectFileError("the project file is UTF-16; save it as UTF-8", path=path,
                               line=1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(
            f"the project file is not UTF-8 text (byte {exc.start + 1} of the line is not "
            "UTF-8); save it as UTF-8", path=path, line=_line_of(data, exc.start)) from None


def decode_table(data: bytes, path: str, declared: str | None = None) -> Decoded:
    """Decode a session table: UTF-8 or UTF-16 by their marks, else as declared or detected.

    Args:
        data: The file's bytes.
        path: The file, for messages.
        declared: ``utf-8``, ``utf-16`` or ``cp1250`` when the project declares it.

    Raises:
        ProjectFileError: For bytes that are none of these, or hold control characters
            (a binary file, UTF-16 without its mark), naming the file and the line.

    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ProjectFileError("the table is UTF-32; save it as UTF-8", path=path, line=1)
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_strict(data[3:], "utf-8", path), path, "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_strict(data, "utf-16", path), path, "utf-16")
    if declared is not None:
        return _checked(_strict(data, declared, path), path, declared)
    try:
        return _checked(data.decode("utf-8"), path, "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1250")
    except UnicodeDecodeError:
        text = None
    if text is None or any(c not in _CP1250_TEXT for c in _high(text)):
        raise ProjectFileError(
            "the table is not UTF-8, UTF-16 or Windows-1250 text (the first byte that is "
            f"not UTF-8 is byte {utf8_error.start + 1 - _line_start(data, utf8_error.start)} "
            "of the line); save it as UTF-8, or declare encoding = \"cp1250\"",
            path=path, line=_line_of(data, utf8_error.start)) from None
    return attrs.evolve(_checked(text, path, "cp1250"), detected=True)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = None if encoding == "utf-16" else _line_of(data, exc.start)
        raise ProjectFileError(f"the table is not {encoding} text as declared", path=path,
                               line=line or 1) from None


def _checked(text: str, path: str, encoding: str) -> Decoded:
    match = _CONTROL.search(text)
    if match is not None:
        raise ProjectFileError(
            "the table holds control characters (a binary file, or UTF-16 without its byte "
            "order mark?); save it as UTF-8 text", path=path,
            line=text.count("\n", 0, match.start()) + 1)
    # Line ends read as universal newlines (as open() in text mode does): a CSV cell
    # broken over lines holds "\n" whether the office saved CRLF or LF, and the writer
    # of table files compares cells on the same terms.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding)


def _high(text: str) -> set[str]:
    return {c for c in text if ord(c) > 0x7F}


def _line_of(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def _line_start(data: bytes, index: int) -> int:
    return data.rfind(b"\n", 0, index) + 1
