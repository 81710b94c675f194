"""``nlp.add_pipe("whosaid_quotes")``: whosaid's quote finder as a spaCy component.

Results land on ``doc._.quotes`` (a tuple of ``whosaid.records.Quote``) and the
actors they were resolved against on ``doc._.actors``.

Example:
    >>> import spacy, whosaid.quotes.component       # doctest: +SKIP
    >>> nlp = spacy.load("en_core_web_md")            # doctest: +SKIP
    >>> nlp.add_pipe("whosaid_quotes")                # doctest: +SKIP
    >>> nlp("“We are ready,” Putin said.")._.quotes   # doctest: +SKIP
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whosaid.actors import find_actors
from whosaid.ingest import article_id
from whosaid.quotes import find_quotes
from whosaid.records import Article

for _name in ("quotes", "actors"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=())


class QuotesComponent:
    """Finds actors and quotes in a Doc and stores them on ``doc._``."""

    def __call__(self, doc: Doc) -> Doc:
        article = Article(id=article_id(doc.text), source="<doc>", text=doc.text)
        actors = find_actors(doc, article)
        doc._.actors = actors
        doc._.quotes = find_quotes(doc, article, actors)
        return doc


@Language.factory("whosaid_quotes")
def make_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()
