"""The pages run on a thread pool: each thread must read on its own SQLite connection."""

from __future__ import annotations

import threading

from whosaid.api.app import StoreProvider
from whosaid.web import _ThreadStore


def test_each_thread_reads_on_its_own_connection(samples_db):
    stores = StoreProvider(samples_db)
    store = _ThreadStore(stores)  # made on one thread (the dependency), used on others (the routes)
    seen: dict[str, object] = {}
    counts: dict[str, int] = {}

    def page(name: str) -> None:
        seen[name] = store.conn
        counts[name] = store.stats()["articles"]

    threads = [threading.Thread(target=page, args=(f"t{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert len({id(c) for c in seen.values()}) == 4
        assert set(counts.values()) == {21}
    finally:
        stores.close()
