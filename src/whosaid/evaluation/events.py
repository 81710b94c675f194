"""Event scores: the seed gold events and the PLOVER gold-standard records.

Seed (``score_events``): a predicted event counts when its type equals the gold type
and its actor and recipient match the gold ones by name (empty matches empty; a name
matches as for speakers: case-insensitive, the gold surname inside the predicted
actor's name; for several actors every one must be found, order ignored). Predicted
and gold events are paired one to one, greedily in text order. Only events the
article reports as fact are predictions here: claims (``claimed_by`` set), negated and
hypothetical events are not, since the gold lists what happened. Reported: P/R/F1 per
type and overall, date accuracy on counted events, the number of gold events with
type, actor, recipient and date all right, and "claims asserted as fact": events
whose trigger evidence lies inside a quote's content but carry no ``claimed_by``
(target 0).

PLOVER (``score_plover``): each record's sentence is run through the pipeline as an
article (``published`` = the record's date). The 0.5b1 types are mapped to today's
PLOVER as the manual's translation table says: DISAPPROVE -> ACCUSE, FIGHT ->
ASSAULT, INVESTIGATE -> ACCUSE (mode investigate; CAMEO 09), DEMAND -> REQUEST (CAMEO
10); the other names are unchanged; the DOCUMENT record is skipped. Per record, the
distinct types of the events that are neither negated nor hypothetical are the
predictions (claims made in quotes included: PLOVER codes what a sentence reports,
whoever is cited; events claimed only as the content of another event, such as the
attack in ``accused X of attacking Y``, are not): the gold type among them is
a true positive, the others false positives, a missing gold type a false negative. On
counted records the actor and recipient country codes are compared as sets of the
ISO3 codes of the predicted event's participants with the gold codes (gold codes that
are not countries, such as IGO, and the old JAP, are mapped or left out).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from whosaid.evaluation.gold import dice, tokens
from whosaid.records import Analysis, Event

PLOVER_05_TO_NOW = {"DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE", "DEMAND": "REQUEST"}
#: Old or non-ISO codes in the PLOVER gold records.
GOLD_CODE_FIX = {"JAP": "JPN", "ROM": "ROU", "UK": "GBR", "GER": "DEU", "SER": "SRB", "YUG": "SRB"}


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def reported(events: Iterable[Event]) -> list[Event]:
    """Events the article states as fact: not claims, not negated, not hypothetical."""
    return [e for e in events if not e.claimed_by and not e.negated and not e.hypothetical]


def _name_matches(gold: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    gold, predicted = gold.lower().strip(), predicted.lower().strip()
    surname = gold.split()[-1] if gold.split() else gold
    return gold == predicted or surname in predicted or predicted in gold


def _names_match(gold: list[str], predicted: list[str]) -> bool:
    if not gold:
        return not predicted
    if len(gold) != len(predicted):
        return False
    left = list(predicted)
    for g in gold:
        hit = next((p for p in left if _name_matches(g, p)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def _names(analysis: Analysis, ids: Iterable[str]) -> list[str]:
    out = []
    for i in ids:
        actor = analysis.actor(i)
        out.append(actor.name if actor else i)
    return out


def score_events(gold_events: list[dict], analysis: Analysis, errors: bool = False) -> dict:
    """Seed-style scores of ``analysis.events`` against gold events (see the module docstring)."""
    predicted = reported(analysis.events)
    pairs: list[tuple[dict, Event]] = []
    used: set[str] = set()
    for g in gold_events:
        candidates = [
            e for e in predicted
            if e.id not in used and e.type == g["type"]
            and _names_match(g.get("actor") or [], _names(analysis, e.actor))
            and _names_match(g.get("recipient") or [], _names(analysis, e.recipient))
        ]
        if candidates:  # among equals, the one with the gold date, then the closest evidence
            gold_tokens = tokens(g.get("evidence") or "")
            best = max(candidates, key=lambda e: (
                (e.date.isoformat() if e.date else None) == (g.get("date") or None),
                dice(gold_tokens, tokens(e.evidence.text)),
            ))
            pairs.append((g, best))
            used.add(best.id)
    per_type: dict[str, Counter] = defaultdict(Counter)
    for g in gold_events:
        per_type[g["type"]]["gold"] += 1
    for e in predicted:
        per_type[e.type]["predicted"] += 1
    for g, _ in pairs:
        per_type[g["type"]]["tp"] += 1
    types = {
        t: _prf(c["tp"], c["predicted"] - c["tp"], c["gold"] - c["tp"]) for t, c in sorted(per_type.items())
    }
    tp = len(pairs)
    dated = sum(1 for g, e in pairs if (g.get("date") or None) == (e.date.isoformat() if e.date else None))
    located = sum(
        1 for g, e in pairs
        if (g.get("location") or None) == (e.location.name if e.location else None)
    )
    claims_as_fact = _claims_as_fact(analysis)
    out: dict[str, Any] = {
        "gold": len(gold_events),
        "predicted": len(predicted),
        "claims_predicted": sum(1 for e in analysis.events if e.claimed_by),
        "negated_or_hypothetical": sum(1 for e in analysis.events if e.negated or e.hypothetical),
        "overall": _prf(tp, len(predicted) - tp, len(gold_events) - tp),
        "per_type": types,
        "date_accuracy": round(dated / tp, 3) if tp else 0.0,
        "location_accuracy": round(located / tp, 3) if tp else 0.0,
        "fully_right": dated,
        "claims_asserted_as_fact": len(claims_as_fact),
    }
    if errors:
        matched = {id(g) for g, _ in pairs}
        out["errors"] = {
            "missed": [
                {"type": g["type"], "actor": g.get("actor"), "recipient": g.get("recipient"), "evidence": g["evidence"]}
                for g in gold_events if id(g) not in matched
            ],
            "wrong_date": [
                {"type": g["type"], "gold": g.get("date"), "predicted": e.date.isoformat() if e.date else None,
                 "evidence": e.evidence.text[:120]}
                for g, e in pairs if (g.get("date") or None) != (e.date.isoformat() if e.date else None)
            ],
            "spurious": [_describe(analysis, e) for e in predicted if e.id not in used],
            "claims_asserted_as_fact": [_describe(analysis, e) for e in claims_as_fact],
        }
    return out


def _claims_as_fact(analysis: Analysis) -> list[Event]:
    """Events whose evidence lies inside a quote's content but are not marked as claims."""
    out = []
    for e in analysis.events:
        if e.claimed_by:
            continue
        for q in analysis.quotes:
            if any(s.start <= e.evidence.start and e.evidence.end <= s.end for s in q.content):
                if e.quote != q.id:  # a speech act by the quote's speaker is the quote itself
                    out.append(e)
                break
    return out


