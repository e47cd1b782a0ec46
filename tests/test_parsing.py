"""Each page format, read from real pages of the archive (no Dagster involved)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from defusedxml.ElementTree import parse as safe_parse

from conftest import REPO, SAMPLE, SHARED

SHARED_CORPUS = SHARED / "corpus"
from pipeline.ingest.files import read_sidecar
from pipeline.formats import parse_file

CORPUS = REPO / "tests" / "fixtures" / "corpus"


def parse(path: Path):
    url, may_be_cut, _ = read_sidecar(path)
    return parse_file(path, url, path.stat().st_size, may_be_cut=may_be_cut)


def test_hansard_web_page_with_two_questions():
    result = parse(SAMPLE / "hansard-web/hw-001.txt")
    assert result.format == "hansard_web_text" and result.status == "parsed"
    first, second = result.records
    assert (first.house, first.sitting_date, first.volume, first.heading) == ("Commons", date(2008, 7, 21), 479, "Human Trafficking")
    assert first.addressee == "the Secretary of State for the Home Department"
    assert first.question_text.startswith("when she plans to publish statistics")
    assert (first.reference, second.reference) == ("217968", "219279")
    assert first.answer_text.startswith("We have provided regular information")
    assert second.answer_text.endswith("we are on track to ratify at the end of the year.")


def test_hansard_web_one_line_export_splits_heading_names_and_answers():
    result = parse(SAMPLE / "hansard-web/hw-047.txt")
    assert [r.reference for r in result.records] == ["HL1606", "HL1607", "HL1608"]
    first = result.records[0]
    assert first.heading == "Common Agricultural Policy: Single Farm Payment"
    assert first.asker == "Baroness Byford"
    assert first.answerer == "The Minister of State, Department for Environment, Food and Rural Affairs (Lord Rooker)"
    assert result.records[1].answerer == "Lord Rooker"
    assert first.house == "Lords" and first.sitting_date is None  # nothing on the page or in the URL gives a date
    # the page is cut off: the last answer keeps only its complete sentences
    assert result.records[2].answer_text.endswith(".")
    commons = parse(CORPUS / "hansard-web/hw-067.txt").records[0]
    assert (commons.heading, commons.asker, commons.answerer, commons.house) == ("Carbon Emissions", "Anne Main", "Mr. Straw", "Commons")


def test_hansard_web_archive_layout_with_name_lines():
    q = parse(CORPUS / "hansard-web/hw-080.txt").records[0]
    assert (q.asker, q.answerer) == ("Mr. Meacher", "Mrs. Gillian Shephard")
    assert q.addressee == "the Secretary of State for Social Security"
    assert q.question_text.startswith("(1) what basket of specific items")
    assert q.sitting_date == date(1990, 1, 16)  # from the URL: the page prints no date
    assert q.heading is None


def test_historic_hansard_header_and_name_lines():
    records = parse(SAMPLE / "historic-hansard/hh-009.txt").records
    assert [r.asker for r in records] == ["Lord Hylton", "Lord Lester of Herne Hill"]
    assert {r.columns for r in records} == {"cc97-8WA"}  # the header's columns, on every question
    assert all(r.house == "Lords" and r.volume == 577 and r.sitting_date == date(1997, 1, 30) for r in records)
    assert records[0].answerer == "Baroness Blatch"
    numbered = parse(SAMPLE / "historic-hansard/hh-022.txt").records[0]
    assert (numbered.asker, numbered.answerer, numbered.columns) == ("Mr. Pawsey", "Mr. Curry", "c301W")


@pytest.mark.parametrize(
    ("page", "asker", "answerer", "answer_start"),
    [
        ("historic-hansard/hh-015.txt", "Mrs. Iris Robinson", "Mr. Alexander", "Advice from the Postal Services Commission"),
        ("historic-hansard/hh-023.txt", "Mr. Oram", "Sir E. Boyle", "The table below gives the information required."),
        ("historic-hansard/hh-042.txt", "Dr. Haden Guest", "Sir W. Womersley", "The number of applications received"),
    ],
)
def test_historic_hansard_names_fused_to_the_next_word_are_split(page, asker, answerer, answer_start):
    q = parse(CORPUS / page).records[0]
    assert (q.asker, q.answerer) == (asker, answerer)
    assert q.answer_text.startswith(answer_start)
    assert "§" not in q.question_text + q.answer_text
    assert q.volume is None and q.columns is None  # the § layout prints no header


def test_historic_hansard_1902_page_with_constituency_and_answer_tags():
    q = parse(CORPUS / "historic-hansard/hh-063.txt").records[0]
    assert q.asker == "MR. LEAMY"
    assert q.answerer is None
    assert not q.answer_text.startswith("(Answer.)") and "(India Office.)" not in q.answer_text


def test_historic_hansard_also_asked_is_a_question_not_a_supplementary():
    result = parse(CORPUS / "historic-hansard/hh-004.txt")
    assert result.status == "parsed"
    assert [r.asker for r in result.records] == ["Mr. C. BATHURST", "Mr. FIELD", "Mr. FIELD"]


def test_publications_headings_columns_and_cut_off_end():
    result = parse(SAMPLE / "publications/pub-035.txt")
    assert [r.reference for r in result.records] == ["43056", "42689", "14894", "43724"]
    assert [r.heading for r in result.records] == ["Housing Benefit", "Independent Monitoring Commission", "Joseph Rafferty", "Loyalist Paramilitary Disarmament"]
    assert {r.columns for r in result.records} == {"1587W"}
    assert {r.sitting_date for r in result.records} == {date(2006, 1, 19)}
    assert result.records[0].asker == "Mr. Spellar" and result.records[0].answerer == "Mr. Hanson"
    # the trailing heading and two letters of a cut-off page are not an answer
    assert result.records[-1].answer_text.endswith("held by all loyalist groups.")


def test_publications_lords_questions_whose_text_the_page_lost():
    result = parse(SAMPLE / "publications/pub-036.txt")
    assert [r.columns for r in result.records] == ["WA45", "WA45-6", "WA46"]
    assert all(r.question_text == "" and r.asker == "Lord Laird" and r.answerer == "Lord Rooker" for r in result.records)
    assert result.records[0].answer_text.split("\n")[1:] == ["Number", "Protestant 52", "Roman Catholic 73", "Undetermined 3"]
    asked_by = parse(CORPUS / "publications/pub-009.txt")
    assert asked_by.status == "parsed" and asked_by.records[0].asker == "Lord Alton of Liverpool"


def test_publications_lords_layout_strips_party_tag():
    q = parse(SAMPLE / "publications/pub-010.txt").records[0]
    assert q.answerer == "The Minister of State, Foreign and Commonwealth Office (Baroness Anelay of St Johns)"
    assert (q.asker, q.heading, q.reference, q.sitting_date) == ("Lord Storey", "Albania", "HL1690", date(2014, 8, 18))
    assert q.addressee == "Her Majesty’s Government"


def test_table_cells_printed_one_per_line_become_rows():
    second = parse(SAMPLE / "hansard-web/hw-020.txt").records[1]
    lines = second.answer_text.split("\n")
    assert lines[1:5] == ["(a) Buildings removed from the list", "Number", "1997 144", "1998 77"]
    assert "(b) Buildings added to the list" in lines and "2005 554" in lines


def _question_paragraphs(xml: Path) -> list[tuple[str, str, str]]:
    """(group title, section title, paragraph) of every question paragraph, read with a plain tree."""
    found = []
    root = safe_parse(xml).getroot()

    def walk(elem, group, section):
        for child in elem:
            if child.tag == "group":
                title = child.find("title")
                walk(child, title.text if title is not None else None, section)
            elif child.tag == "section":
                title = child.find("title")
                inner = title.text if title is not None else section
                walk(child, group if group or not child.findall("section") else inner, inner)
            elif child.tag == "body":
                walk(child, group, section)
            elif child.tag == "p":
                text = " ".join("".join(child.itertext()).split())
                if re.match(r"^[^:]{2,80}? asked (?:the|Her|if)\b|^The hon\. Member further asked", text) or re.match(r"^[^:]{2,80}: To ask\b", text):
                    found.append((group, section, text))

    walk(root, None, None)
    return found


def test_archive_xml_one_question_per_question_paragraph():
    xml = SAMPLE / "archive-xml/writtenanswers_example.xml"
    paragraphs = _question_paragraphs(xml)
    result = parse(xml)
    assert result.format == "archive_xml" and result.status == "parsed"
    assert len(paragraphs) == 55
    assert len(result.records) == len(paragraphs)
    assert [(r.department, r.heading) for r in result.records] == [(g, s) for g, s, _ in paragraphs]
    first = result.records[0]
    assert (first.house, first.volume, first.sitting_date) == ("Commons", 89, date(1985, 12, 16))
    assert (first.asker, first.answerer, first.heading) == ("Mr. Canavan", "Mr. Gummer", "Food Storage")
    assert "£46·4 million" in first.answer_text
    # a <col> inside a paragraph is page furniture, not a word of the answer
    assert not any(re.search(r"drug 7 wings", r.answer_text) for r in result.records)


def test_archive_xml_two_questions_one_answer_and_untagged_answerer():
    records = parse(CORPUS / "commons_written_answers_no_groups.xml").records
    assert [r.asker for r in records] == ["Mr. HOLT", "Mr. LLOYD MORGAN", "Mr. MOORE", "Mr. MOORE", "Mr. GEORGE GREENWOOD"]
    assert records[2].answer_text == records[3].answer_text and records[2].answerer == "Mr. LLOYD-GEORGE"
    assert records[4].answerer == "Mr. RUNCIMAN"


def test_archive_xml_sections_inside_sections_give_the_department():
    records = parse(SAMPLE / "archive-xml/commons_writtenanswers_not_in_groups_example.xml").records
    assert [(r.department, r.heading) for r in records][:2] == [("TREASURY", "Employment"), ("TREASURY", "Child Tax Credit")]
    assert records[0].reference == "110683" and records[0].columns == "679W"


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (SAMPLE / "negative/neg-003.txt", "debate columns"),
        (SAMPLE / "negative/neg-010.txt", "order paper"),
        (SAMPLE / "negative/neg-014.txt", "debate"),
        (SAMPLE / "archive-xml/lords_writtenstatements_example.xml", "writtenstatements"),
        # deceptive ones: each looks like a written answer at first sight
        (CORPUS / "negative/neg-016.txt", "oral question"),  # a question with supplementaries
        (CORPUS / "negative/neg-021.txt", "index"),
        (CORPUS / "negative/neg-004.txt", "debate columns"),
        (CORPUS / "negative/neg-023.txt", "opening of a sitting"),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else None,
)
def test_pages_that_are_not_written_answers(page, reason):
    result = parse(page)
    assert result.status == "not_written_answers" and not result.records
    assert reason in result.reason


def test_page_holding_only_the_end_of_an_answer_keeps_it_as_a_fragment_and_invents_no_question():
    result = parse(SAMPLE / "hansard-web/hw-029.txt")
    assert result.status == "parsed" and not result.records
    text, reason = result.fragments[0]
    assert text.startswith("During the period 12 October to 22 December, Operation Safeguard") and "begun on another page" in reason


def test_page_starting_inside_an_answer_reads_every_question_after_the_fragment():
    page = (SHARED_CORPUS / "publications" / "pub-036.txt") if SHARED_CORPUS.is_dir() else None
    if page is None:
        pytest.skip("../shared/corpus is not beside this checkout")
    result = parse_file(page, read_sidecar(page)[0], page.stat().st_size)
    assert result.status == "parsed" and len(result.records) == 3
    assert result.fragments[0][0].startswith("Lord Rooker\nThe following table shows figures for 2006-07")


def test_sidecar_url_and_cut_note_are_read():
    url, may_be_cut, _ = read_sidecar(SAMPLE / "hansard-web/hw-004.txt")
    assert url.startswith("https://hansard.parliament.uk/lords/2001-03-20/")
    assert may_be_cut is True
    meta = json.loads((SAMPLE / "hansard-web/hw-001.meta.json").read_text())
    assert read_sidecar(SAMPLE / "hansard-web/hw-001.txt")[:2] == (meta["url"], False)
