"""Quotations: direct, indirect and mixed quotes with cue, speaker and addressee.

``find_quotes`` composes the stages: quote-mark pairing (``marks``), direct quotes
attributed through the parse (``direct``), reported speech (``indirect``), merging
(a quoted fragment inside reported speech makes one mixed quote), speakers carried
over to continuations, list items and headline quotes, and resolution of every
speaker and addressee mention through the actors (``speakers``).

Example:
    >>> from whosaid.nlp import load_model, parse                 # doctest: +SKIP
    >>> article = article_from_string("“We are ready,” Putin said.")  # doctest: +SKIP
    >>> find_quotes(parse(load_model(), article), article, ())      # doctest: +SKIP
    (Quote(id='q1', kind='direct', ...),)
"""

from __future__ import annotations

import re

from whosaid.nlp.parse import doc_text
from whosaid.quotes.candidates import Candidate, Paragraphs
from whosaid.quotes.cues import lexicon
from whosaid.quotes.direct import direct_candidates
from whosaid.quotes.indirect import SOURCE_COLON_SHAPE, indirect_candidates, source_colon_candidates
from whosaid.quotes.marks import quoted_stretches
from whosaid.quotes.speakers import PRONOUNS, Resolver
from whosaid.records import Actor, Article, Quote, Span

__all__ = ["find_quotes"]

_WORD = re.compile(r"\w+")
#: A direct quote covering this share of a reported clause's words is that clause.
DIRECT_SHARE = 0.8
#: A cue-less quote this many paragraphs after the previous quote still continues it.
CONTINUATION_PARAGRAPHS = 2
#: Share of a headline quote's words found in a later quote for it to take that quote's speaker.
HEADLINE_SHARE = 0.6
#: ``praised Iran as “…”``, ``called it “…”``: the reported object with its quotation is one
#: mixed quote (PolNeAR's convention) rather than the quotation alone.
OBJECT_QUOTES_MIXED = True
#: Keep reported speech that sits inside another reported clause as quotes of its own.
NESTED_OBJECTS = False
#: A reported clause that is mostly quotation is one quote: the whole clause with all its
#: quotations (``that “I need you tomorrow.”``), as PolNeAR marks it; False keeps each
#: quotation as a quote of its own.
CLAUSE_QUOTES = True


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _content_words(text: str, cand: Candidate) -> list[str]:
    return [w for s, e in cand.content for w in _words(text[s:e])]


def _words_outside(text: str, cand: Candidate, others: list[Candidate]) -> list[str]:
    """The words of a candidate's content that no other candidate's content covers."""
    covered = [(s, e) for o in others for s, e in o.content]
    out = []
    for s, e in cand.content:
        for m in _WORD.finditer(text, s, e):
            if not any(a <= m.start() < b for a, b in covered):
                out.append(m.group().lower())
    return out


