"""A polite HTTP client for the public Hansard sites.

Built from well-kept parts rather than written here:

- ``requests-cache`` keeps every response on disk and revalidates it with
  conditional requests (ETag / Last-Modified), so a re-run downloads nothing
  that has not changed;
- ``urllib3``'s ``Retry`` retries timeouts, 5xx and 429 with exponential
  backoff and honours ``Retry-After``;
- ``urllib.robotparser`` reads each site's robots.txt.

What is ours: a minimum interval between requests (the rate limit), one
more retry layer for bodies cut short in transit (``tenacity``), which
urllib3 cannot retry once the headers have arrived, and the limits a hostile
or broken server meets (:class:`Limits`): a size cap on every body, counted
as it streams and again after decompression (a gzip bomb stops at the cap);
a time limit on the whole request, not per read (a server sending a byte a
second is cut off); a cap on ``Retry-After``; redirects followed by hand, only
to the hosts allowed, each checked against its own robots.txt.
"""

from __future__ import annotations

import contextvars
import logging
import re
import signal
import threading
import time
import urllib.robotparser
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import urljoin, urlsplit

import requests
import requests_cache
from requests.adapters import HTTPAdapter
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.response import HTTPResponse
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


class TooSlow(Exception):
    """The whole request took longer than its time limit."""


class RedirectRefused(Exception):
    """A redirect to a host that is not allowed, or too many redirects."""


class BadBody(Exception):
    """The body is not what was asked for (empty, or not text of the expected type)."""


@dataclass(frozen=True)
class Limits:
    """What one request may cost: bytes of body (before and after decompression) and seconds in all."""

    max_bytes: int = 64 << 20
    seconds: float = 120.0


_limits: contextvars.ContextVar[tuple[Limits, float] | None] = contextvars.ContextVar("fetch_limits", default=None)


class LimitedResponse(HTTPResponse):
    """urllib3's response, reading in small pieces and stopping at the request's limits.

    Every read returns what has arrived (``read1``), so the time limit is
    checked at least once per socket timeout however slowly bytes come; bytes
    are counted as they come off the socket and again as they come out of the
    decompressor.
    """

    _counted_fp: int = 0
    _raw_bytes: int = 0
    _decoded_bytes: int = 0

    def _check(self) -> None:
        current = _limits.get()
        if current is None:
            return
        limits, deadline = current
        if max(self._raw_bytes, self._decoded_bytes) > limits.max_bytes:
            self.close()
            raise TooLarge(f"more than {limits.max_bytes:,} bytes")
        if time.monotonic() > deadline:
            self.close()
            raise TooSlow(f"took longer than {limits.seconds:g} s")

    def _fp_read(self, amt: int | None = None, *, read1: bool = False) -> bytes:
        if id(self._fp) != self._counted_fp:  # requests-cache replays a body from memory: count it afresh
            self._counted_fp, self._raw_bytes = id(self._fp), 0
        parts, got = [], 0
        while amt is None or got < amt:
            want = 1 << 16 if amt is None else min(amt - got, 1 << 16)
            chunk = super()._fp_read(want, read1=True)
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
            self._raw_bytes += len(chunk)
            self._check()
            if read1:
                break
        return b"".join(parts)

    def _decode(self, data: bytes, decode_content: bool | None, flush_decoder: bool, max_length: int | None = None) -> bytes:
        decoded = super()._decode(data, decode_content, flush_decoder, max_length)
        self._decoded_bytes += len(decoded)
        self._check()
        return decoded


def _limited_response(response: HTTPResponse) -> HTTPResponse:
    # urllib3 2 builds the response inside the connection; the subclass only adds
    # counting (no state of its own beyond class defaults), so its class is swapped in.
    response.__class__ = LimitedResponse
    return response


class _LimitedHTTPConnection(HTTPConnection):
    def getresponse(self) -> HTTPResponse:
        return _limited_response(super().getresponse())


class _LimitedHTTPSConnection(HTTPSConnection):
    def getresponse(self) -> HTTPResponse:
        return _limited_response(super().getresponse())


class _LimitedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _LimitedHTTPConnection


class _LimitedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _LimitedHTTPSConnection


