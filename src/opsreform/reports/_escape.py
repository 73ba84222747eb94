r"""Escaping of user text for every export format, in one place.

Titles, notes, names and addresses in a project file come from strangers; a controller
opens the reports in a calendar, a Markdown viewer, a browser or a spreadsheet. Every
renderer passes user text through the helper of its format, and nothing else escapes:

- :func:`one_line` — plain text on one line: control characters, line and paragraph
  separators become a space, and what no text file can hold (lone surrogates, U+FFFE,
  U+FFFF) becomes U+FFFD. iCalendar values, text charts and the base of the others.
- :func:`html_text`, :func:`html_lines` — HTML element content and attribute values.
- :func:`xml_text` — SVG text: one line, only characters XML 1.0 allows, ``<>&"'``
  escaped.
- :func:`markdown_inline` (table cells) and :func:`markdown_block` (headings, lines of
  their own) — Markdown that renders the text as written.
- :func:`csv_cell` — a spreadsheet cell that cannot become a formula.
- :func:`workbook_text` — the text of a workbook (xlsx) cell: what XML can hold, line
  breaks kept, no longer than a cell holds. Workbook cells are written as strings,
  never as formulas, so no sign needs neutralising there.
- :func:`mathtext_literal` — a matplotlib label drawn literally, never as mathematics.

Markdown
    ``&``, ``<`` and ``>`` become character references (no raw HTML, no autolink, no
    block quote); ``\``, `````, ``*``, ``_``, ``[``, ``]`` and ``|`` get a backslash
    (no emphasis, code span, link, image or extra table cell). Only characters that
    both CommonMark and Python-Markdown (mkdocs) accept after a backslash get one; in a
    line of its own, a leading ``-``, ``+``, ``=``, ``~`` or ``1.`` (a list, a rule, a
    setext underline, a fence) is escaped too, and so is every ``#`` (a heading and its
    closing sequence).

CSV: formulas and real data
    A cell whose first non-blank character is a formula sign — ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return, or any character that Unicode compatibility
    folds to one of the four signs (the full-width ``＝ ＋ － ＠``, the small forms
    ``﹦ ﹢ ﹣ ﹫``) — is prefixed with ``'``, which a spreadsheet shows as text. Blank
    here means whitespace and invisible characters (controls, format characters) other
    than the tab and the carriage return, which count as signs themselves.

    Two kinds of text cell keep their leading ``-``, because they are the reports' own
    data and cannot compute anything:

    - exactly ``-``, the harmonogram's marker of an unnumbered item;
    - a figure: an optional minus, digits (grouped by spaces), an optional decimal part
      and an optional `` zł`` or `` %`` (``-5``, ``-1 234,50 zł``, ``-2,5 %``). Such a
      cell holds no name, reference, call or operator other than the sign, so even read
      as a formula it yields a number at most.

    Anything else is neutralised: ``-2+3``, ``+48 32 285 00 00`` (a leading ``+`` is
    never our data), ``-`` followed by text. Numbers given as numbers (``int``,
    ``Decimal``) are written as they are. Text keeps its tabs and line breaks (the CSV
    writer quotes them); other control characters become a space first, as everywhere.
"""

from __future__ import annotations

import html
import re
import unicodedata
from decimal import Decimal

__all__ = ["csv_cell", "html_lines", "html_text", "markdown_block", "markdown_inline",
           "mathtext_literal", "one_line", "workbook_text", "xml_text"]

# C0 and C1 controls (with DEL), and the Unicode line and paragraph separators: some
# readers (Python's str.splitlines among them) break lines at any of these.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# What no UTF-8 file can hold (lone surrogates) or XML 1.0 forbids (U+FFFE, U+FFFF).
_UNWRITABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
# Controls other than the tab, LF and CR, which CSV holds (quoted) and which matter to
# the formula check.
_CSV_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_MD_INLINE = re.compile(r"[\\`*_\[\]|]")
# At the start of a line of its own: a list item, a thematic break, a setext underline
# or a code fence; ordered list items ("1." "1)") escape their punctuation.
_MD_LEADING = {"-": r"\-", "+": r"\+", "=": "&#61;", "~": "&#126;"}
_MD_ORDERED = re.compile(r"([0-9]+)([.)])")
_CSV_SIGNS = frozenset("=+-@")
_FIGURE = re.compile(r"-?[0-9]+(?:[ \u00a0\u202f][0-9]+)*(?:[,.][0-9]+)?(?:[ \u00a0]?(?:zł|%))?")


def one_line(text: str) -> str:
    r"""Return ``text`` as plain text on one line.

    Each run of control characters (line breaks and tabs among them) and of line or
    paragraph separators becomes one space; lone surrogates, U+FFFE and U+FFFF become
    U+FFFD. Everything else, other scripts included, is kept.

    >>> one_line("Szkolenie\r\nATTENDEE:mailto:x@example.org")
    'Szkolenie ATTENDEE:mailto:x@example.org'
    >>> one_line("a\x00\x1b[31mb\u2028c")
    'a [31mb c'
    """
    return _CONTROLS.sub(" ", _UNWRITABLE.sub("\ufffd", text))


def _lines(text: str) -> str:
    """Keep line breaks (as LF); otherwise as :func:`one_line`."""
    return "\n".join(one_line(line) for line in _LINE_BREAK.split(text))


def html_text(text: str) -> str:
    r"""Return ``text`` as HTML on one line, for element content or a quoted attribute.

    >>> html_text('<script>alert("x")</script>\n&')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;'
    """
    return html.escape(one_line(text), quote=True)


