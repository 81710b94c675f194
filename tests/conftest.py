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
def samples_db(tmp_path_factory, pipeline) -> Path:
    """A database filled from the bundled samples (as ``whosaid ingest samples/`` does), once per session.

    Built through the library with the session's pipeline, so the model is loaded once.
    Read-only for tests: copy it first to write (the API and web tests share it).
    """
    from whosaid.ingest import read_inputs
    from whosaid.records import Rejected
    from whosaid.store import open_store

    db = tmp_path_factory.mktemp("samples_db") / "whosaid.db"
    with open_store(db) as store:
        for result in pipeline.analyse_many(read_inputs([SAMPLES])):
            if isinstance(result, Rejected):
                store.save_rejected(result)
            else:
                store.save_analysis(result)
    return db


@pytest.fixture(scope="session")
def hand_analyses():
    """Two analyses of a real sample, spans placed by hand: for store and query tests that must
    not depend on how good the actor, quote and event stages are today.

    The second article is the same report with a correction line appended (a different
    article id) that reports the same accusation a day later, so the two merge into one event.
    """
    import datetime as dt

    from whosaid.ingest import article_from_string
    from whosaid.records import Actor, Analysis, Event, Mention, Quote, Span, Speaker

    def build(text: str, source: str, event_date: dt.date) -> Analysis:
        def span(needle: str, nth: int = 0) -> Span:
            start = -1
            for _ in range(nth + 1):
                start = text.index(needle, start + 1)
            return Span.of(text, start, start + len(needle))

        def mention(needle: str, kind: str = "name", nth: int = 0) -> Mention:
            s = span(needle, nth)
            return Mention(s.start, s.end, s.text, kind)

        article = article_from_string(text, source=source, title=text.splitlines()[0], published="2006-09-21")
        chavez = Actor("a1", "Hugo Chávez", "person", "VEN", "government", "President",
                       (mention("Hugo Chávez"), mention("Chávez", nth=2), Mention(text.index("He described"), text.index("He described") + 2, "He", "pronoun")))
        bush = Actor("a2", "George W. Bush", "person", "USA", "government", "President",
                     (mention("George W. Bush"), mention("Bush", nth=2)))
        usa = Actor("a3", "United States", "country", "USA", None, None,
                    (mention("US government", nth=1), mention("United States")))
        americans = Actor("a4", "Americans", "group", "USA", None, None, (mention("Americans"),))
        devil = span('"The devil is right at home. The devil -- the devil, himself, is right in the house. '
                     'And the devil came here yesterday."')
        quotes = (
            Quote("q1", "indirect", (span("the greatest terrorist threat for the world is the US government and its "
                                          "imperialistic policies"),),
                  cue=span("said", 0), speaker=Speaker(("a1",), span("President Hugo Chávez")), confidence=0.8),
            Quote("q2", "direct", (Span(devil.start + 1, devil.end - 2, devil.text[1:-2]),), cue=span("warned"),
                  speaker=Speaker(("a1",), Span.of(text, span("He warned").start, span("He warned").start + 2)),
                  addressee="a4", addressee_mention=span("Americans", 1), confidence=0.9),
            Quote("q3", "direct", (span("talking as if he owned the world"),), cue=span("saying", 1),
                  speaker=Speaker(("a1",), span("Hugo Chavez")), confidence=0.85),
            Quote("q4", "direct", (span("this excellent book"),), cue=None, speaker=None,
                  speaker_reason="no cue governs the quote", confidence=0.3),
        )
        events = (
            Event("e1", "ACCUSE", "112", span("Hugo Chavez criticized Bush"), actor=("a1",), recipient=("a2",),
                  date=event_date, confidence=0.7),
            Event("e2", "ACCUSE", "112", span("the greatest terrorist threat"), actor=("a1",), recipient=("a3",),
                  claimed_by=("a1",), quote="q1", confidence=0.6),
        )
        return Analysis(article, (chavez, bush, usa, americans), quotes, events)

    text = (SAMPLES / "wikinews_2006-09-21_chavez_criticises_bush_un.txt").read_text(encoding="utf-8")
    first = build(text, "chavez.txt", dt.date(2006, 9, 20))
    second = build(text + "\nCorrection: an earlier version misspelled a name.\n", "chavez-corrected.txt",
                   dt.date(2006, 9, 21))
    return [first, second]
