"""Links of the sites' index pages; HTML to text lives with the parsers (:mod:`pipeline.parsing.html_blocks`)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from pipeline.parsing.html_blocks import html_to_text

__all__ = ["html_to_text", "links"]

def links(html: str, prefix: str) -> list[str]:
    """Hrefs of the page that start with ``prefix``, in page order, without repeats."""
    tree = HTMLParser(html)
    seen: dict[str, None] = {}
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").split("#", 1)[0]
        if href.startswith(prefix) and href.rstrip("/") != prefix.rstrip("/"):
            seen.setdefault(href, None)
    return list(seen)
