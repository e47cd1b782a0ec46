"""The seed page: every table must come out right for it."""

from __future__ import annotations

from datetime import date

import polars as pl

from conftest import SEED_PATH


def _seed_question(t: dict[str, pl.DataFrame]) -> dict:
    seed_source = t["sources"].filter(pl.col("path") == SEED_PATH)
    assert seed_source.height == 1
    assert seed_source["status"][0] == "parsed"
    assert seed_source["question_count"][0] == 1
    ids = t["question_sources"].filter(pl.col("source_id") == seed_source["source_id"][0])["question_id"]
    assert ids.len() == 1
    return t["questions"].filter(pl.col("question_id") == ids[0]).to_dicts()[0]


def test_seed_question_fields(sample_tables):
    q = _seed_question(sample_tables)
    assert q["house"] == "Lords"
    assert q["sitting_date"] == date(2001, 3, 20)
    assert q["volume"] == 623
    assert q["reference"] == "HL867"
    assert q["heading"] == "Trafficking In Persons"
    assert q["addressee"] == "Her Majesty's Government"
    assert q["asker"] is None and q["answerer"] is None
    assert q["question_text"].startswith("Whether they will respond to the recommendations made in the report")
    assert "[HL867]" not in q["question_text"]
    assert q["answer_text"].startswith("The Government have noted the recommendations of the report Stopping Traffic.")


def test_seed_and_its_cut_off_copy_are_one_question(sample_tables):
    q = _seed_question(sample_tables)
    sources = sample_tables["question_sources"].filter(pl.col("question_id") == q["question_id"]).join(sample_tables["sources"], on="source_id")
    assert sorted(sources["path"]) == [SEED_PATH, "hansard-web/hw-004.txt"]
    primary = sources.filter(pl.col("is_primary"))
    assert primary["path"].to_list() == [SEED_PATH]  # the complete page, not the cut-off copy


def test_seed_sentences_match_gold(sample_tables, seed_gold):
    q = _seed_question(sample_tables)
    sentences = sample_tables["answer_sentences"].filter(pl.col("question_id") == q["question_id"]).sort("position")
    assert sentences["text"].to_list() == [s["text"] for s in seed_gold["sentences"]]
    # the glued sentence "...November 2000.A multi-agency..." is split
    assert sentences["text"][6].startswith("A multi-agency task force has been established")


def test_seed_agencies(sample_tables):
    q = _seed_question(sample_tables)
    mentions = sample_tables["agency_mentions"].filter(pl.col("question_id") == q["question_id"]).join(sample_tables["agencies"], on="agency_id")
    by_name = {name: set(g["surface"]) for (name,), g in mentions.group_by(["name"])}
    acronyms = dict(mentions.select("name", "acronym").unique().iter_rows())
    assert "Home Office" in by_name
    assert by_name["Immigration Service"] >= {"Immigration Service", "IS"}
    assert acronyms["Immigration Service"] == "IS"
    assert by_name["National Criminal Intelligence Service"] >= {"National Criminal Intelligence Service", "NCIS"}
    assert acronyms["National Criminal Intelligence Service"] == "NCIS"
    assert acronyms["Organised Immigration Crime Section"] == "OICS"
    assert "Europol" in by_name
    # names inside instrument titles belong to the instrument
    un = mentions.filter(pl.col("surface") == "United Nations")
    assert un.height == 0


def test_seed_instruments(sample_tables):
    q = _seed_question(sample_tables)
    mentions = sample_tables["instrument_mentions"].filter(pl.col("question_id") == q["question_id"]).join(sample_tables["instruments"], on="instrument_id")
    surfaces = set(mentions["surface"])
    assert "Stopping Traffic" in surfaces
    assert "Setting the Boundaries" in surfaces
    assert "European Union Framework Decision on Trafficking in Human Beings" in surfaces
    assert "United Nations Convention on Transnational Organised Crime" in surfaces
    kinds = dict(mentions.select("surface", "kind").iter_rows())
    assert kinds["Setting the Boundaries"] == "report"
    assert kinds["European Union Framework Decision on Trafficking in Human Beings"] == "eu_law"
    assert kinds["United Nations Convention on Transnational Organised Crime"] == "treaty"
    # "Stopping Traffic" in the answer is the report named in full in the question,
    # and "Police Research Series Paper 125" is that report's number.
    report = mentions.filter(pl.col("surface").str.starts_with("Stopping Traffic"))
    assert report["instrument_id"].n_unique() == 1
    assert report["identifier"][0] == "Police Research Series Paper 125"
    paper = mentions.filter(pl.col("surface") == "Police Research Series Paper 125")
    assert paper["instrument_id"].to_list() == [report["instrument_id"][0]]


def test_seed_commitments(sample_tables, seed_gold):
    q = _seed_question(sample_tables)
    sentences = sample_tables["answer_sentences"].filter(pl.col("question_id") == q["question_id"])
    status = dict(
        sentences.join(sample_tables["commitments"], on="sentence_id", how="left").select("position", "status").iter_rows()
    )
    got = [status[k] or "none" for k in sorted(status)]
    want = [s["status"] for s in seed_gold["sentences"]]
    agree = sum(g == w for g, w in zip(got, want))
    assert agree >= 11, list(zip(got, want))
    commitments = sample_tables["commitments"].join(sentences, on="sentence_id")
    actors = dict(commitments.select("position", "actor_agency_id").iter_rows())
    assert actors[2] == "home-office"  # "The Home Office is currently doing work"
