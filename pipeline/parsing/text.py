"""Text rules shared by the page parsers: dates, URLs, furniture, names, references."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i
    for i, names in enumerate(
        [
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
        ],
        start=1,
    )
    for m in names
}
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


# --- references -------------------------------------------------------------

# "[HL867]", "(217968)", "[15214]", "[HL 1690]"; a trailing reference ends a question.
REFERENCE = re.compile(r"[\[(]\s*((?:HL\s?)?\d{1,7}[A-Z]?)\s*[\])]")
TRAILING_REFERENCE = re.compile(r"\s*[\[(]\s*((?:HL\s?)?\d{1,7})\s*[\])]\s*$")


def references_in(question: str) -> list[str]:
    """The question's own reference numbers, in order, without brackets.

    Bracketed numbers that are not references (list parts "(1)", "(a)",
    column citations "(WA 213)") are left alone: a reference is a number of
    three or more digits, or an HL number.
    """
    refs = []
    for m in REFERENCE.finditer(question):
        ref = m.group(1).replace(" ", "")
        if ref.startswith("HL") or len(ref) >= 3:
            refs.append(ref)
    return refs


def strip_references(question: str) -> str:
    """Remove the question's reference brackets from its text."""

    def keep_or_drop(m: re.Match[str]) -> str:
        ref = m.group(1).replace(" ", "")
        return "" if (ref.startswith("HL") or len(ref) >= 3) else m.group(0)

    text = REFERENCE.sub(keep_or_drop, question)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


# --- page furniture ---------------------------------------------------------

HOLDING_ANSWER = re.compile(r"(?P<before>^|\S)[ \t]*\[\s*(?:holding answer|pursuant to)[^\]]*\][ \t]*(?P<colon>:?)[ \t]*", re.IGNORECASE | re.MULTILINE)


def _drop_holding_answer(m: re.Match[str]) -> str:
    # "Mr. Lilley [holding answer 20 July 1989] : The ..." keeps the colon after the name;
    # "[holding answer 23 November 2009]: Personal ..." at a line start loses it.
    if m.group("before"):
        return m.group("before") + (": " if m.group("colon") else " ")
    return ""
PARAGRAPH_MARK = re.compile(r"§\s*")
# "28WA", "647W", "WA 305" alone or glued into a sentence (column markers).
INLINE_COLUMN = re.compile(r"(?<=[a-z,;])\s*\b\d{1,4}\s?W[AS]?\b\s*(?=[a-z])")
COLUMN_LINE = re.compile(
    r"^\s*(?:\d{1,2}\s+\w{3,9}\s+\d{4}\s*:\s*)?Column\s+(?:WA\s?)?\d+W?[AS]?(?:\s*[—–-]\s*continued)?\s*$"
    r"|^\s*(?:WA|W)?\s?\d{1,4}\s?(?:WA|W|WS)?\s*$",
    re.IGNORECASE,
)
NAVIGATION_LINE = re.compile(
    r"^\s*(?:Skip to main content|Previous Section\b.*|Next Section\b.*|Index\s+Home Page.*|"
    r"(?:Previous|Next|Back to|Forward to)\b.{0,120}|"
    r"The text on this page has been created from Hansard archive content.*|"
    r"Back to top|Home Page)\s*$",
    re.IGNORECASE,
)


# 1900s pages: "(Answer.) The relief given ...—(India Office.)"
OLD_ANSWER_TAGS = re.compile(r"^\(Answer\.\)\s*|\s*—\((?:[A-Z][\w' ]+ )?(?:Office|Department|Board)\.\)$", re.MULTILINE)


def remove_furniture(text: str) -> str:
    """Drop '§' marks, holding-answer notes and old answer tags."""
    # Each pattern runs only on pages that hold its mark: most pages hold none.
    if "§" in text:
        text = PARAGRAPH_MARK.sub("", text)
    if "[" in text:
        text = HOLDING_ANSWER.sub(_drop_holding_answer, text)
    if "(Answer.)" in text or "—(" in text:
        text = OLD_ANSWER_TAGS.sub("", text)
    return text


# --- names ------------------------------------------------------------------

