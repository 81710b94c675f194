"""Speakers and addressees: the mention a cue governs, and the actor it resolves to.

The parse gives the mention (the cue verb's subject, the agent of a passive, the
object of ``according to``, the object of ``told``); the actors stage gives who it
is, looked up through ``MentionIndex``. No coreference happens here: a pronoun
resolves only if the actors stage clustered it.

Example:
    >>> subject_of(cue_token)                   # doctest: +SKIP
    Khamenei
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from whosaid.actors.index import MentionIndex
from whosaid.records import Span, Speaker

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: Dependencies along which a cue without its own subject borrows one from its head
#: (``was quoted as saying``, ``and added``, ``refused to say``).
_BORROW = ("xcomp", "advcl", "conj", "pcomp", "prep", "acl", "relcl", "ccomp")
#: Tokens that end a speaker mention to the right of its head (appositions, clauses).
_STOP_DEPS = {"relcl", "acl", "advcl", "appos", "punct", "parataxis"}
RELATIVE = {"who", "that", "which"}
#: Whether a relative pronoun subject (``who said``) is replaced by its noun as the mention;
#: PolNeAR marks the pronoun as the source, so it is kept and resolved through its noun instead.
RELATIVE_TO_NOUN = False
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}
ADDRESSEE_VERBS = {"tell", "advise", "warn", "assure", "urge", "ask", "inform", "remind", "caution", "promise"}


@dataclass(frozen=True, slots=True)
class SpeakerMention:
    """The speaker a cue governs: the whole mention and its conjuncts' head tokens."""

    span: Span
    heads: tuple[Token, ...]


def mention_span(head: Token, text: str) -> Span:
    """The noun phrase headed by ``head``, without trailing appositions or clauses.

    ``Putin, visiting Tehran for the first time,`` gives ``Putin``;
    ``A brief readout from the Kremlin`` is kept whole.
    """
    left = head.left_edge.i
    for t in head.lefts:
        if t.dep_ == "punct" or t.dep_ in ("advmod", "cc", "preconj") and t.i == head.left_edge.i:
            left = max(left, t.i + 1)
    right = head.i
    for t in head.rights:
        if t.dep_ in _STOP_DEPS or t.is_punct:
            break
        right = t.right_edge.i
    doc = head.doc
    # Never let a mention run through a quote mark or a comma (coordination aside).
    for i in range(head.i + 1, right + 1):
        if doc[i].is_quote or doc[i].text in (",", "(", "—", "–", ";", ":"):
            right = i - 1
            break
    while right > head.i and doc[right].is_punct:
        right -= 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right])
    return Span.of(text, start, end)


def conjuncts(head: Token) -> tuple[Token, ...]:
    """``Khamenei and Putin`` -> (Khamenei, Putin)."""
    return (head, *[c for c in head.conjuncts if c.i > head.i])


