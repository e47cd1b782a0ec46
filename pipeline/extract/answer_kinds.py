"""What kind of answer a question got: substantive, or one of the non-answers people want flagged.

One vectorised pass over the ``questions`` frame. Each kind is a set of the
phrases written answers use for it; the answer's opening (its first
sentences) decides, so an answer that gives figures and then says the rest
is not held stays substantive, while one that opens by pointing elsewhere is
``refers``. Kinds are tried in an order, from the most particular:

1. ``holding`` — a reply is promised ("I will reply to my hon. Friend as soon as possible");
2. ``will_write`` — the answer comes by letter ("I will write to the hon. Member",
   "has asked the Chief Executive to write to", "will respond ... by letter");
3. ``disproportionate_cost`` — "only at disproportionate cost" anywhere in the opening;
4. ``refers`` — the opening points elsewhere ("I refer the hon. Member to the answer I gave",
   "Please see the answer", "the information is available on GOV.UK at https://...");
5. ``not_available`` — "the information is not held / not collected / not available",
   "no estimate has been made";
6. ``declined`` — "it is not our practice to comment", "would not be appropriate",
   "we do not disclose", "this is a matter for the ... (an independent body)";
7. otherwise ``substantive``.
"""

from __future__ import annotations

import polars as pl

from pipeline.metadata.enums import AnswerKind

# The opening an answer's kind is read from: enough for two or three sentences.
OPENING_CHARS = 400

