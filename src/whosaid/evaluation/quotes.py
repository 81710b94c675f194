"""Quote scores: content P/R/F1 at Dice ≥ 0.5 and ≥ 0.9, speaker, cue and addressee accuracy.

Definitions are those of ``../shared/eval/README.md`` so figures from any of us compare:
predicted and gold quotes are paired one to one, greedily by highest Dice on
token multisets; a pair counts at Dice ≥ 0.5 (lenient) and ≥ 0.9 (strict).
Speaker, cue and addressee accuracy are measured on the lenient pairs.

Example:
    >>> pair_greedy([["a", "b"]], [["a", "b"], ["a"]])
    [(0, 0, 1.0)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from whosaid.evaluation.gold import GoldAttribution, GoldDoc, dice, seed_attributions, tokens
from whosaid.records import Analysis, Quote, Span

LENIENT = 0.5
STRICT = 0.9
KINDS = ("direct", "mixed", "indirect")
#: How many characters of a quote an error listing shows.
SNIPPET = 120


def pair_greedy(
    gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]
) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, predicted index, Dice), highest Dice first.

    Every pair with Dice > 0 is a candidate; the best remaining pair is taken and
    both its quotes leave the pool. Ties go to the earlier gold, then the earlier
    prediction, so the result does not depend on dictionary order.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            d = dice(g, p)
            if d > 0:
                candidates.append((-d, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for neg, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, -neg))
    return pairs


def overlaps(a: Span | None, b: Span | None) -> bool:
    """Whether two spans share at least one character."""
    return a is not None and b is not None and a.start < b.end and b.start < a.end


# --- what a prediction says about its speaker ------------------------------------------------


def speaker_spans(quote: Quote, analysis: Analysis) -> list[Span]:
    """Every span naming the predicted speaker: the governed mention, all its actors' mentions."""
    spans = []
    if quote.speaker_mention is not None:
        spans.append(quote.speaker_mention)
    if quote.speaker is not None:
        if quote.speaker.mention is not None:
            spans.append(quote.speaker.mention)
        for actor_id in quote.speaker.actors:
            actor = analysis.actor(actor_id)
            if actor is not None:
                spans.extend(m.span for m in actor.mentions)
    return spans


def speaker_names(quote: Quote, analysis: Analysis) -> list[str]:
    """The canonical names of the actors a quote is attributed to (empty when unresolved)."""
    if quote.speaker is None:
        return []
    names = []
    for actor_id in quote.speaker.actors:
        actor = analysis.actor(actor_id)
        names.append(actor.name if actor is not None else actor_id)
    return names


def addressee_name(quote: Quote, analysis: Analysis) -> str | None:
    """The predicted addressee's name: its actor's name when it is an actor id."""
    if not quote.addressee:
        return None
    actor = analysis.actor(quote.addressee)
    return actor.name if actor is not None else quote.addressee


def describe_speaker(quote: Quote, analysis: Analysis) -> str:
    names = speaker_names(quote, analysis)
    mention = quote.speaker_mention or (quote.speaker.mention if quote.speaker else None)
    if names:
        shown = "; ".join(names)
        return shown + (f" ({mention.text})" if mention and mention.text != shown else "")
    if mention is not None:
        return f"unresolved ({mention.text})"
    return f"none ({quote.speaker_reason})" if quote.speaker_reason else "none"


# --- name matching (seed-style gold) ---------------------------------------------------------

_WORD = re.compile(r"\w+")


def _words(name: str) -> list[str]:
    name = name.lower().replace("’", "'").replace(".", "")
    words = _WORD.findall(name)
    if words and words[0] == "the":
        words = words[1:]
    return words


def name_matches(gold: str, predicted: str, person: bool = True) -> bool:
    """Whether a predicted name names the gold actor.

    Case-insensitive equality (dots, apostrophes and a leading "the" aside). For a
    person, the gold surname appearing as a word of the predicted name also counts
    (``Khamenei`` for ``Ali Khamenei``). For an organisation or country, every word
    of the shorter name appearing in the longer one counts (``State Department``
    for ``U.S. State Department``).
    """
    g, p = _words(gold), _words(predicted)
    if not g or not p:
        return False
    if g == p:
        return True
    if person:
        return g[-1] in p
    shorter, longer = (g, p) if len(g) <= len(p) else (p, g)
    return all(w in longer for w in shorter)


def speakers_match(gold: str, predicted: Sequence[str], persons: set[str]) -> bool:
    """Gold ``"A; B"`` against predicted names: every gold speaker found, no extra speaker.

    An extra predicted speaker makes the attribution wrong: ``Khamenei and Putin``
    for a quote of Khamenei alone names someone who did not say it.
    """
    golds = [s.strip() for s in gold.split(";") if s.strip()]
    if not golds or not predicted:
        return False

    def fits(g: str, p: str) -> bool:
        return name_matches(g, p, person=g.lower() in persons or not persons)

    return all(any(fits(g, p) for p in predicted) for g in golds) and all(
        any(fits(g, p) for g in golds) for p in predicted
    )


