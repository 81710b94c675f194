"""Where an actor's country comes from besides a nationality word right before its name: past
title adjectives, a name's ``of COUNTRY``, a description's ``of COUNTRY``, an organisation
named for its country, and CAMEO's own country codes in the dictionary (issue 3)."""

from __future__ import annotations

from tests.actors.test_actor_rules import analyse, who


def test_nationality_before_adjectives_of_a_title(nlp):
    text = "Kenyan assistant foreign minister Ruth Wanjiku met the envoys on Friday."
    actor, _ = who(analyse(nlp, text), text, "Ruth Wanjiku")
    assert (actor.kind, actor.country) == ("person", "KEN")


def test_titled_name_of_a_country(nlp):
    text = "President Tomas Varga of Slovakia opened the new bridge on Saturday."
    actor, _ = who(analyse(nlp, text), text, "Tomas Varga")
    assert (actor.kind, actor.country) == ("person", "SVK")


def test_description_of_a_country_is_not_the_other_president(nlp):
    text = "Obama said he would call the president of Mexico next week."
    actors = analyse(nlp, text)
    obama, _ = who(actors, text, "Obama")
    other, _ = who(actors, text, "president")
    assert other is not None and other is not obama and other.country == "MEX"


def test_organisation_named_for_its_country(nlp):
    text = "The Ghana Football Association suspended the referee on Monday."
    actor, _ = who(analyse(nlp, text), text, "Ghana Football Association")
    assert actor.kind in ("organisation", "group") and actor.country == "GHA"


def test_cameo_country_code_in_the_dictionary(nlp):
    text = "UNITA rejected the offer."
    actor, _ = who(analyse(nlp, text), text, "UNITA")
    assert (actor.country, actor.sector) == ("AGO", "REB")


def test_titled_surname_links_to_the_one_holder_of_such_a_role(nlp):
    import datetime as dt

    text = "Protesters in Harare marched against President Mugabe on Saturday."
    actor, _ = who(analyse(nlp, text, published=dt.date(2005, 6, 4)), text, "Mugabe")
    assert (actor.kind, actor.country) == ("person", "ZWE")


def test_an_ethnic_people_belongs_where_it_lives(nlp):
    text = "Ethnic Hungarians in Slovakia protested against the new language law."
    actor, _ = who(analyse(nlp, text), text, "Hungarians")
    assert actor is not None and actor.kind == "group" and actor.country == "SVK"


def test_a_country_known_by_its_former_name(nlp):
    text = "Macedonia closed its border with Greece on Monday."
    actor, _ = who(analyse(nlp, text), text, "Macedonia")
    assert (actor.kind, actor.country) == ("country", "MKD")


def test_they_is_the_group_named_as_subject_before_it(nlp):
    text = "Kurdish rebels rejected the offer on Tuesday, saying they would keep their weapons."
    actors = analyse(nlp, text)
    rebels, _ = who(actors, text, "Kurdish rebels")
    assert who(actors, text, "they")[0] is rebels


def test_they_never_joins_a_single_person(nlp):
    text = "President Ruto spoke to reporters in Nairobi. They asked about the budget."
    actors = analyse(nlp, text)
    assert who(actors, text, "They")[0] is None


def test_an_apposition_with_a_country_gives_the_person_theirs(nlp):
    text = "Tomas Varga, Slovakia's leading human rights activist, began a hunger strike on Sunday."
    actors = analyse(nlp, text)
    varga, _ = who(actors, text, "Tomas Varga")
    assert varga.country == "SVK"
    assert who(actors, text, "human rights activist")[0] is varga


def test_a_hyphenated_title_is_a_title_not_an_office_actor(nlp):
    text = "Vice-President Tomas Varga declined to resign on Friday."
    actors = analyse(nlp, text)
    assert [a.name for a in actors] == ["Tomas Varga"]
    assert who(actors, text, "Vice-President")[0].name == "Tomas Varga"


def test_a_country_by_the_initials_of_its_official_name(nlp):
    text = "The DPRK rejected the proposal on Monday."
    actor, _ = who(analyse(nlp, text), text, "DPRK")
    assert (actor.kind, actor.country) == ("country", "PRK")
