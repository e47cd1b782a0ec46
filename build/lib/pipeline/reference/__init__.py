"""Reference tables the extraction matches against, shipped with the package.

``agencies.csv`` is built from public reference lists and the project's
curated rows (``data/reference/``; see ``data/reference/agencies.SOURCE.md``).
"""

from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent
AGENCIES_CSV = REFERENCE_DIR / "agencies.csv"
