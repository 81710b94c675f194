"""The HTTP API over a database filled from the bundled samples: endpoints, errors, pagination."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from fastapi.testclient import TestClient

from whosaid.api import MAX_LIMIT, create_app
from whosaid.api.app import router as api_router

NASTY_SEARCHES = [
    "' OR 1=1 --",
    '"*',
    "*",
    '"',
    "NEAR(",
    "a AND",
    "OR",
    "%",
    "_",
    "'; DROP TABLE quotes; --",
    "()",
    "^col:",
    "\\",
    "\u0000",
    "Iran*",
    "-",
]


@pytest.fixture(scope="module")
def client(samples_db):
    with TestClient(create_app(samples_db)) as c:
        yield c


@pytest.fixture(scope="module")
def stats(client):
    return client.get("/api/stats").json()


def assert_error(response, status: int, code: str | None = None):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "detail"}, body
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code, body
    return body["error"]


def walk(client, path: str, **params) -> list[dict]:
    items, cursor, pages = [], None, 0
    while True:
        r = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["items"]) <= params.get("limit", 50)
        items.extend(body["items"])
        pages += 1
        assert pages < 1000, "pagination does not end"
        cursor = body["next_cursor"]
        if not cursor:
            assert body["next"] is None
            return items


# ---- the endpoints -----------------------------------------------------------------------


def test_stats_count_the_samples(stats, sample_paths):
    assert stats["articles"] == len(sample_paths)
    assert stats["quotes"] > 0
    assert stats["actors"] > 0


def test_articles_page_through_all_without_duplicates(client, stats):
    items = walk(client, "/api/articles", limit=4)
    ids = [a["id"] for a in items]
    assert len(ids) == len(set(ids)) == stats["articles"]


def test_article_has_text_and_spans_that_slice_back(client):
    quotes = client.get("/api/quotes", params={"limit": 1}).json()["items"]
    article = client.get(f"/api/articles/{quotes[0]['article_id']}").json()
    text = article["text"]
    assert article["quotes"], "the article of a stored quote lists it"
    for q in article["quotes"]:
        for span in q["content"]:
            assert text[span["start"] : span["end"]] == span["text"]
    for ev in article["events"]:
        assert text[ev["evidence"]["start"] : ev["evidence"]["end"]] == ev["evidence"]["text"]


def test_article_date_filters(client):
    everything = walk(client, "/api/articles", limit=50)
    dated = sorted(a["published"] for a in everything if a.get("published"))
    if not dated:
        pytest.skip("ingest gives no sample article a publication date yet")
    mid = dated[len(dated) // 2]
    later = walk(client, "/api/articles", since=mid, limit=50)
    assert later and all(a["published"] >= mid for a in later)
    earlier = walk(client, "/api/articles", until=mid, limit=50)
    assert earlier and all(a["published"] <= mid for a in earlier)
    assert len(later) + len(earlier) == len(dated) + sum(1 for d in dated if d == mid)


def test_quotes_page_through_all_without_duplicates(client, stats):
    items = walk(client, "/api/quotes", limit=7)
    ids = [q["id"] for q in items]
    assert len(ids) == len(set(ids)) == stats["quotes"]
    for q in items:
        assert q["text"] and q["article_id"]
        assert q["kind"] in {"direct", "indirect", "mixed"}


def test_quote_items_point_into_their_article(client):
    """Listing items (written by SQLite as JSON) carry spans that slice back and the actors' names."""
    items = walk(client, "/api/quotes", limit=MAX_LIMIT)
    articles: dict[str, dict] = {}
    for q in items:
        art = articles.get(q["article_id"]) or client.get(f"/api/articles/{q['article_id']}").json()
        articles[q["article_id"]] = art
        ids = {a["id"] for a in art["actors"]}
        assert q["content"] and all(art["text"][s["start"]:s["end"]] == s["text"] for s in q["content"])
        if q["cue"]:
            assert art["text"][q["cue"]["start"]:q["cue"]["end"]] == q["cue"]["text"]
        if q["speaker_mention"]:
            m = q["speaker_mention"]
            assert art["text"][m["start"]:m["end"]] == m["text"]
        if q["speaker_id"]:
            assert q["speaker_id"] in ids and q["speaker_name"]  # the corpus name of one of its actors
        assert all(a["id"] in ids and a["id"] != q["speaker_id"] and a["name"] for a in q["about"])
        assert [a["name"] for a in q["about"]] == sorted(a["name"] for a in q["about"])
        assert isinstance(q["confidence"], float) and 0 <= q["confidence"] <= 1
        assert q["published"] == art["published"] and q["article_title"] == art["title"]


