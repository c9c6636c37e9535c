"""Words of a letter with their place in the text, folded and stemmed like the matcher's.

The place (character offsets) lets the pages highlight a term exactly where it is written,
whatever the folding did to accents, capitals and hyphens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from guichet.matching.text import fold, stem

_WORD = re.compile(r"[^\W_]+")
# What may stand between two words of one term: spaces, an apostrophe, a hyphen.
_JOINING_GAP = re.compile(r"[\s'’`´\-‐‑–]*")
_SENTENCE_END = re.compile(r"[.!?:;\n]\s*$")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    surface: str
    folded: str
    stem: str
    joined: bool  # nothing but spaces, an apostrophe or a hyphen since the previous word
    sentence_start: bool
    is_caps: bool  # in capitals, as acronyms are (« RAPO », « IJ »); one letter is not enough
    line: int  # the number of the line it is on, from 0


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=65536)
def _caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    previous_end = 0
    line = 0
    for match in _WORD.finditer(text):
        gap = text[previous_end : match.start()]
        line += gap.count("\n")
        surface = match.group()
        folded = fold_word(surface)
        tokens.append(
            Token(
                start=match.start(),
                end=match.end(),
                surface=surface,
                folded=folded,
                stem=stem(folded),
                joined=bool(tokens) and _JOINING_GAP.fullmatch(gap) is not None,
                sentence_start=not tokens or _SENTENCE_END.search(gap) is not None,
                is_caps=_caps(surface),
                line=line,
            )
        )
        previous_end = match.end()
    return tokens


def form_stems(form: str) -> tuple[str, ...]:
    """The stems of a glossary form, as the text's words will be compared to them."""
    return tuple(stem(fold(word)) for word in _WORD.findall(form))


def words(text: str) -> list[str]:
    """Folded words of a text, without their places."""
    return [fold_word(word) for word in _WORD.findall(text)]


def fold_in_place(text: str) -> str:
    """Lower case without accents, one character for one, so that a match in the folded text
    has the same offsets in the letter (« Délai » → « delai », « œ » → « o »)."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    return "".join((fold(c) or " ")[0] for c in text)
