"""Who asked and who answered, as members: printed names linked to people, with how each link was made.

A printed name ("Mr. Canavan", "Mr. Tony Banks", "Lord Alton of Liverpool",
"The Minister of State, Home Office (Lord Bassam of Brighton)") is split into
the keys the reference spells carry (:mod:`pipeline.reference.build.members`):
surname, first forename (or a peer's title), territorial designation. It is
joined to the spells of its House that cover the sitting date, and linked
only when exactly one person fits:

- ``api``: the Written Questions API gives the member's Parliament id;
- ``exact``: surname and forename (a peer: title, name and designation) fit one person;
- ``surname_and_date``: the surname alone fits one member of the House that day;
- ``office_and_date``: as either of those, for a name printed inside its office.

Everything is polars joins over the question frame; nothing is guessed when two people fit.
"""

from __future__ import annotations

from functools import cache

import polars as pl

from pipeline.metadata.enums import LinkMethod
from pipeline.reference import MEMBER_NAMES_CSV, MEMBER_OFFICES_CSV, MEMBERS_CSV

TITLES = "Lord|Baroness|Lady|Earl|Countess|Viscount|Viscountess|Marquess|Marchioness|Duke|Duchess|Bishop|Archbishop"
HONORIFICS = r"(?i:Mr|Mrs|Miss|Ms|Dr|Sir|Dame|Rev|Reverend|Captain|Colonel|Major|General|Commander|Lieutenant|Professor|Rt\.? Hon)\.?"
OFFICE_WORDS = r"Secretary|Minister|Attorney|Solicitor|Chancellor|Privy|Leader|Parliamentary|Paymaster|Advocate|Treasurer|Chairman|Speaker|Whip|President"


@cache
def member_names() -> pl.DataFrame:
    """Every spell of every member with its name keys (package data)."""
    return pl.read_csv(MEMBER_NAMES_CSV, infer_schema=False).with_columns(
        pl.col("start_date").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).fill_null(pl.lit(None, dtype=pl.Date)),
        pl.col("end_date").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False),
        pl.col("start_date").str.slice(0, 4).cast(pl.Int32, strict=False).alias("_start_year"),
        pl.col(["forename", "lord_of"]).fill_null(""),
    )


@cache
def member_offices() -> pl.DataFrame:
    """Ministerial appointments: who could answer on a date (package data)."""
    return pl.read_csv(MEMBER_OFFICES_CSV, infer_schema=False).with_columns(
        pl.col("start_date").str.to_date("%Y-%m-%d", strict=False), pl.col("end_date").str.to_date("%Y-%m-%d", strict=False)
    )


@cache
def members_reference() -> pl.DataFrame:
    """One row per person (package data)."""
    return pl.read_csv(MEMBERS_CSV, infer_schema=False).with_columns(pl.col("mnis_id").cast(pl.Int64, strict=False))


def _key(expr: pl.Expr) -> pl.Expr:
    """The reference's name key: no accents, no case, letters and hyphens only."""
    return expr.str.normalize("NFKD").str.to_lowercase().str.replace_all(r"[’']", "").str.replace_all(r"[^a-z-]", "")


def printed_name_parts(printed: pl.Expr) -> list[pl.Expr]:
    """surname, forename, lord_of keys and whether the name was printed inside an office."""
    text = printed.fill_null("").str.strip_chars()
    inner = text.str.extract(r"\(([^()]+)\)\s*$")
    in_office = inner.is_not_null() & text.str.contains(rf"^(?:The |the )?[^()]*(?:{OFFICE_WORDS})")
    name = pl.when(in_office).then(inner).otherwise(text.str.replace(r"\s*\([^()]*\)\s*$", "")).str.strip_chars(" ,.")
    lord = name.str.extract_groups(rf"^(?P<title>{TITLES})\s+(?:(?P<lordname>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)\s*)?(?:of\s+(?P<lordof>.+))?$")
    bare = name.str.replace(rf"^(?:{HONORIFICS}\s+)+", "")
    words = bare.str.split(" ")
    is_lord = lord.struct.field("title").is_not_null()
    return [
        pl.when(is_lord).then(_key(pl.coalesce(lord.struct.field("lordname"), lord.struct.field("lordof")))).otherwise(_key(words.list.last())).alias("_surname"),
        pl.when(is_lord).then(_key(lord.struct.field("title")))
        .when(words.list.len() > 1).then(_key(words.list.first())).otherwise(pl.lit("")).alias("_forename"),
        pl.when(is_lord & lord.struct.field("lordname").is_not_null()).then(_key(lord.struct.field("lordof").fill_null(""))).otherwise(pl.lit("")).alias("_lord_of"),
        in_office.alias("_in_office"),
        pl.when(is_lord).then(pl.lit("Lords")).otherwise(pl.lit(None, dtype=pl.String)).alias("_name_house"),
    ]


def _in_office(candidates: pl.DataFrame) -> pl.DataFrame:
    """The candidates who held a ministerial office on the sitting date."""
    offices = member_offices()
    return candidates.join(offices, on="member_id", how="inner", suffix="_office").filter(
        pl.col("sitting_date").is_not_null()
        & (pl.col("start_date_office").is_null() | (pl.col("start_date_office") <= pl.col("sitting_date")))
        & (pl.col("end_date_office").is_null() | (pl.col("end_date_office") >= pl.col("sitting_date")))
    ).drop("start_date_office", "end_date_office")


