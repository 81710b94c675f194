"""The store: saving analyses whole, corpus actors and events, queries, safe search."""

from __future__ import annotations

import sqlite3

import pytest

from whosaid.errors import ActorNotFound, ArticleNotFound, UsageError
from whosaid.records import Rejected
from whosaid.store import Page, Store, open_store
from whosaid.store.sqlite import actor_key


@pytest.fixture()
def store(tmp_path, hand_analyses):
    s = open_store(tmp_path / "t.db")
    for analysis in hand_analyses:
        assert s.save_analysis(analysis) is True
    yield s
    s.close()


def corpus_ids(analysis) -> dict[str, str]:
    return {a.id: actor_key(a) for a in analysis.actors}


def test_open_store_gives_a_store_in_wal_mode_with_foreign_keys(tmp_path):
    s = open_store(tmp_path / "x.db")
    assert isinstance(s, Store)
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    s.close()


def test_saving_the_same_article_again_is_a_no_op(store, hand_analyses):
    before = store.stats()
    assert store.save_analysis(hand_analyses[0]) is False
    assert store.stats() == before
    assert store.has_article(hand_analyses[0].article.id)
    assert not store.has_article("0000000000000000")


def test_article_reads_back_as_its_output_contract(store, hand_analyses):
    analysis = hand_analyses[0]
    ids = corpus_ids(analysis)
    got = store.article(analysis.article.id)
    expected = analysis.to_dict()
    for actor in expected["actors"]:
        actor["id"] = ids[actor["id"]]
    for quote in expected["quotes"]:
        if quote["speaker"] and quote["speaker"]["actors"]:
            quote["speaker"]["actors"] = [ids[a] for a in quote["speaker"]["actors"]]
            quote["speaker"]["actor"] = quote["speaker"]["actors"][0]
        quote["addressee"] = ids.get(quote["addressee"])
    for event in expected["events"]:
        for field in ("actor", "recipient", "claimed_by"):
            event[field] = [ids[a] for a in event[field]]
    assert got == expected


def test_unknown_article_raises_article_not_found(store):
    with pytest.raises(ArticleNotFound):
        store.article("nope")


def test_actors_are_corpus_level_and_shared_across_articles(store, hand_analyses):
    stats = store.stats()
    assert stats["articles"] == 2
    assert stats["actors"] == 4  # the same four actors in both articles
    assert stats["quotes"] == 8
    chavez = store.actor("Chávez")
    assert chavez["name"] == "Hugo Chávez"
    assert chavez["country"] == "VEN"
    assert chavez["article_count"] == 2
    assert "President" in chavez["roles"]
    assert len(chavez["quotes_by"]) == 6
    # Accent-insensitive lookups and aliases find the same actor.
    assert store.actor("hugo chavez")["id"] == chavez["id"]
    with pytest.raises(ActorNotFound):
        store.actor("Nobody Atall")


def test_an_event_reported_by_two_articles_a_day_apart_is_one_event(store):
    accusations = store.events(type="ACCUSE", actor="Chavez", recipient="Bush").items
    assert len(accusations) == 1
    event = accusations[0]
    assert event["mentions"] == 2
    assert len(event["reports"]) == 2
    assert {r["evidence"]["text"] for r in event["reports"]} == {"Hugo Chavez criticized Bush"}
    assert event["claimed"] is False


def test_claimed_events_are_kept_apart_from_reported_ones(store):
    claimed = store.events(claimed=True).items
    reported = store.events(claimed=False).items
    assert [e["recipients"][0]["name"] for e in claimed] == ["United States"]
    assert [e["recipients"][0]["name"] for e in reported] == ["George W. Bush"]
    assert claimed[0]["reports"][0]["quote_id"].endswith(":q1")


def test_quote_filters(store):
    by = store.quotes(speaker="Chavez").items
    assert len(by) == 6 and all(q["speaker_name"] == "Hugo Chávez" for q in by)
    to = store.quotes(addressee="Americans").items
    assert len(to) == 2 and all("devil" in q["text"] for q in to)
    about = store.quotes(about="United States").items
    assert len(about) == 2 and all(q["text"].startswith("the greatest terrorist threat") for q in about)
    found = store.quotes(search="devil home").items
    assert len(found) == 2
    assert store.quotes(since="2006-09-22").items == []
    assert len(store.quotes(until="2006-09-21").items) == 8
    unresolved = store.quotes(kind="direct", search="excellent book").items
    assert unresolved and unresolved[0]["speaker_id"] is None
    assert unresolved[0]["speaker_reason"] == "no cue governs the quote"


def test_paging_walks_every_quote_once(store):
    seen, cursor = [], None
    while True:
        page = store.quotes(limit=3, cursor=cursor)
        assert isinstance(page, Page) and len(page.items) <= 3
        seen.extend(q["id"] for q in page.items)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 8


def test_bad_cursor_limit_and_dates_are_usage_errors(store):
    with pytest.raises(UsageError):
        store.quotes(cursor="not-a-cursor")
    with pytest.raises(UsageError):
        store.articles(limit=0)
    with pytest.raises(UsageError):
        store.events(since="yesterday")


