r"""Where each key of a TOML text stands: one pass over the text, for error messages.

:class:`KeyLines` maps the dotted keys a reader names (``sessions[3].date``,
``organisation.after.units[0].units[2].role``) to their 1-based lines. It is built in a
single scan of the characters (headers, ``[[arrays]]``, assignments, the elements and
keys of arrays and inline tables written over several lines), so that placing every
error of a file with thousands of sessions costs one pass, not one search per key. A
key that is not written (a required key left out) is placed at its nearest written
ancestor: the header of its table.

The scan also refuses values nested, and keys dotted, deeper than :data:`MAX_DEPTH`,
before any recursive reader sees them.

>>> lines = KeyLines('format = 1\n\n[[sessions]]\nid = "a"\n\n[[sessions]]\nid = "b"\n')
>>> lines.line("sessions[1].id"), lines.line("sessions[1].title"), lines.line("nothing")
(7, 6, None)
"""

from __future__ import annotations

import contextlib
import re

__all__ = ["MAX_DEPTH", "KeyLines", "NestingError"]

MAX_DEPTH = 64
"""The deepest nesting of arrays and inline tables a project file may use."""

_BARE = re.compile(r"[A-Za-z0-9_-]+")


class NestingError(Exception):
    """Values nest deeper than :data:`MAX_DEPTH` (``line`` is where the limit is passed)."""

    def __init__(self, line: int) -> None:
        self.line = line
        super().__init__(f"line {line}")


