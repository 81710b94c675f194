"""A role noun qualified by a nationality is an actor of its own: kind by the noun, country
by the nationality, sector from the Phoenix agents (issue 3; events need these actors)."""

from __future__ import annotations

from tests.actors.test_actor_rules import analyse, who


def test_nationality_and_military_noun_is_a_group(nlp):
    text = "Turkish troops crossed the border on Tuesday."
    actor, mention = who(analyse(nlp, text), text, "Turkish troops")
    assert (actor.kind, actor.country, actor.sector) == ("group", "TUR", "MIL")
    assert mention.text == "Turkish troops"


def test_indefinite_minister_is_a_person_with_country_and_he_joins_it(nlp):
    text = "A senior Dutch minister visited Kabul, where he spoke to soldiers."
    actors = analyse(nlp, text)
    actor, _ = who(actors, text, "A senior Dutch minister")
    assert (actor.kind, actor.country, actor.sector) == ("person", "NLD", "GOV")
    assert who(actors, text, "he spoke")[0] is actor


def test_police_from_the_agents_file(nlp):
    text = "Iraqi police arrested three men in Basra."
    actor, _ = who(analyse(nlp, text), text, "Iraqi police")
    assert (actor.kind, actor.country, actor.sector) == ("organisation", "IRQ", "COP")


def test_a_countrys_government_is_the_country(nlp):
    text = "The French government summoned the ambassador. France said the talks were over."
    actors = analyse(nlp, text)
    government, _ = who(actors, text, "The French government")
    assert government.kind == "country" and government.country == "FRA"
    assert who(actors, text, "France")[0] is government


def test_conjoined_nationalities_make_one_actor_each(nlp):
    text = "Kenyan and Ugandan officials signed the accord in Nairobi."
    actors = analyse(nlp, text)
    kenyan, _ = who(actors, text, "Kenyan")
    ugandan, _ = who(actors, text, "Ugandan")
    assert kenyan is not ugandan
    assert (kenyan.country, ugandan.country) == ("KEN", "UGA")


def test_role_noun_placed_in_a_country(nlp):
    text = "Rebels in Mali seized the town of Kidal."
    actor, _ = who(analyse(nlp, text), text, "Rebels")
    assert (actor.country, actor.sector) == ("MLI", "REB")


def test_title_before_a_name_is_not_a_generic_actor(nlp):
    text = "Japanese Ambassador to Canada Kenji Sato said the visit would go ahead."
    actors = analyse(nlp, text)
    assert not any(a.name == "Japanese Ambassador" for a in actors)


def test_role_noun_without_nationality_stays_unresolved(nlp):
    text = "The officials said nothing more."
    assert who(analyse(nlp, text), text, "The officials")[0] is None
