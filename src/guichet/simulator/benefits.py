"""The benefits reported, under the catalogue ids, and how each is read.

Amounts are given as paid.  The engine's variables are mostly before CRDS:
the CRDS of 0.5 % (ordonnance n° 96-50, art. 14) is taken off the
prestations familiales (AF, CF, ASF, ARS, PAJE; the engine's ``crds_af``,
``crds_cf``… are minus 0.5 % of them) and the prime d'activité
(``crds_ppa``).  The aides au logement are already net of CRDS in the engine
(``aide_logement_montant``, rounded down to the euro, art. D823-16 CCH).  RSA,
AAH, ASPA, ASI and ASS are minima sociaux exempt of CRDS (art. 14-I
ordonnance n° 96-50: the engine has no CRDS variable for them).

The CAF rounds the gross to the cent and truncates the CRDS to the cent (see
``reading.paid_amount``).  The ASPA and the ASI are yearly amounts paid by
twelfths, truncated to the cent: ASPA 12 411.44 € a year in 2025 is paid
1 034.28 € a month (circulaire Cnav 2024-39), 11 533.02 € in 2023 961.08 €.
"""

from __future__ import annotations

from dataclasses import dataclass

MONTHLY, YEARLY, ONCE = "mensuelle", "annuelle", "ponctuelle"


@dataclass(frozen=True)
class BenefitSpec:
    id: str  # identifiant du catalogue (shared/eval/demarches.tsv)
    libelle: str
    variables: tuple[str, ...]  # variables OpenFisca additionnées
    periodicite: str = MONTHLY
    crds: bool = False  # montant du moteur avant CRDS : on retire 0,5 %
    yearly: bool = False  # variable définie sur l'année civile
    amount: bool = True  # False : droit sans montant versé (CSS)
    floor: bool = False  # montant mensuel tronqué au centime (ASPA, ASI : montant annuel / 12)

    @property
    def variable(self) -> str:
        return self.variables[0]


# Fixed order of computation (see engine.compute_benefits): the engine cuts dependency
# cycles, and a result may depend on which variable is computed first.
BENEFITS: tuple[BenefitSpec, ...] = (
    BenefitSpec("rsa", "Revenu de solidarité active (RSA)", ("rsa",)),
    BenefitSpec("prime-activite", "Prime d'activité", ("ppa",), crds=True),
    BenefitSpec("aide-logement", "Aide au logement", ("aide_logement",)),
    BenefitSpec("allocations-familiales", "Allocations familiales", ("af",), crds=True),
    BenefitSpec("aah", "Allocation aux adultes handicapés (AAH)", ("aah",)),
    BenefitSpec(
        "aspa", "Allocation de solidarité aux personnes âgées (ASPA)", ("aspa",), floor=True
    ),
    BenefitSpec(
        "css",
        "Complémentaire santé solidaire (CSS)",
        ("cmu_c", "css_participation_forfaitaire"),
        amount=False,
    ),
    BenefitSpec("complement-familial", "Complément familial", ("cf",), crds=True),
    BenefitSpec("asf", "Allocation de soutien familial (ASF)", ("asf",), crds=True),
    BenefitSpec("paje", "Allocation de base de la PAJE", ("paje_base",), crds=True),
    BenefitSpec(
        "ars",
        "Allocation de rentrée scolaire (ARS)",
        ("ars",),
        periodicite=YEARLY,
        crds=True,
        yearly=True,
    ),
    BenefitSpec("asi", "Allocation supplémentaire d'invalidité (ASI)", ("asi",), floor=True),
    BenefitSpec(
        "aeeh", "Allocation d'éducation de l'enfant handicapé (AEEH)", ("aeeh",), crds=True
    ),
    BenefitSpec(
        "cheque-energie", "Chèque énergie", ("cheque_energie",), periodicite=YEARLY, yearly=True
    ),
    BenefitSpec(
        "bourse-college-lycee",
        "Bourse de collège ou de lycée",
        ("bourse_college", "bourse_lycee"),
        periodicite=YEARLY,
    ),
)

BY_ID = {spec.id: spec for spec in BENEFITS}

# Sub-variables read to explain which aide au logement applies.
HOUSING_AIDS = (("apl", "APL"), ("als", "ALS"), ("alf", "ALF"))
