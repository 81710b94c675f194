"""HTTP API and the app that serves it with the web UI: ``create_app(db)``, run by ``whosaid serve``.

Why FastAPI (with uvicorn): it writes the OpenAPI schema from the route signatures,
so the documented API cannot drift from the served one; it validates query
parameters (dates, page sizes, enums) before our code runs, giving clear 422s;
its ``TestClient`` tests the API in-process without a socket; and one process
serves both the JSON API and the server-rendered Jinja2 UI, so ``whosaid serve``
is a single command with no front-end build step. Both are already dependencies.

Example:
    >>> from whosaid.api import create_app          # doctest: +SKIP
    >>> app = create_app("whosaid.db")              # doctest: +SKIP
"""

from whosaid.api.app import MAX_LIMIT, create_app

__all__ = ["MAX_LIMIT", "create_app"]
