"""The word audit's counting (pipeline/page/audit.py), against the plain reading it replaces."""

import re
from collections import Counter

import pytest

from pipeline.page.audit import words


def _plain_words(text: str) -> Counter[str]:
    """Every \\w+ run of the whole text, folded one by one, numbers digit by digit (the audit's definition)."""
    counted: Counter[str] = Counter()
    for word in re.findall(r"\w+", text.replace("’", "'")):
        for part in (list(word) if word.isdigit() else [word.lower()]):
            counted[part] += 1
    return counted


@pytest.mark.parametrize(
    "text",
    [
        # a real table row of an API answer, glued and repaired ("1997–98206", "1997–98 206")
        "Financial Year\tSlough New Claims\n2018/19 7 6\n1997–98206 and 1997–98 206",
        "The Home Office’s figures (HO) don't match: İstanbul, ISTANBUL—istanbul; £38,700 (a)…(b)",
        "To ask the Secretary of State for Health and Social Care, what steps he is taking.\u00a0Next\u2003line\x1cend",
        "",
    ],
)
def test_words_are_the_plain_reading(text: str) -> None:
    assert words(text) == _plain_words(text)
