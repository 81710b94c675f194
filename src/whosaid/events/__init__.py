"""Events: who did what to whom, PLOVER-typed with CAMEO codes, tied to evidence.

``find_events`` is the pipeline stage (rules in ``whosaid.events.extract``);
``whosaid.events.types`` (also importable as ``whosaid.events.registry``) is the one
registry of event types that the extractor, the store, the exports and the pages read.

Example:
    >>> from whosaid.events import quad_class, cameo_to_plover
    >>> cameo_to_plover("042"), quad_class("CONSULT")
    ('CONSULT', 'verbal cooperation')
"""

from __future__ import annotations

from whosaid.events import types
from whosaid.events import types as registry
from whosaid.events.extract import find_events
from whosaid.events.types import (
    EVENT_TYPES,
    cameo_to_plover,
    event_type,
    goldstein,
    intensity,
    quad_class,
    quad_code,
)

__all__ = ["find_events", "types", "registry", "EVENT_TYPES", "event_type", "cameo_to_plover", "quad_class",
           "quad_code", "goldstein", "intensity"]
