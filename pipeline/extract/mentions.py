"""Agency and instrument mentions of every copy of a question (both its parts)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import polars as pl

from pipeline.extract import agencies as agency_rules
from pipeline.extract import instruments as instrument_rules
from pipeline.extract.names import without_scheme_word
from pipeline.metadata import COPY_KEY, store_schema
from pipeline.metadata.enums import Part

MENTION_ROW = store_schema("mentions")


def extract_mentions(questions: pl.DataFrame, links: Sequence[Sequence[str]] | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Agency and instrument mentions of every question (both parts); ``links``, one list per row, the texts of its answer's links.

    One pass per question: the instruments found first mask the agency
    matcher, and acronyms defined anywhere in a question resolve bare uses
    in both its parts. The per-question loop runs C-level matchers
    (Aho-Corasick, ``re``) over each text once.
    """
    agency_rows: list[dict] = []
    instrument_rows: list[dict] = []
    known = agency_rules.gazetteer()
    # the sitting's year dates bare acronyms (a frame without dates reads every body as current)
    dated = questions.schema.get("sitting_date") in (pl.Date, pl.Datetime)
    years = questions["sitting_date"].dt.year() if dated else pl.repeat(None, questions.height, dtype=pl.Int32, eager=True)
    links = links if links is not None else [()] * questions.height
    # Grouped questions share their answer, and copies of a page their texts: the rules read each
    # text once a batch (for the same links, acronyms and year they find the same mentions).
    instruments_read: dict[tuple[str, tuple[str, ...]], list] = {}
    agencies_read: dict[tuple, list] = {}
    for (qid, source_id, record, qtext, atext), sitting_year, answer_links in zip(questions.select(*COPY_KEY, "question_text", "answer_text").iter_rows(), years, links, strict=True):
        parts = [(Part.QUESTION, qtext or ""), (Part.ANSWER, atext or "")]
        cited = {part: cited_headings(text) for part, text in parts}
        part_links = {Part.QUESTION: (), Part.ANSWER: tuple(answer_links)}  # (links are the answer's)
        found = {}
        for part, text in parts:
            key = (text, part_links[part])
            if (read := instruments_read.get(key)) is None:
                read = instruments_read[key] = _outside(instrument_rules.link_identifiers(instrument_rules.find_instruments(text, key[1]), text), cited[part])
            found[part] = read
        canonical = _canonical_instruments([m for ms in found.values() for m in ms], [pair for part, text in parts for pair in _short_forms(found[part], text)])
        acronyms: dict[str, agency_rules.Agency] = {}
        for part, text in parts:
            acronyms.update(agency_rules.define_acronyms(text, known, [(m.start, m.end) for m in found[part]]))
        for part, text in parts:
            if found[part]:
                found[part] = _outside_curated_bodies(found[part], text, known)
            # (a title the cut may have shortened is not published, but still holds the bodies it names)
            for m in _whole_before_the_cut(found[part], text, keep=lambda m: m.year is not None or m.identifier is not None):
                kind, title, identifier, year = canonical.get((m.kind, m.title), (m.kind, m.title, m.identifier, m.year))
                instrument_rows.append(
                    dict(question_id=qid, source_id=source_id, record=record, part=part, char_start=m.start, char_end=m.end, surface=m.surface,
                         ref_id=instrument_rules.instrument_id(kind, title), name=title, acronym=None, kind=kind,
                         identifier=identifier, year=year)
                )
        defined = tuple(acronyms.items())  # (in the order defined: a later acronym of one body is the one it carries)
        bodies = {}
        for part, text in parts:
            key = (text, part_links[part], defined, sitting_year)
            if (read := agencies_read.get(key)) is None:
                read = agencies_read[key] = agency_rules.find_agencies(text, acronyms, [*((m.start, m.end) for m in found[part]), *cited[part]], known, sitting_year)
            bodies[part] = read
        if any(a.surface.isupper() for found_bodies in bodies.values() for a in found_bodies):
            spelled = agency_rules.spelled_otherwise([text for _, text in parts], [a for found_bodies in bodies.values() for a in found_bodies], known)
            bodies = {part: [a for a in found_bodies if a.surface not in spelled or a.surface in acronyms] for part, found_bodies in bodies.items()}
        merged = agency_rules.one_body_per_short_form([a for part, _ in parts for a in bodies[part]], known)
        bodies = {Part.QUESTION: merged[: len(bodies[Part.QUESTION])], Part.ANSWER: merged[len(bodies[Part.QUESTION]) :]}
        for part, text in parts:
            for a in _whole_before_the_cut(bodies[part], text, keep=lambda a: a.agency.agency_id in known.by_id):
                agency_rows.append(
                    dict(question_id=qid, source_id=source_id, record=record, part=part, char_start=a.start, char_end=a.end, surface=a.surface,
                         ref_id=a.agency.agency_id, name=a.agency.name, acronym=a.agency.acronym, kind=a.agency.kind,
                         identifier=None, year=None)
                )
    return pl.DataFrame(agency_rows, schema=MENTION_ROW), pl.DataFrame(instrument_rows, schema=MENTION_ROW)


