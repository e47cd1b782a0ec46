"""The download page, opened in a real headless Chromium over HTTP on 127.0.0.1."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipeline.metadata import table_names

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture()
def served(sample_release: Path):
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(sample_release.parent))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _chromium(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    assert CHROMIUM, "Chromium is needed for this test: scripts/install-browser.sh installs Debian's package"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args], capture_output=True, text=True, timeout=120)


def test_download_page_renders_charts_and_its_links_resolve(served: str, tmp_path: Path):
    dom = _chromium("--dump-dom", f"{served}/index.html", tmp_path=tmp_path).stdout
    assert "Release sample (latest)" in dom
    for chart in ("chart-answers-per-year", "chart-commitments"):
        figure = re.search(rf'<figure id="{chart}">(.*?)</figure>', dom, re.S)
        assert figure and figure.group(1).count("<rect") >= 1, chart
    links = re.findall(r'<a class="download" href="([^"]+)"', dom)
    assert len(links) == 7  # two zipped packages, the database, dictionary, validation report, two descriptors
    nav = re.findall(r"<nav id=\"links\">(.*?)</nav>", dom, re.S)[0]
    for text in ("Data dictionary", "Validation report", "SQLite database"):
        assert text in nav
    for link in links + re.findall(r'href="([^"]+)"', nav) + ["catalog.json"]:
        with urllib.request.urlopen(f"{served}/{link}") as response:
            assert response.status == 200 and response.read(1)
    # what the data is, how good, how to cite, one line per table
    assert re.search(r"questions from sittings of \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; houses: Commons, Lords", dom)
    assert "How to cite." in dom and "release sample" in dom
    assert dom.count("<tr>", dom.index('id="tables"'), dom.index('id="accuracy"')) == 1 + len(table_names())
    assert "agency F1" in dom and "D1" in dom
    years = re.search(r'<figure id="chart-answers-per-year">(.*?)</figure>', dom, re.S).group(1)
    assert 'height="0.00"' in years  # years with no answers are drawn, empty
    for chart in ("chart-departments", "chart-commitments-over-time"):
        assert re.search(rf'<figure id="{chart}">.*?<rect', dom, re.S), chart


@pytest.mark.parametrize("width, height", [(1280, 2400), (390, 5000)])
def test_download_page_reads_at_desktop_and_phone_widths(served: str, tmp_path: Path, width: int, height: int):
    shot = tmp_path / f"page-{width}.png"
    _chromium(f"--screenshot={shot}", f"--window-size={width},{height}", "--hide-scrollbars", f"{served}/index.html", tmp_path=tmp_path)
    assert shot.stat().st_size > 30_000  # a rendered page, not a blank one (looked at: docs/screenshots/)
    # the page is as wide as the screen: nothing but the charts and wide tables scrolls sideways
    dom = _chromium("--dump-dom", f"--window-size={width},{height}", f"{served}/index.html", tmp_path=tmp_path).stdout
    assert "width=device-width" in dom


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def datasette(sample_release: Path):
    import sys
    import time

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", str(sample_release), "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "datasette did not start"
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(20)


def test_datasette_search_finds_the_seed_question_and_a_canned_query_returns_rows(datasette: str, tmp_path: Path):
    search = _chromium("--dump-dom", f"{datasette}/hansard-written-answers/questions?_search=trafficking", tmp_path=tmp_path).stdout
    assert "Trafficking In Persons" in search  # the seed question
    assert re.search(r"\d+ rows? where search matches", search), search[:2000]
    described = _chromium("--dump-dom", f"{datasette}/hansard-written-answers/commitments", tmp_path=tmp_path).stdout
    assert "Answer sentences in which the Government" in described  # the table's description from the metadata
    canned = _chromium("--dump-dom", f"{datasette}/hansard-written-answers/commitments_by_status?status=planned", tmp_path=tmp_path).stdout
    rows = re.findall(r"<tr>\s*<td", canned)
    assert "Commitments by status" in canned and len(rows) >= 1
    department = _chromium("--dump-dom", f"{datasette}/hansard-written-answers/search_answers?text=trafficking&department=Home&since=2000-01-01", tmp_path=tmp_path).stdout
    assert "Home Office" in department and len(re.findall(r"<tr>\s*<td", department)) >= 1
