"""Glossary terms found in a letter, wherever and however they are written.

Forms (terme, variantes, sigle_de) are compared as sequences of folded stems, so that
« TROP-PERÇU », « trop perçu » and « trop-perçus » are one term. The longest form wins
(« retenue sur prestations » before « retenue »). Acronyms are compared as written
(« UC », never « uc »). A common word that is jargon only in some letters (contrôle,
rappel, retenue: the glossary gives them a `contexte`) counts only when one of its context
words is within 12 words. An all-caps word that no glossary term explains is shown as a
« sigle inconnu », so the person knows to ask.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from guichet.catalogue.glossary import Term
from guichet.matching.text import is_stopword

from .tokens import Token, form_stems, tokenize, words

CONTEXT_WINDOW = 12
UNKNOWN_ACRONYM = (
    "Sigle inconnu : nous ne savons pas ce que veut dire ce sigle. Demandez à l'organisme "
    "qui vous écrit, ou à un conseiller de France services."
)
_ACRONYM_FORM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_ACRONYM_CANDIDATE = re.compile(r"[A-Z]{2,6}")
_ROMAN = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_POSTCODE_OR_STREET = re.compile(
    r"\b\d{5}\b|\b(?:rue|avenue|av|boulevard|bd|all[ée]e|chemin|impasse|place|route|quai|"
    r"cedex|bp|cs|tsa)\b",
    re.IGNORECASE,
)
_CIVILITY = frozenset(
    "m mme mmes mlle mr mrs madame monsieur mademoiselle messieurs maitre me dr docteur".split()
)
# All-caps words of letters that are not acronyms to ask about.
NOT_ACRONYMS = frozenset(
    """
    LE LA LES DE DU DES ET OU EN AU AUX UN UNE PAR POUR SUR SANS AVEC VOUS VOTRE VOS NOUS
    NOTRE NOS IL ILS ELLE ON NE PAS PLUS QUI QUE DANS CE CES CET SON SA SES LEUR SI EST
    AVIS OBJET DATE NOM PAGE RUE ROUTE TOTAL SOLDE DETTE AIDE AIDES DROITS DOSSIER LETTRE
    RAPPEL URGENT FRANCE DOUBS PARIS TEL MAIL WEB WWW HTTP HTTPS FR COM OK NB PS CF ETC VIA
    COPIE CODE VILLE MOIS AN ANS JOUR JOURS EURO EUROS EUR TTC HT HTVA KWH KW KVA MWH LR AR
    OUI NON REF MME MLLE MR MM DR FAX SMS PDF CEDEX BP CS TSA NO TOTAL NET BRUT TAUX BASE
    CAS MODE FIN HEURE HEURES OBJET PIECE PIECES SOIT CI JOINT JOINTE ANNEXE MADAME
    MONSIEUR DEBUT NOTE TEXTE NUMERO BIS TER
    """.split()
)


@dataclass(frozen=True, slots=True)
class FoundTerm:
    """A term where it is written; `term` is None for an acronym the glossary lacks."""

    term: Term | None
    text: str
    start: int
    end: int

    @property
    def terme(self) -> str:
        return self.term.terme if self.term else self.text

    @property
    def definition(self) -> str:
        return self.term.definition if self.term else UNKNOWN_ACRONYM

    @property
    def known(self) -> bool:
        return self.term is not None


@dataclass(frozen=True, slots=True)
class _Form:
    stems: tuple[str, ...]
    term: Term
    needs_context: bool


class TermFinder:
    def __init__(self, terms: Iterable[Term], known_words: Iterable[str] = ()):
        self._by_first: dict[str, list[_Form]] = defaultdict(list)
        self._acronyms: dict[str, Term] = {}
        self._context: dict[str, list[tuple[str, ...]]] = {}
        self._known_words = set(known_words)
        terms = list(terms)
        for term in terms:
            self._context[term.terme] = _context_entries(term)
            for form in (term.terme, *term.variantes):
                self._add(term, form)
        for term in terms:  # an expansion never takes a form from another term
            if term.sigle_de:
                self._add(term, term.sigle_de, only_if_new=True)
        for forms in self._by_first.values():
            forms.sort(key=lambda f: -len(f.stems))

    def _add(self, term: Term, form: str, only_if_new: bool = False) -> None:
        self._known_words.update(words(form))
        if _ACRONYM_FORM.fullmatch(form):
            if not (only_if_new and form in self._acronyms):
                self._acronyms.setdefault(form, term)
            return
        stems = form_stems(form)
        if not stems:
            return
        existing = self._by_first[stems[0]]
        if only_if_new and any(f.stems == stems for f in existing):
            return
        significant = [s for s in stems if not is_stopword(s)]
        needs_context = len(significant) <= 1 and (
            bool(term.contexte) or _cut_from_longer(term, form)
        )
        existing.append(_Form(stems, term, needs_context))

    def find(self, text: str, tokens: list[Token] | None = None) -> list[FoundTerm]:
        """Every occurrence, in the order of the text, known terms and unknown acronyms."""
        tokens = tokenize(text) if tokens is None else tokens
        candidates = self._candidates(tokens)
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = [False] * len(tokens)
        found: list[FoundTerm] = []
        for begin, end, form in candidates:
            if any(taken[begin:end]):
                continue
            if form.needs_context and not self._in_context(form.term, tokens, begin, end):
                continue
            if _in_street_name(tokens, begin):
                continue
            taken[begin:end] = [True] * (end - begin)
            start, stop = tokens[begin].start, tokens[end - 1].end
            found.append(FoundTerm(form.term, text[start:stop], start, stop))
        found.extend(self._unknown_acronyms(text, tokens, taken))
        found.sort(key=lambda f: f.start)
        return found

    def _candidates(self, tokens: list[Token]) -> list[tuple[int, int, _Form]]:
        candidates = []
        for index, token in enumerate(tokens):
            acronym = self._acronym(token)
            if acronym is not None:
                candidates.append((index, index + 1, _Form((token.stem,), acronym, False)))
            for form in self._by_first.get(token.stem, ()):
                end = index + len(form.stems)
                if end <= len(tokens) and all(
                    tokens[index + k].stem == form.stems[k] and tokens[index + k].joined
                    for k in range(1, len(form.stems))
                ):
                    candidates.append((index, end, form))
        return candidates

    def _acronym(self, token: Token) -> Term | None:
        """« CAF », and « Caf » inside a sentence (never « Pas » opening one)."""
        if token.is_caps:
            return self._acronyms.get(token.surface)
        surface = token.surface
        if len(surface) >= 3 and not token.sentence_start and surface.istitle():
            return self._acronyms.get(surface.upper())
        return None

    def _in_context(self, term: Term, tokens: list[Token], begin: int, end: int) -> bool:
        near = tokens[max(0, begin - CONTEXT_WINDOW) : begin] + tokens[end : end + CONTEXT_WINDOW]
        stems = {t.stem for t in near if not is_stopword(t.folded)}  # « du » is not « dû »
        return any(all(s in stems for s in entry) for entry in self._context[term.terme])

    def _unknown_acronyms(self, text: str, tokens: list[Token], taken: list[bool]):
        lowercase_words = {t.folded for t in tokens if not t.is_caps}
        skipped = _names_addresses_and_headings(text, tokens)
        for index, token in enumerate(tokens):
            surface = token.surface
            if (
                taken[index]
                or index in skipped
                or not _ACRONYM_CANDIDATE.fullmatch(surface)
                or surface in NOT_ACRONYMS
                or _ROMAN.fullmatch(surface)
                or token.folded in lowercase_words
                or token.folded in self._known_words
            ):
                continue
            yield FoundTerm(None, surface, token.start, token.end)


# Words that say a letter is about a domain: the context of a word cut from a longer
# term when the glossary gives it no `contexte` of its own (« retenues » of « retenue sur
# prestations »: « des retenues sur vos allocations », not « les eaux retenues »).
DOMAIN_WORDS = {
    "caf": "caf allocation allocataire prestation aide droits",
    "cpam": "cpam assurance maladie assure soins remboursement indemnites",
    "france-travail": "france travail emploi chomage allocation indemnisation inscription",
    "impots": "impots impot fiscal revenus taxe finances publiques",
    "mdph": "mdph handicap autonomie",
    "prefecture": "prefecture sejour titre etranger",
    "justice": "tribunal juge jugement justice commissaire huissier decision cour",
    "logement": "loyer logement bail bailleur locataire",
    "energie": "electricite gaz energie compteur facture fournisseur",
    "banque": "banque compte bancaire credit prelevement",
    "retraite": "retraite pension carsat",
    "departement": "departement rsa social",
    "general": "decision dossier courrier administration organisme droits",
}


def _cut_from_longer(term: Term, form: str) -> bool:
    """A one-word variant of a term of several words (« retenues », « appel »): alone, it
    is often an everyday word."""
    return form != term.terme and len([s for s in form_stems(term.terme) if not is_stopword(s)]) > 1


def _context_entries(term: Term) -> list[tuple[str, ...]]:
    """The glossary's `contexte`, else the term's own other words and its domains' words."""
    if term.contexte:
        return [s for s in map(form_stems, term.contexte) if s]
    own = {
        stem
        for form in (term.terme, *term.variantes, term.sigle_de or "")
        if len(form_stems(form)) > 1
        for stem in form_stems(form)
        if not is_stopword(stem) and len(stem) > 2
    }
    domains = {stem for d in term.domaines for stem in form_stems(DOMAIN_WORDS.get(d, ""))}
    return [(stem,) for stem in sorted(own | domains)]