_HOLDING = (
    r"(?i)\b(?:I|we) (?:will|shall) (?:reply|answer|respond)(?: to (?:the|my) (?:hon|right hon|rt\.? hon|noble)\.?[^.]{0,60}?)? "
    r"(?:as soon as (?:possible|practicable)|shortly|in due course)",
    r"(?i)\bI (?:will|shall) (?:let (?:him|her|the \w+) (?:know|have)|give (?:him|her) a (?:substantive )?(?:reply|answer)) as soon as"
)
_WILL_WRITE = (
    r"(?i)\b(?:I|we) (?:will|shall) (?:write|reply by letter)\b",
    r"(?i)\b(?:I|we) (?:have )?asked [^.]{1,120}? to (?:write|reply) (?:to|direct)",
    r"(?i)\bwill (?:write|respond|reply) to (?:the|my) (?:hon|right hon|rt\.? hon|noble)[^.]{0,40}?(?:by letter|directly|shortly|\.)",
    r"(?i)\b(?:write|writes|written) to (?:the|my) (?:hon|right hon|rt\.? hon|noble)[^.]{0,60}? (?:shortly|in due course|as soon as)",
    r"(?i)\b(?:falls|fall) (?:within|under) the (?:responsibility|remit) of the (?:National Statistician|UK Statistics Authority)"
)
_DISPROPORTIONATE = (r"(?i)disproportionate cost",)
_REFERS = (
    r"(?i)^\s*(?:I (?:would )?refer(?:red)? (?:the|my|him|her|back to)|Please (?:see|refer)|(?:See|Refer to) the (?:answer|reply|response)|"
    r"My (?:hon|right hon|noble)[^.]{0,40} (?:is referred|should refer) to)",
    # ("... is available at: https://...", a colon before the link)
    r"(?i)^\s*[^.]{0,160}\b(?:is|are) (?:published|available) (?:on|at|from|in):? [^.]{0,120}(?:https?://|www\.|GOV\.UK|the Library of the House)",
    r"(?i)^\s*(?:This|The) information (?:requested )?(?:is|was|can be found|has been) (?:published|available|set out|provided) (?:in|on|at)\b",
    r"(?i)^\s*[^.]{0,120}\bpublishes? (?:its |this |the )?(?:data|figures|statistics|information|details)\b[^.]{0,200}(?:https?://|www\.|GOV\.UK|can be found|available)"
)
_NOT_AVAILABLE = (
    r"(?i)^\s*[^.;\d]{0,120}\b(?:is|are|was|were) not (?:held|collected|recorded|available|kept|monitored|collated)\b",
    r"(?i)^\s*[^.;\d]{0,80}\b(?:does|do|did) not (?:currently |separately |centrally )?(?:hold|collect|record|keep|monitor|collate|maintain|publish) (?:a |any )?(?:this|that|the|such|these|information|data|central|record|figures|statistics)\b",
    r"(?i)^\s*I (?:regret (?:that )?)?I have no ?information\b",
    r"(?i)^\s*No (?:such )?(?:estimate|assessment|analysis|figures?|data|records?|information)(?: has| have| is| are)? (?:been )?(?:made|held|collected|available|kept|recorded)\b"
)
_DECLINED = (
    r"(?i)\b(?:it is not|it has not been|it would not be) (?:the )?(?:[\w’']+ )?(?:practice|policy|appropriate|possible)[^.]{0,40}? to (?:comment|disclose|publish|provide|release|discuss|speculate|give)",
    r"(?i)\b(?:we|I|the Government|the Department) (?:do|does|will|would|can|could) not (?:routinely |normally |usually |generally )?(?:comment|disclose|publish|provide details|discuss|speculate|release)",
    # "The Law Officers’ Convention prevents me from disclosing ...", "I am withholding the information as ..." (the opening's)
    r"(?i)^\s*[^.]{0,80}\bprevents? (?:me|us|the Government|Ministers) from (?:disclosing|commenting|confirming|publishing)|^\s*[^.]{0,40}\b(?:am|are|is) withholding (?:the|this|that|such) information\b",
    r"(?i)\b(?:not (?:yet )?(?:able|in a position) to (?:comment|disclose|provide|confirm|discuss|share))",
    r"(?i)^\s*(?:This|That|It|The [^.]{1,60}?) is (?:a matter|an operational matter|a decision) for (?:the )?(?-i:[A-Z])",
    r"(?i)\bfor (?:reasons of )?(?:national )?security reasons\b[^.]{0,60}\bnot\b",
    r"(?i)\bwould be (?:inappropriate|wrong) (?:for (?:me|us|the Government) )?to (?:comment|speculate)",
    r"(?i)^\s*(?:I|We|The Government|The Department|(?-i:[A-Z])\w+) (?:has|have) no (?:current |present |immediate )?plans\b",
    r"(?i)^\s*(?:I have|There are) (?:currently |at present )?no (?:current |present )?plans",
    r"(?i)\bIt has not (?:proved|been) possible to (?:respond|answer|reply)"
)

# Each kind is a tuple of alternatives, each matched on its own: one alternation of them all
# runs twenty times slower in polars' regex engine (its automaton outgrows the engine's cache:
# 4.6 s against 0.2 s for the refusals of 200,000 answers), for the same matches.
_ORDER: list[tuple[AnswerKind, tuple[str, ...]]] = [
    (AnswerKind.HOLDING, _HOLDING),
    (AnswerKind.WILL_WRITE, _WILL_WRITE),
    (AnswerKind.DISPROPORTIONATE_COST, _DISPROPORTIONATE),
    (AnswerKind.REFERS, _REFERS),
    (AnswerKind.NOT_AVAILABLE, _NOT_AVAILABLE),
    (AnswerKind.DECLINED, _DECLINED),
]


def answer_kind_expr(answer_text: str = "answer_text") -> pl.Expr:
    """The answer's kind (:class:`AnswerKind`) from the opening of ``answer_text``."""
    opening = pl.col(answer_text).fill_null("").str.slice(0, OPENING_CHARS)
    expr = pl.lit(str(AnswerKind.SUBSTANTIVE))
    for kind, patterns in reversed(_ORDER):
        expr = pl.when(pl.any_horizontal([opening.str.contains(p) for p in patterns])).then(pl.lit(str(kind))).otherwise(expr)
    return expr.alias("answer_kind")
