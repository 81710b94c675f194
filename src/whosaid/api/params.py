"""Query parameters shared by the API routes and the web pages."""

from __future__ import annotations

import datetime as dt

from fastapi import Query

from whosaid.api.errors import APIError


class DateRange:
    """``since``/``until`` as ISO dates (YYYY-MM-DD), inclusive; since must not be after until."""

    def __init__(
        self,
        since: dt.date | None = Query(None, description="Earliest date, YYYY-MM-DD (inclusive)"),
        until: dt.date | None = Query(None, description="Latest date, YYYY-MM-DD (inclusive)"),
    ):
        if since and until and since > until:
            raise APIError(
                422, "invalid-parameter", f"since ({since}) is after until ({until})",
                [{"parameter": "since", "message": "must not be after until", "input": since.isoformat()}],
            )
        self.since = since.isoformat() if since else None
        self.until = until.isoformat() if until else None


def _form_date(value: str | None, name: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise APIError(422, "invalid-parameter", f"{name} must be a date as YYYY-MM-DD, not {value!r}",
                       [{"parameter": name, "message": "not a date", "input": value}]) from None


class FormDateRange(DateRange):
    """``since``/``until`` from an HTML form, where an empty field means no limit."""

    def __init__(
        self,
        since: str | None = Query(None, max_length=40),
        until: str | None = Query(None, max_length=40),
    ):
        super().__init__(_form_date(since, "since"), _form_date(until, "until"))
