"""``whosaid eval`` as a user runs it: tables, JSON, both systems, annotator choice, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from whosaid.cli import main
from whosaid.evaluation import GoldError, gold_format, load_article

FIXTURE = Path(__file__).parent / "fixtures" / "brat"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
SEED = SHARED / "seed" / "gold.json"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["eval", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_seed_json_gives_both_systems_side_by_side(pipeline):
    data = json.loads(run(str(SEED), "--system", "both", "--json"))
    assert data["format"] == "seed" and data["gold_quotes"] == 25 and data["model"] == "md"
    assert set(data["systems"]) == {"whosaid", "textacy"}
    textacy = data["systems"]["textacy"]["quotes"]["overall"]
    # textacy finds direct quotes only; on the seed it finds some of them, precisely.
    assert 0.3 < textacy["recall_50"] < 0.9 and textacy["precision_50"] > 0.7
    assert data["systems"]["textacy"]["quotes"]["by_kind"]["indirect"]["recall_50"] == 0.0
    assert "errors" not in data["systems"]["textacy"]


def test_table_names_corpus_system_model_and_kind_derivation(pipeline):
    out = run(str(SHARED / "polnear" / "dev"), "--limit", "2", "--system", "textacy")
    assert "polnear" in out and "textacy" in out and "model: md" in out
    assert "F1 ≥.5" in out and "F1 ≥.9" in out
    assert "no quote-kind label" in out
    assert "every annotation file scored separately" in out


def test_annotator_choice_changes_the_docs_scored(pipeline):
    both = json.loads(run(str(FIXTURE), "--system", "textacy", "--json"))
    first = json.loads(run(str(FIXTURE), "--system", "textacy", "--json", "--annotator", "first"))
    assert (both["docs"], both["gold_quotes"]) == (2, 5)
    assert (first["docs"], first["gold_quotes"]) == (1, 4)
    assert both["agreement"]["articles"] == 1


def test_errors_list_misses_with_their_text(pipeline):
    out = run(str(FIXTURE), "--system", "textacy", "--errors", "--annotator", "first")
    assert "miss" in out
    assert "the race was close" in out  # an indirect quote textacy cannot find


def test_unknown_gold_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(GoldError, match="not a PolNeAR folder"):
        gold_format(bad)
    result = CliRunner().invoke(main, ["eval", str(bad)])
    assert result.exit_code == 2 and "not a PolNeAR folder" in result.output


def test_ingest_that_changes_the_text_fails_loudly(monkeypatch):
    import whosaid.ingest as ingest

    real = ingest.article_from_string
    monkeypatch.setattr(ingest, "article_from_string", lambda text, **kw: real(text.strip() + " ", **kw))
    with pytest.raises(GoldError, match="changed the article text"):
        load_article(" Padded text.", "gold.txt")


def test_every_command_in_the_evaluation_docs_parses():
    """docs/evaluation.md cannot drift from the command: each example's options must exist."""
    import shlex

    from whosaid.commands.evaluate import eval_command

    doc = (Path(__file__).resolve().parents[2] / "docs" / "evaluation.md").read_text(encoding="utf-8")
    lines = [line.split("#")[0].strip() for line in doc.splitlines() if line.startswith("whosaid eval ")]
    assert len(lines) >= 6
    for line in lines:
        args = shlex.split(line)[2:]
        eval_command.make_context("eval", [a for a in args], resilient_parsing=False)
    documented = {o for line in lines for o in shlex.split(line) if o.startswith("--")}
    assert documented >= {"--system", "--limit", "--errors", "--annotator", "--json"}


def test_an_article_ingest_refuses_counts_as_a_whosaid_failure(monkeypatch, pipeline):
    import whosaid.ingest as ingest
    from whosaid.errors import InputRejected
    from whosaid.evaluation import evaluate

    def refuse(text, source="", **kw):
        raise InputRejected("not-english", "the text is not in English", source)

    monkeypatch.setattr(ingest, "article_from_string", refuse)
    result = evaluate(FIXTURE, systems=("whosaid", "textacy"), annotator="first", pipeline=pipeline)
    whosaid = result["systems"]["whosaid"]
    assert whosaid["failed_docs"] == 1 and "not-english" in whosaid["failures"][0]
    assert whosaid["predictions"] == 0
    assert result["systems"]["textacy"]["failed_docs"] == 0


def test_an_article_over_the_time_limit_is_a_failure_not_a_hang(monkeypatch, pipeline):
    import time

    from whosaid.evaluation import evaluate

    monkeypatch.setattr(type(pipeline), "analyse", lambda self, article: time.sleep(5))
    started = time.perf_counter()
    result = evaluate(FIXTURE, systems=("whosaid",), annotator="first", pipeline=pipeline, timeout=0.2)
    assert time.perf_counter() - started < 3
    assert "longer than 0.2 s" in result["systems"]["whosaid"]["failures"][0]
