"""Event scores: the seed article against its 12 gold events, and the PLOVER scorer's mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from whosaid.evaluation.events import plover_type, read_plover, score_events, score_plover

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "eval" / "seed"
PLOVER_GOLD = SHARED / "eval" / "plover" / "PLOVER_GSR_CAMEO.json"


@pytest.fixture(scope="module")
def seed_analysis(pipeline, seed_text):
    from whosaid.evaluation import load_article

    return pipeline.analyse(load_article(seed_text, str(SEED / "article.txt")))


def test_seed_events(seed_analysis, seed_gold):
    result = score_events(seed_gold["events"], seed_analysis, errors=True)
    # the target: at least 10 of 12 with type, actor, recipient and date right
    assert result["fully_right"] >= 10, result["errors"]
    assert result["claims_asserted_as_fact"] == 0, result["errors"]["claims_asserted_as_fact"]
    assert result["overall"]["recall"] >= 0.8
    assert result["overall"]["precision"] >= 0.4  # many accusations in quotes the gold does not list


def test_seed_invariants(seed_analysis):
    text = seed_analysis.article.text
    ids = {a.id for a in seed_analysis.actors}
    quotes = {q.id for q in seed_analysis.quotes}
    for e in seed_analysis.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert set(e.actor) <= ids and set(e.recipient) <= ids and set(e.claimed_by) <= ids
        assert e.quote is None or e.quote in quotes
        assert e.actor or e.recipient
    assert [e.id for e in seed_analysis.events] == [f"e{i}" for i in range(1, len(seed_analysis.events) + 1)]


def test_plover_type_mapping():
    assert plover_type("DISAPPROVE") == "ACCUSE" and plover_type("FIGHT") == "ASSAULT"
    assert plover_type("INVESTIGATE") == "ACCUSE" and plover_type("DEMAND") == "REQUEST"
    assert plover_type("THREATEN") == "THREATEN"
    records = read_plover(PLOVER_GOLD)
    assert len(records) == 322 and all(r["event"] != "DOCUMENT" for r in records)


def test_plover_first_records(pipeline):
    result = score_plover(PLOVER_GOLD, pipeline, limit=12)
    assert result["records"] == 12
    assert set(result["overall"]) >= {"precision", "recall", "f1"}


@pytest.mark.slow
def test_plover_scores(pipeline):
    result = score_plover(PLOVER_GOLD, pipeline)
    # floors a little under today's level (F1 0.725, countries 0.749); the targets are
    # F1 0.75 and countries 0.85
    assert result["overall"]["f1"] >= 0.70
    assert result["country_codes"]["accuracy"] >= 0.72