def subject_of(cue: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, a passive's agent, or a borrowed subject."""
    token = cue
    for _ in range(4):
        agent = None
        for child in token.children:
            if child.dep_ in ("nsubj", "csubj"):
                if RELATIVE_TO_NOUN and child.lower_ in RELATIVE and token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
                    return token.head  # ``Mr. Ekovich, who said …``: the noun the clause modifies
                return child
            if child.dep_ == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        if token is cue and cue.tag_ == "VBN" and cue.dep_ in ("acl", "advcl"):
            return None  # ``Rex Tillerson, proposed Secretary of State``: who is proposed did not propose
        for child in token.children:
            if child.dep_ == "nsubjpass" and token.lemma_ in ("quote", "report", "cite") or (
                child.dep_ == "nsubjpass" and token is not cue
            ):
                return child
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return token.head  # ``a coalition of groups urging Congress …``
        if token.dep_ not in _BORROW or token.head is token:
            return None
        token = token.head
    return None


def addressee_of(cue: Token) -> Token | None:
    """Who a cue addresses: the object of ``told``/``advised``, or ``said to X``."""
    lemma = cue.lemma_.lower()
    for child in cue.children:
        if child.dep_ == "ccomp" and lemma in ADDRESSEE_VERBS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            subj = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON"):
                return subj
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and lemma in ADDRESSEE_VERBS and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.dep_ in ("dative", "prep") and child.lower_ == "to" and lemma in ("say", "write", "speak", "explain", "complain"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return pobj
    return None


class Resolver:
    """Looks up the actors behind speaker and addressee mentions."""

    def __init__(self, actors, text: str):
        self.index = MentionIndex(actors)
        self.text = text
        # A person's surname or an organisation's one-word name, when only one actor has it:
        # ``WALLACE:`` in a transcript, ``Pence:`` in a headline the actors stage left unlinked.
        by_name: dict[str, set[str]] = {}
        for a in actors:
            words = a.name.split()
            if a.kind == "person" and len(words) > 1 or a.kind == "organisation" and len(words) == 1:
                by_name.setdefault(words[-1].lower(), set()).add(a.id)
        self.by_name = {k: next(iter(v)) for k, v in by_name.items() if len(v) == 1 and len(k) > 2}

    def named(self, head: Token) -> str | None:
        """The actor a capitalised name word refers to: the name mention covering it, else the one
        actor with that surname (or one-word organisation name)."""
        actor, mention = self.index.actor_at(head.idx, head.idx + len(head))
        if actor is not None:
            return actor.id if mention.kind == "name" else None
        return self._by_surname(head)

    def _by_surname(self, head: Token) -> str | None:
        """The one actor whose surname (or one-word name) a capitalised word no mention covers is."""
        if head.text[:1].isupper() and head.pos_ in ("PROPN", "NOUN"):
            return self.by_name.get(head.lower_)
        return None

    def actor_for(self, head: Token | None, span: Span) -> str | None:
        """The actor whose mention covers the head word, else any mention in the span, else the one
        actor with the head word as its surname."""
        if head is not None:
            actor, _ = self.index.actor_at(head.idx, head.idx + len(head))
            if actor is not None:
                return actor.id
        actor, _ = self.index.actor_at(span.start, span.end)
        if actor is not None:
            return actor.id
        return self._by_surname(head) if head is not None else None

    def speaker(self, head: Token) -> tuple[Speaker | None, Span, str | None]:
        """(speaker or None, the governed mention, the reason when unresolved)."""
        span = mention_span(head, self.text)
        ids: list[str] = []
        missing: list[str] = []
        parts = conjuncts(head)
        for part in parts:
            part_span = mention_span(part, self.text) if len(parts) > 1 else span
            target = part
            if part.lower_ in RELATIVE and part.head.dep_ == "relcl" and part.head.head.pos_ in ("NOUN", "PROPN"):
                target = part.head.head  # ``Mr. Ekovich, who said``: who is the noun the clause modifies
                part_span = mention_span(target, self.text)
            actor = self.actor_for(target, part_span)
            if actor is None:
                missing.append(part_span.text)
            elif actor not in ids:
                ids.append(actor)
        if len(parts) > 1:
            end = max(mention_span(p, self.text).end for p in parts)
            span = Span.of(self.text, span.start, max(span.end, end))
        if ids and not missing:
            return Speaker(tuple(ids), span), span, None
        if ids:
            return Speaker(tuple(ids), span), span, f"no actor for {', '.join(repr(m) for m in missing)}"
        return None, span, f"no actor for {span.text!r}"

    def same_actor(self, actor_id: str | None, actor_ids: tuple[str, ...]) -> bool:
        """Whether ``actor_id`` is one of ``actor_ids``, or an actor of the same canonical identity."""
        if actor_id is None:
            return False
        if actor_id in actor_ids:
            return True
        actor = self.index.by_id(actor_id)
        others = [self.index.by_id(a) for a in actor_ids]
        key = (actor.canonical_id or actor.name) if actor else None
        return key is not None and any(o is not None and (o.canonical_id or o.name) == key for o in others)

    def addressee(self, head: Token | None) -> tuple[str | None, Span | None]:
        if head is None:
            return None, None
        span = mention_span(head, self.text)
        return self.actor_for(head, span), span
