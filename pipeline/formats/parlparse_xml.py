"""ParlParse XML (TheyWorkForYou's scraped Hansard): ``<publicwhip>`` files.

Written answers (``wrans``) print ``<major-heading>`` (the department),
``<minor-heading>`` (the subject), ``<ques speakername=...>`` and
``<reply speakername=...>``; debates print ``<speech>``. ParlParse files
declare HTML's named characters (``&pound;``, ``&nbsp;``) in an inline DTD,
which a safe parser refuses: the DTD is dropped and those names are replaced
by their characters from Python's fixed HTML table before parsing, so no
entity is ever expanded by the parser.
"""

from __future__ import annotations

import html.entities
import re

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from pipeline.formats.archive_xml import root_tag
from pipeline.formats.base import Format, read_whole
from pipeline.metadata.enums import House, SourceFormat
from pipeline.parsing.dates import make_date
from pipeline.parsing.records import NOT_WRITTEN_ANSWERS, QUARANTINED, QUESTIONS_FOUND, PageResult
from pipeline.parsing.structured import Reading, read_speech, squash_spaces

MAX_BYTES = 64 * 1024 * 1024
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+publicwhip\s*(?:\[.*?\]\s*)?>", re.DOTALL | re.IGNORECASE)
_NAMED = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_NAMES = {b"amp", b"lt", b"gt", b"quot", b"apos"}
# "uk.org.publicwhip/wrans/2005-01-10.1.2", "uk.org.publicwhip/lordswrans/...": the series and the day.
_ID_DATE = re.compile(r"publicwhip/(\w+)/(\d{4})-(\d{2})-(\d{2})")


def looks_like_bytes(head: bytes) -> bool:
    return root_tag(head) == "publicwhip"


def _named_characters(m: re.Match[bytes]) -> bytes:
    name = m.group(1)
    if name in _XML_NAMES:
        return m.group(0)
    char = html.entities.html5.get(name.decode("ascii") + ";")
    return f"&#{ord(char[0])};".encode("ascii") if char and len(char) == 1 else b"?"


def parse_bytes(data: bytes) -> PageResult:
    fmt = SourceFormat.PARLPARSE_XML
    cleaned = _NAMED.sub(_named_characters, _DOCTYPE.sub(b"", data, count=1))
    try:
        root = fromstring(cleaned, forbid_dtd=True)
    except (DefusedXmlException, ParseError) as err:
        return PageResult(fmt, QUARANTINED, f"ParlParse XML cannot be read: {type(err).__name__}: {err}")
    kinds = {child.tag for child in root}
    if "ques" not in kinds:
        body = ", ".join(sorted(k for k in kinds if isinstance(k, str))[:6])
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, f"ParlParse XML without written questions (<ques>): a debate or statements ({body})")
    reading = Reading()
    for child in root:
        text = squash_spaces("".join(child.itertext()))
        if child.tag in ("major-heading", "minor-heading") and text:
            reading.audited.append(text)
        if child.tag == "major-heading":
            reading.finish()
            reading.context.department, reading.heading = text, None
        elif child.tag == "minor-heading":
            reading.finish()
            reading.heading = text
        elif child.tag in ("ques", "reply"):
            speaker = child.get("speakername") or None
            if m := _ID_DATE.search(child.get("id", "")):
                reading.context.sitting_date = make_date(int(m.group(2)), int(m.group(3)), int(m.group(4)))
                reading.context.house = House.LORDS if m.group(1).startswith("lords") else House.COMMONS
            for number, paragraph in enumerate(child.iter("p")):
                words = squash_spaces("".join(paragraph.itertext()))
                if words:
                    said = f"{speaker}: {words}" if speaker and number == 0 else words
                    reading.current = read_speech(speaker if number == 0 else None, said, reading)
    reading.finish()
    if not reading.records:
        return PageResult(fmt, NOT_WRITTEN_ANSWERS, "ParlParse written questions without answers")
    return PageResult(fmt, QUESTIONS_FOUND, None, reading.records, audited_text="\n".join(reading.audited), fragments=reading.fragments)


FORMAT = Format(SourceFormat.PARLPARSE_XML, detect_bytes=looks_like_bytes, parse_path=read_whole(SourceFormat.PARLPARSE_XML, MAX_BYTES, "ParlParse file", parse_bytes), parse_bytes=parse_bytes)