_STREETS = frozenset("rue avenue place boulevard bd allee chemin quai impasse".split())
_ARTICLES = frozenset("de la du des l d".split())


def _in_street_name(tokens: list[Token], begin: int) -> bool:
    """« rue de la Préfecture », « place du Marché »: an address, not a term."""
    before = [t.folded for t in tokens[max(0, begin - 3) : begin]]
    while before and before[-1] in _ARTICLES:
        before.pop()
    return bool(before) and before[-1] in _STREETS and tokens[begin].surface[:1].isupper()


def _names_addresses_and_headings(text: str, tokens: list[Token]) -> set[int]:
    """Capitals that are not acronyms: a name after « M. » or « Madame », an address line,
    a heading (three capital words or more, or a long one: « MISE EN DEMEURE »)."""
    skipped: set[int] = set()
    address_lines = {text.count("\n", 0, m.start()) for m in _POSTCODE_OR_STREET.finditer(text)}
    run: list[int] = []
    for index, token in enumerate(tokens + [None]):
        if token is not None and token.line in address_lines:
            skipped.add(index)
        if token is not None and not any(c.islower() for c in token.surface):
            if run and tokens[run[-1]].line != token.line:
                _close_run(run, tokens, skipped)
                run = []
            run.append(index)
            continue
        _close_run(run, tokens, skipped)
        run = []
    for index, token in enumerate(tokens):
        if token.folded in _CIVILITY:  # « Monsieur Karim BENALI », « Mme LEROY-DUPUIS »
            follow = index + 1
            while follow < min(len(tokens), index + 5) and tokens[follow].surface[0].isupper():
                skipped.add(follow)
                follow += 1
    return skipped


