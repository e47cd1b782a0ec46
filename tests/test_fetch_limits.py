"""The fetcher's limits against a hostile server on 127.0.0.1: huge, endless, slow, bombing and wandering responses."""

from __future__ import annotations

import gzip
import json
import logging
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipeline.fetch.client import BadBody, Disallowed, Limits, LoggedRetry, PoliteClient, RedirectRefused, TooLarge, TooSlow
from pipeline.fetch.fetcher import fetch_range
from pipeline.fetch.html import links
from pipeline.fetch.sites import HistoricHansard

DAY = "/historic-hansard/written_answers/1997/jan/30"
PAGE = (Path(__file__).parent / "fixtures" / "http" / "prisons.html").read_bytes()
MB = 1 << 20


class Hostile(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    other_port = 0

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        path = self.path
        self.hits[path] = self.hits.get(path, 0) + 1
        html = {"Content-Type": "text/html; charset=utf-8"}
        try:
            if path == "/robots.txt":
                return self._send(200, b"User-agent: *\nDisallow: /forbidden\n")
            if path == "/huge":  # endless body, no length
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                while True:
                    self.wfile.write(b"x" * 65536)
            if path == "/bomb":  # 64 MB of zeros in 64 kB of gzip
                body = gzip.compress(b"\0" * (64 * MB), compresslevel=9)
                return self._send(200, body, {"Content-Encoding": "gzip", "Content-Type": "text/html"})
            if path == "/trickle":  # a byte every 0.2 s, for ever
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                while True:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            if path == "/slow-headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                while True:
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.2)
            if path == "/busy":
                if self.hits[path] == 1:
                    return self._send(503, b"busy", {"Retry-After": "3600"})
                return self._send(200, PAGE, html)
            if path == "/away":
                return self._send(302, b"", {"Location": f"http://localhost:{self.other_port}/page"})
            if path == "/along":
                return self._send(302, b"", {"Location": "/page"})
            if path == "/to-forbidden":
                return self._send(302, b"", {"Location": "/forbidden"})
            if path == "/page":
                return self._send(200, PAGE, html)
            if path == DAY:
                hrefs = [f"{DAY}/a/prisons", f"{DAY}/b/prisons", f"{DAY}/binary", f"{DAY}/mislabelled", f"{DAY}/empty", f"{DAY}/../../../../etc/passwd", f"http://localhost:{self.other_port}{DAY}/elsewhere"]
                return self._send(200, "".join(f'<a href="{h}">x</a>' for h in hrefs).encode(), html)
            if path.startswith(f"{DAY}/") and path.endswith("/prisons"):
                return self._send(200, PAGE, html)
            if path == f"{DAY}/binary":
                return self._send(200, b"\x89PNG\r\n\x1a\n\0\0\0" * 100, {"Content-Type": "image/png"})
            if path == f"{DAY}/mislabelled":
                return self._send(200, b"PK\x03\x04\0\0binary\0\0" * 50, html)
            if path == f"{DAY}/empty":
                return self._send(200, b"<html><body></body></html>", html)
            return self._send(404, b"no")
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture()
def hostile():
    Hostile.hits = {}
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), Hostile) for _ in range(2)]
    Hostile.other_port = servers[1].server_address[1]
    for s in servers:
        s.daemon_threads = True
        threading.Thread(target=s.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{servers[0].server_address[1]}"
    for s in servers:
        s.shutdown()


def _client(tmp_path: Path, **limits) -> PoliteClient:
    return PoliteClient(cache_dir=tmp_path / "cache", min_interval=0, timeout=5, retries=2, backoff=0.1, limits=Limits(**{"max_bytes": 4 * MB, "seconds": 3.0, **limits}))


@pytest.mark.parametrize("path, error", [("/huge", TooLarge), ("/bomb", TooLarge), ("/trickle", TooSlow), ("/slow-headers", TooSlow)])
def test_a_body_too_large_or_too_slow_is_stopped_at_the_limit(hostile, tmp_path, path, error):
    started = time.monotonic()
    with pytest.raises(error):
        _client(tmp_path).get(hostile + path)
    assert time.monotonic() - started < 8


def test_a_limit_in_a_thread_other_than_the_main_one_still_stops_a_slow_body(hostile, tmp_path):
    caught: list[BaseException] = []

    def fetch() -> None:
        try:
            _client(tmp_path).get(hostile + "/trickle")
        except BaseException as err:  # noqa: BLE001 - the test reads what was raised
            caught.append(err)

    worker = threading.Thread(target=fetch)
    started = time.monotonic()
    worker.start()
    worker.join(20)
    assert not worker.is_alive() and caught and isinstance(caught[0], TooSlow)
    assert time.monotonic() - started < 10


def test_retry_after_is_capped_and_said(hostile, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(LoggedRetry, "MAX_RETRY_AFTER", 0.5)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="hansard.fetch"):
        result = _client(tmp_path, seconds=30).get(hostile + "/busy")
    assert result.status == 200 and time.monotonic() - started < 5
    assert "server asked to wait 3600 s" in caplog.text


def test_redirects_stay_on_the_allowed_hosts_and_the_final_url_is_recorded(hostile, tmp_path):
    client = _client(tmp_path)
    assert client.get(hostile + "/along").url == hostile + "/page"
    with pytest.raises(RedirectRefused):
        client.get(hostile + "/away")
    with pytest.raises(Disallowed):
        client.get(hostile + "/to-forbidden")
    assert "/forbidden" not in Hostile.hits


def test_links_are_normalised_before_the_prefix_check():
    html = '<a href="/d/1/x">a</a><a href="/d/1/../../etc">b</a><a href="/d/1/./y/">c</a><a href="http://evil/d/1/z">d</a><a href="/d/1/">e</a>'
    assert links(html, "http://site/d/1", "/d/1") == ["http://site/d/1/x", "http://site/d/1/y/"]


def test_fetch_writes_only_real_pages_under_unique_names_and_counts_truthfully(hostile, tmp_path):
    stats = fetch_range(date(1997, 1, 30), date(1997, 1, 30), tmp_path / "archive", [HistoricHansard(base=hostile)], _client(tmp_path), progress=False)
    written = sorted(p.relative_to(tmp_path / "archive").as_posix() for p in (tmp_path / "archive").rglob("*.txt"))
    assert stats.pages_written == len(written) == 2, (written, stats)
    assert len(set(written)) == 2  # /a/prisons and /b/prisons both kept
    for page in (tmp_path / "archive").rglob("*.txt"):
        assert page.stat().st_size > 100
        assert json.loads(page.with_name(page.stem + ".meta.json").read_text())["url"].endswith("/prisons")
    reasons = " ".join(stats.failed)
    assert "not an HTML page" in reasons and "binary content" in reasons and "no text" in reasons, stats.failed
    assert not any("passwd" in h or "elsewhere" in h for h in Hostile.hits)


def test_a_page_that_is_not_html_raises_bad_body(hostile, tmp_path):
    from pipeline.fetch.fetcher import page_text

    with pytest.raises(BadBody):
        page_text(_client(tmp_path).get(hostile + DAY + "/binary"))
