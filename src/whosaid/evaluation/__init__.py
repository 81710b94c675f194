"""Evaluation: score whosaid (and peer systems) against gold quotations, actors and events.

``evaluate`` reads one gold set — a PolNeAR folder, a seed-style ``gold.json`` or a
PLOVER records file — runs the systems over its articles and returns the scores
defined in ``../shared/eval/README.md`` as a plain dict (``report`` prints it).

Example:
    >>> result = evaluate("../shared/eval/seed/gold.json", systems=("whosaid",))  # doctest: +SKIP
    >>> result["systems"]["whosaid"]["quotes"]["overall"]["f1_50"]                # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import signal
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from whosaid.errors import WhosaidError
from whosaid.evaluation.gold import GoldDoc, is_polnear, read_polnear, read_seed
from whosaid.evaluation.peers import PEERS, textacy_analysis
from whosaid.evaluation.quotes import QuoteScorer, annotator_agreement
from whosaid.records import Analysis, Article

log = logging.getLogger(__name__)

SYSTEMS = ("whosaid", *PEERS)
KIND_NOTE = (
    "PolNeAR has no quote-kind label: kind is derived from the gold content "
    "(quotation marks around all of it = direct, a quoted fragment = mixed, none = indirect)"
)

#: Seconds whosaid may spend on one article before it counts as failed.
DEFAULT_TIMEOUT = 300.0

#: ``progress(done, total, label)`` is called after each article.
Progress = Callable[[int, int, str], None]


class GoldError(WhosaidError):
    """Gold data that cannot be scored: unknown format, or text that ingest changed."""

    code = "gold"


def gold_format(path: str | Path) -> str:
    """``polnear``, ``seed`` or ``plover``: what kind of gold a path holds."""
    path = Path(path)
    if is_polnear(path):
        return "polnear"
    if path.is_file() and path.suffix == ".json":
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (ValueError, UnicodeDecodeError) as exc:
            raise GoldError(f"{path}: not readable as JSON ({exc})") from exc
        if isinstance(data, dict) and "quotes" in data and "text_file" in data:
            return "seed"
        if isinstance(data, list) and any(isinstance(r, dict) and "event" in r for r in data[:5]):
            return "plover"
    raise GoldError(
        f"{path}: not a PolNeAR folder (text/ + attributions/), "
        "a seed gold.json or a PLOVER records file"
    )


def optional_scorer(module: str, name: str) -> Callable[..., dict] | None:
    """A scoring function another engineer owns, or None when it is not there yet."""
    try:
        mod = importlib.import_module(f"whosaid.evaluation.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"whosaid.evaluation.{module}":
            raise
        return None
    return getattr(mod, name, None)


def _call_optional(module: str, name: str, *args: Any) -> dict[str, Any]:
    fn = optional_scorer(module, name)
    if fn is None:
        return {"available": False, "note": f"{module} scoring ({name}) is not available yet"}
    try:
        return {"available": True, **fn(*args)}
    except Exception as exc:  # noqa: BLE001 - someone else's scorer must not hide the quote scores
        log.exception("%s.%s failed", module, name)
        return {"available": True, "error": f"{type(exc).__name__}: {exc}"}


def load_article(text: str, source: str) -> Article:
    """The Article ingest makes of a gold text; fails loudly if ingest changed the text.

    Gold offsets index the text as it is: a changed text would shift every one.
    """
    from whosaid.ingest import article_from_string

    article = article_from_string(text, source=source, format="txt")
    if article.text != text:
        shorter = min(len(article.text), len(text))
        at = next((i for i, (a, b) in enumerate(zip(article.text, text)) if a != b), shorter)
        raise GoldError(
            f"{source}: ingest changed the article text (first difference at character {at}: "
            f"{article.text[at:at + 20]!r} vs gold {text[at:at + 20]!r}); "
            "gold offsets would not hold"
        )
    return article


def _gold_article(text: str, source: str) -> tuple[Article, str | None]:
    """The gold text as ingest makes it, or a bare Article with ingest's reason for refusing it."""
    from whosaid.errors import InputRejected
    from whosaid.ingest import article_id

    try:
        return load_article(text, source), None
    except InputRejected as exc:
        return Article(id=article_id(text), source=source, text=text), str(exc)


class ArticleTimeout(Exception):
    """An article took longer than the evaluation's per-article limit."""


