"""Quotations: direct, indirect and mixed quotes with cue, speaker and addressee."""

from __future__ import annotations

from whosaid.records import Actor, Article, Quote


def find_quotes(doc, article: Article, actors: tuple[Actor, ...]) -> tuple[Quote, ...]:
    """The quotes of one parsed article (not built yet: none)."""
    return ()
