"""The web UI: server-rendered Jinja2 pages over the same store the API reads.

Pages are plain HTML with a little vanilla JavaScript (quote details on the article
page, the force layout on the graph page) served from ``static/``; nothing loads
from the internet and there is no build step. Autoescaping is on for every
template, and highlighted article text is built by ``whosaid.web.highlight``,
which escapes every text segment before wrapping it.

Example:
    >>> from whosaid.api import create_app     # doctest: +SKIP
    >>> app = create_app("whosaid.db")         # the UI is at /, the API at /api
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import jinja2
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from whosaid.api.errors import APIError
from whosaid.api.params import form_date_range
from whosaid.web.highlight import (
    actor_link_key,
    annotate_article,
    highlight_terms,
    local_quote_id,
    speaker_colours,
)

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 25

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,  # article text is untrusted: every {{ }} is escaped unless it is our own Markup
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["hl"] = highlight_terms
# the store marks snippet hits with [ ]; we highlight hits ourselves
_env.filters["unbracket"] = lambda s: re.sub(r"\[([^\[\]]*)\]", r"\1", s or "")
_env.globals["speaker_colours"] = speaker_colours
_env.globals["local_quote_id"] = local_quote_id
templates = Jinja2Templates(env=_env)

router = APIRouter(include_in_schema=False)


class _ThreadStore:
    """The store of whichever thread calls it.

    The pages are plain ``def`` routes that FastAPI runs on a thread pool, while a
    dependency may run elsewhere: each call goes to the calling thread's own connection
    instead of sharing one connection between threads.
    """

    def __init__(self, stores):
        self._stores = stores

    def __getattr__(self, name: str):
        return getattr(self._stores.get(), name)


async def _store(request: Request):
    return _ThreadStore(request.app.state.stores)


def _render(request: Request, name: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=http_status)


def _page_link(request: Request, cursor: str | None) -> str | None:
    return str(request.url.include_query_params(cursor=cursor)) if cursor else None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, q: str | None = Query(None, max_length=200), store=Depends(_store)):
    """The search page: quotes and articles matching ``q``, hits highlighted."""
    q = (q or "").strip() or None
    quotes = store.quotes(search=q, limit=PAGE_SIZE) if q else store.quotes(limit=10)
    articles = store.articles(search=q, limit=PAGE_SIZE) if q else store.articles(limit=10)
    return _render(request, "search.html", q=q, quotes=quotes.items, articles=articles.items,
                   more_quotes=bool(quotes.next_cursor), stats=store.stats())


@router.get("/search")
def search(q: str | None = Query(None, max_length=200)):
    return RedirectResponse(f"/?{_qs(q=q)}" if q else "/", status_code=307)


def _qs(**params: Any) -> str:
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    q: str | None = Query(None, max_length=200),
    speaker: str | None = Query(None, max_length=200),
    about: str | None = Query(None, max_length=200),
    cursor: str | None = Query(None, max_length=500),
    store=Depends(_store),
):
    q = (q or "").strip() or None
    page = store.quotes(search=q, speaker=speaker or None, about=about or None, limit=PAGE_SIZE, cursor=cursor)
    return _render(request, "quotes.html", q=q, speaker=speaker, about=about, quotes=page.items,
                   next_link=_page_link(request, page.next_cursor))


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    q: str | None = Query(None, max_length=200),
    dates=Depends(form_date_range),
    cursor: str | None = Query(None, max_length=500),
    store=Depends(_store),
):
    q = (q or "").strip() or None
    page = store.articles(search=q, since=dates.since, until=dates.until, limit=PAGE_SIZE, cursor=cursor)
    return _render(request, "articles.html", q=q, since=dates.since, until=dates.until, articles=page.items,
                   next_link=_page_link(request, page.next_cursor))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store=Depends(_store)):
    """The article text with every quote in its speaker's colour, cues and speakers marked."""
    article = store.article(article_id)
    quotes = article.get("quotes") or []
    events = article.get("events") or []
    actors = article.get("actors") or []
    html, described = annotate_article(article.get("text") or "", quotes, events, actors)
    actor_by_id = {str(a.get("id")): a for a in actors}

    def names(ids):
        ids = [ids] if isinstance(ids, str) else ids or []
        return [(actor_by_id.get(str(i), {}).get("name") or str(i), actor_link_key(actor_by_id.get(str(i)))) for i in ids]

    event_rows = [
        {**ev, "actor_names": names(ev.get("actor")), "recipient_names": names(ev.get("recipient")),
         "claimed_names": names(ev.get("claimed_by"))}
        for ev in events
    ]
    legend: dict[str, dict[str, Any]] = {}
    for info in described:
        legend.setdefault(info["speaker"] or "(unresolved)", info)
    return _render(request, "article.html", article=article, body=html, quotes=described, events=event_rows,
                   legend=legend, actors=actors, link_key=actor_link_key)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request,
    q: str | None = Query(None, max_length=200),
    country: str | None = Query(None, max_length=3),
    cursor: str | None = Query(None, max_length=500),
    store=Depends(_store),
):
    q = (q or "").strip() or None
    page = store.actors(search=q, country=country or None, limit=PAGE_SIZE, cursor=cursor)
    return _render(request, "actors.html", q=q, country=country, actors=page.items,
                   next_link=_page_link(request, page.next_cursor))


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor_page(request: Request, key: str, store=Depends(_store)):
    """Aliases, roles, a timeline of quotes and events, who they talk about and who talks about them."""
    actor = store.actor(key)
    quotes_by = actor.get("quotes_by") or []
    quotes_about = actor.get("quotes_about") or []
    events = actor.get("events") or []
    timeline = (
        [{"when": q.get("published"), "what": "said", "item": q} for q in quotes_by]
        + [{"when": q.get("published"), "what": "about", "item": q} for q in quotes_about]
        + [{"when": e.get("date") or e.get("published"), "what": "event", "item": e} for e in events]
    )
    timeline.sort(key=lambda t: str(t["when"] or ""), reverse=True)
    talks_to = _count_people(
        [{"name": q.get("addressee_name"), "id": q.get("addressee_id")} for q in quotes_by]
        + [{"name": a.get("name"), "id": a.get("id")} for q in quotes_by for a in q.get("about") or []
           if isinstance(a, dict) and a.get("id") != q.get("addressee_id")]
    )
    talked_about_by = _count_people([{"name": q.get("speaker_name"), "id": q.get("speaker_id")} for q in quotes_about])
    return _render(request, "actor.html", actor=actor, timeline=timeline, talks_to=talks_to,
                   talked_about_by=talked_about_by, n_by=len(quotes_by), n_about=len(quotes_about),
                   n_events=len(events))


