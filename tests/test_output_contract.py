"""The output contract: `whosaid extract` output validates against docs/output.schema.json,
and docs/output.md names every field, so the docs cannot drift from the code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from whosaid.cli import main
from whosaid.records import OUTPUT_VERSION

DOCS = Path(__file__).resolve().parent.parent / "docs"
jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def schema() -> dict:
    schema = json.loads((DOCS / "output.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.fixture(scope="module")
def extracted(sample_paths) -> list[dict]:
    result = CliRunner().invoke(main, ["extract", "--jsonl", *map(str, sample_paths)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_output_for_every_sample_validates_against_the_schema(schema, extracted, sample_paths):
    assert len(extracted) == len(sample_paths)
    validator = jsonschema.Draft202012Validator(schema)
    for analysis in extracted:
        errors = sorted(validator.iter_errors(analysis), key=lambda e: list(e.path))
        assert not errors, f"{analysis['source']}: {errors[0].message} at {list(errors[0].path)}"


def test_every_span_slices_back_to_its_text(extracted):
    def spans(node):
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
                yield node
            for value in node.values():
                yield from spans(value)
        elif isinstance(node, list):
            for value in node:
                yield from spans(value)

    for analysis in extracted:
        for span in spans({k: v for k, v in analysis.items() if k != "text"}):
            assert analysis["text"][span["start"]:span["end"]] == span["text"]


def test_schema_version_is_the_code_version(schema):
    assert schema["properties"]["version"]["const"] == OUTPUT_VERSION
    assert f"version {OUTPUT_VERSION}" in (DOCS / "output.md").read_text(encoding="utf-8")


def test_the_doc_names_every_field_of_the_contract(schema, extracted):
    doc = (DOCS / "output.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", doc, flags=re.MULTILINE))
    top = set(extracted[0])
    assert top == set(schema["properties"]), "the schema and the output have different top-level fields"
    assert top <= documented, f"docs/output.md does not document {sorted(top - documented)}"
    for part in ("actor", "quote", "event"):
        fields = set(schema["$defs"][part]["properties"])
        assert fields <= documented, f"docs/output.md does not document {part} fields {sorted(fields - documented)}"


def test_the_doc_example_is_valid_output(schema):
    doc = (DOCS / "output.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"## Example.*?```json\n(.*?)```", doc, flags=re.DOTALL)[1])
    jsonschema.validate(example, schema, cls=jsonschema.Draft202012Validator)
