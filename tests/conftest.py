"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"
SEED = SHARED / "eval" / "seed"


@pytest.fixture(scope="session")
def pipeline():
    from whosaid.pipeline import Pipeline

    return Pipeline("md")


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEED / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((SEED / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))
