"""A learned second reading of the commitment status (GUIDELINES.md, "Commitments").

The rules (:mod:`pipeline.extract.commitments`) find a cue and read a status
from it. This linear model reads the whole sentence — its first words and
pairs of words, weighted by tf-idf — together with the status the rules
gave, and decides again: it may keep the status, change it, or find that the
sentence commits to nothing. Where the rules found no cue, it adds a
commitment only when it reads one with more than even odds (``ADD_ABOVE``)
and the sentence's main clause has a verb group, which is then its cue
(each commitment names the words that signal it, docs/data-contract.md): a
cut fragment ("We wil...") or a line of figures gets none.

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
import re
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
# The model's probability of a commitment above which it adds one where the rules found no cue
# (leave-one-batch-out over 28 sets: detection 0.855 -> 0.869, macro-F1 0.783 -> 0.795; docs/quality.md).
ADD_ABOVE = 0.5


@dataclass(frozen=True, eq=False)  # (arrays inside: compared by identity)
class CommitmentModel:
    """Weights of a trained model: one column per status (``classes``), in scikit-learn's order."""

    classes: tuple[str, ...]
    terms: pl.DataFrame  # term (sorted), idf, one weight column per class
    rule_weights: dict[str, tuple[float, ...]]  # the rules' status -> its weights (times RULE_WEIGHT)
    intercepts: tuple[float, ...]
    term_ids: pl.DataFrame  # (term, _tid): each term's row in ``terms``, so ids sort as the terms do
    weights: np.ndarray  # (terms x classes), gathered by term id
    idf: np.ndarray  # by term id


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
    weights = frame.select(list(classes)).to_numpy().astype(np.float64)
    return CommitmentModel(classes, frame, rule_weights, intercepts, frame.select("term").with_row_index("_tid"), weights, frame["idf"].to_numpy().astype(np.float64))


def _weighted_terms(texts: pl.Series, model: CommitmentModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, term id, value) of each sentence's terms the model knows, sorted by row and then term; value is the
    term's tf-idf, of unit length over its sentence. Counted with numpy on integer keys, not grouped as strings."""
    found = _terms(texts).join(model.term_ids, on="term", how="inner")
    n_terms = model.terms.height
    keys, counts = np.unique(found["_row"].to_numpy().astype(np.int64) * n_terms + found["_tid"].to_numpy().astype(np.int64), return_counts=True)
    rows, term_ids = keys // n_terms, keys % n_terms
    value = (1.0 + np.log(counts.astype(np.float64))) * model.idf[term_ids]
    norm = np.sqrt(np.bincount(rows, weights=value * value, minlength=len(texts)))
    return rows, term_ids, value / norm[rows]


def decision_scores(texts: pl.Series, rules: pl.Series, model: CommitmentModel | None = None) -> np.ndarray:
    """The model's score of each class for each sentence (rows: sentences, columns: ``model.classes``)."""
    model = model or load_model()
    n = len(texts)
    rows, term_ids, value = _weighted_terms(texts, model)
    weights = model.weights[term_ids]
    scores = np.empty((n, len(model.classes)))
    fallback = (0.0,) * len(model.classes)
    rule_part = np.array([model.rule_weights.get(r, fallback) for r in rules.fill_null(NONE).to_list()]).reshape(n, len(model.classes))
    for k in range(len(model.classes)):
        # bincount sums in row order: the same inputs give the same scores, to the last bit.
        scores[:, k] = np.bincount(rows, weights=value * weights[:, k], minlength=n) + rule_part[:, k] + model.intercepts[k]
    return scores


