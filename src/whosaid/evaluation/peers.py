"""Peer systems scored the same way as whosaid: textacy 0.13's ``direct_quotations``.

textacy yields ``(speaker tokens, cue tokens, content span)`` triples and raises
``ValueError`` on an odd number of quotation marks; the caller counts such a
document as zero predictions. Its speaker is not resolved to an actor, so each
quote gets a one-mention actor named by its speaker tokens, which lets the name
rules of the seed gold and the span rules of PolNeAR judge it as they judge whosaid.
"""

from __future__ import annotations

from spacy.tokens import Doc

from whosaid.records import Actor, Analysis, Article, Mention, Quote, Speaker, Span

PEERS = ("textacy",)


def _tokens_span(text: str, toks) -> Span:
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return Span.of(text, start, end)


def textacy_analysis(doc: Doc, article: Article) -> Analysis:
    """textacy's direct quotations of one parsed article as an Analysis.

    Raises ValueError when textacy refuses the document (unbalanced quotation marks).
    """
    from textacy.extract.triples import direct_quotations

    text = article.text
    actors: list[Actor] = []
    quotes: list[Quote] = []
    for i, triple in enumerate(direct_quotations(doc), start=1):
        speaker = _tokens_span(text, triple.speaker)
        # Name it by its tokens in order (conjuncts and compounds may sit apart in the text).
        name = " ".join(t.text for t in triple.speaker)
        mention = Mention(speaker.start, speaker.end, speaker.text)
        actor = Actor(id=f"t{i}", name=name, kind="person", mentions=(mention,))
        content = triple.content
        actors.append(actor)
        quotes.append(
            Quote(
                id=f"q{i}",
                kind="direct",
                content=(Span.of(text, content.start_char, content.end_char),),
                cue=_tokens_span(text, triple.cue),
                speaker=Speaker(actors=(actor.id,), mention=speaker),
                speaker_mention=speaker,
            )
        )
    return Analysis(article=article, actors=tuple(actors), quotes=tuple(quotes))
