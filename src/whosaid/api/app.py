"""The HTTP API under ``/api`` and the app that serves it together with the web UI.

``create_app("whosaid.db")`` returns a FastAPI application; ``whosaid serve`` runs
it with uvicorn. Every route reads through the store's query interface
(``whosaid.store``), never through SQL of its own.

Example:
    >>> from fastapi.testclient import TestClient               # doctest: +SKIP
    >>> client = TestClient(create_app("whosaid.db"))           # doctest: +SKIP
    >>> client.get("/api/quotes", params={"speaker": "Putin"}).json()["items"]  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hmac
import io
import json
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from whosaid import __version__
from whosaid.api import models
from whosaid.api.cache import DEFAULT_ENTRIES, CachedGets, ResponseCache
from whosaid.api.errors import ERROR_RESPONSES, APIError, ErrorResponse, install_error_handlers
from whosaid.api.params import DEFAULT_LIMIT, MAX_LIMIT, DateRange, QuoteFilters, date_range
from whosaid.web.highlight import local_quote_id

log = logging.getLogger(__name__)

#: The largest article body POST /api/articles accepts.
MAX_POST_BYTES = 5_000_000
#: GET routes whose answers are kept until the database changes (whosaid.api.cache).
CACHED_PATHS = ("/api/quotes",)
#: Rows an export streams at most (the CLI's ``whosaid export`` has no cap).
MAX_EXPORT_ROWS = 1_000_000


class StoreProvider:
    """One store connection per thread, opened lazily on the database file.

    FastAPI runs plain ``def`` routes on a thread pool, and each pool thread gets its own
    connection; the quick ``async def`` routes (quote search, one article) read on the
    event loop thread's connection, with no thread hop at all.
    """

    def __init__(self, db: str | Path):
        self.db = str(db)
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()

    def get(self):
        store = getattr(self._local, "store", None)
        if store is None:
            from whosaid.store import open_store

            store = open_store(self.db)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            stores, self._all = self._all, []
        for store in stores:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing other threads' connections may fail; harmless at exit
                log.debug("closing a store connection failed", exc_info=True)


# ---- shared parameters -------------------------------------------------------------------


async def _limit(limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}")) -> int:
    return limit


async def _cursor(cursor: str | None = Query(None, max_length=500, description="Opaque cursor from `next_cursor`")):
    return cursor


async def _search(search: str | None = Query(None, max_length=200, description="Words to find; any characters are safe")):
    return search.strip() or None if search is not None else None


def _json(body: Any) -> JSONResponse:
    # Returned as a response, not a dict: FastAPI would otherwise re-validate and re-encode every
    # item on the thread pool, which cost more than the query. The schemas in ``models`` document
    # the shapes in OpenAPI (``responses=``) and the API tests check the bodies.
    return _JSON(body)


class _JSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def page_body(request: Request, page, limit: int) -> dict[str, Any]:
    nxt = str(request.url.include_query_params(cursor=page.next_cursor)) if page.next_cursor else None
    return {"items": page.items, "next_cursor": page.next_cursor, "next": nxt, "limit": limit}


def _raw_page(request: Request, page, limit: int) -> Response:
    """``page_body`` for a page whose items are JSON texts already: spliced in, never parsed."""
    nxt = str(request.url.include_query_params(cursor=page.next_cursor)) if page.next_cursor else None
    tail = json.dumps({"next_cursor": page.next_cursor, "next": nxt, "limit": limit}, ensure_ascii=False)
    body = '{"items":[' + ",".join(page.items) + "]," + tail[1:]
    return Response(body.encode("utf-8"), media_type="application/json")


async def _store(request: Request):
    """The store of the event loop's thread, for ``async def`` routes."""
    return request.app.state.stores.get()


def _thread_store(request: Request):
    """The store of the calling thread, for plain ``def`` routes (they run on the thread pool)."""
    return request.app.state.stores.get()


# ---- exports -----------------------------------------------------------------------------


