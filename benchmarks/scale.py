"""A synthetic archive of N pages made from real ones — for benchmarks only.

The pages are real archive pages (the sample archive, plus ``../shared/corpus``
when it is there) varied so that no two are the same: sitting dates moved,
references renumbered, headings and sentence order changed, answers mixed
between pages of one format. Every page and sidecar says it is synthetic, and
the generator refuses to write inside ``outputs/`` releases or the sample
archive: these pages are never published data.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "data" / "sample-archive", REPO.parent / "shared" / "corpus"]
FAMILIES = ("hansard-web", "historic-hansard", "publications", "archive-xml", "negative")
MARK = "synthetic page for benchmarks (varied from a real Hansard page); not published data"
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


@dataclass(frozen=True)
class Template:
    family: str
    name: str
    text: str
    url: str | None


def templates() -> list[Template]:
    """Every real page available, by family (the same page is taken once)."""
    seen: set[str] = set()
    found = []
    for source in SOURCES:
        if not source.is_dir():
            continue
        for family in FAMILIES:
            folder = source / family
            if not folder.is_dir():
                continue
            for page in sorted(folder.glob("*")):
                if page.name.endswith(".meta.json") or page.suffix not in (".txt", ".xml") or page.name in seen:
                    continue
                seen.add(page.name)
                sidecar = page.with_name(page.stem + ".meta.json")
                url = json.loads(sidecar.read_text())["url"] if sidecar.is_file() else None
                found.append(Template(family, page.name, page.read_text(encoding="utf-8"), url))
    return found


def _shift_dates(text: str, day: date) -> str:
    """Every printed date becomes the page's new sitting day."""
    long_form = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    text = re.sub(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) (?:1[89]|20)\d\d\b", long_form, text)
    text = re.sub(r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?:1[89]|20)\d\d\b", f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}", text)
    return re.sub(r'format="\d{4}-\d{2}-\d{2}"', f'format="{day.isoformat()}"', text)


def _renumber(text: str, rng: random.Random) -> str:
    text = re.sub(r"\[HL(\d+)\]", lambda m: f"[HL{rng.randint(100, 99999)}]", text)
    return re.sub(r"([\[(])(\d{4,6})([\])])", lambda m: f"{m.group(1)}{rng.randint(1000, 999999)}{m.group(3)}", text)


def _reorder(text: str, rng: random.Random) -> str:
    """Shuffle the sentences inside long answer paragraphs (tables and short lines stay)."""
    def shuffle(paragraph: str) -> str:
        sentences = re.split(r"(?<=[a-z]\.) (?=[A-Z])", paragraph)
        if len(sentences) < 3 or paragraph.startswith(("<", "To ask", "asked")):
            return paragraph
        head, rest = sentences[0], sentences[1:]
        rng.shuffle(rest)
        return " ".join([head, *rest])

    return "\n".join(shuffle(line) for line in text.split("\n"))


def _mix(text: str, other: str, rng: random.Random) -> str:
    """Swap in an answer paragraph from another page of the same format."""
    ours = [p for p in text.split("\n\n") if len(p) > 200 and not p.startswith("<")]
    theirs = [p for p in other.split("\n\n") if len(p) > 200 and not p.startswith("<")]
    if not ours or not theirs:
        return text
    return text.replace(rng.choice(ours), rng.choice(theirs), 1)


def generate(n: int, target: Path, seed: int = 7, first_day: date = date(1900, 1, 1), days: int = 40_000) -> dict:
    """Write ``n`` synthetic pages under ``target`` (folders by family and decade)."""
    target = target.resolve()
    for forbidden in (REPO / "outputs", REPO / "data"):
        if target != forbidden and forbidden in target.parents and "/.bench" not in str(target):
            raise ValueError(f"refusing to write synthetic pages inside {forbidden}")
    rng = random.Random(seed)
    pool = templates()
    by_family: dict[str, list[Template]] = {}
    for t in pool:
        by_family.setdefault(t.family, []).append(t)
    target.mkdir(parents=True, exist_ok=True)
    (target / "SYNTHETIC.md").write_text(f"# Synthetic benchmark archive\n\n{n} pages: {MARK}.\n")
    counts: dict[str, int] = {}
    for k in range(n):
        template = pool[k % len(pool)]
        day = first_day + timedelta(days=rng.randrange(0, days))
        text = _renumber(_shift_dates(template.text, day), rng)
        if template.family != "archive-xml":
            text = _reorder(text, rng)
            if rng.random() < 0.3:
                text = _mix(text, rng.choice(by_family[template.family]).text, rng)
            text = re.sub(r"(?m)^(?!Skip to main content)([A-Z][^\n.]{3,60})$", lambda m: m.group(1) if rng.random() < 0.7 else f"{m.group(1)} ({k % 97})", text, count=1)
        folder = target / template.family / f"{day.year // 10 * 10}s"  # a folder (batch) per decade
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"{day.isoformat()}-{k:07d}"
        suffix = ".xml" if template.family == "archive-xml" else ".txt"
        (folder / f"{stem}{suffix}").write_text(text, encoding="utf-8")
        if template.url:
            url = re.sub(r"\d{4}-\d{2}-\d{2}", day.isoformat(), template.url)
            (folder / f"{stem}.meta.json").write_text(json.dumps({"url": url, "note": MARK}))
        counts[template.family] = counts.get(template.family, 0) + 1
    return {"pages": n, "templates": len(pool), "by_family": counts}


API_MARK = "synthetic record for benchmarks (a real Written Questions API record with new ids and dates); not published data"


def api_templates() -> list[dict]:
    """The real Written Questions API records of the shared corpus (list and detail records alike)."""
    folder = REPO.parent / "shared" / "corpus" / "wq-api"
    found = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        payload = json.loads(path.read_text(encoding="utf-8"))
        found += payload.get("results", []) if isinstance(payload, dict) else payload
    return found


def generate_api(records: int, target: Path, seed: int = 7, per_file: int = 8_000, first_day: date = date(2014, 5, 1)) -> dict:
    """Write ``records`` synthetic Written Questions API records under ``target/wq-api`` in month-sized files.

    Each is a real record with a new id, uin and answer date, so no two are the
    same question; every record carries ``syntheticNote``.
    """
    pool = api_templates()
    if not pool:
        raise FileNotFoundError("no Written Questions API records to vary (../shared/corpus/wq-api/)")
    rng = random.Random(seed)
    folder = target / "wq-api"
    folder.mkdir(parents=True, exist_ok=True)
    (target / "SYNTHETIC.md").write_text(f"# Synthetic benchmark archive\n\n{records} Written Questions API records: {API_MARK}.\n")
    files = 0
    for start in range(0, records, per_file):
        batch = []
        for k in range(start, min(records, start + per_file)):
            record = json.loads(json.dumps(rng.choice(pool)))
            value = record["value"]
            day = first_day + timedelta(days=k * 3650 // max(1, records))
            value.update(id=10_000_000 + k, uin=str(100_000 + k), dateAnswered=f"{day.isoformat()}T00:00:00", dateTabled=f"{(day - timedelta(days=7)).isoformat()}T00:00:00")
            value["syntheticNote"] = API_MARK
            batch.append(record)
        (folder / f"SYNTHETIC-{files:04d}.json").write_text(json.dumps(batch), encoding="utf-8")
        files += 1
    return {"records": records, "files": files, "templates": len(pool)}
