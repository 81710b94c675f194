"""Actors: every person, organisation and country in an article, one canonical actor each.

``find_actors(doc, article)`` returns the article's actors with all their mentions (names,
descriptions, pronouns); ``load_dictionary(extra_entries=...)`` is the actor dictionary that
links them across articles; ``MentionIndex`` maps a character span to the actor it mentions.
"""

from __future__ import annotations

from whosaid.actors.dictionary import ActorDictionary, Entry, Role, load_dictionary
from whosaid.actors.finder import corpus_key, find_actors
from whosaid.actors.index import MentionIndex

__all__ = ["ActorDictionary", "Entry", "MentionIndex", "Role", "corpus_key", "find_actors", "load_dictionary"]
