"""`hansard-data fetch --source wq-api / archive-volumes` against a local server, and failing fast offline."""

from __future__ import annotations

import io
import json
import socket
import threading
import time
import zipfile
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.formats import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
LIST = json.loads((FIXTURES / "wq-api-questions.json").read_text())
DETAIL = json.loads((FIXTURES / "wq-api-details.json").read_text())[0]
DAY = LIST[0]["value"]["dateAnswered"][:10]


class Api(BaseHTTPRequestHandler):
    """The Written Questions API for one day, two records a page, a 503 with Retry-After on the first list call."""

    hits: dict[str, int] = defaultdict(int)

    def log_message(self, *args) -> None:
        pass

    def _json(self, status: int, payload, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        self.hits[url.path] += 1
        if url.path == "/robots.txt":
            return self._json(404, {})
        if url.path == "/api/writtenquestions/questions":
            if self.hits[url.path] == 1:
                return self._json(503, {"error": "busy"}, {"Retry-After": "1"})
            q = {k: v[0] for k, v in parse_qs(url.query).items()}
            day = q.get("answeredWhenFrom") or q.get("correctedWhenFrom")
            rows = [r for r in LIST if r["value"]["dateAnswered"][:10] == day] if "answeredWhenFrom" in q else []
            skip, take = int(q["skip"]), int(q["take"])
            return self._json(200, {"totalResults": len(rows), "results": rows[skip : skip + take]})
        if url.path == f"/api/writtenquestions/questions/{DETAIL['value']['id']}":
            return self._json(200, {"value": DETAIL["value"]})
        if url.path == "/volumes/":
            return self._send_html(b'<a href="S5LV0001P0.zip">vol 1</a> <a href="https://elsewhere.example/x.zip">x</a>')
        if url.path == "/volumes/S5LV0001P0.zip":
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as z:
                z.writestr("S5LV0001P0.xml", b"<hansard><houselords><date format='1909-02-16'>Tuesday, 16th February, 1909.</date></houselords></hansard>")
            return self._send_bytes(buffer.getvalue())
        return self._json(404, {})

    def _send_html(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_bytes(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def api_server():
    Api.hits.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _fetch(tmp_path: Path, *args: str):
    return CliRunner().invoke(app, ["fetch", "--archive", str(tmp_path / "archive"), "--cache-dir", str(tmp_path / "cache"), "--rate", "0", "--no-progress", *args])


def test_api_days_are_fetched_with_pages_retries_and_detail_records_and_resume(tmp_path: Path, api_server: str, caplog):
    result = _fetch(tmp_path, "--source", "wq-api", "--start", DAY, "--base-url", f"wq-api={api_server}")
    assert result.exit_code == 0, result.output
    listed = tmp_path / "archive" / "wq-api" / DAY[:4] / f"questions-{DAY}.json"
    details = listed.with_name(f"details-{DAY}.json")
    rows = [r for r in LIST if r["value"]["dateAnswered"][:10] == DAY]
    assert [r["value"]["id"] for r in json.loads(listed.read_text())] == sorted(r["value"]["id"] for r in rows)
    assert [d["value"]["id"] for d in json.loads(details.read_text())] == [DETAIL["value"]["id"]]
    assert any("retrying" in m and "HTTP 503" in m for m in caplog.messages)  # the 503 was retried, and said so
    # what was fetched builds: the detail record's full text for the clipped question
    parsed = parse_file(details, None, details.stat().st_size)
    assert parsed.status == "parsed" and parsed.records[0].complete
    # a re-run of an old day asks nothing
    before = dict(Api.hits)
    again = _fetch(tmp_path, "--source", "wq-api", "--start", DAY, "--base-url", f"wq-api={api_server}")
    assert again.exit_code == 0 and "skipped (already fetched): 1" in again.output and Api.hits == before


def test_archive_volumes_are_downloaded_from_their_index_on_the_same_host(tmp_path: Path, api_server: str):
    result = _fetch(tmp_path, "--source", "archive-volumes", "--start", "1909-01-01", "--volumes-index", f"{api_server}/volumes/")
    assert result.exit_code == 0, result.output
    assert "volumes listed: 1  downloaded: 1" in result.output
    volume = tmp_path / "archive" / "archive-volumes" / "S5LV0001P0.zip"
    assert parse_file(volume, None, volume.stat().st_size).format == "archive_xml_volume"


def test_fetch_fails_within_seconds_with_one_line_when_the_host_is_unreachable(tmp_path: Path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    result = _fetch(tmp_path, "--source", "wq-api", "--start", "2024-01-01", "--base-url", f"wq-api=http://127.0.0.1:{port}")
    assert result.exit_code == 1 and time.monotonic() - started < 10
    assert "cannot reach 127.0.0.1" in result.output and "Traceback" not in result.output
