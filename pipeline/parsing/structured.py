"""Reading structured pages (archive XML, HTML): paragraphs whose markup names the speaker.

The archive-XML and HTML formats walk their markup and hand each paragraph
here, with the speaker the markup names, the heading and the column in
force; :func:`read_speech` decides whether it opens a question, answers the
open one or continues it, and :class:`Reading` collects the records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.parsing.dates import parse_date_text
from pipeline.parsing.patterns import looks_like_member
from pipeline.parsing.question_reader import CONTINUED, UNANSWERED, OpenQuestion, PageContext, finish_answered, question_start
from pipeline.parsing.records import QuestionRecord

_FURTHER_ASKED = re.compile(r"^The (?:hon\.|right hon\.|noble) (?:and \w+ )?(?:Member|Lord|Baroness|Gentleman|Lady) (?:also |further )?(?P<lead>asked)\s")
_LIST_NUMBER = re.compile(r"^\d{1,3}\.\s+")


def squash_spaces(text: str) -> str:
    """Markup text with its whitespace folded: a line break inside a paragraph is not a break in the words."""
    return " ".join(text.split())


@dataclass
class Reading:
    """What the stream has told so far."""

    context: PageContext = field(default_factory=PageContext)
    records: list[QuestionRecord] = field(default_factory=list)
    waiting: list[OpenQuestion] = field(default_factory=list)
    current: OpenQuestion | None = None
    heading: str | None = None
    column: str | None = None
    corrections: list[str] = field(default_factory=list)
    days: int = 0
    answers_seen: int = 0
    root: str | None = None  # the file's first element

    audited: list[str] = field(default_factory=list)  # the words read (sources.text_words)
    fragments: list[tuple[str, str]] = field(default_factory=list)  # (text, reason) outside any record

    def close(self) -> None:
        if self.current is not None:
            self.records.extend(finish_answered(self.current, self.waiting, self.context))
        self.current = None

    def table(self, rows: list[list[str]], speaker: str | None = None) -> None:
        """A table of the open answer (its rows become answer lines); outside an answer its rows are read as paragraphs."""
        rows = [row for row in rows if any(c.strip() for c in row)]
        current = self.current
        if current is not None and (current.answer_lines or current.answerer):
            self.audited += [" ".join(c for c in row if c.strip()) for row in rows]
            current.add_table(rows, self.column)
            return
        for row in rows:
            self.current = read_speech(speaker, " ".join(c for c in row if c.strip()), self)

    def drop_waiting(self) -> None:
        """Questions left unanswered at the end of their section: kept as fragments."""
        self.fragments += [(q.text(), UNANSWERED) for q in self.waiting if q.text()]
        self.waiting.clear()

    def finish(self) -> None:
        """The end of the page: the open question closed, unanswered ones kept as fragments."""
        self.close()
        self.drop_waiting()



def read_speech(member_name: str | None, text: str, r: Reading) -> OpenQuestion | None:
    """One paragraph of a structured page: a question, the answer to the open question, or more of it.

    ``member_name`` is the speaker the markup names (``<member>``, ``<b>Name:</b>``),
    ``text`` the paragraph's words including that name. Returns the question now open.
    """
    current, heading, column = r.current, r.heading, r.column
    r.audited.append(text)
    rest = text
    numbered = _LIST_NUMBER.sub("", text, count=1) if member_name else text  # "10. Mr. Walter: To ask ..."
    if member_name and numbered.startswith(member_name):
        rest = numbered[len(member_name) :].lstrip()
    elif member_name is None and (untagged := re.match(r"^([^:\[]{2,80}?)\s*:\s", text)) and looks_like_member(untagged.group(1)) and not question_start(text):
        # "Mr. RUNCIMAN: I regret ..." printed without its <member> tag.
        member_name, rest = untagged.group(1), text[untagged.end(1) :].lstrip()
    # "[pursuant to her reply, 13 December 1985]: ..." and "[holding answer 27 November 2006]"
    # notes stand between name and words; a holding answer's date is kept.
    holding = None
    if note := re.match(r"^\[([^\]]{0,160})\]\s*", rest):
        if held := re.match(r"\s*holding answer\s+(.+)", note.group(1), re.IGNORECASE):
            holding = parse_date_text(held.group(1))
        rest = rest[note.end() :]
    if holding and current is not None and current.answerer is None and not current.answer_lines:
        current.holding_answer_date = holding
    # "<member>X</member>: To ask ..." or "X asked the ..."
    if rest.startswith(":"):
        spoken = rest[1:].strip()
        if question_start(spoken):
            r.close()
            return OpenQuestion(heading=heading, asker=member_name, question_lines=[spoken], lead_gov="Government" in spoken[:40], question_closed=True, columns=column, merge_cells=False)
        if current is not None:
            if current.answerer is None and not current.answer_lines:
                current.answerer = member_name
                current.add_answer(spoken, column)
                return current
            # A second speaker answering: a new answer to the same question is rare; keep it.
            current.add_answer(text, column)
        return current
    if (again := _FURTHER_ASKED.match(text)) and current is not None:
        # "The hon. Member further asked ...": a second question by the same member.
        asker = current.asker
        r.close()
        return OpenQuestion(heading=heading, asker=asker, question_lines=[text[again.start("lead") :]], lead_gov=False, question_closed=True, columns=column, merge_cells=False)
    asking = numbered if member_name and numbered.startswith(member_name) else text
    m = question_start(asking)
    if m and (m.group("asker") or member_name) and looks_like_member((m.group("asker") or member_name or "").strip()):
        r.close()
        asker = member_name or (m.group("asker") or "").strip()
        return OpenQuestion(heading=heading, asker=asker, question_lines=[asking[m.start("lead") :]], lead_gov=bool(m.group("gov")), question_closed=True, columns=column, merge_cells=False)
    if current is not None:
        if current.answer_lines or current.answerer:
            current.add_answer(text, column)
        else:
            current.question_lines.append(text)
    elif not r.records:
        r.fragments.append((text, CONTINUED))  # words before the first question: an answer begun elsewhere
    return current
