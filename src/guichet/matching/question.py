"""A clarifying question when we are unsure, instead of a guess.

The rule was measured on tests/eval_data (needs tagged « vague » against the others):
a text is unclear when none of its words is specific to a few démarches (the best
weighted IDF stays under SPECIFIC_IDF), or when the best lexical score is low and
barely ahead of the second one.
"""

from __future__ import annotations

from dataclasses import dataclass

SPECIFIC_IDF = 1.4
LOW_SCORE = 6.0
NARROW_LEAD = 1.1

THEMES: dict[str, str] = {
    "revenus": "De l'argent pour vivre",
    "logement": "Le logement",
    "sante": "La santé, les soins",
    "famille": "La famille, les enfants",
    "emploi": "Le travail, le chômage",
    "papiers": "Les papiers, les impôts",
    "handicap": "Le handicap",
    "seniors": "Les personnes âgées",
    "budget": "Les dettes, la nourriture",
    "justice": "Un litige, une lettre à contester",
    "jeunes": "Les jeunes",
    "numerique": "Internet, lire ou écrire",
    "mobilite": "Les transports",
}
DEFAULT_ORDER = ("revenus", "logement", "sante", "famille", "emploi", "papiers")
MIN_CHOICES, MAX_CHOICES = 3, 6


@dataclass(frozen=True)
class Choice:
    theme: str
    libelle: str


@dataclass(frozen=True)
class Question:
    texte: str
    choix: tuple[Choice, ...]

    def to_json(self) -> dict:
        return {
            "texte": self.texte,
            "choix": [{"theme": c.theme, "libelle": c.libelle} for c in self.choix],
        }


def is_unclear(best_idf: float, best_score: float, second_score: float) -> bool:
    if best_idf < SPECIFIC_IDF:
        return True
    return best_score < LOW_SCORE and best_score < NARROW_LEAD * max(second_score, 1e-9)


def ask_theme(candidate_themes: list[str]) -> Question:
    """« C'est à propos de quoi ? » with the themes of the best candidates first."""
    ordered = list(dict.fromkeys(t for t in candidate_themes if t in THEMES))[:MAX_CHOICES]
    for theme in DEFAULT_ORDER:
        if len(ordered) >= MIN_CHOICES:
            break
        if theme not in ordered:
            ordered.append(theme)
    return Question(
        "Pour mieux vous aider : c'est à propos de quoi ?",
        tuple(Choice(theme, THEMES[theme]) for theme in ordered),
    )
