"""Writes the binary fixtures in tests/ingest/fixtures/ (run once; the outputs are committed).

    .venv/bin/python tests/ingest/make_fixtures.py
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent / "fixtures"

PAGE = """<html><head><meta charset="utf-8"><title>Sudan's warring sides agree to a week-long ceasefire</title>
<meta name="author" content="Hiba Osman"><meta property="article:published_time" content="2023-05-21">
</head><body><nav><a href="/">Home</a> <a href="/africa">Africa</a></nav><article>
<h1>Sudan's warring sides agree to a week-long ceasefire</h1>
<p>Sudan's army and the paramilitary Rapid Support Forces agreed on Saturday to a seven-day ceasefire after
talks in Jeddah, Saudi Arabia and the United States said in a joint statement.</p>
<p>"The parties have committed to allow the delivery of humanitarian aid," the statement said, adding
that a monitoring mechanism with representatives of both sides would oversee the truce.</p>
<p>Previous truces announced since fighting began in mid-April have been repeatedly violated, and residents
of the capital reported air strikes hours before the agreement was announced.</p>
</article><footer>Copyright 2023</footer></body></html>"""

TEXT = (
    "Peru's congress voted on Thursday to remove the president from office, hours after he tried to dissolve "
    "the legislature, and swore in the vice president as the country's first female leader.\n\n"
    "\"We have followed the constitution,\" the head of congress told reporters after the vote.\n"
)


def write_warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "whosaid tests"}))
        request = StatusAndHeaders("GET /2023/05/21/sudan HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://news.example/2023/05/21/sudan", "request",
                                                      http_headers=request))
        html_headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/2023/05/21/sudan", "response",
                                                      payload=io.BytesIO(PAGE.encode("utf-8")),
                                                      http_headers=html_headers))
        png_headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)),
                                                      http_headers=png_headers))


def main() -> None:
    write_warc(HERE / "crawl.warc.gz")
    (HERE / "peru.txt.gz").write_bytes(gzip.compress(TEXT.encode("utf-8")))
    whole = gzip.compress((TEXT * 20).encode("utf-8"))
    (HERE / "truncated.txt.gz").write_bytes(whole[: len(whole) // 2])
    (HERE / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (HERE / "utf16.txt").write_bytes(TEXT.encode("utf-16"))
    (HERE / "cp1252.txt").write_bytes(TEXT.replace("Peru's", "Peru’s").replace("female", "female—").encode("cp1252"))
    # 0x81 and 0x8D are undefined in cp1252 and C1 controls in latin-1; not UTF-8 either.
    (HERE / "undecodable.txt").write_bytes(b"Talks \x81\x8d\x90 resumed \x9d\x8f on Monday " * 10)


if __name__ == "__main__":
    main()
