"""The labellers' agreement script (docs/quality.md, "How far the labels agree with themselves")."""

import copy
import importlib.util
from pathlib import Path

from pipeline.evaluation import load_gold

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("label_agreement", ROOT / "scripts" / "label_agreement.py")
label_agreement = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(label_agreement)


def test_a_labelling_agrees_with_itself_and_not_with_a_changed_copy():
    first = load_gold(ROOT / "tests" / "fixtures" / "blind" / "heldout-w-wqapi.jsonl")[:36]
    assert label_agreement.agreement(first, first)["agencies"]["f1"] == 1.0
    changed = copy.deepcopy(first)
    with_body = next(q for q in changed if q["agencies"])
    with_body["agencies"].pop()  # one body fewer: a miss
    with_body["sentences"][0]["status"] = "planned" if with_body["sentences"][0]["status"] == "none" else "none"
    figures = label_agreement.agreement(first, changed)
    assert figures["agencies"]["fn"] == 1 and figures["agencies"]["f1"] < 1.0
    assert figures["commitment_detection"]["f1"] < 1.0


def test_the_second_labelling_of_w_holds_the_same_records():
    second = load_gold(ROOT / "tests" / "fixtures" / "agreement" / "heldout-w-first-half-second-labelling.jsonl")
    first = load_gold(ROOT / "tests" / "fixtures" / "blind" / "heldout-w-wqapi.jsonl")[: len(second)]
    assert [q["wq_api_id"] for q in first] == [q["wq_api_id"] for q in second]
