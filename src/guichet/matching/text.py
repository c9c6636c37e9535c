"""Normalisation of free text as people write it: folding, SMS forms, elisions, stemming.

Both sides (the person's text and the catalogue) go through the same functions, so
that the Snowball stemmer, which is accent-sensitive, always sees folded forms.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("french")

# SMS and spoken forms → what they stand for (folded). Empty = dropped.
SMS_FORMS: dict[str, str] = {
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "jsp": "je sais pas",
    "jsais": "je sais",
    "chai": "je sais",
    "bcp": "beaucoup",
    "tt": "tout",
    "ts": "tous",
    "tte": "toute",
    "qd": "quand",
    "pr": "pour",
    "ds": "dans",
    "ac": "avec",
    "avc": "avec",
    "mm": "meme",
    "tjs": "toujours",
    "tjrs": "toujours",
    "pb": "probleme",
    "pbm": "probleme",
    "rdv": "rendez vous",
    "dc": "donc",
    "koi": "quoi",
    "ki": "qui",
    "g": "j ai",
    "plu": "plus",
    "pa": "pas",
    "chui": "je suis",
    "chuis": "je suis",
    "jsuis": "je suis",
    "jss": "je suis",
    "ya": "il y a",
    "yen": "il y en",
    "c": "c est",
    "ct": "c etait",
    "jpeux": "je peux",
    "jpe": "je peux",
    "jpx": "je peux",
    "jveux": "je veux",
    "jvx": "je veux",
    "jvais": "je vais",
    "kan": "quand",
    "kom": "comme",
    "kelle": "quelle",
    "oqp": "occupe",
    "svp": "",
    "stp": "",
    "slt": "",
    "bjr": "",
    "cc": "",
    "mdr": "",
    "lol": "",
    "ptdr": "",
    "merci": "",
    "mrc": "",
    "bonjour": "",
    "bonsoir": "",
    "salut": "",
}

STOPWORDS = frozenset(
    """
    a ai aie aient aies ait alors as au aucun aussi autre aux avais avait avant avec avoir
    avons ayant bien c ca car ce cela celle celui ces cet cette chez ci comme comment d dans de
    des deja depuis doit donc dont du elle elles en encore est et etaient etais etait ete etre eu
    eux faire fais fait faut fois ici il ils j jai je jsuis juste l la le les leur leurs lui m ma
    mais me meme mes moi mon n ne ni nos notre nous on ont ou par parce pas peu peut peux plus
    pour pourquoi puis qu quand que quel quelle quelles quels qui quoi s sa sans se sera ses si
    sommes son sont sous suis sur t ta te tes toi ton tous tout toute toutes tres tu un une vers
    veux voila vos votre vous y est-ce quelqu chose cest etc svp aider aide besoin bonjour
    faire fait avoir suis ete sais veut vais va vont dit dire
    """.split()
)
# Words kept although they look like stopwords: they carry the need.
MEANINGFUL = frozenset({"aide", "aides", "sans", "seul", "seule", "aider"})

_ELISION = re.compile(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’`´]", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)?")
_WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)?")
_MERGED_PREFIX = re.compile(r"^(?:d|l|j|m|t|s|n|qu)(?=[aeiouyh])")


def fold(text: str) -> str:
    """Lower case, no accents, ligatures opened: « Sécu, cœur » → « secu, coeur »."""
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.lower()


# A percent escape left in a text (« %00 », « %20 » from an address bar), not a percentage
# (« 50 % », « 50% »): no word of it is read.
_PERCENT_CODE = re.compile(r"(?<!\d)(?<!\d )%[0-9a-fA-F]{2}")


def surface_tokens(text: str) -> list[tuple[str, str]]:
    """(folded token, word as written) pairs; elisions split (« l'apl » → « l », « apl »),
    SMS forms expanded (« jsp » → « je », « sais », « pas »); percent escapes dropped."""
    pairs: list[tuple[str, str]] = []
    text = _PERCENT_CODE.sub(" ", text)
    for word in _WORD.findall(_ELISION.sub(r"\1 ", text)):
        surface = word.lower()
        for token in _TOKEN.findall(fold(surface)):
            expansion = SMS_FORMS.get(token)
            if expansion is None:
                pairs.append((token, surface))
            elif expansion:
                pairs.extend((part, surface) for part in expansion.split())
    return pairs


_VOWELS = frozenset("aeiouy")
_EMPHASIS = re.compile(r"(.)\1{2,}")


def collapse_emphasis(token: str) -> str:
    """A letter held down or typed for emphasis, once: « urgenttt » → « urgent », « aaaa » → « a »."""
    return _EMPHASIS.sub(r"\1", token)


def is_plausible_word(token: str) -> bool:
    """Whether a folded token looks like a word someone meant to write, so that it may be
    read as a misspelling of a catalogue word: not keyboard mashing (« aaaaaaaa »,
    « ahahaha », « qsdfghjk »). Once emphasis is collapsed it has at least two letters,
    mixes vowels and consonants, and from five letters on uses more than two letters."""
    word = collapse_emphasis(token)
    if not word.isalpha() or len(word) < 2:
        return False
    vowels = sum(1 for c in word if c in _VOWELS)
    if vowels == 0 or vowels == len(word):
        return False
    return len(word) < 5 or len(set(word)) > 2


def has_real_word(text: str, is_known) -> bool:
    """Whether a text has at least one word: a word our catalogue or everyday speech knows,
    a plausible word (see is_plausible_word) or a word in another script. Numbers, percent
    escapes, punctuation and keyboard mashing alone are not words."""
    for word in _WORD.findall(_ELISION.sub(r"\1 ", _PERCENT_CODE.sub(" ", text))):
        folded = fold(word)
        if word.isdigit():
            continue
        if not _TOKEN.fullmatch(folded):
            if any(c.isalpha() for c in word):
                return True
            continue
        if is_plausible_word(folded) or folded in SMS_FORMS or is_known(folded):
            return True
    return False


# Phone numbers in the catalogue's prose (« 0 805 16 00 75 »): their pieces are not words
# a person would match on (« 00 », « 16 », « 75 »). Short numbers (115, 3919) stay.
PHONE_NUMBER = re.compile(r"\b0\d?(?:[ .\u00a0]\d{2,3}){3,4}\b")


def raw_tokens(text: str) -> list[str]:
    """Folded word tokens (see surface_tokens)."""
    return [token for token, _ in surface_tokens(text)]


def split_merged(token: str, is_known) -> list[str]:
    """« lapl » → [« l », « apl »], « dla » → [« de », « la »] when the rest is a known word."""
    if token == "dla":
        return ["de", "la"]
    if is_known(token) or is_stopword(token):
        return [token]
    match = _MERGED_PREFIX.match(token)
    if match and len(token) - match.end() >= 3:
        rest = token[match.end() :]
        if is_known(rest):
            return [token[: match.end()], rest]
    return [token]


def is_stopword(token: str) -> bool:
    return token in STOPWORDS and token not in MEANINGFUL


# Words whose Snowball stem collides with an unrelated word of administrative French
# (« loyer » → « loi », « jugement » → « jug » like « juge », « gare » like « garant »).
STEM_OVERRIDES = {
    "loyer": "loyer",
    "loyers": "loyer",
    "jugement": "jugement",
    "jugements": "jugement",
    "gare": "gare",
    "gares": "gare",
    "saisissez": "saisissez",
    "visant": "visant",
}


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Stem of a folded token. Plural marks are dropped first so that singular and
    plural always share a stem (Snowball gives « loi » for « loyer » but « loyer » for « loyers »)."""
    if token.isdigit():
        return token
    if token in STEM_OVERRIDES:
        return STEM_OVERRIDES[token]
    base = token
    if len(base) > 4 and base[-1] in "sx" and base[-2] != base[-1]:
        base = base[:-1]
    stemmed = _STEMMER.stemWord(base)
    if len(stemmed) > 4 and stemmed.endswith("e"):
        stemmed = stemmed[:-1]
    return stemmed


def french_share(text: str, is_known) -> float:
    """Share of the words of a text that are French as our catalogue or everyday speech knows
    them. Words in another script count as not French. A text of one or two words in our
    script is given the benefit of the doubt (1.0): too short to tell."""
    words = [w.lower() for w in _WORD.findall(_ELISION.sub(r"\1 ", text)) if not w.isdigit()]
    latin = [fold(w) for w in words if _TOKEN.fullmatch(fold(w))]
    if not words or (len(words) <= 2 and len(latin) == len(words)):
        return 1.0
    french = 0
    for word in latin:
        parts = split_merged(word, is_known)
        if all(p in SMS_FORMS or p in STOPWORDS or is_known(p) for p in parts):
            french += 1
    return french / len(words)


NEGATORS = frozenset(
    {"pas", "plus", "sans", "aucun", "aucune", "rien", "manque", "perdu", "perdue"}
)
_ABSENCE_SKIP = frozenset({"de", "d", "du", "des", "la", "le", "les", "l", "mon", "ma", "mes", "a"})


def absence_terms(tokens: list[str]) -> list[tuple[int, int, str]]:
    """Lack of something, as one feature: « pas d'argent », « plus de mutuelle »,
    « sans ressources » → (position of « pas », position of « argent », « !argent »)… Both sides use it, so
    « je n'ai plus d'argent » meets « plus d'argent » without the common word « argent »
    alone deciding."""
    found = []
    for position, token in enumerate(tokens):
        if token not in NEGATORS:
            continue
        for offset in range(1, 4):
            if position + offset >= len(tokens):
                break
            following = tokens[position + offset]
            if following in _ABSENCE_SKIP:
                continue
            if not is_stopword(following) and following not in NEGATORS:
                found.append((position, position + offset, "!" + stem(following)))
            break
    return found


_CLAUSE_BREAK = re.compile(
    r"[,;.!?\n]+|\s(?:et|mais|aussi|puis|en plus|sans compter|plus|ainsi que)\s|\s[+&]\s",
    re.IGNORECASE,
)


def split_clauses(text: str) -> list[str]:
    """Parts of a text that may each carry a need: « le loyer, l'edf, les petits »."""
    return [part.strip() for part in _CLAUSE_BREAK.split(text) if part and part.strip()]