class LimitedAdapter(HTTPAdapter):
    """requests' adapter with :class:`LimitedResponse` for every response."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _LimitedHTTPPool, "https": _LimitedHTTPSPool}


@contextmanager
def limited(limits: Limits) -> Iterator[None]:
    """Hold one request to ``limits``: the body through :class:`LimitedResponse`, and in the main
    thread the whole request (headers too) through a timer signal."""
    deadline = time.monotonic() + limits.seconds
    token = _limits.set((limits, deadline))
    in_main = threading.current_thread() is threading.main_thread()
    previous = None
    if in_main:
        def too_slow(signum, frame):
            raise TooSlow(f"took longer than {limits.seconds:g} s")

        previous = signal.signal(signal.SIGALRM, too_slow)
        signal.setitimer(signal.ITIMER_REAL, limits.seconds)
    try:
        yield
    finally:
        if in_main:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _limits.reset(token)


log = logging.getLogger("hansard.fetch")


class LoggedRetry(Retry):
    """urllib3's retry policy, saying each retry it makes (the operator sees why a run waits).

    A server's ``Retry-After`` is honoured up to :attr:`MAX_RETRY_AFTER` seconds, never an hour.
    """

    MAX_RETRY_AFTER = 60.0

    def parse_retry_after(self, retry_after: str) -> float:
        asked = super().parse_retry_after(retry_after)
        if asked > self.MAX_RETRY_AFTER:
            log.warning("server asked to wait %.0f s; waiting %.0f s", asked, self.MAX_RETRY_AFTER)
        return min(asked, self.MAX_RETRY_AFTER)

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        why = f"HTTP {response.status}" if response is not None else type(error).__name__ if error else "error"
        host = _pool.host if _pool is not None else ""
        new = super().increment(method, url, response, error, _pool, _stacktrace)
        log.warning("retrying %s%s after %s (%d retries left)", host, url or "", why, new.total if isinstance(new.total, int) else -1)
        return new


@dataclass
class FetchResult:
    url: str  # the final URL, after any redirects
    status: int
    text: str
    from_cache: bool  # True when nothing was downloaded (a 304, or still fresh)
    content_type: str = ""


REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5


@dataclass
class PoliteClient:
    """Rate-limited, cached, retrying HTTP GETs that respect robots.txt."""

    cache_dir: Path
    min_interval: float = 1.0  # seconds between requests to the network
    timeout: float = 30.0
    retries: int = 5
    backoff: float = 1.0
    user_agent: str = USER_AGENT
    limits: Limits = Limits()
    # Hosts redirects may lead to, besides the host asked; empty: that host only.
    allowed_hosts: frozenset[str] = frozenset()
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
        adapter = LimitedAdapter(max_retries=retry_policy)
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
                with limited(Limits(max_bytes=1 << 20, seconds=self.limits.seconds)):
                    response = self.session.get(f"{origin}/robots.txt", timeout=self.timeout, expire_after=24 * 3600)
                    lines = response.text.splitlines() if response.status_code == 200 else []
                parser.parse(lines)
            except requests.exceptions.ConnectionError as err:
                if "Read timed out" not in str(err):
                    raise Unreachable(f"cannot reach {parts.netloc}: {_first_reason(err)}") from err
                parser.parse([])
            except (requests.RequestException, TooLarge, TooSlow):
                parser.parse([])
            self._robots[origin] = parser
        return parser.can_fetch(self.user_agent, url)

    def _redirect(self, origin: str, current: str, location: str | None, hops: int) -> str:
        """The next URL of a redirect, if it stays on the hosts allowed (and robots.txt allows it)."""
        if not location or hops >= MAX_REDIRECTS:
            raise RedirectRefused(f"{origin}: {'too many redirects' if location else 'a redirect without a Location'}")
        target = urljoin(current, location)
        host, asked = urlsplit(target).netloc.lower(), urlsplit(origin).netloc.lower()
        if urlsplit(target).scheme not in ("http", "https") or (host != asked and host not in self.allowed_hosts):
            raise RedirectRefused(f"{origin}: redirect to {target} refused (another host)")
        if not self.allowed(target):
            raise Disallowed(target)
        return target

    def download(self, url: str, target: Path, *, max_bytes: int) -> int:
        """Stream ``url`` into ``target`` (not cached), stopping with an error past ``max_bytes``."""
        if not self.allowed(url):
            raise Disallowed(url)
        written = 0
        current, hops = url, 0
        with requests.Session() as plain:
            plain.headers["User-Agent"] = self.user_agent
            plain.mount("http://", self.session.get_adapter("http://"))
            plain.mount("https://", self.session.get_adapter("https://"))
            while True:
                self._wait_turn()
                try:
                    # a volume may be large: its own byte cap, and a minute per 64 MB
                    with limited(Limits(max_bytes, max(self.limits.seconds, 60.0 * (max_bytes >> 26)))):
                        with plain.get(current, timeout=self.timeout, stream=True, allow_redirects=False) as response:
                            if response.status_code in REDIRECTS:
                                current, hops = self._redirect(url, current, response.headers.get("Location"), hops), hops + 1
                                continue
                            response.raise_for_status()
                            with target.open("wb") as sink:
                                for chunk in response.iter_content(1 << 20):
                                    written += len(chunk)
                                    if written > max_bytes:
                                        raise TooLarge(f"{url}: more than {max_bytes} bytes")
                                    sink.write(chunk)
                except requests.exceptions.ConnectionError as err:
                    raise Unreachable(f"cannot reach {urlsplit(url).netloc}: {_first_reason(err)}") from err
                return written

    def get(self, url: str) -> FetchResult:
        """GET ``url``, following redirects within the hosts allowed; the result names the final URL.

        Raises ``Disallowed``, ``RedirectRefused``, ``TooLarge``, ``TooSlow``, or
        ``requests.HTTPError`` once retries are spent.
        """
        if not self.allowed(url):
            raise Disallowed(url)
        current, hops = url, 0
        while True:
            result = self._get(current)
            if result.status not in REDIRECTS:
                return result
            current, hops = self._redirect(url, current, result.text, hops), hops + 1

    @retry(
        retry=retry_if_exception_type((TruncatedBody, requests.exceptions.ChunkedEncodingError)),
        stop=stop_after_attempt(4),
        wait=wait_exponential(multiplier=0.5, max=10),
        reraise=True,
    )
    def _get(self, url: str) -> FetchResult:
        self._wait_turn()  # a revalidation is a request too
        try:
            with limited(self.limits):
                response = self.session.get(url, timeout=self.timeout, allow_redirects=False)
                declared = response.headers.get("Content-Length")
                body = response.content
        except requests.exceptions.ConnectionError as err:
            if isinstance(err, requests.exceptions.ChunkedEncodingError) or "Read timed out" in str(err):
                raise
            raise Unreachable(f"cannot reach {urlsplit(url).netloc}: {_first_reason(err)}") from err
        except (TooLarge, TooSlow) as err:
            self.session.cache.delete(urls=[url])
            raise type(err)(f"{url}: {err}") from None
        if response.status_code in REDIRECTS:
            return FetchResult(url, response.status_code, response.headers.get("Location") or "", False)
        from_cache = bool(getattr(response, "from_cache", False))
        plain = not response.headers.get("Content-Encoding")
        if not from_cache and plain and declared is not None and declared.isdigit() and int(declared) != len(body):
            self.session.cache.delete(urls=[url])
            raise TruncatedBody(f"{url}: {len(body)} of {declared} bytes")
        response.raise_for_status()
        return FetchResult(url, response.status_code, response.text, from_cache, response.headers.get("Content-Type", ""))


# What one URL failing can raise; the run records it and goes on (Unreachable stops the run).
FETCH_ERRORS = (requests.RequestException, TooLarge, TooSlow, RedirectRefused, BadBody, TruncatedBody, ValueError)


def _first_reason(err: Exception) -> str:
    """The innermost reason of a connection error, in one short phrase."""
    text = str(err)
    m = re.search(r"(Name or service not known|Temporary failure in name resolution|Connection refused|Network is unreachable|No route to host|timed out)", text)
    return m.group(1) if m else text.splitlines()[0][:160]
