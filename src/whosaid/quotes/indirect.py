"""Indirect quotes: reported speech found through the parse.

A cue verb from the lexicon with a clausal complement gives the content
(``Khamenei said the U.S. ...``: the ``ccomp``); verbs that report advice or warnings
take their infinitive (``advised the Nigerian leader not to ...``: the ``xcomp``);
``according to X`` reports the clause it is attached to. Every such proposal, however
weak its cue, is scored by the reported-speech model (``scorer``), which keeps the
likely ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from whosaid.nlp.parse import doc_text
from whosaid.quotes.candidates import Candidate, Paragraphs, sentence_end, trim
from whosaid.quotes.cues import CueLexicon
from whosaid.quotes.direct import according_object
from whosaid.quotes.marks import OPEN_DOUBLE, OPEN_SINGLE, STRAIGHT_DOUBLE
from whosaid.quotes.scorer import IndirectModel, features, indirect_model

#: A verb reports speech or thought when it was a gold cue at least this share of its uses.
MIN_PRECISION = 0.10
#: Verbs proposed to the model: any lemma seen as a cue at least this share of its uses.
GEN_MIN_PRECISION = 0.03
#: Verbs whose infinitive complement is what was said (``advised X not to``) are the lexicon
#: verbs that take an object and an infinitive; the parse tells which (``xcomp`` with an object).
MIN_CONTENT_TOKENS = 3
_WORDS = re.compile(r"\w")
#: Aspectual verbs report nothing themselves: in ``continued to insist that …`` the cue is
#: ``insist``; ``continued to work on the budget`` reports nothing.
ASPECTUAL_VERBS = {"continue", "begin", "start", "keep", "stop", "resume", "cease"}
#: Cues reliable enough to report the clause they interrupt (``The risk, he said, is …``).
STRONG_CUE = 0.5
#: Prepositions whose object is what a cue verb is about (``called for``, ``talked about``);
#: the content is that object, without the preposition (as PolNeAR marks it).
OBJECT_PREPOSITIONS = {"for", "about", "on", "of", "to", "against", "at"}
#: Prepositions right after a reported object that belong to what was said (``accused [X of Y]``).
ATTACHED_PREPOSITIONS = {"for", "of", "as", "over", "with", "about", "against"}
#: Verbs that say nothing by themselves (``took a swipe at``): their object's target is the content.
LIGHT_VERBS = {"take", "make", "draw", "offer", "raise", "express", "launch", "level", "voice", "lodge", "aim"}
TARGET_PREPOSITIONS = {"at", "on", "about", "against", "over", "toward", "towards"}
#: What a cue noun's prepositional object can report (``a call for``, ``criticism of``).
NOUN_PREPOSITIONS = {"for", "of", "against", "on", "about", "to"}
#: ``Graham: Trump’s ‘Hateful Rhetoric’ Destroying GOP’s Chance``, ``SANDERS: We need …``: a
#: paragraph opened by a source of at most this many words and a colon (a transcript's
#: paragraphs may each open with a stray quotation mark).
SOURCE_COLON = re.compile(r"^[ \t\"“]*([^:\n\"“]{2,60}?)[ \t]*:[ \t]+(?=\S)")
MAX_SOURCE_WORDS = 4
#: Confidence of a source-colon attribution, and the complement shape that marks one.
SOURCE_COLON_CONFIDENCE = 0.6
SOURCE_COLON_SHAPE = "source_colon"
#: Marks that open a quotation (``''`` is the doubled straight single of some wires).
OPENING_MARKS = (*OPEN_DOUBLE, STRAIGHT_DOUBLE, *OPEN_SINGLE, "''")


def noun_complement(tok: Token) -> tuple[int, int, str] | None:
    """What a cue noun reports: ``the claim [that …]``, ``a call [for calm]``, ``criticism [of Rubio]``."""
    text = doc_text(tok.doc)
    for c in tok.children:
        if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return (*_range(c, text), "noun_clause")
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in NOUN_PREPOSITIONS and c.i == tok.i + 1:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and not (pobj.pos_ == "PRON" and pobj.right_edge.i == pobj.i):
                return (*_range(pobj, text), "noun_pobj")
    return None


def noun_speaker(tok: Token) -> Token | None:
    """Whose a cue noun is: ``Trump's [criticism]``, or the subject of ``issued [a call]``."""
    from whosaid.quotes.speakers import subject_of

    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    if tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return subject_of(tok.head)
    return None


