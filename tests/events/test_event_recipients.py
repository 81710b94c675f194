"""Recipients found inside the trigger's phrase (an object's ``against``/``with``/``from``/``by``
phrase, however deep) and a threat's target in its ``if``/``unless`` condition."""

from __future__ import annotations

from whosaid.ingest import article_from_string


def events_of(pipeline, text: str):
    analysis = pipeline.analyse(article_from_string(text, source="t", format="txt", published="2004-03-02"))

    def countries(ids):
        return {analysis.actor(i).country for i in ids}

    return [e for e in analysis.events if not e.negated and not e.hypothetical], countries


def test_recipient_in_the_objects_phrase(pipeline):
    events, countries = events_of(pipeline, "Kenya threatened tough measures against Somalia on Sunday.")
    e = next(e for e in events if e.type == "THREATEN")
    assert countries(e.actor) == {"KEN"} and countries(e.recipient) == {"SOM"}


def test_recipient_two_phrases_down(pipeline):
    events, countries = events_of(
        pipeline, "Ecuador rejected the latest demands for compensation from Colombia on Monday.")
    e = next(e for e in events if e.type == "REJECT")
    assert countries(e.actor) == {"ECU"} and countries(e.recipient) == {"COL"}


def test_threat_is_made_to_the_subject_of_its_condition(pipeline):
    events, countries = events_of(
        pipeline, "Morocco threatened to close its embassy unless Algeria ended its support for the rebels.")
    e = next(e for e in events if e.type == "THREATEN")
    assert countries(e.actor) == {"MAR"} and countries(e.recipient) == {"DZA"}


def test_recipient_of_a_noun_event_on_its_verb(pipeline):
    events, countries = events_of(pipeline, "Kenya has granted political asylum to 12 Ugandan soldiers.")
    e = next(e for e in events if e.type == "AID")
    assert countries(e.actor) == {"KEN"} and countries(e.recipient) == {"UGA"}


def test_a_protest_is_against_whom_its_demand_is_made(pipeline):
    events, countries = events_of(
        pipeline, "Thousands of Syrian Kurds demonstrated in Qamishli on Friday calling for autonomy from Syria.")
    e = next(e for e in events if e.type == "PROTEST")
    assert countries(e.actor) == {"SYR"} and countries(e.recipient) == {"SYR"}
    assert not any(x.type == "REQUEST" for x in events)
