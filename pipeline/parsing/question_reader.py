"""Reading questions and answers out of a page's lines.

Text pages of every family come down to the same shape once their header is
read: lines that are headings, member names, questions ("... asked Her
Majesty's Government:", "To ask the Secretary of State ...") and answer
paragraphs. :func:`read_page` walks that shape once per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pipeline.parsing.records import AnswerTable, PageReading, QuestionRecord
from pipeline.parsing.addressees import split_addressee
from pipeline.parsing.answer_tables import NUMERIC_CELL, merge_table_cells
from pipeline.parsing.furniture import HOLDING_LINE, squash_spaces
from pipeline.parsing.patterns import GOVERNMENT, is_name_line, looks_like_member, member_name
from pipeline.parsing.references import references_in, strip_references

# A line that opens a question, with an optional member name before the lead-in.
QUESTION_START = re.compile(
    rf"^(?:(?:\d{{1,3}}|[A-Z]\d{{1,3}})\.\s+)?(?P<asker>[^:]{{2,90}}?\s+)?"
    rf"(?P<lead>asked\s+(?P<gov>{GOVERNMENT})\s*[:,.]?|To ask\s+|(?:also\s+)?asked\s+(?=the\s|Mr\.?\s|if\s|whether\s))"
    rf"\s*(?P<rest>.*)$",
    re.DOTALL,
)
_QUESTION_START_BARE = re.compile(QUESTION_START.pattern.replace(r"(?P<asker>[^:]{2,90}?\s+)?", "(?P<asker>)"), re.DOTALL)


def is_heading_line(line: str) -> bool:
    """A short title line ("Independent Monitoring Commission", "Sudan: Darfur")."""
    if len(line) > 120 or line.endswith((".", ",", ";", "?")) or NUMERIC_CELL.match(line):
        return False
    words = line.split()
    if not words or not words[0][:1].isupper():
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w.lower() in {"and", "of", "the", "in", "on", "for", "to", "(", "&"})
    return capitalised >= max(1, len(words) - 1)


def question_start(line: str) -> re.Match[str] | None:
    """Match a line that opens a question; the asker part must look like a name."""
    m = QUESTION_START.match(line)
    if not m:
        return None
    asker = (m.group("asker") or "").strip()
    if asker and not looks_like_member(asker):
        # "also asked the President ...": no name before the lead-in after all.
        return _QUESTION_START_BARE.match(line)
    return m


@dataclass
class PageContext:
    """What the page header tells about every question on it."""

    house: str | None = None
    sitting_date: object = None
    volume: int | None = None
    columns: str | None = None
    heading: str | None = None
    department: str | None = None


@dataclass
class OpenQuestion:
    heading: str | None
    asker: str | None
    question_lines: list[str]
    lead_gov: bool
    answerer: str | None = None
    answer_lines: list[str] = field(default_factory=list)
    question_closed: bool = False
    columns: str | None = None
    # Column in force at each answer line (pages that print column markers).
    answer_columns: list[str | None] = field(default_factory=list)
    # Text pages print a table one cell per line, to be joined into rows; XML and HTML give rows.
    merge_cells: bool = True
    holding_answer_date: date | None = None
    # Tables among the answer lines: (index of the first row's line, rows of cells).
    tables: list[tuple[int, list[list[str]]]] = field(default_factory=list)

    def add_table(self, rows: list[list[str]], column: str | None) -> None:
        """A table's rows as answer lines (cells joined by a space), remembered as a table."""
        rows = [[c for c in row] for row in rows if any(c.strip() for c in row)]
        if not rows:
            return
        self.tables.append((len(self.answer_lines), rows))
        for row in rows:
            self.add_answer(" ".join(c for c in row if c.strip()), column)

    def add_answer(self, line: str, column: str | None) -> None:
        self.answer_lines.append(line)
        self.answer_columns.append(column)

    def text(self) -> str:
        """The question as printed, heading and asker first (for a fragment when it is never answered)."""
        return "\n".join([*([self.heading] if self.heading else []), *([self.asker] if self.asker else []), *self.question_lines, *self.answer_lines])

    def drop_cut_off_tail(self) -> str:
        """The page was cut off inside this answer: drop the unfinished end, and return it.

        The last line loses its unfinished sentence (or goes, if it has no
        finished one); then headings of a next question that the cut left
        behind ("Male Prisoners (Nationality)") go too.
        """
        dropped: list[str] = []
        if not self.answer_lines:
            return ""
        last = self.answer_lines[-1].rstrip()
        if not last.endswith((".", "?", "!", ":")):
            end = max(last.rfind(". "), last.rfind("? "), last.rfind(": "))
            if end > 0:
                self.answer_lines[-1] = last[: end + 1]
                dropped.append(last[end + 1 :].strip())
            elif len(self.answer_lines) > 1:
                dropped.append(self.answer_lines.pop())
                self.answer_columns.pop()
            # else: the cut came inside the first sentence; the question was answered,
            # so it is kept with what is left of the answer (answer_complete = false).
        while self.answer_lines and is_heading_line(self.answer_lines[-1]) and not re.search(r"\d", self.answer_lines[-1]):
            dropped.insert(0, self.answer_lines.pop())
            self.answer_columns.pop()
        return "\n".join(d for d in dropped if d)


