"""The exceptions opsreform raises: one base, and subclasses that say what was wrong.

The hierarchy::

    OpsReformError                    every error raised on purpose by opsreform
    ├── ParseError (ValueError)       a text in a Polish form could not be read
    ├── ValidationError (ValueError)  an object would be invalid, so it is not built
    ├── ProjectFileError              a project file or a session table is broken
    │                                 (names the file, the line or key)
    ├── PlanningError                 a planning request cannot be met (says why)
    └── TemplateError (ValueError)    a report template cannot be loaded or rendered
                                      (names the template and the line)

Every message names what was found and what was expected, so that a user can act on
it without reading the source.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "OpsReformError",
    "ParseError",
    "PlanningError",
    "ProjectFileError",
    "TemplateError",
    "ValidationError",
]


def _rebuild(cls: type[Exception], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Exception:
    """Rebuild an exception from its message and keyword fields (used by pickle)."""
    return cls(*args, **kwargs)


_QUOTED = 80
"""How many characters of a text a message quotes: a cell of 100 KB is not repeated."""
_MESSAGE = 200
"""The longest message (without the quoted text) a ParseError keeps."""


def _quoted(text: str) -> str:
    """``repr(text)``, cut in the middle when longer than :data:`_QUOTED` characters."""
    if len(text) <= _QUOTED:
        return repr(text)
    return f"{text[:_QUOTED - 20]!r}…{text[-10:]!r} ({len(text)} characters)"


class OpsReformError(Exception):
    """Base class of every error opsreform raises on purpose."""


class ParseError(OpsReformError, ValueError):
    """A text in one of the Polish forms (date, slot, period, amount…) could not be read.

    Attributes:
        message: The message alone, without the position and text appended (cut to
            200 characters: it may quote a word of the text).
        text: The whole input that was being read.
        position: Index in ``text`` where the problem starts, or ``None`` when the
            problem is the text as a whole (for example an empty string).
        expected: What would have been accepted there, in words.

    """

    def __init__(
        self, message: str, *, text: str, position: int | None = None, expected: str = ""
    ) -> None:
        if len(message) > _MESSAGE:  # a message that quotes a word of a thousand letters
            message = f"{message[:_MESSAGE - 1]}…"
        self.text = text
        self.position = position
        self.expected = expected
        detail = message
        if expected:
            detail += f"; expected {expected}"
        if position is not None:
            detail += (f" (at position {position} in {_quoted(text)}: "
                       f"{text[position:position + 20]!r})")
        else:
            detail += f" (in {_quoted(text)})"
        self.message = message
        super().__init__(detail)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only arguments: rebuild through a helper so that pickling (and so
        # multiprocessing and copy) keeps every field.
        return (_rebuild, (type(self), (self.message,), {
            "text": self.text, "position": self.position, "expected": self.expected}))


class ValidationError(OpsReformError, ValueError):
    """An object would be invalid (for example a period that ends before it starts).

    Attributes:
        message: The message alone, without the field name.
        field: The name of the offending field, or ``None`` when the object as a whole
            is inconsistent.
        value: The offending value (``None`` when not applicable).

    """

    def __init__(self, message: str, *, field: str | None = None, value: object = None) -> None:
        self.field = field
        self.value = value
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), (self.message,), {"field": self.field,
                                                         "value": self.value}))


class ProjectFileError(OpsReformError, ValueError):
    """A project file (TOML) or a session table (CSV, Markdown) cannot be read.

    Attributes:
        message: The message alone, without the place.
        path: The file, as given (``None`` for text that did not come from a file).
        line: The 1-based line number where the problem is, when known.
        key: The dotted key inside a project file (``sessions[3].date``), when known.

    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.key = key
        self.message = message
        where = ":".join(p for p in (path, None if line is None else str(line)) if p)
        if key:
            where = f"{where} [{key}]" if where else f"[{key}]"
        super().__init__(f"{where}: {message}" if where else message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), (self.message,), {
            "path": self.path, "line": self.line, "key": self.key}))


class PlanningError(OpsReformError):
    """A planning request cannot be met; the message says which constraint prevents it.

    Attributes:
        refusals: When dates were refused, which rule (or limit) refused how many and
            the first of them (:class:`opsreform.planning.Refusal`); empty when the
            request itself is incomplete.
        said: The refusal as a message said in any language (``said.text("en")``), or
            ``None`` for an incomplete request.

    """

    def __init__(self, message: str, *, refusals: tuple[Any, ...] = (),
                 said: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.refusals = refusals
        self.said = said

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), (self.message,), {"refusals": self.refusals,
                                                         "said": self.said}))


class TemplateError(OpsReformError, ValueError):
    """A report template cannot be loaded or rendered (most often a user's own).

    Attributes:
        message: The message alone, without the place.
        template: The template's name (``schedule.html.j2``), when known.
        line: The 1-based line in it, when known.

    """

    def __init__(self, message: str, *, template: str | None = None,
                 line: int | None = None) -> None:
        self.template = template
        self.line = line
        self.message = message
        where = ":".join(p for p in (template, None if line is None else str(line)) if p)
        super().__init__(f"{where}: {message}" if where else message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), (self.message,), {"template": self.template,
                                                         "line": self.line}))
