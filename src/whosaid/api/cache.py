"""Recent answers of the quote search, kept in memory until the database changes.

The same searches come back again and again (the home page, a name in the news, the
next page of a listing), and answering one from memory costs a dictionary look-up
instead of a full-text query. Entries are valid for one version of the database:
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

from collections import OrderedDict

#: Entries per worker process, and the most bytes they may hold together.
DEFAULT_ENTRIES = 1024
DEFAULT_BYTES = 32_000_000


class ResponseCache:
    """Response bodies by URL for one database version; least recently used out first."""

    def __init__(self, max_entries: int = DEFAULT_ENTRIES, max_bytes: int = DEFAULT_BYTES):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._bytes = 0
        self._version: int | None = None
        self.hits = 0
        self.misses = 0

    def get(self, key: str, version: int) -> bytes | None:
        if version != self._version:
            self._entries.clear()
            self._bytes = 0
            self._version = version
        body = self._entries.get(key)
        if body is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return body

    def put(self, key: str, version: int, body: bytes) -> None:
        if self._version is None:
            self._version = version
        # An answer computed before the database changed, or one too big to be worth a slot.
        if version != self._version or len(body) > self.max_bytes // 8:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old)
        self._entries[key] = body
        self._bytes += len(body)
        while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped)

    def __len__(self) -> int:
        return len(self._entries)
