"""Throughput and memory of the whosaid pipeline, measured in one run, printed as ratios.

Each configuration runs in its own subprocess so that its peak memory (max RSS)
is its own. Compared side by side on the same articles: the first 200 PolNeAR
articles (dev, then train, by file name) from ``../shared/eval/polnear``, or, where
that is missing (``--articles samples``), the bundled samples repeated:

- bare spaCy parse (``nlp.pipe``) with the md and sm pipelines: the floor any
  spaCy-based system pays;
- the full whosaid analysis (actors, quotes, events) with md and sm;
- the full ingest into a fresh SQLite database (md), when the store is there.

The headline ratio is issue 4's target: what everything after the parse (actors,
quotes, events) costs on top of the parse. It is measured inside the whosaid run, the
parse and the stages timed apart batch by batch, because the separate processes'
times drift by several seconds between runs on a shared machine; the separate-process
ratio (whosaid against bare spaCy) is printed too.

Usage: ``python bench/throughput.py [--articles polnear|samples] [--count 200] [--repeat 3] [--json]``
(``make bench``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear"


def _texts(articles: str, count: int, repeat: int) -> list[str]:
    if articles == "polnear":
        files = [p for split in ("dev", "train") for p in sorted((POLNEAR / split / "text").glob("*.txt"))]
        return [p.read_text(encoding="utf-8") for p in files[:count]]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    # A distinct suffix per copy keeps article ids distinct, so nothing is deduplicated.
    return [f"{t}\n\n(copy {i})" for i in range(repeat) for t in texts]


def _run_config(config: str, texts: list[str]) -> dict:
    from whosaid.ingest import article_from_string
    from whosaid.nlp import load_model

    chars = sum(len(t) for t in texts)
    model = "sm" if config.endswith("sm") else "md"
    t0 = time.perf_counter()
    if config.startswith("spacy"):
        nlp = load_model(model)
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=8):
            pass
    elif config.startswith("whosaid"):
        from whosaid.pipeline import Pipeline

        from whosaid.nlp.parse import parse_many

        pipeline = Pipeline(model)
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        articles = [article_from_string(t, source=f"bench-{i}", format="txt") for i, t in enumerate(texts)]
        # The pipeline's own loop (Pipeline.analyse_many), with the parse and the stages after
        # it timed apart: their ratio is measured under the same conditions, in one process.
        parse_s = stages_s = 0.0
        for i in range(0, len(articles), 8):
            t = time.perf_counter()
            parsed = list(parse_many(pipeline.nlp, articles[i:i + 8]))
            parse_s += time.perf_counter() - t
            t = time.perf_counter()
            for doc, article in parsed:
                pipeline.analyse_doc(doc, article)
            stages_s += time.perf_counter() - t
    elif config.startswith("ingest"):
        load = 0.0
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for i, t in enumerate(texts):
                (folder / f"a{i:04d}.txt").write_text(t, encoding="utf-8")
            t1 = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "whosaid", "ingest", str(folder), "--db", str(Path(tmp) / "b.db"),
                 "--model", model],
                check=False, capture_output=True, text=True,
            )
            if done.returncode not in (0, 1):  # 1 = some inputs rejected, still measured
                raise SystemExit(f"ingest failed ({done.returncode}): {done.stderr[-1000:]}")
    else:
        raise SystemExit(f"unknown config {config}")
    seconds = time.perf_counter() - t1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if config.startswith("ingest"):
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    split = {"parse_s": round(parse_s, 2), "stages_s": round(stages_s, 2)} if config.startswith("whosaid") else {}
    return {
        **split,
        "config": config,
        "articles": len(texts),
        "chars": chars,
        "load_s": round(load, 2),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(texts) / seconds, 2),
        "chars_per_s": round(chars / seconds),
        "peak_rss_mb": round(peak / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", choices=("polnear", "samples"),
                        default="polnear" if POLNEAR.is_dir() else "samples",
                        help="PolNeAR articles from ../shared (default when present) or the bundled samples")
    parser.add_argument("--count", type=int, default=200, help="PolNeAR articles to use (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="copies of the 21 samples (default 3)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--config", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.config:
        print(json.dumps(_run_config(args.config, _texts(args.articles, args.count, args.repeat))))
        return
    print(f"articles: {args.articles}", file=sys.stderr)
    configs = ["spacy-md", "spacy-sm", "whosaid-md", "whosaid-sm", "ingest-md"]
    results = {}
    for config in configs:
        out = subprocess.run(
            [sys.executable, __file__, "--config", config, "--articles", args.articles,
             "--count", str(args.count), "--repeat", str(args.repeat)],
            capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        if out.returncode != 0:
            print(f"{config}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
            continue
        results[config] = json.loads(out.stdout.strip().splitlines()[-1])
    ratios = {}
    for config in ("whosaid-md", "whosaid-sm"):
        if config in results:
            r = results[config]
            ratios[f"{config}: actors + quotes + events on top of its own parse, same process (target <= 25%)"] = \
                f"{r['stages_s'] / r['parse_s']:.1%}"
    if "whosaid-md" in results and "spacy-md" in results:
        extra = results["whosaid-md"]["seconds"] / results["spacy-md"]["seconds"] - 1
        ratios["whosaid md on top of bare spaCy md, separate processes"] = f"{extra:.1%}"
        ratios["whosaid_md / spacy_md time"] = round(results["whosaid-md"]["seconds"] / results["spacy-md"]["seconds"], 2)
        ratios["whosaid_md / spacy_md peak memory"] = round(
            results["whosaid-md"]["peak_rss_mb"] / results["spacy-md"]["peak_rss_mb"], 2)
    if "whosaid-sm" in results and "whosaid-md" in results:
        ratios["whosaid_md / whosaid_sm time"] = round(results["whosaid-md"]["seconds"] / results["whosaid-sm"]["seconds"], 2)
    if "ingest-md" in results and "whosaid-md" in results:
        ratios["ingest_md / whosaid_md time (store + process start)"] = round(
            results["ingest-md"]["seconds"] / results["whosaid-md"]["seconds"], 2)
    if args.json:
        print(json.dumps({"results": results, "ratios": ratios}, indent=2))
        return
    cols = ["config", "articles", "chars", "load_s", "seconds", "articles_per_s", "chars_per_s", "peak_rss_mb"]
    print("\t".join(cols))
    for r in results.values():
        print("\t".join(str(r[c]) for c in cols))
    print()
    for name, value in ratios.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
