"""A learned second reading of the commitment status (GUIDELINES.md, "Commitments").

The rules (:mod:`pipeline.extract.commitments`) find a cue and read a status
from it. This linear model reads the whole sentence — its first words and
pairs of words, weighted by tf-idf — together with the status the rules
gave, and decides again: it may keep the status, change it, or find that the
sentence commits to nothing. It never adds a commitment the rules did not
find, so every commitment keeps the cue the rules found.

It is a multinomial logistic regression trained with scikit-learn on every
labelled sentence in ``tests/fixtures`` (``python -m
pipeline.extract.commitment_model``), shipped as ``commitment_model.csv``
(one row per feature, one weight column per status) and applied with polars
and numpy: no scikit-learn and no download at run time. Leave-one-batch-out
figures, which say what it adds on sentences it was not trained on, are in
docs/quality.md.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import polars as pl

MODEL_CSV = Path(__file__).with_name("commitment_model.csv")
FIXTURES = Path("tests") / "fixtures"  # the labelled sets, in the checkout (training is run from its root)
NONE = "none"  # the gold sets' word for a sentence that commits to nothing
# Chosen by leave-one-batch-out on batches D1-I (docs/quality.md), not on the batch scored after.
MAX_CHARS = 300  # the main clause is near the start; long answers' tails add noise
RULE_WEIGHT = 3.0  # the value of the rules' status as a feature, against unit-length word vectors
REGULARISATION = 4.0  # scikit-learn's C
MIN_DOCUMENT_FREQUENCY = 2
TOKEN = r"\b\w+\b"


@dataclass(frozen=True)
class CommitmentModel:
    """Weights of a trained model: one column per status (``classes``), in scikit-learn's order."""

    classes: tuple[str, ...]
    terms: pl.DataFrame  # term, idf, one weight column per class
    rule_weights: dict[str, tuple[float, ...]]  # the rules' status -> its weights (times RULE_WEIGHT)
    intercepts: tuple[float, ...]


def training_sets(fixtures: Path = FIXTURES) -> list[Path]:
    """Every labelled set: the development set, the held-out sets and the blind batches."""
    return sorted([fixtures / "dev.jsonl", *fixtures.glob("heldout-*.jsonl"), *(fixtures / "blind").glob("*.jsonl")])


def labelled_sentences(paths: list[Path]) -> pl.DataFrame:
    """(batch, text, gold status, the rules' status) of every labelled answer sentence."""
    from pipeline.evaluation import load_gold
    from pipeline.extract.commitments import classify_sentences

    rows = [
        {"batch": path.stem, "text": sentence["text"], "gold": sentence["status"]}
        for path in paths
        for question in load_gold(path)
        for sentence in question.get("sentences", [])
    ]
    frame = pl.DataFrame(rows, schema={"batch": pl.String, "text": pl.String, "gold": pl.String})
    return frame.with_columns(rule=classify_sentences(frame.select("text"))["status"].fill_null(NONE))


def _terms(texts: pl.Series) -> pl.DataFrame:
    """(row, term) of each sentence's words and pairs of neighbouring words, in its first MAX_CHARS:
    the one definition of a term, for training and for the run."""
    tokens = pl.DataFrame({"_row": np.arange(len(texts), dtype=np.int64), "_tok": texts}).with_columns(
        pl.col("_tok").str.slice(0, MAX_CHARS).str.to_lowercase().str.extract_all(TOKEN)
    )
    # The pairs of neighbouring words: each list against itself shifted by one.
    pairs = tokens.with_columns(pl.col("_tok").list.slice(1).alias("_next"), pl.col("_tok").list.head(pl.col("_tok").list.len() - 1)).explode("_tok", "_next")
    return pl.concat([
        tokens.explode("_tok").select("_row", pl.col("_tok").alias("term")),
        pairs.filter(pl.col("_next").is_not_null()).select("_row", (pl.col("_tok") + " " + pl.col("_next")).alias("term")),
    ]).drop_nulls("term")


def _term_lists(texts: pl.Series) -> list[list[str]]:
    """Each sentence's terms as a list, as scikit-learn's vectorizer takes them."""
    lists = dict(_terms(texts).group_by("_row").agg("term").iter_rows())
    return [lists.get(k, []) for k in range(len(texts))]


def features(vectorizer, rule_columns: list[str], sentences: pl.DataFrame, *, fitting: bool = False):
    """The model's inputs for ``sentences`` (text, rule): tf-idf of the terms, then the rules' status."""
    import scipy.sparse as sparse

    terms = _term_lists(sentences["text"])
    words = vectorizer.fit_transform(terms) if fitting else vectorizer.transform(terms)
    return sparse.hstack([words, _rule_matrix(sentences["rule"].to_list(), rule_columns)]).tocsr()