def html_lines(text: str) -> str:
    r"""Return ``text`` as HTML, its line breaks as ``<br>`` (for table cells).

    >>> html_lines("a <b>\r\nc\x00d")
    'a &lt;b&gt;<br>c d'
    """
    return html.escape(_lines(text), quote=True).replace("\n", "<br>")


def xml_text(text: str) -> str:
    r"""Return ``text`` as XML 1.0 character data or a quoted attribute value, on one line.

    Characters XML 1.0 does not allow are replaced (see :func:`one_line`), and
    ``<>&"'`` are escaped, so the document stays well-formed whatever the text.

    >>> xml_text("Zespół <A&B> 'x'\x0c")
    'Zespół &lt;A&amp;B&gt; &#x27;x&#x27; '
    """
    return html.escape(one_line(text), quote=True)


def markdown_inline(text: str) -> str:
    r"""Return ``text`` as Markdown inline content (a table cell), shown as written.

    >>> markdown_inline("<script>x</script> | *a* [b](c)\nd")
    '&lt;script&gt;x&lt;/script&gt; \\| \\*a\\* \\[b\\](c) d'
    >>> markdown_inline("-")
    '-'
    """
    return _MD_INLINE.sub(r"\\\g<0>", html.escape(one_line(text), quote=False))


def markdown_block(text: str) -> str:
    r"""Return ``text`` as a Markdown line of its own (a heading or a note), shown as written.

    On top of :func:`markdown_inline`: blanks around the text are dropped (four before
    it would start a code block, two after it a line break), every ``#`` and a leading
    list, rule, underline or fence marker are escaped.

    >>> markdown_block("# Zadanie #2")
    '\\# Zadanie \\#2'
    >>> markdown_block("- punkt"), markdown_block("==="), markdown_block("1. raz")
    ('\\- punkt', '&#61;==', '1\\. raz')
    """
    line = markdown_inline(text).strip().replace("#", r"\#")
    if line[:1] in _MD_LEADING:
        return _MD_LEADING[line[0]] + line[1:]
    ordered = _MD_ORDERED.match(line)
    if ordered:
        return f"{ordered[1]}\\{ordered[2]}{line[ordered.end():]}"
    return line


def _is_blank(char: str) -> bool:
    """Whitespace or an invisible character, but not a tab or CR (which are signs)."""
    return char not in "\t\r" and (char.isspace() or unicodedata.category(char) in {
        "Cc", "Cf", "Zs", "Zl", "Zp"})


def csv_cell(cell: str | int | Decimal | None) -> str | int | Decimal:
    r"""Return a cell for a CSV file that no spreadsheet reads as a formula.

    See the module docstring for what is neutralised and what is kept.

    >>> [csv_cell(c) for c in ["=1+2", " @SUM(A1)", "＝1", "-2+3", "\tx", "Sala"]]
    ["'=1+2", "' @SUM(A1)", "'＝1", "'-2+3", "'\tx", 'Sala']
    >>> [csv_cell(c) for c in ["-", "-5", "-1 234,50 zł", -7, None, "a\x00b"]]
    ['-', '-5', '-1 234,50 zł', -7, '', 'a b']
    """
    if cell is None:
        return ""
    if not isinstance(cell, str):
        return cell
    text = _CSV_CONTROLS.sub(" ", _UNWRITABLE.sub("\ufffd", cell))
    if text == "-" or _FIGURE.fullmatch(text):
        return text
    first = next((c for c in text if not _is_blank(c)), "")
    if first in ("\t", "\r") or (first and unicodedata.normalize("NFKC", first)[:1]
                                 in _CSV_SIGNS):
        return "'" + text
    return text


WORKBOOK_CELL_LIMIT = 32767
"""The most UTF-16 code units an Excel cell holds."""


def workbook_text(text: str) -> str:
    r"""Return ``text`` for a workbook cell: line breaks as LF, tabs kept, other controls a space.

    What no XML file can hold becomes U+FFFD (see :func:`one_line`); text longer than a
    cell holds (32 767 UTF-16 code units) is cut, ending with ``…``.

    >>> workbook_text("a\r\nb\x00c\td\ud800")
    'a\nb c\td\ufffd'
    >>> len(workbook_text("x" * 40000))
    32767
    """
    cleaned = _CSV_CONTROLS.sub(" ", _UNWRITABLE.sub("\ufffd", _LINE_BREAK.sub("\n", text)))
    if len(cleaned) <= WORKBOOK_CELL_LIMIT // 2:  # fits even if all are surrogate pairs
        return cleaned
    units = 0
    for end, char in enumerate(cleaned):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > WORKBOOK_CELL_LIMIT - 1 and end + 1 < len(cleaned):
            return cleaned[:end] + "…"
    return cleaned if units <= WORKBOOK_CELL_LIMIT else cleaned[:-1] + "…"


def mathtext_literal(text: str) -> str:
    r"""Return ``text`` on one line for a matplotlib label, drawn as written.

    matplotlib reads text between two unescaped ``$`` as mathematics (and raises on
    what it cannot parse); outside it, only ``\$`` means anything, so escaping every
    ``$`` is enough (with ``text.usetex`` off, as the chart sets it).

    >>> mathtext_literal("$x^2$ za 5$")
    '\\$x^2\\$ za 5\\$'
    """
    return one_line(text).replace("$", r"\$")