def _walk(fetch: Callable[..., Any]) -> Iterator[dict[str, Any]]:
    """Every item of a paged query, page by page."""
    cursor, n = None, 0
    while True:
        page = fetch(limit=MAX_LIMIT, cursor=cursor)
        for item in page.items:
            yield item
            n += 1
            if n >= MAX_EXPORT_ROWS:
                return
        if not page.next_cursor:
            return
        cursor = page.next_cursor


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else value


def export_response(items: Iterator[dict[str, Any]], fmt: str, name: str) -> StreamingResponse:
    """Stream items as JSON lines or CSV (columns from the first item)."""
    if fmt == "jsonl":
        def lines():
            for item in items:
                yield json.dumps(item, ensure_ascii=False, default=str) + "\n"
        media = "application/x-ndjson"
        body = lines()
    else:
        def rows():
            buf = io.StringIO()
            writer = None
            for item in items:
                if writer is None:
                    writer = csv.DictWriter(buf, fieldnames=list(item), extrasaction="ignore")
                    writer.writeheader()
                writer.writerow({k: _cell(v) for k, v in item.items()})
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        media = "text/csv; charset=utf-8"
        body = rows()
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    return StreamingResponse(body, media_type=media, headers=headers)


ExportFormat = Literal["csv", "jsonl"]

# ---- routes ------------------------------------------------------------------------------

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


@router.get("/stats", responses={200: {"model": models.Stats}}, summary="Counts of everything stored", tags=["meta"])
def stats(request: Request):
    # Plain def routes run on the thread pool: a slow query there (here, counting every
    # table) leaves the event loop free to answer the quick async routes.
    return _json(_thread_store(request).stats())


@router.get("/articles", responses={200: {"model": models.ArticlePage}}, summary="Articles, newest first", tags=["articles"])
def list_articles(
    request: Request,
    search: str | None = Depends(_search),
    dates: DateRange = Depends(date_range),
    limit: int = Depends(_limit),
    cursor: str | None = Depends(_cursor),
):
    page = _thread_store(request).articles(search=search, since=dates.since, until=dates.until, limit=limit,
                                           cursor=cursor)
    return _json(page_body(request, page, limit))


@router.get("/articles/export", summary="Export articles as CSV or JSON lines", tags=["export"])
def export_articles(
    request: Request,
    format: ExportFormat = Query("jsonl"),
    search: str | None = Depends(_search),
    dates: DateRange = Depends(date_range),
):
    store = _thread_store(request)

    def fetch(limit, cursor):
        return store.articles(search=search, since=dates.since, until=dates.until, limit=limit, cursor=cursor)
    return export_response(_walk(fetch), format, "articles")


@router.get(
    "/articles/{article_id}", responses={200: {"model": models.ArticleDetail}}, tags=["articles"],
    summary="One article with its text, actors, quotes and events (character spans into the text)",
)
async def get_article(article_id: str, store=Depends(_store)):
    return _json(store.article(article_id))


@router.post(
    "/articles", status_code=201, tags=["articles"],
    summary="Analyse and store an article (needs the write token)",
    description=(
        "Send `Authorization: Bearer TOKEN`. The body is plain text (`text/plain`), HTML "
        "(`text/html`) or JSON `{\"text\" | \"html\", \"title\", \"published\", \"url\", "
        "\"authors\", \"publisher\"}`. Answers 201 with the analysis when stored, 200 when "
        "the same article was stored before."
    ),
    responses={401: {"model": ErrorResponse, "description": "Missing or wrong write token"},
               403: {"model": ErrorResponse, "description": "The server is read-only"},
               413: {"model": ErrorResponse, "description": "The article is too large"}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string"}, "html": {"type": "string"}, "title": {"type": "string"},
                        "published": {"type": "string", "format": "date"}, "url": {"type": "string"},
                        "authors": {"type": "array", "items": {"type": "string"}},
                        "publisher": {"type": "string"},
                    },
                }},
                "text/plain": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            },
        }
    },
)
async def post_article(request: Request):
    app = request.app
    _check_token(request, app.state.write_token)
    article = await _article_from_request(request)
    from starlette.concurrency import run_in_threadpool

    analysis, stored = await run_in_threadpool(_analyse_and_store, app, article)
    status = 201 if stored else 200
    return JSONResponse(analysis.to_dict(), status_code=status,
                        headers={"Location": f"/api/articles/{analysis.article.id}"})