def _count_people(people: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    """(name, key, count) of the actors in ``people``, most frequent first."""
    counts: dict[tuple[str, str], int] = {}
    for p in people:
        name, key = p.get("name"), p.get("id")
        if name or key:
            k = (name or key, key or name)
            counts[k] = counts.get(k, 0) + 1
    return sorted(((n, k, c) for (n, k), c in counts.items()), key=lambda t: (-t[2], t[0]))


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    type: str | None = Query(None, max_length=40),
    actor: str | None = Query(None, max_length=200),
    recipient: str | None = Query(None, max_length=200),
    status: Literal["claimed", "reported", ""] | None = Query(None),
    dates=Depends(form_date_range),
    cursor: str | None = Query(None, max_length=500),
    store=Depends(_store),
):
    """Events with filters and export links to the API's CSV/JSONL endpoints."""
    claimed = None if not status else status == "claimed"
    page = store.events(type=type or None, actor=actor or None, recipient=recipient or None, since=dates.since,
                        until=dates.until, claimed=claimed, limit=PAGE_SIZE, cursor=cursor)
    filters = _qs(type=type, actor=actor, recipient=recipient, status=status, since=dates.since, until=dates.until)
    return _render(request, "events.html", events=page.items, next_link=_page_link(request, page.next_cursor),
                   type=type, actor=actor, recipient=recipient, status=status, since=dates.since,
                   until=dates.until, filters=filters, event_types=_event_types())


def _event_types() -> list[str]:
    try:
        from whosaid.events import registry  # the one registry of event types, when the events stage has it
    except ImportError:
        return []
    types = getattr(registry, "EVENT_TYPES", None) or getattr(registry, "TYPES", None) or {}
    return sorted(types)


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, dates=Depends(form_date_range), min_weight: str | None = Query(None, max_length=5)):
    """The actor network; the layout runs in the browser over /api/graph."""
    try:
        min_weight = max(1, min(1000, int(min_weight or 1)))
    except ValueError:
        raise APIError(422, "invalid-parameter", f"min_weight must be a whole number, not {min_weight!r}") from None
    return _render(request, "graph.html", since=dates.since, until=dates.until, min_weight=min_weight,
                   api=f"/api/graph?{_qs(since=dates.since, until=dates.until, min_weight=min_weight)}")


def install_ui(app: FastAPI):
    """Add the pages and static files to ``app``; return the HTML error renderer for its handlers."""
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)

    def render_error(request: Request, status: int, body: dict[str, Any]) -> HTMLResponse:
        return _render(request, "error.html", http_status=status, status=status, error=body["error"])

    return render_error
