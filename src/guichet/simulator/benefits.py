"""The benefits computed by the engine, under the catalogue ids, and how each is read.

Amounts are given as paid.  The engine's variables are mostly before CRDS:
the CRDS of 0.5 % (ordonnance n° 96-50, art. 14) is taken off the
prestations familiales (AF, CF, ASF, ARS, PAJE and its prime à la naissance,
AEEH; the engine's ``crds_af``, ``crds_cf``… are minus 0.5 % of them) and the
prime d'activité (``crds_ppa``).  The aides au logement are already net of
CRDS in the engine (``aide_logement_montant``, rounded down to the euro,
art. D823-16 CCH).  RSA, AAH, ASPA, ASI and ASS are minima sociaux exempt of
CRDS (art. 14-I ordonnance n° 96-50: the engine has no CRDS variable for
them); the APA, the CEJ allocation and the bourses are not income for it.

The CAF rounds the gross to the cent and truncates the CRDS to the cent (see
``reading.paid_amount``).  The ASPA and the ASI are yearly amounts paid by
twelfths, truncated to the cent: ASPA 12 411.44 € a year in 2025 is paid
1 034.28 € a month (circulaire Cnav 2024-39), 11 533.02 € in 2023 961.08 €.

``bourse_college`` and ``bourse_lycee`` are monthly variables that return the
yearly amount (paid by thirds each term); ``css_participation_forfaitaire`` is
labelled yearly but is the monthly participation (art. D861-3 CSS).
"""

from __future__ import annotations

from dataclasses import dataclass

MONTHLY, YEARLY, ONCE = "mensuelle", "annuelle", "ponctuelle"


@dataclass(frozen=True)
class BenefitSpec:
    id: str  # identifiant du résultat ; identifiant du catalogue sauf paje-naissance et asi
    libelle: str
    variables: tuple[str, ...]  # variables OpenFisca additionnées
    nom: str  # nom court dans une phrase : « de prime d'activité »
    periodicite: str = MONTHLY
    crds: bool = False  # montant du moteur avant CRDS : on retire 0,5 %
    yearly: bool = False  # variable définie sur l'année civile
    amount: bool = True  # False : droit sans montant versé (CSS)
    floor: bool = False  # montant mensuel tronqué au centime (ASPA, ASI : montant annuel / 12)
    demarche: str = ""  # identifiant du catalogue (shared/eval/demarches.tsv), id par défaut
    row: str = "base"  # "naissance" : lu sur le foyer avec l'enfant à naître

    @property
    def variable(self) -> str:
        return self.variables[0]

    @property
    def catalogue_id(self) -> str:
        return self.demarche or self.id


def _spec(*args, **kwargs) -> BenefitSpec:
    return BenefitSpec(*args, **kwargs)


# Fixed order of computation (see engine.compute_benefits): the engine cuts dependency
# cycles, and a result may depend on which variable is computed first.
BENEFITS: tuple[BenefitSpec, ...] = (
    _spec("rsa", "Revenu de solidarité active (RSA)", ("rsa",), "de RSA"),
    _spec("prime-activite", "Prime d'activité", ("ppa",), "de prime d'activité", crds=True),
    _spec("aide-logement", "Aide au logement", ("aide_logement",), "d'aide au logement"),
    _spec(
        "allocations-familiales",
        "Allocations familiales",
        ("af",),
        "d'allocations familiales",
        crds=True,
    ),
    _spec("aah", "Allocation aux adultes handicapés (AAH)", ("aah", "caah"), "d'AAH"),
    _spec(
        "aspa",
        "Allocation de solidarité aux personnes âgées (ASPA)",
        ("aspa",),
        "d'ASPA",
        floor=True,
    ),
    _spec(
        "css",
        "Complémentaire santé solidaire (CSS)",
        ("cmu_c", "css_participation_forfaitaire"),
        "de complémentaire santé solidaire",
        amount=False,
    ),
    _spec(
        "complement-familial", "Complément familial", ("cf",), "de complément familial", crds=True
    ),
    _spec("asf", "Allocation de soutien familial (ASF)", ("asf",), "d'ASF", crds=True),
    _spec(
        "paje",
        "Allocation de base de la PAJE",
        ("paje_base",),
        "d'allocation de base de la PAJE",
        crds=True,
    ),
    _spec(
        "ars",
        "Allocation de rentrée scolaire (ARS)",
        ("ars",),
        "d'allocation de rentrée scolaire",
        periodicite=YEARLY,
        crds=True,
        yearly=True,
    ),
    _spec(
        "asi",
        "Allocation supplémentaire d'invalidité (ASI)",
        ("asi",),
        "d'ASI",
        floor=True,
        demarche="pension-invalidite",
    ),
    _spec(
        "aeeh",
        "Allocation d'éducation de l'enfant handicapé (AEEH)",
        ("aeeh",),
        "d'AEEH",
        crds=True,
    ),
    _spec(
        "cheque-energie",
        "Chèque énergie",
        ("cheque_energie",),
        "de chèque énergie",
        periodicite=YEARLY,
        yearly=True,
    ),
    _spec(
        "bourse-college-lycee",
        "Bourse de collège ou de lycée",
        ("bourse_college", "bourse_lycee"),
        "de bourse de collège ou de lycée",
        periodicite=YEARLY,
    ),
    _spec(
        "bourse-etudiant",
        "Bourse sur critères sociaux (études supérieures)",
        ("bourse_criteres_sociaux",),
        "de bourse étudiante",
    ),
    _spec("ass", "Allocation de solidarité spécifique (ASS)", ("ass",), "d'ASS"),
    _spec(
        "cej",
        "Allocation du contrat d'engagement jeune (CEJ)",
        ("contrat_engagement_jeune",),
        "d'allocation CEJ",
    ),
    _spec(
        "apa", "Allocation personnalisée d'autonomie à domicile (APA)", ("apa_domicile",), "d'APA"
    ),
    _spec(
        "paje-naissance",
        "Prime à la naissance (PAJE)",
        ("paje_naissance",),
        "de prime à la naissance",
        periodicite=ONCE,
        crds=True,
        demarche="paje",
        row="naissance",
    ),
)

BY_ID = {spec.id: spec for spec in BENEFITS}

# Sub-variables read to explain which aide au logement applies.
HOUSING_AIDS = (("apl", "APL"), ("als", "ALS"), ("alf", "ALF"))
