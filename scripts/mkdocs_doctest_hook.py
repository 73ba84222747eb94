"""MkDocs hook: docstrings' doctest examples shown as code in the API reference.

Our docstrings hold runnable examples (``>>>`` lines and their output, run by the tests)
in their text, outside any ``Examples:`` section. Markdown would read them as prose: a
``['1', '1.1']`` of output as a link, a ``<Quantity(…)>`` as an HTML tag. This hook adds
a Markdown preprocessor that fences each run of example lines (from a ``>>>`` line to
the next blank line) as a ``pycon`` code block, leaving fenced blocks alone, and shows
Sphinx roles (``:class:`~fractions.Fraction```) as code. It changes
only how the pages show the examples, never the docstrings the tests run.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_FENCE = re.compile(r"^\s*(```|~~~)")
_PROMPT = re.compile(r"^(\s*)>>> ")
# Sphinx roles (:class:`~fractions.Fraction`) in the docstrings, shown as code.
_ROLE = re.compile(r":(?:data|class|func|meth|mod|attr|exc|obj):`~?([^`]+)`")


class _DoctestFences(Preprocessor):
    """Fence each doctest block (``>>>`` up to a blank line) as ``pycon``."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fenced = False
        example: list[str] = []
        indent = ""
        for line in [*lines, ""]:
            if example:
                if line.strip():
                    example.append(line.removeprefix(indent))
                    continue
                out.extend(["", f"{indent}```pycon", *(indent + e for e in example),
                            f"{indent}```", ""])
                example = []
            if _FENCE.match(line):
                fenced = not fenced
            elif not fenced and (prompt := _PROMPT.match(line)):
                indent = prompt.group(1)
                example = [line.removeprefix(indent)]
                continue
            out.append(line if fenced else _ROLE.sub(r"`\1`", line))
        return out[:-1] if out and out[-1] == "" and lines and lines[-1] != "" else out


class _DoctestExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(_DoctestFences(md), "opsreform_doctest_fences", 35)


def on_config(config: Any) -> Any:
    """Add the preprocessor to the Markdown extensions (mkdocstrings uses them too)."""
    config.markdown_extensions.append(_DoctestExtension())
    return config
