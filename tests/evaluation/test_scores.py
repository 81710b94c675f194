"""Scoring rules of ../shared/eval/README.md on hand-made cases: no model needed."""

from __future__ import annotations

import pytest

from whosaid.evaluation.gold import dice, tokens
from whosaid.evaluation.quotes import (
    QuoteScorer,
    Tally,
    name_matches,
    overlaps,
    pair_greedy,
    speakers_match,
)
from whosaid.records import Span


def test_tokens_are_lowercased_word_runs():
    assert tokens("“The U.S. isn’t—” he said.") == ["the", "u", "s", "isn", "t", "he", "said"]
    assert tokens("  ,;  ") == []


def test_dice_counts_multisets():
    assert dice(["a", "b"], ["a", "b"]) == 1.0
    assert dice(["a", "a", "b"], ["a", "b", "b"]) == pytest.approx(2 * 2 / 6)
    assert dice(["a"], ["b"]) == 0.0
    assert dice([], []) == 0.0


def test_greedy_pairing_takes_the_best_pair_first():
    # Gold 0's best prediction is prediction 0 (Dice 0.91), but prediction 0 fits
    # gold 1 exactly. Pairing gold in reading order would give gold 0 prediction 0;
    # greedy by highest Dice pairs gold 1 with prediction 0 first, then gold 0 with 1.
    gold = [tokens("a b c d e"), tokens("a b c d e f")]
    pred = [tokens("a b c d e f"), tokens("a b c d e x y z w v")]
    assert dice(gold[0], pred[0]) > dice(gold[0], pred[1])
    pairs = pair_greedy(gold, pred)
    assert pairs == [(1, 0, 1.0), (0, 1, pytest.approx(2 * 5 / 15))]


def test_pairing_is_one_to_one():
    pairs = pair_greedy([tokens("same words here")] * 2, [tokens("same words here")])
    assert len(pairs) == 1


def test_overlap_needs_one_shared_character():
    assert overlaps(Span(0, 5, "a"), Span(4, 9, "b"))
    assert not overlaps(Span(0, 5, "a"), Span(5, 9, "b"))
    assert not overlaps(None, Span(0, 1, "x"))


@pytest.mark.parametrize(
    "gold, predicted, person, ok",
    [
        ("Ali Khamenei", "Ali Khamenei", True, True),
        ("Ali Khamenei", "ayatollah ali khamenei", True, True),  # surname appears
        ("Ali Khamenei", "Khamenei", True, True),
        ("Ali Khamenei", "Ali Akbar Velayati", True, False),
        ("Vladimir Putin", "he", True, False),
        ("U.S. State Department", "State Department", False, True),
        ("Kremlin", "the Kremlin", False, True),
        ("United States", "U.S.", False, False),
    ],
)
def test_name_rules(gold, predicted, person, ok):
    assert name_matches(gold, predicted, person=person) is ok


def test_several_speakers_must_all_be_found():
    persons = {"ali khamenei", "vladimir putin"}
    gold = "Ali Khamenei; Vladimir Putin"
    assert speakers_match(gold, ["Ali Khamenei", "Vladimir Putin"], persons)
    assert not speakers_match(gold, ["Ali Khamenei"], persons)
    # An extra speaker is a wrong attribution too.
    assert not speakers_match("Ali Khamenei", ["Ali Khamenei", "Vladimir Putin"], persons)
    assert not speakers_match(gold, [], persons)


def test_f1_is_zero_when_nothing_is_predicted_and_undefined_when_nothing_is_due():
    assert Tally(gold=5).scores()["f1_50"] == 0.0
    assert Tally(gold=5).scores()["precision_50"] is None
    assert Tally().scores()["f1_50"] is None


def test_kind_breakdown_counts_recall_by_gold_kind():
    from whosaid.evaluation.gold import GoldAttribution, GoldDoc
    from whosaid.records import Analysis, Article, Quote

    text = "“We will win,” she said. He said taxes rise."
    direct = Span.of(text, 0, 14)
    indirect = Span.of(text, 33, 44)
    gold = GoldDoc(
        id="d",
        text=text,
        attributions=(
            GoldAttribution((direct,), Span.of(text, 15, 18), Span.of(text, 19, 23), "direct"),
            GoldAttribution((indirect,), Span.of(text, 25, 27), Span.of(text, 28, 32), "indirect"),
        ),
    )
    analysis = Analysis(
        article=Article(id="d", source="d", text=text),
        quotes=(Quote("q1", "direct", (direct,), cue=Span.of(text, 19, 23), speaker_mention=Span.of(text, 15, 18)),),
    )
    scorer = QuoteScorer()
    scorer.score_polnear(gold, analysis)
    result = scorer.result()
    assert result["overall"]["recall_50"] == 0.5
    assert result["overall"]["precision_50"] == 1.0
    assert result["by_kind"]["direct"]["recall_50"] == 1.0
    assert result["by_kind"]["indirect"]["recall_50"] == 0.0
    assert result["overall"]["speaker_accuracy"] == 1.0
    assert [e["type"] for e in scorer.errors] == ["miss"]
