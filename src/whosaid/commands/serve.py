"""``whosaid serve``: the HTTP API and web UI over a whosaid database, on one port."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import click

#: whosaid.api.cache.DEFAULT_ENTRIES, written out so `whosaid --help` need not import FastAPI.
CACHE_SIZE = 1024


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(main: click.Group) -> None:
    @main.command("serve")
    @click.option("--db", default="whosaid.db", show_default=True, type=click.Path(dir_okay=False),
                  help="The database to serve (made by `whosaid ingest`).")
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Address to bind; anything but loopback exposes the database to the network.")
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
    @click.option("--write-token", envvar="WHOSAID_WRITE_TOKEN", default=None, metavar="TOKEN",
                  help="Accept POST /api/articles with 'Authorization: Bearer TOKEN' (or set "
                       "WHOSAID_WRITE_TOKEN). Without it the server is read-only.")
    @click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
                  help="Server processes; one per core serves many concurrent clients faster "
                       "(bench/api_load.py measures --workers 2 on 2 cores).")
    @click.option("--cache-size", default=CACHE_SIZE, show_default=True, type=click.IntRange(0, 1_000_000),
                  help="Quote-search answers each worker keeps in memory until the database changes; "
                       "0 turns the cache off.")
    def serve(db: str, host: str, port: int, write_token: str | None, workers: int, cache_size: int) -> None:
        """Serve the HTTP API (/api, OpenAPI at /openapi.json) and the web UI (/) on one port.

        \b
        Example:
            whosaid ingest samples/ --db whosaid.db
            whosaid serve --db whosaid.db            # then open http://127.0.0.1:8000/
            whosaid serve --db whosaid.db --workers 2   # many concurrent API clients
        """
        import uvicorn

        from whosaid.api import create_app

        if not Path(db).exists():
            raise click.ClickException(f"no database at {db}; make one with `whosaid ingest FILES --db {db}`")
        if not _is_loopback(host):
            click.echo(f"warning: binding {host} makes the database readable from the network", err=True)
        if write_token and len(write_token) < 16:
            raise click.ClickException("the write token must be at least 16 characters")
        mode = "read-write (token required)" if write_token else "read-only"
        click.echo(f"whosaid: serving {db} ({mode}) on http://{host}:{port}/  — API docs at /api/docs", err=True)
        # No access log: a line per request costs more than a cached search.
        if workers == 1:
            uvicorn.run(create_app(db, write_token=write_token, cache_size=cache_size), host=host, port=port,
                        log_level="warning", access_log=False)
            return
        # Several processes need the app as an import string; they read the settings from the environment.
        os.environ["WHOSAID_DB"] = str(Path(db).resolve())
        os.environ["WHOSAID_CACHE_SIZE"] = str(cache_size)
        if write_token:
            os.environ["WHOSAID_WRITE_TOKEN"] = write_token
        uvicorn.run("whosaid.api.asgi:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", access_log=False)
