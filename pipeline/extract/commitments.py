"""Commitment status of answer sentences (GUIDELINES.md, "Commitments").

The status comes from the grammar of the sentence — modal verbs, tense and
aspect, negation, the subject — not from topic words. Each rule is a regular
expression for one verb form; the rules are compiled into polars expressions
so every sentence of a release is classified in one vectorised pass:

1. a strong refusal ("no plans to", "disproportionate cost") decides at once;
2. otherwise the leftmost cue decides (the main clause usually comes first:
   "These claims are being paid ..., but it is not possible to ..." is
   in progress); among cues at the same place, the earlier rule wins;
3. a reported announcement ("the Home Secretary announced that the Government
   intend to ...") takes the status of what was announced.

polars' regex engine has no look-around, so exceptions are written as
separate "none" rules (acknowledgements, states such as "continue to be
concerned", actions of people outside government) that win when they come
first.
"""

from __future__ import annotations

import re

import polars as pl

from pipeline.metadata.enums import NO_COMMITMENT, CommitmentStatus
from pipeline.parsing.dates import MONTH_PATTERN

_ADV = r"(?:(?:also|currently|now|still|actively|already|further|again|urgently|carefully|closely|fully|strongly|recently|today|jointly|repeatedly|regularly|formally|successfully|then|since|both|each|all|therefore|however|in turn)\s+|\w+ly\s+)*"
# Subjects that act for the Government (or the Government itself).
_GOV = (
    r"(?:\b(?:[Ww]e|I|[Tt]he [Gg]overnment|[Mm]inisters|[Oo]fficials|[Mm]y (?:[Rr]ight |[Rr]t\.? )?(?:[Hh]on\.?|[Nn]oble) (?:and (?:[Ll]earned |[Gg]allant )?)?[Ff]riend(?:,? the (?:Secretary|Minister|Chancellor|Prime|Leader|Attorney|Solicitor|Lord|Parliamentary|Financial|Chief|Paymaster)(?:,? [A-Z][\w\-]*| of| for| and| the)*,|[^,.;]{0,60}?)|"
    r"[Tt]he (?:[A-Z][\w\-]+ )*(?:Secretary|Minister|Office|Department|Agency|Service|Executive|Ministry|Commission|Council|"
    r"Authority|Board|Police|Force|Unit|Section|Inspectorate|Directorate|Team|Government)|[Tt]he (?:district |chief )?(?:commander|constable|chief constable)|"
    r"[A-Z]{2,6}|(?:[A-Z][\w\-]+ )+(?:Office|Department|Agency|Service|Executive|Ministry|Commission|Council|Authority|Board|Police|Unit|Section))(?:\s*\([A-Z]{2,6}\))?)\s+"
)
# The words between "not have" and "plans" ("does not have any current plans"): the refusal rule reads them, and
# the mask hides the plans from the planned rule ("plXns") for subjects that are not the Government's.
_PLANS_HAD = r"(?:any )?(?:current |present |immediate |such )?"
_ACTION_PAST = (
    r"published|signed|established|introduced|launched|set up|issued|provided|allocated|appointed|agreed|ratified|"
    r"implemented|commissioned|completed|created|carried out|undertaken|undertook|written to|wrote to|placed|deposited|"
    r"laid|sent|met|raised|funded|awarded|approved|adopted|invested|increased|extended|supported|taken|took|decided|"
    r"arranged|recruited|opened|built|delivered|submitted|held|consulted|reviewed|expanded|strengthened|improved|"
    r"doubled|contributed|put in place|brought forward|amended|revised|replaced|abolished|transferred|reformed|achieved|"
    r"secured|negotiated|concluded|visited|discussed|protested|made clear|made representations|reiterated|urged|pressed|"
    r"welcomed the decision|accepted|responded|updated|repealed|set|given|gave|made available|allowed|announced|"
    r"informed|told|called on|called for|condemned|lobbied|deployed|trained|conducted|published|spent"
)
_PASSIVE_DONE = (
    r"established|set up|published|signed|placed in the Librar(?:y|ies)|laid|deposited|discussed|introduced|launched|ratified|agreed|issued|"
    r"appointed|implemented|completed|commissioned|created|allocated|awarded|announced|approved|adopted|set|sent|"
    r"taken|made available|put in place|carried out|undertaken|provided|given|delegated|transferred|abolished|extended|brought|"
    r"awarded|produced|held|negotiated|opened|closed|suspended|uplifted|increased|reduced|amended|updated|revised|replaced|organised|organized"
)
# Participles that describe rather than act ("the Department based on ...").
_DESCRIPTIVE = {"based", "concerned", "related", "involved", "dated", "entitled", "aged", "required", "supposed", "interested", "located", "called", "named", "listed", "compared", "detailed", "limited", "qualified", "registered", "employed", "affected", "needed"}
_ONGOING = (
    r"working|negotiating|expanding|increasing|developing|preparing|implementing|taking|doing|seeking|pressing|urging|"
    r"monitoring|providing|funding|supporting|introducing|establishing|improving|strengthening|extending|pursuing|"
    r"discussing|consulting|engaging|encouraging|helping|making|building|delivering|investing|recruiting|training|"
    r"deploying|raising|progressing|undertaking|carrying out|putting|setting up|rolling out|piloting|trialling|tackling|"
    r"addressing|collecting|processing|paying|checking|reducing|cutting|tightening|stressing|reviewing the|updating|upgrading|modernising|drafting|"
    r"talking|liaising|co-operating|cooperating|working with|continuing|constructing"
)

