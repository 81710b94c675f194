"""Build whosaid's attribution-cue lexicon from the PolNeAR train attributions.

Usage:
    python scripts/build_cues.py ../shared/eval/polnear/train src/whosaid/data/cues.tsv [--limit N]

Every gold Cue span of an ``Attribution`` relation is parsed in its article; the
cue's head word (the token of the span whose syntactic head lies outside it) gives
a lemma and a coarse part of speech. The same lemmas are counted over every token
of the parsed articles, so each lemma carries how often it occurs, how often it is
a cue, and the ratio (its precision as a cue). Multi-word cues that are not
headed by a reporting verb (``according to``, ``in a statement``) are kept as
phrases with the same counts, the total being how often the phrase occurs in the
text. Only counts and lemmas are written: no PolNeAR text is shipped.

Output (tab-separated, ``#`` comments first): ``kind  key  pos  cue  total  precision``
with ``kind`` ``lemma`` or ``phrase``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

FORMAT_VERSION = 1
#: A lemma must have been a cue this many times to be kept.
MIN_CUE = 2
MIN_PHRASE = 5
POS = {"VERB": "v", "AUX": "v", "NOUN": "n", "ADJ": "a", "ADP": "p", "ADV": "r"}


def cue_head(span_tokens):
    """The token of a span whose head lies outside it (the first such, else the first verb)."""
    ids = {t.i for t in span_tokens}
    heads = [t for t in span_tokens if t.head.i not in ids or t.head.i == t.i]
    for t in heads:
        if t.pos_ in ("VERB", "NOUN", "AUX", "ADJ"):
            return t
    return heads[0] if heads else span_tokens[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from whosaid.evaluation.gold import read_polnear
    from whosaid.nlp import load_model

    nlp = load_model("md")
    docs = read_polnear(args.train, annotator="all", limit=None)
    by_text: dict[str, list] = {}
    for d in docs:
        by_text.setdefault(d.path or d.id, []).append(d)
    paths = sorted(by_text)[: args.limit] if args.limit else sorted(by_text)

    cue: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    phrases: Counter[str] = Counter()
    texts = [by_text[p][0].text for p in paths]
    for n, (doc, path) in enumerate(zip(nlp.pipe(texts, batch_size=16), paths), start=1):
        for t in doc:
            if t.pos_ in POS:
                total[(t.lemma_.lower(), POS[t.pos_])] += 1
        seen: set[tuple[int, int]] = set()
        for gold in by_text[path]:
            for a in gold.attributions:
                if a.cue is None or (a.cue.start, a.cue.end) in seen:
                    continue
                seen.add((a.cue.start, a.cue.end))
                span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                head = cue_head(list(span))
                if head.pos_ in ("VERB", "AUX", "NOUN") and not (head.pos_ == "NOUN" and len(span) > 2):
                    if head.pos_ in POS:
                        cue[(head.lemma_.lower(), POS[head.pos_])] += 1
                else:
                    phrases[re.sub(r"\s+", " ", span.text.lower()).strip()] += 1
        if n % 50 == 0:
            print(f"{n}/{len(paths)} articles", file=sys.stderr)

    all_text = "\n".join(texts).lower()
    rows = []
    for (lemma, pos), c in cue.items():
        if c >= MIN_CUE and re.fullmatch(r"[a-z][a-z'-]*", lemma):
            tot = max(total[(lemma, pos)], c)
            rows.append(("lemma", lemma, pos, c, tot, c / tot))
    for phrase, c in phrases.items():
        if c >= MIN_PHRASE and len(phrase.split()) >= 2 and re.fullmatch(r"[a-z' ]+", phrase):
            tot = max(len(re.findall(r"\b" + re.escape(phrase) + r"\b", all_text)), c)
            rows.append(("phrase", phrase, "-", c, tot, c / tot))
    rows.sort(key=lambda r: (r[0], -r[3], r[1]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(f"# whosaid attribution cues, format {FORMAT_VERSION}\n")
        fh.write(f"# built by scripts/build_cues.py from PolNeAR v1.0 train attributions ({len(paths)} articles)\n")
        fh.write("# counts only (no PolNeAR text): cue = times a gold cue head, total = times in the text\n")
        fh.write("kind\tkey\tpos\tcue\ttotal\tprecision\n")
        for kind, key, pos, c, tot, prec in rows:
            fh.write(f"{kind}\t{key}\t{pos}\t{c}\t{tot}\t{prec:.3f}\n")
    print(f"wrote {len(rows)} cues to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
