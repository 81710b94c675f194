"""Seed-style gold: speakers and addressees judged by name, cues by the gold cue words near the quote."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from whosaid.evaluation.gold import read_seed
from whosaid.evaluation.quotes import QuoteScorer
from whosaid.records import Actor, Analysis, Article, Quote, Speaker, Span

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "seed" / "gold.json"


@pytest.fixture(scope="module")
def gold():
    return read_seed(SEED)


def perfect_analysis(gold) -> Analysis:
    """The seed's own quotes as predictions, with actors named as in the gold."""
    text = gold["text"]
    names = sorted({n.strip() for q in gold["quotes"] for n in q["speaker"].split(";")} |
                   {q["addressee"] for q in gold["quotes"] if q["addressee"]})
    actors = tuple(Actor(id=f"a{i}", name=n, kind="person") for i, n in enumerate(names, start=1))
    ids = {a.name: a.id for a in actors}
    quotes = []
    for i, q in enumerate(gold["quotes"], start=1):
        spans = tuple(Span.of(text, a, b) for a, b in q["spans"])
        cue = None
        if q["cue"]:
            # The nearest occurrence of the cue words before or after the quote.
            found = [m for m in re.finditer(re.escape(q["cue"]), text, re.IGNORECASE)]
            m = min(found, key=lambda m: min(abs(m.start() - spans[0].start), abs(m.start() - spans[-1].end)))
            cue = Span.of(text, m.start(), m.end())
        speaker = Speaker(actors=tuple(ids[n.strip()] for n in q["speaker"].split(";")))
        quotes.append(
            Quote(id=f"q{i}", kind=q["kind"], content=spans, cue=cue, speaker=speaker,
                  addressee=ids[q["addressee"]] if q["addressee"] else None)
        )
    return Analysis(article=Article(id="seed", source="seed", text=text), actors=actors, quotes=tuple(quotes))


def score(gold, analysis):
    scorer = QuoteScorer()
    scorer.score_seed(gold, analysis)
    return scorer


def test_seed_gold_as_predictions_scores_perfectly(gold):
    overall = score(gold, perfect_analysis(gold)).result()["overall"]
    assert overall["f1_50"] == overall["f1_90"] == 1.0
    assert overall["speaker_accuracy"] == 1.0 and overall["speaker_n"] == 25
    assert overall["cue_accuracy"] == 1.0 and overall["cue_n"] == 24  # one gold quote has no cue
    assert overall["addressee_accuracy"] == 1.0 and overall["addressee_n"] == 9


def test_unresolved_or_half_found_speakers_are_wrong(gold):
    analysis = perfect_analysis(gold)
    quotes = list(analysis.quotes)
    # Quote 3 is "Khamenei and Putin agreed": naming only Khamenei is wrong.
    quotes[2] = dataclasses.replace(quotes[2], speaker=Speaker(actors=(quotes[2].speaker.actors[0],)))
    # Quote 10 is "he said": an unresolved pronoun is not a speaker.
    quotes[9] = dataclasses.replace(quotes[9], speaker=None, speaker_mention=Span(3340, 3342, "he"),
                                    speaker_reason="pronoun with no antecedent")
    scorer = score(gold, dataclasses.replace(analysis, quotes=tuple(quotes)))
    overall = scorer.result()["overall"]
    assert overall["speaker_accuracy"] == pytest.approx(23 / 25, abs=1e-3)
    wrong = [e for e in scorer.errors if e["type"] == "wrong speaker"]
    assert [e["gold_speaker"] for e in wrong] == ["Ali Khamenei; Vladimir Putin", "Ali Khamenei"]
    assert "unresolved" in wrong[1]["predicted_speaker"]


def test_surname_in_predicted_name_counts(gold):
    analysis = perfect_analysis(gold)
    actors = tuple(dataclasses.replace(a, name="Ayatollah Khamenei") if a.name == "Ali Khamenei" else a
                   for a in analysis.actors)
    overall = score(gold, dataclasses.replace(analysis, actors=actors)).result()["overall"]
    assert overall["speaker_accuracy"] == 1.0


def test_wrong_addressee_and_debris_false_alarm_are_listed(gold):
    analysis = perfect_analysis(gold)
    text = gold["text"]
    quotes = list(analysis.quotes)
    putin = next(a.id for a in analysis.actors if a.name == "Vladimir Putin")
    maduro_quote = next(i for i, q in enumerate(gold["quotes"]) if q["addressee"] == "Nicolas Maduro")
    quotes[maduro_quote] = dataclasses.replace(quotes[maduro_quote], addressee=putin)
    start = text.index("Font Size")
    quotes.append(Quote(id="debris", kind="direct", content=(Span.of(text, start, start + 9),)))
    scorer = score(gold, dataclasses.replace(analysis, quotes=tuple(quotes)))
    overall = scorer.result()["overall"]
    assert overall["addressee_accuracy"] == pytest.approx(8 / 9, abs=1e-3)
    assert overall["precision_50"] == pytest.approx(25 / 26, abs=1e-3)
    assert {e["type"] for e in scorer.errors} == {"wrong addressee", "false alarm"}
    assert any(e["text"] == "Font Size" for e in scorer.errors)
