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
    assert len(links) == 4  # two zipped packages, two descriptors
    for link in links + ["catalog.json"]:
        with urllib.request.urlopen(f"{served}/{link}") as response:
            assert response.status == 200 and response.read(1)
    shot = tmp_path / "page.png"
    _chromium(f"--screenshot={shot}", "--window-size=1200,1600", f"{served}/index.html", tmp_path=tmp_path)
    assert shot.stat().st_size > 10_000  # a rendered page, not a blank one
