"""The event type registry: 16 PLOVER types, every CAMEO code typed, quad classes, scores."""

from __future__ import annotations

import pytest

from whosaid.events import types
from whosaid.events.types import UnknownEventType

PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"]


def test_sixteen_types_with_quad_classes():
    assert sorted(types.EVENT_TYPES) == sorted(PLOVER)
    quads = {name: t.quad for name, t in types.EVENT_TYPES.items()}
    assert quads["CONSULT"] == "verbal cooperation"
    assert quads["AID"] == "material cooperation"
    assert quads["ACCUSE"] == "verbal conflict"
    assert quads["ASSAULT"] == "material conflict"
    assert {t.quad_code for t in types.EVENT_TYPES.values()} == {1, 2, 3, 4}
    for t in types.EVENT_TYPES.values():
        assert t.description, t.name
        assert t.cameo, t.name
        # cooperation scores positive, conflict negative (REQUEST: 0 in the manual)
        assert (t.intensity >= 0) == t.quad.endswith("cooperation") or t.name == "REQUEST"


def test_every_cameo_code_from_03_on_maps_to_one_type(tmp_path):
    codes = types.cameo_codes()
    assert len(codes) > 300
    for code, row in codes.items():
        if code[:2] >= "03":
            assert row["plover"] in PLOVER, code
            assert code in types.event_type(row["plover"]).cameo
    # the manual's translation table and our documented choices
    assert types.cameo_to_plover("042") == "CONSULT"
    assert types.cameo_to_plover("112") == "ACCUSE"
    assert types.cameo_to_plover("090") == "ACCUSE"  # INVESTIGATE
    assert types.cameo_to_plover("100") == "REQUEST"  # DEMAND
    assert types.cameo_to_plover("195") == "ASSAULT"  # FIGHT
    assert types.cameo_to_plover("0841") == "RETREAT" and types.cameo_to_plover("083") == "CONCEDE"
    assert types.cameo_to_plover("016") == "REJECT"
    assert types.cameo_to_plover("010") is None  # plain statements are not events


def test_lookups():
    assert types.event_type("consult").name == "CONSULT"
    assert types.intensity("CONSULT", "visit") == 4.0
    assert types.goldstein("190") == -10.0
    assert types.goldstein("1234567") is None or isinstance(types.goldstein("1234567"), float)
    assert types.cameo_name("051") == "Praise or endorse"
    with pytest.raises(UnknownEventType):
        types.event_type("GOSSIP")


def test_triggers_name_typed_codes():
    triggers = types.triggers()
    for lemma in ("accuse", "meet", "praise", "dismiss", "agree", "threaten", "arrest", "attack"):
        assert types.cameo_to_plover(triggers[lemma]["cameo"]), lemma
    assert types.cameo_to_plover(triggers["dismiss"]["cameo"]) == "REJECT"


def test_store_and_pages_read_the_same_registry():
    import whosaid.events as events
    from whosaid.events import registry

    assert events.quad_class("SANCTION") == "material conflict"
    assert sorted(registry.EVENT_TYPES) == sorted(PLOVER)
