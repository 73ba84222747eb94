"""A small tokenizer shared by the date, period and slot readers.

Positions always refer to the text as the user gave it: diacritics are folded one
character for one, so an offset in the folded text is an offset in the original. Text
in decomposed form (a letter followed by a combining accent, as some PDF exports write
``ź``) is read too: the combining marks belong to the word and are dropped from its
folded text.
"""

from __future__ import annotations

import re

import attrs

from opsreform.exceptions import ParseError

_FOLD = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")

# Dashes people type between the ends of a range: hyphen, en dash, em dash, minus,
# horizontal bar.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

# Combining diacritical marks (decomposed text: "z" + U+0301 for "ź").
_MARKS = "\u0300-\u036f"
_STRIP_MARKS = re.compile(f"[{_MARKS}]+")

# Numbers are ASCII digits only: Python's \d (and int()) also take Arabic-Indic and other
# scripts' digits, which no Polish document writes ("٢٢.٠٥.٢٠١٨" is not a date). A word
# holds no digit of any script, so such digits are an error where they stand.
_TOKEN = re.compile(
    rf"""
    (?P<iso>[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}(?![0-9.]))
  | (?P<ddate>[0-9]{{1,2}}\.[0-9]{{1,2}}\.[0-9]{{4}}(?![0-9]))
  | (?P<time>[0-9]{{1,2}}[.:][0-9]{{2}}(?![0-9.:]))
  | (?P<num>[0-9]+)
  | (?P<word>[^\W\d_](?:[^\W\d_]|[{_MARKS}])*\.?)
  | (?P<dash>[{DASHES}])
  | (?P<comma>[,;])
    """,
    re.VERBOSE,
)


def fold(text: str) -> str:
    """Return ``text`` lower-cased with Polish diacritics removed, keeping its length.

    A character whose lower case is longer (``İ``) stays as it is, so that positions in
    the folded text are positions in ``text``.

    >>> fold("Październik İ")
    'pazdziernik İ'
    """
    folded = text.translate(_FOLD).lower()
    if len(folded) == len(text):
        return folded
    return "".join(
        low if len(low := char.lower()) == 1 else char for char in text.translate(_FOLD))


@attrs.frozen
class Token:
    """One token: its kind, its folded text, and where it stands in the input."""

    kind: str
    text: str
    start: int
    end: int


def tokenize(text: str, *, kinds: frozenset[str] | None = None, what: str) -> list[Token]:
    """Split ``text`` into tokens, raising ParseError at the first character none matches.

    Args:
        text: The input as the user gave it.
        kinds: The token kinds allowed here (others are errors at their position).
        what: What is being read, for the error message ("a date", "a period"…).

    Raises:
        ParseError: For an empty text or a character that belongs to no token.

    """
    if not text.strip():
        raise ParseError(f"empty text where {what} was expected", text=text, expected=what)
    folded = fold(text)
    tokens: list[Token] = []
    pos = 0
    while True:
        while pos < len(folded) and folded[pos].isspace():
            pos += 1
        if pos >= len(folded):
            return tokens
        match = _TOKEN.match(folded, pos)
        kind = match.lastgroup if match else None
        if match is None or kind is None or (kinds is not None and kind not in kinds):
            bad = text[pos:pos + 40].split(maxsplit=1)[0]  # a word, at most 40 characters
            raise ParseError(
                f"unexpected {bad!r} while reading {what}", text=text, position=pos,
                expected=what,
            )
        word = match.group()
        if kind == "word":
            word = _STRIP_MARKS.sub("", word)
        tokens.append(Token(kind, word, match.start(), match.end()))
        pos = match.end()
