"""Archive XML as Parliament publishes it: days, several days in one file, whole volumes, zips."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from pipeline.formats import detect_format, parse_file
from pipeline.formats.archive_xml import root_tag
from pipeline.metadata.enums import SourceFormat

LAYOUTS = Path(__file__).parent / "fixtures" / "archive-xml-layouts"


def _parse(path: Path):
    return parse_file(path, None, path.stat().st_size)


def test_departments_printed_as_outer_sections_do_not_carry_over_and_numbered_questions_are_read():
    result = _parse(LAYOUTS / "commons_writtenanswers_sections_not_nested_in_grouping_section.xml")
    rows = [(q.department, q.heading, q.asker, q.answerer) for q in result.records]
    assert rows == [
        ("PRIME MINISTER", "Energy Policy", "Mr. Yeo", "The Prime Minister"),
        # an outer section that holds questions itself is a heading under the department before it
        ("PRIME MINISTER", "KOMOS", "Mr. Dalyell", "The Prime Minister"),
        ("PRIME MINISTER", "Meetings", "Mr. Rosindell", "The Prime Minister"),
        # "10. <member>Mr. Walter</member>: To ask ...": a numbered question
        ("FOREIGN AND COMMONWEALTH AFFAIRS", "Zimbabwe", "Mr. Walter", "Mr. Rammell"),
    ]
    assert {(q.house, q.sitting_date, q.volume) for q in result.records} == {("Commons", date(2003, 5, 6), 404)}


def test_a_section_with_a_body_and_no_department():
    result = _parse(LAYOUTS / "commons_writtenanswers_with_body_not_in_subsection.xml")
    assert len(result.records) == 4
    first = result.records[0]
    assert (first.heading, first.department, first.asker, first.addressee, first.volume, first.columns) == (
        "LAND REGISTRY", None, "Mr. Lubbock", "the Attorney-General", 774, "221W"
    )
    assert first.question_text.startswith("whether the present restrictions on manpower")


def test_days_printed_one_after_another_and_not_well_formed_are_read_with_the_repair_recorded():
    result = _parse(LAYOUTS / "writtenanswers_in_debates.xml")
    assert result.status == "parsed" and len(result.records) == 5
    assert "read with a recovering parser" in result.corrections
    assert {q.department for q in result.records} == {"UNEMPLOYMENT."}
    assert [q.heading for q in result.records][:2] == ["JUVENILES.", "JUVENILES."]
    # a table inside a paragraph: one line per row, cells joined by a space
    table = result.records[2].answer_text.split("\n")
    assert table[1:3] == ["Period. Boys. Girls.", "July, 1925, to June, 1926 105,519 87,859"]
    # the debates of the same day give no questions
    assert all(q.asker in ("Mr. KELLY", "Mr. LAWSON") for q in result.records)


def _volume(day: bytes) -> bytes:
    """A day's written answers inside a whole volume, after an oral question of the same day."""
    body = day.split(b"?>", 1)[-1] if day.lstrip().startswith(b"<?xml") else day
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><hansard><titlepage><p>THE PARLIAMENTARY DEBATES</p></titlepage>'
        b'<housecommons><date format="1985-12-16">Monday 16 December 1985</date><oralquestions><section><title>Energy</title>'
        b"<p><member>Mr. Adams</member> asked the Secretary of State for Energy if he will make a statement.</p>"
        b"<p><member>Mr. Brown</member>: I have nothing to add.</p></section></oralquestions>"
        + body
        + b"</housecommons></hansard>"
    )


def test_a_day_gives_the_same_questions_alone_and_inside_a_whole_volume_and_its_zip(tmp_path: Path):
    day_path = LAYOUTS / "commons_writtenanswers_example.xml"
    alone = _parse(day_path)
    volume = tmp_path / "S6CV0089P0.xml"
    volume.write_bytes(_volume(day_path.read_bytes()))
    inside = _parse(volume)
    assert inside.format == SourceFormat.ARCHIVE_XML_VOLUME and inside.status == "parsed"
    fields = lambda r: [(q.reference, q.heading, q.asker, q.question_text, q.answer_text) for q in r.records]  # noqa: E731
    assert fields(inside) == fields(alone) and len(alone.records) == 4
    assert all(q.house == "Commons" for q in inside.records)
    zipped = tmp_path / "volume.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(volume, "S6CV0089P0.xml")
    from_zip = _parse(zipped)
    assert from_zip.format == SourceFormat.ARCHIVE_XML_VOLUME and fields(from_zip) == fields(alone)


def test_a_volume_without_written_answers_is_not_written_answers_and_oral_questions_never_become_answers(tmp_path: Path):
    volume = tmp_path / "v.xml"
    volume.write_bytes(_volume(b""))
    result = _parse(volume)
    assert result.status == "not_written_answers" and result.records == []
    assert "holds no <writtenanswers>" in result.reason


def test_a_date_attribute_that_contradicts_the_printed_date_is_corrected_when_the_weekday_agrees(tmp_path: Path):
    day = b'<writtenanswers><date format="1906-02-16">Tuesday, 16th February, 1909.</date><section><title>X</title><p><member>Mr. Adams</member> asked the Secretary of State for Health what he plans.</p><p><member>Mr. Brown</member>: None.</p></section></writtenanswers>'
    path = tmp_path / "d.xml"
    path.write_bytes(day)
    result = _parse(path)
    assert result.records[0].sitting_date == date(1909, 2, 16)
    assert "1909-02-16 used" in result.corrections
    # "Wednesday, 3rd July, 1012": the misprint is in the printed year; the attribute is a Wednesday and stands
    path.write_bytes(day.replace(b'1906-02-16">Tuesday, 16th February, 1909.', b'1912-07-03">Wednesday, 3rd July, 1012.'))
    kept = _parse(path)
    assert kept.records[0].sitting_date == date(1912, 7, 3) and kept.corrections is None


def test_a_zip_bomb_is_refused(tmp_path: Path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("S5LV0001P0.xml", b"<hansard>" + b" " * 50_000_000 + b"</hansard>")
    result = _parse(bomb)
    assert result.status == "quarantined" and "zip bomb" in result.reason


@pytest.mark.parametrize(
    ("head", "root"),
    [
        (b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd">\n<html>', "html"),
        (b'<?xml version="1.0"?><!DOCTYPE publicwhip [<!ENTITY pound "&#163;"> ]><publicwhip>', "publicwhip"),
        (b"<!-- c --><hansard>", "hansard"),
        (b'<?xml version="1.0"?><!DOCTYPE publicwhip [' + b'<!ENTITY x "y">' * 400, "publicwhip"),
    ],
)
def test_the_root_element_is_found_behind_declarations_comments_and_dtds(head: bytes, root: str):
    assert root_tag(head) == root


def test_xhtml_is_not_archive_xml():
    assert detect_format('<?xml version="1.0"?><html><body><p>Mr. A asked the Minister</p></body></html>', None) != SourceFormat.ARCHIVE_XML
