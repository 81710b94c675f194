"""The attribution-cue lexicon (``data/cues.tsv``) and cue detection on parsed tokens.

The lexicon is built by ``scripts/build_cues.py`` from the PolNeAR train
attributions: every lemma that was a cue's head word, with how often it was one and
how often it occurs at all (its precision as a cue). Phrases such as
``according to`` are kept whole.

Example:
    >>> lex = lexicon()                        # doctest: +SKIP
    >>> lex.verb_precision("say") > 0.5        # doctest: +SKIP
    True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

#: A verb whose lemma was a gold cue at least this often (share of its occurrences) is a cue
#: on its own; rarer ones need a reported clause or quote marks to count.
STRONG = 0.25


@dataclass(frozen=True)
class CueLexicon:
    """Cue lemmas (by part of speech) and phrases, each with its precision as a cue."""

    verbs: dict[str, float]
    nouns: dict[str, float]
    phrases: dict[str, float]
    counts: dict[str, int]

    def verb_precision(self, lemma: str) -> float:
        return self.verbs.get(lemma.lower(), 0.0)

    def noun_precision(self, lemma: str) -> float:
        return self.nouns.get(lemma.lower(), 0.0)

    def is_verb_cue(self, lemma: str, min_precision: float = 0.0, min_count: int = 3) -> bool:
        lemma = lemma.lower()
        return lemma in self.verbs and self.verbs[lemma] >= min_precision and self.counts.get(lemma, 0) >= min_count


@functools.lru_cache(maxsize=1)
def lexicon() -> CueLexicon:
    """The packaged cue lexicon (loaded once)."""
    verbs: dict[str, float] = {}
    nouns: dict[str, float] = {}
    phrases: dict[str, float] = {}
    counts: dict[str, int] = {}
    text = resources.files("whosaid").joinpath("data", "cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, key, pos, cue, _total, precision = line.split("\t")
        value = float(precision)
        if kind == "phrase":
            phrases[key] = value
        elif pos == "v":
            verbs[key] = value
            counts[key] = counts.get(key, 0) + int(cue)
        elif pos == "n":
            nouns[key] = value
    return CueLexicon(verbs, nouns, phrases, counts)
