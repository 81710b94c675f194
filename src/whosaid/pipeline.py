"""The whosaid pipeline: ingest -> nlp -> actors -> quotes -> events, one article at a time.

Each stage is a function from records (and, inside the NLP stages, the spaCy Doc)
to records. ``Pipeline`` loads the spaCy model once and runs the stages; a
failure in one article becomes a ``Rejected`` record and never stops a batch.

Example:
    >>> pipeline = Pipeline()                                  # doctest: +SKIP
    >>> analysis = pipeline.analyse(article_from_text("..."))  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from whosaid.actors import find_actors
from whosaid.actors.dictionary import ActorDictionary, load_dictionary
from whosaid.events import find_events
from whosaid.events import types as event_types
from whosaid.events.places import gazetteer
from whosaid.nlp import DEFAULT_MODEL, load_model
from whosaid.nlp.parse import parse, parse_many
from whosaid.quotes import find_quotes
from whosaid.quotes.cues import lexicon
from whosaid.quotes.scorer import indirect_model
from whosaid.records import Analysis, Article, Rejected

log = logging.getLogger(__name__)


def load_reference_data() -> None:
    """Load every stage's reference data now (each is loaded once per process, on first use)."""
    load_dictionary()
    lexicon()
    indirect_model()
    event_types.triggers()
    gazetteer()


class Pipeline:
    """Runs every analysis stage over articles with one loaded spaCy pipeline.

    The model and the reference data (actor dictionary, cue lexicon, reported-speech
    model, event types, place gazetteer) load when the pipeline is made, not inside
    the first article.
    """

    def __init__(self, model: str = DEFAULT_MODEL, dictionary: ActorDictionary | None = None):
        self.model = model
        self.nlp = load_model(model)
        self.dictionary = dictionary  # None: the shipped actor dictionary
        load_reference_data()

    def analyse(self, article: Article) -> Analysis:
        """Analyse one article: its actors, quotes and events."""
        return self.analyse_doc(parse(self.nlp, article), article)

    def analyse_many(
        self, items: Iterable[Article | Rejected], batch_size: int = 8
    ) -> Iterator[Analysis | Rejected]:
        """Analyse articles in batches; rejected inputs pass through, failures become Rejected.

        Order is kept, so callers can report progress per input.
        """
        buffer: list[Article | Rejected] = []
        for item in items:
            buffer.append(item)
            if len(buffer) >= batch_size:
                yield from self._batch(buffer)
                buffer = []
        if buffer:
            yield from self._batch(buffer)

    def _batch(self, items: list[Article | Rejected]) -> Iterator[Analysis | Rejected]:
        articles = [a for a in items if isinstance(a, Article)]
        docs: dict[str, object] = {}
        try:
            for doc, article in parse_many(self.nlp, articles):
                docs[article.id] = doc
        except Exception:  # one bad article must not stop the batch: parse them one by one
            log.exception("batch parse failed; retrying one article at a time")
        for item in items:
            if isinstance(item, Rejected):
                yield item
                continue
            try:
                doc = docs.get(item.id) or parse(self.nlp, item)
                yield self.analyse_doc(doc, item)
            except Exception as exc:  # noqa: BLE001 - recorded with its reason, batch goes on
                log.exception("analysis of %s failed", item.source)
                yield Rejected(item.source, "failed", f"analysis failed: {type(exc).__name__}: {exc}")

    def analyse_doc(self, doc, article: Article) -> Analysis:
        """The actors, quotes and events of an article already parsed (``nlp.parse.parse``)."""
        actors = find_actors(doc, article, self.dictionary)
        quotes = find_quotes(doc, article, actors)
        events = find_events(doc, article, actors, quotes)
        return Analysis(article=article, actors=actors, quotes=quotes, events=events)
