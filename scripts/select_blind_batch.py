"""Draw the next blind batch of Written Questions API records for labelling (docs/quality.md).

    python scripts/select_blind_batch.py SEED OUT_DIR [--corpus ../shared/corpus] [--count 72] [--per-body 5] [--clipped]

Records no labelled set holds (by ``wq_api_id``), with a complete answer (an
unclipped list record, or the detail record of a clipped one), shuffled with
``random.Random(SEED)``, at most ``--per-body`` per answering body (``--clipped``:
list records the listing cut short, "..." at the end of the answer or the
question, that no detail record completes: the API's own form of most of its
records, which the tables publish as they are; in the corpus every such record
left unlabelled is cut in its answer); written as
``records-1.jsonl`` and ``records-2.jsonl`` (half each, one per labeller), each
line ``{"file": <corpus file>, "record": <the API record>}``. Batches K and L
were drawn this way with seeds 20261208 and 20261209.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path


def labelled_ids(fixtures: Path, gold: Path) -> set[int]:
    """Every ``wq_api_id`` a labelled set already holds."""
    used: set[int] = set()
    for path in [*fixtures.rglob("*.jsonl"), *gold.glob("*.jsonl")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and (record_id := json.loads(line).get("wq_api_id")):
                used.add(int(record_id))
    return used


def candidates(corpus: Path, used: set[int], clipped_only: bool = False) -> dict[int, tuple[str, dict]]:
    """Unlabelled records with a complete answer (or, ``clipped_only``, a cut one no detail record completes), by id: (corpus file, record)."""
    found: dict[int, tuple[str, dict]] = {}
    for listing in sorted((corpus / "wq-api").glob("questions-*.json")):
        month = listing.stem.removeprefix("questions-")
        details_path = corpus / "wq-api" / f"details-{month}.json"
        details = {d["value"]["id"]: d for d in json.loads(details_path.read_text(encoding="utf-8"))} if details_path.exists() else {}
        for record in json.loads(listing.read_text(encoding="utf-8")):
            value = record["value"]
            if value["id"] in used or not value.get("answerText"):
                continue
            clipped = any((value.get(k) or "").endswith("...") for k in ("questionText", "answerText"))
            if clipped_only:
                if clipped and value["id"] not in details:
                    found[value["id"]] = (f"wq-api/{listing.name}", record)
            elif value["id"] in details:
                found[value["id"]] = (f"wq-api/{details_path.name}", details[value["id"]])
            elif not clipped:
                found[value["id"]] = (f"wq-api/{listing.name}", record)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("seed", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--fixtures", type=Path, default=Path("tests/fixtures"))
    parser.add_argument("--count", type=int, default=72)
    parser.add_argument("--per-body", type=int, default=5)
    parser.add_argument("--clipped", action="store_true", help="draw list records the listing cut short (answer or question)")
    args = parser.parse_args()
    pool = candidates(args.corpus, labelled_ids(args.fixtures, args.gold), clipped_only=args.clipped)
    ids = sorted(pool)
    random.Random(args.seed).shuffle(ids)
    per_body: collections.Counter[str] = collections.Counter()
    picked: list[int] = []
    for record_id in ids:
        body = pool[record_id][1]["value"]["answeringBodyName"]
        if per_body[body] < args.per_body:
            per_body[body] += 1
            picked.append(record_id)
        if len(picked) == args.count:
            break
    args.out.mkdir(parents=True, exist_ok=True)
    half = (len(picked) + 1) // 2
    for n, part in enumerate((picked[:half], picked[half:]), start=1):
        with (args.out / f"records-{n}.jsonl").open("w", encoding="utf-8") as sink:
            for record_id in part:
                path, record = pool[record_id]
                sink.write(json.dumps({"file": path, "record": record}, ensure_ascii=False) + "\n")
    print(f"{len(pool)} unlabelled records with a {'cut' if args.clipped else 'complete'} answer; {len(picked)} picked from {len(per_body)} answering bodies -> {args.out}")


if __name__ == "__main__":
    main()
