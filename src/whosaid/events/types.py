"""The one registry of event types: the 16 PLOVER types and the CAMEO codes under each.

Built from the PLOVER manual and CAMEO tables by ``scripts/build_event_types.py`` into
``whosaid/data/event_types.json``; the extractor, the exports, the store and the web
pages all read it here.

Example:
    >>> cameo_to_plover("112")
    'ACCUSE'
    >>> quad_class("ACCUSE")
    'verbal conflict'
    >>> goldstein("112")
    -2.0
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from whosaid.errors import WhosaidError

__all__ = ["EventType", "EVENT_TYPES", "event_type", "cameo_to_plover", "cameo_name", "quad_class",
           "quad_code", "goldstein", "intensity", "triggers", "cameo_codes"]


@dataclass(frozen=True, slots=True)
class EventType:
    """One PLOVER event type as the manual defines it."""

    name: str
    quad: str
    quad_code: int
    intensity: float | None
    modes: dict[str, float]
    requires_recipient: bool
    description: str
    cameo: tuple[str, ...]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("whosaid").joinpath("data", "event_types.json").read_text(encoding="utf-8")
    return json.loads(text)


def _types() -> dict[str, EventType]:
    return {
        name: EventType(name=name, quad=t["quad"], quad_code=t["quad_code"], intensity=t["intensity"],
                        modes=dict(t["modes"]), requires_recipient=t["requires_recipient"],
                        description=t["description"], cameo=tuple(t["cameo"]))
        for name, t in _data()["types"].items()
    }


#: PLOVER type name -> EventType, in the manual's order (quad by quad).
EVENT_TYPES: dict[str, EventType] = _types()


class UnknownEventType(WhosaidError, KeyError):
    """A name that is not one of the 16 PLOVER types."""

    code = "unknown-event-type"


def event_type(name: str) -> EventType:
    """The PLOVER type called ``name`` (case-insensitive)."""
    try:
        return EVENT_TYPES[name.strip().upper()]
    except KeyError:
        raise UnknownEventType(f"{name!r} is not a PLOVER event type ({', '.join(EVENT_TYPES)})") from None


def cameo_codes() -> dict[str, dict[str, Any]]:
    """Every CAMEO code: name, Goldstein score, PLOVER type (None for plain statements), mode, context."""
    return _data()["cameo"]


def cameo_to_plover(code: str) -> str | None:
    """The PLOVER type of a CAMEO code, falling back to its parent codes; None for statements (01x)."""
    codes = cameo_codes()
    code = str(code).strip()
    while code:
        row = codes.get(code)
        if row is not None and row["plover"]:
            return row["plover"]
        if row is not None and len(code) <= 3:
            return None
        code = code[:-1]
    return None


def cameo_name(code: str) -> str | None:
    row = cameo_codes().get(str(code))
    return row["name"] if row else None


def cameo_mode(code: str) -> str | None:
    row = cameo_codes().get(str(code))
    return row["mode"] if row else None


def quad_class(name: str) -> str:
    """"verbal cooperation", "material cooperation", "verbal conflict" or "material conflict"."""
    return event_type(name).quad


def quad_code(name: str) -> int:
    """The PLOVER/GDELT QuadClass number, 1-4."""
    return event_type(name).quad_code


def goldstein(code: str) -> float | None:
    """The CAMEO Goldstein score (-10 conflict .. +10 cooperation) of a code or its parent."""
    codes = cameo_codes()
    code = str(code)
    while code:
        row = codes.get(code)
        if row is not None and row["goldstein"] is not None:
            return row["goldstein"]
        code = code[:-1]
    return None


def intensity(name: str, mode: str | None = None) -> float | None:
    """The PLOVER score of a type, or of one of its modes when the manual scores it."""
    t = event_type(name)
    if mode and mode.lower() in t.modes:
        return t.modes[mode.lower()]
    return t.intensity


def triggers() -> dict[str, dict[str, Any]]:
    """Trigger words: lemma -> {"pos": "v" or "n", "cameo": code, "mode"?, "from": "hand" or "cameo-name"}."""
    return _data()["triggers"]
