"""Load check: quote search over HTTP on a database of >= 100,000 quotes, 20 concurrent clients.

Builds (or reuses) ``bench/out/api_load.db``, filled by saving synthetic ``Analysis``
records through the store (fast: no NLP). Each synthetic article is real sentences
from the bundled samples, attributed to actors named in the samples, so the quote
text, its vocabulary and its length are those of real news. It then serves the
database with uvicorn on 127.0.0.1 (a separate process, as ``whosaid serve`` would),
runs 20 concurrent clients on loopback for a bounded number of quote searches with
varied terms, and prints median and p99 latency. Target: p99 < 100 ms.

Usage:
    .venv/bin/python bench/api_load.py                    # build if needed, then measure
    .venv/bin/python bench/api_load.py --quotes 100000 --requests 4000 --clients 20
    .venv/bin/python bench/api_load.py --rebuild          # start from a fresh database
    .venv/bin/python bench/api_load.py --cache-size 0     # every search answered by SQLite

The server keeps recent answers in memory until the database changes (see
``whosaid.api.cache``); the report says how many of the searches were distinct, so
how many the cache could have answered, and ``--cache-size 0`` measures without it.
"""

from __future__ import annotations

import argparse
import http.client
import os
import datetime as dt
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OUT = ROOT / "bench" / "out"

CUES = ["said", "told reporters", "stated", "warned", "added", "claimed", "argued", "announced"]
EVENT_TYPES = ["ACCUSE", "CONSULT", "THREATEN", "COOPERATE", "DEMAND", "ASSAULT", "AID", "REJECT", "SANCTION"]