def test_quotes_filtered_by_speaker_kind_and_date(client):
    items = walk(client, "/api/quotes", limit=MAX_LIMIT)
    with_speaker = [q for q in items if q.get("speaker_id")]
    assert with_speaker, "some sample quote has a resolved speaker"
    speaker = with_speaker[0]["speaker_id"]
    by_speaker = walk(client, "/api/quotes", speaker=speaker, limit=MAX_LIMIT)
    assert by_speaker and all(q["speaker_id"] == speaker for q in by_speaker)
    assert len(by_speaker) == sum(1 for q in items if q.get("speaker_id") == speaker)
    direct = walk(client, "/api/quotes", kind="direct", limit=MAX_LIMIT)
    assert all(q["kind"] == "direct" for q in direct)
    day = next((q["published"] for q in items if q.get("published")), None)
    if day is None:
        pytest.skip("ingest gives no sample article a publication date yet")
    same_day = walk(client, "/api/quotes", since=day, until=day, limit=MAX_LIMIT)
    assert same_day and all(q["published"] == day for q in same_day)


def test_quote_search_finds_a_word_of_a_quote(client):
    q = client.get("/api/quotes", params={"limit": 1}).json()["items"][0]
    word = max(q["text"].split(), key=len).strip(".,;:!?\"'()")
    hits = walk(client, "/api/quotes", search=word, limit=MAX_LIMIT)
    assert any(h["id"] == q["id"] for h in hits)
    assert all(word.lower() in h["text"].lower() for h in hits)


def test_actors_search_and_one_actor(client):
    actors = client.get("/api/actors", params={"limit": 10}).json()["items"]
    assert actors
    name = actors[0]["name"]
    found = client.get("/api/actors", params={"search": name.split()[-1]}).json()["items"]
    assert any(a["name"] == name for a in found)
    detail = client.get(f"/api/actors/{actors[0]['id']}").json()
    assert detail["name"] == name
    for key in ("aliases", "roles", "quotes_by", "quotes_about", "events"):
        assert isinstance(detail[key], list)
    by_name = client.get(f"/api/actors/{name}")
    assert by_name.status_code == 200 and by_name.json()["name"] == name


def test_speaker_page_lists_their_quotes(client):
    q = next(q for q in walk(client, "/api/quotes", limit=MAX_LIMIT) if q.get("speaker_id"))
    detail = client.get(f"/api/actors/{q['speaker_id']}").json()
    assert any(x["id"] == q["id"] for x in detail["quotes_by"])


def test_events_filters(client, stats):
    events = walk(client, "/api/events", limit=MAX_LIMIT)
    assert len(events) == stats["events"]
    if not events:
        pytest.skip("the samples yield no events yet")
    etype = events[0]["type"]
    typed = walk(client, "/api/events", type=etype, limit=MAX_LIMIT)
    assert typed and all(e["type"] == etype for e in typed)
    claimed = walk(client, "/api/events", status="claimed", limit=MAX_LIMIT)
    reported = walk(client, "/api/events", status="reported", limit=MAX_LIMIT)
    assert len(claimed) + len(reported) == len(events)


def test_graph_nodes_and_edges(client):
    graph = client.get("/api/graph").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert graph["nodes"] and graph["edges"]
    for e in graph["edges"]:
        assert e["source"] in ids and e["target"] in ids
        assert e["kind"] in {"quote", "event"}
        assert e["quad"] in {"cooperation", "conflict", "neutral"}
        assert e["weight"] >= 1 and e["evidence"]
    heavy = client.get("/api/graph", params={"min_weight": 2}).json()
    assert all(e["weight"] >= 2 for e in heavy["edges"])
    nothing = client.get("/api/graph", params={"since": "2100-01-01"}).json()
    assert nothing["edges"] == []


def test_quote_edges_take_the_polarity_of_the_events_in_their_quotes(client):
    from whosaid.store.sqlite import quad_class

    votes: dict[str, list[str]] = {}
    for art in walk(client, "/api/articles", limit=MAX_LIMIT):
        for ev in client.get(f"/api/articles/{art['id']}").json()["events"]:
            if ev.get("quote"):
                votes.setdefault(f"{art['id']}:{ev['quote']}", []).append(quad_class(ev["type"]))

    def polarity(quote_id: str) -> str:
        quads = votes.get(quote_id, [])
        cooperation, conflict = quads.count("cooperation"), quads.count("conflict")
        return "neutral" if cooperation == conflict else "cooperation" if cooperation > conflict else "conflict"

    edges = [e for e in client.get("/api/graph").json()["edges"] if e["kind"] == "quote"]
    for e in edges:
        assert {polarity(q) for q in e["evidence"]} == {e["quad"]}, e
    assert any(e["quad"] != "neutral" for e in edges), "some sample quote claims a conflict or cooperation"


