"""`hansard-data fetch` against a local server on 127.0.0.1 that injects faults."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from pipeline.ingest.files import read_sidecar
from pipeline.cli import app
from pipeline.formats import parse_file

PAGES = REPO / "tests" / "fixtures" / "http"
DAY = "/historic-hansard/written_answers/1997/jan/30"
SECTIONS = {
    f"{DAY}/asylum-seekers-detention": "asylum-seekers-detention.html",
    f"{DAY}/public-expenditure-agriculture": "public-expenditure-agriculture.html",
    f"{DAY}/internet-crime": "internet-crime.html",
    f"{DAY}/prisons": "prisons.html",
    f"{DAY}/secret": "prisons.html",  # robots.txt forbids it
}
# Faults served on the first request to a path; later requests are answered normally.
FAULTS = {
    DAY: "500",
    f"{DAY}/asylum-seekers-detention": "timeout",
    f"{DAY}/public-expenditure-agriculture": "429",
    f"{DAY}/internet-crime": "truncated",
}


class Archive(BaseHTTPRequestHandler):
    """A recorded site: ETags, 304s, robots.txt, and one fault per listed path."""

    hits: dict[str, list[float]] = defaultdict(list)
    sent_full: dict[str, int] = defaultdict(int)

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None, length: int | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?", 1)[0]
        self.hits[path].append(time.monotonic())
        if path == "/robots.txt":
            return self._send(200, f"User-agent: *\nDisallow: {DAY}/secret\n".encode())
        if path == DAY:
            links = "".join(f'<li><a href="{p}">{p.rsplit("/", 1)[-1]}</a></li>' for p in SECTIONS)
            body = f"<html><body><nav><a href='/historic-hansard'>Home</a></nav><ul>{links}</ul></body></html>".encode()
        elif path in SECTIONS:
            body = (PAGES / SECTIONS[path]).read_bytes()
        else:
            return self._send(404, b"not found")
        fault = FAULTS.get(path) if len(self.hits[path]) == 1 else None
        if fault == "500":
            return self._send(500, b"server error")
        if fault == "429":
            return self._send(429, b"slow down", {"Retry-After": "1"})
        if fault == "timeout":
            time.sleep(2.5)  # longer than the client's timeout
        if fault == "truncated":
            return self._send(200, body[: len(body) // 2], length=len(body))
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", {"ETag": etag}, length=0)
        self.sent_full[path] += 1
        self._send(200, body, {"ETag": etag, "Content-Type": "text/html; charset=utf-8"})


@pytest.fixture()
def server():
    Archive.hits.clear()
    Archive.sent_full.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Archive)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _fetch(base: str, archive: Path, cache: Path):
    return CliRunner().invoke(
        app,
        ["fetch", "--start", "1997-01-30", "--archive", str(archive), "--site", "historic-hansard", "--base-url", f"historic-hansard={base}",
         "--cache-dir", str(cache), "--rate", "0", "--timeout", "1", "--no-progress"],
    )


def test_fetch_survives_faults_respects_robots_and_writes_parseable_pages(server, tmp_path):
    archive, cache = tmp_path / "archive", tmp_path / "cache"
    result = _fetch(server, archive, cache)
    assert result.exit_code == 0, result.output
    assert "pages written: 4" in result.output
    assert f"skipped (robots.txt): {server}{DAY}/secret" in result.output
    assert f"{DAY}/secret" not in Archive.hits  # never requested
    for path in FAULTS:  # each fault was met, then retried
        assert len(Archive.hits[path]) >= 2, path
    wait = Archive.hits[f"{DAY}/public-expenditure-agriculture"]
    assert wait[1] - wait[0] >= 0.9  # Retry-After: 1 honoured
    pages = sorted(archive.rglob("*.txt"))
    assert [p.name for p in pages] == [
        "1997-01-30-asylum-seekers-detention.txt", "1997-01-30-internet-crime.txt", "1997-01-30-prisons.txt", "1997-01-30-public-expenditure-agriculture.txt",
    ]
    page = archive / "historic-hansard/1997/01/1997-01-30-asylum-seekers-detention.txt"
    url, _, _ = read_sidecar(page)
    assert url == f"{server}{DAY}/asylum-seekers-detention"
    parsed = parse_file(page, url, page.stat().st_size)
    assert parsed.status == "parsed"
    assert [r.asker for r in parsed.records] == ["Lord Hylton", "Lord Lester of Herne Hill"]
    assert parsed.records[0].columns == "cc97-8WA" and parsed.records[0].answerer == "Baroness Blatch"
    assert "Home" not in page.read_text() and "Forward to" not in page.read_text()  # navigation and footer dropped
    # the body cut short in transit was fetched again, whole
    refetched = (archive / "historic-hansard/1997/01/1997-01-30-internet-crime.txt").read_text()
    assert "which would give rise to different estimates of cost." in refetched


def test_rerun_downloads_nothing_unchanged(server, tmp_path):
    archive, cache = tmp_path / "archive", tmp_path / "cache"
    assert _fetch(server, archive, cache).exit_code == 0
    stamps = {p: p.stat().st_mtime_ns for p in archive.rglob("*")}
    full_before = dict(Archive.sent_full)
    again = _fetch(server, archive, cache)
    assert again.exit_code == 0, again.output
    assert "pages written: 0  unchanged: 4  downloads: 0" in again.output
    assert dict(Archive.sent_full) == full_before  # every request was answered 304
    assert {p: p.stat().st_mtime_ns for p in archive.rglob("*")} == stamps


def test_interrupted_fetch_resumes(server, tmp_path):
    archive, cache = tmp_path / "archive", tmp_path / "cache"
    assert _fetch(server, archive, cache).exit_code == 0
    lost = archive / "historic-hansard/1997/01/1997-01-30-prisons.txt"
    lost.unlink()  # as if the run had stopped before writing it
    again = _fetch(server, archive, cache)
    assert "pages written: 1  unchanged: 3" in again.output
    assert lost.is_file()


def test_bad_dates_are_refused(tmp_path):
    result = CliRunner().invoke(app, ["fetch", "--start", "1997-02-30", "--archive", str(tmp_path)])
    assert result.exit_code == 2 and "error:" in result.output
