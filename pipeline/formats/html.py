"""Raw HTML pages of the daily Hansard (publications.parliament.uk, hansard.parliament.uk), as fetched.

Read with a real HTML parser (selectolax/Lexbor, as the fetcher uses), keeping
what the markup says: a department heading (``<h3>`` in capitals, anchors
``dpthd``) and the subject heading under it (``<h3>`` centred, anchors
``sbhd``); the speaker of each paragraph (``<b>Mr Leigh:</b>``); the date
(``<h4>``) and column markers ("19 July 2011 : Column 773W"); tables as
one line per row. A page whose headings do not say "Written Answers" (a
debate, oral questions, statements, corrections, an index) is not written
answers, whatever it quotes.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from pipeline.formats.archive_xml import root_tag
from pipeline.formats.base import Format, read_whole
from pipeline.ingest.decoding import MAX_TEXT_BYTES, UnreadableText, decode_page
from pipeline.metadata.enums import House, SourceFormat
from pipeline.parsing.dates import parse_date_text
from pipeline.parsing.html_blocks import own_rows, row_cells
from pipeline.parsing.records import NOT_WRITTEN_ANSWERS, QUARANTINED, QUESTIONS_FOUND, PageResult
from pipeline.parsing.structured import Reading, read_speech, squash_spaces

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!DOCTYPE\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_COLUMN = re.compile(r"^(?P<date>\d{1,2}\s+\w+\s+\d{4})\s*:\s*Column\s+(?P<col>(?:WA|WS)?\s?\d+\s?(?:W|WA|WS)?)", re.IGNORECASE)
_WRITTEN_ANSWERS = re.compile(r"Written Answers", re.IGNORECASE)
_SPEAKER = re.compile(r"^\s*(?P<name>[^:]{2,200}?)\s*:\s*$")


def looks_like_bytes(head: bytes) -> bool:
    """An HTML or XHTML page, by its content (an XML declaration does not make it archive XML)."""
    return root_tag(head) == "html" or bool(_HTML_START.match(head))


def parse_bytes(data: bytes) -> PageResult:
    fmt = SourceFormat.HTML
    try:
        text, _ = decode_page(data)
    except UnreadableText as err:
        return PageResult(fmt, QUARANTINED, str(err))
    tree = HTMLParser(text)
    root = tree.css_first("#content") or tree.body or tree.root
    if root is None:
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, "HTML page has no body")
    headings = [squash_spaces(h.text()) for h in root.css("h1, h2")] + [squash_spaces(t.text()) for t in tree.css("title")]
    if not any(_WRITTEN_ANSWERS.search(h) for h in headings):
        said = next((h for h in headings if h), "no heading")
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, f"HTML page is not written answers (its heading says '{said[:80]}')")
    reading = Reading()
    reading.context.house = House.LORDS if re.search(r"House of Lords|Lords Hansard", text[:5000]) else House.COMMONS
    _walk(root, reading)
    reading.finish()
    if not reading.records:
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, "HTML written-answers page holds no question with an answer")
    return PageResult(fmt, QUESTIONS_FOUND, None, reading.records, audited_text="\n".join(reading.audited), fragments=reading.fragments)


def _is_department(node: Node, anchor: str | None) -> bool:
    style = (node.attributes.get("style") or "").replace(" ", "").lower()
    return "text-transform:uppercase" in style or (anchor or "").startswith("dpthd") or "_dpthd" in (anchor or "")


def _walk(root: Node, r: Reading) -> None:
    anchor: str | None = None  # the last anchor name seen: the daily Hansard names its headings by them
    for node in root.iter(include_text=False):
        tag = node.tag
        if tag == "a" and node.attributes.get("name"):
            anchor = node.attributes.get("name")
        elif tag in ("h3", "h4", "h5"):
            text = squash_spaces(node.text())
            if not text:
                continue
            if tag == "h4" and (when := parse_date_text(text)):
                r.context.sitting_date = when
            elif tag == "h3" and _is_department(node, anchor):
                r.audited.append(text)
                r.close()
                r.context.department = text
                r.heading = None
            else:
                r.audited.append(text)
                r.close()
                r.heading = text
        elif tag == "p":
            _paragraph(node, r)
        elif tag == "table":
            r.table([row_cells(row) for row in own_rows(node)])
        elif tag in ("div", "span", "section", "article", "main", "blockquote", "ul", "ol"):
            if tag in ("ul", "ol"):
                for item in node.css("li"):
                    line = squash_spaces(item.text())
                    if line:
                        r.audited.append(line)
                    if line and r.current is not None:
                        r.current.add_answer(line, r.column)
            else:
                _walk(node, r)


def _paragraph(node: Node, r: Reading) -> None:
    bold = node.css_first("b") or node.css_first("strong")
    words = squash_spaces(node.text())
    if not words:
        return
    if bold is not None and (m := _COLUMN.match(squash_spaces(bold.text()))) and squash_spaces(bold.text()) == words:
        r.column = re.sub(r"\s", "", m.group("col"))
        r.context.sitting_date = r.context.sitting_date or parse_date_text(m.group("date"))
        return
    speaker = None
    if bold is not None and (m := _SPEAKER.match(squash_spaces(bold.text()))) and words.startswith(squash_spaces(bold.text())):
        speaker = m.group("name")
        words = f"{speaker}: {words[len(squash_spaces(bold.text())) :].strip()}"
    r.current = read_speech(speaker, words, r)


FORMAT = Format(SourceFormat.HTML, detect_bytes=looks_like_bytes, parse_path=read_whole(SourceFormat.HTML, MAX_TEXT_BYTES, "HTML page", parse_bytes), parse_bytes=parse_bytes)
