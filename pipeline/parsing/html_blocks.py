"""HTML to the text lines a question's answer is made of, with a real HTML parser (selectolax/Lexbor).

One line per block: a paragraph, a heading, a list item, a table row (its
cells joined by a space); empty blocks are skipped and entities decoded
(GUIDELINES.md, "Written Questions API records").
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

SKIP = {"script", "style", "nav", "header", "footer", "noscript", "form", "button", "svg", "iframe"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "cite", "blockquote", "dt", "dd", "pre", "caption"}
_CONTENT = ("main", "article", "#content", ".content", "body")
_INLINE_BREAKS = {"br", "hr"}
_CONTAINERS = {"tbody", "thead", "tfoot", "ul", "ol", "dl", "div", "section", "article", "body", "html", "main", "blockquote", "figure"}
# Elements a browser runs into the words around them: their text joins the next without a space
# ("<strong>T</strong>he", "26<sup>th</sup>", "NO<sub>2</sub>"); every other element is a word boundary.
_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "big", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "label",
    "mark", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
}
_DIGITS = re.compile(r"\s*\d")


def _inline_text(node: Node, out: list[str]) -> list[str]:
    """The text under ``node`` as a browser lays it out on one line: inline elements add no space
    ("<strong>T</strong>he" is "The"), a line break, a cell or a block is a word boundary."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            out.append(child.text(deep=False) or "")
        elif tag in SKIP:
            continue
        elif tag in _INLINE and not (tag == "sup" and _DIGITS.match(child.text() or "")):
            _inline_text(child, out)
        else:  # (a footnote number is no part of the figure before it: "2021_2022<sup>3</sup>")
            out.append(" ")
            _inline_text(child, out)
            out.append(" ")
    return out


def _words(node: Node) -> str:
    return " ".join("".join(_inline_text(node, [])).split())


def row_cells(row: Node) -> list[str]:
    """The text of each cell of a table row (empty cells kept as empty strings)."""
    return [_words(c) for c in row.iter(include_text=False) if c.tag in ("td", "th")]


def own_rows(table: Node) -> list[Node]:
    """The rows of a table, without the rows of tables nested in its cells (read with their cell)."""
    def owner(row: Node) -> Node | None:
        parent = row.parent
        while parent is not None and parent.tag != "table":
            parent = parent.parent
        return parent

    return [row for row in table.css("tr") if owner(row) == table]


def block_lines(node: Node, out: list[str] | None = None) -> list[str]:
    """The block-level lines under ``node``, in document order."""
    out = [] if out is None else out
    for child in node.iter(include_text=False):
        if child.tag in SKIP or "navigation" in (child.attributes.get("class") or ""):
            continue
        if child.tag == "tr":
            line = " ".join(c for c in row_cells(child) if c)
            if line:
                out.append(line)
        elif child.tag in BLOCKS and not any(grand.tag in BLOCKS for grand in child.iter(include_text=False)):
            line = _words(child)
            if line:
                out.append(line)
        else:
            block_lines(child, out)
    return out


def fragment_pieces(html: str) -> list[tuple[str, object]]:
    """An HTML fragment whose text may stand outside any block ("Text.<p> </p>More text.") as
    ("line", text) and ("table", rows of cells) pieces, in document order: each block element a
    line, each table its rows, and the inline text between blocks a line; then a ("link", text)
    piece for each link, its text as the lines print it."""
    tree = HTMLParser(f"<body>{html}</body>")
    out: list[tuple[str, object]] = []
    buffer: list[str] = []

    def flush() -> None:
        line = " ".join("".join(buffer).split())  # text nodes keep their own spaces
        if line:
            out.append(("line", line))
        buffer.clear()

    def walk(node: Node) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                buffer.append(child.text(deep=False) or "")
            elif tag in SKIP:
                continue
            elif tag == "table":
                flush()
                rows = [cells for row in own_rows(child) if any(cells := row_cells(row))]
                if rows:
                    out.append(("table", rows))
            elif tag == "tr":
                flush()
                if any(cells := row_cells(child)):
                    out.append(("table", [cells]))
            elif tag in _INLINE_BREAKS:
                flush()
            elif tag in BLOCKS or tag in _CONTAINERS:
                flush()
                if tag in BLOCKS and not any(g.tag in BLOCKS or g.tag in _CONTAINERS for g in child.iter(include_text=False)):
                    line = _words(child)
                    if line:
                        out.append(("line", line))
                else:
                    walk(child)
                flush()
            else:
                _inline_text(child, buffer) if child.tag in _INLINE else buffer.append(f" {_words(child)} ")
        return None

    if tree.body is not None:
        walk(tree.body)
    flush()
    # each link's text, as the lines print it (a GOV.UK link's text is most often a publication's title)
    if "<a" in html or "<A" in html:
        out.extend(("link", text) for a in tree.css("a") if (text := " ".join("".join(_inline_text(a, [])).split())))
    return out


def html_lines(html: str) -> list[str]:
    """The lines of an HTML fragment (an API answer) or page (its main content)."""
    tree = HTMLParser(html)
    root = next((tree.css_first(sel) for sel in _CONTENT if tree.css_first(sel) is not None), tree.root)
    return block_lines(root) if root is not None else []


def html_to_text(html: str) -> str:
    """Block elements of the page's main content, one per paragraph, in document order."""
    text = "\n\n".join(html_lines(html))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
