"""whosaid: who said what, to whom, about whom — and who did what to whom — in news text.

Example:
    >>> import whosaid
    >>> result = whosaid.extract("Putin said: “We are watching.”", title="Demo")  # doctest: +SKIP
    >>> result.quotes[0].speaker                                                   # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from whosaid.records import Actor, Analysis, Article, Event, Mention, Quote, Rejected, Span

__version__ = "0.1.0"
__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "Event",
    "Mention",
    "Quote",
    "Rejected",
    "Span",
    "extract",
    "__version__",
]


def extract(text_or_html: str, model: str | None = None, **metadata: Any) -> Analysis:
    """Analyse one article given as plain text or HTML and return its typed result.

    ``metadata`` may give ``title``, ``authors``, ``published`` (ISO date or
    ``datetime.date``), ``url``, ``publisher`` and ``source``; what is not given is
    read from the text or page where possible. Raises ``InputRejected`` for input
    that is not an analysable English article.
    """
    from whosaid.ingest import article_from_string
    from whosaid.nlp import DEFAULT_MODEL
    from whosaid.pipeline import Pipeline

    article = article_from_string(text_or_html, **metadata)
    return Pipeline(model or DEFAULT_MODEL).analyse(article)