@contextlib.contextmanager
def _time_limit(seconds: float | None):
    """Raise ArticleTimeout after ``seconds`` (main thread on Unix only; elsewhere no limit).

    One article that sends a stage into a loop must not hang a whole evaluation or
    the test gate: it becomes a failed article with its reason.
    """
    in_main = threading.current_thread() is threading.main_thread()
    usable = seconds and hasattr(signal, "SIGALRM") and in_main
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout(f"analysis took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Systems:
    """Runs the systems under evaluation on one article; whosaid via ``Pipeline.analyse``."""

    def __init__(self, names: Sequence[str], pipeline, timeout: float | None = None):
        unknown = [n for n in names if n not in SYSTEMS]
        if unknown:
            raise GoldError(f"unknown system {unknown[0]!r}; choose from {', '.join(SYSTEMS)}")
        self.names = tuple(names)
        self.pipeline = pipeline
        self.failures: dict[str, list[str]] = {n: [] for n in names}
        self.timeout = timeout

    def run(self, article: Article, rejected: str | None = None) -> dict[str, Analysis]:
        """Each system's analysis; a failure is recorded and counts as zero predictions.

        ``rejected`` is ingest's reason when it refused the gold text: whosaid then
        has nothing to analyse, while peers still get the raw text.
        """
        from whosaid.nlp.parse import parse

        out = {}
        doc = None
        for name in self.names:
            try:
                if name == "whosaid" and rejected:
                    raise RuntimeError(f"ingest rejected the article: {rejected}")
                if name == "whosaid":
                    with _time_limit(self.timeout):
                        out[name] = self.pipeline.analyse(article)
                else:
                    doc = doc if doc is not None else parse(self.pipeline.nlp, article)
                    out[name] = textacy_analysis(doc, article)
            except Exception as exc:  # noqa: BLE001 - counted and reported per system
                log.debug("%s failed on %s: %s", name, article.source, exc)
                reason = f"{Path(article.source).name}: {type(exc).__name__}: {exc}"
                self.failures[name].append(reason)
                out[name] = Analysis(article=article)
        return out


def evaluate(
    gold_path: str | Path,
    systems: Sequence[str] = ("whosaid",),
    model: str = "md",
    annotator: str = "all",
    limit: int | None = None,
    pipeline=None,
    progress: Progress | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> dict[str, Any]:
    """Score the systems on one gold set; the result is plain data (see docs/evaluation.md).

    ``timeout`` limits whosaid's analysis of one article, in seconds: an article
    over the limit counts as a failure (no predictions), with its reason.
    """
    started = time.perf_counter()
    fmt = gold_format(gold_path)
    if pipeline is None:
        from whosaid.pipeline import Pipeline

        pipeline = Pipeline(model)
    result: dict[str, Any] = {
        "corpus": str(gold_path),
        "format": fmt,
        "model": getattr(pipeline, "model", model),
        "systems": {},
    }
    if fmt == "polnear":
        result.update(
            _evaluate_polnear(gold_path, systems, pipeline, annotator, limit, progress, timeout)
        )
    elif fmt == "seed":
        result.update(_evaluate_seed(gold_path, systems, pipeline, progress, timeout))
    else:
        result.update(_evaluate_plover(gold_path, pipeline))
    result["wall_time_s"] = round(time.perf_counter() - started, 2)
    return result


def _evaluate_polnear(
    folder, systems, pipeline, annotator, limit, progress, timeout
) -> dict[str, Any]:
    docs = read_polnear(folder, annotator=annotator, limit=limit)
    by_article: dict[str, list[GoldDoc]] = {}
    for d in docs:
        by_article.setdefault(d.path or d.id, []).append(d)
    runner = Systems(systems, pipeline, timeout)
    scorers = {n: QuoteScorer() for n in systems}
    # Scores over the articles a system did not refuse (textacy refuses odd quote counts).
    processed = {n: QuoteScorer() for n in systems}
    whosaid_docs: list[GoldDoc] = []
    whosaid_analyses: list[Analysis] = []
    for i, (path, golds) in enumerate(by_article.items(), start=1):
        article, rejected = _gold_article(golds[0].text, path)
        failed_before = {n: len(f) for n, f in runner.failures.items()}
        analyses = runner.run(article, rejected)
        for name, analysis in analyses.items():
            refused = len(runner.failures[name]) > failed_before[name]
            for gold in golds:
                scorers[name].score_polnear(gold, analysis)
                if not refused:
                    processed[name].score_polnear(gold, analysis)
        if "whosaid" in analyses:
            whosaid_docs.extend(golds)
            whosaid_analyses.extend([analyses["whosaid"]] * len(golds))
        if progress:
            progress(i, len(by_article), Path(path).name)
    out: dict[str, Any] = {
        "annotator": annotator,
        "annotator_note": (
            "every annotation file scored separately (articles annotated twice count twice)"
            if annotator == "all"
            else "one annotation file per article: the alphabetically first annotator"
        ),
        "articles": len(by_article),
        "docs": len(docs),
        "gold_quotes": sum(len(d.attributions) for d in docs),
        "kind_note": KIND_NOTE,
        "systems": {},
    }
    agreement = annotator_agreement(docs)
    if agreement["articles"]:
        out["agreement"] = {"articles": agreement["articles"], **agreement["overall"]}
    for name in systems:
        sys_result = _system_result(scorers[name], runner.failures[name])
        if runner.failures[name]:
            sys_result["quotes_processed_docs_only"] = processed[name].result()["overall"]
        if name == "whosaid":
            sys_result["speaker_resolution"] = _call_optional(
                "actors", "score_speaker_resolution", whosaid_docs, whosaid_analyses
            )
        out["systems"][name] = sys_result
    return out


def _evaluate_seed(path, systems, pipeline, progress, timeout) -> dict[str, Any]:
    gold = read_seed(path)
    article, rejected = _gold_article(gold["text"], gold["path"])
    runner = Systems(systems, pipeline, timeout)
    analyses = runner.run(article, rejected)
    if progress:
        progress(1, 1, Path(gold["path"]).name)
    out: dict[str, Any] = {
        "articles": 1,
        "docs": 1,
        "gold_quotes": len(gold.get("quotes", [])),
        "systems": {},
    }
    for name, analysis in analyses.items():
        scorer = QuoteScorer()
        scorer.score_seed(gold, analysis)
        sys_result = _system_result(scorer, runner.failures[name])
        if name == "whosaid":
            sys_result["actors"] = _call_optional("actors", "score_actors", gold, analysis)
            sys_result["events"] = _call_optional(
                "events", "score_events", gold.get("events", []), analysis
            )
        out["systems"][name] = sys_result
    return out


def _evaluate_plover(path, pipeline) -> dict[str, Any]:
    return {"events": _call_optional("events", "score_plover", path, pipeline, True)}


def _system_result(scorer: QuoteScorer, failures: list[str]) -> dict[str, Any]:
    quotes = scorer.result()
    return {
        "predictions": quotes["overall"]["predicted"],
        "failed_docs": len(failures),
        "failures": failures,
        "quotes": quotes,
        "errors": scorer.errors,
    }
