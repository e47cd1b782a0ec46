"""Dates and houses printed on pages and encoded in Hansard URLs."""

from __future__ import annotations

import re
from datetime import date

_NAMES_OF_MONTHS = [
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("may",),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
]
MONTHS = {m: i for i, names in enumerate(_NAMES_OF_MONTHS, start=1) for m in names}
# The months' full names as printed ("January" ... "December"), for the patterns that read dates in text.
MONTH_NAMES = tuple(names[-1].capitalize() for names in _NAMES_OF_MONTHS)
MONTH_PATTERN = "(?:" + "|".join(MONTH_NAMES) + ")"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_TEXT = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_URL_ISO_DATE = re.compile(r"/(\d{4})-(\d{2})-(\d{2})(?:/|$)")
_URL_PATH_DATE = re.compile(rf"/(\d{{4}})/({_MONTH_NAMES})/(\d{{1,2}})(?:/|$)", re.IGNORECASE)
# publications.parliament.uk: ".../cmhansrd/vo060119/...", ".../text/80603w0004.htm" (the
# year's last digit, completed from the session folder "ld200708"), ".../writtens/18082014.htm".
_URL_DAY_FOLDER = re.compile(r"hansrd/(?:cm|vo|ld)(\d{2})(\d{2})(\d{2})/")
_URL_TEXT_FILE = re.compile(r"/text/(\d{5,6})w\d*\.htm")
_URL_SESSION = re.compile(r"/pa/(?:cm|ld)(\d{4})(\d{2})/")
_URL_WRITTENS = re.compile(r"/writtens/(\d{2})(\d{2})(\d{4})\.htm")


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date_text(text: str) -> date | None:
    """First '20 March 2001' / '5th Feb. 2002' style date in ``text``."""
    m = DATE_TEXT.search(text)
    if not m:
        return None
    return make_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))


def house_from_url(url: str | None) -> str | None:
    """House named by a Hansard URL path, if any."""
    if not url:
        return None
    lower = url.lower()
    if re.search(r"/lords/|/ldhansrd/|/ld\d|/lords_|hansard/lords", lower):
        return "Lords"
    if re.search(r"/commons/|/cmhansrd/|/cm\d|/commons_|hansard/commons", lower):
        return "Commons"
    return None


def date_from_url(url: str | None) -> date | None:
    """Sitting date encoded in a Hansard URL path, if any."""
    if not url:
        return None
    if m := _URL_ISO_DATE.search(url):
        return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _URL_PATH_DATE.search(url):
        return make_date(int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3)))
    if m := _URL_DAY_FOLDER.search(url):
        yy = int(m.group(1))
        return make_date(1900 + yy if yy > 50 else 2000 + yy, int(m.group(2)), int(m.group(3)))
    if m := _URL_WRITTENS.search(url):
        return make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if (m := _URL_TEXT_FILE.search(url)) and (session := _URL_SESSION.search(url)):
        digits = m.group(1)
        first = int(session.group(1))
        for year in (first, first + 1):
            if str(year)[-(len(digits) - 4):] == digits[: len(digits) - 4]:
                return make_date(year, int(digits[-4:-2]), int(digits[-2:]))
    return None
