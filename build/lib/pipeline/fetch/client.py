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

import logging
import re
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


class TooLarge(Exception):
    """The body is larger than the limit set for it."""


class Unreachable(Exception):
    """The host cannot be reached at all (no network, DNS failure, connection refused)."""


log = logging.getLogger("hansard.fetch")


class LoggedRetry(Retry):
    """urllib3's retry policy, saying each retry it makes (the operator sees why a run waits)."""

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        why = f"HTTP {response.status}" if response is not None else type(error).__name__ if error else "error"
        host = _pool.host if _pool is not None else ""
        new = super().increment(method, url, response, error, _pool, _stacktrace)
        log.warning("retrying %s%s after %s (%d retries left)", host, url or "", why, new.total if isinstance(new.total, int) else -1)
        return new


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
        retry_policy = LoggedRetry(
            total=self.retries,
            connect=1,  # an unreachable host fails within seconds, not after minutes of backoff
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
            except requests.exceptions.ConnectionError as err:
                if "Read timed out" not in str(err):
                    raise Unreachable(f"cannot reach {parts.netloc}: {_first_reason(err)}") from err
                parser.parse([])
            except requests.RequestException:
                parser.parse([])
            self._robots[origin] = parser
        return parser.can_fetch(self.user_agent, url)

    def download(self, url: str, target: Path, *, max_bytes: int) -> int:
        """Stream ``url`` into ``target`` (not cached), stopping with an error past ``max_bytes``."""
        if not self.allowed(url):
            raise Disallowed(url)
        self._wait_turn()
        written = 0
        with requests.Session() as plain:
            plain.headers["User-Agent"] = self.user_agent
            plain.mount("http://", self.session.get_adapter("http://"))
            plain.mount("https://", self.session.get_adapter("https://"))
            try:
                with plain.get(url, timeout=self.timeout, stream=True) as response, target.open("wb") as sink:
                    response.raise_for_status()
                    for chunk in response.iter_content(1 << 20):
                        written += len(chunk)
                        if written > max_bytes:
                            raise TooLarge(f"{url}: more than {max_bytes} bytes")
                        sink.write(chunk)
            except requests.exceptions.ConnectionError as err:
                raise Unreachable(f"cannot reach {urlsplit(url).netloc}: {_first_reason(err)}") from err
        return written

    def get(self, url: str) -> FetchResult:
        """GET ``url``; raises ``Disallowed``, or ``requests.HTTPError`` once retries are spent."""
        if not self.allowed(url):
            raise Disallowed(url)
        return self._get(url)

    @retry(
        retry=retry_if_exception_type((TruncatedBody, requests.exceptions.ChunkedEncodingError)),
        stop=stop_after_attempt(4),
        wait=wait_exponential(multiplier=0.5, max=10),
        reraise=True,
    )
    def _get(self, url: str) -> FetchResult:
        self._wait_turn()  # a revalidation is a request too
        try:
            response = self.session.get(url, timeout=self.timeout)
        except requests.exceptions.ConnectionError as err:
            if isinstance(err, requests.exceptions.ChunkedEncodingError) or "Read timed out" in str(err):
                raise
            raise Unreachable(f"cannot reach {urlsplit(url).netloc}: {_first_reason(err)}") from err
        expected = response.headers.get("Content-Length")
        from_cache = bool(getattr(response, "from_cache", False))
        plain = not response.headers.get("Content-Encoding")
        if not from_cache and plain and expected is not None and expected.isdigit() and int(expected) != len(response.content):
            self.session.cache.delete(urls=[url])
            raise TruncatedBody(f"{url}: {len(response.content)} of {expected} bytes")
        response.raise_for_status()
        return FetchResult(url, response.status_code, response.text, from_cache)


def _first_reason(err: Exception) -> str:
    """The innermost reason of a connection error, in one short phrase."""
    text = str(err)
    m = re.search(r"(Name or service not known|Temporary failure in name resolution|Connection refused|Network is unreachable|No route to host|timed out)", text)
    return m.group(1) if m else text.splitlines()[0][:160]