# Who acts for the Government, as the subject of a clause.
_ACTOR = (  # case-sensitive wherever it is embedded
    r"(?-i:\b(?:[Ww]e|I|[Tt]he [Gg]overnment|[Mm]inisters|[Oo]fficials|[Oo]ur (?:[a-z]+ ){0,3}(?:mission|embassy|embassies|ambassador|high commission|officials|staff|representatives?|department|team|posts?)(?: (?:in|at|to) [A-Z][\w\-]*(?: [A-Z][\w\-]*)*)?|"
    r"[Mm]y (?:[Rr]ight |[Rr]t\.? )?[Hh]on\.? (?:and (?:learned |noble )?)?[Ff]riend(?:,? the [A-Z][\w\-]*(?:,? [A-Z][\w\-]*| of| for| and| the){0,10},?)?|"
    r"[Tt]he (?:[A-Z][\w\-]+ )*(?:Secretary|Minister|Office|Department|Agency|Service|Executive|Ministry|Commission|Council|"
    r"Authority|Board|Police|Force|Unit|Section|Inspectorate|Directorate|Team|Government|Trust|Committee|Fund|Treasury|Institute|Regulator|Ombudsman|Programme|Taskforce)(?: (?:of|for) (?:the )?[A-Z][\w\-]+(?:,? [A-Z][\w\-]+| and| of| for| the)*?)?|[Tt]he (?:district |chief |deputy )?(?:commander|constable|chief constable|department|agency)|"
    r"[A-Z]{2,6}|(?:[A-Z][\w\-]+ )+(?:Office|Department|Agency|Service|Executive|Ministry|Commission|Council|Authority|Board|Police|Unit|Section|Trust|Committee|Fund|Treasury|Institute|Regulator|England|Scotland|Wales))(?:\s*\([A-Z]{2,6}\))?(?: staff| officials| officers)?)"
)
_OTHER_PAST = r"[a-z]+ed"  # narrowed by _DESCRIPTIVE through the "none" rule below
_IRREGULAR_PAST = r"spoke|spelt|spelled|met|wrote|made|gave|took|sent|told|held|set|put|led|began|brought|sought|saw|found|kept|paid|won|built|chose|drew|laid|lent|undertook|withdrew|struck"
_NOT_ACTIONS = r"noted|welcomed|believed|felt|existed|regretted|hoped|expected|wanted|needed|remained|seemed|appeared|estimated|understood|thought|knew|feared|preferred|accepted that|recognised|acknowledged"

