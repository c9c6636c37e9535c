"""Is this text French? Letters are full of names, numbers and acronyms, so we count the
small words every French sentence has (le, de, vous…) against those of English, the other
language letters most often come in here."""

from __future__ import annotations

from .tokens import words

FRENCH = frozenset(
    """
    le la les de des du un une et est en au aux vous votre vos nous notre nos pour par sur
    dans avec que qui ne pas ce cette ces son sa ses il elle ils sont avez etre avoir a ou
    plus si leur d l j n s qu c m mon ma mes cet aussi tout tous toute toutes fait peut
    doit depuis apres avant entre sans sous lors dont madame monsieur courrier date
    """.split()
)
ENGLISH = frozenset(
    """
    the and of to you your is are be in for with that this we our it as at by from not
    have has will please dear if or an which would should can may any been was were their
    they them these those here there what when who
    """.split()
)
MIN_WORDS = 8


def looks_french(text: str) -> bool:
    """False only when the text is long enough to tell, and clearly not French."""
    found = [w for w in words(text) if not w.isdigit()]
    if len(found) < MIN_WORDS:
        return True
    french = sum(w in FRENCH for w in found)
    english = sum(w in ENGLISH for w in found)
    return french >= 0.08 * len(found) and french > english


def has_words(text: str, minimum: int = 3) -> bool:
    """At least a few real words (an OCR of a blank page gives « | — ~ »)."""
    return sum(len(w) >= 2 and w.isalpha() for w in words(text)) >= minimum
