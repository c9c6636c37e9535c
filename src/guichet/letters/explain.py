"""A letter explained: who wrote it, its difficult words, amounts, dates and time limits,
what to do next and who can help, and how hard it is to read."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .dates import FoundAmount, FoundDate, find_amounts, find_dates, letter_date
from .deadlines import Deadline, find_deadlines
from .errors import LetterError
from .extract import check_size, read_document
from .language import has_words, looks_french
from .readability import readability
from .senders import OFFICE_NETWORKS, Sender, find_sender
from .terms import FoundTerm, default_finder
from .tokens import fold_in_place, tokenize

MAX_CHARS = 60_000
MAX_DEMARCHES = 4
HOME_NETWORK = "france-service"


@dataclass(frozen=True)
class Suggestion:
    id: str
    titre: str
    pourquoi: str

    def to_json(self) -> dict:
        return {"id": self.id, "titre": self.titre, "pourquoi": self.pourquoi}


@dataclass
class Explanation:
    text: str
    sender: Sender | None
    occurrences: list[FoundTerm]
    amounts: list[FoundAmount]
    dates: list[FoundDate]
    letter_date: FoundDate | None
    deadlines: list[Deadline]
    demarches: list[Suggestion]
    networks: list[str]
    lisibilite: dict
    kind: str = "texte"
    pages: int = 1
    today: dt.date | None = field(default=None, repr=False)

    @property
    def terms(self) -> list[FoundTerm]:
        """Each term once, where it is first written; unknown acronyms after known terms."""
        seen: set[str] = set()
        unique = []
        for found in self.occurrences:
            key = found.terme if found.known else f"?{found.text}"
            if key not in seen:
                seen.add(key)
                unique.append(found)
        return sorted(unique, key=lambda f: not f.known)

    def segments(self) -> list[tuple[str, int | None]]:
        """The text cut around its terms: (piece, number of the term in `terms`, or None)."""
        numbers = {
            (f.terme if f.known else f"?{f.text}"): index for index, f in enumerate(self.terms)
        }
        pieces: list[tuple[str, int | None]] = []
        position = 0
        for found in self.occurrences:
            pieces.append((self.text[position : found.start], None))
            pieces.append((found.text, numbers[found.terme if found.known else f"?{found.text}"]))
            position = found.end
        pieces.append((self.text[position:], None))
        return [piece for piece in pieces if piece[0]]

    def days_left(self, deadline: Deadline) -> int | None:
        """Days from `today` to a time limit; negative when it has passed."""
        if deadline.date is None or self.today is None:
            return None
        return (deadline.date - self.today).days

    def to_json(self) -> dict:
        return {
            "expediteur": self.sender.to_json() if self.sender else None,
            "termes": [
                {"terme": f.terme, "texte": _one_line(f.text), "definition": f.definition}
                for f in self.terms
            ],
            "montants": list(
                {
                    (a.value, a.text): {"valeur": a.value, "texte": a.text} for a in self.amounts
                }.values()
            ),
            "dates": [{"date": d.date.isoformat(), "texte": d.text} for d in _unique(self.dates)],
            "delais": [
                {
                    "texte": _one_line(d.text),
                    "regle": d.rule,
                    "date": d.date.isoformat() if d.date else None,
                }
                for d in self.deadlines
            ],
            "demarches": [s.to_json() for s in self.demarches],
            "lisibilite": self.lisibilite,
        }


def _one_line(text: str) -> str:
    """A term or a time limit cut by a line break in the letter, on one line."""
    return " ".join(text.split())


def _unique(dates: list[FoundDate]) -> list[FoundDate]:
    seen, unique = set(), []
    for found in dates:
        if (found.date, found.text) not in seen:
            seen.add((found.date, found.text))
            unique.append(found)
    return unique


@cache
def _term_counts() -> tuple[int, dict[str, int]]:
    from guichet.catalogue.glossary import load_glossary

    glossary = load_glossary()
    return len(glossary), Counter(d for term in glossary for d in term.demarches)


def rarity(demarche_id: str) -> float:
    """How telling it is that a term points to this démarche (inverse document frequency):
    55 terms of procedure point to « point-justice », 5 to « css »; a letter with « délai de
    recours » and « complémentaire santé solidaire » is first about the CSS."""
    total, counts = _term_counts()
    return math.log((total + 1) / (counts.get(demarche_id, 0) + 1)) + 1


def suggest(occurrences: list[FoundTerm], sender: Sender | None) -> list[Suggestion]:
    """Catalogue démarches: each term votes for its démarches (the first listed counts most,
    the rarer démarche counts more, a term written again counts a little more), the sender
    for those of its letters."""
    from guichet.catalogue import load_catalogue

    catalogue = load_catalogue()
    scores: dict[str, float] = defaultdict(float)
    reasons: dict[str, list[str]] = defaultdict(list)
    counted: dict[str, int] = defaultdict(int)
    for found in occurrences:
        if not found.known or counted[found.terme] >= 2 or _names(sender, found):
            continue
        counted[found.terme] += 1
        for rank, demarche_id in enumerate(found.term.demarches):
            scores[demarche_id] += rarity(demarche_id) / (rank + 1) / counted[found.terme]
            if found.terme not in reasons[demarche_id]:
                reasons[demarche_id].append(found.terme)
    if sender is not None:
        for rank, demarche_id in enumerate(sender.demarches):
            scores[demarche_id] += 0.75 * rarity(demarche_id) / (rank + 1)
    ranked = sorted(scores, key=lambda d: -scores[d])
    suggestions = []
    for demarche_id in ranked:
        demarche = catalogue.get(demarche_id)
        if demarche is None:
            continue
        words = ", ".join(f"« {w} »" for w in reasons[demarche_id][:3])
        why = f"le courrier parle de {words}" if words else f"le courrier vient de {sender.name}"
        suggestions.append(Suggestion(demarche.id, demarche.titre, why))
        if len(suggestions) == MAX_DEMARCHES:
            break
    return suggestions


def _names(sender: Sender | None, found: FoundTerm) -> bool:
    """The sender's own name (« CAF » on a CAF letter) says nothing of what to do."""
    return sender is not None and sender.names(found.text)


