"""Which event a construction is: stopping an act (CAMEO 16 and 08), a protest's demands,
a refusal with ``decline``, an intention carried by a noun, and words inside names."""

from __future__ import annotations

from tests.events.test_event_recipients import events_of


def types_of(pipeline, text: str) -> set[str]:
    events, _ = events_of(pipeline, text)
    return {e.type for e in events}


def test_halting_aid_is_a_sanction_against_its_recipient(pipeline):
    events, countries = events_of(pipeline, "Canada halted military aid to Myanmar on Monday.")
    assert {e.type for e in events} == {"SANCTION"}
    e = events[0]
    assert countries(e.actor) == {"CAN"} and countries(e.recipient) == {"MMR"}


def test_calling_off_a_strike_is_a_concession(pipeline):
    types = types_of(pipeline, "The Kenya National Union of Teachers called off its strike on Friday.")
    assert "CONCEDE" in types and "PROTEST" not in types


def test_what_a_protest_demands_is_not_another_event(pipeline):
    types = types_of(pipeline, "Chilean students staged demonstrations in Santiago to demand free tuition.")
    assert types == {"PROTEST"}


def test_declining_to_resign_is_a_refusal(pipeline):
    types = types_of(pipeline, "Finance Minister John Kamau declined to resign despite the protests.")
    assert "REJECT" in types and "RETREAT" not in types


def test_a_future_curfew_is_a_threat(pipeline):
    types = types_of(pipeline, "Chile's government said it will extend the curfew in Santiago.")
    assert "THREATEN" in types and "COERCE" not in types


def test_a_trigger_word_inside_a_name_is_not_an_event(pipeline):
    types = types_of(pipeline, "Amnesty International accused Egypt of torturing prisoners.")
    assert "CONCEDE" not in types and "ACCUSE" in types


def test_talks_named_as_a_topic_are_not_a_meeting(pipeline):
    types = types_of(pipeline, "Egypt praised Jordan's plan as a good basis for peace talks.")
    assert "CONSULT" not in types


def test_talks_held_with_someone_are_a_meeting(pipeline):
    types = types_of(pipeline, "Egypt held talks with Jordan in Cairo on Monday.")
    assert types == {"CONSULT"}


def test_a_mislemmatised_light_verb_still_carries_its_noun(pipeline):
    # the tagger lemmatises "staged" as "stag"
    types = types_of(pipeline, "Bolivian miners have staged rallies in La Paz against the government.")
    assert "PROTEST" in types


def test_engaging_in_an_act_is_the_act(pipeline):
    types = types_of(pipeline, "Sudanese militias engaged in ethnic cleansing in Darfur, the report said.")
    assert "ASSAULT" in types


def test_easing_a_curfew_is_a_concession(pipeline):
    types = types_of(pipeline, "Peru's president on Monday shortened the nightly curfew in Lima by two hours.")
    assert "CONCEDE" in types and "COERCE" not in types


def test_a_demand_noun_asks_the_subject_of_its_that_clause(pipeline):
    events, countries = events_of(
        pipeline, "The African Union repeated its demand today that Sudan ease restrictions on aid workers.")
    assert {e.type for e in events} == {"REQUEST"}
    assert countries(events[0].recipient) == {"SDN"}


def test_providing_something_to_an_actor_is_aid(pipeline):
    events, countries = events_of(pipeline, "Japan provided emergency loans to Sri Lanka on Monday.")
    e = next(e for e in events if e.type == "AID")
    assert countries(e.actor) == {"JPN"} and countries(e.recipient) == {"LKA"}


def test_delivering_a_letter_is_not_aid(pipeline):
    assert "AID" not in types_of(pipeline, "Japan delivered a letter to Sri Lanka on Monday.")
