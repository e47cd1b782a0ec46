"""Naming rules shared by the extractors."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import ahocorasick


def slug(text: str) -> str:
    """Lower-case ASCII slug: 'Home Office' -> 'home-office'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("&", " and ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


# A word naming who funds or runs something, printed before its name ("Defra-funded", "Home Office-led"):
# the funder is not part of the name of the programme or body that follows.
FUNDER_WORD = r"[\w'’]+-(?:funded|led|run|backed|commissioned|sponsored|owned|supported|delivered)"


def match_view(text: str) -> str:
    """The text as matched: curly apostrophes read as straight ones (same length)."""
    return text.replace("’", "'").replace("‘", "'")


class WordGate:
    """Which of a fixed set of words a text holds as substrings, in one Aho-Corasick pass.

    The rules' gates test dozens of literals per text; one pass over the text
    costs what one ``in`` test costs, instead of one per word.
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = list(words)
        assert words and all(words), "a gate needs words, none of them empty"
        self.automaton = ahocorasick.Automaton()
        for word in words:
            self.automaton.add_word(word, word)
        self.automaton.make_automaton()

    def present(self, text: str) -> set[str]:
        """The words found in ``text``."""
        return {word for _end, word in self.automaton.iter(text)}

    def any(self, text: str) -> bool:
        """Whether ``text`` holds any of the words."""
        return next(self.automaton.iter(text), None) is not None