def fit(sentences: pl.DataFrame):
    """Train on ``sentences`` (text, gold, rule); returns (vectorizer, rule columns, scikit-learn model)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=list, min_df=MIN_DOCUMENT_FREQUENCY, sublinear_tf=True)  # terms come from _terms
    rule_columns = sorted(set(sentences["rule"]))
    model = LogisticRegression(C=REGULARISATION, max_iter=5000)
    model.fit(features(vectorizer, rule_columns, sentences, fitting=True), sentences["gold"].to_numpy())
    return vectorizer, rule_columns, model


def _rule_matrix(rules: list[str], columns: list[str]):
    import scipy.sparse as sparse

    at = {c: k for k, c in enumerate(columns)}
    rows = [k for k, r in enumerate(rules) if r in at]
    return sparse.csr_matrix(([RULE_WEIGHT] * len(rows), (rows, [at[rules[k]] for k in rows])), shape=(len(rules), len(columns)))


def export(vectorizer, rule_columns: list[str], model, path: Path = MODEL_CSV) -> None:
    """Write a trained model as CSV: one row per term (with its idf), per rule status, and the intercepts."""
    classes = [str(c) for c in model.classes_]
    terms = sorted(vectorizer.vocabulary_.items())
    n_terms = len(vectorizer.vocabulary_)

    def weights(column: int) -> list[str]:
        return [f"{model.coef_[k, column]:.6g}" for k in range(len(classes))]

    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["feature", "value", "idf", *classes])
        out.writerow(["intercept", "", "", *[f"{v:.6g}" for v in model.intercept_]])
        for k, rule in enumerate(rule_columns):
            out.writerow(["rule", rule, "", *weights(n_terms + k)])
        for term, column in terms:
            out.writerow(["term", term, f"{vectorizer.idf_[column]:.6g}", *weights(column)])


@cache
def load_model(path: Path = MODEL_CSV) -> CommitmentModel:
    """The shipped model."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    classes = tuple(rows[0][3:])
    intercepts = tuple(float(v) for v in rows[1][3:])
    rule_weights = {r[1]: tuple(float(v) * RULE_WEIGHT for v in r[3:]) for r in rows[2:] if r[0] == "rule"}
    terms = [r for r in rows[2:] if r[0] == "term"]
    frame = pl.DataFrame(
        {"term": [r[1] for r in terms], "idf": [float(r[2]) for r in terms], **{c: [float(r[3 + k]) for r in terms] for k, c in enumerate(classes)}}
    )
    return CommitmentModel(classes, frame, rule_weights, intercepts)


def decision_scores(texts: pl.Series, rules: pl.Series, model: CommitmentModel | None = None) -> np.ndarray:
    """The model's score of each class for each sentence (rows: sentences, columns: ``model.classes``)."""
    model = model or load_model()
    n = len(texts)
    terms = _terms(texts)
    counts = terms.group_by("_row", "term").len().join(model.terms, on="term", how="inner").sort("_row", "term")
    rows = counts["_row"].to_numpy()
    value = (1.0 + np.log(counts["len"].to_numpy().astype(np.float64))) * counts["idf"].to_numpy()
    norm = np.sqrt(np.bincount(rows, weights=value * value, minlength=n))
    value = value / norm[rows]
    scores = np.empty((n, len(model.classes)))
    fallback = (0.0,) * len(model.classes)
    rule_part = np.array([model.rule_weights.get(r, fallback) for r in rules.fill_null(NONE).to_list()]).reshape(n, len(model.classes))
    for k, name in enumerate(model.classes):
        # bincount sums in row order: the same inputs give the same scores, to the last bit.
        scores[:, k] = np.bincount(rows, weights=value * counts[name].to_numpy(), minlength=n) + rule_part[:, k] + model.intercepts[k]
    return scores


def revise_statuses(frame: pl.DataFrame, text: str = "text", status: str = "status") -> pl.DataFrame:
    """``frame`` with each non-null ``status`` read again by the model (null where it reads no commitment)."""
    found = frame[status].is_not_null()
    if not found.any():
        return frame
    model = load_model()
    scores = decision_scores(frame[text].filter(found), frame[status].filter(found), model)
    statuses = pl.Series([None if c == NONE else c for c in model.classes], dtype=pl.String)  # "none": no commitment
    revised = frame[status].cast(pl.String).clone().scatter(np.flatnonzero(found.to_numpy()), statuses.gather(scores.argmax(axis=1)))
    return frame.with_columns(revised.cast(frame.schema[status]))


def predict(vectorizer, rule_columns: list[str], model, sentences: pl.DataFrame) -> list[str]:
    """The statuses the run-time reading gives ``sentences`` with a model fresh from :func:`fit`
    (the rules' "none" stands: the model revises only what the rules found)."""
    chosen = model.predict(features(vectorizer, rule_columns, sentences))
    return [NONE if rule == NONE else str(c) for rule, c in zip(sentences["rule"], chosen)]


def leave_one_batch_out(sentences: pl.DataFrame) -> list[dict]:
    """Each set scored by the rules alone and by a model trained on every other set."""
    from pipeline.evaluation import commitment_scores

    out = []
    for batch in sorted(set(sentences["batch"])):
        held = sentences.filter(pl.col("batch") == batch)
        revised = predict(*fit(sentences.filter(pl.col("batch") != batch)), held)
        rules = commitment_scores(list(zip(held["gold"], held["rule"])))
        learned = commitment_scores(list(zip(held["gold"], revised)))
        out.append({"batch": batch, "sentences": held.height, "rules_detection_f1": rules[0]["f1"], "rules_macro_f1": round(rules[2], 4),
                    "model_detection_f1": learned[0]["f1"], "model_macro_f1": round(learned[2], 4)})
    return out


def main() -> None:
    """Train on every labelled set and write ``commitment_model.csv`` (``--leave-one-out``: print each set's figures first)."""
    import sys

    sentences = labelled_sentences(training_sets())
    if "--leave-one-out" in sys.argv:
        for row in leave_one_batch_out(sentences):
            print(json.dumps(row))
    vectorizer, rule_columns, model = fit(sentences)
    export(vectorizer, rule_columns, model)
    print(f"{MODEL_CSV}: {len(vectorizer.vocabulary_):,} terms, {sentences.height:,} sentences of {sentences['batch'].n_unique()} sets")


if __name__ == "__main__":
    main()