def helpers(sender: Sender | None, suggestions: list[Suggestion]) -> list[str]:
    """Networks of the places that can help: France services first, then the sender's,
    then those of the first démarche, except the offices of other bodies (a CAF letter
    does not send you to the CPAM)."""
    from guichet.catalogue import load_catalogue

    networks = [HOME_NETWORK, *(sender.networks if sender else ())]
    if suggestions:
        first = load_catalogue().get(suggestions[0].id)
        others = OFFICE_NETWORKS - set(networks)
        networks += [n for n in (first.aide_locale if first else []) if n not in others][:3]
    return list(dict.fromkeys(networks))


def explain(text: str, today: dt.date | None = None, kind: str = "texte") -> Explanation:
    """Explain a letter's text. LetterError when it is empty or not French."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")[:MAX_CHARS]
    if not has_words(text, 1):
        raise LetterError("Le texte est vide : copiez le texte du courrier dans la case.", "vide")
    if not looks_french(text):
        raise LetterError(
            "Ce courrier ne semble pas écrit en français. Nous expliquons seulement les "
            "courriers en français. Un conseiller de France services peut vous aider.",
            "langue",
        )
    folded = fold_in_place(text)
    occurrences = default_finder().find(text, tokenize(text))
    dates = find_dates(text, folded)
    dated = letter_date(text, dates, folded)
    sender = find_sender(text, folded)
    suggestions = suggest(occurrences, sender)
    return Explanation(
        text=text,
        sender=sender,
        occurrences=occurrences,
        amounts=find_amounts(text, folded),
        dates=dates,
        letter_date=dated,
        deadlines=find_deadlines(text, dated, folded),
        demarches=suggestions,
        networks=helpers(sender, suggestions),
        lisibilite=readability(text, jargon=len(occurrences), what="courrier"),
        kind=kind,
        today=today,
    )


def explain_file(
    source: str | Path | bytes, name: str | None = None, today: dt.date | None = None
) -> Explanation:
    """Explain a letter file: a path, or its bytes with its name (« courrier.pdf »)."""
    if isinstance(source, bytes):
        data, name = source, name or ""
    else:
        path = Path(source)
        try:
            check_size(path.stat().st_size)  # before reading a huge file into memory
            data = path.read_bytes()
        except FileNotFoundError:
            raise LetterError(f"Le fichier « {path} » n'existe pas.", "absent") from None
        except IsADirectoryError:
            raise LetterError(f"« {path} » est un dossier, pas un fichier.", "absent") from None
        except OSError as exc:
            raise LetterError(
                f"Le fichier « {path} » ne peut pas être lu ({exc.strerror}).", "absent"
            ) from None
        name = name or path.name
    document = read_document(data, name)
    explanation = explain(document.text, today=today, kind=document.kind)
    explanation.pages = document.pages
    return explanation