# Rule statuses that are never published: "none" rules are exceptions that win when
# they come first; a "reported" announcement takes the status of what it reports.
NONE = NO_COMMITMENT
REPORTED = "reported"

# Strong refusals: they decide the sentence wherever they stand.
STRONG_DECLINED = (
    r"(?i)\b(?:(?:disproportionate|undue|excessive) (?:cost|expense)s?|prohibitive|decided not to|decision not to|"
    r"not(?: be| been| proved| proven|, \w+,)? possible to (?:provide|give|reply|answer|state|say|identify|obtain|supply|disaggregate|separate|break down|estimate)|"
    r"no (?:present |current |immediate |further |such )?(?:plans?|intention|proposals?) (?:to|for|of)\b|"
    r"(?:do|does|did) not (?:intend|propose|plan) to|not propose to|there is no intention|(?:have|has) no (?:current |present |immediate )?plans|"
    r"not (?:yet )?able to (?:comment|disclose|provide|confirm|say|share)|(?:inappropriate|not appropriate) to (?:comment|speculate|disclose)|"
    r"(?:do|does|would) not (?:normally |routinely )?(?:disclose|comment on|publish)|cannot (?:make an estimate|comment|disclose))"
)
# (status, pattern), most specific first: the leftmost match decides, ties go to the earlier rule.
RULES: list[tuple[str, str]] = [
    # Not commitments, though their grammar looks like one.
    # A commitment to an aim, or to a thing, is an aim (GUIDELINES.md: aims are none): "is committed to ensuring
    # that ...", "are fully committed to the Environmental Land Management (ELM) schemes." (a named thing in a
    # clause of its own: "... to the Lower Thames Crossing and will publish a decision" plans, the rule before
    # winning the tie); to an action it is a plan ("is committed to introducing statutory rights"). A schedule
    # that was is no plan ("was scheduled to").
    (NONE, r"\b(?:was|were|had been) (?:\w+ly )?scheduled to\b"),
    (CommitmentStatus.DECLINED, rf"{_ACTOR} {_ADV}(?:do|does|did) not (?:at present |currently )?{_ADV}have {_PLANS_HAD}(?:pl[aX]ns?|intention) (?:to|for)\b"),
    (CommitmentStatus.PLANNED, r"\b(?:is|are|remains?) (?:\w+ly )?committed to the [A-Z][^,;]* (?:and|but) (?:\w+ly )?(?:will|shall)\b"),
    (NONE, r"\b(?:is|are|remains?) (?:\w+ly )?committed to (?:(?:ensuring|supporting|protecting|improving|promoting|upholding|creating|breaking down|maximising|minimising)\b|the (?:promotion|protection)\b|the [A-Z][^,;]*$)"),
    (NONE, rf"{_ACTOR} {_ADV}(?:(?:has|have|had) {_ADV})?(?:{_NOT_ACTIONS})\b|{_ACTOR} {_ADV}(?:has|have) provided (?:me )?(?:with )?the following\b|\b(?:This|this|That|that|It|it|Which|which) will (?:\w+ly )?(?:ensure|mean|help|allow|enable|result|lead|give|make|provide|be|have|cost|require|reduce|increase|improve|depend)\b|^(?:This|That|These|Those)(?: (?:[a-su-z][a-z\-]{{2,}}|t[a-gi-z][a-z\-]+|th[a-df-z][a-z\-]*|the[a-z\-]+)){{0,2}} will (?:\w+ly )?(?:ensure|mean|help|result|lead|provide|cost|require|reduce|increase|improve|depend|support|apply|facilitate|transform|benefit|boost|strengthen)\b|(?i:\b(?:I|we) estimate\b|\bit is (?:estimated|expected|anticipated) that\b)"),
    (NONE, rf"{_ACTOR} {_ADV}(?:(?:has|have|had) )?(?:{'|'.join(sorted(_DESCRIPTIVE))})\b|\bwill not be (?:available|known|ready|clear)\b|\basked me to reply\b|^No (?:\w+ ){{0,4}}(?:is|are) (?:now |currently )?being\b"),
    # What a thing will do is its effect, not an action of the Government: "Regulation will provide a
    # standardised framework", "This work will cover the performance of the scheme", "The third-party data
    # gathering measure will enable DWP to ...". Only at the sentence's start, with the thing as subject.
    (NONE, r"(?i)^(?:(?:this|that|these|those|the|our|such|any|its|their)(?: new)? )?(?:[\w\-]+ ){0,4}?"
           r"(?:work|measures?|changes?|regulations?|regulation|legislation|funding|investment|powers?|approach|reforms?|data|system|framework|package|money|support|policy|proposals?|provisions?|tools?|technology|scheme|programme) "
           r"will (?:\w+ly |also |further |then |help to |in turn )*(?:enable|provide|cover|raise|help|allow|ensure|mean|give|improve|reduce|increase|make|strengthen|deliver|support|create|boost|benefit|inform|apply|offer|build|drive|protect|bring|target)\b"),
    (NONE, r"(?i)\bwill (?:mean|result in|lead to|depend on)\b|\b(?:reply|answer|statement)s? (?:which |that )?I (?:gave|made)\b|\bas I (?:stated|said|explained|indicated|told)\b|\bI refer (?:the|my)\b|\bI dealt with\b|\b(?:it|this|that|they|there) will not\b"),
    (NONE, r"(?i)\b(?:have|has) (?:\w+ )?(?:noted|welcomed)\b|\bwelcomes?\b|\bcontinues? to be (?:deeply |very |extremely |gravely |seriously )?(?:concerned|worried|committed|of the view|clear|abused|harassed|detained|denied|held|the case)\b|\b(?:I|we) (?:refer|referred) the\b|\bhas provided (?:me )?(?:with )?the following\b|\bhave no doubt\b|\bthere will always\b|\bI am pleased to (?:report|say)\b"),
    (NONE, r"\b[Ii]t (?:is|was) (?:\w+ly |also |not )?(?:appropriate|disappointing|important|clear|likely|unlikely|true|necessary|the case|encouraging|regrettable|welcome)\b|\b(?:[Ii]t|[Tt]he disease|[Tt]he situation|[Tt]he number|[Tt]he level|[Tt]he rate|[Pp]rices|[Vv]iolence|[Ff]ighting) continues? to\b"),
    (NONE, r"\b(?:[Tt]hey|[Hh]e|[Ss]he|[Tt]he [Pp]ress|[Aa]pplicants|[Pp]eople|[Ii]ndividuals|[Tt]he applicant|[Tt]he officer|[Tt]he regime|[Tt]he [Gg]overnment of [A-Z]\w+) (?:\w+ly )?(?:will|have|has|had|is|are|continues?|was|were)\b"),
    # Reported announcements are resolved separately (see classify).
    # The subject is part of the cue so that this rule starts where the subject does.
    (
        REPORTED,
        rf"(?i)\b(?:(?:we|I|the government|ministers|officials|the (?:[a-z]+ )?(?:office|department|agency|service|secretary|minister|commander)|(?-i:[A-Z]{{2,6}})) {_ADV}(?:has |have |had )?)?(?:announced|stated|said|confirmed|indicated|made clear|decided|agreed|concluded) that\b",
    ),
    (
        CommitmentStatus.UNDER_CONSIDERATION,
        rf"{_ACTOR} (?:are|is|am) {_ADV}(?:considering|reviewing|examining|assessing|looking (?:at|into)|exploring|evaluating|studying|investigating)\b|"
        rf"(?i)\b(?:(?:is|are|am|were|was) {_ADV}(?:considering|reviewing|examining|assessing|looking (?:at|into)|exploring|evaluating|studying|investigating)\b|"
        # (a decision "is reviewed regularly" is routine practice: none)
        r"(?:(?:is|are|am) (?:currently |now )?)?in the process of (?:considering|reviewing|assessing)\b|"
        # a review kept up ("continues to keep funding under review")
        r"continues? to keep [\w ,]{0,40}under (?:\w+ ){0,3}review|"
        r"(?:has|have) not yet been (?:finalised|finalized|decided|determined)\b|(?:is|are) not yet (?:known|confirmed|decided|determined|agreed|finalised)\b|(?:agreed|decided) to (?:explore|consider|review|look at)\b|"
        r"under (?:(?:active|careful|urgent|constant|continuous|continual|regular|close|and) ){0,3}(?:consideration|review)|"
        r"no (?:final )?decision (?:\w+ ){0,14}(?:has|have) (?:yet )?been (?:taken|made|reached)|"
        r"(?:require|requires|need|needs|deserves?|merits?) (?:\w+ ){0,2}consideration|"
        r"will (?:\w+ ){0,3}(?:consider|review|look at|look into|examine|assess|explore|evaluate)\b|will be (?:\w+ly )?(?:considering|reviewing|examining|assessing|exploring|evaluating)\b|"
        r"(?:(?:is|are) being|will be|to be) (?:considered|reviewed|examined|assessed)\b|(?:keep|keeps|kept|keeping) [\w ,]{0,40}under (?:\w+ ){0,3}review|"
        r"(?:have|has) not (?:yet )?(?:reached|taken|made) (?:a |any )?(?:conclusion|decision)|no decision has (?:yet )?been|"
        r"may be (?:amended|revised|reviewed|changed|extended|reconsidered)|(?:we|I) shall consider|considering (?:whether|what|how))",
    ),
    (CommitmentStatus.DECLINED, r"(?i)\b(?:not(?: be| been| proved| proven|, ?\w+,)? possible|not (?:yet )?in a position to|not (?:been )?(?:our|the) (?:practice|policy)(?: of [\w ]{0,40}?)? to|not (?:normally |routinely )disclosed|(?:do|does) not (?:speculate|comment on)|irresponsible to (?:comment|speculate)|no (?:\w+ ){0,3}(?:is |are )?(?:currently |at present )?planned|cannot be (?:provided|given|made|released|disaggregated|identified)|could (?:only )?be (?:provided|obtained|collated|produced) only|would not be (?:appropriate|right|practicable)|(?:am|is|are) not (?:prepared|able|minded) to|unable to|declined? to|I regret that)"),
    (CommitmentStatus.DECLINED, rf"{_GOV}{_ADV}(?:will not|shall not|won't|do not intend|does not intend|(?:is|are) not (?:proceeding|going ahead) with)\b"),
    (
        CommitmentStatus.IN_PROGRESS,
        rf"(?i)\b(?:(?:is|are|am) {_ADV}(?:{_ONGOING})\b|(?:is|are) (?:still|now|currently) \w+ing\b|(?:is|are)(?:, \w+,)? {_ADV}being (?:sold|repaired|renewed|maintained|replaced|processed|paid|taken|made|built|done|held|sought|given|kept|drawn up|set up|procured|purchased|considered|reviewed|implemented|developed|prepared|introduced|deployed|recruited|trained|funded|provided|rolled out|updated|upgraded|dealt with|investigated|pursued|addressed|monitored|assessed|collected|published|negotiated|discussed|examined|carried out|undertaken|put in place|established|extended|expanded|improved|strengthened)\b|"
        r"continues? to \w+|continuing to \w+|(?:is|are) (?:currently |now )?in the process of\b|(?:is|are) (?:currently |now )?in (?:the|its) (?:\w+ ){0,2}(?:phase|stage)\b|(?:has|have) ongoing (?:discussions|talks|engagement|dialogue|conversations|negotiations|work)\b|will (?:\w+ly )?continue to \w+|(?:is|are) (?:under way|underway|in hand|ongoing|in progress)\b|"
        r"(?:has|have) been (?:\w+ly )?\w+ing\b|"
        r"(?:we|I) (?:\w+ly )?(?:continue|remain in contact|keep in (?:close )?touch)|"
        # what the work the sentence before named takes in: "This includes working with the Port of Dover"
        r"\b(?:[Tt]his|[Tt]hat|[Ww]hich|[Ii]t) (?:also )?includes? (?:working|collaborating|liaising) (?:with|closely|across)\b)|"
        rf"{_ACTOR} (?:are|is|am) {_ADV}[a-z]+ing\b",
    ),
    # An actor who has committed to an action, or set out plans, states a plan (a reported
    # announcement takes the status of what was announced): the actor starts the cue, so this
    # wins over the past tense the completed rule reads from the same place.
    (
        CommitmentStatus.PLANNED,
        rf"{_ACTOR} {_ADV}(?:(?:has|have) {_ADV})?(?:(?:committed|pledged|promised) to\b|(?:set out|announced|outlined) (?:[\w'\-]+ ){{0,8}}?(?:plans?|proposals?|intention)\b)",
    ),
    (
        CommitmentStatus.PLANNED,
        r"(?i)\b(?:intends?|intend(?:ing)?|plans?|planning|propos(?:e|es|ing)|expects?|hopes?|undertakes?|(?:is|are) (?:\w+ly )?determined|(?:is|are) (?:\w+ly )?committed) to\b|"
        r"\b(?:is|are) (?:currently |now )?(?:scheduled|planned) (?:for|from|throughout|during|over)\b|\bscheduled to (?:take place|be|start|begin|open|complete|arrive)\b|"
        rf"\b(?:is|are) (?:next )?due (?:in |on |by |at )?(?:the end of |early |late )?(?:\d|{MONTH_PATTERN}|spring|summer|autumn|winter|next|later)|"
        r"\b(?:is|are) (?:due|going|expected|set|scheduled) to (?:be|start|begin|open|close|report|publish|complete|take|come|end|run|meet|visit|make|bring|introduce)\b|"
        r"\b(?:is|are) to be\b|\bthere will be\b|\bon (?:track|schedule|course) to\b|\bwill (?:\w+ly |also |then |now |soon |shortly |be able to |need to |seek to ){0,2}\w+\b|\bwill (?:be|work|continue|include|ensure|write|place|publish|provide|make|take|introduce|set|bring|consult|seek|deploy|inform|support|fund|meet|review|look|consider|report|respond|reply|announce|issue|establish|develop|increase|extend|monitor|help|pay|allocate|invest|lay|launch|implement|use|give|visit|raise|press|urge|remain|keep|do|need|receive|apply|require|run|open|start|begin|complete|deliver|produce|update|contact|discuss|hold|arrange|appoint|ask|tell|let)\b|\bshall\b",
    ),
    (
        CommitmentStatus.COMPLETED,
        rf"{_ACTOR} {_ADV}(?:(?:has|have|had) {_ADV})?(?:(?:{_ACTION_PAST})\b|(?:{_IRREGULAR_PAST})\b|(?:{_OTHER_PAST})\b)|"
        rf"(?i:\b(?:has|have) {_ADV}been {_ADV}(?:{_PASSIVE_DONE}|designed|built|opened|reactivated|completed)\b|"
        rf"(?:was|were) {_ADV}(?:{_PASSIVE_DONE}) (?:on|in|by|at|to|last|this|earlier|during|for|with|as|from|into|between|of|through|under|following)\b|"
        r"\b(?:has|have) (?:now )?(?:met|delivered on|fulfilled) (?:our|its|this|that) (?:\w+ )?(?:commitment|pledge|promise)s?\b|"
        r"\bthere (?:has|have) been (?:(?:regular|frequent|extensive|several|many|numerous|close|further|ongoing|detailed|informal|formal|bilateral|intensive|constructive) ){0,2}(?:dialogue|discussions?|meetings?|contacts?|consultations?|talks|representations|exchanges))",
    ),
]
_REPORTED_CLAUSE = r"(?is)\b(?:announced|stated|said|confirmed|indicated|made clear|decided|agreed|concluded) that (.*)$"
_DECIDED = r"(?i)\b(?:I|we|the Government|Ministers|my (?:right )?hon\.? Friend[^,.]{0,60}) (?:have |has )?(?:\w+ly )?(?:also )?(?:decided|concluded|agreed) that\b"
# Every rule is matched in ASCII mode ("(?-u)": word boundaries, \w and case folding
# over ASCII only). The cues are English function words, and Unicode classes made the
# large alternations 50 times slower in polars' regex engine for the same matches.
def _ascii(pattern: str) -> str:
    """The pattern in ASCII mode; negated classes keep Unicode so they still match whole characters."""
    return "(?-u)" + re.sub(r"\[\^(?:\\.|[^\]])*\]", lambda m: f"(?u:{m.group(0)})", pattern)


