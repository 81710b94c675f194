"""Events: who did what to whom, PLOVER-typed with CAMEO codes, tied to evidence."""

from __future__ import annotations

from whosaid.records import Actor, Article, Event, Quote


def find_events(doc, article: Article, actors: tuple[Actor, ...], quotes: tuple[Quote, ...]) -> tuple[Event, ...]:
    """The events of one parsed article (not built yet: none)."""
    return ()
