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


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory) -> Path:
    """A database filled from the bundled samples with ``whosaid ingest``, built once per session.

    Read-only for tests: copy it first to write (the API and web tests share it).
    """
    import subprocess
    import sys

    db = tmp_path_factory.mktemp("samples_db") / "whosaid.db"
    subprocess.run([sys.executable, "-m", "whosaid", "ingest", str(SAMPLES), "--db", str(db)],
                   check=True, capture_output=True, text=True, timeout=600)
    return db
