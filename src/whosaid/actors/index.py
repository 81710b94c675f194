"""Find which actor a span of text refers to, through the actors' mentions.

Quotes and events both ask "who is this span?" (a speaker, an addressee, an
event's actor): this is the one place that answers it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from whosaid.records import Actor, Mention


class MentionIndex:
    """Looks up the actor whose mention best covers a character span.

    Example:
        >>> index = MentionIndex(actors)            # doctest: +SKIP
        >>> actor, mention = index.actor_at(10, 18)  # doctest: +SKIP
    """

    def __init__(self, actors: Iterable[Actor]):
        self.actors = tuple(actors)
        self._mentions: list[tuple[Mention, Actor]] = sorted(
            ((m, a) for a in self.actors for m in a.mentions), key=lambda pair: pair[0].start
        )
        self._starts = [m.start for m, _ in self._mentions]
        self._longest = max((m.end - m.start for m, _ in self._mentions), default=0)

    def actor_at(self, start: int, end: int) -> tuple[Actor, Mention] | tuple[None, None]:
        """The actor and mention that [start, end) refers to, or (None, None).

        Preference, in order: a mention covering the whole span; a mention ending
        where the span ends (an English noun phrase's head comes last, so
        "Afghan Ambassador to the United States Hamdullah Mohib" is Mohib, not
        the United States); the largest overlap; the shorter mention.
        """
        best: tuple[tuple[bool, bool, int, int], Actor, Mention] | None = None
        first = bisect.bisect_left(self._starts, start - self._longest)  # nothing before can reach start
        for mention, actor in self._mentions[first:]:
            if mention.start >= end:
                break
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap <= 0:
                continue
            covers = mention.start <= start and mention.end >= end
            at_head = mention.end == end
            key = (covers, at_head, overlap, -(mention.end - mention.start))
            if best is None or key > best[0]:
                best = (key, actor, mention)
        if best is None:
            return None, None
        return best[1], best[2]

    def actors_in(self, start: int, end: int) -> list[tuple[Actor, Mention]]:
        """Every (actor, mention) whose mention lies inside [start, end), in text order."""
        return [(a, m) for m, a in self._mentions if m.start >= start and m.end <= end]

    def by_id(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)