def _close_run(run: list[int], tokens: list[Token], skipped: set[int]) -> None:
    lettered = [tokens[i] for i in run if any(c.isalpha() for c in tokens[i].surface)]
    if len(lettered) >= 3 or any(
        len(t.surface) >= 7 or t.surface != t.folded.upper() for t in lettered
    ):
        skipped.update(run)


@cache
def known_words() -> frozenset[str]:
    """Words our own prose (the catalogue) writes in small letters: in capitals, they are
    words of a heading, not acronyms."""
    from guichet.catalogue import load_catalogue

    found: set[str] = set()
    for demarche in load_catalogue():
        for part in (
            demarche.titre,
            demarche.nom_officiel,
            demarche.resume,
            *demarche.pour_qui,
            *demarche.ce_que_vous_recevez,
            *demarche.etapes,
            *demarche.documents,
        ):
            found.update(words(" ".join(w for w in part.split() if not w.isupper())))
    return frozenset(w for w in found if len(w) > 1)


def catalogue_acronyms(glossary: Iterable[Term]) -> list[Term]:
    """The catalogue's acronyms that the glossary does not explain (« AAH », « ASF »),
    explained by the démarche's official name."""
    from guichet.catalogue import load_catalogue

    forms = {form for term in glossary for form in (term.terme, *term.variantes)}
    extra = []
    for demarche in load_catalogue():
        sigle = demarche.sigle
        if sigle and _ACRONYM_FORM.fullmatch(sigle) and sigle not in forms:
            forms.add(sigle)
            extra.append(
                Term(
                    terme=sigle,
                    sigle_de=demarche.nom_officiel,
                    domaines=["general"],
                    definition=f"{sigle} veut dire « {demarche.nom_officiel} ». {demarche.titre}.",
                    demarches=[demarche.id],
                )
            )
    return extra


@cache
def default_finder() -> TermFinder:
    from guichet.catalogue.glossary import load_glossary

    glossary = load_glossary()
    return TermFinder([*glossary, *catalogue_acronyms(glossary)], known_words())
