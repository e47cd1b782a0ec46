"""A polite HTTP client for the public Hansard sites.

Built from well-kept parts rather than written here:

- ``requests-cache`` keeps every response on disk and revalidates it with
  conditional requests (ETag / Last-Modified), so a re-run downloads nothing
  that has not changed;
- ``urllib3``'s ``Retry`` retries timeouts, 5xx and 429 with exponential
  backoff and honours ``Retry-After``;
- ``urllib.robotparser`` reads each site's robots.txt.

What is ours: a minimum interval between requests (the rate limit), and one
more retry layer for bodies cut short in transit (``tenacity``), which
urllib3 cannot retry once the headers have arrived.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests
import requests_cache
from requests.adapters import HTTPAdapter
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential
from urllib3.util.retry import Retry

USER_AGENT = "hansard-written-answers/0.1 (open-data pipeline; +https://github.com/hansard-written-answers)"


class Disallowed(Exception):
    """robots.txt forbids the URL for our user agent."""


class TruncatedBody(Exception):
    """The body is shorter than its Content-Length said."""


@dataclass
class FetchResult:
    url: str
    status: int
    text: str
    from_cache: bool  # True when nothing was downloaded (a 304, or still fresh)


@dataclass
class PoliteClient:
    """Rate-limited, cached, retrying HTTP GETs that respect robots.txt."""

    cache_dir: Path
    min_interval: float = 1.0  # seconds between requests to the network
    timeout: float = 30.0
    retries: int = 5
    backoff: float = 1.0
    user_agent: str = USER_AGENT
    _last: float = field(default=0.0, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.session = requests_cache.CachedSession(
            str(self.cache_dir / "http-cache"),
            backend="sqlite",
            always_revalidate=True,  # every re-run asks "changed?" with If-None-Match / If-Modified-Since
            allowable_codes=(200,),
            stale_if_error=False,
        )
        retry_policy = Retry(
            total=self.retries,
            connect=self.retries,
            read=self.retries,
            status=self.retries,
            backoff_factor=self.backoff,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=frozenset({"GET", "HEAD"}),
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry_policy)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = self.user_agent

    def _wait_turn(self) -> None:
        with self._lock:
            pause = self._last + self.min_interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            self._last = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url`` (an unreachable robots.txt allows all)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(origin)
        if parser is None:
            parser = urllib.robotparser.RobotFileParser()
            try:
                self._wait_turn()
                response = self.session.get(f"{origin}/robots.txt", timeout=self.timeout, expire_after=24 * 3600)
                parser.parse(response.text.splitlines() if response.status_code == 200 else [])
            except requests.RequestException:
                parser.parse([])
            self._robots[origin] = parser
        return parser.can_fetch(self.user_agent, url)

    def get(self, url: str) -> FetchResult:
        """GET ``url``; raises ``Disallowed``, or ``requests.HTTPError`` once retries are spent."""
        if not self.allowed(url):
            raise Disallowed(url)
        return self._get(url)

    @retry(
        retry=retry_if_exception_type((TruncatedBody, requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError)),
        stop=stop_after_attempt(4),
        wait=wait_exponential(multiplier=0.5, max=10),
        reraise=True,
    )
    def _get(self, url: str) -> FetchResult:
        self._wait_turn()  # a revalidation is a request too
        response = self.session.get(url, timeout=self.timeout)
        expected = response.headers.get("Content-Length")
        from_cache = bool(getattr(response, "from_cache", False))
        plain = not response.headers.get("Content-Encoding")
        if not from_cache and plain and expected is not None and expected.isdigit() and int(expected) != len(response.content):
            self.session.cache.delete(urls=[url])
            raise TruncatedBody(f"{url}: {len(response.content)} of {expected} bytes")
        response.raise_for_status()
        return FetchResult(url, response.status_code, response.text, from_cache)
