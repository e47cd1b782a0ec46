"""Commitment status of answer sentences (GUIDELINES.md, "Commitments").

The status comes from the grammar of the sentence — modal verbs, tense and
aspect, negation — not from topic words. The rules are regular expressions
compiled into one polars expression, so every sentence of a release is
classified in one vectorised pass.
"""

from __future__ import annotations

import polars as pl

_ADV = r"(?:also |currently |now |still |actively |already |further |again |urgently |carefully |closely |fully |continuing to )*"
_GOV_VERBS = (
    r"published|signed|established|introduced|announced|launched|set up|made|issued|provided|allocated|appointed|"
    r"agreed|ratified|implemented|commissioned|completed|created|carried out|undertaken|undertook|wrote|written|placed|"
    r"deposited|laid|sent|met|raised|funded|awarded|approved|adopted|invested|increased|extended|supported|given|gave|"
    r"taken|took|decided|arranged|recruited|opened|built|delivered|submitted|held|consulted|reviewed|expanded|"
    r"strengthened|improved|doubled|trebled|granted|paid|contributed|put in place|brought forward|amended|revised|"
    r"replaced|abolished|closed|transferred|reorganised|reformed|achieved|secured|negotiated|concluded|visited|"
    r"discussed|raised|informed|told|asked|urged|welcomed the|set out|accepted|responded|answered|updated|repealed"
)
# (status, pattern): the first rule that matches decides, in this order.
RULES: list[tuple[str, str]] = [
    (
        "declined",
        r"(?i)\b(?:no (?:present |current |immediate |further |such )?(?:plans?|intention|proposals?)\b|"
        r"(?:do|does|did) not (?:intend|propose|plan|believe it (?:is|would be) (?:necessary|appropriate))|"
        r"(?:disproportionate|prohibitive) costs?|not (?:be )?possible|will not|shall not|won't|cannot be (?:provided|given|made|released)|"
        r"would not be (?:appropriate|right|practicable)|(?:am|is|are) not (?:prepared|able|minded) to|unable to|"
        r"not propose to|declined? to|there is no intention)",
    ),
    (
        "under_consideration",
        rf"(?i)\b(?:(?:is|are|am|were|was) {_ADV}(?:considering|reviewing|examining|assessing|looking (?:at|into)|exploring|evaluating|studying|investigating)\b|"
        r"under (?:active |careful |urgent )?(?:consideration|review)|"
        r"will (?:also |now |carefully |further )?(?:consider|review|look at|look into|examine|assess|explore|evaluate)\b|"
        r"(?:being|be) (?:considered|reviewed|examined|assessed)|keep\w* [\w ,]{0,40}under review|"
        r"(?:consider|considering) (?:whether|what|how))",
    ),
    (
        "planned",
        r"(?i)\b(?:will|shall)\b|\b(?:intends?|intend(?:ing)?|plans?|propos(?:e|es|ing)|expects?|aims?|hopes?) to\b|"
        r"\b(?:is|are) (?:due|going|expected|to be|set) to\b|\b(?:is|are) to be\b|\bthere will be\b",
    ),
    (
        "in_progress",
        rf"(?i)\b(?:(?:is|are|am) {_ADV}(?:working|negotiating|expanding|increasing|developing|preparing|implementing|"
        r"taking|doing|seeking|pressing|urging|monitoring|providing|funding|supporting|introducing|establishing|"
        r"improving|strengthening|extending|pursuing|discussing|consulting|engaging|encouraging|helping|making|"
        r"building|delivering|investing|recruiting|training|deploying|raising|continuing|progressing|undertaking|"
        r"carrying|putting|setting|rolling|piloting|trialling|tackling|addressing|collecting|processing|paying)\b|"
        r"(?:is|are) (?:being|still being) \w+ed\b|continues? to\b|continuing to\b|(?:is|are) (?:under way|underway|in hand|ongoing|in progress)\b)",
    ),
    (
        "completed",
        rf"(?i)\b(?:(?:has|have|had) {_ADV}(?:been )?(?:{_GOV_VERBS})\b|"
        rf"(?:was|were) {_ADV}(?:{_GOV_VERBS})\b|"
        rf"(?:we|i|the government|ministers?|officials|the department|the secretary of state|my (?:rt\.? )?hon\.? friend) {_ADV}(?:{_GOV_VERBS})\b)",
    ),
]
# Acknowledgements and descriptions that grammar alone would take for actions.
_NONE_FIRST = r"(?i)^(?:the government |we |i )?(?:have |has )?(?:noted|welcome[sd]?|note)\b"


def classify(text: pl.Expr) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """Status, cue and cue offset (characters) for a column of sentence texts.

    A null status means the sentence commits to nothing.
    """
    status: pl.Expr = pl.lit(None, dtype=pl.String)
    cue: pl.Expr = pl.lit(None, dtype=pl.String)
    cue_at: pl.Expr = pl.lit(None, dtype=pl.Int64)
    for rule_status, pattern in reversed(RULES):
        matched = text.str.contains(pattern)
        # The text before the cue, so that its length gives a character offset
        # (str.find counts bytes).
        located = f"(?s)^(.*?)({pattern})"
        status = pl.when(matched).then(pl.lit(rule_status)).otherwise(status)
        cue = pl.when(matched).then(text.str.extract(located, 2)).otherwise(cue)
        cue_at = pl.when(matched).then(text.str.extract(located, 1).str.len_chars().cast(pl.Int64)).otherwise(cue_at)
    acknowledged = text.str.contains(_NONE_FIRST)
    nothing = pl.lit(None)
    return (
        pl.when(acknowledged).then(nothing.cast(pl.String)).otherwise(status),
        pl.when(acknowledged).then(nothing.cast(pl.String)).otherwise(cue),
        pl.when(acknowledged).then(nothing.cast(pl.Int64)).otherwise(cue_at),
    )
