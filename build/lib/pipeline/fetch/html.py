"""HTML pages to the plain text the parsers read, with a real HTML parser (selectolax/Lexbor)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser, LexborNode as Node

_SKIP = {"script", "style", "nav", "header", "footer", "noscript", "form", "button", "svg", "iframe"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "cite", "blockquote", "dt", "dd", "pre", "caption"}
_CONTENT = ("main", "article", "#content", ".content", "body")


def _blocks(node: Node, out: list[str]) -> None:
    for child in node.iter(include_text=False):
        if child.tag in _SKIP or (child.attributes.get("class") or "").find("navigation") >= 0:
            continue
        if child.tag == "tr":
            cells = [" ".join(c.text(separator=" ").split()) for c in child.iter(include_text=False) if c.tag in ("td", "th")]
            line = " ".join(c for c in cells if c)
            if line:
                out.append(line)
        elif child.tag in _BLOCKS and not any(grand.tag in _BLOCKS for grand in child.iter(include_text=False)):
            line = " ".join(child.text(separator=" ").split())
            if line:
                out.append(line)
        else:
            _blocks(child, out)


def html_to_text(html: str) -> str:
    """Block elements of the page's main content, one per paragraph, in document order."""
    tree = HTMLParser(html)
    root = next((tree.css_first(sel) for sel in _CONTENT if tree.css_first(sel) is not None), tree.root)
    lines: list[str] = []
    if root is not None:
        _blocks(root, lines)
    text = "\n\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def links(html: str, prefix: str) -> list[str]:
    """Hrefs of the page that start with ``prefix``, in page order, without repeats."""
    tree = HTMLParser(html)
    seen: dict[str, None] = {}
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").split("#", 1)[0]
        if href.startswith(prefix) and href.rstrip("/") != prefix.rstrip("/"):
            seen.setdefault(href, None)
    return list(seen)
