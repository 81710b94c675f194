"""Resolve the dates news text uses against the article's publication date.

A small rule-based resolver for the forms news writes (``on Monday``, ``yesterday``,
``last July``, ``on Nov. 14``, ``in May 2012``, ``November 23, 2015``); ``dateparser``
would do more but is slow, and news forms are few.

Example:
    >>> import datetime as dt
    >>> resolve_date("on Monday", dt.date(2015, 11, 24))
    datetime.date(2015, 11, 23)
    >>> resolve_date("last July", dt.date(2015, 11, 24))
    datetime.date(2015, 7, 1)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_FULL = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b", re.I)
_DAY_FIRST = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b", re.I)
_MONTH_YEAR = re.compile(r"\b(?P<rel>last|next|this)?\s*" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b", re.I)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_WEEKDAY = re.compile(r"\b(?P<rel>last|next|this)?\s*(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_date(text: str, published: dt.date | None) -> dt.date | None:
    """The day (or first day of the month) ``text`` names, read against ``published``; None if none.

    Without a year, a month and day falls in the year before ``published`` when it would
    otherwise lie more than a month after it (news reports the past). A bare weekday is
    the most recent one before the publication day (``on Monday`` in a Tuesday paper is
    yesterday); ``next Monday`` the first one after.
    """
    text = text.strip()
    low = text.lower()
    m = _ISO.search(text)
    if m:
        return _safe(int(m["year"]), int(m["month"]), int(m["day"]))
    if published is not None:
        if re.search(r"\byesterday\b", low):
            return published - dt.timedelta(days=1)
        if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", low):
            return published
        if re.search(r"\btomorrow\b", low):
            return published + dt.timedelta(days=1)
    for pattern in (_FULL, _DAY_FIRST):
        m = pattern.search(text)
        if m:
            month, day = MONTHS[m["month"].lower()], int(m["day"])
            if m["year"]:
                return _safe(int(m["year"]), month, day)
            if published is None:
                return None
            date = _safe(published.year, month, day)
            if date and date > published + dt.timedelta(days=31):
                date = _safe(published.year - 1, month, day)
            return date
    m = _MONTH_YEAR.search(text)
    # a bare "may" is far more often the modal verb than the month
    if m and (m["year"] or published is not None) and (m["month"].lower() != "may" or m["year"] or m["rel"]):
        month = MONTHS[m["month"].lower()]
        if m["year"]:
            return _safe(int(m["year"]), month, 1)
        rel = (m["rel"] or "").lower()
        year = published.year
        if rel == "last" and month >= published.month:
            year -= 1
        elif rel == "next" and month <= published.month:
            year += 1
        elif not rel and month > published.month + 1:
            year -= 1
        return _safe(year, month, 1)
    m = _WEEKDAY.search(text)
    if m and published is not None:
        weekday = WEEKDAYS[m["weekday"].lower()]
        rel = (m["rel"] or "").lower()
        if rel == "next":
            return published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
        back = (published.weekday() - weekday) % 7
        if back == 0 and rel != "this":
            back = 7 if rel == "last" else 0
        return published - dt.timedelta(days=back)
    if published is not None:
        if re.search(r"\blast week\b", low):
            return published - dt.timedelta(days=7)
        if re.search(r"\blast year\b", low):
            return _safe(published.year - 1, 1, 1)
    return None
