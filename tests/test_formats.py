"""The Written Questions API, raw HTML pages and ParlParse XML, read into the same records."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pipeline.formats import parse_file
from pipeline.formats.parlparse_xml import parse_bytes as parse_parlparse
from pipeline.metadata.enums import SourceFormat

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def _parse(name: str):
    path = FIXTURES / name
    return parse_file(path, None, path.stat().st_size)


def test_api_list_records_are_questions_with_the_apis_facts():
    result = _parse("wq-api-questions.json")
    assert result.format == SourceFormat.WQ_API_JSON and result.status == "parsed"
    raw = [r["value"] for r in json.loads((FIXTURES / "wq-api-questions.json").read_text())]
    assert [q.reference for q in result.records] == [r["uin"] for r in raw]
    for q, r in zip(result.records, raw):
        assert q.wq_api_id == r["id"] and q.heading == r["heading"] and q.house == r["house"]
        assert q.sitting_date == date.fromisoformat(r["dateAnswered"][:10]) and q.date_tabled == date.fromisoformat(r["dateTabled"][:10])
        assert q.asking_member_mnis_id == r["askingMemberId"] and q.answering_member_mnis_id == r["answeringMemberId"]
        assert q.answering_body == r["answeringBodyName"] and q.asker is None and q.answerer is None
        assert q.addressee.startswith("the ") and not q.question_text.startswith("To ask")
        assert q.url.endswith(f"/{r['dateTabled'][:10]}/{r['uin']}")
    clipped = result.records[0]
    assert clipped.answer_text.endswith("...") and clipped.complete is False
    assert result.records[1].grouped_references == raw[1]["groupedQuestions"]
    holding = result.records[3]
    assert holding.holding_answer_date == date.fromisoformat(raw[3]["dateHoldingAnswer"][:10])


def test_api_detail_record_gives_the_full_answer_with_its_table_as_rows():
    result = _parse("wq-api-details.json")
    [q] = result.records
    lines = q.answer_text.split("\n")
    assert q.complete and len(lines) > 3 and not any("<" in line for line in lines)
    assert lines[0].startswith("The below table shows the number of admissible complaints")
    assert any(line.startswith("Reporting Category 2019 2020") for line in lines)  # a row: cells joined by a space


def test_an_api_answer_without_tags_has_its_character_references_decoded():
    # wq-api/questions-2024-07.json, UIN 2106 (Open Parliament Licence): an answer with no tags is still HTML
    from pipeline.formats.wq_api_json import answer_lines

    lines, tables, _ = answer_lines("The UK expects to invest over £1.3 billion in the Future Combat Air System/Global Combat Air Programme "
                                 "and the associated Team Tempest R&amp;D programme, in the current financial year.")
    assert not tables and len(lines) == 1 and "Team Tempest R&D programme" in lines[0]
    # only a well-formed reference decodes: an ampersand before letters with no semicolon is printed text
    assert answer_lines("The Trust&regulation of B&LT is &quot;under review&quot;.")[0] == ['The Trust&regulation of B&LT is "under review".']


def test_an_api_answer_s_inline_elements_add_no_space_inside_a_word():
    # wq-api/details-2023-12.json, UIN 5150; 2024-07 answers with links, superscripts and subscripts
    # (Open Parliament Licence): a browser prints "The", "26th", "NO2" and "(HCWS161)."
    from pipeline.formats.wq_api_json import answer_lines

    lines, _, links = answer_lines(
        "<p><strong>T</strong>he government recognises that cash continues to be used.</p><p> </p>"
        "<p>Correspondence of 26<sup>th</sup> September on the NO<sub>2</sub> programme "
        "(<a href=\"https://questions-statements.parliament.uk\">HCWS161</a>).</p>"
        "<p>Line one<br>line two</p><table><tr><td>Garth<em>x</em></td><td>12</td></tr></table>"
    )
    assert lines == [
        "The government recognises that cash continues to be used.",
        "Correspondence of 26th September on the NO2 programme (HCWS161).",
        "Line one line two",  # a line break inside a paragraph is a word boundary
        "Garthx 12",  # a row: its cells joined by a space
    ]
    assert links == ["HCWS161"]  # each link's text, as the line prints it


def test_a_member_answering_for_a_body_is_the_addressee_with_or_without_hon():
    from pipeline.parsing.addressees import split_addressee

    # AK 4961: "the Member for ..., representing the Church Commissioners" (no "hon.")
    assert split_addressee("the Member for South West Bedfordshire, representing the Church Commissioners, if the Church will have discussions") == (
        "the Member for South West Bedfordshire, representing the Church Commissioners", "if the Church will have discussions")


def test_a_raw_html_written_answers_page_keeps_department_heading_and_speakers():
    result = _parse("written_answers.html")
    assert result.format == SourceFormat.HTML and result.status == "parsed"
    rows = [(q.department, q.heading, q.asker, q.reference, q.answerer, q.columns, q.sitting_date) for q in result.records]
    assert rows == [
        ("House of Commons Commission", "Catering", "Mr Leigh", "67391", "John Thurso", "773W", date(2011, 7, 19)),
        ("House of Commons Commission", "Smartphone Applications", "Priti Patel", "67110", "John Thurso", "773W", date(2011, 7, 19)),
        ("Home Department", "Animal Experiments: Scotland", "Mr Bain", "67046", "Lynne Featherstone", "773W", date(2011, 7, 19)),
    ]
    assert result.records[0].addressee == "the hon. Member for Caithness, Sutherland and Easter Ross, representing the House of Commons Commission"
    assert result.records[2].question_text.startswith("how many places in Scotland were designated")


def test_other_html_pages_are_not_written_answers_with_a_reason():
    result = _parse("wms.html")
    assert result.format == SourceFormat.HTML and result.status == "not_written_answers"
    assert "Written Ministerial Statements" in result.reason


def test_parlparse_xml_with_an_inline_dtd_is_recognised_not_refused():
    debate = _parse("parlparse-lords-debate.xml")
    assert debate.format == SourceFormat.PARLPARSE_XML and debate.status == "not_written_answers"
    assert "without written questions" in debate.reason
    wrans = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE publicwhip [ <!ENTITY pound "&#163;"> ]>
<publicwhip>
<major-heading id="uk.org.publicwhip/wrans/2005-01-10.1.0">HEALTH</major-heading>
<minor-heading id="uk.org.publicwhip/wrans/2005-01-10.1.1">Hospital Beds</minor-heading>
<ques id="uk.org.publicwhip/wrans/2005-01-10.1.2" speakername="Mr Andrew Lansley"><p>To ask the Secretary of State for Health how many hospital beds there were in 2004. [205070]</p></ques>
<reply id="uk.org.publicwhip/wrans/2005-01-10.1.3" speakername="Mr John Hutton"><p>There were 185,000 beds, costing &pound;4 billion.</p></reply>
</publicwhip>"""
    [q] = parse_parlparse(wrans).records
    assert (q.department, q.heading, q.asker, q.reference, q.answerer, q.sitting_date) == ("HEALTH", "Hospital Beds", "Mr Andrew Lansley", "205070", "Mr John Hutton", date(2005, 1, 10))
    assert q.answer_text == "There were 185,000 beds, costing £4 billion."


def test_an_api_answer_s_footnote_number_and_unlisted_elements_are_word_boundaries():
    from pipeline.formats.wq_api_json import answer_lines

    lines, _, _ = answer_lines("<p>Region<sup>1</sup> 2021_2022<sup>3</sup> on 26<sup>th</sup></p><p>January<img src='x'>February<q>next</q></p>")
    assert lines == ["Region 1 2021_2022 3 on 26th", "January February next"]