@router.get("/quotes", responses={200: {"model": models.QuotePage}}, summary="Quotes, filtered", tags=["quotes"])
async def list_quotes(request: Request, query: Annotated[QuoteFilters, Query()]):
    # The hot read route: async (no thread-pool hop; SQLite answers in milliseconds on this
    # worker's own connection) and, with a store that can, items passed on as SQLite's JSON.
    # Repeated searches are answered before routing, by ``CachedGets`` (see create_app).
    store = request.app.state.stores.get()
    filters = query.store_filters()
    as_json = getattr(store, "quotes_json", None)
    if as_json is None:
        return _json(page_body(request, store.quotes(**filters), query.limit))
    return _raw_page(request, as_json(**filters), query.limit)


@router.get("/quotes/export", summary="Export quotes as CSV or JSON lines", tags=["export"])
def export_quotes(
    request: Request,
    format: ExportFormat = Query("jsonl"),
    speaker: str | None = Query(None, max_length=200),
    addressee: str | None = Query(None, max_length=200),
    about: str | None = Query(None, max_length=200),
    search: str | None = Depends(_search),
    dates: DateRange = Depends(date_range),
    article: str | None = Query(None, max_length=200),
    kind: Literal["direct", "indirect", "mixed"] | None = Query(None),
):
    store = _thread_store(request)

    def fetch(limit, cursor):
        return store.quotes(speaker=speaker, addressee=addressee, about=about, search=search, since=dates.since,
                            until=dates.until, article=article, kind=kind, limit=limit, cursor=cursor)
    return export_response(_walk(fetch), format, "quotes")


@router.get("/actors", responses={200: {"model": models.ActorPage}}, summary="Actors, filtered", tags=["actors"])
def list_actors(
    request: Request,
    search: str | None = Depends(_search),
    country: str | None = Query(None, max_length=3, description="ISO 3166 alpha-3 code, e.g. IRN"),
    limit: int = Depends(_limit),
    cursor: str | None = Depends(_cursor),
):
    page = _thread_store(request).actors(search=search, country=country, limit=limit, cursor=cursor)
    return _json(page_body(request, page, limit))


@router.get("/actors/export", summary="Export actors as CSV or JSON lines", tags=["export"])
def export_actors(
    request: Request,
    format: ExportFormat = Query("jsonl"),
    search: str | None = Depends(_search),
    country: str | None = Query(None, max_length=3),
):
    store = _thread_store(request)

    def fetch(limit, cursor):
        return store.actors(search=search, country=country, limit=limit, cursor=cursor)
    return export_response(_walk(fetch), format, "actors")


@router.get(
    "/actors/{key}", responses={200: {"model": models.ActorDetail}}, tags=["actors"],
    summary="One actor: aliases, roles, quotes by and about them, events",
)
def get_actor(request: Request, key: str):
    store = _thread_store(request)
    return _json(store.actor(key))


def _claimed(status: Literal["claimed", "reported"] | None) -> bool | None:
    return None if status is None else status == "claimed"


@router.get("/events", responses={200: {"model": models.EventPage}}, summary="Events, filtered", tags=["events"])
def list_events(
    request: Request,
    type: str | None = Query(None, max_length=40, description="PLOVER type, e.g. ACCUSE"),
    actor: str | None = Query(None, max_length=200, description="Source actor: id or name"),
    recipient: str | None = Query(None, max_length=200, description="Target actor: id or name"),
    status: Literal["claimed", "reported"] | None = Query(
        None, description="claimed: asserted inside a quote; reported: stated by the article"),
    dates: DateRange = Depends(date_range),
    limit: int = Depends(_limit),
    cursor: str | None = Depends(_cursor),
):
    page = _thread_store(request).events(type=type, actor=actor, recipient=recipient, since=dates.since,
                                         until=dates.until, claimed=_claimed(status), limit=limit, cursor=cursor)
    return _json(page_body(request, page, limit))


