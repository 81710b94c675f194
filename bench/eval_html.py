"""Article-body extraction on the HTML gold set: whosaid ingest vs trafilatura's default.

Usage:
    .venv/bin/python bench/eval_html.py ../shared/eval/html            # whosaid vs baseline
    .venv/bin/python bench/eval_html.py ../shared/eval/html --variants # also trafilatura option variants

Scores (see ../shared/eval/README.md): bag-of-words precision, recall and F1 of the extracted
body against the gold body, over lower-cased ``\\w+`` token multisets; the mean over pages
(a page with nothing extracted scores 0) and the micro figure over all tokens. Title, author
and date accuracy are printed where the gold has them (this gold set has only the body and
the url, so the url is compared instead).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def prf(pred: Counter, gold: Counter) -> tuple[int, int, int]:
    """(overlap, predicted, gold) token counts."""
    return sum((pred & gold).values()), sum(pred.values()), sum(gold.values())


def same_url(found: str | None, gold: str) -> bool:
    """URLs equal up to scheme, ``www.``, query string and a final slash (gold is the crawled URL,
    pages give their canonical one)."""

    def norm(url: str) -> str:
        return re.sub(r"^https?://(?:www\.)?", "", url.strip()).split("?")[0].split("#")[0].rstrip("/").lower()

    return bool(found) and norm(found) == norm(gold)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def load(folder: Path) -> list[tuple[str, str, dict]]:
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold):
        path = folder / "pages" / f"{key}.html.gz"
        if path.exists():
            pages.append((key, gzip.decompress(path.read_bytes()).decode("utf-8", "replace"), gold[key]))
    return pages


NOT_ENGLISH: set[str] = set()


def _language_noted(text: str, source: str = "") -> str:
    """Stands in for ingest's English check: notes what ingest would reject, so extraction is scored on all pages."""
    from whosaid.errors import InputRejected
    from whosaid.ingest.language import check_english

    try:
        return check_english(text, source)
    except InputRejected:
        NOT_ENGLISH.add(source)
        return "other"


def whosaid_system(primary: dict | None = None) -> Callable[[str, str], dict]:
    """Our extraction: ingest's HTML path; the body is the text after the title, minus excluded spans.

    The gold set mixes languages; ingest would reject the non-English pages (``not-english``),
    so here the English check only notes them and the extraction is scored on every page.
    """
    from whosaid.errors import InputRejected
    from whosaid.ingest import html as html_mod
    from whosaid.ingest import text as text_mod

    text_mod.check_english = _language_noted

    def run(html: str, key: str) -> dict:
        saved = dict(html_mod.PRIMARY)
        if primary is not None:
            html_mod.PRIMARY.clear()
            html_mod.PRIMARY.update(primary)
        try:
            article = html_mod.article_from_html(html, key)
        except InputRejected as exc:
            return {"body": "", "error": exc.code}
        finally:
            html_mod.PRIMARY.clear()
            html_mod.PRIMARY.update(saved)
        text, parts, pos = article.text, [], article.body_start
        for span in article.excluded:
            if span.start >= pos:
                parts.append(text[pos:span.start])
                pos = span.end
        parts.append(text[pos:])
        return {"body": "".join(parts), "title": article.title, "authors": list(article.authors),
                "published": article.published, "url": article.url}

    return run


def baseline_system(html: str, key: str) -> dict:
    import trafilatura

    return {"body": trafilatura.extract(html) or ""}


def trafilatura_variant(**options) -> Callable[[str, str], dict]:
    def run(html: str, key: str) -> dict:
        import trafilatura

        return {"body": trafilatura.extract(html, **options) or ""}

    return run


def score(name: str, system: Callable[[str, str], dict], pages: list[tuple[str, str, dict]]) -> dict:
    start = time.perf_counter()
    ps, rs, fs = [], [], []
    overlap = predicted = gold_total = 0
    url_right = url_total = 0
    empty = 0
    for key, html, gold in pages:
        out = system(html, key)
        o, p, g = prf(tokens(out["body"]), tokens(gold["articleBody"]))
        overlap, predicted, gold_total = overlap + o, predicted + p, gold_total + g
        prec = o / p if p else 0.0
        rec = o / g if g else 0.0
        ps.append(prec)
        rs.append(rec)
        fs.append(f1(prec, rec))
        empty += not p
        if "url" in out and gold.get("url"):
            url_total += 1
            url_right += same_url(out["url"], gold["url"])
    n = len(pages)
    micro_p = overlap / predicted if predicted else 0.0
    micro_r = overlap / gold_total if gold_total else 0.0
    return {
        "system": name, "pages": n, "P": sum(ps) / n, "R": sum(rs) / n, "F1": sum(fs) / n,
        "micro_P": micro_p, "micro_R": micro_r, "micro_F1": f1(micro_p, micro_r), "empty": empty,
        "url_acc": (url_right / url_total) if url_total else None, "seconds": time.perf_counter() - start,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--variants", action="store_true", help="also score trafilatura option variants")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    pages = load(args.folder)
    if not pages:
        print(f"no pages with gold under {args.folder}", file=sys.stderr)
        return 2
    systems: list[tuple[str, Callable]] = [
        ("whosaid", whosaid_system()),
        ("trafilatura.extract (default, baseline)", baseline_system),
    ]
    if args.variants:
        systems += [
            ("whosaid, primary favor_precision", whosaid_system({"favor_precision": True, "include_comments": False})),
            ("whosaid, primary default, no comments", whosaid_system({"include_comments": False})),
            ("whosaid, primary favor_recall, no tables",
             whosaid_system({"favor_recall": True, "include_comments": False, "include_tables": False})),
            ("whosaid, primary default+comments", whosaid_system({})),
            ("trafilatura favor_precision", trafilatura_variant(favor_precision=True)),
            ("trafilatura favor_recall", trafilatura_variant(favor_recall=True)),
            ("trafilatura no comments", trafilatura_variant(include_comments=False)),
        ]
    results = [score(name, system, pages) for name, system in systems]
    if args.json:
        print(json.dumps(results, indent=2, default=str))
        return 0
    print(f"HTML article-body extraction: {len(pages)} pages from {args.folder}")
    print("bag-of-words over lower-cased \\w+ tokens; mean over pages, then micro over all tokens\n")
    header = f"{'system':44} {'P':>6} {'R':>6} {'F1':>6} | {'microP':>6} {'microR':>6} {'microF1':>7} | {'empty':>5} {'url':>5} {'sec':>5}"
    print(header)
    print("-" * len(header))
    for r in results:
        url = f"{r['url_acc']:.2f}" if r["url_acc"] is not None else "  -"
        print(f"{r['system']:44} {r['P']:6.3f} {r['R']:6.3f} {r['F1']:6.3f} | {r['micro_P']:6.3f} {r['micro_R']:6.3f} "
              f"{r['micro_F1']:7.3f} | {r['empty']:5d} {url:>5} {r['seconds']:5.1f}")
    print(f"\npages ingest itself would reject as not English (scored here anyway): {len(NOT_ENGLISH)}")
    print("title / author / date accuracy: n/a (this gold set gives only the body and the url; url accuracy above)")
    ours, base = results[0], results[1]
    print(f"whosaid - baseline: mean F1 {ours['F1'] - base['F1']:+.3f}, micro F1 {ours['micro_F1'] - base['micro_F1']:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
