"""The whosaid error hierarchy: every error carries a code and the context it concerns.

Codes are stable: the CLI prints them, the HTTP API returns them in its one error
shape, and ``Rejected.code`` stores them for inputs that could not be analysed.

Example:
    >>> raise InputRejected("empty", "the file is empty", source="a.txt")
    Traceback (most recent call last):
    ...
    whosaid.errors.InputRejected: [empty] a.txt: the file is empty
"""

from __future__ import annotations

#: Reasons an input is rejected; stored in ``rejected.code``.
REJECT_CODES = {
    "empty": "the input holds no text",
    "binary": "the input is binary, not text",
    "too-large": "the input is larger than the size limit",
    "undecodable": "the input's bytes are not text in any encoding tried",
    "truncated": "the input is cut short (a compressed or structured file ends early)",
    "not-english": "the text is not in English",
    "parse-error": "the input could not be parsed in its format",
    "no-article": "no article text could be extracted",
    "unsupported": "the input's format is not supported",
    "unreadable": "the input could not be read",
    "failed": "analysis failed unexpectedly",
}


class WhosaidError(Exception):
    """Base of every error whosaid raises on purpose."""

    code = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"

    def to_dict(self) -> dict:
        return {"error": {"code": self.code, "message": self.message}}


class InputRejected(WhosaidError):
    """An input that cannot become an article; the batch records it and goes on."""

    def __init__(self, code: str, reason: str, source: str = ""):
        if code not in REJECT_CODES:
            raise ValueError(f"unknown reject code {code!r}")
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.reason}"


class ModelError(WhosaidError):
    """The spaCy pipeline is missing or is not the one whosaid was built for."""

    code = "model"


class StoreError(WhosaidError):
    """The database cannot be opened, migrated or written."""

    code = "store"


class NotFound(WhosaidError):
    """A thing asked for by id or name does not exist."""

    code = "not-found"

    def __init__(self, kind: str, key: str):
        super().__init__(f"no {kind} {key!r}")
        self.kind = kind
        self.key = key


class ArticleNotFound(NotFound):
    def __init__(self, article_id: str):
        super().__init__("article", article_id)


class ActorNotFound(NotFound):
    def __init__(self, name: str):
        super().__init__("actor", name)


class UsageError(WhosaidError):
    """A request or command whose parameters are wrong."""

    code = "usage"
