"""Tables and lists of answers, in every format: kept in answer_text (a row or item a line) and as cells."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLE
from pipeline.formats import parse_file, parse_text

FIXTURES = Path(__file__).parent / "fixtures"


def _parse(path: Path, url: str | None = None):
    return parse_file(path, url, path.stat().st_size)


def _table_text(record, table) -> str:
    return record.answer_text[table.char_start : table.char_end]


def test_an_archive_xml_list_beside_the_answer_gives_one_line_per_item():
    result = _parse(SAMPLE / "archive-xml" / "commons_writtenanswers_not_in_groups_example.xml")
    primarolo = next(q for q in result.records if q.answerer == "Dawn Primarolo")
    assert primarolo.answer_text.split("\n") == [
        "The child tax credit was introduced on",
        "10,153 facilities met targets which did not include a tolerance band;",
        "0 facilities met targets which did include a tolerance band;",
    ]


def test_an_archive_xml_table_inside_a_paragraph_gives_rows_and_cells():
    result = _parse(FIXTURES / "archive-xml-layouts" / "writtenanswers_in_debates.xml")
    answer = result.records[1]
    [table] = answer.tables
    assert table.rows[0] == ["Year.", "Boys.", "Girls.", "Total."] and table.header_rows == 1
    assert table.rows[1] == ["1922", "…", "17,572", "22,655", "40,227"]
    lines = _table_text(answer, table).split("\n")
    assert lines[0] == "Year. Boys. Girls. Total." and lines[1] == "1922 … 17,572 22,655 40,227" and len(lines) == len(table.rows)


def test_an_api_answer_table_gives_rows_and_cells():
    result = _parse(FIXTURES / "formats" / "wq-api-details.json")
    [answer] = result.records
    assert answer.tables, "the detail record's HTML table is kept as a table"
    table = answer.tables[0]
    assert len(_table_text(answer, table).split("\n")) == len(table.rows)
    assert ["Reporting Category", "2019", "2020"] == [c for c in table.rows[1] if c][:3]


def test_a_hansard_web_table_printed_one_cell_per_line_gives_rows_and_cells():
    page = FIXTURES / "formats" / "hansard-web-table.txt"
    result = parse_text(page.read_text(encoding="utf-8"), "https://hansard.parliament.uk/Commons/2007-07-12/debates/07071270000038/DepartmentsPay")
    [answer] = result.records
    [table] = answer.tables
    assert table.rows[0] == ["", "Number of bonuses", "Cost of bonuses (£)"] and table.header_rows == 1
    assert table.rows[1] == ["2007", "104", "686,000"] and len(table.rows) == 6
    assert _table_text(answer, table).split("\n")[1] == "2007 104 686,000"
