"""Need → démarches: the person's words, in any spelling, matched to the catalogue."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from guichet.catalogue import Catalogue, Demarche, load_catalogue
from guichet.catalogue.vocabulary import Synonym, load_vocabulary

from .dense import DenseIndex
from .index import BM25Index, Document
from .lexicon import Lexicon
from .question import THEMES, Question, ask_theme, is_unclear
from .text import (
    PHONE_NUMBER,
    absence_terms,
    fold,
    french_share,
    has_real_word,
    is_stopword,
    raw_tokens,
    split_clauses,
    split_merged,
    stem,
    surface_tokens,
)
from .urgency import Urgency, detect_urgencies

MAX_CHARS = 2000
# Weight of each catalogue field: the words people use count most.
FIELD_WEIGHTS = {
    "sigle": 3.0,
    "mots": 3.0,
    "evenements": 2.0,
    "titre": 2.0,
    "nom_officiel": 2.0,
    "id": 1.5,
    "resume": 1.0,
    "pour_qui": 0.5,
    "ce_que_vous_recevez": 0.5,
}
# Reciprocal-rank fusion of the lexical and dense rankings: weight / (RRF_K + rank).
RRF_K = 5
LEXICAL_WEIGHT = 1.0
DENSE_WEIGHT = 0.6
# Below this cosine similarity the dense side is not trusted on its own.
DENSE_ALONE_MIN = 0.35
DENSE_WHY = "Le sens de votre phrase est proche de cette démarche."
# How French a text looks (share of words we know) sets how far its words are trusted:
# below FOREIGN_BELOW the text is taken as another language and only its meaning counts.
FOREIGN_BELOW = 0.25
FRENCH_FROM = 0.65
FOREIGN_DENSE_MIN = 0.2
FOREIGN_MESSAGE = (
    "Votre message ne semble pas écrit en français. Nous avons cherché son sens. "
    "Les réponses sont en français."
)
CORRECTED_WEIGHT = 0.8
# Several needs: a clause needs this lexical score to stand as a need of its own.
CLAUSE_MIN_SCORE = 8.0
GROUP_SIZE = 3
# Fields written by us, spelled right: corrections are shown in these words.
PROSE_FIELDS = frozenset({"titre", "nom_officiel", "resume", "pour_qui", "ce_que_vous_recevez"})
SYNONYM_WEIGHT = 0.7
PHRASE_BONUS = 0.6


@dataclass(frozen=True)
class Match:
    id: str
    titre: str
    score: float
    pourquoi: str

    def to_json(self) -> dict:
        return {"id": self.id, "titre": self.titre, "score": self.score, "pourquoi": self.pourquoi}


@dataclass(frozen=True)
class MatchResult:
    texte: str
    demarches: list[Match] = field(default_factory=list)
    message: str | None = None
    corrections: list[tuple[str, str]] = field(default_factory=list)
    urgences: list[Urgency] = field(default_factory=list)
    question: Question | None = None
    groupes: list[NeedGroup] = field(default_factory=list)

    def to_json(self) -> dict:
        data: dict = {"demarches": [m.to_json() for m in self.demarches]}
        if self.groupes:
            data["groupes"] = [g.to_json() for g in self.groupes]
        if self.question:
            data["question"] = self.question.to_json()
        if self.urgences:
            data["urgences"] = [
                {
                    "id": u.id,
                    "titre": u.titre,
                    "contacts": [{"numero": c.numero, "libelle": c.libelle} for c in u.contacts],
                }
                for u in self.urgences
            ]
        if self.message:
            data["message"] = self.message
        return data


@dataclass(frozen=True)
class NeedGroup:
    """One need among several in the same text, with its own best démarches."""

    besoin: str
    demarches: list[Match]

    def to_json(self) -> dict:
        return {"besoin": self.besoin, "demarches": [m.to_json() for m in self.demarches]}


@dataclass
class _Query:
    terms: dict[str, float] = field(default_factory=dict)
    sequence: list[str] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)  # stem → the person's word
    corrections: dict[str, tuple[str, str]] = field(
        default_factory=dict
    )  # stem → (written, understood)
    synonyms: dict[str, str] = field(default_factory=dict)  # stem → the person's expression

    def add(self, term: str, weight: float) -> None:
        self.terms[term] = max(self.terms.get(term, 0.0), weight)


def _content_stems(text: str) -> list[str]:
    return [stem(t) for t in raw_tokens(text) if not is_stopword(t)]


def _document_fields(demarche: Demarche) -> dict[str, list[str]]:
    return {
        "sigle": [demarche.sigle or ""],
        "mots": list(demarche.mots),
        "evenements": list(demarche.evenements),
        "titre": [demarche.titre],
        "nom_officiel": [demarche.nom_officiel],
        "id": [demarche.id.replace("-", " ")],
        "resume": [demarche.resume],
        "pour_qui": list(demarche.pour_qui),
        "ce_que_vous_recevez": list(demarche.ce_que_vous_recevez),
    }


class Matcher:
    def __init__(
        self,
        catalogue: Catalogue,
        vocabulary: tuple[Synonym, ...] = (),
        dense: DenseIndex | None = None,
    ):
        self.catalogue = catalogue
        self.dense = dense
        documents, words, acronyms, proper = [], {}, set(), set()
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for demarche in catalogue:
            terms: Counter = Counter()
            for name, texts in _document_fields(demarche).items():
                for text in texts:
                    text = PHONE_NUMBER.sub(" ", text)
                    for _, _, term in absence_terms(raw_tokens(text)):
                        terms[term] += FIELD_WEIGHTS[name]
                    for token, surface in surface_tokens(text):
                        if is_stopword(token):
                            continue
                        words.setdefault(token, surface)
                        if name in PROSE_FIELDS:
                            proper.add(token)
                        terms[stem(token)] += FIELD_WEIGHTS[name]
            for part in (demarche.sigle or "").replace(",", " ").split():
                acronyms.update(raw_tokens(part))
            self.phrases[demarche.id] = [
                tuple(stems)
                for text in (*demarche.mots, *demarche.evenements)
                if len(stems := _content_stems(text)) >= 2
            ]
            documents.append(Document(demarche.id, terms, sum(terms.values())))
        self.synonyms = [(tuple(raw_tokens(s.forme)), raw_tokens(s.sens)) for s in vocabulary]
        for synonym in vocabulary:
            for token, surface in surface_tokens(f"{synonym.forme} {synonym.sens}"):
                if not is_stopword(token):
                    words.setdefault(token, surface)
                    proper.add(token)
        self.lexicon = Lexicon(words, acronyms, proper)
        self.index = BM25Index(documents)

    def match(self, text: str, limit: int = 5, theme: str | None = None) -> MatchResult:
        """The best démarches for a need. With `theme` (the answer to our clarifying
        question), only the démarches of that theme are kept and no question is asked."""
        text = (text or "").strip()
        if not text:
            return MatchResult(text, message="Écrivez en quelques mots ce qui ne va pas.")
        text = text[:MAX_CHARS]
        urgencies = detect_urgencies(text)
        query = self._analyse(text)
        if not query.terms and not self.dense:
            return MatchResult(
                text,
                message="Nous n'avons pas compris. Essayez avec d'autres mots, "
                "ou venez en parler à France services.",
                urgences=urgencies,
            )
        share = french_share(text, self.lexicon.knows)
        # Without a single word (numbers, punctuation, keyboard mashing), the meaning of the
        # text is noise: the dense side may rerank our lexical findings, never answer alone.
        wordless = not has_real_word(text, self.lexicon.knows)
        foreign = self.dense is not None and share < FOREIGN_BELOW and not wordless
        lexical = [] if foreign else self._lexical_ranking(query)
        dense = self.dense.rank(text) if self.dense and not (wordless and not lexical) else []
        trust = min(1.0, max(0.0, (share - FOREIGN_BELOW) / (FRENCH_FROM - FOREIGN_BELOW)))
        ranked = self._fuse(query, lexical, dense, trust, foreign)
        question = None
        if theme in THEMES:
            ranked = [m for m in ranked if self.catalogue.demarches[m.id].theme == theme]
        elif ranked and self._unclear(query, lexical):
            question = ask_theme([self.catalogue.demarches[m.id].theme for m in ranked[:10]])
        groups = [] if theme or foreign else self._several_needs(text)
        if groups:
            ranked = _interleave([g.demarches for g in groups], ranked)
            question = None
        matches = ranked[:limit]
        message = FOREIGN_MESSAGE if foreign and matches else None
        if not matches:
            message = (
                "Nous n'avons rien trouvé pour ces mots. Essayez avec d'autres mots, "
                "ou venez en parler à France services."
            )
        corrections = sorted(set(query.corrections.values()))
        return MatchResult(text, matches, message, corrections, urgencies, question, groups)

    def _several_needs(self, text: str) -> list[NeedGroup]:
        """One group per need when the text speaks of several: each clause that stands on
        its own (a confident lexical match) and points somewhere else than the others."""
        groups: list[NeedGroup] = []
        for clause in split_clauses(text):
            query = self._analyse(clause)
            lexical = self._lexical_ranking(query)
            if not lexical or lexical[0][0] < CLAUSE_MIN_SCORE:
                continue
            dense = self.dense.rank(clause) if self.dense else []
            best = self._fuse(query, lexical, dense)[:GROUP_SIZE]
            if all(best[0].id not in {m.id for m in g.demarches[:2]} for g in groups):
                groups.append(NeedGroup(clause, best))
        return groups if len(groups) >= 2 else []

    def _unclear(self, query: _Query, lexical: list) -> bool:
        if not lexical:
            return True
        best_idf = max(
            (self.index.idf[t] * w for t, w in query.terms.items() if t in self.index.idf),
            default=0.0,
        )
        second = lexical[1][0] if len(lexical) > 1 else 0.0
        return is_unclear(best_idf, lexical[0][0], second)

    def _lexical_ranking(self, query: _Query) -> list[tuple[float, str, dict[str, float]]]:
        scored = self.index.score(query.terms)
        query_stems = set(query.sequence)
        ranked = []
        for key, (score, parts) in scored.items():
            bonus = sum(
                PHRASE_BONUS * sum(self.index.idf.get(s, 0.0) for s in phrase)
                for phrase in self.phrases[key]
                if set(phrase) <= query_stems
            )
            ranked.append((score + bonus, key, parts))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        return ranked

    def _fuse(
        self,
        query: _Query,
        lexical: list,
        dense: list[tuple[str, float]],
        trust: float = 1.0,
        foreign: bool = False,
    ) -> list[Match]:
        """Reciprocal-rank fusion, the lexical side weighted by how French the text looks;
        with no lexical evidence the dense side answers alone, above a similarity floor."""
        fused: dict[str, float] = {}
        why: dict[str, str] = {}
        for rank, (_, key, parts) in enumerate(lexical):
            fused[key] = LEXICAL_WEIGHT * trust / (RRF_K + rank)
            why[key] = self._explain(query, parts)
        floor = FOREIGN_DENSE_MIN if foreign else DENSE_ALONE_MIN
        if lexical or (dense and dense[0][1] >= floor):
            for rank, (key, similarity) in enumerate(dense):
                if not lexical and similarity < floor:
                    break
                fused[key] = fused.get(key, 0.0) + DENSE_WEIGHT / (RRF_K + rank)
                why.setdefault(key, DENSE_WHY)
        order = sorted(fused, key=lambda key: (-fused[key], key))
        return [
            Match(key, self.catalogue.demarches[key].titre, round(fused[key], 4), why[key])
            for key in order
        ]

    def _analyse(self, text: str) -> _Query:
        query = _Query()
        pairs: list[tuple[str, str]] = []
        for token, surface in surface_tokens(text):
            pairs.extend((part, surface) for part in split_merged(token, self.lexicon.knows))
        for token, surface in pairs:
            if is_stopword(token):
                continue
            if token in self.lexicon.proper or token.isdigit():
                self._add_written(query, stem(token), surface)
            elif self.lexicon.knows(token):
                term = stem(token)
                shown = self.lexicon.shown(token)
                if fold(shown) == token:
                    self._add_written(query, term, surface)
                else:
                    self._add_corrected(query, term, surface, shown, 1.0)
            else:
                candidates = self.lexicon.closest(token)
                shown = self.lexicon.shown(candidates[0]) if candidates else ""
                for understood in candidates:
                    self._add_corrected(query, stem(understood), surface, shown, CORRECTED_WEIGHT)
            for infinitive in self._infinitives(token):
                if stem(token) in query.corrections:  # « loyé »: the correction is said once
                    shown = self.lexicon.shown(infinitive)
                    self._add_corrected(query, stem(infinitive), surface, shown, 1.0)
                else:
                    self._add_written(query, stem(infinitive), surface)
        tokens = [token for token, _ in pairs]
        for negator, thing, term in absence_terms(tokens):
            for variant in (term, *("!" + stem(w) for w in self._infinitives(tokens[thing]))):
                query.add(variant, 1.0)
                query.written.setdefault(variant, f"{pairs[negator][1]} … {pairs[thing][1]}")
        self._expand_synonyms(tokens, query)
        return query

    def _infinitives(self, token: str) -> list[str]:
        """« payé » is said like « payer », and people write one for the other (« j'arrive
        plus à payé », « loyé »): the « -er » form too, when our catalogue knows it and the
        stemmer gives it another stem (payer → « pai », payé → « pay »)."""
        for ending in ("ees", "ee", "es", "e"):
            if token.endswith(ending) and len(token) > len(ending) + 2:
                infinitive = token[: -len(ending)] + "er"
                if infinitive in self.lexicon.words and stem(infinitive) != stem(token):
                    return [infinitive]
                return []
        return []

    @staticmethod
    def _add_written(query: _Query, term: str, surface: str) -> None:
        query.add(term, 1.0)
        query.sequence.append(term)
        query.written.setdefault(term, surface)

    @staticmethod
    def _add_corrected(query: _Query, term: str, surface: str, shown: str, weight: float) -> None:
        query.add(term, weight)
        query.sequence.append(term)
        if term not in query.written:
            query.corrections.setdefault(term, (surface, shown))

    def _expand_synonyms(self, tokens: list[str], query: _Query) -> None:
        for forme, sens in self.synonyms:
            size = len(forme)
            if not size:
                continue
            for start in range(len(tokens) - size + 1):
                if tuple(tokens[start : start + size]) == forme:
                    for word in sens:
                        if is_stopword(word):
                            continue
                        term = stem(word)
                        query.add(term, SYNONYM_WEIGHT)
                        query.sequence.append(term)
                        query.synonyms.setdefault(term, " ".join(forme))
                    break

    def _explain(self, query: _Query, parts: dict[str, float]) -> str:
        """Plain words on what matched: « Vous avez écrit « loyé » : nous avons compris « loyer ». »"""
        best = sorted(parts, key=lambda term: -parts[term])[:3]
        said, sentences = [], []
        for term in best:
            if term in query.written:
                said.append(f"« {query.written[term]} »")
            elif term in query.corrections:
                written, understood = query.corrections[term]
                if fold(understood) in self.lexicon.proper:
                    sentences.append(
                        f"Vous avez écrit « {written} » : nous avons compris « {understood} »."
                    )
                else:  # a word people write, not one of ours: no lesson in spelling
                    said.append(f"« {written} »")
            elif term in query.synonyms:
                expression = query.synonyms[term]
                if not any(expression in already for already in said):
                    said.append(f"« {expression} »")
        said = list(dict.fromkeys(said))
        # « payé » is not said again next to « plu … payé »
        said = [s for s in said if not any(s != o and s[2:-2] in o[2:-2].split() for o in said)]
        if said:
            sentences.insert(0, f"Vous avez parlé de {_join(said)}.")
        return " ".join(dict.fromkeys(sentences)) or "Cette démarche est proche de vos mots."


def _interleave(groups: list[list[Match]], ranked: list[Match]) -> list[Match]:
    """Each need's best démarche first, then the rest of the whole-text ranking."""
    order: list[Match] = []
    for position in range(GROUP_SIZE):
        for group in groups:
            if position < len(group) and group[position].id not in {m.id for m in order}:
                order.append(group[position])
        if position == 0:
            break
    order += [m for m in ranked if m.id not in {o.id for o in order}]
    return order


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


@cache
def get_matcher() -> Matcher:
    """The matcher for the national catalogue, built once per process."""
    catalogue = load_catalogue()
    return Matcher(catalogue, load_vocabulary(), DenseIndex(catalogue))
