"""KeyLines: the line of every key of a TOML text, found in one pass."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsreform.files._lines import MAX_DEPTH, KeyLines, NestingError
from tests.conftest import EXAMPLES

TEXT = '''format = 1
title = "a = b"   # not a key
"quoted key" = 'x'
dotted.key = 1
notes = """
[not.a.header]
key = "inside a string"
"""
list = [
  { id = "a", n = 1 },
  { id = "b", n = [1,
       2] },
]

[[sessions]]
id = "s0"

[sessions.extra]
x = 1

[[sessions]]
id = "s1"

[[organisation.after.units]]
id = "u0"
  [[organisation.after.units.units]]
  id = "u0.0"
[[organisation.after.units]]
id = "u1"
  [[organisation.after.units.units]]
  id = "u1.0"
  [[organisation.after.units.units]]
  id = "u1.1"
'''


@pytest.mark.parametrize(
    ("key", "line"),
    [("format", 1), ("title", 2), ("quoted key", 3), ("dotted.key", 4), ("dotted", 4),
     ("notes", 5), ("list", 9), ("list[0]", 10), ("list[0].n", 10), ("list[1]", 11),
     ("list[1].id", 11), ("list[1].n[1]", 12), ("sessions[0]", 15), ("sessions[0].id", 16),
     ("sessions[0].extra.x", 19), ("sessions[1].id", 22), ("sessions[1].title", 21),
     ("organisation", 24), ("organisation.after", 24),
     ("organisation.after.units[1].units[1].id", 33),
     ("organisation.after.units[0].units[0].id", 27),
     ("organisation.after.units[1].units[0].kind", 30),
     ("not.a.header", None), ("key", None)],
)
def test_lines_of_keys(key: str, line: int | None) -> None:
    """Headers, arrays of tables nested in arrays, inline tables and strings are placed."""
    assert tomllib.loads(TEXT)  # the text is TOML
    assert KeyLines(TEXT).line(key) == line


def _keys(data: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    for name, value in data.items():
        key = f"{prefix}.{name}" if prefix else name
        yield key
        if isinstance(value, dict):
            yield from _keys(value, key)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    yield from _keys(item, f"{key}[{i}]")


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_key_of_the_examples_is_on_its_line(path: Any) -> None:
    """Every key of every example is found on a line that writes its last name."""
    text = path.read_text(encoding="utf-8")
    lines, rows = KeyLines(text), text.splitlines()
    for key in _keys(tomllib.loads(text)):
        line = lines.line(key)
        assert line is not None, key
        last = key.rsplit(".", 1)[-1].split("[")[0]
        assert last in rows[line - 1], (key, line)


@pytest.mark.parametrize("value", ["[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
                                   "{a = " * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1)])
def test_nesting_past_the_limit(value: str) -> None:
    """Nesting of MAX_DEPTH + 1 levels raises NestingError with the line."""
    with pytest.raises(NestingError) as info:
        KeyLines(f"a = 1\nb = {value}\n")
    assert info.value.line == 2
    assert KeyLines(f"b = {'[' * MAX_DEPTH}{']' * MAX_DEPTH}\n").line("b") == 1


def test_dotted_keys_past_the_limit() -> None:
    """A header of more than MAX_DEPTH names is refused too."""
    with pytest.raises(NestingError):
        KeyLines("[" + ".".join(["a"] * (MAX_DEPTH + 1)) + "]\n")


_pieces = st.sampled_from(['a = 1\n', '"b" = "x"\n', "[t]\n", "[[arr]]\n", "c = [1, 2]\n",
                           'd = { e = "f" }\n', "# note\n", "\n", 'g = """\nh\n"""\n',
                           "i = [\n 1,\n]\n", "j.k = 2\n", "[t.u]\n", "[[arr.v]]\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_pieces, max_size=20).map("".join))
def test_never_raises_on_toml_and_places_every_written_key(text: str) -> None:
    """On any text (TOML or not) it never raises; every key of valid TOML is placed."""
    lines = KeyLines(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return
    for key in _keys(data):
        assert lines.line(key) is not None, key