class KeyLines:
    """The line of every key, table header and array element of a TOML text.

    The text is assumed to be TOML that ``tomllib`` accepts; on anything else the scan
    stops early and leaves the rest unplaced (it never raises, but for
    :class:`NestingError`).

    Args:
        text: The TOML text.

    Raises:
        NestingError: Arrays or inline tables nest deeper than :data:`MAX_DEPTH`.

    """

    def __init__(self, text: str) -> None:
        self._lines: dict[str, int] = {}
        self._text = text
        self._pos = 0
        self._line = 1
        # Per array of tables (its header's names): the concrete key of its last element.
        self._arrays: dict[tuple[str, ...], str] = {}
        self._counts: dict[str, int] = {}
        self._table = ""
        with contextlib.suppress(_UnreadError):
            self._scan()

    def line(self, key: str) -> int | None:
        """The line of ``key``, else of its nearest written ancestor, else None."""
        while key:
            found = self._lines.get(key)
            if found is not None:
                return found
            key = _parent(key)
        return None

    # ----------------------------------------------------------------- the scanner

    def _record(self, key: str, line: int) -> None:
        self._lines.setdefault(key, line)

    def _peek(self) -> str:
        return self._text[self._pos] if self._pos < len(self._text) else ""

    def _goto(self, end: int) -> None:
        """Move to ``end``, counting the line ends passed."""
        self._line += self._text.count("\n", self._pos, end)
        self._pos = end

    def _skip_blank(self, *, newlines: bool) -> None:
        """Skip spaces, comments and (when ``newlines``) line ends."""
        pattern = _BLANK_LINES if newlines else _BLANK
        match = pattern.match(self._text, self._pos)
        assert match is not None  # both patterns match the empty text
        self._goto(match.end())

    def _scan(self) -> None:
        text = self._text
        while True:
            self._skip_blank(newlines=True)
            if self._pos >= len(text):
                return
            if text.startswith("[[", self._pos):
                self._header(array=True)
            elif text[self._pos] == "[":
                self._header(array=False)
            elif (simple := _SIMPLE.match(text, self._pos)) is not None:
                # Most lines are "key = value" on one line: one match places them.
                names = [a or b or c for a, b, c in _KEY_PART.findall(simple["key"])]
                self._place(self._table, names, self._line)
                self._goto(simple.end())
            else:
                self._assignment(self._table, depth=0)

    def _header(self, *, array: bool) -> None:
        line = self._line
        self._goto(self._pos + (2 if array else 1))
        names = self._key()
        self._skip_blank(newlines=False)
        self._goto(self._pos + (2 if array else 1))
        for i in range(1, len(names)):  # the tables a header makes on its way
            self._record(self._concrete(names[:i]), line)
        concrete = self._concrete(names[:-1] if array else names)
        if array:
            base = f"{concrete}.{names[-1]}" if concrete else names[-1]
            index = self._counts.get(base, 0)
            self._counts[base] = index + 1
            self._record(base, line)
            concrete = f"{base}[{index}]"
            self._arrays[tuple(names)] = concrete
        self._record(concrete, line)
        self._table = concrete

    def _concrete(self, names: list[str]) -> str:
        """The key of a header's names, with the current element of each array of tables."""
        key = ""
        for i, name in enumerate(names):
            key = f"{key}.{name}" if key else name
            element = self._arrays.get(tuple(names[:i + 1]))
            if element is not None:
                key = element
        return key

    def _key(self) -> list[str]:
        """Read a dotted key (bare or quoted parts) and return its parts."""
        parts: list[str] = []
        while True:
            self._skip_blank(newlines=False)
            if self._peek() in ("\"", "'"):
                parts.append(self._string())
            else:
                match = _BARE.match(self._text, self._pos)
                if match is None:
                    raise _UnreadError
                parts.append(match.group())
                self._goto(match.end())
            self._skip_blank(newlines=False)
            if self._peek() != ".":
                return parts
            if len(parts) >= MAX_DEPTH:
                raise NestingError(self._line)
            self._goto(self._pos + 1)

    def _place(self, table: str, names: list[str], line: int) -> str:
        """Record the key ``names`` (and the tables a dotted key writes) of ``table``."""
        if len(names) > MAX_DEPTH:
            raise NestingError(line)
        for i in range(1, len(names)):
            self._record(".".join([table, *names[:i]] if table else names[:i]), line)
        key = ".".join([table, *names] if table else names)
        self._record(key, line)
        return key

    def _assignment(self, table: str, depth: int) -> None:
        line = self._line
        key = self._place(table, self._key(), line)
        self._skip_blank(newlines=False)
        if self._peek() != "=":
            raise _UnreadError
        self._goto(self._pos + 1)
        self._skip_blank(newlines=False)
        self._value(key, depth)

    def _value(self, key: str, depth: int) -> None:
        char = self._peek()
        if char == "[":
            self._array(key, depth + 1)
        elif char == "{":
            self._inline_table(key, depth + 1)
        elif char in ("\"", "'"):
            self._string()
        else:
            match = _SCALAR.match(self._text, self._pos)
            assert match is not None  # matches the empty text
            if match.end() == self._pos:
                raise _UnreadError
            self._goto(match.end())

    def _array(self, key: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise NestingError(self._line)
        self._goto(self._pos + 1)
        index = 0
        while True:
            self._skip_blank(newlines=True)
            char = self._peek()
            if char in ("]", ""):
                self._goto(self._pos + 1)
                return
            if char == ",":
                self._goto(self._pos + 1)
                continue
            element = f"{key}[{index}]"
            self._record(element, self._line)
            self._value(element, depth)
            index += 1

    def _inline_table(self, key: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise NestingError(self._line)
        self._goto(self._pos + 1)
        while True:
            self._skip_blank(newlines=True)
            char = self._peek()
            if char in ("}", ""):
                self._goto(self._pos + 1)
                return
            if char == ",":
                self._goto(self._pos + 1)
                continue
            self._assignment(key, depth)

    def _string(self) -> str:
        """Read a basic, literal or multi-line string; return its text (escapes kept)."""
        for pattern in _STRINGS:
            match = pattern.match(self._text, self._pos)
            if match is not None:
                self._goto(match.end())
                return match.group("body")
        raise _UnreadError


_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"\\\n]*"|'[^'\n]*')"""
_KEY_PART = re.compile(r"""([A-Za-z0-9_-]+)|"([^"\\\n]*)"|'([^'\n]*)'""")
# A whole line "key = value": a dotted key, then a one-line string or a scalar (no
# brackets, braces or quotes), then perhaps a comment. Anything else goes to the scanner.
_SIMPLE = re.compile(
    rf"""[ \t]*(?P<key>{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*)[ \t]*=[ \t]*
    (?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s\[\]{{}}"'\#,][^\n\#\[\]{{}}"',]*)
    [ \t\r]*(?:\#[^\n]*)?(?:\n|\Z)""",
    re.VERBOSE,
)
_BLANK = re.compile(r"(?:[ \t\r]+|#[^\n]*)*")
_BLANK_LINES = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_SCALAR = re.compile(r"[^,\]}#\n]*")
# Multi-line forms first; the content of a multi-line string may end with one or two
# quotes of its kind ('a""""' is 'a"' then the closing quotes).
_STRINGS = (
    re.compile(r'"""(?P<body>(?:[^"\\]|\\[\s\S]|"(?!""))*)"""(?:"{1,2}(?!"))?'),
    re.compile(r"'''(?P<body>(?:[^']|'(?!''))*)'''(?:'{1,2}(?!'))?"),
    re.compile(r'"(?P<body>(?:[^"\\\n]|\\.)*)"'),
    re.compile(r"'(?P<body>[^'\n]*)'"),
)


class _UnreadError(Exception):
    """The scan met something it does not read; the keys before it stay placed."""


def _parent(key: str) -> str:
    """``a.b[2].c`` → ``a.b[2]`` → ``a.b`` → ``a`` → ``""``."""
    if key.endswith("]"):
        return key[:key.rindex("[")]
    dot = key.rfind(".")
    return key[:dot] if dot >= 0 else ""
