"""Direct quotes: text between quote marks, attributed through the parse around it.

For each quotation the cue is looked for, in order: a cue verb in the quote's own
sentences that the quote hangs from (``“…,” Khamenei said``; ``he told Putin, “…”``);
``according to X`` in those sentences; a dash attribution (``“…” — Name``); a cue
in the sentence that introduces it with a colon, or a list header (``Other quotes
from Khamenei included:`` followed by ``-- “…”`` items). A quotation split by its
attribution (``“X,” he said. “Y.”``) becomes one candidate of two spans. Quotes with
no cue are kept only when they read as speech (a clause, not a scare-quoted phrase);
their speaker is settled later (continuation, headline).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from whosaid.nlp.parse import doc_text
from whosaid.quotes.candidates import Candidate, Paragraphs, tokens_in
from whosaid.quotes.cues import CueLexicon
from whosaid.quotes.marks import Quoted

_DASH_AFTER = re.compile(r"\s*[—–]+\s*|\s+--?\s+")
_LIST_ITEM = re.compile(r"^[\s\-–—•*·]*$")
#: Minimum precision (from the lexicon) of a verb found near a quote to be its cue.
NEAR_CUE = 0.02
#: Below this precision a cue verb near a quote yields to a stronger one that also governs it.
WEAK_CUE = 0.1
#: Quotes shorter than this (in words) without a verb are scare quotes, titles, nicknames.
MIN_SPEECH_WORDS = 5


def _sentences(doc: Doc, first: Token, last: Token) -> list:
    """The sentences from the one holding ``first`` to the one holding ``last``, as Spans."""
    start = first.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = last.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return [doc[start:end]]


def _inside(i: int, quoted: list[Quoted]) -> bool:
    return any(q.start <= i < q.end for q in quoted)


def _is_cue_verb(t: Token, lex: CueLexicon, min_precision: float) -> bool:
    return t.pos_ in ("VERB", "AUX") and lex.is_verb_cue(t.lemma_, min_precision, min_count=2)


def _linked(cue: Token, q_tokens: set[int]) -> bool:
    """Whether the quote hangs from the cue in the parse (a quote token's ancestor is the cue)."""
    for i in q_tokens:
        tok = cue.doc[i]
        if cue in tok.ancestors:
            return True
    # ``“…,” he said``: spaCy often makes the quote's verb the root and ``said`` its child.
    return cue.head.i in q_tokens or any(cue.doc[i].head.i == cue.i for i in q_tokens)


#: How a short quoted phrase hangs from its cue when it is what was said (``calling it “a disgrace”``).
_COMPLEMENT_DEPS = {"dobj", "oprd", "ccomp", "xcomp", "attr", "acomp", "appos", "npadvmod", "dep", "advcl"}


def _complement_of(cue: Token, q_toks: list[Token]) -> bool:
    """Whether a short quoted phrase is the cue's complement rather than a title or scare quote."""
    ids = {t.i for t in q_toks}
    for t in q_toks:
        if t.head.i in ids or t.is_punct:
            continue
        head = t.head
        if head.i == cue.i and t.dep_ in _COMPLEMENT_DEPS:
            return True
        if head.lower_ == "as" and t.dep_ in ("pobj", "pcomp") and head.head.i == cue.i:
            return True
        if head.head.i == cue.i and head.dep_ in ("dobj", "oprd") and t.dep_ in ("oprd", "appos", "amod", "attr"):
            return True
    return False


def _according(tokens: list[Token]) -> Token | None:
    for t in tokens:
        if t.lower_ == "according":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            if to is not None:
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return t
    return None


def according_object(tok: Token) -> Token | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def _header_cue(doc: Doc, start: int, end: int, lex: CueLexicon) -> tuple[Token | None, Token | None]:
    """In a header ending with a colon: (cue token, speaker token)."""
    toks = tokens_in(doc, start, end)
    for t in toks:
        # ``quotes from Khamenei``, ``his remarks``: a noun for speech (a cue noun, or a cue verb's noun).
        if t.pos_ == "NOUN" and (lex.noun_precision(t.lemma_) > 0 or lex.verb_precision(t.lemma_) > 0.3):
            for c in t.children:
                if c.dep_ == "poss":
                    return t, c
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.pos_ in ("PROPN", "PRON", "NOUN"):
                        return t, pobj
    for t in toks:
        if _is_cue_verb(t, lex, 0.1):
            from whosaid.quotes.speakers import subject_of

            return t, subject_of(t)
    return None, None


def direct_candidates(doc: Doc, quoted: tuple[Quoted, ...], lex: CueLexicon, paras: Paragraphs) -> list[Candidate]:
    """One candidate per quotation (split quotes merged), in text order."""
    from whosaid.quotes.speakers import addressee_of, subject_of

    text = doc_text(doc)
    out: list[Candidate] = []
    qlist = list(quoted)
    header: tuple[Token | None, Token | None, int] | None = None  # cue, speaker, paragraph index
    for q in qlist:
        q_toks = tokens_in(doc, q.inner_start, q.inner_end)
        if not q_toks:
            continue
        q_ids = {t.i for t in q_toks}
        words = [t for t in q_toks if t.is_alpha]
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in q_toks)
        p_start, p_end = paras.bounds(q.start)
        last_start, last_end = paras.bounds(max(q.end - 1, q.start))
        sents = _sentences(doc, q_toks[0], q_toks[-1])
        # Tokens outside any quotation, in the quote's sentences, within its paragraph(s).
        around = [
            t
            for s in sents
            for t in s
            if not _inside(t.idx, qlist) and p_start <= t.idx < last_end and not t.is_space
        ]
        cand = Candidate(kind="direct", content=list(q.segments), quoted=[q])
        cue = None
        verbs = [t for t in around if _is_cue_verb(t, lex, NEAR_CUE)]
        if len(q.segments) > 1:
            # A quote over several paragraphs is attributed where it opens.
            first_para_end = paras.bounds(q.start)[1]
            opening = [t for t in verbs if t.idx < first_para_end]
            verbs = opening or verbs
        linked = [t for t in verbs if _linked(t, q_ids)]
        pool = linked or verbs
        if pool:
            # The nearest reporting verb; a weak one (``the troops are “a threat”``) only when
            # no strong one (``saying``) governs the quote too.
            cue = min(pool, key=lambda t: (lex.verb_precision(t.lemma_) < WEAK_CUE,
                                           min(abs(t.idx - q.end), abs(t.idx - q.start))))
            if len(words) < MIN_SPEECH_WORDS and not has_verb and not _complement_of(cue, q_toks):
                cue = None  # a scare-quoted phrase or a title in a sentence that reports something else
        according = None if cue is not None else _according(around)
        if cue is not None:
            cand.cue = (cue.idx, cue.idx + len(cue))
            cand.cue_token = cue
            cand.speaker_head = subject_of(cue)
            cand.addressee_head = addressee_of(cue)
            cand.confidence = 0.9 if linked else 0.75
        elif according is not None:
            to = next(c for c in according.children if c.lower_ == "to")
            cand.cue = (according.idx, to.idx + len(to))
            cand.cue_token = according
            cand.speaker_head = according_object(according)
            cand.confidence = 0.85
        else:
            dash = _DASH_AFTER.match(text, q.end)
            if dash and dash.end() < len(text) and text[dash.end()].isupper() and "\n" not in dash.group():
                name = tokens_in(doc, dash.end(), dash.end() + 1)
                if name:
                    head = name[0]
                    while head.head.i > head.i and head.dep_ in ("compound", "amod", "det", "poss") and head.head.i - name[0].i < 6:
                        head = head.head
                    cand.cue = (q.end + dash.group().index(dash.group().strip()[0]), q.end + len(dash.group().rstrip()))
                    cand.speaker_head = head
                    cand.confidence = 0.8
        if cand.cue is None:
            # Colon introduction or list header: the paragraph (or line) before ends with ':'.
            before = text[p_start : q.start]
            intro_end = None
            if before.rstrip().endswith(":") and before.strip():
                intro_end = p_start + len(before.rstrip())
                intro_start = p_start
            elif _LIST_ITEM.match(before) or not before.strip():
                prev_para = text[:p_start].rstrip()
                if prev_para.endswith(":"):
                    intro_end = len(prev_para)
                    intro_start = prev_para.rfind("\n") + 1
            if intro_end is not None:
                h_cue, h_speaker = _header_cue(doc, intro_start, intro_end, lex)
                if h_cue is not None:
                    cand.cue = (h_cue.idx, h_cue.idx + len(h_cue))
                    cand.cue_token = h_cue
                    cand.speaker_head = h_speaker
                    cand.addressee_head = addressee_of(h_cue)
                    cand.confidence = 0.8
                    header = (h_cue, h_speaker, paras.nonempty_index(q.start))
            elif header is not None and _LIST_ITEM.match(before) and before.strip() and (
                paras.nonempty_index(q.start) - header[2] <= 6
            ):
                h_cue, h_speaker, _ = header
                cand.cue = (h_cue.idx, h_cue.idx + len(h_cue))
                cand.cue_token = h_cue
                cand.speaker_head = h_speaker
                cand.confidence = 0.75
                header = (h_cue, h_speaker, paras.nonempty_index(q.start))
        if not has_verb and len(words) <= 6 and all(w.text[0].isupper() for w in words if len(w) > 3):
            continue  # a title of a work or a name in marks (“War and Peace”), not speech
        if cand.cue is None and (len(words) < MIN_SPEECH_WORDS or not has_verb):
            continue  # scare quotes, titles, nicknames: not speech
        # A quotation split by its attribution, however long, within a paragraph: “X,” he said.
        # “Y.” / “X,” said Peter King of New York, who endorsed Mr. Rubio on Tuesday. “Y.”
        if out:
            prev = out[-1]
            same_para = paras.index(prev.end) == paras.index(q.start)
            if (
                same_para
                and prev.cue is not None
                and prev.cue_token is not None
                and prev.end <= prev.cue[0] < q.start
                and (cand.cue is None or cand.cue == prev.cue)
            ):
                prev.content.extend(q.segments)
                prev.quoted.append(q)
                continue
        out.append(cand)
    return out