def revise_statuses(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` (text, and the rules' status, cue and cue_at) with each status the rules found read again by the
    model (null where it reads no commitment), and one added where the rules found none (:func:`_choose`)."""
    if frame.height == 0:
        return frame
    model = load_model()
    scores = decision_scores(frame["text"], frame["status"].cast(pl.String), model)
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))  # softmax: the classes' probabilities
    statuses, cues = _choose(shifted / shifted.sum(axis=1, keepdims=True), model.classes, frame["status"].is_not_null().to_numpy(), frame["text"].to_list())
    return frame.with_columns(
        pl.Series("status", [None if c == NONE else c for c in statuses], dtype=pl.String).cast(frame.schema["status"]),
        pl.Series("cue", [c[0] if c else r for c, r in zip(cues, frame["cue"].to_list())], dtype=frame.schema["cue"]),
        pl.Series("cue_at", [c[1] if c else r for c, r in zip(cues, frame["cue_at"].to_list())], dtype=frame.schema["cue_at"]),
    )


def _choose(probabilities: np.ndarray, classes, found: np.ndarray, texts: list[str]) -> tuple[list[str], list[tuple[str, int] | None]]:
    """Each sentence's status (``NONE``: no commitment) and, where one is added, its cue: the one rule of the run
    and of the leave-one-out runs. What the rules found is read again (the likeliest class); where they found
    nothing, a commitment is added only when it is likelier than ``ADD_ABOVE`` and the sentence has a cue
    (:func:`_cues`), as the likeliest status that is one."""
    classes = list(classes)
    none_at = classes.index(NONE)
    statuses = [classes[k] for k in probabilities.argmax(axis=1)]
    statuses = [s if f else NONE for s, f in zip(statuses, found)]
    candidates = np.flatnonzero(~found & (1.0 - probabilities[:, none_at] > ADD_ABOVE))
    cues: list[tuple[str, int] | None] = [None] * len(texts)
    committing = probabilities[candidates].copy()
    committing[:, none_at] = -1.0
    for row, cue, k in zip(candidates.tolist(), _cues([texts[r] for r in candidates]), committing.argmax(axis=1).tolist()):
        if cue is not None:
            statuses[row], cues[row] = classes[k], cue
    return statuses, cues


# A clause the sentence opens with before its main one ("If they are unable to meet our expectations, we
# will ..."; "As set out in the plan, the Government has ..."): an added commitment's cue is after it.
_OPENING_CLAUSE = re.compile(r"(?:If|As|Whilst|While|When|Although|Though|Where|Since|Because|Once|Unless|Until|After|Before|Following|Given|To)\b[^,;]{0,200},[^\S\n]*")
# The main clause's first verb group, as a reader would point at what it commits to ("were paused", "will
# have", "has also provided", "does not have"), or a lower-case word in -ed after the opening word
# ("UK Government issued statements"); a helper before a function word is no verb group ("is a", "was the").
_HELPER = r"(?:[Hh]as|[Hh]ave|[Hh]ad|[Ii]s|[Aa]re|[Ww]as|[Ww]ere|[Ww]ill|[Ww]ould|[Ss]hall|[Ss]hould|may|might|can|could|[Dd]oes|[Dd]o|[Dd]id|[Cc]ontinues|[Cc]ontinue|[Rr]emains|[Rr]emain)"
_VERB_GROUP = re.compile(
    rf"\b{_HELPER}(?:[^\S\n]+(?:not|also|already|now|then|still|been|be|being|to|continue[^\S\n]+to|[a-z]+ly))*"
    r"[^\S\n]+(?!(?:a|an|the|in|on|at|of|for|with|by|no|any|some|this|that|these|those|its|their|our|his|her|my|also|not)\b)[a-z][\w\-]*"
    r"|(?<=\w\s)\b[a-z][a-z\-]*ed\b"
)


def _cues(texts: list[str]) -> list[tuple[str, int] | None]:
    """Each sentence's cue for an added commitment, as printed, and where it starts: the first verb group of its
    main clause (subordinate clauses masked as the rules mask them) within its first MAX_CHARS; None without one."""
    from pipeline.extract.commitments import mask_subordinate

    masked = pl.DataFrame({"text": texts}, schema={"text": pl.String}).select(mask_subordinate(pl.col("text")))["text"].to_list()
    out: list[tuple[str, int] | None] = []
    for text, view in zip(texts, masked):
        opening = _OPENING_CLAUSE.match(view)
        found = _VERB_GROUP.search(view, opening.end() if opening else 0)
        out.append((text[found.start() : found.end()], found.start()) if found and found.start() < MAX_CHARS else None)
    return out


def predict(vectorizer, rule_columns: list[str], model, sentences: pl.DataFrame) -> list[str]:
    """The statuses the run-time reading (:func:`revise_statuses`) gives ``sentences`` with a model fresh from :func:`fit`."""
    probabilities = model.predict_proba(features(vectorizer, rule_columns, sentences))
    return _choose(probabilities, [str(c) for c in model.classes_], (sentences["rule"] != NONE).to_numpy(), sentences["text"].to_list())[0]


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
