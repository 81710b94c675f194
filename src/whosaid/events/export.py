"""Event-data layouts for ``whosaid export events``: PLOVER JSON lines and a GDELT-like table.

Both writers take the event dicts the store's ``events()`` pages yield (``id``, ``type``,
``cameo``, ``mode``, ``actors``/``recipients`` as ``{"id", "name"}``, ``date``,
``location``, ``claimed``, ``mentions``, ``reports`` ...), and leave out events that
every report marks negated or hypothetical (nothing happened). Claims stay in, flagged:
PLOVER records carry ``"claimed": true`` and the claimant, the GDELT-like rows an
``IsClaim`` column, so users choose.

* ``plover-jsonl``: one PLOVER record per line with the manual's JSON field names
  (``id``, ``date``, ``actor``/``recipient`` as lists of entity objects with
  ``actorText``/``code``/``country``, ``event``, ``mode``, ``quad_code``,
  ``event_scale`` (the PLOVER score), ``event_loc``, ``event_text``, ``text``,
  ``cite_info`` with every reporting article's URL, ``coder``), plus ``cameo``.
* ``gdelt-tsv``: one tab-separated row per actor-recipient pair (CAMEO is dyadic:
  compound actors expand into several rows), columns as GDELT 1.0 names them
  (``GLOBALEVENTID SQLDATE Actor1Code Actor1Name Actor1CountryCode ... EventCode
  EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources
  NumArticles ActionGeo_FullName ActionGeo_CountryCode ActionGeo_Lat ActionGeo_Long
  SOURCEURL``) plus ``PloverType``, ``Mode`` and ``IsClaim``.

Example:
    whosaid export events --format plover-jsonl --output events.jsonl
    whosaid export events --format gdelt-tsv --output events.tsv
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from whosaid.events import types as registry

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "EventCode", "EventBaseCode",
    "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED",
    "SOURCEURL", "PloverType", "Mode", "IsClaim",
]


def actor_country(entity: dict) -> str | None:
    """An entity's ISO3 country: its ``country`` field, else the one ending a ``kind:name:CCC`` id."""
    if entity.get("country"):
        return entity["country"]
    parts = str(entity.get("id") or "").split(":")
    if len(parts) >= 2 and len(parts[-1]) == 3 and parts[-1].isalpha() and parts[-1].isupper():
        return parts[-1]  # "person:mark toner:USA", "country:USA"
    return None


def actor_kind(entity: dict) -> str | None:
    if entity.get("kind"):
        return entity["kind"]
    parts = str(entity.get("id") or "").split(":")
    if len(parts) == 2 and parts[0] == "country":
        return "country"
    return parts[-3] if len(parts) >= 3 else None


def happened_or_claimed(events: Iterable[dict]) -> Iterator[dict]:
    """Events with at least one report that is neither negated nor hypothetical."""
    for event in events:
        reports = event.get("reports") or []
        if reports and all(r.get("negated") or r.get("hypothetical") for r in reports):
            continue
        yield event


def _entity(entity: dict) -> dict[str, Any]:
    return {"actorText": entity.get("name"), "code": actor_country(entity), "country": actor_country(entity),
            "sector": entity.get("sector") or actor_kind(entity), "id": entity.get("id")}


