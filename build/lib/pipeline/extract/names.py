"""Naming rules shared by the extractors."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """Lower-case ASCII slug: 'Home Office' -> 'home-office'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("&", " and ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


def match_view(text: str) -> str:
    """The text as matched: curly apostrophes read as straight ones (same length)."""
    return text.replace("’", "'").replace("‘", "'")
