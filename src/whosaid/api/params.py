"""Query parameters shared by the API routes and the web pages.

The dependencies are ``async def`` on purpose: they only check values, and FastAPI
runs a plain ``def`` dependency on the thread pool — a thread hop per parameter
group per request, which dominated the cost of a quote search under load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi import Query

from whosaid.api.errors import APIError


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