# --- tallies ---------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts behind one row of scores; added up over documents, turned into ratios at the end."""

    gold: int = 0
    predicted: int = 0
    matched_gold_50: int = 0
    matched_gold_90: int = 0
    matched_pred_50: int = 0
    matched_pred_90: int = 0
    speaker_n: int = 0
    speaker_ok: int = 0
    cue_n: int = 0
    cue_ok: int = 0
    addressee_n: int = 0
    addressee_ok: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        def f1(p: float | None, r: float | None) -> float | None:
            if p is None or r is None:
                # Nothing predicted (or nothing to find): F1 is 0 unless both sides are empty.
                return 0.0 if self.gold or self.predicted else None
            return round(2 * p * r / (p + r), 4) if p + r else 0.0

        p50 = ratio(self.matched_pred_50, self.predicted)
        r50 = ratio(self.matched_gold_50, self.gold)
        p90 = ratio(self.matched_pred_90, self.predicted)
        r90 = ratio(self.matched_gold_90, self.gold)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched_50": self.matched_gold_50,
            "matched_90": self.matched_gold_90,
            "precision_50": p50,
            "recall_50": r50,
            "f1_50": f1(p50, r50),
            "precision_90": p90,
            "recall_90": r90,
            "f1_90": f1(p90, r90),
            "speaker_accuracy": ratio(self.speaker_ok, self.speaker_n),
            "speaker_n": self.speaker_n,
            "cue_accuracy": ratio(self.cue_ok, self.cue_n),
            "cue_n": self.cue_n,
            "addressee_accuracy": ratio(self.addressee_ok, self.addressee_n),
            "addressee_n": self.addressee_n,
        }


@dataclass
class QuoteScorer:
    """Scores documents one at a time and keeps the totals, per kind and the errors."""

    overall: Tally = field(default_factory=Tally)
    #: Recall-side counts by gold kind and precision-side counts by predicted kind.
    gold_kind: dict[str, Tally] = field(default_factory=dict)
    pred_kind: dict[str, Tally] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def _kind(self, table: dict[str, Tally], kind: str | None) -> Tally:
        return table.setdefault(kind or "unknown", Tally())

    def score_polnear(self, gold: GoldDoc, analysis: Analysis) -> None:
        """One PolNeAR annotation file: speaker by span overlap with the gold Source."""
        preds = list(analysis.quotes)

        def judge(gi: int, g: GoldAttribution, q: Quote) -> dict[str, bool | None]:
            speaker = None
            if g.source is not None:
                speaker = any(overlaps(s, g.source) for s in speaker_spans(q, analysis))
            cue = overlaps(q.cue, g.cue) if g.cue is not None else None
            return {"speaker": speaker, "cue": cue, "addressee": None}

        def gold_speaker(gi: int, g: GoldAttribution) -> str | None:
            return g.source.text if g.source is not None else None

        golds = list(gold.attributions)
        self._score(gold.id, gold.annotator, golds, preds, analysis, judge, gold_speaker)

    def score_seed(self, gold: dict[str, Any], analysis: Analysis) -> None:
        """A seed-style gold.json: speaker, addressee by name; cue by its words near the quote."""
        text = gold["text"]
        actors = gold.get("actors", [])
        persons = {a["name"].lower() for a in actors if a.get("kind", "").upper() == "PERSON"}
        golds = list(seed_attributions(gold))
        raw = gold.get("quotes", [])

        def judge(gi: int, g: GoldAttribution, q: Quote) -> dict[str, bool | None]:
            info = raw[gi]
            speaker = None
            if info.get("speaker"):
                speaker = speakers_match(info["speaker"], speaker_names(q, analysis), persons)
            cue = None
            if info.get("cue"):
                spans = _cue_spans(text, info["cue"], g)
                cue = q.cue is not None and any(overlaps(q.cue, c) for c in spans)
            addressee = None
            if info.get("addressee"):
                name = addressee_name(q, analysis)
                addressee = name is not None and speakers_match(info["addressee"], [name], persons)
            return {"speaker": speaker, "cue": cue, "addressee": addressee}

        def gold_speaker(gi: int, g: GoldAttribution) -> str | None:
            return raw[gi].get("speaker")

        doc_id = gold.get("id", "seed")
        self._score(doc_id, None, golds, list(analysis.quotes), analysis, judge, gold_speaker)

    def _score(self, doc_id, annotator, golds, preds, analysis, judge, gold_speaker) -> None:
        gold_tokens = [tokens(g.text) for g in golds]
        pred_tokens = [tokens(q.text) for q in preds]
        pairs = pair_greedy(gold_tokens, pred_tokens)
        by_gold = {gi: (pi, d) for gi, pi, d in pairs}
        by_pred = {pi: (gi, d) for gi, pi, d in pairs}
        where = {"doc": doc_id, **({"annotator": annotator} if annotator else {})}

        for gi, g in enumerate(golds):
            tallies = (Tally(), self._kind(self.gold_kind, g.kind))
            pi, d = by_gold.get(gi, (None, 0.0))
            for t in tallies:
                t.gold += 1
                t.matched_gold_50 += d >= LENIENT
                t.matched_gold_90 += d >= STRICT
            if d < LENIENT:
                self.errors.append(
                    {**where, "type": "miss", "kind": g.kind, "dice": round(d, 3),
                     "text": _snip(g.text), "gold_speaker": gold_speaker(gi, g)}
                )
                self.overall.add(tallies[0])
                continue
            q = preds[pi]
            verdict = judge(gi, g, q)
            for t in tallies:
                for name in ("speaker", "cue", "addressee"):
                    if verdict[name] is not None:
                        setattr(t, f"{name}_n", getattr(t, f"{name}_n") + 1)
                        setattr(t, f"{name}_ok", getattr(t, f"{name}_ok") + bool(verdict[name]))
            self.overall.add(tallies[0])
            if verdict["speaker"] is False:
                self.errors.append(
                    {
                        **where,
                        "type": "wrong speaker",
                        "kind": g.kind,
                        "dice": round(d, 3),
                        "text": _snip(g.text),
                        "gold_speaker": gold_speaker(gi, g),
                        "predicted_speaker": describe_speaker(q, analysis),
                    }
                )
            if verdict["addressee"] is False:
                self.errors.append(
                    {**where, "type": "wrong addressee", "text": _snip(g.text),
                     "predicted_addressee": addressee_name(q, analysis)}
                )

        for pi, q in enumerate(preds):
            t = self._kind(self.pred_kind, q.kind)
            gi, d = by_pred.get(pi, (None, 0.0))
            t.predicted += 1
            t.matched_pred_50 += d >= LENIENT
            t.matched_pred_90 += d >= STRICT
            self.overall.predicted += 1
            self.overall.matched_pred_50 += d >= LENIENT
            self.overall.matched_pred_90 += d >= STRICT
            if d < LENIENT:
                self.errors.append(
                    {**where, "type": "false alarm", "kind": q.kind, "dice": round(d, 3),
                     "text": _snip(q.text),
                     "predicted_speaker": describe_speaker(q, analysis)}
                )

    def result(self) -> dict[str, Any]:
        """Scores overall and per kind (recall by gold kind, precision by predicted kind)."""
        by_kind = {}
        for kind in [*KINDS, *sorted(set(self.gold_kind) | set(self.pred_kind) - set(KINDS))]:
            t = Tally()
            t.add(self.gold_kind.get(kind, Tally()))
            p = self.pred_kind.get(kind, Tally())
            t.predicted = p.predicted
            t.matched_pred_50, t.matched_pred_90 = p.matched_pred_50, p.matched_pred_90
            if t.gold or t.predicted:
                scores = t.scores()
                if not t.predicted:
                    # Precision by predicted kind is undefined if the system never uses the kind.
                    scores["f1_50"] = scores["f1_90"] = None
                by_kind[kind] = scores
        summary: dict[str, dict[str, int]] = {}
        for e in self.errors:
            kinds = summary.setdefault(e["type"], {})
            kinds[e.get("kind") or "unknown"] = kinds.get(e.get("kind") or "unknown", 0) + 1
        return {"overall": self.overall.scores(), "by_kind": by_kind, "error_counts": summary}


