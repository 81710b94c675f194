"""Where an actor's country comes from besides a nationality word right before its name: past
title adjectives, a name's ``of COUNTRY``, a description's ``of COUNTRY``, an organisation
named for its country, and CAMEO's own country codes in the dictionary (issue 3)."""

from __future__ import annotations

import pytest

from tests.actors.test_actor_rules import analyse, who


#: (what the rule is, sentence, phrase, the actor's expected attributes)
COUNTRY_CASES = [
    ("nationality before adjectives of a title",
     "Kenyan assistant foreign minister Ruth Wanjiku met the envoys on Friday.", "Ruth Wanjiku",
     {"kind": "person", "country": "KEN"}),
    ("a titled name of a country",
     "President Tomas Varga of Slovakia opened the new bridge on Saturday.", "Tomas Varga",
     {"kind": "person", "country": "SVK"}),
    ("an organisation named for its country",
     "The Ghana Football Association suspended the referee on Monday.", "Ghana Football Association",
     {"country": "GHA"}),
    ("CAMEO's country code in the dictionary", "UNITA rejected the offer.", "UNITA",
     {"country": "AGO", "sector": "REB"}),
    ("an ethnic people belongs where it lives",
     "Ethnic Hungarians in Slovakia protested against the new language law.", "Hungarians",
     {"kind": "group", "country": "SVK"}),
    ("a country known by its former name", "Macedonia closed its border with Greece on Monday.", "Macedonia",
     {"kind": "country", "country": "MKD"}),
    ("a country by the initials of its official name", "The DPRK rejected the proposal on Monday.", "DPRK",
     {"kind": "country", "country": "PRK"}),
]


@pytest.mark.parametrize("text, phrase, expected", [c[1:] for c in COUNTRY_CASES], ids=[c[0] for c in COUNTRY_CASES])
def test_where_an_actor_country_comes_from(nlp, text, phrase, expected):
    actor, _ = who(analyse(nlp, text), text, phrase)
    assert actor is not None, f"no actor for {phrase!r}"
    assert {k: getattr(actor, k) for k in expected} == expected
    if "kind" not in expected:
        assert actor.kind in ("organisation", "group")


def test_description_of_a_country_is_not_the_other_president(nlp):
    text = "Obama said he would call the president of Mexico next week."
    actors = analyse(nlp, text)
    obama, _ = who(actors, text, "Obama")
    other, _ = who(actors, text, "president")
    assert other is not None and other is not obama and other.country == "MEX"


def test_titled_surname_links_to_the_one_holder_of_such_a_role(nlp):
    import datetime as dt

    text = "Protesters in Harare marched against President Mugabe on Saturday."
    actor, _ = who(analyse(nlp, text, published=dt.date(2005, 6, 4)), text, "Mugabe")
    assert (actor.kind, actor.country) == ("person", "ZWE")


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

