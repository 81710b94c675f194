"""Query parameters shared by the API routes and the web pages.

The dependencies are ``async def`` on purpose: they only check values, and FastAPI
runs a plain ``def`` dependency on the thread pool — a thread hop per parameter
group per request, which dominated the cost of a quote search under load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from fastapi import Query
from pydantic import BaseModel, Field

from whosaid.api.errors import APIError

#: The largest page a client may ask for; larger gets a 422 saying so.
MAX_LIMIT = 200
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class DateRange:
    """``since``/``until`` as ISO date strings (inclusive) or None."""

    since: str | None = None
    until: str | None = None

    @classmethod
    def of(cls, since: dt.date | None, until: dt.date | None) -> DateRange:
        if since and until and since > until:
            raise APIError(
                422, "invalid-parameter", f"since ({since}) is after until ({until})",
                [{"parameter": "since", "message": "must not be after until", "input": since.isoformat()}],
            )
        return cls(since.isoformat() if since else None, until.isoformat() if until else None)


async def date_range(
    since: dt.date | None = Query(None, description="Earliest date, YYYY-MM-DD (inclusive)"),
    until: dt.date | None = Query(None, description="Latest date, YYYY-MM-DD (inclusive)"),
) -> DateRange:
    """``since``/``until`` as ISO dates (YYYY-MM-DD); since must not be after until."""
    return DateRange.of(since, until)


def _form_date(value: str | None, name: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise APIError(422, "invalid-parameter", f"{name} must be a date as YYYY-MM-DD, not {value!r}",
                       [{"parameter": name, "message": "not a date", "input": value}]) from None


async def form_date_range(
    since: str | None = Query(None, max_length=40),
    until: str | None = Query(None, max_length=40),
) -> DateRange:
    """``since``/``until`` from an HTML form, where an empty field means no limit."""
    return DateRange.of(_form_date(since, "since"), _form_date(until, "until"))


class QuoteFilters(BaseModel):
    """The query parameters of ``GET /api/quotes``, validated as one model.

    One model instead of a parameter list and sub-dependencies: FastAPI then solves
    one dependency per request instead of six, which was a fifth of the cost of a
    quote search served over HTTP. The OpenAPI document lists each field as a
    query parameter, as before.
    """

    speaker: str | None = Field(None, max_length=200, description="Speaker: actor id or name")
    addressee: str | None = Field(None, max_length=200, description="Addressee: actor id or name")
    about: str | None = Field(None, max_length=200, description="An actor mentioned in the quote")
    search: str | None = Field(None, max_length=200, description="Words to find; any characters are safe")
    since: dt.date | None = Field(None, description="Earliest date, YYYY-MM-DD (inclusive)")
    until: dt.date | None = Field(None, description="Latest date, YYYY-MM-DD (inclusive)")
    article: str | None = Field(None, max_length=200, description="Only quotes of this article id")
    kind: Literal["direct", "indirect", "mixed"] | None = None
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}")
    cursor: str | None = Field(None, max_length=500, description="Opaque cursor from `next_cursor`")

    def store_filters(self) -> dict:
        """The keyword arguments of ``Store.quotes`` (dates checked, search trimmed)."""
        dates = DateRange.of(self.since, self.until)
        search = (self.search.strip() or None) if self.search is not None else None
        return dict(speaker=self.speaker, addressee=self.addressee, about=self.about, search=search,
                    since=dates.since, until=dates.until, article=self.article, kind=self.kind,
                    limit=self.limit, cursor=self.cursor)