def plover_record(event: dict) -> dict[str, Any]:
    """One store event as a PLOVER JSON record."""
    reports = event.get("reports") or []
    first = reports[0] if reports else {}
    evidence = (first.get("evidence") or {}).get("text")
    location = event.get("location") or None
    etype = event["type"]
    try:
        quad = registry.quad_code(etype)
        scale = registry.intensity(etype, event.get("mode"))
    except KeyError:
        quad = scale = None
    claimants = sorted({c for r in reports for c in (r.get("claimed_by") or [])})
    return {
        "id": event["id"],
        "date": event.get("date"),
        "actor": [_entity(a) for a in event.get("actors") or []],
        "recipient": [_entity(a) for a in event.get("recipients") or []],
        "event": [etype],
        "mode": [event["mode"]] if event.get("mode") else [],
        "context": [],
        "cameo": event.get("cameo"),
        "quad_code": quad,
        "event_scale": scale,
        "event_loc": {
            "name": location.get("name"), "country": location.get("country"),
            "lat": location.get("lat"), "lon": location.get("lon"),
        } if location else None,
        "event_text": [(r.get("evidence") or {}).get("text") for r in reports if r.get("evidence")],
        "text": evidence,
        "cite_info": [
            {"article_id": r.get("article_id"), "title": r.get("article_title"), "published": r.get("published"),
             "url": r.get("url")}
            for r in reports
        ],
        "url": first.get("url"),
        "mentions": event.get("mentions"),
        "claimed": bool(event.get("claimed")),
        "claimed_by": claimants,
        "coder": "whosaid",
        "coded_date": event.get("first_seen"),
    }


def gdelt_rows(event: dict) -> Iterator[dict[str, Any]]:
    """One store event as GDELT-like rows, one per actor-recipient pair."""
    code = event.get("cameo") or ""
    reports = event.get("reports") or []
    location = event.get("location") or {}
    etype = event["type"]
    try:
        quad = registry.quad_code(etype)
    except KeyError:
        quad = None
    actors = event.get("actors") or [{}]
    recipients = event.get("recipients") or [{}]
    urls = [r.get("url") for r in reports if r.get("url")]
    articles = {r.get("article_id") for r in reports}
    for a in actors:
        for b in recipients:
            yield {
                "GLOBALEVENTID": event["id"],
                "SQLDATE": (event.get("date") or "").replace("-", ""),
                "Actor1Code": actor_country(a) or "", "Actor1Name": (a.get("name") or "").upper(),
                "Actor1CountryCode": actor_country(a) or "", "Actor1Type1Code": actor_kind(a) or "",
                "Actor2Code": actor_country(b) or "", "Actor2Name": (b.get("name") or "").upper(),
                "Actor2CountryCode": actor_country(b) or "", "Actor2Type1Code": actor_kind(b) or "",
                "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
                "QuadClass": quad if quad is not None else "",
                "GoldsteinScale": registry.goldstein(code) if code else "",
                "NumMentions": event.get("mentions") or len(reports),
                "NumSources": len({r.get("url") or r.get("article_id") for r in reports}),
                "NumArticles": len(articles),
                "ActionGeo_FullName": location.get("name") or "",
                "ActionGeo_CountryCode": location.get("country") or "",
                "ActionGeo_Lat": location.get("lat") if location.get("lat") is not None else "",
                "ActionGeo_Long": location.get("lon") if location.get("lon") is not None else "",
                "DATEADDED": (event.get("first_seen") or "").replace("-", "")[:8],
                "SOURCEURL": urls[0] if urls else "",
                "PloverType": etype,
                "Mode": event.get("mode") or "",
                "IsClaim": int(bool(event.get("claimed"))),
            }


@contextmanager
def _open(out: str | None):
    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield sys.stdout
        sys.stdout.flush()


def write_plover_jsonl(items: Iterable[dict], out: str | None, table: str = "events") -> None:
    """Write events as PLOVER JSON lines to ``out`` (stdout when None)."""
    with _open(out) as fh:
        for event in happened_or_claimed(items):
            fh.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")


def write_gdelt_tsv(items: Iterable[dict], out: str | None, table: str = "events") -> None:
    """Write events as a GDELT-like tab-separated table with a header row."""
    with _open(out) as fh:
        writer = csv.DictWriter(fh, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        for event in happened_or_claimed(items):
            for row in gdelt_rows(event):
                writer.writerow(row)


#: format name -> writer, for ``whosaid.commands.export.register_writer``.
WRITERS = {"plover-jsonl": write_plover_jsonl, "gdelt-tsv": write_gdelt_tsv}


def register(register_writer) -> None:
    """Offer the event-data formats to ``whosaid export`` (events only)."""
    for name, writer in WRITERS.items():
        register_writer(name, writer, ("events",))
