"""Holding answers: the note leaves the text, its date goes to holding_answer_date."""

from __future__ import annotations

from datetime import date

from pipeline.formats import parse_text
from pipeline.formats.archive_xml import parse_bytes

# As daily Hansard prints them (publications/pub-013.txt, 1989; pub-024.txt, 2006).
DAILY = """House of Commons
Written Answers
Prepared: 24 July 1989
Poll Tax
Mr. Dobson : To ask the Secretary of State for the Environment what is the cost of the community charge register. [42001]
Mr. Lilley [holding answer 20 July 1989] : The detailed information sought will not be available for some time.
Paddington Station
Mr. Gale : To ask the Secretary of State for Transport whether children were screened at Paddington. [51759]
Derek Twigg [holding answer 14 February 2006]: No assessment has been made, as children were not asked to participate.
"""


def test_daily_hansard_holding_notes_give_their_dates_and_leave_the_text():
    result = parse_text(DAILY, "https://publications.parliament.uk/pa/cm198889/cmhansrd/1989-07-24/Writtens-1.html")
    assert [(q.answerer, q.holding_answer_date) for q in result.records] == [
        ("Mr. Lilley", date(1989, 7, 20)),
        ("Derek Twigg", date(2006, 2, 14)),
    ]
    assert all("holding" not in q.answer_text and "\u27e6" not in q.answer_text for q in result.records)
    assert result.records[0].answer_text == "The detailed information sought will not be available for some time."


def test_archive_xml_holding_note_between_name_and_words():
    day = b"""<writtenanswers><date format="2006-11-29">Wednesday 29 November 2006</date><section><title>Prisons</title>
<p><member>Mr. Garnier</member>: To ask the Secretary of State for the Home Department how many prisoners were held in police cells. [100123]</p>
<p><member>Mr. Sutcliffe</member> [holding answer 27 November 2006]: Operation Safeguard was used on 4,500 occasions.</p>
</section></writtenanswers>"""
    [q] = parse_bytes(day).records
    assert q.holding_answer_date == date(2006, 11, 27) and q.answerer == "Mr. Sutcliffe"
    assert q.answer_text == "Operation Safeguard was used on 4,500 occasions."
