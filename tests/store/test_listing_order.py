"""Listing order from indexes (migration 0003): quotes newest first with keyset cursors,
date filters as key ranges, both quote-search plans, batched event and graph reads."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from whosaid.store import open_store
from whosaid.store.sqlite import _encode_cursor, migrations, quote_sort_key, split_statements

# Publication dates of the copies of the hand-made articles: repeated dates, years apart, undated.
DATES = [dt.date(2006, 9, 20), None, dt.date(2019, 1, 31), dt.date(2006, 9, 20), dt.date(2010, 12, 1),
         None, dt.date(2009, 2, 28), dt.date(2019, 1, 31)]


@pytest.fixture()
def corpus(tmp_path, hand_analyses):
    """Sixteen articles (copies of the two hand-made ones under new ids and dates), 64 quotes."""
    s = open_store(tmp_path / "order.db")
    n = 0
    for date in DATES:
        for analysis in hand_analyses:
            article = dataclasses.replace(analysis.article, id=f"{n:02d}{analysis.article.id[2:]}", published=date)
            assert s.save_analysis(dataclasses.replace(analysis, article=article))
            n += 1
    yield s
    s.close()


def expected_order(store, where: str = "1", params=()) -> list[str]:
    """Quote ids in the listing's documented order, computed the slow, obvious way."""
    rows = store.conn.execute(
        "SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"WHERE {where} ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.position",
        params,
    ).fetchall()
    return [r[0] for r in rows]


def walk(store, limit: int, **filters) -> list[str]:
    ids, cursor = [], None
    while True:
        page = store.quotes(limit=limit, cursor=cursor, **filters)
        assert len(page.items) <= limit
        ids.extend(q["id"] for q in page.items)
        cursor = page.next_cursor
        if cursor is None:
            return ids


def test_quotes_list_newest_first_undated_last_and_pages_walk_them_once(corpus):
    expected = expected_order(corpus)
    assert len(expected) == 64
    assert [q["id"] for q in corpus.quotes(limit=100).items] == expected
    for limit in (1, 3, 7, 64):
        assert walk(corpus, limit) == expected
    dates = [q["published"] for q in corpus.quotes(limit=100).items]
    assert dates[0] == "2019-01-31" and dates[-1] is None


def test_since_and_until_are_inclusive_and_leave_undated_articles_out(corpus):
    assert walk(corpus, 5, since="2010-12-01") == expected_order(corpus, "a.published >= ?", ("2010-12-01",))
    assert walk(corpus, 5, until="2009-02-28") == expected_order(corpus, "a.published <= ?", ("2009-02-28",))
    both = walk(corpus, 4, since="2006-09-20", until="2010-12-01")
    assert both == expected_order(corpus, "a.published BETWEEN ? AND ?", ("2006-09-20", "2010-12-01"))
    assert len(both) == 4 * 2 * 4  # four dates in range, two articles each, four quotes each
    assert corpus.quotes(since="2019-02-01").items == []


def test_search_gives_the_same_order_whichever_plan_reads_it(corpus):
    # 'devil' is in 2 of every 8 quotes: limits 1, 2 and 5 walk the key index, 50 reads every
    # match; with a speaker the speaker's index drives.
    expected = expected_order(corpus, "q.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", ('"devil"',))
    assert len(expected) == 16
    for limit in (1, 2, 5, 50):
        assert walk(corpus, limit, search="devil") == expected
    speaker = corpus.quotes(search="devil", limit=1).items[0]["speaker_id"]
    by_speaker = [i for i, q in zip(expected, corpus.quotes(search="devil", limit=50).items)
                  if q["speaker_id"] == speaker]
    assert walk(corpus, 3, search="devil", speaker=speaker) == by_speaker
    assert walk(corpus, 3, search="devil", since="2010-01-01") == [
        q["id"] for q in corpus.quotes(search="devil", limit=50).items if (q["published"] or "") >= "2010-01-01"
    ]
    assert corpus.quotes(search="nosuchwordanywhere").items == []


def test_a_cursor_from_before_keyset_paging_still_works(corpus):
    expected = expected_order(corpus)
    snapshot = corpus.conn.execute("SELECT max(seq) FROM quotes").fetchone()[0]
    page = corpus.quotes(limit=5, cursor=_encode_cursor(10, snapshot))
    assert [q["id"] for q in page.items] == expected[10:15]
    assert page.next_cursor is not None
    tail, cursor = [], page.next_cursor
    while cursor:
        next_page = corpus.quotes(limit=5, cursor=cursor)
        tail.extend(q["id"] for q in next_page.items)
        cursor = next_page.next_cursor
    assert tail == expected[15:]


def test_the_migration_backfills_the_keys_the_writer_writes(corpus):
    rows = corpus.conn.execute(
        "SELECT q.id, q.sort_key, a.published, q.article_id, q.position FROM quotes q "
        "JOIN articles a ON a.id = q.article_id"
    ).fetchall()
    assert all(r[1] == quote_sort_key(r[2], r[3], r[4]) for r in rows)
    written = {r[0]: r[1] for r in rows}
    backfill = [s for s in split_statements(dict((n, sql) for _, n, sql in migrations())["sort_keys"])
                if s.startswith("UPDATE quotes")]
    assert len(backfill) == 1
    corpus.conn.execute("UPDATE quotes SET sort_key = NULL")
    corpus.conn.execute(backfill[0])
    assert dict(corpus.conn.execute("SELECT id, sort_key FROM quotes").fetchall()) == written


def test_sort_keys_order_dates_newest_first_and_undated_last():
    keys = [quote_sort_key(d, "a", 0) for d in ("2019-01-31", "2010-12-01", "2009-02-28", "1999-12-31", None)]
    assert keys == sorted(keys)
    assert quote_sort_key("2019-01-31", "a", 2) < quote_sort_key("2019-01-31", "a", 10) < quote_sort_key(
        "2019-01-31", "b", 0)


def test_event_listing_and_graph_read_every_report_and_edge(corpus):
    events = corpus.events(limit=50).items
    assert events and all(e["reports"] for e in events)
    assert sum(len(e["reports"]) for e in events) == corpus.stats()["event_reports"]
    firsts = [e["date"] or e["first_seen"] for e in events]
    dated = [d for d in firsts if d is not None]
    assert dated == sorted(dated, reverse=True) and firsts[len(dated):] == [None] * (len(firsts) - len(dated))
    assert [e["id"] for e in events] == [e["id"] for page in _event_pages(corpus, 2) for e in page]
    for event in events:
        assert all(a["name"] for a in event["actors"] + event["recipients"])
    graph = corpus.graph()
    quote_edges = [e for e in graph["edges"] if e["kind"] == "quote"]
    assert quote_edges and all(e["weight"] == len(e["evidence"]) for e in graph["edges"])
    recent = corpus.graph(since="2019-01-01")
    assert 0 < sum(e["weight"] for e in recent["edges"]) < sum(e["weight"] for e in graph["edges"])


def _event_pages(store, limit):
    cursor = None
    while True:
        page = store.events(limit=limit, cursor=cursor)
        yield page.items
        cursor = page.next_cursor
        if cursor is None:
            return
