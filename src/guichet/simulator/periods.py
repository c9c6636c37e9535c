"""Which months the engine is given, and birth dates derived from ages.

The formulas look back in time: RSA and prime d'activité read the three
previous months (art. R262-7 CASF, R843-4 CSS), the aides au logement and the
complémentaire santé solidaire the last twelve months (art. R822-4 CCH,
R861-8 CSS), the prestations familiales and the CSG rate on replacement income
the tax income of year N-2 (art. R532-3 CSS, L136-8 CSS).  A situation given
for the current month only would leave those months empty: an AAH recipient
would then look resourceless and be granted a false RSA.  The situation is
therefore repeated on every month from January of year N-2 to December of
year N.
"""

from __future__ import annotations

import numpy as np

BIRTH_MONTHS_BEFORE = 6  # né 6 mois avant l'anniversaire : l'âge déclaré vaut de M-6 à M+5
PREGNANCY_MONTHS = 3  # une grossesse déclarée couvre le mois et les 2 mois précédents


def month_index(mois: str) -> int:
    """Months since year 0, for arithmetic on "AAAA-MM" strings."""
    return int(mois[:4]) * 12 + int(mois[5:]) - 1


def month_label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def window(mois: str) -> list[str]:
    """Every month from January of year N-2 to December of year N, in order."""
    year = int(mois[:4])
    first = (year - 2) * 12
    return [month_label(i) for i in range(first, first + 36)]


def birth_date(age: int, mois: str) -> np.datetime64:
    """A birth date at which the person has exactly ``age`` years in ``mois``.

    Born on the 1st of the month, ``age`` years and 6 months before: the person
    has that age from 6 months before the month to 5 months after it.  Giving an
    age for one month instead would leave the age unknown in the months the
    formulas look back at (it zeroes the allocations familiales of a family).
    """
    index = month_index(mois) - 12 * age - BIRTH_MONTHS_BEFORE
    return np.datetime64(f"{month_label(index)}-01", "D")


def pregnancy_months(mois: str) -> list[str]:
    last = month_index(mois)
    return [month_label(i) for i in range(last - PREGNANCY_MONTHS + 1, last + 1)]