def test_every_graph_edge_has_evidence_to_show(client):
    graph = client.get("/api/graph").json()
    for e in graph["edges"][:25]:
        r = client.get("/api/graph/evidence", params={"source": e["source"], "target": e["target"],
                                                        "kind": e["kind"], "ids": e["evidence"]})
        assert r.status_code == 200, r.text
        items = r.json()["items"]
        assert items, f"no evidence for edge {e}"
        assert all(it["text"] for it in items)


def test_exports_csv_and_jsonl(client, stats):
    r = client.get("/api/quotes/export", params={"format": "jsonl"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in r.text.splitlines()]
    assert len(rows) == stats["quotes"]
    r = client.get("/api/events/export", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == stats["events"]


# ---- errors and bad parameters -----------------------------------------------------------


def test_unknown_ids_are_404_in_the_error_shape(client):
    err = assert_error(client.get("/api/articles/no-such-article"), 404, "not-found")
    assert "no-such-article" in err["message"]
    assert_error(client.get("/api/actors/Nobody%20Atall%20Zzz"), 404, "not-found")
    assert_error(client.get("/api/no/such/path"), 404, "not-found")


@pytest.mark.parametrize("path", ["/api/articles", "/api/quotes", "/api/events", "/api/graph"])
@pytest.mark.parametrize("bad", ["2020-13-45", "yesterday", "2020/01/01", "'; --"])
def test_malformed_dates_are_422(client, path, bad):
    err = assert_error(client.get(path, params={"since": bad}), 422, "invalid-parameter")
    assert "since" in err["message"]
    assert err["detail"][0]["parameter"] == "since"


def test_since_after_until_is_422(client):
    err = assert_error(client.get("/api/quotes", params={"since": "2020-01-02", "until": "2020-01-01"}), 422)
    assert "after" in err["message"]


@pytest.mark.parametrize("limit", ["100000", "0", "-1", "ten", str(MAX_LIMIT + 1)])
def test_bad_page_sizes_are_422_with_a_clear_message(client, limit):
    err = assert_error(client.get("/api/quotes", params={"limit": limit}), 422, "invalid-parameter")
    assert "limit" in err["message"]


def test_largest_page_is_accepted(client):
    assert client.get("/api/quotes", params={"limit": MAX_LIMIT}).status_code == 200


def test_bad_enum_values_are_422(client):
    assert_error(client.get("/api/quotes", params={"kind": "shouted"}), 422, "invalid-parameter")
    assert_error(client.get("/api/events", params={"status": "rumoured"}), 422, "invalid-parameter")
    assert_error(client.get("/api/events/export", params={"format": "xlsx"}), 422, "invalid-parameter")


def test_a_forged_cursor_is_not_a_500(client):
    for cursor in ["garbage", "' OR 1=1 --", "eyJ4IjogMX0=", "%%%"]:
        r = client.get("/api/quotes", params={"cursor": cursor})
        assert r.status_code in (200, 422), r.text
        if r.status_code == 422:
            assert_error(r, 422)


@pytest.mark.parametrize("search", NASTY_SEARCHES)
@pytest.mark.parametrize("path", ["/api/quotes", "/api/articles", "/api/actors"])
def test_sql_and_fts_syntax_in_search_never_fails(client, stats, path, search):
    r = client.get(path, params={"search": search})
    assert r.status_code == 200, r.text
    assert isinstance(r.json()["items"], list)
    assert client.get("/api/stats").json() == stats  # nothing was dropped or changed


def test_sql_metacharacters_in_filters_and_ids(client):
    for value in NASTY_SEARCHES[:6]:
        assert client.get("/api/quotes", params={"speaker": value, "about": value}).status_code == 200
        assert client.get("/api/events", params={"actor": value, "type": value}).status_code == 200
        assert client.get("/api/actors", params={"country": value[:3]}).status_code == 200
    assert_error(client.get("/api/articles/' OR 1=1 --"), 404)


def test_unexpected_errors_keep_the_error_shape(samples_db):
    app = create_app(samples_db)

    class Broken:
        def get(self):
            raise RuntimeError("disk on fire")

        def close(self):
            pass

    app.state.stores = Broken()
    with TestClient(app, raise_server_exceptions=False) as c:
        err = assert_error(c.get("/api/quotes"), 500, "internal")
        assert "disk on fire" not in err["message"]  # internals stay in the server log


# ---- writing -----------------------------------------------------------------------------

SCRIPT_ARTICLE = (
    "Ministers reject <script>alert('pwned')</script> claims\n\n"
    'The Foreign Minister of Freedonia, Rufus Firefly, said on Monday that "the border will stay open '
    'to every trader who respects our laws <script>alert(1)</script>." He told reporters in the capital '
    "that Sylvania had accused Freedonia of hoarding grain, which he denied."
)


@pytest.fixture()
def writable(samples_db, tmp_path, pipeline):
    db = tmp_path / "w.db"
    shutil.copy(samples_db, db)
    app = create_app(db, write_token="s3cret-token-for-tests", pipeline=pipeline)
    with TestClient(app) as c:
        yield c


def test_read_only_server_refuses_posts(client):
    r = client.post("/api/articles", content="Some text.", headers={"Authorization": "Bearer x"})
    assert_error(r, 403, "read-only")


def test_post_needs_the_right_token(writable):
    assert_error(writable.post("/api/articles", content=SCRIPT_ARTICLE), 401, "unauthorized")
    r = writable.post("/api/articles", content=SCRIPT_ARTICLE, headers={"Authorization": "Bearer wrong"})
    assert_error(r, 401, "unauthorized")


def test_post_json_article_is_analysed_stored_and_escaped(writable):
    auth = {"Authorization": "Bearer s3cret-token-for-tests"}
    body = {"text": SCRIPT_ARTICLE, "title": "Freedonia <b>border</b>", "published": "2021-05-03"}
    search = {"search": "trader respects"}
    assert writable.get("/api/quotes", params=search).json()["items"] == []  # now in the search cache
    r = writable.post("/api/articles", json=body, headers=auth)
    assert r.status_code == 201, r.text
    analysis = r.json()
    assert analysis["text"] == SCRIPT_ARTICLE
    assert analysis["quotes"], "the direct quote is found"
    found = writable.get("/api/quotes", params=search).json()["items"]  # the write emptied the cache
    assert [q["article_id"] for q in found] == [analysis["id"]]
    stored = writable.get(f"/api/articles/{analysis['id']}")
    assert stored.status_code == 200 and stored.json()["title"] == "Freedonia <b>border</b>"
    again = writable.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200  # already stored: not stored twice
    page = writable.get(f"/articles/{analysis['id']}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<b>border</b>" not in page.text
    hits = writable.get("/", params={"q": "border"})
    assert "<script>alert" not in hits.text


def test_post_plain_text_and_bad_bodies(writable):
    auth = {"Authorization": "Bearer s3cret-token-for-tests"}
    r = writable.post("/api/articles", content=SCRIPT_ARTICLE.replace("Monday", "Tuesday"),
                      headers={**auth, "Content-Type": "text/plain"})
    assert r.status_code == 201, r.text
    page = ("<html><head><title>Freedonia talks</title></head><body><article><h1>Freedonia talks</h1>"
            "<p>" + SCRIPT_ARTICLE.replace("Monday", "Friday").replace("\n\n", "</p><p>") + "</p>"
            "<script>window.pwned = 1</script></article></body></html>")
    r = writable.post("/api/articles", content=page, headers={**auth, "Content-Type": "text/html"})
    assert r.status_code == 201, r.text
    assert r.json()["format"] == "html" and "window.pwned" not in r.json()["text"]
    shown = writable.get(f"/articles/{r.json()['id']}").text
    assert "<script>window.pwned" not in shown and "<script>alert" not in shown
    assert_error(writable.post("/api/articles", content="{not json", headers={**auth, "Content-Type": "application/json"}),
                 422, "parse-error")
    assert_error(writable.post("/api/articles", json={"title": "no text"}, headers=auth), 422)
    assert_error(writable.post("/api/articles", content="   ", headers={**auth, "Content-Type": "text/plain"}), 422, "empty")
    assert_error(writable.post("/api/articles", content=b"x", headers={**auth, "Content-Type": "image/png"}), 415)


# ---- the OpenAPI document ----------------------------------------------------------------


def test_openapi_documents_every_route_and_the_error_shape(client):
    schema = client.get("/openapi.json").json()
    assert "ErrorResponse" in schema["components"]["schemas"]
    paths = schema["paths"]
    app_routes = [r for r in api_router.routes if r.path.startswith("/api/")]
    assert len(app_routes) >= 12
    for route in app_routes:
        assert route.path in paths, f"{route.path} missing from the OpenAPI schema"
        for method in route.methods - {"HEAD"}:
            op = paths[route.path][method.lower()]
            assert op.get("summary"), f"{method} {route.path} has no summary"
            ref = op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith("/ErrorResponse")
    quotes = paths["/api/quotes"]["get"]
    names = {p["name"] for p in quotes["parameters"]}
    assert {"speaker", "addressee", "about", "search", "since", "until", "kind", "limit", "cursor"} <= names
    limit = next(p for p in quotes["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == MAX_LIMIT


def test_docs_list_every_endpoint():
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    documented = {re.sub(r"\{[^}]*\}", "{}", p) for p in re.findall(r"`(/api/[^`\s]*)`", doc)}
    for route in api_router.routes:
        assert re.sub(r"\{[^}]*\}", "{}", route.path) in documented, f"{route.path} is not in docs/api.md"