def _link_printed(questions: pl.DataFrame, printed: str, *, answers: bool = False) -> pl.DataFrame:
    """question_id, member_id, link method for the printed names of one column."""
    names = questions.select("question_id", "house", "sitting_date", pl.col(printed)).filter(pl.col(printed).is_not_null()).with_columns(printed_name_parts(pl.col(printed)))
    # A peer's title names the Lords; "Lady Hermon" in the Commons is a member of the Commons.
    lords_title = pl.col("_name_house").is_not_null() & ~((pl.col("house") == "Commons") & pl.col(printed).str.contains(r"^(?:The )?Lady\b"))
    names = names.with_columns(pl.when(lords_title).then(pl.col("_name_house")).otherwise(pl.col("house")).alias("_house")).filter(pl.col("_surname").str.len_chars() > 1)
    spells = member_names()
    on_date = names.join(spells, left_on=["_house", "_surname"], right_on=["house", "surname"], how="inner").filter(
        pl.col("sitting_date").is_null()
        | (((pl.col("start_date") <= pl.col("sitting_date")) | (pl.col("start_date").is_null() & (pl.col("_start_year").is_null() | (pl.col("_start_year") <= pl.col("sitting_date").dt.year()))))
           & (pl.col("end_date").is_null() | (pl.col("end_date") >= pl.col("sitting_date"))))
    )
    # A printed forename may be an initial ("Mr. C. Bathurst"); a different forename is a different person.
    initial = pl.col("_forename").str.len_chars() == 1
    forename_fits = pl.when(initial).then(pl.col("forename").str.starts_with(pl.col("_forename"))).otherwise(pl.col("forename") == pl.col("_forename"))
    full = on_date.filter((pl.col("_forename") != "") & forename_fits & ((pl.col("_lord_of") == "") | (pl.col("lord_of") == pl.col("_lord_of"))))
    on_date = on_date.filter((pl.col("_forename") == "") | (pl.col("forename") == "") | forename_fits | (pl.col("_name_house") == "Lords"))

    def unique(frame: pl.DataFrame, method: LinkMethod) -> pl.DataFrame:
        fits = frame.group_by("question_id").agg(pl.col("member_id").unique().alias("_ids"), pl.col("_in_office").first())
        return fits.filter(pl.col("_ids").list.len() == 1).select(
            "question_id",
            pl.col("_ids").list.first().alias("member_id"),
            pl.when(pl.col("_in_office")).then(pl.lit(str(LinkMethod.OFFICE_AND_DATE))).otherwise(pl.lit(str(method))).alias("link"),
        )

    by_full = unique(full, LinkMethod.EXACT)
    by_surname = unique(on_date.join(full, on="question_id", how="anti"), LinkMethod.SURNAME_AND_DATE)
    found = pl.concat([by_full, by_surname]).unique("question_id", keep="first")
    if answers:
        # A minister answers: of several members of one name, the one in office that day.
        open_ = on_date.join(found, on="question_id", how="anti")
        by_office = unique(_in_office(open_).with_columns(pl.lit(True).alias("_in_office")), LinkMethod.OFFICE_AND_DATE)
        found = pl.concat([found, by_office]).unique("question_id", keep="first")
    return found


def _link_api(questions: pl.DataFrame, mnis: str, known: pl.DataFrame) -> pl.DataFrame:
    return questions.filter(pl.col(mnis).is_not_null()).select("question_id", pl.col(mnis).cast(pl.Int64).alias("mnis_id")).join(
        known.select("mnis_id", "member_id"), on="mnis_id", how="inner"
    ).select("question_id", "member_id", pl.lit(str(LinkMethod.API)).alias("link"))


def members_table(questions: pl.DataFrame) -> pl.DataFrame:
    """Every person of the reference, and a row for each Parliament id the API gives that the reference lacks (name unknown)."""
    known = members_reference()
    seen = pl.concat([questions.select(pl.col(c).cast(pl.Int64).alias("mnis_id")) for c in ("asking_member_mnis_id", "answering_member_mnis_id")]).drop_nulls().unique()
    from pipeline.reference.build.members import member_id

    missing = seen.join(known.select("mnis_id").drop_nulls(), on="mnis_id", how="anti").sort("mnis_id")
    extra = missing.with_columns(
        pl.col("mnis_id").map_elements(lambda n: member_id(f"mnis:{n}"), return_dtype=pl.String).alias("member_id")
    )
    return pl.concat([known, extra], how="diagonal_relaxed").sort("member_id")


def link_members(questions: pl.DataFrame, members: pl.DataFrame) -> pl.DataFrame:
    """``questions`` with asker_member_id, asker_link, answerer_member_id, answerer_link."""
    out = questions
    for role, printed, mnis in (("asker", "asker", "asking_member_mnis_id"), ("answerer", "answerer", "answering_member_mnis_id")):
        api = _link_api(questions, mnis, members)
        by_name = _link_printed(questions.join(api, on="question_id", how="anti"), printed, answers=role == "answerer")
        links = pl.concat([api, by_name]).rename({"member_id": f"{role}_member_id", "link": f"{role}_link"})
        out = out.join(links, on="question_id", how="left")
    return out
