"""Events named by a construction rather than a trigger verb: intent adjectives, "must"
demands, stated refusals, light-verb nouns, and subjects the actors stage left unresolved."""

from __future__ import annotations

import pytest

from tests.events.test_event_extract import only, run, who
from whosaid.ingest import article_from_string


def test_willing_to_is_an_intent_to_cooperate(nlp):
    events, names = run(nlp, "Iran is willing to send food and medicine to Syria.")
    e = only(events, "AGREE")
    assert who(e.actor, names) == {"Iran"}
    assert e.cameo.startswith("03")


@pytest.mark.parametrize("text", [
    "Japan will send 5,000 tons of rice aid to refugees in Sudan, officials said on Monday.",
    "The European Union will provide $40 million of humanitarian aid to flood victims, a spokesman said.",
])
def test_a_promised_quantity_of_aid_is_an_intent_to_give_it(pipeline, text):
    """``will send 5,000 tons of rice aid``: the aid noun's verb is future, so it is a promise (CAMEO 033)."""
    analysis = pipeline.analyse(article_from_string(text))
    assert [(e.type, e.cameo) for e in analysis.events] == [("AGREE", "033")]


def test_said_someone_must_is_a_demand_of_them(nlp):
    events, names = run(nlp, "Putin said on Monday that the United States must stop its air strikes.")
    e = only(events, "REQUEST")
    assert who(e.actor, names) == {"Putin"} and who(e.recipient, names) == {"United States"}
    assert not e.claimed_by and not e.negated


def test_a_stated_refusal_is_a_rejection(nlp):
    events, names = run(nlp, "Iran said it will not accept any proposal from the United States.")
    e = only(events, "REJECT")
    assert who(e.actor, names) == {"Iran"} and not e.negated
    assert not [x for x in events if x.type == "AGREE" and not x.negated]


def test_light_verb_noun_is_the_event(nlp):
    events, names = run(nlp, "Syria launched an attack on ISIS positions near Palmyra on Monday.")
    e = only(events, "ASSAULT")
    assert who(e.actor, names) == {"Syria"}


def test_derived_nominal_event_with_owner(nlp):
    events, names = run(nlp, "Putin on Monday announced the withdrawal of Russian troops from Syria.")
    assert any(e.type == "RETREAT" for e in events), [(e.type, e.evidence.text) for e in events]


def test_unresolved_named_subject_keeps_the_event(nlp):
    # "A senior minister" is nobody the actors stage knows, but someone threatened Iran
    events, names = run(nlp, "A senior minister threatened Iran with new sanctions on Monday.")
    e = only(events, "THREATEN")
    assert who(e.recipient, names) == {"Iran"} and not e.actor
    assert e.confidence <= 0.35


def test_it_as_unresolved_subject_is_not_enough(nlp):
    events, _ = run(nlp, "It threatened to walk out.")
    assert not [e for e in events if e.type == "THREATEN"]
