"""The JSON Schema of project files accepts every example and what save_project writes."""

from __future__ import annotations

import json
import tomllib
from importlib.resources import files

import jsonschema
import pytest

from opsreform.files.project import dumps_project, load_project
from tests.conftest import EXAMPLE_NAMES, EXAMPLES

SCHEMA = json.loads(files("opsreform.files").joinpath("project.schema.json").read_text("utf-8"))


def test_schema_is_valid() -> None:
    """The schema itself is a valid Draft 2020-12 schema."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_and_their_saved_form_validate(name: str) -> None:
    """Each example file, and the file save_project writes from it, is valid."""
    path = EXAMPLES / f"{name}.toml"
    jsonschema.validate(tomllib.loads(path.read_text("utf-8")), SCHEMA)
    jsonschema.validate(tomllib.loads(dumps_project(load_project(path))), SCHEMA)


def test_schema_rejects_unknown_keys() -> None:
    """An unknown top-level key is invalid by the schema, as it is for the loader."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": 1, "title": "T", "colour": "red"}, SCHEMA)


def test_schema_knows_the_encoding_and_the_ranges() -> None:
    """A table's encoding is valid; a durability of 1,000 months or year 9999 is not."""
    valid = {"format": 1, "title": "T", "tables": [{"id": "t", "file": "t.csv",
                                                    "encoding": "cp1250"}]}
    jsonschema.validate(valid, SCHEMA)
    for invalid in ({"format": 1, "title": "T", "durability_months": 1000},
                    {"format": 1, "title": "T", "breaks": [{"kinds": ["training"],
                                                             "years": [9999]}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(invalid, SCHEMA)
