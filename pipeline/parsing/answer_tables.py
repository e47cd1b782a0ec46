"""Tables inside answers printed one cell per line: joined back into one line per row."""

from __future__ import annotations

import re

NUMERIC_CELL = re.compile(r"^[£$€]?\s?[-–—+]?[\d.,]+\s?(?:%|per cent\.?|m|bn|k)?$|^(?:—|–|-|n/a|N/A|nil|Nil|\*)$")


def _is_cell(line: str) -> bool:
    return len(line) <= 70 and not line.endswith((".", ":", ";", "?", ",")) or bool(NUMERIC_CELL.match(line))


def _is_number(line: str) -> bool:
    return bool(NUMERIC_CELL.match(line))


def _is_year(line: str) -> bool:
    return bool(re.fullmatch(r"(1[89]\d\d|20\d\d)(?:[-–/]\d{2,4})?", line))


def _unglue_year_cell(line: str) -> str:
    """'1997–98206' (a year range glued to its value) -> '1997–98 206'."""
    m = re.fullmatch(r"(\d{4})([–-])(\d{3,})", line)
    if not m:
        return line
    start, digits = int(m.group(1)), m.group(3)
    if len(digits) > 4 and int(digits[:4]) == start + 1:
        return f"{m.group(1)}{m.group(2)}{digits[:4]} {digits[4:]}"
    if digits[:2] == f"{(start + 1) % 100:02d}":
        return f"{m.group(1)}{m.group(2)}{digits[:2]} {digits[2:]}"
    return line


def merge_table_cells(lines: list[str]) -> tuple[list[str], list[tuple[int, list[list[str]]]]]:
    """Rows of the tables printed one cell per line, as lines (cells joined by a space), and the
    tables found: (index of the first row's line, rows of cells)."""
    lines = [_unglue_year_cell(line) for line in lines]
    out: list[str] = []
    tables: list[tuple[int, list[list[str]]]] = []
    i = 0
    while i < len(lines):
        if not _is_cell(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and _is_cell(lines[j]):
            j += 1
        current: list[list[str]] | None = None
        for cells, tabular in _rows_of(lines[i:j]):
            if tabular:
                if current is None:
                    current = []
                    tables.append((len(out), current))
                current.append(cells)
            else:
                current = None
            out.append(" ".join(cells))
        i = j
    for _, rows in tables:
        width = max(len(row) for row in rows)
        if len(rows[0]) == width - 1:
            rows[0].insert(0, "")  # the label column has no header cell
    return out, tables


def _rows_of(run: list[str]) -> list[tuple[list[str], bool]]:
    """Rows of a run of one-cell lines, each with whether it is a row of a table.

    The run is cut into groups, each some text lines then numbers ("Number",
    "Protestant", "52"). Numbers led by years are rows of their own
    ("1997", "144" -> "1997 144"); otherwise the last text line labels the
    numbers after it and the text lines before it are titles or headers.
    """
    if sum(1 for line in run if _is_number(line)) < 2:
        return [([line], False) for line in run]
    groups: list[list[str]] = []
    for line in run:
        if not groups or (not _is_number(line) and _is_number(groups[-1][-1])):
            groups.append([])
        groups[-1].append(line)
    rows: list[tuple[list[str], bool]] = []
    for group in groups:
        first_number = next((k for k, line in enumerate(group) if _is_number(line)), len(group))
        head, body = group[:first_number], group[first_number:]
        width = next(
            (w for w in range(2, 8) if len(body) >= w and len(body) % w == 0 and all(_is_year(body[k]) for k in range(0, len(body), w))),
            None,
        )
        if width:
            # The last width-1 text lines are the column headers (the year column has none).
            titles, header = head[: max(0, len(head) - (width - 1))], head[max(0, len(head) - (width - 1)) :]
            rows += [([t], False) for t in titles] + ([(header, True)] if header else []) + [(body[k : k + width], True) for k in range(0, len(body), width)]
        elif head and body:
            # A label and its numbers; before them, one header cell per number column
            # ("Number awarded", "Total amount (£)") and any titles.
            width = len(body)
            header = head[-(width + 1) : -1] if len(head) > width else []
            titles = head[: len(head) - 1 - len(header)]
            rows += [([t], False) for t in titles] + ([(header, True)] if header else []) + [([head[-1], *body], True)]
        else:
            rows += [([line], False) for line in group]
    return rows
