"""Events whose participants are generic actors (``Israeli troops``), whose target is the
country an act is done in, the one asked in a ``that`` clause, or whose intention is a threat."""

from __future__ import annotations

from whosaid.ingest import article_from_string


def events_of(pipeline, text: str):
    analysis = pipeline.analyse(article_from_string(text, source="t", format="txt", published="2004-03-02"))
    def countries(ids):
        return {analysis.actor(i).country for i in ids}
    return [e for e in analysis.events if not e.negated and not e.hypothetical], countries


def test_nationality_phrase_is_the_actor_of_an_event(pipeline):
    events, countries = events_of(pipeline, "Ethiopian soldiers arrested two journalists on Monday.")
    e = next(e for e in events if e.type == "COERCE")
    assert countries(e.actor) == {"ETH"}


def test_conjoined_nationalities_are_a_compound_actor(pipeline):
    events, countries = events_of(pipeline, "Chilean and Peruvian diplomats agreed on Friday to reopen the border.")
    e = next(e for e in events if e.type == "AGREE")
    assert countries(e.actor) == {"CHL", "PER"}


def test_the_country_an_act_is_done_in_is_its_target(pipeline):
    events, countries = events_of(pipeline, "Kenya imposed a curfew in Somalia on Sunday.")
    e = next(e for e in events if e.type == "COERCE")
    assert countries(e.actor) == {"KEN"} and countries(e.recipient) == {"SOM"}


def test_who_is_asked_in_a_that_clause(pipeline):
    events, countries = events_of(pipeline, "Egypt demanded that Ethiopia halt work on the dam.")
    e = next(e for e in events if e.type == "REQUEST")
    assert countries(e.actor) == {"EGY"} and countries(e.recipient) == {"ETH"}


def test_stated_intention_to_do_harm_is_a_threat(pipeline):
    events, countries = events_of(pipeline, "Turkey said it is prepared to impose sanctions on Cyprus.")
    assert any(e.type == "THREATEN" for e in events), [(e.type, e.cameo) for e in events]
    assert not any(e.type == "AGREE" for e in events)


def test_a_future_act_under_unless_is_a_threat(pipeline):
    events, _ = events_of(pipeline, "Ghana will withdraw its troops from Mali unless the junta holds elections.")
    assert any(e.type == "THREATEN" for e in events), [(e.type, e.cameo) for e in events]


def test_blocking_a_road_is_a_protest(pipeline):
    events, countries = events_of(pipeline, "Bolivian farmers blocked the main highway to La Paz on Tuesday.")
    e = next(e for e in events if e.type == "PROTEST")
    assert e.cameo == "144" and countries(e.actor) == {"BOL"}
