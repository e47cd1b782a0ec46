"""The learned second reading of commitment statuses (pipeline/extract/commitment_model.py)."""

from pathlib import Path

import numpy as np
import polars as pl
import pytest

pytest.importorskip("sklearn")  # with the test extra

from pipeline.extract import commitment_model as cm
from pipeline.extract.commitments import classify_sentences


@pytest.fixture(scope="module")
def labelled() -> pl.DataFrame:
    return cm.labelled_sentences(cm.training_sets(Path(__file__).parent / "fixtures"))


def test_run_time_scores_are_scikit_learns(labelled, tmp_path):
    """polars and numpy at run time give the scores scikit-learn gives, from the exported CSV."""
    vectorizer, rule_columns, model = cm.fit(labelled)
    cm.export(vectorizer, rule_columns, model, tmp_path / "model.csv")
    exported = cm.load_model.__wrapped__(tmp_path / "model.csv")
    expected = model.decision_function(cm.features(vectorizer, rule_columns, labelled))
    got = cm.decision_scores(labelled["text"], labelled["rule"], exported)
    assert list(exported.classes) == [str(c) for c in model.classes_]
    assert np.abs(expected - got).max() < 1e-3  # weights are written to six significant digits
    assert (expected.argmax(axis=1) == got.argmax(axis=1)).mean() > 0.999
    # The shipped model is the one today's labels and rules train: retrain it when either changes.
    shipped = cm.decision_scores(labelled["text"], labelled["rule"])
    assert (shipped.argmax(axis=1) == expected.argmax(axis=1)).mean() > 0.99


def test_scores_are_the_same_bits_every_time(labelled):
    first = cm.decision_scores(labelled["text"], labelled["rule"])
    again = cm.decision_scores(labelled["text"].reverse(), labelled["rule"].reverse())[::-1]
    assert first.tobytes() == again.tobytes()


def test_the_shipped_model_covers_every_status():
    model = cm.load_model()
    assert set(model.classes) == {"none", "planned", "in_progress", "completed", "declined", "under_consideration"}
    assert set(model.rule_weights) >= set(model.classes) - {"none"}
    assert model.terms.height > 1000


# Sentences of labelled pages (tests/fixtures/dev.jsonl and heldout-a.jsonl): what the rules read, what the model reads.
REVISED = [
    # the rules read "are developing" as ongoing; the sentence is about what will be done
    ("Our plans are developing and we are on track to ratify at the end of the year.", "in_progress", "planned"),
    # a fear of what others will do is no commitment
    ("We are particularly concerned at the regime’s attempts to exclude Daw Aung San Suu Kyi from the political process "
     "and fear that this will only exacerbate tension and instability in Burma.", "planned", None),
    # a record of spending, not an action the Government took
    ("In the financial year 2008-09 Government Hospitality in Protocol Directorate of the Foreign and Commonwealth Office "
     "recorded the following: expenditure on functions, equipment, laundry, porterage, flowers, wines, spirits and soft drinks "
     "was £488,044.", "completed", None),
    # a standing practice, not a completed action
    ("Every effort is made to avoid civilian casualties and any that are the result of action by UK armed forces are always "
     "a matter of profound regret.", "completed", None),
]


@pytest.mark.parametrize(("text", "rules_read", "model_reads"), REVISED)
def test_the_model_revises_what_the_rules_read(text, rules_read, model_reads):
    ruled = classify_sentences(pl.DataFrame({"text": [text]}))
    assert ruled["status"][0] == rules_read
    assert cm.revise_statuses(ruled)["status"][0] == model_reads


def test_the_model_adds_a_commitment_only_where_it_reads_one():
    # a real API answer the rules find no cue in: the model reads a completed action, its cue the verb group
    paused = "All random mandatory drug testing (rMDT) in prisons were paused in March 2020 following the outbreak of the COVID-19 pandemic."
    frame = pl.DataFrame({"text": ["We will publish the report in the spring.", "The figures are in the table.", paused]})
    ruled = classify_sentences(frame)
    assert ruled["status"].to_list() == ["planned", None, None]
    revised = cm.revise_statuses(ruled)
    assert revised["status"].to_list() == ["planned", None, "completed"]
    assert revised["cue"].to_list() == ["will publish", None, "were paused"]
    assert paused[revised["cue_at"][2] :].startswith("were paused")
