"""An app factory configured from the environment, for ASGI servers and several workers.

``WHOSAID_DB`` (default whosaid.db), ``WHOSAID_WRITE_TOKEN`` (unset: read-only) and
``WHOSAID_CACHE_SIZE`` (quote-search answers kept per worker; 0 turns the cache off).

Example:
    WHOSAID_DB=whosaid.db uvicorn --factory whosaid.api.asgi:app_from_env --workers 2
"""

from __future__ import annotations

import os

from whosaid.api.app import create_app
from whosaid.api.cache import DEFAULT_ENTRIES


def app_from_env():
    """The app over ``$WHOSAID_DB`` (default whosaid.db), writable when ``$WHOSAID_WRITE_TOKEN`` is set."""
    return create_app(os.environ.get("WHOSAID_DB", "whosaid.db"),
                      write_token=os.environ.get("WHOSAID_WRITE_TOKEN") or None,
                      cache_size=int(os.environ.get("WHOSAID_CACHE_SIZE") or DEFAULT_ENTRIES))
