"""Source 6: the project's curated rows (data/reference/curated/agencies.csv) and how they merge into the others."""

from __future__ import annotations

from pipeline.reference.build.common import OT, Row, key
from pipeline.reference.build.inputs import curated_rows


CURATED = curated_rows()


def apply_curated(store):
    for c in CURATED:
        # A curated entry takes over the rows whose *name* is its name, one
        # of its aliases or a name in `match`, and rows that list its name
        # as an alias.  (Alias-to-alias overlaps do not merge rows.)
        wanted = {key(n) for n in [c["name"]] + c["aliases"] + c["match"]}
        found = [r for r in store.rows if key(r.name) in wanted or
                 key(c["name"]) in {key(a) for a in r.aliases}]
        # Do not fold in a row whose *name* is one of the curated aliases but
        # which is a different body of a different kind, e.g. the curated
        # "Council of the European Union" alias against the Nordic council.
        if found:
            tgt = None
            for r in found:
                if key(r.name) == key(c["name"]):
                    tgt = r
                    break
            tgt = tgt or found[0]
            for other in found:
                if other is not tgt:
                    store.merge(tgt, other, "curated " + c["name"])
            if key(tgt.name) != key(c["name"]):
                tgt.add_aliases([tgt.name])
                tgt.name = c["name"]
            tgt.sources.add("curated")
        else:
            tgt = store.add(Row(c["name"], c["kind"] or OT, "curated"))
        if c["kind"]:
            tgt.kind = c["kind"]
        if c["acronym"] is not None:
            tgt.acronym = c["acronym"]
            tgt.acr_rank = 0
            tgt.locked_acronym = True
        tgt.add_aliases(c["aliases"])
        tgt.protected_aliases |= {key(a) for a in c["aliases"]}
        for d in c["drop"]:
            tgt.aliases = [a for a in tgt.aliases if key(a) != key(d)]
        if c["start"] is not None:
            tgt.start = c["start"]
        if c["end"] is not None:
            tgt.end = c["end"]
        if c["qid"]:
            tgt.qid = c["qid"]