@router.get("/events/export", summary="Export events as CSV or JSON lines", tags=["export"])
def export_events(
    request: Request,
    format: ExportFormat = Query("csv"),
    type: str | None = Query(None, max_length=40),
    actor: str | None = Query(None, max_length=200),
    recipient: str | None = Query(None, max_length=200),
    status: Literal["claimed", "reported"] | None = Query(None),
    dates: DateRange = Depends(date_range),
):
    store = _thread_store(request)

    def fetch(limit, cursor):
        return store.events(type=type, actor=actor, recipient=recipient, since=dates.since, until=dates.until,
                            claimed=_claimed(status), limit=limit, cursor=cursor)
    return export_response(_walk(fetch), format, "events")


@router.get(
    "/graph", responses={200: {"model": models.Graph}}, tags=["graph"],
    summary="The actor network for a period: quotes about and events between actors",
)
def get_graph(
    request: Request,
    dates: DateRange = Depends(date_range),
    min_weight: int = Query(1, ge=1, le=1000, description="Drop edges lighter than this"),
):
    store = _thread_store(request)
    return _json(store.graph(since=dates.since, until=dates.until, min_weight=min_weight))


@router.get(
    "/graph/evidence", responses={200: {"model": models.EvidenceList}}, tags=["graph"],
    summary="The quotes or events behind one graph edge",
)
def get_edge_evidence(
    request: Request,
    source: str = Query(..., max_length=200, description="The edge's source actor id"),
    target: str = Query(..., max_length=200, description="The edge's target actor id"),
    kind: Literal["quote", "event"] = Query(...),
    ids: list[str] = Query([], max_length=MAX_LIMIT, description="The edge's evidence ids, to keep only those"),
    dates: DateRange = Depends(date_range),
):
    store = _thread_store(request)
    wanted = set(ids)
    items: dict[str, dict[str, Any]] = {}
    if kind == "quote":
        for role in ("about", "addressee"):
            page = store.quotes(speaker=source, since=dates.since, until=dates.until, limit=MAX_LIMIT,
                                **{role: target})
            for q in page.items:
                items.setdefault(str(q["id"]), {
                    "kind": "quote", "id": q["id"], "text": q.get("text"), "speaker_name": q.get("speaker_name"),
                    "article_id": q.get("article_id"), "article_title": q.get("article_title"),
                    "published": q.get("published"), "anchor": f"q-{local_quote_id(q)}",
                })
    else:
        page = store.events(actor=source, recipient=target, since=dates.since, until=dates.until, limit=MAX_LIMIT)
        for e in page.items:
            for i, ev in enumerate(_event_evidence(e)):
                items.setdefault(f"{e['id']}#{i}", {
                    "kind": "event", "id": e["id"], "type": e.get("type"), "text": ev.get("text"),
                    "article_id": ev.get("article_id"), "article_title": ev.get("article_title"),
                    "published": ev.get("published") or e.get("date"),
                })
    found = list(items.values())
    if wanted:
        found = [it for it in found if str(it["id"]) in wanted]
    return _json({"items": found})


def _event_evidence(event: dict[str, Any]) -> list[dict[str, Any]]:
    """One evidence row per article reporting the event."""
    return [
        {"text": (r.get("evidence") or {}).get("text"), "article_id": r.get("article_id"),
         "article_title": r.get("article_title"), "published": r.get("published")}
        for r in event.get("reports") or []
    ]


@router.get("/rejected", summary="Inputs that could not be analysed, with the reason", tags=["meta"])
def list_rejected(request: Request):
    store = _thread_store(request)
    return _json(store.rejected())


# ---- writing -----------------------------------------------------------------------------


def _check_token(request: Request, token: str | None) -> None:
    if not token:
        raise APIError(403, "read-only", "this server is read-only; start it with --write-token to accept articles")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise APIError(401, "unauthorized", "send the write token as 'Authorization: Bearer TOKEN'")
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise APIError(401, "unauthorized", "the write token is wrong")


