"""Links of the sites' index pages; HTML to text lives with the parsers (:mod:`pipeline.parsing.html_blocks`)."""

from __future__ import annotations

import posixpath
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from pipeline.parsing.html_blocks import html_to_text

__all__ = ["html_to_text", "links"]

def normalised(url: str) -> str:
    """``url`` with its path's ``.`` and ``..`` segments resolved, query kept, fragment dropped."""
    parts = urlsplit(url)
    path = posixpath.normpath(unquote(parts.path)) if parts.path else "/"
    path = path if path != "." else "/"
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), quote(path.replace("//", "/")), parts.query, ""))


def links(html: str, base_url: str, prefix: str) -> list[str]:
    """Absolute URLs of the links of a page under ``prefix`` on ``base_url``'s host, in page order, without repeats.

    Each link is resolved and normalised before the check, so ``DAY/../../x``
    and links to other hosts never pass it.
    """
    tree = HTMLParser(html)
    host = urlsplit(base_url).netloc.lower()
    root = prefix.rstrip("/") + "/"
    seen: dict[str, None] = {}
    for a in tree.css("a[href]"):
        url = normalised(urljoin(base_url, a.attributes.get("href") or ""))
        parts = urlsplit(url)
        if parts.netloc == host and unquote(parts.path).startswith(root) and unquote(parts.path).rstrip("/") != root.rstrip("/"):
            seen.setdefault(url, None)
    return list(seen)
