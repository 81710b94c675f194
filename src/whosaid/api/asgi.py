"""An app factory configured from the environment, for ASGI servers and several workers.

Example:
    WHOSAID_DB=whosaid.db uvicorn --factory whosaid.api.asgi:app_from_env --workers 2
"""

from __future__ import annotations

import os

from whosaid.api.app import create_app


def app_from_env():
    """The app over ``$WHOSAID_DB`` (default whosaid.db), writable when ``$WHOSAID_WRITE_TOKEN`` is set."""
    return create_app(os.environ.get("WHOSAID_DB", "whosaid.db"),
                      write_token=os.environ.get("WHOSAID_WRITE_TOKEN") or None)
