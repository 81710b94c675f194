"""Browser-test fixtures: the app served by uvicorn on loopback, and Debian's headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
# Every run saves its screenshots to tests/artifacts/; the README's copies in
# docs/screenshots/ are refreshed only on request (WHOSAID_UPDATE_SCREENSHOTS=1),
# so a test run leaves the work tree clean.
SCREENSHOTS = [ROOT / "tests" / "artifacts"] + (
    [ROOT / "docs" / "screenshots"] if os.environ.get("WHOSAID_UPDATE_SCREENSHOTS") == "1" else []
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(samples_db, tmp_path_factory):
    """The whosaid app over a copy of the samples database, served on 127.0.0.1:<free port>."""
    import uvicorn

    from whosaid.api import create_app

    db = tmp_path_factory.mktemp("live") / "whosaid.db"
    shutil.copy(samples_db, db)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium: run `make browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1366, "height": 800}, base_url=live_server)
    # Nothing may load from the internet: fail any request that leaves loopback.
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(live_server) or url.startswith("data:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    yield p
    context.close()
    assert not outside, f"the page tried to load from outside: {outside}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture()
def screenshot(page):
    def save(name: str) -> None:
        for folder in SCREENSHOTS:
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / f"{name}.png"), full_page=False)

    return save
