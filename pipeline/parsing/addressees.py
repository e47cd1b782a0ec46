"""Who a question is put to: the addressee of "To ask the Secretary of State for Health ..."."""

from __future__ import annotations

import re

# The addressee ends at the first lower-case word that is not part of an office.
_OFFICE_LINKS = {"of", "for", "and", "the", "without", "in"}


_WORD = re.compile(r"\S+")
_CAPS = r"[A-Z][\w'’\-]*(?:(?:\s+(?:of|and|for)(?:\s+the)?)?\s+[A-Z][\w'’\-]*)*"
_MEMBER_REPRESENTING = re.compile(
    rf"^(the (?:(?:right )?hon\. (?:and (?:learned|gallant) )?)?Member for {_CAPS}(?:,\s+{_CAPS})*(?:,? (?:as )?representing (?:the )?{_CAPS})?)(?=,?\s+[a-z(])"
)


def split_addressee(after_to_ask: str) -> tuple[str | None, str]:
    """Split 'the Secretary of State for Health what steps ...' into addressee and question."""
    if m := _MEMBER_REPRESENTING.match(after_to_ask):
        # "the hon. Member for North Devon, representing the House of Commons Commission what cars ..."
        return m.group(1), after_to_ask[m.end() :].lstrip(" ,")
    # word by word, one ahead, from the start: the addressee is a few words of a long question
    words = _WORD.finditer(after_to_ask)
    end, i, w = 0, 0, next(words, None)
    while w is not None:
        following = next(words, None)
        token = w.group(0)
        bare = token.strip(",;:")
        if i == 0 and bare.lower() == "the":
            end = w.end()
        elif bare[:1].isupper() or bare.lower() in _OFFICE_LINKS and i > 0:
            # "in" only links inside an office name when a capital follows.
            if bare.lower() == "in" and not (following is not None and following.group(0)[:1].isupper()):
                break
            end = w.end()
            if token.endswith((":", ";")):
                break
        else:
            break
        w, i = following, i + 1
    addressee = after_to_ask[:end].rstrip(" ,:;")
    rest = after_to_ask[end:].lstrip(" ,:;")
    if not addressee or addressee.lower() == "the":
        return None, after_to_ask.strip()
    # An office never ends with a linking word: give it back to the question.
    while addressee.split() and addressee.split()[-1].lower() in _OFFICE_LINKS:
        last = addressee.split()[-1]
        addressee = addressee[: -len(last)].rstrip(" ,")
        rest = f"{last} {rest}"
    if not addressee:  # ("the of what ...": links only)
        return None, after_to_ask.strip()
    return addressee, rest.strip()