RULES = [(status, _ascii(pattern)) for status, pattern in RULES]
STRONG_DECLINED = _ascii(STRONG_DECLINED)
COMMITTED = [str(s) for s in CommitmentStatus]
CLASSIFIED_CHARS = 2000


def mask_subordinate(text: pl.Expr) -> pl.Expr:
    """Hide cues that belong to subordinate clauses, keeping every offset.

    Modal verbs in relative clauses ("the scheme that wXll be required"), subjects
    of relative clauses ("the target which Xe agreed to"), "that the person wXll"
    and perfects in time or condition clauses ("As soon as the collation hXs been
    completed, I shall write") say nothing of the main clause.
    """
    text = text.str.replace_all(r"\b(that|which|who|whom) ([ws])[ioh](ll|uld|all)\b", "${1} ${2}X${3}")
    # "is committed to the communities sector": a commitment to a thing is an aim, not a plan's cue (19 of the 23
    # labelled in K-AQ are none); what the sentence does after it still decides ("... and is working closely with")
    text = text.str.replace_all(r"\bcommitted to (the|a|an|our|its|their) ", "commiXted to ${1} ")
    # plans someone does not have are no plan ("Applicants who did not have plans for onward travel")
    text = text.str.replace_all(rf"\b(not (?:at present |currently )?have {_PLANS_HAD})pla(ns?)\b", "${1}plX${2}")
    text = text.str.replace_all(r"\b(which|that|whom) (?:w(e)|I)\b", "${1} X${2}")
    text = text.str.replace_all(r"\b(that|whether|if) (the|a|an) (\w+) will\b", "${1} ${2} ${3} wXll")
    # "As my right hon. Friend ... announced, we will ...": the report is the subordinate clause
    text = text.str.replace(r"^([Aa]s [^;]{0,120}? )[a-z](nnounced|aid|tated|et out|ade clear|onfirmed|ndicated|utlined)\b", "${1}X${2}")
    return text.str.replace_all(
        r"(?i)\b(where|when|if|once|after|until|unless|as soon as|before|because|since)\b([^,;.]*?) h[a](s|ve|d) been\b", "${1}${2} hX${3} been"
    )


