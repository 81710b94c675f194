"""The evaluation gate: whosaid's quote scores may not fall below the floors pinned in bench/floors.json.

Each gold subset's floors were measured on files whose checksum is pinned beside
them; if the gold changes, the floors must be re-measured (not silently kept).
Floors may only be raised. To re-measure after an improvement:

    .venv/bin/python tests/evaluation/test_gate.py            # print scores vs floors
    .venv/bin/python tests/evaluation/test_gate.py --raise    # raise floors that are now beaten

``--raise`` never lowers a floor; lowering one means editing bench/floors.json by
hand and saying why in the commit.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

from whosaid.evaluation import evaluate
from whosaid.evaluation.gold import checksum, polnear_files

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "bench" / "floors.json"
FAST_SUBSETS = ("seed", "polnear-dev-12")
#: Scores rounded down by this much below what was measured when a floor is set.
MARGIN = 0.01


def load_floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def subset_files(spec: dict) -> list[Path]:
    """The gold files a subset's scores depend on (what its checksum covers)."""
    gold = ROOT / spec["gold"]
    if gold.is_dir():
        pairs = polnear_files(gold, spec.get("annotator", "all"), spec.get("limit"))
        return sorted({p for pair in pairs for p in pair})
    data = json.loads(gold.read_text(encoding="utf-8"))
    return [gold, gold.parent / data["text_file"]]


def measure(spec: dict, pipeline) -> dict[str, float]:
    """whosaid's overall quote scores on a subset (None counts as 0: nothing found)."""
    result = evaluate(
        ROOT / spec["gold"],
        systems=("whosaid",),
        annotator=spec.get("annotator", "all"),
        limit=spec.get("limit"),
        pipeline=pipeline,
    )
    overall = result["systems"]["whosaid"]["quotes"]["overall"]
    return {key: overall.get(key) or 0.0 for key in spec["floors"]}


def below_floors(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    return [f"{k}: {scores[k]:.4f} < floor {v}" for k, v in floors.items() if scores[k] < v]


@pytest.fixture(scope="module")
def floors() -> dict:
    return load_floors()


def test_floors_file_says_floors_only_rise(floors):
    assert "never lowered" in floors["comment"]
    for name, spec in floors["subsets"].items():
        for key, value in spec["floors"].items():
            assert 0.0 <= value <= 1.0, f"{name}.{key}"


@pytest.mark.parametrize("name", [*FAST_SUBSETS, "polnear-dev"])
def test_gold_subset_is_the_one_floors_were_measured_on(floors, name):
    spec = floors["subsets"][name]
    files = subset_files(spec)
    assert len(files) == spec["files"], f"{name}: {len(files)} gold files, floors measured on {spec['files']}"
    assert checksum(files) == spec["checksum"], (
        f"{name}: the gold changed since the floors were measured; re-measure them "
        "(python tests/evaluation/test_gate.py) and say why in the commit"
    )


@pytest.mark.parametrize("name", FAST_SUBSETS)
def test_scores_at_or_above_floors(floors, pipeline, name):
    spec = floors["subsets"][name]
    failures = below_floors(measure(spec, pipeline), spec["floors"])
    assert not failures, f"{name} fell below its floors: " + "; ".join(failures)


@pytest.mark.slow
def test_full_polnear_dev_at_or_above_floors(floors, pipeline):
    spec = floors["subsets"]["polnear-dev"]
    failures = below_floors(measure(spec, pipeline), spec["floors"])
    assert not failures, "full PolNeAR dev fell below its floors: " + "; ".join(failures)


def _floor(score: float) -> float:
    return max(0.0, math.floor((score - MARGIN) * 100) / 100)


def main(argv: list[str]) -> None:
    """Print measured scores against the floors; with --raise, raise floors the system now beats."""
    import datetime as dt

    from whosaid.pipeline import Pipeline

    raise_floors = "--raise" in argv
    data = load_floors()
    pipeline = Pipeline("md")
    for name, spec in data["subsets"].items():
        files = subset_files(spec)
        digest = checksum(files)
        scores = measure(spec, pipeline)
        changed = digest != spec["checksum"] or len(files) != spec["files"]
        for key, floor in spec["floors"].items():
            new = _floor(scores[key])
            mark = "  raise" if new > floor else ("  BELOW" if scores[key] < floor else "")
            print(f"{name:15} {key:18} measured {scores[key]:.4f}  floor {floor:.2f}{mark}")
            if raise_floors and (new > floor or changed):
                spec["floors"][key] = max(new, floor) if not changed else new
        if raise_floors:
            spec["measured"] = {k: round(v, 4) for k, v in scores.items()}
            spec["checksum"], spec["files"] = digest, len(files)
    if raise_floors:
        data["measured_at"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="minutes")
        FLOORS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {FLOORS}")


if __name__ == "__main__":
    main(sys.argv[1:])