# Why a fragment is not part of a question (answer_fragments.reason).
CONTINUED = "text before the page's first question: the end of an answer begun on another page (not joined to it)"
CUT_TAIL = "the unfinished end of an answer where the page is cut off"
CUT_QUESTION = "a question whose answer the page is cut off before"
UNANSWERED = "a question the page prints without an answer"


def read_page(
    lines: list[str],
    context: PageContext,
    *,
    truncated: bool = False,
    column_at: list[str | None] | None = None,
) -> PageReading:
    """Question-and-answer records from a page's body lines, and the text that belongs to none of them.

    ``column_at[i]`` is the column reference in force at line ``i`` (pages
    that print column markers); ``truncated`` marks the last answer as cut off.
    """
    reader = _PageReader(lines, context, column_at)
    records = reader.read(truncated)
    audited = "\n".join([*([context.heading] if context.heading else []), *reader.lines])
    fragments = ([("\n".join(reader.before_first), CONTINUED)] if reader.before_first else []) + reader.fragments
    return PageReading(records, fragments, audited)


class _PageReader:
    """One pass over a page's lines. Each line is offered to the steps in :attr:`STEPS`
    order; the first step that takes it decides what the line is."""

    def __init__(self, lines: list[str], context: PageContext, column_at: list[str | None] | None) -> None:
        # Holding-answer marks (pipeline.parsing.furniture) leave the lines; each date goes with the line after it.
        self.holding: dict[int, date] = {}
        kept, kept_columns, pending = [], [], None
        for k, line in enumerate(lines):
            if m := HOLDING_LINE.match(line):
                pending = date.fromisoformat(m.group(1))
                continue
            if pending is not None:
                self.holding[len(kept)], pending = pending, None
            kept.append(line)
            kept_columns.append(column_at[k] if column_at else None)
        lines, column_at = kept, (kept_columns if column_at else None)
        self.lines, self.context, self.column_at = lines, context, column_at
        self.records: list[QuestionRecord] = []
        self.waiting: list[OpenQuestion] = []  # questions whose answer is printed after the next one
        self.current: OpenQuestion | None = None
        self.heading = context.heading
        self.pending_asker: str | None = None
        self.before_first: list[str] = []  # the lines before the first question
        self.unanswered: list[OpenQuestion] = []  # questions the page prints without an answer
        self.fragments: list[tuple[str, str]] = []  # (text, reason) of what belongs to no record
        # Each line is tested once for opening a question; the steps look one and two lines ahead.
        self.starts = [question_start(line) for line in lines] + [None, None]

    def read(self, truncated: bool) -> list[QuestionRecord]:
        for i, line in enumerate(self.lines):
            any(step(self, i, line) for step in self.STEPS)
            if i in self.holding and self.current is not None and self.current.holding_answer_date is None:
                self.current.holding_answer_date = self.holding[i]
        if self.current:
            if truncated and (tail := self.current.drop_cut_off_tail()):
                self.fragments.append((tail, CUT_TAIL))
            finished = finish_answered(self.current, self.waiting, self.context)
            for last in finished:
                last.complete = not truncated
            self.records.extend(finished)
            if not self.current.answer_lines:
                self.unanswered.append(self.current)
        self.unanswered += self.waiting
        self.fragments += [(q.text(), CUT_QUESTION if truncated else UNANSWERED) for q in self.unanswered if q.text()]
        return [r for r in self.records if r.answer_text]

    def _column(self, i: int) -> str | None:
        return self.column_at[i] if self.column_at else None

    def joint_part(self, i: int, line: str) -> bool:
        """"Asked by Lord X" then two "To ask ... [HL5097]" paragraphs and one answer:
        one question in parts, its references joined."""
        m = self.starts[i]
        if m and _is_joint_part(self.current, m, self.pending_asker):
            self.current.question_lines.append(line)
            return True
        return False

    def opens_question(self, i: int, line: str) -> bool:
        m = self.starts[i]
        if not m:
            return False
        if self.current:
            if self.current.answer_lines or self.current.answerer:
                self.unanswered += self.waiting  # an answered question closes any run of joint questions
                self.waiting.clear()
            self.records.extend(finish_answered(self.current, self.waiting, self.context))
        asker = member_name(m.group("asker") or "") or self.pending_asker
        self.pending_asker = None
        self.current = OpenQuestion(
            heading=self.heading,
            asker=asker,
            question_lines=[line[m.start("lead") :]],
            lead_gov=bool(m.group("gov")),
            columns=self.column_at[i] if self.column_at else self.context.columns,
        )
        self.current.question_closed = _question_ends(line) or _names_answerer(self.lines, i + 1)
        return True

    def introduces_next(self, i: int, line: str) -> bool:
        """A name or heading line printed before the next question."""
        following, after_that = self.starts[i + 1], self.starts[i + 2]
        current = self.current
        if following and not following.group("asker"):
            if is_name_line(line) and not _ends_answer_sentence(line):
                self.pending_asker = member_name(line)
                _drop_trailing_heading(current)
                return True
            if is_heading_line(line) and (current is None or current.answer_lines):
                self.heading = line
                return True
        if not is_heading_line(line):
            return False
        if after_that and not after_that.group("asker") and i + 1 < len(self.lines) and is_name_line(self.lines[i + 1]):
            self.heading = line
            return True
        if following and following.group("asker") and (current is None or current.answer_lines):
            self.heading = line
            return True
        return False

    def before_first_question(self, i: int, line: str) -> bool:
        """Text before the first question: the end of an answer begun on another page, kept as a fragment."""
        if self.current is None:
            self.before_first.append(line)
            return True
        return False

    def continues_question(self, i: int, line: str) -> bool:
        current = self.current
        parts_go_on = not current.answer_lines and current.answerer is None and re.match(r"^\(\d{1,2}\)\s", line)
        if current.question_closed and not parts_go_on:
            return False
        # An unfinished question, or "(2) how much ..." after "(1) ... (172508)": the question goes on.
        current.question_lines.append(line)
        current.question_closed = _question_ends(line) or _names_answerer(self.lines, i + 1)
        return True

    def names_answerer(self, i: int, line: str) -> bool:
        current = self.current
        if current.answerer is None and not current.answer_lines and is_name_line(line):
            current.answerer = member_name(line)
            return True
        return False

    def answer(self, i: int, line: str) -> bool:
        self.current.add_answer(line, self._column(i))
        return True

    STEPS = (joint_part, opens_question, introduces_next, before_first_question, continues_question, names_answerer, answer)