def _char_offset(text: pl.Expr, byte_offset: pl.Expr) -> pl.Expr:
    """polars finds byte offsets; the tables give Python (character) offsets."""
    return text.cast(pl.Binary).bin.head(byte_offset).cast(pl.String).str.len_chars().cast(pl.Int64)


def _leftmost(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """Status, cue and cue offset of the leftmost cue in ``column`` (ties: the earlier rule).

    Rule positions come from ``str.find`` (no capture groups: fast); the cue is
    extracted only for the rows each rule wins.
    """
    text = pl.col(column)
    found = frame.with_columns([text.str.find(p).alias(f"_p{i}") for i, (_, p) in enumerate(RULES)])
    found = found.with_columns(pl.min_horizontal([f"_p{i}" for i in range(len(RULES))]).alias("_at"))
    winner: pl.Expr = pl.lit(None, dtype=pl.Int32)
    for i in reversed(range(len(RULES))):
        winner = pl.when(pl.col(f"_p{i}") == pl.col("_at")).then(pl.lit(i, dtype=pl.Int32)).otherwise(winner)
    found = found.with_columns(winner.alias("_rule")).drop([f"_p{i}" for i in range(len(RULES))])
    parts = [found.filter(pl.col("_rule").is_null()).with_columns(pl.lit(None, dtype=pl.String).alias("_cue"))]
    for i, (_, pattern) in enumerate(RULES):
        part = found.filter(pl.col("_rule") == i)
        if part.height:
            # The leftmost match of this rule starts at _at: take it from there.
            tail = text.cast(pl.Binary).bin.slice(pl.col("_at")).cast(pl.String)
            parts.append(part.with_columns(tail.str.extract(f"^(?:{pattern})", 0).alias("_cue")))
    out = pl.concat(parts).with_columns(
        pl.col("_rule").replace_strict(list(range(len(RULES))), [s for s, _ in RULES], default=None, return_dtype=pl.String).alias("_status"),
        _char_offset(text, pl.col("_at")).alias("_at"),
    )
    return out.drop("_rule")


def classify_sentences(frame: pl.DataFrame, column: str = "text") -> pl.DataFrame:
    """``frame`` with ``status``, ``cue`` and ``cue_at`` (character offset in the text) added.

    A null status means the sentence commits to nothing. Row order is kept.
    """
    # A sentence's status is in its main clause, near its start: a sentence of thousands of
    # characters (a page's text without stops) is read for its first CLASSIFIED_CHARS only.
    frame = frame.with_row_index("_row").with_columns(mask_subordinate(pl.col(column).str.slice(0, CLASSIFIED_CHARS)).alias("_masked"))
    first = _leftmost(frame, "_masked")
    # "X announced that <clause>": the clause decides; a minister's decision with
    # nothing else to go on ("I have concluded that the centre should be closed") is a plan.
    reported = first.filter(pl.col("_status") == REPORTED)
    if reported.height:
        clause = reported.with_columns(pl.col("_masked").str.extract(_REPORTED_CLAUSE, 1).alias("_clause")).rename(
            {"_cue": "_report_cue", "_at": "_report_at"}
        ).drop("_status")
        decided = pl.col("_status").is_null() & pl.col("_masked").str.contains(_DECIDED)
        clause = _leftmost(clause, "_clause").with_columns(
            # the clause's own cue, or, for a bare decision, the words that report it
            pl.when(decided).then(pl.col("_report_at")).otherwise(pl.col("_masked").str.len_chars() - pl.col("_clause").str.len_chars() + pl.col("_at")).alias("_at"),
            pl.when(decided).then(pl.col("_report_cue")).otherwise(pl.col("_cue")).alias("_cue"),
            pl.when(decided).then(pl.lit(CommitmentStatus.PLANNED)).otherwise(pl.col("_status")).alias("_status"),
        ).drop("_clause", "_report_cue", "_report_at")
        first = pl.concat([first.filter(pl.col("_status").ne_missing(REPORTED)), clause.select(first.columns)])
    strong = pl.col("_masked").str.contains(STRONG_DECLINED)
    bare_no = pl.col("_masked").str.contains(r"^(?:No|No, Sir)\.$")
    strong_at = pl.col("_masked").str.find(STRONG_DECLINED)
    out = first.with_columns(
        pl.when(bare_no).then(pl.lit(CommitmentStatus.DECLINED)).when(strong).then(pl.lit(CommitmentStatus.DECLINED)).otherwise(pl.col("_status")).alias("_status"),
        pl.when(bare_no).then(pl.lit(0, dtype=pl.Int64)).when(strong).then(_char_offset(pl.col("_masked"), strong_at)).otherwise(pl.col("_at")).alias("_at"),
        pl.when(bare_no).then(pl.col("_masked")).when(strong).then(pl.col("_masked").str.extract(f"({STRONG_DECLINED})", 1)).otherwise(pl.col("_cue")).alias("_cue"),
    )
    committed = pl.col("_status").is_in(COMMITTED)
    return (
        out.with_columns(
            pl.when(committed).then(pl.col("_status")).alias("status"),
            # Cues as printed, not as masked.
            pl.when(committed).then(pl.col(column).str.slice(pl.col("_at"), pl.col("_cue").str.len_chars())).alias("cue"),
            pl.when(committed).then(pl.col("_at")).alias("cue_at"),
        )
        .sort("_row")
        .drop("_row", "_masked", "_status", "_cue", "_at")
    )
