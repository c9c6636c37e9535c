"""How hard a French text is to read: Kandel–Moles, sentence length and jargon density.

Kandel and Moles (1958) adapted Flesch's reading ease to French:
207 − 1.015 × (words per sentence) − 73.6 × (syllables per word). textstat computes it
with its French settings (syllables by pyphen's French hyphenation). Around 70 and more
is easy for most readers; under 50, a mediator should read the text with the person.
"""

from __future__ import annotations

import re
from functools import cache

EASY = 70
HARD = 50
HEAVY_JARGON = 5.0  # difficult words per 100 words
MESSAGES = {
    "facile": "Ce {what} est facile à lire.",
    "moyen": "Ce {what} est assez difficile à lire : les mots expliqués vous aideront.",
    "difficile": "Ce {what} est difficile à lire : venez le lire avec un conseiller.",
}
_LINE_END = re.compile(r"[.!?:;,]\s*$")
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.-]+@[\w.-]+|\b[\w-]+\.(?:fr|com|org)\b\S*")
_ABBREVIATION = re.compile(r"\b(M|Mme|Mlle|Me|Tél|Tel|art|Art|cf|réf|Réf|n°|N°|p|av|bd)\.")
PROSE_WORDS = 8
_SENTENCE_END = re.compile(r"\w[.!?](?:\s|$)")


@cache
def _textstat():
    import textstat

    textstat.set_lang("fr")
    return textstat


def level(score: float, jargon_density: float = 0.0) -> str:
    steps = ["facile", "moyen", "difficile"]
    step = 0 if score >= EASY else 1 if score >= HARD else 2
    if jargon_density >= HEAVY_JARGON:
        step = min(step + 1, 2)
    return steps[step]


def prose(text: str) -> str:
    """What is read as sentences: the paragraphs of 8 words or more with a full stop (a
    letter's addresses, reference lines and signature are left out), web and e-mail addresses as one word,
    abbreviations without their full stop (« M. », « Tél. »)."""
    text = _ABBREVIATION.sub(r"\1", _ADDRESS.sub("internet", text))
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    kept = [p for p in paragraphs if len(p.split()) >= PROSE_WORDS and _SENTENCE_END.search(p)]
    return "\n\n".join(kept) if kept else text


def as_sentences(text: str) -> str:
    """Letters put a title, an address or a list item on its own line, without a full stop:
    each such line is a sentence of its own. A line broken in the middle of a sentence (PDF
    lines) goes on with a small letter, and stays one sentence."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    joined = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not _LINE_END.search(line) and (not following or not following[0].islower()):
            line += "."
        joined.append(line)
    return " ".join(joined)


def readability(text: str, jargon: int | None = None, what: str = "texte") -> dict:
    """Kandel–Moles score of the prose (see `prose`), its sentence length, the jargon
    density of the whole text (glossary terms and unknown acronyms per 100 words, counted
    here when not given) and a level: « facile » from 70, « moyen » from 50, else
    « difficile »; one step harder when there are 5 difficult words or more per 100 words,
    for a text full of jargon is hard whatever the length of its sentences."""
    textstat = _textstat()
    prepared = as_sentences(prose(text))
    words = textstat.lexicon_count(as_sentences(text))
    prose_words = textstat.lexicon_count(prepared)
    if not words or not prose_words:
        return {
            "score": 0.0,
            "niveau": "difficile",
            "mots": words,
            "phrases": 0,
            "mots_par_phrase": 0.0,
            "jargon_pour_100_mots": 0.0,
            "message": MESSAGES["difficile"].format(what=what),
        }
    if jargon is None:
        from .terms import default_finder

        jargon = len(default_finder().find(text))
    sentences = max(1, textstat.sentence_count(prepared))
    score = round(textstat.flesch_reading_ease(prepared), 1)
    density = round(100 * jargon / words, 1)
    found = level(score, density)
    return {
        "score": score,
        "niveau": found,
        "mots": words,
        "phrases": sentences,
        "mots_par_phrase": round(prose_words / sentences, 1),
        "jargon_pour_100_mots": density,
        "message": MESSAGES[found].format(what=what),
    }
