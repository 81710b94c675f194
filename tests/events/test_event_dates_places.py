"""Dates read against the publication day; places resolved with the gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from whosaid.events.dates import resolve_date
from whosaid.events.places import country_code, resolve_place

TUESDAY = dt.date(2015, 11, 24)


@pytest.mark.parametrize("text, expected", [
    ("on Monday", dt.date(2015, 11, 23)),
    ("Monday", dt.date(2015, 11, 23)),
    ("last Tuesday", dt.date(2015, 11, 17)),
    ("yesterday", dt.date(2015, 11, 23)),
    ("today", TUESDAY),
    ("on Nov. 14", dt.date(2015, 11, 14)),
    ("November 23, 2015", dt.date(2015, 11, 23)),
    ("14 November", dt.date(2015, 11, 14)),
    ("in May 2012", dt.date(2012, 5, 1)),
    ("last July", dt.date(2015, 7, 1)),
    ("Dec. 20", dt.date(2015, 12, 20)),  # within a month ahead: this year
    ("Dec. 28", dt.date(2014, 12, 28)),  # further ahead: news reports the past
    ("2016-01-01", dt.date(2016, 1, 1)),
])
def test_news_dates(text, expected):
    assert resolve_date(text, TUESDAY) == expected


def test_a_date_in_january_of_a_month_later_is_last_year():
    assert resolve_date("on Dec. 20", dt.date(2016, 1, 5)) == dt.date(2015, 12, 20)


def test_not_dates():
    assert resolve_date("eight years", TUESDAY) is None
    assert resolve_date("may", TUESDAY) is None  # the modal, not the month
    assert resolve_date("on Monday", None) is None


def test_places():
    tehran = resolve_place("Tehran")
    assert tehran.country == "IRN" and 35 < tehran.lat < 36 and 51 < tehran.lon < 52
    assert resolve_place("Vienna").country == "AUT"
    assert resolve_place("Paris").country == "FRA"  # the most populous of its name
    assert resolve_place("the U.S.").country == "USA"
    assert resolve_place("Syria").country == "SYR"
    assert resolve_place("Gondor") is None
    # airport codes among the gazetteer's alternate names are not places ("PRC" is Prescott's),
    # but the abbreviations news uses for the largest cities are
    assert resolve_place("PRC") is None
    assert resolve_place("LA").country == "USA" and resolve_place("NYC").country == "USA"
    assert country_code("Iran") == "IRN"