def _that_clause_in_prep(tok: Token) -> Token | None:
    """``says in a statement [that …]``: a that-clause the parser hung on the cue's prepositional phrase."""
    for c in tok.children:
        if c.dep_ != "prep" or c.i < tok.i:
            continue
        for pobj in c.children:
            for g in pobj.children:
                if g.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children):
                    return g
    return None


def _range(tok: Token, text: str, exclude: Token | None = None) -> tuple[int, int]:
    start = tok.left_edge.idx
    end = tok.right_edge.idx + len(tok.right_edge)
    return trim(text, start, end)


def complement(tok: Token, precision: float, min_object_precision: float) -> tuple[int, int, str] | None:
    """The character range of what a cue verb reports: its clause, infinitive or object.

    ``said [the U.S. ...]`` (ccomp), ``urged them [to leave]`` (xcomp), ``criticized
    [his dismissal]`` (dobj), ``called [for consequences]``, ``talked [about trade]``
    (prepositional object). Objects are proposed only for verbs that are cues at least
    ``min_object_precision`` of the times they occur; whether ``made [a speech]`` is
    reported speech is then the model's call (``scorer``).
    """
    text = doc_text(tok.doc)
    children = list(tok.children)
    comp = next((c for c in children if c.dep_ == "ccomp" and c.i > tok.i), None)
    comp = comp or next((c for c in children if c.dep_ == "ccomp"), None)
    comp = comp or _that_clause_in_prep(tok)
    if comp is not None:
        n = comp.right_edge.i - comp.left_edge.i + 1
        if n >= MIN_CONTENT_TOKENS:
            start, end = _range(comp, text)
            # ``advised the Nigerian leader not to …``: the infinitive's subject is the addressee.
            subj = next((c for c in comp.children if c.dep_ == "nsubj" and c.i < comp.i), None)
            if subj is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
                nxt = subj.right_edge.i + 1
                if nxt < comp.i:
                    start = tok.doc[nxt].idx
            # ``repeated familiar themes – that A; that B``: the dash spells out what was said.
            return (*_elaboration(tok, start, end), "ccomp")
    xcomp = next((c for c in children if c.dep_ == "xcomp" and c.i > tok.i), None)
    if xcomp is not None and any(c.dep_ in ("dobj", "dative") and c.i < xcomp.i for c in children):
        # ``advised the Nigerian leader not to …``: someone told to do something.
        return (*_range(xcomp, text), "xcomp_obj")
    if precision < min_object_precision:
        return None
    if xcomp is not None:
        return (*_range(xcomp, text), "xcomp")
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is not None and tok.lemma_.lower() in LIGHT_VERBS:
        # ``took a swipe [at Bush]``, ``made remarks [on the matter]``: the target is the content.
        prep = next((g for g in obj.children if g.dep_ == "prep" and g.lower_ in TARGET_PREPOSITIONS), None)
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None:
            return (*_range(pobj, text), "light")
    predicate = obj is not None and any(c.i > obj.i and c.dep_ in ("oprd", "ccomp", "xcomp") for c in children)
    if obj is not None and (predicate or not (obj.pos_ == "PRON" and obj.right_edge.i == obj.i)):
        # ``calls [it the nerd prom]``, ``criticized [Rubio for opposing …]``, ``remembered [Ali as …]``:
        # a predicate or a phrase right after the object says what was said of it.
        last, extended = obj, False
        for c in children:
            if c.i <= obj.i:
                continue
            if c.dep_ in ("oprd", "ccomp", "xcomp") or (
                c.dep_ == "prep" and c.lower_ in ATTACHED_PREPOSITIONS and c.i == last.right_edge.i + 1
            ):
                last, extended = c, extended or c.dep_ == "prep"
        start, _ = _range(obj, text)
        _, end = _range(last, text)
        return (*_elaboration(tok, start, end), "dobj+prep" if extended else "dobj")
    passive_subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if passive_subject is not None and any(c.dep_ == "agent" for c in children):
        # ``This proposal was rejected [by 64 percent]``: what the agent judged is the subject.
        last = next((c for c in children if c.dep_ == "oprd" and c.i > tok.i), passive_subject)
        start, _ = _range(passive_subject, text)
        _, end = _range(last, text) if last is not passive_subject else _range(passive_subject, text)
        return (start, end, "passive")
    for c in children:
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in OBJECT_PREPOSITIONS:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and not (pobj.pos_ == "PRON" and pobj.right_edge.i == pobj.i) and pobj.ent_type_ not in (
                "DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"
            ):
                # ``talked about [trade]``: the content is the object, not the phrase.
                return (*_range(pobj, text), "pobj:" + c.lower_)
    return None