TITLES = (
    r"(?:MR|MRS|SIR|DR|LORD|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess|"
    r"Marquess|Duke|Bishop|Archbishop|Captain|Major|Colonel|Lieut\.?-?Colonel|Lieutenant-Colonel|"
    r"Commander|Admiral|General|Brigadier|Rev|Professor|The Earl|The Lord|The Countess|The Duke|"
    r"The Marquess|The Viscount|The Lord Bishop|The Bishop|Mr\. Deputy Speaker)"
)
# "Mr. Carlisleasked", "Mr. MABANEasked", "Mrs. Iris RobinsonTo ask" -> split before the lead-in,
# only where what stands before it at the start of a line is a member's name.
FUSED_ASKED = re.compile(
    rf"^(?P<name>(?:\d{{1,3}}\.\s+)?(?:{TITLES}\.?\s+)?(?:[A-Z][\w'’.\-]*\s+(?:of\s+|and\s+|de\s+)*){{0,5}}[A-Z][\w'’.\-]*?(?:\s*\([^()]{{2,40}}\))?)"
    r"(?P<lead>asked|To ask)(?=\s+(?:Her|His|the|Mr|Mrs|Ms|Miss|if)\b)",
    re.MULTILINE,
)
# "(Baroness Blatch)Detention" -> split after the closing bracket.
FUSED_BRACKET = re.compile(r"(\((?:[^()]{2,60})\))(?=[A-Z])")
# "Mr. Straw:The" -> "Mr. Straw: The"
FUSED_COLON = re.compile(r"(?<=[a-z.]):(?=[A-Z])")


def split_fused(text: str) -> str:
    """Split member names the page fused to the next word."""
    text = FUSED_ASKED.sub(lambda m: f"{m.group('name').rstrip()} {m.group('lead')}", text)
    text = FUSED_BRACKET.sub(r"\1 ", text)
    return text


_SPACES = re.compile(r"[ \t\u00a0]+")


def squash_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# --- lead-ins ---------------------------------------------------------------

# The addressee ends at the first lower-case word that is not part of an office.
_OFFICE_LINKS = {"of", "for", "and", "the", "without", "in"}


_CAPS = r"[A-Z][\w'’\-]*(?:(?:\s+(?:of|and|for)(?:\s+the)?)?\s+[A-Z][\w'’\-]*)*"
_MEMBER_REPRESENTING = re.compile(
    rf"^(the (?:right )?hon\. (?:and (?:learned|gallant) )?Member for {_CAPS}(?:,? (?:as )?representing (?:the )?{_CAPS})?)(?=,?\s+[a-z(])"
)


def split_addressee(after_to_ask: str) -> tuple[str | None, str]:
    """Split 'the Secretary of State for Health what steps ...' into addressee and question."""
    if m := _MEMBER_REPRESENTING.match(after_to_ask):
        # "the hon. Member for North Devon, representing the House of Commons Commission what cars ..."
        return m.group(1), after_to_ask[m.end() :].lstrip(" ,")
    words = list(re.finditer(r"\S+", after_to_ask))
    end = 0
    for i, w in enumerate(words):
        token = w.group(0)
        bare = token.strip(",;:")
        if i == 0 and bare.lower() == "the":
            end = w.end()
            continue
        if bare[:1].isupper() or bare.lower() in _OFFICE_LINKS and i > 0:
            # "in" only links inside an office name when a capital follows.
            if bare.lower() == "in" and not (i + 1 < len(words) and words[i + 1].group(0)[:1].isupper()):
                break
            end = w.end()
            if token.endswith((":", ";")):
                break
            continue
        break
    addressee = after_to_ask[:end].rstrip(" ,:;")
    rest = after_to_ask[end:].lstrip(" ,:;")
    if not addressee or addressee.lower() == "the":
        return None, after_to_ask.strip()
    # An office never ends with a linking word: give it back to the question.
    while addressee.split()[-1].lower() in _OFFICE_LINKS:
        last = addressee.split()[-1]
        addressee = addressee[: -len(last)].rstrip(" ,")
        rest = f"{last} {rest}"
    return addressee, rest.strip()
