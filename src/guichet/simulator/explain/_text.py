"""Amounts and small phrases in plain French."""

from __future__ import annotations

NNBSP = "\u202f"


def euros(amount: float, cents: bool = True) -> str:
    """« 1 234,56 € », or « 1 235 € » without cents."""
    text = f"{amount:,.2f}" if cents and round(amount, 2) != round(amount) else f"{round(amount):,}"
    return text.replace(",", NNBSP).replace(".", ",") + NNBSP + "€"


def per_month(amount: float, cents: bool = True) -> str:
    return f"{euros(amount, cents)} par mois"


def per_year(amount: float) -> str:
    return f"{euros(amount, cents=False)} par an"


def people(count: int) -> str:
    return "1 personne" if count == 1 else f"{count} personnes"


def children(count: int) -> str:
    if count == 0:
        return "sans enfant"
    return "1 enfant" if count == 1 else f"{count} enfants"


def household_words(adults: int, kids: int) -> str:
    """« 1 adulte et 2 enfants », « un couple sans enfant »."""
    who = "un couple" if adults >= 2 else "1 adulte"
    if kids == 0:
        return f"{who} sans enfant" if adults >= 2 else "1 adulte seul"
    return f"{who} et {children(kids)}"


def over_by(resources: float, ceiling: float, period: str = "par mois") -> str:
    """« Vos ressources (X) dépassent le plafond (Y) de Z. »"""
    gap = resources - ceiling
    return (
        f"Vos ressources prises en compte ({euros(resources)} {period}) dépassent "
        f"le plafond ({euros(ceiling)} {period}) de {euros(gap)}."
    )
