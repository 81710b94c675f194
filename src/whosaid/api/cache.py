"""Recent answers of the quote search, kept in memory until the database changes.

The same searches come back again and again (the home page, a name in the news, the
next page of a listing), and answering one from memory costs a dictionary look-up
instead of a full-text query and the framework's parameter handling: ``CachedGets``
sits in front of the app and answers a repeated GET before routing. Only successful
answers are kept, so a URL answered from memory is one the app validated and answered
before. Entries are valid for one version of the database:
every committed write by another connection — an article POSTed to this server
(which writes on its own connection), ``whosaid ingest`` or ``whosaid relink`` in
another process — changes SQLite's ``PRAGMA data_version``, and the first request
after it empties the cache. Nothing is keyed on particular queries: the key is the
request's whole URL, and the cache is bounded in entries and in bytes (least
recently used first out).

Example:
    >>> cache = ResponseCache(max_entries=2)
    >>> cache.get("/api/quotes?search=iran", version=1) is None
    True
    >>> cache.put("/api/quotes?search=iran", 1, b"{}")
    >>> cache.get("/api/quotes?search=iran", version=1)
    b'{}'
    >>> cache.get("/api/quotes?search=iran", version=2) is None   # the database changed
    True
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

log = logging.getLogger(__name__)

#: Entries per worker process, and the most bytes they may hold together.
DEFAULT_ENTRIES = 1024
DEFAULT_BYTES = 32_000_000


class ResponseCache:
    """Answers by key for one database version; least recently used out first."""

    def __init__(self, max_entries: int = DEFAULT_ENTRIES, max_bytes: int = DEFAULT_BYTES):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._version: int | None = None
        self.hits = 0
        self.misses = 0

    def get(self, key: Any, version: int) -> Any:
        if version != self._version:
            self._entries.clear()
            self._bytes = 0
            self._version = version
        entry = self._entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[0]

    def put(self, key: Any, version: int, value: Any, size: int | None = None) -> None:
        """Keep ``value`` (``size`` bytes; default ``len(value)``) for ``key`` at this database version."""
        size = len(value) if size is None else size
        if self._version is None:
            self._version = version
        # An answer computed before the database changed, or one too big to be worth a slot.
        if version != self._version or size > self.max_bytes // 8:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= old[1]
        self._entries[key] = (value, size)
        self._bytes += size
        while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
            _, (_, dropped) = self._entries.popitem(last=False)
            self._bytes -= dropped

    def __len__(self) -> int:
        return len(self._entries)


class CachedGets:
    """ASGI middleware: GETs of ``paths`` answered from a ``ResponseCache`` while the database is unchanged.

    ``version()`` returns the database's current ``data_version`` (None: do not cache). A miss
    goes through the app; a 200 answer is kept with its headers, keyed on the scheme, host,
    path and query string (the host because answers hold absolute ``next`` links).
    """

    def __init__(self, app, cache: ResponseCache, version: Callable[[], int | None], paths: Iterable[str]):
        self.app = app
        self.cache = cache
        self.version = version
        self.paths = frozenset(paths)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        try:
            version = self.version()
        except Exception:  # noqa: BLE001 - the app answers (and reports) a store that fails
            log.debug("no database version; answering without the cache", exc_info=True)
            version = None
        if version is None:
            await self.app(scope, receive, send)
            return
        host = next((v for k, v in scope["headers"] if k == b"host"), b"")
        key = (scope["scheme"], host, scope["path"], scope["query_string"])
        entry = self.cache.get(key, version)
        if entry is not None:
            headers, body = entry
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def keep(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        if start.get("status") == 200:
            body = b"".join(chunks)
            self.cache.put(key, version, (list(start.get("headers", [])), body), len(body))
