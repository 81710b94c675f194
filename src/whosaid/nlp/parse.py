"""Paragraph-aware parsing of an article, with page debris blanked out.

A line break always ends a sentence: the md pipeline otherwise merges a heading
or a byline into the next paragraph's first sentence and mis-parses both.
Debris found by ingest (``Article.excluded``) is replaced by spaces of the same
length before parsing, so nothing downstream analyses it and every offset in the
Doc is still an offset in ``Article.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from whosaid.records import Article

PARAGRAPH_COMPONENT = "whosaid_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after any line break; the parser respects it."""
    for token, nxt in zip(doc[:-1], doc[1:]):
        if "\n" in token.text_with_ws and not nxt.is_space:
            nxt.is_sent_start = True
    return doc


def analysable_text(article: Article) -> str:
    """``article.text`` with its excluded spans blanked (newlines kept): same length, same offsets."""
    if not article.excluded:
        return article.text
    chars = list(article.text)
    for span in article.excluded:
        for i in range(span.start, min(span.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token's text on each access)."""
    text = doc.user_data.get("whosaid_text")
    if text is None:
        text = doc.user_data["whosaid_text"] = doc.text
    return text


def parse(nlp: Language, article: Article) -> Doc:
    """Parse one article; ``doc[i].idx`` indexes into ``article.text``."""
    return nlp(analysable_text(article))


def parse_many(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Doc, Article]]:
    """Parse articles in batches, yielding each Doc with the article it came from."""
    pairs = ((analysable_text(a), a) for a in articles)
    yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)
