"""Member names as pages print them: honorifics and titles, names fused to the next word, parties."""

from __future__ import annotations

import re

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


# Party tags printed after a name: "Baroness Scotland of Asthal (Lab)".
PARTY = r"(?:Con|Lab|LD|Lib Dem|CB|Bp|Non-Afl|UUP|DUP|SNP|PC|Ind)"
GOVERNMENT = r"(?:Her|His) Majesty(?:'|’|`)?s Government"
NAME_WORD = r"[A-Z][A-Za-z'’\-]+"
# Member names as printed on their own line: "Lord Rooker", "Mr. Straw",
# "Anne Main", "The Minister of State, Home Office (Lord Bassam of Brighton)".
NAME_LINE = re.compile(
    rf"^(?:\d{{1,3}}\.\s+)?(?:{TITLES}\.?(?:\s+(?:{NAME_WORD}\.?|of|and|the|de|le|la|du|van|von|St\.?|[A-Z]\.))+"
    rf"|The\s+[A-Z][^()]{{3,140}}\([^()]{{3,80}}\)"
    rf"|{NAME_WORD}(?:\s+(?:[A-Z]\.|{NAME_WORD})){{1,3}})(?:\s*\((?!\s)[^()]{{2,40}}\))?\s*:?\s*$"
)


def is_name_line(line: str) -> bool:
    """A line that holds only a member's name (or office and name)."""
    if len(line) > 160 or line.endswith((".", "?")) and not re.search(r"\b(?:Mr|Mrs|Ms|Dr|St)\.$", line):
        return False
    return bool(NAME_LINE.match(line))


def looks_like_member(text: str) -> bool:
    text = text.strip().rstrip(":")
    if len(text) > 200 or text.endswith((".", ",")) and not text.endswith(("Mr.", "Mrs.", "Dr.", "Ms.")):
        return False
    return bool(NAME_LINE.match(text))


def member_name(line: str) -> str:
    """A name line as the member's name: list number, colon, party and constituency dropped."""
    line = re.sub(r"^\d{1,3}\.\s+", "", line.strip()).rstrip(":").strip()
    line = re.sub(rf"\s*\({PARTY}\)$", "", line)
    if not line.startswith("The "):  # "MR. LEAMY (Kildare, N.)": the constituency is not the name
        line = re.sub(r"\s*\([^()]{2,40}\)$", "", line)
    return line