def _is_joint_part(current: OpenQuestion | None, start: re.Match[str], pending_asker: str | None) -> bool:
    """A further "To ask ..." under the same "Asked by", before any answer."""
    return (
        current is not None
        and current.question_closed
        and not current.answer_lines
        and current.answerer is None
        and current.asker is not None
        and pending_asker is None
        and not start.group("asker")
        and start.group("lead").startswith("To ask")
    )


def finish_answered(current: OpenQuestion, waiting: list[OpenQuestion], context: PageContext) -> list[QuestionRecord]:
    """Records for ``current`` and for earlier questions that share its answer.

    Questions printed one after another with one answer ("Asked by Lord X",
    two "To ask ..." paragraphs, then the answer) each get that answer. A
    question never answered on the page gives no record.
    """
    if not current.answer_lines:
        if current.question_lines:
            waiting.append(current)
        return []
    out = []
    for earlier in waiting:
        earlier.answerer = current.answerer
        earlier.answer_lines = list(current.answer_lines)
        earlier.answer_columns = list(current.answer_columns)
        earlier.tables = list(current.tables)
        out.append(finish_question(earlier, context))
    waiting.clear()
    out.append(finish_question(current, context))
    return out


def _names_answerer(lines: list[str], i: int) -> bool:
    return i < len(lines) and is_name_line(lines[i]) and not question_start(lines[i])


