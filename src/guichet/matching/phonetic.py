"""Spelling tolerance: a French phonetic key and a bounded edit distance.

They are used only to map a person's word onto a word our catalogue knows; the
person's text itself is never rewritten by a generic spell-corrector (those were
measured to turn « loyé » into « loué »).
"""

from __future__ import annotations

import re
from functools import lru_cache

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ph", "f"),
        (r"sch", "X"),
        (r"ch", "X"),
        (r"h", ""),
        (r"qu", "k"),
        (r"q", "k"),
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"g(?=[eiy])", "j"),
        (r"gu(?=[eiy])", "g"),
        (r"tion", "sion"),
        (r"eau|au", "o"),
        (r"oi|oy", "wa"),
        (r"ou", "U"),
        (r"(?:ain|ein|in|im|un|um)(?![aeiouU])", "1"),
        (r"ai|ei", "e"),
        (r"y", "i"),
        (r"(?:an|am|en|em)(?![aeiouU])", "A"),
        (r"(?:on|om)(?![aeiouU])", "O"),
        (r"(?<=[aeiouU])s(?=[aeiouAOU1])", "z"),
        (r"(?:er|ez|et|e|s|t|d|x|p)+$", ""),
        (r"(.)\1+", r"\1"),
    )
)


@lru_cache(maxsize=65536)
def phonetic_key(word: str) -> str:
    """A rough French sound key of a folded word: loyé/loyer → « lwa », manjé/manger → « mAj »."""
    key = word
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key or word


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count 1), cut at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def max_edits(word: str) -> int:
    """Edits allowed for a word of this length: none under 5 letters, 1 up to 8, then 2."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 9 else 2
