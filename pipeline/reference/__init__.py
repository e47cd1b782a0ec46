"""Reference tables the extraction matches against, shipped with the package.

``agencies.csv`` is built from public reference lists and the project's
curated rows (``data/reference/``; see ``data/reference/agencies.SOURCE.md``).
"""

from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent
AGENCIES_CSV = REFERENCE_DIR / "agencies.csv"
NAMED_INSTRUMENTS_CSV = REFERENCE_DIR / "named_instruments.csv"  # named schemes without a head word (data/reference/named_instruments.SOURCE.md)
MEMBERS_CSV = REFERENCE_DIR / "members.csv"  # people of both Houses (pipeline/reference/build/members.py)
MEMBER_NAMES_CSV = REFERENCE_DIR / "member_names.csv"  # their spells and name keys
MEMBER_OFFICES_CSV = REFERENCE_DIR / "member_offices.csv"  # their ministerial appointments
