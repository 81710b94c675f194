"""The actor stage on the seed article and the bundled samples: gold scores and invariants."""

from __future__ import annotations

import pytest

from whosaid.actors import MentionIndex, find_actors
from whosaid.evaluation.actors import occurrences, score_actors, score_speaker_resolution, source_form
from whosaid.evaluation.gold import GoldAttribution, GoldDoc
from whosaid.ingest import article_from_string
from whosaid.nlp.parse import parse
from whosaid.records import Analysis, Article, Span


@pytest.fixture(scope="module")
def seed_analysis(nlp, seed_text):
    article = article_from_string(seed_text, source="seed/article.txt", format="txt")
    return Analysis(article=article, actors=find_actors(parse(nlp, article), article))


def test_seed_gold_actors_are_found_with_their_country(seed_gold, seed_analysis):
    scores = score_actors(seed_gold, seed_analysis)
    assert scores["actors_found"] == 17
    assert scores["countries_right"] == 17, {k: v["country"] for k, v in scores["per_actor"].items()
                                             if not v["country_right"]}


def test_seed_person_mention_recall(seed_gold, seed_analysis):
    # target 0.9 for each person; measured 1.0 for all six (2026-11-29). The 0.05 tolerance
    # absorbs one parser change moving a single mention of the 23 Khamenei ones.
    scores = score_actors(seed_gold, seed_analysis)
    people = {k: v for k, v in scores["per_actor"].items() if v["kind"] == "person"}
    assert len(people) == 6
    for name, v in people.items():
        assert v["recall"] >= 0.9 - 0.05, (name, v["missed"])
    assert scores["overall"]["recall"] >= 0.9
    assert scores["overall"]["precision"] >= 0.85


def test_seed_descriptions_and_pronouns_reach_khamenei(seed_text, seed_analysis):
    index = MentionIndex(seed_analysis.actors)
    for phrase in ("The Shi’ite mullah", "the ayatollah", "the Iranian", "the supreme leader"):
        start = seed_text.index(phrase)
        actor, _ = index.actor_at(start, start + len(phrase))
        assert actor is not None and actor.name == "Ali Khamenei", phrase
    start = seed_text.index("he told Buhari")
    actor, _ = index.actor_at(start, start + 2)
    assert actor is not None and actor.name == "Ali Khamenei"


def check_invariants(article: Article, actors) -> None:
    seen: set[tuple[int, int]] = set()
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    for actor in actors:
        assert actor.kind in ("person", "organisation", "country", "group")
        assert actor.mentions, actor
        assert list(actor.mentions) == sorted(actor.mentions, key=lambda m: (m.start, m.end))
        for m in actor.mentions:
            assert article.text[m.start:m.end] == m.text
            assert m.kind in ("name", "nominal", "pronoun")
            assert not any(m.start < s.end and s.start < m.end for s in article.excluded), m
            assert (m.start, m.end) not in seen, m
            seen.add((m.start, m.end))


def test_invariants_on_the_seed(seed_analysis):
    check_invariants(seed_analysis.article, seed_analysis.actors)


def test_invariants_on_samples_with_debris(nlp, sample_paths):
    for path in sample_paths[:6]:
        text = path.read_text(encoding="utf-8")
        # mark the second line as debris, as ingest does for page furniture
        first = text.index("\n") + 1
        second = text.find("\n", first)
        article = Article(id=path.stem, source=str(path), text=text,
                          excluded=(Span.of(text, first, second),) if second > first else ())
        check_invariants(article, find_actors(parse(nlp, article), article))


def test_gold_mention_occurrences_count_nested_ones_once():
    text = "Ayatollah Ali Khamenei met Putin. Khamenei said Iran’s view was clear."
    spans = occurrences(text, ["Ayatollah Ali Khamenei", "Khamenei"])
    assert [text[s:e] for s, e in spans] == ["Ayatollah Ali Khamenei", "Khamenei"]


def test_source_forms():
    assert source_form("he") == "pronoun"
    assert source_form("The Republican nominee") == "description"
    assert source_form("Donald Trump") is None
    assert source_form("The New York Post") is None


def test_speaker_resolution_score_on_a_small_gold_doc(nlp):
    text = "Senator Elizabeth Warren spoke in Boston on Monday. She said the bank had failed its customers."
    article = Article(id="d", source="d.txt", text=text)
    analysis = Analysis(article=article, actors=find_actors(parse(nlp, article), article))
    she = text.index("She")
    gold = GoldDoc(id="d", text=text, attributions=(
        GoldAttribution(content=(Span.of(text, she + 8, len(text) - 1),), source=Span.of(text, she, she + 3),
                        cue=Span.of(text, she + 4, she + 8)),
    ))
    result = score_speaker_resolution([gold], [analysis])
    assert result["counted"] == 1
    assert result["share"] == 1.0
    assert result["sample"] == ["She -> Elizabeth Warren"]
