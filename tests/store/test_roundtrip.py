"""Hypothesis: any analysis saved and read back is its own output contract (corpus actor ids aside)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whosaid.records import Actor, Analysis, Article, Event, Location, Mention, Quote, Span, Speaker
from whosaid.store import open_store
from whosaid.store.sqlite import actor_key

optional_text = st.none() | st.text(max_size=20)
unit = st.floats(min_value=0, max_value=1, allow_nan=False)


@st.composite
def analyses(draw) -> Analysis:
    text = draw(st.text(min_size=1, max_size=300))

    def span() -> Span:
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        return Span.of(text, start, end)

    article = Article(
        id=draw(st.text("0123456789abcdef", min_size=16, max_size=16)),
        source=draw(st.text(max_size=30)),
        text=text,
        title=draw(optional_text),
        authors=tuple(draw(st.lists(st.text(max_size=15), max_size=3))),
        published=draw(st.none() | st.dates()),
        url=draw(optional_text),
        publisher=draw(optional_text),
        language=draw(st.none() | st.sampled_from(["en", "de"])),
        format=draw(st.sampled_from(["txt", "html", "jsonl"])),
        excluded=tuple(span() for _ in range(draw(st.integers(0, 2)))),
        body_start=draw(st.integers(0, len(text))),
    )
    actors = []
    for i in range(draw(st.integers(0, 4))):
        mentions = []
        for _ in range(draw(st.integers(0, 3))):
            s = span()
            mentions.append(Mention(s.start, s.end, s.text, draw(st.sampled_from(["name", "nominal", "pronoun"]))))
        actors.append(Actor(
            id=f"a{i + 1}",
            name=draw(st.text(min_size=1, max_size=20)),
            kind=draw(st.sampled_from(["person", "organisation", "country", "group"])),
            country=draw(st.none() | st.sampled_from(["IRN", "USA", "VEN"])),
            sector=draw(optional_text),
            role=draw(optional_text),
            mentions=tuple(mentions),
            canonical_id=draw(st.none() | st.sampled_from(["Q1", "Q2"])),
            confidence=draw(unit),
        ))
    ids = [a.id for a in actors]
    actor_ref = st.sampled_from(ids) if ids else st.nothing()
    quotes = []
    for i in range(draw(st.integers(0, 3))):
        speaker = None
        if ids and draw(st.booleans()):
            speaker = Speaker(tuple(draw(st.lists(actor_ref, min_size=1, max_size=2, unique=True))),
                              span() if draw(st.booleans()) else None)
        quotes.append(Quote(
            id=f"q{i + 1}",
            kind=draw(st.sampled_from(["direct", "indirect", "mixed"])),
            content=tuple(span() for _ in range(draw(st.integers(1, 2)))),
            cue=span() if draw(st.booleans()) else None,
            speaker=speaker,
            speaker_mention=span() if draw(st.booleans()) else None,
            speaker_reason=draw(optional_text),
            addressee=draw(st.none() | actor_ref) if ids else None,
            addressee_mention=span() if draw(st.booleans()) else None,
            confidence=draw(unit),
        ))
    events = []
    for i in range(draw(st.integers(0, 3))):
        events.append(Event(
            id=f"e{i + 1}",
            type=draw(st.sampled_from(["ACCUSE", "AGREE", "ASSAULT"])),
            cameo=draw(st.none() | st.sampled_from(["112", "057"])),
            evidence=span(),
            mode=draw(optional_text),
            actor=tuple(draw(st.lists(actor_ref, max_size=2, unique=True))) if ids else (),
            recipient=tuple(draw(st.lists(actor_ref, max_size=2, unique=True))) if ids else (),
            date=draw(st.none() | st.dates()),
            location=draw(st.none() | st.builds(
                Location, name=st.text(min_size=1, max_size=10), country=st.none() | st.just("IRN"),
                lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180),
                span=st.none())),
            claimed_by=tuple(draw(st.lists(actor_ref, max_size=1))) if ids else (),
            quote=draw(st.none() | st.sampled_from([q.id for q in quotes])) if quotes else None,
            negated=draw(st.booleans()),
            hypothetical=draw(st.booleans()),
            confidence=draw(unit),
        ))
    warnings = tuple(draw(st.lists(st.text(max_size=20), max_size=2)))
    return Analysis(article, tuple(actors), tuple(quotes), tuple(events), warnings)


def with_corpus_ids(analysis: Analysis) -> dict:
    ids = {a.id: actor_key(a) for a in analysis.actors}
    expected = analysis.to_dict()
    for actor in expected["actors"]:
        actor["id"] = ids[actor["id"]]
    for quote in expected["quotes"]:
        speaker = quote["speaker"]
        if speaker and speaker["actors"]:
            speaker["actors"] = [ids[a] for a in speaker["actors"]]
            speaker["actor"] = speaker["actors"][0] if len(speaker["actors"]) == 1 else speaker["actors"]
        quote["addressee"] = ids.get(quote["addressee"])
    for event in expected["events"]:
        for field in ("actor", "recipient", "claimed_by"):
            event[field] = [ids[a] for a in event[field]]
    return expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(analyses())
def test_saved_analysis_reads_back_as_its_output_contract(analysis):
    with open_store(":memory:") as store:
        assert store.save_analysis(analysis) is True
        assert store.article(analysis.article.id) == with_corpus_ids(analysis)
        assert store.save_analysis(analysis) is False
        stats = store.stats()
        assert stats["articles"] == 1
        assert stats["quotes"] == len(analysis.quotes)
        assert stats["mentions"] == sum(len(a.mentions) for a in analysis.actors)