def _cue_spans(text: str, cue: str, g: GoldAttribution) -> list[Span]:
    """Where the gold cue is: the occurrence of its words nearest the quote, outside the content.

    The seed gives cue text, not offsets; a list header (``quotes from``) can sit
    several quotes away, so the nearest occurrence wins, however far.
    """
    words = r"\s+".join(re.escape(w) for w in cue.split())
    pattern = re.compile(r"\b" + words + r"\b", re.IGNORECASE)
    found = [
        Span.of(text, m.start(), m.end())
        for m in pattern.finditer(text)
        if not any(overlaps(Span(m.start(), m.end(), ""), c) for c in g.content)
    ]
    if not found:
        return []

    def distance(s: Span) -> int:
        if g.content[0].start <= s.start and s.end <= g.content[-1].end:
            return 0  # between the fragments of a split quote
        return min(abs(s.start - g.content[-1].end), abs(g.content[0].start - s.end))

    return [min(found, key=distance)]


def _snip(text: str, n: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def annotator_agreement(docs: Sequence[GoldDoc]) -> dict[str, Any]:
    """Human agreement where articles were annotated more than once: annotator vs annotator.

    For each article with at least two annotation files, the alphabetically
    second annotator's attributions are scored as predictions against the first's,
    under the same definitions as any system: the ceiling to read scores against.
    """
    from whosaid.evaluation.gold import analysis_from_gold

    by_article: dict[str, list[GoldDoc]] = {}
    for d in docs:
        by_article.setdefault(d.path or d.id, []).append(d)
    scorer = QuoteScorer()
    articles = 0
    for group in by_article.values():
        if len(group) < 2:
            continue
        first, second = sorted(group, key=lambda d: d.annotator or "")[:2]
        scorer.score_polnear(first, analysis_from_gold(second))
        articles += 1
    return {"articles": articles, **scorer.result()}