_ELABORATION = re.compile(r"\s*[–—]\s*(?=that\b)|\s+-{1,2}\s*(?=that\b)")


def _elaboration(tok: Token, start: int, end: int) -> tuple[int, int]:
    """``repeated familiar themes – that A; that B``: what follows the dash is what was said."""
    text = doc_text(tok.doc)
    sent_end = sentence_end(tok)
    m = _ELABORATION.search(text, start, min(sent_end, end + 12))
    if m is None or len(text[start : m.start()].split()) > 8 or m.end() >= sent_end:
        return start, end
    return trim(text, m.end(), sent_end)


def _interrupted_clause(tok: Token) -> list[tuple[int, int]]:
    """``The bigger risk, he said, is a clash …`` / ``Riding alone …, they said, can be hazardous``:
    the clause an attribution interrupts or follows, as one or two ranges without the attribution."""
    doc = tok.doc
    head = tok.head
    if tok.dep_ not in ("parataxis", "ccomp", "advcl") or head is tok or head.pos_ not in ("VERB", "AUX"):
        return []
    lo, hi = tok.left_edge.i, tok.right_edge.i
    left, right = head.left_edge.i, head.right_edge.i
    if left >= lo:
        return []
    ranges = [(left, lo - 1)]
    if hi + 1 <= right:
        ranges.append((hi + 1, right))
    out = []
    for a, b in ranges:
        start, end = _strip_edges(doc, doc[a].idx, doc[b].idx + len(doc[b]))
        if end > start and _WORDS.search(doc_text(doc), start, end):
            out.append((start, end))
    text = doc_text(doc)
    if len(out) == 2 and any(m in text[tok.idx + len(tok):out[1][0] + 1] for m in OPENING_MARKS) \
            and not any(m in text[doc[left].idx:out[0][0] + 1] for m in OPENING_MARKS):
        # ``On ABC Tuesday, he said, “I never said …”``, ``Asked what …, Adelson said, “They …”``:
        # the attribution opens a quotation; the unquoted words before it only frame it
        out = out[1:]
    words = sum(len(text[s:e].split()) for s, e in out)
    return out if words >= MIN_CONTENT_TOKENS else []


