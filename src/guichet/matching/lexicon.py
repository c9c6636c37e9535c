"""What our catalogue knows: its words, their stems and sound keys.

A person's word that the catalogue does not know is mapped to the closest known
words (same sound key, or few edits), never to arbitrary dictionary words. Acronyms
match only as written (« aeeh » has the sound key of « aaaa »), and a token that is not
a plausible word (keyboard mashing) is mapped to nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .phonetic import edit_distance, max_edits, phonetic_key
from .text import collapse_emphasis, is_plausible_word, is_stopword, stem


@dataclass(frozen=True)
class Correction:
    written: str
    understood: str


class Lexicon:
    def __init__(self, words: dict[str, str], acronyms: set[str], proper: set[str] = frozenset()):
        """words: folded word → the word as our catalogue writes it (with its accents);
        proper: the words of our own prose, spelled right (people's words may not be)."""
        self.display = {w: shown for w, shown in words.items() if len(w) >= 2}
        self.proper = frozenset(proper)
        self.words = frozenset(self.display)
        self.acronyms = frozenset(acronyms)
        self.by_stem: dict[str, str] = {}
        for word in sorted(self.words, key=lambda w: (w not in self.proper, len(w), w)):
            self.by_stem.setdefault(stem(word), word)
        self.stems = frozenset(self.by_stem)
        self._by_sound: dict[str, set[str]] = defaultdict(set)
        self._by_length: dict[int, set[str]] = defaultdict(set)
        for word in self.words:
            if len(word) >= 4 and not word.isdigit() and word not in self.acronyms:
                self._by_sound[phonetic_key(word)].add(word)
                self._by_length[len(word)].add(word)
        self._cache: dict[str, tuple[str, ...]] = {}

    def knows(self, token: str) -> bool:
        return token in self.words or stem(token) in self.stems

    def shown(self, word: str) -> str:
        """How our catalogue writes a word, spelled right: « loyer » for « loyé »."""
        if word not in self.proper:
            word = self.by_stem.get(stem(word), word)
        if word not in self.proper:
            sounds_alike = sorted(set(self._by_sound.get(phonetic_key(word), ())) & self.proper)
            word = sounds_alike[0] if sounds_alike else word
        return self.display.get(word, word)

    def closest(self, token: str) -> tuple[str, ...]:
        """Known words closest to an unknown token: same sound first, else fewest edits."""
        if token in self._cache:
            return self._cache[token]
        found: tuple[str, ...] = ()
        word = collapse_emphasis(token)
        if word != token and word in self.words:
            found = (word,)
        elif len(word) >= 4 and is_plausible_word(word) and not is_stopword(word):
            sound = sorted(self._by_sound.get(phonetic_key(word), ()))
            found = tuple(sound[:3]) if sound else self._by_edits(word)
        self._cache[token] = found
        return found

    def _by_edits(self, token: str) -> tuple[str, ...]:
        limit = max_edits(token)
        if not limit:
            return ()
        best, candidates = limit + 1, []
        for length in range(len(token) - limit, len(token) + limit + 1):
            for word in self._by_length.get(length, ()):
                if word[0] != token[0] and word[-1] != token[-1]:
                    continue
                distance = edit_distance(token, word, best)
                if distance < best:
                    best, candidates = distance, [word]
                elif distance == best:
                    candidates.append(word)
        return tuple(sorted(candidates)[:3]) if best <= limit else ()