# "pursuant to the Answer of 4 December 2023 to Question 4342 on Ministry of Defence: Consultants and
# Temporary Employment, how much ...": the cited question's heading, capitalised words and their links,
# a colon before its topic; commas only in the part before that colon ("Department for Levelling Up,
# Housing and Communities: Incentives"), and a full stop only inside a word: a sentence ends it.
_HEADING_WORD = r"[A-Z0-9](?:[\w'’&\-]|\.(?=\w))*"
_HEADING_RUN = rf"{_HEADING_WORD}(?:[^\S\n]+(?:(?:and|of|for|the|in|on|to|&)[^\S\n]+)*{_HEADING_WORD})*"
_COLON_HEADING = rf"(?=[A-Z]){_HEADING_RUN}(?:,[^\S\n]+{_HEADING_RUN})*:[^\S\n]+{_HEADING_RUN}"
_CITED_HEADING = re.compile(
    r"\b(?:to|on)[^\S\n]+(?:[Ww]ritten[^\S\n]+)?(?:[Pp]arliamentary[^\S\n]+)?Questions?[^\S\n]+(?:[Nn]o\.?[^\S\n]*)?(?:UIN[^\S\n]*)?(?:HL)?\d+,?[^\S\n]+"
    # (without its "on" only in the heading's "Department: Topic" form: "to Question 3722 Ministry of Defence: Standards")
    rf"(?:on[^\S\n]+(?P<heading>{_COLON_HEADING}|(?=[A-Z]){_HEADING_RUN})|(?P<bare>{_COLON_HEADING}))"
)


def cited_headings(text: str) -> list[tuple[int, int]]:
    """Spans of the headings of questions a text cites by number: they name the cited question's subject.

    Labellers never count a body or a title that only a cited heading holds
    ("... to Question 1447 on Ministry of Defence: Artificial Intelligence"),
    so no mention is read inside one.
    """
    if "Question" not in text:
        return []
    return [m.span("heading") if m["heading"] is not None else m.span("bare") for m in _CITED_HEADING.finditer(text)]


# A text the listing cut short ends in "..." (the API's list records: "... to the International Federation
# of Red Cross ..."): a new name or a title the cut may have shortened is not read (the labels count only
# names printed whole). Between the name and the cut at most one word that could carry it on: a capitalised
# word, a name's link word, or what the cut leaves of one ("... Federation o..."); a lower-case word the cut
# splits that can be no link ("benefits such as Universal Credit ha...") leaves the name whole. A body of the
# table is whole ("the Treasury’..."), and so is a title with its year or number ("the Online Safety Act 2023 and ...").
_CUT_LINKS = ("of", "for", "on", "and", "the", "in")
_CUT_LINK_STARTS = sorted({link[:k] for link in _CUT_LINKS for k in range(1, len(link))}, key=lambda p: (-len(p), p))
_CUT_END = re.compile(
    rf"[^\S\n]*(?:(?:[A-Z][\w'’\-]*|(?:{'|'.join(_CUT_LINK_STARTS)})(?=\.\.\.|…)|{'|'.join(_CUT_LINKS)}|&)[^\S\n]*)?(?:\.\.\.|…)[^\S\n]*$"
)


def _whole_before_the_cut(mentions: list, text: str, keep=lambda mention: False) -> list:
    """The mentions a cut at the text's end leaves whole (and those ``keep`` holds whole anyway)."""
    if not mentions or not text.rstrip().endswith(("...", "…")):
        return mentions
    return [m for m in mentions if keep(m) or not _CUT_END.match(text, m.end)]


def _outside(mentions: list, spans: list[tuple[int, int]]) -> list:
    """The mentions not wholly inside any of ``spans``."""
    return [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)] if spans else mentions


