"""Printed askers and answerers linked to members of the reference tables, and left unlinked when two people fit."""

from __future__ import annotations

from datetime import date

import polars as pl

from pipeline.extract.members import link_members, members_table, members_reference


def _linked(house: str, day: date, asker: str | None = None, answerer: str | None = None, mnis: int | None = None) -> dict:
    questions = pl.DataFrame(
        [{"question_id": "q-1", "house": house, "sitting_date": day, "asker": asker, "answerer": answerer, "asking_member_mnis_id": mnis, "answering_member_mnis_id": None}],
        schema={"question_id": pl.String, "house": pl.String, "sitting_date": pl.Date, "asker": pl.String, "answerer": pl.String,
                "asking_member_mnis_id": pl.Int64, "answering_member_mnis_id": pl.Int64},
    )
    members = members_table(questions)
    row = link_members(questions, members).row(0, named=True)
    names = dict(members.select("member_id", "name").iter_rows())
    return {**row, "asker_name": names.get(row["asker_member_id"]), "answerer_name": names.get(row["answerer_member_id"])}


def test_a_commons_surname_on_its_date_links_to_the_one_member_who_sat_then():
    row = _linked("Commons", date(1985, 12, 16), asker="Mr. Canavan", answerer="Mr. Waldegrave")
    assert (row["asker_name"], row["asker_link"]) == ("Dennis Canavan", "surname_and_date")
    assert row["answerer_name"] == "William Waldegrave"


def test_a_peer_with_a_designation_and_a_minister_inside_an_office():
    row = _linked("Lords", date(2011, 7, 18), asker="Lord Alton of Liverpool", answerer="The Parliamentary Under-Secretary of State, Department of Health (Earl Howe)")
    assert (row["asker_name"], row["asker_link"]) == ("Lord Alton of Liverpool", "exact")
    assert "Howe" in row["answerer_name"] and row["answerer_link"] == "office_and_date"


def test_two_members_of_one_surname_leave_the_link_empty_and_a_different_forename_is_not_linked():
    assert _linked("Commons", date(1985, 12, 16), asker="Mr. Cohen")["asker_member_id"] is None
    assert _linked("Commons", date(1972, 1, 18), asker="Mr. Stratton Mills")["asker_member_id"] is None  # not Peter Mills


def test_api_questions_link_by_parliament_id_even_when_the_reference_lacks_the_person():
    known = _linked("Commons", date(2023, 12, 6), mnis=258)
    assert (known["asker_name"], known["asker_link"]) == ("Paddy Ashdown", "api")
    unknown_id = int(members_reference()["mnis_id"].max()) + 1000
    unknown = _linked("Commons", date(2023, 12, 6), mnis=unknown_id)
    assert unknown["asker_link"] == "api" and unknown["asker_member_id"] and unknown["asker_name"] is None


def test_a_member_is_not_linked_before_their_term_starts():
    assert _linked("Commons", date(2010, 1, 15), asker="Mr. Mearns")["asker_member_id"] is None  # elected 6 May 2010
    assert _linked("Commons", date(2011, 1, 15), asker="Mr. Mearns")["asker_name"] == "Ian Mearns"
