"""``whosaid serve``: one process on loopback serving the UI and the API, read-only by default."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_on_loopback_read_only(samples_db):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "whosaid", "serve", "--db", str(samples_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                r = httpx.get(base + "/api/stats", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise AssertionError("whosaid serve did not start: " + proc.stderr.read())
        assert r.status_code == 200 and r.json()["articles"] > 0
        assert "whosaid" in httpx.get(base + "/").text
        assert httpx.get(base + "/openapi.json").json()["info"]["title"] == "whosaid"
        r = httpx.post(base + "/api/articles", content="Some text.", headers={"Authorization": "Bearer x"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "read-only"
    finally:
        proc.terminate()
        proc.wait(10)


def test_serve_refuses_a_missing_database_and_a_short_token(tmp_path):
    from click.testing import CliRunner

    from whosaid.cli import main

    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code != 0 and "no database" in r.output
    db = tmp_path / "x.db"
    db.touch()
    r = CliRunner().invoke(main, ["serve", "--db", str(db), "--write-token", "short"])
    assert r.exit_code != 0 and "at least 16" in r.output


def test_serve_cache_default_is_the_apps():
    from whosaid.api.cache import DEFAULT_ENTRIES
    from whosaid.commands.serve import CACHE_SIZE

    assert CACHE_SIZE == DEFAULT_ENTRIES
