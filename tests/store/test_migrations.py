"""Schema migrations: fresh databases get the latest schema, old ones are upgraded, newer ones refused."""

from __future__ import annotations

import sqlite3

import pytest

from whosaid.errors import StoreError
from whosaid.store import open_store
from whosaid.store.sqlite import SQLiteStore, latest_version, migrations, split_statements


def test_migrations_are_numbered_from_one_without_gaps():
    versions = [v for v, _, _ in migrations()]
    assert versions == list(range(1, len(versions) + 1))
    assert latest_version() >= 2


def test_a_fresh_database_gets_the_latest_version(tmp_path):
    with open_store(tmp_path / "new.db") as store:
        assert store.version() == latest_version()
        rows = store.conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
        assert [r[0] for r in rows] == list(range(1, latest_version() + 1))
        assert rows[0][1] == "initial"


def test_a_version_1_database_is_upgraded_and_keeps_its_articles(tmp_path, hand_analyses):
    path = tmp_path / "old.db"
    # Build a database as whosaid at schema version 1 left it, with an article in it.
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL)")
    version, name, sql = migrations()[0]
    conn.execute("BEGIN")
    for statement in split_statements(sql):
        conn.execute(statement)
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'initial', '2026-01-01T00:00:00+00:00')")
    conn.execute("INSERT INTO articles (id, source, title, text, ingested_at) VALUES "
                 "('abc', 'old.txt', 'An old article', 'Putin warned NATO about troops.', '2026-01-01')")
    conn.execute("COMMIT")
    conn.close()

    with open_store(path) as store:
        assert store.version() == latest_version()
        # Full-text search (migration 2) covers the article stored before it existed.
        assert [a["id"] for a in store.articles(search="NATO troops").items] == ["abc"]
        assert store.save_analysis(hand_analyses[0]) is True
        assert store.stats()["articles"] == 2


def test_a_database_from_a_newer_whosaid_is_refused(tmp_path):
    path = tmp_path / "future.db"
    open_store(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO schema_migrations VALUES (?, 'from_the_future', '2030-01-01')", (latest_version() + 1,))
    conn.close()
    with pytest.raises(StoreError, match="newer than this whosaid knows"):
        open_store(path)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(path)
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)


def test_a_failing_migration_is_rolled_back_whole(tmp_path, monkeypatch):
    import whosaid.store.sqlite as backend

    good = migrations()
    broken = good + [(len(good) + 1, "broken", "CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;\n")]
    monkeypatch.setattr(backend, "migrations", lambda: broken)
    with pytest.raises(StoreError, match="broken failed"):
        SQLiteStore(tmp_path / "b.db")
    monkeypatch.setattr(backend, "migrations", lambda: good)
    with open_store(tmp_path / "b.db") as store:
        assert store.version() == len(good)
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "half_done" not in tables


def test_split_statements_keeps_triggers_whole():
    script = "CREATE TABLE t (a);\n-- a comment\nCREATE TRIGGER x AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
