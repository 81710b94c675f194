"""A killed ingest (kill -9 mid-batch) loses nothing committed, half-writes nothing, and a rerun resumes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

COPIES = 12


def stored(db) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def ingest(folder, db, *extra):
    return [sys.executable, "-m", "whosaid", "ingest", str(folder), "--db", str(db), "--model", "sm", *extra]


def test_a_killed_ingest_keeps_whole_articles_and_a_rerun_resumes(tmp_path, sample_paths):
    folder = tmp_path / "copies"
    folder.mkdir()
    for i in range(COPIES):
        source = sample_paths[i % len(sample_paths)]
        # The first paragraphs are enough text to analyse, and keep the test quick.
        head = "\n\n".join(source.read_text(encoding="utf-8").split("\n\n")[:4])
        text = head + f"\n\n(Copy {i} for the resume test.)\n"
        (folder / f"copy_{i:02d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "killed.db"

    proc = subprocess.Popen(ingest(folder, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while stored(db) < 2:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "ingest stored nothing in 120 s"
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    before = {row[0] for row in conn.execute("SELECT id FROM articles")}
    assert 2 <= len(before) < COPIES, "the kill should land mid-run"
    # Every stored article has all its rows: the counts written with the article agree with the rows.
    for article_id, n_actors, n_mentions, n_quotes, n_events in conn.execute(
        "SELECT id, n_actors, n_mentions, n_quotes, n_events FROM articles"
    ).fetchall():
        count = lambda table: conn.execute(  # noqa: E731
            f"SELECT count(*) FROM {table} WHERE article_id = ?", (article_id,)).fetchone()[0]
        assert (count("article_actors"), count("actor_mentions"), count("quotes"), count("event_reports")) == (
            n_actors, n_mentions, n_quotes, n_events)
    # Search stays in step with the articles it indexes.
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    conn.close()

    rerun = subprocess.run(ingest(folder, db, "--json"), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert {a["id"] for a in summary["already_stored"]} == before
    assert len(summary["new"]) == COPIES - len(before)
    conn = sqlite3.connect(db)
    ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
    assert len(ids) == len(set(ids)) == COPIES
    sources = sorted(row[0] for row in conn.execute("SELECT source FROM articles"))
    assert [s.rsplit("/", 1)[-1] for s in sources] == [f"copy_{i:02d}.txt" for i in range(COPIES)]
    conn.close()
