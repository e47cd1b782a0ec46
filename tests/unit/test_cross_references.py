"""Cross-references read from answers as printed, and resolved to the cited question."""

from __future__ import annotations

from datetime import date

import polars as pl

from pipeline.extract.cross_references import cross_references_table


def _table(answers: list[tuple[str, str, date, str | None, str | None]]) -> pl.DataFrame:
    questions = pl.DataFrame(
        [{"question_id": qid, "house": house, "sitting_date": day, "reference": ref, "columns": cols, "answer_text": text}
         for qid, house, day, ref, cols, text in answers],
        schema={"question_id": pl.String, "house": pl.String, "sitting_date": pl.Date, "reference": pl.String, "columns": pl.String, "answer_text": pl.String},
    )
    sentences = questions.select(
        "question_id", pl.lit(1).alias("position"), pl.col("answer_text").alias("text"), pl.lit(0).alias("char_start"),
        pl.col("answer_text").str.len_chars().alias("char_end"), ("s-" + pl.col("question_id")).alias("sentence_id"),
    )
    return cross_references_table(questions, sentences)


def test_a_historic_reference_by_date_and_column_resolves_to_the_answer_in_that_column():
    text = "I refer the hon. Member to the answer I gave him on 11 December, Official Report, column 563W."
    found = _table([
        ("q-1", "Commons", date(2001, 1, 15), None, "c12W", text),
        ("q-2", "Commons", date(2000, 12, 11), "140321", "c563-4W", "The figures are as follows."),
    ]).row(0, named=True)
    assert found["surface"] == text[:-1] and found["char_start"] == 0
    assert found["cited_date"] == date(2000, 12, 11) and found["cited_column"] == "563W"
    assert found["cited_question_id"] == "q-2"


def test_an_api_reference_by_uin_and_date_resolves_and_names_the_member_as_printed():
    text = "I refer the hon. Member to the answer given on 23 July 2024 to the Rt Hon Member for Islington North, PQ 592."
    rows = _table([
        ("q-1", "Commons", date(2024, 7, 30), "1200", None, text),
        ("q-2", "Commons", date(2024, 7, 23), "592", None, "Work is under way."),
        ("q-3", "Commons", date(2024, 7, 24), "592", None, "Another day, another 592."),
    ]).to_dicts()
    [found] = [r for r in rows if r["question_id"] == "q-1"]
    assert found["cited_reference"] == "592" and found["cited_date"] == date(2024, 7, 23)
    assert found["cited_member"] == "the Rt Hon Member for Islington North"
    assert found["cited_question_id"] == "q-2"


def test_lords_column_references_and_earlier_today_give_rows_and_unresolvable_ones_stay_null():
    rows = _table([
        ("q-1", "Lords", date(2003, 3, 5), "HL1", "WA 30", "Further to my Written Answer of 3 December (WA 213), the review has reported."),
        ("q-2", "Lords", date(2003, 3, 5), "HL2", "WA 31", "I refer the noble Lord to the answer I gave earlier today to the noble Baroness, Lady Byford."),
    ]).sort("question_id").to_dicts()
    assert rows[0]["cited_column"] == "WA 213" and rows[0]["cited_date"] == date(2002, 12, 3) and rows[0]["cited_question_id"] is None
    assert rows[1]["cited_date"] == date(2003, 3, 5) and rows[1]["cited_question_id"] is None  # two answers that day, no reference: not guessed


def test_a_cited_day_that_does_not_exist_in_the_year_before_gives_no_date_and_no_crash():
    rows = _table([("q-1", "Commons", date(2024, 1, 10), "1", None, "I refer the hon. Member to the answer I gave on 29 February.")]).to_dicts()
    assert rows[0]["cited_date"] is None


def test_long_sentences_are_read_in_linear_time():
    import time

    text = "I refer the hon. Member to " + "No. 1 " * 20000
    started = time.perf_counter()
    _table([("q-1", "Commons", date(2024, 1, 10), "1", None, text)])
    assert time.perf_counter() - started < 2