def _outside_curated_bodies(mentions: list, text: str, known) -> list:
    """Instrument mentions that are not a reference body's name or part of one.

    "Office for National Statistics" holds the shape of a statistics series
    ("National Statistics") and "UK Statistics Authority" that of "UK
    Statistics": the body of the reference table is what the text names.
    """
    bodies = agency_rules.reference_spans(text, known)
    # A span that is exactly a body's name is the body ("Department for Energy Security and Net Zero").
    kept = _outside(mentions, bodies)
    # A body's name and "and", "on" or a comma before a title are the body's: "Pension Protection Fund and Financial
    # Assistance Scheme" is the fund (a body) and the scheme; "Ofgem, Energy and Climate Change Fund" a body and a fund;
    # "the Scottish Government on the Tobacco and Vapes Bill" a body and a bill.
    return [_after_body(m, text, bodies) for m in kept]


def _after_body(mention, text: str, bodies: list[tuple[int, int]]):
    for a, b in bodies:
        if a == mention.start and b < mention.end and (joined := re.match(r"(?:[^\S\n]+(?:and|on)|,)[^\S\n]+(?:the[^\S\n]+)?(?=[A-Z])", text[b : mention.end])):
            start = b + joined.end()
            surface = text[start : mention.end]
            if len(surface.split()) >= 2:
                return instrument_rules.InstrumentMention(start, mention.end, surface, mention.kind, instrument_rules.title_of(surface), mention.identifier, mention.year)
    return mention


def _short_forms(mentions: list[instrument_rules.InstrumentMention], text: str) -> list[tuple[instrument_rules.InstrumentMention, instrument_rules.InstrumentMention]]:
    """(short, full) for a title the text shortens in brackets after printing it whole: "the Police, Crime,
    Sentencing and Courts Act 2022 (PCSC Act)"; the short form has letters for words and is shorter (not
    "Immigration Act 2016 (Immigration Act 2014)", two Acts)."""
    return [
        (short, full)
        for full, short in zip(mentions, mentions[1:])
        if full.kind == short.kind and short.title != full.title and text[full.end : short.start] in (" (", "(") and text[short.end : short.end + 1] == ")"
        and len(short.surface) < len(full.surface) and _LETTERS_FOR_WORDS.search(short.surface)
    ]


_LETTERS_FOR_WORDS = re.compile(r"\b[A-Z]{2,}")


def _canonical_instruments(
    mentions: list[instrument_rules.InstrumentMention],
    short_forms: Sequence[tuple[instrument_rules.InstrumentMention, instrument_rules.InstrumentMention]] = (),
) -> dict[tuple[str, str], tuple[str, str, str | None, int | None]]:
    """Within one question, short forms and bare titles resolve to the fullest mention, and a short form
    defined in brackets (``short_forms``, (short, full)) to its full title."""
    canonical: dict[tuple[str, str], tuple[str, str, str | None, int | None]] = {}
    fullest = sorted(mentions, key=lambda m: (-len(m.title), m.start))
    bare = {m.title: without_scheme_word(m.title) for m in mentions}
    for m in mentions:
        best = (m.kind, m.title, m.identifier, m.year)
        for f in fullest:
            if (f.title == m.title and f.identifier and not best[2]) or (m.identifier and f.identifier == m.identifier and len(f.title) > len(best[1])):
                best = (f.kind, f.title, f.identifier, f.year)
            elif f.title != m.title and (
                f.title.startswith(m.title + ":")
                or (f.kind == m.kind and m.year is None and re.fullmatch(r",?\s*\d{4}\b.*", f.title[len(m.title) :]) is not None and f.title.startswith(m.title))
            ):
                best = (f.kind, f.title, f.identifier, f.year)
                break
            elif f.kind == m.kind and f.title != m.title and bare[f.title].lower() == bare[m.title].lower() and (
                f.title == bare[f.title] or (len(f.title) > len(m.title) and m.title != bare[m.title])
            ):
                # "the JobStart programme" and "the JobStart scheme": one scheme, named without the word if it is printed so
                best = (f.kind, f.title, f.identifier, f.year)
                break
        canonical[(m.kind, m.title)] = best
    if short_forms:
        defined = {canonical[(short.kind, short.title)]: canonical[(full.kind, full.title)] for short, full in short_forms}
        canonical = {key: defined.get(value, value) for key, value in canonical.items()}
    return canonical


