"""The whole shared corpus (../shared/corpus), as CI lays it beside the clone.

Every file gets a sources row, every negative page is `not_written_answers`,
and the labelled questions keep their quality figures (a regression guard on
the targets of the extraction issue).
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from conftest import REPO, SHARED, published
from pipeline.evaluation import evaluate_release

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")


@pytest.fixture(scope="module")
def corpus_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return published(CORPUS, tmp_path_factory, "corpus")


def test_every_file_has_a_row_and_negatives_are_not_written_answers(corpus_release: Path):
    sources = pl.read_parquet(corpus_release / "parquet" / "sources.parquet")
    files = sorted(
        p.relative_to(CORPUS).as_posix()
        for p in CORPUS.rglob("*")
        if p.is_file() and not (p.name.endswith(".meta.json") and any(q.stem == p.name[: -len(".meta.json")] for q in p.parent.iterdir() if q != p))
    )
    assert sorted(sources["path"]) == files
    negative = sources.filter(pl.col("path").str.starts_with("negative/"))
    assert negative.height == len(list((CORPUS / "negative").glob("*.txt")))
    assert set(negative["status"]) == {"not_written_answers"} and negative["question_count"].sum() == 0
    assert sources.filter(pl.col("status") != "parsed")["reason"].null_count() == 0


def test_labelled_questions_keep_their_figures(corpus_release: Path):
    report = evaluate_release(SHARED / "gold" / "dev.jsonl", corpus_release)
    figures = {
        "recall": report["question_recall"],
        "fields": report["field_accuracy"],
        "agencies": report["agencies"]["f1"],
        "instruments": report["instruments"]["f1"],
        "detection": report["commitment_detection"]["f1"],
        "status": report["status_macro_f1"],
    }
    targets = {"recall": 0.99, "fields": 0.97, "agencies": 0.92, "instruments": 0.85, "detection": 0.85, "status": 0.75}
    assert all(figures[k] >= targets[k] for k in targets), json.dumps(figures)


def test_questions_labelled_blind_keep_their_figures(corpus_release: Path, tmp_path: Path):
    """The 155 held-out questions (docs/quality.md): floors a little under today's figures. The
    commitment model trains on these sets too: their commitment figures are in-sample."""
    fixtures = Path(__file__).parent / "fixtures"
    gold = tmp_path / "heldout.jsonl"
    gold.write_text("".join(p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("heldout-*.jsonl"))), encoding="utf-8")
    report = evaluate_release(gold, corpus_release)
    assert report["gold_questions"] == 155
    assert report["question_recall"] >= 0.99 and report["field_accuracy"] >= 0.97
    assert report["agencies"]["f1"] >= 0.85 and report["instruments"]["f1"] >= 0.72
    assert report["commitment_detection"]["f1"] >= 0.85 and report["status_macro_f1"] >= 0.80


def test_every_shape_of_the_archive_is_read(corpus_release: Path):
    """Whole volumes, the Written Questions API, raw HTML and ParlParse (issue: the archive as Parliament publishes it)."""
    tables = {n: pl.read_parquet(corpus_release / "parquet" / f"{n}.parquet") for n in ("sources", "questions", "question_sources")}
    sources = tables["sources"]
    volumes = sources.filter(pl.col("path").str.starts_with("archive-volumes/"))
    assert volumes.height == 12 and set(volumes["status"]) == {"not_written_answers"} and set(volumes["format"]) == {"archive_xml_volume"}
    assert volumes.filter(pl.col("path") == "archive-volumes/S5LV0001P0.xml")["corrections"][0].startswith('<date format="1906-02-16">')
    # one question per answered API record, the detail record's full text where there is one
    records = {}
    for name in ("questions-2023-12.json", "questions-2024-07.json"):
        for item in json.loads((CORPUS / "wq-api" / name).read_text(encoding="utf-8")):
            if item["value"]["answerText"]:
                records[item["value"]["id"]] = item["value"]
    details = {item["value"]["id"] for name in ("details-2023-12.json", "details-2024-07.json") for item in json.loads((CORPUS / "wq-api" / name).read_text(encoding="utf-8")) if item["value"]["answerText"]}
    api = tables["questions"].filter(pl.col("wq_api_id").is_not_null())
    assert api.height == len(records) and set(api["wq_api_id"]) == set(records)
    assert api["answering_body_id"].null_count() == 0 and api["reference"].to_list() == [records[i]["uin"] for i in api["wq_api_id"]]
    complete = set(api.filter(pl.col("answer_complete"))["wq_api_id"])
    assert details & set(records) <= complete
    html = sources.filter(pl.col("path") == "publications-html/hansard-scraper/written_answers.html")
    assert html["status"][0] == "parsed" and html["question_count"][0] == 3
    others = sources.filter(pl.col("path").str.starts_with("publications-html/"), pl.col("path") != "publications-html/hansard-scraper/written_answers.html")
    assert set(others["status"]) == {"not_written_answers"} and others["reason"].null_count() == 0
    assert set(others.filter(pl.col("path").str.ends_with(".xml"))["format"]) == {"parlparse_xml"}


@pytest.mark.e2e
def test_whole_volumes_build_in_bounded_memory(tmp_path: Path):
    """A build of the twelve real volumes (37 MB) peaks under 500 MB, workers included."""
    import subprocess
    import sys

    # VmHWM: this process's own peak since it started (ru_maxrss on Linux also keeps the peak of
    # the process it was forked from before exec, here the whole test session).
    script = (
        "import json, re, sys; from pathlib import Path; from pipeline.defs.runner import run_build;"
        "o = run_build(Path(sys.argv[1]), sys.argv[2], 'v', allow_shrink=True);"
        "hwm = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) / 1024;"
        "print(json.dumps({'ok': o.success, 'main_mb': hwm, 'worker_mb': o.pages.get('worker_peak_rss_mb', 0)}))"
    )
    done = subprocess.run([sys.executable, "-c", script, str(CORPUS / "archive-volumes"), str(tmp_path / "out")], capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["ok"] and figures["worker_mb"] > 0 and max(figures["main_mb"], figures["worker_mb"]) < 500, figures


def test_nothing_is_lost_from_a_page(corpus_release: Path):
    """Every parsed page publishes at least 98% of the words of its text (sources.text_words / published_words)."""
    sources = pl.read_parquet(corpus_release / "parquet" / "sources.parquet").filter(pl.col("status") == "parsed")
    assert sources["text_words"].null_count() == 0 and sources.filter(pl.col("text_words") == 0).height == 0
    low = sources.with_columns((pl.col("published_words") / pl.col("text_words")).alias("share")).filter(pl.col("share") < 0.98)
    assert low.height == 0, low.select("path", "text_words", "published_words").to_dicts()
    fragments = pl.read_parquet(corpus_release / "parquet" / "answer_fragments.parquet")
    assert fragments.height > 0 and fragments["reason"].null_count() == 0


def test_tables_come_out_as_cells_whose_rows_are_lines_of_the_answer(corpus_release: Path):
    read = lambda name: pl.read_parquet(corpus_release / "parquet" / f"{name}.parquet")  # noqa: E731
    tables = read("answer_tables").join(read("questions").select("question_id", "answer_text"), on="question_id")
    cells = read("answer_table_cells")
    assert tables.height >= 50 and cells.height >= 1000
    lines = tables.select(pl.col("answer_text").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start")).str.split("\n").list.len().alias("n"), "n_rows")
    assert (lines["n"] == lines["n_rows"]).all()
    per_table = cells.group_by("table_id").agg((pl.col("row").max() + 1).alias("rows"))
    assert per_table.join(tables.select("table_id", "n_rows"), on="table_id").filter(pl.col("rows") != pl.col("n_rows")).height == 0


def test_holding_answers_on_real_pages_give_their_dates(corpus_release: Path):
    questions = pl.read_parquet(corpus_release / "parquet" / "questions.parquet")
    held = questions.filter(pl.col("reference") == "300265")  # hansard-web/hw-022.txt: "[holding answer 23 November 2009]"
    assert held["holding_answer_date"].to_list() == [__import__("datetime").date(2009, 11, 23)]
    assert not questions["answer_text"].str.contains(r"\[holding answer").any()


def test_every_i_refer_sentence_gives_a_cross_reference_resolved_when_the_cited_answer_is_in_the_build(corpus_release: Path):
    read = lambda name: pl.read_parquet(corpus_release / "parquet" / f"{name}.parquet")  # noqa: E731
    refs, sentences, questions = read("cross_references"), read("answer_sentences"), read("questions")
    refer = sentences.filter(pl.col("text").str.contains(r"\bI (?:would )?refer"))
    assert refer.height > 100
    assert refer.join(refs, on="sentence_id", how="anti").height == 0
    # offsets are right
    texts = refs.join(questions.select("question_id", "answer_text"), on="question_id")
    assert all(t[a:b] == s for t, a, b, s in texts.select("answer_text", "char_start", "char_end", "surface").iter_rows())
    # a cited answer that is in the build (same date, same reference) is always found
    keys = questions.select("sitting_date", pl.col("reference").str.replace_all(r"\s", "").alias("_ref"), pl.col("question_id").alias("_cited"))
    resolvable = refs.join(keys, left_on=["cited_date", "cited_reference"], right_on=["sitting_date", "_ref"], how="inner")
    assert resolvable.height > 50
    assert resolvable.filter(pl.col("cited_question_id") != pl.col("_cited")).height == 0
    assert resolvable["cited_question_id"].null_count() == 0


def test_askers_and_answerers_link_to_members(corpus_release: Path):
    questions = pl.read_parquet(corpus_release / "parquet" / "questions.parquet")
    members = pl.read_parquet(corpus_release / "parquet" / "members.parquet")
    api = questions.filter(pl.col("asking_member_mnis_id").is_not_null())
    assert api.height > 5000 and api.filter(pl.col("asker_link") != "api").height == 0  # every API question links by id
    printed = questions.filter(pl.col("wq_api_id").is_null() & pl.col("asker").is_not_null())
    share = printed["asker_member_id"].is_not_null().mean()
    assert share >= 0.78, share  # a floor under today's 0.80 (the issue asks 0.90; docs/quality.md)
    # links checked by hand (tests/fixtures/member-links-labelled.csv): those still made are right
    labelled = pl.read_csv(REPO / "tests" / "fixtures" / "member-links-labelled.csv")
    names = dict(members.select("member_id", "name").iter_rows())
    now = {}
    for row in questions.select("question_id", "asker_member_id", "answerer_member_id").iter_rows(named=True):
        now[(row["question_id"], "asker")] = names.get(row["asker_member_id"])
        now[(row["question_id"], "answerer")] = names.get(row["answerer_member_id"])
    still = [(r["verdict"], now.get((r["question_id"], r["role"])) == r["name"]) for r in labelled.iter_rows(named=True) if now.get((r["question_id"], r["role"]))]
    right = sum(1 for verdict, same in still if same and verdict == "right")
    assert len(still) >= 95 and right / len(still) >= 0.97
