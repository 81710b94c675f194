"""Response schemas of the HTTP API, for the OpenAPI document and its readers.

Items name the fields the store guarantees and allow extra ones, so a field the
store adds later reaches clients without a schema change here.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ArticleItem(_Open):
    id: str
    title: str | None = None
    published: Any = Field(None, description="ISO date (YYYY-MM-DD) or null")
    url: str | None = None
    publisher: str | None = None
    source: str | None = None


class QuoteItem(_Open):
    id: Any
    article_id: str | None = None
    article_title: str | None = None
    published: Any = Field(None, description="ISO date of the article")
    kind: str | None = Field(None, description="direct, indirect or mixed")
    text: str | None = Field(None, description="The quote's content spans joined")
    cue: Any = None
    speaker_id: str | None = Field(None, description="Corpus-level actor id of the speaker")
    speaker_name: str | None = None
    addressee_id: str | None = None
    addressee_name: str | None = None
    confidence: float | None = None
    speaker_reason: str | None = Field(None, description="Why no speaker was resolved, when none was")


class ActorItem(_Open):
    id: Any = None
    name: str
    kind: str | None = None
    country: str | None = None
    sector: str | None = None


class EventItem(_Open):
    id: Any
    type: str | None = Field(None, description="PLOVER event type, e.g. ACCUSE")
    cameo: str | None = None


class _Page(BaseModel):
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page; null on the last")
    next: str | None = Field(None, description="The URL of the next page; null on the last")
    limit: int


class ArticlePage(_Page):
    items: list[ArticleItem]


class QuotePage(_Page):
    items: list[QuoteItem]


class ActorPage(_Page):
    items: list[ActorItem]


class EventPage(_Page):
    items: list[EventItem]


class ArticleDetail(_Open):
    """One article in the output contract (docs/output.md): text, actors, quotes, events, spans."""

    id: str
    text: str
    title: str | None = None
    actors: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []


class ActorDetail(_Open):
    """One actor with aliases, roles, article count, quotes by and about them, and events."""

    name: str
    kind: str | None = None
    country: str | None = None
    aliases: list[Any] = []
    roles: list[Any] = []
    quotes_by: list[dict[str, Any]] = []
    quotes_about: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []


class GraphNode(_Open):
    id: str
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    weight: float = 0


class GraphEdge(_Open):
    source: str
    target: str
    kind: Literal["quote", "event"] | str
    quad: Literal["cooperation", "conflict", "neutral"] | str
    weight: float = 1
    evidence: list[Any] = Field([], description="Ids of the quotes or events behind the edge")


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class Stats(_Open):
    articles: int = 0
    rejected: int = 0
    actors: int = 0
    mentions: int = 0
    quotes: int = 0
    events: int = 0


class EvidenceItem(_Open):
    kind: Literal["quote", "event"]
    id: Any
    text: str | None = None
    article_id: str | None = None
    article_title: str | None = None
    published: Any = None


class EvidenceList(BaseModel):
    items: list[EvidenceItem]
