"""Which reported-speech candidates are quotes: a small logistic model over parse features.

Reported speech without quotation marks is where rules alone either miss (``voters who
support Sanders``, ``called for an investigation``) or over-report (``asked whether …``,
``the polls show …``). The indirect finder proposes every cue-verb complement from the
lexicon, however weak the cue; this model, trained on PolNeAR train by
``scripts/train_indirect.py`` and shipped as ``data/indirect_model.json`` (weights only,
no text), keeps those it scores at least ``threshold``. Its probability becomes the
quote's confidence, so a reader sees how sure whosaid is.

Features are plain strings (``lemma=say``, ``comp=ccomp``, ``subj=PERSON``): the
model is a weight per string plus a bias, so it can be read and checked by hand.

Example:
    >>> model = indirect_model()                                   # doctest: +SKIP
    >>> model.probability(["lemma=say", "comp=ccomp"]) > 0.5        # doctest: +SKIP
    True
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from whosaid.quotes.candidates import sentence_last

#: Pronoun subjects keep their word (``he`` and ``I`` report differently from ``it``).
_PRONOUN_SUBJECTS = {"he", "she", "they", "i", "we", "you", "it", "who", "that", "which", "this"}
#: Modal and future auxiliaries that make a report hypothetical or a plan.
_MODALS = {"will", "would", "could", "should", "may", "might", "can", "must", "shall"}


@dataclass(frozen=True)
class IndirectModel:
    """Logistic regression weights over string features, and the keep threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=1)
def indirect_model() -> IndirectModel:
    """The packaged model (loaded once)."""
    data = json.loads(resources.files("whosaid").joinpath("data", "indirect_model.json").read_text("utf-8"))
    return IndirectModel(weights=data["weights"], bias=data["bias"], threshold=data["threshold"])


def _bucket(n: int) -> str:
    for limit in (1, 2, 4, 8, 16, 32):
        if n <= limit:
            return str(limit)
    return "more"


def _precision_bucket(p: float) -> str:
    for limit in (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.85):
        if p < limit:
            return f"<{limit}"
    return "high"


def _entity(tok: Token | None) -> str:
    if tok is None:
        return "none"
    if tok.pos_ == "PRON":
        return "pron:" + (tok.lower_ if tok.lower_ in _PRONOUN_SUBJECTS else "other")
    if tok.ent_type_:
        return "ent:" + tok.ent_type_
    return "pos:" + tok.pos_


def features(cue: Token, lemma: str, precision: float, comp: str, subject: Token | None, content: list[Token]) -> list[str]:
    """The feature strings of one candidate: its cue, the complement's shape and its subject."""
    doc = cue.doc
    comp = comp.split(":")[0]
    out = [
        f"lemma={lemma}",
        f"prec={_precision_bucket(precision)}",
        f"comp={comp}",
        f"comp+prec={comp}|{_precision_bucket(precision)}",
        f"lemma+comp={lemma}|{comp}",
        f"dep={cue.dep_}",
        f"tag={cue.tag_}",
        f"subj={_entity(subject)}",
        f"len={_bucket(len(content))}",
        f"comp+len={comp}|{_bucket(len(content))}",
    ]
    if subject is not None and subject.pos_ == "NOUN":
        out.append(f"subj_lemma={subject.lemma_.lower()}")
    for child in cue.children:
        if child.dep_ == "neg":
            out.append("neg")
        elif child.dep_ == "aux" and child.lower_ in _MODALS:
            out.append(f"modal={child.lower_}")
        elif child.dep_ == "auxpass":
            out.append("passive")
    if content:
        first = content[0]
        out.append(f"first={first.lower_ if first.pos_ in ('SCONJ', 'PRON', 'DET', 'PART', 'ADP') else first.pos_}")
        head = next((t for t in content if t.head.i < content[0].i or t.head.i > content[-1].i or t.head is t), content[0])
        out.append(f"head={_entity(head)}")
        if any(t.pos_ in ("VERB", "AUX") for t in content):
            out.append("has_verb")
        if any(t.is_quote for t in content):  # ``called it “disqualifying”``: a quotation inside
            out.append(f"quoted+comp={comp}")
    last = sentence_last(cue)
    if last.text == "?" or (last.i > 0 and doc[last.i - 1].text == "?"):
        out.append("question")
    if cue.i > 0 and cue.nbor(-1).lower_ in ("to",):
        out.append("after_to")
    return out