def _describe(analysis: Analysis, e: Event) -> dict:
    return {"type": e.type, "cameo": e.cameo, "actor": _names(analysis, e.actor),
            "recipient": _names(analysis, e.recipient), "date": e.date.isoformat() if e.date else None,
            "claimed_by": _names(analysis, e.claimed_by), "evidence": e.evidence.text[:160]}


# ---- PLOVER gold-standard records ---------------------------------------------------------------


def plover_type(old: str) -> str:
    """Today's PLOVER type for a PLOVER 0.5b1 type name."""
    return PLOVER_05_TO_NOW.get(old, old)


def _gold_codes(parties: list[dict] | None) -> set[str]:
    from whosaid.events.places import country_code

    codes = set()
    if not isinstance(parties, list):
        return codes  # one record has a context word where its target should be
    for p in parties:
        if not isinstance(p, dict):
            continue
        code = (p.get("code") or "").upper()
        code = GOLD_CODE_FIX.get(code, code)
        if len(code) == 3 and country_code(code) is None:
            import pycountry

            if pycountry.countries.get(alpha_3=code) is None:
                continue  # IGO, NGO, REB ...: not a country
        if code:
            codes.add(code)
    return codes


def _predicted_codes(analysis: Analysis, ids: Iterable[str]) -> set[str]:
    codes = set()
    for i in ids:
        actor = analysis.actor(i)
        if actor is not None and actor.country:
            codes.add(actor.country)
    return codes


def read_plover(path: str | Path) -> list[dict]:
    """The PLOVER gold records with a sentence and an event type (the DOCUMENT record left out)."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    return [r for r in records if r.get("text") and r.get("event") and r["event"] != "DOCUMENT"]


def score_plover(path: str | Path, pipeline, errors: bool = False, limit: int | None = None) -> dict:
    """Type P/R/F1 and country-code accuracy on the PLOVER gold records (see the module docstring)."""
    from whosaid.ingest import article_from_string

    records = read_plover(path)[:limit] if limit else read_plover(path)
    per_type: dict[str, Counter] = defaultdict(Counter)
    tp = fp = fn = 0
    country_checked = country_right = 0
    error_rows = []
    for record in records:
        gold = plover_type(record["event"])
        article = article_from_string(record["text"], source=record["id"], format="txt",
                                      published=record.get("date") or None)
        analysis = pipeline.analyse(article)
        # PLOVER codes what the sentence reports, whoever is cited for it: claims count here
        # (but not what an event's own complement holds: "accused X of attacking Y" is one ACCUSE)
        events = [e for e in analysis.events
                  if not e.negated and not e.hypothetical and (not e.claimed_by or e.quote)]
        types = {e.type for e in events}
        per_type[gold]["gold"] += 1
        for t in types:
            per_type[t]["predicted"] += 1
        if gold in types:
            tp += 1
            per_type[gold]["tp"] += 1
            best = max((e for e in events if e.type == gold), key=lambda e: (bool(e.actor) + bool(e.recipient), e.confidence))
            gold_actor, gold_recipient = _gold_codes(record.get("source")), _gold_codes(record.get("target"))
            for gold_codes, ids in ((gold_actor, best.actor), (gold_recipient, best.recipient)):
                if gold_codes:
                    country_checked += 1
                    country_right += _predicted_codes(analysis, ids) == gold_codes
        else:
            fn += 1
        fp += len(types - {gold})
        if errors and (gold not in types or types - {gold}):
            error_rows.append({"id": record["id"], "gold": gold, "predicted": sorted(types),
                               "text": record["text"][:200]})
    out: dict[str, Any] = {
        "records": len(records),
        "type_mapping": PLOVER_05_TO_NOW,
        "overall": _prf(tp, fp, fn),
        "per_type": {t: _prf(c["tp"], c["predicted"] - c["tp"], c["gold"] - c["tp"])
                     for t, c in sorted(per_type.items())},
        "country_codes": {
            "checked": country_checked,
            "right": country_right,
            "accuracy": round(country_right / country_checked, 3) if country_checked else 0.0,
        },
    }
    if errors:
        out["errors"] = error_rows
    return out