async def _article_from_request(request: Request):
    from whosaid.ingest import article_from_string

    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_POST_BYTES:
            raise APIError(413, "too-large", f"the article is larger than {MAX_POST_BYTES:,} bytes")
    ctype = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise APIError(422, "undecodable", "the body is not UTF-8 text") from exc
    meta: dict[str, Any] = {}
    # The client says what it sends: text stays text even when it holds markup.
    fmt = {"text/plain": "txt", "text/html": "html"}.get(ctype)
    if ctype == "application/json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise APIError(422, "parse-error", f"the body is not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise APIError(422, "invalid-parameter", "the JSON body must be an object")
        fmt = "txt" if data.get("text") else "html"
        raw = data.get("text") or data.get("html") or ""
        if not isinstance(raw, str) or not raw.strip():
            raise APIError(422, "invalid-parameter", "the JSON body needs a non-empty 'text' or 'html' string",
                           [{"parameter": "text", "message": "missing or empty", "input": None}])
        for key in ("title", "url", "publisher"):
            if data.get(key) is not None:
                meta[key] = str(data[key])
        if data.get("authors"):
            authors = data["authors"]
            meta["authors"] = [authors] if isinstance(authors, str) else [str(a) for a in authors]
        if data.get("published"):
            try:
                meta["published"] = dt.date.fromisoformat(str(data["published"])[:10])
            except ValueError as exc:
                raise APIError(422, "invalid-parameter", "published must be an ISO date, YYYY-MM-DD",
                               [{"parameter": "published", "message": "not a date",
                                 "input": str(data["published"])}]) from exc
    elif ctype not in ("text/plain", "text/html", ""):
        raise APIError(415, "unsupported-media-type", f"send text/plain, text/html or application/json, not {ctype}")
    return article_from_string(raw, source="api", format=fmt, **meta)


def _analyse_and_store(app: FastAPI, article):
    # spaCy pipelines are not safe to share across threads: one analysis at a time.
    with app.state.pipeline_lock:
        if app.state.pipeline is None:
            from whosaid.pipeline import Pipeline

            app.state.pipeline = Pipeline()
        analysis = app.state.pipeline.analyse(article)
    stored = app.state.stores.get().save_analysis(analysis)
    return analysis, stored


# ---- the app -----------------------------------------------------------------------------


def create_app(db: str | Path, *, write_token: str | None = None, pipeline=None, with_ui: bool = True,
               cache_size: int = DEFAULT_ENTRIES) -> FastAPI:
    """The whosaid web app over the database at ``db``: the API under /api and the UI at /.

    ``write_token`` enables POST /api/articles; without it the app is read-only.
    ``pipeline`` is an already loaded ``whosaid.pipeline.Pipeline`` (else loaded on first POST).
    ``cache_size`` quote-search answers are kept in memory until the database changes (0: none).
    """
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="whosaid",
        version=__version__,
        description="Who said what, to whom, about whom — and who did what to whom — with the evidence. "
                    "Every error has the shape {\"error\": {\"code\", \"message\", \"detail\"}}.",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.stores = StoreProvider(db)
    app.state.write_token = write_token or None
    app.state.pipeline = pipeline
    app.state.pipeline_lock = threading.Lock()
    # The API's routes first: a request is matched against routes in order, and the API is
    # what clients call in volume.
    app.include_router(router)
    render_html_error = None
    if with_ui:
        from whosaid.web import install_ui

        render_html_error = install_ui(app)
    install_error_handlers(app, render_html_error)
    if cache_size > 0:
        def version() -> int | None:
            # The event loop thread's connection: the one the async routes read on.
            store = app.state.stores.get()
            return store.data_version() if hasattr(store, "data_version") else None

        app.state.cache = ResponseCache(max_entries=cache_size)
        app.add_middleware(CachedGets, cache=app.state.cache, version=version, paths=CACHED_PATHS)

    return app
