"""Train the reported-speech model (``src/whosaid/data/indirect_model.json``) on PolNeAR train.

Usage:
    python scripts/train_indirect.py ../shared/eval/polnear/train src/whosaid/data/indirect_model.json
        [--limit N] [--tune-on N] [--cache parses.pkl]

(About six minutes on two cores with a warm parse cache.)

Every PolNeAR train article is parsed as whosaid parses it, and the indirect finder
proposes all its reported-speech candidates (``indirect_candidates(model=None)``). A
candidate is positive when its content matches a gold attribution of any annotator at
Dice >= 0.5 (the evaluation's lenient match). A logistic regression (scikit-learn,
L2) is fitted on the feature strings that occur at least ``MIN_COUNT`` times.

The keep threshold is chosen on the first ``--tune-on`` articles by re-running the
whole quote stage and taking the threshold with the best mean of content F1 at Dice >= 0.5
and at Dice >= 0.9 (the evaluation's two matches, weighed alike), with a model fitted
without those articles; the shipped weights are then refitted on
every article. Only weights are written: no PolNeAR text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

FORMAT_VERSION = 1
MIN_COUNT = 3
#: L2 strength (scikit-learn's C is its inverse).
C = 0.2
LENIENT = 0.5
STRICT = 0.9
#: Thresholds whose held-out F1 is within this of the best count as tied.
TIE = 0.001


def parsed_articles(folder: str, limit: int | None, cache_path: str | None):
    """(article id, Article, Doc, annotations) per article; ``annotations`` holds one list of gold
    content token lists per annotator."""
    from spacy.tokens import Doc

    from whosaid.evaluation import _gold_article
    from whosaid.evaluation.gold import read_polnear, tokens
    from whosaid.nlp import load_model, parse

    nlp = load_model("md")
    cache = {}
    if cache_path and Path(cache_path).exists():
        cache = pickle.loads(Path(cache_path).read_bytes())
    grouped: dict[str, list] = {}
    texts: dict[str, str] = {}
    for gold in read_polnear(folder, annotator="all"):
        grouped.setdefault(gold.id, []).append([tokens(a.text) for a in gold.attributions])
        texts[gold.id] = gold.text
    ids = sorted(grouped)[:limit] if limit else sorted(grouped)
    dirty = False
    out = []
    for n, doc_id in enumerate(ids):
        article, _ = _gold_article(texts[doc_id], doc_id)
        from whosaid.nlp.parse import analysable_text

        key = hashlib.sha1(analysable_text(article).encode()).hexdigest()
        if key in cache:
            doc = Doc(nlp.vocab).from_bytes(cache[key])
        else:
            doc = parse(nlp, article)
            cache[key] = doc.to_bytes()
            dirty = True
        out.append((doc_id, article, doc, grouped[doc_id]))
        if n % 100 == 0:
            print(f"parsed {n}/{len(ids)}", file=sys.stderr)
    if cache_path and dirty:
        Path(cache_path).write_bytes(pickle.dumps(cache))
    return out


def examples(articles):
    """(features, label) for every proposed candidate."""
    from whosaid.evaluation.gold import dice, tokens
    from whosaid.quotes.cues import lexicon
    from whosaid.quotes.indirect import indirect_candidates

    lex = lexicon()
    rows = []
    for _doc_id, article, doc, annotations in articles:
        golds = [g for annotation in annotations for g in annotation]  # any annotator's quote counts
        for cand in indirect_candidates(doc, lex, model=None):
            words = tokens(" ".join(doc.text[s:e] for s, e in cand.content))
            best = max((dice(words, g) for g in golds), default=0.0)
            rows.append((cand.features, best >= LENIENT))
    return rows


def fit(rows):
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats, _ in rows for f in set(feats))
    vocab = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    data, cols, ptr = [], [], [0]
    for feats, _ in rows:
        idx = sorted({index[f] for f in feats if f in index})
        cols.extend(idx)
        data.extend([1.0] * len(idx))
        ptr.append(len(cols))
    x = csr_matrix((data, cols, ptr), shape=(len(rows), len(vocab)))
    y = np.array([label for _, label in rows], dtype=int)
    clf = LogisticRegression(C=C, max_iter=2000)
    clf.fit(x, y)
    weights = {f: round(float(w), 4) for f, w in zip(vocab, clf.coef_[0]) if abs(w) >= 1e-4}
    return weights, round(float(clf.intercept_[0]), 4)


def quote_f1(articles, model) -> tuple[float, float]:
    """Content F1 at Dice >= 0.5 and >= 0.9 of the whole quote stage on ``articles`` with ``model``."""
    import whosaid.quotes.indirect as indirect
    from whosaid.actors import find_actors
    from whosaid.evaluation.gold import tokens
    from whosaid.evaluation.quotes import pair_greedy
    from whosaid.quotes import find_quotes

    saved = indirect.indirect_model
    indirect.indirect_model = lambda: model
    try:
        gold_n = pred_n = 0
        hits = {LENIENT: 0, STRICT: 0}
        for _doc_id, article, doc, annotations in articles:
            actors = find_actors(doc, article)
            quotes = find_quotes(doc, article, actors)
            pred = [tokens(q.text) for q in quotes]
            for golds in annotations:  # each annotation file scored on its own, as whosaid eval does
                pairs = pair_greedy(golds, pred)
                gold_n += len(golds)
                pred_n += len(pred)
                for level in hits:
                    hits[level] += sum(1 for _, _, d in pairs if d >= level)
    finally:
        indirect.indirect_model = saved

    def f1(hit: int) -> float:
        p = hit / pred_n if pred_n else 0.0
        r = hit / gold_n if gold_n else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return f1(hits[LENIENT]), f1(hits[STRICT])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train", help="PolNeAR train folder (text/ + attributions/)")
    parser.add_argument("output", help="where to write the model JSON")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--tune-on", type=int, default=80, help="articles held out to choose the threshold")
    parser.add_argument("--cache", default=None, help="pickle file to keep parses between runs")
    args = parser.parse_args(argv)

    from whosaid.quotes.scorer import IndirectModel

    articles = parsed_articles(args.train, args.limit, args.cache)
    tune, rest = articles[: args.tune_on], articles[args.tune_on :]
    weights, bias = fit(examples(rest))
    scores, both = {}, {}
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        both[threshold] = quote_f1(tune, IndirectModel(weights, bias, threshold))
        scores[threshold] = sum(both[threshold]) / 2
        print(f"threshold {threshold:.2f}: content F1@0.5 {both[threshold][0]:.4f}, F1@0.9 {both[threshold][1]:.4f} "
              f"on {len(tune)} held-out articles", file=sys.stderr)
    # Near-ties go to the higher threshold: fewer, surer quotes for the same F1.
    top = max(scores.values())
    chosen = max(t for t, f1 in scores.items() if f1 >= top - TIE)
    rows = examples(articles)
    weights, bias = fit(rows)
    positives = sum(1 for _, y in rows if y)
    model = {
        "format": FORMAT_VERSION,
        "comment": (
            "whosaid reported-speech model: logistic regression over feature strings, built by "
            "scripts/train_indirect.py from PolNeAR v1.0 train attributions (weights only, no text)"
        ),
        "trained_on": {"articles": len(articles), "candidates": len(rows), "positive": positives},
        "threshold": chosen,
        "threshold_f1_50": round(both[chosen][0], 4),
        "threshold_f1_90": round(both[chosen][1], 4),
        "bias": bias,
        "weights": dict(sorted(weights.items())),
    }
    Path(args.output).write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} candidates ({positives} positive), {len(weights)} weights, threshold {chosen} -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