@pytest.mark.parametrize("nasty", [
    "' OR 1=1 --", '"', "*", "devil*", 'devil"', "NEAR(devil home)", "text: devil", "a AND OR NOT",
    "^", "(", "%", "_", "\\", "Robert'); DROP TABLE quotes;--", "", "   ", "—", "\x00",
])
def test_search_filters_never_leak_sql(store, nasty):
    for call in (
        lambda: store.articles(search=nasty),
        lambda: store.quotes(search=nasty),
        lambda: store.quotes(speaker=nasty),
        lambda: store.quotes(about=nasty),
        lambda: store.actors(search=nasty),
        lambda: store.events(actor=nasty, type=nasty),
    ):
        page = call()
        assert isinstance(page, Page)
    assert store.stats()["quotes"] == 8
    assert store.quotes(search="' OR 1=1 --").items == []


def test_article_search_finds_words_in_title_and_text(store):
    hits = store.articles(search="Chomsky hegemony").items
    assert len(hits) == 2
    assert "[" in hits[0]["snippet"]
    assert store.articles(search="criticises").items  # a word of the title only
    assert store.articles(search="zzzunknownword").items == []


def test_rejected_inputs_are_recorded_once_per_source_and_code(tmp_path):
    with open_store(tmp_path / "r.db") as s:
        s.save_rejected(Rejected("a.txt", "empty", "the input holds no text"))
        s.save_rejected(Rejected("a.txt", "empty", "the input holds no text"))
        s.save_rejected(Rejected("b.bin", "binary", "the input is binary, not text"))
        assert [(r["source"], r["code"]) for r in s.rejected()] == [("a.txt", "empty"), ("b.bin", "binary")]
        assert s.stats()["rejected"] == 2


def test_a_failed_save_leaves_nothing_behind(tmp_path, hand_analyses):
    """A write that fails midway rolls back: no article without its quotes."""
    with open_store(tmp_path / "f.db") as s:
        s.conn.execute("CREATE TRIGGER boom BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'boom'); END")
        with pytest.raises(Exception):
            s.save_analysis(hand_analyses[0])
        assert not s.has_article(hand_analyses[0].article.id)
        assert s.stats()["quotes"] == s.stats()["actors"] == 0
        s.conn.execute("DROP TRIGGER boom")
        assert s.save_analysis(hand_analyses[0]) is True


def test_graph_links_speakers_to_whom_they_address_and_talk_about(store):
    graph = store.graph()
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    edges = {(names[e["source"]], names[e["target"]], e["kind"]): e for e in graph["edges"]}
    assert ("Hugo Chávez", "Americans", "quote") in edges
    assert ("Hugo Chávez", "George W. Bush", "event") in edges
    assert edges[("Hugo Chávez", "George W. Bush", "event")]["weight"] == 1  # one merged event
    assert all(e["quad"] in {"cooperation", "conflict", "neutral"} for e in graph["edges"])
    heavy = store.graph(min_weight=3)
    assert all(e["weight"] >= 3 for e in heavy["edges"])
    assert store.graph(since="2007-01-01") == {"nodes": [], "edges": []}


def test_a_reader_sees_committed_articles_while_a_writer_holds_the_database(tmp_path, hand_analyses):
    path = tmp_path / "c.db"
    writer = open_store(path)
    writer.save_analysis(hand_analyses[0])
    writer.conn.execute("BEGIN IMMEDIATE")
    reader = open_store(path)
    assert reader.stats()["articles"] == 1
    writer.conn.execute("ROLLBACK")
    reader.close()
    writer.close()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_any_text_in_any_filter_returns_a_page_and_never_raises(tmp_path, hand_analyses):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    s = open_store(tmp_path / "fuzz.db")
    s.save_analysis(hand_analyses[0])

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(max_size=40))
    def check(text):
        for page in (s.articles(search=text), s.quotes(search=text, speaker=text or None),
                     s.quotes(about=text), s.actors(search=text), s.events(actor=text, type=text)):
            assert isinstance(page, Page)

    try:
        check()
    finally:
        s.close()


def test_pages_stay_put_while_new_articles_arrive(tmp_path, hand_analyses):
    """A client paging through quotes while an ingest adds more sees each quote once."""
    with open_store(tmp_path / "p.db") as s:
        s.save_analysis(hand_analyses[0])
        first = s.quotes(limit=2)
        s.save_analysis(hand_analyses[1])  # same publication date: would sort into the pages
        rest, cursor = [], first.next_cursor
        while cursor:
            page = s.quotes(limit=2, cursor=cursor)
            rest.extend(page.items)
            cursor = page.next_cursor
        ids = [q["id"] for q in first.items + rest]
        assert len(ids) == len(set(ids)) == 4
        assert len(s.quotes(limit=50).items) == 8  # a fresh listing sees everything


def test_two_writers_saving_the_same_articles_store_each_once(tmp_path, hand_analyses):
    import threading

    path = tmp_path / "two.db"
    open_store(path).close()
    results: list[bool] = []

    def write():
        with open_store(path) as s:
            for analysis in hand_analyses * 3:
                results.append(s.save_analysis(analysis))

    threads = [threading.Thread(target=write) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(True) == 2
    with open_store(path) as s:
        assert s.stats()["articles"] == 2 and s.stats()["quotes"] == 8
        assert s.events(type="ACCUSE", actor="Chavez", recipient="Bush").items[0]["mentions"] == 2
