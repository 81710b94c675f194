"""Actor scores: seed gold actors' mentions, and speakers resolved to named actors on PolNeAR.

Definitions (``../shared/eval/README.md``): for each gold actor, its mentions are found in
the predicted actor that best covers them; mention recall is the share of the gold
mentions placed in that actor, precision the share of that actor's mentions that are
gold mentions of it.

Gold mentions are strings: every case-insensitive, word-bounded occurrence in the article
counts (an occurrence inside a longer occurrence of the same actor counts once). An
occurrence is placed in the actor ``MentionIndex.actor_at`` returns for it. Precision
leaves out pronoun mentions, which the seed gold does not list.

Example:
    >>> score_actors(read_seed("gold.json"), analysis)["overall"]["recall"]   # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from whosaid.actors.index import MentionIndex
from whosaid.actors.vocabulary import PERSON_NOUNS
from whosaid.records import Actor, Analysis

PRONOUN_SOURCES = frozenset("he she".split())


def _variants(mention: str) -> set[str]:
    return {mention, mention.replace("'", "’"), mention.replace("’", "'")}


def occurrences(text: str, mentions: Sequence[str]) -> list[tuple[int, int]]:
    """Every word-bounded, case-insensitive occurrence of the mentions, nested ones dropped."""
    found: set[tuple[int, int]] = set()
    for mention in mentions:
        for variant in _variants(mention):
            pattern = r"(?<!\w)" + re.escape(variant) + r"(?!\w)"
            for m in re.finditer(pattern, text, flags=re.IGNORECASE):
                found.add((m.start(), m.end()))
    spans = sorted(found, key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int]] = []
    for s in spans:
        if any(k[0] <= s[0] and s[1] <= k[1] for k in kept):
            continue
        kept.append(s)
    return kept


def _kind(gold_kind: str | None) -> str:
    return {"PERSON": "person", "ORG": "organisation", "COUNTRY": "country", "GPE": "country"}.get(
        (gold_kind or "").upper(), (gold_kind or "").lower()
    )


def score_actors(gold: dict, analysis: Analysis) -> dict[str, Any]:
    """Per gold actor: the best-covering predicted actor, mention recall/precision, country right."""
    text = analysis.article.text
    index = MentionIndex(analysis.actors)
    per_actor: dict[str, dict[str, Any]] = {}
    tot_found = tot_gold = tot_right_pred = tot_pred = 0
    for g in gold.get("actors", []):
        occ = occurrences(text, g.get("mentions", []))
        placed: list[Actor | None] = [index.actor_at(s, e)[0] for s, e in occ]
        counts = Counter(a.id for a in placed if a is not None)
        best = None
        if counts:  # most occurrences; a tie goes to the actor of the gold kind
            top = max(counts.values())
            tied = [index.by_id(i) for i, n in counts.items() if n == top]
            best = next((a for a in tied if a.kind == _kind(g.get("kind"))), tied[0])
        found = sum(1 for a in placed if a is not None and best is not None and a.id == best.id)
        if best is not None:
            named = [m for m in best.mentions if m.kind != "pronoun"]
            right = sum(1 for m in named if any(m.start < e and s < m.end for s, e in occ))
            pred = len(named)
        else:
            right = pred = 0
        recall = found / len(occ) if occ else None
        precision = right / pred if pred else None
        per_actor[g["name"]] = {
            "kind": _kind(g.get("kind")),
            "found": best is not None,
            "predicted": best.name if best else None,
            "gold_mentions": len(occ),
            "recall": recall,
            "precision": precision,
            "country_right": best is not None and (best.country or None) == (g.get("country") or None),
            "country": best.country if best else None,
            "missed": [text[s:e] for (s, e), a in zip(occ, placed) if a is None or best is None or a.id != best.id],
        }
        tot_found += found
        tot_gold += len(occ)
        tot_right_pred += right
        tot_pred += pred
    people = [v for v in per_actor.values() if v["kind"] == "person"]
    return {
        "gold_actors": len(per_actor),
        "actors_found": sum(v["found"] for v in per_actor.values()),
        "countries_right": sum(v["country_right"] for v in per_actor.values()),
        "persons_recall_0.9": sum(1 for v in people if (v["recall"] or 0) >= 0.9),
        "persons": len(people),
        "overall": {
            "recall": tot_found / tot_gold if tot_gold else None,
            "precision": tot_right_pred / tot_pred if tot_pred else None,
        },
        "per_actor": per_actor,
        "note": "gold mentions are strings: every word-bounded occurrence counts; precision leaves pronouns out",
    }


# --- PolNeAR: speakers that are pronouns or descriptions ----------------------------------


def source_form(text: str) -> str | None:
    """``pronoun`` (he/she), ``description`` (``the spokesman``) or None for a name or anything else."""
    words = re.findall(r"[\w’'.-]+", text)
    if not words:
        return None
    low = [w.lower() for w in words]
    if len(low) == 1 and low[0] in PRONOUN_SOURCES:
        return "pronoun"
    if low[0] in ("the", "his", "her") and len(low) <= 6 and any(w in PERSON_NOUNS for w in low[1:]) \
            and not any(w[:1].isupper() for w in words[1:] if w.lower() not in PERSON_NOUNS and w.lower() != "the"
                        and not re.match(r"^[A-Z][a-z]+(an|ian|ese|ish|i)$", w) and w not in ("Republican", "Democratic",
                                                                                            "White", "House", "State")):
        return "description"
    return None


def score_speaker_resolution(
    docs: Sequence, analyses: Sequence[Analysis], sample_path: str | Path | None = None, sample_size: int = 30
) -> dict[str, Any]:
    """Share of gold pronoun/description Sources whose span our actors resolve to a named actor.

    Counted: gold attributions whose Source is ``he``/``she`` or a definite person
    description (``the spokesman``, ``the Republican nominee``) in an article where a person
    is named before it (by our own name mentions: PolNeAR has no coreference gold).
    Resolved: ``MentionIndex.actor_at`` on the Source span returns an actor with a name mention.
    """
    counted = resolved = 0
    by_form: dict[str, list[int]] = {"pronoun": [0, 0], "description": [0, 0]}
    sample: list[dict[str, Any]] = []
    for doc, analysis in zip(docs, analyses):
        if analysis is None:
            continue
        index = MentionIndex(analysis.actors)
        people = [a for a in analysis.actors if a.kind == "person"]
        for att in doc.attributions:
            src = att.source
            if src is None:
                continue
            form = source_form(src.text)
            if form is None:
                continue
            named_before = any(m.kind == "name" and m.start < src.start for a in people for m in a.mentions)
            if not named_before:
                continue
            counted += 1
            by_form[form][0] += 1
            actor, mention = index.actor_at(src.start, src.end)
            ok = actor is not None and any(m.kind == "name" for m in actor.mentions)
            if ok:
                resolved += 1
                by_form[form][1] += 1
            if len(sample) < sample_size * 20:
                left = doc.text.rfind("\n", 0, src.start) + 1
                sample.append({
                    "doc": doc.id, "source": src.text, "start": src.start, "form": form,
                    "actor": actor.name if ok else None,
                    "confidence": (actor.confidence if actor else None),
                    "context": doc.text[max(left, src.start - 300):src.end + 80].replace("\n", " "),
                })
    # an even spread over the corpus, not the first article's 30
    step = max(1, len(sample) // sample_size)
    picked = sample[::step][:sample_size]
    if sample_path:
        Path(sample_path).parent.mkdir(parents=True, exist_ok=True)
        with open(sample_path, "w", encoding="utf-8") as fh:
            for row in picked:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {
        "counted": counted,
        "resolved_to_named": resolved,
        "share": resolved / counted if counted else None,
        "by_form": {k: {"counted": v[0], "share": v[1] / v[0] if v[0] else None} for k, v in by_form.items()},
        "sample": [f"{r['source']} -> {r['actor']}" for r in picked],
        "note": "Source = he/she or a definite person description, with a person named earlier in the article",
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Speaker resolution on a PolNeAR folder with the actor stage alone (no quotes or events).

    Usage: python -m whosaid.evaluation.actors ../shared/eval/polnear/dev [--sample FILE.jsonl] [--limit N]
    """
    import argparse

    from whosaid.actors import find_actors
    from whosaid.evaluation import load_article
    from whosaid.evaluation.gold import read_polnear
    from whosaid.nlp import load_model
    from whosaid.nlp.parse import parse

    parser = argparse.ArgumentParser(prog="python -m whosaid.evaluation.actors", description=main.__doc__)
    parser.add_argument("folder")
    parser.add_argument("--sample", help="write 30 resolutions to this JSONL file for checking by hand")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    docs = read_polnear(args.folder, limit=args.limit)
    nlp = load_model("md")
    by_text: dict[str, Analysis] = {}
    analyses = []
    for doc in docs:
        if doc.text not in by_text:  # an article annotated twice is analysed once
            article = load_article(doc.text, doc.path or doc.id)
            by_text[doc.text] = Analysis(article=article, actors=find_actors(parse(nlp, article), article))
        analyses.append(by_text[doc.text])
    result = score_speaker_resolution(docs, analyses, sample_path=args.sample)
    print(json.dumps({k: v for k, v in result.items() if k != "sample"}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
