"""Actors: every person, organisation and country in an article, one canonical actor each."""

from __future__ import annotations

from whosaid.records import Actor, Article


def find_actors(doc, article: Article) -> tuple[Actor, ...]:
    """The actors of one parsed article with all their mentions (not built yet: none)."""
    return ()
