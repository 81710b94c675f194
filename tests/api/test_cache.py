"""The quote-search cache: bounded, and emptied whenever the database changes."""

from __future__ import annotations

from whosaid.api.cache import ResponseCache


def test_entries_are_valid_for_one_database_version():
    cache = ResponseCache()
    cache.put("/api/quotes?search=iran", 7, b"[1]")
    assert cache.get("/api/quotes?search=iran", 7) == b"[1]"
    assert cache.get("/api/quotes?search=iran", 8) is None  # another connection committed
    assert len(cache) == 0
    cache.put("/api/quotes?search=iran", 7, b"[1]")  # an answer computed before the change
    assert cache.get("/api/quotes?search=iran", 8) is None


def test_least_recently_used_entries_go_first_and_bytes_are_bounded():
    cache = ResponseCache(max_entries=2, max_bytes=800)
    cache.put("a", 1, b"x")
    cache.put("b", 1, b"y")
    assert cache.get("a", 1) == b"x"
    cache.put("c", 1, b"z")
    assert cache.get("b", 1) is None and cache.get("a", 1) == b"x" and cache.get("c", 1) == b"z"
    cache.put("big", 1, b"0" * 200)  # more than an eighth of the byte budget: not kept
    assert cache.get("big", 1) is None
    small = ResponseCache(max_entries=100, max_bytes=800)
    for i in range(10):
        small.put(str(i), 1, b"0" * 100)
    assert len(small) == 8 and small.get("0", 1) is None and small.get("9", 1) is not None


def test_a_repeated_search_is_answered_from_memory_unchanged(samples_db):
    from fastapi.testclient import TestClient

    from whosaid.api import create_app

    app = create_app(samples_db)
    with TestClient(app) as c:
        params = {"limit": 1}
        first = c.get("/api/quotes", params=params)
        assert first.status_code == 200 and first.json()["next"], "the samples have more than one quote"
        again = c.get("/api/quotes", params=params)
        assert app.state.cache.hits == 1
        assert again.content == first.content and again.headers["content-type"] == first.headers["content-type"]
        # Answers hold absolute links, so another host name is another entry.
        elsewhere = c.get("/api/quotes", params=params, headers={"host": "whosaid.example"})
        assert elsewhere.json()["next"].startswith("http://whosaid.example/")
        # Errors are never kept: each bad request is validated again.
        for _ in range(2):
            assert c.get("/api/quotes", params={"limit": 0}).status_code == 422
        assert app.state.cache.hits == 1


def test_no_cache_when_turned_off(samples_db):
    from fastapi.testclient import TestClient

    from whosaid.api import create_app

    app = create_app(samples_db, cache_size=0)
    with TestClient(app) as c:
        assert c.get("/api/quotes", params={"search": "said"}).status_code == 200
    assert getattr(app.state, "cache", None) is None