def _labelled_turns(directs: list[Candidate], indirects: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """``"WALLACE: If I may …`` / ``"PENCE: Well, …``: a transcript whose paragraphs each open a
    quotation runs on as one quotation; each speaker label inside it starts a turn of its own,
    attributed by the label (its later paragraphs without a label continue the turn)."""
    labels = [c for c in indirects if c.complement == SOURCE_COLON_SHAPE]
    if not labels:
        return directs, indirects
    used: set[int] = set()
    out: list[Candidate] = []
    for d in directs:
        inside = [c for c in labels if any(s <= c.cue[0] < e for s, e in d.content)]
        if not inside:
            out.append(d)
            continue
        rest = Candidate(kind="direct", content=[], cue=d.cue, cue_token=d.cue_token, speaker_head=d.speaker_head,
                         addressee_head=d.addressee_head, quoted=d.quoted, confidence=d.confidence)
        turn = None
        for s, e in d.content:
            label = next((c for c in inside if s <= c.cue[0] < e), None)
            if label is not None:
                used.add(id(label))
                turn = Candidate(kind="direct", content=[(label.start, e)], cue=label.cue, speaker_head=label.speaker_head,
                                 quoted=d.quoted, confidence=label.confidence)
                out.append(turn)
            elif turn is not None:
                turn.content.append((s, e))
            else:
                rest.content.append((s, e))
        if rest.content:
            out.append(rest)
    out.sort(key=lambda c: c.start)
    return out, [c for c in indirects if id(c) not in used]


def _merge(text: str, directs: list[Candidate], indirects: list[Candidate]) -> list[Candidate]:
    """Resolve overlaps: a reported clause that is mostly a quotation is that direct quote;
    one with a quoted fragment inside is a single mixed quote."""
    directs, indirects = _labelled_turns(directs, indirects)
    removed: set[int] = set()
    kept: list[Candidate] = []
    for ind in indirects:
        if ind.object_content and any(
            d.cue_token is not None and d.cue_token == ind.cue_token and d.start < ind.end and ind.start < d.end
            and not (OBJECT_QUOTES_MIXED and ind.start - 2 <= d.start and d.end <= ind.end + 2)
            for d in directs
        ):
            continue  # ``praised Iran as “…”``, ``called it “…”``: the quotation is what the cue reports
        i_start, i_end = ind.start, ind.end
        inside = [d for d in directs if id(d) not in removed and d.start >= i_start - 2 and d.end <= i_end + 2]
        straddling = [d for d in directs if id(d) not in removed and d.start < i_end and i_start < d.end and d not in inside]
        if straddling:
            outside = _words_outside(text, ind, straddling + inside)
            if len(outside) < max(3, 0.2 * len(_content_words(text, ind))) or any(
                d.start <= i_start and d.end >= i_end for d in straddling
            ):
                # Reported speech inside (or mostly inside) a quotation: part of that quote.
                for d in straddling:
                    # A cue outside the quotation attributes it; one inside is the speaker quoting someone.
                    cue_outside = ind.cue is not None and not (d.start <= ind.cue[0] < d.end)
                    if d.speaker_head is None and ind.speaker_head is not None and cue_outside:
                        d.cue, d.cue_token = ind.cue, ind.cue_token
                        d.speaker_head, d.addressee_head = ind.speaker_head, ind.addressee_head
                continue
            inside = inside + straddling
            ind.content = [(min(i_start, *(d.start for d in straddling)), max(i_end, *(d.end for d in straddling)))]
        if not inside:
            if any(d.cue_token is not None and d.cue_token == ind.cue_token for d in directs):
                continue  # ``praised Iran as “…”``: the quotation is what the cue reports
            kept.append(ind)
            continue
        i_words = len(_content_words(text, ind))
        d_words = sum(len(_content_words(text, d)) for d in inside)
        if i_words and d_words >= DIRECT_SHARE * i_words:
            for d in inside:
                if ind.cue is not None and d.start <= ind.cue[0] < d.end:
                    continue  # the cue is inside the quotation: the speaker quoting someone else
                if d.cue is None or d.speaker_head is None and ind.speaker_head is not None:
                    d.cue, d.cue_token = ind.cue, ind.cue_token
                    d.speaker_head, d.addressee_head = ind.speaker_head, ind.addressee_head
                    d.confidence = max(d.confidence, ind.confidence)
            first, last = inside[0], inside[-1]
            start = ind.start if _WORD.search(text, ind.start, max(ind.start, first.start)) else first.start
            end = ind.end if _WORD.search(text, last.end, max(last.end, ind.end)) else last.end
            if CLAUSE_QUOTES and all(len(d.content) == 1 for d in inside) \
                    and not (ind.cue is not None and start <= ind.cue[0] < end):
                # ``that “I need you tomorrow.”``, ``“the game is screwed up” because “it is soft”``:
                # the reported clause, all its quotations with it, is one quote
                quoted = [q for d in inside for q in d.quoted]
                if len(inside) > 1 or (start, end) != (first.start, first.end):
                    first.kind = "mixed"  # words outside the quotation marks are part of it
                    start, end = min(start, quoted[0].start), max(end, quoted[-1].end)  # marks and all
                first.content = [(start, end)]
                first.quoted = quoted
                for d in inside[1:]:
                    removed.add(id(d))
            continue
        ind.kind = "mixed"
        ind.quoted = [q for d in inside for q in d.quoted]
        # the quotation may end just past the clause, closing mark and all ("as “… ally.”")
        ind.content[-1] = (ind.content[-1][0], max(ind.end, *(q.end for q in ind.quoted)))
        if ind.speaker_head is None:
            donor = next((d for d in inside if d.speaker_head is not None), None)
            if donor is not None:
                ind.speaker_head = donor.speaker_head
        for d in inside:
            removed.add(id(d))
        kept.append(ind)
    if not NESTED_OBJECTS:
        # ``agreed that the U.S. was seeking to achieve …``, ``slammed the U.S. for wanting Assad to
        # go``: speech reported inside another reported clause is part of that clause, not a second
        # quote (an object or infinitive when its cue is inside, a clause when all of it is).
        clauses = [(k.start, k.end, k) for k in kept]

        def nested(k: Candidate, s: int, e: int) -> bool:
            return s <= k.cue[0] < e and (k.object_content or k.complement == "xcomp_obj" or s <= k.start and k.end <= e)

        kept = [k for k in kept if not any(o is not k and nested(k, s, e) for s, e, o in clauses)]
    out = [d for d in directs if id(d) not in removed] + kept
    out.sort(key=lambda c: (c.start, c.end))
    # Identical content found twice (two cues over one clause): keep the first.
    unique: list[Candidate] = []
    for c in out:
        if unique and unique[-1].content == c.content:
            continue
        unique.append(c)
    return unique


def _carry_over(text: str, cands: list[Candidate], paras: Paragraphs) -> None:
    """Give cue-less quotes the speaker of the quote they continue or repeat."""
    for i, c in enumerate(cands):
        if c.cue is not None or c.speaker_head is not None:
            continue
        words = _words(" ".join(text[s:e] for s, e in c.content))
        # A headline or subheading quote that a quote elsewhere repeats.
        best = None
        for other in cands:
            if other is c or (other.speaker_head is None and other.carried_from is None):
                continue
            pool = _content_words(text, other)
            if not words or not pool:
                continue
            shared = sum(1 for w in set(words) if w in pool)
            if shared / len(set(words)) >= HEADLINE_SHARE and len(words) < len(pool):
                best = other
                break
        if best is not None and (i == 0 or paras.nonempty_index(c.start) - paras.nonempty_index(cands[i - 1].end) > 1):
            c.carried_from = best
            c.carry_reason = "repeated"
            c.confidence = 0.5
            continue
        prev = next(
            (p for p in reversed(cands[:i]) if p.speaker_head is not None or p.carried_from is not None), None
        )
        if prev is not None and paras.nonempty_index(c.start) - paras.nonempty_index(prev.end) <= CONTINUATION_PARAGRAPHS:
            c.carried_from = prev
            c.carry_reason = "continuation"
            c.confidence = 0.6
        elif best is not None:
            c.carried_from = best
            c.carry_reason = "repeated"
            c.confidence = 0.5
        else:
            c.confidence = 0.3


_YOU_NAMED = re.compile(r"\byou\s*\[([^\]]+)\]", re.IGNORECASE)
#: How many paragraphs back a meeting (``met with X``) still sets who a speaker is talking to.
MEETING_PARAGRAPHS = 1


def _addressee_in_context(doc, text, cand, speaker, resolver, paras):
    """An addressee the text gives around the quote rather than through its cue.

    ``you [Putin]`` inside the quote names the person addressed; a speaker who ``met with X``
    in the paragraph before (or the same one) is talking to X.
    """
    for s, e in cand.content:
        m = _YOU_NAMED.search(text, s, e)
        if m is not None:
            span = Span.of(resolver.text, m.start(1), m.end(1))
            return resolver.actor_for(None, span), span
    if speaker is None:
        return None
    line = paras.index(cand.start)
    passed = 0
    while line > 0 and passed < MEETING_PARAGRAPHS:
        line -= 1
        passed += bool(paras.line(line).strip())
    start = paras.starts[line]
    for tok in reversed(doc.char_span(start, cand.start, alignment_mode="contract") or []):
        if tok.lemma_ != "meet" or tok.pos_ != "VERB":
            continue
        from whosaid.quotes.speakers import subject_of

        subj = subject_of(tok)
        if subj is None or not resolver.same_actor(
            resolver.actor_for(subj, Span.of(resolver.text, subj.idx, subj.idx + len(subj))), speaker.actors
        ):
            continue
        other = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if other is None:
            with_ = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None)
            other = next((g for g in with_.children if g.dep_ in ("pobj", "pcomp")), None) if with_ is not None else None
            if other is not None and other.dep_ == "pcomp":  # ``met with visiting President X``
                other = next((g for g in other.children if g.dep_ == "dobj"), None)
        if other is not None:
            actor_id, span = resolver.addressee(other)
            if actor_id is not None:
                return actor_id, span
    return None