def column_span(first: str | None, last: str | None) -> str | None:
    """'WA45' and 'WA46' make 'WA45-6'; '1587W' and '1588W' make '1587-8W'."""
    if not first:
        return last  # the question began before the page's first column marker
    if not last or first == last:
        return first
    a = re.fullmatch(r"([A-Z]*)(\d+)([A-Z]*)", first)
    b = re.fullmatch(r"([A-Z]*)(\d+)([A-Z]*)", last)
    if not a or not b or int(b.group(2)) <= int(a.group(2)):
        return first
    start, end = a.group(2), b.group(2)
    k = 0
    while k < len(start) - 1 and len(start) == len(end) and start[k] == end[k]:
        k += 1
    return f"{a.group(1)}{start}-{end[k:]}{a.group(3)}"


def _drop_trailing_heading(current: OpenQuestion | None) -> None:
    """A heading line printed between two questions is not part of the answer."""
    if current and current.answer_lines and is_heading_line(current.answer_lines[-1]) and len(current.answer_lines) > 1:
        current.answer_lines.pop()


def _ends_answer_sentence(line: str) -> bool:
    return line.endswith((".", "?", ";")) and not re.search(r"\b(?:Mr|Mrs|Ms|Dr|St)\.$", line)


def _question_ends(line: str) -> bool:
    return bool(re.search(r"[\[(]\s*(?:HL\s?)?\d{3,7}\s*[\])]\s*$", line)) or line.rstrip().endswith(("?", "."))


def finish_question(q: OpenQuestion, context: PageContext) -> QuestionRecord:
    question_raw = squash_spaces(" ".join(q.question_lines))
    references = references_in(question_raw)
    question = strip_references(question_raw)
    addressee: str | None
    lead = re.match(rf"^(?:asked\s+({GOVERNMENT})\s*[:,.]?|To ask\s+|(?:also\s+)?asked\s+(?:if\s+(?=the\s))?)", question)
    body = question[lead.end() :] if lead else question
    if lead and lead.group(1):
        addressee = lead.group(1)
        text = body.lstrip(" :")
    else:
        addressee, text = split_addressee(body)
    house = context.house
    lords_text = q.lead_gov or any(r.startswith("HL") for r in references) or bool(addressee and re.match(GOVERNMENT, addressee))
    if house is None or lords_text:
        # What the page prints beats its URL (a Lords page filed under a Commons path).
        house = "Lords" if lords_text else "Commons"
    kept = [k for k, a in enumerate(q.answer_lines) if a.strip()]
    answer_lines = [squash_spaces(q.answer_lines[k]) for k in kept]
    if q.merge_cells:
        answer_lines, found = merge_table_cells(answer_lines)
        tables = answer_tables([t for t in found if len(t[1]) >= 2], {k: k for k in range(len(answer_lines))}, answer_lines)
    else:
        tables = answer_tables(q.tables, {old: new for new, old in enumerate(kept)}, answer_lines)
    return QuestionRecord(
        house=house,
        sitting_date=context.sitting_date,
        volume=context.volume,
        columns=column_span(q.columns, next((c for c in reversed(q.answer_columns) if c), None))
        if q.columns
        else next((c for c in q.answer_columns if c), None),
        heading=q.heading,
        department=context.department,
        addressee=addressee,
        asker=q.asker,
        reference="; ".join(dict.fromkeys(references)) or None,
        question_text=text,
        answerer=q.answerer,
        answer_text="\n".join(answer_lines),
        holding_answer_date=q.holding_answer_date,
        tables=tables,
    )


_NUMERIC = re.compile(r"^[£$€]?\s?[-–—+]?[\d.,]+\s?(?:%|per cent\.?|m|bn|k)?$")


def header_rows(rows: list[list[str]]) -> int:
    """How many leading rows are headers: rows with no figure, above rows with figures."""
    figures = [any(_NUMERIC.match(c.strip()) for c in row if c.strip()) for row in rows]
    if not any(figures):
        return 0
    first = figures.index(True)
    return first if first < len(rows) else 0


def answer_tables(tables: list[tuple[int, list[list[str]]]], line_of: dict[int, int], lines: list[str]) -> list[AnswerTable]:
    """Tables with their character spans in the answer text (each row one line)."""
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    out = []
    for first, rows in tables:
        if first not in line_of or line_of[first] + len(rows) > len(lines):
            continue
        a, b = line_of[first], line_of[first] + len(rows) - 1
        out.append(AnswerTable(starts[a], starts[b] + len(lines[b]), rows, header_rows(rows)))
    return out
