"""How far two labellings of the same records agree, scored as ``hansard-data evaluate`` scores a release.

    python scripts/label_agreement.py FIRST.jsonl SECOND.jsonl

FIRST is read as the gold and SECOND as the prediction; the records must be
the same, in the same order (by ``wq_api_id``). Prints agency and instrument
P/R/F1, commitment detection and status macro-F1, and answer-kind agreement,
as JSON (docs/quality.md, "How far the labels agree with themselves").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.evaluation import _loose, _prf, commitment_scores, load_gold, match_entities, sentence_match


def agreement(first: list[dict], second: list[dict]) -> dict:
    """The figures of ``second`` against ``first`` (same records, same order)."""
    if [q.get("wq_api_id") for q in first] != [q.get("wq_api_id") for q in second]:
        raise SystemExit("the two labellings do not hold the same records in the same order")
    counts = {"agencies": [0, 0, 0], "instruments": [0, 0, 0]}
    pairs: list[tuple[str, str]] = []
    kinds = 0
    for gold, other in zip(first, second):
        for kind, (tp_fp_fn) in counts.items():
            predicted = [{"name": e.get("name") or e.get("title"), "acronym": e.get("acronym"), "surfaces": e.get("surfaces", [])} for e in other.get(kind, [])]
            missed, extra = match_entities(gold.get(kind, []), predicted)
            tp_fp_fn[0] += len(gold.get(kind, [])) - len(missed)
            tp_fp_fn[1] += len(extra)
            tp_fp_fn[2] += len(missed)
        statuses = {_loose(s["text"]): s["status"] for s in other.get("sentences", [])}
        pairs.extend((sentence["status"], sentence_match(statuses, sentence["text"]) or "none") for sentence in gold.get("sentences", []))
        kinds += gold.get("answer_kind") == other.get("answer_kind")
    detection, _, macro = commitment_scores(pairs)
    return {"records": len(first), "agencies": _prf(*counts["agencies"]), "instruments": _prf(*counts["instruments"]),
            "commitment_detection": detection, "status_macro_f1": round(macro, 4), "sentences": len(pairs),
            "answer_kind_agreement": round(kinds / len(first), 4) if first else 1.0}


def main() -> None:
    first_path, second_path = (Path(p) for p in sys.argv[1:3])
    second = load_gold(second_path)
    first = [q for q in load_gold(first_path) if q.get("wq_api_id") in {s.get("wq_api_id") for s in second}]
    print(json.dumps(agreement(first, second), indent=1))


if __name__ == "__main__":
    main()
