"""Recipients found inside the trigger's phrase (an object's ``against``/``with``/``from``/``by``
phrase, however deep) and a threat's target in its ``if``/``unless`` condition."""

from __future__ import annotations

import pytest

from tests.events.test_event_targets import events_of

#: (where the recipient is, sentence, event type, actor countries, recipient countries)
RECIPIENT_CASES = [
    ("in the object's phrase", "Kenya threatened tough measures against Somalia on Sunday.",
     "THREATEN", {"KEN"}, {"SOM"}),
    ("two phrases down", "Ecuador rejected the latest demands for compensation from Colombia on Monday.",
     "REJECT", {"ECU"}, {"COL"}),
    ("the subject of a threat's condition",
     "Morocco threatened to close its embassy unless Algeria ended its support for the rebels.",
     "THREATEN", {"MAR"}, {"DZA"}),
    ("a noun event's, on its verb", "Kenya has granted political asylum to 12 Ugandan soldiers.",
     "AID", {"KEN"}, {"UGA"}),
]


@pytest.mark.parametrize(
    "text, type_, actor, recipient", [c[1:] for c in RECIPIENT_CASES], ids=[c[0] for c in RECIPIENT_CASES]
)
def test_recipient(pipeline, text, type_, actor, recipient):
    events, countries = events_of(pipeline, text)
    e = next(e for e in events if e.type == type_)
    assert countries(e.actor) == actor and countries(e.recipient) == recipient


def test_a_protest_is_against_whom_its_demand_is_made(pipeline):
    events, countries = events_of(
        pipeline, "Thousands of Syrian Kurds demonstrated in Qamishli on Friday calling for autonomy from Syria.")
    e = next(e for e in events if e.type == "PROTEST")
    assert countries(e.actor) == {"SYR"} and countries(e.recipient) == {"SYR"}
    assert not any(x.type == "REQUEST" for x in events)