def _span(text: str, rng: tuple[int, int]) -> Span:
    return Span.of(text, rng[0], rng[1])


def find_quotes(doc, article: Article, actors: tuple[Actor, ...]) -> tuple[Quote, ...]:
    """Every direct, indirect and mixed quote of one parsed article, in text order.

    ``doc`` is the parse of ``article`` (offsets equal; debris blanked); spans are
    sliced from ``article.text``. Speakers and addressees resolve through ``actors``;
    an unresolved speaker is ``None`` with ``speaker_reason`` saying why.
    """
    text = article.text
    analysed = doc_text(doc)
    lex = lexicon()
    paras = Paragraphs(analysed)
    quoted = quoted_stretches(analysed)
    directs = direct_candidates(doc, quoted, lex, paras)
    resolver = Resolver(actors, text)
    indirects = sorted(indirect_candidates(doc, lex) + source_colon_candidates(doc, paras, resolver.named),
                       key=lambda c: c.start)
    cands = _merge(analysed, directs, indirects)
    cands = [c for c in cands if c.start >= article.body_start or c.quoted]
    _carry_over(analysed, cands, paras)
    # Speakers first for quotes with their own cue, then for those that borrow one
    # (a headline quote may borrow from a quote further down).
    resolved: dict[int, tuple] = {}
    for cand in cands:
        if cand.speaker_head is not None:
            resolved[id(cand)] = resolver.speaker(cand.speaker_head)
            resolved[id(cand)] += (resolver.addressee(cand.addressee_head),)
    for cand in cands:
        if id(cand) in resolved:
            continue
        source, seen = cand.carried_from, 0
        while source is not None and id(source) not in resolved and seen < 10:
            source, seen = source.carried_from, seen + 1
        if source is not None:
            speaker, mention, reason, addressee = resolved[id(source)]
            if speaker is None and reason:
                reason = f"continues a quote whose speaker is unresolved: {reason}"
            if cand.addressee_head is not None:
                addressee = resolver.addressee(cand.addressee_head)
            if cand.cue is None and cand.carry_reason == "continuation":
                # A continuation paragraph is attributed by the cue of the quote it continues.
                cand.cue = source.cue
            resolved[id(cand)] = (speaker, mention, reason, addressee)
        elif cand.cue is not None:
            reason = f"no speaker governed by the cue {text[cand.cue[0]:cand.cue[1]]!r}"
            resolved[id(cand)] = (None, None, reason, resolver.addressee(cand.addressee_head))
        else:
            reason = "no cue, and no earlier quote it continues"
            resolved[id(cand)] = (None, None, reason, (None, None))
    previous = None
    for cand in cands:
        speaker, mention, reason, addressee = resolved[id(cand)]
        if addressee[0] is None and addressee[1] is None:
            found = _addressee_in_context(doc, analysed, cand, speaker, resolver, paras)
            if found is None and previous is not None and speaker is not None:
                # The same speaker in the next paragraph is still talking to the same person.
                p_speaker, _, _, p_addressee = resolved[id(previous)]
                near = paras.nonempty_index(cand.start) - paras.nonempty_index(previous.end) <= 1
                if near and p_speaker is not None and p_addressee[0] is not None and any(
                    resolver.same_actor(a, speaker.actors) for a in p_speaker.actors
                ):
                    found = p_addressee
            if found is not None:
                resolved[id(cand)] = (speaker, mention, reason, found)
        previous = cand
    quotes: list[Quote] = []
    for cand in cands:
        content = tuple(_span(text, r) for r in cand.content if r[1] > r[0])
        if not content:
            continue
        speaker, mention, reason, (addressee, addressee_mention) = resolved[id(cand)]
        confidence = cand.confidence
        if cand.speaker_head is not None and cand.speaker_head.lower_ in PRONOUNS:
            confidence -= 0.1
        if speaker is None:
            confidence -= 0.15
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                kind=cand.kind,  # type: ignore[arg-type]
                content=content,
                cue=_span(text, cand.cue) if cand.cue else None,
                speaker=speaker,
                speaker_mention=mention,
                speaker_reason=reason,
                addressee=addressee,
                addressee_mention=addressee_mention,
                confidence=max(0.05, min(1.0, round(confidence, 3))),
            )
        )
    return tuple(quotes)