def sample_material() -> tuple[list[str], list[str], list[str]]:
    """Sentences, actor names and titles drawn from the bundled sample articles."""
    sentences, names, titles = [], set(), []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        titles.append(text.strip().splitlines()[0][:120])
        for s in re.split(r"(?<=[.!?])\s+", text):
            s = " ".join(s.split())
            if 40 <= len(s) <= 300 and '"' not in s:
                sentences.append(s)
        for m in re.finditer(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b", text):
            if not re.match(r"(The|In|On|At|He|She|It|This|A|An|But|And|After|Before|During) ", m[1]):
                names.add(m[1])
    return sentences, sorted(names), titles


def synthetic_analyses(n_quotes: int, seed: int = 7, per_article: int = 20):
    """Analysis records with ``n_quotes`` quotes in total, each quote a real sample sentence."""
    from whosaid.ingest import article_id
    from whosaid.records import Actor, Analysis, Article, Event, Mention, Quote, Span, Speaker

    rng = random.Random(seed)
    sentences, names, titles = sample_material()
    start_day = dt.date(2006, 1, 1)
    n_articles = (n_quotes + per_article - 1) // per_article
    for i in range(n_articles):
        n_here = min(per_article, n_quotes - i * per_article)
        cast = rng.sample(names, 6)
        title = f"{rng.choice(titles)} (report {i})"
        parts = [title, "\n\n"]
        pos = len(title) + 2
        mentions: dict[str, list[Mention]] = {n: [] for n in cast}
        quotes, events = [], []
        for j in range(n_here):
            speaker = rng.choice(cast)
            sentence = rng.choice(sentences)
            cue = rng.choice(CUES)
            # <Speaker> <cue> that "<sentence>"\n
            s_start = pos
            parts.append(speaker)
            pos += len(speaker)
            mentions[speaker].append(Mention(s_start, pos, speaker))
            parts.append(" ")
            pos += 1
            c_start = pos
            parts.append(cue)
            pos += len(cue)
            parts.append(' that "')
            pos += 7
            q_start = pos
            parts.append(sentence)
            pos += len(sentence)
            parts.append('"\n')
            pos += 2
            aid = f"a{cast.index(speaker) + 1}"
            addressee = rng.choice([None, None, f"a{rng.randrange(6) + 1}"])
            quotes.append(Quote(
                id=f"q{j + 1}", kind="indirect" if j % 3 else "direct",
                content=(Span(q_start, q_start + len(sentence), sentence),),
                cue=Span(c_start, c_start + len(cue), cue), speaker=Speaker((aid,), Span(s_start, s_start + len(speaker), speaker)),
                addressee=addressee if addressee != aid else None, confidence=round(rng.uniform(0.4, 0.99), 2),
            ))
            if j % 5 == 0:
                target = f"a{rng.randrange(6) + 1}"
                events.append(Event(
                    id=f"e{len(events) + 1}", type=rng.choice(EVENT_TYPES), cameo=None,
                    evidence=Span(q_start, q_start + len(sentence), sentence), actor=(aid,),
                    recipient=(target,) if target != aid else (),
                    claimed_by=(aid,) if j % 2 else (), quote=f"q{j + 1}",
                ))
        text = "".join(parts)
        actors = tuple(
            Actor(id=f"a{k + 1}", name=name, kind="person", mentions=tuple(mentions[name]))
            for k, name in enumerate(cast)
        )
        published = start_day + dt.timedelta(days=rng.randrange(4000))
        article = Article(id=article_id(text), source=f"synthetic/{i}.txt", text=text, title=title,
                          published=published, publisher="synthetic (sample sentences)")
        yield Analysis(article=article, actors=actors, quotes=tuple(quotes), events=tuple(events))


def build(db: Path, n_quotes: int) -> None:
    from whosaid.store import open_store

    t0 = time.perf_counter()
    store = open_store(db)
    try:
        have = store.stats()["quotes"]
        if have >= n_quotes:
            print(f"reusing {db}: {have:,} quotes")
            return
        print(f"building {db} with {n_quotes:,} quotes ...", flush=True)
        for k, analysis in enumerate(synthetic_analyses(n_quotes), 1):
            store.save_analysis(analysis)
            if k % 500 == 0:
                print(f"  {k:,} articles, {time.perf_counter() - t0:.0f} s", flush=True)
        print(f"built: {store.stats()['quotes']:,} quotes in {time.perf_counter() - t0:.0f} s")
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_cpu_seconds(pid: int) -> float | None:
    """CPU time used so far by the server process and its worker processes (Linux /proc), or None."""
    tick = os.sysconf("SC_CLK_TCK")
    total, found = 0.0, False
    try:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # fields[1] is the parent pid; [11] and [12] user and system time in ticks.
            if int(entry) == pid or int(fields[1]) == pid:
                total += (int(fields[11]) + int(fields[12])) / tick
                found = True
    except (OSError, ValueError):
        return None
    return total if found else None


def search_terms() -> list[str]:
    """Varied query words from the sample sentences: common, mid-frequency and rare ones."""
    sentences, names, _ = sample_material()
    words = {}
    for s in sentences:
        for w in re.findall(r"[A-Za-z]{4,}", s):
            words[w.lower()] = words.get(w.lower(), 0) + 1
    ranked = sorted(words, key=lambda w: -words[w])
    terms = ranked[:40] + ranked[200:260] + ranked[-40:]
    terms += [n.split()[-1] for n in names[:30]]
    terms += ["nuclear talks", "United Nations", "' OR 1=1 --", '"*']
    return terms


def run_load(base: str, terms: list[str], clients: int, requests: int, seconds: float, limit: int,
             seed: int = 0):
    """``clients`` threads, each with one keep-alive connection, sharing ``requests`` quote searches.

    The clients use ``http.client`` rather than httpx: they share the machine's two cores
    with the server, and a lighter client leaves more of them to what is measured.
    """
    host, port = base.removeprefix("http://").split(":")
    latencies: list[float] = []
    errors: list[str] = []
    asked: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))
    deadline = time.monotonic() + seconds

    def client(k: int) -> None:
        rng = random.Random(seed + k)
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            while time.monotonic() < deadline:
                with lock:
                    if next(counter, None) is None:
                        return
                params = {"search": rng.choice(terms), "limit": limit}
                if rng.random() < 0.2:
                    params["since"] = f"{rng.randrange(2006, 2016)}-01-01"
                query = urllib.parse.urlencode(params)
                t0 = time.perf_counter()
                conn.request("GET", "/api/quotes?" + query)
                response = conn.getresponse()
                body = response.read()
                dt_ms = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies.append(dt_ms)
                    asked.append(query)
                    if response.status != 200:
                        errors.append(f"{response.status} {body[:100]!r}")
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - t0, asked


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=OUT / "api_load.db")
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=4000, help="total requests (bounded)")
    ap.add_argument("--seconds", type=float, default=120, help="stop after this long in any case")
    ap.add_argument("--limit", type=int, default=20, help="page size of each search (the UI shows 25)")
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    ap.add_argument("--cache-size", type=int, default=None,
                    help="answers each server worker keeps in memory (default: the server's; 0: none)")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--app", default="whosaid.api.asgi:app_from_env",
                    help="ASGI app factory to serve (to compare a changed store or app)")
    args = ap.parse_args()

    args.db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
    build(args.db, args.quotes)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "WHOSAID_DB": str(args.db)}
    if args.cache_size is not None:
        env["WHOSAID_CACHE_SIZE"] = str(args.cache_size)
    # The server as `whosaid serve --workers N` runs it (no access log).
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", args.app, "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning", "--no-access-log", "--workers", str(args.workers)],
        env=env,
    )
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/stats", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            print("the server did not start", file=sys.stderr)
            return 1
        stats = httpx.get(base + "/api/stats").json()
        terms = search_terms()
        # Warm-up (page cache, connections), with other random queries than the measured run's.
        run_load(base, terms, 4, 200, 30, args.limit, seed=1000)
        load_before = os.getloadavg()[0]
        cpu_before = server_cpu_seconds(server.pid)
        lat, errors, wall, asked = run_load(base, terms, args.clients, args.requests, args.seconds, args.limit)
        cpu_after = server_cpu_seconds(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    lat.sort()
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    print(f"database: {stats['quotes']:,} quotes in {stats['articles']:,} articles ({args.db})")
    print(f"load: {len(lat):,} quote searches, {args.clients} concurrent clients, limit={args.limit}, "
          f"{len(terms)} varied terms, {wall:.1f} s, {len(lat) / wall:.0f} req/s, {len(errors)} errors")
    print(f"latency: median {statistics.median(lat):.1f} ms, p90 {lat[int(len(lat) * 0.9)]:.1f} ms, "
          f"p99 {p99:.1f} ms, max {lat[-1]:.1f} ms  (target p99 < 100 ms: {'met' if p99 < 100 else 'NOT met'})")
    # The clients share the machine with the server (and with anything else running): say how busy it was.
    cache = "off" if args.cache_size == 0 else f"{args.cache_size or 'default'} entries per worker"
    print(f"queries: {len(set(asked)):,} distinct of {len(asked):,} (the rest could be answered from the "
          f"search cache: {cache})")
    if cpu_before is not None and cpu_after is not None:
        # Unlike latency, CPU per request hardly depends on what else the machine is doing.
        print(f"server CPU: {(cpu_after - cpu_before) / len(lat) * 1000:.2f} ms per request")
    print(f"machine: {os.cpu_count()} cores, 1-min load average {load_before:.1f} before and "
          f"{os.getloadavg()[0]:.1f} after the run; server workers: {args.workers}")
    for e in errors[:5]:
        print("  error:", e)
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