def _trim_tail(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``backed [Bush], the former Florida governor, …``: a reported object ends before a comma
    that opens a relative clause or an appositive describing it (the writer's words, not the speaker's)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    for tok in span:
        if tok.text != "," or tok.i == span.start:
            continue
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.i >= span.end:
            continue
        if nxt.dep_ == "appos" or nxt.head.dep_ in ("appos",) or (nxt.tag_ in ("WDT", "WP", "WRB") and nxt.head.dep_ == "relcl"):
            return _strip_edges(doc, start, tok.idx)
    return start, end


def _before_another_report(doc: Doc, start: int, end: int, lex: CueLexicon) -> tuple[int, int]:
    """``says he would release his returns on Friday, calling them “very boring”``: a clause
    joined on after a comma or a conjunction whose verb is itself a strong cue (an advcl or a
    conjunct) is another report, with its own quote: the content ends before it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    for tok in span:
        if tok.i == span.start or tok.dep_ not in ("advcl", "conj") or tok.pos_ != "VERB":
            continue
        if not (span.start <= tok.head.i < span.end) or lex.verb_precision(tok.lemma_) < STRONG_CUE:
            continue
        left = tok.left_edge.i
        if left <= span.start:
            continue
        prev = doc[left - 1]
        if prev.text not in (",", ";", "—", "–") and prev.dep_ != "cc":
            continue
        cut_start, cut_end = _strip_edges(doc, start, prev.idx)
        if cut_end > cut_start:
            return cut_start, cut_end
    return start, end


def _strip_edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading/trailing punctuation and conjunctions left at a clause's edges."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    toks = list(span)
    while toks and (toks[0].is_punct and not toks[0].is_quote or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct and not toks[-1].is_quote and toks[-1].text not in ".!?"
                    or toks[-1].dep_ == "cc"):  # "… for the military and": the parse left the "and"
        toks = toks[:-1]
    if not toks:
        return start, start
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def indirect_candidates(doc: Doc, lex: CueLexicon, model: IndirectModel | None | bool = True) -> list[Candidate]:
    """Reported-speech candidates, in text order.

    Every verb the lexicon has seen as a cue at least ``GEN_MIN_PRECISION`` of the time
    proposes its complement; ``model`` (the packaged one by default) keeps those it
    scores at least its threshold, and the score becomes the confidence. ``model=None``
    returns every proposal with its features (for training).
    """
    from whosaid.quotes.speakers import addressee_of, subject_of

    if model is True:
        model = indirect_model()
    text = doc_text(doc)
    out: list[Candidate] = []

    def propose(cand: Candidate, lemma: str, precision: float, comp: str) -> None:
        cand.complement = comp
        cand.features = features(
            cand.cue_token, lemma, precision, comp, cand.speaker_head,
            [t for s, e in cand.content for t in (doc.char_span(s, e, alignment_mode="expand") or ())],
        )
        if model is not None:
            p = model.probability(cand.features)
            if p < model.threshold:
                return
            cand.confidence = round(0.3 + 0.65 * p, 3)
        out.append(cand)

    for tok in doc:
        if tok.lower_ == "according":
            speaker = according_object(tok)
            if speaker is None or tok.head is tok:
                continue
            head = tok.head
            if lex.verb_precision(head.lemma_) >= MIN_PRECISION and complement(head, lex.verb_precision(head.lemma_), 1.1):
                continue  # ``According to his office, X agreed that …``: the inner cue carries it
            h_start, h_end = _range(head, text)
            a_start, a_end = _range(tok, text)
            parts = [(h_start, a_start), (a_end, h_end)]
            parts = [_strip_edges(doc, *trim(text, s, e)) for s, e in parts]
            parts = [(s, e) for s, e in parts if len(doc.char_span(s, e, alignment_mode="expand") or ()) >= MIN_CONTENT_TOKENS]
            if not parts:
                continue
            to = next(c for c in tok.children if c.lower_ == "to")
            cand = Candidate(
                kind="indirect",
                content=parts,
                cue=(tok.idx, to.idx + len(to)),
                cue_token=tok,
                speaker_head=speaker,
                confidence=0.75,
            )
            propose(cand, "according to", 1.0, "according")
            continue
        if tok.pos_ == "NOUN":
            precision = lex.noun_precision(tok.lemma_)
            found = noun_complement(tok) if precision >= GEN_MIN_PRECISION else None
            speaker = noun_speaker(tok) if found is not None else None
            # A cue noun with nobody's name on it (``the discussion was dominated by criticism of …``)
            # reports no one: it is not a quote.
            if speaker is not None:
                cand = Candidate(
                    kind="indirect",
                    content=[_strip_edges(doc, found[0], found[1])],
                    cue=(tok.idx, tok.idx + len(tok)),
                    cue_token=tok,
                    speaker_head=speaker,
                    object_content=True,
                )
                if cand.content[0][1] > cand.content[0][0]:
                    propose(cand, "n:" + tok.lemma_.lower(), precision, found[2])
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.tag_ == "VBN" and tok.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            continue  # ``Rex Tillerson, proposed Secretary of State, …``: a participle is not a report
        precision = lex.verb_precision(tok.lemma_)
        if precision < GEN_MIN_PRECISION or tok.lemma_.lower() in ASPECTUAL_VERBS:
            continue
        found = complement(tok, precision, GEN_MIN_PRECISION)
        if found is None and precision >= STRONG_CUE:
            pieces = _interrupted_clause(tok)
            if pieces:
                cand = Candidate(
                    kind="indirect",
                    content=pieces,
                    cue=(tok.idx, tok.idx + len(tok)),
                    cue_token=tok,
                    speaker_head=subject_of(tok),
                    addressee_head=addressee_of(tok),
                )
                propose(cand, tok.lemma_.lower(), precision, "interrupted")
            continue
        if found is None:
            continue
        start, end = _strip_edges(doc, found[0], found[1])
        if found[2] not in ("ccomp", "xcomp_obj"):
            start, end = _trim_tail(doc, start, end)
        start, end = _before_another_report(doc, start, end, lex)
        n = len(doc.char_span(start, end, alignment_mode="expand") or ())
        if n < 1:
            continue
        cand = Candidate(
            kind="indirect",
            content=[(start, end)],
            cue=(tok.idx, tok.idx + len(tok)),
            cue_token=tok,
            speaker_head=subject_of(tok),
            addressee_head=addressee_of(tok),
            object_content=found[2] not in ("ccomp", "xcomp_obj"),
        )
        propose(cand, tok.lemma_.lower(), precision, found[2])
    return out


def source_colon_candidates(doc: Doc, paras: Paragraphs, named: Callable[[Token], str | None]) -> list[Candidate]:
    """``Graham: Trump’s ‘Incredibly Hateful Rhetoric’ …`` (a headline), ``WALLACE: If I may …`` (a
    transcript): a paragraph opened by an actor's name and a colon reports the rest of the
    paragraph as that actor's words. ``named`` tells the actor a name word refers to
    (``Resolver.named``); the source before the colon must be such a name, of at most
    ``MAX_SOURCE_WORDS`` words (``The Latest:``, ``Editor’s Note:`` name no one)."""
    text = doc_text(doc)
    out: list[Candidate] = []
    for j in range(len(paras.starts)):
        line = paras.line(j)
        m = SOURCE_COLON.match(line)
        if m is None or len(m.group(1).split()) > MAX_SOURCE_WORDS:
            continue
        base = paras.starts[j]
        source = doc.char_span(base + m.start(1), base + m.end(1), alignment_mode="expand")
        if source is None or named(source[-1]) is None:
            continue
        start, end = trim(text, base + m.end(), base + len(line))
        if not _WORDS.search(text, start, end):
            continue  # a turn may be one word (``CLINTON: No.``), but not none
        colon = base + line.index(":", m.end(1))
        out.append(Candidate(
            kind="indirect",
            content=[(start, end)],
            cue=(colon, colon + 1),
            speaker_head=source[-1],
            confidence=SOURCE_COLON_CONFIDENCE,
            complement=SOURCE_COLON_SHAPE,
        ))
    return out
