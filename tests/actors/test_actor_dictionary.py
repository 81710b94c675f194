"""The shipped actor dictionary and user extensions."""

from __future__ import annotations

import datetime as dt

from whosaid.actors import load_dictionary


def test_countries_have_names_demonyms_and_capitals():
    d = load_dictionary()
    assert d.country("U.S.").country == "USA"
    assert d.country("Americans").country == "USA"
    assert d.country("Iranian").country == "IRN"
    assert d.capital_of("Tehran").country == "IRN"
    assert d.country("Colorado") is None  # a US state, not the country


def test_people_keep_phoenix_aliases_and_dated_roles():
    d = load_dictionary()
    (putin,) = d.lookup("Vladimir Putin")
    assert putin.id == "phoenix:VLADIMIR_PUTIN" and putin.country == "RUS"
    khamenei = d.lookup("Ayatollah Khamenei")[0]
    leader = [r for r in khamenei.roles if r.title == "Supreme Leader"]
    assert leader and leader[0].start == dt.date(1989, 6, 4) and leader[0].end is None
    assert d.holder("Supreme Leader", "IRN", dt.date(2015, 11, 23))[0].id == khamenei.id
    assert d.holder("Supreme Leader", "IRN", dt.date(1985, 1, 1)) is None


def test_armed_groups_and_generic_agents():
    d = load_dictionary()
    (isis,) = d.lookup("Daesh")
    assert isis.sector == "REB" and isis.country is None
    assert d.lookup("Boko Haram")[0].country == "NGA"
    assert d.agent_sector("the policeman") == "COP"


def test_user_entries_add_roles_to_known_people():
    d = load_dictionary(extra_entries=[
        {"id": "phoenix:VLADIMIR_PUTIN", "name": "Vladimir Putin",
         "roles": [{"title": "President", "country": "RUS", "start": "2012-05-07"}]},
    ])
    assert d.holder("President", "RUS", dt.date(2015, 1, 1))[0].name == "Vladimir Putin"
    assert d.lookup("Putin")[0].aliases  # aliases kept from Phoenix
    assert load_dictionary().holder("President", "RUS", dt.date(2015, 1, 1)) is None
