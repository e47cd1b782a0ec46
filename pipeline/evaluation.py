"""Evaluating a release against labelled questions (shared/gold/*.jsonl).

Gold questions are matched to released questions printed by the same file
(through ``question_sources``), by reference, then by the start of the
question, then by the start of the answer. Figures:

- question recall, and field accuracy over matched questions;
- agencies and instruments: micro precision, recall and F1 per question (an
  entity matches when a name, acronym or surface agrees);
- commitments: detection F1 (status other than none) and macro-F1 over the
  five statuses, over gold sentences aligned by text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import polars as pl

from pipeline.extract.names import without_scheme_word

FIELDS = ["house", "sitting_date", "volume", "columns", "heading", "addressee", "reference", "asker", "answerer", "question_start", "answer_start"]
STATUSES = ["completed", "in_progress", "planned", "under_consideration", "declined"]


def norm(text: object) -> str:
    """Compare text as the guidelines do: apostrophes alike, spaces folded, case kept."""
    if text is None:
        return ""
    s = str(text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip()


def _loose(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", norm(text).lower()).strip()


def _starts(full: str | None, start: str | None) -> bool:
    if not start:
        return not full
    return _loose(full).startswith(_loose(start)[:80])


def load_release(release_dir: Path) -> dict[str, pl.DataFrame]:
    names = ["sources", "questions", "question_sources", "answer_sentences", "agencies", "agency_mentions", "instruments", "instrument_mentions", "commitments"]
    return {n: pl.read_parquet(release_dir / "parquet" / f"{n}.parquet") for n in names}


def _match(gold: dict, candidates: list[dict], used: set[str]) -> dict | None:
    free = [c for c in candidates if c["question_id"] not in used]
    if gold.get("reference"):
        for c in free:
            if c["reference"] and norm(c["reference"]) == norm(gold["reference"]):
                return c
    if gold.get("question_start"):
        for c in free:
            if c["question_text"] and _starts(c["question_text"], gold["question_start"]):
                return c
    if gold.get("answer_start"):
        for c in free:
            if _starts(c["answer_text"], gold["answer_start"]):
                return c
    return None


def _field_value(q: dict, field: str, gold: dict) -> bool:
    if field == "question_start":
        return _starts(q["question_text"], gold["question_start"]) if gold["question_start"] else not q["question_text"]
    if field == "answer_start":
        return _starts(q["answer_text"], gold["answer_start"])
    value = q[field]
    if field == "sitting_date" and value is not None:
        value = value.isoformat()
    return norm(value) == norm(gold[field])


def _key(text: object, instrument: bool = False) -> str:
    """Entity names compare without a leading article, and an instrument's without a scheme's or programme's
    word at the end: labellers split on whether "JobStart programme" or "JobStart" is the name (71 to 37 in
    the sets up to AO; docs/quality.md), and both name one instrument."""
    key = re.sub(r"^the ", "", _loose(text))
    return without_scheme_word(key) if instrument else key


def _entity_matches(pred: dict, gold: dict, instrument: bool = False) -> bool:
    gold_keys = {_key(s, instrument) for s in gold.get("surfaces", [])} | {_key(gold.get("name") or gold.get("title"), instrument)}
    if gold.get("acronym"):
        gold_keys.add(_key(gold["acronym"]))
    pred_keys = {_key(s, instrument) for s in pred["surfaces"]} | {_key(pred["name"], instrument)}
    if pred.get("acronym"):
        pred_keys.add(_key(pred["acronym"]))
    gold_keys.discard("")
    pred_keys.discard("")
    return bool(gold_keys & pred_keys)


def match_entities(gold: list[dict], predicted: list[dict], instruments: bool = False) -> tuple[list[dict], list[dict]]:
    """(gold entities missed, predicted entities left over), each gold entity taking the first prediction it matches."""
    remaining, missed = list(predicted), []
    for entity in gold:
        if hit := next((p for p in remaining if _entity_matches(p, entity, instruments)), None):
            remaining.remove(hit)
        else:
            missed.append(entity)
    return missed, remaining


def sentence_match(by_text: dict[str, object], text: str) -> object | None:
    """The value of the sentence ``text`` in ``by_text`` (keyed by ``_loose`` text), or of one that starts with its first 60 characters."""
    key = _loose(text)
    return by_text.get(key) or next((v for k, v in by_text.items() if k[:60] == key[:60]), None)


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def commitment_scores(pairs: list[tuple[str, str]]) -> tuple[dict, dict, float]:
    """Detection P/R/F1, per-status P/R/F1 and macro-F1 over (gold, predicted) status pairs ("none": no commitment)."""
    detection = _prf(
        sum(1 for want, got in pairs if want != "none" and got != "none"),
        sum(1 for want, got in pairs if want == "none" and got != "none"),
        sum(1 for want, got in pairs if want != "none" and got == "none"),
    )
    per_status = {
        s: _prf(sum(1 for w, g in pairs if w == s and g == s), sum(1 for w, g in pairs if w != s and g == s), sum(1 for w, g in pairs if w == s and g != s))
        for s in STATUSES
    }
    present = [s for s in STATUSES if per_status[s]["tp"] + per_status[s]["fn"] > 0]
    return detection, per_status, sum(per_status[s]["f1"] for s in present) / len(present) if present else 0.0


def _entities(mentions: pl.DataFrame, table: pl.DataFrame, id_col: str, name_col: str, qid: str) -> list[dict]:
    rows = mentions.filter(pl.col("question_id") == qid).join(table, on=id_col)
    out = []
    for (entity_id,), group in rows.group_by([id_col], maintain_order=True):
        out.append({"id": entity_id, "name": group[name_col][0], "acronym": group["acronym"][0] if "acronym" in group.columns else None, "surfaces": sorted(set(group["surface"].to_list()))})
    return out


def load_gold(gold_path: Path) -> list[dict]:
    """The labelled questions of a gold file (one JSON object per line)."""
    return [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate_release(gold_path: Path, release_dir: Path) -> dict:
    """All figures and the list of errors, as a dict."""
    gold = load_gold(gold_path)
    t = load_release(release_dir)
    by_file = t["question_sources"].join(t["sources"].select("source_id", "path"), on="source_id").join(t["questions"], on="question_id", suffix="_q")
    errors: list[str] = []
    matched = 0
    field_ok = Counter()
    field_n = 0
    ent = {"agencies": [0, 0, 0], "instruments": [0, 0, 0]}
    sentence_pairs: list[tuple[str, str]] = []
    used: set[str] = set()
    commit_status = dict(t["commitments"].select("sentence_id", "status").iter_rows())
    kinds: list[tuple[str, str]] = []  # (labelled, published) answer_kind of matched questions labelled with one
    for g in gold:
        candidates = by_file.filter(pl.col("path") == g["file"]).to_dicts()
        q = _match(g, candidates, used)
        if q is None:
            errors.append(f"missed question: {g['file']} ref={g.get('reference')} {str(g.get('question_start'))[:60]!r}")
            for s in g.get("sentences", []):
                sentence_pairs.append((s["status"], "none"))
            ent["agencies"][2] += len(g.get("agencies", []))
            ent["instruments"][2] += len(g.get("instruments", []))
            continue
        used.add(q["question_id"])
        matched += 1
        field_n += 1
        if g.get("answer_kind") and "answer_kind" in q:
            kinds.append((g["answer_kind"], q["answer_kind"] or "substantive"))
            if g["answer_kind"] != q["answer_kind"]:
                errors.append(f"answer_kind {q['answer_kind']} != {g['answer_kind']}: {g['file']} ref={g.get('reference')}: {q['answer_text'][:90]!r}")
        for f in FIELDS:
            if _field_value(q, f, g):
                field_ok[f] += 1
            else:
                shown = q["question_text"] if f == "question_start" else q["answer_text"] if f == "answer_start" else q[f]
                errors.append(f"field {f}: {g['file']} ref={g.get('reference')}: got {str(shown)[:70]!r}, want {str(g[f])[:70]!r}")
        for entities, mentions, table, id_col, name_col in (
            ("agencies", t["agency_mentions"], t["agencies"], "agency_id", "name"),
            ("instruments", t["instrument_mentions"], t["instruments"].with_columns(pl.lit(None, dtype=pl.String).alias("acronym")), "instrument_id", "title"),
        ):
            missed, extra = match_entities(g.get(entities, []), _entities(mentions, table, id_col, name_col, q["question_id"]), id_col == "instrument_id")
            ent[entities][0] += len(g.get(entities, [])) - len(missed)
            ent[entities][1] += len(extra)
            ent[entities][2] += len(missed)
            errors.extend(f"{entities} missed: {g['file']} ref={g.get('reference')}: {ge.get('name') or ge.get('title')!r}" for ge in missed)
            errors.extend(f"{entities} extra: {g['file']} ref={g.get('reference')}: {p['name']!r} {p['surfaces']}" for p in extra)
        sentences = t["answer_sentences"].filter(pl.col("question_id") == q["question_id"]).sort("position")
        predicted_by_text = {_loose(text): sid for sid, text in sentences.select("sentence_id", "text").iter_rows()}
        for s in g.get("sentences", []):
            sid = sentence_match(predicted_by_text, s["text"])
            got = commit_status.get(sid, "none") if sid else "none"
            if sid is None:
                errors.append(f"sentence missed: {g['file']} ref={g.get('reference')}: {s['text'][:70]!r}")
            elif got != s["status"]:
                errors.append(f"status {got} != {s['status']}: {s['text'][:90]!r}")
            sentence_pairs.append((s["status"], got))
    detection, per_status, macro = commitment_scores(sentence_pairs)
    return {
        "gold_questions": len(gold),
        "question_recall": round(matched / len(gold), 4) if gold else 1.0,
        "field_accuracy": round(sum(field_ok.values()) / (field_n * len(FIELDS)), 4) if field_n else 0.0,
        "field_accuracy_by_field": {f: round(field_ok[f] / field_n, 4) if field_n else 0.0 for f in FIELDS},
        "agencies": _prf(*ent["agencies"]),
        "instruments": _prf(*ent["instruments"]),
        "commitment_detection": detection,
        "status_macro_f1": round(macro, 4),
        "status_by_class": per_status,
        "sentences": len(sentence_pairs),
        "answer_kind": {
            "labelled": len(kinds),
            "accuracy": round(sum(w == g_ for w, g_ in kinds) / len(kinds), 4) if kinds else None,
            # a non-answer flagged as such (any non-substantive kind), the figure TheyWorkForYou users ask for
            "non_answer": _prf(
                sum(1 for w, g_ in kinds if w != "substantive" and g_ != "substantive"),
                sum(1 for w, g_ in kinds if w == "substantive" and g_ != "substantive"),
                sum(1 for w, g_ in kinds if w != "substantive" and g_ == "substantive"),
            ),
        },
        "errors": errors,
    }


def format_report(report: dict, *, with_errors: bool = False) -> str:
    """The figures as a short text table."""
    lines = [
        f"gold questions:            {report['gold_questions']}",
        f"question recall:           {report['question_recall']:.3f}",
        f"question-field accuracy:   {report['field_accuracy']:.3f}",
        f"agency P/R/F1:             {report['agencies']['precision']:.3f} / {report['agencies']['recall']:.3f} / {report['agencies']['f1']:.3f}",
        f"instrument P/R/F1:         {report['instruments']['precision']:.3f} / {report['instruments']['recall']:.3f} / {report['instruments']['f1']:.3f}",
        f"commitment detection F1:   {report['commitment_detection']['f1']:.3f}",
        f"status macro-F1:           {report['status_macro_f1']:.3f}",
    ]
    kinds = report.get("answer_kind") or {}
    if kinds.get("labelled"):
        flagged = kinds["non_answer"]
        lines.append(f"answer kind accuracy:      {kinds['accuracy']:.3f} ({kinds['labelled']} labelled; non-answers P/R/F1 "
                     f"{flagged['precision']:.3f} / {flagged['recall']:.3f} / {flagged['f1']:.3f})")
    lines += [
        f"errors listed:             {len(report['errors'])} (--errors to show)",
    ]
    if with_errors:
        lines += ["", *report["errors"]]
    return "\n".join(lines)
