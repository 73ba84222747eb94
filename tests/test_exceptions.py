"""The exception tree: builtin bases, typed fields, messages, pickling."""

from __future__ import annotations

import copy
import pickle

import pytest

from opsreform import exceptions
from opsreform.exceptions import (
    OpsReformError,
    ParseError,
    PlanningError,
    ProjectFileError,
    TemplateError,
    ValidationError,
)


def test_tree() -> None:
    """Every error is an OpsReformError; the readers' errors are also ValueErrors."""
    for cls in (ParseError, ValidationError, ProjectFileError, PlanningError, TemplateError):
        assert issubclass(cls, OpsReformError)
    for cls in (ParseError, ValidationError, ProjectFileError, TemplateError):
        assert issubclass(cls, ValueError)
    assert not issubclass(ParseError, ValidationError)
    assert set(exceptions.__all__) == {"OpsReformError", "ParseError", "PlanningError",
                                       "ProjectFileError", "TemplateError", "ValidationError"}


def test_parse_error_message_shows_the_place() -> None:
    """A ParseError names what was expected and quotes the text from the position."""
    error = ParseError("bad month", text="12.13.2018", position=3, expected="a month 1-12")
    assert (error.text, error.position, error.expected) == ("12.13.2018", 3, "a month 1-12")
    assert error.message == "bad month"
    assert str(error) == ("bad month; expected a month 1-12 "
                          "(at position 3 in '12.13.2018': '13.2018')")


def test_parse_error_without_position() -> None:
    """Without a position the message quotes the whole text."""
    error = ParseError("empty text", text="  ")
    assert error.position is None
    assert str(error) == "empty text (in '  ')"


def test_parse_error_quotes_a_long_text_in_part() -> None:
    """A text of 100,000 characters is quoted by its ends, not repeated whole."""
    text = "x" * 50_000 + "ul. Długa" + "y" * 50_000
    error = ParseError("no street", text=text, position=50_000)
    assert error.text == text
    assert len(str(error)) < 300
    assert "'ul. Długa" in str(error) and "100009 characters" in str(error)


def test_parse_error_needs_the_text() -> None:
    """The text is a keyword-only, required field."""
    with pytest.raises(TypeError):
        ParseError("x")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ParseError("x", "text")  # type: ignore[call-arg]


def test_validation_error_fields() -> None:
    """A ValidationError carries the field and the value, and names the field."""
    error = ValidationError("ends before it starts", field="end", value=3)
    assert (error.field, error.value, error.message) == ("end", 3, "ends before it starts")
    assert str(error) == "end: ends before it starts"
    assert str(ValidationError("whole object")) == "whole object"


def test_project_file_error_place() -> None:
    """A ProjectFileError names the file, line and key."""
    assert str(ProjectFileError("bad", path="p.toml", line=3, key="sessions[1].date")) == (
        "p.toml:3 [sessions[1].date]: bad")
    assert str(ProjectFileError("bad", key="k")) == "[k]: bad"
    assert str(ProjectFileError("bad")) == "bad"


def test_template_error_place() -> None:
    """A TemplateError names the template and the line."""
    assert str(TemplateError("unknown tag", template="schedule.html.j2", line=4)) == (
        "schedule.html.j2:4: unknown tag")
    assert str(TemplateError("bad")) == "bad"


@pytest.mark.parametrize(
    "error",
    [ParseError("bad", text="31.02.2018", position=0, expected="a day"),
     ParseError("empty", text=""),
     ValidationError("bad", field="end", value=(1, 2)),
     ProjectFileError("bad", path="x.toml", line=2, key="a.b"),
     TemplateError("bad", template="base.html.j2", line=3),
     PlanningError("no room")],
    ids=lambda e: type(e).__name__,
)
def test_errors_pickle_and_copy(error: OpsReformError) -> None:
    """Errors survive pickling (multiprocessing) and copying with every field."""
    for clone in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
        assert type(clone) is type(error)
        assert str(clone) == str(error)
        assert vars(clone) == vars(error)
